"""The role an oblique (or an event noun's complement) takes: from its preposition, from what it
points at (a date is a time, a place a location, a person a recipient) and from the roles of the
event class ("expulsé au Maroc": a destination; "livrer des armes à l'Ukraine": a recipient).
Pure functions of the document context and a token."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from . import deps
from .arguments import in_locution, named
from .candidates import DATE, PERSON_TYPE
from .context import DocContext
from .syntax import case_is_genitive, case_lemma, with_conjuncts
from ..language.event_classes import EventClass
from ..records import broad_type

PLACE_TYPES = frozenset({"Place"})
QUANTIFIER_TYPES = frozenset({"Ind", "Tot", "Neg", "Int"})
# Roles a preposition gives whatever noun the parser hung it on ("une offensive contre l'Ukraine").
MISATTACHED_ROLES = frozenset({"time", "location", "destination", "origin", "target", "recipient"})
# Who can receive or be addressed: "à la police", "aux habitants", "à Marie".
ORGANIZATION = "Organization"
ANIMATE_CLASSES = frozenset({"Person", ORGANIZATION})
LOCATION, DESTINATION, RECIPIENT, ORIGIN, TARGET, PARTNER, THEME = "location", "destination", "recipient", "origin", "target", "partner", "theme"


def oblique_role(ctx: DocContext, token: Token, event: EventClass | None = None) -> tuple[str | None, Token]:
    """The role of an oblique of a predicate of class ``event`` and the token that fills it."""
    role, target = _plain_role(ctx, token)
    if role != "time" and _case_form(token) in ctx.words.between_cases:
        # "un accord entre Paris et Berlin": the parties of an event that takes partners; a
        # place between others of any other act is a route ("un train entre Lyon et Nice").
        return (PARTNER, target) if event is not None and event.takes(PARTNER) else (None, target)
    if event is None:
        return (THEME, target) if role is None and _is_indirect_theme(ctx, token) else (role, target)
    if role is None and event.takes(TARGET) and case_lemma(token) in ctx.words.target_cases and is_animate(ctx, token):
        return TARGET, target  # "la victoire de Marie Roy sur Anne Lee", "a tiré sur les policiers"
    if role is None and event.takes(LOCATION) and case_lemma(token) in ctx.words.audience_cases and _names_body(ctx, token):
        return LOCATION, target  # "son discours devant le Sénat": the assembly is where it is held
    if role is None:
        return role, target
    if role == RECIPIENT and not event.takes(RECIPIENT):
        # "une grève à la Banque Verte": no one receives a strike; the party is where it happens.
        # A person is nowhere's place: "a envoyé une lettre à Marie Lee" names no location.
        return (LOCATION, target) if event.takes(LOCATION) and not _is_person(ctx, target) else (None, target)
    if role == LOCATION and case_lemma(token) in ctx.words.recipient_cases and event.takes(RECIPIENT):
        return RECIPIENT, target  # "livrer des canons à l'Ukraine": the "à X" of a transfer is who gets them
    if role == LOCATION and event.takes(DESTINATION) and not event.takes(LOCATION):
        return DESTINATION, target  # "expulsé au Maroc": where they are sent, not where they are
    return role, target


def _is_indirect_theme(ctx: DocContext, token: Token) -> bool:
    """What the act of a verb without an object is about, after "à": "a survécu à l'accident",
    "participe au festival"; not a place, a quantity ("s'élève à 300 euros"), a locution ("à
    proximité de"), the second complement of a verb with an object ("proclamer X au
    référendum", "des dégâts causés aux équipements"), whom words are addressed to ("a déclaré
    à la radio") nor the complement of a verb that says nothing ("est dû à")."""
    verb = token.head
    return (
        token.dep_ in deps.ARGUMENT_OBLIQUE
        and case_lemma(token) in ctx.words.recipient_cases
        and verb.lemma_.lower() not in ctx.words.empty_verbs
        and ctx.resources.lexicon.reporting_stance(verb.lemma_) is None
        and not _is_place(ctx, token)
        and not in_locution(ctx, token)
        and not any(c.dep_ == "nummod" for c in token.children)
        and not any(c.dep_ in deps.OBJECT or c.dep_ in deps.PASSIVE_SUBJECT for c in verb.children)
    )


def _case_form(token: Token) -> str | None:
    """The form of ``token``'s first preposition (the lemmatizer reads "entre" as "entrer")."""
    return next((c.lower_ for c in token.children if c.dep_ == deps.CASE), None)


def origin_role(ctx: DocContext, token: Token, event: EventClass | None) -> str | None:
    """"le retrait des troupes du Kosovo", "retirer ses forces du pays": a place after "de"
    is where a withdrawal or a transfer starts from."""
    if event is None or not event.takes(ORIGIN) or not case_is_genitive(ctx, token):
        return None
    name = named(ctx, token)
    return ORIGIN if name is not None and name.type in PLACE_TYPES else None


def _plain_role(ctx: DocContext, token: Token) -> tuple[str | None, Token]:
    """The role of an oblique whatever its predicate; dates are times whatever the preposition."""
    words = ctx.words
    mention = ctx.fixed_at.get(token.i)
    if mention is not None and mention.type == DATE:
        return "time", token
    if token.lemma_.lower() in words.company_nouns:
        # "en présence de X", "en compagnie de X": X takes part; no place is named.
        inner = next((c for c in token.children if c.dep_ in deps.NOUN_MODIFIER and case_is_genitive(ctx, c)), None)
        return (PARTNER, inner) if inner is not None else (None, token)
    case = case_lemma(token)
    role = ctx.resources.prepositions.get(case or "")
    if role == DESTINATION:
        return (DESTINATION, token) if _is_place(ctx, token) else (None, token)
    if role != LOCATION:
        return role, token
    if token.lemma_.lower() in words.place_head_nouns:
        inner = next((c for c in token.children if c.dep_ in deps.NOUN_MODIFIER), None)
        if inner is not None:
            return LOCATION, inner
        if any(c.dep_ == "amod" for c in token.children):
            return LOCATION, token  # "sur le territoire espagnol": coreference names the country
    name = named(ctx, token)
    if name is not None and (name.type in PLACE_TYPES or (case in words.party_site_cases and name.type in ANIMATE_CLASSES)):
        return LOCATION, token  # "à Lyon"; "chez Renault": the company is where it happens
    place = _premises_place(ctx, token)
    if place is not None:
        return LOCATION, place  # "supprimer des emplois dans son usine de Lyon": in Lyon
    if token.pos_ == "NOUN" and case in words.site_cases and token.dep_ in deps.ADJUNCT and _is_specific(ctx, token):
        return LOCATION, token
    if case in words.recipient_cases and is_animate(ctx, token):
        return RECIPIENT, token  # "a donné les documents à la police", "a demandé aux habitants"
    return None, token


def _premises_place(ctx: DocContext, noun: Token) -> Token | None:
    """The named place of premises ("l'usine de Lyon"); not an owner ("l'usine de Renault")."""
    if noun.lemma_.lower() not in ctx.words.premises_nouns:
        return None
    return next((c for c in noun.children if c.dep_ in deps.NOUN_MODIFIER and case_is_genitive(ctx, c) and _is_place(ctx, c) and named(ctx, c)), None)


def _names_body(ctx: DocContext, token: Token) -> bool:
    """A named organisation: an assembly, a court, a committee."""
    name = named(ctx, token)
    return name is not None and name.type == ORGANIZATION


def _is_place(ctx: DocContext, token: Token) -> bool:
    kind = _kind(ctx, token)
    return kind in PLACE_TYPES


def _is_specific(ctx: DocContext, noun: Token) -> bool:
    """"dans la maison", "au siège" name a site; "à plusieurs reprises", "à chaque fois" do not."""
    return not any(c.dep_ == "det" and set(ctx.morph(c, "PronType")) & QUANTIFIER_TYPES for c in noun.children)


def _kind(ctx: DocContext, token: Token) -> str | None:
    """The type of the name ``token`` is in, else the class of its noun (nouns.tsv), else None."""
    name = named(ctx, token)
    return name.type if name is not None else ctx.resources.nouns.class_of(token.lemma_)


def _is_person(ctx: DocContext, token: Token) -> bool:
    kind = _kind(ctx, token)
    return kind is not None and broad_type(kind) == PERSON_TYPE


def is_animate(ctx: DocContext, token: Token) -> bool:
    kind = _kind(ctx, token)
    return kind in ANIMATE_CLASSES


def misattached_obliques(
    ctx: DocContext, argument: Token, event: EventClass | None = None, depth: int = 2
) -> Iterator[tuple[str, Token]]:
    """Dates and places the parser hung on an argument instead of its predicate: in "annoncé par
    Jean Moreau en mars", "en mars" is the time of the announcement, not a part of Moreau;
    in "déployer une partie de la flotte en Espagne" the place hangs one noun deeper."""
    if argument.lemma_.lower() in ctx.words.place_head_nouns or depth == 0:
        return
    for token in with_conjuncts(argument):
        for child in token.children:
            if child.dep_ not in deps.NOUN_MODIFIER or _set_off(token, child):
                continue
            role, target = oblique_role(ctx, child, event)
            role = origin_role(ctx, child, event) or role  # "le retrait des troupes du Tchad"
            if role in MISATTACHED_ROLES:
                yield role, target
            elif role is None:
                yield from misattached_obliques(ctx, child, event, depth - 1)


def _set_off(argument: Token, child: Token) -> bool:
    """A complement set off by a comma describes the argument, it is not the predicate's: "Paul
    Roy, jeune berger en Savoie à l'époque, se souvient" (he does not remember in Savoie)."""
    doc = argument.doc
    return any(t.text == "," for t in doc[argument.i + 1 : child.left_edge.i])


def may_be_unnamed(ctx: DocContext, role: str | None, target: Token) -> bool:
    """Whether a common noun may fill a role found away from its usual place: a place or time the
    parser hung on a noun must be named, but "une lettre à l'ambassadeur" names a recipient by a
    person noun, and "le territoire espagnol", "sur le territoire de ce pays" a land that
    coreference names."""
    if role == RECIPIENT:
        return True
    heads = ctx.words.place_head_nouns
    return role == LOCATION and (target.lemma_.lower() in heads or target.head.lemma_.lower() in heads)
