"""Verb and noun frames from the dependency parse (Universal Dependencies labels).

Pure functions over a parsed Doc: subjects (with coordination and control), objects, passives,
and obliques mapped to roles by their preposition and by the type of what they point at.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..language.lexicon import Lexicon
from .arguments import MentionIndex, with_conjuncts
from .frames import Frame, sentence_span, tagged
from .mentions import Mention
from .tokens import morph_get

SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass"})
OBJECT_DEPS = frozenset({"obj"})
INDIRECT_OBJECT_DEPS = frozenset({"iobj"})
OBLIQUE_DEPS = frozenset({"obl", "obl:arg", "obl:mod"})
AGENT_DEPS = frozenset({"obl:agent"})
COPULA_DEPS = frozenset({"cop"})
PASSIVE_AUX_DEPS = frozenset({"aux:pass"})
TENSE_AUX_DEPS = frozenset({"aux:tense", "aux:pass", "aux"})
# Clauses whose missing subject is the subject of the clause they depend on ("ont convenu de
# déployer", "a signé un accord pour officialiser").
CONTROLLED_DEPS = frozenset({"xcomp", "advcl", "conj"})
CONTROLLER_POS = frozenset({"VERB", "ADJ"})
RELATIVE_DEPS = frozenset({"acl:relcl"})
PARTICIPLE_MODIFIER_DEPS = frozenset({"acl"})
NEGATION_LEMMAS = frozenset({"non", "pas", "jamais", "aucunement", "nullement", "not", "never", "n't"})
# "ne" alone negates only without the "que" of restriction.
RESTRICTED_NEGATOR = "ne"
RESTRICTIVE_WORDS = frozenset({"que", "qu'", "qu’"})
# Verbs of possibility: what they govern may not happen ("devoir" obliges; it stays asserted).
MODAL_LEMMAS = frozenset({"pouvoir", "can", "could", "may", "might"})

# Preposition -> role; "location" roles also need a place (or an unnamed place noun).
PREPOSITION_ROLES = {
    "en": "location",
    "dans": "location",
    "sur": "location",
    "à": "location",
    "au": "location",
    "vers": "location",
    "in": "location",
    "at": "location",
    "on": "location",
    "into": "location",
    "contre": "target",
    "against": "target",
    "avec": "partner",
    "with": "partner",
    "par": "agent",
    "by": "agent",
}
PLACE_TYPES = frozenset({"Place"})
# Nouns through which a location is reached: "sur le territoire de X" -> X.
PLACE_HEAD_NOUNS = frozenset({"territoire", "sol", "frontière", "région", "territory", "soil", "border", "region"})
# Prepositions that place an event at a site named by a common noun: "dans la maison", "au siège".
SITE_CASES = frozenset({"dans", "chez", "à", "au", "aux", "sur", "en", "in", "inside", "at"})
# Only adjuncts: "parvenir à un accord" (obl:arg) is an argument, not a place.
ADJUNCT_DEPS = frozenset({"obl:mod", "obl"})
QUANTIFIER_TYPES = frozenset({"Ind", "Tot", "Neg", "Int"})
NOMINAL_ROLE_BY_CASE = {"de": "theme", "du": "theme", "des": "theme", "of": "theme", "par": "agent", "by": "agent"}
# Event classes whose nouns take their doer as the "de" complement: "l'annonce de la Russie",
# "les menaces de l'OTAN", "la visite du président" (where "le déploiement des missiles" and
# "l'annexion de la Crimée" take what undergoes the event).
AGENTIVE_GENITIVE_CLASSES = frozenset({"Announcement", "Threat", "Meeting", "MilitaryExercise", "Sanction"})

# Roles a preposition gives whatever noun the parser hung it on ("une offensive contre l'Ukraine").
MISATTACHED_ROLES = frozenset({"time", "location", "target", "recipient"})
# Events that move something to someone: their "à X" is the recipient, not a place.
RECIPIENT_CLASSES = frozenset({"Transfer"})
RECIPIENT_CASES = frozenset({"à", "au", "aux", "to"})
# Who can receive or be addressed: "à la police", "aux habitants", "à Marie".
ANIMATE_CLASSES = frozenset({"Person", "Organization"})
BASE_CONFIDENCE = 0.5


def verb_frames(doc: Doc, index: MentionIndex, lexicon: Lexicon) -> Iterator[Frame]:
    """One frame per verb with at least two roles filled."""
    lang = doc.lang_
    for sent, verbs in tagged(doc, "VERB"):
        evidence = sentence_span(sent)
        for token in verbs:
            event_class = lexicon.event_class(lang, token.lemma_, "VERB")
            arguments = tuple(_verb_arguments(token, index, lexicon, event_class))
            if _worth_keeping(arguments):
                yield Frame(
                    predicate=token.lemma_.lower(),
                    event_class=event_class,
                    head=token.i,
                    arguments=arguments,
                    evidence=evidence,
                    polarity=polarity(token),
                    modality=modality(token),
                    confidence=_confidence(arguments, event_class),
                )


def noun_frames(doc: Doc, index: MentionIndex, lexicon: Lexicon) -> Iterator[Frame]:
    """Events named by a noun of the lexicon: "le déploiement des missiles en Biélorussie"."""
    lang = doc.lang_
    for sent, nouns in tagged(doc, "NOUN"):
        evidence = sentence_span(sent)
        for token in nouns:
            event_class = lexicon.event_class(lang, token.lemma_, "NOUN")
            if event_class is None:
                continue
            arguments = tuple(_noun_arguments(token, index, event_class))
            if arguments:
                yield Frame(
                    predicate=token.lemma_.lower(),
                    event_class=event_class,
                    head=token.i,
                    arguments=arguments,
                    evidence=evidence,
                    polarity="positive",
                    modality="asserted",
                    confidence=_confidence(arguments, event_class),
                )


def polarity(verb: Token) -> str:
    """negative under "ne" (spaCy marks it Polarity=Neg), "pas", "jamais", "non" or "not"; "ne ...
    que" restricts ("n'a signé qu'un accord": one agreement was signed), it does not negate."""
    negators = [
        c for c in verb.children if c.dep_ == "advmod" and (c.lemma_.lower() in NEGATION_LEMMAS or "Neg" in morph_get(c, "Polarity"))
    ]
    if not negators:
        return "positive"
    if all(c.lemma_.lower() == RESTRICTED_NEGATOR for c in negators) and _restrictive_que(verb):
        return "positive"
    return "negative"


