import io

from rich.console import Console

from textkg.progress import progress_bar
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
