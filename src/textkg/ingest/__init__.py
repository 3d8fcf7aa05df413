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

import glob
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .decoding import SNIFF_BYTES, binary_reason, byte_order_mark, clean_field, decode_bytes, normalise_text
from ..errors import InputError, SkippedInputError
from ..records import Document, ExtractionRecord

TEXT_SUFFIXES = frozenset({".txt", ".md"})
CORPUS_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | CORPUS_SUFFIXES
METADATA_FIELDS = ("lang", "date", "source", "url", "title")
STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_DOCUMENT_ID = "stdin"
STDIN_FORMATS = ("auto", "text", "jsonl")
GLOB_CHARS = frozenset("*?[")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # what RDF language tags accept
# An absolute IRI as N-Triples, Turtle and SPARQL accept it: a scheme, then no space, control or <>"{}|\^`.
ABSOLUTE_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|\\^`\x7f-\x9f]*')

# Problem kinds, as counted in the summary.
UNREADABLE = "unreadable"
BINARY = "binary"
UNSUPPORTED = "unsupported type"
EMPTY = "empty"
MALFORMED_JSON = "malformed JSON"
INVALID = "invalid document"
DUPLICATE = "duplicate id"
ENCODING = "encoding"
CONTROLS = "control characters"

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
) -> Iterator[Item]:
    """Yield every document or record found under ``paths``, in a stable order, and record in
    ``report`` every file or line that was skipped and why. Without a report, the first skip
    raises (nothing is lost silently). Directory and pattern searches leave out the files and
    directories in ``exclude`` (the outputs: a re-run must not read them back).

    Raises InputError, before reading anything, for a path that does not exist or a directory
    or pattern with no input files, and for an unknown ``stdin_format``.
    """
    if stdin_format not in STDIN_FORMATS:
        raise InputError(STDIN_NAME, f"unknown stdin format {stdin_format!r}; use one of {', '.join(STDIN_FORMATS)}")
    report = report if report is not None else InputReport(strict=True)
    seen: dict[str, str] = {}
    for path in expand_paths(paths, exclude):
        if str(path) == STDIN:
            source, items = STDIN_NAME, _read_stdin(stdin or sys.stdin.buffer, stdin_format, default_lang, report)
        else:
            source, items = str(path), _read_file(path, default_lang, report)
        for item, line in items:
            doc_id = item.document.id if isinstance(item, ExtractionRecord) else item.id
            if doc_id in seen:
                report.add(Problem(source, f"duplicate document id {doc_id!r} (first seen in {seen[doc_id]})", DUPLICATE, line))
                continue
            seen[doc_id] = f"{source}:{line}" if line is not None else source
            report.documents += 1
            yield item


def expand_paths(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> list[Path]:
    """The inputs named by ``paths``, each once: files as given (any suffix: an unsupported one is
    reported when read), ``-`` for standard input, and the input files under a directory or
    matching a glob pattern, except those under a directory in ``exclude``."""
    excluded = tuple(Path(p).resolve() for p in exclude)
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        text = str(raw)
        path = Path(raw)
        if text == STDIN:
            found = [Path(STDIN)]
        elif path.is_dir():
            found = _inputs_under(path, excluded)
            if not found:
                raise InputError(path, f"no input files ({', '.join(sorted(SUPPORTED_SUFFIXES))}) in this directory")
        elif path.is_file():
            found = [path]
        elif GLOB_CHARS & set(text):
            found = _inputs_matching(text, excluded)
            if not found:
                raise InputError(text, f"no input files ({', '.join(sorted(SUPPORTED_SUFFIXES))}) match this pattern")
        else:
            raise InputError(path, "no such file or directory")
        for item in found:
            key = item if str(item) == STDIN else item.resolve()
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files


def _is_input(path: Path, excluded: tuple[Path, ...]) -> bool:
    if not (path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES):
        return False
    resolved = path.resolve()
    return not any(resolved.is_relative_to(directory) for directory in excluded)


def _inputs_under(directory: Path, excluded: tuple[Path, ...]) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if _is_input(p, excluded))


def _inputs_matching(pattern: str, excluded: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            found.extend(_inputs_under(path, excluded))
        elif _is_input(path, excluded):
            found.append(path)
    return found


def _read_file(path: Path, default_lang: str, report: InputReport) -> Iterator[tuple[Item, int | None]]:
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
                document = _text_document(source, head + handle.read(), clean_field(path.stem), default_lang, report)
                if document is not None:
                    yield document, None
                return
            handle.seek(0)
            yield from _read_jsonl(source, handle, default_lang, report)
    except OSError as exc:
        report.add(Problem(source, f"cannot read: {exc.strerror or exc}", UNREADABLE))


def _read_stdin(stream: BinaryIO, stdin_format: str, default_lang: str, report: InputReport) -> Iterator[tuple[Item, int | None]]:
    data = stream.read()
    if reason := binary_reason(data[:SNIFF_BYTES]):
        report.add(Problem(STDIN_NAME, reason, BINARY))
        return
    if stdin_format == "jsonl" or (stdin_format == "auto" and _looks_like_jsonl(data)):
        yield from _read_jsonl(STDIN_NAME, io.BytesIO(data), default_lang, report)
        return
    document = _text_document(STDIN_NAME, data, STDIN_DOCUMENT_ID, default_lang, report)
    if document is not None:
        yield document, None


def _looks_like_jsonl(data: bytes) -> bool:
    """True when the first non-blank line of ``data`` is a JSON object."""
    first = next((line for line in io.BytesIO(data.lstrip(b"\xef\xbb\xbf")) if line.strip()), b"")
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _text_document(source: str, data: bytes, doc_id: str, default_lang: str, report: InputReport) -> Document | None:
    text = _decoded_text(source, data, None, report)
    if not text.strip():
        report.add(Problem(source, "the file is empty", EMPTY))
        return None
    return Document(id=doc_id, text=text, lang=default_lang)


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


def _read_jsonl(source: str, stream: BinaryIO, default_lang: str, report: InputReport) -> Iterator[tuple[Item, int]]:
    non_blank = 0
    for number, line in _jsonl_lines(source, stream, report):
        if not line.strip():
            continue
        non_blank += 1
        item = _parse_line(source, number, line, default_lang, report)
        if isinstance(item, Problem):
            report.add(item)
        else:
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


def _parse_line(source: str, number: int, line: str, default_lang: str, report: InputReport) -> Item | Problem:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(source, f"malformed JSON: {exc.msg} (column {exc.colno})", MALFORMED_JSON, number)
    if not isinstance(obj, dict):
        return Problem(source, "each line must be a JSON object", INVALID, number)
    if "\\ud" in line.lower():  # a \u escape may encode a lone surrogate, which no file can hold
        obj = _without_surrogates(obj)
    try:
        if "entities" in obj:
            item = ExtractionRecord.from_json(obj)
            _check_language(item.document.lang)
            _check_links(item)
            return item
        return _document(source, number, obj, default_lang, report)
    except ValueError as exc:
        return Problem(source, str(exc), INVALID, number)


def is_absolute_iri(text: str) -> bool:
    """True if ``text`` can be written as an IRI in every RDF syntax.

    >>> is_absolute_iri("https://www.wikidata.org/wiki/Q159"), is_absolute_iri("Q159 <b>")
    (True, False)
    """
    return ABSOLUTE_IRI.fullmatch(text) is not None


def _check_links(record: ExtractionRecord) -> None:
    for entity in record.entities:
        for scheme, value in entity.links.items():
            if not is_absolute_iri(value):
                raise ValueError(f"entity {entity.id!r}: link {scheme!r} is not an absolute IRI: {value!r}")


def _check_language(lang: str) -> None:
    if not LANGUAGE_TAG.fullmatch(lang):
        raise ValueError(f"'lang' must be a language tag such as 'fr', not {lang!r}")


def _without_surrogates(value: Any) -> Any:
    """A copy of parsed JSON with lone surrogates replaced (one code point each: offsets hold)."""
    if isinstance(value, str):
        return clean_field(value) if any("\ud800" <= c <= "\udfff" for c in value) else value
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _document(source: str, number: int, obj: dict, default_lang: str, report: InputReport) -> Document:
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
        _check_language(meta["lang"])
    text = _normalised(source, text, number, report)
    if not text.strip():
        raise ValueError(f"document {doc_id!r} has an empty 'text'")
    return Document(
        id=clean_field(doc_id),
        text=text,
        lang=meta["lang"] or default_lang,
        date=meta["date"],
        source=meta["source"],
        url=meta["url"],
        title=meta["title"],
    )
