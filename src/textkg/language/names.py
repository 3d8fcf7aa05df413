"""Surface names: strip articles and titles, and build matching keys that ignore case, accents,
punctuation and the usual variation between French and English transliterations."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Leading words that belong to the sentence, not the name: "l'ONU" -> "ONU". Whole-word
# articles only in lower case, so "Le Monde" or "La Haye" keep theirs.
_LEADING = re.compile(r"^(?:[LlDd]['’]\s*|[Qq]u['’]\s*|(?:le|la|les|du|des|de la|de|the|a|an)\s+)")
# Stray punctuation and OCR debris around a name ("| M", "Genève.-", "• Berne").
_TRAILING_PUNCT = re.compile(r"[\s,;:.!?»«\"“”()\[\]|&¦•*_<>~^©—–-]+$")
_LEADING_PUNCT = re.compile(r"^[\s,;:.!?»«\"“”()\[\]|&¦•*_<>~^©—–-]+")

# Transliteration folds, applied in order to an ASCII lower-case word: French and English
# renderings of the same Cyrillic or Arabic name meet on one key (Choukov / Chukov / Shukov).
_FOLDS = (
    ("sch", "sh"),
    ("tch", "ch"),
    ("ch", "sh"),
    ("ou", "u"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("ph", "f"),
    ("kh", "h"),
    ("ck", "k"),
    ("j", "zh"),
    ("w", "v"),
    ("y", "i"),
    ("ii", "i"),
    ("ee", "i"),
)


def clean_surface(text: str) -> tuple[int, int]:
    """Offsets (start, end) of the name inside ``text`` once leading articles and surrounding
    punctuation are removed; (0, 0) when nothing is left."""
    start, end = 0, len(text)
    while True:
        rest = text[start:end]
        match = _LEADING_PUNCT.match(rest) or _LEADING.match(rest)
        if not match or match.end() == 0:
            break
        if match.end() >= len(rest):
            return (0, 0)
        start += match.end()
    tail = _TRAILING_PUNCT.search(text[start:end])
    if tail:
        end = start + tail.start()
    return (start, end) if end > start else (0, 0)


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_REPEATED_LETTER = re.compile(r"(.)\1+")


# Names recur across a corpus and both folds are pure: memoised, they cost a dictionary look-up.
@lru_cache(maxsize=65536)
def ascii_fold(text: str) -> str:
    """Lower-case ASCII words of ``text``, punctuation removed.

    >>> ascii_fold("Côte-d'Ivoire"), ascii_fold("état"), ascii_fold("G20")
    ('cote d ivoire', 'etat', 'g20')
    """
    folded = anyascii(text).lower()
    if folded.isalnum() and folded.isascii():
        return folded  # one plain word, as most are: the words of the pattern would be itself
    return " ".join(_ASCII_WORD.findall(folded))


def _fold_word(word: str) -> str:
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return _REPEATED_LETTER.sub(r"\1", word)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A key equal for spellings of one name: case, accents, hyphens and transliteration folded.

    >>> name_key("Sergueï Choukov") == name_key("Serguei Chukov") == name_key("Sergei Shukov")
    True
    >>> name_key("Kalibr") == name_key("Kalibr-M")
    False
    """
    return " ".join(_fold_word(w) for w in ascii_fold(text).split())
