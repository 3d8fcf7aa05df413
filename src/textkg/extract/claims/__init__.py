"""Reported speech: who said what, and which outlet reported it.

Pure functions of the document context, one module per question: which quotations the text
holds (quotes.py), what a reporting verb reports (content.py), who said it and where
(attribution.py), and the claims that need no reporting verb (markers.py: "selon X", "Pour X,",
"l'information selon laquelle"). A claim's content is a character span; frames found inside it are
attached to the claim later instead of being asserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..candidates import NEWS_AGENCY, PRONOUN, ClaimFrame, Mention
from ..context import DocContext
from .attribution import is_speaking, last_speaker_named, outlet, speaker
from .cues import Cue, reporting_cue
from .content import OBJECT, verb_contents
from .markers import (
    according_to,
    announcement,
    citations,
    claim_frame,
    continued_quote,
    cue_text,
    headline_quote,
    hearsay,
    opinion,
)

# Reporting verbs, and the words the tagger takes for a noun or an adjective in a verb's place
# ("« ... », juge le ministère", "X raconte : « ... »").
CUE_POS = frozenset(POS_IDS[tag] for tag in ("VERB", "NOUN", "ADJ"))
NAMED_SPEAKER_CONFIDENCE = 0.8
OTHER_SPEAKER_CONFIDENCE = 0.6

__all__ = ["claim_frames", "is_speaking"]


def claim_frames(ctx: DocContext) -> tuple[ClaimFrame, ...]:
    """Every claim of the document, in text order; one claim per content."""
    found: dict[tuple[int, int], ClaimFrame] = {}
    for frame in _claims(ctx):
        found.setdefault(frame.content, frame)
    return tuple(sorted(found.values(), key=lambda f: (f.content, f.cue_token)))


def _claims(ctx: DocContext) -> Iterator[ClaimFrame]:
    pos = ctx.pos
    previous: ClaimFrame | None = None  # the last claim of the sentence before
    for sent in ctx.sentences:
        found = list(_sentence_claims(ctx, sent, pos, previous))
        yield from found
        previous = next((c for c in reversed(found) if c.speaker is not None), None)


def _sentence_claims(ctx: DocContext, sent: SpacySpan, pos: list[int], previous: ClaimFrame | None) -> Iterator[ClaimFrame]:
    """The claims of one sentence; a sentence that is a quotation alone continues ``previous``."""
    cited = list(citations(ctx, sent))
    agency = next((c.source for c in cited if c.source is not None), None)
    claims = list(hearsay(ctx, sent, agency))
    cues = {c.cue_token for c in claims}
    # Candidates are found in the token arrays: a Token for every word costs more than the rest.
    for i in range(sent.start, sent.end):
        if pos[i] not in CUE_POS or i in cues:
            continue
        token = ctx.tokens[i]
        cue = reporting_cue(ctx, token)
        if cue is not None:
            claims += _reported(ctx, sent, token, cue, agency)
    yield from claims
    # What a reporting verb governs or comments is its claim, not also "selon X"'s.
    covered = {t for c in claims for t in (c.cue_token, *_tokens_of(ctx, c))}
    for citation in cited:
        if citation.speaker is not None or not claims:
            claim = according_to(ctx, sent, citation, covered)
            if claim is not None:
                yield claim
    extra = [opinion(ctx, sent, covered), announcement(ctx, sent, covered), headline_quote(ctx, sent, covered)]
    if not claims and not cited:
        extra.append(continued_quote(ctx, sent, previous, covered))
    yield from (claim for claim in extra if claim is not None)


def _reported(ctx: DocContext, sent: SpacySpan, verb: Token, cue: Cue, agency: Mention | None) -> list[ClaimFrame]:
    """The claims of a reporting verb: one per content, by its speaker, with the outlet that
    printed it."""
    contents = verb_contents(ctx, verb, cue)
    if not contents:
        return []
    first = contents[0]
    who = speaker(ctx, verb, inverted=first.inverted)
    # Only someone, or a text, says things: "cette hausse rapportera 3 milliards" reports nothing.
    if who is not None and not is_speaking(ctx, who):
        return []
    source = agency or outlet(ctx, verb, (t for said in contents for t in said.tokens))
    if who is not None and who.fine_type == NEWS_AGENCY and source is None:
        who, source = None, who  # "..., rapporte Nova": the agency is the outlet
    if who is None and source is None:
        return []
    confidence = NAMED_SPEAKER_CONFIDENCE if who is not None and who.is_named else OTHER_SPEAKER_CONFIDENCE
    fallback = last_speaker_named(ctx, who) if who is not None and who.type == PRONOUN else None
    words = cue_text(ctx, verb)
    # Condemning a crime or threatening with prosecution is an act as well as words.
    act = first.kind == OBJECT or ctx.resources.lexicon.event_class(cue.lemma, "VERB") is not None
    return [
        replace(
            claim_frame(ctx, sent, words, verb.i, who, source, said, confidence, cue.stance, verb),
            cue_is_event=act,
            speaker_fallback=fallback,
        )
        for said in contents
    ]


def _tokens_of(ctx: DocContext, claim: ClaimFrame) -> range:
    start, end = claim.content
    doc = ctx.doc
    first = doc.char_span(start, end, alignment_mode="expand")
    return range(first.start, first.end) if first is not None else range(0)

