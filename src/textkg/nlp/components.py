"""spaCy components of textkg, registered as factories (and as ``spacy_factories`` entry points)."""

from __future__ import annotations

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
        # Read from the token arrays: a Token object for every word costs more than the rest.
        if len(doc) < 2:
            return doc
        strings = doc.vocab.strings
        for i, (space, orth) in enumerate(doc.to_array([IS_SPACE, ORTH])[:-1].tolist()):
            if space and "\n" in strings[orth]:
                doc[i + 1].is_sent_start = True
            elif orth in _OPENING_QUOTE_IDS:
                doc[i + 1].is_sent_start = False
        return doc


_OPENING_QUOTE_IDS = frozenset(get_string_id(mark) for mark in OPENING_QUOTES)
