"""Atomic output, file by file and as a set.

A file is written to a temporary file beside it and renamed over the target. A set of outputs (a
build: records, RDF, HTML) is written into a staging directory inside the output directory and
switched in only once every file of the set is complete, under a lock that keeps a second run out
of the directory. Every transient name starts with ``.textkg-``, so what a killed run left behind
is recognised and cleaned up (or, for a set it had committed, switched in) by the next run there.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import OutputError, WriteError

TRANSIENT_PREFIX = ".textkg-"
STAGING_PREFIX = TRANSIENT_PREFIX + "staging-"
COMMIT_PREFIX = TRANSIENT_PREFIX + "commit-"
TEMP_SUFFIX = ".tmp"
# Errors of the storage rather than of the program: reported as one line naming the file.
STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO})


@contextlib.contextmanager
def atomic_writer(path: str | Path, binary: bool = False) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path``, on error it vanishes,
    so a failed or interrupted run leaves the previous file intact. A full disk (or another storage
    failure) raises WriteError naming ``path``."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f"{TRANSIENT_PREFIX}{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in STORAGE_ERRNOS:
            raise _write_error(target, exc) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_error(path: Path, exc: OSError) -> WriteError:
    return WriteError(path, exc.strerror or str(exc))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text(path: str | Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)


def check_writable_dir(path: str | Path) -> Path:
    """Create ``path`` if needed and prove it writable before any work starts."""
    directory = Path(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as exc:
        raise OutputError(f"{directory}: output directory is not writable: {exc.strerror or exc}") from exc
    return directory


@contextlib.contextmanager
def output_lock(directory: str | Path) -> Iterator[Path]:
    """Hold an exclusive lock on ``directory`` for the block, after finishing what a killed run left
    there (``recover``). A second run that wants the directory fails at once with OutputError
    instead of interleaving its files with this one's. The lock is the kernel's (flock on the
    directory itself): it ends with the process however the process ends, so no stale lock file
    can outlive a killed run."""
    directory = Path(directory)
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError(f"{directory}: cannot open the output directory: {exc.strerror or exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{directory}: another textkg run is writing into this directory; wait for it to end") from None
        recover(directory)
        yield directory
    finally:
        os.close(fd)  # releases the lock


def recover(directory: Path) -> None:
    """Switch in a set of outputs that a killed run had committed, and remove the staging
    directories and temporary files of runs killed before that point. Call with the lock held:
    then no other run can own them."""
    try:
        entries = sorted(p for p in directory.iterdir() if p.name.startswith(TRANSIENT_PREFIX))
        for entry in entries:
            if entry.name.startswith(COMMIT_PREFIX) and entry.is_dir():
                _switch_in(entry)
            elif entry.name.startswith(STAGING_PREFIX) and entry.is_dir():
                shutil.rmtree(entry)
            elif entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
                entry.unlink()
    except OSError as exc:
        raise OutputError(f"{directory}: cannot clean up after an earlier run: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def staged_outputs(directory: str | Path) -> Iterator[Path]:
    """A staging directory inside ``directory`` in which to write a set of outputs. When the block
    ends normally the whole set is switched into ``directory``; when it raises (or the process is
    killed) ``directory`` keeps its previous files and the staging directory goes. Use under
    ``output_lock(directory)``.

    The commit point is one rename (staging to ``.textkg-commit-*``); the files then move into
    place one rename each. A run killed between the two leaves a committed set, which the next
    run in the directory switches in before anything else."""
    directory = Path(directory)
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=directory))
    except OSError as exc:
        raise _write_error(directory, exc) from exc
    try:
        yield staging
        _fsync(staging)
        committed = directory / (COMMIT_PREFIX + staging.name[len(STAGING_PREFIX) :])
        os.replace(staging, committed)
    except WriteError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        # Named as the output it was to become: the staging directory is gone, and means nothing to a user.
        where = directory / Path(exc.path).name if Path(exc.path).parent == staging else Path(exc.path)
        raise WriteError(where, f"{exc.reason}; nothing was switched in, the previous outputs stay") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync(directory)
    _switch_in(committed)


def _switch_in(committed: Path) -> None:
    directory = committed.parent
    try:
        for entry in sorted(committed.iterdir()):
            os.replace(entry, directory / entry.name)
        _fsync(directory)
        committed.rmdir()
    except OSError as exc:
        raise _write_error(directory, exc) from exc


def _fsync(directory: Path) -> None:
    """Make the renames in ``directory`` durable before the next step relies on them."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
