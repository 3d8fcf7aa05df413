"""spaCy components of textkg, registered as factories (and as ``spacy_factories`` entry points)."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

PARAGRAPH_BOUNDARIES = "textkg_paragraph_boundaries"


@Language.factory(PARAGRAPH_BOUNDARIES, default_config={})
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()


OPENING_QUOTES = frozenset({"«", "“", "‹", "„"})


class ParagraphBoundaries:
    """Start a sentence after every line break (news paragraphs never share a sentence) and never
    right after an opening quotation mark. The parser keeps boundaries set before it runs."""

    def __call__(self, doc: Doc) -> Doc:
        # Found in the token arrays: a Token object for every word costs more than the rest.
        if len(doc) < 2:
            return doc
        strings = doc.vocab.strings
        spaces, orths = doc.to_array([IS_SPACE, ORTH])[:-1].T
        for i in numpy.flatnonzero(spaces).tolist():
            if "\n" in strings[int(orths[i])]:
                doc[i + 1].is_sent_start = True
        for i in numpy.flatnonzero(numpy.isin(orths, _OPENING_QUOTE_IDS)).tolist():
            doc[i + 1].is_sent_start = False
        return doc


_OPENING_QUOTE_IDS = numpy.array([get_string_id(mark) for mark in OPENING_QUOTES], dtype=numpy.uint64)
