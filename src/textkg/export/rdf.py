"""RDF of a KnowledgeGraph, in the shape of DESIGN.md.

Named graphs, in this order: the ontology (``https://w3id.org/textkg/ontology``, the vocabulary
with its French and English labels), ``graph/entities`` (entities and their names),
``graph/vocabulary`` (predicates met in the text), ``graph/claims`` (who said what, from which
outlet), one graph per fact or event, and ``graph/provenance`` (documents, the textkg run, and for
every fact graph its source document, confidence, polarity, modality and Web Annotation
evidence). A fact graph's IRI hashes (document, subject, predicate, object), so the same fact
stated twice in a document is one graph with two pieces of evidence. Facts inside reported speech
get graphs of their own, linked from their claim and never typed as assertions.

In the provenance graph every fact graph also names what it states, so that queries over the
union of the graphs need no GRAPH clause: ``rdf:subject`` (the event, or the subject of a binary
fact) and, for a binary fact, ``rdf:predicate`` and ``rdf:object``.

``quads`` walks the KnowledgeGraph and yields every quad graph after graph, without duplicates and
in a deterministic order; the N-Quads, N-Triples, Turtle, TriG and JSON-LD writers here stream it,
so a corpus never becomes one rdflib Dataset (and the graph order does not depend on Python's hash
seed, as rdflib's serializers' does). ``to_dataset`` builds that Dataset, for tests and small
graphs. Every IRI is minted in ``namespaces``: no record field reaches one unencoded.
"""

from __future__ import annotations

from collections import Counter

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import IO

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from .. import __version__
from ..graph import CLAIM, ENTITY, EVENT, KnowledgeGraph
from .namespaces import OA, ONTOLOGY_IRI, PREFIXES, SCHEMA, TK, Iris, safe_iri, vocabulary_term
from ..language.files import ontology_dir

# How many mentions of an entity are names, descriptions ("le ministre") and pronouns.
MENTION_KIND_COUNTS = {"name": TK.nameMentionCount, "description": TK.descriptionMentionCount, "pronoun": TK.pronounMentionCount}
# Entity "type" strings are the local names of their ontology classes.
ENTITY_CLASSES = {
    name: TK[name]
    for name in (
        "Person",
        "Organization",
        "NewsAgency",
        "IntergovernmentalOrganization",
        "GovernmentBody",
        "ArmedForces",
        "Company",
        "Place",
        "Country",
        "City",
        "Region",
        "Product",
        "Equipment",
        "WeaponSystem",
        "Vehicle",
        "Concept",
        "Date",
    )
} | {"Misc": TK.Thing}
# Outside identifiers of the thing itself are exact matches; a code page is close; a capital
# acting for its country ("selon Madrid") represents it, it is not the same thing.
LINK_PROPERTIES = {
    "geonames": SKOS.exactMatch,
    "wikidata": SKOS.exactMatch,
    "kb": SKOS.exactMatch,
    "represents": TK.represents,
}
ROLE_PROPERTIES = {
    "agent": TK.agent,
    "theme": TK.theme,
    "location": TK.location,
    "time": TK.time,
    "partner": TK.partner,
    "target": TK.target,
    "instrument": TK.instrument,
    "recipient": TK.recipient,
    "destination": TK.destination,
    "origin": TK.origin,
}

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]
Evidence = tuple[str, int, int]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class RdfOptions:
    """What goes into the RDF beyond the graph itself. ``run_time`` adds the wall-clock time of
    the run (prov:startedAtTime); left out by default so the same input gives the same bytes."""

    include_ontology: bool = True
    run_time: datetime | None = None


@dataclass(frozen=True)
class FactGraph:
    """One named graph of facts: an event with its roles, or one binary relation, merged over every
    place the document states it (highest confidence, every piece of evidence)."""

    iri: URIRef
    triples: tuple[Triple, ...]
    # What the graph states, for queries without GRAPH: its subject (the event, or the subject of
    # a binary fact) and, for a binary fact, its predicate and object.
    statement: tuple[URIRef, ...]
    document: str
    confidence: float
    polarity: str
    modality: str
    claim: str | None
    evidence: tuple[Evidence, ...] = field(default=())
    triggers: tuple[Evidence, ...] = field(default=())


