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
            "Selon DPA, la Pologne a déployé des missiles en Hongrie.",
            (None, "DPA", False, "positive", "la Pologne a déployé des missiles en Hongrie"),
        ),
        (
            "selon X, no reporting verb: anyone else speaks",
            "Selon Varsovie, la Hongrie a déployé des missiles à sa frontière.",
            ("Varsovie", None, False, "positive", "la Hongrie a déployé des missiles à sa frontière"),
        ),
        (
            "d'après X",
            "D'après l'AFP, la Chine a livré des drones à la Pologne.",
            (None, "AFP", False, "positive", "la Chine a livré des drones à la Pologne"),
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
            "Le ministre Sergueï Lavrov a affirmé, cité par DPA, que l'Ukraine perdrait la guerre.",
            ("Sergueï Lavrov", "DPA", False, "positive", "l'Ukraine perdrait la guerre"),
        ),
        (
            "speaker named after a title",
            "Le maire de Lyon, Grégory Doucet, a annoncé que la ville installerait des caméras dans le métro.",
            ("Grégory Doucet", None, False, "positive", "la ville installerait des caméras dans le métro"),
        ),
        (
            "l'information selon laquelle",
            "Paul Martin a donné l'information selon laquelle des missiles Kalibr-M seront installés en Hongrie.",
            ("Paul Martin", None, False, "positive", "des missiles Kalibr-M seront installés en Hongrie"),
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
            "Le Kremlin n'a pas confirmé que la Pologne enverrait des troupes en Syrie.",
            ("Kremlin", None, False, "negative", "la Pologne enverrait des troupes en Syrie"),
        ),
        (
            "a nié + noun phrase",
            "Marie Lefort a nié toute intention d'attaquer la Hongrie.",
            ("Marie Lefort", None, False, "negative", "toute intention d'attaquer la Hongrie"),
        ),
        (
            "trailing incise after a coordinated clause",
            "Varsovie gardera le contrôle des ports, a indiqué Paul Martin.",
            ("Paul Martin", None, False, "positive", "Varsovie gardera le contrôle des ports"),
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
        "La Pologne a déployé des missiles en Hongrie.",
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


def claims_of(nlp, text):
    """Each claim as (speaker label, speaker type, source label, cue, stance, quote, polarity, content)."""
    record = extract_record(nlp(text), Document(id="t", text=text), resources())
    entity = {e.id: e for e in record.entities}

    def label(i):
        return entity[i].label if i in entity else None

    return [
        (
            label(c.speaker),
            entity[c.speaker].type if c.speaker in entity else None,
            label(c.source),
            c.cue,
            c.stance,
            c.quote,
            c.polarity,
            text[c.content[0][0] : c.content[0][1]],
        )
        for c in record.claims
    ]


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        (
            "an unnamed speaker is a description (a Concept)",
            "Le porte-parole de la mairie a déclaré que la piscine fermerait en juin.",
            [("porte-parole", "Concept", None, "a déclaré", "Statement", False, "positive", "la piscine fermerait en juin")],
        ),
        (
            "an incise after the content, its speaker after the verb",
            "Le contrat sera signé lundi, ont déclaré deux sources proches du dossier.",
            [("sources proches", "Concept", None, "ont déclaré", "Statement", False, "positive", "Le contrat sera signé lundi")],
        ),
        (
            "a quotation before its incise",
            "« Nous ne céderons pas », a déclaré Marie Lefort.",
            [("Marie Lefort", "Person", None, "a déclaré", "Statement", True, "positive", "Nous ne céderons pas")],
        ),
        (
            "a subject clitic after the verb follows coreference",
            "Paul Garnier a visité l'usine. « La situation est grave », a-t-il ajouté.",
            [("Paul Garnier", "Person", None, "a ajouté", "Statement", True, "positive", "La situation est grave")],
        ),
        (
            "a quotation of several sentences after a colon",
            "Paul Garnier a déclaré : « Nous avons perdu. Nous reviendrons. »",
            [("Paul Garnier", "Person", None, "a déclaré", "Statement", True, "positive", "Nous avons perdu. Nous reviendrons.")],
        ),
        (
            "a mark of omission between two sentences cuts a quotation in two",
            "« Nous avons perdu ! [...] Nous reviendrons l'an prochain » a déclaré Paul Garnier.",
            [
                ("Paul Garnier", "Person", None, "a déclaré", "Statement", True, "positive", "Nous avons perdu !"),
                ("Paul Garnier", "Person", None, "a déclaré", "Statement", True, "positive", "Nous reviendrons l'an prochain"),
            ],
        ),
        (
            "Pour X, ...: a view",
            "Pour le syndicat, cette réforme est une erreur.",
            [("syndicat", "Concept", None, "Pour", "Statement", False, "positive", "cette réforme est une erreur")],
        ),
        (
            "comme le rappelle X",
            "La loi interdit ces ventes, comme le rappelle l'avocat Jean Morel.",
            [("Jean Morel", "Person", None, "rappelle", "Statement", False, "positive", "La loi interdit ces ventes")],
        ),
        (
            "comme l'a rappelé X, « ... »: the quotation after the speaker",
            "L'usine a fermé en mars. Pourtant, comme l'a rappelé Jean Morel, « la loi interdit ces fermetures ».",
            [("Jean Morel", "Person", None, "a rappelé", "Statement", True, "positive", "la loi interdit ces fermetures")],
        ),
        (
            "an outlet after à is the source, the speaker stays the person",
            "Paul Garnier a déclaré à l'AFP que l'usine fermerait en mars.",
            [("Paul Garnier", "Person", "AFP", "a déclaré", "Statement", False, "positive", "l'usine fermerait en mars")],
        ),
        (
            "d'après a text cites its author",
            "D'après le communiqué du ministère, l'usine fermera en mars.",
            [("ministère", "Concept", None, "D'après", "Statement", False, "positive", "l'usine fermera en mars")],
        ),
        (
            "a verb of stance reports its object",
            "Le maire a dénoncé la fermeture de l'hôpital.",
            [("maire", "Concept", None, "a dénoncé", "Accusation", False, "positive", "la fermeture de l'hôpital")],
        ),
        (
            "a promise",
            "Le club a promis de rembourser les supporters.",
            [("club", "Concept", None, "a promis", "Promise", False, "positive", "rembourser les supporters")],
        ),
        (
            "a denial of an infinitive",
            "Le ministre Jean Dupont a démenti avoir licencié des employés.",
            [("Jean Dupont", "Person", None, "a démenti", "Denial", False, "negative", "avoir licencié des employés")],
        ),
        (
            "an announcement noun and the clause beside it",
            "L'annonce est tombée lundi, la société Verdal va fermer deux usines.",
            [("annonce", "Concept", None, "L'annonce est tombée", "Statement", False, "positive", "la société Verdal va fermer deux usines")],
        ),
        (
            "a phrase between the auxiliary and the participle",
            "Le ministre Jean Dupont a de son côté dénoncé « une campagne de désinformation ».",
            [("Jean Dupont", "Person", None, "dénoncé", "Accusation", True, "positive", "une campagne de désinformation")],
        ),
        (
            "a title, then the name set off by commas",
            "La directrice de l'école, Mme Anne Roy, a déclaré que les cours reprendraient lundi.",
            [("Anne Roy", "Person", None, "a déclaré", "Statement", False, "positive", "les cours reprendraient lundi")],
        ),
        (
            "a headline quotation: a name, a colon, the words",
            "Anne Roy : « Nous ne céderons pas sur les salaires »",
            [("Anne Roy", "Person", None, ":", "Statement", True, "positive", "Nous ne céderons pas sur les salaires")],
        ),
        (
            "a quotation alone goes on with the speaker of the sentence before",
            "Le maire Paul Garnier a déclaré que les travaux reprendraient lundi. « Nous avons trouvé un accord. »",
            [
                ("Paul Garnier", "Person", None, "a déclaré", "Statement", False, "positive", "les travaux reprendraient lundi"),
                ("Paul Garnier", "Person", None, "a déclaré", "Statement", True, "positive", "Nous avons trouvé un accord."),
            ],
        ),
        (
            "selon unnamed witnesses",
            "Selon des témoins, les soldats ont tiré sur la foule.",
            [("témoins", "Concept", None, "Selon", "Statement", False, "positive", "les soldats ont tiré sur la foule")],
        ),
    ],
)
def test_claim_patterns(fr_nlp, construction, text, expected):
    assert claims_of(fr_nlp, text) == expected, construction


