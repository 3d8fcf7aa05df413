"""Parse documents through ``nlp.pipe`` in batches, splitting texts too long to parse in one go.

``split_text`` cuts a text into contiguous pieces at the strongest boundary that fits (paragraph,
line, sentence end, space). The runner uses it to extract a document longer than PIECE_CHARS
piece by piece (``runner.pieces``); here, a text longer than the pipeline's own ``max_length`` is
parsed in pieces that ``Doc.from_docs`` joins back into one Doc whose text is the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Document, Span

# spaCy's parser and NER need about 1 GB per 100,000 characters at once; a news paragraph is far
# shorter, so cutting here bounds memory without changing what the parser sees in a sentence.
PIECE_CHARS = 100_000

BOUNDARIES = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # paragraph break
    re.compile(r"\n\s*"),  # line break
    re.compile(r"(?<=[.!?…»\"”])\s+"),  # sentence end
    re.compile(r"\s+"),  # any space
)


def split_text(text: str, max_chars: int) -> list[Span]:
    """Contiguous ``(start, end)`` pieces covering ``text``, none longer than ``max_chars``, each
    cut just after the strongest boundary inside it (a word is cut only if it is longer than
    ``max_chars``).

    >>> split_text("Un.\\n\\nDeux trois. Quatre.", 14)
    [(0, 5), (5, 17), (17, 24)]
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    for boundary in BOUNDARIES:
        last = None
        for match in boundary.finditer(text, start, limit):
            last = match
        if last is not None and last.end() > start:
            return last.end()
    return limit


def parse_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int, max_chars: int | None = None
) -> Iterator[tuple[Doc, Document]]:
    """``(doc, document)`` for each document, in order, streamed through ``nlp.pipe``; a text longer
    than ``max_chars`` (default: the smaller of ``nlp.max_length`` and PIECE_CHARS) is parsed in
    pieces joined into one Doc, never truncated."""
    limit = max_chars or min(nlp.max_length, PIECE_CHARS)
    parts: list[Doc] = []
    for doc, (document, count) in nlp.pipe(_pieces(documents, limit), as_tuples=True, batch_size=batch_size):
        parts.append(doc)
        if len(parts) == count:
            yield (doc if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)), document
            parts = []


def _pieces(documents: Iterable[Document], limit: int) -> Iterator[tuple[str, tuple[Document, int]]]:
    for document in documents:
        spans = split_text(document.text, limit)
        for start, end in spans:
            yield document.text[start:end], (document, len(spans))
