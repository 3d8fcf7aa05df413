"""Loading textkg's RDF into the embedded Oxigraph store and a real `oxigraph serve`, and running
the README's queries (examples/queries/*.rq) on both."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from textkg.cli import app
from textkg.errors import StoreError
from textkg.export import ExportContext, exporter
from textkg.graph import build_graph
from textkg.store import Endpoint, QueryResult, format_result, load_into_endpoint, load_into_store, query_endpoint, query_store

from .conftest import ROOT
from .rdf_corpus import TEXT_A, TEXT_B, corpus, record_a, record_b

QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))
ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def export(records, path: Path, fmt: str = "nquads") -> Path:
    _, write = exporter(fmt)
    write(ExportContext(build_graph(records)), path)
    return path


def rows(result: QueryResult) -> list[dict[str, str]]:
    return [{v: t.value for v, t in zip(result.variables, row, strict=True) if t is not None} for row in result.rows]


def as_set(result: QueryResult) -> set[tuple]:
    return {tuple(None if t is None else str(t) for t in row) for row in result.rows}


@pytest.fixture(scope="module")
def corpus_nq(tmp_path_factory) -> Path:
    return export(corpus(), tmp_path_factory.mktemp("corpus") / "graph.nq")


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, corpus_nq) -> Path:
    store = tmp_path_factory.mktemp("store") / "store"
    load_into_store([corpus_nq], store)
    return store


def test_the_readme_has_five_queries_and_shows_each():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(QUERIES) == 5
    for query in QUERIES:
        assert f"examples/queries/{query.name}" in readme


def query_file(name: str) -> str:
    return (ROOT / "examples" / "queries" / name).read_text(encoding="utf-8")


def test_who_claims_what(corpus_store):
    found = {(r["speaker"], r["cue"], r["document"]) for r in rows(query_store(query_file("who-claims-what.rq"), corpus_store))}
    assert found == {("Jean Dupont", "a déclaré", "doc-a"), ("Jean Dupont", "a affirmé", "doc-b")}


def test_sources_of_claims(corpus_store):
    found = rows(query_store(query_file("sources-of-claims.rq"), corpus_store))
    outlets = {(r["content"], r.get("outlet")) for r in found}
    assert ("la France et l'Estonie ont signé un accord à Tallinn", "Reuters") in outlets
    assert {r["publisher"] for r in found} == {"Agence A", "Journal B"}


def test_events_in_a_country(corpus_store):
    found = rows(query_store(query_file("events-in-country.rq"), corpus_store))
    # the deployment is only reported by Jean Dupont, so only the signed agreement is located
    assert [(r["country"], r["class"].rsplit("#", 1)[1], r["predicate"]) for r in found] == [("Estonie", "Agreement", "signer")]
    assert "Tallinn" in found[0]["evidence"]


def test_statements_by_one_person_across_documents(corpus_store):
    found = rows(query_store(query_file("statements-by-person.rq"), corpus_store))
    assert {r["speaker"] for r in found} == {"Jean Dupont"}
    assert [r["document"] for r in found] == ["doc-a", "doc-b"]  # ordered by date


def test_facts_with_their_evidence(corpus_store):
    found = rows(query_store(query_file("facts-with-evidence.rq"), corpus_store))
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


def test_load_keeps_named_graphs_and_reports_counts(tmp_path, corpus_nq):
    report = load_into_store([corpus_nq], tmp_path / "new" / "dirs" / "store")
    assert report.quads == len(query_store(ALL_QUADS, tmp_path / "new" / "dirs" / "store").rows)
    report = load_into_store([corpus_nq], tmp_path / "store")
    file_quads = sum(1 for _ in ox.parse(path=str(corpus_nq), format=ox.RdfFormat.N_QUADS))
    assert report.quads == file_quads == len(query_store(ALL_QUADS, tmp_path / "store").rows)
    again = load_into_store([corpus_nq], tmp_path / "store")  # RDF is a set: loading twice changes nothing
    assert again.quads == report.quads


def test_a_failed_load_leaves_the_store_as_it_was(tmp_path, corpus_nq):
    store = tmp_path / "store"
    load_into_store([corpus_nq], store)
    before = as_set(query_store(ALL_QUADS, store))
    second = export([record_b()], tmp_path / "b.ttl", "turtle")
    broken = tmp_path / "broken.nq"
    broken.write_text('<https://x.org/s> <https://x.org/p> "fine" <https://x.org/g> .\n<https://x.org/s> <p> "no" .\n', encoding="utf-8")
    with pytest.raises(StoreError, match="store is unchanged"):
        load_into_store([second, broken], store)
    assert as_set(query_store(ALL_QUADS, store)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.ttl", "broken.nq", "store"]  # no copy left behind
    with pytest.raises(StoreError):
        load_into_store([broken], tmp_path / "new-store")
    assert not (tmp_path / "new-store").exists()


def test_an_interrupted_swap_is_undone_on_next_use(tmp_path, corpus_nq):
    store = tmp_path / "store"
    load_into_store([corpus_nq], store)
    before = as_set(query_store(ALL_QUADS, store))
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead_pid = int(finished.stdout)
    os.replace(store, tmp_path / f".store.old-{dead_pid}")  # as if killed between the two renames
    shutil.copytree(tmp_path / f".store.old-{dead_pid}", tmp_path / f".store.loading-{dead_pid}")
    assert as_set(query_store(ALL_QUADS, store)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_unknown_rdf_suffix_lists_the_valid_ones(tmp_path):
    path = tmp_path / "graph.rdf"
    path.write_text("", encoding="utf-8")
    with pytest.raises(StoreError, match=r"valid suffixes: \.nq, \.trig, \.ttl, \.nt, \.jsonld"):
        load_into_store([path], tmp_path / "store")


def test_query_formats(corpus_store):
    sparql = """PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?doc ?title WHERE { GRAPH ?g { ?doc dcterms:identifier ?id OPTIONAL { ?doc dcterms:title ?title } } } ORDER BY ?id"""
    result = query_store(sparql, corpus_store)
    parsed = ox.parse_query_results(format_result(result, "json").encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    assert [[str(s[v]) if s[v] is not None else None for v in ("doc", "title")] for s in parsed] == [
        [str(t) if t is not None else None for t in row] for row in result.rows
    ]
    csv_lines = format_result(result, "csv").splitlines()
    assert csv_lines[0] == "doc,title" and csv_lines[1].endswith(",Soldats en Estonie") and len(csv_lines) == 3
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["doc", "title"] and table[-1] == "(2 rows)"
    assert format_result(query_store("ASK { GRAPH ?g { ?s ?p ?o } }", corpus_store), "table") == "true\n"
    with pytest.raises(StoreError, match="valid formats: table, csv, json"):
        format_result(result, "xml")


def test_cli_load_and_query(tmp_path, corpus_nq):
    runner = CliRunner()
    store = tmp_path / "store"
    loaded = runner.invoke(app, ["load", str(corpus_nq), "--store", str(store)])
    assert loaded.exit_code == 0, loaded.output
    assert "quads now in the store" in loaded.output
    result = runner.invoke(app, ["query", "--file", str(QUERIES[-1]), "--store", str(store), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "speaker,cue,content,document"
    bad = runner.invoke(app, ["query", "SELECT WHERE", "--store", str(store)])
    assert bad.exit_code == 1 and "invalid SPARQL" in bad.output
    missing = runner.invoke(app, ["query", "ASK {}", "--store", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "load one first" in missing.output


# --- a real Oxigraph server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    """`oxigraph serve` on a free port of 127.0.0.1; yields its base URL and always stops it."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "server-data"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {process.stderr.read().decode(errors='replace')}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def test_graph_store_protocol_load_and_the_readme_queries_on_oxigraph_server(oxigraph_server, corpus_nq, corpus_store):
    gsp, sparql = Endpoint(f"{oxigraph_server}/store"), Endpoint(f"{oxigraph_server}/query")
    report = load_into_endpoint([corpus_nq], gsp)
    assert report.quads == sum(1 for _ in ox.parse(path=str(corpus_nq), format=ox.RdfFormat.N_QUADS))
    assert as_set(query_endpoint(ALL_QUADS, sparql)) == as_set(query_store(ALL_QUADS, corpus_store))
    for query in QUERIES:
        text = query.read_text(encoding="utf-8")
        remote, local = query_endpoint(text, sparql), query_store(text, corpus_store)
        assert remote.rows, query.name
        assert remote.variables == local.variables
        assert [[str(t) for t in row] for row in remote.rows] == [[str(t) for t in row] for row in local.rows], query.name


