"""Where a name begins and ends, beyond what the statistical NER marks: pure functions of the
document context and a span.

- a class noun and the name after it can be one name: an eponym ("l'affaire Dreyfus", "le théorème
  de Fermat", "le gouvernement Barre"), or an institution named after a place or a body
  ("l'université de Nantes", "le ministère de l'Intérieur");
- a NER place can hold two places ("Bandra de Bombay" is Bandra, in Bombay);
- a capitalised article inside a sentence belongs to the name ("Marine Le Pen", "selon Le Monde");
- an honorific glued to a name is no part of it ("M.Dupont");
- a description the NER swept in before a name is no part of it ("Dernière soirée du Salon
  mondial" is the Salon), and a role with its portfolio is no name ("ministre des Finances").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..records import broad_type
from .context import DocContext

EPONYM, INSTITUTION, NAMES = "eponym", "institution", "names"
ORGANIZATION = "Organization"
# NER types of a name that a class noun introduces: the noun, not the NER, says what it is.
INTRODUCED_TYPES = frozenset({ORGANIZATION, "Misc"})
# Who a name built on a person's name may be: the NER often takes the name alone for a person.
EPONYM_NER_TYPES = frozenset({"Person", "Misc"})
# Towns at least this big are places after "de" in a place's name; smaller ones may be family names.
BIG_CITY = 100_000
# An honorific glued to the next word by its full stop ("M.Dupont").
GLUED_HONORIFIC = re.compile(r"(\w{1,4}\.)(?=[^\W\d_])")


def headed_name(ctx: DocContext, tokens: Span, ner_type: str) -> tuple[Span, str] | None:
    """The name that a class noun before ``tokens`` begins, with its class: "affaire Dreyfus"
    (Misc), "théorème de Fermat" (Misc), "gouvernement Barre" (GovernmentBody), "université de
    Nantes" (Organization); None when no such noun comes first."""
    doc, heads, words = ctx.doc, ctx.resources.name_heads, ctx.words
    start = tokens.start
    if start == 0:
        return None
    i = start - 1
    # "de", "du", "des", "d'" and an article after it ("le ministère de l'Intérieur")
    linked = False
    if ctx.tokens[i].pos_ == "DET" and i > 0 and ctx.tokens[i - 1].lower_ in words.genitive_cases:
        i -= 1
    if ctx.tokens[i].lower_ in words.genitive_cases:
        linked, i = True, i - 1
        # an adjective between an institution's noun and its "de" ("l'université anglaise de X",
        # "la communauté juive de X")
        if i > 0 and ctx.tokens[i].pos_ == "ADJ" and ctx.tokens[i].text.islower() and ctx.tokens[i - 1].pos_ == "NOUN":
            found = heads.get(ctx.tokens[i - 1].lower_) or heads.get(ctx.tokens[i - 1].lemma_.lower())
            if found is not None and found[1] == INSTITUTION:
                i -= 1
    if i < 0 or ctx.tokens[i].pos_ != "NOUN" or not ctx.tokens[i].text[:1].islower() or ctx.sentence_start(i) != ctx.sentence_start(start):
        return None
    found = heads.get(ctx.tokens[i].lower_) or heads.get(ctx.tokens[i].lemma_.lower())
    if found is None:
        return None
    cls, kind = found
    gazetteer = ctx.resources.gazetteer
    text = ctx.text[tokens.start_char : tokens.end_char]
    if kind == EPONYM and ner_type in EPONYM_NER_TYPES and gazetteer.organization(text) is None and gazetteer.place(text) is None:
        return doc[i : tokens.end], cls
    if kind == INSTITUTION and linked and ner_type != "Person":
        return doc[i : tokens.end], cls
    return None


def place_parts(ctx: DocContext, span: Span, ner_type: str) -> list[Span]:
    """A span the NER made of a name and the known place it is in, "Bandra de Bombay", "la firme
    Atelier Nova de Genève", cut into its two names; other spans whole. Names whose first word is a class noun ("Banque de France",
    "Gare de Lyon", "Université de Lyon") or a common word ("Tour de France") stay whole, and so
    do persons ("Charles de Gaulle")."""
    # Only the NER's places, and organisations a class noun introduces ("la firme X de
    # Genève"): "Tribune de Genève" is a newspaper, "Mario de Signori" a person.
    introduced = ner_type in INTRODUCED_TYPES and _organization_noun_before(ctx, span.start)
    if (ner_type != "Place" and not introduced) or len(span) < 3:
        return [span]
    words, gazetteer = ctx.words, ctx.resources.gazetteer
    cut = next((t.i for t in reversed(span[1:-1]) if t.lower_ in words.genitive_cases), None)
    if cut is None:
        return [span]
    # The name proper starts at its first capitalised word ("le musée de X de Genève").
    first = next((t for t in span if t.text[:1].isupper()), span[0])
    tail_start = cut + 1
    if tail_start < span.end - 1 and ctx.tokens[tail_start].pos_ == "DET":
        tail_start += 1
    tail = ctx.doc[tail_start : span.end]
    place = gazetteer.place(ctx.text[tail.start_char : tail.end_char], subdivisions=False)
    if place is not None and place.type == "City" and place.population < BIG_CITY:
        place = None  # a small town's name is often a family name ("Pior de Mont")
    head_noun = first.lower_ in ctx.resources.name_heads or first.lower_ in words.place_nouns
    common_word = first.pos_ in ("NOUN", "ADJ", "DET") and "-" not in first.text
    if place is None or (not introduced and (head_noun or common_word)):
        return [span]
    if first.i >= cut:
        return [span]
    return [ctx.doc[span.start : cut], tail]


