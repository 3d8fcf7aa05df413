"""A progress bar for corpus runs (rich, on standard error): documents done, documents per second,
how many came from the cache, and the time left."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from ..records import ExtractionRecord

RecordCallback = Callable[[ExtractionRecord, bool], None]


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} docs/s" if speed else "- docs/s", style="progress.data.speed")


@contextlib.contextmanager
def progress_bar(total: int | None, console: Console | None = None) -> Iterator[RecordCallback]:
    """A callback ``(record, fresh)`` that advances the bar; the bar lives for the ``with`` block."""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("{task.fields[cached]:,} cached"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console or Console(stderr=True), transient=False) as progress:
        task = progress.add_task("extracting", total=total, cached=0)
        cached = 0

        def advance(record: ExtractionRecord, fresh: bool) -> None:
            nonlocal cached
            cached += not fresh
            progress.update(task, advance=1, cached=cached)

        yield advance
