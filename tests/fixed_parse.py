"""Fixed parses for rule tests, as spaCy's own tests build them: ``Doc(vocab, words=..., heads=...,
deps=..., pos=..., morphs=..., ents=...)`` from a small CoNLL-U-like table, so that a rule is
tested on the construction it handles, whatever a statistical parser makes of the sentence.

One token a line, cells separated by spaces: form, lemma, part of speech, head (1-based, 0 for
the root), dependency, then optionally morphology (``_`` for none) and an IOB entity tag
(``B-PER``, ``I-LOC``, ...). A form ``_`` with lemma ``,`` stands for nothing else: forms are
written as they are; ``␣`` in a form stands for a space-free token boundary.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc

from textkg.extract import extract_record
from textkg.records import Document, ExtractionRecord

from .language import resources


@cache
def _vocab():
    return spacy.blank("fr").vocab


def parse(table: str) -> Doc:
    """The Doc of ``table`` (see the module docstring)."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words, lemmas, pos, heads, deps, morphs, ents = [], [], [], [], [], [], []
    for number, cells in enumerate(rows, start=1):
        if len(cells) < 5:
            raise ValueError(f"line {number}: form, lemma, pos, head, dep expected: {cells}")
        form, lemma, tag, head, dep = cells[:5]
        words.append(form)
        lemmas.append(lemma)
        pos.append(tag)
        heads.append(number - 1 if head == "0" else int(head) - 1)
        deps.append(dep)
        morphs.append("" if len(cells) < 6 or cells[5] == "_" else cells[5])
        ents.append(cells[6] if len(cells) > 6 else "O")
    spaces = [not (i + 1 < len(words) and words[i + 1] in {".", ",", ")", "»"}) and not words[i].endswith("'") for i in range(len(words))]
    spaces[-1] = False
    return Doc(_vocab(), words=words, spaces=spaces, lemmas=lemmas, pos=pos, heads=heads, deps=deps, morphs=morphs, ents=ents)


def extract(table: str) -> ExtractionRecord:
    """The extraction record of the fixed parse ``table``."""
    doc = parse(table)
    return extract_record(doc, Document(id="t", text=doc.text), resources())


def facts(record: ExtractionRecord) -> list[tuple[str, dict[str, list[str]]]]:
    """Each relation as (predicate, role -> sorted entity labels)."""
    labels = {e.id: e.label for e in record.entities}
    return [(r.predicate, {role: sorted(labels[i] for i in ids) for role, ids in r.arguments.items()}) for r in record.relations]
