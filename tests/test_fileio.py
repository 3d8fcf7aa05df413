import os
import subprocess
import sys

import pytest

from textkg.errors import OutputError
from textkg.fileio import atomic_writer, check_writable_dir, output_lock, staged_outputs, write_text


def test_failed_write_leaves_the_previous_file_intact(tmp_path):
    target = tmp_path / "graph.ttl"
    write_text(target, "old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as handle:
            handle.write("half-written")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_written_files_get_the_permissions_the_umask_allows(tmp_path):
    target = tmp_path / "out.txt"
    previous = os.umask(0o022)
    try:
        write_text(target, "x")
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory_fails_before_work(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(OutputError, match="not writable"):
        check_writable_dir(locked)


def test_output_directory_under_a_file_fails(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="not writable"):
        check_writable_dir(blocker / "out")


def test_a_staged_set_is_switched_in_whole_or_not_at_all(tmp_path):
    write_text(tmp_path / "graph.ttl", "old turtle")
    write_text(tmp_path / "graph.html", "old page")
    with pytest.raises(RuntimeError):
        with output_lock(tmp_path), staged_outputs(tmp_path) as staging:
            write_text(staging / "graph.html", "new page")
            raise RuntimeError("the RDF export failed")
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"graph.ttl": "old turtle", "graph.html": "old page"}

    with output_lock(tmp_path), staged_outputs(tmp_path) as staging:
        write_text(staging / "graph.html", "new page")
        write_text(staging / "graph.ttl", "new turtle")
        assert (tmp_path / "graph.ttl").read_text() == "old turtle"  # nothing switched in before the end
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"graph.ttl": "new turtle", "graph.html": "new page"}


def test_the_next_run_switches_in_a_committed_set_and_removes_what_a_killed_run_left(tmp_path):
    write_text(tmp_path / "graph.ttl", "old")
    committed = tmp_path / ".textkg-commit-x1"  # killed after its commit point, before every file moved
    committed.mkdir()
    (committed / "graph.ttl").write_text("new")
    stale = tmp_path / ".textkg-staging-x2"  # killed while exporting
    stale.mkdir()
    (stale / "graph.html").write_text("half")
    (tmp_path / ".textkg-extraction.jsonl.k3y9a0bz.tmp").write_text("half")  # killed while writing one file
    (tmp_path / "notes.tmp").write_text("the user's")
    with output_lock(tmp_path):
        pass
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"graph.ttl": "new", "notes.tmp": "the user's"}


def test_a_second_run_cannot_write_into_a_locked_directory(tmp_path):
    with output_lock(tmp_path):
        with pytest.raises(OutputError, match="another textkg run is writing into this directory") as info:
            with output_lock(tmp_path):
                pass
        assert info.value.exit_code == 2
    with output_lock(tmp_path):  # released with the first
        pass


def test_the_lock_of_a_killed_process_is_released(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from textkg.fileio import output_lock\nwith output_lock({str(tmp_path)!r}):\n    print('locked', flush=True)\n    input()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(OutputError, match="another textkg run"):
            with output_lock(tmp_path):
                pass
    finally:
        holder.kill()  # SIGKILL: no clean-up code runs
        holder.wait()
    with output_lock(tmp_path):
        pass
