"""What the parse says about a token, shared by several extractors: its subjects and
conjuncts, its mood (polarity and modality), whether it follows a preposition that locates or
cites. Pure functions of the document context and a token; no mentions here."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from . import deps
from ..records import broad_type
from .context import DocContext
from .event_lexicon import misread_subject


QUESTION_MARKS = frozenset({"?"})


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
    past_infinitive = _past_infinitive(ctx, verb)
    marks = [c.lemma_.lower() for c in verb.children if c.dep_ == deps.MARK]
    complement = "Inf" in ctx.morph(verb, "VerbForm") and verb.dep_ in deps.INFINITIVE_COMPLEMENT and all(m in ctx.words.infinitive_marks for m in marks)
    if not (past_infinitive or complement):
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
    """"les radars que la France a installés": the relative pronoun "que" is "les radars"; a noun
    set off right after a name stands for it ("Paul Roy, un horloger qui a survécu": Paul Roy survived)."""
    if "Rel" in ctx.morph(token, "PronType") and token.head.dep_ in deps.RELATIVE_CLAUSE:
        antecedent = token.head.head
        return _described_name(ctx, antecedent) or antecedent
    return token


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


def polarity(ctx: DocContext, verb: Token) -> str:
    """negative under "ne" (spaCy marks it Polarity=Neg), "pas", "jamais", "non" or "not", as
    the infinitive of a verb of denial or failure ("nie avoir volé", "a empêché X de partir", "a
    échoué à racheter"), after "sans" ("sans signer l'accord") or under a negated "aller" or verb
    of success ("ne va pas retirer", "n'a pas réussi à"); "ne ... que" restricts ("n'a signé qu'un accord": one agreement was signed), it does not negate."""
    words = ctx.words
    governing = _governing_verb(verb)
    if governing in words.denial_verbs or _clause_mark(verb) in words.negative_marks:
        return "negative"  # "nie avoir volé", "sans signer l'accord"
    if governing in words.future_auxiliaries or governing in words.implicative_verbs:
        return polarity(ctx, verb.head)  # "ne va pas retirer ses troupes", "n'a pas réussi à"
    if governing in words.failure_verbs:
        return "negative" if polarity(ctx, verb.head) == "positive" else "positive"  # "a échoué à racheter"
    if _in_cleft(ctx, verb) and polarity(ctx, verb.head) == "negative":
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
    if governing in words.directive_verbs and not _past_infinitive(ctx, verb):
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
        case = case_lemma(noun)
        prospective = lemma in words.prospective_nouns and (case in words.recipient_cases or case in words.genitive_cases)
        return ("positive", "hypothetical") if prospective else ("positive", "asserted")
    # "a annulé sa visite", "a renoncé au rachat", "a appelé à la grève", "la visite a été annulée"
    case = case_lemma(noun) if noun.dep_ in deps.OBLIQUE else None
    complement = noun.dep_ in deps.OBJECT or noun.dep_ in deps.PASSIVE_SUBJECT or case in words.recipient_cases or case in words.genitive_cases
    if not complement or governor.pos_ != "VERB":
        return ("positive", "asserted")
    if lemma in words.prospective_verbs:
        return ("positive", "hypothetical")
    if lemma in words.denial_verbs and polarity(ctx, governor) == "positive":
        return ("negative", "asserted")
    if lemma in words.allegation_verbs:
        return ("positive", "reported")
    return ("positive", "asserted")


def _in_cleft(ctx: DocContext, verb: Token) -> bool:
    """``verb`` heads the relative clause of a cleft: "c'est X qui a signé" (the parser hangs it on
    X, the attribute of "est", as a relative clause or as a bare dependent)."""
    if verb.dep_ not in deps.RELATIVE_CLAUSE and verb.dep_ != "dep":
        return False
    focus = verb.head
    pronouns = ctx.words.cleft_pronouns
    return any(c.dep_ in deps.COPULA for c in focus.children) and any(
        c.dep_ in deps.SUBJECTS | deps.EXPLETIVE_SUBJECT and c.lower_ in pronouns for c in focus.children
    )


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
    return mark in marks and not _past_infinitive(ctx, verb)


def _past_infinitive(ctx: DocContext, verb: Token) -> bool:
    """"avoir volé": a past infinitive gives a cause, which happened, never a purpose."""
    return any(c.dep_ in deps.AUXILIARIES and "Inf" in ctx.morph(c, "VerbForm") for c in verb.children)


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
