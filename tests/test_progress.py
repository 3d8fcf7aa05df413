import io

from rich.console import Console

from textkg.runner.progress import progress_bar
from textkg.records import Document, ExtractionRecord


def test_the_progress_bar_counts_documents_and_cached_ones():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    record = ExtractionRecord(document=Document(id="d", text="x"))
    with progress_bar(total=3, console=console) as advance:
        advance(record, True)
        advance(record, False)
        advance(record, False)
    text = out.getvalue()
    assert "3/3" in text and "2 cached" in text and "docs/s" in text


def test_inputs_are_counted_for_the_bar_but_standard_input_is_never_read_twice(tmp_path):
    from textkg.api import count_inputs

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Un."}\n{"id": "b", "text": "Deux."}\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("Trois.", encoding="utf-8")
    assert count_inputs([tmp_path]) == 3
    assert count_inputs([corpus, "-"]) is None
