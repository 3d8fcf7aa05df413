"""Relation-pair scoring of extraction records against a corpus with gold relations (POPCORN).

The unit is an unordered pair of things that are related, whatever the predicate, because
textkg's predicates (verb lemmas, event roles) and the corpus's (IS_LOCATED_IN, HAS_CONTROL_OVER,
...) are different vocabularies.

Matching, per document:

- Gold entities. Gold entities are clusters of mentions. Only clusters of things are scored:
  POPCORN's attribute clusters (FIRSTNAME, LASTNAME, CATEGORY, NATIONALITY, COLOR, quantities,
  measures, coordinates, MATERIAL_REFERENCE) and its times (TIME_*) are left out. Their mentions
  sit on the span of the entity they describe (a FIRSTNAME cluster on "personnes"), so no system
  can find them as entities of their own, and scoring them would credit any pair that touches
  the holder. With this restriction, relating every two gold entities of a sentence scores
  P 37.7 / R 52.5 / F1 43.9, the reference figure the relations issue gives for that baseline
  (``benchmarks/relations_popcorn.py --baseline``).
- Gold pairs. Two different scored clusters ``i`` and ``j`` form the gold pair ``{i, j}`` when
  some gold relation joins them in either direction. Relations of a cluster to itself
  (``GENDER_MALE``, ...) are ignored.
- Predicted pairs. Every relation or event of the record relates each two of the entities that
  fill its arguments (any roles, including two fillers of one role such as coordinated agents);
  a claim relates its speaker to its source. Date entities (the ``time`` role) are left out: a
  time is a circumstance of an event, not a participant. A predicted pair is an unordered pair
  of two different record entities, counted once however many relations give it.
- Alignment. Each record entity stands for one gold cluster at most: the scored cluster whose
  mentions share the most characters with its own (the first such cluster on a tie). An entity
  sharing no character with a scored cluster stands for none.
- A predicted pair ``{a, b}`` is correct when ``a`` and ``b`` stand for two different clusters
  that form a gold pair. A predicted pair of entities that stand for nothing is simply wrong: it
  stays in the precision denominator.
- Precision = correct predicted pairs / predicted pairs. Recall = gold pairs reached by at least
  one correct predicted pair / gold pairs. Both are summed over the corpus (micro average).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import combinations

from ..records import ExtractionRecord, Span
from .corpora import GoldDocument


@dataclass(frozen=True)
class PairScore:
    """Micro-averaged relation-pair counts and scores (in percent)."""

    predicted: int
    correct: int
    gold: int
    found: int

    @property
    def precision(self) -> float:
        return 100.0 * self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(
            self.predicted + other.predicted,
            self.correct + other.correct,
            self.gold + other.gold,
            self.found + other.found,
        )


# POPCORN cluster types that describe another entity rather than name one (see the module docstring).
ATTRIBUTE_TYPES = frozenset(
    {"FIRSTNAME", "LASTNAME", "CATEGORY", "NATIONALITY", "COLOR", "QUANTITY_EXACT", "QUANTITY_FUZZY", "QUANTITY_MIN",
     "QUANTITY_MAX", "WEIGHT", "HEIGHT", "WIDTH", "LENGTH", "LATITUDE", "LONGITUDE", "MATERIAL_REFERENCE"}
)
TIME_PREFIX = "TIME_"


def scored_clusters(gold: GoldDocument) -> frozenset[int]:
    """Indices of the gold clusters that are things: neither attributes nor times.

    >>> from textkg.evaluation.corpora import GoldDocument, GoldEntity
    >>> doc = GoldDocument("d", "", (GoldEntity("CIVILIAN", ()), GoldEntity("FIRSTNAME", ()), GoldEntity("TIME_EXACT", ())))
    >>> sorted(scored_clusters(doc))
    [0]
    """
    return frozenset(
        index
        for index, entity in enumerate(gold.entities)
        if entity.type not in ATTRIBUTE_TYPES and not entity.type.startswith(TIME_PREFIX)
    )


def gold_pairs(gold: GoldDocument) -> frozenset[frozenset[int]]:
    """Unordered pairs of different scored clusters joined by at least one gold relation.

    >>> from textkg.evaluation.corpora import GoldDocument, GoldEntity
    >>> places = tuple(GoldEntity("PLACE", ()) for _ in range(3))
    >>> doc = GoldDocument("d", "", (*places, GoldEntity("COLOR", ())),
    ...     ((0, "IS_LOCATED_IN", 1), (1, "IS_LOCATED_IN", 0), (2, "GENDER_MALE", 2), (2, "HAS_COLOR", 3)))
    >>> sorted(sorted(p) for p in gold_pairs(doc))
    [[0, 1]]
    """
    scored = scored_clusters(gold)
    return frozenset(frozenset((s, o)) for s, _, o in gold.relations if s != o and s in scored and o in scored)


def predicted_pairs(record: ExtractionRecord) -> frozenset[frozenset[str]]:
    """Unordered pairs of different entities that some relation, event or claim of ``record`` joins."""
    dates = {entity.id for entity in record.entities if entity.type == "Date"}
    pairs: set[frozenset[str]] = set()
    for relation in record.relations:
        fillers = {entity for ids in relation.arguments.values() for entity in ids} - dates
        pairs.update(frozenset(pair) for pair in combinations(sorted(fillers), 2))
    for claim in record.claims:
        if claim.speaker and claim.source and claim.speaker != claim.source:
            pairs.add(frozenset((claim.speaker, claim.source)))
    return frozenset(pairs)


def aligned_cluster(spans: Iterable[Span], gold: GoldDocument, scored: Collection[int]) -> int | None:
    """The scored gold cluster sharing the most characters with ``spans`` (None if none shares any).

    >>> from textkg.evaluation.corpora import GoldDocument, GoldEntity, GoldMention
    >>> doc = GoldDocument("d", "la voiture de Marie", (
    ...     GoldEntity("MATERIEL", (GoldMention(3, 10, "voiture"),)), GoldEntity("CIVILIAN", (GoldMention(14, 19, "Marie"),))))
    >>> aligned_cluster([(0, 19)], doc, {0, 1}), aligned_cluster([(14, 19)], doc, {0, 1}), aligned_cluster([(0, 2)], doc, {0, 1})
    (0, 1, None)
    """
    spans = tuple(spans)
    best, best_shared = None, 0
    for index in sorted(scored):
        shared = sum(
            max(0, min(end, m.end) - max(start, m.start)) for start, end in spans for m in gold.entities[index].mentions
        )
        if shared > best_shared:
            best, best_shared = index, shared
    return best


def score_document(record: ExtractionRecord, gold: GoldDocument) -> PairScore:
    """Relation-pair counts of one record against its gold document (see the module docstring)."""
    related = gold_pairs(gold)
    scored = scored_clusters(gold)
    cluster = {entity.id: aligned_cluster(entity.mentions, gold, scored) for entity in record.entities}
    predicted = predicted_pairs(record)
    correct = 0
    found: set[frozenset[int]] = set()
    for pair in predicted:
        a, b = (cluster.get(entity) for entity in pair)
        if a is not None and b is not None and a != b and frozenset((a, b)) in related:
            correct += 1
            found.add(frozenset((a, b)))
    return PairScore(predicted=len(predicted), correct=correct, gold=len(related), found=len(found))


def score_corpus(pairs: Iterable[tuple[ExtractionRecord, GoldDocument]]) -> PairScore:
    """Micro-averaged relation-pair score over (record, gold document) pairs."""
    total = PairScore(0, 0, 0, 0)
    for record, gold in pairs:
        total = total + score_document(record, gold)
    return total


def co_sentence_baseline(gold: GoldDocument, sentences: Iterable[Span]) -> PairScore:
    """The score of relating every two scored gold clusters that have mentions in one sentence:
    the reference point of perfect entities and no relation extraction at all."""
    scored = sorted(scored_clusters(gold))
    bounds = tuple(sentences)
    located = {
        index: {n for n, (start, end) in enumerate(bounds) for m in gold.entities[index].mentions if start <= m.start < end}
        for index in scored
    }
    predicted = {frozenset(pair) for pair in combinations(scored, 2) if located[pair[0]] & located[pair[1]]}
    related = gold_pairs(gold)
    hits = len(predicted & related)
    return PairScore(predicted=len(predicted), correct=hits, gold=len(related), found=hits)
