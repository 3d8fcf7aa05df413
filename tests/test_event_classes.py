"""The event classes of ontology/lexicons/<lang>/event_classes.tsv: every class the lexicon names is
described there and declared in the ontology; a broken line is an error naming its file and line."""

import pytest
from rdflib import RDF, Graph, Namespace

from textkg.errors import InputError
from textkg.language.event_classes import read_event_classes
from textkg.language.files import ontology_dir
from textkg.language.resources import available_languages

from .language import resources

TK = Namespace("https://w3id.org/textkg/ontology#")


@pytest.mark.parametrize("lang", available_languages())
def test_every_event_class_of_the_lexicon_takes_its_roles_from_the_table(lang):
    loaded = resources(lang)
    assert set(loaded.lexicon.events.values()) <= set(loaded.event_classes), lang


def test_every_event_class_is_declared_in_the_ontology():
    onto = Graph().parse(ontology_dir() / "textkg.ttl")
    for lang in available_languages():
        for name in resources(lang).event_classes:
            assert (TK[name], RDF.type, None) in onto, name


@pytest.mark.parametrize(
    ("cls", "party", "other"),
    [("Attack", "agent", "target"), ("Visit", "agent", "agent"), ("Deployment", "theme", "theme")],
)
def test_a_noun_complement_role_depends_on_whether_it_is_a_party(cls, party, other):
    event = resources("fr").event_classes[cls]
    assert (event.complement_role("Person"), event.complement_role("Equipment")) == (party, other)


def test_who_undergoes_an_event_is_checked_where_the_table_says():
    arrest = resources("fr").event_classes["Arrest"]
    assert arrest.admits("Person") and arrest.admits(None) and not arrest.admits("Equipment")


@pytest.mark.parametrize(
    "line",
    ["Attack\tagent\tagent|time", "Attack\tagent\tagent|place\t-", "Attack\tdoer\tagent\t-"],
)
def test_a_broken_line_is_named_with_its_file_and_number(tmp_path, line):
    path = tmp_path / "event_classes.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"event_classes\.tsv:2"):
        read_event_classes(path)
