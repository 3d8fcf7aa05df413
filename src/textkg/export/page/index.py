"""How the graph's things are named on the page: document numbers, UTF-16 offsets, page entities."""

from __future__ import annotations

from dataclasses import dataclass

from .documents import Utf16


@dataclass(frozen=True)
class PageIndex:
    """Documents by number (the page refers to them by position), each text's offset converter,
    the page entity of every graph entity (Concepts fold into one per head lemma) and the label
    of every page entity."""

    doc_number: dict[str, int]
    utf16: dict[str, Utf16]
    entity_id: dict[str, str]
    label: dict[str, str]

    def span(self, doc_id: str, span: tuple[int, int]) -> list[int]:
        """A record span of ``doc_id`` in the page's UTF-16 offsets."""
        return self.utf16[doc_id].span(span)
