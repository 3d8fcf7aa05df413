"""Mentions: named entities from the statistical NER (cleaned), dates, and on demand the noun
phrases that events point at (Concepts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from spacy.attrs import IS_UPPER, LEMMA, ORTH, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..language.dates import normalize_date
from ..language.gazetteer import Gazetteer, default_gazetteer
from ..language.lexicon import NounClasses, default_noun_classes
from ..language.names import ascii_fold, clean_surface, name_key
from ..records import ENTITY_TYPES, broad_type
from .entity_types import classify, is_source_word, origin_in_parentheses, title_before, vote_types
from .tokens import doc_text, morph_get
from .tokens import sentence_start as first_of_sentence

NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "LOC": "Place", "GPE": "Place", "MISC": "Misc"}
# Every entity class but the unnamed ones.
NAMED_TYPES = frozenset(ENTITY_TYPES) - {"Concept", "Date"}
PRONOUN = "Pronoun"
QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”"}
# Classes whose nouns introduce a quoted name, and the longest such name (in tokens): longer
# quotations are speech, not names.
NAMED_BY_QUOTE = frozenset({"Organization", "Place"})
MAX_QUOTED_NAME = 10
PLACE_TYPES = frozenset({"Country", "City", "Region"})
# Nouns that stand for nobody and nothing beside a negation.
NEGATIVE_PRONOUNS = frozenset({"personne", "rien"})
# Longest token run looked up in the gazetteers when scanning for names the NER missed.
MAX_SCAN_TOKENS = 5
# Gazetteer places found by scanning (not by the NER) must be at least this big, or a country or
# region: small towns share their names with ordinary words.
SCAN_MIN_POPULATION = 100_000
# Words that may sit between a role noun and the name it introduces ("le ministre biélorusse de
# la Défense, Viktor Khrenin").
ROLE_WORDS_MAX = 8

_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
DATE_PATTERN = re.compile(
    rf"\b(?:(?:{_WEEKDAYS})(?:\s+(?:\d{{1,2}}(?:er)?)\s+(?:{_MONTHS})(?:\s+\d{{4}})?)?"
    rf"|(?:\d{{1,2}}(?:er)?\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?"
    rf"|(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
# Words that are months in one language and ordinary words in another ("may", "mars" as a
# planet is rare in news) are kept only in the document's own language.
_AMBIGUOUS_MONTHS = {"en": frozenset({"mars"}), "fr": frozenset({"may", "march"})}
# Where a date may start: a word starting with a digit or with the first letter of a weekday or
# month. DATE_PATTERN opens with \b, which keeps re from skipping ahead by itself; this cheap
# pattern finds the only places worth trying it (same flags, so the same case folding).
_DATE_STARTS = re.compile(
    r"\b[\d" + "".join(sorted({word[0] for word in f"{_WEEKDAYS}|{_MONTHS}".split("|")})) + "]", re.IGNORECASE
)


@dataclass(frozen=True)
class Mention:
    """A span of the text naming something; ``start``/``end`` are character offsets."""

    start: int
    end: int
    text: str
    type: str
    first_token: int
    last_token: int
    # Outside identifiers (("geonames", IRI), ...), a role split off a person's name, a date's ISO value.
    links: tuple[tuple[str, str], ...] = ()
    role: str | None = None
    value: str | None = None
    # The precise ontology class (Country, NewsAgency, WeaponSystem) when ``type`` is its broad class.
    fine_type: str | None = None

    def __post_init__(self) -> None:
        # Mentions key many dicts, sets and memos (thousands of look-ups per document): equal
        # mentions share these fields, and their hash is computed once.
        object.__setattr__(self, "_hash", hash((self.start, self.end, self.type)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        # Rebuilt through __init__, so a copy or an unpickled mention hashes in its own process
        # (string hashes differ between processes).
        return (self.__class__, tuple(getattr(self, f.name) for f in fields(self)))

    @property
    def is_named(self) -> bool:
        return self.type in NAMED_TYPES

    @property
    def may_name(self) -> bool:
        """Named, or a pronoun that coreference may tie to a name."""
        return self.is_named or self.type == PRONOUN


def named_mentions(doc: Doc, gazetteer: Gazetteer | None = None, metonymy: bool = True) -> Iterator[Mention]:
    """Named mentions in text order: NER spans with articles, titles and stray punctuation trimmed
    off ("l'OTAN" -> "OTAN", "M. Lambert" -> "Lambert"), typed precisely (entity_types), plus
    names the NER missed that the gazetteers know (countries, big cities, organizations, weapon
    designators). With ``metonymy``, a capital city acting as a party ("selon Moscou", "Moscou
    conservera") carries a ``represents`` link to its country; it is never renamed."""
    gazetteer = gazetteer or default_gazetteer()
    found: list[Mention] = []
    ents = doc.ents  # built anew on every access
    surnames = frozenset(ent[-1].lower_ for ent in ents if ent.label_ in ("PER", "PERSON") and len(ent) > 1)
    lower_words = _lower_case_lemmas(doc)
    for ent in ents:
        mention = _trimmed(doc, ent, NER_TYPES.get(ent.label_, "Misc"), gazetteer, surnames, lower_words)
        if mention is not None:
            found.append(mention)
    # Known places inside a miscellaneous name are names too ("Tour d'Italie", "Arosa-Lausanne").
    inside_misc = {i for m in found if m.type == "Misc" for i in range(m.first_token, m.last_token + 1)}
    name_like = _name_like_flags(doc)  # shared by both scans
    nested = _scanned(doc, set(range(len(doc))) - inside_misc, gazetteer, name_like)
    found += [m for m in nested if m.type in PLACE_TYPES]
    quoted = list(quoted_names(doc, default_noun_classes(doc.lang_)))
    taken = {i for m in quoted for i in range(m.first_token, m.last_token + 1)}
    found = [m for m in found if not taken.intersection(range(m.first_token, m.last_token + 1))] + quoted
    covered = {i for m in found for i in range(m.first_token, m.last_token + 1)}
    found += _scanned(doc, covered, gazetteer, name_like)
    for mention in vote_types(sorted(found, key=lambda m: m.start), name_key):
        mention = _with_metonymy(doc, mention, gazetteer) if metonymy else mention
        # Extractors reason with the broad class (a Country is a Place); entities keep the fine one.
        yield replace(mention, type=broad_type(mention.type), fine_type=mention.type)


# Extractors ask for the head of the same mentions again and again; a small memo serves them
# (like frames.sentence_span, it holds a few recent Docs at most).
def mention_head(doc: Doc, mention: Mention) -> Token:
    """The syntactic head of ``mention`` in ``doc``."""
    if mention.first_token == mention.last_token:
        return doc[mention.first_token]  # a one-word span is its own root
    return _span_head(doc, mention)


@lru_cache(maxsize=4096)
def _span_head(doc: Doc, mention: Mention) -> Token:
    return doc[mention.first_token : mention.last_token + 1].root


def _lower_case_lemmas(doc: Doc) -> frozenset[str]:
    """Folded lemmas of the words written in lower case: "Paris" is a name, "paris" (bets) is not.
    Read from the token arrays, one look-up per distinct word instead of one Token per word."""
    strings = doc.vocab.strings
    pairs = set(map(tuple, doc.to_array([ORTH, LEMMA]).tolist()))
    return frozenset(ascii_fold(strings[lemma]) for orth, lemma in pairs if strings[orth][:1].islower())


def quoted_names(doc: Doc, nouns: NounClasses) -> Iterator[Mention]:
    """A quoted title right after a noun of an organisation or a site is its name: l'association
    « Les Amis du port », l'ONG "Terre Vive", l'usine « Métaux-Ouest »."""
    # Found in the token array: most texts have no quotation mark, and no Token need be made.
    marks = {get_string_id(mark) for mark in QUOTE_PAIRS}
    for at, orth in enumerate(doc.to_array(ORTH).tolist()):
        if orth not in marks or at == 0:
            continue
        quote = doc[at]
        closing = QUOTE_PAIRS[quote.text]
        noun = doc[at - 1]
        if noun.pos_ not in ("NOUN", "PROPN") or nouns.class_of(noun.lemma_) not in NAMED_BY_QUOTE:
            continue
        inside = doc[quote.i + 1 : quote.i + 1 + MAX_QUOTED_NAME]
        end = next((t.i for t in inside if t.text == closing), None)
        if end is not None and end > quote.i + 1:
            span = doc[quote.i + 1 : end]
            yield Mention(span.start_char, span.end_char, span.text, nouns.class_of(noun.lemma_), span.start, span.end - 1)


def date_mentions(doc: Doc, reference: str | None = None, text: str | None = None) -> Iterator[Mention]:
    """Weekdays, day-month and month(-year) expressions, and bare years, in French and English,
    with their ISO value relative to ``reference`` (the document date) where it can be known.
    ``text`` is the text ``doc`` was parsed from, if the caller has it: Doc.text is rebuilt from
    the tokens on every access."""
    lang = doc.lang_
    for match in _date_matches(doc.text if text is None else text):
        if match.group(0).lower() in _AMBIGUOUS_MONTHS.get(lang, ()):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            value = normalize_date(match.group(0), lang, reference)
            yield Mention(match.start(), match.end(), match.group(0), "Date", span.start, span.end - 1, value=value)


def _date_matches(text: str) -> Iterator[re.Match]:
    """``DATE_PATTERN.finditer(text)``, trying the pattern only where a date may start."""
    resume = 0
    for start in _DATE_STARTS.finditer(text):
        if start.start() < resume:
            continue  # inside the previous date
        match = DATE_PATTERN.match(text, start.start())
        if match is not None:
            resume = match.end()
            yield match


def concept_mention(token: Token) -> Mention | None:
    """The noun phrase headed by ``token`` as a Concept, without determiners and clauses:
    "un accord pour officialiser ..." -> "accord"; "des armes nucléaires" -> "armes nucléaires"."""
    if token.pos_ not in ("NOUN", "PROPN") or is_negative_pronoun(token):
        return None
    kept = [token]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "fixed", "flat", "flat:name") and child.i == max(t.i for t in kept) + 1:
            kept.append(child)
            kept.extend(t for t in child.subtree if t is not child and t.dep_ in ("advmod", "amod"))
    # Only the words joined to the head without a gap: the text between the parts of a phrase
    # that is not contiguous would be mislabelled ("exercices conjoints et des visites de hauts
    # responsables" is "exercices conjoints").
    indices = {t.i for t in kept}
    left = right = token.i
    while left - 1 in indices:
        left -= 1
    while right + 1 in indices:
        right += 1
    tokens = token.doc[left : right + 1]
    if any(t.pos_ in ("PUNCT", "VERB", "AUX", "SCONJ", "PRON") for t in tokens):
        tokens = token.doc[token.i : token.i + 1]
    # The text sliced from the Doc's (memoised) text: Span.text makes a Token per word.
    text = doc_text(token.doc)[tokens.start_char : tokens.end_char]
    return Mention(tokens.start_char, tokens.end_char, text, "Concept", tokens.start, tokens.end - 1)


