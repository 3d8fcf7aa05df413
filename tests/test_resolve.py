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
            [("Serguei Chukov", "Person"), ("Sergueï Choukov", "Person"), ("Choukov", "Person")],
            [["Choukov", "Serguei Chukov", "Sergueï Choukov"]],
        ),
        # surname joins its one full name
        ([("Philippe Lambert", "Person"), ("Lambert", "Person")], [["Lambert", "Philippe Lambert"]]),
        # NER type disagreement does not split a name
        ([("Varsovie", "Place"), ("Varsovie", "Organization"), ("Varsovie", "Place")], [["Varsovie", "Varsovie", "Varsovie"]]),
        # must NOT merge: a designator and its family
        ([("Kalibr", "Equipment"), ("Kalibr-M", "Equipment")], [["Kalibr"], ["Kalibr-M"]]),
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
    made = [M(0, 7, "Lambert", "Person"), M(10, 26, "Philippe Lambert", "Person"), M(30, 37, "Lambert", "Person")]
    (cluster,) = cluster_mentions(made)
    assert cluster.label == "Philippe Lambert"
    assert cluster.aliases == ("Lambert",)


def record(doc_id, *entities):
    return ExtractionRecord(Document(doc_id, "x" * 100), tuple(entities))


def test_entities_merge_across_documents_with_a_reason():
    a = record("a", Entity("e1", "Person", "Sergueï Choukov", ("Choukov",), ((0, 5),)), Entity("e2", "Concept", "accord", (), ((6, 9),)))
    b = record("b", Entity("e1", "Person", "Sergei Shukov", (), ((0, 5),)), Entity("e2", "Concept", "accord", (), ((6, 9),)))
    resolution = resolve_corpus([a, b])
    assert resolution.entity_of[("a", "e1")] == resolution.entity_of[("b", "e1")]
    # concepts are local to their document
    assert resolution.entity_of[("a", "e2")] != resolution.entity_of[("b", "e2")]
    assert [m.member for m in resolution.merges] == [("b", "e1")]
    assert "name key" in resolution.merges[0].reason


def test_merging_across_documents_can_be_turned_off():
    a = record("a", Entity("e1", "Place", "Pologne", (), ((0, 5),)))
    b = record("b", Entity("e1", "Place", "Pologne", (), ((0, 5),)))
    resolution = resolve_corpus([a, b], merge_across=False)
    assert len(resolution.entities) == 2 and not resolution.merges


HUNGARY = {"geonames": "https://sws.geonames.org/719819/"}


@pytest.mark.parametrize(
    ("first", "second", "merged", "reason"),
    [
        # an outside identifier merges different names of one thing
        (Entity("e1", "Country", "Hongrie", links=HUNGARY), Entity("e1", "Country", "Hungary", links=HUNGARY), True, "outside identifier"),
        # a fine type and the NER's broad type are one class
        (Entity("e1", "NewsAgency", "DPA"), Entity("e1", "Organization", "DPA"), True, "name key"),
        # must NOT merge: one name, two different outside identifiers
        (
            Entity("e1", "City", "Paris", links={"geonames": "https://sws.geonames.org/2988507/"}),
            Entity("e1", "City", "Paris", links={"geonames": "https://sws.geonames.org/4717560/"}),
            False,
            None,
        ),
        # must NOT merge: a designator and its family
        (Entity("e1", "WeaponSystem", "Kalibr"), Entity("e1", "WeaponSystem", "Kalibr-M"), False, None),
    ],
)
def test_cross_document_merges(first, second, merged, reason):
    resolution = resolve_corpus([record("a", first), record("b", second)])
    same = resolution.entity_of[("a", "e1")] == resolution.entity_of[("b", "e1")]
    assert same is merged
    assert [reason in m.reason for m in resolution.merges] == ([True] if merged else [])


def test_first_name_joins_its_only_full_name():
    assert clusters(("Alexandre Lefort", "Person"), ("Alexandre", "Person")) == [["Alexandre", "Alexandre Lefort"]]


def test_anaphora_add_mentions_but_never_names():
    from textkg.extract.entities import attach_anaphora

    name, surname = M(0, 16, "Philippe Lambert", "Person"), M(40, 47, "Lambert", "Person")
    pronoun, other = M(20, 22, "Il", "Pronoun"), M(60, 66, "Nantes", "Place")
    (person, place) = attach_anaphora(cluster_mentions([name, surname, other]), [[name, pronoun, surname], [other]])
    assert person.spans == ((0, 16), (20, 22), (40, 47))
    assert person.aliases == ("Lambert",) and person.label == "Philippe Lambert"
    # a chain that touches two named clusters attaches nothing
    (person, place) = attach_anaphora(cluster_mentions([name, other]), [[name, pronoun, other]])
    assert (20, 22) not in person.spans + place.spans


def test_roles_and_date_values_survive_resolution():
    a = record("a", Entity("e1", "Person", "Paul Martin", roles=("ministre de la Défense",)), Entity("e2", "Date", "jeudi", value="2023-05-25"))
    b = record("b", Entity("e1", "Person", "Paul Martin", roles=("général",)))
    by_label = {e.label: e for e in resolve_corpus([a, b]).entities}
    assert by_label["Paul Martin"].roles == ("ministre de la Défense", "général")
    assert by_label["jeudi"].value == "2023-05-25"
