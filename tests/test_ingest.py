import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from textkg.errors import InputError, SkippedInputError
from textkg.ingest import InputReport, clean_document, read_inputs
from textkg.records import Document, ExtractionRecord

FRENCH = "L’armée a déployé des missiles « Kalibr » en Hongrie, œuvre à 5 € près."


def read(paths, **kwargs) -> tuple[list, InputReport]:
    report = InputReport()
    return list(read_inputs(paths, report=report, **kwargs)), report


def jsonl(*lines: object) -> bytes:
    return "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines).encode("utf-8")


def test_text_file_is_one_document_named_by_its_stem(tmp_path):
    path = tmp_path / "article-1.txt"
    path.write_text("La Serbie a signé un accord.", encoding="utf-8")
    assert list(read_inputs([path])) == [Document(id="article-1", text="La Serbie a signé un accord.", lang="fr")]


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (FRENCH.encode("utf-8"), None),
        (b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), None),
        (FRENCH.encode("utf-16"), None),  # with its byte order mark (little-endian here)
        (b"\xfe\xff" + FRENCH.encode("utf-16-be"), None),
        (FRENCH.encode("cp1252"), "decoded as Windows-1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "windows-1252"],
)
def test_encodings_are_detected_and_legacy_ones_are_named(tmp_path, data, warning):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    docs, report = read([path])
    assert [d.text for d in docs] == [FRENCH]
    assert [str(p) for p in report.warnings] == ([f"{path}: not valid UTF-8 (byte 1); {warning}"] if warning else [])
    assert not report.skipped


def test_latin1_french_is_decoded(tmp_path):
    text = "Le député a évoqué la sécurité de l’État à Lyon. Très inquiétant, dit-il."
    latin = text.replace("’", "'")  # Latin-1 has no curly apostrophe
    path = tmp_path / "latin.txt"
    path.write_bytes(latin.encode("latin-1"))
    docs, report = read([path])
    assert docs[0].text == latin
    assert "decoded as Windows-1252" in str(report.warnings[0]) and str(path) in str(report.warnings[0])


def test_bytes_windows_1252_leaves_undefined_fall_back_to_latin1(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"caf\xe9 \x81")
    docs, report = read([path])
    assert docs[0].text == "café "  # the C1 control U+0081 is a stray control: removed
    assert [p.kind for p in report.warnings] == ["encoding", "control characters"]
    assert "decoded as Latin-1" in str(report.warnings[0])


def test_mostly_utf8_keeps_its_accents_and_replaces_the_bad_byte(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Évreux, Sergueï, Choïkov ".encode("utf-8") + b"\xe9t\xe9")
    docs, report = read([path])
    assert docs[0].text == "Évreux, Sergueï, Choïkov \ufffdt\ufffd"
    assert "2 bad byte(s) replaced by U+FFFD" in str(report.warnings[0])


def test_line_breaks_and_stray_controls_are_normalised_with_a_warning(tmp_path):
    path = tmp_path / "dirty.txt"
    path.write_bytes("Ligne un\r\nligne deux\rligne\x0ctrois\x1b\x07 é".encode("utf-8") + "e\u0301".encode("utf-8"))
    docs, report = read([path])
    assert docs[0].text == "Ligne un\nligne deux\nligne\ntrois é\u00e9"  # and NFC: e + combining acute is é
    assert [str(p) for p in report.warnings] == [f"{path}: removed 2 stray control character(s)"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document), not text"),
        ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not text"),
        ("dump.txt", b"abc\x00\x00\x01def", "binary file (contains NUL bytes), not text"),
        ("scan.pdf", b"%PDF-1.4", "binary file (a PDF document), not text"),
        ("table.csv", b"a,b\n1,2\n", "unsupported input type '.csv'; use one of .jsonl, .md, .txt"),
        ("corpus.jsonl", b"PK\x03\x04rest", "binary file (a ZIP archive (or DOCX/ODT/EPUB)), not text"),
        ("empty.txt", b" \r\n\t\n", "the file is empty"),
        ("empty.jsonl", b"\n\n", "the file is empty"),
    ],
)
def test_unreadable_files_are_skipped_with_one_line_and_the_others_read(tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("La Serbie.", encoding="utf-8")
    docs, report = read([bad, good])
    assert [d.id for d in docs] == ["good"]
    assert [str(p) for p in report.skipped] == [f"{bad}: {reason}"]
    assert report.summary().startswith("read 1 document(s); skipped 1 (")


def test_huge_document_is_read_whole(tmp_path):
    paragraph = "La Serbie a déployé des missiles en Hongrie, selon DPA.\r\n"
    path = tmp_path / "huge.txt"
    path.write_bytes((paragraph * 40_000).encode("utf-8"))  # 2.6 million characters, beyond spaCy's max_length
    docs, report = read([path])
    assert len(docs[0].text) == (len(paragraph) - 1) * 40_000 and not report.problems


def test_jsonl_corpus_keeps_metadata(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "a", "text": "Texte A", "date": "2023-05-25", "source": "AFP", "url": "https://example.org/a"},
            {"id": 7, "text": "Text B", "lang": "en", "title": "B"},
        )
    )
    docs = list(read_inputs([path]))
    assert [d.id for d in docs] == ["a", "7"]
    assert docs[0].date == "2023-05-25" and docs[0].source == "AFP" and docs[0].lang == "fr"
    assert docs[1].lang == "en" and docs[1].title == "B"


