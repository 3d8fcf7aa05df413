"""(4) Peak memory for a 10,000-document run and (5) how time and memory grow from 1k to 10k documents.

    python benchmarks/memory.py ../shared/data/wikineural-fr-val.conllu --sizes 1000,2500,5000,10000 --sentences 2

Each size is one fresh ``textkg extract`` process (``--no-cache``, ``--no-progress``) on a JSONL
corpus of that many documents; its wall time and peak resident memory (the kernel's ru_maxrss for
that process) are printed, with the time per 1,000 documents once the start-up (a one-document run:
imports, model load) is taken off: flat means linear growth. With
``--workers`` above 1 the peak is the largest single process, not their sum. With
``--command build`` the run also merges the graph and writes ``--formats``. Targets: peak RSS under
2 GB at 10,000 documents, time per document flat.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_data import arguments, documents, machine, write_jsonl


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.set_defaults(sentences=2)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    parser.add_argument("--command", choices=("extract", "build"), default="extract")
    parser.add_argument("--formats", default="nquads", help="export formats for --command build")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {machine()}")
    print(f"textkg {args.command}, {args.workers} worker(s), documents of {args.sentences} sentences")
    first = None
    with tempfile.TemporaryDirectory(prefix="textkg-memory-") as tmp:

        def measure(size: int) -> tuple[float, float]:
            corpus = write_jsonl(documents(args.data, size, args.sentences), Path(tmp) / f"corpus-{size}.jsonl")
            command = [sys.executable, "-m", "textkg", args.command, str(corpus), "--no-cache", "--no-progress", "--workers", str(args.workers)]
            if args.command == "extract":
                command += ["--output", str(Path(tmp) / f"records-{size}.jsonl")]
            else:
                command += ["--output-dir", str(Path(tmp) / f"out-{size}"), "--formats", args.formats]
            return run(command)

        startup, startup_peak = measure(1)
        print(f"start-up (1 document): {startup:.1f}s, peak RSS {startup_peak:.0f} MB")
        for size in sizes:
            elapsed, peak = measure(size)
            per_thousand = (elapsed - startup) / size * 1000
            first = first or per_thousand
            print(
                f"{size:>7,} documents  {elapsed:8.1f}s  {size / elapsed:7.1f} docs/s  "
                f"{per_thousand:7.1f}s per 1k docs after start-up ({per_thousand / first:.2f}x the first)  peak RSS {peak:7.0f} MB"
            )


if __name__ == "__main__":
    main()
