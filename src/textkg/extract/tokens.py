"""spaCy Tokens that keep the attributes extraction reads most on the object itself.

A spaCy ``Token`` is a view: every ``token.lemma_`` looks the string up in the StringStore and
decodes it anew, every ``token.head`` makes a new Token, every ``token.children`` walks the Doc's
arrays through two generators. Rules read these hundreds of thousands of times per corpus. A
``ReadToken`` is a real Token (a subclass: equal to, and hashed like, the plain Token of the same
word, so both may meet in one set or dict) whose text, lower-case form, lemma, part of speech,
dependency, head and children are read once per document from the token arrays."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple
from weakref import ref

from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import StringStore
from spacy.tokens import Doc, Token


class ReadToken(Token):
    """A Token of a parsed Doc with its most-read attributes read once (see the module)."""

    __slots__ = ("text", "lower_", "lemma_", "pos_", "dep_", "children", "_head", "__weakref__")

    @property
    def head(self) -> Token:
        # Held weakly: a head that held its children strongly and was held by them would make
        # every document's tokens a cycle, freed only by a full garbage collection.
        head = self._head()
        return Token.head.__get__(self) if head is None else head


@lru_cache(maxsize=1 << 16)
def decoded_string(strings: StringStore, key: int) -> str:
    """``strings[key]``: the StringStore decodes a string anew on every look-up, and words recur
    across a corpus (a pure function of the key, kept per process like the name keys)."""
    return strings[key]


class TokenColumns(NamedTuple):
    """A Doc's token arrays (``Doc.to_array``): string ids, part-of-speech ids, and each
    token's head as an absolute index."""

    orth: list[int]
    lower: list[int]
    lemma: list[int]
    dep: list[int]
    pos: list[int]
    head: list[int]


def read_tokens(doc: Doc, columns: TokenColumns) -> tuple[ReadToken, ...]:
    """A ReadToken for each word of ``doc``, whose arrays are ``columns``, in order."""
    # Each distinct string is looked up once, then each column is mapped in one pass.
    strings = doc.vocab.strings
    string_columns = (columns.orth, columns.lower, columns.lemma, columns.dep)
    decoded = {key: decoded_string(strings, key) for key in set().union(*string_columns)}
    texts, lowers, lemmas, deps = (map(decoded.__getitem__, column) for column in string_columns)
    parts_of_speech = map(POS_NAMES.__getitem__, columns.pos)
    tokens = [ReadToken(doc.vocab, doc, i) for i in range(len(doc))]
    children: list[list[ReadToken]] = [[] for _ in tokens]
    for token, text, lower, lemma, dep, pos, head in zip(tokens, texts, lowers, lemmas, deps, parts_of_speech, columns.head):
        token.text, token.lower_, token.lemma_, token.dep_, token.pos_ = text, lower, lemma, dep, pos
        token._head = ref(tokens[head])
        if head != token.i:
            children[head].append(token)
    for token, own in zip(tokens, children):
        token.children = tuple(own)
    return tuple(tokens)
