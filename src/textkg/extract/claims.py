"""Reported speech: reporting verbs with indirect (ccomp) or quoted content, and "selon X" sources.

Pure functions over a parsed Doc. A claim's content is a character span; frames found inside it
are attached to the claim later instead of being asserted.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from .arguments import MentionIndex
from .frames import ClaimFrame, sentence_span, token_span
from .mentions import Mention
from .relations import polarity, subjects

CONTENT_DEPS = frozenset({"ccomp", "xcomp"})
SOURCE_MARKERS = frozenset({"selon", "d'après", "according to"})
# Speakers placed after the verb in an incise: "« ... », a affirmé Choïgu" / "rapporte Sputnik".
INVERTED_SPEAKER_DEPS = frozenset({"nsubj", "dep", "obj", "appos", "nmod"})
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
DENIAL = "Denial"


def claim_frames(doc: Doc, index: MentionIndex, lexicon: Lexicon) -> Iterator[ClaimFrame]:
    for sent in doc.sents:
        sources = list(_sources(sent, index))
        found = False
        for token in sent:
            stance = lexicon.reporting_stance(doc.lang_, token.lemma_) if token.pos_ == "VERB" else None
            if stance is None:
                continue
            claim = _reported(token, sent, index, sources, stance)
            if claim is not None:
                found = True
                yield claim
        if not found:
            yield from _according_to(sent, index, sources)


def _reported(verb: Token, sent: Span, index: MentionIndex, sources: list[tuple[Token, Mention]], stance: str) -> ClaimFrame | None:
    speaker = _speaker(verb, index)
    quote = _quote_span(sent, verb)
    content_tokens = next(
        (list(c.subtree) for c in verb.children if c.dep_ in CONTENT_DEPS),
        None,
    )
    if quote is not None and content_tokens and token_span(content_tokens)[0] <= quote[0] < token_span(content_tokens)[1]:
        quote = None  # a quoted phrase inside indirect speech: « intégrité territoriale »
    if quote is not None:
        content, is_quote = quote, True
    elif content_tokens:
        content_tokens = [t for t in content_tokens if not (t.dep_ == "mark" and t.head.dep_ in CONTENT_DEPS and t.i == content_tokens[0].i)]
        content, is_quote = token_span(content_tokens), False
    elif verb.dep_ in ("advcl", "parataxis") and verb.i > verb.head.i:
        # "Les activités ... ont pris ..., rapporte Sputnik": the main clause is the content.
        main = [t for t in verb.head.subtree if t.i < verb.i and not t.is_punct]
        if not main:
            return None
        content, is_quote = token_span(main), False
    else:
        return None
    if speaker is None:
        return None
    source = next((m for _, m in sources if m != speaker), None)
    negative = stance == DENIAL or polarity(verb) == "negative"
    return ClaimFrame(
        cue=_cue_text(verb),
        cue_token=verb.i,
        speaker=speaker,
        source=source,
        content=content,
        quote=is_quote,
        evidence=sentence_span(sent),
        polarity="negative" if negative else "positive",
        confidence=0.8 if speaker.is_named else 0.6,
    )


def _according_to(sent: Span, index: MentionIndex, sources: list[tuple[Token, Mention]]) -> Iterator[ClaimFrame]:
    """No reporting verb: "X, selon Moscou, a été motivée" makes Moscou the speaker."""
    for token, mention in sources[:1]:
        clause = token.head
        content = [t for t in clause.subtree if t not in token.subtree and not t.is_punct]
        if not content:
            continue
        case = next(c for c in token.children if c.dep_ == "case")
        yield ClaimFrame(
            cue=case.text,
            cue_token=case.i,
            speaker=mention,
            source=None,
            content=token_span(content),
            quote=False,
            evidence=sentence_span(sent),
            polarity="positive",
            confidence=0.6,
        )


def _sources(sent: Span, index: MentionIndex) -> Iterator[tuple[Token, Mention]]:
    for token in sent:
        case = [c for c in token.children if c.dep_ == "case"]
        marker = "".join(c.text_with_ws for c in case).strip().lower().replace("’", "'")
        if marker in SOURCE_MARKERS:
            mention = index.named(token)
            if mention is not None:
                yield token, mention


def _speaker(verb: Token, index: MentionIndex) -> Mention | None:
    incise = verb.dep_ in ("advcl", "parataxis") and verb.i > verb.head.i
    for subject in [c for c in verb.children if c.dep_ == "nsubj"] if incise else subjects(verb):
        mention = index.named(subject) or index.resolve(subject, allow_concept=False)
        if mention is not None:
            return mention
    for child in verb.children:
        if child.i > verb.i and child.dep_ in INVERTED_SPEAKER_DEPS and child.pos_ == "PROPN":
            mention = index.named(child)
            if mention is not None:
                return mention
    return None


def _quote_span(sent: Span, verb: Token) -> tuple[int, int] | None:
    """The text between quotation marks in ``sent`` when ``verb`` stands outside them."""
    text = sent.text
    for opening, closing in QUOTE_PAIRS.items():
        start = text.find(opening)
        end = text.find(closing, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            continue
        abs_start, abs_end = sent.start_char + start + 1, sent.start_char + end
        if abs_start <= verb.idx < abs_end:
            continue
        inner = text[start + 1 : end]
        lead = len(inner) - len(inner.lstrip())
        return (abs_start + lead, abs_start + len(inner.rstrip()))
    return None


def _cue_text(verb: Token) -> str:
    parts = [c for c in verb.children if c.dep_.startswith("aux") or (c.dep_ == "advmod" and c.lemma_.lower() in ("ne", "pas"))]
    tokens = sorted([verb, *parts], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)
