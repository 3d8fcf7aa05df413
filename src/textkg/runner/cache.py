"""A cache of extraction records, so a re-run, an added document or an interrupted run only parses
what is new.

Records live in one SQLite file (by default ``<output>/.cache/records.sqlite``), keyed by a hash of
the whole document (id, text, metadata), the extractor's version (textkg's and a hash of the
extraction code), the spaCy pipeline's name and version and the digest of the language resources
(the lexicons and gazetteer data): change any of them and the document is parsed again. Every record is committed as it
arrives, so an interrupted run keeps everything it finished.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import astuple
from importlib import metadata
from pathlib import Path

from ..errors import OutputError, WriteError
from ..extract.version import extractor_version
from ..language.resources import available_languages, resources_digest
from ..nlp import pipeline_name
from ..records import Document, ExtractionRecord
from .jsonline import json_line

CACHE_DIR = ".cache"
CACHE_FILE = "records.sqlite"


class RecordCache:
    """Extraction records by document key; use as a context manager to close the file.
    ``lexicons`` is the folder of the language resources records are extracted with (textkg's own
    by default)."""

    def __init__(self, path: str | Path, lexicons: Path | None = None) -> None:
        self.path = Path(path)
        self._lexicons = lexicons
        self._versions: dict[str, str] = {}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            # WAL: readers never block the writer; NORMAL: a commit survives a killed process.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, record TEXT NOT NULL)")
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"{self.path}: cannot open the record cache: {exc}") from exc

    def __enter__(self) -> RecordCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._db.close()

    def key(self, document: Document) -> str:
        payload = json.dumps([self._version(document.lang), *astuple(document)], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get(self, document: Document) -> ExtractionRecord | None:
        """The record extracted earlier from exactly this document by this version, if any."""
        row = self._db.execute("SELECT record FROM records WHERE key = ?", (self.key(document),)).fetchone()
        if row is None:
            return None
        try:
            return ExtractionRecord.from_json(json.loads(row[0]))
        except ValueError:
            return None  # written under an older contract: parse again

    def put(self, record: ExtractionRecord) -> None:
        self.put_all([record])

    def put_all(self, records: Iterable[ExtractionRecord]) -> None:
        """Store ``records`` in one transaction."""
        rows = [(self.key(r.document), json_line(r)) for r in records]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO records (key, record) VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            raise WriteError(self.path, f"the record cache: {exc}") from exc

    def count(self) -> int:
        """How many records the cache holds."""
        return self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    def _version(self, lang: str) -> str:
        if lang not in self._versions:
            package = pipeline_name(lang)
            try:
                model_version = metadata.version(package)
            except metadata.PackageNotFoundError:
                model_version = "unknown"
            resources = resources_digest(lang, self._lexicons) if lang in available_languages(self._lexicons) else "none"
            self._versions[lang] = f"textkg {extractor_version()}; {package} {model_version}; resources {resources}"
        return self._versions[lang]
