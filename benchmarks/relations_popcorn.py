"""Relation-pair precision, recall and F1 of textkg on POPCORN (see textkg.evaluation.relations).

Usage: python benchmarks/relations_popcorn.py [path/to/popcorn-train.json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from textkg.evaluation.relations import evaluate_popcorn

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "popcorn-train.json"


def main(argv: list[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    started = time.perf_counter()
    score = evaluate_popcorn(path)
    elapsed = time.perf_counter() - started
    print(f"corpus: {path.resolve()}")
    print(f"predicted pairs {score.predicted}, correct {score.correct}; gold pairs {score.gold}, found {score.found}")
    print(f"relation pairs: P {score.precision:.1f} / R {score.recall:.1f} / F1 {score.f1:.1f}  ({elapsed:.0f} s)")


if __name__ == "__main__":
    main(sys.argv)
