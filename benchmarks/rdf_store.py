"""RDF at corpus speed: every export format against streamed N-Quads, and loading a million quads
over HTTP against Oxigraph's own bulk loader, each as a ratio measured in one run.

Generates extraction records (seeded, entity names drawn from a shared pool so entities merge
across documents) and builds the KnowledgeGraph, then:

1. writes every RDF format (N-Quads, N-Triples, Turtle, TriG, JSON-LD), ``--repeat`` rounds with
   the formats taking turns, each counted with its fastest round; prints each format's time as a
   ratio of N-Quads' (target: every format within 2x);
2. loads the N-Quads into the embedded store (``textkg load``), with ``oxigraph load`` (the CLI bulk
   loader, new store), and over HTTP into ``oxigraph serve`` on 127.0.0.1 (``textkg load
   --endpoint``: one request, one transaction), the last two taking turns; prints the HTTP load's
   speed as a ratio of ``oxigraph load``'s (target: >= 0.5), and for reference Oxigraph server's
   non-transactional bulk load (``?no_transaction``), which is not all or nothing;
3. streams a million-row SELECT through ``textkg query --format csv`` and prints its peak memory.

    .venv/bin/python benchmarks/rdf_store.py --documents 2000 --repeat 2
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import httpx
import pyoxigraph as ox

from textkg.export import ExportContext, exporter
from textkg.graph import build_graph
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation
from textkg.store import Endpoint, load_into_endpoint, load_into_store

TYPES = ("Person", "Country", "City", "Organization", "NewsAgency", "Concept", "WeaponSystem", "Date")
EVENTS = (
    ("déployer", "Deployment"),
    ("signer", "Agreement"),
    ("annoncer", "Announcement"),
    ("attaquer", "Attack"),
    ("rencontrer", "Meeting"),
)
ROLES = ("agent", "theme", "location", "time", "partner")


def generate(documents: int, seed: int) -> list[ExtractionRecord]:
    """Records shaped like textkg's own: per document 20 entities, 10 events, 5 binary relations
    and 3 claims, over sentences of a generated text."""
    rng = random.Random(seed)
    pool = [(f"Nom{n} Famille{n % 997}", TYPES[n % len(TYPES)]) for n in range(20_000)]
    records = []
    for d in range(documents):
        names = rng.sample(pool, 20)
        text = " ".join(f"{name} agit dans la phrase {i}." for i, (name, _) in enumerate(names))
        starts = [text.index(f"{name} agit dans la phrase {i}.") for i, (name, _) in enumerate(names)]
        sentences = [(s, text.index(".", s) + 1) for s in starts]
        entities = tuple(
            Entity(f"e{i}", kind, name, mentions=((starts[i], starts[i] + len(name)),)) for i, (name, kind) in enumerate(names)
        )
        claims = tuple(
            Claim(
                f"c{k}",
                f"e{rng.randrange(20)}",
                f"e{rng.randrange(20)}" if k == 0 else None,
                "a déclaré",
                (sentences[k + 1],),
                False,
                (sentences[k],),
                0.7,
            )
            for k in range(3)
        )
        relations = []
        for k in range(10):
            lemma, cls = rng.choice(EVENTS)
            roles = {role: (f"e{rng.randrange(20)}",) for role in rng.sample(ROLES, 3)}
            relations.append(
                Relation(
                    f"r{k}",
                    "event",
                    lemma,
                    roles,
                    (sentences[rng.randrange(20)],),
                    round(rng.uniform(0.3, 0.95), 2),
                    claim=f"c{k}" if k < 3 else None,
                    event_class=cls,
                )
            )
        for k in range(10, 15):
            relations.append(
                Relation(
                    f"r{k}",
                    "relation",
                    rng.choice(("conserver", "mener", "nier", "expliquer")),
                    {"subject": (f"e{rng.randrange(20)}",), "object": (f"e{rng.randrange(20)}",)},
                    (sentences[rng.randrange(20)],),
                    round(rng.uniform(0.3, 0.95), 2),
                )
            )
        records.append(
            ExtractionRecord(
                Document(f"doc-{d:06d}", text, date=f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}", source="Agence"),
                entities,
                tuple(relations),
                claims,
            )
        )
    return records


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


class Server:
    """`oxigraph serve` over a fresh data directory on a free port of 127.0.0.1."""

    def __init__(self, location: Path) -> None:
        shutil.rmtree(location, ignore_errors=True)
        self.url = f"http://127.0.0.1:{free_port()}"
        self.process = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(location), "--bind", self.url.removeprefix("http://")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph serve did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def export_formats(kg, work: Path, repeat: int) -> None:
    names = ("nquads", "ntriples", "turtle", "trig", "jsonld")
    best = {name: float("inf") for name in names}
    for _ in range(repeat):
        for name in names:
            suffix, write = exporter(name)
            best[name] = min(best[name], seconds(lambda: write(ExportContext(kg), work / f"graph{suffix}")))
    quads = sum(1 for _ in (work / "graph.nq").open(encoding="utf-8"))
    print(f"\n1. export ({quads:,} quads; fastest of {repeat} round(s), formats taking turns)")
    for name in names:
        suffix, _ = exporter(name)
        size = (work / f"graph{suffix}").stat().st_size / 2**20
        print(f"   {name:<9} {best[name]:7.1f} s  {best[name] / best['nquads']:5.2f}x N-Quads  {size:6,.0f} MiB")


def loads(nq: Path, work: Path, repeat: int, quads: int) -> None:
    print(f"\n2. load {quads:,} quads (fastest of {repeat} round(s); oxigraph load and the HTTP load taking turns)")
    embedded = seconds(lambda: load_into_store([nq], work / "store"))
    print(f"   textkg load, embedded store (copy, bulk load, swap)     {embedded:7.1f} s  {quads / embedded:9,.0f} quads/s")
    cli = http = float("inf")
    for _ in range(repeat):
        shutil.rmtree(work / "cli-store", ignore_errors=True)
        command = [OXIGRAPH, "load", "--location", str(work / "cli-store"), "--file", str(nq)]
        cli = min(cli, seconds(lambda: subprocess.run(command, check=True, capture_output=True)))
        server = Server(work / "server")
        try:
            http = min(http, seconds(lambda: load_into_endpoint([nq], Endpoint(f"{server.url}/store"))))
        finally:
            server.stop()
    server = Server(work / "server")
    try:
        def raw_bulk() -> None:
            with nq.open("rb") as body:
                response = httpx.post(f"{server.url}/store?no_transaction", content=body, headers={"Content-Type": "application/n-quads"}, timeout=3600)
                response.raise_for_status()

        raw = seconds(raw_bulk)
    finally:
        server.stop()
    print(f"   oxigraph load (CLI bulk loader, new store)             {cli:7.1f} s  {quads / cli:9,.0f} quads/s")
    print(f"   textkg load --endpoint (oxigraph serve, one request)   {http:7.1f} s  {quads / http:9,.0f} quads/s  ratio {cli / http:.2f} (target >= 0.5)")
    print(f"   for reference: POST ?no_transaction (not atomic)        {raw:7.1f} s  {quads / raw:9,.0f} quads/s  ratio {cli / raw:.2f}")


def stream_query(work: Path) -> None:
    sparql = "SELECT ?a ?b WHERE { ?a <https://x.org/p> ?x . ?b <https://x.org/p> ?y }"
    path = work / "thousand.nt"
    path.write_text("".join(f'<https://x.org/s{i}> <https://x.org/p> "{i}" .\n' for i in range(1000)), encoding="utf-8")
    load_into_store([path], work / "thousand")
    command = [sys.executable, "-m", "textkg", "query", sparql, "--store", str(work / "thousand"), "--format", "csv"]
    # measured from a small parent process: a child forked from this one (which holds the corpus
    # graph) would count this process's memory in its own peak
    measure = (
        "import resource, subprocess, sys\n"
        "with open(sys.argv[1], 'wb') as out:\n"
        "    subprocess.run(sys.argv[2:], check=True, stdout=out)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.perf_counter()
    peak_kib = int(subprocess.run([sys.executable, "-c", measure, str(work / "rows.csv"), *command], check=True, capture_output=True).stdout)
    took = time.perf_counter() - started
    rows = sum(1 for _ in (work / "rows.csv").open("rb")) - 1
    size = (work / "rows.csv").stat().st_size / 2**20
    print(f"\n3. textkg query, {rows:,} rows to CSV ({size:,.0f} MiB): {took:.1f} s, peak RSS of the command and its worker {peak_kib / 1024:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000, help="generated documents (2000 give about a million quads)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=2, help="rounds of the export and of the two timed loads")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the files and stores (default: a temporary directory)")
    parser.add_argument("--parts", default="export,load,query", help="which measures to run: export, load, query (comma-separated)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="textkg-rdf-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; Python {sys.version.split()[0]}, pyoxigraph {ox.__version__}")
    try:
        started = time.perf_counter()
        kg = build_graph(generate(args.documents, args.seed))
        print(
            f"corpus: {args.documents} documents, {kg.graph.number_of_nodes():,} nodes, {kg.graph.number_of_edges():,} edges "
            f"(generated and built in {time.perf_counter() - started:.1f} s; peak RSS {peak_rss_mib():,.0f} MiB)"
        )
        parts = {part.strip() for part in args.parts.split(",")}
        if "export" in parts or not (work / "graph.nq").exists():
            export_formats(kg, work, args.repeat)
        nq = work / "graph.nq"
        if "load" in parts:
            loads(nq, work, args.repeat, sum(1 for _ in nq.open(encoding="utf-8")))
        if "query" in parts:
            stream_query(work)
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
