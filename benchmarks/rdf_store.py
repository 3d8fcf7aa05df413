"""RDF export and store load throughput on a generated corpus graph.

Generates extraction records (seeded, entity names drawn from a shared pool so entities merge
across documents), builds the KnowledgeGraph, streams it to N-Quads, then loads that file with
``textkg load`` (embedded Oxigraph: backup, bulk load, swap) and, on the same file, with
Oxigraph's own bulk loaders (``oxigraph load`` CLI and pyoxigraph ``Store.bulk_load``); with
``--gsp`` also over the Graph Store Protocol into a local ``oxigraph serve``. Prints triples per
second for each step and the peak memory of the process.

    .venv/bin/python benchmarks/rdf_store.py --documents 2000 --gsp --rdflib
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
from pathlib import Path

import pyoxigraph as ox

from textkg.export import ExportContext, exporter
from textkg.export.rdf import to_dataset
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


def timed(label: str, quads: int, action) -> float:
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    print(f"{label:<48} {seconds:8.1f} s  {quads / seconds:12,.0f} triples/s")
    return seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gsp_load(path: Path, work: Path, quads: int) -> None:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--location", str(work / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        timed(
            "textkg load --endpoint (GSP, oxigraph serve)",
            quads,
            lambda: load_into_endpoint([path], Endpoint(f"http://127.0.0.1:{port}/store")),
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000, help="generated documents (2000 give about 1.1M triples)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the files and stores (default: a temporary directory)")
    parser.add_argument("--gsp", action="store_true", help="also load over the Graph Store Protocol into a local oxigraph serve")
    parser.add_argument("--rdflib", action="store_true", help="last, also write the N-Quads through one rdflib Dataset, for comparison")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="textkg-rdf-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; Python {sys.version.split()[0]}, pyoxigraph {ox.__version__}"
    )
    try:
        started = time.perf_counter()
        records = generate(args.documents, args.seed)
        kg = build_graph(records)
        print(
            f"corpus: {args.documents} documents, {kg.graph.number_of_nodes():,} nodes, {kg.graph.number_of_edges():,} edges "
            f"(generated and built in {time.perf_counter() - started:.1f} s)"
        )
        nq = work / "graph.nq"
        rss_before = peak_rss_mib()
        export_seconds = timed_export(kg, nq)
        quads = sum(1 for _ in nq.open(encoding="utf-8"))
        print(
            f"{'export N-Quads (streamed)':<48} {export_seconds:8.1f} s  {quads / export_seconds:12,.0f} triples/s  "
            f"({quads:,} quads, {nq.stat().st_size / 2**20:,.0f} MiB; peak RSS {rss_before:,.0f} -> {peak_rss_mib():,.0f} MiB)"
        )
        timed("textkg load (embedded store, new)", quads, lambda: load_into_store([nq], work / "store"))
        timed("textkg load (same file again, existing store)", quads, lambda: load_into_store([nq], work / "store"))
        binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        timed(
            "oxigraph load (CLI bulk loader)",
            quads,
            lambda: subprocess.run(
                [binary, "load", "--location", str(work / "cli-store"), "--file", str(nq)], check=True, capture_output=True
            ),
        )
        timed(
            "pyoxigraph Store.bulk_load",
            quads,
            lambda: ox.Store(str(work / "py-store")).bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS),
        )
        if args.gsp:
            gsp_load(nq, work, quads)
        print(f"peak RSS of this process: {peak_rss_mib():,.0f} MiB")
        if args.rdflib:
            timed("same N-Quads through one rdflib Dataset", quads, lambda: to_dataset(kg).serialize(work / "rdflib.nq", format="nquads"))
            print(f"peak RSS of this process after the rdflib Dataset: {peak_rss_mib():,.0f} MiB")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def timed_export(kg, path: Path) -> float:
    started = time.perf_counter()
    exporter("nquads")[1](ExportContext(kg), path)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