def quads(kg: KnowledgeGraph, iris: Iris | None = None, options: RdfOptions = RdfOptions()) -> Iterator[Quad]:
    """Every quad of ``kg``'s RDF, graph after graph (each graph contiguous), without duplicates,
    in an order that depends only on the input. U+0000, U+FFFE and U+FFFF in a literal become
    U+FFFD: Raptor (and other tools written in C) end a string there and would drop the rest."""
    return (_c_safe(quad) for quad in _QuadBuilder(kg, iris or Iris(), options).quads())


_C_UNSAFE = re.compile(r"[\x00\ufffe\uffff]")


def _c_safe(quad: Quad) -> Quad:
    s, p, o, g = quad
    if type(o) is Literal and _C_UNSAFE.search(o):
        return s, p, Literal(_C_UNSAFE.sub("\ufffd", o), lang=o.language, datatype=o.datatype), g
    return quad


def to_dataset(kg: KnowledgeGraph, iris: Iris | None = None, options: RdfOptions = RdfOptions()) -> Dataset:
    """All named graphs of ``kg`` in one rdflib Dataset (for one document or a small corpus)."""
    iris = iris or Iris()
    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    ds.bind("kg", iris.base)
    for quad in quads(kg, iris, options):
        ds.add(quad)
    return ds


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph in one graph (for SHACL validation)."""
    union = Graph()
    for prefix, namespace in ds.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def output_prefixes(iris: Iris) -> dict[str, str]:
    """The prefixes of textkg's Turtle, TriG and JSON-LD (the JSON-LD context): the vocabularies, the base
    of the minted IRIs and the namespace of the predicates met in the text."""
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {"kg": iris.base, "kgp": str(iris.predicate_namespace)}


# --- N-Triples / N-Quads syntax (canonical RDF 1.1 form, written without rdflib) -------------

_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Controls (C0, DEL, C1) and the Unicode line separators are escaped too, so that a parser that
# splits lines on more than "\n" still sees one statement per line.
_TO_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\x9f\u2028\u2029]')


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def nt_term(term: Node) -> str:
    """One IRI or literal in N-Triples syntax.

    >>> print(nt_term(Literal('dit "non"', lang="fr")), nt_term(Literal(3)))
    "dit \\"non\\""@fr "3"^^<http://www.w3.org/2001/XMLSchema#integer>
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        lexical = '"' + _TO_ESCAPE.sub(_escape, str(term)) + '"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    raise TypeError(f"textkg writes no {type(term).__name__} terms: {term!r}")


def write_nquads(quad_stream: Iterable[Quad], handle: IO[str]) -> int:
    """Write quads as N-Quads lines as they come; returns how many were written."""
    count = 0
    for s, p, o, g in quad_stream:
        handle.write(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {nt_term(g)} .\n")
        count += 1
    return count


_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)


class _Terms:
    """Terms in Turtle/TriG syntax, as plain strings: IRIs under a known namespace as prefixed
    names, memoised (the same few thousand IRIs come back on every line of a corpus; rdflib's own
    term comparisons are slow at that scale, so only plain strings are compared here)."""

    def __init__(self, namespaces: dict[str, str]) -> None:
        self._by_length = sorted(namespaces.items(), key=lambda item: -len(item[1]))  # longest first
        self._iris: dict[str, str] = {}

    def iri(self, value: str) -> str:
        written = self._iris.get(value)
        if written is None:
            written = f"<{value}>"
            for prefix, namespace in self._by_length:
                if value.startswith(namespace) and _PN_LOCAL.fullmatch(value[len(namespace) :]):
                    written = f"{prefix}:{value[len(namespace):]}"
                    break
            if len(self._iris) < 1_000_000:  # a bound, so a corpus of unique IRIs cannot grow it forever
                self._iris[value] = written
        return written

    def term(self, node: Node) -> str:
        return self.iri(str(node)) if isinstance(node, URIRef) else nt_term(node)

    def triple(self, s: Node, p: Node, o: Node) -> tuple[str, str, str]:
        predicate = str(p)
        return self.iri(str(s)), "a" if predicate == _RDF_TYPE else self.iri(predicate), self.term(o)

    def prefixes(self) -> str:
        return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(self._by_length))


def _statements(triples: Iterable[tuple[str, str, str]]) -> Iterator[tuple[str, int]]:
    """One Turtle statement (subject, then its predicate-object list) per run of written triples
    with the same subject, with the number of triples it holds."""
    for subject, same in groupby(triples, key=itemgetter(0)):
        pairs = [f"{p} {o}" for _, p, o in same]
        yield f"{subject}\n        " + " ;\n        ".join(pairs) + " .\n", len(pairs)


