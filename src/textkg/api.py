"""The library API behind the CLI: extract records from inputs, build and export the graph."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from .errors import InputError
from .export import DEFAULT_FORMATS, ExportContext, export_all, exporter
from .extract import extract_record
from .fileio import atomic_writer, check_writable_dir
from .graph import KnowledgeGraph, build_graph
from .ingest import read_inputs
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
    paths: Sequence[str | Path], lang: str = "fr", loader: PipelineLoader = load_pipeline, kb: str | Path | None = None
) -> Iterator[ExtractionRecord]:
    """Records of every input; with ``kb`` (a CSV or SKOS Turtle file), entities it knows gain its
    aliases, types and links."""
    records = extract_documents(read_inputs(paths, default_lang=lang), loader)
    if kb is None:
        return records
    from .kb import apply_kb, read_kb

    knowledge = read_kb(kb)
    return (apply_kb(record, knowledge) for record in records)


def write_records(records: Iterable[ExtractionRecord], path: str | Path) -> int:
    """Write records as JSON lines, atomically; returns how many were written."""
    count = 0
    with atomic_writer(path) as handle:
        for record in records:
            handle.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            count += 1
    if count == 0:
        Path(path).unlink(missing_ok=True)
        raise InputError(str(path), "no documents were found in the inputs")
    return count


@dataclass(frozen=True)
class BuildResult:
    graph: KnowledgeGraph
    written: tuple[Path, ...]
    documents: int


def build(
    paths: Sequence[str | Path],
    output_dir: str | Path = "output",
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str = DEFAULT_BASE,
    lang: str = "fr",
    merge_across: bool = True,
    loader: PipelineLoader = load_pipeline,
    kb: str | Path | None = None,
) -> BuildResult:
    """Extract every input, merge the records into one graph and write each export format plus
    the extraction records into ``output_dir``."""
    for name in formats:
        exporter(name)  # fail on an unknown format before any work
    out = check_writable_dir(output_dir)
    records = list(extract_paths(paths, lang=lang, loader=loader, kb=kb))
    if not records:
        raise InputError(", ".join(str(p) for p in paths), "no documents were found in the inputs")
    records_path = out / RECORDS_FILE
    write_records(records, records_path)
    kg = build_graph(records, merge_across=merge_across)
    written = export_all(ExportContext(kg, Iris(base_iri)), out, tuple(formats))
    return BuildResult(graph=kg, written=(records_path, *written), documents=len(records))


def default_data_dir() -> Path:
    """The shared evaluation corpora: ../shared/data beside the repository."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def evaluate(data_dir: Path | None = None, corpora: Sequence[str] | None = None, limit: int | None = None, lang: str = "fr"):
    """Scores of spaCy's NER alone and of textkg on the annotated corpora (evaluation.scoring)."""
    from .evaluation.scoring import CORPORA, evaluate as run_evaluation

    unknown = sorted(set(corpora or ()) - set(CORPORA))
    if unknown:
        raise InputError(", ".join(unknown), f"unknown corpus; choose from {', '.join(CORPORA)}")
    return run_evaluation(data_dir or default_data_dir(), load_pipeline(lang), corpora or CORPORA, limit)
