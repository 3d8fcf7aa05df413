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


@dataclass(frozen=True)
class NerDocument:
    """A document of a token-level NER corpus rebuilt as text, with typed gold spans."""

    id: str
    text: str
    date: str | None
    spans: tuple[tuple[int, int, str], ...]  # (start, end, coarse type)


def read_hipe(path: str | Path) -> Iterator[NerDocument]:
    """HIPE-2022 TSV: '# hipe2022:document_id = ...' starts a document; TOKEN and the literal coarse
    IOB tag (NE-COARSE-LIT); MISC holds NoSpaceAfter and EndOfLine, which rebuild the text."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(path, f"cannot read the HIPE corpus: {exc}") from exc
    doc_id: str | None = None
    date: str | None = None
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    open_span: list | None = None
    length = 0

    def finish() -> NerDocument | None:
        if doc_id is None:
            return None
        return NerDocument(doc_id, "".join(parts), date, tuple(spans))

    for number, line in enumerate(lines, start=1):
        if line.startswith("# hipe2022:document_id"):
            done = finish()
            if done is not None:
                yield done
            doc_id, date, parts, spans, open_span, length = line.split("=", 1)[1].strip(), None, [], [], None, 0
            continue
        if line.startswith("# hipe2022:date"):
            date = line.split("=", 1)[1].strip() or None
            continue
        if not line.strip() or line.startswith("#") or line.startswith("TOKEN\t"):
            continue
        fields = line.split("\t")
        if len(fields) < 10 or doc_id is None:
            raise InputError(path, "expected 10 tab-separated columns inside a document", line=number)
        token, tag, misc = fields[0], fields[1], fields[9]
        start, end = length, length + len(token)
        if tag.startswith("B-") or (tag.startswith("I-") and (open_span is None or open_span[2] != tag[2:])):
            open_span = [start, end, tag[2:]]
            spans.append(tuple(open_span))
        elif tag.startswith("I-") and open_span is not None:
            open_span[1] = end
            spans[-1] = tuple(open_span)
        else:
            open_span = None
        separator = "" if "NoSpaceAfter" in misc else " "
        parts.append(token + separator)
        length = end + len(separator)
    done = finish()
    if done is not None:
        yield done


def read_democrat(path: str | Path) -> Iterator[GoldDocument]:
    """Democrat in e2e-coref jsonlines: sentences of tokens, clusters of inclusive token ranges over
    the whole document. The text is the tokens joined by spaces, one sentence a line."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read the Democrat corpus: {exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                sentences, clusters, key = data["sentences"], data["clusters"], str(data["doc_key"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(path, f"not an e2e-coref document: {exc}", line=number) from exc
            starts, ends, pieces, offset = [], [], [], 0
            for sentence in sentences:
                for i, token in enumerate(sentence):
                    starts.append(offset)
                    ends.append(offset + len(token))
                    separator = "\n" if i == len(sentence) - 1 else " "
                    pieces.append(token + separator)
                    offset += len(token) + len(separator)
            text = "".join(pieces)
            entities = tuple(
                GoldEntity(
                    type="mention",
                    mentions=tuple(
                        sorted(
                            (GoldMention(starts[a], ends[b], text[starts[a] : ends[b]]) for a, b in cluster),
                            key=lambda m: (m.start, m.end),
                        )
                    ),
                )
                for cluster in clusters
            )
            yield GoldDocument(id=key, text=text, entities=entities)