def test_a_pronoun_speaker_that_coreference_ties_to_a_thing_falls_back_to_the_body_named_before(fr_nlp):
    text = "L'association Terre Claire a tenu une réunion mardi. Elle a ensuite affirmé que le projet serait abandonné."
    assert [(speaker, content) for speaker, *_, content in claims_of(fr_nlp, text)] == [("Terre Claire", "le projet serait abandonné")]


def test_a_government_with_a_country_adjective_speaks_for_the_country(fr_nlp):
    text = "Le Mali a fermé sa frontière. Le gouvernement malien a dénoncé l'attaque du convoi."
    assert [(speaker, stance) for speaker, _, _, _, stance, *_ in claims_of(fr_nlp, text)] == [("Mali", "Accusation")]


def test_a_speech_act_is_an_event_and_what_it_reports_belongs_to_its_claim(fr_nlp):
    text = "Le ministre Jean Dupont a condamné les violences à Lyon."
    record = extract_record(fr_nlp(text), Document(id="t", text=text), resources())
    labels = {e.id: e.label for e in record.entities}
    (claim,) = record.claims
    facts = {(r.predicate, r.claim): {k: [labels[i] for i in v] for k, v in r.arguments.items()} for r in record.relations}
    assert facts[("condamner", None)] == {"agent": ["Jean Dupont"]}
    assert facts[("violence", claim.id)] == {"location": ["Lyon"]}


