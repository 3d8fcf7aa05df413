"""Every RDF term textkg writes is built here: vocabularies and the deterministic IRIs of data."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph
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
# Characters an N-Triples/Turtle IRIREF may not contain (RDF 1.1): controls, space, <>"{}|^`\\;
# and any Unicode space (U+00A0, U+2028, ...), which RFC 3987 allows but rdflib's parsers do not.
_NOT_IN_IRI = re.compile(r'[\s\x00-\x20<>"{}|^`\\\x7f-\x9f]')
# ... and what RFC 3987 leaves out of an IRI besides: non-characters, a "%" that starts no
# percent-encoding.
_NOT_IN_LINK = re.compile(r'[\s\x00-\x20<>"{}|^`\\\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|%(?![0-9A-Fa-f]{2})')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# A local name that every RDF syntax writes as it is, in an IRI or after a prefix.
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def slug(text: str) -> str:
    """An IRI-safe, readable fragment of any text: ASCII letters, digits and hyphens only."""
    return "-".join(ascii_fold(text).split())[:MAX_SLUG].strip("-") or "x"


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _percent_encode(match: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in match.group().encode("utf-8"))


def safe_iri(value: str) -> URIRef:
    """An outside identifier (a link from the data) as an IRI every RDF syntax accepts: characters
    an IRI may not contain are percent-encoded, everything else is kept as it is. A link that is
    still no IRI after that (a bad port, a second "#") keeps its scheme and has the rest encoded
    whole; one without a scheme raises IriError (records read back are checked for it).

    >>> str(safe_iri('https://example.org/a b<"c">'))
    'https://example.org/a%20b%3C%22c%22%3E'
    >>> str(safe_iri('http://example.org:port/#a#b'))
    'http:%2F%2Fexample.org%3Aport%2F%23a%23b'
    """
    scheme = _SCHEME.match(value)
    if scheme is None:
        raise IriError(f"link {value!r} is not an absolute IRI")
    encoded = _NOT_IN_LINK.sub(_percent_encode, value)
    try:
        pyoxigraph.NamedNode(encoded)
    except ValueError:
        encoded = scheme.group() + quote(value[scheme.end() :], safe="")
    return URIRef(_without_dot_segments(encoded))


_AUTHORITY = re.compile(r"//[^/?#]*")


def _without_dot_segments(iri: str) -> str:
    """``iri`` with its "." and ".." path segments percent-encoded: Turtle parsers that resolve
    them (rdflib, Raptor) and those that keep them (Oxigraph) then read the same IRI.

    >>> _without_dot_segments("http://example.org/a/../b/./c?x=..")
    'http://example.org/a/%2E%2E/b/%2E/c?x=..'
    """
    scheme, _, rest = iri.partition(":")
    authority = _AUTHORITY.match(rest)
    start = authority.end() if authority else 0
    end = min((i for i in (rest.find("?", start), rest.find("#", start)) if i >= 0), default=len(rest))
    segments = ["%2E" * len(s) if s in (".", "..") else s for s in rest[start:end].split("/")]
    return f"{scheme}:{rest[:start]}{'/'.join(segments)}{rest[end:]}"


def vocabulary_term(name: str) -> URIRef:
    """The ontology term ``tk:name`` for a name from the data (an event class, a polarity); a name
    that is not a plain local name is percent-encoded whole, so no record field can end the IRI.

    >>> str(vocabulary_term("Meeting")), str(vocabulary_term("Meeting> <x"))
    ('https://w3id.org/textkg/ontology#Meeting', 'https://w3id.org/textkg/ontology#Meeting%3E%20%3Cx')
    """
    return TK[name] if _LOCAL_NAME.fullmatch(name) else URIRef(str(TK) + quote(name, safe=""))


def check_base_iri(base: str) -> str:
    """``base`` if it can prefix every IRI textkg mints: an absolute IRI (RFC 3987, as Oxigraph
    checks it) with no character that N-Triples or Turtle refuse and no "." or ".." segment
    (which some parsers resolve away); IriError otherwise."""
    problem = _NOT_IN_IRI.search(base) or not _SCHEME.match(base) or _without_dot_segments(base) != base
    if not problem:
        try:
            pyoxigraph.NamedNode(base + "x")
        except ValueError:
            problem = True
    if problem:
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

    def event(self, node_id: str, predicate: str) -> URIRef:
        """An event's IRI, readable by its predicate: ``event/deployer-V1f0c…``."""
        return self._iri("event", f"{slug(predicate)}-{node_id}")

    def claim(self, node_id: str, who: str) -> URIRef:
        """A claim's IRI, readable by who made it (or its cue): ``claim/jean-dupont-C3b2a…``."""
        return self._iri("claim", f"{slug(who)}-{node_id}")

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
