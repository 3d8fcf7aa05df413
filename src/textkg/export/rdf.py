"""RDF of a KnowledgeGraph, in the shape of DESIGN.md.

Named graphs: ``graph/entities`` (entities and their names), ``graph/vocabulary`` (predicates met
in the text), ``graph/claims`` (who said what, from which outlet), ``graph/provenance`` (documents,
and for every fact graph its source document, confidence and Web Annotation evidence), and one
graph per fact or event, whose IRI hashes (document, subject, predicate, object) so the same fact
stated twice in a document is one graph with two pieces of evidence. Facts inside reported speech
get graphs of their own, linked from their claim and never typed as assertions.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .. import __version__
from ..graph import CLAIM, ENTITY, EVENT, KnowledgeGraph
from ..namespaces import OA, PREFIXES, SCHEMA, TK, Iris

ENTITY_CLASSES = {
    "Person": TK.Person,
    "Organization": TK.Organization,
    "Place": TK.Place,
    "Equipment": TK.Equipment,
    "Concept": TK.Concept,
    "Date": TK.Date,
    "Misc": TK.Thing,
}
ROLE_PROPERTIES = {
    "agent": TK.agent,
    "theme": TK.theme,
    "location": TK.location,
    "time": TK.time,
    "partner": TK.partner,
    "target": TK.target,
    "instrument": TK.instrument,
}


def to_dataset(kg: KnowledgeGraph, iris: Iris | None = None) -> Dataset:
    """All named graphs of ``kg`` in one rdflib Dataset."""
    iris = iris or Iris()
    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    ds.bind("kg", iris.base)
    builder = _Builder(kg, iris, ds)
    builder.documents()
    builder.entities()
    builder.claims()
    builder.facts()
    return ds


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph in one graph (for Turtle and N-Triples)."""
    union = Graph()
    for prefix, namespace in ds.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


