"""Pin the extraction records of four corpora, and compare a later run with the pinned ones.

A refactoring of extraction must not change what it extracts. This script writes the records of
the sample article, POPCORN train, HIPE-2020 dev and the wikinews-fr dev corpus (one JSON line per
document, as ``textkg extract`` writes them) into a folder, and later compares the records of the
current code with that folder, document by document:

    python benchmarks/pin_records.py write /tmp/pinned        # on the code before the change
    python benchmarks/pin_records.py compare /tmp/pinned      # on the code after it

``--ignore FIELD`` (repeatable) leaves a record field out of the comparison wherever it occurs,
for a field a change adds on purpose (``--ignore kind`` for the mention kinds). The comparison
prints, per corpus, how many documents are identical and the first difference of each other one;
it exits 1 if any differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from textkg.api import extract_documents
from textkg.evaluation.corpora import read_hipe, read_popcorn
from textkg.ingest import read_inputs
from textkg.records import Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def corpora(limit: int | None) -> dict[str, list[Document]]:
    """The documents of each pinned corpus, in a stable order."""
    sample = [d for d in read_inputs([ROOT / "examples" / "russie-bielorussie-fr.txt"]) if isinstance(d, Document)]
    wikinews = [d for d in read_inputs([DATA / "wikinews-fr-dev" / "corpus.jsonl"]) if isinstance(d, Document)]
    popcorn = [Document(id=d.id, text=d.text) for d in read_popcorn(DATA / "popcorn-train.json")]
    hipe = [Document(id=d.id, text=d.text) for d in read_hipe(DATA / "hipe2020-dev-fr.tsv")]
    found = {"sample": sample, "wikinews-fr-dev": wikinews, "popcorn-train": popcorn, "hipe2020-dev": hipe}
    return {name: list(islice(docs, limit)) for name, docs in found.items()}


def records(documents: list[Document]) -> Iterator[dict]:
    for record in extract_documents(documents):
        yield record.to_json()


def without(value, ignored: frozenset[str]):
    """``value`` with every dict key in ``ignored`` left out, at any depth."""
    if isinstance(value, dict):
        return {k: without(v, ignored) for k, v in value.items() if k not in ignored}
    if isinstance(value, list):
        return [without(v, ignored) for v in value]
    return value


def first_difference(old, new, path: str = "") -> str | None:
    if type(old) is not type(new):
        return f"{path or '.'}: {old!r} -> {new!r}"
    if isinstance(old, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{path}.{key}: {'missing before' if key not in old else 'missing after'}"
            found = first_difference(old[key], new[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(old, list):
        for i, (a, b) in enumerate(zip(old, new)):
            found = first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        return None if len(old) == len(new) else f"{path}: {len(old)} items -> {len(new)}"
    return None if old == new else f"{path or '.'}: {old!r} -> {new!r}"


def write(folder: Path, limit: int | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, documents in corpora(limit).items():
        with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records(documents):
                handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{name}: {len(documents)} records pinned")


def compare(folder: Path, limit: int | None, ignored: frozenset[str]) -> int:
    differing = 0
    for name, documents in corpora(limit).items():
        pinned_path = folder / f"{name}.jsonl"
        pinned = [json.loads(line) for line in pinned_path.read_text(encoding="utf-8").splitlines()]
        now = list(records(documents))
        same = 0
        for old, new in zip(pinned, now):
            difference = first_difference(without(old, ignored), without(new, ignored))
            if difference is None:
                same += 1
            else:
                differing += 1
                print(f"  {name} {old.get('id')}: {difference}")
        if len(pinned) != len(now):
            differing += 1
            print(f"  {name}: {len(pinned)} records pinned, {len(now)} now")
        print(f"{name}: {same} of {len(pinned)} records identical")
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("write", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, help="documents per corpus (all by default)")
    parser.add_argument("--ignore", action="append", default=[], help="a record field left out of the comparison")
    args = parser.parse_args()
    if args.action == "write":
        write(args.folder, args.limit)
    else:
        sys.exit(compare(args.folder, args.limit, frozenset(args.ignore)))


if __name__ == "__main__":
    main()