def _once(triples: Iterable[tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    """Each written triple once, however many graphs hold it (only a 16-byte digest of each is
    remembered, so memory stays small at corpus size)."""
    seen: set[bytes] = set()
    for triple in triples:
        key = hashlib.blake2b("\x00".join(triple).encode("utf-8"), digest_size=16).digest()
        if key not in seen:
            seen.add(key)
            yield triple


def write_ntriples(quad_stream: Iterable[Quad], handle: IO[str]) -> int:
    """Write the union of the quads' graphs as N-Triples lines as they come (a triple in two
    graphs is written once); returns the count."""
    count = 0
    for s, p, o in _once((nt_term(s), nt_term(p), nt_term(o)) for s, p, o, _ in quad_stream):
        handle.write(f"{s} {p} {o} .\n")
        count += 1
    return count


def write_turtle(quad_stream: Iterable[Quad], namespaces: dict[str, str], handle: IO[str]) -> int:
    """Write the union of the quads' graphs as Turtle as they come, one statement per subject and
    run (a triple in two graphs once); IRIs under ``namespaces`` as prefixed names. Returns the
    triple count."""
    terms = _Terms(namespaces)
    handle.write(terms.prefixes())
    count = 0
    for statement, size in _statements(_once(terms.triple(s, p, o) for s, p, o, _ in quad_stream)):
        handle.write("\n" + statement)
        count += size
    return count


def write_trig(quad_stream: Iterable[Quad], namespaces: dict[str, str], handle: IO[str]) -> int:
    """Write quads as TriG, one block per named graph in the order they come and one statement per
    subject; IRIs under ``namespaces`` are written as prefixed names. Returns the quad count."""
    terms = _Terms(namespaces)
    handle.write(terms.prefixes())
    count = 0
    for graph, in_graph in groupby(quad_stream, key=lambda quad: str(quad[3])):
        handle.write(f"\n{terms.iri(graph)} {{\n")
        for statement, size in _statements(terms.triple(s, p, o) for s, p, o, _ in in_graph):
            handle.write("    " + statement)
            count += size
        handle.write("}\n")
    return count


def write_jsonld(quad_stream: Iterable[Quad], context: dict[str, str], handle: IO[str]) -> int:
    """Write quads as JSON-LD: ``context`` inlined, one graph object per named graph (one line
    each) in the order they come, nodes sorted by IRI; IRIs under the context's prefixes as compact
    IRIs. Returns the quad count."""
    by_length = sorted(context.items(), key=lambda item: -len(item[1]))
    compacted: dict[str, str] = {}

    def compact(iri: str) -> str:
        short = compacted.get(iri)
        if short is None:
            short = iri
            for prefix, namespace in by_length:
                if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace) :].startswith("//"):
                    short = f"{prefix}:{iri[len(namespace):]}"
                    break
            if len(compacted) < 1_000_000:
                compacted[iri] = short
        return short

    def value(node: Node) -> dict[str, str]:
        if isinstance(node, URIRef):
            return {"@id": str(node)}
        if isinstance(node, Literal):
            if node.language:
                return {"@value": str(node), "@language": node.language}
            datatype = str(node.datatype) if node.datatype is not None else _XSD_STRING
            return {"@value": str(node)} if datatype == _XSD_STRING else {"@value": str(node), "@type": compact(datatype)}
        raise TypeError(f"textkg writes no {type(node).__name__} terms: {node!r}")

    # json.dumps without indent runs json's C encoder: several times faster at corpus size
    handle.write('{\n "@context": ' + json.dumps(context, indent=1, sort_keys=True).replace("\n", "\n ") + ',\n "@graph": [')
    count = 0
    for index, (graph, in_graph) in enumerate(groupby(quad_stream, key=lambda quad: str(quad[3]))):
        nodes: dict[str, dict[str, list]] = {}
        for s, p, o, _ in in_graph:
            node = nodes.setdefault(str(s), {})
            if str(p) == _RDF_TYPE and isinstance(o, URIRef):
                node.setdefault("@type", []).append(compact(str(o)))
            else:
                node.setdefault(compact(str(p)), []).append(value(o))
            count += 1
        members = [{"@id": iri, **properties} for iri, properties in sorted(nodes.items())]
        text = json.dumps({"@id": graph, "@graph": members}, ensure_ascii=False, separators=(",", ":"))
        handle.write(("," if index else "") + "\n  " + text)
    handle.write("\n ]\n}\n")
    return count


