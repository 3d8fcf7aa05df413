"""The JSON line of an extraction record, made piece by piece.

The same text as ``json.dumps(record.to_json(), ensure_ascii=False)``, but entities, relations and
claims are turned into JSON a thousand at a time: the record never exists a second time as one
dict of everything, nor a third time as one string, which for the record of a 30 MB document
(300,000 relations) is a gigabyte.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

from ..records import Document, ExtractionRecord

_PARTS = ("entities", "relations", "claims")
_ALONE = ExtractionRecord(Document(id="", text=""))  # a record to hold a batch of one part at a time
_BATCH = 1_000


def json_chunks(record: ExtractionRecord) -> Iterator[str]:
    """The JSON text of ``record`` (no line break), in chunks to write one after the other.

    >>> record = ExtractionRecord(Document(id="d", text="Été"))
    >>> "".join(json_chunks(record)) == json.dumps(record.to_json(), ensure_ascii=False)
    True
    """
    shell = replace(record, **{part: () for part in _PARTS}).to_json()
    yield "{"
    for n, (key, value) in enumerate(shell.items()):
        yield f"{', ' if n else ''}{json.dumps(key)}: "
        if key not in _PARTS:
            yield json.dumps(value, ensure_ascii=False)
            continue
        yield "["
        elements = getattr(record, key)
        for start in range(0, len(elements), _BATCH):
            batch = replace(_ALONE, **{key: elements[start : start + _BATCH]}).to_json()[key]
            yield f"{', ' if start else ''}{json.dumps(batch, ensure_ascii=False)[1:-1]}"  # the list's items, without its brackets
        yield "]"
    yield "}"


def json_line(record: ExtractionRecord) -> str:
    """The JSON text of ``record`` as one string (for the record cache)."""
    return "".join(json_chunks(record))
