"""Words read as their intended spelling, while the text keeps its own characters: a typographic
apostrophe as the straight one ("qu’il", "d’après", "l’armée" as "qu'il", "d'après", "l'armée"),
and a plain typo as the one common word it is one slip away from ("camionns" as "camions").

spaCy's French pipeline learnt its features from text with straight apostrophes and few typos: a
word spelt otherwise has another norm, shape, prefix, suffix and vector, so the tagger and parser
treat "d’" worse than "d'" and a typo as an unknown noun, and the lemmatizer, whose tables hold
"d'", leaves "d’" as it is. Two components fix that: before the first trained component,
``textkg_spelling_features`` gives each such word type the lexical features of its intended
spelling (the tagger and parser then see the same input for both spellings); after the lemmatizer,
``textkg_spelling_lemmas`` gives its tokens the lemma of the intended spelling ("d’" -> "de").
Every rule downstream reads those lemmas.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .wordlist import WordList

SPELLING_FEATURES = "textkg_spelling_features"
SPELLING_LEMMAS = "textkg_spelling_lemmas"
STRAIGHT_APOSTROPHE = "'"
# Right single quotation mark and modifier letter apostrophe: what typesetting puts for "'".
TYPOGRAPHIC_APOSTROPHES = ("\u2019", "\u02bc")
# Shorter unknown words are abbreviations, codes and foreign words more often than typos, and have
# more common words one slip away.
MIN_TYPO_LENGTH = 6


def straight_spelling(text: str) -> str:
    """``text`` with straight apostrophes.

    >>> straight_spelling("aujourd’hui")
    "aujourd'hui"
    """
    for mark in TYPOGRAPHIC_APOSTROPHES:
        text = text.replace(mark, STRAIGHT_APOSTROPHE)
    return text


class Spelling:
    """The intended spelling of a word, a pure function of the word and the language's word list."""

    def __init__(self, words: WordList) -> None:
        self.words = words
        # word -> intended spelling (None: as written); a property of the word, not of a document.
        self._intended: dict[str, str | None] = {}
        # The same by orth id, which a Doc's token array gives without making the word's string.
        self._intended_orth: dict[int, str | None] = {}

    def intended(self, word: str) -> str | None:
        if word not in self._intended:
            straight = straight_spelling(word)
            self._intended[word] = straight if straight != word else self._correction(word)
        return self._intended[word]

    def _correction(self, word: str) -> str | None:
        """The one common word one deletion, insertion, substitution or swap of neighbours away
        from an unknown word; None when there is none or more than one."""
        if not self.words.is_unknown_word(word, MIN_TYPO_LENGTH):
            return None
        found = {candidate for candidate in _one_slip_away(word, self.words.alphabet) if self.words.is_common(candidate)}
        return found.pop() if len(found) == 1 else None

    def respelt(self, doc: Doc) -> dict[int, str]:
        """Word type (orth id) -> intended spelling, for the words of ``doc`` spelt otherwise."""
        strings, by_orth = doc.vocab.strings, self._intended_orth
        found = {}
        for orth in set(doc.to_array(ORTH).tolist()) if len(doc) else ():
            if orth not in by_orth:
                by_orth[orth] = self.intended(strings[orth])
            if by_orth[orth] is not None:
                found[orth] = by_orth[orth]
        return found


def _one_slip_away(word: str, alphabet: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    found |= {left + letter + right[1:] for left, right in splits if right for letter in alphabet}
    found |= {left + letter + right for left, right in splits for letter in alphabet}
    found.discard(word)
    return found


@Language.factory(SPELLING_FEATURES, default_config={})
def make_spelling_features(nlp: Language, name: str) -> SpellingFeatures:
    return SpellingFeatures(Spelling(WordList.of(nlp.lang)))


class SpellingFeatures:
    """Gives each word type spelt otherwise than intended the norm, shape, affixes and vector of
    its intended spelling. These are properties of the word type (the Vocab's lexemes), set the
    same way whatever the document, so every Doc reads the same."""

    def __init__(self, spelling: Spelling) -> None:
        self.spelling = spelling

    def __call__(self, doc: Doc) -> Doc:
        vocab = doc.vocab
        vectors = vocab.vectors
        for orth, intended in self.spelling.respelt(doc).items():
            written, meant = vocab[orth], vocab[intended]
            written.norm_ = meant.norm_
            written.shape_ = meant.shape_
            written.prefix_ = meant.prefix_
            written.suffix_ = meant.suffix_
            if vectors.mode == "default" and meant.orth in vectors.key2row:
                vectors.add(written.orth, row=vectors.key2row[meant.orth])
        return doc


@Language.factory(SPELLING_LEMMAS, default_config={"lemmatizer": "lemmatizer"})
def make_spelling_lemmas(nlp: Language, name: str, lemmatizer: str) -> SpellingLemmas:
    """``lemmatizer`` names the pipeline's lemmatizer, whose lemma of the intended spelling is taken."""
    return SpellingLemmas(Spelling(WordList.of(nlp.lang)), nlp.get_pipe(lemmatizer))


class SpellingLemmas:
    """Sets the lemma of each token spelt otherwise than intended to the lemmatizer's lemma of the
    intended spelling, with the token's part of speech and morphology."""

    def __init__(self, spelling: Spelling, lemmatizer) -> None:
        self.spelling = spelling
        self.lemmatizer = lemmatizer
        # (spelling, part of speech, morphology) -> lemma: the lemmatizer's answer for a word.
        self._lemmas: dict[tuple[str, str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        respelt = self.spelling.respelt(doc)
        if respelt:
            # Found in the token array: a Token for every word costs more than the few respelt.
            for i, orth in enumerate(doc.to_array(ORTH).tolist()):
                if orth in respelt:
                    token = doc[i]
                    token.lemma_ = self._lemma(doc, respelt[orth], token.pos_, str(token.morph))
        return doc

    def _lemma(self, doc: Doc, spelling: str, pos: str, morph: str) -> str:
        key = (spelling, pos, morph)
        if key not in self._lemmas:
            alone = Doc(doc.vocab, words=[spelling], pos=[pos] if pos else None, morphs=[morph] if morph else None)
            self._lemmas[key] = self.lemmatizer.lemmatize(alone[0])[0]
        return self._lemmas[key]
