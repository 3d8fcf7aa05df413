"""Loading textkg's RDF into the embedded Oxigraph store and a real `oxigraph serve`, all or
nothing; the README's queries (examples/queries/*.rq, no GRAPH clause) on both; queries streamed,
with a time limit and no federated call unless asked."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from textkg.errors import EndpointError, InputError, QueryError, StoreError
from textkg.export import ExportContext, exporter
from textkg.graph import build_graph
from textkg.store import (
    Answer,
    Endpoint,
    QueryOptions,
    Solutions,
    Triples,
    load_into_endpoint,
    load_into_store,
    query_endpoint,
    query_store,
    write_result,
)

from .conftest import ROOT
from .rdf_corpus import TEXT_A, TEXT_B, corpus, record_a, record_b

QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))
ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def export(records, path: Path, fmt: str = "nquads") -> Path:
    _, write = exporter(fmt)
    write(ExportContext(build_graph(records)), path)
    return path


def run(run_query, *args, **kwargs) -> tuple[tuple[str, ...], list[tuple]]:
    """A query's variables and rows, read out of its stream."""
    with run_query(*args, **kwargs) as result:
        assert isinstance(result, Solutions)
        return result.variables, list(result.rows)


def rows(run_query, *args, **kwargs) -> list[dict[str, str]]:
    variables, found = run(run_query, *args, **kwargs)
    return [{v: t.value for v, t in zip(variables, row, strict=True) if t is not None} for row in found]


def as_set(found: list[tuple]) -> set[tuple]:
    return {tuple(None if t is None else str(t) for t in row) for row in found}


def quads_in(run_query, *args) -> set[tuple]:
    return as_set(run(run_query, ALL_QUADS, *args)[1])


@pytest.fixture(scope="module")
def corpus_nq(tmp_path_factory) -> Path:
    return export(corpus(), tmp_path_factory.mktemp("corpus") / "graph.nq")


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, corpus_nq) -> Path:
    store = tmp_path_factory.mktemp("store") / "store"
    load_into_store([corpus_nq], store)
    return store


def query_file(name: str) -> str:
    return (ROOT / "examples" / "queries" / name).read_text(encoding="utf-8")


