"""Exporters, looked up by format name or file extension.

Each exporter writes one file atomically from an ExportContext (the KnowledgeGraph plus what is
derived from it once, such as the RDF dataset).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Dataset

from ..errors import FormatError
from ..fileio import atomic_writer, write_text
from ..graph import KnowledgeGraph
from ..namespaces import PREFIXES, Iris
from .rdf import to_dataset, union_graph


@dataclass
class ExportContext:
    kg: KnowledgeGraph
    iris: Iris = field(default_factory=Iris)
    html_options: dict = field(default_factory=dict)

    @cached_property
    def dataset(self) -> Dataset:
        return to_dataset(self.kg, self.iris)


def _sorted_lines(text: str) -> str:
    # Split on "\n" only: str.splitlines would also cut literals holding \x0c, \x1c or U+2028.
    lines = sorted({line for line in text.split("\n") if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def write_nquads(ctx: ExportContext, path: Path) -> None:
    write_text(path, _sorted_lines(ctx.dataset.serialize(format="nquads")))


def write_trig(ctx: ExportContext, path: Path) -> None:
    write_text(path, ctx.dataset.serialize(format="trig"))


def write_turtle(ctx: ExportContext, path: Path) -> None:
    write_text(path, union_graph(ctx.dataset).serialize(format="turtle"))


def write_ntriples(ctx: ExportContext, path: Path) -> None:
    write_text(path, _sorted_lines(union_graph(ctx.dataset).serialize(format="nt")))


def write_jsonld(ctx: ExportContext, path: Path) -> None:
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    write_text(path, ctx.dataset.serialize(format="json-ld", context=context, indent=1))


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


def export_all(ctx: ExportContext, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS, stem: str = "graph") -> list[Path]:
    """Write ``stem`` + suffix for each format into ``out_dir``; returns the paths written."""
    writers = [exporter(name) for name in formats]
    written = []
    for suffix, writer in writers:
        path = out_dir / f"{stem}{suffix}"
        writer(ctx, path)
        written.append(path)
    return written
