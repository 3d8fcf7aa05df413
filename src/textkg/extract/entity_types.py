"""Precise types for named mentions: the statistical NER's guess corrected by gazetteers and by
context (pure functions over a Doc).

Order of evidence, strongest first: a weapon designator or a name after a weapon head noun
("missiles Kalibr-M"); a known organization or news agency; a media name after "selon" or
"rapporte"; a country, region or city from the gazetteer; a title before the name ("M.",
"général") makes a person; the shape of the context (a locative preposition, a place noun, a
dateline, an origin in parentheses); otherwise the NER's own type. Lone common words, demonyms
and OCR debris are no names. ``typed_by_list`` makes the unclassed names of a list of
organisations organisations, and ``vote_types`` then gives one name one type per document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from spacy.tokens import Span, Token

from ..language.names import ascii_fold
from ..records import broad_type
from .aliases import spells_initials
from .context import DocContext
from .syntax import is_source_word

# The NER's types that any gazetteer place may override; a Person or an Organization needs more
# (see below).
PLACE_OVERRIDABLE = frozenset({"Place", "Misc"})
# Types a gazetteer confirmed a place with: a list holding one is no list of organisations.
KNOWN_PLACE_TYPES = frozenset({"Country", "City", "Region"})
# Words that join the names of one list: commas, coordinators, and the article or preposition
# each name repeats ("du X, du Y et d'Z").
LIST_GAP_POS = frozenset({"PUNCT", "CCONJ", "ADP", "DET"})
LIST_MARK_POS = frozenset({"CCONJ"})
# A one-word person name that is also a city is retyped only for cities this big.
CITY_OVER_PERSON_POPULATION = 100_000
# The NER's own coarse types, which document-level voting may correct; gazetteer types stay.
VOTING_TYPES = frozenset({"Person", "Place", "Organization"})
# Parts of speech that a lone name never has, and those of words a name may also be.
FUNCTION_WORD_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ"})
CONTENT_WORD_POS = frozenset({"NOUN", "ADJ", "VERB"})
ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
# A lone person or place name of this many letters or fewer that no gazetteer knows is a scrap of
# a word (OCR debris "Vs", "BB", "Lo") or an initial, not a name; a known place or a
# surname of the document's full names ("Li") stays.
MAX_DEBRIS_LETTERS = 2
SHORT_NAME_TYPES = frozenset({"Person", "Place"})
# A Roman ordinal ("XVe siècle", "Ier", "IIIe") is no name.
ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|re|ème|ᵉ|ᵉʳ)")
# A model designator: letters and digits in one word ("3X", "A330", "MD-12").
MODEL_DESIGNATOR = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[^\W_](?:[\w-]*[^\W_])?")
# Heads a name may carry as its own first word: an organisation's, a place's or an event's
# ("Parti vertical", "Festival de Rochebrune").
FIRST_WORD_CLASSES = frozenset({"Organization", "Place", "Misc"})
# How far above an agent complement its event noun may be ("l'abordage du paquebot par le X").
AGENT_NOUN_HOPS = 2
AGENT = "agent"
ORGANIZATION = "Organization"
VEHICLE = "Vehicle"
PRODUCT = "Product"
NEWS_AGENCY = "NewsAgency"

M = TypeVar("M")


@dataclass(frozen=True)
class Typing:
    type: str
    links: tuple[tuple[str, str], ...] = ()


def classify(
    ctx: DocContext, span: Span, ner_type: str, surnames: frozenset[str] = frozenset()
) -> Typing | None:
    """The ontology type of the named ``span``; None when it is no name at all (a demonym such
    as "Français" that the NER took for a place). ``surnames`` are the last words of the
    document's full person names, which stay names even when they are common words."""
    gazetteer, words = ctx.resources.gazetteer, ctx.words
    text = ctx.text[span.start_char : span.end_char]  # span.text joins its tokens anew
    before = _previous_word(ctx, span.start)
    # After a noun of civil vehicles too ("avion", "hélicoptère"), only a designator is a weapon.
    after_weapon_head = before is not None and before.lower_ in words.weapon_heads
    civil_head = after_weapon_head and before.lemma_.lower() in ctx.resources.name_heads
    if gazetteer.weapons.is_known(text) or (after_weapon_head and (not civil_head or gazetteer.weapons.is_designator(text))):
        if gazetteer.organization(text) is None:
            return Typing("WeaponSystem")
    known = gazetteer.organization(text)
    if known is not None:
        return Typing(known.type)
    if ner_type != "Person" and _after_source_cue(ctx, span) and gazetteer.media_words & set(ascii_fold(text).split()):
        return Typing("NewsAgency")
    if no_name_word(ctx, span, text) or (ner_type != "Person" and _rubric(ctx, span, text)):
        return None
    # A class noun before the name or heading it outweighs a place of the same name ("le groupe
    # Verdal", "Université Grenoble III"), and so does the context of a vehicle or an organisation.
    headed = head_noun_class(ctx, span, ner_type) or _class_by_context(ctx, span, ner_type)
    if headed is not None:
        return Typing(headed)
    if ner_type == "Misc" and _maker_and_model(ctx, span):
        return Typing(PRODUCT)
    place = gazetteer.place(text)
    # A lone demonym is no name ("Russe" is not the Bulgarian town Ruse), unless it also names a
    # country or region ("Suisse").
    if len(span) == 1 and gazetteer.demonym_country(text) is not None and (place is None or place.type == "City"):
        return None
    titled = title_before(ctx, span.start)
    if place is not None and not titled:
        # The NER's organisation stays one against a town of the same name ("Vernon", "Valence"),
        # but not against a country, a region or a capital acting ("Madrid a annoncé").
        overridable = ner_type in PLACE_OVERRIDABLE or place.type != "City" or place.capital_of is not None
        single_big_city = ner_type == "Person" and len(span) == 1 and place.population >= CITY_OVER_PERSON_POPULATION and ascii_fold(place.label) == ascii_fold(text)
        if overridable or single_big_city:
            return Typing(place.type, tuple(sorted(place.links.items())))
    if titled and ner_type in ("Place", "Misc", "Organization"):
        return Typing("Person")
    if ner_type in ("Person", "Misc") and not titled and before is not None and before.lower_ in words.locative_prepositions and len(span) == 1:
        return Typing("Place")
    if len(span) == 1 and place is None and text.lower() not in surnames and _not_a_name(ctx, span[0], ner_type):
        return None
    if ner_type in ("Person", "Organization", "Misc") and (_dateline(ctx, span) or _named_by_place_noun(ctx, span)):
        return Typing(place.type, tuple(sorted(place.links.items()))) if place is not None else Typing("Place")
    if ner_type in ("Place", "Organization", "Misc") and place is None and origin_in_parentheses(ctx, span):
        return Typing("Person")

    return Typing(ner_type)


