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
        ("the outlet is not on the scene", "À Kaboul, des combattants ont attaqué un convoi. Le bilan est lourd, rapporte DPA."),
    ],
)
def test_no_scene_link(fr_nlp, construction, text):
    links = scene_links(fr_nlp, text)
    assert not {link for link in links if link[0] in ("voiture", "DPA", "Paul Martin", "hommes")}, (construction, links)


def located(nlp, text, title=None):
    """(participant, place) of every located-in link."""
    record = extract_record(nlp(text), Document(id="t", text=text, title=title), resources())
    labels = {e.id: e.label for e in record.entities}
    return {(labels[r.arguments["subject"][0]], labels[r.arguments["object"][0]]) for r in record.relations if r.predicate == "located in"}


def test_the_title_sets_no_scene_but_locates_what_it_names_in_its_topic(fr_nlp):
    title = "Pérou : des manifestations à Cuzco"
    found = located(fr_nlp, f"{title}\n12 mai 2012. - Des habitants ont manifesté hier. Le ministre Moussa Keita a réagi.", title)
    assert ("Cuzco", "Pérou") in found
    assert not {pair for pair in found if pair[0] in ("habitants", "Moussa Keita")}, found


def test_a_dateline_sets_the_scene(fr_nlp):
    found = located(fr_nlp, "LYON (AFP) - Deux hommes ont été arrêtés hier. Le procureur Paul Martin a ouvert une enquête.")
    assert ("Paul Martin", "LYON") in found


def test_the_second_sentence_sets_the_scene_when_the_first_says_not_where(fr_nlp):
    found = located(fr_nlp, "Un incendie a ravagé un entrepôt hier soir. Les pompiers sont intervenus à Brest. Le gérant Marc Roux a porté plainte.")
    assert ("Marc Roux", "Brest") in found


@pytest.mark.parametrize(
    ("construction", "text", "absent"),
    [
        (
            "who only speaks of the story is not in it",
            "Deux hommes ont été arrêtés à Lyon. La présidente de la Cour de cassation, Anne Roy, a déclaré : « La justice fera son travail ».",
            {"Anne Roy", "Cour de cassation"},
        ),
        (
            "a quotation names no participant",
            "Des fidèles ont été attaqués à Tunis. « Nous attendons le retour de Paul Martin chaque jour », a déclaré un témoin.",
            {"Paul Martin"},
        ),
        (
            "the place of a clause inside the lead is no scene",
            "Un lycéen a été agressé dans un car reliant Nantes à Angers. Le ministre Manuel Vidal a réagi.",
            {"Manuel Vidal", "lycéen"},
        ),
        (
            "a direction is no scene",
            "La police a expulsé Karim Benali vers le Maroc. Le ministre Paul Roy a salué la décision.",
            {"Paul Roy", "Karim Benali", "police"},
        ),
    ],
)
def test_no_scene_without_a_reason(fr_nlp, construction, text, absent):
    found = located(fr_nlp, text)
    assert not {pair for pair in found if pair[0] in absent}, (construction, found)


def test_a_place_that_completes_a_time_says_where_the_time_holds(fr_nlp):
    """"à 19 heures, soit 13 heures à Lima": a clock time restated in another place's time is
    neither the scene nor a place of the meeting."""
    scene = "Le congrès s'ouvre ce lundi soir à 20 heures, soit 15 heures à Dakar. Les hommes présents ont chanté."
    assert not scene_links(fr_nlp, scene)
    assert ("congrès", "Dakar") not in located(fr_nlp, scene)
    assert ("réunion", "Lima") not in located(fr_nlp, "La réunion commence mardi à 9 heures, soit 3 heures à Lima. Les délégués ont voté.")
    # a place on the story's own time is the story's place
    story = "Samedi vers 20 heures à Lyon, deux hommes ont été arrêtés. Le procureur Paul Martin a ouvert une enquête."
    assert ("Paul Martin", "Lyon") in {link[:2] for link in scene_links(fr_nlp, story)}
