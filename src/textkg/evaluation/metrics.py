"""Standard scores: mention precision/recall/F1 (strict and fuzzy) and the coreference metrics MUC,
B-cubed and CEAF-e, whose mean is the CoNLL F1 (Pradhan et al. 2014, "Scoring Coreference
Partitions of Predicted Mentions").

A mention is a hashable key (offsets, or offsets with the document id); a clustering is a sequence
of clusters, each a collection of mentions. Scores are fractions in [0, 1].

>>> gold = [{"A", "B", "C", "D"}]
>>> muc(gold, [{"A", "B"}, {"C", "D"}]).recall
0.6666666666666666
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from scipy.optimize import linear_sum_assignment

Clusters = Sequence[Collection[Hashable]]


@dataclass(frozen=True)
class PRF:
    """Precision and recall from numerators and denominators, so scores add up across documents."""

    p_num: float = 0.0
    p_den: float = 0.0
    r_num: float = 0.0
    r_den: float = 0.0

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.p_num + other.p_num, self.p_den + other.p_den, self.r_num + other.r_num, self.r_den + other.r_den)


def _sets(clusters: Clusters) -> list[frozenset]:
    return [frozenset(c) for c in clusters if c]


def muc(gold: Clusters, predicted: Clusters) -> PRF:
    """Links: for each key cluster, |K| minus the number of response parts it is split into."""
    gold_sets, pred_sets = _sets(gold), _sets(predicted)

    def side(keys: list[frozenset], responses: list[frozenset]) -> tuple[float, float]:
        owner = {m: i for i, r in enumerate(responses) for m in r}
        num = den = 0
        for key in keys:
            parts = {owner.get(m, ("alone", m)) for m in key}
            num += len(key) - len(parts)
            den += len(key) - 1
        return num, den

    r_num, r_den = side(gold_sets, pred_sets)
    p_num, p_den = side(pred_sets, gold_sets)
    return PRF(p_num, p_den, r_num, r_den)


def b_cubed(gold: Clusters, predicted: Clusters) -> PRF:
    """Per mention: overlap of its key and response clusters over the cluster's size."""
    gold_sets, pred_sets = _sets(gold), _sets(predicted)

    def side(keys: list[frozenset], responses: list[frozenset]) -> tuple[float, float]:
        owner = {m: r for r in responses for m in r}
        num = sum(len(key & owner[m]) / len(key) for key in keys for m in key if m in owner)
        return num, sum(len(key) for key in keys)

    r_num, r_den = side(gold_sets, pred_sets)
    p_num, p_den = side(pred_sets, gold_sets)
    return PRF(p_num, p_den, r_num, r_den)


def ceaf_e(gold: Clusters, predicted: Clusters) -> PRF:
    """Entity-based CEAF: the best one-to-one alignment of clusters under phi4 = 2|K∩R|/(|K|+|R|)."""
    gold_sets, pred_sets = _sets(gold), _sets(predicted)
    if not gold_sets or not pred_sets:
        return PRF(0.0, len(pred_sets), 0.0, len(gold_sets))
    scores = [[2 * len(k & r) / (len(k) + len(r)) for r in pred_sets] for k in gold_sets]
    rows, cols = linear_sum_assignment(scores, maximize=True)
    total = float(sum(scores[i][j] for i, j in zip(rows, cols, strict=True)))
    return PRF(total, len(pred_sets), total, len(gold_sets))


COREF_METRICS: dict[str, Callable[[Clusters, Clusters], PRF]] = {"MUC": muc, "B3": b_cubed, "CEAF-e": ceaf_e}


def conll_f1(scores: dict[str, PRF]) -> float:
    """The CoNLL-2012 score: mean F1 of MUC, B3 and CEAF-e."""
    return sum(scores[name].f1 for name in COREF_METRICS) / len(COREF_METRICS)


@dataclass(frozen=True)
class TypedSpan:
    """A mention for NER scoring: offsets within one document and a coarse type."""

    doc: str
    start: int
    end: int
    type: str


def mention_prf(gold: Iterable[TypedSpan], predicted: Iterable[TypedSpan], fuzzy: bool = False) -> PRF:
    """Strict: same offsets and type. Fuzzy (HIPE's definition): overlapping offsets and same type,
    each gold mention matched at most once."""
    gold_list, pred_list = list(dict.fromkeys(gold)), list(dict.fromkeys(predicted))
    if not fuzzy:
        hits = len(set(gold_list) & set(pred_list))
        return PRF(hits, len(pred_list), hits, len(gold_list))
    used: set[TypedSpan] = set()
    pred_hits = 0
    for p in pred_list:
        match = next(
            (g for g in gold_list if g not in used and g.doc == p.doc and g.type == p.type and g.start < p.end and p.start < g.end),
            None,
        )
        if match is not None:
            used.add(match)
            pred_hits += 1
    return PRF(pred_hits, len(pred_list), len(used), len(gold_list))