def _restrictive_que(verb: Token) -> bool:
    return any(t.lower_ in RESTRICTIVE_WORDS and t.dep_ in ("advmod", "mark") for c in verb.children for t in (c, *c.children))


def modality(verb: Token) -> str:
    """future for a future tense, hypothetical for a conditional or under a modal verb."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ":
        # "serait prête à utiliser": the mood is on the copula of the adjective.
        forms += [c for c in verb.head.children if c.dep_ in COPULA_DEPS or c.dep_.startswith("aux")]
    if any("Cnd" in morph_get(t, "Mood") for t in forms):
        return "hypothetical"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in MODAL_LEMMAS:
        return "hypothetical"
    if any("Fut" in morph_get(t, "Tense") for t in forms):
        return "future"
    return "asserted"


def subjects(verb: Token) -> list[Token]:
    """Subjects of ``verb``, or those of the verb (or copular adjective: "serait prête à") it
    depends on when it has none of its own; a relative pronoun stands for its antecedent."""
    own = [_antecedent(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # The parser sometimes hangs the subject on the auxiliary ("X a quant à lui donné").
    own += [c for aux in verb.children if aux.dep_ in TENSE_AUX_DEPS for c in aux.children if c.dep_ in SUBJECT_DEPS]
    if own:
        return own
    if verb.dep_ in CONTROLLED_DEPS and verb.head != verb and verb.head.pos_ in CONTROLLER_POS:
        return subjects(verb.head)
    return []


def _antecedent(token: Token) -> Token:
    """"les missiles que la Russie a installés": the relative pronoun "que" is "les missiles"."""
    if "Rel" in morph_get(token, "PronType") and token.head.dep_ in RELATIVE_DEPS:
        return token.head.head
    return token


def _is_reduced_relative(verb: Token) -> bool:
    """A past participle modifying a noun: the noun is what undergoes the verb."""
    return (
        verb.dep_ in PARTICIPLE_MODIFIER_DEPS
        and verb.head.pos_ in ("NOUN", "PROPN")
        and "Part" in morph_get(verb, "VerbForm")
        and "Past" in morph_get(verb, "Tense")
    )


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_AUX_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)


def _verb_arguments(verb: Token, index: MentionIndex, lexicon: Lexicon, event_class: str | None) -> Iterator[tuple[str, Mention]]:
    passive = _is_passive(verb)
    seen: set[Mention] = set()

    def emit(role: str, head: Token, allow_concept: bool = True) -> Iterator[tuple[str, Mention]]:
        for token in with_conjuncts(head):
            mention = index.resolve(token, allow_concept=allow_concept)
            if mention is not None and mention not in seen:
                seen.add(mention)
                yield role, mention

    heads: list[Token] = []
    if _is_reduced_relative(verb):
        # "les missiles installés en Biélorussie", "une guerre non déclarée contre la Russie".
        heads.append(verb.head)
        yield from emit("theme", verb.head)
    for subject in subjects(verb):
        heads.append(subject)
        yield from emit("theme" if passive else "agent", subject)
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            heads.append(child)
            yield from emit("theme", child)
        elif child.dep_ in AGENT_DEPS:
            heads.append(child)
            yield from emit("agent", child)
        elif child.dep_ in OBJECT_DEPS:
            heads.append(child)
            yield from emit("theme", _antecedent(child))
        elif child.dep_ in INDIRECT_OBJECT_DEPS:
            yield from emit("recipient", child)  # "il lui a remis", "leur a annoncé"
        elif child.dep_ in OBLIQUE_DEPS:
            role, target = _oblique_role(child, index)
            role = _with_recipient(role, child, event_class)
            if role == "agent" and not passive:
                role = None  # "par téléphone", "par la fenêtre": a means or a path, not a doer
            if role is not None:
                yield from emit(role, target)
    for head in heads:
        if lexicon.event_class(head.doc.lang_, head.lemma_, "NOUN") is not None:
            continue  # "officialiser le déploiement de missiles en Biélorussie": the place is the deployment's
        for role, target in _misattached_obliques(head, index):
            role = _with_recipient(role, target, event_class)
            yield from emit(role, target, allow_concept=_may_be_unnamed(role, target))


def _may_be_unnamed(role: str | None, target: Token) -> bool:
    """Whether a common noun may fill a role found away from its usual place: a place or time the
    parser hung on a noun must be named, but "une lettre à l'ambassadeur" names a recipient by a
    person noun, and "le territoire biélorusse", "sur le territoire de ce pays" a land that
    coreference names."""
    if role == "recipient":
        return True
    return role == "location" and (target.lemma_.lower() in PLACE_HEAD_NOUNS or target.head.lemma_.lower() in PLACE_HEAD_NOUNS)


def _with_recipient(role: str | None, oblique: Token, event_class: str | None) -> str | None:
    """"livrer des canons à l'Ukraine": the "à X" of a transfer is its recipient, not a place."""
    if role == "location" and event_class in RECIPIENT_CLASSES and _case_lemma(oblique) in RECIPIENT_CASES:
        return "recipient"
    return role


def _misattached_obliques(argument: Token, index: MentionIndex, depth: int = 2) -> Iterator[tuple[str, Token]]:
    """Dates and places the parser hung on an argument instead of its verb: in "annoncé par
    Vladimir Poutine en mars", "en mars" is the time of the announcement, not a part of Poutine;
    in "déployer une partie de l'arsenal en Biélorussie" the place hangs one noun deeper."""
    if argument.lemma_.lower() in PLACE_HEAD_NOUNS or depth == 0:
        return
    for token in with_conjuncts(argument):
        for child in token.children:
            if child.dep_ != "nmod":
                continue
            role, target = _oblique_role(child, index)
            if role in MISATTACHED_ROLES:
                yield role, target
            elif role is None:
                yield from _misattached_obliques(child, index, depth - 1)


def _is_specific(noun: Token) -> bool:
    """"dans la maison", "au siège" name a site; "à plusieurs reprises", "à chaque fois" do not."""
    return not any(c.dep_ == "det" and set(morph_get(c, "PronType")) & QUANTIFIER_TYPES for c in noun.children)


def _case_lemma(token: Token) -> str | None:
    return next((c.lemma_.lower() for c in token.children if c.dep_ == "case"), None)


def _oblique_role(token: Token, index: MentionIndex) -> tuple[str | None, Token]:
    """The role of an oblique and the token that fills it; dates are times whatever the preposition."""
    mention = index.at(token)
    if mention is not None and mention.type == "Date":
        return "time", token
    case = next((c.lemma_.lower() for c in token.children if c.dep_ == "case"), None)
    role = PREPOSITION_ROLES.get(case or "")
    if role != "location":
        return role, token
    if token.lemma_.lower() in PLACE_HEAD_NOUNS:
        inner = next((c for c in token.children if c.dep_ == "nmod"), None)
        if inner is not None:
            return "location", inner
        if any(c.dep_ == "amod" for c in token.children):
            return "location", token  # "sur le territoire biélorusse": coreference names the country
    named = index.named(token)
    if named is not None and named.type in PLACE_TYPES:
        return "location", token
    if token.pos_ == "NOUN" and case in SITE_CASES and token.dep_ in ADJUNCT_DEPS and _is_specific(token):
        return "location", token
    if case in RECIPIENT_CASES and _is_animate(token, index):
        return "recipient", token  # "a donné les documents à la police", "a demandé aux habitants"
    return None, token


def _is_animate(token: Token, index: MentionIndex) -> bool:
    named = index.named(token)
    kind = named.type if named is not None else index.nouns.class_of(token.lemma_)
    return kind in ANIMATE_CLASSES


def _noun_arguments(noun: Token, index: MentionIndex, event_class: str) -> Iterator[tuple[str, Mention]]:
    for child in noun.children:
        if child.dep_ != "nmod":
            continue
        case = next((c.lemma_.lower() for c in child.children if c.dep_ == "case"), None)
        if case in NOMINAL_ROLE_BY_CASE:
            role = NOMINAL_ROLE_BY_CASE[case]
            if role == "theme" and event_class in AGENTIVE_GENITIVE_CLASSES:
                role = "agent"
            for token in with_conjuncts(child):
                mention = index.resolve(token)
                if mention is not None:
                    yield role, mention
            # "le déploiement des missiles en Biélorussie": the place hangs on the theme.
            for role, target in _misattached_obliques(child, index):
                mention = index.resolve(target, allow_concept=_may_be_unnamed(role, target))
                if mention is not None:
                    yield role, mention
        else:
            role, target = _oblique_role(child, index)
            if role is not None:
                mention = index.resolve(target, allow_concept=role != "location" or _may_be_unnamed(role, target))
                if mention is not None:
                    yield role, mention


def _worth_keeping(arguments: tuple[tuple[str, Mention], ...]) -> bool:
    """Two roles filled, one of them by a named entity: less is a fragment, not a fact."""
    return len({role for role, _ in arguments}) >= 2


def _confidence(arguments: tuple[tuple[str, Mention], ...], event_class: str | None) -> float:
    """A transparent heuristic, not a probability: named arguments and a known predicate add trust."""
    named = sum(1 for _, m in arguments if m.is_named)
    score = BASE_CONFIDENCE + 0.1 * min(named, 3) + (0.1 if event_class else 0.0)
    return round(min(score, 0.95), 2)
