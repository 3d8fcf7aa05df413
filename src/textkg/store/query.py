"""SPARQL queries on the embedded store or a server, with their results streamed and a time limit.

On the embedded store the default graph is the union of the named graphs (Oxigraph's query
option), so a query needs no GRAPH clause; a server does this by its own configuration (see the
README). textkg's prefixes (tk:, rdfs:, prov:, oa:, dcterms:, skos:, ...) are declared for every
query. A SERVICE clause is refused unless allowed: a query stays offline.

The embedded query runs in a child process (``worker``), killed when the time limit is reached;
a server's query is cut off at the same limit. Either way the limit bounds the whole query,
results included, and results are read as they arrive: nothing holds all the rows.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from ..errors import QueryError, StoreError, printable
from .embedded import DEFAULT_STORE, existing_store
from .http import Endpoint, exchange
from .results import Answer, QueryResult, Solutions, Triples
from .sparql import QUERY_PREFIXES, check_offline, describe_syntax_error, with_prefixes

DEFAULT_TIMEOUT_SECONDS = 300.0
WORKER = Path(__file__).with_name("worker.py")
ACCEPT = "application/sparql-results+json, text/tab-separated-values;q=0.9, application/n-triples;q=0.8, text/turtle;q=0.7"


@dataclass(frozen=True)
class QueryOptions:
    """``union_default_graph``: on the embedded store, the default graph is the union of the named
    graphs. ``timeout``: seconds for the whole query, results included. ``allow_service``: let a
    SERVICE clause reach the network."""

    union_default_graph: bool = True
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    allow_service: bool = False

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise QueryError(f"the timeout must be a positive number of seconds, not {self.timeout!r}")


@contextlib.contextmanager
def query_store(sparql: str, store: str | Path = DEFAULT_STORE, options: QueryOptions = QueryOptions()) -> Iterator[QueryResult]:
    """Run ``sparql`` on the embedded store at ``store``; the result streams within the ``with``
    block (leaving it early stops the query)."""
    check_offline(sparql, options.allow_service)
    target = existing_store(store)
    request = {"store": str(target), "query": sparql, "union": options.union_default_graph, "prefixes": QUERY_PREFIXES}
    # run as a script, not as textkg.store.worker: it needs pyoxigraph only, not textkg's imports
    process = subprocess.Popen(
        [sys.executable, "-I", str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        process.kill()

    timer = threading.Timer(options.timeout, expire)
    timer.start()
    try:
        try:
            process.stdin.write(json.dumps(request).encode("utf-8"))
            process.stdin.close()
        except BrokenPipeError:  # the worker is already gone: its reason is on its stderr
            pass
        head = process.stdout.readline().decode("utf-8").rstrip("\n")
        if not head:
            _raise_worker_failure(process, expired, options.timeout)
        kind, _, rest = head.partition("\t")
        if kind == "error":
            error_kind, _, message = rest.partition("\t")
            detail = json.loads(message)
            if error_kind == "syntax":
                raise QueryError(describe_syntax_error(sparql, detail))
            raise StoreError(f"{target}: {printable(detail)}")
        yield _local_result(kind, process, expired, options.timeout)
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def _local_result(kind: str, process: subprocess.Popen, expired: threading.Event, timeout: float) -> QueryResult:
    if kind == "ask":
        return Answer(process.stdout.readline().strip() == b"true")
    if kind == "triples":
        parsed = ox.parse(process.stdout, format=ox.RdfFormat.N_TRIPLES)
        return Triples(_until_done((quad.triple for quad in parsed), process, expired, timeout))
    solutions = ox.parse_query_results(process.stdout, format=ox.QueryResultsFormat.TSV)
    variables = tuple(v.value for v in solutions.variables)
    rows = (tuple(solution[v] for v in variables) for solution in solutions)
    return Solutions(variables, _until_done(rows, process, expired, timeout))


def _until_done(items: Iterator, process: subprocess.Popen, expired: threading.Event, timeout: float) -> Iterator:
    """``items`` as they come, then a StoreError if the worker was stopped or failed meanwhile
    (its results then end early, or mid-line)."""
    try:
        yield from items
    except (SyntaxError, OSError):
        pass  # a stream cut short: the reason is below
    process.wait()
    if expired.is_set() or process.returncode != 0:
        _raise_worker_failure(process, expired, timeout)


def _raise_worker_failure(process: subprocess.Popen, expired: threading.Event, timeout: float) -> None:
    process.wait()
    if expired.is_set():
        raise StoreError(f"the query ran for more than {timeout:g} s and was stopped (--timeout SECONDS sets the limit)")
    detail = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
    raise StoreError(f"the query failed: {printable(detail[-1] if detail else f'exit code {process.returncode}')}")


@contextlib.contextmanager
def query_endpoint(sparql: str, endpoint: Endpoint, options: QueryOptions = QueryOptions()) -> Iterator[QueryResult]:
    """Run ``sparql`` on a server's SPARQL query URL (POST, form-encoded); the result streams within
    the ``with`` block. Whether the default graph is the union of the named graphs is the server's
    configuration."""
    check_offline(sparql, options.allow_service)
    deadline = time.monotonic() + options.timeout
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT}
    form = str(httpx.QueryParams({"query": with_prefixes(sparql)})).encode("ascii")
    with exchange(endpoint, "POST", endpoint.url, body=lambda: form, headers=headers, timeout=options.timeout) as response:
        stream = _DeadlineReader(response, deadline, options.timeout, endpoint)
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        results_format = ox.QueryResultsFormat.from_media_type(media_type) if media_type else None
        try:
            if results_format is not None:
                parsed = ox.parse_query_results(stream, format=results_format)
                if isinstance(parsed, ox.QueryBoolean):
                    yield Answer(bool(parsed))
                    return
                variables = tuple(v.value for v in parsed.variables)
                rows = (tuple(solution[v] for v in variables) for solution in parsed)
                yield Solutions(variables, stream.checked(rows))
                return
            rdf_format = ox.RdfFormat.from_media_type(media_type) if media_type else None
            if rdf_format is None:
                raise StoreError(f"{endpoint.shown}: unreadable query results of type {printable(media_type or 'none')!r}")
            yield Triples(stream.checked(quad.triple for quad in ox.parse(stream, format=rdf_format)))
        except SyntaxError as exc:
            raise StoreError(f"{endpoint.shown}: unreadable query results: {printable(str(exc))}") from None


class _DeadlineReader:
    """A response body as a binary file for Oxigraph's parsers, cut off at the query's deadline."""

    def __init__(self, response: httpx.Response, deadline: float, timeout: float, endpoint: Endpoint) -> None:
        self._chunks = response.iter_raw()
        self._buffer = b""
        self._deadline = deadline
        self._timeout = timeout
        self._endpoint = endpoint
        self.failure: StoreError | None = None

    def read(self, size: int = -1) -> bytes:
        while self.failure is None and (size < 0 or len(self._buffer) < size):
            if time.monotonic() > self._deadline:
                self.failure = StoreError(f"the query ran for more than {self._timeout:g} s and was stopped (--timeout SECONDS sets the limit)")
                break
            try:
                chunk = next(self._chunks, None)
            except httpx.HTTPError as exc:
                self.failure = StoreError(f"{self._endpoint.shown}: the results broke off: {printable(str(exc))}")
                break
            if chunk is None:
                break
            self._buffer += chunk
        if self.failure is not None:
            raise self.failure
        data, self._buffer = (self._buffer, b"") if size < 0 else (self._buffer[:size], self._buffer[size:])
        return data

    def checked(self, items: Iterator) -> Iterator:
        """``items`` as they come; a StoreError if the body broke off or the deadline passed."""
        try:
            yield from items
        except (SyntaxError, OSError, StoreError):
            if self.failure is None:
                raise
        if self.failure is not None:
            raise self.failure
