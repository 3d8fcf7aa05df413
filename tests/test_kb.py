import pytest

from textkg.errors import InputError
from textkg.resolve.kb import apply_kb, read_kb
from textkg.records import Document, Entity, ExtractionRecord

RECORD = ExtractionRecord(
    Document("d", "x" * 50),
    (
        Entity("e1", "Person", "Sergueï Choïgou", mentions=((0, 5),)),
        Entity("e2", "Organization", "OTAN", mentions=((6, 10),)),
        Entity("e3", "Concept", "otan", mentions=((11, 15),)),
    ),
)


def test_csv_adds_aliases_types_and_links(tmp_path):
    path = tmp_path / "kb.csv"
    path.write_text(
        "label,aliases,type,iri\n"
        "Sergei Shoigu,Choïgou|Shoigu,Person,http://www.wikidata.org/entity/Q313246\n"
        "NATO,OTAN,IntergovernmentalOrganization,https://example.org/nato\n",
        encoding="utf-8",
    )
    enriched = apply_kb(RECORD, read_kb(path))
    shoigu, nato, concept = enriched.entities
    assert shoigu.links == {"wikidata": "http://www.wikidata.org/entity/Q313246"}
    assert "Sergei Shoigu" in shoigu.aliases and shoigu.label == "Sergueï Choïgou"
    assert nato.type == "IntergovernmentalOrganization" and nato.links == {"kb": "https://example.org/nato"}
    assert concept == RECORD.entities[2]
    # the caller's record is untouched
    assert RECORD.entities[0].links == {}


def test_skos_turtle(tmp_path):
    path = tmp_path / "kb.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<http://www.wikidata.org/entity/Q7184> skos:prefLabel \"NATO\"@en ; skos:altLabel \"OTAN\"@fr .\n",
        encoding="utf-8",
    )
    nato = apply_kb(RECORD, read_kb(path)).entities[1]
    assert nato.links["wikidata"] == "http://www.wikidata.org/entity/Q7184" and "NATO" in nato.aliases


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
