import os

import pytest

from textkg.errors import OutputError
from textkg.fileio import atomic_writer, check_writable_dir, write_text


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
