import json

import pytest

from textkg.errors import InputError
from textkg.ingest import read_inputs
from textkg.records import Document, ExtractionRecord


def test_text_file_is_one_document_named_by_its_stem(tmp_path):
    path = tmp_path / "article-1.txt"
    path.write_text("La Russie a signé un accord.", encoding="utf-8")
    assert list(read_inputs([path])) == [Document(id="article-1", text="La Russie a signé un accord.", lang="fr")]


def test_utf8_bom_is_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffBonjour".encode("utf-8"))
    assert next(read_inputs([path])).text == "Bonjour"


def test_jsonl_corpus_keeps_metadata(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a", "text": "Texte A", "date": "2023-05-25", "source": "AFP", "url": "https://example.org/a"},
        {"id": "b", "text": "Text B", "lang": "en", "title": "B"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    docs = list(read_inputs([path]))
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].date == "2023-05-25" and docs[0].source == "AFP" and docs[0].lang == "fr"
    assert docs[1].lang == "en" and docs[1].title == "B"


def test_directory_is_searched_recursively_in_stable_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.md").write_text("A", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    assert [d.id for d in read_inputs([tmp_path])] == ["a", "b"]


def test_extraction_records_are_read_back(tmp_path):
    record = ExtractionRecord(Document(id="x", text="Paris"))
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record.to_json()) + "\n", encoding="utf-8")
    assert list(read_inputs([path])) == [record]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file or directory"),
        ("table.csv", b"a,b", "unsupported input type '.csv'"),
        ("empty.txt", b"   \n", "the file is empty"),
        ("latin.txt", "Biélorussie".encode("latin-1"), "not UTF-8 text"),
        ("bad.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "b", "text": \n', "bad.jsonl:2: malformed JSON"),
        ("notext.jsonl", b'{"id": "a"}\n', "notext.jsonl:1: missing or non-string 'text'"),
        ("dup.jsonl", b'{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "dup.jsonl:2: duplicate document id 'a'"),
    ],
)
def test_bad_inputs_raise_an_error_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        list(read_inputs([path]))
    assert str(path) in str(info.value)
