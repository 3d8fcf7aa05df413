"""Every RDF term textkg writes is built here: vocabularies and the deterministic IRIs of data."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .names import ascii_fold

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


def slug(text: str) -> str:
    """An IRI-safe, readable fragment of any text: ASCII letters, digits and hyphens only."""
    return "-".join(ascii_fold(text).split())[:MAX_SLUG].strip("-") or "x"


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Iris:
    """Deterministic IRIs under ``base``: the same input always gives the same IRIs, and no label
    text can break one (slugs are ASCII, identifiers are percent-encoded)."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
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

    def predicate(self, lemma: str) -> URIRef:
        return self._iri("predicate", f"{slug(lemma)}-{digest(lemma)[:6]}")

    def fact_graph(self, doc_id: str, subject: str, predicate: str, obj: str) -> URIRef:
        return self._iri("fact", digest(doc_id, subject, predicate, obj))

    def annotation(self, graph: URIRef, doc_id: str, start: int, end: int) -> URIRef:
        return self._iri("annotation", digest(str(graph), doc_id, str(start), str(end)))

    def named_graph(self, name: str) -> URIRef:
        return self._iri("graph", name)
