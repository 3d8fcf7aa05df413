"""Relation-pair scoring against POPCORN-shaped gold documents (no model needed)."""

import pytest

from textkg.evaluation.corpora import GoldDocument, GoldEntity, GoldMention
from textkg.evaluation.relations import score_document
from textkg.records import Document, Entity, ExtractionRecord, Relation

TEXT = "Des voyous ont volé la voiture de Marie à Paris."


def gold():
    def entity(type_, *spans):
        return GoldEntity(type_, tuple(GoldMention(s, e, TEXT[s:e]) for s, e in spans))

    entities = (
        entity("GROUP_OF_INDIVIDUALS", (4, 10)),  # voyous
        entity("MATERIEL", (26, 33)),  # voiture
        entity("CIVILIAN", (37, 42)),  # Marie
        entity("PLACE", (45, 50)),  # Paris
    )
    relations = ((0, "HAS_CONTROL_OVER", 1), (2, "HAS_CONTROL_OVER", 1), (0, "IS_LOCATED_IN", 3), (2, "GENDER_FEMALE", 2))
    return GoldDocument("d", TEXT, entities, relations)


def record(arguments, entities):
    relations = tuple(
        Relation(id=f"r{n}", kind="event", predicate="p", arguments=args, evidence=((0, len(TEXT)),), confidence=0.5)
        for n, args in enumerate(arguments)
    )
    return ExtractionRecord(Document("d", TEXT), entities=entities, relations=relations)


ENTITIES = (
    Entity("e1", "Concept", "voyous", mentions=((4, 10),)),
    Entity("e2", "Concept", "voiture", mentions=((23, 33),)),  # "la voiture" overlaps "voiture"
    Entity("e3", "Person", "Marie", mentions=((37, 42),)),
    Entity("e4", "Place", "Paris", mentions=((45, 50),)),
    Entity("e5", "Concept", "volé", mentions=((15, 19),)),  # touches no gold cluster
    Entity("e6", "Date", "Paris", mentions=((45, 50),)),
)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        # one event, three fillers: pairs voyous-voiture (gold), voyous-Paris (gold), voiture-Paris (not)
        ([{"agent": ("e1",), "theme": ("e2",), "location": ("e4",)}], (3, 2, 3, 2)),
        # the same pair twice is one predicted pair; order does not matter
        ([{"agent": ("e3",), "theme": ("e2",)}, {"agent": ("e2",), "theme": ("e3",)}], (1, 1, 3, 1)),
        # an entity that touches no gold cluster makes a wrong pair; self-relations are not gold pairs
        ([{"agent": ("e5",), "theme": ("e3",)}], (1, 0, 3, 0)),
        # dates are not participants
        ([{"agent": ("e1",), "time": ("e6",)}], (0, 0, 3, 0)),
    ],
)
def test_pair_counts(arguments, expected):
    score = score_document(record(arguments, ENTITIES), gold())
    assert (score.predicted, score.correct, score.gold, score.found) == expected


def test_scores_in_percent():
    score = score_document(record([{"agent": ("e1",), "theme": ("e2",), "location": ("e4",)}], ENTITIES), gold())
    assert round(score.precision, 1) == 66.7 and round(score.recall, 1) == 66.7 and round(score.f1, 1) == 66.7


@pytest.mark.model
def test_evaluate_popcorn_parses_and_scores_a_corpus_file(tmp_path, fr_nlp):
    import json

    from textkg.evaluation.relations import evaluate_popcorn

    text = "La Russie a déployé des missiles en Biélorussie."
    start = text.index("Biélorussie")
    corpus = {
        "1": {
            "text": text,
            "entities": [
                {"id": 0, "type": "PLACE", "mentions": [{"value": "Russie", "start": 3, "end": 9}]},
                {"id": 1, "type": "MATERIEL", "mentions": [{"value": "missiles", "start": 24, "end": 32}]},
                {"id": 2, "type": "PLACE", "mentions": [{"value": "Biélorussie", "start": start, "end": start + 11}]},
            ],
            "relations": [[1, "IS_LOCATED_IN", 2], [0, "HAS_CONTROL_OVER", 1]],
        }
    }
    path = tmp_path / "popcorn.json"
    path.write_text(json.dumps(corpus), encoding="utf-8")
    score = evaluate_popcorn(path, loader=lambda lang: fr_nlp)
    # déployer(agent Russie, theme missiles, location Biélorussie): three pairs, two of them gold
    assert (score.predicted, score.correct, score.gold, score.found) == (3, 2, 2, 2)
