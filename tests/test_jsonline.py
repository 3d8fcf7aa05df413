import json

from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation
from textkg.runner.jsonline import json_chunks, json_line

ODD = "« Été » </script> \"quoted\" \\ back\nline \u2028 emoji 🚀 \ufffd"


def test_a_record_in_chunks_is_the_record_as_one_json_text(sample_record):
    odd = ExtractionRecord(
        Document(id=ODD, text=ODD, date="2023-05-25", title=ODD),
        entities=(Entity("e1", "Person", ODD, (ODD,), ((0, 3),), {"kb": "https://example.org/x"}, value="v", roles=(ODD,)),),
        relations=(Relation("r1", "event", ODD, {"agent": ("e1",), ODD: ()}, ((0, 5),), 0.5, claim="c1", trigger=(1, 2)),),
        claims=(Claim("c1", "e1", None, ODD, ((0, 5),), True, ((0, 9),), 1.0, "negative"),),
    )
    many = ExtractionRecord(Document(id="many", text="abc"), entities=tuple(Entity(f"e{n}", "Concept", "a", (), ((0, 1),)) for n in range(2_500)))
    empty = ExtractionRecord(Document(id="empty", text="x"))
    for record in (sample_record, odd, many, empty):
        expected = json.dumps(record.to_json(), ensure_ascii=False)
        assert json_line(record) == expected
    assert len(list(json_chunks(many))) == len(list(json_chunks(empty))) + 3  # 2,500 entities: three chunks of at most 1,000
