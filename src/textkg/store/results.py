"""SPARQL query results as streams, and their printing: an aligned table for people, SPARQL 1.1
CSV or JSON for programs, N-Triples for CONSTRUCT and DESCRIBE. Rows are written as they come,
so a million-row result is never held in memory."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import IO

import pyoxigraph as ox

from ..errors import QueryError, printable
from ..export.namespaces import PREFIXES

RESULT_FORMATS = ("table", "csv", "json")
TABLE_SAMPLE_ROWS = 200  # rows that set the table's column widths; later, longer cells overflow
TRIPLES_PER_WRITE = 10_000
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Solutions:
    """SELECT results: the variables, and the rows as they arrive (an iterator: read it once)."""

    variables: tuple[str, ...]
    rows: Iterator[tuple[Term | None, ...]]


@dataclass(frozen=True)
class Answer:
    """An ASK result."""

    value: bool


@dataclass(frozen=True)
class Triples:
    """CONSTRUCT or DESCRIBE results, as they arrive (an iterator: read it once)."""

    triples: Iterator[ox.Triple]


QueryResult = Solutions | Answer | Triples


def check_result_format(fmt: str) -> str:
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; valid formats: {', '.join(RESULT_FORMATS)}")
    return fmt


def write_result(result: QueryResult, fmt: str, handle: IO[str]) -> int:
    """Write ``result`` to ``handle`` as it streams in; returns the rows (or triples) written.
    CONSTRUCT and DESCRIBE results are N-Triples whatever ``fmt``."""
    check_result_format(fmt)
    if isinstance(result, Triples):
        return _write_triples(result.triples, handle)
    if isinstance(result, Answer):
        text = json.dumps({"head": {}, "boolean": result.value}) if fmt == "json" else ("true" if result.value else "false")
        handle.write(text + "\n")
        return 1
    if fmt == "json":
        return _write_json(result, handle)
    if fmt == "csv":
        return _write_csv(result, handle)
    return _write_table(result, handle)


def _write_triples(triples: Iterator[ox.Triple], handle: IO[str]) -> int:
    count = 0
    while batch := list(islice(triples, TRIPLES_PER_WRITE)):
        handle.write(ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))
        count += len(batch)
    return count


def _write_json(result: Solutions, handle: IO[str]) -> int:
    handle.write('{"head": {"vars": ' + json.dumps(list(result.variables)) + '}, "results": {"bindings": [')
    count = 0
    for row in result.rows:
        binding = {var: _term_json(term) for var, term in zip(result.variables, row, strict=True) if term is not None}
        handle.write(("," if count else "") + "\n " + json.dumps(binding, ensure_ascii=False))
        count += 1
    handle.write("\n]}}\n")
    return count


def _term_json(term: Term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject), "predicate": _term_json(term.predicate), "object": _term_json(term.object)}}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def _write_csv(result: Solutions, handle: IO[str]) -> int:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(result.variables)
    count = 0
    for row in result.rows:
        writer.writerow(["" if term is None else _plain(term) for term in row])
        count += 1
    return count


def _plain(term: Term) -> str:
    return str(term) if isinstance(term, ox.Triple) else term.value


def _write_table(result: Solutions, handle: IO[str]) -> int:
    """An aligned table; the widths come from the first rows, so the rest can stream."""
    sample = [[_short(term) for term in row] for row in islice(result.rows, TABLE_SAMPLE_ROWS)]
    header = list(result.variables)
    widths = [max([len(header[i])] + [len(row[i]) for row in sample]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip() + "\n"

    handle.write(line(header))
    handle.write("  ".join("-" * width for width in widths) + "\n")
    count = 0
    for cells in sample:
        handle.write(line(cells))
        count += 1
    for row in result.rows:
        handle.write(line([_short(term) for term in row]))
        count += 1
    handle.write(f"({count} row{'s' if count != 1 else ''})\n")
    return count


def _short(term: Term | None) -> str:
    """A term for reading on a terminal: IRIs under a known prefix as prefix:name, literals as their
    text on one line, control characters shown escaped."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(str(namespace)):
                return printable(f"{prefix}:{term.value[len(str(namespace)):]}")
        return printable(f"<{term.value}>")
    if isinstance(term, ox.BlankNode):
        return printable(f"_:{term.value}")
    return printable(" ".join(_plain(term).split()))
