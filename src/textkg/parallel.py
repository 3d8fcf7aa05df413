"""The per-document work (parse and extract a batch of documents) and where it runs: in this
process, in a pool of local processes, or on a Dask cluster (textkg.dask_engine), with records
coming back in input order whatever finishes first.

``extract_batch`` is the one importable function every engine runs; the spaCy pipeline it needs is
loaded once per process (``worker_pipeline``), not once per batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import groupby
from typing import Protocol

from .errors import TextkgError
from .extract import extract_record
from .parsing import parse_documents
from .records import Document, ExtractionRecord

BATCH_SIZE = 32

PipelineLoader = Callable[[str], object]

_PIPELINES: dict[tuple[PipelineLoader, str], object] = {}
_PIPELINES_LOCK = threading.Lock()  # Dask workers may run several tasks on threads at once


class ExecutionError(TextkgError):
    """The parallel set-up cannot work: a bad worker count, Dask missing or its scheduler unreachable."""


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


def worker_pipeline(loader: PipelineLoader, lang: str):
    """The pipeline ``loader(lang)``, loaded once per process and kept for every later batch."""
    with _PIPELINES_LOCK:
        key = (loader, lang)
        if key not in _PIPELINES:
            _PIPELINES[key] = loader(lang)
        return _PIPELINES[key]


def loaded_languages() -> list[str]:
    """The languages whose pipeline this process has loaded (one entry per load)."""
    with _PIPELINES_LOCK:
        return [lang for _, lang in _PIPELINES]


def warm_worker(loader: PipelineLoader, lang: str) -> None:
    """Load the pipeline and the extraction's gazetteers and lexicon before any batch arrives, so
    a missing model fails at once, clearly, and start-up costs are paid once, up front."""
    from .gazetteer import default_gazetteer
    from .lexicon import default_lexicon, default_noun_classes

    worker_pipeline(loader, lang)
    default_gazetteer()
    default_lexicon()
    default_noun_classes(lang)
    _freeze_loaded()


_frozen_pipelines = -1


def _freeze_loaded() -> None:
    """Take what was just loaded (the model, the gazetteers: about a million objects that live as
    long as the process) out of the cyclic garbage collector's reach, once per newly loaded
    pipeline: otherwise every full collection walks them all, some 0.4 s each on this machine."""
    global _frozen_pipelines
    with _PIPELINES_LOCK:
        if len(_PIPELINES) == _frozen_pipelines:
            return
        _frozen_pipelines = len(_PIPELINES)
    gc.collect()  # garbage left from loading is freed, not frozen
    gc.freeze()


def extract_stream(documents: Iterable[Document], loader: PipelineLoader, batch_size: int = BATCH_SIZE) -> Iterator[ExtractionRecord]:
    """Parse and extract ``documents`` in order, each language through its own pipeline."""
    for lang, same_lang in groupby(documents, key=lambda d: d.lang):
        nlp = worker_pipeline(loader, lang)
        for doc, document in parse_documents(nlp, same_lang, batch_size):
            yield extract_record(doc, document)


def extract_batch(documents: Sequence[Document], loader: PipelineLoader, batch_size: int = BATCH_SIZE) -> list[ExtractionRecord]:
    """The unit of work sent to a worker process or a Dask worker."""
    return list(extract_stream(documents, loader, batch_size))


class Result(Protocol):
    def done(self) -> bool: ...

    def result(self) -> list[ExtractionRecord]: ...


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


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the parent decides what an interrupt means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ProcessEngine:
    """A pool of ``workers`` fresh ("spawn") processes, each loading the pipeline once."""

    def __init__(self, workers: int, loader: PipelineLoader, batch_size: int = BATCH_SIZE) -> None:
        self.window = 2 * workers
        self._workers = workers
        self._loader = loader
        self._batch_size = batch_size
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts
        )

    def warm(self, lang: str) -> None:
        # One task per worker: each is busy loading when the next is submitted, so the pool starts
        # every worker and they load in parallel.
        for loading in [_PoolResult(self._pool.submit(warm_worker, self._loader, lang)) for _ in range(self._workers)]:
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
            raise ExecutionError(f"a worker process died (out of memory? try fewer --workers or a smaller --batch-size): {exc}") from exc


def make_engine(execution: Execution, loader: PipelineLoader) -> Engine:
    if execution.dask:
        from .dask_engine import DaskEngine

        return DaskEngine(execution.dask, execution.workers, loader, execution.batch_size)
    if execution.workers > 1:
        return ProcessEngine(execution.workers, loader, execution.batch_size)
    return InProcessEngine(loader, execution.batch_size)


class _Batch:
    """Documents sent to the engine together: filling, then submitted, then collected."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.result: Result | None = None
        self.records: list[ExtractionRecord] | None = None


def ordered_records(
    items: Iterable[Document | ExtractionRecord],
    engine: Engine,
    batch_size: int,
    on_abandoned: Callable[[list[ExtractionRecord]], None] | None = None,
) -> Iterator[tuple[ExtractionRecord, bool]]:
    """``(record, fresh)`` for every item in input order: documents are extracted in batches by
    ``engine`` (``fresh`` is True), records already known pass through in their place. At most
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
                if filling is None:
                    filling = _Batch()
                queue.append((filling, len(filling.documents)))
                filling.documents.append(item)
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
