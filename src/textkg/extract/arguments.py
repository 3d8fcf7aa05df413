"""From a syntactic argument (a token) to the mention it refers to: a name or date of the
context, the name that renames it, or the noun phrase it heads (a Concept). Pure functions of the
context; what they find is memoised there."""

from __future__ import annotations

from spacy.tokens import Token

from ..records import broad_type
from . import deps
from .candidates import CONCEPT, ORGANIZATION_TYPE, PERSON_TYPE, WEAPON_SYSTEM, Mention
from .context import DocContext
from .mentions import concept_mention, pronoun_mention, same_slot
from .syntax import case_is_genitive, is_comma_apposition


def fixed_at(ctx: DocContext, token: Token) -> Mention | None:
    """The name or date ``token`` belongs to."""
    return ctx.fixed_at.get(token.i)


def named(ctx: DocContext, token: Token) -> Mention | None:
    """The named mention ``token`` belongs to, or the one that renames it (apposition)."""
    memo = ctx.memos["named"]
    if token.i not in memo:
        memo[token.i] = _find_named(ctx, token)
    return memo[token.i]


def resolve(ctx: DocContext, token: Token, allow_concept: bool = True) -> Mention | None:
    """The mention ``token`` heads: named, a date, or (if allowed) the noun phrase it heads as a
    Concept. A pronoun resolves to the subject it repeats, or is left to coreference."""
    if token.pos_ == "PRON":
        steps = ctx.memos["pronoun_steps"]
        if token.i not in steps:
            steps[token.i] = _pronoun_step(ctx, token)
        step = steps[token.i]
        return resolve(ctx, step, allow_concept) if isinstance(step, Token) else step
    mention = named(ctx, token) or fixed_at(ctx, token)
    if mention is not None:
        return mention
    targets = ctx.memos["targets"]
    if token.i not in targets:
        targets[token.i] = _past_locution(ctx, _past_partitive(ctx, token))
    target = targets[token.i]
    if target is None:
        return None
    mention = named(ctx, target) or fixed_at(ctx, target)
    if mention is not None or not allow_concept:
        return mention
    return concept_at(ctx, target)


def concept_at(ctx: DocContext, token: Token) -> Mention | None:
    """The noun phrase ``token`` heads, unless it is a time ("ce matin") or overlaps a name."""
    concepts = ctx.memos["concepts"]
    if token.i not in concepts:
        concept = None if token.lemma_.lower() in ctx.words.time_nouns else concept_mention(ctx, token)
        if concept is not None and any(i in ctx.fixed_at for i in range(concept.first_token, concept.last_token + 1)):
            concept = None
        concepts[token.i] = concept
    return concepts[token.i]


def _find_named(ctx: DocContext, token: Token) -> Mention | None:
    mention = fixed_at(ctx, token)
    if mention is not None and mention.type != CONCEPT:
        return mention
    if token.pos_ == "NOUN":
        renamed = (
            _quoted_name_after(ctx, token)
            or _weapon_name_after(ctx, token)
            or _name_before_comma(ctx, token)
            or _title_before_name(ctx, token)
            or _named_complement(ctx, token)
        )
        if renamed is not None:
            return renamed
        if token.dep_ in deps.APPOSITION:
            # "Madame Anne Durand, présidente de l'association": the title stands for the name.
            renamed = fixed_at(ctx, token.head)
            if renamed is not None and renamed.is_named and _may_be_person(ctx, token, renamed):
                return renamed
    for child in token.children:
        if (
            child.dep_ in deps.RENAMING
            # "le programme Orion", tagged a noun or not: a name right after a noun, no preposition;
            # or parsed as its adjective ("le pic Rouge")
            or (child.dep_ == "nmod" and (child.pos_ == "PROPN" or child.i == token.i + 1) and not any(g.dep_ == deps.CASE for g in child.children))
            or (child.dep_ == "amod" and child.i == token.i + 1)
            or is_comma_apposition(child)
        ):
            renamed = fixed_at(ctx, child)
            if renamed is not None and renamed.is_named and (token.pos_ != "NOUN" or _may_name_noun(ctx, token, renamed)):
                return renamed
    return None


def _quoted_name_after(ctx: DocContext, noun: Token) -> Mention | None:
    """"l'association « Les Amis du port »": the noun is renamed by the quoted name."""
    doc = noun.doc
    openings = {opening for opening, _ in ctx.words.quote_pairs}
    if noun.pos_ != "NOUN" or noun.i + 2 >= len(doc) or ctx.tokens[noun.i + 1].text not in openings:
        return None
    mention = ctx.fixed_at.get(noun.i + 2)
    return mention if mention is not None and mention.is_named and mention.first_token == noun.i + 2 else None


