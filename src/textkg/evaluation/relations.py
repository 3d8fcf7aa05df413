"""Relation-pair scoring of extraction records against a corpus with gold relations (POPCORN).

The unit is an unordered pair of things that are related, whatever the predicate, because
textkg's predicates (verb lemmas, event roles) and the corpus's (IS_LOCATED_IN, HAS_CONTROL_OVER,
...) are different vocabularies.

Matching, per document:

- Gold pairs. Gold entities are clusters of mentions. Two different clusters ``i`` and ``j`` form
  the gold pair ``{i, j}`` when some gold relation joins them in either direction. Relations of a
  cluster to itself (``GENDER_MALE``, ...) are ignored.
- Predicted pairs. Every relation or event of the record relates each two of the entities that
  fill its arguments (any roles, including two fillers of one role such as coordinated agents);
  a claim relates its speaker to its source. Date entities (the ``time`` role) are left out: a
  time is a circumstance of an event, not a participant, and POPCORN annotates no relation to
  times. A predicted pair is an unordered pair of two different record entities, counted once
  however many relations give it.
- Alignment. A record entity *touches* a gold cluster when one of its mention spans overlaps (at
  least one shared character) one of the cluster's mention spans.
- A predicted pair ``{a, b}`` is correct when there are gold clusters ``i != j`` with ``a``
  touching ``i``, ``b`` touching ``j`` and ``{i, j}`` a gold pair. A predicted pair whose entities
  touch no gold cluster is simply wrong: it stays in the precision denominator.
- Precision = correct predicted pairs / predicted pairs. Recall = gold pairs reached by at least
  one correct predicted pair / gold pairs. Both are summed over the corpus (micro average).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from pathlib import Path

from ..api import PipelineLoader, extract_documents
from ..nlp import load_pipeline
from ..records import Document, ExtractionRecord, Span
from .corpora import GoldDocument, read_popcorn


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


def gold_pairs(gold: GoldDocument) -> frozenset[frozenset[int]]:
    """Unordered pairs of different gold clusters joined by at least one gold relation.

    >>> from textkg.evaluation.corpora import GoldDocument
    >>> doc = GoldDocument("d", "", (), ((0, "IS_LOCATED_IN", 1), (1, "IS_LOCATED_IN", 0), (2, "GENDER_MALE", 2)))
    >>> sorted(sorted(p) for p in gold_pairs(doc))
    [[0, 1]]
    """
    return frozenset(frozenset((s, o)) for s, _, o in gold.relations if s != o)


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


def score_document(record: ExtractionRecord, gold: GoldDocument) -> PairScore:
    """Relation-pair counts of one record against its gold document (see the module docstring)."""
    related = gold_pairs(gold)
    touched = {entity.id: _touched_clusters(entity.mentions, gold) for entity in record.entities}
    predicted = predicted_pairs(record)
    correct = 0
    found: set[frozenset[int]] = set()
    for pair in predicted:
        a, b = sorted(pair)
        hits = {
            frozenset((i, j)) for i in touched.get(a, ()) for j in touched.get(b, ()) if i != j
        } & related
        if hits:
            correct += 1
            found |= hits
    return PairScore(predicted=len(predicted), correct=correct, gold=len(related), found=len(found))


def score_corpus(pairs: Iterable[tuple[ExtractionRecord, GoldDocument]]) -> PairScore:
    """Micro-averaged relation-pair score over (record, gold document) pairs."""
    total = PairScore(0, 0, 0, 0)
    for record, gold in pairs:
        total = total + score_document(record, gold)
    return total


def _touched_clusters(spans: Iterable[Span], gold: GoldDocument) -> frozenset[int]:
    return frozenset(_overlapping(spans, gold))


def _overlapping(spans: Iterable[Span], gold: GoldDocument) -> Iterator[int]:
    spans = tuple(spans)
    for index, entity in enumerate(gold.entities):
        if any(m.start < end and start < m.end for start, end in spans for m in entity.mentions):
            yield index


def evaluate_popcorn(path: str | Path, loader: PipelineLoader = load_pipeline) -> PairScore:
    """Parse and extract every POPCORN document at ``path`` with textkg, and score relation pairs."""
    golds = list(read_popcorn(path))
    documents = [Document(id=gold.id, text=gold.text, lang="fr") for gold in golds]
    return score_corpus(zip(extract_documents(documents, loader), golds, strict=True))
