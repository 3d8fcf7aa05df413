import pytest
from hypothesis import given
from hypothesis import strategies as st

from textkg.api import extract_documents
from textkg.nlp.parsing import parse_documents, split_text
from textkg.records import Document

from .conftest import SAMPLE


@pytest.mark.parametrize(
    ("text", "max_chars", "expected"),
    [
        ("Court.", 100, ["Court."]),
        ("Un deux.\n\nTrois quatre.\nCinq six.", 30, ["Un deux.\n\n", "Trois quatre.\nCinq six."]),
        ("Un deux.\nTrois quatre. Cinq six.", 20, ["Un deux.\n", "Trois quatre. ", "Cinq six."]),
        ("Un deux trois quatre", 12, ["Un deux ", "trois quatre"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_split_text_cuts_after_the_strongest_boundary_that_fits(text, max_chars, expected):
    assert [text[s:e] for s, e in split_text(text, max_chars)] == expected


@given(st.text(alphabet="ab .\n«»", max_size=300), st.integers(min_value=1, max_value=40))
def test_split_text_pieces_cover_the_text_in_order_within_the_limit(text, max_chars):
    pieces = split_text(text, max_chars)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(0 < e - s <= max_chars for s, e in pieces) or text == ""


def test_split_text_rejects_a_non_positive_limit():
    with pytest.raises(ValueError, match="must be positive"):
        split_text("abc", 0)


@pytest.mark.model
def test_a_text_longer_than_max_length_is_parsed_whole_with_offsets_into_the_original(fr_nlp, monkeypatch):
    text = SAMPLE.read_text(encoding="utf-8")
    document = Document(id="long", text=text)
    (whole, _), = parse_documents(fr_nlp, [document], batch_size=8)
    whole_record = next(extract_documents([document], lambda lang: fr_nlp))

    monkeypatch.setattr(fr_nlp, "max_length", 400)
    with pytest.raises(ValueError, match="E088"):
        fr_nlp(text)  # spaCy itself refuses the text at this limit
    (pieced, _), = parse_documents(fr_nlp, [document], batch_size=8)
    record = next(extract_documents([document], lambda lang: fr_nlp))

    assert pieced.text == text and len(pieced) == len(whole)
    assert record.document.text == text
    last_mention = max(end for e in record.entities for _, end in e.mentions)
    assert last_mention > len(text) - 400  # the tail was not dropped
    named = [e for e in record.entities if e.type not in ("Concept", "Date")]
    # Mentions also hold pronouns and descriptions ("son pays"); the names themselves must be found.
    for entity in named:
        assert any(text[start:end] in (entity.label, *entity.aliases) for start, end in entity.mentions)
    # Cut at line and sentence ends, the named entities are those of the whole text.
    def spans(rec):
        return {(e.type, e.mentions) for e in rec.entities if e.type not in ("Concept", "Date")}

    assert spans(record) == spans(whole_record)
