"""Huge documents extracted in bounded pieces and merged back into one record per document."""

import json

import pytest

from textkg.api import extract_documents
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation
from textkg.runner.engines import InProcessEngine
from textkg.runner.pieces import merge_pieces, records_in_pieces, split_document

from .conftest import SAMPLE

FIRST = "Philippe Lambert a reçu M. Dupont. Lambert a parlé à l'agence.\n\n"
SECOND = "Lambert a répondu à Dupont, selon L’agence."


def span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return (start, start + len(word))


def piece_records() -> list[tuple[int, ExtractionRecord]]:
    first = ExtractionRecord(
        Document(id="d", text=FIRST),
        entities=(
            Entity("e1", "Person", "Philippe Lambert", ("Lambert",), (span(FIRST, "Philippe Lambert"), span(FIRST, "Lambert", 1))),
            Entity("e2", "Person", "Dupont", (), (span(FIRST, "Dupont"),)),
            Entity("e3", "Concept", "l'agence", (), (span(FIRST, "l'agence"),)),
        ),
        relations=(Relation("r1", "event", "recevoir", {"agent": ("e1",), "theme": ("e2",)}, ((0, 34),), 0.8, trigger=span(FIRST, "reçu")),),
    )
    second = ExtractionRecord(
        Document(id="d", text=SECOND),
        entities=(
            Entity("e1", "Person", "Lambert", (), (span(SECOND, "Lambert"),)),
            Entity("e2", "Organization", "Dupont", (), (span(SECOND, "Dupont"),)),
            Entity("e3", "Concept", "L’agence", (), (span(SECOND, "L’agence"),)),
        ),
        relations=(
            Relation("r1", "event", "répondre", {"agent": ("e1",), "target": ("e2",)}, ((0, 26),), 0.7, claim="c1", trigger=span(SECOND, "répondu")),
        ),
        claims=(Claim("c1", speaker=None, source="e3", cue="selon", content=((0, 26),), quote=False, evidence=((0, 43),), confidence=0.6),),
    )
    return [(0, first), (len(FIRST), second)]


def test_piece_records_merge_into_one_record_of_the_whole_text():
    whole = Document(id="d", text=FIRST + SECOND)
    record = merge_pieces(whole, piece_records())
    assert record.document == whole
    # a lone "Lambert" joins "Philippe Lambert" of the other piece; the same name merges whatever
    # type each piece gave it (the type of most mentions wins); a concept merges on its folded text
    assert [(e.id, e.type, e.label, e.aliases) for e in record.entities] == [
        ("e1", "Person", "Philippe Lambert", ("Lambert",)),
        ("e2", "Person", "Dupont", ()),
        ("e3", "Concept", "l'agence", ("L’agence",)),
    ]
    offset = len(FIRST)
    assert record.entities[0].mentions == (span(FIRST, "Philippe Lambert"), span(FIRST, "Lambert", 1), span(whole.text, "Lambert", 2))
    assert record.entities[2].mentions == (span(FIRST, "l'agence"), span(whole.text, "L’agence"))
    assert [(r.id, dict(r.arguments), r.evidence, r.trigger, r.claim) for r in record.relations] == [
        ("r1", {"agent": ("e1",), "theme": ("e2",)}, ((0, 34),), span(FIRST, "reçu"), None),
        ("r2", {"agent": ("e1",), "target": ("e2",)}, ((offset, offset + 26),), span(whole.text, "répondu"), "c1"),
    ]
    assert [(c.id, c.source, c.content, c.evidence) for c in record.claims] == [("c1", "e3", ((offset, offset + 26),), ((offset, offset + 43),))]
    for entity in record.entities:
        assert all(whole.text[s:e] in (entity.label, *entity.aliases) for s, e in entity.mentions)
    assert ExtractionRecord.from_json(json.loads(json.dumps(record.to_json()))) == record


def test_a_name_that_could_join_two_entities_stays_apart():
    text = "Marie Curie. Pierre Curie.\n\nCurie."
    pieces = [
        (0, ExtractionRecord(Document(id="d", text=text[:28]), entities=(
            Entity("e1", "Person", "Marie Curie", ("Curie",), ((0, 11),)),
            Entity("e2", "Person", "Pierre Curie", ("Curie",), ((13, 25),)),
        ))),
        (28, ExtractionRecord(Document(id="d", text=text[28:]), entities=(Entity("e1", "Person", "Curie", (), ((0, 5),)),))),
    ]
    record = merge_pieces(Document(id="d", text=text), pieces)
    assert [(e.label, e.mentions) for e in record.entities] == [("Marie Curie", ((0, 11),)), ("Pierre Curie", ((13, 25),)), ("Curie", ((28, 33),))]