def is_negative_pronoun(token: Token) -> bool:
    """"n'a arrêté personne", "ne voit rien": the noun is nobody, nothing."""
    if token.lemma_.lower() not in NEGATIVE_PRONOUNS:
        return False
    return token.dep_ == "advmod" or any("Neg" in morph_get(c, "Polarity") for c in token.head.children)


def _trimmed(
    doc: Doc, span: Span, ner_type: str, gazetteer: Gazetteer, surnames: frozenset[str], lower_words: frozenset[str]
) -> Mention | None:
    # Span texts as slices of the Doc's text: Span.text joins its tokens on every access.
    text_of = doc_text(doc)
    rel_start, rel_end = clean_surface(text_of[span.start_char : span.end_char])
    if rel_end <= rel_start:
        return None
    start, end = span.start_char + rel_start, span.start_char + rel_end
    tokens = doc.char_span(start, end, alignment_mode="expand")
    # Names start with a capital or a digit: lower-case words the NER swept in at the left edge
    # ("selon laquelle des missiles Iskander-M") belong to the sentence.
    # A capitalised determiner at a sentence start is the article too ("La France").
    while tokens is not None and len(tokens) > 1 and (tokens[0].text[:1].islower() or tokens[0].pos_ == "DET"):
        tokens = tokens[1:]
    # Honorifics belong to the sentence too: "M. Lambert", "Madame Irène Vasseur".
    titled = False
    while tokens is not None and len(tokens) > 1 and _is_title_token(tokens, gazetteer):
        tokens = tokens[2:] if len(tokens) > 2 and tokens[1].text == "." else tokens[1:]
        titled = True
    if tokens is None:
        return None
    text = text_of[tokens.start_char : tokens.end_char]
    if not any(c.isalpha() for c in text) or text[:1].islower():
        return None
    typing = classify(doc, tokens, "Person" if titled and ner_type in ("Place", "Misc") else ner_type, gazetteer, surnames, lower_words)
    if typing is None:
        return None
    start, end = tokens.start_char, tokens.end_char
    role = _role(doc, tokens, gazetteer) if typing.type == "Person" else None
    return Mention(start, end, text, typing.type, tokens.start, tokens.end - 1, typing.links, role)


