"""Read inputs into Documents (or previously written extraction records), reporting what cannot be read.

An input is a ``.txt``/``.md`` file (one document, id = file stem), a ``.jsonl`` file (one
document per line with ``id`` and ``text``, or one extraction record per line as written by
``textkg extract``), a directory searched recursively for those, a glob pattern such as
``'corpus/**/*.txt'``, or ``-`` for standard input (text, or JSONL).

A bad input never stops the others: each problem (file, line, reason) goes to an InputReport and
every document that can be read is yielded. Only set-up errors raise at once (a path that does
not exist, a directory or pattern with nothing to read), and any skip when the report is strict.
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .decoding import LONE_SURROGATES, SNIFF_BYTES, binary_reason, byte_order_mark, clean_field, decode_bytes, normalise_text
from .fields import check_language, check_links, check_references, is_iso_date
from .language import LanguagePolicy, choose_language
from .paths import STDIN, SUPPORTED_SUFFIXES, TEXT_SUFFIXES, expand_paths
from ..errors import InputError, SkippedInputError
from ..records import Document, ExtractionRecord

METADATA_FIELDS = ("lang", "date", "source", "url", "title")
STDIN_NAME = "<stdin>"
STDIN_DOCUMENT_ID = "stdin"
STDIN_FORMATS = ("auto", "text", "jsonl")

# Problem kinds, as counted in the summary.
UNREADABLE = "unreadable"
BINARY = "binary"
UNSUPPORTED = "unsupported type"
EMPTY = "empty"
MALFORMED_JSON = "malformed JSON"
INVALID = "invalid document"
DUPLICATE = "duplicate id"
LANGUAGE = "unsupported language"
ENCODING = "encoding"
CONTROLS = "control characters"
UNCLEAR_LANGUAGE = "unclear language"
BAD_DATE = "invalid date"

Item = Document | ExtractionRecord


@dataclass(frozen=True)
class Problem:
    """One thing reading could not do (``skipped``) or did with a caveat (a warning)."""

    source: str
    reason: str
    kind: str
    line: int | None = None
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


class InputReport:
    """What reading skipped or warned about, filled while ``read_inputs`` is consumed (an
    accumulator, hence not frozen). ``strict`` turns the first skip into a SkippedInputError;
    ``on_problem`` sees each problem as it happens (the CLI prints them)."""

    def __init__(self, strict: bool = False, on_problem: Callable[[Problem], None] | None = None) -> None:
        self.strict = strict
        self.on_problem = on_problem
        self.problems: list[Problem] = []
        self.documents = 0

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.skipped]

    def add(self, problem: Problem) -> None:
        if problem.skipped and self.strict:
            raise SkippedInputError(problem.source, f"{problem.reason} (--strict: nothing was written)", problem.line)
        self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def summary(self) -> str:
        """One line: documents read, skips counted by kind, warnings.

        >>> report = InputReport()
        >>> report.add(Problem("a.jsonl", "malformed JSON", MALFORMED_JSON, 3))
        >>> report.summary()
        'read 0 document(s); skipped 1 (1 malformed JSON)'
        """
        parts = [f"read {self.documents} document(s)"]
        if skipped := self.skipped:
            counts = Counter(p.kind for p in skipped)
            parts.append(f"skipped {len(skipped)} (" + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) + ")")
        if warnings := self.warnings:
            parts.append(f"{len(warnings)} warning(s)")
        return "; ".join(parts)


def read_inputs(
    paths: Iterable[str | Path],
    default_lang: str = "fr",
    report: InputReport | None = None,
    stdin_format: str = "auto",
    stdin: BinaryIO | None = None,
    exclude: Iterable[str | Path] = (),
    detect_language: bool = False,
    languages: Iterable[str] | None = None,
) -> Iterator[Item]:
    """Yield every document or record found under ``paths``, in a stable order, and record in
    ``report`` every file or line that was skipped and why. Without a report, the first skip
    raises (nothing is lost silently). Directory and pattern searches leave out the files and
    directories in ``exclude`` (the outputs: a re-run must not read them back).

    A document that does not declare its language is in ``default_lang``, or with
    ``detect_language`` in the language detected in its text when detection is sure (see
    ``ingest.language``). With ``languages`` (those that have a pipeline), a document in another
    is skipped with the reason.

    Raises InputError, before reading anything, for a path that does not exist or a directory
    or pattern with no input files, and for an unknown ``stdin_format``.
    """
    if stdin_format not in STDIN_FORMATS:
        raise InputError(STDIN_NAME, f"unknown stdin format {stdin_format!r}; use one of {', '.join(STDIN_FORMATS)}")
    report = report if report is not None else InputReport(strict=True)
    policy = LanguagePolicy(default_lang, detect_language, frozenset(languages) if languages is not None else None)

    unreadable_directories: set[Path] = set()

    def unreadable(directory: Path, exc: OSError) -> None:
        if directory not in unreadable_directories:  # a pattern and a search under it may meet it twice
            unreadable_directories.add(directory)
            report.add(Problem(str(directory), f"cannot read this directory: {exc.strerror or exc}; its files were not read", UNREADABLE))

    seen: dict[str, str] = {}
    for path in expand_paths(paths, unreadable, exclude):
        if str(path) == STDIN:
            source, items = STDIN_NAME, _read_stdin(stdin, stdin_format, policy, report)
        else:
            source, items = str(path), _read_file(path, policy, report)
        for item, line in items:
            doc_id = item.document.id if isinstance(item, ExtractionRecord) else item.id
            if doc_id in seen:
                report.add(Problem(source, f"duplicate document id {doc_id!r} (first seen in {seen[doc_id]})", DUPLICATE, line))
                continue
            seen[doc_id] = f"{source}:{line}" if line is not None else source
            report.documents += 1
            yield item


def _read_file(path: Path, policy: LanguagePolicy, report: InputReport) -> Iterator[tuple[Item, int | None]]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            if reason := binary_reason(head):
                report.add(Problem(source, reason, BINARY))
                return
            if suffix not in SUPPORTED_SUFFIXES:
                supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
                report.add(Problem(source, f"unsupported input type {path.suffix or '(none)'!r}; use one of {supported}", UNSUPPORTED))
                return
            if suffix in TEXT_SUFFIXES:
                document = _text_document(source, head + handle.read(), clean_field(path.stem), policy, report)
                if document is not None:
                    yield document, None
                return
            handle.seek(0)
            yield from _read_jsonl(source, handle, policy, report)
    except OSError as exc:
        report.add(Problem(source, f"cannot read: {exc.strerror or exc}", UNREADABLE))


def _read_stdin(stream: BinaryIO | None, stdin_format: str, policy: LanguagePolicy, report: InputReport) -> Iterator[tuple[Item, int | None]]:
    try:
        data = (stream or sys.stdin.buffer).read()
    except (AttributeError, OSError, ValueError) as exc:  # no stdin at all (None), or a closed one
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        report.add(Problem(STDIN_NAME, f"cannot read standard input: {reason}", UNREADABLE))
        return
    if reason := binary_reason(data[:SNIFF_BYTES]):
        report.add(Problem(STDIN_NAME, reason, BINARY))
        return
    if stdin_format == "jsonl" or (stdin_format == "auto" and _looks_like_jsonl(data)):
        yield from _read_jsonl(STDIN_NAME, io.BytesIO(data), policy, report)
        return
    document = _text_document(STDIN_NAME, data, STDIN_DOCUMENT_ID, policy, report)
    if document is not None:
        yield document, None


def _looks_like_jsonl(data: bytes) -> bool:
    """True when the first non-blank line of ``data`` is a JSON object."""
    first = next((line for line in io.BytesIO(data.lstrip(b"\xef\xbb\xbf")) if line.strip()), b"")
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _text_document(source: str, data: bytes, doc_id: str, policy: LanguagePolicy, report: InputReport) -> Document | None:
    text = _decoded_text(source, data, None, report)
    if not text.strip():
        report.add(Problem(source, "the file is empty", EMPTY))
        return None
    lang = _language(source, None, text, None, policy, report)
    return Document(id=doc_id, text=text, lang=lang) if lang is not None else None


def _language(source: str, line: int | None, text: str, declared: str | None, policy: LanguagePolicy, report: InputReport) -> str | None:
    """The language to read the document in, or None (reported) if it has no pipeline."""
    choice = choose_language(text, declared, policy)
    if choice.warning:
        report.add(Problem(source, choice.warning, UNCLEAR_LANGUAGE, line, skipped=False))
    if choice.skip:
        report.add(Problem(source, choice.skip, LANGUAGE, line))
        return None
    return choice.lang


def _decoded_text(source: str, data: bytes, line: int | None, report: InputReport) -> str:
    decoded = decode_bytes(data)
    if decoded.warning:
        report.add(Problem(source, decoded.warning, ENCODING, line, skipped=False))
    return _normalised(source, decoded.text, line, report)


def _normalised(source: str, text: str, line: int | None, report: InputReport) -> str:
    normalised = normalise_text(text)
    if normalised.removed_controls:
        reason = f"removed {normalised.removed_controls} stray control character(s)"
        report.add(Problem(source, reason, CONTROLS, line, skipped=False))
    return normalised.text


def _read_jsonl(source: str, stream: BinaryIO, policy: LanguagePolicy, report: InputReport) -> Iterator[tuple[Item, int]]:
    non_blank = 0
    for number, line in _jsonl_lines(source, stream, report):
        if not line.strip():
            continue
        non_blank += 1
        item = _parse_line(source, number, line, policy, report)
        if isinstance(item, Problem):
            report.add(item)
        elif item is not None:
            yield item, number
    if non_blank == 0:
        report.add(Problem(source, "the file is empty", EMPTY))


def _jsonl_lines(source: str, stream: BinaryIO, report: InputReport) -> Iterator[tuple[int, str]]:
    """Numbered lines, split on ``\\n`` only (JSON strings may hold U+2028 and friends), each
    decoded on its own so one badly encoded line cannot spoil the file."""
    head = stream.read(4)
    stream.seek(0)
    codec = byte_order_mark(head)
    if codec not in (None, "utf-8-sig"):  # UTF-16/32 corpora are rare and small: decode whole
        text = decode_bytes(stream.read()).text
        yield from enumerate(text.split("\n"), start=1)
        return
    for number, raw in enumerate(stream, start=1):
        if number == 1 and codec:
            raw = raw[len(b"\xef\xbb\xbf") :]
        raw = raw.rstrip(b"\r\n")  # so JSON errors point into the line, not past its end
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            decoded = decode_bytes(raw)
            report.add(Problem(source, decoded.warning or "not valid UTF-8", ENCODING, number, skipped=False))
            yield number, decoded.text


def _parse_line(source: str, number: int, line: str, policy: LanguagePolicy, report: InputReport) -> Item | Problem | None:
    """The document or record on a line; a Problem if it cannot be read; None if it was skipped
    and reported already."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(source, f"malformed JSON: {exc.msg} (column {exc.colno})", MALFORMED_JSON, number)
    except RecursionError:  # arrays or objects nested thousands deep: no document looks like that
        return Problem(source, "malformed JSON: nested too deeply", MALFORMED_JSON, number)
    if not isinstance(obj, dict):
        return Problem(source, "each line must be a JSON object", INVALID, number)
    try:
        if "\\ud" in line.lower():  # a \u escape may encode a lone surrogate, which no file can hold
            obj = _without_surrogates(obj)
        if "entities" in obj:
            return _record(source, number, obj, report)
        return _document(source, number, obj, policy, report)
    except ValueError as exc:
        return Problem(source, str(exc), INVALID, number)
    except RecursionError:
        return Problem(source, "a value is nested too deeply", INVALID, number)


