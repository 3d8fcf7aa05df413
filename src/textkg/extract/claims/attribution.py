"""Who said it and where: the speaker of a cue (a name, a description such as "le porte-parole",
or a pronoun that coreference later ties to its antecedent) and the outlet that printed it
("a déclaré à l'AFP", "selon Nova", "dans une interview au Times")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ...records import broad_type
from .. import deps
from ..arguments import named, resolve
from ..candidates import CONCEPT, DATE, NEWS_AGENCY, PERSON_TYPE, PRONOUN, Mention
from ..context import DocContext
from ..syntax import relative_antecedent, subjects

# Broad classes that speak: people, bodies, and places acting as governments ("la France a dit").
SPEAKING_TYPES = frozenset({"Person", "Organization", "Place", "Misc"})
SPEAKING_CLASSES = frozenset({"Person", "Organization"})
# Slots where the parser puts a subject inverted after its verb ("», juge le ministère").
INVERTED_SPEAKER = frozenset({"nsubj", "dep", "obj", "appos", "nmod", "obl:mod"})
COUNTRY = "Country"
PLURAL = "Plur"
# Who a pronoun speaker stands for when coreference finds nobody who can speak.
FALLBACK_TYPES = frozenset({"Person", "Organization"})
FALLBACK_SENTENCES = 2
# How a name set off by a comma after a title hangs on it ("Le ministre, Pierre Durand, a dit").
NAME_AFTER_TITLE = frozenset({"appos", "conj", "flat:name", "nmod"})
# Words that open a noun phrase before its noun ("l'ancien ministre"), at most so many.
PRE_NOMINAL_POS = frozenset({"DET", "ADJ", "NUM"})
MAX_WORDS_BEFORE_NOUN = 3
# How deep under a reporting verb an outlet may hang ("a déclaré dans une interview au Times").
OUTLET_DEPTH = 3


def speaker(ctx: DocContext, verb: Token, inverted: bool = False) -> Mention | None:
    """The one who says what ``verb`` reports. When ``inverted`` (the words said come before the
    verb: "« ... », a déclaré X", "..., rapporte Nova") the speaker follows the verb: a noun
    phrase after it ("», juge le ministère") or a subject clitic ("a-t-il ajouté"). Otherwise its
    subject (or the subject of the verb it depends on: "en affirmant", "et estimé que"), a
    subject clitic, or the noun a participle qualifies ("une croyance affirmant que")."""
    if inverted:
        clitic = _subject_clitic(ctx, verb)
        if clitic is not None:
            return clitic
        for child in verb.children:
            # An inverted subject has no preposition ("estime-t-elle dans un communiqué").
            if (
                child.i > verb.i
                and child.dep_ in INVERTED_SPEAKER
                and child.pos_ in deps.NOMINAL_POS
                and not any(c.dep_ == deps.CASE for c in child.children)
            ):
                mention = speaker_mention(ctx, child)
                if mention is not None:
                    return mention
        return _noun_phrase_after(ctx, verb) or next(
            (m for s in verb.children if s.dep_ in deps.ACTIVE_SUBJECT and (m := speaker_mention(ctx, s))), None
        )
    for subject in subjects(ctx, verb):
        # A relative pronoun's antecedent may have a preposition ("avec X, qui a déclaré"); a
        # subject may not.
        misparsed = subject.dep_ in deps.SUBJECTS and _has_preposition(ctx, subject)
        mention = _fronted_phrase_name(ctx, subject) if misparsed else speaker_mention(ctx, subject)
        if mention is not None:
            return mention
    clitic = _subject_clitic(ctx, verb)
    if clitic is not None:
        return clitic
    if verb.dep_ in deps.PARTICIPLE_MODIFIER and verb.head.pos_ in deps.NOMINAL_POS and "Part" in ctx.morph(verb, "VerbForm"):
        interrupted = _subject_before_interruption(ctx, verb)
        return interrupted if interrupted is not None else speaker_mention(ctx, verb.head)
    return None


def _has_preposition(ctx: DocContext, token: Token) -> bool:
    """A preposition before ``token``; "des" read as one is the article ("des militants ont dit")."""
    return any(c.dep_ == deps.CASE and "Art" not in ctx.morph(c, "PronType") for c in token.children)


def _fronted_phrase_name(ctx: DocContext, phrase: Token) -> Mention | None:
    """"Malgré les réactions des pays voisins, Anne Roy et d'autres responsables ont déclaré":
    a phrase with a preposition is no subject, though the parser made it one and hung the real
    subject, set off by a comma, on it."""
    for child in phrase.children:
        if child.dep_ in NAME_AFTER_TITLE and ctx.tokens[child.i - 1].text == ",":
            mention = named(ctx, child)
            if mention is not None and broad_type(mention.type) in FALLBACK_TYPES:
                return mention
    return None


def _subject_before_interruption(ctx: DocContext, participle: Token) -> Mention | None:
    """"Le ministre a de son côté dénoncé", "X a pour sa part ajouté": a phrase between the
    auxiliary and the participle makes the parser hang the participle on its noun; the subject
    is then the one before the auxiliary (the parser may have left it as the root)."""
    phrase = participle.head
    if not any(c.dep_ == deps.CASE for c in phrase.children):
        return None
    doc = participle.doc
    auxiliary = next(
        (t for t in ctx.tokens[max(phrase.left_edge.i - 1, 0) : phrase.i] if t.pos_ in deps.CLAUSE_POS or t.dep_ in deps.AUXILIARIES), None
    )
    if auxiliary is None:
        return None
    for token in reversed(doc[ctx.sentence_start(auxiliary.i) : auxiliary.i]):
        if token.dep_ in deps.SUBJECTS or (token.dep_ == "ROOT" and token.pos_ in deps.NOMINAL_POS):
            return speaker_mention(ctx, token)
    return None


def _noun_phrase_after(ctx: DocContext, verb: Token) -> Mention | None:
    """"comme le rappelle le maire, X : « ... »": the parser may hang the inverted subject
    anywhere; the noun phrase that starts right after the verb is it."""
    doc = verb.doc
    at = verb.i + 1
    while at < len(doc) and ctx.tokens[at].pos_ in PRE_NOMINAL_POS:
        at += 1
    if at < len(doc) and at - verb.i <= MAX_WORDS_BEFORE_NOUN and ctx.tokens[at].pos_ in deps.NOMINAL_POS:
        return speaker_mention(ctx, ctx.tokens[at])
    return None


def speaker_mention(ctx: DocContext, token: Token) -> Mention | None:
    """``token`` as a speaker: a name, a pronoun (left to coreference), or the noun phrase it
    heads as a description; never a date."""
    token = relative_antecedent(ctx, token)
    mention = named(ctx, token) or _named_after_title(ctx, token)
    if mention is not None:
        return mention
    if token.pos_ == "PRON":
        return _pronoun(ctx, token)
    mention = resolve(ctx, token)
    if mention is None and token.pos_ == "NOUN":
        # "la société Verdal" where the name was taken for another class: the noun speaks.
        mention = Mention(token.idx, token.idx + len(token), token.text, CONCEPT, token.i, token.i)
    if mention is None or mention.type == DATE:
        return None
    return _government_country(ctx, token) or mention


def _named_after_title(ctx: DocContext, noun: Token) -> Mention | None:
    """"Le ministre des Finances, Pierre Durand, a ajouté", "La procureure, Mme Anne Roy, a
    déclaré": a person noun whose phrase a comma closes before a person's name, hung on it in
    any way (apposition, conjunct, root of a misparse), speaks through that name."""
    if ctx.resources.nouns.class_of(noun.lemma_) != PERSON_TYPE:
        return None
    for child in noun.children:
        if child.dep_ in NAME_AFTER_TITLE and child.i > noun.i and ctx.tokens[child.i - 1].text == ",":
            mention = named(ctx, child)
            if mention is not None and mention.type == PERSON_TYPE:
                return mention
    return None


def _government_country(ctx: DocContext, noun: Token) -> Mention | None:
    """"le gouvernement malien", "les autorités russes": a government noun (``government_nouns``
    in words.tsv) with a country's adjective speaks for that country, when the text names it."""
    if noun.lemma_.lower() not in ctx.words.government_nouns:
        return None
    gazetteer = ctx.resources.gazetteer
    for child in noun.children:
        place = gazetteer.demonym_country(child.text) if child.dep_ == "amod" else None
        if place is None:
            continue
        for mention in ctx.fixed:
            known = gazetteer.place(mention.text) if mention.fine_type == COUNTRY else None
            if known is not None and known.country == place.country:
                return mention
    return None


