"""Which event a word names: its predicate (the lemma, with the reflexive pronoun of a pronominal
verb: "se réunir", "se écraser"), its class in the lexicon (predicates.tsv) and what the class
says of its roles (event_classes.tsv); and the verbs that only carry an event noun ("mener une
attaque", "la fusillade a éclaté"). Pure functions of the document context and a token."""

from __future__ import annotations

from spacy.tokens import Token

from . import deps
from .candidates import CONCEPT, DATE, Mention
from .context import DocContext
from ..language.event_classes import EventClass

NOUN_POS = "NOUN"
# What may open a noun phrase before its noun: "une", "la première", "deux".
PHRASE_OPENERS = frozenset({"DET", "ADJ", "NUM"})
# The broad class of nouns of happenings (nouns.tsv; the lexicon's event nouns are of it too).
HAPPENING = "Event"
JOB_CUT = "JobCut"
UNDERGOER_ROLES = frozenset({"theme", "target"})
VERB_POS = "VERB"


def reflexive(ctx: DocContext, verb: Token) -> Token | None:
    """The reflexive clitic of a pronominal verb ("s'" in "s'est écrasé")."""
    if not any(ctx.head[i] == verb.i for i in ctx.positions_with_feature("Reflex", "Yes")):
        return None  # the cheap test first: no reflexive pronoun on the verb
    return next(
        (c for c in verb.children if c.i < verb.i and c.dep_ in deps.CLITIC_SLOT and "Yes" in ctx.morph(c, "Reflex")),
        None,
    )


def predicate_lemma(ctx: DocContext, token: Token) -> str:
    """The lemma a predicate is known by: a pronominal verb's with its pronoun's ("se réunir");
    for a verb form the lemmatizer left as it is ("se retire"), the infinitive of the lexicon
    that a verb ending of ``verb_lemma_endings`` gives. Memoised: every extractor asks."""
    lemmas = ctx.memos["predicate_lemmas"]
    if token.i not in lemmas:
        lemmas[token.i] = _predicate_lemma(ctx, token)
    return lemmas[token.i]


