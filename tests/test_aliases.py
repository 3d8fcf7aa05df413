"""One node per thing within a document, through the trained pipeline (invented names);
the rules alone are in tests/test_names_fixed_parse.py."""

import pytest

from textkg.extract import extract_record
from textkg.extract.aliases import INITIALS
from textkg.extract.entities import SURNAME
from textkg.records import Document

from .language import resources

pytestmark = pytest.mark.model


def named(nlp, text):
    record = extract_record(nlp(text), Document(id="t", text=text), resources())
    return {(e.label, e.aliases) for e in record.entities if e.type not in ("Concept", "Date")}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # a parenthesised acronym, even one the NER types otherwise
        ("L'Alliance pour le renouveau civique (ARC) a voté. Plus tard, l'ARC a protesté.", ("Alliance pour le renouveau civique", ("ARC",))),
        # initials met later
        ("Le Front uni du Nord proteste et le FUN insiste.", ("Front uni du Nord", ("FUN",))),
    ],
)
def test_an_acronym_is_an_alias_of_its_name(fr_nlp, text, entity):
    assert entity in named(fr_nlp, text)


def test_the_armed_forces_of_one_country_are_one(fr_nlp):
    text = "L'armée nigérienne a repris Tahoua. Les forces nigériennes sont arrivées hier, pas les forces sénégalaises."
    record = extract_record(fr_nlp(text), Document(id="t", text=text), resources())
    forces = {(e.label, e.aliases) for e in record.entities if e.type == "ArmedForces"}
    assert forces == {("armée nigérienne", ("forces nigériennes",)), ("forces sénégalaises", ())}


def test_an_institution_described_by_an_adjective_is_the_same(fr_nlp):
    found = named(fr_nlp, "Il enseigne à l'université de Leeds. Le congrès se tiendra à l'université anglaise de Leeds en juin.")
    assert found == {("université de Leeds", ("université anglaise de Leeds",))}


def test_a_place_and_an_agency_in_parentheses_stay_two(fr_nlp):
    found = named(fr_nlp, "PARIS (AFP) Le gouvernement a parlé.")
    assert ("PARIS", ()) in found and ("AFP", ()) in found


def test_a_person_is_not_the_eponym_named_after_him(fr_nlp):
    found = named(fr_nlp, "Paul Durandal a été entendu. L'affaire Durandal a secoué le pays.")
    assert ("Paul Durandal", ()) in found and ("affaire Durandal", ()) in found


def test_the_record_says_why_two_names_are_one_entity(fr_nlp):
    text = "Le Front uni du Nord proteste. Karine Vasselin a parlé, puis Vasselin a répondu au FUN."
    record = extract_record(fr_nlp(text), Document(id="t", text=text), resources())
    merges = {(m.name, m.to, m.reason) for e in record.entities for m in e.merges}
    assert ("FUN", "Front uni du Nord", INITIALS) in merges
    assert ("Vasselin", "Karine Vasselin", SURNAME) in merges
    data = record.to_json()
    assert {"name": "FUN", "to": "Front uni du Nord", "reason": INITIALS} in [m for e in data["entities"] for m in e.get("merges", [])]


def test_a_name_alone_records_no_merge(fr_nlp):
    text = "Karine Vasselin a parlé à Lyon."
    record = extract_record(fr_nlp(text), Document(id="t", text=text), resources())
    assert all(not e.merges for e in record.entities)


def test_a_headline_abbreviates_before_the_long_name(fr_nlp):
    text = "Le groupe Vexalis va embaucher\nLa société Vexalis Industries a annoncé cinq cents embauches à Angers."
    assert ("Vexalis Industries", ("Vexalis",)) in named(fr_nlp, text)


def test_a_name_the_body_gives_before_a_longer_one_is_another_thing(fr_nlp):
    text = "Salon du jeu\nLa société Vexalis a présenté sa console pendant la conférence Vexalis Direct à Tokyo."
    found = named(fr_nlp, text)
    assert ("Vexalis", ()) in found and ("Vexalis Direct", ()) in found
