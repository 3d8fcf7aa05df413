"""Verb frames from the dependency parse (Universal Dependencies labels).

Pure functions of the document context: subjects (with coordination and control), objects, passives,
and obliques mapped to roles by their preposition, by the type of what they point at and by the
roles of the verb's event class (obliques.py). A verb that only carries an event noun ("mener une
attaque", "la fusillade a éclaté") leaves the event to the noun (event_nouns.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from . import deps
from .arguments import resolve
from .candidates import DATE, ORGANIZATION_TYPE, PERSON_TYPE, PRONOUN, Found, Frame, Mention
from .confidence import EVENT, OPEN_FRAME
from .context import DocContext
from .event_lexicon import carried_event, class_info, event_class, is_event_noun, predicate_lemma, refined_class
from .quotes import quotation_at, same_voice
from .obliques import may_be_unnamed, misattached_obliques, oblique_role, origin_role
from .mood import modality, polarity
from .syntax import case_lemma, relative_antecedent, subjects, with_conjuncts
from ..language.event_classes import EventClass

# Fillers that alone make no fact of an open verb: places and dates.
PLACE_OR_TIME = frozenset({"Place", DATE})
# The roles of who does an act and what it acts on.
ACTING_ROLES = frozenset({"agent", "theme"})
# Who may mean to do what an infinitive says ("a refusé de participer").
AGENCY_TYPES = frozenset({PERSON_TYPE, ORGANIZATION_TYPE})
# The roles a gapped conjunct may fill: where, where to, when.
SETTING_ROLES = frozenset({"location", "destination", "time"})

def verb_frames(ctx: DocContext) -> Found:
    """One frame per verb with two roles filled, or one for a verb that names an event of the
    lexicon ("Paul Martin a démissionné")."""
    frames: list[Frame] = []
    touched: list[Mention] = []
    for sent, verbs in ctx.tagged("VERB"):
        evidence = ctx.sentence_span(sent)
        for token in verbs:
            if carried_event(ctx, token) is not None or token.lemma_.lower() in ctx.words.attributive_verbs:
                # "a mené une attaque", "une fusillade a éclaté": the event is the noun's; "est
                # devenu le maire de Lyon" is a link of the noun (links.py).
                continue
            found = event_class(ctx, token)
            arguments = tuple(_verb_arguments(ctx, token, class_info(ctx, found), touched))
            found = refined_class(ctx, token, found, arguments)
            intent = found is None and _acts_on_infinitive(ctx, token) and _has_agency(arguments)
            if _worth_keeping(arguments, found) or intent:
                frame = Frame(
                    predicate=predicate_lemma(ctx, token),
                    event_class=found,
                    head=token.i,
                    arguments=arguments,
                    evidence=evidence,
                    polarity=polarity(ctx, token),
                    modality=modality(ctx, token),
                    confidence=EVENT if found else OPEN_FRAME,
                    act=found is None and _is_act(ctx, token, arguments, intent),
                )
                frames.append(frame)
                frames += _gapped_frames(ctx, token, frame, class_info(ctx, found), touched)
    frames += _misread_verb_frames(ctx, touched)
    return Found(tuple(frames), tuple(touched))


def _misread_verbs(ctx: DocContext) -> dict[Token, Token | None]:
    """Verb forms the tagger read as the preposition they spell, with the verb whose clause theirs
    is coordinated with: in "il dirige le chantier en 1961 et entre à l'université", "entre" is
    the verb "entrer" (a preposition never comes right before another), coordinated with "lance"."""
    memo = ctx.memos["misread_verbs"]
    if "found" not in memo:
        forms = {form for form, _ in ctx.words.verbs_spelled_as_prepositions}
        doc = ctx.doc
        memo["found"] = {
            form: _coordinated_verb(form)
            for _, prepositions in ctx.tagged("ADP")
            for form in prepositions
            if form.lower_ in forms and form.i + 1 < len(doc) and ctx.tokens[form.i + 1].pos_ == "ADP" and ctx.tokens[form.i + 1].head == form.head
        }
    return memo["found"]


def _coordinated_verb(form: Token) -> Token | None:
    """The verb before a coordinating conjunction right before ``form`` that the noun after
    ``form`` hangs under ("dirige le chantier en 1961 et entre à ...")."""
    if form.i == 0 or form.doc[form.i - 1].pos_ != "CCONJ":
        return None
    return next((a for a in form.head.ancestors if a.pos_ == "VERB" and a.i < form.i), None)


def _misread_verb_frames(ctx: DocContext, touched: list[Mention]) -> list[Frame]:
    """The frame of each verb read as a preposition: its doer is the subject of the verb it is
    coordinated with, or the noun the parser hung its complement on ("Paul Roy entre au
    gouvernement"); the noun after its preposition is where it goes; the dates and places after
    it are its own."""
    frames = []
    infinitives = dict(ctx.words.verbs_spelled_as_prepositions)
    for form, coordinated in _misread_verbs(ctx).items():
        noun = form.head
        if coordinated is not None:
            doers = subjects(ctx, coordinated)
            setting = [oblique_role(ctx, c) for c in coordinated.children if c.dep_ in deps.OBLIQUE and c.i > form.i]
        else:
            doers = [noun.head] if noun.dep_ in deps.NOUN_MODIFIER and noun.head.pos_ in deps.NOMINAL_POS and noun.head.i < form.i else []
            setting = []
        found = [("agent", token) for doer in doers if same_voice(ctx, doer.i, form.i) for token in with_conjuncts(doer)]
        found.append(("destination", noun))
        found += [(role, target) for role, target in (*setting, *misattached_obliques(ctx, noun)) if role in SETTING_ROLES]
        arguments: list[tuple[str, Mention]] = []
        for role, token in found:
            mention = resolve(ctx, token, allow_concept=role != "location" or may_be_unnamed(ctx, role, token))
            if mention is not None and mention not in {m for _, m in arguments}:
                touched.append(mention)
                arguments.append((role, mention))
        if _worth_keeping(tuple(arguments), None):
            frames.append(
                Frame(
                    predicate=infinitives[form.lower_],
                    event_class=None,
                    head=form.i,
                    arguments=tuple(arguments),
                    evidence=ctx.sentence_span(form.sent),
                    polarity=polarity(ctx, coordinated) if coordinated is not None else "positive",
                    modality=modality(ctx, coordinated) if coordinated is not None else "asserted",
                    confidence=OPEN_FRAME,
                )
            )
    return frames


def _gapped_frames(ctx: DocContext, verb: Token, frame: Frame, event: EventClass | None, touched: list[Mention]) -> list[Frame]:
    """"chantera à Lyon en mai, et à Nice en juin": a place coordinated with the verb, the
    verb left out, is the same act again with its own place and time."""
    gapped = []
    # "dirige le chantier en 1961 et entre à l'université en 1964": the conjunct is the misread verb's.
    misread = {form.head for form in _misread_verbs(ctx)}
    for conjunct in verb.children:
        if conjunct.dep_ not in deps.CONJUNCT or conjunct.pos_ not in deps.NOMINAL_POS or case_lemma(conjunct) is None or conjunct in misread:
            continue
        role, target = oblique_role(ctx, conjunct, event)
        setting = [(role, target)] if role in SETTING_ROLES else []
        setting += [(r, t) for r, t in misattached_obliques(ctx, conjunct, event) if r in SETTING_ROLES]
        own = [(r, m) for r, t in setting if (m := resolve(ctx, t, allow_concept=False)) is not None]
        if own:
            touched.extend(m for _, m in own)
            kept = tuple((r, m) for r, m in frame.arguments if r not in SETTING_ROLES)
            gapped.append(replace(frame, arguments=kept + tuple(own)))
    return gapped


def _is_reduced_relative(ctx: DocContext, verb: Token) -> bool:
    """A past participle modifying a noun: the noun is what undergoes the verb."""
    return (
        verb.dep_ in deps.PARTICIPLE_MODIFIER
        and verb.head.pos_ in deps.NOMINAL_POS
        and "Part" in ctx.morph(verb, "VerbForm")
        and "Past" in ctx.morph(verb, "Tense")
    )


def _is_passive(ctx: DocContext, verb: Token) -> bool:
    """A passive auxiliary or subject, or a past participle standing alone ("Interrogée par les
    journalistes, Anne Roy a ...", "un rapport publié par l'ONG")."""
    if any(c.dep_ in deps.PASSIVE_AUXILIARY or c.dep_ in deps.PASSIVE_SUBJECT for c in verb.children):
        return True
    return _is_bare_participle(ctx, verb) and any(c.dep_ in deps.AGENT for c in verb.children)


def _is_bare_participle(ctx: DocContext, verb: Token) -> bool:
    return (
        "Part" in ctx.morph(verb, "VerbForm")
        and "Past" in ctx.morph(verb, "Tense")
        and not any(c.dep_ in deps.AUXILIARIES for c in verb.children)
    )


def _verb_arguments(
    ctx: DocContext, verb: Token, event: EventClass | None, touched: list[Mention]
) -> Iterator[tuple[str, Mention]]:
    """The role-labelled mentions of ``verb``; every mention resolved on the way goes to ``touched``."""
    passive = _is_passive(ctx, verb)
    seen: set[Mention] = set()

    def emit(role: str, head: Token, allow_concept: bool = True) -> Iterator[tuple[str, Mention]]:
        if not same_voice(ctx, head.i, verb.i):
            return  # a quotation's verb takes no argument from outside it, nor the other way
        for token in with_conjuncts(head):
            mention = resolve(ctx, token, allow_concept=allow_concept)
            if mention is not None:
                touched.append(mention)
                if mention not in seen:
                    seen.add(mention)
                    yield role, mention

    # "dirige X en 1961 et entre à l'université en 1964": what follows a verb read as a preposition is its own.
    cut = min((form.i for form, coordinated in _misread_verbs(ctx).items() if coordinated == verb), default=len(verb.doc))
    heads: list[Token] = []
    if _is_reduced_relative(ctx, verb):
        # "les radars installés en Espagne", "une enquête ouverte contre la France".
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
        elif child.dep_ in deps.OBLIQUE and child.i < cut:
            role, target = oblique_role(ctx, child, event)
            role = origin_role(ctx, child, event) or role
            if role == "agent" and not passive:
                role = None  # "par téléphone", "par la fenêtre": a means or a path, not a doer
            if role is not None:
                yield from emit(role, target)

    for head in heads:
        if is_event_noun(ctx, head):
            continue  # "autoriser le déploiement de soldats en Espagne": the place is the deployment's
        for role, target in misattached_obliques(ctx, head, event):
            yield from emit(role, target, allow_concept=may_be_unnamed(ctx, role, target))


def _acts_on_infinitive(ctx: DocContext, verb: Token) -> bool:
    """A verb whose object is what its subject is to do: "a refusé de participer", "a tenté de
    fuir"; not a verb that says nothing by itself, nor when or whether the infinitive happens
    ("a pu partir", "a commencé à chanter"), nor one of speech (a claim: "a promis de venir")."""
    words = ctx.words
    lemma = predicate_lemma(ctx, verb)
    return (
        lemma not in words.empty_verbs
        and lemma not in words.modal_lemmas
        and lemma not in words.infinitive_auxiliaries
        and ctx.resources.lexicon.reporting_stance(lemma) is None
        and any(c.dep_ in deps.INFINITIVE_COMPLEMENT and c.pos_ == "VERB" and "Inf" in ctx.morph(c, "VerbForm") for c in verb.children)
    )


def _has_agency(arguments: tuple[tuple[str, Mention], ...]) -> bool:
    """A doer named as a person or an organisation, or a pronoun that coreference may tie to one:
    who can refuse or try ("la voiture a tenté de" is a parse gone wrong, "l'autoroute permet de" no act)."""
    return any(role == "agent" and (m.type in AGENCY_TYPES or m.type == PRONOUN) for role, m in arguments)


def _is_act(ctx: DocContext, verb: Token, arguments: tuple[tuple[str, Mention], ...], intent: bool) -> bool:
    """A verb with a doer and what it acts on ("X a repeint sa façade", "X a reçu une médaille"),
    an infinitive included (``intent``: "X a refusé de participer"), outside any quotation (a
    quotation's words are its speaker's, asserted by no one unless a claim says who), and not a
    verb that says nothing by itself ("avoir", "faire")."""
    roles = {role for role, _ in arguments} | ({"theme"} if intent else set())
    return (
        ACTING_ROLES <= roles
        and verb.lemma_.lower() not in ctx.words.empty_verbs
        and (quotation_at(ctx, verb.i) is None or len({m for _, m in arguments if m.is_named}) >= 2)
    )


def _worth_keeping(arguments: tuple[tuple[str, Mention], ...], known: str | None) -> bool:
    """Two roles filled, or one of an event of the lexicon by something other than a date: less
    is a fragment, not a fact ("a décidé" alone says nothing; "a démissionné" does). A verb
    outside the lexicon that only joins places, none of them its doer, says where a route runs
    ("un car reliant Nantes à Angers"), not that one place is in the other."""
    roles = {role for role, _ in arguments}
    if known is None and "agent" not in roles and all(m.type in PLACE_OR_TIME for _, m in arguments):
        return False
    return len(roles) >= 2 or (known is not None and roles - {"time"} != set())

