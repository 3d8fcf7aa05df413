"""Events named by a noun of the lexicon, with their complements: "le déploiement des soldats en
Espagne", "l'expulsion de Paul Martin vers le Maroc", "la victoire de Marie Roy sur Anne Lee",
"le retrait des troupes du Kosovo en 2019".

Pure functions of the document context. The "de" complement fills the role its event class gives
it (event_classes.tsv): the doer of a visit or an announcement, what undergoes a deployment, the
doer or the target of an attack by whether it is a party. A verb that only carries the noun
gives it its subject, its place and time, its polarity and mood: "les rebelles ont mené une
attaque à Goma" (the rebels are the attack's doer), "la cérémonie s'est déroulée à Lyon".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan, Token

from . import deps
from .arguments import named, resolve
from .candidates import Found, Frame, Mention
from .confidence import EVENT, OPEN_FRAME
from .context import DocContext
from .event_lexicon import carried_event, class_info, date_carrier, event_class, performs, refined_class
from .links import possessive_owner
from .obliques import may_be_unnamed, misattached_obliques, oblique_role, origin_role
from .mood import event_noun_mood, modality, polarity
from .syntax import case_lemma, subjects, with_conjuncts
from ..language.event_classes import EventClass

# What an event takes from the event that caused it.
SETTING_ROLES = frozenset({"location", "time"})


def noun_frames(ctx: DocContext) -> Found:
    """One frame per event noun of the lexicon with at least one role filled, and per noun of a
    happening outside it that a light verb carries ("a effectué une intervention"): what its doer did."""
    frames: list[Frame] = []
    touched: list[Mention] = []
    for sent, nouns in ctx.tagged("NOUN"):
        for token in nouns:
            found = event_class(ctx, token)
            carrier = _carrier(ctx, token)
            if found is None and carrier is None and not _performing_participles(ctx, token):
                continue
            event = class_info(ctx, found)
            evidence = _with_carrier(ctx, ctx.sentence_span(sent), sent, carrier)
            arguments = _distinct(
                [
                    *_noun_arguments(ctx, token, event, touched),
                    *_carried_arguments(ctx, carrier, token, event, touched),
                    *_performers(ctx, token, touched),
                    *_possessor(ctx, token, event, touched),
                ]
            )
            arguments = _distinct([*arguments, *_caused_setting(ctx, token, arguments, touched)])
            found = refined_class(ctx, token, found, arguments)
            if arguments:
                mood = (polarity(ctx, carrier), modality(ctx, carrier)) if carrier is not None else event_noun_mood(ctx, token)
                frames.append(
                    Frame(
                        predicate=token.lemma_.lower(),
                        event_class=found,
                        head=token.i,
                        arguments=arguments,
                        evidence=evidence,
                        polarity=mood[0],
                        modality=mood[1],
                        confidence=EVENT if found else OPEN_FRAME,
                        happening=found is None,
                    )
                )
    return Found(tuple(frames), tuple(touched))


def _with_carrier(ctx: DocContext, evidence: tuple[int, int], sent: SpacySpan, carrier: Token | None) -> tuple[int, int]:
    """The evidence of an event noun, widened to the sentence of its light verb where the parser
    cut the sentence between them ("tiendra les 3 et 4 mai | une réunion")."""
    if carrier is None or sent.start <= carrier.i < sent.end:
        return evidence
    other = ctx.sentence_span(carrier.sent)
    return (min(evidence[0], other[0]), max(evidence[1], other[1]))


def _performers(ctx: DocContext, noun: Token, touched: list[Mention]) -> Iterator[tuple[str, Mention]]:
    """The doer a participle of doing gives the event noun it describes: "l'attaque menée par les
    rebelles", "un attentat revendiqué par le groupe X"."""
    for participle in _performing_participles(ctx, noun):
        for agent in (c for c in participle.children if c.dep_ in deps.AGENT):
            for token in with_conjuncts(agent):
                mention = resolve(ctx, token)
                if mention is not None:
                    touched.append(mention)
                    yield "agent", mention


def _performing_participles(ctx: DocContext, noun: Token) -> list[Token]:
    """The participles of doing that describe ``noun``: "l'attaque menée par les rebelles"."""
    return [c for c in noun.children if c.dep_ in deps.PARTICIPLE_MODIFIER and c.pos_ == "VERB" and carried_event(ctx, c) == noun]


def _possessor(ctx: DocContext, noun: Token, event: EventClass | None, touched: list[Mention]) -> Iterator[tuple[str, Mention]]:
    """The doer a possessive determiner names, where no "de" complement does: "Paul Martin a
    annoncé sa démission", "Lors de sa visite à Lyon, Anne Roy a ...". Only a doer: in "la
    police a confirmé son arrestation" the owner undergoes the event and is not the subject."""
    if event is None or any(c.dep_ in deps.NOUN_MODIFIER and case_lemma(c) in ctx.words.theme_cases for c in noun.children):
        return
    owner = possessive_owner(ctx, noun, fronted=True)
    mention = resolve(ctx, owner) if owner is not None else None
    if mention is not None and _complement_role(ctx, owner, mention, event) == "agent":
        touched.append(mention)
        yield "agent", mention