@pytest.mark.parametrize(
    "text",
    [
        "Cette hausse rapportera trois milliards d'euros à l'État.",  # "rapporter" money: nobody speaks
        "Le tribunal a condamné l'accusé à cinq ans de prison.",  # a sentence, not words: its object is a person
        "Le président a salué le vainqueur.",  # greeting someone says nothing
        "Selon l'accord, les troupes quitteront la ville.",  # an agreement is no speaker
        "Pour les habitants du quartier, la rue sera fermée.",  # for whom, not whose view
        "Le maire Paul Garnier a visité le chantier. « Les travaux sont finis. »",  # nobody spoke before
        "Le festival « Nuits blanches » aura lieu en juin.",  # a title in quotation marks
    ],
)
def test_no_claim_without_someone_saying_something(fr_nlp, text):
    assert claims_of(fr_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "predicate", "modality"),
    [
        ("Le présumé meurtrier a été arrêté par la police à Lyon.", "arrêter", "reported"),
        ("Neuf personnes auraient été blessées à Lyon.", "blesser", "hypothetical"),  # the journalistic conditional
        ("Le meurtrier a été arrêté par la police à Lyon.", "arrêter", "asserted"),
    ],
)
def test_hedged_facts_without_a_speaker_are_not_asserted(fr_nlp, text, predicate, modality):
    record = extract_record(fr_nlp(text), Document(id="t", text=text), resources())
    assert [(r.modality, r.claim) for r in record.relations if r.predicate == predicate] == [(modality, None)]


def test_the_sample_khrenin_claim_holds_the_deployment(sample_record):
    """"laquelledes missilses" (glued words and a typo in the sample) read as "laquelle des
    missiles": Khrenin's claim holds the deployment of the Iskander-M and the S-400 in Belarus,
    "son pays" being the country of the Belarusian minister."""
    labels = {e.id: e.label for e in sample_record.entities}
    (khrenin,) = [c for c in sample_record.claims if labels.get(c.speaker) == "Viktor Khrenin"]
    (deployment,) = [r for r in sample_record.relations if r.claim == khrenin.id and r.event_class == "Deployment"]
    arguments = {role: {labels[i] for i in ids} for role, ids in deployment.arguments.items()}
    assert arguments == {"theme": {"Iskander-M", "S-400"}, "location": {"Biélorussie"}}
    assert deployment.modality == "future"
    sources = {labels[c.source] for c in sample_record.claims if c.source}
    assert sources == {"Reuters", "Sputnik"}
