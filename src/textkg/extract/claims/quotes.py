"""Quotations of a document: where each opens and closes, across the sentences of its paragraph,
and the quotation right after or right before a cue.

A quotation is a pair of marks of ``quote_pairs`` (words.tsv) within one paragraph; « » nest, so
"« il a parlé d'une « erreur » grave »" is one quotation holding another.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id

from ...records import Span
from ..context import DocContext

SPACE_ID = POS_IDS["SPACE"]
PUNCT_ID = POS_IDS["PUNCT"]
# Between a closing mark and the verb of its incise: « ... », a-t-il ajouté / « ... » a déclaré X.
INCISE_GAP_POS = frozenset(POS_IDS[tag] for tag in ("PUNCT", "AUX", "ADV", "PRON"))
# At most so many words between a cue and the quotation it introduces ("a déclaré à l'AFP : « »").
MAX_WORDS_BEFORE_QUOTE = 12
NOUN_PHRASE_POS = frozenset(POS_IDS[tag] for tag in ("DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM", "PUNCT"))
MAX_INCISE_GAP = 4


@dataclass(frozen=True)
class Quote:
    """A quotation: the token indices of its marks and the characters between them (trimmed)."""

    opening: int
    closing: int
    span: Span


def document_quotes(ctx: DocContext) -> tuple[Quote, ...]:
    """Every outermost quotation of the document, in text order."""
    memo = ctx.memos["quotes"]
    if "all" not in memo:
        memo["all"] = tuple(_find_quotes(ctx))
    return memo["all"]


def _find_quotes(ctx: DocContext):
    closing_of = {get_string_id(opening): get_string_id(closing) for opening, closing in ctx.words.quote_pairs}
    lower, doc, text = ctx.lower, ctx.doc, ctx.text
    i, count = 0, len(doc)
    while i < count:
        opening = lower[i]
        if opening not in closing_of:
            i += 1
            continue
        closing, depth, j = closing_of[opening], 0, i + 1
        while j < count and not (ctx.pos[j] == SPACE_ID and "\n" in ctx.tokens[j].text):
            if lower[j] == closing and depth == 0:
                break
            if opening != closing:
                depth += (lower[j] == opening) - (lower[j] == closing)
            j += 1
        if j >= count or lower[j] != closing:
            i += 1  # unclosed in its paragraph: a stray mark
            continue
        start, end = ctx.tokens[i].idx + len(ctx.tokens[i]), ctx.tokens[j].idx
        inner = text[start:end]
        lead = len(inner) - len(inner.lstrip())
        if inner.strip():
            yield Quote(i, j, (start + lead, start + len(inner.rstrip())))
        i = j + 1


def quote_at(ctx: DocContext, i: int) -> Quote | None:
    """The quotation whose marks enclose token ``i``."""
    return next((q for q in document_quotes(ctx) if q.opening < i < q.closing), None)


def quote_opening_at(ctx: DocContext, i: int) -> Quote | None:
    """The quotation that opens at token ``i``, or right after a colon or "que" there."""
    for quote in document_quotes(ctx):
        if quote.opening >= i:
            between = range(i, quote.opening)
            return quote if all(ctx.pos[k] == PUNCT_ID or ctx.tokens[k].dep_ == "mark" for k in between) else None
    return None


def quote_after(ctx: DocContext, cue: int, end: int, speaker_after: bool = False) -> Quote | None:
    """The quotation that the cue at token ``cue`` introduces: it opens before token ``end`` (the
    cue's sentence end, or right there after a colon: the parser may start a sentence at the
    mark), after words that all depend on the cue ("a déclaré à l'AFP : « ... »") and a colon
    or a comma last. With ``speaker_after`` (a cue whose speaker follows it: "comme le rappelle
    X, « ... »") a comma may close the speaker's noun phrase too."""
    for quote in document_quotes(ctx):
        if quote.opening <= cue:
            continue
        past_end = quote.opening > end or (quote.opening == end and ctx.tokens[end - 1].text != ":")
        if past_end or quote.opening - cue > MAX_WORDS_BEFORE_QUOTE:
            return None
        before = ctx.tokens[quote.opening - 1]
        between = ctx.tokens[cue + 1 : quote.opening]
        # "déclare en recevant le prix que « ... »": the "que" belongs to the clause inside.
        introduced = before.pos == PUNCT_ID or before.dep_ == "mark"
        # "comme le rappelle le maire, X : « ... »": a colon may follow the speaker's noun
        # phrase, however the parser hung it.
        named_first = (before.text == ":" or (speaker_after and before.text == ",")) and all(t.pos in NOUN_PHRASE_POS for t in between)
        if quote.opening == cue + 1 or named_first or (
            introduced and all(ctx.tokens[cue].is_ancestor(t) or t.pos == PUNCT_ID or t == before for t in between)
        ):
            return quote
        return None
    return None


def quote_before(ctx: DocContext, cue: int) -> Quote | None:
    """The quotation that ends right before the incise of the cue at token ``cue``: "« ... »,
    a-t-il ajouté", "« ... » a déclaré X", "« ... », selon X"."""
    for quote in reversed(document_quotes(ctx)):
        if quote.closing >= cue:
            continue
        gap = range(quote.closing + 1, cue)
        if len(gap) <= MAX_INCISE_GAP and all(ctx.pos[k] in INCISE_GAP_POS for k in gap):
            return quote
        return None
    return None


def passages(ctx: DocContext, span: Span) -> list[Span]:
    """The passages of a content: it is cut where a mark of omission (``quote_cuts`` in
    words.tsv: "[...]") ends a sentence and a capital opens the next ("... ! [...] Nous
    demandons ..."): the journalist joined two things said."""
    text = ctx.text
    begin, end = span
    cuts = sorted(
        (at, at + len(cut))
        for cut in ctx.words.quote_cuts
        for at in _occurrences(text, cut, begin, end)
        if text[at + len(cut) : end].lstrip()[:1].isupper()
    )
    bounds = [begin, *(b for cut in cuts for b in cut), end]
    pieces = []
    for start, stop in zip(bounds[::2], bounds[1::2], strict=True):
        piece = text[start:stop]
        start, stop = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
        if stop > start:
            pieces.append((start, stop))
    return pieces


def _occurrences(text: str, needle: str, start: int, end: int) -> list[int]:
    found, at = [], text.find(needle, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle), end)
    return found