def _is_title_token(tokens: Span, gazetteer: Gazetteer) -> bool:
    word = tokens[0].lower_
    dotted = len(tokens) > 1 and tokens[1].text == "."
    return word in gazetteer.titles or (dotted and word + "." in gazetteer.titles)


def _role(doc: Doc, name: Span, gazetteer: Gazetteer) -> str | None:
    """The role noun phrase right before a person's name, without its determiner: "le ministre
    biélorusse de la Défense, Viktor Khrenin" -> "ministre biélorusse de la Défense"."""
    sentence_start = first_of_sentence(doc[name.start])  # Span.sent scans for it: once, from an index
    end = name.start
    while end > sentence_start and doc[end - 1].text in (",", "."):
        end -= 1
    start = end
    while start > max(sentence_start, end - ROLE_WORDS_MAX) and doc[start - 1].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN"):
        if doc[start - 1].pos_ == "DET" and (start - 1 == sentence_start or doc[start - 2].pos_ != "ADP"):
            break
        start -= 1
    words = doc[start:end]
    for i, token in enumerate(words):
        first_two = " ".join(t.lower_ for t in words[i : i + 2])
        if token.lower_ in gazetteer.roles or first_two in gazetteer.roles:
            role = words[i:]
            if not len(role) or role[-1].pos_ == "ADP" or (end < name.start and not same_slot(role.root, name.root)):
                return None
            return role.text
    return None


