"""The word lexicons of ontology/lexicons."""

import pytest

from textkg.errors import InputError
from textkg.language.lexicon import Lexicon, default_noun_classes, noun_classes, read_noun_classes


def test_noun_classes_give_a_broad_class_by_lemma():
    nouns = default_noun_classes("fr")
    assert [nouns.class_of(w) for w in ("voyou", "Voiture", "rue", "police", "incendie", "chantage")] == [
        "Person", "Equipment", "Place", "Organization", "Event", None,
    ]


@pytest.mark.parametrize(
    ("lang", "word", "expected"),
    [
        ("en", "son", "Person"),  # the English son
        ("fr", "son", None),  # the French sound (and the possessive "son") names nobody
        ("en", "store", "Place"),
        ("fr", "store", None),  # a window blind
    ],
)
def test_noun_classes_are_per_language(lang, word, expected):
    assert default_noun_classes(lang).class_of(word) == expected


def test_event_nouns_of_the_predicate_lexicon_are_events():
    assert default_noun_classes("fr").class_of("déploiement") == "Event"


def test_event_nouns_come_from_the_lexicon_in_use():
    custom = Lexicon(events={("fr", "razzia", "NOUN"): "Attack"})
    assert noun_classes(custom, "fr").class_of("razzia") == "Event"
    assert default_noun_classes("fr").class_of("razzia") is None


def test_the_first_class_listed_wins(tmp_path):
    path = tmp_path / "nouns.tsv"
    path.write_text("# lang\tclass\tlemmas\nfr\tPlace\tmairie|rue\nfr\tOrganization\tmairie\n", encoding="utf-8")
    assert read_noun_classes(path)["fr"].class_of("mairie") == "Place"


@pytest.mark.parametrize("line", ["fr\tAnimal\tchat", "fr\tPerson", "fr\tPerson\tvoyou\textra"])
def test_a_broken_line_is_named_with_its_file_and_number(tmp_path, line):
    path = tmp_path / "nouns.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"nouns\.tsv.*2|2.*nouns\.tsv"):
        read_noun_classes(path)
