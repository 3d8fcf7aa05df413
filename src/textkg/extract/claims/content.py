"""What a reporting verb reports: the whole completive clause ("a déclaré que ..."), an infinitive
("a promis de publier le rapport"), the quotation it introduces or follows ("a déclaré : « ... »",
"« ... », a-t-il ajouté"), the noun phrase of a verb of stance ("a dénoncé la corruption"), or the
main clause its incise comments ("..., rapporte Nova", "... comme le précise X")."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ...records import Span, broad_type
from .. import deps
from ..arguments import named
from ..context import DocContext, token_span
from ..syntax import case_is_genitive
from .cues import Cue
from .quotes import Quote, passages, quote_after, quote_at, quote_before, quote_opening_at

# Classes of what is a participant, not something said: "a condamné l'accusé" sentences someone.
PARTICIPANT_CLASSES = frozenset({"Person", "Organization", "Place"})
CLAUSAL_POS = frozenset({"VERB", "AUX", "ADJ"})
EVENT_CLASS = "Event"
# Denying a bare noun phrase still denies something said ("a démenti les faits").
DENIAL = "Denial"
NOUN_COMPLEMENTS = frozenset({"nmod", "amod", "acl", "acl:relcl", "appos", "nummod"})
# What a verb of stance adds after its object and still reports: "pour rouvrir l'école", "à
# Villeneuve", "de poursuites".
ARGUMENT_AFTER_OBJECT = frozenset({"obl", "obl:arg", "obl:mod", "advcl", "xcomp", "iobj"})


# What a content is: a quotation, a clause, the noun phrase object of a verb of stance, the
# main clause an incise comments.
QUOTATION, CLAUSE, OBJECT, COMMENTED = "quotation", "clause", "object", "commented"


@dataclass(frozen=True)
class Said:
    """One content of a cue: its characters, what it is, the tokens it covers, and whether it
    comes before the cue (an incise: the speaker may follow the verb)."""

    span: Span
    kind: str
    first: int
    last: int
    inverted: bool = False
    # Between quotation marks: a quotation, or a noun phrase quoted ("a dénoncé « une campagne »").
    quote: bool = False

    @property
    def tokens(self) -> range:
        return range(self.first, self.last + 1)


def quoted(quote: Quote, inverted: bool = False) -> Said:
    return Said(quote.span, QUOTATION, quote.opening, quote.closing, inverted, quote=True)


def verb_contents(ctx: DocContext, verb: Token, cue: Cue) -> tuple[Said, ...]:
    """The contents ``verb`` (a reporting ``cue``) reports, first the one it governs; a
    quotation that a colon sets after its clause or its incise is a second one ("a précisé que ...
    : « ... »", "comme le précise X : « ... »"); a mark of omission between two sentences cuts a
    content in two. Empty when it reports nothing."""
    return tuple(piece for said in _contents(ctx, verb, cue) for piece in _passages(ctx, said))


def _contents(ctx: DocContext, verb: Token, cue: Cue) -> tuple[Said, ...]:
    sentence_end = ctx.sentence_of(verb.i).end
    reported = _reported_object(ctx, verb, cue)
    if reported is not None:
        return (reported,)
    clause = content_clause(ctx, verb)
    if clause is None and _is_incise(ctx, verb):
        quote = quote_before(ctx, verb.i)
        if quote is not None:
            return (quoted(quote, inverted=True),)  # "« ... », a-t-il ajouté"
        # "Les travaux ... ont repris ..., rapporte Nova": the main clause is the content.
        main = [t for t in verb.head.subtree if t.i < verb.i and not t.is_punct and not t.is_space and not _within(t, verb)]
        if main:
            commented = Said(token_span(main), COMMENTED, main[0].i, main[-1].i, inverted=True)
            after = quote_after(ctx, verb.i, sentence_end)
            return (commented, quoted(after)) if after is not None else (commented,)
    if clause is None and _comments(ctx, verb):
        # "bien que, comme le rappelle X, « ... »": X recalls what the quotation after it says.
        after = quote_after(ctx, verb.i, sentence_end, speaker_after=True)
        if after is not None:
            return (quoted(after, inverted=True),)
    quote = quote_after(ctx, verb.i, sentence_end)
    if quote is not None and (clause is None or quote.opening <= clause.left_edge.i <= quote.closing):
        return (quoted(quote),)  # "a déclaré : « ... »", whatever the parser made of the words inside
    if clause is not None:
        said = _clause_said(ctx, clause, sentence_end)
        after = quote_after(ctx, said.last, sentence_end)
        colon = after is not None and ctx.tokens[after.opening - 1].text == ":"
        return (said, quoted(after)) if colon and after.opening > said.last else (said,)
    quote = quote_before(ctx, verb.i)
    if quote is not None:
        return (quoted(quote, inverted=True),)  # "« ... » a déclaré X"
    return ()


def _passages(ctx: DocContext, said: Said) -> list[Said]:
    pieces = passages(ctx, said.span)
    if len(pieces) == 1:
        return [said]
    return [replace(said, span=piece) for piece in pieces]


def content_clause(ctx: DocContext, verb: Token) -> Token | None:
    """The clause ``verb`` reports: a completive or infinitive ("que ...", "de remettre ...",
    "être parvenu à"), or a clause the parser took for an object ("qu'une telle action ...")."""
    for child in verb.children:
        if (child.dep_ in deps.REPORTED_CLAUSE and _is_clausal(child)) or _bare_infinitive_clause(ctx, child):
            return child
        if child.dep_ in deps.OBJECT and any(c.dep_ == "mark" for c in child.children):
            return child
    return None


def _is_clausal(head: Token) -> bool:
    """A verb, an adjective ("se dit rassuré") or a predicate with a copula or a conjunction; not a
    noun the parser took for a clause ("a condamné l'accusé")."""
    return head.pos_ in CLAUSAL_POS or any(c.dep_ in deps.COPULA or c.dep_ == "mark" for c in head.children)


def _clause_said(ctx: DocContext, clause: Token, sentence_end: int) -> Said:
    tokens = [t for t in clause.subtree if not t.is_space]
    # The conjunction that opens it ("que") is not what was said; a quotation that opens it is.
    while tokens and tokens[0].dep_ == "mark" and tokens[0].head == clause:
        tokens.pop(0)
    quote = quote_opening_at(ctx, tokens[0].i) if tokens else None
    if quote is not None:
        return quoted(quote)
    # "a précisé que ... : « ... »": a quotation after a colon is a content of its own, even
    # when the parser hangs it in the clause.
    colon = next((k for k, t in enumerate(tokens[:-1]) if t.text == ":" and quote_opening_at(ctx, tokens[k + 1].i)), None)
    if colon is not None:
        tokens = tokens[:colon]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    # "s'est dit déterminé à « combattre ... »": a quotation right after the clause ends it.
    follow = quote_after(ctx, tokens[-1].i, sentence_end)
    if follow is not None and follow.opening == tokens[-1].i + 1:
        return Said((token_span(tokens)[0], follow.span[1]), QUOTATION, tokens[0].i, follow.closing, quote=True)
    return Said(token_span(tokens), CLAUSE, tokens[0].i, tokens[-1].i)


def _bare_infinitive_clause(ctx: DocContext, child: Token) -> bool:
    """"a annoncé être parvenu à un accord", "affirme avoir reçu des menaces": an infinitive the
    parser hung as an adverbial clause, with no preposition ("pour", "afin de") before it."""
    if child.dep_ != "advcl" or child.pos_ != "VERB" or any(c.dep_ in ("mark", "case") for c in child.children):
        return False
    forms = [child, *(c for c in child.children if c.dep_.startswith("aux"))]
    return any("Inf" in ctx.morph(t, "VerbForm") for t in forms) and child.i > child.head.i


def _reported_object(ctx: DocContext, verb: Token, cue: Cue) -> Said | None:
    """The noun phrase a verb of stance reports ("a dénoncé la corruption", "a nié toute
    intention", "se sont félicités du résultat"), unless it names a participant ("a condamné
    l'accusé", "a salué le président"); with what the verb adds after it up to a punctuation mark
    ("réclament des fonds pour rouvrir l'école")."""
    if cue.lemma not in ctx.words.reported_object_lemmas:
        return None
    objects = [c for c in verb.children if c.dep_ in deps.OBJECT]
    if not objects:
        objects = [c for c in verb.children if c.dep_ == "obl:arg" and case_is_genitive(ctx, c)]
    noun = next((c for c in objects if c.pos_ in deps.NOMINAL_POS), None)
    if noun is None or _names_participant(ctx, noun):
        return None
    quote = quote_at(ctx, noun.i)
    if quote is not None and quote.opening == noun.left_edge.i - 1:
        return Said(quote.span, OBJECT, quote.opening, quote.closing, quote=True)  # "a dénoncé « la furie ... »"
    if cue.stance != DENIAL and not _says_something(ctx, noun):
        return None
    first, last = noun.left_edge.i, noun.right_edge.i
    for child in verb.children:
        # A clause after it says why or what for ("pour libérer"); one with no conjunction is the
        # speaker's next act ("..., affirmant : « ... »").
        clause_without_mark = child.pos_ in CLAUSAL_POS and not any(c.dep_ in ("mark", deps.CASE) for c in child.children)
        if (
            child.i > last
            and child.dep_ in ARGUMENT_AFTER_OBJECT
            and not clause_without_mark
            and not _punctuation_between(verb.doc, last, child.left_edge.i)
        ):
            last = child.right_edge.i
    tokens = [t for t in ctx.tokens[first : last + 1] if not t.is_space]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    return Said(token_span(tokens), OBJECT, tokens[0].i, tokens[-1].i)


def _punctuation_between(doc, start: int, end: int) -> bool:
    return any(t.is_punct for t in doc[start + 1 : end])


def _says_something(ctx: DocContext, noun: Token) -> bool:
    """A noun phrase that stands for something said or done, not a bare thing or role: an event
    noun ("les incidents"), a text ("cette déclaration"), or a noun with a complement or an adjective ("la création du
    gouvernement", "une telle intention"); "a salué le vainqueur" reports no words."""
    if ctx.resources.nouns.class_of(noun.lemma_) == EVENT_CLASS or noun.lemma_.lower() in ctx.words.speech_nouns:
        return True
    return any(c.dep_ in NOUN_COMPLEMENTS for c in noun.children)


def _names_participant(ctx: DocContext, noun: Token) -> bool:
    mention = named(ctx, noun)
    if mention is not None:
        return broad_type(mention.type) in PARTICIPANT_CLASSES
    nouns = ctx.resources.nouns
    return nouns.class_of(noun.lemma_) in PARTICIPANT_CLASSES or nouns.class_of(noun.lower_) in PARTICIPANT_CLASSES


def _is_incise(ctx: DocContext, verb: Token) -> bool:
    """A finite verb that comments the clause before it, set off by a comma or "comme", with no
    subject or object before it ("..., rapporte Nova", "..., a indiqué X", "... comme le
    précise l'ambassadeur"); a participle ("..., annonçant leur retour") is no incise."""
    if verb.dep_ not in deps.INCISE or verb.i < verb.head.i:
        return False
    if not any("Fin" in ctx.morph(t, "VerbForm") for t in (verb, *(c for c in verb.children if c.dep_ in deps.AUXILIARIES))):
        return False
    before = [c for c in verb.children if c.i < verb.i]
    if any(c.dep_ in deps.SUBJECTS or c.dep_ == "cc" or (c.dep_ in deps.OBJECT and c.pos_ != "PRON") for c in before):
        return False
    if any(c.dep_ == "mark" for c in before):
        return True
    first = min([verb, *(c for c in before if not c.is_punct)], key=lambda t: t.i)
    return first.i > 0 and ctx.tokens[first.i - 1].is_punct


def _comments(ctx: DocContext, verb: Token) -> bool:
    """A verb after "comme" and an object clitic that stands for a clause ("comme le rappelle X",
    "comme l'a précisé X"): its subject follows it."""
    at = verb.i - 1
    while at >= 0 and ctx.tokens[at].pos_ == "AUX":
        at -= 1
    return at >= 1 and ctx.tokens[at].pos_ == "PRON" and ctx.tokens[at - 1].lower_ in ctx.words.clause_clitic_markers


def _within(token: Token, ancestor: Token) -> bool:
    return token == ancestor or ancestor.is_ancestor(token)
