"""Relation-pair precision, recall and F1 of textkg on POPCORN (see textkg.evaluation.relations),
and the time of textkg's extraction against the time of the spaCy parse it runs on.

Usage: python benchmarks/relations_popcorn.py [path/to/popcorn-train.json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from textkg.errors import TextkgError
from textkg.evaluation.corpora import read_popcorn
from textkg.evaluation.relations import score_corpus
from textkg.extract import extract_record
from textkg.nlp import load_pipeline
from textkg.records import Document

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "popcorn-train.json"


def main(argv: list[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    try:
        golds = list(read_popcorn(path))
    except TextkgError as exc:
        sys.exit(f"error: {exc}")
    nlp = load_pipeline("fr")
    started = time.perf_counter()
    docs = list(nlp.pipe(gold.text for gold in golds))
    parsed = time.perf_counter()
    records = [extract_record(doc, Document(id=gold.id, text=gold.text)) for doc, gold in zip(docs, golds, strict=True)]
    extracted = time.perf_counter()
    score = score_corpus(zip(records, golds, strict=True))
    parse_s, extract_s = parsed - started, extracted - parsed
    print(f"corpus: {path.resolve()} ({len(golds)} documents)")
    print(f"predicted pairs {score.predicted}, correct {score.correct}; gold pairs {score.gold}, found {score.found}")
    print(f"relation pairs: P {score.precision:.1f} / R {score.recall:.1f} / F1 {score.f1:.1f}")
    print(f"spaCy parse {parse_s:.1f} s; textkg extraction {extract_s:.1f} s ({100 * extract_s / parse_s:.0f}% of the parse)")


if __name__ == "__main__":
    main(sys.argv)
