"""The one reader of the tab-separated data files of ontology/lexicons: comment lines start with
"#", cells are stripped, and every problem names the file and the line."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def rows(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """``(line number, cells)`` of every data line of ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the lexicon: {exc}") from exc
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        found.append((number, tuple(cell.strip() for cell in line.split("\t"))))
    return found


def pairs(path: Path) -> list[tuple[int, str, str]]:
    """``(line number, key, value)`` of a two-column file."""
    found = []
    for number, cells in rows(path):
        if len(cells) != 2 or not cells[0]:
            raise InputError(path, "expected 2 tab-separated cells", number)
        found.append((number, cells[0], cells[1]))
    return found
