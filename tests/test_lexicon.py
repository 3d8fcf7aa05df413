"""The word lexicons of ontology/lexicons."""

import pytest

from textkg.errors import InputError
from textkg.lexicon import default_noun_classes, read_noun_classes


def test_noun_classes_give_a_broad_class_by_lemma():
    nouns = default_noun_classes()
    assert [nouns.class_of(w) for w in ("voyou", "Voiture", "rue", "police", "incendie", "chantage")] == [
        "Person", "Equipment", "Place", "Organization", "Event", None,
    ]


def test_event_nouns_of_the_predicate_lexicon_are_events():
    assert default_noun_classes().class_of("déploiement") == "Event"


def test_the_first_class_listed_wins(tmp_path):
    path = tmp_path / "nouns.tsv"
    path.write_text("# class\tlemmas\nPlace\tmairie|rue\nOrganization\tmairie\n", encoding="utf-8")
    assert read_noun_classes(path).class_of("mairie") == "Place"


@pytest.mark.parametrize("line", ["Animal\tchat", "Person", "Person\tvoyou\textra"])
def test_a_broken_line_is_named_with_its_file_and_number(tmp_path, line):
    path = tmp_path / "nouns.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"nouns\.tsv.*2|2.*nouns\.tsv"):
        read_noun_classes(path)
