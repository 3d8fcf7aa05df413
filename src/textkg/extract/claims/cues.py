"""Which words introduce reported speech, and with what stance (predicates.tsv: Statement,
Denial, Accusation, Promise, Threat ...).

A verb of the lexicon is a cue by its lemma. The tagger and lemmatizer sometimes miss a verb in
the present tense ("« ... », juge le ministère" as a noun, "X raconte : « ... »" as an adjective
with lemma "racont", "indique" left as its own lemma): a word in a verb's place (the root, an
incise, a clause) whose form, with a verb ending of ``verb_lemma_endings`` (words.tsv) turned into
the infinitive's, is a reporting lemma is a cue too.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .. import deps
from ..context import DocContext

# Where a verb stands: the root, an incise, a clause, a conjunct; or a word with a subject.
VERB_SLOTS = frozenset({"ROOT", "parataxis", "xcomp", "ccomp", "advcl", "conj", "dep"})


@dataclass(frozen=True)
class Cue:
    """A word that introduces reported speech: its reporting lemma and the stance of that lemma."""

    lemma: str
    stance: str


def reporting_cue(ctx: DocContext, token: Token) -> Cue | None:
    """``token`` as a cue of reported speech, or None."""
    lexicon = ctx.resources.lexicon
    if token.pos_ == "VERB":
        lemma = token.lemma_.lower()
        stance = lexicon.reporting_stance(lemma)
        if stance is not None:
            return Cue(lemma, stance)
    form = token.lower_
    if form not in ctx.resources.reporting_forms:
        return None  # no verb ending makes a reporting lemma of it: the cheap test first
    if token.dep_ not in VERB_SLOTS and not any(c.dep_ in deps.ACTIVE_SUBJECT for c in token.children):
        return None
    if any(c.dep_ in deps.DETERMINER for c in token.children):
        return None  # "l'accusé", "le juge": a noun indeed
    for ending, infinitive in ctx.words.verb_endings:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            lemma = form[: len(form) - len(ending)] + infinitive
            stance = lexicon.reporting_stance(lemma)
            if stance is not None:
                return Cue(lemma, stance)
    return None
