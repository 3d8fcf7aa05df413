"""Verb and noun frames from the dependency parse (Universal Dependencies labels).

Pure functions of the document context: subjects (with coordination and control), objects, passives,
and obliques mapped to roles by their preposition and by the type of what they point at.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from . import deps
from .arguments import named, resolve
from .syntax import case_lemma, modality, polarity, relative_antecedent, subjects, with_conjuncts
from .candidates import DATE, Found, Frame, Mention
from .context import DocContext

PLACE_TYPES = frozenset({"Place"})
QUANTIFIER_TYPES = frozenset({"Ind", "Tot", "Neg", "Int"})
# Event classes whose nouns take their doer as the "de" complement: "l'annonce de la Russie",
# "les menaces de l'OTAN", "la visite du président" (where "le déploiement des missiles" and
# "l'annexion de la Crimée" take what undergoes the event).
AGENTIVE_GENITIVE_CLASSES = frozenset({"Announcement", "Threat", "Meeting", "MilitaryExercise", "Sanction"})
# Roles a preposition gives whatever noun the parser hung it on ("une offensive contre l'Ukraine").
MISATTACHED_ROLES = frozenset({"time", "location", "target", "recipient"})
# Events that move something to someone: their "à X" is the recipient, not a place.
RECIPIENT_CLASSES = frozenset({"Transfer"})
# Who can receive or be addressed: "à la police", "aux habitants", "à Marie".
ANIMATE_CLASSES = frozenset({"Person", "Organization"})
BASE_CONFIDENCE = 0.5


def verb_frames(ctx: DocContext) -> Found:
    """One frame per verb with at least two roles filled."""
    lexicon = ctx.resources.lexicon
    frames: list[Frame] = []
    touched: list[Mention] = []
    for sent, verbs in ctx.tagged("VERB"):
        evidence = ctx.sentence_span(sent)
        for token in verbs:
            event_class = lexicon.event_class(token.lemma_, "VERB")
            arguments = tuple(_verb_arguments(ctx, token, event_class, touched))
            if _worth_keeping(arguments):
                frames.append(
                    Frame(
                        predicate=token.lemma_.lower(),
                        event_class=event_class,
                        head=token.i,
                        arguments=arguments,
                        evidence=evidence,
                        polarity=polarity(ctx, token),
                        modality=modality(ctx, token),
                        confidence=_confidence(arguments, event_class),
                    )
                )
    return Found(tuple(frames), tuple(touched))


def noun_frames(ctx: DocContext) -> Found:
    """Events named by a noun of the lexicon: "le déploiement des missiles en Biélorussie"."""
    lexicon = ctx.resources.lexicon
    frames: list[Frame] = []
    touched: list[Mention] = []
    for sent, nouns in ctx.tagged("NOUN"):
        evidence = ctx.sentence_span(sent)
        for token in nouns:
            event_class = lexicon.event_class(token.lemma_, "NOUN")
            if event_class is None:
                continue
            arguments = tuple(_noun_arguments(ctx, token, event_class, touched))
            if arguments:
                frames.append(
                    Frame(
                        predicate=token.lemma_.lower(),
                        event_class=event_class,
                        head=token.i,
                        arguments=arguments,
                        evidence=evidence,
                        polarity="positive",
                        modality="asserted",
                        confidence=_confidence(arguments, event_class),
                    )
                )
    return Found(tuple(frames), tuple(touched))


def _is_reduced_relative(ctx: DocContext, verb: Token) -> bool:
    """A past participle modifying a noun: the noun is what undergoes the verb."""
    return (
        verb.dep_ in deps.PARTICIPLE_MODIFIER
        and verb.head.pos_ in deps.NOMINAL_POS
        and "Part" in ctx.morph(verb, "VerbForm")
        and "Past" in ctx.morph(verb, "Tense")
    )


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in deps.PASSIVE_AUXILIARY or c.dep_ in deps.PASSIVE_SUBJECT for c in verb.children)


def _verb_arguments(
    ctx: DocContext, verb: Token, event_class: str | None, touched: list[Mention]
) -> Iterator[tuple[str, Mention]]:
    """The role-labelled mentions of ``verb``; every mention resolved on the way goes to ``touched``."""
    passive = _is_passive(verb)
    seen: set[Mention] = set()

    def emit(role: str, head: Token, allow_concept: bool = True) -> Iterator[tuple[str, Mention]]:
        for token in with_conjuncts(head):
            mention = resolve(ctx, token, allow_concept=allow_concept)
            if mention is not None:
                touched.append(mention)
                if mention not in seen:
                    seen.add(mention)
                    yield role, mention

    heads: list[Token] = []
    if _is_reduced_relative(ctx, verb):
        # "les missiles installés en Biélorussie", "une guerre non déclarée contre la Russie".
        heads.append(verb.head)
        yield from emit("theme", verb.head)
    for subject in subjects(ctx, verb):
        heads.append(subject)
        yield from emit("theme" if passive else "agent", subject)
    for child in verb.children:
        if child.dep_ in deps.PASSIVE_SUBJECT:
            heads.append(child)
            yield from emit("theme", child)
        elif child.dep_ in deps.AGENT:
            heads.append(child)
            yield from emit("agent", child)
        elif child.dep_ in deps.OBJECT:
            heads.append(child)
            yield from emit("theme", relative_antecedent(ctx, child))
        elif child.dep_ in deps.INDIRECT_OBJECT:
            yield from emit("recipient", child)  # "il lui a remis", "leur a annoncé"
        elif child.dep_ in deps.OBLIQUE:
            role, target = _oblique_role(ctx, child)
            role = _with_recipient(ctx, role, child, event_class)
            if role == "agent" and not passive:
                role = None  # "par téléphone", "par la fenêtre": a means or a path, not a doer
            if role is not None:
                yield from emit(role, target)
    for head in heads:
        if ctx.resources.lexicon.event_class(head.lemma_, "NOUN") is not None:
            continue  # "officialiser le déploiement de missiles en Biélorussie": the place is the deployment's
        for role, target in _misattached_obliques(ctx, head):
            role = _with_recipient(ctx, role, target, event_class)
            yield from emit(role, target, allow_concept=_may_be_unnamed(ctx, role, target))


def _may_be_unnamed(ctx: DocContext, role: str | None, target: Token) -> bool:
    """Whether a common noun may fill a role found away from its usual place: a place or time the
    parser hung on a noun must be named, but "une lettre à l'ambassadeur" names a recipient by a
    person noun, and "le territoire biélorusse", "sur le territoire de ce pays" a land that
    coreference names."""
    if role == "recipient":
        return True
    heads = ctx.words.place_head_nouns
    return role == "location" and (target.lemma_.lower() in heads or target.head.lemma_.lower() in heads)


def _with_recipient(ctx: DocContext, role: str | None, oblique: Token, event_class: str | None) -> str | None:
    """"livrer des canons à l'Ukraine": the "à X" of a transfer is its recipient, not a place."""
    if role == "location" and event_class in RECIPIENT_CLASSES and case_lemma(oblique) in ctx.words.recipient_cases:
        return "recipient"
    return role


def _misattached_obliques(ctx: DocContext, argument: Token, depth: int = 2) -> Iterator[tuple[str, Token]]:
    """Dates and places the parser hung on an argument instead of its verb: in "annoncé par
    Vladimir Poutine en mars", "en mars" is the time of the announcement, not a part of Poutine;
    in "déployer une partie de l'arsenal en Biélorussie" the place hangs one noun deeper."""
    if argument.lemma_.lower() in ctx.words.place_head_nouns or depth == 0:
        return
    for token in with_conjuncts(argument):
        for child in token.children:
            if child.dep_ not in deps.NOUN_MODIFIER:
                continue
            role, target = _oblique_role(ctx, child)
            if role in MISATTACHED_ROLES:
                yield role, target
            elif role is None:
                yield from _misattached_obliques(ctx, child, depth - 1)


def _is_specific(ctx: DocContext, noun: Token) -> bool:
    """"dans la maison", "au siège" name a site; "à plusieurs reprises", "à chaque fois" do not."""
    return not any(c.dep_ == "det" and set(ctx.morph(c, "PronType")) & QUANTIFIER_TYPES for c in noun.children)


def _oblique_role(ctx: DocContext, token: Token) -> tuple[str | None, Token]:
    """The role of an oblique and the token that fills it; dates are times whatever the preposition."""
    words = ctx.words
    mention = ctx.fixed_at.get(token.i)
    if mention is not None and mention.type == DATE:
        return "time", token
    case = case_lemma(token)
    role = ctx.resources.prepositions.get(case or "")
    if role != "location":
        return role, token
    if token.lemma_.lower() in words.place_head_nouns:
        inner = next((c for c in token.children if c.dep_ in deps.NOUN_MODIFIER), None)
        if inner is not None:
            return "location", inner
        if any(c.dep_ == "amod" for c in token.children):
            return "location", token  # "sur le territoire biélorusse": coreference names the country
    name = named(ctx, token)
    if name is not None and name.type in PLACE_TYPES:
        return "location", token
    if token.pos_ == "NOUN" and case in words.site_cases and token.dep_ in deps.ADJUNCT and _is_specific(ctx, token):
        return "location", token
    if case in words.recipient_cases and _is_animate(ctx, token):
        return "recipient", token  # "a donné les documents à la police", "a demandé aux habitants"
    return None, token


def _is_animate(ctx: DocContext, token: Token) -> bool:
    name = named(ctx, token)
    kind = name.type if name is not None else ctx.resources.nouns.class_of(token.lemma_)
    return kind in ANIMATE_CLASSES


def _noun_arguments(ctx: DocContext, noun: Token, event_class: str, touched: list[Mention]) -> Iterator[tuple[str, Mention]]:
    """The role-labelled mentions of an event noun; every mention resolved goes to ``touched``."""

    def found(token: Token, allow_concept: bool = True) -> Mention | None:
        mention = resolve(ctx, token, allow_concept=allow_concept)
        if mention is not None:
            touched.append(mention)
        return mention

    words = ctx.words
    for child in noun.children:
        if child.dep_ not in deps.NOUN_MODIFIER:
            continue
        case = case_lemma(child)
        if case in words.theme_cases or ctx.resources.prepositions.get(case or "") == "agent":
            role = "theme" if case in words.theme_cases else "agent"
            if role == "theme" and event_class in AGENTIVE_GENITIVE_CLASSES:
                role = "agent"
            for token in with_conjuncts(child):
                mention = found(token)
                if mention is not None:
                    yield role, mention
            # "le déploiement des missiles en Biélorussie": the place hangs on the theme.
            for role, target in _misattached_obliques(ctx, child):
                mention = found(target, allow_concept=_may_be_unnamed(ctx, role, target))
                if mention is not None:
                    yield role, mention
        else:
            role, target = _oblique_role(ctx, child)
            if role is not None:
                mention = found(target, allow_concept=role != "location" or _may_be_unnamed(ctx, role, target))
                if mention is not None:
                    yield role, mention


def _worth_keeping(arguments: tuple[tuple[str, Mention], ...]) -> bool:
    """Two roles filled, one of them by a named entity: less is a fragment, not a fact."""
    return len({role for role, _ in arguments}) >= 2


def _confidence(arguments: tuple[tuple[str, Mention], ...], event_class: str | None) -> float:
    """A transparent heuristic, not a probability: named arguments and a known predicate add trust."""
    named_count = sum(1 for _, m in arguments if m.is_named)
    score = BASE_CONFIDENCE + 0.1 * min(named_count, 3) + (0.1 if event_class else 0.0)
    return round(min(score, 0.95), 2)
