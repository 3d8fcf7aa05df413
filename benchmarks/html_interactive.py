"""How long graph.html takes to become interactive in headless Chromium, for generated corpora.

For each size (a number of entities), a corpus of extraction records is generated (entities ~80%
of the nodes, events ~10%, claims and the events they report ~5% each, about 3 edges per node,
names shared across documents so the graph is connected), merged with textkg.graph.build_graph,
rendered with textkg.export.html.render_html, and opened from file:// in Debian's Chromium (no
network; every other request is aborted and counted). "Interactive" is the moment the overview is
laid out and drawn with every control attached (body[data-ready], stamped with performance.now()
since navigation start).

    python benchmarks/html_interactive.py [--sizes 1000,5000,20000] [--repeat 3] [--limit N]

Prints one row per size: entities, nodes, edges, Python render time, page weight, and the median
time to interactive over the repeats.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textkg.export.html import DEFAULT_LIMIT, render_html
from textkg.graph import KnowledgeGraph, build_graph
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SYLLABLES = ["ka", "lo", "mi", "ru", "te", "vo", "za", "ne", "pi", "su", "do", "ge", "ba", "fi", "xu", "yo"]
TYPES = ("Person", "Organization", "Place", "Equipment")  # no Concept: those stay per document
SENTENCES_PER_DOC = 40


def name(number: int) -> str:
    """A unique one-word name per number (base-16 syllables), so resolution never merges two."""
    parts = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if number == 0:
            break
    return ("".join(parts) + "x").capitalize()


def generated_graph(entities: int, seed: int = 1) -> KnowledgeGraph:
    """A merged graph of about ``entities`` entities (each has at least one mention)."""
    rng = random.Random(seed)
    nodes = round(entities / 0.8)
    # each claim reports one event of its own, so claims and their events are 5% each
    entities, events, claims = int(nodes * 0.8), int(nodes * 0.10), int(nodes * 0.05)
    relations = 3 * nodes - 3 * events - 4 * claims  # 3 roles per event; speaker, source, reports, agent per claim
    sentences = relations + events + claims
    records = []
    budget = {"relation": relations, "event": events, "claim": claims}
    sentence_no = 0
    doc_no = 0
    while sentence_no < sentences:
        parts, ents, rels, cls = [], {}, [], []
        at = 0

        def mention(number: int) -> str:
            nonlocal at
            label = name(number)
            local = ents.setdefault(label, [f"e{len(ents)}", number, []])
            local[2].append((at, at + len(label)))
            at += len(label) + 1
            return local[0]

        for _ in range(SENTENCES_PER_DOC):
            if sentence_no >= sentences:
                break
            kind = rng.choices(list(budget), weights=[max(v, 0) for v in budget.values()])[0]
            budget[kind] -= 1
            # every entity gets a first mention in order; partners are drawn with a skew (hubs)
            first = sentence_no % entities
            start = at
            a = mention(first)
            words = [name(first)]
            others = []
            for _ in range(2 if kind != "relation" else 1):
                other = min(int(rng.paretovariate(1.2)) - 1, entities - 1) if rng.random() < 0.5 else rng.randrange(entities)
                others.append(mention(other))
                words.append(name(other))
            sentence = " ".join(words) + " agit."
            at = start + len(sentence) + 1
            parts.append(sentence)
            evidence = ((start, start + len(sentence)),)
            number = len(rels) + len(cls)
            if kind == "relation":
                rels.append(Relation(f"r{number}", "relation", rng.choice(["rencontrer", "soutenir", "critiquer"]), {"subject": (a,), "object": (others[0],)}, evidence, round(rng.uniform(0.3, 0.9), 2)))
            elif kind == "event":
                rels.append(Relation(f"r{number}", "event", rng.choice(["signer", "déployer", "annoncer"]), {"agent": (a,), "theme": (others[0],), "location": (others[1],)}, evidence, round(rng.uniform(0.3, 0.9), 2)))
            else:
                cls.append(Claim(f"c{number}", a, others[0], "a déclaré", evidence, False, evidence, 0.8))
                rels.append(Relation(f"r{number}", "event", "menacer", {"agent": (others[1],)}, evidence, 0.6, claim=f"c{number}"))
            sentence_no += 1
        text = " ".join(parts)
        entity_records = tuple(
            Entity(local_id, TYPES[number % len(TYPES)], label, mentions=tuple(spans)) for label, (local_id, number, spans) in ents.items()
        )
        records.append(ExtractionRecord(Document(f"doc{doc_no:05d}", text, source=f"Agence {doc_no % 7}"), entity_records, tuple(rels), tuple(cls)))
        doc_no += 1
    return build_graph(records)


def time_to_interactive(path: Path, repeat: int) -> tuple[float, int]:
    from playwright.sync_api import sync_playwright

    times, blocked = [], 0
    page_url = path.resolve().as_uri()
    with sync_playwright() as driver:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as profile:
                context = driver.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=FLAGS, headless=True, viewport={"width": 1400, "height": 850})

                def route(route_, request):
                    nonlocal blocked
                    if request.url == page_url:
                        route_.continue_()
                    else:
                        blocked += 1
                        route_.abort()

                context.route("**/*", route)
                page = context.new_page()
                page.goto(page_url, timeout=300_000)
                page.wait_for_selector("body[data-ready=true]", timeout=300_000)
                times.append(float(page.get_attribute("body", "data-ready-ms")) / 1000)
                context.close()
    return statistics.median(times), blocked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="entities per generated corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="entities the overview draws first (the CLI's --html-limit)")
    args = parser.parse_args(argv)
    print(f"overview of {args.limit} entities; median of {args.repeat} loads; fresh Chromium profile each load; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print(f"{'entities':>8} {'nodes':>6} {'edges':>6} {'render s':>9} {'MB':>6} {'interactive s':>14} {'blocked':>8}")
    with tempfile.TemporaryDirectory() as work:
        for size in (int(s) for s in args.sizes.split(",")):
            kg = generated_graph(size)
            entities = sum(1 for _ in kg.nodes_of_kind("entity"))
            started = time.perf_counter()
            page = render_html(kg, limit=args.limit)
            render = time.perf_counter() - started
            path = Path(work) / f"graph-{size}.html"
            path.write_text(page, encoding="utf-8")
            seconds, blocked = time_to_interactive(path, args.repeat)
            print(f"{entities:>8} {kg.graph.number_of_nodes():>6} {kg.graph.number_of_edges():>6} {render:>9.2f} {len(page.encode()) / 1e6:>6.1f} "
                  f"{seconds:>14.2f} {blocked:>8}   (load {os.getloadavg()[0]:.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
