"""The mood of what a predicate says: its polarity (positive or negative) and its modality
(asserted, future, hypothetical, reported), from the words around it. A fact is asserted only
where the sentence says it happened: not when it is negated, asked for, planned, feared, denied,
failed, supposed, asked about or hedged. Pure functions of the document context and a token."""

from __future__ import annotations

from spacy.tokens import Token

from . import deps
from .context import DocContext
from .syntax import case_lemma, in_cleft, past_infinitive

QUESTION_MARKS = frozenset({"?"})


def polarity(ctx: DocContext, verb: Token) -> str:
    """negative under "ne" (spaCy marks it Polarity=Neg), "pas", "jamais", "non" or "not", as
    the infinitive of a verb of denial or failure ("nie avoir volé", "a empêché X de partir", "a
    échoué à racheter"), after "sans" ("sans signer l'accord") or under a negated "aller" or verb
    of success ("ne va pas retirer", "n'a pas réussi à"); "ne ... que" restricts ("n'a signé
    qu'un accord": one agreement was signed), it does not negate."""
    words = ctx.words
    governing = _governing_verb(verb)
    if governing in words.denial_verbs or _clause_mark(verb) in words.negative_marks:
        return "negative"  # "nie avoir volé", "sans signer l'accord"
    if governing in words.future_auxiliaries or governing in words.implicative_verbs:
        return polarity(ctx, verb.head)  # "ne va pas retirer ses troupes", "n'a pas réussi à"
    if governing in words.failure_verbs:
        return "negative" if polarity(ctx, verb.head) == "positive" else "positive"  # "a échoué à racheter"
    if in_cleft(ctx, verb) and polarity(ctx, verb.head) == "negative":
        return "negative"  # "ce n'est pas Paul Roy qui a signé"
    negators = [
        c
        for c in verb.children
        if c.dep_ == "advmod" and (c.lemma_.lower() in words.negation_lemmas or "Neg" in ctx.morph(c, "Polarity"))
    ]
    if not negators:
        return "positive"
    if all(c.lemma_.lower() in words.restricted_negators for c in negators) and _restrictive_que(ctx, verb):
        return "positive"
    return "negative"


def _restrictive_que(ctx: DocContext, verb: Token) -> bool:
    restrictive = ctx.words.restrictive_words
    return any(t.lower_ in restrictive and t.dep_ in ("advmod", "mark") for c in verb.children for t in (c, *c.children))