def _pronoun(ctx: DocContext, token: Token) -> Mention | None:
    """A third-person pronoun that refers (il, elle, ils, elles; "-il" after its verb)."""
    if token.lower_ not in ctx.resources.pronouns or token.dep_ in deps.OBJECT:
        return None
    return Mention(token.idx, token.idx + len(token), token.text, PRONOUN, token.i, token.i)


def _subject_clitic(ctx: DocContext, verb: Token) -> Mention | None:
    """"a-t-il ajouté", "estime-t-elle": the subject pronoun joined after the verb or its
    auxiliary (the parser labels it in several ways)."""
    hosts = [verb, *(c for c in verb.children if c.dep_ in deps.AUXILIARIES)]
    first = min(host.i for host in hosts)
    for host in hosts:
        for child in host.children:
            if child.i > first and child.pos_ == "PRON" and child.text.startswith("-"):
                mention = _pronoun(ctx, child)
                if mention is not None:
                    return mention
    return None


def is_speaking(ctx: DocContext, mention: Mention | None) -> bool:
    """A name of a person, body or place, a pronoun, a noun of a person or a body ("le
    porte-parole", "la direction"), or of a text ("les témoignages"): who or what can say
    things, unlike "cette décision" or "les hausses d'impôts"."""
    if mention is None:
        return False
    if mention.type == PRONOUN:
        return True
    if mention.type == CONCEPT:
        lemma = ctx.head_of(mention).lemma_.lower()
        words = ctx.words
        return ctx.resources.nouns.class_of(lemma) in SPEAKING_CLASSES or lemma in words.speaking_nouns or lemma in words.speech_nouns
    return broad_type(mention.type) in SPEAKING_TYPES


