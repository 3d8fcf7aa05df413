"""The data behind graph.html: the knowledge graph as the plain JSON values the page reads.

The page gets each document once (text, metadata, sentence starts) and refers to text by
[start, end] offsets in UTF-16 code units, the unit of JavaScript strings. Entities carry their
mentions; events, claims and binary relations carry labels that say the fact, and each repeated
fact is one item with all its occurrences. Which of these a view draws is the page's business.
"""

from __future__ import annotations

from ...graph import KnowledgeGraph
from .documents import Utf16, page_document
from .entities import concept_fold, entity_ids, page_entities
from .facts import page_facts
from .index import PageIndex
from .styles import legend

# from this many documents on, the overview starts with Concepts folded away
CORPUS_DOCUMENTS = 10


def page_data(kg: KnowledgeGraph, overview: int) -> dict:
    """Everything the page shows; ``overview`` is how many entities the overview starts with."""
    doc_ids = sorted(kg.documents)
    utf16 = {doc_id: Utf16.of(kg.documents[doc_id].text) for doc_id in doc_ids}
    doc_number = {doc_id: number for number, doc_id in enumerate(doc_ids)}
    fold = concept_fold(kg)
    entities = page_entities(kg, fold, doc_number, utf16)
    index = PageIndex(doc_number, utf16, entity_ids(kg, fold), {e["id"]: e["label"] for e in entities})
    facts = page_facts(kg, index)
    classes = {e["broad"] for e in entities} | {kind for kind, key in (("Event", "events"), ("Claim", "claims")) if facts[key]}
    return {
        "settings": {"overview": overview, "foldConcepts": len(doc_ids) >= CORPUS_DOCUMENTS},
        "legend": legend(classes),
        "documents": [page_document(kg.documents[doc_id], utf16[doc_id]) for doc_id in doc_ids],
        "entities": entities,
        **facts,
    }

