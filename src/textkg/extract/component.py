"""textkg's extraction as a spaCy component: ``nlp.add_pipe("textkg")`` on a pipeline with a
parser and NER sets ``doc._.textkg``, the document's extraction record.

Registered as the ``textkg`` factory through the ``spacy_factories`` entry point, so spaCy finds it
without importing textkg first. Document metadata the record carries (id, date) come from
``doc.user_data`` when the caller puts them there ("textkg_id", "textkg_date"); otherwise the id
is a hash of the text and there is no date.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..language.resources import Resources, load_resources
from ..records import Document, ExtractionRecord
from .record import extract_record

FACTORY = "textkg"
EXTENSION = "textkg"
ID_KEY, DATE_KEY = "textkg_id", "textkg_date"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


@Language.factory(FACTORY, default_config={"lexicons": None}, requires=["token.dep", "doc.ents"], assigns=[f"doc._.{EXTENSION}"])
def make_extractor(nlp: Language, name: str, lexicons: str | None) -> Extractor:
    """The component; ``lexicons`` is a folder laid out like ontology/lexicons (textkg's own by default)."""
    return Extractor(load_resources(nlp.lang, Path(lexicons) if lexicons else None))


class Extractor:
    """Sets ``doc._.textkg`` to the ExtractionRecord of the Doc."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, extract(doc, self.resources))
        return doc


def extract(doc: Doc, resources: Resources) -> ExtractionRecord:
    text = doc.text
    doc_id = doc.user_data.get(ID_KEY) or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return extract_record(doc, Document(id=str(doc_id), text=text, lang=doc.lang_, date=doc.user_data.get(DATE_KEY)), resources)
