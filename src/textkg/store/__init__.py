"""Triple stores for textkg's RDF: an embedded Oxigraph store on disk, or any SPARQL 1.1 Graph
Store Protocol endpoint (Oxigraph server, Fuseki, GraphDB), to load files into and query.

A load either completes or leaves the store as it was:

- embedded store: the files are bulk-loaded into a copy of the store (an Oxigraph backup, hard
  links on the same file system, so it is cheap), which then replaces the store by two directory
  renames. A failure before the swap (bad file, full disk, interrupted) deletes the copy; a crash
  between the two renames leaves the previous store under a hidden name, and the next load or
  query puts it back.
- endpoint: the files are parsed completely before anything is sent, so a bad file sends nothing.
  Then every graph is POSTed (merged) in batches; before the first write to a graph its current
  content is fetched, and if a request fails every graph written so far is restored (DELETE if it
  did not exist, PUT of its previous content otherwise). Each request is its own document, so a
  blank node split across two requests becomes two nodes (textkg's own output has none). The
  protocol has no transactions: a writer that changes the same graphs during the load can be
  overwritten by the roll-back, and if the server itself goes away no roll-back can run; the
  error then names the graphs that may hold part of the load.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from ..export.namespaces import PREFIXES

DEFAULT_STORE = Path("output/store")
BATCH_TRIPLES = 50_000
TIMEOUT_SECONDS = 120.0
RESULT_FORMATS = ("table", "csv", "json")

FORMATS_BY_SUFFIX = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

Graph = ox.NamedNode | ox.BlankNode | ox.DefaultGraph
Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class LoadReport:
    """What a load did: the files read, the quads sent (endpoint) or now in the store, the time."""

    target: str
    files: tuple[Path, ...]
    quads: int
    graphs: int
    seconds: float


@dataclass(frozen=True)
class QueryResult:
    """SPARQL results: ``variables`` and ``rows`` for SELECT, ``boolean`` for ASK, ``triples`` for
    CONSTRUCT and DESCRIBE."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL endpoint URL with optional HTTP basic authentication."""

    url: str
    user: str | None = None
    password: str | None = None
    timeout: float = TIMEOUT_SECONDS

    def __post_init__(self) -> None:
        if urllib.parse.urlsplit(self.url).scheme not in ("http", "https"):
            raise StoreError(f"{self.url}: an endpoint is an http:// or https:// URL")


# --- files ---------------------------------------------------------------------------------------


