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
Kb = Annotated[
    Path | None, typer.Option("--kb", help="A knowledge base (CSV: label, aliases, type, iri; or SKOS Turtle) adding aliases, types, links.")
]


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
    kb: Kb = None,
) -> None:
    """Extract, merge and export: graph.html, RDF (Turtle, N-Quads, TriG, JSON-LD), GraphML and extraction.jsonl."""
    from . import api

    try:
        result = api.build(
            inputs,
            output_dir=output_dir,
            formats=[f.strip() for f in formats.split(",") if f.strip()],
            base_iri=base_iri,
            lang=lang,
            merge_across=merge_across,
            kb=kb,
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
    kb: Kb = None,
) -> None:
    """Write one extraction record (entities, relations, events, claims) per document as JSON lines."""
    from . import api

    try:
        count = api.write_records(api.extract_paths(inputs, lang=lang, kb=kb), output)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
        return
    typer.echo(f"wrote {count} record(s) to {output}")


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
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("textkg: interrupted", err=True)
        sys.exit(130)
