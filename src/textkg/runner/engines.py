"""Where the per-document work (``work.extract_batch``) runs: in this process, in a pool of local
processes, or on a Dask cluster (``runner.dask``), with records coming back in input order
whatever finishes first.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Protocol

from ..errors import ExecutionError, WorkerError
from ..records import Document, ExtractionRecord
from .work import BATCH_SIZE, PipelineLoader, Result, extract_batch, warm_worker


@dataclass(frozen=True)
class Execution:
    """Where the per-document work runs: ``workers`` local processes (1 = this process), or the Dask
    scheduler at ``dask`` (``local`` starts a LocalCluster of ``workers`` processes)."""

    workers: int = 1
    dask: str | None = None
    batch_size: int = BATCH_SIZE

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ExecutionError(f"--workers must be at least 1, not {self.workers}")
        if self.batch_size < 1:
            raise ExecutionError(f"the batch size must be at least 1, not {self.batch_size}")


class Engine(Protocol):
    """Runs ``extract_batch`` somewhere; ``window`` batches are worth keeping in flight (enough to
    keep every worker busy while the oldest result is awaited)."""

    window: int

    def warm(self, lang: str) -> None: ...

    def submit(self, documents: tuple[Document, ...]) -> Result: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class _Done:
    records: list[ExtractionRecord]

    def done(self) -> bool:
        return True

    def result(self) -> list[ExtractionRecord]:
        return self.records


class InProcessEngine:
    """Everything in this process: the batch is done by the time ``submit`` returns."""

    window = 1

    def __init__(self, loader: PipelineLoader, batch_size: int = BATCH_SIZE) -> None:
        self._loader = loader
        self._batch_size = batch_size

    def warm(self, lang: str) -> None:
        warm_worker(self._loader, lang)

    def submit(self, documents: tuple[Document, ...]) -> Result:
        return _Done(extract_batch(documents, self._loader, self._batch_size))

    def close(self) -> None:
        pass


PARENT_POLL_SECONDS = 0.5


def _start_worker() -> None:
    """Set up a worker process: deaf to Ctrl-C, which reaches the whole process group (only the
    parent decides what an interrupt means), and gone as soon as its parent is."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="textkg-parent-watch", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    # A pool worker waits for work on a pipe that its own copy of the write end keeps open: if the
    # parent is killed (kill -9, the out-of-memory killer), nothing would ever end it. Polling the
    # parent id works on every POSIX system and costs nothing between two polls.
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


class ProcessEngine:
    """A pool of ``workers`` fresh ("spawn") processes, each loading the pipeline once."""

    def __init__(self, workers: int, loader: PipelineLoader, batch_size: int = BATCH_SIZE) -> None:
        self.window = 2 * workers
        self._workers = workers
        self._loader = loader
        self._batch_size = batch_size
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
        )

    def warm(self, lang: str) -> None:
        # One task per worker: each is busy loading when the next is submitted, so the pool starts
        # every worker and they load in parallel.
        for loading in [_PoolResult(self._pool.submit(warm_worker, self._loader, lang, True)) for _ in range(self._workers)]:
            loading.result()

    def submit(self, documents: tuple[Document, ...]) -> Result:
        return _PoolResult(self._pool.submit(extract_batch, documents, self._loader, self._batch_size))

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class _PoolResult:
    future: Future

    def done(self) -> bool:
        return self.future.done()

    def result(self):
        try:
            return self.future.result()
        except BrokenProcessPool as exc:
            raise WorkerError(f"a worker process died (out of memory? try fewer --workers or a smaller --batch-size): {exc}") from exc


def make_engine(execution: Execution, loader: PipelineLoader) -> Engine:
    if execution.dask:
        from .dask import DaskEngine

        return DaskEngine(execution.dask, execution.workers, loader, execution.batch_size)
    if execution.workers > 1:
        return ProcessEngine(execution.workers, loader, execution.batch_size)
    return InProcessEngine(loader, execution.batch_size)


class _Batch:
    """Documents sent to the engine together: filling, then submitted, then collected."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.chars = 0
        self.result: Result | None = None
        self.records: list[ExtractionRecord] | None = None


def ordered_records(
    items: Iterable[Document | ExtractionRecord],
    engine: Engine,
    batch_size: int,
    on_abandoned: Callable[[list[ExtractionRecord]], None] | None = None,
    max_batch_chars: int | None = None,
) -> Iterator[tuple[ExtractionRecord, bool]]:
    """``(record, fresh)`` for every item in input order: documents are extracted in batches of
    ``batch_size`` documents by ``engine`` (``fresh`` is True), records already known pass through
    in their place; a batch is also sent before it would hold more than ``max_batch_chars``
    characters (a single longer document makes a batch of its own). At most
    ``engine.window`` batches are in flight and a bounded number of items wait, so memory stays
    flat whatever the corpus size.

    If the run stops early (an error, Ctrl-C, the consumer closing the generator), the records of
    batches that finished but were not yet reached go to ``on_abandoned``, so no work is lost."""
    # One queue entry per item: a known record, or (batch, position of the document in it).
    queue: deque[ExtractionRecord | tuple[_Batch, int]] = deque()
    filling: _Batch | None = None
    in_flight = 0

    def submit(batch: _Batch) -> None:
        nonlocal in_flight, filling
        batch.result = engine.submit(tuple(batch.documents))
        in_flight += 1
        if batch is filling:
            filling = None

    def may_wait(final: bool) -> bool:
        return not final and len(queue) <= (engine.window + 1) * batch_size

    def drain(final: bool) -> Iterator[tuple[ExtractionRecord, bool]]:
        nonlocal in_flight
        while queue:
            head = queue[0]
            if isinstance(head, ExtractionRecord):
                queue.popleft()
                yield head, False
                continue
            batch, position = head
            if batch.result is None:
                if may_wait(final):
                    return
                submit(batch)  # known records are piling up behind a half-filled batch
            if batch.records is None:
                if may_wait(final) and in_flight < engine.window:
                    return
                batch.records = batch.result.result()
                in_flight -= 1
            queue.popleft()
            yield batch.records[position], True

    try:
        for item in items:
            if isinstance(item, ExtractionRecord):
                queue.append(item)
            else:
                if filling is not None and max_batch_chars is not None and filling.chars + len(item.text) > max_batch_chars:
                    submit(filling)
                if filling is None:
                    filling = _Batch()
                queue.append((filling, len(filling.documents)))
                filling.documents.append(item)
                filling.chars += len(item.text)
                if len(filling.documents) == batch_size:
                    submit(filling)
            yield from drain(final=False)
        yield from drain(final=True)
    except BaseException:
        if on_abandoned is not None:
            _salvage(queue, on_abandoned)
        raise


def _salvage(queue: deque, on_abandoned: Callable[[list[ExtractionRecord]], None]) -> None:
    """Hand over the records of every finished batch still waiting in ``queue``."""
    seen: set[int] = set()
    for entry in queue:
        if isinstance(entry, ExtractionRecord) or id(entry[0]) in seen:
            continue
        batch = entry[0]
        seen.add(id(batch))
        if batch.records is None and batch.result is not None and batch.result.done():
            try:
                batch.records = batch.result.result()
            except Exception:  # noqa: BLE001 - a failed batch has nothing to save
                continue
        if batch.records is not None:
            first = entry[1]
            on_abandoned(batch.records[first:])