def rdf_format(path: str | Path) -> ox.RdfFormat:
    """The RDF syntax of a file, from its suffix; StoreError lists the suffixes textkg loads."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS_BY_SUFFIX:
        valid = ", ".join(FORMATS_BY_SUFFIX)
        raise StoreError(f"{path}: cannot tell the RDF syntax of this file; valid suffixes: {valid}")
    return FORMATS_BY_SUFFIX[suffix]


def _checked_files(paths: Sequence[str | Path]) -> tuple[tuple[Path, ox.RdfFormat], ...]:
    if not paths:
        raise StoreError("no file to load")
    files = []
    for path in map(Path, paths):
        fmt = rdf_format(path)
        if not path.is_file():
            raise StoreError(f"{path}: no such file (load takes RDF files such as output/graph.nq)")
        files.append((path, fmt))
    return tuple(files)


def _validate_for_protocol(path: Path, fmt: ox.RdfFormat) -> None:
    """Parse the whole file without storing it; StoreError naming the line if it is not valid, or
    if a graph has a blank-node name (the protocol addresses graphs by IRI only)."""
    try:
        for quad in ox.parse(path=str(path), format=fmt):
            if isinstance(quad.graph_name, ox.BlankNode):
                raise StoreError(f"{path}: graph {quad.graph_name} has a blank-node name, which the Graph Store Protocol cannot address")
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid {fmt.name}: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc}") from exc


# --- embedded Oxigraph store ---------------------------------------------------------------------


def load_into_store(paths: Sequence[str | Path], store: str | Path = DEFAULT_STORE) -> LoadReport:
    """Bulk-load RDF files into the Oxigraph store at ``store`` (created if missing); all or nothing."""
    started = time.perf_counter()
    files = _checked_files(paths)
    target = Path(store)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{target}: cannot create the store's directory: {exc.strerror or exc}") from exc
    _recover(target)
    staging = _sibling(target, "loading", os.getpid())
    retired = _sibling(target, "old", os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    try:
        if target.exists():
            _open(target).backup(str(staging))
        copy = ox.Store(str(staging))
        for path, fmt in files:
            copy.bulk_load(path=str(path), format=fmt)
        copy.flush()
        quads, graphs = len(copy), sum(1 for _ in copy.named_graphs())
        del copy  # closes the database before its directory is renamed
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, SyntaxError | OSError | ValueError):
            raise StoreError(f"{target}: load failed, the store is unchanged: {exc}") from exc
        raise
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)
    return LoadReport(str(target), tuple(p for p, _ in files), quads, graphs, time.perf_counter() - started)


def _sibling(target: Path, role: str, pid: int) -> Path:
    return target.with_name(f".{target.name}.{role}-{pid}")


def _recover(target: Path) -> None:
    """Undo what an interrupted load left: put back a store retired by a swap that did not finish,
    and delete the copies of loads whose process is gone."""
    for leftover in sorted(target.parent.glob(f".{target.name}.*-*")):
        role, _, pid = leftover.name.rsplit(".", 1)[-1].partition("-")
        if not pid.isdigit() or _alive(int(pid)):
            continue
        if role == "old" and not target.exists():
            os.replace(leftover, target)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _open(path: Path, read_only: bool = False) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the Oxigraph store (is another process using it?): {exc}") from exc


def query_store(sparql: str, store: str | Path = DEFAULT_STORE) -> QueryResult:
    """Run a SPARQL 1.1 query on the embedded store at ``store``."""
    target = Path(store)
    _recover(target)
    if not target.is_dir():
        raise StoreError(f"{target}: no store here; load one first with `textkg load output/graph.nq --store {target}`")
    try:
        results = _open(target, read_only=True).query(sparql)
    except SyntaxError as exc:
        raise StoreError(f"invalid SPARQL: {exc}") from exc
    return _materialize(results)


def _materialize(results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(results, ox.QueryBoolean):
        return QueryResult(boolean=bool(results))
    if isinstance(results, ox.QueryTriples):
        return QueryResult(triples=tuple(results))
    variables = tuple(v.value for v in results.variables)
    return QueryResult(variables=variables, rows=tuple(tuple(solution[v] for v in variables) for solution in results))


# --- SPARQL endpoints (Graph Store Protocol for loads) ---------------------------------------------


def load_into_endpoint(paths: Sequence[str | Path], endpoint: Endpoint, batch: int = BATCH_TRIPLES) -> LoadReport:
    """POST every graph of the files to a Graph Store Protocol endpoint; on failure restore every
    graph it wrote (see the module docstring for what that guarantees)."""
    started = time.perf_counter()
    files = _checked_files(paths)
    for path, fmt in files:
        _validate_for_protocol(path, fmt)
    before: dict[Graph, bytes | None] = {}  # each graph written: its content before the load
    sent = 0
    try:
        for path, fmt in files:
            for graph, payload, count in _graph_batches(path, fmt, batch):
                if graph not in before:
                    before[graph] = _fetch_graph(endpoint, graph)
                _request(endpoint, "POST", _graph_url(endpoint, graph), payload, {"Content-Type": "application/n-triples"})
                sent += count
    except StoreError as exc:
        raise StoreError(f"{endpoint.url}: load failed ({exc}); {_roll_back(endpoint, before)}") from exc
    except BaseException:
        _roll_back(endpoint, before)
        raise
    return LoadReport(endpoint.url, tuple(p for p, _ in files), sent, len(before), time.perf_counter() - started)


def _graph_batches(path: Path, fmt: ox.RdfFormat, batch: int) -> Iterator[tuple[Graph, bytes, int]]:
    """N-Triples payloads of at most ``batch`` triples, each from one graph (textkg's N-Quads keep
    each graph contiguous, so a graph is usually one or a few requests)."""
    graph: Graph | None = None
    triples: list[ox.Triple] = []
    for quad in ox.parse(path=str(path), format=fmt):
        if (quad.graph_name != graph or len(triples) >= batch) and triples:
            yield graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)
            triples = []
        graph = quad.graph_name
        triples.append(quad.triple)
    if triples:
        yield graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def _graph_url(endpoint: Endpoint, graph: Graph) -> str:
    query = "default" if isinstance(graph, ox.DefaultGraph) else urllib.parse.urlencode({"graph": graph.value})
    return f"{endpoint.url}{'&' if '?' in endpoint.url else '?'}{query}"


def _fetch_graph(endpoint: Endpoint, graph: Graph) -> bytes | None:
    """The current content of ``graph`` as N-Triples, or None if the store does not have it."""
    try:
        return _request(endpoint, "GET", _graph_url(endpoint, graph), headers={"Accept": "application/n-triples"})
    except _NotFound:
        return None


def _roll_back(endpoint: Endpoint, before: dict[Graph, bytes | None]) -> str:
    failed = []
    for graph, content in reversed(before.items()):
        url = _graph_url(endpoint, graph)
        try:
            if content is None:
                _request(endpoint, "DELETE", url)
            else:
                _request(endpoint, "PUT", url, content, {"Content-Type": "application/n-triples"})
        except (StoreError, _NotFound):
            failed.append(str(graph))
    if not failed:
        return f"rolled back the {len(before)} graph(s) it had written"
    return f"could not roll back {len(failed)} graph(s), which may hold part of the load: {', '.join(failed[:20])}"


class _NotFound(Exception):
    """HTTP 404 from the endpoint."""


def _request(endpoint: Endpoint, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if endpoint.user is not None:
        token = base64.b64encode(f"{endpoint.user}:{endpoint.password or ''}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:  # noqa: S310 - the user's endpoint
            return response.read()
    except urllib.error.HTTPError as exc:
        if exc.code == 404 and method in ("GET", "DELETE"):
            raise _NotFound(url) from exc
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise StoreError(f"{method} {url}: HTTP {exc.code} {exc.reason}{': ' + detail if detail else ''}") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        raise StoreError(f"{method} {url}: cannot reach the endpoint: {getattr(exc, 'reason', exc)}") from exc


def query_endpoint(sparql: str, endpoint: Endpoint) -> QueryResult:
    """Run a SPARQL 1.1 query on a SPARQL query endpoint (POST, form-encoded)."""
    body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
    }
    data = _request(endpoint, "POST", endpoint.url, body, headers)
    try:
        if data.lstrip().startswith(b"{"):
            return _materialize(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON))
        return QueryResult(triples=tuple(q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))
    except SyntaxError as exc:
        raise StoreError(f"{endpoint.url}: unreadable query results: {exc}") from exc


# --- printing results ----------------------------------------------------------------------------


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Results as an aligned text table, SPARQL 1.1 CSV or SPARQL 1.1 JSON; CONSTRUCT and DESCRIBE
    results are N-Triples whatever ``fmt``."""
    if fmt not in RESULT_FORMATS:
        raise StoreError(f"unknown result format {fmt!r}; valid formats: {', '.join(RESULT_FORMATS)}")
    if result.triples:
        return ox.serialize(list(result.triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if fmt == "json":
        return json.dumps(_results_json(result), ensure_ascii=False, indent=1) + "\n"
    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([["" if t is None else t.value for t in row] for row in result.rows])
        return out.getvalue()
    return _table(result)


def _results_json(result: QueryResult) -> dict:
    if result.boolean is not None:
        return {"head": {}, "boolean": result.boolean}
    bindings = [{var: _term_json(term) for var, term in zip(result.variables, row, strict=True) if term is not None} for row in result.rows]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _term_json(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        value["datatype"] = term.datatype.value
    return value


def _table(result: QueryResult) -> str:
    cells = [list(result.variables)] + [[_short(t) for t in row] for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.variables))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _short(term: Term | None) -> str:
    """A term for reading: IRIs under a known prefix as prefix:name, literals as their text on one line."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(str(namespace)):
                return f"{prefix}:{term.value[len(str(namespace)):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return " ".join(term.value.split())