def test_bad_jsonl_lines_are_reported_by_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "a", "text": "Premier."},
            '{"id": "b", "text": ',
            "[1, 2]",
            {"id": "c"},
            {"id": "d", "text": 42},
            {"id": "a", "text": "Doublon."},
            {"text": "Sans id."},
            {"id": "e", "text": "  "},
            {"id": "f", "text": "Date.", "date": 2023},
            {"id": "g", "text": "Langue.", "lang": "fr fr"},
            {"id": "h", "entities": [], "text": "x", "relations": "no"},
            {"id": "i", "text": "x", "entities": [{"id": "e1", "type": "Place", "label": "x", "links": {"wikidata": "Q1 <b>"}}]},
            "",
            {"id": "z", "text": "Dernier."},
        )
    )
    docs, report = read([path])
    assert [d.id for d in docs] == ["a", "z"]
    assert [str(p) for p in report.skipped] == [
        f"{path}:2: malformed JSON: Expecting value (column 21)",
        f"{path}:3: each line must be a JSON object",
        f"{path}:4: document 'c': missing or non-string 'text'",
        f"{path}:5: document 'd': missing or non-string 'text'",
        f"{path}:6: duplicate document id 'a' (first seen in {path}:1)",
        f"{path}:7: missing or non-string 'id'",
        f"{path}:8: document 'e' has an empty 'text'",
        f"{path}:9: document 'f': 'date' must be a string",
        f"{path}:10: 'lang' must be a language tag such as 'fr', not 'fr fr'",
        f"{path}:11: 'relations' must be a list",
        f"{path}:12: entity 'e1': link 'wikidata' is not an absolute IRI: 'Q1 <b>'",
    ]
    assert report.summary() == "read 2 document(s); skipped 11 (1 duplicate id, 9 invalid document, 1 malformed JSON)"


def test_duplicate_ids_are_caught_across_files(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(jsonl({"id": "x", "text": "Un."}))
    (tmp_path / "b.jsonl").write_bytes(jsonl({"id": "y", "text": "Deux."}, {"id": "x", "text": "Trois."}))
    docs, report = read([tmp_path])
    assert [d.id for d in docs] == ["x", "y"]
    assert [str(p) for p in report.skipped] == [f"{tmp_path / 'b.jsonl'}:2: duplicate document id 'x' (first seen in {tmp_path / 'a.jsonl'}:1)"]


def test_jsonl_lines_split_on_newline_only_and_surrogates_are_replaced(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "un\u2028deux\x1cfin"}, '{"id": "b\\ud800", "text": "moiti\\udce9"}'))
    docs, report = read([path])
    assert [(d.id, d.text) for d in docs] == [("a", "un\u2028deuxfin"), ("b\ufffd", "moiti\ufffd")]
    assert [str(p) for p in report.warnings] == [f"{path}:1: removed 1 stray control character(s)"]


