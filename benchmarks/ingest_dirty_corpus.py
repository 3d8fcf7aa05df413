"""Reading a dirty corpus: how much textkg recovers, what it reports, and how fast it reads.

The POPCORN texts (../shared/data/popcorn-train.json, real French news-style reports) are written
to a temporary directory the way real corpora arrive: a JSONL dump with broken lines (malformed
JSON, missing text, duplicate ids), the same articles as Windows-1252 files with CRLF line ends,
as UTF-16 files with a byte order mark, and PDF/PNG files disguised as .txt. textkg's reader
(textkg.ingest.read_inputs, no NLP) then reads the lot, and the script prints:
- how many legacy-encoded and UTF-16 articles come back exactly as written (after CRLF -> LF, NFC);
- the skips it reported, by kind, against the damage that was injected;
- documents per second and MB per second of reading.

Usage: python benchmarks/ingest_dirty_corpus.py [DATA_DIR] [--copies N]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

from textkg.ingest import InputReport, read_inputs

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BROKEN_EVERY = 20  # one JSONL line in 20 is damaged, cycling through the kinds below


def write_corpus(texts: dict[str, str], root: Path, copies: int) -> Counter:
    """Write the dirty corpus under ``root``; returns the damage injected, by kind."""
    injected: Counter = Counter()
    lines = []
    for copy in range(copies):
        for doc_id, text in texts.items():
            key = f"{doc_id}-{copy}"
            damage = (len(lines) // BROKEN_EVERY) % 3 if len(lines) % BROKEN_EVERY == BROKEN_EVERY - 1 else None
            if damage == 0:
                lines.append(json.dumps({"id": key, "text": text}, ensure_ascii=False)[:-7])
                injected["malformed JSON"] += 1
            elif damage == 1:
                lines.append(json.dumps({"id": key, "title": text[:40]}, ensure_ascii=False))
                injected["invalid document"] += 1
            elif damage == 2:
                lines.append(json.dumps({"id": lines and json.loads(lines[0])["id"], "text": text}, ensure_ascii=False))
                injected["duplicate id"] += 1
            else:
                lines.append(json.dumps({"id": key, "text": text, "source": "POPCORN"}, ensure_ascii=False))
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    legacy = root / "legacy"
    legacy.mkdir()
    for doc_id, text in texts.items():
        try:
            data = text.replace("\n", "\r\n").encode("cp1252")
        except UnicodeEncodeError:  # a character Windows-1252 lacks: such a file would not exist
            continue
        (legacy / f"{doc_id}.txt").write_bytes(data)
        (legacy / f"{doc_id}-utf16.md").write_bytes(text.encode("utf-16"))
    for n in range(10):
        (legacy / f"scan-{n}.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
        (legacy / f"photo-{n}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    injected["binary"] += 20
    return injected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--copies", type=int, default=25, help="copies of the 400 texts in the JSONL dump")
    args = parser.parse_args()
    corpus = json.loads((args.data / "popcorn-train.json").read_text(encoding="utf-8"))
    texts = {doc_id: unicodedata.normalize("NFC", doc["text"]) for doc_id, doc in corpus.items()}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        injected = write_corpus(texts, root, args.copies)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
        report = InputReport()
        start = time.perf_counter()
        documents = list(read_inputs([root], report=report))
        seconds = time.perf_counter() - start
    legacy = {d.id: d.text for d in documents if not d.id.endswith("-utf16") and d.source is None}
    utf16 = {d.id.removesuffix("-utf16"): d.text for d in documents if d.id.endswith("-utf16")}
    exact_legacy = sum(text == texts[doc_id] for doc_id, text in legacy.items())
    exact_utf16 = sum(text == texts[doc_id] for doc_id, text in utf16.items())
    reported = Counter(p.kind for p in report.skipped)
    warned = Counter(p.kind for p in report.warnings)
    print(f"corpus: {len(texts)} POPCORN texts, {args.copies} copies in the JSONL dump, {size / 1e6:.1f} MB on disk")
    print(f"Windows-1252 + CRLF files recovered exactly: {exact_legacy}/{len(legacy)} (warnings: {warned['encoding']})")
    print(f"UTF-16 files recovered exactly: {exact_utf16}/{len(utf16)}")
    for kind in sorted(injected):
        print(f"injected {kind}: {injected[kind]}, reported: {reported[kind]}")
    unexpected = {kind: n for kind, n in reported.items() if kind not in injected}
    print(f"other skips reported: {unexpected or 'none'}")
    print(f"read {report.documents} documents in {seconds:.2f} s: {report.documents / seconds:,.0f} documents/s, {size / 1e6 / seconds:.1f} MB/s")
    print(report.summary())


if __name__ == "__main__":
    main()