def same_slot(role: Token, name: Token) -> bool:
    """A role set off by a comma renames the name only in one slot: "le ministre, Viktor Khrenin,
    a déclaré" (apposition, or two subjects of one verb, one of them perhaps hung on its
    auxiliary), not "après avoir rencontré le ministre, Vladimir Poutine a déclaré"."""
    if name.head.i == role.i or role.head.i == name.i:
        return True
    return _clause_head(role).i == _clause_head(name).i and role.dep_ == name.dep_


def _clause_head(token: Token) -> Token:
    head = token.head
    return head.head if head.dep_.startswith("aux") else head


def _scanned(doc: Doc, covered: set[int], gazetteer: Gazetteer, name_like: list[bool] | None = None) -> list[Mention]:
    """Capitalised token runs the NER missed that a gazetteer knows, longest match first, and
    person names after an honorific ("M. Hotz") or before their origin ("Hotz (Berne)").
    ``name_like`` is _name_like_flags(doc), if the caller has it."""
    found = []
    length_of_doc = len(doc)
    is_name_like = (_name_like_flags(doc) if name_like is None else name_like).__getitem__
    i = 0
    while i < length_of_doc:
        match = None
        if i in covered or not is_name_like(i):
            i += 1
            continue
        token = doc[i]
        if token.pos_ == "PROPN" and title_before(doc, i, gazetteer):
            end = i + 1
            while end < length_of_doc and end - i < MAX_SCAN_TOKENS and end not in covered and is_name_like(end) and doc[end].pos_ == "PROPN":
                end += 1
            span = doc[i:end]
            match = Mention(span.start_char, span.end_char, span.text, "Person", span.start, span.end - 1)
        elif token.pos_ == "PROPN" and origin_in_parentheses(doc, doc[i : i + 1], gazetteer):
            match = Mention(token.idx, token.idx + len(token), token.text, "Person", i, i)
        else:
            for length in range(min(MAX_SCAN_TOKENS, length_of_doc - i), 0, -1):
                if any(j in covered for j in range(i, i + length)) or not is_name_like(i + length - 1):
                    continue
                match = _scan_type(doc[i : i + length], gazetteer)
                if match is not None:
                    break
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.last_token + 1
    return found


