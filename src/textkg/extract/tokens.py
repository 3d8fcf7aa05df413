"""Token look-ups that spaCy makes costly, served from per-Doc arrays: a morphological feature
(``MorphAnalysis.get`` builds an array and strings on every call, ~2 µs) and the start of a
token's sentence (``Token.sent`` builds a Span and scans for its boundaries, ~3 µs)."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.attrs import MORPH
from spacy.tokens import Doc, Token

# (morphology id, field) -> values: a tag set has a few hundred analyses, each parsed once.
_FEATURES: dict[tuple[int, str], list[str]] = {}


@lru_cache(maxsize=8)
def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (Doc.text joins every token's text on each access; a
    Span's text is the slice ``doc_text(doc)[span.start_char : span.end_char]``)."""
    return doc.text


@lru_cache(maxsize=8)
def _morph_ids(doc: Doc) -> list[int]:
    return doc.to_array(MORPH).tolist() if len(doc) else []


def morph_get(token: Token, field: str) -> list[str]:
    """``token.morph.get(field)``; the list is shared, callers must not change it."""
    key = (_morph_ids(token.doc)[token.i], field)
    values = _FEATURES.get(key)
    if values is None:
        values = _FEATURES[key] = token.morph.get(field)
    return values


@lru_cache(maxsize=8)
def sentence_starts(doc: Doc) -> tuple[int, ...]:
    """The first token index of each sentence of ``doc``."""
    return tuple(s.start for s in doc.sents)


def sentence_start(token: Token) -> int:
    """``token.sent.start``."""
    starts = sentence_starts(token.doc)
    return starts[bisect_right(starts, token.i) - 1]


def previous_sentence_start(token: Token) -> int:
    """The start of the sentence before ``token``'s (0 in the first sentence), as
    ``doc[token.sent.start - 1].sent.start``."""
    starts = sentence_starts(token.doc)
    current = bisect_right(starts, token.i) - 1
    return starts[current - 1] if current > 0 else 0
