"""A user knowledge base that adds aliases, types and outside links to extracted entities.

Two formats: CSV with the columns ``label, aliases, type, iri`` (aliases separated by "|"), or SKOS
Turtle (skos:prefLabel / skos:altLabel / rdfs:label on each concept; its rdf:type's local name,
if it is one of textkg's entity types, is the type). Names match on transliteration-folded keys.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..language.names import name_key
from ..records import ENTITY_TYPES, Entity, ExtractionRecord, broad_type

WIKIDATA_PREFIX = "http://www.wikidata.org/entity/"
CSV_COLUMNS = ("label", "aliases", "type", "iri")


@dataclass(frozen=True)
class KbEntry:
    label: str
    aliases: tuple[str, ...]
    type: str | None
    iri: str

    @property
    def link(self) -> tuple[str, str]:
        """Wikidata IRIs are filed under "wikidata", anything else under "kb"."""
        name = "wikidata" if self.iri.replace("https://", "http://").startswith(WIKIDATA_PREFIX) else "kb"
        return name, self.iri


@dataclass(frozen=True)
class KnowledgeBase:
    by_key: Mapping[str, KbEntry]

    def find(self, names: Iterable[str]) -> KbEntry | None:
        return next((self.by_key[k] for k in (name_key(n) for n in names) if k in self.by_key), None)


def read_kb(path: str | Path) -> KnowledgeBase:
    """A CSV file or a SKOS Turtle file (.ttl) of known entities."""
    path = Path(path)
    entries = list(_read_turtle(path) if path.suffix.lower() == ".ttl" else _read_csv(path))
    by_key: dict[str, KbEntry] = {}
    for entry in entries:
        for name in (entry.label, *entry.aliases):
            by_key.setdefault(name_key(name), entry)
    return KnowledgeBase(by_key)


def apply_kb(record: ExtractionRecord, kb: KnowledgeBase) -> ExtractionRecord:
    """A copy of ``record`` whose entities known to ``kb`` gain its aliases, type and link. A KB
    type replaces the extracted one only within the same broad class (a Person stays a person)."""
    return replace(record, entities=tuple(_enriched(e, kb) for e in record.entities))


def _enriched(entity: Entity, kb: KnowledgeBase) -> Entity:
    if entity.type in ("Concept", "Date"):
        return entity
    entry = kb.find((entity.label, *entity.aliases))
    if entry is None:
        return entity
    names = (entry.label, *entry.aliases)
    aliases = tuple(dict.fromkeys((*entity.aliases, *(n for n in names if n != entity.label))))
    same_class = entry.type is not None and broad_type(entry.type) == broad_type(entity.type)
    name, iri = entry.link
    return replace(
        entity,
        type=entry.type if same_class else entity.type,
        aliases=aliases,
        links={**entity.links, name: iri},
    )


def _read_csv(path: Path) -> Iterable[KbEntry]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(path, f"cannot read the knowledge base: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise InputError(path, f"missing CSV column(s): {', '.join(sorted(missing))}", line=1)
        for number, row in enumerate(reader, start=2):
            label, iri, type_ = (row["label"] or "").strip(), (row["iri"] or "").strip(), (row["type"] or "").strip()
            if not label or not iri:
                raise InputError(path, "every row needs a label and an iri", line=number)
            if type_ and type_ not in ENTITY_TYPES:
                raise InputError(path, f"unknown type {type_!r}; use one of {', '.join(ENTITY_TYPES)}", line=number)
            aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
            yield KbEntry(label, aliases, type_ or None, iri)


def _read_turtle(path: Path) -> Iterable[KbEntry]:
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, RDFS, SKOS

    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser-specific errors
        raise InputError(path, f"cannot read the knowledge base as Turtle: {exc}") from exc
    subjects = {s for p in (SKOS.prefLabel, RDFS.label) for s in graph.subjects(p, None) if isinstance(s, URIRef)}
    for subject in sorted(subjects):
        labels = [str(o) for o in graph.objects(subject, SKOS.prefLabel)] or [str(o) for o in graph.objects(subject, RDFS.label)]
        aliases = tuple(str(o) for o in graph.objects(subject, SKOS.altLabel)) + tuple(labels[1:])
        types = [str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in graph.objects(subject, RDF.type)]
        type_ = next((t for t in types if t in ENTITY_TYPES), None)
        yield KbEntry(labels[0], aliases, type_, str(subject))
