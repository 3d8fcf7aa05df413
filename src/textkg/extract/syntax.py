"""What the parse says about a token, shared by several extractors: its subjects and
conjuncts, whether it follows a preposition that locates or cites (its mood is in mood.py). Pure
functions of the document context and a token; no mentions here."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from . import deps
from ..records import broad_type
from .context import DocContext
from .event_lexicon import misread_subject


def subjects(ctx: DocContext, verb: Token) -> list[Token]:
    """Subjects of ``verb``, or those of the verb (or copular adjective or noun: "serait prête
    à", "sera le premier à") it depends on when it has none of its own; a relative pronoun
    stands for its antecedent."""
    own = [relative_antecedent(ctx, c) for c in verb.children if c.dep_ in deps.ACTIVE_SUBJECT]
    # The parser sometimes hangs the subject on the auxiliary ("X a quant à lui donné").
    own += [c for aux in verb.children if aux.dep_ in deps.AUXILIARIES for c in aux.children if c.dep_ in deps.ACTIVE_SUBJECT]
    misread = misread_subject(ctx, verb) if verb.pos_ == "VERB" else None
    if misread is not None:
        own.append(misread)
    if own:
        return own
    misread = _subject_under_relative(ctx, verb)
    if misread is not None:
        return [misread]
    if verb.dep_ in deps.CONTROLLED and verb.head != verb and (verb.head.pos_ in deps.CONTROLLER_POS or _is_predicate_noun(verb.head)):
        # "X a incité ses collègues à arrêter", "X a demandé au Conseil d'adopter": the object (or
        # the one asked) of the governing verb does what the infinitive says, not its subject
        # ("ont convenu cette année de déployer": a time does not).
        controller = (_object_controller(ctx, verb.head) or _dative_controller(ctx, verb.head)) if verb.dep_ in deps.ATTRIBUTE else None
        if controller is not None and controller.i < verb.i:
            return [relative_antecedent(ctx, controller)]
        return subjects(ctx, verb.head) or _passive_controllers(ctx, verb) or _main_clause_subjects(ctx, verb)
    return []


def _main_clause_subjects(ctx: DocContext, verb: Token) -> list[Token]:
    """"Une attaque éclate dans le cortège célébrant la victoire, provoquant des morts": a clause
    set off by a comma that the parser hung on a participle describing a noun is about the
    subject of the clause that noun is in, not about the participle's noun."""
    comma = any(t.text == "," for t in ctx.tokens[max(verb.left_edge.i - 1, 0) : verb.i])
    if verb.head.dep_ not in deps.NOUN_CLAUSE or not comma:
        return []
    clause = next((a for a in verb.head.ancestors if a.pos_ == "VERB"), None)
    return subjects(ctx, clause) if clause is not None else []


def _passive_controllers(ctx: DocContext, verb: Token) -> list[Token]:
    """"X a été autorisé à quitter le pays", "X est accusé d'avoir volé", "X a été arrêté pour
    avoir volé": the subject of a passive governing verb does what its infinitive complement, or
    a past infinitive of cause, says; not a bare infinitive of purpose ("la route a été fermée
    pour éviter les accidents": whoever closed it avoids them), nor an impersonal subject."""
    past = past_infinitive(ctx, verb)
    marks = [c.lemma_.lower() for c in verb.children if c.dep_ == deps.MARK]
    complement = "Inf" in ctx.morph(verb, "VerbForm") and verb.dep_ in deps.INFINITIVE_COMPLEMENT and all(m in ctx.words.infinitive_marks for m in marks)
    if not (past or complement):
        return []
    # "Il est conseillé de se laver les mains": an impersonal "il" does nothing.
    return [
        relative_antecedent(ctx, c)
        for c in verb.head.children
        if c.dep_ in deps.PASSIVE_SUBJECT and c.i < verb.i and c.lower_ not in ctx.words.impersonal_pronouns
    ]


def _object_controller(ctx: DocContext, verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps.OBJECT and _may_act(ctx, c)), None)


def _dative_controller(ctx: DocContext, verb: Token) -> Token | None:
    """"X a demandé au Conseil d'adopter ...", "le juge lui a ordonné de partir": the one asked
    or ordered does what the infinitive says."""
    if verb.lemma_.lower() not in ctx.words.dative_control_verbs:
        return None
    return next(
        (
            c
            for c in verb.children
            if (c.dep_ in deps.INDIRECT_OBJECT or (c.dep_ in deps.OBLIQUE and case_lemma(c) in ctx.words.recipient_cases)) and _may_act(ctx, c)
        ),
        None,
    )


def _is_predicate_noun(token: Token) -> bool:
    """A noun with a copula: "X sera la première femme à diriger le parti" (X leads)."""
    return token.pos_ == "NOUN" and any(c.dep_ in deps.COPULA for c in token.children)


