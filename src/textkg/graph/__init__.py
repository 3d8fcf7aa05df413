"""The knowledge graph: one networkx MultiDiGraph that every exporter reads.

Nodes have a ``kind``: ``entity``, ``event`` (an n-ary relation, joined to its role players by
edges keyed by role), ``claim`` (joined to its speaker and source, and to the events it reports),
or ``document``-free: documents live in ``graph.graph["documents"]``. A binary relation is one
edge, subject to object, keyed by document and relation id. It is built only from extraction
records, so records from many documents (or many runs) merge.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from ..records import Document, ExtractionRecord
from ..resolve import Merge, resolve_corpus

ENTITY, EVENT, CLAIM = "entity", "event", "claim"


@dataclass(frozen=True)
class KnowledgeGraph:
    """A MultiDiGraph plus the documents its evidence offsets point into."""

    graph: nx.MultiDiGraph
    documents: dict[str, Document]
    merges: tuple[Merge, ...] = ()

    def nodes_of_kind(self, kind: str) -> Iterator[tuple[str, dict]]:
        return ((n, d) for n, d in self.graph.nodes(data=True) if d["kind"] == kind)

    def evidence_text(self, evidence: tuple[str, int, int]) -> str:
        doc_id, start, end = evidence
        return self.documents[doc_id].text[start:end]


def local_id(prefix: str, *parts: str) -> str:
    """A short deterministic node id for a document-level event or claim."""
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def build_graph(records: Iterable[ExtractionRecord], merge_across: bool = True) -> KnowledgeGraph:
    """Merge extraction records into one graph; entities are resolved across documents."""
    records = list(records)
    resolution = resolve_corpus(records, merge_across=merge_across)
    graph = nx.MultiDiGraph()
    for entity in resolution.entities:
        graph.add_node(
            entity.id,
            kind=ENTITY,
            type=entity.type,
            label=entity.label,
            aliases=list(entity.aliases),
            mentions=list(entity.mentions),
            mention_kinds=list(entity.mention_kinds),
            links=dict(entity.links),
            documents=sorted({m[0] for m in entity.mentions}),
            roles=list(entity.roles),
            value=entity.value,
        )
    for record in records:
        _add_record(graph, record, resolution.entity_of)
    documents = {r.document.id: r.document for r in records}
    return KnowledgeGraph(graph=graph, documents=documents, merges=resolution.merges)


def _add_record(graph: nx.MultiDiGraph, record: ExtractionRecord, entity_of: dict[tuple[str, str], str]) -> None:
    doc_id = record.document.id

    def node(local: str | None) -> str | None:
        return entity_of[(doc_id, local)] if local is not None else None

    claim_nodes = {}
    for claim in record.claims:
        claim_id = local_id("C", doc_id, claim.id)
        claim_nodes[claim.id] = claim_id
        start, end = claim.content[0] if claim.content else (0, 0)
        graph.add_node(
            claim_id,
            kind=CLAIM,
            type="Claim",
            label=f"{claim.cue}: {record.document.text[start:end]}",
            cue=claim.cue,
            stance=claim.stance,
            quote=claim.quote,
            content=[(doc_id, s, e) for s, e in claim.content],
            evidence=[(doc_id, s, e) for s, e in claim.evidence],
            confidence=claim.confidence,
            polarity=claim.polarity,
            document=doc_id,
            record_id=claim.id,
        )
        for role, local in (("speaker", claim.speaker), ("source", claim.source)):
            if local is not None:
                graph.add_edge(claim_id, node(local), key=role, role=role)

    for relation in record.relations:
        claim_id = claim_nodes.get(relation.claim) if relation.claim else None
        common = dict(
            predicate=relation.predicate,
            event_class=relation.event_class,
            evidence=[(doc_id, s, e) for s, e in relation.evidence],
            trigger=(doc_id, *relation.trigger) if relation.trigger is not None else None,
            confidence=relation.confidence,
            polarity=relation.polarity,
            modality=relation.modality,
            claim=claim_id,
            document=doc_id,
            record_id=relation.id,
        )
        if relation.kind == "relation":
            for subject in relation.arguments.get("subject", ()):
                for obj in relation.arguments.get("object", ()):
                    graph.add_edge(node(subject), node(obj), key=f"{doc_id}:{relation.id}", kind="relation", **common)
            continue
        event_id = local_id("V", doc_id, relation.id)
        graph.add_node(event_id, kind=EVENT, type=relation.event_class or "Event", label=relation.predicate, **common)
        for role, locals_ in relation.arguments.items():
            for local in locals_:
                graph.add_edge(event_id, node(local), key=role, role=role)
        if claim_id is not None:
            graph.add_edge(claim_id, event_id, key="reports", role="reports")
