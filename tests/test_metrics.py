"""Coreference and mention scores on hand-built cases with known values."""

import pytest

from textkg.evaluation.metrics import TypedSpan, b_cubed, ceaf_e, conll_f1, mention_prf, muc

# The worked example of Pradhan et al. (2014), "Scoring Coreference Partitions of Predicted
# Mentions": key {a b c} {d e f g}; response {a b} {c d} {f g h i}.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


@pytest.mark.parametrize(
    ("metric", "recall", "precision"),
    [
        (muc, 2 / 5, 2 / 5),
        (b_cubed, (2 / 3 + 2 / 3 + 1 / 3 + 1 / 4 + 0 + 2 / 4 + 2 / 4) / 7, 4 / 8),
        (ceaf_e, (0.8 + 0.5) / 2, (0.8 + 0.5) / 3),
    ],
)
def test_worked_example(metric, recall, precision):
    score = metric(KEY, RESPONSE)
    assert score.recall == pytest.approx(recall)
    assert score.precision == pytest.approx(precision)


def test_perfect_response_scores_one_and_singletons_have_no_muc_links():
    scores = {name: f(KEY, KEY) for name, f in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e))}
    assert conll_f1(scores) == pytest.approx(1.0)
    singletons = [{m} for cluster in KEY for m in cluster]
    assert muc(KEY, singletons).f1 == 0.0
    assert b_cubed(KEY, singletons).precision == 1.0


def test_scores_add_up_across_documents():
    total = muc(KEY, RESPONSE) + muc([{"x", "y"}], [{"x", "y"}])
    assert total.recall == pytest.approx(3 / 6)


@pytest.mark.parametrize(
    ("fuzzy", "expected_hits"),
    [(False, 1), (True, 2)],
)
def test_strict_and_fuzzy_mentions(fuzzy, expected_hits):
    gold = [TypedSpan("d", 0, 10, "pers"), TypedSpan("d", 20, 30, "loc"), TypedSpan("d", 40, 50, "org")]
    predicted = [TypedSpan("d", 0, 10, "pers"), TypedSpan("d", 22, 30, "loc"), TypedSpan("d", 40, 50, "loc")]
    score = mention_prf(gold, predicted, fuzzy=fuzzy)
    assert score.r_num == expected_hits
    assert score.precision == pytest.approx(expected_hits / 3)
