"""Entities within one document: its mentions clustered into things.

Named mentions meet on transliteration-folded keys (language.names.name_key); a lone surname joins
the one full name of the document that ends with it; pronouns and descriptions that coreference
ties to a cluster join it without naming it. Concepts and dates stay local to their document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Protocol

from ..language.names import ascii_fold, name_key
from ..records import LOCAL_TYPES, Merge, Span, majority_type

# Mentions that refer through another: they join a named cluster, never name it.
PRONOUN_TYPE = "Pronoun"
ANAPHORIC_TYPES = frozenset({"Concept", PRONOUN_TYPE})


class _MentionLike(Protocol):
    start: int
    end: int
    text: str
    type: str


class _AliasLike(Protocol):
    short: _MentionLike
    full: _MentionLike
    reason: str


# Why two names of a document are one entity, besides the alias rules of extract.aliases.
SAME_NAME_KEY = "same name in other letters (accents, transliteration, case)"
SURNAME = "surname or first name of the only full name"


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
    # Each name joined to another name of the entity, with the reason ("LDC" to "Ligue des droits
    # civiques", parenthesised acronym).
    merges: tuple[Merge, ...] = ()

    @cached_property
    def spans(self) -> tuple[Span, ...]:
        return tuple(sorted({(m.start, m.end) for m in (*self.mentions, *self.anaphora)}))

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kind of the mention at each of ``spans`` ("name", "description", "pronoun")."""
        kind_at: dict[Span, str] = {}
        for mention in (*self.mentions, *self.anaphora):
            kind_at.setdefault((mention.start, mention.end), mention.kind)
        return tuple(kind_at[span] for span in self.spans)


def attach_anaphora(clusters: Sequence[MentionCluster], chains: Iterable[Sequence[_MentionLike]]) -> list[MentionCluster]:
    """Move each pronoun or description of a coreference chain into the one named cluster of that
    chain; a chain touching several named clusters (or none) attaches nothing.

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end text type")
    >>> name, pronoun = M(0, 7, "Lambert", "Person"), M(20, 22, "il", "Pronoun")
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


def cluster_mentions(mentions: Sequence[_MentionLike], aliases: Iterable[_AliasLike] = ()) -> list[MentionCluster]:
    """Group one document's mentions into entities, in order of first mention; each of
    ``aliases`` (extract.aliases) joins its two mentions' entities. Every name joined to another
    is recorded with the name it joined and the reason (``MentionCluster.merges``).

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end text type")
    >>> [(c.label, c.merges) for c in cluster_mentions([M(0, 16, "Philippe Lambert", "Person"), M(30, 37, "Lambert", "Person")])]
    [('Philippe Lambert', (Merge(name='Lambert', to='Philippe Lambert', reason='surname or first name of the only full name'),))]
    >>> A = namedtuple("A", "short full reason")
    >>> ldc, full = M(27, 30, "LDC", "Organization"), M(0, 25, "Ligue des droits civiques", "Organization")
    >>> [(c.label, [m.name for m in c.merges]) for c in cluster_mentions([full, ldc], [A(ldc, full, "parenthesised acronym")])]
    [('Ligue des droits civiques', ['LDC'])]
    """
    groups: dict[tuple[str, str], list[_MentionLike]] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        groups.setdefault(_local_key(mention), []).append(mention)
    merges = {key: _spellings(members) for key, members in groups.items()}
    groups, merges = _attach_surnames(groups, merges)
    groups, merges = _join_aliases(groups, merges, aliases)
    clusters = [_cluster(members, tuple(merges.get(key, ()))) for key, members in groups.items()]
    return sorted(clusters, key=lambda c: (c.mentions[0].start, c.mentions[0].end))


def _spellings(members: Sequence[_MentionLike]) -> list[Merge]:
    """The other spellings of one name key, each joined to the first ("Sergueï Choukov" to
    "Serguei Chukov")."""
    first = members[0].text
    return [Merge(text, first, SAME_NAME_KEY) for text in dict.fromkeys(m.text for m in members) if text != first]


def _join_aliases(
    groups: dict[tuple[str, str], list[_MentionLike]], merges: dict[tuple[str, str], list[Merge]], aliases: Iterable[_AliasLike]
) -> tuple[dict[tuple[str, str], list[_MentionLike]], dict[tuple[str, str], list[Merge]]]:
    """``groups`` with the groups of each alias's two mentions joined, and the merges of every
    group that results, these joins included."""
    key_of = {mention: key for key, members in groups.items() for mention in members}
    parent = {key: key for key in groups}

    def find(key):
        while parent[key] != key:
            key = parent[key]
        return key

    joins = []
    for alias in aliases:
        short, full = key_of.get(alias.short), key_of.get(alias.full)
        if short is None or full is None or find(short) == find(full):
            continue
        parent[find(short)] = find(full)
        joins.append((short, Merge(alias.short.text, alias.full.text, alias.reason)))
    if not joins:
        return groups, merges
    joined: dict[tuple[str, str], list[_MentionLike]] = {}
    joined_merges: dict[tuple[str, str], list[Merge]] = {}
    for key, members in groups.items():
        joined.setdefault(find(key), []).extend(members)
        joined_merges.setdefault(find(key), []).extend(merges.get(key, ()))
    for key, merge in joins:
        joined_merges[find(key)].append(merge)
    return {key: sorted(members, key=lambda m: (m.start, m.end)) for key, members in joined.items()}, joined_merges


def _local_key(mention: _MentionLike) -> tuple[str, str]:
    if mention.type in LOCAL_TYPES:
        return (mention.type, ascii_fold(mention.text))
    return ("named", name_key(mention.text))


def _attach_surnames(
    groups: dict[tuple[str, str], list[_MentionLike]], merges: dict[tuple[str, str], list[Merge]]
) -> tuple[dict[tuple[str, str], list[_MentionLike]], dict[tuple[str, str], list[Merge]]]:
    """A one-word person name joins the only multi-word person name ending (or starting) with it."""
    full_names = [key for key, members in groups.items() if key[0] == "named" and " " in key[1] and _type(members) == "Person"]
    joins = []
    for key, members in groups.items() if full_names else ():
        if key[0] != "named" or " " in key[1] or _type(members) not in ("Person", "Misc"):
            continue
        matches = [full for full in full_names if key[1] in (full[1].split()[-1], full[1].split()[0])]
        if len(matches) == 1:
            joins.append((key, matches[0]))
    if not joins:
        return groups, merges  # most groups are noun phrases and one-off names: nothing to copy
    merged = {key: list(members) for key, members in groups.items()}
    merged_merges = {key: list(found) for key, found in merges.items()}
    for key, full in joins:
        merged[full].extend(groups[key])
        merged_merges[full] += [*merged_merges.pop(key), Merge(groups[key][0].text, groups[full][0].text, SURNAME)]
        del merged[key]
    return {key: sorted(members, key=lambda m: m.start) for key, members in merged.items()}, merged_merges


def _type(members: Iterable[_MentionLike]) -> str:
    return majority_type([getattr(m, "fine_type", None) or m.type for m in members])


def _cluster(members: list[_MentionLike], merges: tuple[Merge, ...] = ()) -> MentionCluster:
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
        merges=merges,
    )
