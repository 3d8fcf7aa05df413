"""One huge document (30 MB of French text in one .txt file) through ``textkg extract``: time and
peak memory, and a check of its one record.

    python benchmarks/huge_document.py ../shared/data/wikineural-fr-val.conllu --megabytes 1,30 --workers 1

The text is WikiNEuRal's French sentences in paragraphs of ``--sentences`` sentences, separated by
blank lines, repeated as needed (each pass shifted by one sentence). Each size is one fresh
``textkg extract`` process (``--no-cache``, ``--no-progress``). Printed per size: wall time,
characters per second, the peak resident memory of the largest process (the kernel's ru_maxrss)
and the peak of the sum over the process and its workers (sampled from /proc every 0.2 s), then
the record: entities, relations, claims, and that every offset and reference holds (the record is
read back through the contract). Target: the whole run under 2 GiB at 30 MB, in one process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus_data import arguments, documents, machine

from textkg.records import ExtractionRecord

MEGABYTE = 1_000_000  # of characters
MIB = 1 << 20


def huge_text(data: Path, characters: int, sentences: int) -> str:
    paragraphs = [doc["text"] for doc in documents(data, 2_000, sentences)]
    parts, size, n = [], 0, 0
    while size < characters:
        parts.append(paragraphs[n % len(paragraphs)])
        size += len(parts[-1]) + 2
        n += 1
    return "\n\n".join(parts)[:characters]


def _tree_rss(root: int) -> int:
    """Resident memory, in bytes, of ``root`` and every process below it."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(" (", 1)
            parents[int(pid)] = int(rest.rsplit(") ", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS of the largest process and peak RSS of the whole tree, in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = 0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not finished.wait(0.2):
            peak_tree = max(peak_tree, _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    finished.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024, peak_tree / MIB


def check(records: Path, text: str) -> str:
    (line,) = records.read_text(encoding="utf-8").splitlines()
    record = ExtractionRecord.from_json(json.loads(line))  # offsets within the text, or it raises
    if record.document.text != text:
        raise SystemExit("the record's text is not the document's text")
    entities = {entity.id for entity in record.entities}
    dangling = [r.id for r in record.relations for ids in r.arguments.values() for i in ids if i not in entities]
    if dangling:
        raise SystemExit(f"relations refer to missing entities: {dangling[:5]}")
    named = [e for e in record.entities if e.type not in ("Concept", "Date")]
    unnamed = [e.label for e in named if not any(text[s:t] in (e.label, *e.aliases) for s, t in e.mentions)]
    if unnamed:
        raise SystemExit(f"named entities with no mention of their names: {unnamed[:5]}")
    return f"{len(record.entities):,} entities ({len(named):,} named), {len(record.relations):,} relations, {len(record.claims):,} claims"


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.set_defaults(sentences=5)
    parser.add_argument("--megabytes", default="1,30", help="comma-separated sizes of the document, in millions of characters")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"textkg extract, one document, {args.workers} worker(s), paragraphs of {args.sentences} sentences")
    with tempfile.TemporaryDirectory(prefix="textkg-huge-") as tmp:
        for megabytes in (float(m) for m in args.megabytes.split(",")):
            text = huge_text(args.data, int(megabytes * MEGABYTE), args.sentences)
            document = Path(tmp) / "huge.txt"
            document.write_text(text, encoding="utf-8")
            records = Path(tmp) / "records.jsonl"
            command = [sys.executable, "-m", "textkg", "extract", str(document), "-o", str(records), "--no-cache", "--no-progress",
                       "--workers", str(args.workers)]
            elapsed, peak, peak_tree = run(command)
            print(
                f"{len(text) / MEGABYTE:6.1f} M characters  {elapsed:8.1f}s  {len(text) / elapsed:9,.0f} chars/s  "
                f"peak RSS {peak:6.0f} MiB (largest process), {peak_tree:6.0f} MiB (all processes)  {check(records, text)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
