"""The ``textkg`` command: a thin typer layer over textkg.api (heavy imports inside commands)."""

from __future__ import annotations

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
    run_time: Annotated[
        bool, typer.Option("--run-time", help="Record the time of the run in the RDF provenance (the output then differs between runs).")
    ] = False,
) -> None:
    """Extract, merge and export: graph.html, RDF (Turtle, N-Quads, TriG, JSON-LD), GraphML and extraction.jsonl."""
    from datetime import datetime, timezone

    from . import api

    try:
        result = api.build(
            inputs,
            output_dir=output_dir,
            formats=[f.strip() for f in formats.split(",") if f.strip()],
            base_iri=base_iri,
            lang=lang,
            merge_across=merge_across,
            run_time=datetime.now(timezone.utc).replace(microsecond=0) if run_time else None,
        )
    except Exception as exc:  # noqa: BLE001 - _fail re-raises anything that is not ours
        _fail(exc)
        return
    graph = result.graph.graph
    typer.echo(f"{result.documents} document(s): {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    for path in result.written:
        typer.echo(f"  wrote {path}")


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSONL file of extraction records to write.")],
    lang: Lang = "fr",
) -> None:
    """Write one extraction record (entities, relations, events, claims) per document as JSON lines."""
    from . import api

    try:
        count = api.write_records(api.extract_paths(inputs, lang=lang), output)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
        return
    typer.echo(f"wrote {count} record(s) to {output}")


StoreDir = Annotated[Path, typer.Option("--store", help="The embedded Oxigraph store (a directory).")]
EndpointUrl = Annotated[
    str | None,
    typer.Option("--endpoint", help="A SPARQL endpoint URL instead of the embedded store (load: Graph Store Protocol URL; query: query URL)."),
]
User = Annotated[str | None, typer.Option("--user", help="User name for HTTP basic authentication at the endpoint.")]
Password = Annotated[
    str | None, typer.Option("--password", envvar="TEXTKG_PASSWORD", help="Password for --user (default: $TEXTKG_PASSWORD, else asked).")
]


def _endpoint(url: str, user: str | None, password: str | None):
    from .store import Endpoint

    if user is not None and password is None:
        password = typer.prompt(f"password for {user} at {url}", hide_input=True)
    return Endpoint(url, user=user, password=password)


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files: .nq, .trig (named graphs kept), .ttl, .nt, .jsonld.")],
    store: StoreDir = Path("output/store"),
    endpoint: EndpointUrl = None,
    user: User = None,
    password: Password = None,
) -> None:
    """Load RDF into the embedded Oxigraph store (bulk load) or a Graph Store Protocol endpoint: all or nothing."""
    from . import store as stores

    try:
        if endpoint is None:
            report = stores.load_into_store(files, store)
        else:
            report = stores.load_into_endpoint(files, _endpoint(endpoint, user, password))
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
        return
    rate = report.quads / report.seconds if report.seconds else 0.0
    what = "now in the store" if endpoint is None else "sent"
    typer.echo(
        f"loaded {len(report.files)} file(s) into {report.target}: {report.quads} quads {what}, "
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
    password: Password = None,
) -> None:
    """Run a SPARQL query on the embedded store or an endpoint and print the results."""
    from . import store as stores
    from .errors import InputError, StoreError

    try:
        if (sparql is None) == (file is None):
            raise StoreError("give the query either as an argument or with --file, not both")
        if file is not None:
            try:
                sparql = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(file, f"cannot read the query: {exc}") from exc
        if endpoint is None:
            result = stores.query_store(sparql, store)
        else:
            result = stores.query_endpoint(sparql, _endpoint(endpoint, user, password))
        typer.echo(stores.format_result(result, fmt), nl=False)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("textkg: interrupted", err=True)
        sys.exit(130)
