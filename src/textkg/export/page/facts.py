"""Events, claims and binary relations as the page shows them: labelled by what they say, and the
same fact told several times (in one document or many) kept once with all its evidence.

An event or a relation is the same fact when its predicate, its participants (page entities, so
folded Concepts count as one), its polarity, its modality and whether it is reported speech are
the same; each telling is an *occurrence* with its document, evidence, trigger, claim and date.
Claims stay one per reported statement: two people saying the same words are two claims.

Fields at their usual value are left out, since a corpus has tens of thousands of relations:
``class`` when the predicate has none, ``claimed`` when false, ``polarity`` when positive and
``modality`` when asserted (the page puts the defaults back).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ...graph import CLAIM, ENTITY, EVENT, KnowledgeGraph
from .documents import iso_date
from .index import PageIndex

# the roles written before the predicate, after it, after "@" and after "·" in an event's label
SUBJECT_ROLES = ("agent", "subject")
PLACE_ROLES = ("location",)
TIME_ROLES = ("time",)
CLAIM_EXCERPT = 60  # characters of a claim's content in its label
SEPARATOR = " – "


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary before ``limit`` characters, with "…".

    >>> shorten("la commission menait une enquête discrète", 30)
    'la commission menait une…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"


def event_label(predicate: str, roles: Iterable[tuple[str, str]]) -> str:
    """"agent – predicate – theme @ place · time": who did what to whom, where and when.

    >>> event_label("déployer", [("theme", "missiles"), ("agent", "France"), ("location", "Espagne")])
    'France – déployer – missiles @ Espagne'
    >>> event_label("survenir", [("theme", "incendie"), ("time", "lundi")])
    'survenir – incendie · lundi'
    """
    groups: dict[str, list[str]] = {"before": [], "after": [], "place": [], "time": []}
    for role, label in roles:
        part = "before" if role in SUBJECT_ROLES else "place" if role in PLACE_ROLES else "time" if role in TIME_ROLES else "after"
        if label not in groups[part]:
            groups[part].append(label)
    words = [" & ".join(groups["before"]), predicate, ", ".join(groups["after"])]
    label = SEPARATOR.join(word for word in words if word)
    if groups["place"]:
        label += " @ " + " & ".join(groups["place"])
    if groups["time"]:
        label += " · " + " & ".join(groups["time"])
    return label


def claim_label(speakers: list[str], sources: list[str], cue: str, content: str) -> str:
    """"speaker: « content… »", the outlet when nobody is named, the cue when neither is.

    >>> claim_label(["Martin"], ["Nova"], "a déclaré", "la commission menait une enquête discrète contre la France et l'Espagne")
    'Martin: « la commission menait une enquête discrète contre la France… »'
    >>> claim_label([], [], "selon", "")
    'selon'
    """
    who = " & ".join(speakers or sources) or cue
    return f"{who}: « {shorten(content, CLAIM_EXCERPT)} »" if content.strip() else who


def page_facts(kg: KnowledgeGraph, index: PageIndex) -> dict[str, list[dict]]:
    """The page's ``events``, ``claims`` and ``relations``."""
    graph = kg.graph
    event_of: dict[str, str] = {}
    events: dict[tuple, dict] = {}
    for node, data in (item for item in graph.nodes(data=True) if item[1]["kind"] == EVENT):
        roles = _roles(graph, node, index)
        key = (data["predicate"], data.get("event_class"), data["polarity"], data["modality"], bool(data.get("claim")), tuple(sorted(set(roles))))
        if key not in events:
            ordered = sorted(set(roles), key=lambda role: roles.index(role))
            events[key] = {
                "id": node,
                "label": event_label(data["predicate"], ((role, index.label[entity]) for role, entity in ordered)),
                "predicate": data["predicate"],
                "roles": [list(role) for role in ordered],
                "confidence": data["confidence"],
                "occurrences": [],
                **_qualifiers(data),
            }
        event = events[key]
        event["confidence"] = max(event["confidence"], data["confidence"])
        date = _event_date(graph, node) or iso_date(kg.documents[data["document"]].date)
        event["occurrences"].append(_occurrence(data, index, date=date))
        event_of[node] = event["id"]
    claims = [_claim(kg, node, data, index, event_of) for node, data in graph.nodes(data=True) if data["kind"] == CLAIM]
    return {"events": list(events.values()), "claims": claims, "relations": _relations(kg, index)}


