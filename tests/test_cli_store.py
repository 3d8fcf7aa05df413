"""The command line as a user meets it: `textkg load` and `textkg query`, the exit codes of every
subcommand (0 ok, 1 inputs skipped or a store refused, 2 a usage or set-up error) with one line on
stderr for each mistake, credentials only from the environment or a prompt, and nothing a server
says reaching the terminal raw."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textkg.cli import app, main

from .rdf_corpus import corpus
from .test_store import QUERIES, _Recorder, export

SERVER_ERROR = "boom \x1b]0;owned\x07 \x9b31m red".encode("utf-8")


def textkg(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run the real entry point (``main``) in this process: exit code, stdout, stderr."""
    with pytest.raises(SystemExit) as ended:
        sys.argv = ["textkg", *argv]
        main()
    out, err = capsys.readouterr()
    return ended.value.code, out, err


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    graph = export(corpus(), tmp_path / "graph.nq")
    broken = tmp_path / "broken.nq"
    broken.write_text('<https://x.org/s> <https://x.org/p> "fine" .\n<https://x.org/s> <p> "no" .\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?c WHERE { ?c a tk:Claim }", encoding="utf-8")
    return {"graph": graph, "broken": broken, "empty": empty, "query": query, "dir": tmp_path}


def failing_server(handler):
    return 500, {"Content-Type": "text/plain"}, SERVER_ERROR


CASES = [
    # (subcommand, mistake, arguments, exit code, what the one line says)
    ("build", "missing file", ["build", "{dir}/nope.txt", "-o", "{dir}/out"], 2, "nope.txt: no such file or directory"),
    ("build", "bad argument", ["build", "{graph}", "--workers", "0"], 2, "Invalid value for '--workers'"),
    ("build", "every input skipped", ["build", "{empty}", "-o", "{dir}/out"], 1, "no documents left to process"),
    ("extract", "missing file", ["extract", "{dir}/nope.txt", "-o", "{dir}/r.jsonl"], 2, "nope.txt: no such file or directory"),
    ("extract", "bad argument", ["extract", "{graph}", "-o", "{dir}/r.jsonl", "--batch-size", "0"], 2, "Invalid value for '--batch-size'"),
    ("extract", "every input skipped", ["extract", "{empty}", "-o", "{dir}/r.jsonl"], 1, "no documents left to process"),
    ("load", "missing file", ["load", "{dir}/nope.nq", "--store", "{dir}/store"], 2, "nope.nq: no such file"),
    ("load", "missing argument", ["load"], 2, "Missing argument"),
    ("load", "bad argument", ["load", "{graph}", "--endpoint", "http://[::1"], 2, "http://[::1: not a valid URL"),
    ("load", "unknown suffix", ["load", "{query}", "--store", "{dir}/store"], 2, "cannot tell the RDF syntax of this file"),
    ("load", "refused load (bad file)", ["load", "{graph}", "{broken}", "--store", "{dir}/store"], 1, "broken.nq:2: not valid N-Quads"),
    ("load", "refused load (server)", ["load", "{graph}", "--endpoint", "{server}/store"], 1, "HTTP 500"),
    ("query", "missing file", ["query", "--file", "{dir}/nope.rq", "--store", "{dir}/store"], 2, "nope.rq: cannot read the query"),
    ("query", "missing store", ["query", "ASK {}", "--store", "{dir}/nowhere"], 2, "no store here; load one first"),
    ("query", "no query", ["query", "--store", "{dir}/store"], 2, "no query: give it as an argument"),
    ("query", "two queries", ["query", "ASK {}", "--file", "{query}"], 2, "not both"),
    ("query", "bad argument", ["query", "ASK {}", "--format", "xml"], 2, "unknown result format 'xml'"),
    ("query", "bad SPARQL", ["query", "SELECT ?x WHERE { ?x a foaf:Person }", "--store", "{store}"], 2, "the prefix 'foaf:' is not declared"),
    ("query", "refused query (server)", ["query", "ASK {}", "--endpoint", "{server}/query"], 1, "HTTP 500"),
    ("eval", "bad argument", ["eval", "--corpora", "nope"], 2, "nope: unknown corpus"),
    ("eval", "missing option value", ["eval", "--limit"], 2, "requires an argument"),
]


@pytest.mark.parametrize(("command", "mistake", "argv", "code", "message"), CASES, ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_every_subcommand_exits_with_the_readme_code_and_one_line(files, capsys, command, mistake, argv, code, message):
    store = files["dir"] / "loaded"
    main_argv = ["load", str(files["graph"]), "--store", str(store)]
    assert textkg(main_argv, capsys)[0] == 0
    with _Recorder(failing_server) as server:
        values = {name: str(path) for name, path in files.items()} | {"server": server.url, "store": str(store)}
        exit_code, _, err = textkg([re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group()), arg) for arg in argv], capsys)
    assert exit_code == code, err
    lines = err.strip().splitlines()
    # one line per mistake: a skipped input has its own line before the closing error
    assert len(lines) == (2 if "skipped" in mistake else 1) and message in lines[-1], err
    assert all(line.startswith("textkg: ") for line in lines), err
    assert "Traceback" not in err and "\x1b" not in err and "\x9b" not in err


