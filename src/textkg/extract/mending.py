"""Slips of the statistical parser that the language's grammar mends for certain, before any
rule reads the parse.

The context reads every token's dependency from the mended labels (``DocContext.of``), so all
rules see one parse. A mend is a certainty of grammar, never a guess:

- a passive subject of a verb with a tense auxiliary, and neither a passive auxiliary, a passive
  clitic nor any form of the agreeing auxiliary ("Paul Roy a rapidement racheté la société",
  read as if Paul Roy were bought), is the active subject: a passive is built with the agreeing
  auxiliary ("a été racheté", "est racheté").
"""

from __future__ import annotations

from spacy.strings import get_string_id

from ..language.resources import Words
from . import deps

PASSIVE_SUBJECT_ID = get_string_id(next(iter(deps.PASSIVE_SUBJECT)))
ACTIVE_SUBJECT_ID = get_string_id(next(iter(deps.ACTIVE_SUBJECT)))
TENSE_AUXILIARY_ID = get_string_id(deps.TENSE_AUXILIARY)
PASSIVE_MARK_IDS = frozenset(get_string_id(label) for label in deps.PASSIVE_AUXILIARY | deps.PASSIVE_CLITIC)


def mended_dependencies(dep: list[int], head: list[int], lemma: list[int], words: Words) -> list[int]:
    """The dependency label ids ``dep`` (of tokens with heads ``head`` and lemma ids ``lemma``),
    mended as the module says; ``dep`` itself when nothing needs it."""
    if PASSIVE_SUBJECT_ID not in dep:
        return dep  # most sentences are active
    agreeing = get_string_id(words.agreeing_auxiliary) if words.agreeing_auxiliary else None
    verbs = {head[i] for i, label in enumerate(dep) if label == PASSIVE_SUBJECT_ID}
    # Per verb: whether it has a tense auxiliary, and whether anything marks it passive.
    tensed: set[int] = set()
    passive: set[int] = set()
    for j, h in enumerate(head):
        if h in verbs and h != j:
            if dep[j] in PASSIVE_MARK_IDS or lemma[j] == agreeing:  # "ont été hospitalisées", "été" read as a copula
                passive.add(h)
            elif dep[j] == TENSE_AUXILIARY_ID:
                tensed.add(h)
    active = tensed - passive
    if not active:
        return dep
    return [ACTIVE_SUBJECT_ID if label == PASSIVE_SUBJECT_ID and head[i] in active else label for i, label in enumerate(dep)]
