"""The library API behind the CLI: extract records from inputs, build and export the graph."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .runner.cache import CACHE_DIR, CACHE_FILE, RecordCache
from .errors import InputError, OutputError, SkippedInputError
from .export import DEFAULT_FORMATS, ExportCallback, ExportContext, export_all, exporter
from .export.rdf import RdfOptions
from .fileio import atomic_writer, check_writable_dir, output_lock, staged_outputs
from .graph import KnowledgeGraph, build_graph
from .ingest import InputReport, clean_document, read_inputs
from .ingest.language import DEFAULT_LANGUAGE
from .export.namespaces import DEFAULT_BASE, Iris
from .nlp import PIPELINES, load_pipeline, pipeline_name
from .runner.engines import Engine, Execution, PipelineLoader, Result, make_engine
from .runner.jsonline import json_chunks
from .runner.pieces import records_in_pieces
from .records import Document, ExtractionRecord

if TYPE_CHECKING:
    from .resolve.kb import KnowledgeBase
    from .store import Endpoint, LoadReport, QueryOptions, QueryResult

RECORDS_FILE = "extraction.jsonl"

RecordCallback = Callable[[ExtractionRecord, bool], None]
"""Called with each record as it is ready, and whether it was parsed now (not cached or read back)."""


def extract_documents(
    items: Iterable[Document | ExtractionRecord],
    loader: PipelineLoader = load_pipeline,
    execution: Execution = Execution(),
    cache: RecordCache | None = None,
    on_record: RecordCallback | None = None,
) -> Iterator[ExtractionRecord]:
    """Records for ``items`` in input order, whatever the parallelism.

    Documents are parsed and extracted in batches through ``nlp.pipe``, in this process, in
    ``execution.workers`` processes or on a Dask cluster (started only if a document needs it); a
    document too long to extract at once is extracted in bounded pieces merged into its record
    (``runner.pieces``). Lone surrogates in a document's strings become U+FFFD first (no output
    could encode them). Documents found in ``cache`` and records read back from a previous run
    pass through unchanged; each freshly extracted record is committed to ``cache`` as it
    arrives, and if the run stops early (Ctrl-C, an error) so are the finished batches it had not
    reached yet.
    """
    engine = _LazyEngine(execution, loader)
    cleaned = (clean_document(item) if isinstance(item, Document) else item for item in items)
    known = ((cache.get(item) if cache is not None and isinstance(item, Document) else None) or item for item in cleaned)
    keep = cache.put_all if cache is not None else None
    results = records_in_pieces(known, engine, execution.batch_size, on_abandoned=keep)
    try:
        for record, fresh in results:
            if fresh and cache is not None:
                cache.put(record)
            if on_record is not None:
                on_record(record, fresh)
            yield record
    finally:
        results.close()  # on an early stop, finished batches not yet reached go to the cache
        engine.close()


class _LazyEngine:
    """Starts the engine (processes, a Dask client) at the first document that needs parsing, and
    loads that document's pipeline everywhere first so a missing model fails at once."""

    def __init__(self, execution: Execution, loader: PipelineLoader) -> None:
        self._execution = execution
        self._loader = loader
        self._engine: Engine | None = None

    @property
    def window(self) -> int:
        return self._engine.window if self._engine else 1

    def submit(self, documents: tuple[Document, ...]) -> Result:
        if self._engine is None:
            self._engine = make_engine(self._execution, self._loader)
            self._engine.warm(documents[0].lang)
        return self._engine.submit(documents)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()


def extract_paths(
    paths: Sequence[str | Path],
    lang: str | None = None,
    loader: PipelineLoader = load_pipeline,
    execution: Execution = Execution(),
    cache: RecordCache | None = None,
    on_record: RecordCallback | None = None,
    report: InputReport | None = None,
    stdin_format: str = "auto",
    exclude: Sequence[str | Path] = (),
    kb: str | Path | None = None,
) -> Generator[ExtractionRecord, None, None]:
    """Records for every input, as a generator to close before ``cache`` is (closing it hands the
    finished batches it had not reached to the cache); ``report`` collects what was skipped (without one, a skip raises);
    directory and pattern searches leave out ``exclude``. Documents that do not declare their
    language are in ``lang``, or when it is None in the language detected in their text (French
    when detection is unsure); documents in a language without a pipeline are skipped. With
    ``kb`` (a CSV or SKOS Turtle file), entities it knows gain its aliases, types and links
    (applied after the cache, so a changed knowledge base needs no new parse)."""
    if lang is not None:
        pipeline_name(lang)  # a language asked for by name must have a pipeline: fail before any work
    knowledge = None
    if kb is not None:
        from .resolve.kb import read_kb

        knowledge = read_kb(kb)  # before any parsing: a broken knowledge base fails at once
    items = _read(paths, lang, report, stdin_format=stdin_format, exclude=exclude)
    records = extract_documents(items, loader, execution, cache, on_record)
    if knowledge is None:
        return records
    return _with_kb(records, knowledge)


