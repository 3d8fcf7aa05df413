"""Typed records passed between stages, and the JSON extraction-record contract of DESIGN.md.

Offsets are Python string indices into ``Document.text``. Records are frozen: a stage that needs a
changed record builds a new one (``dataclasses.replace``), it never mutates its input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import ContractError

Span = tuple[int, int]

ENTITY_TYPES = (
    "Person",
    "Organization",
    "Place",
    "Product",
    "Concept",
    "Date",
    "Misc",
    # Finer classes of the ontology; each falls under one of the classes above (SUPERTYPES).
    "NewsAgency",
    "IntergovernmentalOrganization",
    "GovernmentBody",
    "ArmedForces",
    "Company",
    "PoliticalParty",
    "Country",
    "City",
    "Region",
    "Equipment",
    "WeaponSystem",
    "Vehicle",
)
# The direct superclass of each fine class; a consumer that knows only the broad classes maps
# through broad_type().
SUPERTYPES = {
    "NewsAgency": "Organization",
    "IntergovernmentalOrganization": "Organization",
    "GovernmentBody": "Organization",
    "ArmedForces": "Organization",
    "Company": "Organization",
    "PoliticalParty": "Organization",
    "Country": "Place",
    "City": "Place",
    "Region": "Place",
    "Equipment": "Product",
    "WeaponSystem": "Equipment",
    "Vehicle": "Product",
}


# Types whose entities stay local to their document: never merged across documents.
LOCAL_TYPES = frozenset({"Concept", "Date"})


def majority_type(types: Sequence[str]) -> str:
    """The type most of ``types`` agree on (NER often disagrees with itself on one name); on a
    tie, a precise type (NewsAgency, Country) beats the broad one the NER gave.

    >>> majority_type(["Place", "Person", "Person"]), majority_type(["Organization", "NewsAgency"])
    ('Person', 'NewsAgency')
    """
    if len(types) == 1:
        return types[0]  # no vote to count
    counts = Counter(types)
    return max(counts, key=lambda t: (counts[t], t != "Misc", t in SUPERTYPES))


def broad_type(entity_type: str) -> str:
    """The broad class (Person, Organization, Place, Product, ...) of an entity type.

    >>> broad_type("NewsAgency"), broad_type("Person"), broad_type("WeaponSystem")
    ('Organization', 'Person', 'Product')
    """
    while entity_type in SUPERTYPES:
        entity_type = SUPERTYPES[entity_type]
    return entity_type


def is_a(entity_type: str, cls: str) -> bool:
    """Whether ``entity_type`` is ``cls`` or one of its subclasses.

    >>> is_a("City", "Place"), is_a("WeaponSystem", "Product"), is_a("Place", "City")
    (True, True, False)
    """
    while entity_type != cls and entity_type in SUPERTYPES:
        entity_type = SUPERTYPES[entity_type]
    return entity_type == cls


RELATION_KINDS = ("event", "relation")
MENTION_KINDS = ("name", "description", "pronoun")
POLARITIES = ("positive", "negative")
MODALITIES = ("asserted", "future", "hypothetical", "reported")


@dataclass(frozen=True)
class Document:
    """One input text with its metadata; ``id`` is unique within a run."""

    id: str
    text: str
    lang: str = "fr"
    date: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Merge:
    """Why two names of one document are one entity: ``name`` was joined to ``to`` for ``reason``
    ("LDC" to "Ligue des droits civiques": a parenthesised acronym)."""

    name: str
    to: str
    reason: str


@dataclass(frozen=True)
class Entity:
    """A thing mentioned in one document: all its mentions, its best label and its other names."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    links: Mapping[str, str] = field(default_factory=dict)
    # A Date's normalized ISO value ("2023-05-25", "2023-03"); None when unknown or not a date.
    value: str | None = None
    # Titles and roles split off the name: "ministre de la Défense (Portugal)".
    roles: tuple[str, ...] = ()
    # What each of ``mentions`` is (same order): a ``name`` (or a date), a ``description`` ("le
    # ministre", "ce pays voisin") or a ``pronoun``; empty for records written before kinds.
    mention_kinds: tuple[str, ...] = ()
    # Each name of the entity joined to another of its names, with the reason: how this
    # document's names became one node.
    merges: tuple[Merge, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A binary relation (arguments ``subject``/``object``) or an n-ary event (roles such as
    ``agent``, ``theme``, ``location``, ``time``). ``event_class`` is the ontology class from the
    predicate lexicon, or None for an open predicate that is kept under its lemma."""

    id: str
    kind: str
    predicate: str
    arguments: Mapping[str, tuple[str, ...]]
    evidence: tuple[Span, ...]
    confidence: float
    polarity: str = "positive"
    modality: str = "asserted"
    claim: str | None = None
    event_class: str | None = None
    # The word that names the relation or event ("déploie", "déploiement"): where the
    # predicate sits inside its evidence sentence.
    trigger: Span | None = None


@dataclass(frozen=True)
class Claim:
    """Reported speech: who said it (``speaker``), which outlet reported it (``source``), the cue
    (``a déclaré``, ``selon``), and the content spans."""

    id: str
    speaker: str | None
    source: str | None
    cue: str
    content: tuple[Span, ...]
    quote: bool
    evidence: tuple[Span, ...]
    confidence: float
    polarity: str = "positive"
    # What the cue does: Statement, Denial, Accusation, Promise, Threat ... (the lexicon's stance).
    stance: str = "Statement"


@dataclass(frozen=True)
class ExtractionRecord:
    """Everything extracted from one document: the seam between per-document work and merging."""

    document: Document
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the extraction-record contract (one line of ``extraction.jsonl``)."""
        doc = self.document
        return {
            "id": doc.id,
            "lang": doc.lang,
            "date": doc.date,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "text": doc.text,
            "entities": [_entity_json(e) for e in self.entities],
            "relations": [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "predicate": r.predicate,
                    "event_class": r.event_class,
                    "arguments": {role: list(ids) for role, ids in r.arguments.items()},
                    "evidence": [list(s) for s in r.evidence],
                    "confidence": r.confidence,
                    "polarity": r.polarity,
                    "modality": r.modality,
                    "claim": r.claim,
                    **({"trigger": list(r.trigger)} if r.trigger is not None else {}),
                }
                for r in self.relations
            ],
            "claims": [
                {
                    "id": c.id,
                    "speaker": c.speaker,
                    "source": c.source,
                    "cue": c.cue,
                    "content": [list(s) for s in c.content],
                    "quote": c.quote,
                    "evidence": [list(s) for s in c.evidence],
                    "confidence": c.confidence,
                    "polarity": c.polarity,
                    "stance": c.stance,
                }
                for c in self.claims
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> ExtractionRecord:
        """Read a record back; raises ContractError naming the first field that breaks the contract."""
        obj = _mapping(data, "record")
        document = Document(
            id=_str(obj, "id"),
            text=_str(obj, "text"),
            lang=_str(obj, "lang", default="fr"),
            date=_opt_str(obj, "date"),
            source=_opt_str(obj, "source"),
            url=_opt_str(obj, "url"),
            title=_opt_str(obj, "title"),
        )
        limit = len(document.text)
        entities = tuple(
            Entity(
                id=_str(e, "id"),
                type=_str(e, "type"),
                label=_str(e, "label"),
                aliases=tuple(_str_list(e, "aliases")),
                mentions=_spans(e, "mentions", limit),
                links={str(k): str(v) for k, v in _mapping(e.get("links", {}), "links").items()},
                value=_opt_str(e, "value"),
                roles=tuple(_str_list(e, "roles")),
                mention_kinds=_mention_kinds(e),
                merges=_merges(e),
            )
            for e in (_mapping(x, "entity") for x in _list(obj, "entities"))
        )
        relations = tuple(
            Relation(
                id=_str(r, "id"),
                kind=_choice(r, "kind", RELATION_KINDS),
                predicate=_str(r, "predicate"),
                event_class=_class_name(r, "event_class"),
                arguments={
                    str(role): tuple(_str_items(ids, f"arguments.{role}"))
                    for role, ids in _mapping(r.get("arguments"), "arguments").items()
                },
                evidence=_spans(r, "evidence", limit),
                confidence=_confidence(r),
                polarity=_choice(r, "polarity", POLARITIES, default="positive"),
                modality=_choice(r, "modality", MODALITIES, default="asserted"),
                claim=_opt_str(r, "claim"),
                trigger=_opt_span(r, "trigger", limit),
            )
            for r in (_mapping(x, "relation") for x in _list(obj, "relations"))
        )
        claims = tuple(
            Claim(
                id=_str(c, "id"),
                speaker=_opt_str(c, "speaker"),
                source=_opt_str(c, "source"),
                cue=_str(c, "cue"),
                content=_spans(c, "content", limit),
                quote=bool(c.get("quote", False)),
                evidence=_spans(c, "evidence", limit) if "evidence" in c else _spans(c, "content", limit),
                confidence=_confidence(c),
                polarity=_choice(c, "polarity", POLARITIES, default="positive"),
                stance=_opt_str(c, "stance") or "Statement",
            )
            for c in (_mapping(x, "claim") for x in _list(obj, "claims"))
        )
        return cls(document, entities, relations, claims)


def _entity_json(e: Entity) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": e.id,
        "type": e.type,
        "label": e.label,
        "aliases": list(e.aliases),
        "mentions": [list(m) for m in e.mentions],
        "links": dict(e.links),
    }
    # Optional fields appear only when set, so records without them keep their exact shape.
    if e.value is not None:
        data["value"] = e.value
    if e.roles:
        data["roles"] = list(e.roles)
    if e.mention_kinds:
        data["mention_kinds"] = list(e.mention_kinds)
    if e.merges:
        data["merges"] = [{"name": m.name, "to": m.to, "reason": m.reason} for m in e.merges]
    return data


def _merges(entity: Mapping[str, Any]) -> tuple[Merge, ...]:
    """``merges``: absent (a record written before them), or objects of three strings."""
    return tuple(
        Merge(name=_str(m, "name"), to=_str(m, "to"), reason=_str(m, "reason"))
        for m in (_mapping(x, "merge") for x in _list(entity, "merges"))
    )


def _mention_kinds(entity: Mapping[str, Any]) -> tuple[str, ...]:
    """``mention_kinds``: absent (an older record), or one kind per mention."""
    if "mention_kinds" not in entity:
        return ()
    kinds = _str_list(entity, "mention_kinds")
    unknown = sorted(set(kinds) - set(MENTION_KINDS))
    if unknown:
        raise ContractError(f"mention_kinds: {unknown[0]!r} is none of {', '.join(MENTION_KINDS)}")
    if len(kinds) != len(_list(entity, "mentions")):
        raise ContractError(f"mention_kinds: {len(kinds)} kinds for {len(_list(entity, 'mentions'))} mentions")
    return tuple(kinds)


_MISSING = object()


def _mapping(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ContractError(f"{name} must be a JSON object")
    return value


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise ContractError(f"'{key}' must be a list")
    return value


def _str(obj: Mapping[str, Any], key: str, default: Any = _MISSING) -> str:
    value = obj.get(key, default)
    if value is _MISSING:
        raise ContractError(f"missing field '{key}'")
    if not isinstance(value, str):
        raise ContractError(f"'{key}' must be a string")
    return value


def _opt_str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise ContractError(f"'{key}' must be a string or null")
    return value


# An ontology class's local name: it becomes an IRI (tk:Deployment), so nothing else may pass.
_CLASS_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _class_name(obj: Mapping[str, Any], key: str) -> str | None:
    value = _opt_str(obj, key)
    if value is not None and not _CLASS_NAME.fullmatch(value):
        raise ContractError(f"relation {obj.get('id')!r}: {key!r} must be an ontology class name (letters, digits, '_'), not {value!r}")
    return value


def _str_items(value: Any, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContractError(f"'{name}' must be a list of strings")
    return value


def _str_list(obj: Mapping[str, Any], key: str) -> list[str]:
    return _str_items(obj.get(key, []), key)


def _choice(obj: Mapping[str, Any], key: str, allowed: tuple[str, ...], default: Any = _MISSING) -> str:
    value = _str(obj, key, default)
    if value not in allowed:
        raise ContractError(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _confidence(obj: Mapping[str, Any]) -> float:
    value = obj.get("confidence", 1.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ContractError("'confidence' must be a number in [0, 1]")
    return float(value)


def _spans(obj: Mapping[str, Any], key: str, limit: int) -> tuple[Span, ...]:
    return tuple(_span(item, key, limit) for item in _list(obj, key))


def _opt_span(obj: Mapping[str, Any], key: str, limit: int) -> Span | None:
    item = obj.get(key)
    return None if item is None else _span(item, key, limit)


def _span(item: Any, key: str, limit: int) -> Span:
    if (
        not isinstance(item, list)
        or len(item) != 2
        or not all(isinstance(i, int) and not isinstance(i, bool) for i in item)
        or not 0 <= item[0] <= item[1] <= limit
    ):
        raise ContractError(f"'{key}' must hold [start, end] offsets within the text, got {item!r}")
    return (item[0], item[1])