def test_jsonl_line_in_windows_1252_is_decoded_with_a_warning_naming_the_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "Été."}) + '{"id": "b", "text": "Hé, œuvre"}\r\n'.encode("cp1252"))
    docs, report = read([path])
    assert [d.text for d in docs] == ["Été.", "Hé, œuvre"]
    assert [str(p) for p in report.warnings] == [f"{path}:2: not valid UTF-8 (byte 22); decoded as Windows-1252"]


def test_utf16_jsonl_with_bom_is_read(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "Été"}, {"id": "b", "text": "Hiver"}).decode("utf-8").encode("utf-16"))
    docs, report = read([path])
    assert [(d.id, d.text) for d in docs] == [("a", "Été"), ("b", "Hiver")] and not report.problems


def test_extraction_records_are_read_back(tmp_path):
    record = ExtractionRecord(Document(id="x", text="Paris"))
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record.to_json()) + "\n", encoding="utf-8")
    assert list(read_inputs([path])) == [record]


def test_directory_is_searched_recursively_in_stable_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.md").write_text("A", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    docs, report = read([tmp_path])
    assert [d.id for d in docs] == ["a", "b"] and not report.problems


def test_glob_patterns_are_expanded_recursively_and_each_file_read_once(tmp_path):
    (tmp_path / "2023" / "05").mkdir(parents=True)
    (tmp_path / "2023" / "05" / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "2023" / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "2023" / "c.md").write_text("C", encoding="utf-8")
    docs, report = read([f"{tmp_path}/**/*.txt", tmp_path / "2023" / "a.txt"])
    assert [d.id for d in docs] == ["b", "a"] and not report.problems


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file or directory"),
        (lambda d: f"{d}/**/*.md", "*.md: no input files (.jsonl, .md, .txt) match this pattern"),
        (lambda d: (d / "sub").mkdir() or d / "sub", "sub: no input files (.jsonl, .md, .txt) in this directory"),
    ],
)
def test_set_up_errors_raise_before_anything_is_read(tmp_path, make, message):
    (tmp_path / "good.txt").write_text("Bon.", encoding="utf-8")
    report = InputReport()
    items = read_inputs([tmp_path / "good.txt", make(tmp_path)], report=report)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")) as info:
        next(items)
    assert info.value.exit_code == 2 and report.documents == 0


@pytest.mark.parametrize(
    ("data", "stdin_format", "expected"),
    [
        ("Le Kremlin a confirmé.\n".encode("utf-8"), "auto", [("stdin", "Le Kremlin a confirmé.\n")]),
        (jsonl({"id": "a", "text": "Un."}, {"id": "b", "text": "Deux."}), "auto", [("a", "Un."), ("b", "Deux.")]),
        (jsonl({"id": "a", "text": "Un."}), "text", [("stdin", '{"id": "a", "text": "Un."}\n')]),
        (b'{"id": "a", "text": "Un."}\nnot json\n', "jsonl", [("a", "Un.")]),
        ("Été".encode("cp1252"), "auto", [("stdin", "Été")]),
    ],
    ids=["text", "sniffed-jsonl", "forced-text", "forced-jsonl", "windows-1252"],
)
def test_standard_input(data, stdin_format, expected):
    docs, report = read(["-"], stdin_format=stdin_format, stdin=io.BytesIO(data))
    assert [(d.id, d.text) for d in docs] == expected
    assert all(p.source == "<stdin>" for p in report.problems)


def test_unknown_stdin_format_is_a_set_up_error():
    with pytest.raises(InputError, match="unknown stdin format 'xml'"):
        next(read_inputs(["-"], stdin_format="xml", stdin=io.BytesIO(b"x")))


