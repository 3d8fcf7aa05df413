"""The documents on the page: text, metadata, sentence starts, and the offsets JavaScript needs.

Record offsets are Python string indices (code points); JavaScript strings count UTF-16 code
units, where a character outside the Basic Multilingual Plane (an emoji, a mathematical letter)
takes two. Every offset is converted here, once, so the page slices its strings directly and a
highlight can never start or end inside a surrogate pair.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...records import Document

# a sentence ends at . ! ? … (with closing quotes or brackets) before whitespace and an upper-case
# letter, a digit or an opening quote; a line break always ends one
_SENTENCE_END = re.compile(r"""[.!?…]+[»"”’)\]]*\s+(?=[«"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n+""")
# "M. Moreau", "J. Biden", "Dr. Who": a period after an initial or a title does not end a sentence
_ABBREVIATION = re.compile(r"(?:\b[A-ZÀ-Þ]|\b(?:Mme|Mlle|Mgr|Me|Dr|Pr|St|Ste|Mr|Mrs|Ms|Jr|Sr|Gen|Gén|Col|Lt|Cpt|Sgt|Prof))\.$")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# the date a timeline can place: a year, a month or a day, at the start of the metadata
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Utf16:
    """Code-point offsets into one text as UTF-16 offsets.

    >>> to_utf16 = Utf16.of("😀😀. Olaf")
    >>> to_utf16(4), to_utf16.span((4, 8))
    (6, [6, 10])
    """

    astral: tuple[int, ...]  # code-point indices of the characters that take two UTF-16 units

    @classmethod
    def of(cls, text: str) -> Utf16:
        return cls(tuple(match.start() for match in _ASTRAL.finditer(text)))

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset) if self.astral else offset

    def span(self, span: tuple[int, int]) -> list[int]:
        return [self(span[0]), self(span[1])]


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start (0 first), by punctuation and line breaks.

    >>> text = "M. Moreau a parlé. La France signe ! « Fin »"
    >>> [text[i:i + 6] for i in sentence_starts(text)]
    ['M. Mor', 'La Fra', '« Fin ']
    """
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text[max(0, match.start() - 6) : match.start() + 1]):
            continue
        starts.append(match.end())
    return starts


def iso_date(value: str | None) -> str | None:
    """The year, month or day a date string starts with, or None.

    >>> iso_date("2023-05-25T10:00:00Z"), iso_date("2023-05"), iso_date("mai 2023")
    ('2023-05-25', '2023-05', None)
    """
    match = _ISO_DATE.match(value or "")
    return match.group() if match else None


def page_document(document: Document, to_utf16: Utf16) -> dict:
    """A document as the page reads it: metadata, the whole text and its sentence starts."""
    return {
        "id": document.id,
        "title": document.title,
        "source": document.source,
        "date": document.date,
        "day": iso_date(document.date),
        "url": document.url,
        "lang": document.lang,
        "text": document.text,
        "sentences": [to_utf16(start) for start in sentence_starts(document.text)],
    }
