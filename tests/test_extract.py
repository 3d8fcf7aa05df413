"""Extraction over the trained French parse: (sentence, expected) tables."""

import pytest

from textkg.extract import extract_record
from textkg.records import Document

from .language import resources

pytestmark = pytest.mark.model


def run(nlp, text):
    record = extract_record(nlp(text), Document(id="t", text=text), resources())
    labels = {e.id: e.label for e in record.entities}
    relations = [
        (r.kind, r.predicate, {role: sorted(labels[i] for i in ids) for role, ids in r.arguments.items()}, r.polarity, r.modality, r.claim)
        for r in record.relations
    ]
    claims = [
        (labels.get(c.speaker), labels.get(c.source), c.quote, c.polarity, text[c.content[0][0] : c.content[0][1]])
        for c in record.claims
    ]
    return record, labels, relations, claims


@pytest.mark.parametrize(
    ("text", "predicate", "roles"),
    [
        (
            "La Pologne et l'Espagne ont signé jeudi un accord.",
            "signer",
            {"agent": ["Espagne", "Pologne"], "theme": ["accord"], "time": ["jeudi"]},
        ),
        (
            "La France a livré des canons Caesar à l'Ukraine.",
            "livrer",
            {"agent": ["France"], "theme": ["Caesar"], "recipient": ["Ukraine"]},
        ),
    ],
)
def test_verb_events_with_roles(fr_nlp, text, predicate, roles):
    _, _, relations, _ = run(fr_nlp, text)
    assert any(p == predicate and r == roles for _, p, r, _, _, _ in relations), relations


def test_passive_agent_and_theme(fr_nlp):
    _, _, relations, _ = run(fr_nlp, "Le déploiement a été annoncé par Paul Martin en mars.")
    (kind, predicate, roles, *_), = [r for r in relations if r[1] == "annoncer"]
    assert roles["agent"] == ["Paul Martin"] and roles["theme"] == ["déploiement"]
    assert roles["time"] == ["mars"]


def test_indirect_speech_claim_with_source(fr_nlp):
    text = "Selon DPA, le ministre polonais de la Défense, Paul Martin, a déclaré que la coalition menait une guerre contre la Pologne."
    record, labels, relations, claims = run(fr_nlp, text)
    assert claims == [("Paul Martin", "DPA", False, "positive", "la coalition menait une guerre contre la Pologne")]
    reported = [r for r in relations if r[1] == "guerre"]  # the light verb "mener" carries the war
    assert reported and all(r[5] == record.claims[0].id for r in reported), relations


def test_direct_quote_with_incise(fr_nlp):
    text = "« Les menaces de l'ONU obligent la Pologne à répondre », a affirmé Lefort."
    _, _, _, claims = run(fr_nlp, text)
    assert claims == [("Lefort", None, True, "positive", "Les menaces de l'ONU obligent la Pologne à répondre")]


def test_denial_is_a_negative_claim(fr_nlp):
    text = "Lefort a nié que la Hongrie rejoindrait la guerre."
    _, _, _, claims = run(fr_nlp, text)
    assert [(s, pol) for s, _, _, pol, _ in claims] == [("Lefort", "negative")]


@pytest.mark.parametrize(
    ("text", "modality", "polarity"),
    [
        ("La Pologne déploiera des missiles en Hongrie.", "future", "positive"),
        ("La Pologne ne déploie pas de missiles en Hongrie.", "asserted", "negative"),
        ("La Pologne pourrait déployer des missiles en Hongrie.", "hypothetical", "positive"),
    ],
)
def test_modality_and_polarity(fr_nlp, text, modality, polarity):
    _, _, relations, _ = run(fr_nlp, text)
    deploy = [r for r in relations if r[1] == "déployer"]
    assert deploy and deploy[0][3:5] == (polarity, modality), relations


@pytest.mark.parametrize(
    "text",
    [
        "Il pleut beaucoup ce matin.",
        "Les prix ont augmenté.",
        "Nous avons mangé une pomme.",
    ],
)
def test_nothing_is_extracted_from_sentences_without_named_participants(fr_nlp, text):
    record, _, relations, claims = run(fr_nlp, text)
    assert relations == [] and claims == []
    assert all(e.type != "Concept" for e in record.entities)


def test_mentions_are_clean_and_offsets_point_into_the_text(sample_record):
    text = sample_record.document.text
    labels = {e.label for e in sample_record.entities}
    assert "OTAN" in labels and "l'OTAN" not in labels
    for entity in sample_record.entities:
        for start, end in entity.mentions:
            surface = text[start:end]
            # Otherwise a pronoun or a description that coreference attached ("il", "ce pays").
            anaphor = surface.lower() in resources().pronouns or surface[:1].islower()
            assert surface in (entity.label, *entity.aliases) or anaphor, surface


def test_sample_article_entities(sample_record):
    by_label = {e.label: e for e in sample_record.entities}
    choigu = [e for e in sample_record.entities if "Choïgu" in (e.label, *e.aliases)]
    assert len(choigu) == 1
    assert {"Serguei Choigu", "Sergueï Choïgou", "Choïgu"} <= {choigu[0].label, *choigu[0].aliases}
    assert by_label["Iskander-M"].type == by_label["S-400"].type == "WeaponSystem"
    assert by_label["Reuters"].type == by_label["Sputnik"].type == "NewsAgency"
    assert by_label["OTAN"].type == "IntergovernmentalOrganization"
    assert by_label["Biélorussie"].links["geonames"] == "https://sws.geonames.org/630336/"
    assert "ministre biélorusse de la Défense" in by_label["Viktor Khrenin"].roles
    # metonymy is a link, never a rename
    assert "represents" in by_label["Moscou"].links and by_label["Moscou"].type == "City"
    assert by_label["samedi 5 avril"].type == "Date"


def test_every_mention_says_whether_it_is_a_name_a_description_or_a_pronoun(sample_record):
    text = sample_record.document.text
    kinds: dict[str, set[str]] = {}
    for entity in sample_record.entities:
        assert len(entity.mention_kinds) == len(entity.mentions)
        for (start, end), kind in zip(entity.mentions, entity.mention_kinds):
            kinds.setdefault(kind, set()).add(text[start:end])
    assert {"Choïgu", "Biélorussie"} <= kinds["name"]
    assert "pays voisin" in kinds["description"]  # "ce pays voisin", Belarus
    assert {"Il", "lui"} <= kinds["pronoun"] and {p.lower() for p in kinds["pronoun"]} <= set(resources().pronouns)


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Marie Dubois a quitté Lyon. Elle est partie à Paris.", "Elle", "pronoun"),
        ("Marie Dubois a quitté Lyon. Elle est partie à Paris.", "Marie Dubois", "name"),
    ],
)
def test_mention_kinds_of_short_sentences(fr_nlp, text, surface, kind):
    record = extract_record(fr_nlp(text), Document(id="t", text=text), resources())
    found = {
        text[start:end]: k for e in record.entities for (start, end), k in zip(e.mentions, e.mention_kinds)
    }
    assert found.get(surface) == kind, found