def _subject_under_relative(ctx: DocContext, verb: Token) -> Token | None:
    """"l'information selon laquelle des missiles seront installés": a relative pronoun takes no
    noun complement, yet the parser reads the article "des" as the preposition and hangs "missiles"
    on "laquelle"; the noun after it is the subject of the relative clause's verb."""
    for child in verb.children:
        if child.pos_ == "PRON" and "Rel" in ctx.morph(child, "PronType"):
            for complement in child.children:
                if complement.dep_ in deps.NOUN_MODIFIER and complement.i > child.i and _after_article(ctx, complement):
                    return complement
    return None


def _after_article(ctx: DocContext, noun: Token) -> bool:
    """``noun``'s "preposition" is an article ("des": Definite and PronType=Art)."""
    return any(c.dep_ == deps.CASE and "Art" in ctx.morph(c, "PronType") for c in noun.children)


def _may_act(ctx: DocContext, token: Token) -> bool:
    """A name (however tagged: "le Conseil de sécurité"), a pronoun, or a noun of people or
    organisations."""
    name = ctx.fixed_at.get(token.i)
    return token.pos_ in ("PROPN", "PRON") or (name is not None and name.is_named) or ctx.resources.nouns.class_of(token.lemma_) in ("Person", "Organization")


def relative_antecedent(ctx: DocContext, token: Token) -> Token:
    """"les radars que la France a installés": the relative pronoun "que" is "les radars", and "qui"
    of a cleft its focus ("c'est Paul Roy qui a signé"); a noun set off right after a name stands
    for it ("Paul Roy, un horloger qui a survécu": Paul Roy survived)."""
    if "Rel" in ctx.morph(token, "PronType") and (token.head.dep_ in deps.RELATIVE_CLAUSE or in_cleft(ctx, token.head)):
        antecedent = token.head.head
        return _described_name(ctx, antecedent) or antecedent
    return token


def in_cleft(ctx: DocContext, verb: Token) -> bool:
    """``verb`` heads the relative clause of a cleft: "c'est X qui a signé" (the parser hangs it on
    X, the attribute of "est", as a relative clause or as a bare dependent)."""
    if verb.dep_ not in deps.RELATIVE_CLAUSE and verb.dep_ != "dep":
        return False
    focus = verb.head
    pronouns = ctx.words.cleft_pronouns
    return any(c.dep_ in deps.COPULA for c in focus.children) and any(
        c.dep_ in deps.SUBJECTS | deps.EXPLETIVE_SUBJECT and c.lower_ in pronouns for c in focus.children
    )


def _described_name(ctx: DocContext, noun: Token) -> Token | None:
    """The head of the name right before ", (determiner) noun", unless the name follows a
    preposition ("Selon Paul Roy, un ...") or the noun is of another class than the name."""
    comma = noun.i - 1 if noun.i > 0 and ctx.tokens[noun.i - 1].pos_ != "DET" else noun.i - 2
    if noun.pos_ != "NOUN" or comma < 1 or ctx.tokens[comma].text != ",":
        return None
    name = ctx.fixed_at.get(comma - 1)
    if name is None or not name.is_named or name.last_token != comma - 1:
        return None
    head = ctx.head_of(name)
    kind = ctx.resources.nouns.class_of(noun.lemma_)
    if any(c.dep_ == deps.CASE for c in head.children) or (kind is not None and broad_type(kind) != name.type):
        return None
    return head


def with_conjuncts(token: Token) -> Iterator[Token]:
    """``token`` and the tokens coordinated with it: "la France et l'Espagne". A conjunct
    with another preposition is coordinated with something else ("le feu vert du maire et
    de la préfecture": the prefecture is not a second green light), and so is one that a verb without a subject
    follows: it is that verb's subject ("revient à Paul Roy et Luc Blanc reçoit celui de ...")."""
    yield token
    case = case_lemma(token)
    for child in token.children:
        if (
            child.dep_ in deps.CONJUNCT
            and child.pos_ in ("NOUN", "PROPN", "PRON")
            and not is_comma_apposition(child)
            and (case_lemma(child) is None or case_lemma(child) == case)
            and not _subject_of_next_verb(child)
        ):
            yield from with_conjuncts(child)


def _subject_of_next_verb(noun: Token) -> bool:
    """A noun phrase right before a finite verb that has no subject of its own: the parser took
    the verb's subject for a conjunct of an earlier noun."""
    end = noun.right_edge.i + 1
    if end >= len(noun.doc):
        return False
    verb = noun.doc[end]
    return (
        verb.pos_ == "VERB"
        and "Fin" in verb.morph.get("VerbForm")
        and not any(c.dep_ in deps.SUBJECTS for c in verb.children)
    )


