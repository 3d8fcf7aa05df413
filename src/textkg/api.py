"""The library API behind the CLI: extract records from inputs, build and export the graph."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from .errors import InputError, SkippedInputError
from .export import DEFAULT_FORMATS, ExportContext, export_all, exporter
from .extract import extract_record
from .fileio import atomic_writer, check_writable_dir
from .graph import KnowledgeGraph, build_graph
from .ingest import InputReport, read_inputs
from .namespaces import DEFAULT_BASE, Iris
from .nlp import load_pipeline
from .records import Document, ExtractionRecord

RECORDS_FILE = "extraction.jsonl"
BATCH_SIZE = 32

PipelineLoader = Callable[[str], object]


def extract_documents(items: Iterable[Document | ExtractionRecord], loader: PipelineLoader = load_pipeline) -> Iterator[ExtractionRecord]:
    """Records for ``items`` in input order: documents are parsed and extracted (batched through
    ``nlp.pipe``), records read back from a previous run pass through unchanged."""
    for is_record, run in groupby(items, key=lambda item: isinstance(item, ExtractionRecord)):
        if is_record:
            yield from run
            continue
        for lang, same_lang in groupby(run, key=lambda d: d.lang):
            nlp = loader(lang)
            documents = list(same_lang)
            for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=BATCH_SIZE):
                yield extract_record(doc, document)


def extract_paths(
    paths: Sequence[str | Path],
    lang: str = "fr",
    loader: PipelineLoader = load_pipeline,
    report: InputReport | None = None,
    stdin_format: str = "auto",
    exclude: Sequence[str | Path] = (),
) -> Iterator[ExtractionRecord]:
    """Records for every input; ``report`` collects what was skipped (without one, a skip raises);
    directory and pattern searches leave out ``exclude``."""
    items = read_inputs(paths, default_lang=lang, report=report, stdin_format=stdin_format, exclude=exclude)
    return extract_documents(items, loader)


def _no_documents_error(paths: Sequence[str | Path], report: InputReport | None) -> InputError:
    """The error for a run that found nothing to process: exit code 1 if inputs were skipped."""
    where = ", ".join(str(p) for p in paths)
    if report is not None and report.skipped:
        return SkippedInputError(where, f"no documents left to process; {report.summary()}")
    return InputError(where, "no documents were found in the inputs")


def write_records(records: Iterable[ExtractionRecord], path: str | Path, report: InputReport | None = None) -> int:
    """Write records as JSON lines, atomically; returns how many were written. With no records it
    raises (exit code 1 if ``report`` shows skipped inputs) and leaves any previous file intact."""
    count = 0
    with atomic_writer(path) as handle:
        for record in records:
            handle.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            count += 1
        if count == 0:  # raised inside the writer, so the previous file is kept
            raise _no_documents_error([path], report)
    return count


@dataclass(frozen=True)
class BuildResult:
    graph: KnowledgeGraph
    written: tuple[Path, ...]
    documents: int
    inputs: InputReport | None = None


def build(
    paths: Sequence[str | Path],
    output_dir: str | Path = "output",
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str = DEFAULT_BASE,
    lang: str = "fr",
    merge_across: bool = True,
    loader: PipelineLoader = load_pipeline,
    report: InputReport | None = None,
    stdin_format: str = "auto",
    html_options: dict | None = None,
) -> BuildResult:
    """Extract every input, merge the records into one graph and write each export format plus
    the extraction records into ``output_dir``. ``report`` collects the inputs that were skipped
    (without one, the first skip raises); it is returned in the result. ``html_options`` are
    keyword arguments of ``textkg.export.html.render_html`` (``layout_threshold``, ``limit``,
    ``title``)."""
    for name in formats:
        exporter(name)  # fail on an unknown format before any work
    out = check_writable_dir(output_dir)
    report = report if report is not None else InputReport(strict=True)
    records = list(extract_paths(paths, lang=lang, loader=loader, report=report, stdin_format=stdin_format, exclude=(out,)))
    if not records:
        raise _no_documents_error(paths, report)
    records_path = out / RECORDS_FILE
    write_records(records, records_path)
    kg = build_graph(records, merge_across=merge_across)
    written = export_all(ExportContext(kg, Iris(base_iri), html_options=dict(html_options or {})), out, tuple(formats))
    return BuildResult(graph=kg, written=(records_path, *written), documents=len(records), inputs=report)
