"""What textkg reads in a SPARQL query before running it: federated SERVICE calls (refused unless
asked for, so a query stays offline), the prefixes it declares (textkg's own are declared for it),
and a one-line account of a syntax error.

A token scan, not a parser: rdflib's SPARQL parser refuses some queries that Oxigraph runs and is
slow on long ones, and Oxigraph exposes no parse tree. Strings, IRIs and comments are skipped whole,
so a SERVICE keyword is found only where it is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import QueryError, printable
from ..export.namespaces import PREFIXES

QUERY_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

_TOKEN = re.compile(
    r'''(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')'''
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<comment>\#[^\n]*)"""
    r"""|(?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)"""
    r"""|(?P<word>[?$]?[^\W\d][\w.-]*(?::[\w.:%\\-]*)?|:[\w.:%\\-]*)"""
    r"""|(?P<other>\S)""",
)
_POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)
_PREFIXED_NAME = re.compile(r"(?<![\w?$<])([^\W\d][\w.-]*|):")
_CHAR_CLASS = re.compile(r"\[[^\]]*(?:\.\.=|\\u\{)[^\]]*\](?:\s*\|?\s*\[[^\]]*\])*")


def _tokens(sparql: str) -> Iterator[tuple[str, str]]:
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind != "comment":
            yield kind, match.group()


def federated_services(sparql: str) -> list[str]:
    """The targets of the SERVICE clauses of ``sparql`` (an IRI, or a variable).

    >>> federated_services('SELECT * { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }')
    ['<http://example.org/sparql>']
    >>> federated_services('SELECT ?service { ?service a "SERVICE" } # SERVICE <x>')
    []
    """
    tokens = list(_tokens(sparql))
    targets = []
    for index, (kind, text) in enumerate(tokens):
        if kind == "word" and text.upper() == "SERVICE":
            following = [t for _, t in tokens[index + 1 : index + 3]]
            target = following[1] if following and following[0].upper() == "SILENT" and len(following) > 1 else following[0] if following else "?"
            targets.append(target)
    return targets


def check_offline(sparql: str, allow_service: bool) -> None:
    """QueryError if ``sparql`` calls a remote SERVICE and the user did not allow it."""
    services = federated_services(sparql)
    if services and not allow_service:
        raise QueryError(
            f"the query calls SERVICE {printable(services[0])}, a federated query that would send a request over the network; "
            "textkg's queries stay offline unless you pass --allow-service"
        )


def declared_prefixes(sparql: str) -> set[str]:
    """The prefixes ``sparql`` declares itself (``PREFIX tk: <…>``)."""
    tokens = [text for kind, text in _tokens(sparql)]
    return {tokens[i + 1].rstrip(":").split(":")[0] for i, text in enumerate(tokens[:-1]) if text.upper() == "PREFIX"}


def with_prefixes(sparql: str) -> str:
    """``sparql`` with textkg's prefixes (tk:, rdfs:, prov:, oa:, dcterms:, ...) declared before it,
    except those it declares itself; the declarations go before its first line, on that line, so a
    server's error still points at the query's own line numbers."""
    own = declared_prefixes(sparql)
    missing = " ".join(f"PREFIX {prefix}: <{iri}>" for prefix, iri in QUERY_PREFIXES.items() if prefix not in own)
    return f"{missing} {sparql}" if missing else sparql


def describe_syntax_error(sparql: str, message: str) -> str:
    """A SPARQL syntax error from Oxigraph on one readable line: where, the text there, and what
    was expected, with an undeclared prefix named as such (not as a wall of Unicode ranges).

    >>> describe_syntax_error("SELECT * WHERE { ?s a foaf:Person }", "error at 1:36: expected one of Prefix not found, ['%']")
    "invalid SPARQL at line 1, column 36: the prefix 'foaf:' is not declared (add PREFIX foaf: <...>)"
    """
    found = _POSITION.match(message)
    if found is None:
        return f"invalid SPARQL: {printable(' '.join(message.split()))}"
    line, column, detail = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = sparql.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    where = f"invalid SPARQL at line {line}, column {column}"
    if "Prefix not found" in detail:
        names = [m.group(1) for m in _PREFIXED_NAME.finditer(text) if m.start() < column - 1]
        name = names[-1] if names else "?"
        iri = QUERY_PREFIXES.get(name, "...")
        return f"{where}: the prefix '{printable(name)}:' is not declared (add PREFIX {printable(name)}: <{iri}>)"
    near = printable(text[max(0, column - 1) : column + 29].strip()) or "the end of the line"
    expected = " ".join(_CHAR_CLASS.sub("a name character", detail).split())
    if len(expected) > 160:
        expected = expected[:157] + "..."
    return f"{where}, near {near!r}: {printable(expected)}"
