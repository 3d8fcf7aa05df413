"""The typed, immutable candidates extractors return, before mentions are clustered into
entities: mentions (spans that name, describe or stand for something), frames (a predicate with
its role-labelled mentions) and claim frames (reported speech)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..records import ENTITY_TYPES, Span

# Every entity class but the unnamed ones.
NAMED_TYPES = frozenset(ENTITY_TYPES) - {"Concept", "Date"}
PRONOUN = "Pronoun"
CONCEPT = "Concept"
PERSON_TYPE = "Person"
ORGANIZATION_TYPE = "Organization"
NEWS_AGENCY = "NewsAgency"
WEAPON_SYSTEM = "WeaponSystem"
DATE = "Date"
# What a mention is, for consumers of the record: a name (or a date), a description (a noun
# phrase: "le ministre", "ce pays voisin") or a pronoun.
NAME, DESCRIPTION, PRONOUN_KIND = "name", "description", "pronoun"


@dataclass(frozen=True)
class Mention:
    """A span of the text naming something; ``start``/``end`` are character offsets."""

    start: int
    end: int
    text: str
    type: str
    first_token: int
    last_token: int
    # Outside identifiers (("geonames", IRI), ...), a role split off a person's name, a date's ISO value.
    links: tuple[tuple[str, str], ...] = ()
    role: str | None = None
    value: str | None = None
    # The precise ontology class (Country, NewsAgency, WeaponSystem) when ``type`` is its broad class.
    fine_type: str | None = None

    def __post_init__(self) -> None:
        # Mentions key many dicts, sets and memos (thousands of look-ups per document): equal
        # mentions share these fields, and their hash is computed once.
        object.__setattr__(self, "_hash", hash((self.start, self.end, self.type)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        # Rebuilt through __init__, so a copy or an unpickled mention hashes in its own process
        # (string hashes differ between processes).
        return (self.__class__, tuple(getattr(self, f.name) for f in fields(self)))

    @property
    def is_named(self) -> bool:
        return self.type in NAMED_TYPES

    @property
    def may_name(self) -> bool:
        """Named, or a pronoun that coreference may tie to a name."""
        return self.is_named or self.type == PRONOUN

    @property
    def kind(self) -> str:
        """``name`` (names and dates), ``description`` (noun phrases) or ``pronoun``."""
        if self.type == PRONOUN:
            return PRONOUN_KIND
        return DESCRIPTION if self.type == CONCEPT else NAME


@dataclass(frozen=True)
class Frame:
    """A predicate with its role-labelled mentions: a verb, an event noun or a link between two
    participants."""

    predicate: str
    event_class: str | None
    head: int
    arguments: tuple[tuple[str, Mention], ...]
    evidence: Span
    polarity: str
    modality: str
    confidence: float
    # A typed link between participants (typed_links.py): dropped where a frame of the same
    # sentence already relates the same two entities.
    typed_link: bool = False
    # The other sentence an inferred link rests on: the lead that sets a story's scene (scenes.py).
    setting: Span | None = None
    # A scene link (scenes.py): kept once per participant and place, and where no other frame
    # relates the two.
    scene: bool = False
    # A verb outside the lexicon with an object ("X a revu ses prévisions"): what its named doer
    # or undergoer did, kept for that participant alone when the object is abstract.
    act: bool = False
    # A noun of a happening outside the lexicon that a light verb carries ("a effectué une
    # intervention"): an event of no class, kept like one of the lexicon for one participant.
    happening: bool = False


@dataclass(frozen=True)
class ClaimFrame:
    """Reported speech: the cue, who speaks, which outlet reports it, and the content span."""

    cue: str
    cue_token: int
    speaker: Mention | None
    source: Mention | None
    content: Span
    quote: bool
    evidence: Span
    polarity: str
    confidence: float
    # What the cue does: Statement, Denial, Accusation, Promise, Threat ... (predicates.tsv).
    stance: str = "Statement"
    # The cue is an act of its own besides what it reports ("a condamné le crime", "a menacé de
    # poursuites"): its verb frame stays; a verb that only introduces words is the claim alone.
    cue_is_event: bool = False
    # For a pronoun speaker: the person or body named last before it, who speaks when
    # coreference ties the pronoun to nothing that can speak ("la réunion ... Elle a affirmé").
    speaker_fallback: Mention | None = None


@dataclass(frozen=True)
class Found:
    """What one extractor found: its frames, and every noun phrase it took as an argument of some
    predicate (kept or not), the candidates that coreference weighs."""

    frames: tuple[Frame, ...]
    mentions: tuple[Mention, ...]