def typed_by_list(ctx: DocContext, mentions: Sequence[M]) -> list[M]:
    """Names listed together are things of one kind: in "les chefs de l'UFR, du Kel Tamar et
    d'Ansar Orvane" a name the NER took for a place or left unclassed, and that no gazetteer
    knows, is an organisation like the others. A list that holds a known place is left alone
    ("l'OTAN, la Pologne et Kiev"). ``mentions`` are in text order."""
    chains: list[list[int]] = []
    coordinated: list[bool] = []  # a list ends with a coordinator: "Après X, Y a dit" is none
    for index, mention in enumerate(mentions):
        gap = ctx.tokens[mentions[index - 1].last_token + 1 : mention.first_token] if index else None
        if gap is not None and _list_gap(gap):
            chains[-1].append(index)
            coordinated[-1] = coordinated[-1] or any(t.pos_ in LIST_MARK_POS for t in gap)
        else:
            chains.append([index])
            coordinated.append(False)
    typed = list(mentions)
    for chain, listed in zip(chains, coordinated):
        types = [mentions[i].type for i in chain]
        if not listed or ORGANIZATION not in {broad_type(t) for t in types} or KNOWN_PLACE_TYPES.intersection(types):
            continue
        for i in chain:
            if mentions[i].type in PLACE_OVERRIDABLE:
                typed[i] = _retyped(mentions[i], ORGANIZATION)
    return typed


def _list_gap(gap: Sequence[Token]) -> bool:
    """Only commas and coordinators, with the articles and prepositions of the list, lie between
    two names of one list."""
    return (
        0 < len(gap) <= 4
        and all(t.pos_ in LIST_GAP_POS and (t.pos_ != "PUNCT" or t.text == ",") for t in gap)
        and any(t.text == "," or t.pos_ in LIST_MARK_POS for t in gap)
    )


def _retyped(mention: M, type_: str) -> M:
    return mention._replace(type=type_) if hasattr(mention, "_replace") else replace(mention, type=type_)


