"""Names in ranked result lists: sports results and polls list people by rank ("1. Vasselin
(Fr) 3 h 12'04. 2. Korvald à 12. 3. L. Marten m. t."), often where the statistical NER sees
nothing, or a town.

A capitalised word right after a rank number is an entry; three entries or more whose ranks
rise, each close to the last, are a list; when most entries show a competitor's marks (a time or
a gap after the name, the same-time abbreviation, an origin in parentheses, an initial before the
name, or the NER's own person), every entry is a person. The word in parentheses after an entry,
a short country or town abbreviation ("(Fr)", "(Esp)"), is a place. Pure functions of the
document context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .candidates import PERSON_TYPE, Mention
from .context import DocContext

PLACE = "Place"
COUNTRY_OR_REGION = frozenset({"Country", "Region"})
# A rank: one to three digits and a full stop, as one token or two ("12." / "12" ".").
RANK_NUMBER = re.compile(r"\d{1,3}")
RANK_TOKEN = re.compile(r"(\d{1,3})\.")
# Where a rank may be in the text: a number of one to three digits, a full stop, a capital.
RANK_IN_TEXT = re.compile(r"(?<![\d,.])(\d{1,3})\s?\.\s+[^\W\d_]")
# What a time is written with: minutes and seconds marks, the hour ("3 h 12'04", 2'24").
TIME_MARKS = frozenset({"'", "’", '"', "″", "h"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
# An initial before a surname ("L. Marten").
INITIAL = re.compile(r"[A-Z]\.")
# How many tokens an entry may hold after its name before the next rank (times, origin, gaps).
MAX_ENTRY_TOKENS = 14
MIN_ENTRIES = 3
MAX_NAME_WORDS = 3
# An abbreviation of a country or town of origin: "(Fr)", "(Esp)", "(S)"; longer words must be
# known places.
MAX_ORIGIN_LETTERS = 3


@dataclass(frozen=True)
class Entry:
    rank: int
    rank_token: int  # the token holding the rank number
    first: int  # the name's first and last tokens
    last: int
    marked: bool  # the entry shows a competitor's marks


def ranked_names(ctx: DocContext) -> Iterator[Mention]:
    """Persons of the document's ranked result lists, and the places of origin in parentheses
    after them, in text order."""
    doc = ctx.doc
    for entries in _lists(ctx, list(_entries(ctx))):
        if sum(e.marked for e in entries) * 2 < len(entries) or sum(e.marked for e in entries) < 2:
            continue
        for entry in entries:
            name = doc[entry.first : entry.last + 1]
            place = ctx.resources.gazetteer.place(name.text)
            if place is not None and place.type in COUNTRY_OR_REGION:
                continue  # a ranking of countries, or one country among the entries
            yield Mention(name.start_char, name.end_char, name.text, PERSON_TYPE, entry.first, entry.last)
            origin = _origin(ctx, entry.last + 1)
            if origin is not None:
                token = ctx.tokens[origin]
                yield Mention(token.idx, token.idx + len(token), token.text, PLACE, origin, origin)


def _entries(ctx: DocContext) -> Iterator[Entry]:
    doc = ctx.doc
    # Ranks found in the text first: most documents hold none, and no Token need be made.
    for match in RANK_IN_TEXT.finditer(ctx.text):
        rank_span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if rank_span is None:
            continue
        i = rank_span.start
        rank, name_start = _rank_at(doc, i)
        if rank is None or name_start >= len(doc):
            continue
        first = name_start
        initial = INITIAL.fullmatch(ctx.tokens[first].text) is not None and first + 1 < len(doc)
        if initial:
            first += 1
        last = first
        while last + 1 < len(doc) and last + 1 - first < MAX_NAME_WORDS and _capitalised(ctx.tokens[last + 1].text):
            last += 1
        if not _capitalised(ctx.tokens[first].text):
            continue
        yield Entry(rank, i, name_start, last, initial or _marked(ctx, first, last))


def _rank_at(doc: Doc, i: int) -> tuple[int | None, int]:
    """The rank whose number is token ``i`` and the token after it, if it is one: "12." or "12" "."."""
    text = doc[i].text
    match = RANK_TOKEN.fullmatch(text)
    if match is not None:
        return int(match.group(1)), i + 1
    if RANK_NUMBER.fullmatch(text) and i + 1 < len(doc) and doc[i + 1].text == ".":
        return int(text), i + 2
    return None, i


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and sum(c.isalpha() for c in text) >= 2


def _marked(ctx: DocContext, first: int, last: int) -> bool:
    """A competitor's marks after the name: an origin in parentheses, a time ("3 h 12'04",
    "2'24"), a gap ("à 12"), the same-time abbreviation ("m. t."); or the NER's person."""
    doc, marks = ctx.doc, ctx.words.result_marks
    if any(ctx.tokens[i].ent_type_ in PERSON_LABELS for i in range(first, last + 1)):
        return True
    at = last + 1
    if at >= len(doc):
        return False
    if ctx.tokens[at].text == "(" or _time_at(doc, at):
        return True
    following = ctx.tokens[at + 1] if at + 1 < len(doc) else None
    return ctx.tokens[at].lower_ in marks and following is not None and (any(c.isdigit() for c in following.text) or following.lower_ in marks)


def _time_at(doc: Doc, i: int) -> bool:
    """A time at token ``i``: "2'24", "10'17", or a number before an hour or second mark ("3 h")."""
    text = doc[i].text
    if not any(c.isdigit() for c in text):
        return False
    if any(c in TIME_MARKS for c in text):
        return True
    return i + 1 < len(doc) and doc[i + 1].text in TIME_MARKS


def _lists(ctx: DocContext, entries: list[Entry]) -> Iterator[list[Entry]]:
    """Runs of entries whose ranks rise, each within a few tokens of the one before."""
    run: list[Entry] = []
    for entry in entries:
        if run and (entry.rank <= run[-1].rank or entry.rank_token - run[-1].last > MAX_ENTRY_TOKENS):
            if len(run) >= MIN_ENTRIES:
                yield run
            run = []
        run.append(entry)
    if len(run) >= MIN_ENTRIES:
        yield run


def _origin(ctx: DocContext, i: int) -> int | None:
    """The token of an origin in parentheses at token ``i``: "(Fr)", "(Esp, 4")", or a known place."""
    doc = ctx.doc
    if i + 2 >= len(doc) or ctx.tokens[i].text != "(" or ctx.tokens[i + 2].text not in (")", ","):
        return None
    word = ctx.tokens[i + 1].text
    letters = [c for c in word if c.isalpha()]
    short = 0 < len(letters) <= MAX_ORIGIN_LETTERS and word.isalpha() and word[:1].isupper() and not (len(word) > 1 and word.isupper())
    if short or ctx.resources.gazetteer.place(word) is not None:
        return i + 1
    return None
