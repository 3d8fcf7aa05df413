import json

import pytest

from textkg.errors import ContractError

from textkg.records import Claim, Document, Entity, ExtractionRecord, Merge, Relation


def make_record():
    text = "Selon Telnova, Lambert a déclaré que la Serbie déploie des missiles."
    return ExtractionRecord(
        document=Document(id="d1", text=text, date="2023-05-25", source="test"),
        entities=(
            Entity("e1", "Organization", "Telnova", mentions=((6, 13),)),
            Entity(
                "e2", "Person", "Lambert", aliases=("Philippe Lambert",), mentions=((15, 22),), mention_kinds=("name",),
                merges=(Merge("Lambert", "Philippe Lambert", "surname or first name of the only full name"),),
            ),
            Entity("e3", "Place", "Serbie", mentions=((40, 46),)),
            Entity("e4", "Concept", "missiles", mentions=((59, 67),)),
        ),
        relations=(
            Relation("r1", "event", "déployer", {"agent": ("e3",), "theme": ("e4",)}, ((37, 68),), 0.7, claim="c1", event_class="Deployment", trigger=(47, 54)),
        ),
        claims=(Claim("c1", "e2", "e1", "a déclaré", ((37, 67),), False, ((0, 68),), 0.8),),
    )


def test_record_round_trips_through_json():
    record = make_record()
    line = json.dumps(record.to_json(), ensure_ascii=False)
    assert ExtractionRecord.from_json(json.loads(line)) == record


def test_record_json_follows_the_contract():
    data = make_record().to_json()
    assert {"id", "lang", "date", "source", "text", "entities", "relations", "claims"} <= set(data)
    assert data["entities"][1] == {
        "id": "e2", "type": "Person", "label": "Lambert", "aliases": ["Philippe Lambert"], "mentions": [[15, 22]], "links": {},
        "mention_kinds": ["name"],
        "merges": [{"name": "Lambert", "to": "Philippe Lambert", "reason": "surname or first name of the only full name"}],
    }
    assert data["relations"][0]["arguments"] == {"agent": ["e3"], "theme": ["e4"]}
    assert data["relations"][0]["trigger"] == [47, 54]
    assert data["claims"][0]["speaker"] == "e2" and data["claims"][0]["source"] == "e1"


def test_a_record_without_mention_kinds_reads_back_with_none():
    data = make_record().to_json()
    del data["entities"][1]["mention_kinds"]
    assert ExtractionRecord.from_json(data).entities[1].mention_kinds == ()


def test_an_entity_without_merges_reads_back_with_none_and_keeps_its_shape():
    data = make_record().to_json()
    del data["entities"][1]["merges"]
    record = ExtractionRecord.from_json(data)
    assert record.entities[1].merges == ()
    assert "merges" not in record.to_json()["entities"][1]


def test_a_relation_without_trigger_keeps_the_older_shape():
    data = make_record().to_json()
    del data["relations"][0]["trigger"]
    record = ExtractionRecord.from_json(data)
    assert record.relations[0].trigger is None
    assert "trigger" not in record.to_json()["relations"][0]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("text"), "missing field 'text'"),
        (lambda d: d["entities"][0].update(mentions=[[5, 999]]), "within the text"),
        (lambda d: d["relations"][0].update(kind="fact"), "'kind' must be one of"),
        (lambda d: d["relations"][0].update(confidence=1.5), "confidence"),
        (lambda d: d["relations"][0].update(trigger=[47]), "'trigger' must hold"),
        (lambda d: d.update(entities={}), "'entities' must be a list"),
        (lambda d: d["entities"][1].update(mention_kinds=["name", "pronoun"]), "2 kinds for 1 mentions"),
        (lambda d: d["entities"][1].update(mention_kinds=["nickname"]), "'nickname' is none of name, description, pronoun"),
        (lambda d: d["entities"][1].update(merges={"name": "Lambert"}), "'merges' must be a list"),
        (lambda d: d["entities"][1]["merges"][0].pop("reason"), "missing field 'reason'"),
    ],
)
def test_broken_records_are_rejected_with_the_field_named(mutate, message):
    data = make_record().to_json()
    mutate(data)
    with pytest.raises(ContractError, match=message):
        ExtractionRecord.from_json(data)
