"""Relation-pair precision, recall and F1 of textkg on POPCORN (see textkg.evaluation.relations),
and the time of textkg's extraction against the time of the spaCy parse it runs on.

With ``--gold-entities`` textkg extracts over POPCORN's own entity mentions instead of its
named-entity recogniser's: the same extraction code, with perfect entities. It measures how
much of the gap to the gold relations is entity detection and how much is relation extraction.

``--baseline`` also prints the score of relating every two gold entities that share a sentence
(perfect entities, no relation extraction): the reference point the relations issue quotes
(P 37.6 / R 52.5 / F1 43.9), which checks that this scorer counts what the issue counts.

Usage: python benchmarks/relations_popcorn.py [--gold-entities] [--baseline] [path/to/popcorn-train.json]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from spacy.tokens import Doc

from textkg.errors import TextkgError
from textkg.evaluation.corpora import GoldDocument, read_popcorn
from textkg.evaluation.relations import PairScore, co_sentence_baseline, score_corpus
from textkg.extract import extract_record
from textkg.extract.candidates import Mention
from textkg.language.resources import load_resources
from textkg.nlp import load_pipeline
from textkg.records import Document

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "popcorn-train.json"
# POPCORN entity types -> textkg's broad entity types.
BROAD_TYPES = {"PLACE": "Place", "CIVILIAN": "Person", "GROUP_OF_INDIVIDUALS": "Person", "MATERIEL": "Equipment"}
ORGANIZATION_SUFFIX = "ORGANISATION"


def gold_names(doc: Doc, gold: GoldDocument) -> list[Mention]:
    """POPCORN's entity mentions as named mentions of ``doc`` (times are left to textkg's date reader)."""
    names = []
    for entity in gold.entities:
        if entity.type.startswith("TIME"):
            continue
        kind = "Organization" if entity.type.endswith(ORGANIZATION_SUFFIX) else BROAD_TYPES.get(entity.type, "Misc")
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                names.append(Mention(span.start_char, span.end_char, span.text, kind, span.start, span.end - 1))
    return names


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold-entities", action="store_true", help="extract over POPCORN's entity mentions")
    parser.add_argument("--baseline", action="store_true", help="also score gold entities related by co-occurrence")
    args = parser.parse_args(argv[1:])
    try:
        golds = list(read_popcorn(args.corpus))
    except TextkgError as exc:
        sys.exit(f"error: {exc}")
    nlp, resources = load_pipeline("fr"), load_resources("fr")
    started = time.perf_counter()
    docs = list(nlp.pipe(gold.text for gold in golds))
    parsed = time.perf_counter()
    names = [gold_names(doc, gold) if args.gold_entities else None for doc, gold in zip(docs, golds, strict=True)]
    prepared = time.perf_counter()
    records = [
        extract_record(doc, Document(id=gold.id, text=gold.text), resources, names=known)
        for doc, gold, known in zip(docs, golds, names, strict=True)
    ]
    extracted = time.perf_counter()
    score = score_corpus(zip(records, golds, strict=True))
    parse_s, extract_s = parsed - started, extracted - prepared
    print(f"corpus: {args.corpus.resolve()} ({len(golds)} documents){' with gold entities' if args.gold_entities else ''}")
    print(f"predicted pairs {score.predicted}, correct {score.correct}; gold pairs {score.gold}, found {score.found}")
    print(f"relation pairs: {_figures(score)}")
    print(f"spaCy parse {parse_s:.1f} s; textkg extraction {extract_s:.1f} s ({100 * extract_s / parse_s:.0f}% of the parse)")
    if args.baseline:
        baseline = sum(
            (co_sentence_baseline(gold, [(s.start_char, s.end_char) for s in doc.sents]) for doc, gold in zip(docs, golds)),
            start=PairScore(0, 0, 0, 0),
        )
        print(f"baseline, gold entities related when they share a sentence: {_figures(baseline)}")


def _figures(score: PairScore) -> str:
    return f"P {score.precision:.1f} / R {score.recall:.1f} / F1 {score.f1:.1f}"


if __name__ == "__main__":
    main(sys.argv)
