"""Read inputs into Documents (or previously written extraction records).

An input is a ``.txt``/``.md`` file (one document, id = file stem), a ``.jsonl`` file (one
document per line with ``id`` and ``text``, or one extraction record per line as written by
``textkg extract``), or a directory searched recursively for those.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .records import Document, ExtractionRecord

TEXT_SUFFIXES = frozenset({".txt", ".md"})
CORPUS_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | CORPUS_SUFFIXES
METADATA_FIELDS = ("lang", "date", "source", "url", "title")

Item = Document | ExtractionRecord


def read_inputs(paths: Iterable[str | Path], default_lang: str = "fr") -> Iterator[Item]:
    """Yield every document or record found under ``paths``, in a stable order.

    Raises InputError for a missing path, an unsupported suffix, an undecodable or empty file, a
    malformed JSONL line, or an id seen twice.
    """
    seen: dict[str, str] = {}
    for path in expand_paths(paths):
        for item, where in _read_file(path, default_lang):
            doc_id = item.document.id if isinstance(item, ExtractionRecord) else item.id
            if doc_id in seen:
                raise InputError(path, f"duplicate document id {doc_id!r} (first seen in {seen[doc_id]})", where)
            seen[doc_id] = f"{path}:{where}" if where else str(path)
            yield item


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The input files named by ``paths``: files as given, directories searched recursively."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                raise InputError(path, f"no input files ({', '.join(sorted(SUPPORTED_SUFFIXES))}) in this directory")
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise InputError(
                    path, f"unsupported input type {path.suffix or '(none)'!r}; use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
                )
            files.append(path)
        else:
            raise InputError(path, "no such file or directory")
    return files


def _read_file(path: Path, default_lang: str) -> Iterator[tuple[Item, int | None]]:
    text = _decode(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        if not text.strip():
            raise InputError(path, "the file is empty")
        yield Document(id=path.stem, text=text, lang=default_lang), None
        return
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InputError(path, "the file is empty")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _parse_line(path, number, line, default_lang), number


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte {exc.start})") from exc


def _parse_line(path: Path, number: int, line: str, default_lang: str) -> Item:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"malformed JSON: {exc.msg} (column {exc.colno})", number) from exc
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object", number)
    try:
        if "entities" in obj:
            return ExtractionRecord.from_json(obj)
        return _document(obj, default_lang)
    except ValueError as exc:
        raise InputError(path, str(exc), number) from exc


def _document(obj: dict, default_lang: str) -> Document:
    doc_id = obj.get("id")
    text = obj.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise ValueError("missing or non-string 'id'")
    if not isinstance(text, str):
        raise ValueError("missing or non-string 'text'")
    if not text.strip():
        raise ValueError(f"document {doc_id!r} has an empty 'text'")
    meta = {}
    for key in METADATA_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a string")
        meta[key] = value
    return Document(
        id=doc_id,
        text=text,
        lang=meta["lang"] or default_lang,
        date=meta["date"],
        source=meta["source"],
        url=meta["url"],
        title=meta["title"],
    )