def _scan_type(span: Span, gazetteer: Gazetteer) -> Mention | None:
    text = span.text
    if len(span) == 1 and (span[0].is_stop or gazetteer.demonym_country(text) is not None):
        return None  # "Sur", "On", "Russe": words before they are towns
    known = gazetteer.organization(text)
    place = gazetteer.place(text, subdivisions=False)
    if known is not None and (text.isupper() or text[:1].isupper()):
        type_, links = known.type, ()
    elif gazetteer.weapons.names_weapon(text, span.doc[span.start - 1].text if span.start > 0 else None):
        type_, links = "WeaponSystem", ()
    elif place is not None and (place.type != "City" or place.population >= SCAN_MIN_POPULATION):
        type_, links = place.type, tuple(sorted(place.links.items()))
    else:
        return None
    return Mention(span.start_char, span.end_char, text, type_, span.start, span.end - 1, links)


def _name_like_flags(doc: Doc) -> list[bool]:
    """_name_like of every token, read from the token arrays (the text tests once per word form)."""
    strings = doc.vocab.strings
    capitalised: dict[int, bool] = {}
    flags = []
    for orth, upper, start, pos in doc.to_array([ORTH, IS_UPPER, SENT_START, POS]).tolist() if len(doc) else ():
        cap = capitalised.get(orth)
        if cap is None:
            text = strings[orth]
            cap = capitalised[orth] = text[:1].isupper() and any(c.isalpha() for c in text)
        # Token.is_sent_start is true where SENT_START is 1 (-1: not a start, 0: unknown).
        flags.append(cap and not (start == 1 and pos not in _NAME_POS and not upper))
    return flags


_NAME_POS = frozenset(POS_IDS[tag] for tag in ("PROPN", "X"))


def _name_like(token: Token) -> bool:
    """A word that can be part of a name: capitalised (or a designator), not a sentence-initial
    common word."""
    if not token.text[:1].isupper() or not any(c.isalpha() for c in token.text):
        return False
    return not (token.is_sent_start and token.pos_ not in ("PROPN", "X") and not token.is_upper)


def _with_metonymy(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> Mention:
    """A capital city that speaks or acts stands for its country's government: link, not rename."""
    place = gazetteer.place(mention.text)
    if mention.type != "City" or place is None or place.capital_of is None:
        return mention
    head = doc[mention.first_token : mention.last_token + 1].root
    acting = head.dep_ in ("nsubj", "nsubj:pass", "obl:agent") or any(
        is_source_word(t) for t in doc[max(0, mention.first_token - 2) : mention.first_token]
    )
    country = gazetteer.countries.get(place.capital_of)
    if not acting or country is None or "geonames" not in country.links:
        return mention
    return replace(mention, links=(*mention.links, ("represents", country.links["geonames"])))
