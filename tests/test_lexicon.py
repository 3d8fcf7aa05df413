"""The language resources of ontology/lexicons: per-language word data, one immutable object."""

import shutil
from dataclasses import fields

import pytest

from textkg.errors import InputError, ModelError
from textkg.language.lexicon import Lexicon, NounClasses, noun_classes, read_noun_classes
from textkg.language.resources import Words, available_languages, lexicon_dir, load_resources, read_words

from .language import resources


def test_noun_classes_give_a_broad_class_by_lemma():
    nouns = resources("fr").nouns
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
    assert resources(lang).nouns.class_of(word) == expected


def test_event_nouns_of_the_predicate_lexicon_are_events():
    assert resources("fr").nouns.class_of("déploiement") == "Event"


def test_event_nouns_come_from_the_lexicon_in_use():
    custom = Lexicon(events={("razzia", "NOUN"): "Attack"})
    assert noun_classes(custom, NounClasses()).class_of("razzia") == "Event"
    assert resources("fr").nouns.class_of("razzia") is None


def test_the_first_class_listed_wins(tmp_path):
    path = tmp_path / "nouns.tsv"
    path.write_text("# class\tlemmas\nPlace\tmairie|rue\nOrganization\tmairie\n", encoding="utf-8")
    assert read_noun_classes(path).class_of("mairie") == "Place"


@pytest.mark.parametrize("line", ["Animal\tchat", "Person", "Person\tvoyou\textra"])
def test_a_broken_line_is_named_with_its_file_and_number(tmp_path, line):
    path = tmp_path / "nouns.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"nouns\.tsv:2"):
        read_noun_classes(path)


def test_every_notion_of_the_french_words_is_filled():
    words = resources("fr").words
    empty = [f.name for f in fields(Words) if not getattr(words, f.name)]
    assert empty == []


def test_the_languages_keep_their_words_apart():
    french, english = resources("fr").words, resources("en").words
    assert "il" in french.subject_pronouns and "he" not in french.subject_pronouns
    assert "he" in english.subject_pronouns and "il" not in english.subject_pronouns
    assert resources("fr").dates.months["août"] == 8 and "august" not in resources("fr").dates.months


def test_an_unknown_notion_is_named_with_its_file_and_line(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# notion\twords\ntime_nouns\tmatin\nsubject_pronoun\til|elle\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"words\.tsv:3: unknown notion 'subject_pronoun'"):
        read_words(path)


def test_a_language_without_lexicons_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="no lexicons for language 'xx'"):
        load_resources("xx")


def test_the_digest_changes_with_any_data_file(tmp_path):
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), copy)
    before = load_resources("fr", copy).digest
    assert before == resources("fr").digest
    (copy / "fr" / "words.tsv").write_text((copy / "fr" / "words.tsv").read_text(encoding="utf-8") + "time_nouns\tcrépuscule\n", encoding="utf-8")
    changed = load_resources("fr", copy)
    assert changed.digest != before and "crépuscule" in changed.words.time_nouns


def test_shipped_languages():
    assert set(available_languages()) >= {"fr", "en"}
