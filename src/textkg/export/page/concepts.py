"""Concepts folded by head lemma: "police", "police locale" and "la police" of 17 documents are
one entity on the page, not 17 identical rows.

Extraction keeps Concepts (unnamed noun phrases) local to their document, which is right for the
records and the RDF but floods a corpus page. The page merges them by the lemma of their head
noun: the first word in French ("armes nucléaires" -> "arme"), the last in English ("nuclear
weapons" -> "weapon"). Lemmas come from simplemma, a small dictionary lemmatizer for both
languages, so no spaCy pipeline has to load to write the page.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import simplemma

CONCEPT = "Concept"
# languages whose noun phrases end with their head noun; the others start with it
HEAD_LAST = frozenset({"en"})


@lru_cache(maxsize=65536)
def head_lemma(label: str, lang: str) -> str:
    """The lemma of the head noun of a Concept's label, lower-cased.

    >>> head_lemma("Armes nucléaires tactiques", "fr"), head_lemma("nuclear weapons", "en"), head_lemma("polizei", "xx")
    ('arme', 'weapon', 'polizei')
    """
    words = label.split() or [label]
    head = (words[-1] if lang in HEAD_LAST else words[0]).casefold()
    try:
        return simplemma.lemmatize(head, lang=lang)
    except ValueError:  # a language simplemma does not know: the head as written
        return head


@dataclass(frozen=True)
class ConceptFold:
    """Which page entity each Concept of the graph becomes, and the surface labels of each."""

    page_id: dict[str, str]  # graph node -> page entity
    lemma: dict[str, str]  # page entity -> its lemma (its label on the page)
    labels: dict[str, Counter]  # page entity -> surface labels and how many Concepts had each

    @classmethod
    def of(cls, concepts: list[tuple[str, str, str]]) -> ConceptFold:
        """``concepts``: (graph node, label, language of its first document) for every Concept."""
        page_id, lemma, labels = {}, {}, {}
        for node, label, lang in concepts:
            key = head_lemma(label, lang)
            target = "K" + hashlib.sha1(f"{lang}\x1f{key}".encode()).hexdigest()[:12]
            page_id[node] = target
            lemma[target] = key
            labels.setdefault(target, Counter())[label] += 1
        return cls(page_id, lemma, labels)