def head_noun_class(ctx: DocContext, span: Span, ner_type: str) -> str | None:
    """The class a common noun gives a name: the noun right before it ("la sonde Lyra", "le
    groupe Verdal", "l'appareil de type X"), or its own first word ("Parti vertical",
    "Université Grenoble III"), or its last word ("Kelso United"). A product noun before an
    organisation names its maker, not a product ("un avion Airbus")."""
    heads = ctx.resources.name_heads
    if len(span) > 1:
        first = heads.get(span[0].lower_)
        if first is not None and broad_type(first[0]) in FIRST_WORD_CLASSES:
            return first[0]
        if ascii_fold(span[-1].text) in ctx.resources.gazetteer.organization_suffixes and span[-1].text[:1].isupper():
            return ORGANIZATION
    noun = _noun_before(ctx, span.start)
    if noun is None:
        return None
    found = heads.get(noun.lower_) or heads.get(noun.lemma_.lower())
    if found is None or found[1] == "eponym" or (broad_type(found[0]) == PRODUCT and (ner_type == ORGANIZATION or _epithet(span[0], noun))):
        return None
    return found[0]


def _epithet(first: Token, noun: Token) -> bool:
    """A capitalised adjective of the noun, which names no product with it: "les jeux Olympiques"
    are no game, while "la place Fédérale" is a place. The tagger calls some names adjectives: an
    acronym or a complement is one ("la banque KRB", "le groupe Vexos")."""
    return first.pos_ == "ADJ" and first.dep_ == "amod" and first.head == noun and not first.is_upper


def _noun_before(ctx: DocContext, start: int) -> Token | None:
    """The common noun right before token ``start`` that the name may complete without a
    preposition ("la sonde Lyra"), seen through a noun of kind ("l'avion de type X")."""
    if start == 0 or ctx.tokens[start - 1].pos_ != "NOUN" or ctx.tokens[start - 1].text[:1].isupper():
        return None
    noun = ctx.tokens[start - 1]
    if noun.lower_ in ctx.words.kind_nouns and start >= 3 and ctx.tokens[start - 2].lower_ in ctx.words.genitive_cases and ctx.tokens[start - 3].pos_ == "NOUN":
        return ctx.tokens[start - 3]
    return noun


def _class_by_context(ctx: DocContext, span: Span, ner_type: str) -> str | None:
    """What the noun a name completes says of it: "le naufrage du X" is a vehicle, "les membres
    d'X" an organisation (not for a person or a known place)."""
    if names_a_vehicle(ctx, span):
        return VEHICLE
    if not ctx.uses_any(ctx.words.member_nouns):
        return None
    noun = _completed_noun(ctx, span)
    if noun is None:
        return None
    if noun in ctx.words.member_nouns and ner_type in ("Person", "Misc") and ctx.resources.gazetteer.place(span.text) is None:
        return ORGANIZATION
    return None


def _maker_and_model(ctx: DocContext, span: Span) -> bool:
    """A maker's name and a model number, "Veltair 3X", "Norvix A330 Neo": an organisation
    (known, or one the NER names so elsewhere in the document) followed by a designator or a
    number. A designator alone says nothing: conferences, flights and viruses are written so
    too ("COP21", "MH17", "H1N1")."""
    if len(span) < 2 or not any(MODEL_DESIGNATOR.fullmatch(t.text) or t.like_num for t in span[1:]):
        return False
    maker = span[0].text
    return ctx.resources.gazetteer.organization(maker) is not None or maker in _ner_organizations(ctx)


def _ner_organizations(ctx: DocContext) -> frozenset[str]:
    """The one-word names the NER types as organisations anywhere in the document."""
    memo = ctx.memos["ner_organizations"]
    found = memo.get("names")
    if found is None:
        found = memo["names"] = frozenset(ent.text for ent in ctx.doc.ents if ent.label_ == "ORG" and len(ent) == 1)
    return found


def names_a_vehicle(ctx: DocContext, span: Span) -> bool:
    """"le naufrage du X", "l'équipage du X", "l'abordage du paquebot par le X": only a vehicle
    sinks, has a crew or rams another."""
    if not ctx.uses_any(ctx.words.vehicle_event_nouns):
        return False  # no vehicle's event in the document
    return _completed_noun(ctx, span) in ctx.words.vehicle_event_nouns or _rams(ctx, span)


