"""Exporters, looked up by format name or file extension.

Each exporter writes one file atomically from an ExportContext (the KnowledgeGraph and the
options of the formats); the JSON-LD exporter also writes its context file beside it. Every RDF
format is streamed from the graph walk (``rdf.quads``), none through an rdflib Dataset, so each is
written in about the time of N-Quads (benchmarks/rdf_store.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FormatError
from ..fileio import atomic_writer, write_text
from ..graph import KnowledgeGraph
from .namespaces import Iris
from . import rdf
from .rdf import RdfOptions, output_prefixes


@dataclass
class ExportContext:
    kg: KnowledgeGraph
    iris: Iris = field(default_factory=Iris)
    html_options: dict = field(default_factory=dict)
    rdf_options: RdfOptions = field(default_factory=RdfOptions)


def write_nquads(ctx: ExportContext, path: Path) -> None:
    # streamed from the graph walk: no rdflib Dataset, whatever the corpus size
    with atomic_writer(path) as handle:
        rdf.write_nquads(rdf.quads(ctx.kg, ctx.iris, ctx.rdf_options), handle)


def write_trig(ctx: ExportContext, path: Path) -> None:
    with atomic_writer(path) as handle:
        rdf.write_trig(rdf.quads(ctx.kg, ctx.iris, ctx.rdf_options), output_prefixes(ctx.iris), handle)


def write_turtle(ctx: ExportContext, path: Path) -> None:
    with atomic_writer(path) as handle:
        rdf.write_turtle(rdf.quads(ctx.kg, ctx.iris, ctx.rdf_options), output_prefixes(ctx.iris), handle)


def write_ntriples(ctx: ExportContext, path: Path) -> None:
    with atomic_writer(path) as handle:
        rdf.write_ntriples(rdf.quads(ctx.kg, ctx.iris, ctx.rdf_options), handle)


def jsonld_context_path(path: Path) -> Path:
    """Where the JSON-LD context of ``path`` is written: ``graph.jsonld`` -> ``graph.context.jsonld``."""
    return path.with_name(f"{path.stem}.context.jsonld")


def write_jsonld(ctx: ExportContext, path: Path) -> None:
    # The context is written beside the graph for reuse (compacting queries, other documents) and
    # also inlined in it: a JSON-LD processor offline cannot fetch a referenced context.
    context = output_prefixes(ctx.iris)
    write_text(jsonld_context_path(path), json.dumps({"@context": context}, indent=1, sort_keys=True) + "\n")
    with atomic_writer(path) as handle:
        rdf.write_jsonld(rdf.quads(ctx.kg, ctx.iris, ctx.rdf_options), context, handle)


def write_graphml(ctx: ExportContext, path: Path) -> None:
    from .tabular import graphml_bytes

    with atomic_writer(path, binary=True) as handle:
        handle.write(graphml_bytes(ctx.kg))


def write_html(ctx: ExportContext, path: Path) -> None:
    from .html import render_html

    write_text(path, render_html(ctx.kg, **ctx.html_options))


EXPORTERS: dict[str, tuple[str, Callable[[ExportContext, Path], None]]] = {
    "html": (".html", write_html),
    "turtle": (".ttl", write_turtle),
    "ntriples": (".nt", write_ntriples),
    "nquads": (".nq", write_nquads),
    "trig": (".trig", write_trig),
    "jsonld": (".jsonld", write_jsonld),
    "graphml": (".graphml", write_graphml),
}
DEFAULT_FORMATS = ("html", "turtle", "nquads", "trig", "jsonld", "graphml")


def exporter(name_or_suffix: str) -> tuple[str, Callable[[ExportContext, Path], None]]:
    """The exporter for a format name ("turtle") or file suffix (".ttl"); FormatError lists the valid ones."""
    key = name_or_suffix.lower()
    for name, (suffix, writer) in EXPORTERS.items():
        if key in (name, suffix, suffix.lstrip(".")):
            return suffix, writer
    valid = ", ".join(f"{name} ({suffix})" for name, (suffix, _) in EXPORTERS.items())
    raise FormatError(f"unknown export format {name_or_suffix!r}; valid formats: {valid}")


ExportCallback = Callable[[Path, int, int], None]
"""Called as each file starts: its path, its place (1-based) and how many files there are."""


def export_all(
    ctx: ExportContext,
    out_dir: Path,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    stem: str = "graph",
    on_file: ExportCallback | None = None,
) -> list[Path]:
    """Write ``stem`` + suffix for each format into ``out_dir``; returns the paths written.
    ``on_file`` hears of each file as it starts (a corpus takes seconds per format)."""
    writers = [exporter(name) for name in formats]
    written = []
    for place, (suffix, writer) in enumerate(writers, 1):
        path = out_dir / f"{stem}{suffix}"
        if on_file is not None:
            on_file(path, place, len(writers))
        writer(ctx, path)
        written.append(path)
    return written