def test_strict_report_turns_the_first_skip_into_an_error_with_exit_code_1(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "Un."}, "{broken"))
    report = InputReport(strict=True)
    items = read_inputs([path], report=report)
    assert next(items).id == "a"
    with pytest.raises(SkippedInputError, match=r"corpus.jsonl:2: malformed JSON.*--strict") as info:
        next(items)
    assert info.value.exit_code == 1


def test_without_a_report_nothing_is_skipped_silently(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "x"}, {"id": "a", "text": "y"}))
    with pytest.raises(SkippedInputError, match="dup.jsonl:2: duplicate document id 'a'"):
        list(read_inputs([path]))


def test_problems_are_passed_on_as_they_happen(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl("{broken", {"id": "a", "text": "Un."}))
    seen = []
    report = InputReport(on_problem=lambda problem: seen.append((str(problem), report.documents)))
    list(read_inputs([path], report=report))
    assert seen == [(f"{path}:1: malformed JSON: Expecting property name enclosed in double quotes (column 2)", 0)]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_that_cannot_be_read_is_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Bon.", encoding="utf-8")
    docs, report = read([Path("/proc/self/mem"), good])  # reading at offset 0 fails with EIO
    assert [d.id for d in docs] == ["good"]
    assert [str(p) for p in report.skipped] == ["/proc/self/mem: cannot read: Input/output error"]


def test_searches_leave_out_the_excluded_output_directory(tmp_path):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "extraction.jsonl").write_text(json.dumps({"id": "a", "text": "A"}) + "\n", encoding="utf-8")
    for pattern in (tmp_path, f"{tmp_path}/**/*.*"):
        docs, report = read([pattern], exclude=[tmp_path / "output"])
        assert [d.id for d in docs] == ["a"] and not report.problems


def test_a_line_nested_too_deeply_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "corpus.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    path.write_bytes(jsonl({"id": "a", "text": "Premier."}, deep, '{"id": "b", "text": ' + "[" * 50_000, {"id": "c", "text": "Dernier."}))
    docs, report = read([path])
    assert [d.id for d in docs] == ["a", "c"]
    assert [str(p) for p in report.skipped] == [f"{path}:2: malformed JSON: nested too deeply", f"{path}:3: malformed JSON: nested too deeply"]


def test_a_deeply_nested_first_line_on_standard_input_is_read_as_text():
    docs, report = read(["-"], stdin=io.BytesIO(b"[" * 100_000))
    assert [d.id for d in docs] == ["stdin"] and not report.problems


@pytest.mark.parametrize("date", ["2023-05-25", "2023-05", "2023", "2023-05-25T14:30:00Z", "2023-05-25 14:30:00+02:00"])
def test_iso_dates_are_kept(tmp_path, date):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "Texte.", "date": date}))
    docs, report = read([path])
    assert docs[0].date == date and not report.problems


@pytest.mark.parametrize("date", ["2023-13-45", "2023-02-30", "25/05/2023", "hier", "2023-05-25T25:00", "0000-01-01"])
def test_an_invalid_date_is_dropped_with_a_warning_and_the_document_kept(tmp_path, date):
    path = tmp_path / "corpus.jsonl"
    record = ExtractionRecord(Document(id="r", text="Paris", date=date))
    path.write_bytes(jsonl({"id": "a", "text": "Texte.", "date": date}, record.to_json()))
    (document, read_back), report = read([path])
    assert (document.id, document.date) == ("a", None)
    assert read_back == ExtractionRecord(Document(id="r", text="Paris"))
    assert [str(p) for p in report.warnings] == [
        f"{path}:1: document 'a': 'date' {date!r} is not an ISO date (such as 2023-05-25); read without a date",
        f"{path}:2: document 'r': 'date' {date!r} is not an ISO date (such as 2023-05-25); read without a date",
    ]
    assert not report.skipped


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda r: r["relations"][0]["arguments"].update(agent=["e9"]), "relation 'r1': agent 'e9' is not an entity of this record"),
        (lambda r: r["relations"][0].update(claim="c7"), "relation 'r1': claim 'c7' is not a claim of this record"),
        (lambda r: r["claims"][0].update(speaker="e5"), "claim 'c1': speaker 'e5' is not an entity of this record"),
        (lambda r: r["entities"].append(dict(r["entities"][0])), "two entity records share an id"),
    ],
    ids=["relation-argument", "relation-claim", "claim-speaker", "duplicate-entity-id"],
)
def test_a_record_with_a_dangling_reference_is_skipped(tmp_path, change, reason):
    good = {
        "id": "d", "text": "Lambert a parlé.",
        "entities": [{"id": "e1", "type": "Person", "label": "Lambert", "mentions": [[0, 7]]}],
        "relations": [{"id": "r1", "kind": "event", "predicate": "parler", "arguments": {"agent": ["e1"]}, "evidence": [[0, 16]], "claim": "c1"}],
        "claims": [{"id": "c1", "speaker": "e1", "source": None, "cue": "a parlé", "content": [[0, 16]], "quote": False}],
    }
    bad = json.loads(json.dumps(good))
    change(bad)
    bad["id"] = "bad"
    path = tmp_path / "records.jsonl"
    path.write_bytes(jsonl(good, bad))
    docs, report = read([path])
    assert [r.document.id for r in docs] == ["d"]
    assert [str(p) for p in report.skipped] == [f"{path}:2: {reason}"]


