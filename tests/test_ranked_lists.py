"""Names in ranked result lists, on fixed parses (the rule alone) and through the trained pipeline
(the behaviour). Every name is invented."""

import pytest

from textkg.extract.mentions import named_mentions
from textkg.extract.ranked_lists import ranked_names

from .fixed_parse import parse
from .language import context


def table(words: str, ents: dict[str, str] | None = None) -> str:
    """A flat fixed parse of ``words`` (every token on the first), with NER tags by form."""
    ents = ents or {}
    rows = []
    for number, word in enumerate(words.split(), start=1):
        head, dep = (0, "ROOT") if number == 1 else (1, "dep")
        pos = "NUM" if word.isdigit() else "PUNCT" if not any(c.isalnum() for c in word) else "PROPN" if word[:1].isupper() else "NOUN"
        rows.append(f"{word} {word.lower()} {pos} {head} {dep} _ {ents.get(word, 'O')}")
    return "\n".join(rows)


RESULTS = "Classement : 1 . Vasselin ( Fr ) 3 h 12'04 . 2 . Korvald à 12 . 3 . L. Marten m. t. 4 . Dobrev ( Bul ) à 40 ."


def ranked(words: str, ents: dict[str, str] | None = None) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in ranked_names(context(parse(table(words, ents))))}


def test_the_entries_of_a_result_list_are_persons_and_their_origins_places():
    assert ranked(RESULTS) == {
        ("Vasselin", "Person"), ("Korvald", "Person"), ("L. Marten", "Person"), ("Dobrev", "Person"),
        ("Fr", "Place"), ("Bul", "Place"),
    }


def test_the_list_outweighs_the_ner_on_its_entries():
    ctx = context(parse(table(RESULTS, {"Vasselin": "B-LOC", "Dobrev": "B-LOC"})))
    found = {(m.text, m.type) for m in named_mentions(ctx)}
    assert ("Vasselin", "Person") in found and ("Dobrev", "Person") in found
    assert not {("Vasselin", "Place"), ("Dobrev", "Place")} & found


@pytest.mark.parametrize(
    "words",
    [
        # numbered headings: no competitor's marks
        "Plan : 1 . Introduction . 2 . Méthodes . 3 . Résultats .",
        # two entries are no list
        "1 . Vasselin à 12 . 2 . Korvald à 40 .",
        # ranks that do not rise
        "3 . Vasselin à 12 . 1 . Korvald à 40 . 2 . Dobrev à 50 .",
        # amounts after the names are no times
        "1 . Velmora 37 millions . 2 . Ostrana 29 millions . 3 . Kivrel 26 millions .",
    ],
)
def test_no_persons_without_a_list_of_competitors(words):
    assert not {t for _, t in ranked(words)} & {"Person"}


def test_a_country_in_a_ranking_stays_a_place():
    assert ("Suisse", "Person") not in ranked("1 . Suisse à 12 . 2 . Korvald à 40 . 3 . Dobrev à 50 .")


@pytest.mark.model
def test_a_result_list_through_the_model(fr_nlp):
    text = "Classement : 1. Vasselin (Fr) 3 h 12'04. 2. Korvald à 12. 3. L. Marten m. t. 4. Dobrev (Bul) à 40."
    found = {(m.text, m.type) for m in named_mentions(context(fr_nlp(text)))}
    assert {("Vasselin", "Person"), ("Korvald", "Person"), ("L. Marten", "Person"), ("Dobrev", "Person")} <= found
    assert {("Fr", "Place"), ("Bul", "Place")} <= found
