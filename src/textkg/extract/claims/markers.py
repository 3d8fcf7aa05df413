"""Claims without a reporting verb: "selon X" and "d'après X" (X a speaker, or the outlet when it
is a news agency; "selon le communiqué du ministère" cites the ministry), "Pour X, ..." (X's view),
and "X a donné l'information selon laquelle ..." (what X passes on)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

from spacy.strings import get_string_id
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .. import deps
from ..arguments import named
from ..candidates import NEWS_AGENCY, ClaimFrame, Mention
from ..context import DocContext, token_span
from ..mood import polarity
from ..syntax import case_is_genitive, is_cited
from .attribution import is_speaking, speaker, speaker_mention
from .content import CLAUSE, Said, quoted
from .quotes import quote_before, quote_opening_at

DENIAL = "Denial"
# How far after a quotation its own incise may start ("» , a-t-il ajouté").
MAX_FOLLOWING = 3
# Clauses set beside the main one: "L'annonce est tombée, le groupe va fermer ...".
JUXTAPOSED = frozenset({"advcl", "parataxis", "conj", "ccomp"})
STATEMENT = "Statement"
CASE_ID = get_string_id(deps.CASE)
AGENT_IDS = frozenset(get_string_id(dep) for dep in deps.AGENT)


@dataclass(frozen=True)
class Citation:
    """"selon X": the token X heads, the marker's words, and who X is: the speaker, or the outlet."""

    token: Token
    marker: tuple[Token, ...]
    speaker: Mention | None
    source: Mention | None


def citations(ctx: DocContext, sent: SpacySpan) -> Iterator[Citation]:
    """Every "selon X", "d'après X" and "cité par X" of the sentence."""
    # Only a token with a preposition ("case") or an agent can be cited: skip the rest cheaply.
    dep, head = ctx.dep, ctx.head
    words = range(sent.start, sent.end)
    case_heads = {head[i] for i in words if dep[i] == CASE_ID}
    for i in words:
        if i not in case_heads and dep[i] not in AGENT_IDS:
            continue
        token = ctx.tokens[i]
        if token.dep_ in deps.AGENT and token.head.lower_ in ctx.words.cited_forms:
            marker = (token.head,)
        elif is_cited(ctx, token):
            case = next(c for c in token.children if c.dep_ == deps.CASE)
            marker = tuple(sorted([case, *(f for f in case.children if f.dep_ == "fixed")], key=lambda t: t.i))
        else:
            continue
        who = _cited(ctx, token)
        if who is None:
            continue
        if who.fine_type == NEWS_AGENCY:
            yield Citation(token, marker, None, who)
        else:
            yield Citation(token, marker, who, None)


def _cited(ctx: DocContext, token: Token) -> Mention | None:
    """Who "selon X" cites: X if X can speak, or for a text ("le communiqué du ministère", "un
    rapport établi par l'institut", "d'autres témoignages") the one who wrote it when the sentence
    says so, else the text itself. "Selon l'accord" cites nobody."""
    mention = named(ctx, token)
    if mention is not None:
        return mention if is_speaking(ctx, mention) else None
    if token.lemma_.lower() in ctx.words.speech_nouns:
        for child in token.children:
            if child.dep_ in deps.NOUN_MODIFIER and case_is_genitive(ctx, child):
                author = speaker_mention(ctx, child)
                if is_speaking(ctx, author):
                    return author
            if child.dep_ in deps.PARTICIPLE_MODIFIER:
                agent = next((g for g in child.children if g.dep_ in deps.AGENT), None)
                if agent is not None:
                    return speaker_mention(ctx, agent)
        return speaker_mention(ctx, token)
    mention = speaker_mention(ctx, token)
    return mention if is_speaking(ctx, mention) else None


def according_to(ctx: DocContext, sent: SpacySpan, citation: Citation, covered: set[int]) -> ClaimFrame | None:
    """"Selon X, ...": what X is cited for is the quotation before the marker ("« ... » selon X"),
    or the clause the marker hangs on, unless a reporting verb already claims it."""
    first = citation.marker[0]
    quote = quote_before(ctx, first.i)
    if quote is not None:
        said = quoted(quote)
    else:
        clause = citation.token.head
        if clause.i in covered or citation.token == clause:
            return None
        marker = set(t.i for t in citation.token.subtree) | {t.i for t in citation.marker}
        tokens = [t for t in clause.subtree if t.i not in marker and not t.is_space]
        said = _trimmed(ctx, tokens)
        if said is None:
            return None
    cue = "".join(t.text_with_ws for t in citation.marker).strip()
    return claim_frame(ctx, sent, cue, first.i, citation.speaker, citation.source, said, 0.6)