SEARCH = """
import json, sys
from textkg.ingest import InputReport, read_inputs
report = InputReport()
ids = [d.id for d in read_inputs(sys.argv[1:], report=report)]
print(json.dumps({"ids": ids, "problems": [str(p) for p in report.problems]}))
"""


def search(*inputs: object, cwd: Path, as_owner: bool = False) -> dict:
    """Read ``inputs`` in a fresh process, within 30 seconds. ``as_owner``: without root's power
    to read any directory (a directory's mode bits then hold for root as for its owner)."""
    command = [sys.executable, "-c", SEARCH, *map(str, inputs)]
    if as_owner and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv (util-linux) to drop root's CAP_DAC_OVERRIDE")
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, cwd=cwd, check=True)
    return json.loads(done.stdout)


def test_a_quoted_glob_over_symbolic_link_loops_ends_at_once(tmp_path):
    (tmp_path / "corpus" / "2023").mkdir(parents=True)
    (tmp_path / "corpus" / "2023" / "a.txt").write_text("Premier texte.", encoding="utf-8")
    (tmp_path / "corpus" / "b.txt").write_text("Second texte.", encoding="utf-8")
    (tmp_path / "corpus" / "2023" / "up").symlink_to("..")  # two loops: the standard glob takes 2^depth paths
    (tmp_path / "corpus" / "again").symlink_to("2023")
    started = time.monotonic()
    for inputs in (["corpus/**/*.txt"], ["corpus"], ["corpus/*/*.txt", "corpus/*.txt"]):
        assert search(*inputs, cwd=tmp_path) == {"ids": ["a", "b"], "problems": []}, inputs
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("pattern", [False, True], ids=["directory", "pattern"])
def test_an_unreadable_subdirectory_is_reported_and_the_rest_read(tmp_path, pattern):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "hidden.txt").write_text("Texte caché.", encoding="utf-8")
    (corpus / "open.txt").write_text("Texte lisible.", encoding="utf-8")
    (corpus / "locked").chmod(0o000)
    try:
        found = search("corpus/**/*.txt" if pattern else "corpus", cwd=tmp_path, as_owner=True)
    finally:
        (corpus / "locked").chmod(0o755)
    assert found == {"ids": ["open"], "problems": ["corpus/locked: cannot read this directory: Permission denied; its files were not read"]}


def test_documents_built_in_python_lose_their_lone_surrogates_not_their_offsets():
    document = Document(id="a\ud800", text="Moiti\udce9 de Paris", title="t\udfff")
    cleaned = clean_document(document)
    assert (cleaned.id, cleaned.text, cleaned.title) == ("a\ufffd", "Moiti\ufffd de Paris", "t\ufffd")
    assert document.text == "Moiti\udce9 de Paris"  # the caller's document is untouched
    assert clean_document(cleaned) is cleaned
