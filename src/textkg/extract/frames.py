"""Intermediate results of extraction, before mentions are clustered into entities."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, HEAD, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Span
from .mentions import Mention, doc_text


@dataclass(frozen=True)
class Frame:
    """A predicate with its role-labelled mentions: a verb or an event noun."""

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


# Every extractor asks for the span of each sentence it visits; a small memo serves them all.
@lru_cache(maxsize=1024)
def sentence_span(sent: SpacySpan) -> Span:
    """Character span of a sentence without its surrounding white space."""
    # A slice of the Doc's text, built once per Doc: Span.text makes a Token for every word.
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return (start, end)


class TokenArrays(NamedTuple):
    """Per-token attributes of a Doc as plain lists, read without making Token objects: parts of
    speech and dependency labels (string ids), absolute head indices, lower-case forms (ids)."""

    pos: list[int]
    dep: list[int]
    head: list[int]
    lower: list[int]


@lru_cache(maxsize=8)
def token_arrays(doc: Doc) -> TokenArrays:
    if len(doc) == 0:
        return TokenArrays([], [], [], [])
    array = doc.to_array([POS, DEP, HEAD, LOWER])
    heads = numpy.arange(len(doc), dtype=numpy.int64) + array[:, 2].astype(numpy.int64)
    return TokenArrays(array[:, 0].tolist(), array[:, 1].tolist(), heads.tolist(), array[:, 3].tolist())


def sentences(doc: Doc) -> tuple[SpacySpan, ...]:
    """The sentences of ``doc`` (memoised with its token arrays)."""
    return _sentences_and_tags(doc)[0]


@lru_cache(maxsize=8)
def _sentences_and_tags(doc: Doc) -> tuple[tuple[SpacySpan, ...], list[int]]:
    return tuple(doc.sents), token_arrays(doc).pos


@lru_cache(maxsize=8)
def positions_by_tag(doc: Doc) -> dict[int, list[int]]:
    """Token indices of each part of speech, in text order."""
    positions: dict[int, list[int]] = {}
    for i, tag in enumerate(token_arrays(doc).pos):
        positions.setdefault(tag, []).append(i)
    return positions


def tagged(doc: Doc, *tags: str) -> Iterator[tuple[SpacySpan, list[Token]]]:
    """Each sentence with its tokens of the given parts of speech ("VERB", "NOUN"), found in the
    token arrays: making a Token object for every word costs more than most extractors do."""
    by_tag = positions_by_tag(doc)
    lists = [by_tag.get(POS_IDS[tag], ()) for tag in dict.fromkeys(tags)]
    found = list(lists[0]) if len(lists) == 1 else sorted(i for positions in lists for i in positions)
    # Sentences partition the Doc: walk the positions once, cutting at each sentence's end.
    at, count = 0, len(found)
    for sent in _sentences_and_tags(doc)[0]:
        end, first = sent.end, at
        while at < count and found[at] < end:
            at += 1
        if at > first:
            yield sent, [doc[i] for i in found[first:at]]


def token_span(tokens: list[Token]) -> Span:
    return (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))
