"""The grammatical gender a name takes in the text: what the words around it agree on.

A proper name carries no reliable morphology (the tagger's guess on a first name is no evidence),
but French marks the gender around the name: an honorific ("Mme Durand"), the determiner of a
role noun that names it ("la ministre Karine Dubois"), the name's own article ("la France", "le
Mali"), and the participles and adjectives that agree with it ("Karine Dubois est arrivée",
"Dubois, âgée de 40 ans"). Pure functions of the document context; coreference reads them so that
"elle" does not take a man, or a country that the text calls "le", for its antecedent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Token

from . import deps
from .candidates import Mention
from .context import DocContext

MASCULINE, FEMININE = "Masc", "Fem"
# Words that agree with a name: a predicate adjective or participle, or one set beside it.
AGREEING_POS = frozenset({"ADJ", "VERB"})
PREDICATE_MODIFIERS = frozenset({"amod", "acl"})


def name_gender(ctx: DocContext, mentions: Iterable[Mention]) -> str | None:
    """The gender the words around the ``mentions`` of one name agree on, or None when they say
    nothing or disagree."""
    votes = Counter(g for m in mentions if (g := mention_gender(ctx, m)) is not None)
    if len(votes) != 1:
        return None
    (gender,) = votes
    return gender


def mention_gender(ctx: DocContext, mention: Mention) -> str | None:
    """The gender one mention's context gives it: honorific first, then a role noun naming it,
    then its own article ("la France", "le Mali"), then a word agreeing with it."""
    return (
        _honorific_gender(ctx, mention)
        or _role_gender(ctx, mention)
        or _article_gender(ctx, mention)
        or _agreement_gender(ctx, ctx.head_of(mention))
    )


def _article_gender(ctx: DocContext, mention: Mention) -> str | None:
    """The gender of the article right before the name ("la France", "du Mali")."""
    if mention.first_token == 0:
        return None
    before = ctx.tokens[mention.first_token - 1]
    return ctx.feature(before, "Gender") if before.pos_ == "DET" else None


def _honorific_gender(ctx: DocContext, mention: Mention) -> str | None:
    doc, words = ctx.doc, ctx.words
    i = mention.first_token - 1
    if i >= 0 and ctx.tokens[i].text == "." and i > 0:
        i -= 1
    if i < 0:
        return None
    word = ctx.tokens[i].lower_
    dotted = word + "." if i + 1 < len(doc) and ctx.tokens[i + 1].text == "." else word
    if word in words.masculine_titles or dotted in words.masculine_titles:
        return MASCULINE
    if word in words.feminine_titles or dotted in words.feminine_titles:
        return FEMININE
    return None


def _role_gender(ctx: DocContext, mention: Mention) -> str | None:
    """The gender of a person noun that the name renames: "la ministre Karine Dubois" (the name
    in apposition to the noun, or flat on it), whose determiner says it best ("ministre" is both)."""
    head = ctx.head_of(mention)
    if head.dep_ not in deps.NAME_APPOSITION or head.head.pos_ != "NOUN" or head.head.i > head.i:
        return None
    noun = head.head
    if ctx.resources.nouns.class_of(noun.lemma_) != "Person" and noun.lower_ not in ctx.words.roles:
        return None
    determiner = next((c for c in noun.children if c.dep_ == "det"), None)
    return (ctx.feature(determiner, "Gender") if determiner is not None else None) or ctx.feature(noun, "Gender")


def _agreement_gender(ctx: DocContext, head: Token) -> str | None:
    """A predicate that agrees with the name as its subject ("X est arrivée", "X a été arrêtée",
    "X est française"), or a participle or adjective set beside it ("X, âgée de 40 ans"). A past
    participle with "avoir" agrees with nothing and says nothing."""
    for child in head.children:
        if child.dep_ in PREDICATE_MODIFIERS and child.pos_ in AGREEING_POS and child.i > head.i:
            gender = ctx.feature(child, "Gender")
            if gender is not None:
                return gender
    if head.dep_ not in deps.SUBJECTS:
        return None
    predicate = head.head
    if predicate.pos_ not in AGREEING_POS:
        return None
    if predicate.pos_ == "VERB":
        auxiliaries = [c for c in predicate.children if c.dep_ in deps.AUXILIARIES or c.dep_ in deps.COPULA]
        agrees = any(c.dep_ in deps.PASSIVE_AUXILIARY or c.lemma_ == ctx.words.agreeing_auxiliary for c in auxiliaries)
        if not agrees or "Part" not in ctx.morph(predicate, "VerbForm"):
            return None
    elif not any(c.dep_ in deps.COPULA for c in predicate.children):
        return None
    return ctx.feature(predicate, "Gender")
