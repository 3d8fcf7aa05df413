"""Relation-pair scoring against POPCORN-shaped gold documents (no model needed)."""

import pytest

from textkg.evaluation.corpora import GoldDocument, GoldEntity, GoldMention
from textkg.evaluation.relations import co_sentence_baseline, score_document
from textkg.records import Document, Entity, ExtractionRecord, Relation

from .language import resources

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


def test_attribute_and_time_clusters_are_not_scored():
    base = gold()
    # POPCORN puts an attribute cluster on its holder's span ("voyous" has the CATEGORY "voyous")
    attribute = GoldEntity("CATEGORY", (GoldMention(4, 10, "voyous"),))
    time = GoldEntity("TIME_EXACT", (GoldMention(45, 50, "Paris"),))
    relations = (*base.relations, (2, "HAS_CATEGORY", 4), (0, "STARTED_IN", 5))
    with_attributes = GoldDocument("d", TEXT, (*base.entities, attribute, time), relations)
    # Marie-voyous would be a gold pair through the attribute cluster; it is not one
    score = score_document(record([{"agent": ("e1",), "theme": ("e3",)}], ENTITIES), with_attributes)
    assert (score.predicted, score.correct, score.gold, score.found) == (1, 0, 3, 0)


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("e3", (1, 1, 3, 1)),  # voiture-Marie is a gold pair
        ("e4", (1, 0, 3, 0)),  # voiture-Paris is not, though voyous-Paris is
    ],
)
def test_an_entity_stands_for_the_one_cluster_it_overlaps_most(other, expected):
    # "voyous ont volé la voiture" as one entity shares 6 characters with voyous, 7 with voiture
    sprawling = Entity("e9", "Concept", "voyous ont volé la voiture", mentions=((4, 33),))
    score = score_document(record([{"agent": ("e9",), "theme": (other,)}], (*ENTITIES, sprawling)), gold())
    assert (score.predicted, score.correct, score.gold, score.found) == expected


def test_scores_in_percent():
    score = score_document(record([{"agent": ("e1",), "theme": ("e2",), "location": ("e4",)}], ENTITIES), gold())
    assert round(score.precision, 1) == 66.7 and round(score.recall, 1) == 66.7 and round(score.f1, 1) == 66.7


@pytest.mark.model
def test_eval_scores_relation_pairs_of_textkg_and_of_co_occurrence(tmp_path, fr_nlp):
    import json

    from textkg.evaluation.corpora import read_popcorn
    from textkg.evaluation.scoring import score_relations

    text = "La Serbie a déployé des missiles en Hongrie. Le ciel était gris à Budapest."
    spans = {word: (text.index(word), text.index(word) + len(word)) for word in ("Serbie", "missiles", "Hongrie", "Budapest")}
    corpus = {
        "1": {
            "text": text,
            "entities": [
                {"id": n, "type": kind, "mentions": [{"value": word, "start": spans[word][0], "end": spans[word][1]}]}
                for n, (kind, word) in enumerate(
                    [("PLACE", "Serbie"), ("MATERIEL", "missiles"), ("PLACE", "Hongrie"), ("PLACE", "Budapest")]
                )
            ],
            "relations": [[1, "IS_LOCATED_IN", 2], [0, "HAS_CONTROL_OVER", 1], [3, "IS_LOCATED_IN", 2]],
        }
    }
    path = tmp_path / "popcorn.json"
    path.write_text(json.dumps(corpus), encoding="utf-8")
    scores = {s.system: s for s in score_relations("popcorn", list(read_popcorn(path)), fr_nlp, resources())}
    # textkg: déployer(agent Serbie, theme missiles, location Hongrie) gives three pairs, two
    # of them gold; Budapest in Hungary is said by no sentence.
    assert (round(scores["textkg"].precision, 3), round(scores["textkg"].recall, 3)) == (0.667, 0.667)
    # co-occurrence relates everything of the first sentence (Serbie, missiles, Hongrie and
    # the nouns): the same two gold pairs at a lower precision
    assert scores["spacy"].recall == scores["textkg"].recall and scores["spacy"].precision < scores["textkg"].precision


def test_co_sentence_baseline_relates_gold_clusters_of_one_sentence():
    # two sentences: voyous and voiture in the first, Marie and Paris in the second
    split = TEXT.index(" de Marie")
    score = co_sentence_baseline(gold(), [(0, split), (split, len(TEXT))])
    # predicted voyous-voiture (gold) and Marie-Paris (not gold); Marie-voiture and voyous-Paris missed
    assert (score.predicted, score.correct, score.gold, score.found) == (2, 1, 3, 1)
