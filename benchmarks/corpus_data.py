"""Benchmark corpora from WikiNEuRal's French validation set (CoNLL: index, token, tag per line,
a blank line between sentences): sentences detokenized and grouped into documents."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wikineural-fr-val.conllu"

_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]»%])")
_SPACE_AFTER = re.compile(r"([(\[«]|\b[dlLjJnNsScCmMtTqu]+') ")


def read_sentences(path: Path) -> list[str]:
    sentences, tokens = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2:
                tokens.append(fields[1])
            elif tokens:
                sentences.append(_detokenize(tokens))
                tokens = []
    if tokens:
        sentences.append(_detokenize(tokens))
    return sentences


def _detokenize(tokens: list[str]) -> str:
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


def documents(path: Path, count: int, sentences_per_document: int) -> list[dict]:
    """``count`` documents of consecutive sentences; past the end of the data the sentences cycle,
    each pass starting one sentence further, so documents are not byte-identical repeats."""
    sentences = read_sentences(path)
    size = sentences_per_document
    per_pass = (len(sentences) - size + 1) // size
    if per_pass < 1:
        raise SystemExit(f"{path}: fewer than {size} sentences")
    docs = []
    for number in range(count):
        start = (number // per_pass) % size + (number % per_pass) * size
        docs.append({"id": f"wikineural-{number}", "text": " ".join(sentences[start : start + size])})
    return docs


def write_jsonl(docs: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="wikineural-fr-val.conllu")
    parser.add_argument("--sentences", type=int, default=20, help="sentences per document (default 20)")
    return parser
