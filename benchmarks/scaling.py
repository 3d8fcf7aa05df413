"""(2) Scaling from 1 to N local worker processes and (3) a Dask LocalCluster against local processes.

    python benchmarks/scaling.py ../shared/data/wikineural-fr-val.conllu --docs 200 --workers 2

Every configuration runs the same documents through the same engine code as ``textkg extract``
(``textkg.runner``), without the cache. Start-up (spawning workers, loading the model in each)
is timed apart: the throughput figures count only the documents' work. Targets: >= 1.6x with 2
workers on 2 cores; Dask close to local processes.
"""

from __future__ import annotations

import time

from corpus_data import arguments, documents, machine

from textkg.nlp import load_pipeline
from textkg.runner.engines import Execution, make_engine, ordered_records
from textkg.records import Document


def run(execution: Execution, docs: list[Document]) -> tuple[float, float]:
    start = time.perf_counter()
    engine = make_engine(execution, load_pipeline)
    try:
        engine.warm("fr")
        ready = time.perf_counter()
        count = sum(1 for _ in ordered_records(docs, engine, execution.batch_size))
        done = time.perf_counter()
    finally:
        engine.close()
    if count != len(docs):
        raise SystemExit(f"expected {len(docs)} records, got {count}")
    return ready - start, done - ready


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8, help="documents per task (default 8)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    args = parser.parse_args()
    docs = [Document(id=d["id"], text=d["text"]) for d in documents(args.data, args.docs, args.sentences)]
    configs = [("1 process (in-process)", Execution(workers=1, batch_size=args.batch_size))]
    configs.append((f"{args.workers} local processes", Execution(workers=args.workers, batch_size=args.batch_size)))
    if not args.no_dask:
        configs.append(
            (f"Dask LocalCluster, {args.workers} workers x 1 thread", Execution(workers=args.workers, dask="local", batch_size=args.batch_size))
        )
    print(f"machine: {machine()}")
    print(f"corpus: {len(docs)} documents of {args.sentences} sentences; batch size {args.batch_size}")
    baseline = None
    for name, execution in configs:
        startup, elapsed = run(execution, docs)
        rate = len(docs) / elapsed
        baseline = baseline or rate
        print(f"{name:<42} start-up {startup:6.1f}s  {elapsed:7.1f}s  {rate:7.2f} docs/s  speed-up {rate / baseline:.2f}x")


if __name__ == "__main__":
    main()
