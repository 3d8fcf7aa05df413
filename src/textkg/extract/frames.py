"""Intermediate results of extraction, before mentions are clustered into entities."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import Span
from .mentions import Mention


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
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return (start, end)


def token_span(tokens: list[Token]) -> Span:
    return (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))
