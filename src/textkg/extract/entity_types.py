"""Precise types for named mentions: the statistical NER's guess corrected by gazetteers and by
context (pure functions over a Doc).

Order of evidence, strongest first: a weapon designator or a name after a weapon head noun
("missiles Iskander-M"); a known organization or news agency; a media name after "selon" or
"rapporte"; a country, region or city from the gazetteer; a title before the name ("M.",
"général") makes a person; the shape of the context (a locative preposition, a place noun, a
dateline, an origin in parentheses); otherwise the NER's own type. Lone common words, demonyms
and OCR debris are no names. ``vote_types`` then gives one name one type per document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from ..language.gazetteer import Gazetteer
from ..language.names import ascii_fold
from .tokens import doc_text

# Words that introduce the outlet of reported speech.
SOURCE_CUES = frozenset({"selon", "rapporte", "rapportent", "rapporté", "according", "reports", "reported"})
# "après" cites a source only in "d'après"; alone it is time ("arrivé après Londres").
AFTER = "après"
ELIDED_DE = frozenset({"d'", "d’"})
# Words that make a name a media outlet when the lexicon does not know it.
MEDIA_WORDS = frozenset(
    {"agence", "agency", "news", "presse", "press", "télévision", "television", "tv", "radio", "journal", "times", "post"}
)
# The NER's types that a gazetteer place may override; a Person needs more (see below).
PLACE_OVERRIDABLE = frozenset({"Place", "Misc", "Organization"})
# A one-word person name that is also a city is retyped only for cities this big.
CITY_OVER_PERSON_POPULATION = 100_000
# Prepositions after which a bare name is a place, not a person ("à Cressier", "en Valais").
LOCATIVE_PREPOSITIONS = frozenset({"à", "en", "dans", "vers", "in", "at"})
# Nouns a place name completes ("la ville de Cressier", "le canton du Valais").
PLACE_NOUNS = frozenset(
    "ville village commune canton région province département district quartier rue avenue boulevard "
    "quai vallée lac île city town county street".split()
)
MONTHS = frozenset(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre".split()
)
# The NER's own coarse types, which document-level voting may correct; gazetteer types stay.
VOTING_TYPES = frozenset({"Person", "Place", "Organization"})
# Parts of speech that a lone name never has, and those of words a name may also be.
FUNCTION_WORD_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ"})
CONTENT_WORD_POS = frozenset({"NOUN", "ADJ", "VERB"})
ROMAN_NUMERAL = re.compile(r"[IVXLC]+")

M = TypeVar("M")


@dataclass(frozen=True)
class Typing:
    type: str
    links: tuple[tuple[str, str], ...] = ()


def classify(
    doc: Doc,
    span: Span,
    ner_type: str,
    gazetteer: Gazetteer,
    surnames: frozenset[str] = frozenset(),
    lower_words: frozenset[str] = frozenset(),
) -> Typing | None:
    """The ontology type of the named ``span``; None when it is no name at all (a demonym such
    as "Français" that the NER took for a place). ``surnames`` are the last words of the
    document's full person names, which stay names even when they are common words;
    ``lower_words`` are the folded lemmas of the words the document writes in lower case."""
    text = doc_text(doc)[span.start_char : span.end_char]  # span.text joins its tokens anew
    before = _previous_word(doc, span.start)
    if gazetteer.weapons.is_known(text) or (before is not None and before.lower_ in gazetteer.weapons.heads):
        if gazetteer.organization(text) is None:
            return Typing("WeaponSystem")
    known = gazetteer.organization(text)
    if known is not None:
        return Typing(known.type)
    if ner_type != "Person" and _after_source_cue(doc, span) and MEDIA_WORDS & set(ascii_fold(text).split()):
        return Typing("NewsAgency")
    place = gazetteer.place(text)
    # A lone demonym is no name ("Russe" is not the Bulgarian town Ruse), unless it also names a
    # country or region ("Suisse").
    if len(span) == 1 and gazetteer.demonym_country(text) is not None and (place is None or place.type == "City"):
        return None
    titled = title_before(doc, span.start, gazetteer)
    if place is not None and not titled:
        overridable = ner_type in PLACE_OVERRIDABLE or place.type == "Country"
        single_big_city = len(span) == 1 and place.population >= CITY_OVER_PERSON_POPULATION
        if overridable or single_big_city:
            return Typing(place.type, tuple(sorted(place.links.items())))
    if titled and ner_type in ("Place", "Misc", "Organization"):
        return Typing("Person")
    if ner_type in ("Person", "Misc") and not titled and before is not None and before.lower_ in LOCATIVE_PREPOSITIONS and len(span) == 1:
        return Typing("Place")
    if len(span) == 1 and place is None and text.lower() not in surnames and _not_a_name(span[0], ner_type, gazetteer, lower_words):
        return None
    if ner_type in ("Person", "Organization", "Misc") and (_dateline(doc, span) or _named_by_place_noun(span)):
        return Typing("Place")
    if ner_type in ("Place", "Organization", "Misc") and place is None and origin_in_parentheses(doc, span, gazetteer):
        return Typing("Person")

    return Typing(ner_type)


def vote_types(mentions: Sequence[M], key: Callable[[str], str]) -> list[M]:
    """One sense per discourse: a name the NER typed differently across a document takes the type
    most of its mentions have; a type the gazetteer confirmed counts double.

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "text type")
    >>> [m.type for m in vote_types([M("Zulle", "Place"), M("Zulle", "Person"), M("Zulle", "Person")], str)]
    ['Person', 'Person', 'Person']
    >>> [m.type for m in vote_types([M("Mauri", "Place"), M("Melchor Mauri", "Person")], str.lower)]
    ['Person', 'Person']
    """
    votes: dict[str, Counter] = {}
    for mention in mentions:
        weight = 1 if mention.type in VOTING_TYPES else 2
        votes.setdefault(key(mention.text), Counter())[mention.type] += weight
    # A full name votes for its surname too, as strongly as a gazetteer: "Alex Zulle ... Zulle".
    for mention in mentions:
        words = key(mention.text).split()
        if mention.type == "Person" and len(words) > 1 and words[-1] in votes:
            votes[words[-1]]["Person"] += 2
    voted = []
    for mention in mentions:
        counts = votes[key(mention.text)]
        best = max(counts, key=lambda t: (counts[t], t not in VOTING_TYPES))
        if mention.type in VOTING_TYPES and best != mention.type and counts[best] > counts[mention.type]:
            mention = mention._replace(type=best) if hasattr(mention, "_replace") else replace(mention, type=best)
        voted.append(mention)
    return voted


def _previous_word(doc: Doc, start: int):
    i = start - 1
    while i >= 0 and (doc[i].is_punct and doc[i].text != "." or doc[i].is_space):
        i -= 1
    return doc[i] if i >= 0 else None


def _named_by_place_noun(span: Span) -> bool:
    """"la ville de Cressier", "le canton du Valais", "la rue Montez": a name that completes a
    place noun is a place."""
    root = span.root
    return root.dep_ in ("nmod", "appos", "flat", "flat:name") and root.head.lemma_.lower() in PLACE_NOUNS and root.head.i < span.start


def _dateline(doc: Doc, span: Span) -> bool:
    """"Rorschach, 15 septembre (ag.)", "PARIS, 15 (Havas)": a name followed by a comma, a day
    number and a month or the agency is the place a dispatch was filed from (not "Dupont, 45 ans")."""
    after = doc[span.end : span.end + 3]
    return (
        len(after) == 3
        and after[0].text == ","
        and after[1].like_num
        and len(after[1].text) <= 2
        and (after[2].text == "(" or after[2].lower_ in MONTHS)
    )


def origin_in_parentheses(doc: Doc, span: Span, gazetteer: Gazetteer) -> bool:
    """"Borelli (Mendrisio)", "Hvastija (Slo)": a name followed by a home town or a country code
    in parentheses is a person (lists of athletes, candidates, victims)."""
    inside = doc[span.end + 1 : span.end + 3] if span.end + 2 < len(doc) else None
    if inside is None or doc[span.end].text != "(" or inside[-1].text != ")":
        return False
    word = inside[0].text
    return word[:1].isupper() and (len(word) <= 3 or gazetteer.place(word) is not None)


def _not_a_name(token, ner_type: str, gazetteer: Gazetteer, lower_words: frozenset[str]) -> bool:
    """A demonym, a title alone, a function word, a stray letter or Roman numeral (OCR debris) is
    not a name; nor is a capitalised content word ("Etat", "Union") that the same document also
    uses in lower case, or that only a sentence start capitalised, so that "Arctique" stays a
    place. A lone "person" that the tagger and the lemmatizer both read as a common word
    ("Musique" -> "musique") is no name either, unless a full name of the document ends with it
    (checked by the caller)."""
    letters = [c for c in token.text if c.isalpha()]
    common_word = token.pos_ in CONTENT_WORD_POS and not token.is_upper and (
        ascii_fold(token.lemma_) in lower_words or token.is_sent_start
    )
    person_as_common_noun = (
        ner_type == "Person" and token.pos_ in CONTENT_WORD_POS and token.lemma_[:1].islower() and not token.is_upper
    )
    # Derived demonyms ("Vaudois") only for non-persons: "François" is a first name.
    demonym = gazetteer.is_demonym(token.text) if ner_type != "Person" else gazetteer.demonym_country(token.text) is not None
    return (
        demonym
        or token.pos_ in FUNCTION_WORD_POS
        or (ner_type != "Person" and token.pos_ in ("PRON", "ADV", "AUX") and not token.is_upper)
        or common_word
        or person_as_common_noun
        or _is_title_or_role(token.lower_, gazetteer)
        or len(letters) < 2
        or ROMAN_NUMERAL.fullmatch(token.text) is not None
    )


def _is_title_or_role(word: str, gazetteer: Gazetteer) -> bool:
    return word in gazetteer.titles or word in gazetteer.roles or word + "." in gazetteer.titles


def title_before(doc: Doc, start: int, gazetteer: Gazetteer) -> bool:
    """A title or role right before token ``start``: "M. Lambert", "M . Lambert", "général Moreau"."""
    i = start - 1
    while i >= 0 and doc[i].text in (".", ","):
        i -= 1
    if i < 0:
        return False
    word = doc[i].lower_
    return word in gazetteer.titles or word + "." in gazetteer.titles or word.rstrip(".") in gazetteer.titles or word in gazetteer.roles


def is_source_word(token: Token) -> bool:
    """"selon", "rapporte", or the "après" of "d'après"."""
    if token.lower_ == AFTER:
        return token.i > 0 and token.doc[token.i - 1].lower_ in ELIDED_DE
    return token.lower_ in SOURCE_CUES


def _after_source_cue(doc: Doc, span: Span) -> bool:
    window = doc[max(0, span.start - 3) : span.start]
    return any(is_source_word(t) for t in window) or (span.end < len(doc) and is_source_word(doc[span.end]))