def modality(ctx: DocContext, verb: Token) -> str:
    """future for a future tense, hypothetical for a conditional (the journalistic "aurait été
    empoisonné" too) or under a modal verb, a verb of intent or of request (``intent_verbs``,
    ``directive_verbs``: "a appelé X à démissionner"), reported under a hedge ("a apparemment
    survécu", "le présumé meurtrier a fui") or a verb of allegation ("est accusé d'avoir volé"):
    what nobody is said to say is then not asserted either."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ":
        # "serait prête à utiliser": the mood is on the copula of the adjective.
        forms += [c for c in verb.head.children if c.dep_ in deps.COPULA or c.dep_.startswith("aux")]
    if any("Cnd" in ctx.morph(t, "Mood") for t in forms):
        return "hypothetical"
    governing = _governing_verb(verb)
    words = ctx.words
    if governing in words.modal_lemmas and "Past" not in ctx.morph(verb.head, "Tense") or governing in words.intent_verbs:
        return "hypothetical"  # "peut partir", "devait partir", "a tenté de fuir": not done; "a pu fuir", "durent fuir" did
    if governing in words.directive_verbs and not past_infinitive(ctx, verb):
        return "hypothetical"  # "a demandé à X de partir"; "condamné pour avoir volé" gives a cause
    if _supposed_or_aimed_at(ctx, verb) or _wished_clause(ctx, verb) or _impersonal_hedge(ctx, verb) or _asked(ctx, verb):
        return "hypothetical"
    if any("Fut" in ctx.morph(t, "Tense") for t in forms):
        return "future"
    if governing in words.future_auxiliaries and {"Pres", "Fut"} & set(ctx.morph(verb.head, "Tense")):
        return "future"  # "va déployer", "ira déposer"; "est allé voir" is done, "allait voir" told of the past
    if governing in words.allegation_verbs or _hedged(ctx, verb):
        return "reported"
    return "asserted"


def event_noun_mood(ctx: DocContext, noun: Token) -> tuple[str, str]:
    """The polarity and modality of the event a noun names where no verb carries it, from the
    word it complements: what is wanted, asked, planned or feared is hypothetical ("envisage la
    fermeture de l'usine", "réclame la démission de X", "le projet de fusion"), what is denied or
    avoided is negative ("a démenti la démission de X"), what one is accused of or hedged is
    reported ("soupçonné du meurtre de X", "l'éventuel rachat"); else it is asserted."""
    words = ctx.words
    if any(c.dep_ == "amod" and c.lower_ in words.hedge_words for c in noun.children):
        return ("positive", "reported")  # "l'éventuel rachat", "le prétendu complot"
    governor = noun.head
    lemma = governor.lemma_.lower()
    if noun.dep_ in deps.NOUN_MODIFIER and governor.pos_ == "NOUN":
        prospective = lemma in words.prospective_nouns and _after_a_or_de(ctx, noun)
        return ("positive", "hypothetical") if prospective else ("positive", "asserted")
    # "a annulé sa visite", "a renoncé au rachat", "a appelé à la grève", "la visite a été annulée"
    complement = noun.dep_ in deps.OBJECT or noun.dep_ in deps.PASSIVE_SUBJECT or (noun.dep_ in deps.OBLIQUE and _after_a_or_de(ctx, noun))
    if not complement or governor.pos_ != "VERB":
        return ("positive", "asserted")
    if lemma in words.prospective_verbs:
        return ("positive", "hypothetical")
    if lemma in words.denial_verbs and polarity(ctx, governor) == "positive":
        return ("negative", "asserted")
    if lemma in words.allegation_verbs:
        return ("positive", "reported")
    return ("positive", "asserted")


def _after_a_or_de(ctx: DocContext, noun: Token) -> bool:
    """``noun`` follows "à" or "de", contracted or not ("au rachat", "du projet")."""
    case = case_lemma(noun)
    return case in ctx.words.recipient_cases or case in ctx.words.genitive_cases


def _clause_mark(verb: Token) -> str | None:
    """The lemma of the conjunction that opens ``verb``'s clause ("si", "pour", "sans"), or None."""
    return next((c.lemma_.lower() for c in verb.children if c.dep_ == deps.MARK), None)


def _supposed_or_aimed_at(ctx: DocContext, verb: Token) -> bool:
    """"Si la Russie attaque", "se demande si", "pour arrêter X", "afin d'arrêter X": a condition,
    an open question or a purpose; not a cause ("condamné pour avoir volé": a past infinitive)."""
    marks = ctx.words.hypothetical_marks
    mark = _clause_mark(verb)
    if mark is None and verb.dep_ in deps.OBLIQUE and verb.head.lemma_.lower() in marks:
        mark = verb.head.lemma_.lower()  # the parser hangs "d'arrêter" on "afin"
    return mark in marks and not past_infinitive(ctx, verb)


def _wished_clause(ctx: DocContext, verb: Token) -> bool:
    """"souhaite que la Russie retire ses troupes", "exige que X parte": what is wished, asked or
    feared is not done."""
    if verb.dep_ != "ccomp":
        return False
    lemma = verb.head.lemma_.lower()
    words = ctx.words
    return lemma in words.intent_verbs or lemma in words.directive_verbs or lemma in words.prospective_verbs


def _impersonal_hedge(ctx: DocContext, verb: Token) -> bool:
    """"Il semble que X a ...", "il est probable que X ...", "il faut que X ...", "il n'est pas
    question que X ...": the clause of an impersonal predicate of possibility or need (the
    parser may hang it on the clause's own subject)."""
    if verb.dep_ not in deps.OTHER_CLAUSE:
        return False
    words = ctx.words
    for governor in (verb.head, verb.head.head):
        if governor.lemma_.lower() in words.impersonal_hedges and any(
            c.dep_ in deps.EXPLETIVE_SUBJECT and c.lower_ in words.impersonal_pronouns for c in governor.children
        ):
            return True
    return False


def _asked(ctx: DocContext, verb: Token) -> bool:
    """A verb in a question: "a-t-il rencontré X à Lyon ?" (a question mark ends its clause or
    one its clause depends on)."""
    if not ctx.uses_any(QUESTION_MARKS):
        return False  # most news has no question
    clause = verb
    while True:
        if any(c.dep_ == "punct" and c.text in QUESTION_MARKS and c.i > verb.i for c in clause.children):
            return True
        if clause.head == clause:
            return False
        clause = clause.head


def _governing_verb(verb: Token) -> str | None:
    """The lemma of the verb whose infinitive complement ``verb`` is ("tenté" in "a tenté de
    fuir"), or None."""
    return verb.head.lemma_.lower() if verb.dep_ == "xcomp" else None


def _hedged(ctx: DocContext, verb: Token) -> bool:
    """A hedge (``hedge_words``) on the verb or on one of its nominal arguments."""
    hedges = ctx.words.hedge_words
    if not ctx.uses_any(hedges):
        return False  # most documents hedge nothing
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in hedges:
            return True
        # "le présumé meurtrier": the parser takes the hedge for the noun or for its adjective.
        if child.pos_ in deps.NOMINAL_POS and (child.lower_ in hedges or any(g.dep_ == "amod" and g.lower_ in hedges for g in child.children)):
            return True
    return False
