"""Split words that lost the space between them ("lesquelsdes voitures" -> "lesquels" "des"),
before the tagger and parser see them.

A token is split only when the language does not know it (see ``WordList.is_unknown_word``: absent
from wordfreq's large list, which holds rare words and many common typos too; lower case, so names
are left alone), and exactly one cut leaves two known words of which one is a function word that
often runs into its neighbour (``glue_words`` in ontology/lexicons/<lang>/words.tsv: "des", "du",
"sur", "les" ...) and the other a function word or a common word of three letters or more. Both
pieces keep their characters, so the Doc's text and every offset stay those of the input.
"""

from __future__ import annotations

from pathlib import Path

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..language.resources import lexicon_dir, read_words
from .wordlist import WordList

GLUED_WORDS = "textkg_glued_words"
# Shorter unknown tokens are abbreviations, codes and debris more often than two glued words.
MIN_GLUED_LENGTH = 5
# The content word beside the function word ("des" in "lesquelsdes" is beside "lesquels").
MIN_WORD_LENGTH = 3


@Language.factory(GLUED_WORDS, default_config={"lexicons": None})
def make_glued_words(nlp: Language, name: str, lexicons: str | None) -> GluedWords:
    """The component for ``nlp.lang``; ``lexicons`` is a folder laid out like ontology/lexicons."""
    words = read_words(Path(lexicons or lexicon_dir()) / nlp.lang / "words.tsv")
    return GluedWords(WordList.of(nlp.lang), words.glue_words)


class GluedWords:
    """Splits each unknown token that is two known words run together."""

    def __init__(self, words: WordList, glue_words: frozenset[str]) -> None:
        self.words = words
        self.glue_words = glue_words
        # word (orth id) -> its two parts (None: not two glued words); a property of the word,
        # not of a document, and most words recur.
        self._parts: dict[int, tuple[str, str] | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self.glue_words or not len(doc):
            return doc
        strings = doc.vocab.strings
        # Each distinct word once, read from the token array: most are known and cost one look-up.
        cuts = {}
        for orth in set(doc.to_array(ORTH).tolist()):
            if orth not in self._parts:
                self._parts[orth] = self.parts(strings[orth])
            if self._parts[orth] is not None:
                cuts[orth] = self._parts[orth]
        if not cuts:
            return doc
        # A new Doc of the same text, since nothing is annotated yet (the retokenizer's split
        # would leave head annotations that the parser does not overwrite).
        words: list[str] = []
        spaces: list[bool] = []
        for token in doc:
            parts = cuts.get(token.orth, (token.text,))
            words += parts
            spaces += [False] * (len(parts) - 1) + [bool(token.whitespace_)]
        split = Doc(doc.vocab, words=words, spaces=spaces, user_data=doc.user_data)
        # What nlp.pipe(as_tuples=True) attached to the Doc goes with it.
        split._context = doc._context
        return split

    def parts(self, word: str) -> tuple[str, str] | None:
        """The two words ``word`` runs together, or None when it is a word, or not two, or two in
        more than one way."""
        if not self.words.is_unknown_word(word, MIN_GLUED_LENGTH):
            return None
        cuts = [(word[:i], word[i:]) for i in range(1, len(word)) if self._glued(word[:i], word[i:])]
        return cuts[0] if len(cuts) == 1 else None

    def _glued(self, left: str, right: str) -> bool:
        if left in self.glue_words:
            return right in self.glue_words or self._common(right)
        return right in self.glue_words and self._common(left)

    def _common(self, word: str) -> bool:
        return len(word) >= MIN_WORD_LENGTH and self.words.is_common(word)