def _predicate_lemma(ctx: DocContext, token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.pos_ != VERB_POS:
        return lemma
    clitic = reflexive(ctx, token)
    prefix = f"{clitic.lemma_.lower()} " if clitic is not None else ""
    if lemma == token.lower_ and ctx.resources.lexicon.event_class(prefix + lemma, VERB_POS) is None:
        for ending, infinitive in ctx.words.verb_endings:
            if lemma.endswith(ending) and len(lemma) > len(ending) + 2:
                repaired = lemma[: len(lemma) - len(ending)] + infinitive
                if ctx.resources.lexicon.event_class(prefix + repaired, VERB_POS) is not None:
                    return prefix + repaired
    return prefix + lemma


def misread_subject(ctx: DocContext, verb: Token) -> Token | None:
    """A subject pronoun the parser took for an impersonal one ("Il se retire", "Il s'est
    noyé"): a verb that names an event of the lexicon is never impersonal."""
    if not any(ctx.head[i] == verb.i for i in ctx.positions_of(ctx.words.subject_pronouns)):
        return None  # the cheap test first: no subject pronoun on the verb
    pronoun = next((c for c in verb.children if c.dep_ in deps.EXPLETIVE_SUBJECT and c.lower_ in ctx.words.subject_pronouns), None)
    return pronoun if pronoun is not None and event_class(ctx, verb) is not None else None


def event_class(ctx: DocContext, token: Token) -> str | None:
    """The event class ``token`` names: a verb's (with its reflexive pronoun) or a noun's; a noun
    of cutting with jobs as its complement names a job cut ("la suppression de 500 postes"); a
    verb that only says when its infinitive happens names none ("a arrêté de produire")."""
    pos = NOUN_POS if token.pos_ in deps.NOMINAL_POS else VERB_POS
    if pos == VERB_POS and token.lemma_.lower() in ctx.words.infinitive_auxiliaries and _governs_infinitive(ctx, token):
        return None  # "a arrêté de produire" is no arrest: the verb only says when the other happens
    found = ctx.resources.lexicon.event_class(predicate_lemma(ctx, token), pos)
    if found is None and pos == NOUN_POS and token.lemma_.lower() in ctx.words.cut_lemmas and _cuts_jobs(ctx, token):
        return JOB_CUT
    return found


def _governs_infinitive(ctx: DocContext, verb: Token) -> bool:
    return any(c.dep_ in deps.INFINITIVE_COMPLEMENT and "Inf" in ctx.morph(c, "VerbForm") for c in verb.children)


def _cuts_jobs(ctx: DocContext, noun: Token) -> bool:
    return any(c.dep_ in deps.NOUN_MODIFIER and c.lemma_.lower() in ctx.words.job_nouns for c in noun.children)


def class_info(ctx: DocContext, name: str | None) -> EventClass | None:
    return ctx.resources.event_classes.get(name) if name else None


def is_event_noun(ctx: DocContext, token: Token) -> bool:
    """A noun of the lexicon that names an event ("déploiement", "fusillade"). Other nouns of
    happenings ("l'incendie") stay participants: "un incendie est survenu dans un restaurant"
    relates the fire and the restaurant."""
    return token.pos_ == NOUN_POS and ctx.resources.lexicon.event_class(token.lemma_, NOUN_POS) is not None


def is_happening(ctx: DocContext, token: Token) -> bool:
    """A noun of a happening ("une intervention", "une mission": nouns.tsv's Event class), not a
    word of a name ("le Festival de Cannes" is a participant of its organiser)."""
    if token.pos_ != NOUN_POS or ctx.resources.nouns.class_of(token.lemma_) != HAPPENING:
        return False
    name = ctx.fixed_at.get(token.i)
    return name is None or not name.is_named


def refined_class(ctx: DocContext, token: Token, found: str | None, arguments: tuple[tuple[str, Mention], ...]) -> str | None:
    """The class an event's undergoer confirms: cutting jobs is a job cut ("supprimer 8 000
    postes"), cutting a tax is not; "arrêter les machines" is no arrest (event_classes.tsv says
    who may undergo each class)."""
    words = ctx.words
    undergoers = [m for role, m in arguments if role in UNDERGOER_ROLES]
    if token.lemma_.lower() in words.cut_lemmas and any(ctx.head_of(m).lemma_.lower() in words.job_nouns for m in undergoers):
        return JOB_CUT
    event = class_info(ctx, found)
    if event is not None and not all(event.admits(_broad_class(ctx, m)) for m in undergoers):
        return None
    return found


def _broad_class(ctx: DocContext, mention: Mention) -> str | None:
    if mention.is_named:
        return mention.type
    return ctx.resources.nouns.class_of(ctx.head_of(mention).lemma_) if mention.type == CONCEPT else None


def performs(ctx: DocContext, verb: Token) -> bool:
    """A verb whose subject does the event its object or its prepositional complement names (not
    "la conférence se tiendra", where the event is the subject)."""
    return predicate_lemma(ctx, verb) in ctx.words.performing_verbs or _prepositional_event(ctx, verb) is not None


def _happening_after_date(ctx: DocContext, verb: Token) -> Token | None:
    """"tiendra le 3 mai une réunion": the parser, misled by the date between the verb and
    its object, hangs the noun on the date or makes it a sentence of its own; a verb with no
    object of its own carries the happening right after a date of its clause."""
    if any(c.dep_ in deps.OBJECT and _date_of(ctx, c) is None for c in verb.children):
        return None
    doc = verb.doc
    for date in (_date_of(ctx, c) for c in verb.children if c.i > verb.i):
        if date is None:
            continue
        after = date.last_token + 1
        while after < len(doc) and ctx.tokens[after].pos_ in PHRASE_OPENERS:
            after += 1
        noun = ctx.tokens[after] if after < len(doc) else None
        if noun is not None and is_happening(ctx, noun) and (noun.head == noun or ctx.fixed_at.get(noun.head.i) == date):
            return noun
    return None


def date_carrier(ctx: DocContext, noun: Token) -> Token | None:
    """The verb of doing whose object the parser lost behind a date ("tiendra le 3 mai une
    réunion"): the verb the date before ``noun`` belongs to, if it carries ``noun``."""
    before = noun.i - 1
    while before >= 0 and ctx.tokens[before].pos_ in PHRASE_OPENERS:
        before -= 1
    date = ctx.fixed_at.get(before) if before >= 0 else None
    if date is None or date.type != DATE or date.last_token != before:
        return None
    verb = next((a for a in ctx.head_of(date).ancestors if a.pos_ == VERB_POS), None)
    return verb if verb is not None and carried_event(ctx, verb) == noun else None


def _date_of(ctx: DocContext, token: Token) -> Mention | None:
    """The date ``token`` is part of, or the date it is a day of ("les 3 et 4 mai")."""
    for part in (token, *(c for c in token.children if c.dep_ in deps.CONJUNCT)):
        mention = ctx.fixed_at.get(part.i)
        if mention is not None and mention.type == DATE:
            return mention
    return None


def _prepositional_event(ctx: DocContext, verb: Token) -> Token | None:
    """The noun of a happening after the preposition a verb of doing takes ("procéder à
    l'arrestation", "se livrer à des pillages")."""
    lemma = predicate_lemma(ctx, verb)
    for child in verb.children:
        if child.dep_ in deps.OBLIQUE and is_happening(ctx, child):
            case = next((c.lower_ for c in child.children if c.dep_ == deps.CASE), None)
            if case is not None and f"{lemma} {case}" in ctx.words.performing_verbs:
                return child
    return None


def says_occurrence(ctx: DocContext, verb: Token) -> bool:
    """A verb that only says its subject happened: "a éclaté", "s'est déroulée", "a eu lieu"."""
    occurrence = ctx.words.occurrence_verbs
    lemma = predicate_lemma(ctx, verb)
    if lemma in occurrence:
        return True
    return any(f"{lemma} {c.lemma_.lower()}" in occurrence for c in verb.children if c.dep_ in deps.OBJECT)


def carried_event(ctx: DocContext, verb: Token) -> Token | None:
    """The event noun a light verb carries: the object of a verb of doing or undergoing ("a mené
    une attaque", "a subi une défaite", "a effectué une intervention": any noun of a happening),
    the noun a participle of doing describes ("l'attaque menée par les rebelles"), or the subject
    of a verb of happening ("une fusillade a éclaté": an event of the lexicon only; "un incendie
    est survenu" leaves the fire a participant). The event is the noun's; the verb adds its doer,
    place and time. Asked of a verb by several rules, so kept per verb."""
    carried = ctx.memos["carried_event"]
    if verb.i not in carried:
        carried[verb.i] = _carried_event(ctx, verb)
    return carried[verb.i]


def _carried_event(ctx: DocContext, verb: Token) -> Token | None:
    words = ctx.words
    lemma = verb.lemma_.lower()
    if lemma in words.performing_verbs or lemma in words.undergoing_verbs:
        found = next((c for c in verb.children if c.dep_ in deps.OBJECT and is_happening(ctx, c)), None) or _happening_after_date(ctx, verb)
        if found is not None:
            return found
    found = _prepositional_event(ctx, verb)
    if found is not None:
        return found
    if lemma in words.performing_verbs and verb.dep_ in deps.PARTICIPLE_MODIFIER and is_happening(ctx, verb.head):
        return verb.head
    if says_occurrence(ctx, verb):
        return next((c for c in verb.children if c.dep_ in deps.SUBJECTS and is_event_noun(ctx, c)), None)
    return None
