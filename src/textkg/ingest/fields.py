"""Checks of the values a JSONL line brings in, before anything downstream trusts them: language
tags, dates, outside links, and the references between the parts of a record read back."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..records import ExtractionRecord

LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # what RDF language tags accept
# An absolute IRI as N-Triples, Turtle and SPARQL accept it: a scheme, then no space, control or <>"{}|\^`.
ABSOLUTE_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|\\^`\x7f-\x9f]*')
# ISO 8601 as news dumps write it: a year, a month, a day, or a day and a time.
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})([T ].+)?)?)?")


def is_absolute_iri(text: str) -> bool:
    """True if ``text`` can be written as an IRI in every RDF syntax.

    >>> is_absolute_iri("https://www.wikidata.org/wiki/Q159"), is_absolute_iri("Q159 <b>")
    (True, False)
    """
    return ABSOLUTE_IRI.fullmatch(text) is not None


def is_iso_date(text: str) -> bool:
    """True if ``text`` is a real ISO 8601 date: ``2023``, ``2023-05``, ``2023-05-25`` or a day
    with its time (``2023-05-25T14:30:00Z``).

    >>> [is_iso_date(t) for t in ("2023-05-25", "2023-05", "2023-05-25T14:30:00+02:00")]
    [True, True, True]
    >>> [is_iso_date(t) for t in ("2023-13-45", "2023-02-30", "25/05/2023", "2023-05-25T99:00")]
    [False, False, False, False]
    """
    match = ISO_DATE.fullmatch(text)
    if match is None:
        return False
    year, month, day, time = match.groups()
    try:
        if time is not None:
            datetime.fromisoformat(text)
        else:
            date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def check_language(lang: str) -> None:
    if not LANGUAGE_TAG.fullmatch(lang):
        raise ValueError(f"'lang' must be a language tag such as 'fr', not {lang!r}")


def check_links(record: ExtractionRecord) -> None:
    for entity in record.entities:
        for scheme, value in entity.links.items():
            if not is_absolute_iri(value):
                raise ValueError(f"entity {entity.id!r}: link {scheme!r} is not an absolute IRI: {value!r}")


def check_references(record: ExtractionRecord) -> None:
    """Every entity and claim a record refers to is one of its own, and ids are unique: the graph
    is built on these references."""
    entities = {entity.id for entity in record.entities}
    claims = {claim.id for claim in record.claims}
    for kind, ids, count in (("entity", entities, len(record.entities)), ("claim", claims, len(record.claims))):
        if len(ids) < count:
            raise ValueError(f"two {kind} records share an id")
    for relation in record.relations:
        for role, members in relation.arguments.items():
            for member in members:
                if member not in entities:
                    raise ValueError(f"relation {relation.id!r}: {role} {member!r} is not an entity of this record")
        if relation.claim is not None and relation.claim not in claims:
            raise ValueError(f"relation {relation.id!r}: claim {relation.claim!r} is not a claim of this record")
    for claim in record.claims:
        for role, member in (("speaker", claim.speaker), ("source", claim.source)):
            if member is not None and member not in entities:
                raise ValueError(f"claim {claim.id!r}: {role} {member!r} is not an entity of this record")
