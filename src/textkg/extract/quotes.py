"""Quotations: the words between an opening and a closing quotation mark. What a quotation says
is its speaker's words, so a verb inside one takes no argument from outside it ("l'ambassadeur
... : « Nos équipes ouvrent un chapitre »": the ambassador opens no chapter). Pure
functions of the document context; the spans are memoised there."""

from __future__ import annotations


from spacy.tokens import Span as SpacySpan

from . import deps
from .context import DocContext


def quotations(ctx: DocContext) -> tuple[SpacySpan, ...]:
    """The quoted speech of the document, in text order (the marks themselves left out): a
    quotation with a verb is someone's words; a quoted name ("l'association « Un toit pour tous
    »") is not."""
    memo = ctx.memos["quotations"]
    if "all" not in memo:
        memo["all"] = tuple(sorted((q for q in _quotations(ctx) if _is_speech(q)), key=lambda span: span.start))
    return memo["all"]


def _quotations(ctx: DocContext):
    text = ctx.text
    for opening, closing in ctx.words.quote_pairs:
        start = text.find(opening)
        while start >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            quoted = ctx.doc.char_span(start + 1, end, alignment_mode="contract")
            if quoted is not None and len(quoted):
                yield quoted
            start = text.find(opening, end + 1)


def quotation_at(ctx: DocContext, i: int) -> int | None:
    """The index of the quotation token ``i`` is in, or None (of nested quotations, the one that
    starts last before ``i``)."""
    by_token = _quotation_of_tokens(ctx)
    return by_token[i] if 0 <= i < len(by_token) else None


def _quotation_of_tokens(ctx: DocContext) -> list[int | None]:
    """``quotation_at`` for every token, made once per document (it is asked for every argument of
    every verb)."""
    memo = ctx.memos["quotations"]
    if "by_token" not in memo:
        spans = quotations(ctx)
        by_token: list[int | None] = [None] * len(ctx.tokens)
        for at, span in enumerate(spans):
            # Up to the next quotation's start, the last one started is this one.
            stop = spans[at + 1].start if at + 1 < len(spans) else len(by_token)
            by_token[span.start : min(span.end, stop)] = [at] * max(0, min(span.end, stop) - span.start)
        memo["by_token"] = by_token
    return memo["by_token"]


def same_voice(ctx: DocContext, a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` are both in the same quotation, or both outside any."""
    return quotation_at(ctx, a) == quotation_at(ctx, b)


def _is_speech(quoted: SpacySpan) -> bool:
    return any(t.pos_ in deps.CLAUSE_POS for t in quoted)
