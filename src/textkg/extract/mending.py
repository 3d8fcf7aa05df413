"""Slips of the statistical parser that the language's grammar mends for certain, before any
rule reads the parse.

The context reads every token's dependency from the mended labels (``DocContext.of``), so all
rules see one parse. A mend is a certainty of grammar, never a guess:

- a passive subject of a verb with a tense auxiliary, and neither a passive auxiliary, a passive
  clitic nor any form of the agreeing auxiliary ("Paul Roy a rapidement racheté la société",
  read as if Paul Roy were bought), is the active subject: a passive is built with the agreeing
  auxiliary ("a été racheté", "est racheté");
- a subject after an infinitive ("X a affirmé avoir rencontré Marie Lee", read as if Marie Lee
  met someone) is its object: an infinitive takes no subject of its own;
- a second subject after a verb that has one before it, not coordinated with it ("Avant de
  partir, Paul Roy a rencontré Marie Lee", read as if both met) is its object: a clause has one
  subject.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id

from ..language.resources import Words
from . import deps

PASSIVE_SUBJECT_ID = get_string_id(next(iter(deps.PASSIVE_SUBJECT)))
SUBJECT_IDS = frozenset(get_string_id(label) for label in deps.SUBJECTS)
NOUN_POS_IDS = frozenset(POS_IDS[tag] for tag in deps.NOMINAL_POS)
ACTIVE_SUBJECT_ID = get_string_id(next(iter(deps.ACTIVE_SUBJECT)))
OBJECT_ID = get_string_id(next(iter(deps.OBJECT)))
TENSE_AUXILIARY_ID = get_string_id(deps.TENSE_AUXILIARY)
AUXILIARY_IDS = frozenset(get_string_id(label) for label in deps.AUXILIARIES)
PASSIVE_MARK_IDS = frozenset(get_string_id(label) for label in deps.PASSIVE_AUXILIARY | deps.PASSIVE_CLITIC)


def mended_dependencies(
    dep: list[int], head: list[int], lemma: list[int], pos: list[int], is_infinitive: Callable[[int], bool], words: Words
) -> list[int]:
    """The dependency label ids ``dep`` (of tokens with heads ``head``, lemma ids ``lemma`` and
    part-of-speech ids ``pos``; ``is_infinitive`` tells whether a token is an infinitive), mended
    as the module says; ``dep`` itself when nothing needs it."""
    changes = _active_subjects(dep, head, lemma, words)
    # Subjects after their verb, found once for the two mends that read them.
    after = [i for i, label in enumerate(dep) if label == ACTIVE_SUBJECT_ID and head[i] < i]
    if after:
        changes |= _infinitive_objects(dep, head, after, is_infinitive) | _second_subjects(dep, head, after, pos)
    if not changes:
        return dep
    return [changes.get(i, label) for i, label in enumerate(dep)]


def _active_subjects(dep: list[int], head: list[int], lemma: list[int], words: Words) -> dict[int, int]:
    if PASSIVE_SUBJECT_ID not in dep:
        return {}  # most sentences are active
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
    return {i: ACTIVE_SUBJECT_ID for i, label in enumerate(dep) if label == PASSIVE_SUBJECT_ID and head[i] in active}


def _infinitive_objects(dep: list[int], head: list[int], after: list[int], is_infinitive: Callable[[int], bool]) -> dict[int, int]:
    verbs = {head[i] for i in after}
    # A verb is an infinitive, or a past infinitive: its auxiliary is one ("avoir rencontré").
    infinitives = {v for v in verbs if is_infinitive(v)}
    infinitives |= {h for j, h in enumerate(head) if h in verbs and h != j and dep[j] in AUXILIARY_IDS and is_infinitive(j)}
    return {i: OBJECT_ID for i in after if head[i] in infinitives}


def _second_subjects(dep: list[int], head: list[int], after: list[int], pos: list[int]) -> dict[int, int]:
    verbs = {head[i] for i in after}
    # Only a noun before the verb: a pronoun there may be a relative one or a clitic the parser
    # took for the subject of an inversion ("auquel assistait X", "comme l'avait prédit X").
    before = {head[i] for i, label in enumerate(dep) if label in SUBJECT_IDS and head[i] in verbs and i < head[i] and pos[i] in NOUN_POS_IDS}
    return {i: OBJECT_ID for i in after if head[i] in before}