@pytest.mark.model
def test_eval_with_a_missing_data_dir_is_a_usage_error(tmp_path, capsys):
    exit_code, _, err = textkg(["eval", "--data-dir", str(tmp_path / "nope"), "--corpora", "hipe", "--limit", "1"], capsys)
    assert exit_code == 2 and len(err.strip().splitlines()) == 1 and "nope" in err


def test_a_server_error_body_reaches_the_terminal_escaped(files, capsys):
    with _Recorder(failing_server) as server:
        exit_code, _, err = textkg(["load", str(files["graph"]), "--endpoint", f"{server.url}/store"], capsys)
    assert exit_code == 1
    assert "boom \\x1b]0;owned\\x07 \\x9b31m red" in err and "\x1b" not in err and "\x07" not in err


def test_load_then_query_prints_results(files, capsys):
    store = files["dir"] / "store"
    exit_code, out, _ = textkg(["load", str(files["graph"]), "--store", str(store)], capsys)
    assert exit_code == 0 and "quads now in the store" in out
    exit_code, out, _ = textkg(["query", "--file", str(QUERIES[-1]), "--store", str(store), "--format", "csv"], capsys)
    assert exit_code == 0 and out.splitlines()[0] == "speaker,cue,content,document" and len(out.splitlines()) == 3
    exit_code, out, _ = textkg(["query", "--file", str(files["query"]), "--store", str(store)], capsys)
    assert exit_code == 0 and out.splitlines()[-1] == "(3 rows)"


# --- credentials: from the environment or a prompt, never the command line or the URL ------------


def test_the_password_comes_from_the_environment(files, capsys, monkeypatch):
    import base64

    expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
    seen: list[str | None] = []

    def guard(handler):
        seen.append(handler.headers.get("Authorization"))
        return (204, {}, b"") if seen[-1] == expected else (401, {}, b"who are you")

    monkeypatch.setenv("TEXTKG_PASSWORD", "s3cret")
    with _Recorder(guard) as server:
        exit_code, out, err = textkg(["load", str(files["graph"]), "--endpoint", f"{server.url}/store", "--user", "alice"], capsys)
    assert exit_code == 0, err
    assert seen == [expected] and "s3cret" not in out + err


def test_there_is_no_password_option(files, capsys):
    exit_code, _, err = textkg(["load", str(files["graph"]), "--endpoint", "http://127.0.0.1:9/store", "--password", "s3cret"], capsys)
    assert exit_code == 2 and "No such option: --password" in err


@pytest.mark.parametrize("stdin", ["closed", "not a terminal"])
def test_user_without_a_password_to_be_had_is_one_line(files, capsys, monkeypatch, stdin):
    monkeypatch.delenv("TEXTKG_PASSWORD", raising=False)
    if stdin == "closed":
        monkeypatch.setattr(sys, "stdin", None)
    else:
        monkeypatch.setattr(sys, "stdin", open(__file__, encoding="utf-8"))  # noqa: SIM115 - closed by the process end
    exit_code, _, err = textkg(["load", str(files["graph"]), "--endpoint", "http://127.0.0.1:9/store", "--user", "alice"], capsys)
    assert exit_code == 2 and err.strip() == "textkg: error: --user alice: no password: set $TEXTKG_PASSWORD (standard input is no terminal to ask on)"


def test_a_password_in_the_url_is_refused_and_never_echoed(files, capsys):
    exit_code, _, err = textkg(["load", str(files["graph"]), "--endpoint", "http://alice:s3cret@127.0.0.1:9/store"], capsys)
    assert exit_code == 2 and "s3cret" not in err and "http://***@127.0.0.1:9/store" in err


def test_the_real_process_prints_one_line_for_a_usage_error(tmp_path):
    run = subprocess.run([sys.executable, "-m", "textkg", "load", str(tmp_path / "nope.nq")], capture_output=True, text=True, check=False)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "nope.nq: no such file" in run.stderr


def test_help_is_not_cut_at_80_columns():
    run = subprocess.run(
        [sys.executable, "-m", "textkg", "build", "--help"], capture_output=True, text=True, check=False, env={"COLUMNS": "80", "PATH": ""}
    )
    assert run.returncode == 0
    assert "--stdin-format" in run.stdout and "--html-limit" in run.stdout and "…" not in run.stdout
    assert max(len(line) for line in run.stdout.splitlines()) <= 80


def test_output_paths_are_echoed_without_control_characters(tmp_path, fr_nlp):
    # A directory name a careless (or hostile) script made: an escape sequence must not reach the terminal.
    out = tmp_path / "out\x1b]0;owned\x07"
    sample = Path(__file__).resolve().parents[1] / "examples" / "russie-bielorussie-fr.txt"
    result = CliRunner().invoke(app, ["extract", str(sample), "-o", str(out / "records.jsonl"), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "records.jsonl" in result.output