def _organization_noun_before(ctx: DocContext, start: int) -> bool:
    """A lower-case noun of an organisation's class right before token ``start`` ("la firme",
    "la société"): the name after it does not begin with its class noun."""
    if start == 0:
        return False
    noun = ctx.tokens[start - 1]
    found = ctx.resources.name_heads.get(noun.lower_) or ctx.resources.name_heads.get(noun.lemma_.lower())
    return noun.pos_ == "NOUN" and noun.text[:1].islower() and found is not None and found[1] == NAMES and broad_type(found[0]) == ORGANIZATION


def article_belongs(ctx: DocContext, tokens: Span) -> bool:
    """A capitalised article first in a name belongs to it inside a sentence ("Marine Le Pen",
    "selon Le Monde"), and at a sentence start when the document writes it so elsewhere."""
    article = tokens[0]
    if article.pos_ != "DET" or not article.text[:1].isupper():
        return False
    previous = ctx.tokens[article.i - 1] if article.i > 0 else None
    # Dashes and bullets before the first word do not move the sentence start ("- Le Frère ...").
    if not _first_word(ctx, article.i) or (previous is not None and previous.text[:1].isupper() and previous.is_alpha):
        return True  # inside a sentence, or after a first name ("Marine Le Pen")
    name = ctx.text[tokens.start_char : tokens.end_char]
    return any(index != tokens.start and not _first_word(ctx, index) for index in _token_starts(ctx, name))


def _first_word(ctx: DocContext, i: int) -> bool:
    """Token ``i`` begins its sentence, but for dashes and bullets before it."""
    return not any(t.is_alpha or t.is_digit for t in ctx.tokens[ctx.sentence_start(i) : i])


def _token_starts(ctx: DocContext, name: str) -> list[int]:
    """Tokens where ``name`` occurs in the text, whole-word."""
    found = []
    for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", ctx.text):
        token = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if token is not None:
            found.append(token.start)
    return found


def glued_honorific(text: str, titles: frozenset[str]) -> int:
    """The length of an honorific glued to the start of ``text`` ("M.Dupont" -> 2), else 0."""
    match = GLUED_HONORIFIC.match(text)
    return match.end() if match is not None and match.group(1).lower() in titles else 0


def described_name(ctx: DocContext, tokens: Span) -> Span:
    """``tokens`` without a description before the name they hold: a common noun written in
    lower case, a genitive and a capitalised word ("Dernière soirée du Salon mondial" -> "Salon
    mondial"). A name whose own words are capitalised stays whole ("Tour de France", "Banque de
    France"), and so do one whose class noun heads it ("Musée du Louvre") and one that ends with
    a known place ("Atelier Nova de Genève")."""
    genitives = ctx.words.genitive_cases
    cut = next((t.i for t in tokens if t.lower_ in genitives), None)
    if cut is None or cut + 1 >= tokens.end:
        return tokens
    before = ctx.doc[tokens.start : cut]
    if not any(t.pos_ == "NOUN" and t.text[:1].islower() for t in before) or before[0].lower_ in ctx.resources.name_heads:
        return tokens
    start = cut + 1
    if ctx.tokens[start].pos_ == "DET" and start + 1 < tokens.end:
        start += 1
    tail = ctx.doc[start : tokens.end]
    # "Atelier Nova de Genève": a known place after the genitive is where the thing is.
    if not tail[0].text[:1].isupper() or ctx.resources.gazetteer.place(ctx.text[tail.start_char : tail.end_char]) is not None:
        return tokens
    return tail


def is_role_title(ctx: DocContext, tokens: Span) -> bool:
    """A role and its portfolio, "ministre des Finances", "secrétaire d'État aux Sports": the NER
    takes it for an organisation, but it names a function (kept as a person's role)."""
    words = ctx.words
    first = ctx.tokens[tokens.start : min(tokens.start + 2, tokens.end)]
    first_two = " ".join(t.lower_ for t in first)
    role_length = 2 if first_two in words.roles else 1 if first[0].lower_ in words.roles else 0
    return 0 < role_length < len(tokens) - 1 and ctx.tokens[tokens.start + role_length].lower_ in (words.genitive_cases | words.recipient_cases)
