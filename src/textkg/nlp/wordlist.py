"""The words a language knows, and how common each is, from wordfreq's large word list: what tells a
rare word from a typo or two words run together (nlp/glued_words.py, nlp/spelling.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

WORD_LIST = "large"
# A common word: a Zipf frequency of 3.5 or more, about 3 occurrences per million words
# ("missiles", "revenir", "fédérale").
COMMON_ZIPF = 3.5
COMMON_FREQUENCY = 10 ** (COMMON_ZIPF - 9)


@dataclass(frozen=True)
class WordList:
    """Word -> frequency (occurrences per word of running text) of one language."""

    frequencies: Mapping[str, float]

    @classmethod
    def of(cls, lang: str) -> WordList:
        """wordfreq's large list for ``lang`` (read once per process by wordfreq itself)."""
        from wordfreq import get_frequency_dict

        return cls(get_frequency_dict(lang, WORD_LIST))

    def knows(self, word: str) -> bool:
        return word in self.frequencies

    def is_common(self, word: str) -> bool:
        return self.frequencies.get(word, 0.0) >= COMMON_FREQUENCY

    @cached_property
    def alphabet(self) -> str:
        """The letters of the language's common words."""
        return "".join(sorted({c for word, f in self.frequencies.items() if f >= COMMON_FREQUENCY for c in word if c.isalpha()}))

    def is_unknown_word(self, word: str, min_length: int) -> bool:
        """A lower-case alphabetic token of ``min_length`` characters or more that the list does not
        hold: a typo, words run together, or a very rare word. Capitalised tokens are names, left alone."""
        return len(word) >= min_length and word.isalpha() and word.islower() and word not in self.frequencies
