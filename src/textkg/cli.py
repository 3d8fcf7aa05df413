"""The ``textkg`` command: a thin typer layer over textkg.api (heavy imports inside commands)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .errors import printable

if TYPE_CHECKING:
    from .ingest import InputReport, Problem

app = typer.Typer(
    name="textkg",
    help="Turn news text into a knowledge graph: entities, events and claims as RDF and an HTML graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's panels cut option names and defaults at 80 columns
)

Inputs = Annotated[
    list[Path],
    typer.Argument(
        help="Text files (.txt, .md), JSONL corpora or extraction records (.jsonl), directories of them, quoted glob patterns, or - (standard input)."
    ),
]
Lang = Annotated[
    str | None,
    typer.Option("--lang", help="Language of documents that do not say theirs (default: detected in each text, French when unsure)."),
]
Strict = Annotated[bool, typer.Option("--strict", help="Fail (exit 1, nothing written) if any input must be skipped.")]
StdinFormat = Annotated[
    str, typer.Option("--stdin-format", help="What '-' (standard input) holds: text, jsonl, or auto (JSONL if its first line is a JSON object).")
]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes that parse in parallel (each loads the model once).")]
Dask = Annotated[
    str | None,
    typer.Option("--dask", metavar="tcp://HOST:PORT|local", help="Parse on a Dask cluster: a scheduler address, or 'local' for a LocalCluster of --workers processes."),
]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch and per task sent to a worker.")]
Cache = Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse records of documents already extracted (kept in .cache beside the output).")]
ShowProgress = Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar (default: when standard error is a terminal).")]


@contextlib.contextmanager
def _progress(inputs: list[Path], lang: str | None, show: bool | None):
    """The progress callback for api calls, or None when no bar is shown."""
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        yield None
        return
    from . import api
    from .runner.progress import progress_bar

    with progress_bar(api.count_inputs(inputs, lang)) as advance:
        yield advance
def _export_progress(show: bool | None):
    """A line on stderr as each output file starts (a corpus takes seconds per format), when
    progress is shown; None otherwise."""
    if not (sys.stderr.isatty() if show is None else show):
        return None

    def announce(path: Path, place: int, total: int) -> None:
        typer.echo(f"textkg: writing {printable(path.name)} ({place}/{total})", err=True)

    return announce


Kb = Annotated[
    Path | None, typer.Option("--kb", help="A knowledge base (CSV: label, aliases, type, iri; or SKOS Turtle) adding aliases, types, links.")
]


def _click_errors():
    """The exceptions of the click that typer runs on (recent typer ships its own copy of click)."""
    import importlib

    return importlib.import_module(typer.BadParameter.__module__)


def _fail(exc: Exception) -> None:
    """One line on stderr and the exit code for what textkg or the system refused; anything else
    is a bug, and its traceback is worth showing."""
    from .errors import TextkgError

    if isinstance(exc, TextkgError):
        message, code = str(exc), exc.exit_code
    elif isinstance(exc, OSError):  # the system failed the run (no file descriptor left, a device error)
        where = f"{exc.filename}: " if exc.filename else ""
        message, code = f"{where}{exc.strerror or exc}", 1
    elif isinstance(exc, MemoryError):
        message, code = "out of memory (try fewer --workers or a smaller --batch-size)", 1
    else:
        raise exc
    typer.secho(f"textkg: error: {printable(message)}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def _absolute_iri(value: str) -> str:
    """--base-iri is checked at the edge: every IRI textkg mints starts with it."""
    from .errors import IriError
    from .export.namespaces import check_base_iri

    try:
        return check_base_iri(value)
    except IriError as exc:
        raise typer.BadParameter(str(exc)) from None


def _input_report(strict: bool) -> InputReport:
    """A report that prints each skipped input or warning on stderr as it happens."""
    from .ingest import InputReport

    def show(problem: Problem) -> None:
        label = "skipped" if problem.skipped else "warning"
        typer.secho(f"textkg: {label}: {printable(str(problem))}", err=True, fg=typer.colors.YELLOW)

    return InputReport(strict=strict, on_problem=show)


def _finish(report: InputReport) -> None:
    """The summary on stderr, and exit code 1 when some inputs were skipped."""
    if report.problems:
        typer.echo(f"textkg: {printable(report.summary())}", err=True)
    if report.skipped:
        raise typer.Exit(1)


@app.command()
def build(
    inputs: Inputs,
    output_dir: Annotated[Path, typer.Option("--output-dir", "-o", help="Where to write the graph files.")] = Path("output"),
    formats: Annotated[
        str, typer.Option("--formats", help="Comma-separated export formats: html, turtle, ntriples, nquads, trig, jsonld, graphml.")
    ] = "html,turtle,nquads,trig,jsonld,graphml",
    base_iri: Annotated[str, typer.Option("--base-iri", help="Base of every IRI textkg mints.", callback=_absolute_iri)] = "https://textkg.example/kg/",
    lang: Lang = None,
    merge_across: Annotated[bool, typer.Option("--merge/--no-merge", help="Merge entities across documents.")] = True,
    strict: Strict = False,
    stdin_format: StdinFormat = "auto",
    html_limit: Annotated[
        int, typer.Option("--html-limit", min=1, help="Entities the overview of graph.html draws at first (most connected first); the page can show more.")
    ] = 100,
    workers: Workers = 1,
    dask: Dask = None,
    batch_size: BatchSize = 32,
    cache: Cache = True,
    progress: ShowProgress = None,
    run_time: Annotated[
        bool, typer.Option("--run-time", help="Record the time of the run in the RDF provenance (the output then differs between runs).")
    ] = False,
    kb: Kb = None,
) -> None:
    """Extract, merge and export: graph.html, RDF (Turtle, N-Quads, TriG, JSON-LD), GraphML and extraction.jsonl."""
    from datetime import datetime, timezone

    from . import api
    from .runner.engines import Execution

    report = _input_report(strict)
    try:
        with _progress(inputs, lang, progress) as on_record:
            result = api.build(
                inputs,
                output_dir=output_dir,
                formats=[f.strip() for f in formats.split(",") if f.strip()],
                base_iri=base_iri,
                lang=lang,
                merge_across=merge_across,
                report=report,
                stdin_format=stdin_format,
                html_options={"limit": html_limit},
                execution=Execution(workers=workers, dask=dask, batch_size=batch_size),
                use_cache=cache,
                on_record=on_record,
                kb=kb,
                run_time=datetime.now(timezone.utc).replace(microsecond=0) if run_time else None,
                on_file=_export_progress(progress),
            )
    except Exception as exc:  # noqa: BLE001 - _fail re-raises anything that is not ours
        _fail(exc)
        return
    graph = result.graph.graph
    typer.echo(f"{result.documents} document(s), {result.parsed} parsed now: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    for path in result.written:
        typer.echo(f"  wrote {printable(str(path))}")
    _finish(report)


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSONL file of extraction records to write.")],
    lang: Lang = None,
    strict: Strict = False,
    stdin_format: StdinFormat = "auto",
    workers: Workers = 1,
    dask: Dask = None,
    batch_size: BatchSize = 32,
    cache: Cache = True,
    progress: ShowProgress = None,
    kb: Kb = None,
) -> None:
    """Write one extraction record (entities, relations, events, claims) per document as JSON lines."""
    from . import api
    from .runner.engines import Execution

    report = _input_report(strict)
    try:
        with _progress(inputs, lang, progress) as on_record:
            result = api.extract(
                inputs,
                output,
                lang=lang,
                execution=Execution(workers=workers, dask=dask, batch_size=batch_size),
                use_cache=cache,
                on_record=on_record,
                report=report,
                stdin_format=stdin_format,
                kb=kb,
            )
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
        return
    typer.echo(f"wrote {result.documents} record(s) to {printable(str(output))} ({result.parsed} parsed now)")
    _finish(report)


StoreDir = Annotated[Path, typer.Option("--store", help="The embedded Oxigraph store (a directory).")]
EndpointUrl = Annotated[
    str | None,
    typer.Option("--endpoint", help="A SPARQL server instead of the embedded store (load: its dataset URL; query: its query URL)."),
]
User = Annotated[
    str | None,
    typer.Option("--user", help="User name for HTTP basic authentication; the password comes from $TEXTKG_PASSWORD, else a prompt."),
]


def _endpoint(url: str, user: str | None):
    """The endpoint, its URL checked before any password is asked for; the password only from the
    environment or a prompt on a terminal (never an option: it would show in ``ps``)."""
    from .errors import EndpointError
    from .store import Endpoint

    endpoint = Endpoint(url)
    if user is None:
        return endpoint
    password = os.environ.get("TEXTKG_PASSWORD")
    if password is None:
        if sys.stdin is None or sys.stdin.closed or not sys.stdin.isatty():
            raise EndpointError(f"--user {user}: no password: set $TEXTKG_PASSWORD (standard input is no terminal to ask on)")
        try:
            password = typer.prompt(f"password for {user} at {endpoint.shown}", hide_input=True, err=True)
        except (EOFError, KeyboardInterrupt, _click_errors().Abort):
            raise EndpointError(f"--user {user}: no password given") from None
    return Endpoint(url, user=user, password=password)


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files: .nq, .trig (named graphs kept), .ttl, .nt, .jsonld.")],
    store: StoreDir = Path("output/store"),
    endpoint: EndpointUrl = None,
    user: User = None,
) -> None:
    """Load RDF into the embedded Oxigraph store or a SPARQL server, all or nothing."""
    from . import api

    try:
        report = api.load(files, store=store, endpoint=_endpoint(endpoint, user) if endpoint is not None else None)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
        return
    rate = report.quads / report.seconds if report.seconds else 0.0
    what = "now in the store" if endpoint is None else "sent and committed"
    typer.echo(
        f"loaded {len(report.files)} file(s) into {printable(report.target)}: {report.quads} quads {what}, "
        f"{report.graphs} named graphs, {report.seconds:.1f} s ({rate:,.0f} quads/s)"
    )


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query (or use --file).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the SPARQL query from this file.")] = None,
    store: StoreDir = Path("output/store"),
    endpoint: EndpointUrl = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, csv or json (CONSTRUCT/DESCRIBE print N-Triples).")] = "table",
    user: User = None,
    union_default_graph: Annotated[
        bool,
        typer.Option(
            "--union-default-graph/--no-union-default-graph",
            help="Embedded store: the default graph is the union of the named graphs (a server sets this itself).",
        ),
    ] = True,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop the query after this many seconds, results included.")] = 300.0,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Let a federated SERVICE clause send requests over the network.")
    ] = False,
) -> None:
    """Run a SPARQL query on the embedded store or a server and print the results as they come."""
    from . import api
    from .errors import InputError, QueryError
    from .store import QueryOptions, check_result_format, write_result

    try:
        if sparql is not None and file is not None:
            raise QueryError("give the query as an argument or with --file, not both")
        if sparql is None and file is None:
            raise QueryError("no query: give it as an argument (textkg query 'SELECT ...') or with --file q.rq")
        check_result_format(fmt)
        if file is not None:
            try:
                sparql = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(file, f"cannot read the query: {getattr(exc, 'strerror', None) or exc}") from exc
        options = QueryOptions(union_default_graph=union_default_graph, timeout=timeout, allow_service=allow_service)
        with api.query(sparql, store=store, endpoint=_endpoint(endpoint, user) if endpoint is not None else None, options=options) as result:
            write_result(result, fmt, sys.stdout)
    except BrokenPipeError:  # the reader stopped (`| head`): the rest is not wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that the exit's flush is silent
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


@app.command(name="eval")
def evaluate(
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Folder of the annotated corpora (default: ../shared/data beside the repository).")
    ] = None,
    corpora: Annotated[str, typer.Option("--corpora", help="Comma-separated: hipe, popcorn, democrat.")] = "hipe,popcorn,democrat",
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N documents of each corpus.")] = None,
) -> None:
    """Score entities and coreference against HIPE-2020, POPCORN and Democrat; print a table with spaCy's own scores beside."""
    from . import api
    from .evaluation.scoring import format_table

    try:
        scores = api.evaluate(data_dir, [c.strip() for c in corpora.split(",") if c.strip()], limit)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
        return
    typer.echo(format_table(scores))


def main() -> None:
    """The ``textkg`` command. A usage mistake (a missing argument, a bad option value) is one
    line on stderr and exit code 2, like every other error."""
    errors = _click_errors()
    try:
        code = app(standalone_mode=False)
    except getattr(errors, "NoArgsIsHelpError", ()) as exc:  # `textkg` alone: the help
        exc.show()
        sys.exit(exc.exit_code)
    except errors.ClickException as exc:
        command = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else "textkg"
        typer.secho(f"textkg: error: {printable(exc.format_message())} (see {command} --help)", err=True, fg=typer.colors.RED)
        sys.exit(exc.exit_code)
    except (errors.Abort, KeyboardInterrupt):
        typer.echo("textkg: interrupted", err=True)
        sys.exit(130)
    sys.exit(code or 0)