def opinion(ctx: DocContext, sent: SpacySpan, covered: set[int]) -> ClaimFrame | None:
    """"Pour le syndicat, la réforme est une erreur": a fronted "pour" and a comma (or a colon)
    give the rest of the sentence as the view of who follows "pour", if that can speak."""
    words = list(islice((t for t in ctx.tokens[sent.start : sent.end] if not t.is_space), 4))  # the first four are enough
    if len(words) < 4 or words[0].lower_ not in ctx.words.opinion_markers or words[0].dep_ != deps.CASE:
        return None
    holder = words[0].head
    end = max(t.i for t in holder.subtree)
    after = ctx.tokens[end + 1] if end + 1 < sent.end else None
    if after is None or after.text not in (",", ":") or holder.head.i in covered:
        return None
    who = speaker_mention(ctx, holder)
    # "Pour les habitants, la rue sera fermée" is for whom, not whose view: a view holder is named
    # or one ("le syndicat", "l'organisation").
    if not is_speaking(ctx, who) or (not who.is_named and "Plur" in ctx.morph(holder, "Number")):
        return None
    said = _trimmed(ctx, [t for t in ctx.tokens[after.i + 1 : sent.end] if not t.is_space])
    if said is None:
        return None
    return claim_frame(ctx, sent, words[0].text, words[0].i, who, None, said, 0.6)


def announcement(ctx: DocContext, sent: SpacySpan, covered: set[int]) -> ClaimFrame | None:
    """"L'annonce est tombée ce matin, le groupe va fermer trois usines", "La nouvelle a été
    confirmée : ...": a verb whose subject is a text noun, and a clause of its own on the other
    side of a comma or a colon, which is what the text says (the parser hangs either on the other)."""
    if not ctx.uses_any(ctx.words.speech_nouns):
        return None  # no text to announce anything
    root = ctx.tokens[sent.root.i]
    if root.pos_ not in deps.CLAUSE_POS:
        return None  # "Le bilan est lourd, on recense ...": a copula says how things are
    pairs = [*((root, c) for c in root.children if c.i > root.i), *((c, root) for c in root.children if c.i < root.i)]
    for announcing, said in pairs:
        subject = next((c for c in announcing.children if c.dep_ in deps.SUBJECTS), None)
        if (
            subject is None
            or subject.lemma_.lower() not in ctx.words.speech_nouns
            or said.dep_ not in JUXTAPOSED and said is not root
            or {announcing.i, said.i} & covered
            or any(c.dep_ in deps.OBJECT for c in announcing.children)
            or not any(c.dep_ in deps.SUBJECTS for c in said.children)
        ):
            continue
        if said is root:
            between = ctx.tokens[announcing.right_edge.i + 1 : said.i]
        else:
            between = ctx.tokens[announcing.i + 1 : said.left_edge.i]
        if not any(t.text in (",", ":") for t in between):
            continue
        own = {t.i for t in announcing.subtree} if said is root else set()
        content = _trimmed(ctx, [t for t in said.subtree if t.i not in own and not t.is_space and t.i > subject.i])
        if content is None:
            continue
        cue = sent.doc[subject.left_edge.i : announcing.i + 1].text
        return claim_frame(ctx, sent, cue, announcing.i, _cited(ctx, subject), None, content, 0.5)
    return None


def headline_quote(ctx: DocContext, sent: SpacySpan, covered: set[int]) -> ClaimFrame | None:
    """"Anne Roy : « Nous ne céderons pas »": a name that can speak, a colon, and a quotation
    (the way headlines and captions quote)."""
    opening = next((t for t in ctx.tokens[sent.start : sent.end] if not t.is_space), None)
    first = ctx.fixed_at.get(opening.i) if opening is not None else None
    if first is None or first.first_token != opening.i or not is_speaking(ctx, first):
        return None
    colon = first.last_token + 1
    if colon >= sent.end or ctx.tokens[colon].text != ":" or colon in covered:
        return None
    quote = quote_opening_at(ctx, colon + 1)
    if quote is None or quote.opening != colon + 1 or quote.opening in covered:
        return None
    return claim_frame(ctx, sent, ":", colon, first, None, quoted(quote), 0.6)


