"""The command line on dirty inputs: what it prints, its exit code, and what it leaves on disk."""

import ast
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from textkg import api
from textkg.cli import app
from textkg.export.html import VIS_DIR
from textkg.fileio import output_lock
from textkg.ingest import InputReport, clean_document
from textkg.records import Document
from textkg.runner.cache import RecordCache

from .conftest import ROOT

runner = CliRunner()
GOOD = "Emmanuel Macron a rencontré Olaf Scholz à Berlin."


def jsonl(*lines: object) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)


def dirty_corpus(directory: Path) -> Path:
    corpus = directory / "corpus"
    corpus.mkdir()
    (corpus / "news.jsonl").write_text(
        jsonl({"id": "a", "text": GOOD}, '{"id": "b", "text": ', {"id": "a", "text": "Doublon."}, {"id": "c"}), encoding="utf-8"
    )
    (corpus / "scan.txt").write_bytes(b"%PDF-1.7\n...")
    return corpus


@pytest.mark.model
def test_skipped_inputs_give_exit_code_1_a_summary_and_outputs_for_the_rest(tmp_path):
    corpus = dirty_corpus(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--formats", "turtle,html"])
    assert result.exit_code == 1, result.output
    news = corpus / "news.jsonl"
    assert result.stderr.splitlines() == [
        f"textkg: skipped: {news}:2: malformed JSON: Expecting value (column 21)",
        f"textkg: skipped: {news}:3: duplicate document id 'a' (first seen in {news}:1)",
        f"textkg: skipped: {news}:4: document 'c': missing or non-string 'text'",
        f"textkg: skipped: {corpus / 'scan.txt'}: binary file (a PDF document), not text",
        "textkg: read 1 document(s); skipped 4 (1 binary, 1 duplicate id, 1 invalid document, 1 malformed JSON)",
    ]
    records = [json.loads(line) for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a"] and records[0]["entities"]
    assert (out / "graph.ttl").stat().st_size > 0 and (out / "graph.html").stat().st_size > 0


@pytest.mark.model
def test_strict_fails_on_the_first_skip_and_keeps_the_previous_outputs(tmp_path):
    corpus = dirty_corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--formats", "turtle", "--strict"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"textkg: error: {corpus / 'news.jsonl'}:2: malformed JSON: Expecting value (column 21) (--strict: nothing was written)"
    )
    assert sorted(p.name for p in out.iterdir() if p.name != ".cache") == ["graph.ttl"]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"


def test_every_input_skipped_is_exit_code_1_and_writes_nothing(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"textkg: error: {tmp_path / 'a.txt'}, {tmp_path / 'b.txt'}: no documents left to process; "
        "read 0 document(s); skipped 2 (1 binary, 1 empty)"
    )
    assert [p.name for p in out.iterdir() if p.name != ".cache"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (lambda d: ["build", str(d / "nope.txt"), "-o", str(d / "o")], "nope.txt: no such file or directory"),
        (lambda d: ["build", f"{d}/**/*.md", "-o", str(d / "o")], "*.md: no input files (.jsonl, .md, .txt) match this pattern"),
        (lambda d: ["build", "-", "--stdin-format", "xml", "-o", str(d / "o")], "<stdin>: unknown stdin format 'xml'"),
        (lambda d: ["build", str(d / "scan.txt"), "-o", str(d / "scan.txt" / "o")], "output directory is not writable"),
        (lambda d: ["extract", str(d / "scan.txt"), "-o", str(d / "scan.txt" / "r.jsonl")], "output directory is not writable"),
        (lambda d: ["extract", str(d / "scan.txt"), "-o", str(d)], "is a directory; name the file of records to write"),
        (lambda d: ["build", str(d / "scan.txt"), "--lang", "en", "-o", str(d / "o")], "no pipeline for language 'en'; supported: fr"),
    ],
    ids=["missing-input", "empty-glob", "stdin-format", "unwritable-output-dir", "unwritable-records", "records-to-a-directory", "lang-without-pipeline"],
)
def test_usage_and_set_up_errors_are_exit_code_2_before_any_work(tmp_path, args, message):
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7")  # were it read, a "skipped" line would show
    result = runner.invoke(app, args(tmp_path), input="")
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "skipped" not in result.stderr and "Traceback" not in result.output


