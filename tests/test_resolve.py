from collections import namedtuple

import pytest

from textkg.records import Document, Entity, ExtractionRecord
from textkg.extract.entities import cluster_mentions
from textkg.resolve import resolve_corpus

M = namedtuple("M", "start end text type")


def clusters(*mentions):
    """Mentions given as (text, type); offsets are made up in order."""
    made = [M(i * 100, i * 100 + len(text), text, type_) for i, (text, type_) in enumerate(mentions)]
    return sorted(sorted(m.text for m in c.mentions) for c in cluster_mentions(made))


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # transliteration and accents
        (
            [("Serguei Choigu", "Person"), ("Sergueï Choïgou", "Person"), ("Choïgu", "Person")],
            [["Choïgu", "Serguei Choigu", "Sergueï Choïgou"]],
        ),
        # surname joins its one full name
        ([("Vladimir Poutine", "Person"), ("Poutine", "Person")], [["Poutine", "Vladimir Poutine"]]),
        # NER type disagreement does not split a name
        ([("Moscou", "Place"), ("Moscou", "Organization"), ("Moscou", "Place")], [["Moscou", "Moscou", "Moscou"]]),
        # must NOT merge: a designator and its family
        ([("Iskander", "Equipment"), ("Iskander-M", "Equipment")], [["Iskander"], ["Iskander-M"]]),
        # must NOT merge: two people sharing a surname; the lone surname is ambiguous
        (
            [("Raúl Castro", "Person"), ("Fidel Castro", "Person"), ("Castro", "Person")],
            [["Castro"], ["Fidel Castro"], ["Raúl Castro"]],
        ),
        # concepts stay apart from names
        ([("accord", "Concept"), ("Accord", "Organization")], [["Accord"], ["accord"]]),
    ],
)
def test_cluster_mentions(mentions, expected):
    assert clusters(*mentions) == expected


def test_cluster_label_prefers_the_full_name():
    made = [M(0, 7, "Poutine", "Person"), M(10, 26, "Vladimir Poutine", "Person"), M(30, 37, "Poutine", "Person")]
    (cluster,) = cluster_mentions(made)
    assert cluster.label == "Vladimir Poutine"
    assert cluster.aliases == ("Poutine",)


def record(doc_id, *entities):
    return ExtractionRecord(Document(doc_id, "x" * 100), tuple(entities))


def test_entities_merge_across_documents_with_a_reason():
    a = record("a", Entity("e1", "Person", "Sergueï Choïgou", ("Choïgu",), ((0, 5),)), Entity("e2", "Concept", "accord", (), ((6, 9),)))
    b = record("b", Entity("e1", "Person", "Sergei Shoigu", (), ((0, 5),)), Entity("e2", "Concept", "accord", (), ((6, 9),)))
    resolution = resolve_corpus([a, b])
    assert resolution.entity_of[("a", "e1")] == resolution.entity_of[("b", "e1")]
    # concepts are local to their document
    assert resolution.entity_of[("a", "e2")] != resolution.entity_of[("b", "e2")]
    assert [m.member for m in resolution.merges] == [("b", "e1")]
    assert "name key" in resolution.merges[0].reason


def test_merging_across_documents_can_be_turned_off():
    a = record("a", Entity("e1", "Place", "Russie", (), ((0, 5),)))
    b = record("b", Entity("e1", "Place", "Russie", (), ((0, 5),)))
    resolution = resolve_corpus([a, b], merge_across=False)
    assert len(resolution.entities) == 2 and not resolution.merges


BELARUS = {"geonames": "https://sws.geonames.org/630336/"}


@pytest.mark.parametrize(
    ("first", "second", "merged", "reason"),
    [
        # an outside identifier merges different names of one thing
        (Entity("e1", "Country", "Biélorussie", links=BELARUS), Entity("e1", "Country", "Belarus", links=BELARUS), True, "outside identifier"),
        # a fine type and the NER's broad type are one class
        (Entity("e1", "NewsAgency", "Reuters"), Entity("e1", "Organization", "Reuters"), True, "name key"),
        # must NOT merge: one name, two different outside identifiers
        (
            Entity("e1", "City", "Paris", links={"geonames": "https://sws.geonames.org/2988507/"}),
            Entity("e1", "City", "Paris", links={"geonames": "https://sws.geonames.org/4717560/"}),
            False,
            None,
        ),
        # must NOT merge: a designator and its family
        (Entity("e1", "WeaponSystem", "Iskander"), Entity("e1", "WeaponSystem", "Iskander-M"), False, None),
    ],
)
def test_cross_document_merges(first, second, merged, reason):
    resolution = resolve_corpus([record("a", first), record("b", second)])
    same = resolution.entity_of[("a", "e1")] == resolution.entity_of[("b", "e1")]
    assert same is merged
    assert [reason in m.reason for m in resolution.merges] == ([True] if merged else [])


def test_first_name_joins_its_only_full_name():
    assert clusters(("Alexandre Loukachenko", "Person"), ("Alexandre", "Person")) == [["Alexandre", "Alexandre Loukachenko"]]


def test_anaphora_add_mentions_but_never_names():
    from textkg.extract.entities import attach_anaphora

    name, surname = M(0, 16, "Vladimir Poutine", "Person"), M(40, 47, "Poutine", "Person")
    pronoun, other = M(20, 22, "Il", "Pronoun"), M(60, 66, "Minsk", "Place")
    (putin, minsk) = attach_anaphora(cluster_mentions([name, surname, other]), [[name, pronoun, surname], [other]])
    assert putin.spans == ((0, 16), (20, 22), (40, 47))
    assert putin.aliases == ("Poutine",) and putin.label == "Vladimir Poutine"
    # a chain that touches two named clusters attaches nothing
    (putin, minsk) = attach_anaphora(cluster_mentions([name, other]), [[name, pronoun, other]])
    assert (20, 22) not in putin.spans + minsk.spans


def test_roles_and_date_values_survive_resolution():
    a = record("a", Entity("e1", "Person", "Viktor Khrenin", roles=("ministre de la Défense",)), Entity("e2", "Date", "jeudi", value="2023-05-25"))
    b = record("b", Entity("e1", "Person", "Viktor Khrenin", roles=("général",)))
    by_label = {e.label: e for e in resolve_corpus([a, b]).entities}
    assert by_label["Viktor Khrenin"].roles == ("ministre de la Défense", "général")
    assert by_label["jeudi"].value == "2023-05-25"