def _caused_setting(
    ctx: DocContext, noun: Token, arguments: tuple[tuple[str, Mention], ...], touched: list[Mention]
) -> Iterator[tuple[str, Mention]]:
    """The place and time of the event that caused ``noun``'s, where it has none of its own:
    "un incendie dans les Vosges a causé la mort de trois pompiers" (the deaths are in the
    Vosges), "une explosion secoue Nantes, provoquant un effondrement"."""
    verb = noun.head
    if noun.dep_ not in deps.OBJECT or verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words.causing_verbs:
        return
    own = {role for role, _ in arguments}
    for cause in subjects(ctx, verb):
        found = event_class(ctx, cause) if cause.pos_ == "NOUN" else None
        if found is None:
            continue
        event = class_info(ctx, found)
        setting = (*_noun_arguments(ctx, cause, event, []), *_carried_arguments(ctx, _carrier(ctx, cause), cause, event, []))
        for role, mention in setting:
            if role in SETTING_ROLES and role not in own:
                touched.append(mention)
                yield role, mention


def _distinct(arguments: list[tuple[str, Mention]]) -> tuple[tuple[str, Mention], ...]:
    """Each mention once, in the first role found for it."""
    seen: set[Mention] = set()
    kept = []
    for role, mention in arguments:
        if mention not in seen:
            seen.add(mention)
            kept.append((role, mention))
    return tuple(kept)


def _carrier(ctx: DocContext, noun: Token) -> Token | None:
    """The light verb that carries ``noun``: "a mené une attaque", "la fusillade a éclaté", "a
    tenu le 3 mai une réunion"."""
    head = noun.head
    if head != noun and head.pos_ == "VERB" and carried_event(ctx, head) == noun:
        return head
    return date_carrier(ctx, noun)


def _carried_arguments(
    ctx: DocContext, verb: Token | None, noun: Token, event: EventClass | None, touched: list[Mention]
) -> Iterator[tuple[str, Mention]]:
    """What a light verb gives its event ``noun``: its subject (the doer, or the one who undergoes
    "subir une attaque") and its other obliques (place, time, target, partner)."""
    if verb is None:
        return
    words = ctx.words
    lemma = verb.lemma_.lower()
    doers: list[Token] = []
    if performs(ctx, verb):
        # Not the light verb's own passive subject ("une attaque a été menée"); "X a été autorisé à
        # mener une attaque": X does it.
        doers = [c for c in verb.children if c.dep_ in deps.AGENT] or [s for s in subjects(ctx, verb) if s.dep_ not in deps.PASSIVE_SUBJECT or s.head != verb]
        role = "agent"
    elif lemma in words.undergoing_verbs:
        doers = subjects(ctx, verb)
        role = event.complement_role(None) if event is not None else "theme"
    for doer in doers:
        for token in with_conjuncts(doer):
            mention = resolve(ctx, token)
            if mention is not None:
                touched.append(mention)
                yield role, mention
    for child in verb.children:
        if child.dep_ in deps.OBLIQUE and child != noun:
            found, target = oblique_role(ctx, child, event)
            if found is not None and found != "agent":
                mention = resolve(ctx, target, allow_concept=found != "location" or may_be_unnamed(ctx, found, target))
                if mention is not None:
                    touched.append(mention)
                    yield found, mention


def _noun_arguments(ctx: DocContext, noun: Token, event: EventClass | None, touched: list[Mention]) -> Iterator[tuple[str, Mention]]:
    """The role-labelled mentions of an event noun's complements; every mention resolved goes to ``touched``."""

    def found(token: Token, allow_concept: bool = True) -> Mention | None:
        mention = resolve(ctx, token, allow_concept=allow_concept)
        if mention is not None:
            touched.append(mention)
        return mention

    words = ctx.words
    complements = 0
    for child in noun.children:
        if child.dep_ not in deps.NOUN_MODIFIER:
            continue
        case = case_lemma(child)
        origin = origin_role(ctx, child, event) if complements else None
        if case in words.theme_cases and origin is None:
            complements += 1
            for token in with_conjuncts(child):
                mention = found(token)
                if mention is not None:
                    yield _complement_role(ctx, token, mention, event), mention
            # "le déploiement des soldats en Espagne": the place hangs on the theme.
            for role, target in misattached_obliques(ctx, child, event):
                mention = found(target, allow_concept=may_be_unnamed(ctx, role, target))
                if mention is not None:
                    yield role, mention
        else:
            role, target = oblique_role(ctx, child, event)
            role = origin or role
            if role is not None:
                allow = role not in ("location", "destination", "origin") or may_be_unnamed(ctx, role, target)
                # "entre la France et l'Allemagne": the conjuncts fill the role too.
                for token in with_conjuncts(target):
                    mention = found(token, allow_concept=allow)
                    if mention is not None:
                        yield role, mention


def _complement_role(ctx: DocContext, token: Token, mention: Mention, event: EventClass | None) -> str:
    """The role of a "de" complement: the doer of "la visite du président", what undergoes "le
    déploiement des missiles", the doer or the target of an attack by whether it is a party."""
    if event is None:
        return "theme"
    name = named(ctx, token)
    kind = name.type if name is not None else (mention.type if mention.is_named else ctx.resources.nouns.class_of(ctx.head_of(mention).lemma_))
    return event.complement_role(kind)