@pytest.mark.model
def test_a_text_extracted_in_pieces_keeps_its_names_and_offsets(fr_nlp):
    text = SAMPLE.read_text(encoding="utf-8")
    document = Document(id="long", text=text)
    assert len(split_document(document, 700)) > 3
    whole, = [r for r, _ in records_in_pieces([document], InProcessEngine(lambda lang: fr_nlp), 8)]
    pieced, = [r for r, _ in records_in_pieces([document], InProcessEngine(lambda lang: fr_nlp), 8, max_chars=700)]
    assert pieced.document == document
    assert ExtractionRecord.from_json(json.loads(json.dumps(pieced.to_json()))) == pieced  # offsets within the text, references whole
    named = {(e.type, e.label) for e in pieced.entities if e.type not in ("Concept", "Date")}
    assert {("Person", "Vladimir Poutine"), ("Person", "Alexandre Loukachenko"), ("Country", "Biélorussie")} <= named
    for entity in pieced.entities:
        if entity.type not in ("Concept", "Date"):
            assert any(text[s:e] in (entity.label, *entity.aliases) for s, e in entity.mentions), entity
    for relation in pieced.relations:
        start, end = relation.trigger
        assert any(s <= start and end <= e for s, e in relation.evidence)
    # cut at paragraph ends, the article loses little: most names and events of the whole remain
    whole_names = {(e.type, e.label) for e in whole.entities if e.type not in ("Concept", "Date")}
    assert len(named & whole_names) >= 0.8 * len(whole_names)
    assert len(pieced.relations) >= 0.7 * len(whole.relations)


@pytest.mark.model
def test_pieces_come_back_in_order_between_short_documents_and_records(fr_nlp):
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").split("\n") if line.strip()]
    long = Document(id="long", text="\n\n".join(lines))
    shorts = [Document(id=f"s{n}", text=line) for n, line in enumerate(lines[:3])]
    known = ExtractionRecord(Document(id="known", text="Paris."))
    items = [shorts[0], long, known, shorts[1], shorts[2]]
    records = [r for r, _ in records_in_pieces(items, InProcessEngine(lambda lang: fr_nlp), batch_size=2, max_chars=600)]
    assert [r.document.id for r in records] == ["s0", "long", "known", "s1", "s2"]
    assert records[1].document == long and records[2] is known
    serial = list(extract_documents(shorts, lambda lang: fr_nlp))
    assert [records[0], records[3], records[4]] == serial


def test_a_stopped_run_hands_over_whole_records_only():
    class Engine(InProcessEngine):
        window = 8  # keeps finished batches waiting, as a pool of workers does

    documents = [Document(id="a", text="Un."), Document(id="long", text="Deux.\n\nTrois.\n\nQuatre."), Document(id="b", text="Cinq.")]

    def stopped():
        yield from documents
        raise KeyboardInterrupt

    import spacy

    blank = spacy.blank("fr")
    blank.add_pipe("sentencizer")
    abandoned = []
    with pytest.raises(KeyboardInterrupt):
        for _ in records_in_pieces(stopped(), Engine(lambda lang: blank), batch_size=1, max_chars=8, on_abandoned=abandoned.extend):
            pass
    assert [r.document.id for r in abandoned] == ["a", "b"] and all(r.document in documents for r in abandoned)


def test_no_batch_holds_more_characters_than_one_piece():
    import spacy

    blank = spacy.blank("fr")
    blank.add_pipe("sentencizer")
    batches = []

    class Recording(InProcessEngine):
        def submit(self, documents):
            batches.append(sum(len(d.text) for d in documents))
            return super().submit(documents)

    documents = [Document(id="long", text="Une phrase ici. " * 40), *(Document(id=f"s{n}", text="Deux mots.") for n in range(30))]
    records = [r for r, _ in records_in_pieces(documents, Recording(lambda lang: blank), batch_size=32, max_chars=100)]
    assert [r.document.id for r in records] == [d.id for d in documents] and records[0].document.text == documents[0].text
    assert len(batches) > 7 and max(batches) <= 100