def _rams(ctx: DocContext, span: Span) -> bool:
    """``span`` is the agent ("par") of a vehicle's event noun, or of a complement of that noun
    (the parser often hangs "par le X" on the nearest noun: "l'abordage du paquebot par le X")."""
    root = span.root
    if not any(c.dep_ == "case" and ctx.resources.prepositions.get(c.lower_) == AGENT for c in root.children):
        return False
    noun = root
    for _ in range(AGENT_NOUN_HOPS):
        if noun.dep_ != "nmod" or noun.head.pos_ != "NOUN":
            return False
        noun = noun.head
        if noun.lemma_.lower() in ctx.words.vehicle_event_nouns:
            return True
    return False


def _completed_noun(ctx: DocContext, span: Span) -> str | None:
    """The lemma of the noun whose de-complement ``span`` is ("les naufrages du X et de l'Y")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ != "nmod" or not any(c.dep_ == "case" and c.lower_ in ctx.words.genitive_cases for c in root.children):
        return None
    return root.head.lemma_.lower()


def no_name_word(ctx: DocContext, span: Span, text: str) -> bool:
    """Units ("UTC", "Go"), names of God, peoples ("les Peuls", "les Harkis"), Roman ordinals
    ("XVe") and generic nouns alone ("l'Etat", "le Conseil") are written with capitals but name no
    one entity."""
    gazetteer = ctx.resources.gazetteer
    key = ascii_fold(text)
    if key in gazetteer.unit_words or key in gazetteer.deity_names or ROMAN_ORDINAL.fullmatch(text):
        return True
    if len(span) == 1 and text.lower() in ctx.words.generic_name_nouns:
        return True
    if key in gazetteer.peoples:
        place = gazetteer.place(text)
        return place is None or place.type == "City"
    return False


def _rubric(ctx: DocContext, span: Span, text: str) -> bool:
    """"Astronautique : départ de ...": the word that opens a headline before a colon is its
    section, not a name, unless a gazetteer knows it or the story names it again ("Pérou : ..."); a
    quotation after the colon is the named speaker's ("X : « ... »")."""
    doc = ctx.doc
    if span.start != 0 or span.end + 1 >= len(doc) or ctx.tokens[span.end].text != ":" or ctx.tokens[span.end + 1].text in dict(ctx.words.quote_pairs):
        return False
    gazetteer = ctx.resources.gazetteer
    if gazetteer.place(text) is not None or gazetteer.organization(text) is not None:
        return False
    return len(re.findall(r"(?<!\w)" + re.escape(text) + r"(?!\w)", ctx.text)) == 1


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
            mention = _retyped(mention, best)
        voted.append(mention)
    return voted


def _previous_word(ctx: DocContext, start: int):
    tokens = ctx.tokens
    i = start - 1
    while i >= 0 and (tokens[i].is_punct and tokens[i].text != "." or tokens[i].is_space):
        i -= 1
    return tokens[i] if i >= 0 else None


def _named_by_place_noun(ctx: DocContext, span: Span) -> bool:
    """"la ville de Cressier", "le canton du Valais", "la rue Montez": a name that completes a
    place noun is a place."""
    root = span.root
    return root.dep_ in ("nmod", "appos", "flat", "flat:name") and root.head.lemma_.lower() in ctx.words.place_nouns and root.head.i < span.start


def _dateline(ctx: DocContext, span: Span) -> bool:
    """"Rorschach, 15 septembre (ag.)", "PARIS, 15 (Havas)": a name followed by a comma, a day
    number and a month or the agency is the place a dispatch was filed from (not "Dupont, 45 ans");
    so is a name opening its sentence before a news agency in parentheses ("LYON (AFP) - ...")."""
    after = ctx.tokens[span.end : span.end + 3]
    dated = (
        len(after) == 3
        and after[0].text == ","
        and after[1].like_num
        and len(after[1].text) <= 2
        and (after[2].text == "(" or after[2].lower_ in ctx.resources.dates.months)
    )
    return dated or (ctx.sentence_start(span.start) == span.start and _agency_in_parentheses(ctx, span.end))


def _agency_in_parentheses(ctx: DocContext, start: int) -> bool:
    """Token ``start`` opens parentheses around the name of a news agency: "(AFP)", "(Nova)"."""
    doc = ctx.doc
    if start >= len(doc) or ctx.tokens[start].text != "(":
        return False
    close = next((t.i for t in ctx.tokens[start + 1 : start + 6] if t.text == ")"), None)
    if close is None or close == start + 1:
        return False
    known = ctx.resources.gazetteer.organization(ctx.text[ctx.tokens[start + 1].idx : ctx.tokens[close - 1].idx + len(ctx.tokens[close - 1])])
    return known is not None and known.type == NEWS_AGENCY


