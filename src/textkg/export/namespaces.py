"""Every RDF term textkg writes is built here: vocabularies and the deterministic IRIs of data."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ..errors import IriError
from ..language.names import ascii_fold

ONTOLOGY_IRI = URIRef("https://w3id.org/textkg/ontology")
TK = Namespace("https://w3id.org/textkg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
DEFAULT_BASE = "https://textkg.example/kg/"

PREFIXES = {
    "tk": TK,
    "oa": OA,
    "prov": PROV,
    "skos": SKOS,
    "schema": SCHEMA,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "rdf": RDF,
}

MAX_SLUG = 48
# Characters an N-Triples/Turtle IRIREF may not contain (RDF 1.1): controls, space, <>"{}|^`\\
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')


def slug(text: str) -> str:
    """An IRI-safe, readable fragment of any text: ASCII letters, digits and hyphens only."""
    return "-".join(ascii_fold(text).split())[:MAX_SLUG].strip("-") or "x"


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def safe_iri(value: str) -> URIRef:
    """An outside identifier (a link from the data) as an IRI every RDF syntax accepts: characters
    an IRI may not contain are percent-encoded, everything else is kept as it is.

    >>> str(safe_iri('https://example.org/a b<"c">'))
    'https://example.org/a%20b%3C%22c%22%3E'
    """
    return URIRef(_NOT_IN_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value))


def check_base_iri(base: str) -> str:
    """``base`` if it can prefix every IRI textkg mints: absolute (a scheme), and no character an
    IRI may not contain; IriError otherwise."""
    if _NOT_IN_IRI.search(base) or not urlsplit(base).scheme or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base):
        raise IriError(f"base IRI {base!r} is not an absolute IRI (e.g. https://textkg.example/kg/)")
    return base


@dataclass(frozen=True)
class Iris:
    """Deterministic IRIs under ``base``: the same input always gives the same IRIs, and no label
    text can break one (slugs are ASCII, identifiers are percent-encoded)."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        check_base_iri(self.base)
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def document(self, doc_id: str) -> URIRef:
        return self._iri("document", quote(doc_id, safe=""))

    def entity(self, node_id: str, label: str) -> URIRef:
        return self._iri("entity", f"{slug(label)}-{node_id}")

    def event(self, node_id: str) -> URIRef:
        return self._iri("event", node_id)

    def claim(self, node_id: str) -> URIRef:
        return self._iri("claim", node_id)

    @property
    def predicate_namespace(self) -> URIRef:
        return self._iri("predicate", "")

    def predicate(self, lemma: str) -> URIRef:
        return self._iri("predicate", f"{slug(lemma)}-{digest(lemma)[:6]}")

    def fact_graph(self, doc_id: str, subject: str, predicate: str, obj: str, *qualifiers: str) -> URIRef:
        """The named graph of one fact: the same (document, subject, predicate, object) is the same
        graph however often it is said; ``qualifiers`` (a negation, the claim reporting it) keep a
        denied or reported fact apart from the asserted one."""
        return self._iri("fact", digest(doc_id, subject, predicate, obj, *qualifiers))

    def run(self, version: str, doc_ids: tuple[str, ...]) -> URIRef:
        """The textkg run (a prov:Activity) that made the output: the same version over the same
        documents is the same run, so the IRI carries no clock."""
        return self._iri("run", digest(version, *doc_ids))

    def annotation(self, graph: URIRef, doc_id: str, start: int, end: int) -> URIRef:
        return self._iri("annotation", digest(str(graph), doc_id, str(start), str(end)))

    def named_graph(self, name: str) -> URIRef:
        return self._iri("graph", name)
