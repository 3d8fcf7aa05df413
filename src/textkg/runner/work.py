"""The per-document work every engine runs: parse and extract a batch of documents with the
pipeline of their language, loaded once per process (``worker_pipeline``), not once per batch.
``extract_batch`` is the one importable function local processes and Dask workers call."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from typing import Protocol

from ..extract import extract_record
from ..language.resources import Resources, load_resources
from ..nlp.parsing import parse_documents
from ..records import Document, ExtractionRecord

BATCH_SIZE = 32

PipelineLoader = Callable[[str], object]

# What this process has loaded, kept for every later batch (a worker serves many).
_PIPELINES: dict[tuple[PipelineLoader, str], object] = {}
_RESOURCES: dict[str, Resources] = {}
_PIPELINES_LOCK = threading.Lock()  # Dask workers may run several tasks on threads at once


def worker_pipeline(loader: PipelineLoader, lang: str):
    """The pipeline ``loader(lang)``, loaded once per process and kept for every later batch."""
    with _PIPELINES_LOCK:
        key = (loader, lang)
        if key not in _PIPELINES:
            _PIPELINES[key] = loader(lang)
        return _PIPELINES[key]


def worker_resources(lang: str) -> Resources:
    """The language resources of ``lang``, loaded once per process like the pipeline."""
    with _PIPELINES_LOCK:
        if lang not in _RESOURCES:
            _RESOURCES[lang] = load_resources(lang)
        return _RESOURCES[lang]


def loaded_languages() -> list[str]:
    """The languages whose pipeline this process has loaded (one entry per load)."""
    with _PIPELINES_LOCK:
        return [lang for _, lang in _PIPELINES]


def warm_worker(loader: PipelineLoader, lang: str, freeze: bool = False) -> None:
    """Load the pipeline and the language resources before any batch arrives, so a missing model
    fails at once, clearly, and start-up costs are paid once, up front. A process that only
    works (a worker process, a Dask worker) may ``freeze`` what it loaded: see _freeze_loaded."""
    worker_pipeline(loader, lang)
    worker_resources(lang)
    if freeze:
        _freeze_loaded()


_frozen_pipelines = -1


def _freeze_loaded() -> None:
    """Take what was just loaded (the model, the gazetteers: about a million objects that live as
    long as the process) out of the cyclic garbage collector's reach, once per newly loaded
    pipeline: otherwise every full collection walks them all, some 0.4 s each on this machine.
    Only in processes textkg owns: freezing is a process-wide decision a library does not take
    for its caller."""
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
        nlp, resources = worker_pipeline(loader, lang), worker_resources(lang)
        for doc, document in parse_documents(nlp, same_lang, batch_size):
            yield extract_record(doc, document, resources)


def extract_batch(documents: Sequence[Document], loader: PipelineLoader, batch_size: int = BATCH_SIZE) -> list[ExtractionRecord]:
    """The unit of work sent to a worker process or a Dask worker."""
    return list(extract_stream(documents, loader, batch_size))


class Result(Protocol):
    def done(self) -> bool: ...

    def result(self) -> list[ExtractionRecord]: ...