class _Builder:
    def __init__(self, kg: KnowledgeGraph, iris: Iris, ds: Dataset) -> None:
        self.kg, self.iris, self.ds = kg, iris, ds
        self.entities_g = ds.graph(iris.named_graph("entities"))
        self.vocab_g = ds.graph(iris.named_graph("vocabulary"))
        self.claims_g = ds.graph(iris.named_graph("claims"))
        self.prov_g = ds.graph(iris.named_graph("provenance"))
        self.node_iri: dict[str, URIRef] = {}
        for node, data in kg.graph.nodes(data=True):
            if data["kind"] == ENTITY:
                self.node_iri[node] = iris.entity(node, data["label"])
            elif data["kind"] == EVENT:
                self.node_iri[node] = iris.event(node)
            else:
                self.node_iri[node] = iris.claim(node)

    def documents(self) -> None:
        g = self.prov_g
        for doc_id, doc in sorted(self.kg.documents.items()):
            iri = self.iris.document(doc_id)
            g.add((iri, RDF.type, PROV.Entity))
            g.add((iri, RDF.type, TK.Document))
            g.add((iri, DCTERMS.identifier, Literal(doc_id)))
            g.add((iri, DCTERMS.language, Literal(doc.lang)))
            for prop, value in ((DCTERMS.title, doc.title), (DCTERMS.source, doc.source)):
                if value:
                    g.add((iri, prop, Literal(value)))
            if doc.date:
                g.add((iri, DCTERMS.date, Literal(doc.date)))
            if doc.url:
                g.add((iri, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
            g.add((iri, PROV.wasAttributedTo, TK.textkg))
            g.add((iri, TK.textkgVersion, Literal(__version__)))

    def entities(self) -> None:
        g = self.entities_g
        for node, data in self.kg.nodes_of_kind(ENTITY):
            iri = self.node_iri[node]
            lang = self._lang(data["documents"])
            g.add((iri, RDF.type, ENTITY_CLASSES.get(data["type"], TK.Thing)))
            g.add((iri, RDFS.label, Literal(data["label"])))
            g.add((iri, SKOS.prefLabel, Literal(data["label"], lang=lang)))
            for alias in data["aliases"]:
                g.add((iri, SKOS.altLabel, Literal(alias, lang=lang)))
            g.add((iri, TK.mentionCount, Literal(len(data["mentions"]))))
            for doc_id in data["documents"]:
                g.add((iri, TK.mentionedIn, self.iris.document(doc_id)))
            for scheme, value in sorted(data["links"].items()):
                g.add((iri, SKOS.exactMatch, URIRef(value)))
        for merge in self.kg.merges:
            entity = self.node_iri[merge.into]
            note = f"{merge.member[0]}#{merge.member[1]}: {merge.reason}"
            g.add((entity, TK.mergeNote, Literal(note)))

    def claims(self) -> None:
        g = self.claims_g
        for node, data in self.kg.nodes_of_kind(CLAIM):
            iri = self.node_iri[node]
            doc = self.kg.documents[data["document"]]
            g.add((iri, RDF.type, TK.Claim))
            g.add((iri, TK.cue, Literal(data["cue"])))
            for _, target, role in self.kg.graph.out_edges(node, keys=True):
                if role in ("speaker", "source"):
                    g.add((iri, TK[role], self.node_iri[target]))
            for doc_id, start, end in data["content"]:
                g.add((iri, TK.content, Literal(doc.text[start:end])))
            g.add((iri, TK.isQuote, Literal(bool(data["quote"]))))
            g.add((iri, TK.polarity, TK[data["polarity"]]))
            g.add((iri, PROV.wasDerivedFrom, self.iris.document(data["document"])))
            g.add((iri, TK.confidence, _confidence(data["confidence"])))
            for evidence in data["evidence"]:
                self._evidence(iri, evidence)

    def facts(self) -> None:
        for node, data in self.kg.nodes_of_kind(EVENT):
            iri = self.node_iri[node]
            graph_iri = self.iris.fact_graph(data["document"], str(iri), str(RDF.type), data["predicate"])
            g = self.ds.graph(graph_iri)
            g.add((iri, RDF.type, TK[data["event_class"]] if data["event_class"] else TK.Event))
            g.add((iri, TK.predicate, self._predicate(data["predicate"])))
            g.add((iri, RDFS.label, Literal(data["predicate"])))
            g.add((iri, TK.polarity, TK[data["polarity"]]))
            g.add((iri, TK.modality, TK[data["modality"]]))
            for _, target, role in self.kg.graph.out_edges(node, keys=True):
                g.add((iri, ROLE_PROPERTIES.get(role, TK.participant), self.node_iri[target]))
            self._provenance(graph_iri, data)
        for source, target, _, data in self.kg.graph.edges(keys=True, data=True):
            if data.get("kind") != "relation":
                continue
            subject, obj = self.node_iri[source], self.node_iri[target]
            predicate = self._predicate(data["predicate"])
            parts = (str(subject), str(predicate), str(obj)) if data["claim"] is None else (str(subject), str(predicate), f"{obj} {data['claim']}")
            graph_iri = self.iris.fact_graph(data["document"], *parts)
            self.ds.graph(graph_iri).add((subject, predicate, obj))
            self._provenance(graph_iri, data)

    def _predicate(self, lemma: str) -> URIRef:
        iri = self.iris.predicate(lemma)
        self.vocab_g.add((iri, RDF.type, OWL.ObjectProperty))
        self.vocab_g.add((iri, RDFS.label, Literal(lemma)))
        self.vocab_g.add((iri, RDFS.subPropertyOf, TK.relatedTo))
        return iri

    def _provenance(self, graph_iri: URIRef, data: dict) -> None:
        g = self.prov_g
        g.add((graph_iri, RDF.type, PROV.Entity))
        g.add((graph_iri, RDF.type, TK.ReportedContent if data["claim"] else TK.Assertion))
        g.add((graph_iri, PROV.wasDerivedFrom, self.iris.document(data["document"])))
        g.add((graph_iri, TK.confidence, _confidence(data["confidence"])))
        if data["claim"]:
            self.claims_g.add((self.node_iri[data["claim"]], TK.reports, graph_iri))
        for evidence in data["evidence"]:
            self._evidence(graph_iri, evidence)

    def _evidence(self, target: URIRef, evidence: tuple[str, int, int]) -> None:
        doc_id, start, end = evidence
        g = self.prov_g
        annotation = self.iris.annotation(target, doc_id, start, end)
        selector_target = URIRef(f"{annotation}#target")
        quote, position = URIRef(f"{annotation}#quote"), URIRef(f"{annotation}#position")
        g.add((target, TK.evidence, annotation))
        g.add((annotation, RDF.type, OA.Annotation))
        g.add((annotation, OA.hasBody, target))
        g.add((annotation, OA.hasTarget, selector_target))
        g.add((selector_target, OA.hasSource, self.iris.document(doc_id)))
        g.add((selector_target, OA.hasSelector, quote))
        g.add((selector_target, OA.hasSelector, position))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(self.kg.documents[doc_id].text[start:end])))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
        g.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))

    def _lang(self, doc_ids: list[str]) -> str | None:
        langs = {self.kg.documents[d].lang for d in doc_ids if d in self.kg.documents}
        return langs.pop() if len(langs) == 1 else None


def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(value)).quantize(Decimal("0.01")), datatype=XSD.decimal)
