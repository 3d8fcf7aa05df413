"""Date expressions of one language: where they are in a text, and their ISO value ("samedi 5
avril" -> "2023-04-05"), relative to the document date when there is one (dateparser), at the
precision the text gives: day, month or year."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

# Bare years news writes about.
_YEAR = re.compile(r"\b(?:1[0-9]|20)\d{2}\b")
_ORDINAL_FIRST = re.compile(r"\b1er\b", re.I)
_LEADING_PREPOSITION = re.compile(r"^\s*(?:le|en|the|in|on)\s+", re.I)
# "5 avril 2023", "avril 2023": absolute, so read directly (dateparser costs milliseconds a call).
_EXPLICIT = re.compile(r"^(?:(\d{1,2})\s+)?([^\W\d_]+)\s+((?:1[0-9]|20)\d{2})$")


@dataclass(frozen=True)
class DateReader:
    """Dates of the language whose ``months`` (name -> number) and ``weekdays`` it knows."""

    lang: str
    months: Mapping[str, int]
    weekdays: frozenset[str]
    # dateparser takes milliseconds a call and the same expressions recur across a corpus: the
    # values found so far (a cache of a pure function, invisible to callers).
    _values: dict[tuple[str, str | None], str | None] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        weekdays = "|".join(sorted(self.weekdays, key=len, reverse=True))
        months = "|".join(sorted(self.months, key=len, reverse=True))
        pattern = (
            rf"\b(?:(?:{weekdays})(?:\s+(?:\d{{1,2}}(?:er)?)\s+(?:{months})(?:\s+\d{{4}})?)?"
            rf"|(?:\d{{1,2}}(?:er)?\s+)?(?:{months})(?:\s+\d{{4}})?"
            rf"|(?:19|20)\d{{2}})\b"
        )
        object.__setattr__(self, "_pattern", re.compile(pattern, re.IGNORECASE))
        # Where a date may start: a digit or the first letter of a weekday or month. The pattern
        # opens with \b, which keeps re from skipping ahead by itself; this cheap pattern finds the
        # only places worth trying it (same flags, so the same case folding).
        initials = "".join(sorted({word[0] for word in (*self.weekdays, *self.months)}))
        object.__setattr__(self, "_starts", re.compile(r"\b[\d" + re.escape(initials) + "]", re.IGNORECASE))
        object.__setattr__(self, "_day", re.compile(r"\b\d{1,2}(?:er)?\b" + "".join(f"|{re.escape(w)}" for w in sorted(self.weekdays)), re.I))

    def matches(self, text: str) -> Iterator[re.Match]:
        """Weekdays, day-month and month(-year) expressions, and bare years, in text order."""
        resume = 0
        for start in self._starts.finditer(text):
            if start.start() < resume:
                continue  # inside the previous date
            match = self._pattern.match(text, start.start())
            if match is not None:
                resume = match.end()
                yield match

    def value(self, text: str, reference: str | None = None) -> str | None:
        """ISO value of a date expression, or None when it cannot be known (a weekday or a month
        with no year and no document date).

        >>> reader = DateReader("fr", {"mars": 3, "avril": 4, "juillet": 7}, frozenset({"samedi", "jeudi"}))
        >>> reader.value("samedi 5 avril", "2025-04-10")
        '2025-04-05'
        >>> reader.value("jeudi", "2023-05-26")
        '2023-05-25'
        >>> reader.value("en mars", "2023-05-26")
        '2023-03'
        >>> reader.value("le 1er juillet", "2023-05-26")
        '2023-07-01'
        >>> reader.value("mars 2015"), reader.value("jeudi")
        ('2015-03', None)
        """
        key = (text, reference)
        if key not in self._values:
            self._values[key] = self._normalize(text, reference)
        return self._values[key]

    def forget(self) -> None:
        """Forget the values found so far (a benchmark's pass starts cold)."""
        self._values.clear()

    def _normalize(self, text: str, reference: str | None) -> str | None:
        base = _parse_reference(reference)
        has_year = bool(_YEAR.search(text))
        if base is None and not has_year:
            return None
        cleaned = _LEADING_PREPOSITION.sub("", _ORDINAL_FIRST.sub("1", text))
        if _YEAR.fullmatch(cleaned.strip()):
            return cleaned.strip()
        explicit = self._explicit(cleaned.strip())
        if explicit is not None:
            return explicit
        import dateparser

        # A weekday alone in news means the last one before the article; a dated day or month the
        # nearest one (an article in May announces "le 1er juillet" ahead).
        weekday_only = not re.search(r"\d", cleaned) and self._day.search(cleaned) is not None
        settings = {
            "RELATIVE_BASE": datetime.combine(base or date(2000, 1, 1), datetime.min.time()),
            "PREFER_DATES_FROM": "past" if weekday_only else "current_period",
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "DMY",
        }
        languages = [self.lang, "en"] if self.lang != "en" else ["en"]
        parsed = dateparser.parse(cleaned, languages=languages, settings=settings)
        if parsed is None:
            return None
        if self._day.search(cleaned):
            return parsed.date().isoformat()
        return f"{parsed.year:04d}-{parsed.month:02d}"

    def _explicit(self, text: str) -> str | None:
        """ISO value of "[day] month year" with a known month name, or None.

        >>> reader = DateReader("fr", {"avril": 4, "août": 8, "février": 2}, frozenset())
        >>> reader._explicit("5 avril 2023"), reader._explicit("Août 1914"), reader._explicit("31 février 2020")
        ('2023-04-05', '1914-08', None)
        >>> reader._explicit("Noël 2020") is None
        True
        """
        match = _EXPLICIT.match(text)
        month = self.months.get(match.group(2).lower()) if match else None
        if month is None:
            return None
        day, year = match.group(1), int(match.group(3))
        if day is None:
            return f"{year:04d}-{month:02d}"
        try:
            return date(year, month, int(day)).isoformat()
        except ValueError:
            return None


def _parse_reference(reference: str | None) -> date | None:
    if not reference:
        return None
    try:
        return date.fromisoformat(reference[:10])
    except ValueError:
        return None
