"""The embedded Oxigraph store on disk: an all-or-nothing bulk load, and recovery after a crash.

The files are bulk-loaded into a copy of the store (an Oxigraph backup, hard links on the same
file system, so it is cheap), which then replaces the store by two directory renames. A failure
before the swap (bad file, full disk, interrupted) deletes the copy; a crash between the two
renames leaves the previous store under a hidden name, and the next load or query puts it back.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError, StoreError
from .files import LoadReport, checked_files, parse_error_detail, syntax_error_place

DEFAULT_STORE = Path("output/store")


def load_into_store(paths: Sequence[str | Path], store: str | Path = DEFAULT_STORE) -> LoadReport:
    """Bulk-load RDF files into the Oxigraph store at ``store`` (created if missing); all or nothing."""
    started = time.perf_counter()
    files = checked_files(paths)
    target = Path(store)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(target, f"cannot create the store's directory: {exc.strerror or exc}") from exc
    recover(target)
    staging = _sibling(target, "loading", os.getpid())
    retired = _sibling(target, "old", os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    current = None
    try:
        if target.exists():
            _open(target).backup(str(staging))
        copy = ox.Store(str(staging))
        for current in files:
            copy.bulk_load(path=str(current.path), format=current.format)
        copy.flush()
        quads, graphs = len(copy), sum(1 for _ in copy.named_graphs())
        del copy  # closes the database before its directory is renamed
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, SyntaxError) and current is not None:
            where = syntax_error_place(current.path, exc)
            raise StoreError(f"{where}: not valid {current.format.name}: {parse_error_detail(exc)}; the store is unchanged") from exc
        if isinstance(exc, OSError | ValueError):
            raise StoreError(f"{target}: load failed, the store is unchanged: {exc}") from exc
        raise
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)
    return LoadReport(str(target), tuple(f.path for f in files), quads, graphs, time.perf_counter() - started)


def _sibling(target: Path, role: str, pid: int) -> Path:
    return target.with_name(f".{target.name}.{role}-{pid}")


def recover(target: Path) -> None:
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


def _open(path: Path) -> ox.Store:
    try:
        return ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the Oxigraph store (is another process using it?): {exc}") from exc


def existing_store(store: str | Path) -> Path:
    """The store directory to query, after any recovery; InputError (a usage error) if there is none."""
    target = Path(store)
    recover(target)
    if not target.is_dir():
        raise InputError(target, f"no store here; load one first with `textkg load output/graph.nq --store {target}`")
    return target
