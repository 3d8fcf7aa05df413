"""Mentions: named entities from the statistical NER (cleaned), dates, and on demand the noun
phrases that events point at (Concepts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..names import clean_surface

NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "LOC": "Place", "GPE": "Place", "MISC": "Misc"}
NAMED_TYPES = frozenset({"Person", "Organization", "Place", "Equipment", "Misc"})

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


@dataclass(frozen=True)
class Mention:
    """A span of the text naming something; ``start``/``end`` are character offsets."""

    start: int
    end: int
    text: str
    type: str
    first_token: int
    last_token: int

    @property
    def is_named(self) -> bool:
        return self.type in NAMED_TYPES


def named_mentions(doc: Doc) -> Iterator[Mention]:
    """NER spans with leading articles and stray punctuation trimmed off ("l'OTAN" -> "OTAN")."""
    for ent in doc.ents:
        mention = _trimmed(doc, ent, NER_TYPES.get(ent.label_, "Misc"))
        if mention is not None:
            yield mention


def date_mentions(doc: Doc) -> Iterator[Mention]:
    """Weekdays, day-month and month(-year) expressions, and bare years, in French and English."""
    lang = doc.lang_
    for match in DATE_PATTERN.finditer(doc.text):
        if match.group(0).lower() in _AMBIGUOUS_MONTHS.get(lang, ()):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            yield Mention(match.start(), match.end(), match.group(0), "Date", span.start, span.end - 1)


def concept_mention(token: Token) -> Mention | None:
    """The noun phrase headed by ``token`` as a Concept, without determiners and clauses:
    "un accord pour officialiser ..." -> "accord"; "des armes nucléaires" -> "armes nucléaires"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    kept = [token]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "fixed", "flat", "flat:name") and child.i == max(t.i for t in kept) + 1:
            kept.append(child)
            kept.extend(t for t in child.subtree if t is not child and t.dep_ in ("advmod", "amod"))
    left = min(t.i for t in kept)
    right = max(t.i for t in kept)
    # A phrase that is not contiguous would mislabel the text between its parts.
    tokens = token.doc[left : right + 1]
    if any(t.pos_ in ("PUNCT", "VERB", "AUX", "SCONJ", "PRON") for t in tokens):
        tokens = token.doc[token.i : token.i + 1]
    return Mention(tokens.start_char, tokens.end_char, tokens.text, "Concept", tokens.start, tokens.end - 1)


def _trimmed(doc: Doc, span: Span, type_: str) -> Mention | None:
    rel_start, rel_end = clean_surface(span.text)
    if rel_end <= rel_start:
        return None
    start, end = span.start_char + rel_start, span.start_char + rel_end
    tokens = doc.char_span(start, end, alignment_mode="expand")
    # Names start with a capital or a digit: lower-case words the NER swept in at the left edge
    # ("selon laquelle des missiles Iskander-M") belong to the sentence.
    # A capitalised determiner at a sentence start is the article too ("La France").
    while tokens is not None and len(tokens) > 1 and (tokens[0].text[:1].islower() or tokens[0].pos_ == "DET"):
        tokens = tokens[1:]
    if tokens is None or not any(c.isalpha() for c in tokens.text) or tokens.text[:1].islower():
        return None
    start, end = tokens.start_char, tokens.end_char
    return Mention(start, end, doc.text[start:end], type_, tokens.start, tokens.end - 1)
