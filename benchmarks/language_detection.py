"""Language detection (``textkg.ingest.language``) on real French and English news: what it
decides, and what it costs next to parsing.

    python benchmarks/language_detection.py [DATA_DIR]

French: the 25 wikinews-fr dev articles and their titles, the 400 POPCORN texts, HIPE-2020's
historical newspaper articles and WikiNEuRal's 12,600 sentences (Wikipedia, full of names).
English: the 98 DWIE dev articles (Deutsche Welle news) and their sentences. For each set:
how many texts were read as French, read as French with an "unclear" warning, or found to be in
another language (English first). Then the time to decide per text against the time spaCy's
French pipeline takes to parse the same texts (the wikinews articles).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from corpus_data import ROOT, machine, read_sentences

from textkg.ingest.language import LanguagePolicy, choose_language, detect_language
from textkg.nlp import load_pipeline

POLICY = LanguagePolicy(default="fr", detect=True, supported=frozenset({"fr"}))


def hipe_articles(path: Path) -> list[str]:
    articles, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# hipe2022:document_id"):
            if tokens:
                articles.append(" ".join(tokens))
            tokens = []
        elif line and not line.startswith(("#", "TOKEN")):
            tokens.append(line.split("\t")[0])
    if tokens:
        articles.append(" ".join(tokens))
    return articles


def dwie(path: Path) -> tuple[list[str], list[str]]:
    articles, sentences = [], []
    for doc in json.loads(path.read_text(encoding="utf-8")):
        words = [word for sentence in doc["sents"] for word in sentence]
        articles.append(" ".join(words))
        current: list[str] = []
        for word in words:
            current.append(word)
            if word in (".", "?", "!"):
                sentences.append(" ".join(current))
                current = []
    return articles, sentences


def outcome(text: str) -> str:
    choice = choose_language(text, None, POLICY)
    if choice.skip:
        return f"skipped as {choice.skip.split(chr(39))[1]}"
    return "French, with a warning" if choice.warning else "French"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data")
    data = parser.parse_args().data
    wikinews = [json.loads(line) for line in (data / "wikinews-fr-dev" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    english_articles, english_sentences = dwie(data / "dwie-dev.json")
    sets = {
        "wikinews-fr articles (fr)": [a["text"] for a in wikinews],
        "wikinews-fr titles (fr)": [a["title"] for a in wikinews],
        "POPCORN texts (fr)": [v["text"] for v in json.loads((data / "popcorn-train.json").read_text(encoding="utf-8")).values()],
        "HIPE-2020 articles (fr, 19th-20th c. OCR)": hipe_articles(data / "hipe2020-dev-fr.tsv"),
        "WikiNEuRal sentences (fr)": read_sentences(data / "wikineural-fr-val.conllu"),
        "DWIE articles (en)": english_articles,
        "DWIE sentences (en)": english_sentences,
    }
    print(f"machine: {machine()}")
    detect_language("warm up: load the model once")
    print("| texts | count | read as French | French, with a warning | skipped (other language) |")
    print("|---|---:|---:|---:|---:|")
    for name, texts in sets.items():
        counts = Counter(outcome(text) for text in texts)
        others = sum(n for what, n in counts.items() if what.startswith("skipped"))
        detail = ", ".join(f"{n} {what.removeprefix('skipped as ')}" for what, n in counts.most_common() if what.startswith("skipped"))
        print(f"| {name} | {len(texts):,} | {counts['French']:,} | {counts['French, with a warning']:,} | {others:,}{f' ({detail})' if detail else ''} |")

    articles = [a["text"] for a in wikinews]
    characters = sum(len(t) for t in articles)
    started = time.perf_counter()
    for _ in range(10):
        for text in articles:
            detect_language(text)
    detecting = (time.perf_counter() - started) / 10
    nlp = load_pipeline("fr")
    started = time.perf_counter()
    for _ in nlp.pipe(articles, batch_size=32):
        pass
    parsing = time.perf_counter() - started
    print(
        f"\n{len(articles)} wikinews articles, {characters:,} characters: detection {detecting * 1000 / len(articles):.2f} ms per article, "
        f"parsing {parsing * 1000 / len(articles):.0f} ms per article: detection costs {detecting / parsing:.2%} of parsing"
    )


if __name__ == "__main__":
    main()
