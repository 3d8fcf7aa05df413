"""Claims per construction, over the trained French parse: (sentence, expected) tables."""

import pytest

from textkg.extract import extract_record
from textkg.records import Document

from .language import resources

pytestmark = pytest.mark.model


def extract(nlp, text):
    record = extract_record(nlp(text), Document(id="t", text=text), resources())
    labels = {e.id: e.label for e in record.entities}
    claims = [
        (labels.get(c.speaker), labels.get(c.source), c.quote, c.polarity, text[c.content[0][0] : c.content[0][1]])
        for c in record.claims
    ]
    return record, labels, claims


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        (
            "selon X, no reporting verb: a news agency is the source",
            "Selon Reuters, la Russie a déployé des missiles en Biélorussie.",
            (None, "Reuters", False, "positive", "la Russie a déployé des missiles en Biélorussie"),
        ),
        (
            "selon X, no reporting verb: anyone else speaks",
            "Selon Moscou, la Biélorussie a déployé des missiles à sa frontière.",
            ("Moscou", None, False, "positive", "la Biélorussie a déployé des missiles à sa frontière"),
        ),
        (
            "d'après X",
            "D'après l'AFP, la Chine a livré des drones à la Russie.",
            (None, "AFP", False, "positive", "la Chine a livré des drones à la Russie"),
        ),
        (
            "rapporte X, after the content",
            "Les combats ont repris à Bakhmout, rapporte l'AFP.",
            (None, "AFP", False, "positive", "Les combats ont repris à Bakhmout"),
        ),
        (
            "an infinitive clause reported",
            "Le ministre Jean Dupont a annoncé samedi avoir signé un accord avec la Chine.",
            ("Jean Dupont", None, False, "positive", "avoir signé un accord avec la Chine"),
        ),
        (
            "cité par X",
            "Le ministre Sergueï Lavrov a affirmé, cité par Reuters, que l'Ukraine perdrait la guerre.",
            ("Sergueï Lavrov", "Reuters", False, "positive", "l'Ukraine perdrait la guerre"),
        ),
        (
            "speaker named after a title",
            "Le maire de Lyon, Grégory Doucet, a annoncé que la ville installerait des caméras dans le métro.",
            ("Grégory Doucet", None, False, "positive", "la ville installerait des caméras dans le métro"),
        ),
        (
            "l'information selon laquelle",
            "Viktor Khrenin a donné l'information selon laquelle des missiles Iskander-M seront installés en Biélorussie.",
            ("Viktor Khrenin", None, False, "positive", "des missiles Iskander-M seront installés en Biélorussie"),
        ),
        (
            "a démenti l'information selon laquelle",
            "Le ministre Jean Dupont a démenti l'information selon laquelle des soldats seraient au Mali.",
            ("Jean Dupont", None, False, "negative", "des soldats seraient au Mali"),
        ),
        (
            "a démenti que",
            "Le Kremlin a démenti que des soldats russes combattaient au Mali.",
            ("Kremlin", None, False, "negative", "des soldats russes combattaient au Mali"),
        ),
        (
            "n'a pas confirmé",
            "Le Kremlin n'a pas confirmé que la Russie enverrait des troupes en Syrie.",
            ("Kremlin", None, False, "negative", "la Russie enverrait des troupes en Syrie"),
        ),
        (
            "a nié + noun phrase",
            "Alexandre Loukachenko a nié toute intention d'attaquer l'Ukraine.",
            ("Alexandre Loukachenko", None, False, "negative", "toute intention d'attaquer l'Ukraine"),
        ),
        (
            "trailing incise after a coordinated clause",
            "Moscou conservera le contrôle des armes, a indiqué Sergueï Choïgou.",
            ("Sergueï Choïgou", None, False, "positive", "Moscou conservera le contrôle des armes"),
        ),
    ],
)
def test_claims(fr_nlp, construction, text, expected):
    _, _, claims = extract(fr_nlp, text)
    assert claims == [expected], construction


def test_pronoun_speaker_continues_the_last_named_subject(fr_nlp):
    text = "Emmanuel Macron a parlé avec Joe Biden. Il a ajouté que la France soutiendrait l'Ukraine."
    record, labels, claims = extract(fr_nlp, text)
    assert [(s, content) for s, _, _, _, content in claims] == [("Emmanuel Macron", "la France soutiendrait l'Ukraine")]
    support = [r for r in record.relations if r.predicate == "soutenir"]
    assert support and support[0].claim == record.claims[0].id


def test_content_of_a_claim_is_attached_not_asserted(fr_nlp):
    text = "Le Kremlin a démenti que des soldats russes combattaient au Mali."
    record, _, _ = extract(fr_nlp, text)
    fight = [r for r in record.relations if r.predicate == "combattre"]
    assert fight and all(r.claim == record.claims[0].id for r in fight)


@pytest.mark.parametrize(
    "text",
    [
        "La réunion a duré deux heures.",
        "Il a déclaré forfait.",  # no named speaker and nobody named before: no claim
        "La Russie a déployé des missiles en Biélorussie.",
        "Jean Dupont a quitté la salle pour rejoindre ses collègues.",  # an infinitive of purpose, no reporting verb
        "Le ministre Jean Dupont a annoncé la nouvelle pour rassurer les habitants.",  # reported: a noun, not a clause
    ],
)
def test_no_claim(fr_nlp, text):
    _, _, claims = extract(fr_nlp, text)
    assert claims == []


def test_sample_article_events_and_claims(sample_record):
    text = sample_record.document.text
    labels = {e.id: e.label for e in sample_record.entities}
    entity = {e.id: e for e in sample_record.entities}

    def named(ids):
        return {labels[i] for i in ids}

    deployments = [r for r in sample_record.relations if r.event_class == "Deployment"]
    assert any(
        "Biélorussie" in named(r.arguments.get("location", ()))
        and any(entity[i].type == "Concept" and ("arme" in labels[i] or "arsenal" in labels[i]) for i in r.arguments.get("theme", ()))
        for r in deployments
    ), deployments
    choigu = {e.id for e in sample_record.entities if "Cho" in e.label}
    assert len(choigu) == 1, "Choïgou, Choigu and Choïgu are one node"
    assert any(c.speaker in choigu for c in sample_record.claims)
    assert any(c.source is not None and labels[c.source] == "Reuters" for c in sample_record.claims)
    quote = "Les menaces nucléaires de l'OTAN obligent la Russie et la Biélorussie à prendre des mesures de représailles"
    assert any(c.quote and text[c.content[0][0] : c.content[0][1]] == quote and c.speaker in choigu for c in sample_record.claims)
    denials = [c for c in sample_record.claims if c.cue == "a nié"]
    assert denials and denials[0].polarity == "negative" and "Loukachenko" in labels[denials[0].speaker]
