"""Readers of the annotated corpora in shared/data into one gold-document shape.

Gold entities are coreference clusters of character-offset mentions; gold relations join cluster
indices. Offsets index the document text, like textkg's own records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldEntity:
    type: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[tuple[int, str, int], ...] = ()


def read_popcorn(path: str | Path) -> Iterator[GoldDocument]:
    """POPCORN (data/manual_corpus/*.json): id -> {text, entities: [{id, type, mentions:
    [{value, start, end}]}], relations: [[subject index, PREDICATE, object index]]}."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(path, f"cannot read the POPCORN corpus: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(path, "a POPCORN corpus is a JSON object of documents")
    for doc_id, doc in data.items():
        text = doc["text"]
        entities = tuple(
            GoldEntity(
                type=entity["type"],
                mentions=tuple(
                    sorted(
                        (GoldMention(m["start"], m["end"], text[m["start"] : m["end"]]) for m in entity["mentions"]),
                        key=lambda m: (m.start, m.end),
                    )
                ),
            )
            for entity in doc["entities"]
        )
        relations = tuple((int(s), str(p), int(o)) for s, p, o in doc.get("relations", []))
        yield GoldDocument(id=str(doc_id), text=text, entities=entities, relations=relations)
