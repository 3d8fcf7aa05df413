"""The RDF files a load reads: their syntax from the suffix, and their quads as one N-Quads stream."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError, StoreError

FORMATS_BY_SUFFIX = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
CHUNK_QUADS = 20_000
_PARSER_PREFIX = re.compile(r"^Parser error at line \d+ ")


@dataclass(frozen=True)
class RdfFile:
    path: Path
    format: ox.RdfFormat


@dataclass(frozen=True)
class LoadReport:
    """What a load did: where it went (an endpoint's URL without credentials), the files read,
    the quads now in the store (embedded) or sent (endpoint), the named graphs, the time."""

    target: str
    files: tuple[Path, ...]
    quads: int
    graphs: int
    seconds: float


def rdf_format(path: str | Path) -> ox.RdfFormat:
    """The RDF syntax of a file, from its suffix; InputError lists the suffixes textkg loads."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS_BY_SUFFIX:
        raise InputError(path, f"cannot tell the RDF syntax of this file; valid suffixes: {', '.join(FORMATS_BY_SUFFIX)}")
    return FORMATS_BY_SUFFIX[suffix]


def checked_files(paths: Sequence[str | Path]) -> tuple[RdfFile, ...]:
    """The files to load, each with its syntax; InputError (a usage error) for a file that does
    not exist or whose syntax the suffix does not tell, before anything is read."""
    if not paths:
        raise InputError("load", "no file to load (load takes RDF files such as output/graph.nq)")
    files = []
    for path in map(Path, paths):
        fmt = rdf_format(path)
        if not path.is_file():
            raise InputError(path, "no such file (load takes RDF files such as output/graph.nq)")
        files.append(RdfFile(path, fmt))
    return tuple(files)


class QuadCounter:
    """Counts the quads and the distinct named graphs of a stream as it passes (an accumulator)."""

    def __init__(self) -> None:
        self.quads = 0
        self.graphs: set[ox.NamedNode | ox.BlankNode] = set()


def nquads_chunks(files: Sequence[RdfFile], counter: QuadCounter, chunk: int = CHUNK_QUADS) -> Iterator[bytes]:
    """Every quad of ``files`` as N-Quads, ``chunk`` quads at a time, parsed and checked as it goes
    (StoreError names the file and line of the first syntax error). Blank nodes are renamed per
    file, so two files that both say ``_:b`` keep two nodes."""
    for rdf_file in files:
        batch: list[ox.Quad] = []
        try:
            for quad in ox.parse(path=str(rdf_file.path), format=rdf_file.format, rename_blank_nodes=True):
                batch.append(quad)
                counter.quads += 1
                if not isinstance(quad.graph_name, ox.DefaultGraph):
                    counter.graphs.add(quad.graph_name)
                if len(batch) >= chunk:
                    yield ox.serialize(batch, format=ox.RdfFormat.N_QUADS)
                    batch = []
        except SyntaxError as exc:
            raise StoreError(f"{syntax_error_place(rdf_file.path, exc)}: not valid {rdf_file.format.name}: {parse_error_detail(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"{rdf_file.path}: cannot read: {exc.strerror or exc}") from exc
        if batch:
            yield ox.serialize(batch, format=ox.RdfFormat.N_QUADS)


def parse_error_detail(exc: SyntaxError) -> str:
    """What is wrong, without the "Parser error at line N" that the message's place already says."""
    return _PARSER_PREFIX.sub("", exc.msg)


def syntax_error_place(path: Path, exc: SyntaxError) -> str:
    """``path:line`` of a parse error, or the path alone when the parser gave no line."""
    return f"{path}:{exc.lineno}" if exc.lineno else str(path)
