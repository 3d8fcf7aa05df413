"""The ``textkg`` command: a thin typer layer over textkg.api (heavy imports inside commands)."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="textkg",
    help="Turn news text into a knowledge graph: entities, events and claims as RDF and an HTML graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Inputs = Annotated[
    list[Path],
    typer.Argument(help="Text files (.txt, .md), JSONL corpora or extraction records (.jsonl), or directories of them."),
]
Lang = Annotated[str, typer.Option("--lang", help="Language of documents that do not say theirs.")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes that parse in parallel (each loads the model once).")]
Dask = Annotated[
    str | None,
    typer.Option("--dask", metavar="tcp://HOST:PORT|local", help="Parse on a Dask cluster: a scheduler address, or 'local' for a LocalCluster of --workers processes."),
]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch and per task sent to a worker.")]
Cache = Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse records of documents already extracted (kept in .cache beside the output).")]
ShowProgress = Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar (default: when standard error is a terminal).")]


@contextlib.contextmanager
def _progress(inputs: list[Path], lang: str, show: bool | None):
    """The progress callback for api calls, or None when no bar is shown."""
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        yield None
        return
    from . import api
    from .progress import progress_bar

    with progress_bar(api.count_inputs(inputs, lang)) as advance:
        yield advance


def _fail(exc: Exception) -> None:
    from .errors import TextkgError

    if isinstance(exc, TextkgError):
        typer.secho(f"textkg: error: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(exc.exit_code)
    raise exc


@app.command()
def build(
    inputs: Inputs,
    output_dir: Annotated[Path, typer.Option("--output-dir", "-o", help="Where to write the graph files.")] = Path("output"),
    formats: Annotated[
        str, typer.Option("--formats", help="Comma-separated export formats: html, turtle, ntriples, nquads, trig, jsonld, graphml.")
    ] = "html,turtle,nquads,trig,jsonld,graphml",
    base_iri: Annotated[str, typer.Option("--base-iri", help="Base of every IRI textkg mints.")] = "https://textkg.example/kg/",
    lang: Lang = "fr",
    merge_across: Annotated[bool, typer.Option("--merge/--no-merge", help="Merge entities across documents.")] = True,
    workers: Workers = 1,
    dask: Dask = None,
    batch_size: BatchSize = 32,
    cache: Cache = True,
    progress: ShowProgress = None,
) -> None:
    """Extract, merge and export: graph.html, RDF (Turtle, N-Quads, TriG, JSON-LD), GraphML and extraction.jsonl."""
    from . import api
    from .parallel import Execution

    try:
        with _progress(inputs, lang, progress) as on_record:
            result = api.build(
                inputs,
                output_dir=output_dir,
                formats=[f.strip() for f in formats.split(",") if f.strip()],
                base_iri=base_iri,
                lang=lang,
                merge_across=merge_across,
                execution=Execution(workers=workers, dask=dask, batch_size=batch_size),
                use_cache=cache,
                on_record=on_record,
            )
    except Exception as exc:  # noqa: BLE001 - _fail re-raises anything that is not ours
        _fail(exc)
        return
    graph = result.graph.graph
    typer.echo(f"{result.documents} document(s), {result.parsed} parsed now: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    for path in result.written:
        typer.echo(f"  wrote {path}")


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSONL file of extraction records to write.")],
    lang: Lang = "fr",
    workers: Workers = 1,
    dask: Dask = None,
    batch_size: BatchSize = 32,
    cache: Cache = True,
    progress: ShowProgress = None,
) -> None:
    """Write one extraction record (entities, relations, events, claims) per document as JSON lines."""
    from . import api
    from .parallel import Execution

    try:
        with _progress(inputs, lang, progress) as on_record:
            result = api.extract(
                inputs, output, lang=lang, execution=Execution(workers=workers, dask=dask, batch_size=batch_size), use_cache=cache, on_record=on_record
            )
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
        return
    typer.echo(f"wrote {result.documents} record(s) to {output} ({result.parsed} parsed now)")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("textkg: interrupted", err=True)
        sys.exit(130)
