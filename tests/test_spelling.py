"""Glued words split and words read as their intended spelling (typographic apostrophes, typos),
before the parser, with the text and its offsets kept."""

import pytest

from textkg.nlp.glued_words import GluedWords
from textkg.nlp.spelling import Spelling, straight_spelling
from textkg.nlp.wordlist import WordList

# Frequencies (per word of text) of an invented little language: common words are above 3e-6.
WORDS = WordList(
    {
        "des": 1e-2, "du": 1e-2, "les": 1e-2, "sur": 5e-3, "la": 1e-2, "le": 1e-2,
        "experts": 2e-5, "fermeture": 1e-5, "revenir": 3e-5, "usine": 1e-5, "usines": 8e-6,
        "rare": 1e-5, "parfumerie": 1e-8, "soldats": 2e-5, "soldat": 2e-5, "solda": 1e-6,
        "ministre": 5e-5, "ministres": 3e-5, "minute": 3e-5, "minutes": 3e-5,
    }
)
GLUE = frozenset({"des", "du", "les", "sur", "la", "le"})


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("fermeturedes", ("fermeture", "des")),  # content word + function word
        ("lesexperts", ("les", "experts")),  # function word + content word
        ("revenirsur", ("revenir", "sur")),
        ("fermeture", None),  # a known word
        ("parfumerie", None),  # a rare word the list knows: not a typo
        ("Lesexperts", None),  # capitalised: maybe a name, left alone
        ("usinerare", None),  # two common words but no function word: a compound as likely
        ("lesx", None),  # too short to tell
    ],
)
def test_glued_word_parts(word, parts):
    assert GluedWords(WORDS, GLUE).parts(word) == parts


def test_a_word_glued_in_two_ways_is_left_alone():
    # "usinesdes" is "usines" + "des" or "usine" + "sdes" when both "des" and "sdes" may glue.
    assert GluedWords(WORDS, frozenset({"des"})).parts("usinesdes") == ("usines", "des")
    words = WordList({**WORDS.frequencies, "sdes": 1e-2})
    assert GluedWords(words, frozenset({"des", "sdes"})).parts("usinesdes") is None


@pytest.mark.parametrize(
    ("word", "intended"),
    [
        ("d’après", "d'après"),
        ("aujourd’hui", "aujourd'hui"),
        ("qu\u02bcil", "qu'il"),
        ("sodlats", "soldats"),  # two neighbours swapped
        ("minisrte", "ministre"),  # one swap
        ("ministrse", None),  # one swap from "ministres", one deletion from "ministre": which one?
        ("soldaats", "soldats"),  # one letter too many
        ("ministre", None),  # a known word
        ("minuter", None),  # one slip from "minute" and "minutes": which one is not known
        ("solda", None),  # a known (rare) word
        ("Sodlats", None),  # capitalised: maybe a name
        ("sodla", None),  # too short to tell a typo from an abbreviation
    ],
)
def test_intended_spelling(word, intended):
    assert Spelling(WORDS).intended(word) == intended


def test_straight_spelling_keeps_the_length():
    text = "L’armée d’Anne ʼa"
    assert len(straight_spelling(text)) == len(text)


@pytest.mark.model
def test_glued_words_are_split_with_the_text_kept(fr_nlp):
    text = "Le maire a confirmé la fermeturedes usines de la ville."
    doc = fr_nlp(text)
    assert doc.text == text
    words = [t.text for t in doc]
    assert words[5:7] == ["fermeture", "des"]
    assert doc[6].idx == text.index("des usines")
    assert doc[5].head.text == "confirmé" and doc[7].head == doc[5]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "D’après l’armée, le général Paul Vernet a dit qu’il viendrait aujourd’hui.",
        "L’association s’est plainte que l’usine n’ait pas fermé jusqu’à présent.",
    ],
)
def test_the_typographic_apostrophe_reads_as_the_straight_one(fr_nlp, text):
    curly, straight = fr_nlp(text), fr_nlp(text.replace("’", "'"))
    assert curly.text == text
    # The same parse and the same lemmas ("d’" -> "de"), the text's own characters.
    assert [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in curly] == [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in straight]
    assert {t.lemma_ for t in curly if t.lower_ in ("d’", "l’", "qu’")} <= {"de", "le", "que"}


@pytest.mark.model
def test_a_typo_is_parsed_and_lemmatised_as_the_word_it_misspells(fr_nlp):
    text = "Les soldtas ont quitté la caserne."
    doc = fr_nlp(text)
    assert doc.text == text
    assert doc[1].lemma_ == "soldat" and doc[1].pos_ == "NOUN" and doc[1].dep_ == "nsubj"


@pytest.mark.model
def test_a_split_doc_keeps_what_pipe_attached_to_it(fr_nlp):
    texts = [("Le maire a confirmé la fermeturedes usines.", "a"), ("Rien ici.", "b")]
    assert [(doc.text, context) for doc, context in fr_nlp.pipe(texts, as_tuples=True)] == texts