def test_a_base_iri_that_would_break_every_iri_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--base-iri", "kg base/", "-o", str(tmp_path / "o")], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "Invalid value for '--base-iri': base IRI 'kg base/' is not an absolute IRI" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.model
def test_standard_input_as_text_and_as_jsonl(tmp_path):
    records = tmp_path / "r.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "textkg", "extract", "-", "-o", str(records)],
        input=GOOD.encode("cp1252"), capture_output=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in records.read_text(encoding="utf-8").splitlines()] == ["stdin"]
    assert done.stderr.decode() == "textkg: warning: <stdin>: not valid UTF-8 (byte 26); decoded as Windows-1252\ntextkg: read 1 document(s); 1 warning(s)\n"
    result = runner.invoke(app, ["extract", "-", "-o", str(records)], input=jsonl({"id": "x", "text": GOOD}, "oops", {"id": "y", "text": GOOD}))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in records.read_text(encoding="utf-8").splitlines()] == ["x", "y"]
    assert "textkg: skipped: <stdin>:2: malformed JSON" in result.stderr


@pytest.mark.model
def test_offsets_index_the_normalised_text_and_markup_stays_text(tmp_path):
    text = "Emmanuel Macron a rencontré Olaf Scholz à Berlin.\r\n\x0cSelon l’AFP, <b>Olaf Scholz</b> </script><script>alert(1)</script> a salué Emmanuel Macron.\r\n"
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("cp1252"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(path), "-o", str(out), "--formats", "html"])
    assert result.exit_code == 0, result.output
    assert "decoded as Windows-1252" in result.stderr
    record = json.loads((out / "extraction.jsonl").read_text(encoding="utf-8"))
    stored = record["text"]
    assert stored == text.replace("\r\n", "\n").replace("\x0c", "\n")
    names = {e["label"]: e for e in record["entities"]}
    assert {"Emmanuel Macron", "Olaf Scholz"} <= set(names)
    for entity in record["entities"]:
        for start, end in entity["mentions"]:
            assert stored[start:end] in {entity["label"], *entity["aliases"]}
    page = (out / "graph.html").read_text(encoding="utf-8")
    own = page.replace((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"), "")
    assert "<b>" not in own and "alert(1)</script>" not in own
    assert own.count("<script") == 3  # vis-network, the JSON data, our code
    data = json.loads(re.search(r'<script id="textkg-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    texts = [doc["text"] for doc in data["documents"]]
    shown = [texts[doc][start:end] for entity in data["entities"] for doc, start, end, *_ in entity["mentions"]]
    assert "Olaf Scholz" in shown and "<b>Olaf Scholz</b> </script><script>alert(1)</script>" in texts[0]


class Interrupted(RuntimeError):
    pass


@Language.component("textkg_test_fail_on_second_document")
def fail_on_second_document(doc):
    if "deux" in doc.text:
        raise Interrupted("stopped half-way")
    return doc


def test_a_run_that_fails_half_way_leaves_the_previous_outputs_intact(tmp_path):
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    out = tmp_path / "out"
    first = tmp_path / "first.jsonl"
    first.write_text(jsonl({"id": "a", "text": "Document un."}), encoding="utf-8")
    api.build([first], output_dir=out, loader=lambda lang: nlp, report=InputReport())
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert "extraction.jsonl" in before and "graph.html" in before
    nlp.add_pipe("textkg_test_fail_on_second_document")
    second = tmp_path / "second.jsonl"
    second.write_text(jsonl({"id": "b", "text": "Document un."}, {"id": "c", "text": "Document deux."}), encoding="utf-8")
    with pytest.raises(Interrupted):
        api.build([second], output_dir=out, loader=lambda lang: nlp, report=InputReport())
    # same files, same bytes, no temporary left (the record cache keeps what was finished)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


DIRECT_WRITES = {"write_text", "write_bytes", "fdopen", "mkstemp", "NamedTemporaryFile"}


def _writes_a_file(call: ast.Call) -> bool:
    method = isinstance(call.func, ast.Attribute)
    name = call.func.attr if method else getattr(call.func, "id", "")
    if name == "open":
        mode_args = call.args[0:1] if method else call.args[1:2]
        modes = [a for a in [*mode_args, *(k.value for k in call.keywords if k.arg == "mode")] if isinstance(a, ast.Constant)]
        return any(isinstance(m.value, str) and set(m.value) & set("wax+") for m in modes)
    if name == "serialize":
        receiver = getattr(call.func.value, "id", "") if method else ""
        if receiver in ("ox", "pyoxigraph"):  # pyoxigraph.serialize(input, output=None, ...) returns bytes
            return len(call.args) >= 2 or any(k.arg == "output" for k in call.keywords)
        # rdflib writes straight to a destination when given one
        return bool(call.args) or any(k.arg == "destination" for k in call.keywords)
    return method and name in DIRECT_WRITES


def test_only_fileio_writes_files():
    """Every output goes through textkg.fileio (temporary file, then rename): no other module opens
    a file for writing, writes a path directly, or lets rdflib serialise to a destination."""
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "src" / "textkg").rglob("*.py"))
        if path.name != "fileio.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and _writes_a_file(node)
    ]
    assert offenders == []


def test_a_rerun_does_not_read_its_own_outputs_back(tmp_path, monkeypatch):
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    (tmp_path / "a.txt").write_text("Document un.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # the default output directory lies inside the input directory
        result = api.build(["."], output_dir="output", loader=lambda lang: nlp, report=InputReport())
        assert result.documents == 1 and not result.inputs.problems


@pytest.mark.model
def test_extract_does_not_read_its_own_records_file_back(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    for _ in range(2):
        result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(records)])
        assert result.exit_code == 0 and result.stderr == "", result.output
    assert len(records.read_text(encoding="utf-8").splitlines()) == 1


FULL_DISK = r"""
set -u
mount -t tmpfs -o size=4m textkg-test "$DISK" || exit 90
run() { "$PYTHON" -m textkg build "$1" -o "$DISK/out" --formats html,turtle,nquads --no-cache --no-progress; }
run "$FIRST" > /dev/null 2>&1 || exit 91
(cd "$DISK/out" && sha256sum graph.* extraction.jsonl) > "$REPORT/before"
free=$(df --output=avail -B1 "$DISK" | tail -n 1)
head -c $((free - 32768)) /dev/zero > "$DISK/ballast"  # 32 kB left: the next set cannot fit
run "$SECOND" > "$REPORT/stdout" 2> "$REPORT/stderr"
echo $? > "$REPORT/code"
(cd "$DISK/out" && sha256sum graph.* extraction.jsonl) > "$REPORT/after"
ls -A "$DISK/out" > "$REPORT/listing"
"""


@pytest.mark.model
def test_a_full_disk_fails_in_one_line_and_keeps_the_previous_set_of_outputs(tmp_path):
    """On a real 4 MB tmpfs (mounted in a mount namespace of its own), filled up after a first build."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux) to mount a tmpfs")
    namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    (tmp_path / "disk").mkdir()
    (tmp_path / "report").mkdir()
    first = tmp_path / "first.jsonl"
    first.write_text(jsonl({"id": "a", "text": GOOD}), encoding="utf-8")
    lines = [line for line in (ROOT / "examples" / "russie-bielorussie-fr.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    second = tmp_path / "second.jsonl"
    second.write_text(jsonl(*({"id": f"p{n}", "text": line} for n, line in enumerate(lines))), encoding="utf-8")
    env = {**os.environ, "DISK": str(tmp_path / "disk"), "REPORT": str(tmp_path / "report"), "PYTHON": sys.executable,
           "FIRST": str(first), "SECOND": str(second)}
    done = subprocess.run([*namespace, "bash", "-c", FULL_DISK], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode == 90 or "unshare failed" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    report = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "report").iterdir()}
    assert report["code"] == "1\n"
    assert report["stdout"] == ""
    assert re.fullmatch(
        r"textkg: error: \S+/disk/out/\S+: cannot write: No space left on device; nothing was switched in, the previous outputs stay\n",
        report["stderr"],
    ), report["stderr"]
    assert report["after"] == report["before"] and len(report["before"].splitlines()) == 4
    assert report["listing"].split() == ["extraction.jsonl", "graph.html", "graph.nq", "graph.ttl"]  # nothing half-written left


KILLED_DURING_EXPORT = """
import os, signal, sys
import spacy
from textkg import api, export
from textkg.ingest import InputReport

nlp = spacy.blank("fr")
nlp.add_pipe("sentencizer")
suffix, _ = export.EXPORTERS["nquads"]

def killed(context, path):
    os.kill(os.getpid(), signal.SIGKILL)  # as kill -9 would, after the records and the page are written

export.EXPORTERS["nquads"] = (suffix, killed)
api.build([sys.argv[1]], output_dir=sys.argv[2], formats=["html", "nquads", "turtle"], loader=lambda lang: nlp, report=InputReport())
"""


def test_a_build_killed_during_export_leaves_the_previous_set_and_the_next_run_cleans_up(tmp_path):
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    out = tmp_path / "out"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(jsonl({"id": "a", "text": "Document un."}), encoding="utf-8")
    second.write_text(jsonl({"id": "b", "text": "Document deux."}), encoding="utf-8")
    api.build([first], output_dir=out, formats=["html", "nquads", "turtle"], loader=lambda lang: nlp, report=InputReport())
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    killed = subprocess.run([sys.executable, "-c", KILLED_DURING_EXPORT, str(second), str(out)], capture_output=True, check=False, cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    left = [p for p in out.iterdir() if p.name.startswith(".textkg-")]
    assert len(left) == 1 and {p.name for p in left[0].iterdir()} >= {"extraction.jsonl", "graph.html"}  # staged, never switched in

    api.build([second], output_dir=out, formats=["html", "nquads", "turtle"], loader=lambda lang: nlp, report=InputReport())
    assert sorted(p.name for p in out.iterdir()) == [".cache", "extraction.jsonl", "graph.html", "graph.nq", "graph.ttl"]
    assert all(b"Document deux." in (out / name).read_bytes() for name in ("extraction.jsonl", "graph.html"))


def test_a_second_build_into_a_directory_in_use_fails_at_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with output_lock(out):  # what a first build holds for as long as it runs
        result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(out)])
        records = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(out / "records.jsonl")])
    for run in (result, records):
        assert run.exit_code == 2
        assert run.stderr == f"textkg: error: {out}: another textkg run is writing into this directory; wait for it to end\n"
    assert sorted(p.name for p in out.iterdir()) == []


@pytest.mark.model
def test_bad_lines_of_a_corpus_are_skipped_or_mended_in_one_line_each(tmp_path, fr_nlp):
    corpus = tmp_path / "corpus.jsonl"
    dangling = {
        "id": "rec", "text": "Lambert a parlé.",
        "entities": [{"id": "e1", "type": "Person", "label": "Lambert", "mentions": [[0, 7]]}],
        "relations": [{"id": "r1", "kind": "event", "predicate": "parler", "arguments": {"agent": ["e2"]}, "evidence": [[0, 16]]}],
    }
    english = "He said some of the downsized workers would be rehired once the plant reopens next spring, the union reported."
    corpus.write_text(
        jsonl(
            {"id": "a", "text": GOOD, "date": "2023-13-45"},
            "[" * 100_000 + "]" * 100_000,
            {"id": "en", "text": english},
            {"id": "en2", "text": "Le Kremlin a confirmé la rencontre.", "lang": "en"},
            dangling,
            {"id": "b", "text": "La Serbie a signé un accord avec la Hongrie.", "date": "2023-05-25"},
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--formats", "turtle"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"textkg: warning: {corpus}:1: document 'a': 'date' '2023-13-45' is not an ISO date (such as 2023-05-25); read without a date",
        f"textkg: skipped: {corpus}:2: malformed JSON: nested too deeply",
        f"textkg: skipped: {corpus}:3: detected language 'en' (100% sure), a language without a pipeline (supported: fr)",
        f"textkg: skipped: {corpus}:4: 'lang' is 'en', a language without a pipeline (supported: fr)",
        f"textkg: skipped: {corpus}:5: relation 'r1': agent 'e2' is not an entity of this record",
        "textkg: read 2 document(s); skipped 4 (1 invalid document, 1 malformed JSON, 2 unsupported language); 1 warning(s)",
    ]
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "2023-13-45" not in turtle and '"2023-05-25"^^<http://www.w3.org/2001/XMLSchema#date>' in turtle
    assert [json.loads(line)["id"] for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()] == ["a", "b"]


def test_closed_standard_input_is_one_line_not_a_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "textkg", "build", "-", "-o", str(tmp_path / "out")],
        capture_output=True, text=True, check=False, preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "textkg: skipped: <stdin>: cannot read standard input: it is closed",
        "textkg: error: -: no documents left to process; read 0 document(s); skipped 1 (1 unreadable)",
    ]


def test_lone_surrogates_through_the_library_api_become_replacement_characters(tmp_path):
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    document = Document(id="a\ud800", text="Moiti\udce9 de Paris.", title="\udfff")
    with RecordCache(tmp_path / "cache.sqlite") as cache:
        records = list(api.extract_documents([document], loader=lambda lang: nlp, cache=cache))
        assert api.write_records(records, tmp_path / "records.jsonl") == 1
        assert cache.get(clean_document(document)) == records[0]
    written = json.loads((tmp_path / "records.jsonl").read_text(encoding="utf-8"))
    assert (written["id"], written["text"], written["title"]) == ("a\ufffd", "Moiti\ufffd de Paris.", "\ufffd")
