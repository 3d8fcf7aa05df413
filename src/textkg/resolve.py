"""Entity resolution: mentions into entities within a document, entities across documents.

Named mentions meet on transliteration-folded keys (names.name_key); a lone surname joins the one
full name of the document that ends with it. Concepts and dates stay local to their document.
Every cross-document merge is recorded with its reason.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from .names import ascii_fold, name_key
from .records import SUPERTYPES, ExtractionRecord, Span, broad_type

LOCAL_TYPES = frozenset({"Concept", "Date"})
# Links that identify one real-world thing: equal values merge entities across documents.
# ("represents" is metonymy: Moscou standing for Russia is not Russia.)
IDENTITY_LINKS = ("wikidata", "geonames", "kb")
# Mentions that refer through another: they join a named cluster, never name it.
PRONOUN_TYPE = "Pronoun"
ANAPHORIC_TYPES = frozenset({"Concept", PRONOUN_TYPE})


class _MentionLike(Protocol):
    start: int
    end: int
    text: str
    type: str


@dataclass(frozen=True)
class MentionCluster:
    type: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple  # the mentions, in text order
    links: tuple[tuple[str, str], ...] = ()
    roles: tuple[str, ...] = ()
    value: str | None = None
    # Pronouns and descriptions that coreference attached: they add mentions, never names.
    anaphora: tuple = ()

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(sorted({(m.start, m.end) for m in (*self.mentions, *self.anaphora)}))


def attach_anaphora(clusters: Sequence[MentionCluster], chains: Iterable[Sequence[_MentionLike]]) -> list[MentionCluster]:
    """Move each pronoun or description of a coreference chain into the one named cluster of that
    chain; a chain touching several named clusters (or none) attaches nothing.

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end text type")
    >>> name, pronoun = M(0, 7, "Poutine", "Person"), M(20, 22, "il", "Pronoun")
    >>> [c.spans for c in attach_anaphora(cluster_mentions([name]), [[name, pronoun]])]
    [((0, 7), (20, 22))]
    """
    owner = {id(m): index for index, cluster in enumerate(clusters) for m in cluster.mentions}
    moved: dict[int, list] = {}
    taken: set[int] = set()
    for chain in chains:
        named = {owner[id(m)] for m in chain if id(m) in owner and m.type not in ANAPHORIC_TYPES}
        # A chain with no name may still have one noun phrase in the clusters ("des voyous ...
        # ils"): its pronouns join that noun's entity.
        hosts = named or {owner[id(m)] for m in chain if id(m) in owner and m.type == "Concept"}
        if len(hosts) != 1:
            continue
        (target,) = hosts
        movable = ANAPHORIC_TYPES if named else {PRONOUN_TYPE}
        for mention in chain:
            if mention.type in movable and owner.get(id(mention)) != target:
                moved.setdefault(target, []).append(mention)
                taken.add(id(mention))
    result = []
    for index, cluster in enumerate(clusters):
        kept = tuple(m for m in cluster.mentions if id(m) not in taken) if taken else cluster.mentions
        if not kept:
            continue
        extra = tuple(sorted(moved.get(index, ()), key=lambda m: (m.start, m.end)))
        if not extra and len(kept) == len(cluster.mentions):
            result.append(cluster)  # nothing moved in or out: dataclasses.replace would copy it as is
            continue
        result.append(replace(cluster, mentions=kept, anaphora=cluster.anaphora + extra))
    return result


def cluster_mentions(mentions: Sequence[_MentionLike]) -> list[MentionCluster]:
    """Group one document's mentions into entities, in order of first mention.

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end text type")
    >>> [c.label for c in cluster_mentions([M(0, 16, "Vladimir Poutine", "Person"), M(30, 37, "Poutine", "Person")])]
    ['Vladimir Poutine']
    """
    groups: dict[tuple[str, str], list[_MentionLike]] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        groups.setdefault(_local_key(mention), []).append(mention)
    groups = _attach_surnames(groups)
    clusters = [_cluster(members) for members in groups.values()]
    return sorted(clusters, key=lambda c: (c.mentions[0].start, c.mentions[0].end))


def _local_key(mention: _MentionLike) -> tuple[str, str]:
    if mention.type in LOCAL_TYPES:
        return (mention.type, ascii_fold(mention.text))
    return ("named", name_key(mention.text))


def _attach_surnames(groups: dict[tuple[str, str], list[_MentionLike]]) -> dict[tuple[str, str], list[_MentionLike]]:
    """A one-word person name joins the only multi-word person name ending (or starting) with it."""
    merged = {key: list(members) for key, members in groups.items()}
    full_names = [key for key, members in groups.items() if key[0] == "named" and " " in key[1] and _type(members) == "Person"]
    for key, members in groups.items():
        if key[0] != "named" or " " in key[1] or _type(members) not in ("Person", "Misc"):
            continue
        matches = [full for full in full_names if key[1] in (full[1].split()[-1], full[1].split()[0])]
        if len(matches) == 1:
            merged[matches[0]].extend(members)
            del merged[key]
    return {key: sorted(members, key=lambda m: m.start) for key, members in merged.items()}


def _type(members: Iterable[_MentionLike]) -> str:
    """Majority type of a group; NER often disagrees with itself on one name."""
    if isinstance(members, (list, tuple)) and len(members) == 1:
        return getattr(members[0], "fine_type", None) or members[0].type  # no vote to count
    counts = Counter(getattr(m, "fine_type", None) or m.type for m in members)
    # On a tie, a precise type (NewsAgency, Country) beats the broad one the NER gave.
    return max(counts, key=lambda t: (counts[t], t != "Misc", t in SUPERTYPES))


def _cluster(members: list[_MentionLike]) -> MentionCluster:
    links: dict[str, str] = {}
    for member in members:
        for name, value in getattr(member, "links", ()):
            links.setdefault(name, value)
    if len(members) == 1:
        # Most groups are one mention (noun phrases, one-off names): nothing to vote on.
        (only,) = members
        role = getattr(only, "role", None)
        return MentionCluster(
            type=getattr(only, "fine_type", None) or only.type,
            label=only.text,
            aliases=(),
            mentions=(only,),
            links=tuple(sorted(links.items())),
            roles=(role,) if role else (),
            value=getattr(only, "value", None),
        )
    surfaces = Counter(m.text for m in members)
    order = list(dict.fromkeys(m.text for m in members))
    label = max(order, key=lambda s: (len(s.split()) > 1, surfaces[s], -order.index(s)))
    return MentionCluster(
        type=_type(members),
        label=label,
        aliases=tuple(s for s in order if s != label),
        mentions=tuple(members),
        links=tuple(sorted(links.items())),
        roles=tuple(dict.fromkeys(r for m in members if (r := getattr(m, "role", None)))),
        value=next((v for m in members if (v := getattr(m, "value", None))), None),
    )


# Across documents -------------------------------------------------------------------------------


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
        roles = tuple(dict.fromkeys(r for e in found for r in e.roles))
        value = next((e.value for e in found if e.value), None)
        entities.append(
            ResolvedEntity(entity_id, _type([_Typed(e.type) for e in found]), label, aliases, mentions, links, roles, value)
        )
        for r, e in members:
            member = (records[r].document.id, records[r].entities[e].id)
            entity_of[member] = entity_id
            if member in reasons:
                merges.append(Merge(entity_id, member, reasons[member]))
    return Resolution(tuple(entities), entity_of, tuple(merges))


def _conflicting(known: Mapping[str, str], links: Mapping[str, str]) -> bool:
    return any(name in known and name in links and known[name] != links[name] for name in IDENTITY_LINKS)


@dataclass(frozen=True)
class _Typed:
    type: str


def _global_id(group: str) -> str:
    return "E" + hashlib.sha1(group.encode("utf-8")).hexdigest()[:12]
