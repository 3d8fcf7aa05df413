"""Reported speech: reporting verbs with indirect (ccomp) or quoted content, and "selon X" sources.

Pure functions over a parsed Doc. A claim's content is a character span; frames found inside it
are attached to the claim later instead of being asserted.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..language.lexicon import Lexicon
from .arguments import MentionIndex
from .frames import ClaimFrame, TokenArrays, sentence_span, sentences, token_arrays, token_span
from .mentions import PRONOUN, Mention
from .relations import polarity, subjects
from .tokens import morph_get

CONTENT_DEPS = frozenset({"ccomp", "xcomp"})
SOURCE_MARKERS = frozenset({"selon", "d'après", "according to"})
# The words of those markers that carry them ("après" of "d'après", "according").
SOURCE_WORDS = frozenset({"selon", "après", "according"})
NEWS_AGENCY = "NewsAgency"
# Speakers placed after the verb in an incise: "« ... », a affirmé Choïgu" / "rapporte Sputnik".
INVERTED_SPEAKER_DEPS = frozenset({"nsubj", "dep", "obj", "appos", "nmod"})
# Reporting verbs that follow the clause they report: "..., rapporte Sputnik", "..., a indiqué X".
INCISE_DEPS = frozenset({"advcl", "parataxis", "conj"})
OBJECT_DEPS = frozenset({"obj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
AGENT_DEPS = frozenset({"obl:agent"})
# "cité par Reuters"; the parser sometimes takes the participle for the noun "cité".
CITED_FORMS = frozenset({"cité", "citée", "cités", "citées", "quoted", "cited"})
PERSONAL_PRONOUNS = frozenset({"il", "elle", "he", "she"})
# "l'information selon laquelle ...", "la rumeur selon laquelle ...".
HEARSAY_MARKERS = frozenset({"selon"})
RELATIVE_LEMMAS = frozenset({"lequel", "laquelle", "lesquels", "lesquelles"})
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
DENIAL = "Denial"
VERB_ID = POS_IDS["VERB"]
CASE_ID = get_string_id("case")
AGENT_IDS = frozenset(get_string_id(dep) for dep in AGENT_DEPS)
HEARSAY_IDS = frozenset(get_string_id(marker) for marker in HEARSAY_MARKERS)


def claim_frames(doc: Doc, index: MentionIndex, lexicon: Lexicon) -> Iterator[ClaimFrame]:
    # Persons who are subjects: the ones a later "il a ajouté" can continue.
    persons = [m for m in index.mentions if m.type == "Person" and _is_subject(doc, m)]
    # Candidates are found in the token arrays: a Token for every word costs more than the rest.
    arrays = token_arrays(doc)
    pos = arrays.pos
    lang = doc.lang_
    for sent in sentences(doc):
        sources = list(_sources(sent, index, arrays))
        hearsay = list(_hearsay(sent, index, sources, lexicon, arrays))
        yield from hearsay
        found = bool(hearsay)
        for i in range(sent.start, sent.end):
            if pos[i] != VERB_ID:
                continue
            token = doc[i]
            stance = lexicon.reporting_stance(lang, token.lemma_)
            if stance is None or any(claim.cue_token == token.i for claim in hearsay):
                continue
            last_person = next((m for m in reversed(persons) if m.end <= token.idx), None)
            claim = _reported(token, sent, index, sources, stance, last_person)
            if claim is not None:
                found = True
                yield claim
        if not found:
            yield from _according_to(sent, sources)


def _reported(
    verb: Token,
    sent: Span,
    index: MentionIndex,
    sources: list[tuple[Token, Mention]],
    stance: str,
    last_person: Mention | None,
) -> ClaimFrame | None:
    content_child = _content_child(verb, stance)
    speaker, confidence = _speaker(verb, index, incise=content_child is None), 0.8
    if speaker is None and _is_personal_pronoun_subject(verb):
        # "Il a ajouté que ...": the last person named before goes on speaking.
        speaker, confidence = last_person, 0.5
    elif speaker is not None and not speaker.is_named:
        confidence = 0.6
    quote = _quote_span(sent, verb)
    content_tokens = list(content_child.subtree) if content_child is not None else None
    if quote is not None and content_tokens and token_span(content_tokens)[0] <= quote[0] < token_span(content_tokens)[1]:
        quote = None  # a quoted phrase inside indirect speech: « intégrité territoriale »
    if quote is not None:
        content, is_quote = quote, True
    elif content_tokens:
        content_tokens = [t for t in content_tokens if not (t.dep_ == "mark" and t.head == content_child and t.i == content_tokens[0].i)]
        content, is_quote = token_span(content_tokens), False
    elif verb.dep_ in INCISE_DEPS and verb.i > verb.head.i:
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
    negative = stance == DENIAL or polarity(verb) == "negative"
    return ClaimFrame(
        cue=_cue_text(verb),
        cue_token=verb.i,
        speaker=speaker,
        source=source,
        content=content,
        quote=is_quote,
        evidence=sentence_span(sent),
        polarity="negative" if negative else "positive",
        confidence=confidence,
    )


def _hearsay(
    sent: Span, index: MentionIndex, sources: list[tuple[Token, Mention]], lexicon: Lexicon, arrays: TokenArrays
) -> Iterator[ClaimFrame]:
    """"X a donné (démenti) l'information selon laquelle ...": the words after the relative
    pronoun are what X passes on (or denies). Matched on the surface, because the parser rarely
    makes a clause of them."""
    doc = sent.doc
    lower = arrays.lower
    for at in range(sent.start + 1, sent.end - 2):
        if lower[at] not in HEARSAY_IDS:
            continue
        noun, token, relative = doc[at - 1], doc[at], doc[at + 1]
        if token.lower_ not in HEARSAY_MARKERS or relative.lemma_.lower() not in RELATIVE_LEMMAS or noun.pos_ != "NOUN":
            continue
        verb = noun.head
        if verb.pos_ != "VERB" or noun.dep_ not in OBJECT_DEPS:
            continue
        speaker = _speaker(verb, index, incise=False)
        content = [t for t in doc[at + 2 : sent.end] if not t.is_space]
        while content and content[-1].is_punct:
            content.pop()
        if speaker is None or not content:
            continue
        stance = lexicon.reporting_stance(sent.doc.lang_, verb.lemma_)
        negative = stance == DENIAL or polarity(verb) == "negative"
        yield ClaimFrame(
            cue=f"{_cue_text(verb)} {sent.doc[min(noun.left_edge.i, noun.i) : relative.i + 1].text}",
            cue_token=verb.i,
            speaker=speaker,
            source=next((m for _, m in sources if m != speaker), None),
            content=token_span(content),
            quote=False,
            evidence=sentence_span(sent),
            polarity="negative" if negative else "positive",
            confidence=0.6,
        )


def _outlet_as_source(speaker: Mention, source: Mention | None) -> tuple[Mention | None, Mention | None]:
    """"..., rapporte Sputnik", "selon Reuters": a news agency is the outlet that reports the
    claim (its source), not a person who makes it; a named source already there stays."""
    if source is None and speaker.fine_type == NEWS_AGENCY:
        return None, speaker
    return speaker, source


def is_source_marker(cue: str) -> bool:
    """"selon", "d'après" (any apostrophe, any case), "according to"."""
    return cue.strip().lower().replace("’", "'") in SOURCE_MARKERS


def is_cited(token: Token) -> bool:
    """``token`` follows "selon", "d'après" or "according to": the one cited, not a participant."""
    case = [t for c in token.children if c.dep_ == "case" for t in (c, *(f for f in c.children if f.dep_ == "fixed"))]
    if not any(t.lower_ in SOURCE_WORDS for t in case):
        return False  # the cheap test first: most prepositions cite nothing
    return is_source_marker("".join(t.text_with_ws for t in sorted(case, key=lambda t: t.i)))


def _according_to(sent: Span, sources: list[tuple[Token, Mention]]) -> Iterator[ClaimFrame]:
    """No reporting verb: "X, selon Moscou, a été motivée" makes Moscou the speaker."""
    for token, mention in sources[:1]:
        clause = token.head
        content = [t for t in clause.subtree if t not in token.subtree and not t.is_punct]
        if not content:
            continue
        case = next((c for c in token.children if c.dep_ == "case"), None)
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
            evidence=sentence_span(sent),
            polarity="positive",
            confidence=0.6,
        )


def _sources(sent: Span, index: MentionIndex, arrays: TokenArrays) -> Iterator[tuple[Token, Mention]]:
    """Outlets named by "selon X", "d'après X" or "cité par X"."""
    # Only a token with a preposition ("case") or an agent can be a source: skip the rest cheaply.
    dep, head = arrays.dep, arrays.head
    words = range(sent.start, sent.end)
    case_heads = {head[i] for i in words if dep[i] == CASE_ID}
    for i in words:
        if i not in case_heads and dep[i] not in AGENT_IDS:
            continue
        token = sent.doc[i]
        cited = token.dep_ in AGENT_DEPS and token.head.lower_ in CITED_FORMS
        if is_cited(token) or cited:
            mention = index.named(token)
            if mention is not None:
                yield token, mention


def _content_child(verb: Token, stance: str) -> Token | None:
    """The clause (or, after a verb of denial, the noun phrase) that the verb reports."""
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS or _bare_infinitive_clause(child):
            return child
        # "a expliqué qu'une telle action n'est pas ...": a clause the parser took for an object.
        if child.dep_ in OBJECT_DEPS and (stance == DENIAL or any(c.dep_ == "mark" for c in child.children)):
            return child
    return None


def _bare_infinitive_clause(child: Token) -> bool:
    """"a annoncé être parvenu à un accord", "affirme avoir reçu des menaces": an infinitive the
    parser hung as an adverbial clause, with no preposition ("pour", "afin de") before it."""
    if child.dep_ != "advcl" or child.pos_ != "VERB" or any(c.dep_ in ("mark", "case") for c in child.children):
        return False
    forms = [child, *(c for c in child.children if c.dep_.startswith("aux"))]
    return any("Inf" in morph_get(t, "VerbForm") for t in forms) and child.i > child.head.i


def _is_subject(doc: Doc, mention: Mention) -> bool:
    return any(t.dep_ in SUBJECT_DEPS for t in doc[mention.first_token : mention.last_token + 1])


def _within(token: Token, ancestor: Token) -> bool:
    return token == ancestor or ancestor.is_ancestor(token)


def _is_personal_pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ in PERSONAL_PRONOUNS for c in verb.children)


def _speaker(verb: Token, index: MentionIndex, incise: bool) -> Mention | None:
    incise = incise and verb.dep_ in INCISE_DEPS and verb.i > verb.head.i
    for subject in [c for c in verb.children if c.dep_ == "nsubj"] if incise else subjects(verb):
        mention = index.named(subject) or index.resolve(subject, allow_concept=False)
        # An unresolved pronoun is left to the caller, which knows who spoke last.
        if mention is not None and mention.type != PRONOUN:
            return mention
    for child in verb.children:
        if child.i > verb.i and child.dep_ in INVERTED_SPEAKER_DEPS and child.pos_ == "PROPN":
            mention = index.named(child)
            if mention is not None:
                return mention
    return None


def _quote_span(sent: Span, verb: Token) -> tuple[int, int] | None:
    """The text between quotation marks in ``sent`` when ``verb`` stands outside them."""
    text = sent.text
    for opening, closing in QUOTE_PAIRS.items():
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


def _cue_text(verb: Token) -> str:
    parts = [c for c in verb.children if c.dep_.startswith("aux") or (c.dep_ == "advmod" and c.lemma_.lower() in ("ne", "pas"))]
    tokens = sorted([verb, *parts], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)