@pytest.mark.model
def test_the_sample_loads_over_the_graph_store_protocol(oxigraph_server, sample_build, tmp_path):
    _, out = sample_build
    gsp, sparql = Endpoint(f"{oxigraph_server}/store"), Endpoint(f"{oxigraph_server}/query")
    load_into_endpoint([out / "graph.trig"], gsp)
    # the TriG sent over the protocol and the N-Quads bulk-loaded give the same store (Oxigraph
    # keeps literals in canonical form: 0.70 as 0.7, xsd:nonNegativeInteger as xsd:integer)
    load_into_store([out / "graph.nq"], tmp_path / "store")
    loaded = as_set(query_endpoint(ALL_QUADS, sparql))
    assert loaded == as_set(query_store(ALL_QUADS, tmp_path / "store"))
    assert len(loaded) == sum(1 for _ in ox.parse(path=str(out / "graph.nq")))
    for query in QUERIES:
        query_endpoint(query.read_text(encoding="utf-8"), sparql)  # every README query runs on the sample
    claims = rows(query_endpoint(query_file("who-claims-what.rq"), sparql))
    assert claims and all(r["document"] == "russie-bielorussie-fr" for r in claims)


class FailingProxy:
    """An HTTP hop in front of the real server that answers 500 to the ``fail_at``-th POST, as a
    server failing in the middle of a load would, and 401 to requests without ``credentials``
    (HTTP basic authentication) when it is given."""

    def __init__(self, upstream: str, fail_at: int = 0, credentials: str | None = None) -> None:
        proxy = self
        self.posts = 0
        expected = "Basic " + base64.b64encode(credentials.encode()).decode() if credentials else None

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
                if expected is not None and self.headers.get("Authorization") != expected:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="kg"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.command == "POST":
                    proxy.posts += 1
                    if proxy.posts == fail_at:
                        self.send_response(500)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
                request = urllib.request.Request(upstream + self.path, data=body, method=self.command, headers=headers)
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        status, payload = response.status, response.read()
                except urllib.error.HTTPError as exc:
                    status, payload = exc.code, exc.read()
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FailingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def test_a_failed_graph_store_load_is_rolled_back(oxigraph_server, tmp_path):
    gsp, sparql = Endpoint(f"{oxigraph_server}/store"), Endpoint(f"{oxigraph_server}/query")
    load_into_endpoint([export([record_a()], tmp_path / "a.nq")], gsp)
    before = as_set(query_endpoint(ALL_QUADS, sparql))
    second = export([record_a(), record_b()], tmp_path / "ab.nq")  # shares the entity, claim and provenance graphs
    with FailingProxy(f"{oxigraph_server}", fail_at=8) as proxy:
        with pytest.raises(StoreError, match=r"HTTP 500.*rolled back the \d+ graph"):
            load_into_endpoint([second], Endpoint(f"{proxy.url}/store"))
        assert proxy.posts == 8
    assert as_set(query_endpoint(ALL_QUADS, sparql)) == before


