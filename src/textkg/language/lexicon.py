"""The word lexicons of ontology/lexicons: predicates.tsv (lemmas that name events of an ontology
class, and lemmas that introduce reported speech) and nouns.tsv (common nouns that name a
participant of a broad class: "voyou" a Person, "voiture" Equipment, "incendie" an Event)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from .files import ontology_dir

ROLES = ("event", "reporting")
NOUN_CLASSES = ("Person", "Organization", "Place", "Equipment", "Event")


@dataclass(frozen=True)
class Lexicon:
    """Lookups by (lang, lemma, pos): event class, and reporting stance ("Statement", "Denial")."""

    events: dict[tuple[str, str, str], str] = field(default_factory=dict)
    reporting: dict[tuple[str, str], str] = field(default_factory=dict)

    def event_class(self, lang: str, lemma: str, pos: str) -> str | None:
        return self.events.get((lang, lemma.lower(), pos))

    def reporting_stance(self, lang: str, lemma: str) -> str | None:
        return self.reporting.get((lang, lemma.lower()))


def read_lexicon(path: Path) -> Lexicon:
    events: dict[tuple[str, str, str], str] = {}
    reporting: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 5 or cells[3] not in ROLES:
            raise InputError(path, "expected 5 tab-separated cells: lang, lemma, pos, role (event|reporting), class", number)
        lang, lemma, pos, role, cls = cells
        if role == "event":
            events[(lang, lemma.lower(), pos)] = cls
        else:
            reporting[(lang, lemma.lower())] = cls
    return Lexicon(events, reporting)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return read_lexicon(ontology_dir() / "lexicons" / "predicates.tsv")


@dataclass(frozen=True)
class NounClasses:
    """Broad ontology class of a common noun, by lower-case lemma."""

    classes: dict[str, str] = field(default_factory=dict)

    def class_of(self, lemma: str) -> str | None:
        return self.classes.get(lemma.lower())


def read_noun_classes(path: Path) -> dict[str, NounClasses]:
    """nouns.tsv: lang, class, lemmas; one NounClasses per language (a lemma keeps its first class)."""
    classes: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[1] not in NOUN_CLASSES:
            raise InputError(path, f"expected 3 tab-separated cells: lang, class ({'|'.join(NOUN_CLASSES)}), lemmas", number)
        lang, cls, lemmas = cells
        for lemma in lemmas.split("|"):
            classes.setdefault(lang, {}).setdefault(lemma.strip().lower(), cls)
    return {lang: NounClasses(by_lemma) for lang, by_lemma in classes.items()}


@lru_cache(maxsize=1)
def listed_noun_classes() -> dict[str, NounClasses]:
    return read_noun_classes(ontology_dir() / "lexicons" / "nouns.tsv")


def noun_classes(lexicon: Lexicon, lang: str) -> NounClasses:
    """nouns.tsv for ``lang``, plus the event nouns of ``lexicon`` as Events ("déploiement", "accord")."""
    listed = listed_noun_classes().get(lang, NounClasses())
    events = {lemma: "Event" for (language, lemma, pos) in lexicon.events if pos == "NOUN" and language == lang}
    return NounClasses({**events, **listed.classes})


@lru_cache(maxsize=4)
def default_noun_classes(lang: str) -> NounClasses:
    """The noun classes of the default lexicons for ``lang``."""
    return noun_classes(default_lexicon(), lang)
