"""The scene a report's lead sets locates the story's actors and events (extract/scenes.py)."""

import pytest

from textkg.extract import extract_record
from textkg.records import Document

from .language import resources

pytestmark = pytest.mark.model


def scene_links(nlp, text):
    """(participant, place, evidence sentences) of the links that rest on the lead."""
    record = extract_record(nlp(text), Document(id="t", text=text), resources())
    labels = {e.id: e.label for e in record.entities}
    return {
        (labels[r.arguments["subject"][0]], labels[r.arguments["object"][0]], tuple(text[s:e] for s, e in r.evidence))
        for r in record.relations
        if r.predicate == "located in" and len(r.evidence) == 2
    }


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        (
            "fronted place: later actors are there too",
            "À Marseille, un incendie a détruit un entrepôt. Les pompiers ont éteint le feu dans la nuit.",
            {("pompiers", "Marseille", ("À Marseille, un incendie a détruit un entrepôt.", "Les pompiers ont éteint le feu dans la nuit."))},
        ),
        (
            "place of the lead's verb, a named person later",
            "Deux hommes ont été arrêtés à Lyon. Le procureur Paul Martin a ouvert une enquête.",
            {("Paul Martin", "Lyon", ("Deux hommes ont été arrêtés à Lyon.", "Le procureur Paul Martin a ouvert une enquête."))},
        ),
    ],
)
def test_the_lead_sets_the_scene(fr_nlp, construction, text, expected):
    assert expected <= scene_links(fr_nlp, text), construction


@pytest.mark.parametrize(
    ("construction", "text"),
    [
        ("the place is not in the lead", "La police a arrêté deux hommes. Ils avaient volé une voiture à Lyon."),
        ("a place that acts is no scene", "La France a signé un accord. Le ministre Paul Martin a salué la décision."),
        ("objects go with their owners", "À Lyon, un homme a volé une voiture. La voiture a été retrouvée dans un fossé."),
        ("the outlet is not on the scene", "À Kaboul, des combattants ont attaqué un convoi. Le bilan est lourd, rapporte Reuters."),
    ],
)
def test_no_scene_link(fr_nlp, construction, text):
    links = scene_links(fr_nlp, text)
    assert not {link for link in links if link[0] in ("voiture", "Reuters", "Paul Martin", "hommes")}, (construction, links)