def _weapon_name_after(ctx: DocContext, noun: Token) -> Mention | None:
    """"des missiles Kalibr-M", "le système ZK-300": a weapon head noun right before a weapon's
    name is that weapon, however the parser split the name."""
    if noun.lemma_.lower() not in ctx.words.weapon_heads and noun.lower_ not in ctx.words.weapon_heads:
        return None
    following = ctx.fixed_at.get(noun.i + 1)
    if following is not None and following.fine_type == WEAPON_SYSTEM and following.first_token == noun.i + 1:
        return following
    return None


def _title_before_name(ctx: DocContext, noun: Token) -> Mention | None:
    """"le pompier Marc Dubois", "la journaliste Anne Roy": a person noun right before a
    person's name is that person. So is a person noun whose phrase a comma sets off before a
    name that fills the same slot ("Le ministre de la Défense, Paul Martin, a ...", parsed
    as two subjects of one verb), but not one of another clause ("Après avoir rencontré le
    ministre, Jean Moreau a ...")."""
    if ctx.resources.nouns.class_of(noun.lemma_) != PERSON_TYPE:
        return None
    doc = noun.doc
    following = ctx.fixed_at.get(noun.i + 1) if noun.i + 1 < len(doc) else None
    if following is not None and following.type == PERSON_TYPE and following.first_token == noun.i + 1:
        return following
    if noun.dep_ not in deps.TITLE_SLOT:
        return None
    comma = noun.i + 1
    while comma < len(doc) and ctx.tokens[comma].text != "," and noun.is_ancestor(ctx.tokens[comma]):
        comma += 1
    name = ctx.fixed_at.get(comma + 1) if comma + 1 < len(doc) and ctx.tokens[comma].text == "," else None
    if name is None or name.type != PERSON_TYPE or name.first_token != comma + 1:
        return None
    return name if same_slot(noun, ctx.head_of(name)) else None


def _named_complement(ctx: DocContext, noun: Token) -> Mention | None:
    """"la ville de Tahoua": the class noun is the place its complement names; "le portefeuille
    de l'Intérieur": an office noun is the body its complement names (an organisation only: "le
    portefeuille de Marie" is hers, not her)."""
    lemma = noun.lemma_.lower()
    office = lemma in ctx.words.office_nouns
    if not office and lemma not in ctx.words.named_by_complement:
        return None
    for child in noun.children:
        if child.dep_ == "nmod" and case_is_genitive(ctx, child):
            mention = fixed_at(ctx, child)
            if mention is not None and mention.is_named and (not office or mention.type == ORGANIZATION_TYPE):
                return mention
    return None


def _name_before_comma(ctx: DocContext, noun: Token) -> Mention | None:
    """"Madame Irène Vasseur, la présidente de la fondation", "Léa, chimiste à Lyon et
    membre de l'association": a noun phrase set off by a comma right after a name describes
    it, however the parser attached it; so does a noun coordinated with that phrase."""
    if noun.pos_ != "NOUN":
        return None
    at = noun.i - 1
    if at >= 0 and ctx.tokens[at].pos_ == "DET":
        at -= 1
    if at >= 1 and ctx.tokens[at].text == ",":
        name = ctx.fixed_at.get(at - 1)
        if name is not None and name.is_named and name.last_token == at - 1 and _may_rename(ctx, noun, name):
            return name
    if noun.dep_ in deps.CONJUNCT and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
        return _name_before_comma(ctx, noun.head)
    return None


def _may_rename(ctx: DocContext, noun: Token, name: Mention) -> bool:
    """Not a name inside a fronted phrase ("Selon Nova, le ministre ..."), nor one of
    another class than the noun's ("ministre" names a person); a person's name renames only a
    person noun ("Malgré les critiques des pays voisins, Marie Lefort ...")."""
    if any(c.dep_ == deps.CASE for c in ctx.head_of(name).children):
        return False
    kind = ctx.resources.nouns.class_of(noun.lemma_)
    return (kind is None or broad_type(kind) == name.type) and _may_be_person(ctx, noun, name)