def test_basic_authentication_reaches_the_server(oxigraph_server, corpus_nq):
    with FailingProxy(oxigraph_server, credentials="alice:s3cret é") as proxy:
        with pytest.raises(StoreError, match="HTTP 401"):
            load_into_endpoint([corpus_nq], Endpoint(f"{proxy.url}/store", user="alice", password="wrong"))
        report = load_into_endpoint([corpus_nq], Endpoint(f"{proxy.url}/store", user="alice", password="s3cret é"))
        result = query_endpoint("ASK { GRAPH ?g { ?s ?p ?o } }", Endpoint(f"{proxy.url}/query", user="alice", password="s3cret é"))
    assert report.graphs > 0 and result.boolean is True


def test_an_unreachable_endpoint_is_a_clear_error(tmp_path, corpus_nq):
    with pytest.raises(StoreError, match="cannot reach the endpoint"):
        load_into_endpoint([corpus_nq], Endpoint(f"http://127.0.0.1:{free_port()}/store", timeout=5))


def test_a_blank_node_graph_name_is_refused_before_anything_is_sent(tmp_path):
    path = tmp_path / "bnode.trig"
    path.write_text("_:g { <https://x.org/s> <https://x.org/p> <https://x.org/o> }\n", encoding="utf-8")
    with pytest.raises(StoreError, match="blank-node name"):
        load_into_endpoint([path], Endpoint(f"http://127.0.0.1:{free_port()}/store", timeout=5))
