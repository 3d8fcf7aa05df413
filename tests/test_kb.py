import pytest

from textkg.errors import InputError
from textkg.resolve.kb import apply_kb, read_kb
from textkg.records import Document, Entity, ExtractionRecord

RECORD = ExtractionRecord(
    Document("d", "x" * 50),
    (
        Entity("e1", "Person", "Sergueï Choukov", mentions=((0, 5),)),
        Entity("e2", "Organization", "ONU", mentions=((6, 10),)),
        Entity("e3", "Concept", "onu", mentions=((11, 15),)),
    ),
)


def test_csv_adds_aliases_types_and_links(tmp_path):
    path = tmp_path / "kb.csv"
    path.write_text(
        "label,aliases,type,iri\n"
        "Sergei Shukov,Choukov|Shukov,Person,https://example.org/shukov\n"
        "UN,ONU,IntergovernmentalOrganization,https://example.org/un\n",
        encoding="utf-8",
    )
    enriched = apply_kb(RECORD, read_kb(path))
    person, un, concept = enriched.entities
    assert person.links == {"kb": "https://example.org/shukov"}
    assert "Sergei Shukov" in person.aliases and person.label == "Sergueï Choukov"
    assert un.type == "IntergovernmentalOrganization" and un.links == {"kb": "https://example.org/un"}
    assert concept == RECORD.entities[2]
    # the caller's record is untouched
    assert RECORD.entities[0].links == {}


def test_skos_turtle(tmp_path):
    path = tmp_path / "kb.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<http://www.wikidata.org/entity/Q1065> skos:prefLabel \"UN\"@en ; skos:altLabel \"ONU\"@fr .\n",
        encoding="utf-8",
    )
    un = apply_kb(RECORD, read_kb(path)).entities[1]
    assert un.links["wikidata"] == "http://www.wikidata.org/entity/Q1065" and "UN" in un.aliases


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("label,type,iri\nX,Person,http://x\n", "missing CSV column"),
        ("label,aliases,type,iri\nX,,Planet,http://x\n", r"kb.csv:2: unknown type"),
        ("label,aliases,type,iri\n,,Person,http://x\n", "needs a label"),
    ],
)
def test_bad_csv_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "kb.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_kb(path)