def _with_kb(records: Generator[ExtractionRecord, None, None], knowledge: KnowledgeBase) -> Generator[ExtractionRecord, None, None]:
    from .resolve.kb import apply_kb

    with contextlib.closing(records):
        for record in records:
            yield apply_kb(record, knowledge)


STDIN = "-"


def _read(paths: Sequence[str | Path], lang: str | None, report: InputReport | None, **options) -> Iterator[Document | ExtractionRecord]:
    return read_inputs(
        paths, default_lang=lang or DEFAULT_LANGUAGE, report=report, detect_language=lang is None, languages=PIPELINES, **options
    )


def count_inputs(paths: Sequence[str | Path], lang: str | None = None, exclude: Sequence[str | Path] = ()) -> int | None:
    """How many documents and records ``paths`` hold (a first, parse-free pass, for progress), or
    None if one of them is standard input, which can be read only once. Problems are left to the
    real pass to report."""
    if any(str(path) == STDIN for path in paths):
        return None
    return sum(1 for _ in _read(paths, lang, InputReport(), exclude=exclude))


@contextlib.contextmanager
def open_cache(directory: Path, enabled: bool = True) -> Iterator[RecordCache | None]:
    """The record cache in ``directory/.cache``, or None when caching is off."""
    if not enabled:
        yield None
        return
    with RecordCache(directory / CACHE_DIR / CACHE_FILE) as cache:
        yield cache


@dataclass(frozen=True)
class ExtractResult:
    path: Path
    documents: int
    parsed: int
    inputs: InputReport | None = None


def extract(
    paths: Sequence[str | Path],
    output: str | Path,
    lang: str | None = None,
    loader: PipelineLoader = load_pipeline,
    execution: Execution = Execution(),
    use_cache: bool = True,
    on_record: RecordCallback | None = None,
    report: InputReport | None = None,
    stdin_format: str = "auto",
    kb: str | Path | None = None,
) -> ExtractResult:
    """Write one extraction record per input document to ``output`` (JSON lines, streamed, written
    atomically), reusing the cache in ``.cache`` beside it. ``report`` collects skipped inputs
    (without one, the first skip raises). The directory of ``output`` is locked for the run (a
    second run writing there fails at once, with OutputError)."""
    output = Path(output)
    if output.is_dir():
        raise OutputError(f"{output}: is a directory; name the file of records to write (such as {output / 'records.jsonl'})")
    directory = check_writable_dir(output.parent)
    parsed = _Counter(on_record)
    report = report if report is not None else InputReport(strict=True)
    with output_lock(directory), open_cache(directory, use_cache) as cache:
        records = extract_paths(
            paths, lang, loader, execution, cache, parsed, report=report, stdin_format=stdin_format, exclude=(output,), kb=kb
        )
        with contextlib.closing(records):  # closed, on an interrupt too, while the cache is open
            count = write_records(records, output, report=report, sources=paths)
    return ExtractResult(path=output, documents=count, parsed=parsed.fresh, inputs=report)


class _Counter:
    """Counts freshly parsed records on their way to another callback."""

    def __init__(self, then: RecordCallback | None) -> None:
        self.fresh = 0
        self._then = then

    def __call__(self, record: ExtractionRecord, fresh: bool) -> None:
        self.fresh += fresh
        if self._then is not None:
            self._then(record, fresh)


def _no_documents_error(paths: Sequence[str | Path], report: InputReport | None) -> InputError:
    """The error for a run that found nothing to process: exit code 1 if inputs were skipped."""
    where = ", ".join(str(p) for p in paths)
    if report is not None and report.skipped:
        return SkippedInputError(where, f"no documents left to process; {report.summary()}")
    return InputError(where, "no documents were found in the inputs")


def write_records(
    records: Iterable[ExtractionRecord],
    path: str | Path,
    report: InputReport | None = None,
    sources: Sequence[str | Path] = (),
) -> int:
    """Write records as JSON lines, atomically; returns how many were written. With no records it
    raises, naming ``sources`` (exit code 1 if ``report`` shows skipped inputs), and leaves any
    previous file intact."""
    count = 0
    with atomic_writer(path) as handle:
        for record in records:
            for chunk in json_chunks(record):  # a huge record is never one string
                handle.write(chunk)
            handle.write("\n")
            count += 1
        if count == 0:  # raised inside the writer, so the previous file is kept
            raise _no_documents_error(sources or [path], report)
    return count


