"""Date expressions to ISO values ("samedi 5 avril" -> "2023-04-05"), relative to the document
date when there is one (dateparser), at the precision the text gives: day, month or year."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

# The precision a surface form gives: a day number or a weekday names a day; a month alone a
# month; four digits alone a year.
_DAY = re.compile(r"\b\d{1,2}(?:er)?\b|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.I)
_YEAR = re.compile(r"\b(?:1[0-9]|20)\d{2}\b")
_ORDINAL_FIRST = re.compile(r"\b1er\b", re.I)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "january"), ("février", "fevrier", "february"), ("mars", "march"), ("avril", "april"),
            ("mai", "may"), ("juin", "june"), ("juillet", "july"), ("août", "aout", "august"),
            ("septembre", "september"), ("octobre", "october"), ("novembre", "november"),
            ("décembre", "decembre", "december"),
        ),
        start=1,
    )
    for name in names
}
# "5 avril 2023", "avril 2023": absolute, so read directly (dateparser costs milliseconds a call).
_EXPLICIT = re.compile(r"^(?:(\d{1,2})\s+)?([^\W\d_]+)\s+((?:1[0-9]|20)\d{2})$")


# dateparser takes milliseconds a call and the same expressions recur across a corpus.
@lru_cache(maxsize=16384)
def normalize_date(text: str, lang: str = "fr", reference: str | None = None) -> str | None:
    """ISO value of a date expression, or None when it cannot be known (a weekday or a month with
    no year and no document date).

    >>> normalize_date("samedi 5 avril", "fr", "2025-04-10")
    '2025-04-05'
    >>> normalize_date("jeudi", "fr", "2023-05-26")
    '2023-05-25'
    >>> normalize_date("en mars", "fr", "2023-05-26")
    '2023-03'
    >>> normalize_date("le 1er juillet", "fr", "2023-05-26")
    '2023-07-01'
    >>> normalize_date("mars 2015", "fr") , normalize_date("jeudi", "fr")
    ('2015-03', None)
    """
    base = _parse_reference(reference)
    has_year = bool(_YEAR.search(text))
    if base is None and not has_year:
        return None
    cleaned = _ORDINAL_FIRST.sub("1", text)
    cleaned = re.sub(r"^\s*(?:le|en|the|in|on)\s+", "", cleaned, flags=re.I)
    if _YEAR.fullmatch(cleaned.strip()):
        return cleaned.strip()
    explicit = _explicit(cleaned.strip())
    if explicit is not None:
        return explicit
    import dateparser

    # A weekday alone in news means the last one before the article; a dated day or month the
    # nearest one (an article in May announces "le 1er juillet" ahead).
    weekday_only = not re.search(r"\d", cleaned) and _DAY.search(cleaned) is not None
    settings = {
        "RELATIVE_BASE": datetime.combine(base or date(2000, 1, 1), datetime.min.time()),
        "PREFER_DATES_FROM": "past" if weekday_only else "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
    }
    parsed = dateparser.parse(cleaned, languages=[lang, "en"] if lang != "en" else ["en"], settings=settings)
    if parsed is None:
        return None
    if _DAY.search(cleaned):
        return parsed.date().isoformat()
    return f"{parsed.year:04d}-{parsed.month:02d}"


def _explicit(text: str) -> str | None:
    """ISO value of "[day] month year" with a known month name, or None.

    >>> _explicit("5 avril 2023"), _explicit("Août 1914"), _explicit("31 février 2020"), _explicit("Noël 2020")
    ('2023-04-05', '1914-08', None, None)
    """
    match = _EXPLICIT.match(text)
    month = _MONTHS.get(match.group(2).lower()) if match else None
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
