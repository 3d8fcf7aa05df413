"""The word lexicons of one language (ontology/lexicons/<lang>/): predicates.tsv (lemmas that name
events of an ontology class, and lemmas that introduce reported speech) and nouns.tsv (common
nouns that name a participant of a broad class: "voyou" a Person, "voiture" Equipment,
"incendie" an Event)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .tables import rows

ROLES = ("event", "reporting")
NOUN_CLASSES = ("Person", "Organization", "Place", "Equipment", "Event")


@dataclass(frozen=True)
class Lexicon:
    """Lookups by (lemma, pos): event class, and reporting stance ("Statement", "Denial")."""

    events: dict[tuple[str, str], str] = field(default_factory=dict)
    reporting: dict[str, str] = field(default_factory=dict)

    def event_class(self, lemma: str, pos: str) -> str | None:
        return self.events.get((lemma.lower(), pos))

    def reporting_stance(self, lemma: str) -> str | None:
        return self.reporting.get(lemma.lower())


def read_lexicon(path: Path) -> Lexicon:
    """predicates.tsv: lemma, pos, role (event|reporting), class."""
    events: dict[tuple[str, str], str] = {}
    reporting: dict[str, str] = {}
    for number, cells in rows(path):
        if len(cells) != 4 or cells[2] not in ROLES:
            raise InputError(path, "expected 4 tab-separated cells: lemma, pos, role (event|reporting), class", number)
        lemma, pos, role, cls = cells
        if role == "event":
            events[(lemma.lower(), pos)] = cls
        else:
            reporting[lemma.lower()] = cls
    return Lexicon(events, reporting)


@dataclass(frozen=True)
class NounClasses:
    """Broad ontology class of a common noun, by lower-case lemma."""

    classes: dict[str, str] = field(default_factory=dict)

    def class_of(self, lemma: str) -> str | None:
        return self.classes.get(lemma.lower())


def read_noun_classes(path: Path) -> NounClasses:
    """nouns.tsv: class, lemmas (a lemma keeps its first class)."""
    classes: dict[str, str] = {}
    for number, cells in rows(path):
        if len(cells) != 2 or cells[0] not in NOUN_CLASSES:
            raise InputError(path, f"expected 2 tab-separated cells: class ({'|'.join(NOUN_CLASSES)}), lemmas", number)
        cls, lemmas = cells
        for lemma in lemmas.split("|"):
            classes.setdefault(lemma.strip().lower(), cls)
    return NounClasses(classes)


def noun_classes(lexicon: Lexicon, listed: NounClasses) -> NounClasses:
    """``listed`` (nouns.tsv), plus the event nouns of ``lexicon`` as Events ("déploiement", "accord")."""
    events = {lemma: "Event" for (lemma, pos) in lexicon.events if pos == "NOUN"}
    return NounClasses({**events, **listed.classes})