def outlet(ctx: DocContext, verb: Token, content: Iterable[int]) -> Mention | None:
    """A news outlet hung under ``verb`` outside what was said: "a déclaré à l'AFP", "dans une
    interview au Times" (the parser sometimes hangs "à l'AFP" on the speaker: it counts too)."""
    said = set(content)
    frontier = [verb]
    for _ in range(OUTLET_DEPTH):
        frontier = [c for t in frontier for c in t.children if c.i not in said and c.dep_ not in deps.REPORTED_CLAUSE]
        for token in frontier:
            if token.pos_ in deps.NOMINAL_POS and any(c.dep_ == deps.CASE for c in token.children):
                mention = named(ctx, token)
                if mention is not None and mention.fine_type == NEWS_AGENCY:
                    return mention
    return None


def last_speaker_named(ctx: DocContext, pronoun: Mention) -> Mention | None:
    """The person or body named last before ``pronoun``, within the pronoun's sentence and the
    two before, agreeing in number (a singular pronoun, a named thing)."""
    _, number = ctx.resources.pronouns.get(ctx.tokens[pronoun.first_token].lower_, (None, None))
    if number == PLURAL:
        return None
    window = ctx.sentence_starts[max(0, ctx.sentence_index(pronoun.first_token) - FALLBACK_SENTENCES)]
    for mention in reversed(ctx.fixed):
        if window <= mention.first_token < pronoun.first_token and broad_type(mention.type) in FALLBACK_TYPES:
            return mention
    return None
