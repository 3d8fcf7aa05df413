"""Corpus runs: order under parallelism, the record cache, interrupted runs, a Dask cluster."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textkg import api
from textkg.runner.cache import CACHE_DIR, CACHE_FILE, RecordCache
from textkg.cli import app
from textkg.nlp import load_pipeline
from textkg.errors import ExecutionError
from textkg.runner.engines import Execution, InProcessEngine, ProcessEngine, ordered_records
from textkg.runner.work import loaded_languages
from textkg.records import Document

from .conftest import ROOT, SAMPLE



def paragraphs(repeat=1):
    """Documents made of the sample article's paragraphs (distinct ids when repeated)."""
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Document(id=f"p{r}-{n}", text=line) for r in range(repeat) for n, line in enumerate(lines)]


def write_corpus(path, documents):
    path.write_text("".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    return path


@pytest.mark.model
def test_the_cache_parses_only_new_documents_and_changes_nothing(tmp_path, fr_nlp):
    documents = paragraphs()
    corpus = write_corpus(tmp_path / "corpus.jsonl", documents[:-1])
    out = tmp_path / "out"
    first = api.build([corpus], output_dir=out, formats=["turtle"])
    assert (first.documents, first.parsed) == (len(documents) - 1, len(documents) - 1)
    again = api.build([corpus], output_dir=out, formats=["turtle"])
    assert (again.documents, again.parsed) == (len(documents) - 1, 0)

    write_corpus(corpus, [documents[-1], *documents[:-1]])  # a new document, first in line
    grown = api.build([corpus], output_dir=out, formats=["turtle"])
    assert (grown.documents, grown.parsed) == (len(documents), 1)
    api.build([corpus], output_dir=tmp_path / "fresh", formats=["turtle"], use_cache=False)
    for name in ("extraction.jsonl", "graph.ttl"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


@pytest.mark.model
def test_an_edited_document_or_new_metadata_is_parsed_again(tmp_path, fr_nlp):
    document = paragraphs()[0]
    with RecordCache(tmp_path / "c.sqlite") as cache:
        record = next(api.extract_documents([document], cache=cache))
        assert cache.get(document) == record
        assert cache.get(Document(id=document.id, text=document.text + " Fin.")) is None
        assert cache.get(Document(id=document.id, text=document.text, date="2023-05-25")) is None
        assert cache.count() == 1


def cached_count(path):
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        try:
            return db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        except sqlite3.OperationalError:  # the table is not there yet
            return 0


@pytest.mark.model
def test_an_interrupted_build_resumes_to_the_outputs_of_an_uninterrupted_one(tmp_path, fr_nlp):
    documents = paragraphs(repeat=25)
    corpus = write_corpus(tmp_path / "corpus.jsonl", documents)
    out = tmp_path / "interrupted"
    cache_file = out / CACHE_DIR / CACHE_FILE
    formats = "turtle,nquads"
    run = subprocess.Popen(
        [sys.executable, "-m", "textkg", "build", str(corpus), "-o", str(out), "--formats", formats, "--batch-size", "8", "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 120
    while cached_count(cache_file) == 0 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    run.send_signal(signal.SIGINT)  # what Ctrl-C sends
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr
    finished = cached_count(cache_file)
    assert 0 < finished < len(documents), "the run was not interrupted half-way"
    assert sorted(p.name for p in out.iterdir()) == [CACHE_DIR]  # no output, not even half of one

    resumed = api.build([corpus], output_dir=out, formats=formats.split(","))
    assert resumed.parsed == len(documents) - finished
    whole = api.build([corpus], output_dir=tmp_path / "whole", formats=formats.split(","), use_cache=False)
    assert resumed.documents == whole.documents == len(documents)
    for name in ("extraction.jsonl", "graph.ttl", "graph.nq"):
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


@pytest.mark.model
@pytest.mark.parametrize("with_kb", [False, True])
def test_a_build_stopped_while_writing_caches_its_finished_batch_before_the_cache_closes(tmp_path, fr_nlp, monkeypatch, with_kb):
    corpus = write_corpus(tmp_path / "corpus.jsonl", paragraphs())
    out = tmp_path / "out"
    kb = tmp_path / "kb.csv"
    kb.write_text("label,aliases,type,iri\nRussie,,Country,http://example.org/russie\n", encoding="utf-8")

    def stopped_after_one(records, *args, **kwargs):
        next(iter(records))
        raise KeyboardInterrupt  # Ctrl-C lands wherever the main thread is: here, in the writer

    monkeypatch.setattr(api, "write_records", stopped_after_one)
    with pytest.raises(KeyboardInterrupt):
        api.build([corpus], output_dir=out, formats=["turtle"], execution=Execution(batch_size=3), kb=kb if with_kb else None)
    assert cached_count(out / CACHE_DIR / CACHE_FILE) == 3  # the one written and the two finished beside it


@pytest.mark.model
def test_dask_workers_load_the_model_once_and_records_come_back_in_order(tmp_path, fr_nlp):
    distributed = pytest.importorskip("distributed")
    documents = paragraphs(repeat=2)
    serial = list(api.extract_documents(documents))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            execution = Execution(dask=cluster.scheduler_address, batch_size=3)
            records = list(api.extract_documents(documents, execution=execution))
            loads = client.run(loaded_languages)
    assert records == serial
    assert len(documents) // 3 > len(loads) == 2
    assert all(languages == ["fr"] for languages in loads.values()), loads


@pytest.mark.model
def test_extract_with_workers_keeps_input_order_around_records_read_back(tmp_path, fr_nlp):
    documents = paragraphs()
    serial = list(api.extract_documents(documents))
    # Records from a previous run sit between documents that go to the two worker processes.
    lines = [serial[i].to_json() if i % 4 == 0 else {"id": d.id, "text": d.text} for i, d in enumerate(documents)]
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    output = tmp_path / "records.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "textkg", "extract", str(corpus), "-o", str(output), "--workers", "2", "--batch-size", "2", "--no-progress"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    parsed = sum(i % 4 != 0 for i in range(len(documents)))
    assert f"wrote {len(documents)} record(s) to {output} ({parsed} parsed now)" in run.stdout
    written = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert written == [r.to_json() for r in serial]
    assert cached_count(tmp_path / CACHE_DIR / CACHE_FILE) == parsed


@pytest.mark.parametrize("address", ["foo", "tcp://"])
def test_a_bad_dask_address_is_a_setup_error(tmp_path, address):
    document = tmp_path / "a.txt"
    document.write_text("La Serbie a signé un accord.", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(document), "-o", str(tmp_path / "out"), "--dask", address, "--no-cache"])
    assert result.exit_code == 2, result.output
    assert f"--dask {address!r}: not a scheduler address" in result.output


class WideInProcessEngine(InProcessEngine):
    """In-process, but keeping four finished batches waiting, as a pool of workers does."""

    window = 4


@pytest.mark.model
def test_a_stopped_run_hands_over_the_finished_batches_it_had_not_reached(fr_nlp):
    documents = paragraphs()
    serial = list(api.extract_documents(documents))

    def interrupted_at(n):
        yield from documents[:n]
        raise KeyboardInterrupt

    abandoned = []
    stream = ordered_records(interrupted_at(9), WideInProcessEngine(load_pipeline), batch_size=2, on_abandoned=abandoned.extend)
    received = []
    with pytest.raises(KeyboardInterrupt):
        for record, fresh in stream:
            received.append(record)
    assert received == serial[:2]
    assert abandoned == serial[2:8]  # the ninth document's batch never started


def dying_loader(lang):
    os._exit(3)  # what the kernel's out-of-memory killer leaves behind


def test_a_worker_process_that_dies_is_a_clear_error():
    engine = ProcessEngine(workers=1, loader=dying_loader)
    try:
        with pytest.raises(ExecutionError, match="a worker process died"):
            engine.warm("fr")
    finally:
        engine.close()


@pytest.mark.parametrize(("workers", "batch_size", "message"), [(0, 32, "--workers must be at least 1"), (2, 0, "batch size must be at least 1")])
def test_execution_settings_are_checked(workers, batch_size, message):
    with pytest.raises(ExecutionError, match=message):
        Execution(workers=workers, batch_size=batch_size)


def _processes() -> dict[int, tuple[int, str]]:
    """Every process as pid -> (parent pid, state), from /proc."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(" (", 1)
        except OSError:  # ended meanwhile
            continue
        state, ppid = rest.rsplit(") ", 1)[1].split()[:2]
        found[int(pid)] = (int(ppid), state)
    return found


def _running(pids: set[int]) -> set[int]:
    table = _processes()
    return {pid for pid in pids if pid in table and table[pid][1] not in ("Z", "X")}  # a zombie has ended


def _pool_workers(parent: int) -> set[int]:
    workers = set()
    for pid, (ppid, _) in _processes().items():
        if ppid == parent:
            try:
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    workers.add(pid)
            except OSError:
                continue
    return workers


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find the worker processes")
def test_worker_processes_end_when_the_parent_is_killed(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", paragraphs(repeat=25))
    run = subprocess.Popen(
        [sys.executable, "-m", "textkg", "extract", str(corpus), "-o", str(tmp_path / "r.jsonl"), "--workers", "2", "--no-cache", "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and run.poll() is None and time.monotonic() < deadline:
            workers |= _pool_workers(run.pid)
            time.sleep(0.1)
        assert len(workers) == 2, "the two worker processes did not start"
        time.sleep(2)  # loading the model, or parsing
    finally:
        run.kill()  # SIGKILL: the parent runs no clean-up code at all
        run.wait()
    deadline = time.monotonic() + 20
    while _running(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _running(workers)
    for pid in left:  # do not leave the processes this test started behind
        os.kill(pid, signal.SIGKILL)
    assert not left, "worker processes outlived their parent"
