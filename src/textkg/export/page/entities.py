"""Entities as the page shows them: one per resolved entity, Concepts folded by head lemma."""

from __future__ import annotations

from ...graph import ENTITY, KnowledgeGraph
from ...records import broad_type
from .concepts import CONCEPT, ConceptFold


def concept_fold(kg: KnowledgeGraph) -> ConceptFold:
    """The fold of every Concept of ``kg``, each read in the language of its first document."""
    concepts = []
    for node, data in kg.nodes_of_kind(ENTITY):
        if data["type"] == CONCEPT:
            concepts.append((node, data["label"], kg.documents[data["documents"][0]].lang))
    return ConceptFold.of(concepts)


def entity_ids(kg: KnowledgeGraph, fold: ConceptFold) -> dict[str, str]:
    """The page entity of every graph entity: itself, or its Concept's fold."""
    return {node: fold.page_id.get(node, node) for node, _ in kg.nodes_of_kind(ENTITY)}


def page_entities(kg: KnowledgeGraph, fold: ConceptFold, doc_number: dict[str, int], utf16: dict) -> list[dict]:
    """Every page entity, in the graph's order (a folded Concept where its first member was).

    ``mentions`` are [document number, start, end] in UTF-16 offsets, sorted; when the graph
    gives each mention's kind (``mention_kinds``: name, description, pronoun), it is a fourth item.
    """
    entities: list[dict] = []
    folded: dict[str, dict] = {}
    for node, data in kg.nodes_of_kind(ENTITY):
        mentions = _mentions(data, doc_number, utf16)
        target = fold.page_id.get(node)
        if target is None:
            entities.append(
                {
                    "id": node,
                    "label": data["label"],
                    "type": data["type"],
                    "broad": broad_type(data["type"]),
                    "aliases": list(data["aliases"]),
                    "links": dict(data["links"]),
                    "roles": list(data.get("roles") or ()),
                    "value": data.get("value"),
                    "mentions": mentions,
                }
            )
        elif target in folded:
            folded[target]["mentions"].extend(mentions)
            folded[target]["members"] += 1
        else:
            labels = fold.labels[target]
            lemma = fold.lemma[target]
            folded[target] = {
                "id": target,
                "label": lemma,
                "type": CONCEPT,
                "broad": CONCEPT,
                "aliases": [label for label, _ in sorted(labels.items(), key=lambda item: (-item[1], item[0])) if label != lemma],
                "links": {},
                "roles": [],
                "value": None,
                "mentions": mentions,
                "members": 1,
            }
            entities.append(folded[target])
    for entity in folded.values():
        entity["mentions"].sort()
    return entities


def _mentions(data: dict, doc_number: dict[str, int], utf16: dict) -> list[list]:
    kinds = data.get("mention_kinds")
    mentions = []
    for number, (doc_id, start, end) in enumerate(data["mentions"]):
        mention = [doc_number[doc_id], *utf16[doc_id].span((start, end))]
        if kinds and kinds[number]:  # records read back from before mention kinds have none
            mention.append(kinds[number])
        mentions.append(mention)
    mentions.sort()
    return mentions