def origin_in_parentheses(ctx: DocContext, span: Span) -> bool:
    """"Borelli (Mendrisio)", "Hvastija (Slo)": a name followed by a home town or a country code
    in parentheses is a person (lists of athletes, candidates, victims)."""
    doc = ctx.doc
    inside = ctx.tokens[span.end + 1 : span.end + 3] if span.end + 2 < len(doc) else None
    if inside is None or ctx.tokens[span.end].text != "(" or inside[-1].text != ")":
        return False
    word = inside[0].text
    # ... but not an acronym of the name itself ("l'Union des marins (UDM)").
    if spells_initials(word, ctx.text[span.start_char : span.end_char], ctx.words.name_function_words):
        return False
    return word[:1].isupper() and (len(word) <= 3 or ctx.resources.gazetteer.place(word) is not None)


def lower_case_lemmas(ctx: DocContext) -> frozenset[str]:
    """Folded lemmas of the words the document writes in lower case: "Paris" is a name, "paris"
    (bets) is not. Made once, for a document that asks."""
    memo = ctx.memos["lower_case_lemmas"]
    if "all" not in memo:
        memo["all"] = frozenset(map(ascii_fold, {token.lemma_ for token in ctx.tokens if token.text[:1].islower()}))
    return memo["all"]


def _not_a_name(ctx: DocContext, token: Token, ner_type: str) -> bool:
    """A demonym, a title alone, a function word, a stray letter or Roman numeral (OCR debris) is
    not a name; nor is a capitalised content word ("Etat", "Union") that the same document also
    uses in lower case, or that only a sentence start capitalised, so that "Arctique" stays a
    place. A lone "person" that the tagger and the lemmatizer both read as a common word
    ("Musique" -> "musique") is no name either, unless a full name of the document ends with it
    (checked by the caller)."""
    gazetteer = ctx.resources.gazetteer
    letters = [c for c in token.text if c.isalpha()]
    common_word = token.pos_ in CONTENT_WORD_POS and not token.is_upper and (
        ascii_fold(token.lemma_) in lower_case_lemmas(ctx) or token.is_sent_start
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
        or _is_title_or_role(ctx, token.lower_)
        or len(letters) < 2
        or (ner_type in SHORT_NAME_TYPES and len(letters) <= MAX_DEBRIS_LETTERS)
        or ROMAN_NUMERAL.fullmatch(token.text) is not None
    )


def _is_title_or_role(ctx: DocContext, word: str) -> bool:
    titles = ctx.resources.gazetteer.titles
    return word in titles or word in ctx.words.roles or word + "." in titles


def title_before(ctx: DocContext, start: int) -> bool:
    """A title or role right before token ``start``: "M. Lambert", "M . Lambert", "général Moreau"."""
    word = _word_before_title(ctx, start)
    return word is not None and (_is_honorific(ctx, word) or word in ctx.words.roles)


def demonym_before(ctx: DocContext, start: int) -> bool:
    """A demonym used as a noun right before token ``start``, after its article: "la Polonaise
    Irena Walczak", "l'Américain Dwight Kessler" (a person named by where they come from)."""
    return start >= 2 and is_demonym_noun(ctx, ctx.tokens[start - 1]) and ctx.tokens[start - 2].pos_ == "DET"


def is_demonym_noun(ctx: DocContext, token: Token) -> bool:
    """A capitalised country demonym ("Polonaise", "Suisse"): before a name, the person's origin."""
    return token.text[:1].isupper() and not token.is_upper and ctx.resources.gazetteer.demonym_country(token.text) is not None


def honorific_before(ctx: DocContext, start: int) -> bool:
    """An honorific right before token ``start``: "M. de Varenne" (not a role: "le président du
    Conseil")."""
    word = _word_before_title(ctx, start)
    return word is not None and _is_honorific(ctx, word)


def _word_before_title(ctx: DocContext, start: int) -> str | None:
    i = start - 1
    while i >= 0 and ctx.tokens[i].text in (".", ","):
        i -= 1
    return ctx.tokens[i].lower_ if i >= 0 else None


def _is_honorific(ctx: DocContext, word: str) -> bool:
    titles = ctx.resources.gazetteer.titles
    return word in titles or word + "." in titles or word.rstrip(".") in titles


def _after_source_cue(ctx: DocContext, span: Span) -> bool:
    doc = ctx.doc
    window = ctx.tokens[max(0, span.start - 3) : span.start]
    return any(is_source_word(ctx, t) for t in window) or (span.end < len(doc) and is_source_word(ctx, ctx.tokens[span.end]))