def _may_name_noun(ctx: DocContext, noun: Token, name: Mention) -> bool:
    """A name renames a noun of its own class, or of none: "le président Jean Moreau", not
    "la population ..., drapeaux du Front" (a people is no organisation); a noun's class is
    compared as the broad class of names ("canon", Equipment, and a weapon's name, a Product)."""
    kind = ctx.resources.nouns.class_of(noun.lemma_)
    return (kind is None or broad_type(kind) == name.type) and _may_be_person(ctx, noun, name)


def _may_be_person(ctx: DocContext, noun: Token, name: Mention) -> bool:
    """A person's name renames only a person noun: in "Malgré les critiques des pays
    voisins, Marie Lefort ..." the parser's apposition is wrong; or a noun of no
    known class right before the name ("à l'écologiste Paul Roy": a label of the person)."""
    if name.type != PERSON_TYPE:
        return True
    kind = ctx.resources.nouns.class_of(noun.lemma_)
    return kind == PERSON_TYPE or (kind is None and name.first_token == noun.i + 1)


# Pronouns, partitives, locutions ------------------------------------------------------------


def _pronoun_step(ctx: DocContext, pronoun: Token) -> Token | Mention | None:
    """What resolve() makes of a pronoun: nothing (emphatic), the subject it stands for, or a
    pronoun mention left to coreference."""
    if _is_emphatic(ctx, pronoun):
        return None
    # A subject pronoun right after its subject antecedent is resolved here; any other
    # referring pronoun waits for coreference, which runs once all mentions are known.
    antecedent = _antecedent_subject(ctx, pronoun)
    return antecedent if antecedent is not None else pronoun_mention(ctx, pronoun)


def _is_emphatic(ctx: DocContext, pronoun: Token) -> bool:
    """"X a quant à lui donné ...": the pronoun repeats the subject; it fills no role of its own."""
    for locution in ctx.words.emphatic_locution:
        words = locution.split()
        if pronoun.i >= len(words) and [t.lower_ for t in ctx.tokens[pronoun.i - len(words) : pronoun.i]] == words:
            return True
    return False


def _antecedent_subject(ctx: DocContext, pronoun: Token) -> Token | None:
    """A subject pronoun ("il", "elles") stands for the closest earlier subject noun that agrees
    in number and gender, within the current and previous sentences; other pronouns stay unknown."""
    if pronoun.dep_ not in deps.SUBJECTS or pronoun.lower_ not in ctx.words.subject_pronouns:
        return None
    window_start = ctx.previous_sentence_start(pronoun.i)
    for candidate in reversed(ctx.tokens[window_start : pronoun.i]):
        if candidate.dep_ in deps.SUBJECTS and candidate.pos_ in deps.NOMINAL_POS and _agrees(ctx, pronoun, candidate):
            return candidate
    return None


def _agrees(ctx: DocContext, pronoun: Token, noun: Token) -> bool:
    return all(
        not ctx.morph(noun, feature) or ctx.morph(noun, feature) == ctx.morph(pronoun, feature)
        for feature in ("Number", "Gender")
    )


def in_locution(ctx: DocContext, token: Token) -> bool:
    """A common noun without determiner frozen in a locution: "à proximité de", "mis à disposition"."""
    return _past_locution(ctx, token) is not token


def _past_locution(ctx: DocContext, token: Token) -> Token | None:
    """A common noun without determiner after a preposition or as an object is part of a locution,
    not a participant: "en effet", "a eu lieu", "porter plainte", "à bord de l'avion" (-> l'avion)."""
    if token.pos_ != "NOUN" or not (token.dep_ in deps.OBJECT or any(c.dep_ == deps.CASE for c in token.children)):
        return token
    # "des pays", "au siège": a preposition fused with the article determines the noun. An
    # adjective makes a bare noun a phrase of its own ("de hauts responsables", "le déploiement de
    # missiles nucléaires"): locutions take none.
    if any(
        c.dep_ in deps.DETERMINER or c.dep_ == "amod" or (c.dep_ == deps.CASE and ctx.morph(c, "Definite")) for c in token.children
    ):
        return token
    return next((c for c in token.children if c.dep_ == "nmod" and case_is_genitive(ctx, c)), None)


def _past_partitive(ctx: DocContext, token: Token) -> Token:
    """"une partie de l'arsenal", "des dizaines de manifestants": the complement is what is meant;
    so it is after a noun frozen into a locution ("au sein de", "à la suite de")."""
    words = ctx.words
    lemma = token.lemma_.lower()
    if lemma not in words.partitive_nouns and lemma not in words.locution_nouns:
        return token
    for child in token.children:
        if child.dep_ == "nmod" and case_is_genitive(ctx, child):
            return child
    return token