def test_the_readme_shows_five_queries_without_graph_clauses():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(QUERIES) == 5
    for query in QUERIES:
        assert f"examples/queries/{query.name}" in readme
        code = "\n".join(line.split("#")[0] for line in query.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        assert not re.search(r"\bGRAPH\b", code, re.I), query.name


def test_who_claims_what(corpus_store):
    found = {(r["speaker"], r["cue"], r["document"]) for r in rows(query_store, query_file("who-claims-what.rq"), corpus_store)}
    assert found == {("Jean Dupont", "a déclaré", "doc-a"), ("Jean Dupont", "a affirmé", "doc-b")}


def test_sources_of_claims(corpus_store):
    found = rows(query_store, query_file("sources-of-claims.rq"), corpus_store)
    outlets = {(r["content"], r.get("outlet")) for r in found}
    assert ("la France et l'Estonie ont signé un accord à Tallinn", "DPA") in outlets
    assert {r["publisher"] for r in found} == {"Agence A", "Journal B"}
    assert len(found) == 3  # one row per claim: no OPTIONAL multiplies them


def test_events_in_a_country(corpus_store):
    found = rows(query_store, query_file("events-in-country.rq"), corpus_store)
    # the deployment is only reported by Jean Dupont, so only the signed agreement is located
    assert [(r["country"], r["class"].rsplit("#", 1)[1], r["predicate"]) for r in found] == [("Estonie", "Agreement", "signer")]
    assert "Tallinn" in found[0]["evidence"]
    assert "/event/signer-" in found[0]["event"]  # a readable slug


def test_statements_by_one_person_across_documents(corpus_store):
    found = rows(query_store, query_file("statements-by-person.rq"), corpus_store)
    assert {r["speaker"] for r in found} == {"Jean Dupont"}
    assert [r["document"] for r in found] == ["doc-a", "doc-b"]  # ordered by date


def test_facts_with_their_evidence(corpus_store):
    found = rows(query_store, query_file("facts-with-evidence.rq"), corpus_store)
    texts = {"doc-a": TEXT_A, "doc-b": TEXT_B}
    assert found
    for row in found:
        assert texts[row["document"]][int(row["start"]):int(row["end"])] == row["evidence"]
        assert 0 <= float(row["confidence"]) <= 1
    facts = {(r["subject"], r["predicate"], r["object"]) for r in found}
    assert ("Jean Dupont", "rencontrer", "Kaja Kallas") in facts
    assert ("signer", "location", "Estonie") in facts
    assert ("France", "rencontrer", "Estonie") not in facts  # negated in the text
    assert ("envoyer", "theme", "soldats") not in facts  # only reported speech
    signed = [r for r in found if (r["subject"], r["predicate"], r["object"]) == ("France", "signer", "accord")]
    assert len(signed) == 2 and {float(r["confidence"]) for r in signed} == {0.9}  # one graph, two sentences


def test_the_default_graph_is_the_union_unless_asked_otherwise(corpus_store):
    claims = "SELECT ?c WHERE { ?c a tk:Claim }"  # the first query; tk: is declared for it
    assert len(run(query_store, claims, corpus_store)[1]) == 3
    assert run(query_store, claims, corpus_store, QueryOptions(union_default_graph=False))[1] == []


def test_load_keeps_named_graphs_and_reports_counts(tmp_path, corpus_nq):
    report = load_into_store([corpus_nq], tmp_path / "new" / "dirs" / "store")
    assert report.quads == len(quads_in(query_store, tmp_path / "new" / "dirs" / "store"))
    report = load_into_store([corpus_nq], tmp_path / "store")
    file_quads = sum(1 for _ in ox.parse(path=str(corpus_nq), format=ox.RdfFormat.N_QUADS))
    assert report.quads == file_quads == len(quads_in(query_store, tmp_path / "store"))
    again = load_into_store([corpus_nq], tmp_path / "store")  # RDF is a set: loading twice changes nothing
    assert again.quads == report.quads


def test_a_failed_load_leaves_the_store_as_it_was(tmp_path, corpus_nq):
    store = tmp_path / "store"
    load_into_store([corpus_nq], store)
    before = quads_in(query_store, store)
    second = export([record_b()], tmp_path / "b.ttl", "turtle")
    broken = tmp_path / "broken.nq"
    broken.write_text('<https://x.org/s> <https://x.org/p> "fine" <https://x.org/g> .\n<https://x.org/s> <p> "no" .\n', encoding="utf-8")
    with pytest.raises(StoreError, match=r"broken\.nq:2: not valid N-Quads: .*the store is unchanged"):
        load_into_store([second, broken], store)
    assert quads_in(query_store, store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.ttl", "broken.nq", "store"]  # no copy left behind
    with pytest.raises(StoreError):
        load_into_store([broken], tmp_path / "new-store")
    assert not (tmp_path / "new-store").exists()


def test_an_interrupted_swap_is_undone_on_next_use(tmp_path, corpus_nq):
    store = tmp_path / "store"
    load_into_store([corpus_nq], store)
    before = quads_in(query_store, store)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead_pid = int(finished.stdout)
    os.replace(store, tmp_path / f".store.old-{dead_pid}")  # as if killed between the two renames
    shutil.copytree(tmp_path / f".store.old-{dead_pid}", tmp_path / f".store.loading-{dead_pid}")
    assert quads_in(query_store, store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_unknown_suffix_and_missing_files_are_usage_errors(tmp_path):
    path = tmp_path / "graph.rdf"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"valid suffixes: \.nq, \.trig, \.ttl, \.nt, \.jsonld") as caught:
        load_into_store([path], tmp_path / "store")
    assert caught.value.exit_code == 2
    with pytest.raises(InputError, match="no such file") as caught:
        load_into_store([tmp_path / "nope.nq"], tmp_path / "store")
    assert caught.value.exit_code == 2
    with pytest.raises(InputError, match="no store here; load one first"):
        run(query_store, "ASK {}", tmp_path / "nowhere")


def test_results_print_as_table_csv_json_and_ntriples(corpus_store):
    sparql = "SELECT ?doc ?title WHERE { ?doc dcterms:identifier ?id OPTIONAL { ?doc dcterms:title ?title } } ORDER BY ?id"

    def printed(fmt: str, query: str = sparql) -> str:
        out = _Sink()
        with query_store(query, corpus_store) as result:
            write_result(result, fmt, out)
        return out.text

    variables, found = run(query_store, sparql, corpus_store)
    parsed = ox.parse_query_results(printed("json").encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    assert [[None if s[v] is None else str(s[v]) for v in variables] for s in parsed] == [[None if t is None else str(t) for t in r] for r in found]
    csv_lines = printed("csv").splitlines()
    assert csv_lines[0] == "doc,title" and csv_lines[1].endswith(",Soldats en Estonie") and len(csv_lines) == 3
    table = printed("table").splitlines()
    assert table[0].split() == ["doc", "title"] and table[-1] == "(2 rows)"
    assert printed("table", "ASK { ?s ?p ?o }") == "true\n"
    assert printed("json", "ASK { ?s a tk:Nothing }") == '{"head": {}, "boolean": false}\n'
    triples = printed("table", "CONSTRUCT { ?c a tk:Claim } WHERE { ?c a tk:Claim }")
    assert len(list(ox.parse(triples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))) == 3
    with pytest.raises(QueryError, match="valid formats: table, csv, json"):
        write_result(Answer(True), "xml", _Sink())


def test_the_table_shows_control_characters_escaped(tmp_path):
    path = tmp_path / "evil.nt"
    path.write_text('<https://x.org/s> <https://x.org/p> "title\\u001B]0;owned\\u0007 \\u009B31m" .\n', encoding="utf-8")
    load_into_store([path], tmp_path / "store")
    out = _Sink()
    with query_store("SELECT ?o { ?s ?p ?o }", tmp_path / "store") as result:
        write_result(result, "table", out)
    assert "\x1b" not in out.text and "\x07" not in out.text and "\x9b" not in out.text
    assert "title\\x1b]0;owned\\x07 \\x9b31m" in out.text


class _Sink:
    """A text handle that keeps what is written."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def test_syntax_errors_are_one_readable_line(corpus_store):
    with pytest.raises(QueryError) as caught:
        run(query_store, "SELECT ?x WHERE { ?x a foaf:Person }", corpus_store)
    message = str(caught.value)
    assert message.startswith("invalid SPARQL at line 1, column") and "the prefix 'foaf:' is not declared" in message
    assert "\\u{" not in message and "\n" not in message and caught.value.exit_code == 2
    with pytest.raises(QueryError, match=r"invalid SPARQL at line 1, column \d+"):
        run(query_store, "SELECT WHERE", corpus_store)


# --- big results stream; runaway queries stop ------------------------------------------------------


@pytest.fixture(scope="module")
def thousand_store(tmp_path_factory) -> Path:
    """1,000 subjects: a cross product of two patterns gives a million rows."""
    work = tmp_path_factory.mktemp("thousand")
    path = work / "many.nt"
    path.write_text("".join(f'<https://x.org/s{i}> <https://x.org/p> "{i}" .\n' for i in range(1000)), encoding="utf-8")
    load_into_store([path], work / "store")
    return work / "store"


class _CountingSink(_Sink):
    def __init__(self) -> None:
        super().__init__()
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return len(text)


def test_a_large_result_streams_instead_of_being_held(thousand_store):
    sparql = "SELECT ?a ?b WHERE { ?a <https://x.org/p> ?x . ?b <https://x.org/p> ?y } LIMIT 200000"
    sink = _CountingSink()
    tracemalloc.start()
    try:
        with query_store(sparql, thousand_store) as result:
            write_result(result, "csv", sink)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sink.lines == 200_001
    # 200,000 rows of two IRIs held as Python objects take over 30 MB; streamed, well under 1 MB
    assert peak < 5 * 2**20, peak


def test_a_runaway_query_is_stopped_at_the_timeout(thousand_store):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }"  # 10^9 combinations
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"ran for more than 1\.5 s and was stopped"):
        run(query_store, runaway, thousand_store, QueryOptions(timeout=1.5))
    assert time.monotonic() - started < 30


# --- no federated query unless asked ------------------------------------------------------------


class _Recorder:
    """An HTTP server on 127.0.0.1 that records every request (method, path, headers, body) and
    answers with what ``respond`` says; used as a SPARQL service, a redirecting server, or the
    other host a redirect points to."""

    def __init__(self, respond=None) -> None:
        recorder = self
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        respond = respond or (lambda handler: (200, {"Content-Type": "application/sparql-results+json"}, b'{"head":{"vars":[]},"results":{"bindings":[]}}'))

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _handle(self) -> None:
                body = _read_body(self)
                recorder.requests.append((self.command, self.path, dict(self.headers.items()), body))
                status, headers, payload = respond(self)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> _Recorder:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                handler.rfile.readline()
                return b"".join(parts)
            parts.append(handler.rfile.read(size))
            handler.rfile.readline()
    return handler.rfile.read(int(handler.headers.get("Content-Length") or 0))


def test_a_service_clause_sends_nothing_unless_allowed(corpus_store):
    with _Recorder() as listener:
        federated = f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryError, match="calls SERVICE .* textkg's queries stay offline unless you pass --allow-service"):
            run(query_store, federated, corpus_store)
        with pytest.raises(QueryError, match="--allow-service"):
            run(query_endpoint, federated, Endpoint(f"{listener.url}/query"))
        assert listener.requests == []
        # asked for, the same query does reach the service: the refusal above is what kept it offline
        run(query_store, federated, corpus_store, QueryOptions(allow_service=True))
        assert len(listener.requests) == 1


# --- a real Oxigraph server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve` on a free port of 127.0.0.1 over a data directory, started and stopped
    (or killed) on demand."""

    def __init__(self, location: Path, *flags: str) -> None:
        self.location = location
        self.flags = flags
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> OxigraphServer:
        binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        command = [binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}", *self.flags]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1).read()
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


@pytest.fixture
def oxigraph_server(tmp_path):
    """`oxigraph serve --union-default-graph`, the configuration the README gives."""
    server = OxigraphServer(tmp_path / "server-data", "--union-default-graph").start()
    try:
        yield server
    finally:
        server.stop()


def test_one_request_loads_the_corpus_and_the_readme_queries_agree_on_oxigraph_server(oxigraph_server, corpus_nq, corpus_store):
    report = load_into_endpoint([corpus_nq], Endpoint(f"{oxigraph_server.url}/store"))
    assert report.quads == sum(1 for _ in ox.parse(path=str(corpus_nq), format=ox.RdfFormat.N_QUADS))
    sparql = Endpoint(f"{oxigraph_server.url}/query")
    assert quads_in(query_endpoint, sparql) == quads_in(query_store, corpus_store)
    for query in QUERIES:
        text = query.read_text(encoding="utf-8")
        remote, local = run(query_endpoint, text, sparql), run(query_store, text, corpus_store)
        assert remote[1], query.name
        assert remote[0] == local[0]
        assert [[str(t) for t in row] for row in remote[1]] == [[str(t) for t in row] for row in local[1]], query.name
    with query_endpoint("ASK { ?c a tk:Claim }", sparql) as answer:  # textkg's prefixes are declared for a server too
        assert answer == Answer(True)
    with query_endpoint("CONSTRUCT { ?c a tk:Claim } WHERE { ?c a tk:Claim }", sparql) as built:
        assert isinstance(built, Triples) and len(list(built.triples)) == 3


@pytest.mark.model
def test_the_sample_loads_into_oxigraph_server(oxigraph_server, sample_build, tmp_path):
    _, out = sample_build
    sparql = Endpoint(f"{oxigraph_server.url}/query")
    load_into_endpoint([out / "graph.trig"], Endpoint(f"{oxigraph_server.url}/store"))
    # the TriG sent over HTTP and the N-Quads bulk-loaded give the same store (Oxigraph keeps
    # literals in canonical form: 0.70 as 0.7, xsd:nonNegativeInteger as xsd:integer)
    load_into_store([out / "graph.nq"], tmp_path / "store")
    loaded = quads_in(query_endpoint, sparql)
    assert loaded == quads_in(query_store, tmp_path / "store")
    assert len(loaded) == sum(1 for _ in ox.parse(path=str(out / "graph.nq")))
    for query in QUERIES:
        run(query_endpoint, query.read_text(encoding="utf-8"), sparql)  # every README query runs on the sample
    claims = rows(query_endpoint, query_file("who-claims-what.rq"), sparql)
    assert claims and all(r["document"] == "russie-bielorussie-fr" for r in claims)


def big_nquads(path: Path, quads: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(quads):
            handle.write(f'<https://x.org/s{i}> <https://x.org/p{i % 7}> "value {i}" <https://x.org/g{i % 500}> .\n')
    return path


def test_a_server_stopped_in_the_middle_of_a_load_keeps_the_store_as_it_was(tmp_path):
    server = OxigraphServer(tmp_path / "server-data").start()
    try:
        load_into_endpoint([export([record_a()], tmp_path / "a.nq")], Endpoint(f"{server.url}/store"))
        before = quads_in(query_endpoint, Endpoint(f"{server.url}/query"))
        big = big_nquads(tmp_path / "big.nq", 400_000)
        failure: list[BaseException] = []

        def load() -> None:
            try:
                load_into_endpoint([big], Endpoint(f"{server.url}/store"))
            except BaseException as exc:  # noqa: BLE001 - handed to the test thread
                failure.append(exc)

        loader = threading.Thread(target=load)
        loader.start()
        rss = _rss_kib(server.process.pid)
        deadline = time.monotonic() + 60
        while _rss_kib(server.process.pid) < rss + 40_000:  # the server holds the load's transaction
            assert time.monotonic() < deadline and loader.is_alive(), "the load never got under way"
            time.sleep(0.02)
        server.stop(signal.SIGKILL)
        loader.join(60)
        assert failure and isinstance(failure[0], StoreError), failure
        server.start()
        assert quads_in(query_endpoint, Endpoint(f"{server.url}/query")) == before
    finally:
        server.stop()


def _rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))


def test_a_bad_file_in_the_middle_of_a_load_stores_nothing_on_the_server(oxigraph_server, tmp_path):
    store, sparql = Endpoint(f"{oxigraph_server.url}/store"), Endpoint(f"{oxigraph_server.url}/query")
    load_into_endpoint([export([record_a()], tmp_path / "a.nq")], store)
    before = quads_in(query_endpoint, sparql)
    good = big_nquads(tmp_path / "good.nq", 50_000)  # sent before the bad file is reached
    broken = tmp_path / "broken.nq"
    broken.write_text('<https://x.org/s> <https://x.org/p> "fine" .\n<https://x.org/s> <p> "no" .\n', encoding="utf-8")
    with pytest.raises(StoreError, match=r"broken\.nq:2: not valid N-Quads"):
        load_into_endpoint([export([record_b()], tmp_path / "b.nq"), good, broken], store)
    assert quads_in(query_endpoint, sparql) == before


# --- credentials and redirects ------------------------------------------------------------------


def test_a_redirect_to_another_host_receives_neither_credentials_nor_data(corpus_nq):
    with _Recorder() as other:
        moved = lambda handler: (302, {"Location": f"{other.url}/store"}, b"")  # noqa: E731
        with _Recorder(moved) as server:
            endpoint = Endpoint(f"{server.url}/store", user="alice", password="s3cret")
            with pytest.raises(StoreError, match=r"redirects to http://127\.0\.0\.1:\d+/store \(HTTP 302\); textkg follows no redirect"):
                load_into_endpoint([corpus_nq], endpoint)
            with pytest.raises(StoreError, match="HTTP 302"):
                run(query_endpoint, "SELECT * { ?s ?p ?o }", Endpoint(f"{server.url}/query", user="alice", password="s3cret"))
        assert other.requests == []  # nothing, and no Authorization header, reached the other host
        assert [method for method, *_ in server.requests] == ["POST", "POST"]  # no write turned into a GET


def test_a_redirect_within_the_server_keeps_the_method_the_body_and_the_credentials(corpus_nq):
    def respond(handler):
        if handler.path == "/old":
            return 307, {"Location": "/store"}, b""
        if handler.path == "/downgrade":
            return 302, {"Location": "/store"}, b""  # a POST would come back as a GET: refused
        return 204, {}, b""

    with _Recorder(respond) as server:
        report = load_into_endpoint([corpus_nq], Endpoint(f"{server.url}/old", user="alice", password="s3cret"))
        with pytest.raises(StoreError, match="would turn a write into a GET"):
            load_into_endpoint([corpus_nq], Endpoint(f"{server.url}/downgrade", user="alice", password="s3cret"))
    (first, second, third) = server.requests
    assert (first[0], first[1], second[0], second[1]) == ("POST", "/old", "POST", "/store")
    assert len(second[3]) == len(first[3]) > 0 and second[2]["Authorization"] == first[2]["Authorization"]
    assert report.quads == sum(1 for _ in ox.parse(path=str(corpus_nq), format=ox.RdfFormat.N_QUADS))
    assert third[:2] == ("POST", "/downgrade")


def test_basic_authentication_reaches_the_server_and_never_shows(oxigraph_server, corpus_nq):
    def guard(handler):
        import base64

        if handler.headers.get("Authorization") != "Basic " + base64.b64encode("alice:s3cret é".encode()).decode():
            return 401, {"WWW-Authenticate": 'Basic realm="kg"'}, b"password s3cret \x1b]0;owned\x07 refused"
        return 204, {}, b""

    with _Recorder(guard) as server:
        with pytest.raises(StoreError) as caught:
            load_into_endpoint([corpus_nq], Endpoint(f"{server.url}/store", user="alice", password="wrong"))
        assert "HTTP 401" in str(caught.value) and "\x1b" not in str(caught.value) and "\\x1b]0;owned\\x07" in str(caught.value)
        load_into_endpoint([corpus_nq], Endpoint(f"{server.url}/store", user="alice", password="s3cret é"))
    assert "s3cret" not in repr(Endpoint(f"{server.url}/store", user="alice", password="s3cret"))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[::1", "http://[::1: not a valid URL"),
        ("ftp://example.org/kg", "an endpoint is an http:// or https:// URL"),
        ("http://alice:s3cret@127.0.0.1:7878/store", "http://***@127.0.0.1:7878/store: credentials in the URL"),
        ("http://127.0.0.1:99999/store", "not a valid URL"),
    ],
)
def test_an_unusable_endpoint_url_is_one_line_without_secrets(url, message):
    with pytest.raises(EndpointError) as caught:
        Endpoint(url)
    assert message in str(caught.value) and "s3cret" not in str(caught.value) and caught.value.exit_code == 2


def test_an_unreachable_endpoint_is_a_clear_error(corpus_nq):
    with pytest.raises(StoreError, match="cannot reach the endpoint"):
        load_into_endpoint([corpus_nq], Endpoint(f"http://127.0.0.1:{free_port()}/store"))


def test_a_runaway_query_on_a_server_is_cut_off(thousand_store, tmp_path):
    nt = tmp_path / "many.nt"
    nt.write_text("".join(f'<https://x.org/s{i}> <https://x.org/p> "{i}" .\n' for i in range(1000)), encoding="utf-8")
    server = OxigraphServer(tmp_path / "server-data").start()
    try:
        load_into_endpoint([nt], Endpoint(f"{server.url}/store"))
        runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }"
        with pytest.raises(StoreError, match=r"no answer within 1\.5 s|ran for more than 1\.5 s"):
            run(query_endpoint, runaway, Endpoint(f"{server.url}/query"), QueryOptions(timeout=1.5))
    finally:
        server.stop(signal.SIGKILL)