def _record(source: str, number: int, obj: dict, report: InputReport) -> ExtractionRecord:
    record = ExtractionRecord.from_json(obj)
    check_language(record.document.lang)
    check_links(record)
    check_references(record)
    date = _checked_date(source, number, record.document.id, record.document.date, report)
    if date != record.document.date:
        record = replace(record, document=replace(record.document, date=date))
    return record


def _checked_date(source: str, number: int, doc_id: str, value: str | None, report: InputReport) -> str | None:
    """``value`` if it is an ISO date; otherwise None, with a warning: the document is worth
    reading without its date, which only places relative dates ("jeudi") in time."""
    if value is None or is_iso_date(value):
        return value
    reason = f"document {doc_id!r}: 'date' {value!r} is not an ISO date (such as 2023-05-25); read without a date"
    report.add(Problem(source, reason, BAD_DATE, number, skipped=False))
    return None


def _without_surrogates(value: Any) -> Any:
    """A copy of parsed JSON with lone surrogates replaced (one code point each: offsets hold)."""
    if isinstance(value, str):
        return clean_field(value) if any("\ud800" <= c <= "\udfff" for c in value) else value
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _document(source: str, number: int, obj: dict, policy: LanguagePolicy, report: InputReport) -> Document | None:
    doc_id = obj.get("id")
    text = obj.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise ValueError("missing or non-string 'id'")
    if not isinstance(text, str):
        raise ValueError(f"document {doc_id!r}: missing or non-string 'text'")
    meta = {}
    for key in METADATA_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"document {doc_id!r}: '{key}' must be a string")
        meta[key] = clean_field(value) if value is not None else None
    if meta["lang"] is not None:
        check_language(meta["lang"])
    text = _normalised(source, text, number, report)
    if not text.strip():
        raise ValueError(f"document {doc_id!r} has an empty 'text'")
    lang = _language(source, number, text, meta["lang"], policy, report)
    if lang is None:
        return None
    return Document(
        id=clean_field(doc_id),
        text=text,
        lang=lang,
        date=_checked_date(source, number, doc_id, meta["date"], report),
        source=meta["source"],
        url=meta["url"],
        title=meta["title"],
    )


def clean_document(document: Document) -> Document:
    """``document`` with its lone surrogates replaced by U+FFFD, one code point each so offsets
    hold: no file can hold them and no encoder accepts them, but a Document built in Python may
    carry them (a ``\\ud800`` escape decoded by hand). Anything else is left as the caller gave it.

    >>> clean_document(Document(id="a\\ud800", text="moiti\\udce9")).text
    'moiti\\ufffd'
    """
    fields = {
        name: LONE_SURROGATES.sub("\ufffd", value)
        for name in ("id", "text", "lang", "date", "source", "url", "title")
        if (value := getattr(document, name)) is not None and LONE_SURROGATES.search(value)
    }
    return replace(document, **fields) if fields else document