def _qualifiers(data: dict) -> dict:
    """Event class, reported speech, polarity and modality, where they differ from the usual."""
    qualifiers = {"class": data.get("event_class"), "claimed": bool(data.get("claim")) or None}
    qualifiers["polarity"] = data["polarity"] if data["polarity"] != "positive" else None
    qualifiers["modality"] = data["modality"] if data["modality"] != "asserted" else None
    return {key: value for key, value in qualifiers.items() if value is not None}


def _roles(graph, node: str, index: PageIndex) -> list[tuple[str, str]]:
    return [(role, index.entity_id[target]) for _, target, role in graph.out_edges(node, keys=True) if graph.nodes[target]["kind"] == ENTITY]


def _event_date(graph, node: str) -> str | None:
    """The value of the event's time role (a normalised Date), if it has one."""
    for _, target, role in graph.out_edges(node, keys=True):
        if role in TIME_ROLES and graph.nodes[target].get("value"):
            return iso_date(graph.nodes[target]["value"])
    return None


def _occurrence(data: dict, index: PageIndex, **extra) -> dict:
    """One telling of an event or relation: its document, evidence spans, trigger and claim."""
    doc_id = data["document"]
    occurrence = {"doc": index.doc_number[doc_id], "evidence": [index.span(doc_id, span[1:]) for span in data["evidence"]]}
    if data.get("trigger"):
        occurrence["trigger"] = index.span(doc_id, data["trigger"][1:])
    if data.get("claim"):
        occurrence["claim"] = data["claim"]
    occurrence.update({key: value for key, value in extra.items() if value is not None})
    return occurrence


def _claim(kg: KnowledgeGraph, node: str, data: dict, index: PageIndex, event_of: dict[str, str]) -> dict:
    graph = kg.graph
    doc_id = data["document"]
    parts: dict[str, list[str]] = {"speaker": [], "source": [], "reports": []}
    for _, target, role in graph.out_edges(node, keys=True):
        target_id = event_of[target] if role == "reports" else index.entity_id[target]
        if role in parts and target_id not in parts[role]:
            parts[role].append(target_id)
    content = " … ".join(kg.evidence_text(span) for span in data["content"])
    return {
        "id": node,
        "label": claim_label([index.label[s] for s in parts["speaker"]], [index.label[s] for s in parts["source"]], data["cue"], content),
        "cue": data["cue"],
        "content": content,
        "quote": data["quote"],
        "polarity": data["polarity"],
        "confidence": data["confidence"],
        "speakers": parts["speaker"],
        "sources": parts["source"],
        "reports": parts["reports"],
        "doc": index.doc_number[doc_id],
        "date": iso_date(kg.documents[doc_id].date),
        "contentSpans": [index.span(doc_id, span[1:]) for span in data["content"]],
        "evidence": [index.span(doc_id, span[1:]) for span in data["evidence"]],
    }


def _relations(kg: KnowledgeGraph, index: PageIndex) -> list[dict]:
    relations: dict[tuple, dict] = {}
    for source, target, data in kg.graph.edges(data=True):
        if data.get("kind") != "relation":
            continue
        subject, obj = index.entity_id[source], index.entity_id[target]
        claimed = bool(data.get("claim"))
        key = (subject, data["predicate"], obj, claimed, data["polarity"], data["modality"])
        if key not in relations:
            relations[key] = {
                "id": "R" + hashlib.sha1("\x1f".join(map(str, key)).encode("utf-8")).hexdigest()[:12],
                "subject": subject,
                "object": obj,
                "predicate": data["predicate"],
                "confidence": data["confidence"],
                "occurrences": [],
                **_qualifiers(data),
            }
        relation = relations[key]
        relation["confidence"] = max(relation["confidence"], data["confidence"])
        relation["occurrences"].append(_occurrence(data, index, date=iso_date(kg.documents[data["document"]].date)))
    return list(relations.values())
