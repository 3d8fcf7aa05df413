"""ReadTokens give what spaCy's Token gives, meet plain Tokens in sets and dicts, and are freed
with their document's context, not left for the garbage collector."""

import gc
import weakref

from spacy.tokens import Token

from .fixed_parse import parse
from .language import context

READ = ("text", "lower_", "lemma_", "pos_", "dep_")


def _same_as_spacy(tokens, doc):
    for token, plain in zip(tokens, doc, strict=True):
        assert [getattr(token, name) for name in READ] == [getattr(plain, name) for name in READ]
        assert token.head.i == plain.head.i
        assert [c.i for c in token.children] == [c.i for c in plain.children]


def test_read_tokens_match_spacy_on_a_fixed_parse():
    doc = parse("""
    Les        le        DET   2 det    _
    Ouvrières  ouvrier   NOUN  4 nsubj  _
    ont        avoir     AUX   4 aux    _
    voté       voter     VERB  0 ROOT   _
    la         le        DET   6 det    _
    grève      grève     NOUN  4 obj    _
    .          .         PUNCT 4 punct  _
    """)
    tokens = context(doc).tokens
    _same_as_spacy(tokens, doc)
    assert tokens[1].lower_ == "ouvrières" and tokens[3].head is tokens[3]  # the root heads itself
    assert tokens[3].children == (tokens[1], tokens[2], tokens[5], tokens[6])


def test_read_tokens_match_spacy_on_the_model_parse(fr_nlp):
    doc = fr_nlp("Le ministre russe de la Défense, Sergueï Choïgou, a déclaré mardi à l'agence TASS "
                 "que la Russie « déploierait » des missiles au Bélarus. « C'est fait », a-t-il dit.")
    _same_as_spacy(context(doc).tokens, doc)


def test_a_read_token_is_the_plain_token_of_its_word():
    doc = parse("""
    Anne   Anne   PROPN 2 nsubj _
    vote   voter  VERB  0 ROOT  _
    """)
    tokens = context(doc).tokens
    assert isinstance(tokens[0], Token)
    assert tokens[0] == doc[0] and doc[0] == tokens[0] and tokens[0] != doc[1]
    assert {doc[0]: "plain"}[tokens[0]] == "plain" and {tokens[0]: "read"}[doc[0]] == "read"
    assert doc[0:2].root == tokens[1]


def test_tokens_are_freed_with_their_context_without_a_collection():
    doc = parse("""
    Anne   Anne   PROPN 2 nsubj _
    vote   voter  VERB  0 ROOT  _
    """)
    gc.disable()
    try:
        tokens = context(doc).tokens
        kept, watched = tokens[0], weakref.ref(tokens[1])
        del tokens
        assert watched() is None  # no reference cycle held the head
        assert kept.head == doc[1] and kept.head.lemma_ == "voter"  # read from the Doc once its context is gone
    finally:
        gc.enable()