# --- building -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def ontology_triples() -> tuple[Triple, ...]:
    """The triples of ontology/textkg.ttl in a fixed order (it holds no blank node, so its
    N-Quads are the same on every run)."""
    graph = Graph().parse(ontology_dir() / "textkg.ttl", format="turtle")
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        raise ValueError("ontology/textkg.ttl must not use blank nodes: their labels would change the output bytes")
    return tuple(sorted(graph, key=lambda triple: tuple(nt_term(term) for term in triple)))


def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(value)).quantize(Decimal("0.01")), datatype=XSD.decimal)


def _unique(triples: Iterable[Triple]) -> Iterator[Triple]:
    return iter(dict.fromkeys(triples))


class _QuadBuilder:
    def __init__(self, kg: KnowledgeGraph, iris: Iris, options: RdfOptions) -> None:
        self.kg, self.iris, self.options = kg, iris, options
        self.node_iri: dict[str, URIRef] = {}
        for node, data in kg.graph.nodes(data=True):
            if data["kind"] == ENTITY:
                self.node_iri[node] = iris.entity(node, data["label"])
            elif data["kind"] == EVENT:
                self.node_iri[node] = iris.event(node, data["predicate"])
            else:
                self.node_iri[node] = iris.claim(node, self._claimant(node, data))
        self.doc_ids = tuple(sorted(kg.documents))
        self.run = iris.run(__version__, self.doc_ids)
        self.facts = self._fact_graphs()

    def quads(self) -> Iterator[Quad]:
        if self.options.include_ontology:
            yield from self._in_graph(ONTOLOGY_IRI, ontology_triples())
        yield from self._in_graph(self.iris.named_graph("entities"), self._entities())
        yield from self._in_graph(self.iris.named_graph("vocabulary"), self._vocabulary())
        yield from self._in_graph(self.iris.named_graph("claims"), self._claims())
        for fact in self.facts.values():
            yield from self._in_graph(fact.iri, fact.triples)
        yield from self._in_graph(self.iris.named_graph("provenance"), self._provenance())

    def _claimant(self, node: str, data: dict) -> str:
        """Who made a claim, for its IRI: the speaker's label, else the outlet's, else the cue."""
        parties = {role: target for _, target, role in self.kg.graph.out_edges(node, keys=True)}
        party = parties.get("speaker") or parties.get("source")
        return self.kg.graph.nodes[party]["label"] if party is not None else data["cue"]

    @staticmethod
    def _in_graph(graph: URIRef, triples: Iterable[Triple]) -> Iterator[Quad]:
        return ((s, p, o, graph) for s, p, o in triples)

    # facts

    def _fact_graphs(self) -> dict[URIRef, FactGraph]:
        facts: dict[URIRef, FactGraph] = {}
        for fact in self._events():
            facts[fact.iri] = fact
        for fact in self._relations():
            known = facts.get(fact.iri)
            if known is not None:  # the same fact stated again: one graph, more evidence
                fact = FactGraph(
                    iri=fact.iri,
                    triples=known.triples,
                    statement=known.statement,
                    document=known.document,
                    confidence=max(known.confidence, fact.confidence),
                    polarity=known.polarity,
                    modality=known.modality,
                    claim=known.claim,
                    evidence=tuple(dict.fromkeys(known.evidence + fact.evidence)),
                    triggers=tuple(dict.fromkeys(known.triggers + fact.triggers)),
                )
            facts[fact.iri] = fact
        return facts

    def _events(self) -> Iterator[FactGraph]:
        for node, data in self.kg.nodes_of_kind(EVENT):
            iri = self.node_iri[node]
            triples = [
                (iri, RDF.type, vocabulary_term(data["event_class"]) if data["event_class"] else TK.Event),
                (iri, TK.predicate, self.iris.predicate(data["predicate"])),
                (iri, RDFS.label, Literal(data["predicate"])),
                (iri, TK.polarity, vocabulary_term(data["polarity"])),
                (iri, TK.modality, vocabulary_term(data["modality"])),
            ]
            for _, target, role in self.kg.graph.out_edges(node, keys=True):
                triples.append((iri, ROLE_PROPERTIES.get(role, TK.participant), self.node_iri[target]))
            graph = self.iris.fact_graph(data["document"], str(iri), str(RDF.type), data["predicate"])
            yield self._fact(graph, triples, (iri,), data)

    def _relations(self) -> Iterator[FactGraph]:
        for source, target, _, data in self.kg.graph.edges(keys=True, data=True):
            if data.get("kind") != "relation":
                continue
            subject, obj = self.node_iri[source], self.node_iri[target]
            predicate = self.iris.predicate(data["predicate"])
            qualifiers = [q for q in (data["polarity"], data["modality"]) if q not in ("positive", "asserted")]
            if data["claim"] is not None:
                qualifiers.append(str(self.node_iri[data["claim"]]))
            graph = self.iris.fact_graph(data["document"], str(subject), str(predicate), str(obj), *qualifiers)
            yield self._fact(graph, [(subject, predicate, obj)], (subject, predicate, obj), data)

    @staticmethod
    def _fact(graph: URIRef, triples: list[Triple], statement: tuple[URIRef, ...], data: dict) -> FactGraph:
        return FactGraph(
            iri=graph,
            triples=tuple(_unique(triples)),
            statement=statement,
            document=data["document"],
            confidence=data["confidence"],
            polarity=data["polarity"],
            modality=data["modality"],
            claim=data["claim"],
            evidence=tuple(dict.fromkeys(tuple(e) for e in data["evidence"])),
            triggers=(tuple(data["trigger"]),) if data.get("trigger") else (),
        )

    # the other graphs

    def _entities(self) -> Iterator[Triple]:
        notes: dict[str, list[str]] = {}
        for merge in self.kg.merges:
            notes.setdefault(merge.into, []).append(f"{merge.member[0]}#{merge.member[1]}: {merge.reason}")
        for node, data in self.kg.nodes_of_kind(ENTITY):
            iri = self.node_iri[node]
            lang = self._lang(data["documents"])
            triples = [
                (iri, RDF.type, ENTITY_CLASSES.get(data["type"], TK.Thing)),
                (iri, RDFS.label, Literal(data["label"])),
                (iri, SKOS.prefLabel, Literal(data["label"], lang=lang)),
            ]
            triples += [(iri, SKOS.altLabel, Literal(alias, lang=lang)) for alias in data["aliases"] if alias != data["label"]]
            triples.append((iri, TK.mentionCount, Literal(len(data["mentions"]))))
            kinds = Counter(data["mention_kinds"])
            triples += [(iri, prop, Literal(kinds[kind])) for kind, prop in MENTION_KIND_COUNTS.items() if kinds[kind]]
            triples += [(iri, TK.mentionedIn, self.iris.document(doc_id)) for doc_id in data["documents"]]
            triples += [(iri, LINK_PROPERTIES.get(name, SKOS.closeMatch), safe_iri(value)) for name, value in sorted(data["links"].items())]
            triples += [(iri, TK.mergeNote, Literal(note)) for note in notes.get(node, ())]
            yield from _unique(triples)

    def _vocabulary(self) -> Iterator[Triple]:
        lemmas = dict.fromkeys(data["predicate"] for _, data in self.kg.nodes_of_kind(EVENT))
        lemmas.update(dict.fromkeys(d["predicate"] for *_, d in self.kg.graph.edges(data=True) if d.get("kind") == "relation"))
        for lemma in lemmas:
            iri = self.iris.predicate(lemma)
            yield (iri, RDF.type, OWL.ObjectProperty)
            yield (iri, RDFS.label, Literal(lemma))
            yield (iri, RDFS.subPropertyOf, TK.relatedTo)

    def _claims(self) -> Iterator[Triple]:
        reported: dict[str, list[URIRef]] = {}
        for fact in self.facts.values():
            if fact.claim is not None:
                reported.setdefault(fact.claim, []).append(fact.iri)
        for node, data in self.kg.nodes_of_kind(CLAIM):
            iri = self.node_iri[node]
            triples = [(iri, RDF.type, TK.Claim), (iri, TK.cue, Literal(data["cue"])), (iri, TK.stance, Literal(data["stance"]))]
            for _, target, role in self.kg.graph.out_edges(node, keys=True):
                if role in ("speaker", "source"):
                    triples.append((iri, TK[role], self.node_iri[target]))
            triples += [(iri, TK.content, Literal(self.kg.evidence_text(span))) for span in data["content"]]
            triples += [
                (iri, TK.isQuote, Literal(bool(data["quote"]))),
                (iri, TK.polarity, vocabulary_term(data["polarity"])),
                (iri, PROV.wasDerivedFrom, self.iris.document(data["document"])),
                (iri, TK.confidence, _confidence(data["confidence"])),
            ]
            triples += [(iri, TK.reports, graph) for graph in reported.get(node, ())]
            yield from _unique(triples)

    def _provenance(self) -> Iterator[Triple]:
        yield from self._run()
        for doc_id in self.doc_ids:
            yield from self._document(doc_id)
        for node, data in self.kg.nodes_of_kind(CLAIM):
            for evidence in dict.fromkeys(tuple(e) for e in data["evidence"]):
                yield from self._evidence(self.node_iri[node], evidence)
        for fact in self.facts.values():
            g = fact.iri
            yield (g, RDF.type, PROV.Entity)
            yield (g, RDF.type, TK.ReportedContent if fact.claim else TK.Assertion)
            yield (g, PROV.wasDerivedFrom, self.iris.document(fact.document))
            yield (g, PROV.wasGeneratedBy, self.run)
            for prop, node in zip((RDF.subject, RDF.predicate, RDF.object), fact.statement):
                yield (g, prop, node)
            yield (g, TK.confidence, _confidence(fact.confidence))
            yield (g, TK.polarity, vocabulary_term(fact.polarity))
            yield (g, TK.modality, vocabulary_term(fact.modality))
            for evidence in fact.evidence:
                yield from self._evidence(g, evidence)
            for trigger in fact.triggers:
                yield from self._evidence(g, trigger, TK.trigger)

    def _run(self) -> Iterator[Triple]:
        yield (self.run, RDF.type, PROV.Activity)
        yield (self.run, PROV.wasAssociatedWith, TK.textkg)
        yield (self.run, TK.textkgVersion, Literal(__version__))
        if self.options.run_time is not None:
            yield (self.run, PROV.startedAtTime, Literal(self.options.run_time.isoformat(), datatype=XSD.dateTime))
        for doc_id in self.doc_ids:
            yield (self.run, PROV.used, self.iris.document(doc_id))

    def _document(self, doc_id: str) -> Iterator[Triple]:
        doc = self.kg.documents[doc_id]
        iri = self.iris.document(doc_id)
        yield (iri, RDF.type, PROV.Entity)
        yield (iri, RDF.type, TK.Document)
        yield (iri, DCTERMS.identifier, Literal(doc_id))
        yield (iri, DCTERMS.language, Literal(doc.lang))
        for prop, value in ((DCTERMS.title, doc.title), (DCTERMS.source, doc.source)):
            if value:
                yield (iri, prop, Literal(value))
        if doc.date:
            yield (iri, DCTERMS.date, Literal(doc.date, datatype=XSD.date if _ISO_DATE.fullmatch(doc.date) else None))
        if doc.url:
            yield (iri, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI))

    def _evidence(self, target: URIRef, evidence: Evidence, prop: URIRef = TK.evidence) -> Iterator[Triple]:
        """``target`` ``prop`` an annotation selecting ``evidence`` by exact quote and position."""
        doc_id, start, end = evidence
        annotation = self.iris.annotation(target, doc_id, start, end)
        selector_target = URIRef(f"{annotation}#target")
        quote, position = URIRef(f"{annotation}#quote"), URIRef(f"{annotation}#position")
        yield (target, prop, annotation)
        yield (annotation, RDF.type, OA.Annotation)
        yield (annotation, OA.hasBody, target)
        yield (annotation, OA.hasTarget, selector_target)
        yield (selector_target, OA.hasSource, self.iris.document(doc_id))
        yield (selector_target, OA.hasSelector, quote)
        yield (selector_target, OA.hasSelector, position)
        yield (quote, RDF.type, OA.TextQuoteSelector)
        yield (quote, OA.exact, Literal(self.kg.evidence_text(evidence)))
        yield (position, RDF.type, OA.TextPositionSelector)
        yield (position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger))
        yield (position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger))

    def _lang(self, doc_ids: list[str]) -> str | None:
        langs = {self.kg.documents[d].lang for d in doc_ids if d in self.kg.documents}
        return langs.pop() if len(langs) == 1 else None