def is_comma_apposition(token: Token) -> bool:
    """"Le maire de Lyon, Grégory Doucet, a ...": the parser often calls the name after a title
    a conjunct; with a comma and no coordinating word it renames the title."""
    return (
        token.dep_ in deps.CONJUNCT
        and token.pos_ == "PROPN"
        and token.head.pos_ == "NOUN"
        and token.head.dep_ in deps.TITLE_SLOT
        and any(c.dep_ == "punct" and c.text == "," and c.i < token.i for c in token.children)
        and not any(c.dep_ == "cc" for c in token.children)
    )


def case_lemma(token: Token) -> str | None:
    """The lemma of ``token``'s first preposition."""
    for child in token.children:
        if child.dep_ == deps.CASE:
            return child.lemma_.lower()
    return None


def case_is_genitive(ctx: DocContext, token: Token) -> bool:
    """``token`` is a "de" (or "of") complement."""
    return any(c.dep_ == deps.CASE and c.lemma_.lower() in ctx.words.genitive_lemmas for c in token.children)


def describes_noun(ctx: DocContext, token: Token) -> bool:
    """A past participle that describes a noun: "l'association, basée à Lyon"; not one with its
    own auxiliary, a clause of its own ("le navire, qui devait être amarré à Brest")."""
    return (
        token.dep_ in deps.PARTICIPLE_MODIFIER
        and "Part" in ctx.morph(token, "VerbForm")
        and "Past" in ctx.morph(token, "Tense")
        and not any(c.dep_ in deps.AUXILIARIES for c in token.children)
    )


def is_clause_head(token: Token) -> bool:
    """A verb, or the predicate of a copula ("a été victime", "est présent")."""
    return token.pos_ in deps.CLAUSE_POS or any(c.dep_ in deps.COPULA for c in token.children)


def is_locative(ctx: DocContext, place: Token) -> bool:
    """``place`` (or the noun it renames or is coordinated with, or the part of it a locative
    names: "dans la banlieue de Nantes") follows a locative preposition."""
    cases = ctx.words.locative_cases
    for token in (place, place.head):
        if any(c.dep_ == deps.CASE and c.lower_ in cases for c in token.children):
            return True
        part_of = token.dep_ in deps.NOUN_MODIFIER and token.head.lemma_.lower() in ctx.words.place_head_nouns
        if token.dep_ not in ("appos", "conj", "flat:name", "flat") and not part_of:
            return False
    return False


def past_infinitive(ctx: DocContext, verb: Token) -> bool:
    """"avoir volé": a past infinitive gives a cause, which happened, never a purpose."""
    return any(c.dep_ in deps.AUXILIARIES and "Inf" in ctx.morph(c, "VerbForm") for c in verb.children)


def is_source_marker(ctx: DocContext, cue: str) -> bool:
    """"selon", "d'après" (any apostrophe, any case), "according to"."""
    return cue.strip().lower().replace("’", "'") in ctx.words.source_markers


def is_cited(ctx: DocContext, token: Token) -> bool:
    """``token`` follows "selon", "d'après" or "according to": the one cited, not a participant."""
    # The cheap test first: a "selon" or an "après" on the token or on its preposition.
    head = ctx.head
    if not any(head[word] == token.i or head[head[word]] == token.i for word in ctx.positions_of(ctx.words.source_words)):
        return False
    case = [t for c in token.children if c.dep_ == deps.CASE for t in (c, *(f for f in c.children if f.dep_ == "fixed"))]
    if not any(t.lower_ in ctx.words.source_words for t in case):
        return False
    return is_source_marker(ctx, "".join(t.text_with_ws for t in sorted(case, key=lambda t: t.i)))


def is_source_word(ctx: DocContext, token: Token) -> bool:
    """"selon", "rapporte", or the "après" of "d'après" (alone it is time: "arrivé après Londres")."""
    words = ctx.words
    if token.lower_ in words.source_cues:
        return True
    return token.lower_ in words.source_words and token.i > 0 and ctx.tokens[token.i - 1].lower_ in words.elided_de


def is_converted_time(ctx: DocContext, token: Token) -> bool:
    """A clock time that restates an earlier one of its sentence in another place's time ("à 20
    heures, soit 15 heures à Dakar"): a place on it says where that time holds, not where
    anything happens ("samedi soir à Lyon" is a place of the story)."""
    return _clock_time(ctx, token) and any(_clock_time(ctx, t) for t in token.sent if t.i < token.i)


def _clock_time(ctx: DocContext, token: Token) -> bool:
    return token.lemma_.lower() in ctx.words.time_nouns and any(c.pos_ == "NUM" for c in token.children)