@dataclass(frozen=True)
class BuildResult:
    graph: KnowledgeGraph
    written: tuple[Path, ...]
    documents: int
    inputs: InputReport | None = None
    parsed: int = 0


def build(
    paths: Sequence[str | Path],
    output_dir: str | Path = "output",
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str = DEFAULT_BASE,
    lang: str | None = None,
    merge_across: bool = True,
    loader: PipelineLoader = load_pipeline,
    report: InputReport | None = None,
    stdin_format: str = "auto",
    html_options: dict | None = None,
    execution: Execution = Execution(),
    use_cache: bool = True,
    on_record: RecordCallback | None = None,
    run_time: datetime | None = None,
    kb: str | Path | None = None,
    on_file: ExportCallback | None = None,
) -> BuildResult:
    """Extract every input, merge the records into one graph and write each export format plus
    the extraction records into ``output_dir``. Records stream into the cache in
    ``output_dir/.cache`` as they come, so an interrupted build resumes where it stopped. The
    outputs are written as a set into a staging directory and switched in together once all are
    complete (``fileio.staged_outputs``): a failed or killed build leaves the previous set whole.
    ``output_dir`` is locked for the run: a second run there fails at once (OutputError) instead
    of interleaving its files. ``report`` collects the inputs that were skipped
    (without one, the first skip raises); it is returned in the result. ``html_options`` are
    keyword arguments of ``textkg.export.html.render_html`` (``limit``, ``title``). ``run_time``
    goes into the RDF provenance if given (by default the output carries no clock, so the same
    input gives the same bytes). ``on_file`` hears of each output file as its writing starts."""
    for name in formats:
        exporter(name)  # fail on an unknown format before any work
    Iris(base_iri)  # and on a base IRI that cannot prefix IRIs
    out = check_writable_dir(output_dir)
    report = report if report is not None else InputReport(strict=True)
    records: list[ExtractionRecord] = []
    parsed = _Counter(on_record)
    with output_lock(out), open_cache(out, use_cache) as cache, staged_outputs(out) as staging:
        stream = extract_paths(
            paths, lang, loader, execution, cache, parsed, report=report, stdin_format=stdin_format, exclude=(out,), kb=kb
        )
        with contextlib.closing(stream):  # closed, on an interrupt too, while the cache is open
            write_records(_kept(stream, records), staging / RECORDS_FILE, report=report, sources=paths)
        kg = build_graph(records, merge_across=merge_across)
        context = ExportContext(kg, Iris(base_iri), html_options=dict(html_options or {}), rdf_options=RdfOptions(run_time=run_time))
        staged = export_all(context, staging, tuple(formats), on_file=on_file)
    written = tuple(out / path.name for path in (staging / RECORDS_FILE, *staged))
    return BuildResult(graph=kg, written=written, documents=len(records), inputs=report, parsed=parsed.fresh)


def _kept(records: Iterable[ExtractionRecord], into: list[ExtractionRecord]) -> Iterator[ExtractionRecord]:
    for record in records:
        into.append(record)
        yield record


def default_data_dir() -> Path:
    """The shared evaluation corpora: ../shared/data beside the repository."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def evaluate(data_dir: Path | None = None, corpora: Sequence[str] | None = None, limit: int | None = None, lang: str = DEFAULT_LANGUAGE):
    """Scores of spaCy's NER alone and of textkg on the annotated corpora (evaluation.scoring)."""
    from .evaluation.scoring import CORPORA, evaluate as run_evaluation

    unknown = sorted(set(corpora or ()) - set(CORPORA))
    if unknown:
        raise InputError(", ".join(unknown), f"unknown corpus; choose from {', '.join(CORPORA)}")
    return run_evaluation(data_dir or default_data_dir(), load_pipeline(lang), corpora or CORPORA, limit)


def load(paths: Sequence[str | Path], store: str | Path = "output/store", endpoint: Endpoint | None = None) -> LoadReport:
    """Load RDF files into the embedded Oxigraph store at ``store``, or into a SPARQL server when
    ``endpoint`` is given; all or nothing either way (``textkg.store``)."""
    from .store import load_into_endpoint, load_into_store

    return load_into_store(paths, store) if endpoint is None else load_into_endpoint(paths, endpoint)


def query(
    sparql: str, store: str | Path = "output/store", endpoint: Endpoint | None = None, options: QueryOptions | None = None
) -> contextlib.AbstractContextManager[QueryResult]:
    """Run a SPARQL query on the embedded store at ``store`` or on ``endpoint``: a context manager
    whose value is the result, streamed (read its rows inside the ``with`` block)."""
    from .store import QueryOptions, query_endpoint, query_store

    options = options or QueryOptions()
    return query_store(sparql, store, options) if endpoint is None else query_endpoint(sparql, endpoint, options)