def continued_quote(ctx: DocContext, sent: SpacySpan, previous: ClaimFrame | None, covered: set[int]) -> ClaimFrame | None:
    """A sentence that is a quotation and nothing else, right after a sentence of the same
    paragraph whose claim names its speaker: the same speaker goes on ("X a déclaré que ... .
    « ... »")."""
    if previous is None or previous.speaker is None:
        return None
    words = [t for t in ctx.tokens[sent.start : sent.end] if not t.is_space]
    while words and words[-1].is_punct and not _closes_quote(ctx, words[-1]):
        words.pop()
    # Right after the previous sentence, in the same paragraph (no line break between).
    if not words or words[0].i in covered or sent.start == 0 or "\n" in ctx.text[ctx.tokens[sent.start - 1].idx : words[0].idx]:
        return None
    quote = quote_opening_at(ctx, words[0].i)
    if quote is None or quote.opening != words[0].i or quote.closing < words[-1].i:
        return None
    # "« ... » a déclaré X" in the next sentence (the parser may cut at the mark): its own cue.
    following = next((t for t in ctx.tokens[quote.closing + 1 : quote.closing + 1 + MAX_FOLLOWING] if not t.is_punct and not t.is_space), None)
    if following is not None and following.pos_ in deps.CLAUSE_POS:
        return None
    return replace(
        previous, content=quote.span, quote=True, evidence=ctx.sentence_span(sent), cue_token=quote.opening,
        confidence=0.5, cue_is_event=False,
    )


def hearsay(ctx: DocContext, sent: SpacySpan, source: Mention | None) -> Iterator[ClaimFrame]:
    """"X a donné (démenti) l'information selon laquelle ...": the words after the relative
    pronoun are what X passes on (or denies). Matched on the surface, because the parser rarely
    makes a clause of them."""
    doc, words, lower = sent.doc, ctx.words, ctx.lower
    markers = {get_string_id(marker) for marker in words.hearsay_markers}
    for at in range(sent.start + 1, sent.end - 2):
        if lower[at] not in markers:
            continue
        noun, relative = ctx.tokens[at - 1], ctx.tokens[at + 1]
        if relative.lemma_.lower() not in words.relative_lemmas or noun.pos_ != "NOUN":
            continue
        verb = noun.head
        if verb.pos_ != "VERB" or noun.dep_ not in deps.OBJECT:
            continue
        who = speaker(ctx, verb)
        said = _trimmed(ctx, [t for t in ctx.tokens[at + 2 : sent.end] if not t.is_space])
        if not is_speaking(ctx, who) or said is None:
            continue
        stance = ctx.resources.lexicon.reporting_stance(verb.lemma_) or STATEMENT
        cue = f"{cue_text(ctx, verb)} {doc[min(noun.left_edge.i, noun.i) : relative.i + 1].text}"
        yield claim_frame(ctx, sent, cue, verb.i, who, source, said, 0.6, stance, verb)


def _trimmed(ctx: DocContext, tokens: list[Token]) -> Said | None:
    """The content of ``tokens`` without the punctuation at its edges; the quotation, if that is
    all it is."""
    while tokens and tokens[-1].is_punct and not _closes_quote(ctx, tokens[-1]):
        tokens.pop()
    while tokens and tokens[0].is_punct and quote_opening_at(ctx, tokens[0].i) is None:
        tokens.pop(0)
    if not tokens:
        return None
    quote = quote_opening_at(ctx, tokens[0].i)
    if quote is not None and quote.closing >= tokens[-1].i - 1:
        return quoted(quote)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return Said(token_span(tokens), CLAUSE, tokens[0].i, tokens[-1].i) if tokens else None


def _closes_quote(ctx: DocContext, token: Token) -> bool:
    return any(token.text == closing for _, closing in ctx.words.quote_pairs)


def cue_text(ctx: DocContext, verb: Token) -> str:
    """The reporting verb with its auxiliaries and negation: "a déclaré", "n'a pas confirmé"."""
    negators = ctx.words.cue_negators
    parts = [c for c in verb.children if c.dep_.startswith("aux") or (c.dep_ == "advmod" and c.lemma_.lower() in negators)]
    return " ".join(t.text for t in sorted([verb, *parts], key=lambda t: t.i))


def claim_frame(
    ctx: DocContext,
    sent: SpacySpan,
    cue: str,
    cue_token: int,
    who: Mention | None,
    source: Mention | None,
    said: Said,
    confidence: float,
    stance: str = STATEMENT,
    verb: Token | None = None,
) -> ClaimFrame:
    negative = stance == DENIAL or (verb is not None and polarity(ctx, verb) == "negative")
    return ClaimFrame(
        cue=cue,
        cue_token=cue_token,
        speaker=who,
        source=source,
        content=said.span,
        quote=said.quote,
        evidence=ctx.sentence_span(sent),
        polarity="negative" if negative else "positive",
        confidence=confidence,
        stance=stance,
    )
