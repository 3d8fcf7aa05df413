"""Reported speech: reporting verbs with indirect (ccomp) or quoted content, and "selon X" sources.

Pure functions of the document context. A claim's content is a character span; frames found inside it
are attached to the claim later instead of being asserted.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from . import deps
from .arguments import named, resolve
from .candidates import NEWS_AGENCY, PERSON_TYPE, PRONOUN, ClaimFrame, Mention
from .context import DocContext, token_span
from .syntax import is_cited, polarity, subjects

DENIAL = "Denial"
VERB_ID = POS_IDS["VERB"]
CASE_ID = get_string_id(deps.CASE)
AGENT_IDS = frozenset(get_string_id(dep) for dep in deps.AGENT)


def claim_frames(ctx: DocContext) -> tuple[ClaimFrame, ...]:
    """Every claim of the document, in text order."""
    return tuple(_claim_frames(ctx))


def _claim_frames(ctx: DocContext) -> Iterator[ClaimFrame]:
    doc, lexicon = ctx.doc, ctx.resources.lexicon
    # Persons who are subjects: the ones a later "il a ajouté" can continue.
    persons = [m for m in ctx.fixed if m.type == PERSON_TYPE and _is_subject(doc, m)]
    # Candidates are found in the token arrays: a Token for every word costs more than the rest.
    pos = ctx.pos
    for sent in ctx.sentences:
        sources = list(_sources(ctx, sent))
        hearsay = list(_hearsay(ctx, sent, sources))
        yield from hearsay
        found = bool(hearsay)
        for i in range(sent.start, sent.end):
            if pos[i] != VERB_ID:
                continue
            token = doc[i]
            stance = lexicon.reporting_stance(token.lemma_)
            if stance is None or any(claim.cue_token == token.i for claim in hearsay):
                continue
            last_person = next((m for m in reversed(persons) if m.end <= token.idx), None)
            claim = _reported(ctx, token, sent, sources, stance, last_person)
            if claim is not None:
                found = True
                yield claim
        if not found:
            yield from _according_to(ctx, sent, sources)


def _reported(
    ctx: DocContext,
    verb: Token,
    sent: Span,
    sources: list[tuple[Token, Mention]],
    stance: str,
    last_person: Mention | None,
) -> ClaimFrame | None:
    content_child = _content_child(ctx, verb, stance)
    speaker, confidence = _speaker(ctx, verb, incise=content_child is None), 0.8
    if speaker is None and _is_personal_pronoun_subject(ctx, verb):
        # "Il a ajouté que ...": the last person named before goes on speaking.
        speaker, confidence = last_person, 0.5
    elif speaker is not None and not speaker.is_named:
        confidence = 0.6
    quote = _quote_span(ctx, sent, verb)
    content_tokens = list(content_child.subtree) if content_child is not None else None
    if quote is not None and content_tokens and token_span(content_tokens)[0] <= quote[0] < token_span(content_tokens)[1]:
        quote = None  # a quoted phrase inside indirect speech: « intégrité territoriale »
    if quote is not None:
        content, is_quote = quote, True
    elif content_tokens:
        content_tokens = [t for t in content_tokens if not (t.dep_ == "mark" and t.head == content_child and t.i == content_tokens[0].i)]
        content, is_quote = token_span(content_tokens), False
    elif verb.dep_ in deps.INCISE and verb.i > verb.head.i:
        # "Les activités ... ont pris ..., rapporte Sputnik": the main clause is the content.
        main = [t for t in verb.head.subtree if t.i < verb.i and not t.is_punct and not _within(t, verb)]
        if not main:
            return None
        content, is_quote = token_span(main), False
    else:
        return None
    if speaker is None:
        return None
    speaker, source = _outlet_as_source(speaker, next((m for _, m in sources if m != speaker), None))
    negative = stance == DENIAL or polarity(ctx, verb) == "negative"
    return ClaimFrame(
        cue=_cue_text(ctx, verb),
        cue_token=verb.i,
        speaker=speaker,
        source=source,
        content=content,
        quote=is_quote,
        evidence=ctx.sentence_span(sent),
        polarity="negative" if negative else "positive",
        confidence=confidence,
    )


def _hearsay(ctx: DocContext, sent: Span, sources: list[tuple[Token, Mention]]) -> Iterator[ClaimFrame]:
    """"X a donné (démenti) l'information selon laquelle ...": the words after the relative
    pronoun are what X passes on (or denies). Matched on the surface, because the parser rarely
    makes a clause of them."""
    doc, words = sent.doc, ctx.words
    lower = ctx.lower
    markers = {get_string_id(marker) for marker in words.hearsay_markers}
    for at in range(sent.start + 1, sent.end - 2):
        if lower[at] not in markers:
            continue
        noun, token, relative = doc[at - 1], doc[at], doc[at + 1]
        if token.lower_ not in words.hearsay_markers or relative.lemma_.lower() not in words.relative_lemmas or noun.pos_ != "NOUN":
            continue
        verb = noun.head
        if verb.pos_ != "VERB" or noun.dep_ not in deps.OBJECT:
            continue
        speaker = _speaker(ctx, verb, incise=False)
        content = [t for t in doc[at + 2 : sent.end] if not t.is_space]
        while content and content[-1].is_punct:
            content.pop()
        if speaker is None or not content:
            continue
        stance = ctx.resources.lexicon.reporting_stance(verb.lemma_)
        negative = stance == DENIAL or polarity(ctx, verb) == "negative"
        yield ClaimFrame(
            cue=f"{_cue_text(ctx, verb)} {sent.doc[min(noun.left_edge.i, noun.i) : relative.i + 1].text}",
            cue_token=verb.i,
            speaker=speaker,
            source=next((m for _, m in sources if m != speaker), None),
            content=token_span(content),
            quote=False,
            evidence=ctx.sentence_span(sent),
            polarity="negative" if negative else "positive",
            confidence=0.6,
        )


def _outlet_as_source(speaker: Mention, source: Mention | None) -> tuple[Mention | None, Mention | None]:
    """"..., rapporte Sputnik", "selon Reuters": a news agency is the outlet that reports the
    claim (its source), not a person who makes it; a named source already there stays."""
    if source is None and speaker.fine_type == NEWS_AGENCY:
        return None, speaker
    return speaker, source


def _according_to(ctx: DocContext, sent: Span, sources: list[tuple[Token, Mention]]) -> Iterator[ClaimFrame]:
    """No reporting verb: "X, selon Moscou, a été motivée" makes Moscou the speaker."""
    for token, mention in sources[:1]:
        clause = token.head
        content = [t for t in clause.subtree if t not in token.subtree and not t.is_punct]
        if not content:
            continue
        case = next((c for c in token.children if c.dep_ == deps.CASE), None)
        if case is None:
            continue
        marker = sorted([case, *(f for f in case.children if f.dep_ == "fixed")], key=lambda t: t.i)
        speaker, source = _outlet_as_source(mention, None)
        yield ClaimFrame(
            cue="".join(t.text_with_ws for t in marker).strip(),
            cue_token=case.i,
            speaker=speaker,
            source=source,
            content=token_span(content),
            quote=False,
            evidence=ctx.sentence_span(sent),
            polarity="positive",
            confidence=0.6,
        )


def _sources(ctx: DocContext, sent: Span) -> Iterator[tuple[Token, Mention]]:
    """Outlets named by "selon X", "d'après X" or "cité par X"."""
    # Only a token with a preposition ("case") or an agent can be a source: skip the rest cheaply.
    dep, head = ctx.dep, ctx.head
    words = range(sent.start, sent.end)
    case_heads = {head[i] for i in words if dep[i] == CASE_ID}
    for i in words:
        if i not in case_heads and dep[i] not in AGENT_IDS:
            continue
        token = sent.doc[i]
        cited = token.dep_ in deps.AGENT and token.head.lower_ in ctx.words.cited_forms
        if is_cited(ctx, token) or cited:
            mention = named(ctx, token)
            if mention is not None:
                yield token, mention


def _content_child(ctx: DocContext, verb: Token, stance: str) -> Token | None:
    """The clause (or, after a verb of denial, the noun phrase) that the verb reports."""
    for child in verb.children:
        if child.dep_ in deps.REPORTED_CLAUSE or _bare_infinitive_clause(ctx, child):
            return child
        # "a expliqué qu'une telle action n'est pas ...": a clause the parser took for an object.
        if child.dep_ in deps.OBJECT and (stance == DENIAL or any(c.dep_ == "mark" for c in child.children)):
            return child
    return None


def _bare_infinitive_clause(ctx: DocContext, child: Token) -> bool:
    """"a annoncé être parvenu à un accord", "affirme avoir reçu des menaces": an infinitive the
    parser hung as an adverbial clause, with no preposition ("pour", "afin de") before it."""
    if child.dep_ != "advcl" or child.pos_ != "VERB" or any(c.dep_ in ("mark", "case") for c in child.children):
        return False
    forms = [child, *(c for c in child.children if c.dep_.startswith("aux"))]
    return any("Inf" in ctx.morph(t, "VerbForm") for t in forms) and child.i > child.head.i


def _is_subject(doc: Doc, mention: Mention) -> bool:
    return any(t.dep_ in deps.SUBJECTS for t in doc[mention.first_token : mention.last_token + 1])


def _within(token: Token, ancestor: Token) -> bool:
    return token == ancestor or ancestor.is_ancestor(token)


def _is_personal_pronoun_subject(ctx: DocContext, verb: Token) -> bool:
    pronouns = ctx.words.speaker_pronouns
    return any(c.dep_ in deps.ACTIVE_SUBJECT and c.pos_ == "PRON" and c.lower_ in pronouns for c in verb.children)


def _speaker(ctx: DocContext, verb: Token, incise: bool) -> Mention | None:
    incise = incise and verb.dep_ in deps.INCISE and verb.i > verb.head.i
    for subject in [c for c in verb.children if c.dep_ in deps.ACTIVE_SUBJECT] if incise else subjects(ctx, verb):
        mention = named(ctx, subject) or resolve(ctx, subject, allow_concept=False)
        # An unresolved pronoun is left to the caller, which knows who spoke last.
        if mention is not None and mention.type != PRONOUN:
            return mention
    for child in verb.children:
        if child.i > verb.i and child.dep_ in deps.INVERTED_SPEAKER and child.pos_ == "PROPN":
            mention = named(ctx, child)
            if mention is not None:
                return mention
    return None


def _quote_span(ctx: DocContext, sent: Span, verb: Token) -> tuple[int, int] | None:
    """The text between quotation marks in ``sent`` when ``verb`` stands outside them."""
    text = ctx.text[sent.start_char : sent.end_char]
    for opening, closing in ctx.words.quote_pairs:
        start = text.find(opening)
        end = text.find(closing, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            continue
        abs_start, abs_end = sent.start_char + start + 1, sent.start_char + end
        if abs_start <= verb.idx < abs_end:
            continue
        inner = text[start + 1 : end]
        lead = len(inner) - len(inner.lstrip())
        return (abs_start + lead, abs_start + len(inner.rstrip()))
    return None


def _cue_text(ctx: DocContext, verb: Token) -> str:
    negators = ctx.words.cue_negators
    parts = [c for c in verb.children if c.dep_.startswith("aux") or (c.dep_ == "advmod" and c.lemma_.lower() in negators)]
    tokens = sorted([verb, *parts], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)
