"""Entity resolution across documents: the entities of every record merged into one entity per
real-world thing, on names, aliases and outside identifiers, with the reason of every merge.
(Within a document, mentions become entities in extract.entities.)
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..language.names import name_key
from ..records import LOCAL_TYPES, ExtractionRecord, broad_type, majority_type

# Links that identify one real-world thing: equal values merge entities across documents.
# ("represents" is metonymy: Madrid standing for Spain is not Spain.)
IDENTITY_LINKS = ("wikidata", "geonames", "kb")


@dataclass(frozen=True)
class Merge:
    """Why two document-level entities became one node."""

    into: str
    member: tuple[str, str]
    reason: str


@dataclass(frozen=True)
class ResolvedEntity:
    id: str
    type: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple[tuple[str, int, int], ...]
    links: dict[str, str] = field(default_factory=dict)
    roles: tuple[str, ...] = ()
    value: str | None = None
    # The kind of each of ``mentions`` (name, description, pronoun); None where a record read
    # back from before kinds does not say.
    mention_kinds: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Resolution:
    entities: tuple[ResolvedEntity, ...]
    entity_of: dict[tuple[str, str], str]
    merges: tuple[Merge, ...]


def resolve_corpus(records: Sequence[ExtractionRecord], merge_across: bool = True) -> Resolution:
    """One entity per real-world thing across ``records``; with ``merge_across`` off, one per
    document-level entity."""
    groups: dict[str, list[tuple[str, int]]] = {}
    reasons: dict[tuple[str, str], str] = {}
    key_owner: dict[str, str] = {}
    group_ids: dict[str, dict[str, str]] = {}
    for r_index, record in enumerate(records):
        for e_index, entity in enumerate(record.entities):
            member = (record.document.id, entity.id)
            if entity.type in LOCAL_TYPES or not merge_across:
                group = f"{record.document.id}\x1f{entity.id}"
                groups[group] = [(r_index, e_index)]
                continue
            kind = broad_type(entity.type)
            label_key = name_key(entity.label)
            outside = [f"{name}={entity.links[name]}" for name in IDENTITY_LINKS if name in entity.links]
            group = next((key_owner[f"id|{i}"] for i in outside if f"id|{i}" in key_owner), None)
            if group is not None:
                reasons[member] = f"same outside identifier {next(i for i in outside if f'id|{i}' in key_owner)}"
            else:
                group = key_owner.get(f"{kind}|{label_key}") or key_owner.get(f"*|{label_key}")
                if group is not None and _conflicting(group_ids.get(group, {}), entity.links):
                    group = None  # same name, different outside identifiers: two things
                if group is not None:
                    reasons[member] = f"same name key {label_key!r}"
            if group is None:
                group = next(
                    (key_owner[f"{kind}|{k}"] for k in (name_key(a) for a in entity.aliases) if f"{kind}|{k}" in key_owner),
                    None,
                )
                if group is not None:
                    reasons[member] = "alias matches another document's name"
            if group is None:
                group = f"{kind}\x1f{label_key}"
                while group in groups:
                    group += "\x1f"
                groups[group] = []
            groups[group].append((r_index, e_index))
            key_owner.setdefault(f"{kind}|{label_key}", group)
            key_owner.setdefault(f"*|{label_key}", group)
            for identifier in outside:
                key_owner.setdefault(f"id|{identifier}", group)
            for name in IDENTITY_LINKS:
                if name in entity.links:
                    group_ids.setdefault(group, {}).setdefault(name, entity.links[name])
            for alias in entity.aliases:
                key_owner.setdefault(f"{kind}|{name_key(alias)}", group)

    entities, entity_of, merges = [], {}, []
    for group, members in groups.items():
        entity_id = _global_id(group)
        found = [records[r].entities[e] for r, e in members]
        surfaces = Counter()
        for entity in found:
            surfaces[entity.label] += len(entity.mentions) or 1
        labels = list(dict.fromkeys(e.label for e in found))
        label = max(labels, key=lambda s: (surfaces[s], -labels.index(s)))
        aliases = tuple(dict.fromkeys(a for e in found for a in (e.label, *e.aliases) if a != label))
        links: dict[str, str] = {}
        for entity in found:
            for name, value in entity.links.items():
                links.setdefault(name, value)
        mentions = tuple(
            (records[r].document.id, start, end) for r, e in members for start, end in records[r].entities[e].mentions
        )
        kinds = tuple(kind for e in found for kind in (e.mention_kinds or (None,) * len(e.mentions)))
        roles = tuple(dict.fromkeys(r for e in found for r in e.roles))
        value = next((e.value for e in found if e.value), None)
        entities.append(
            ResolvedEntity(entity_id, majority_type([e.type for e in found]), label, aliases, mentions, links, roles, value, kinds)
        )
        for r, e in members:
            member = (records[r].document.id, records[r].entities[e].id)
            entity_of[member] = entity_id
            if member in reasons:
                merges.append(Merge(entity_id, member, reasons[member]))
    return Resolution(tuple(entities), entity_of, tuple(merges))


def _conflicting(known: Mapping[str, str], links: Mapping[str, str]) -> bool:
    return any(name in known and name in links and known[name] != links[name] for name in IDENTITY_LINKS)


def _global_id(group: str) -> str:
    return "E" + hashlib.sha1(group.encode("utf-8")).hexdigest()[:12]
