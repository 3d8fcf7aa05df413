"""spaCy components of textkg, registered as factories (and as ``spacy_factories`` entry points)."""

from __future__ import annotations

from spacy.language import Language
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
        for token in doc[:-1]:
            following = doc[token.i + 1]
            if token.is_space and "\n" in token.text:
                following.is_sent_start = True
            elif token.text in OPENING_QUOTES:
                following.is_sent_start = False
        return doc
