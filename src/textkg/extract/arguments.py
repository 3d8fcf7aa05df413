"""From a syntactic argument (a token) to the mention it refers to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from .coref import pronoun_mention
from .mentions import Mention, concept_mention

# Children that rename their head: "le ministre russe, Sergueï Choïgou" (appos), "le président
# Vladimir Poutine" (flat:name / nmod without a preposition).
RENAMING_DEPS = frozenset({"appos", "flat:name", "flat"})
CONJUNCT_DEPS = frozenset({"conj"})
DETERMINER_DEPS = frozenset({"det", "nummod"})
LIGHT_VERB_OBJECT_DEPS = frozenset({"obj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
# Where a title followed by ", Name," stands: as a subject or an object, not a fronted oblique.
TITLE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj"})
SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "he", "she", "they"})
# Nouns of quantity or portion whose "de" complement is what is meant: "une partie de l'arsenal",
# "des dizaines de manifestants".
PARTITIVE_NOUNS = frozenset(
    {"partie", "part", "ensemble", "nombre", "série", "dizaine", "douzaine", "vingtaine", "centaine", "millier",
     "majorité", "plupart", "reste", "groupe", "lot", "part", "number", "dozen", "hundred", "thousand", "majority", "rest"}
)


class MentionIndex:
    """Mentions of one Doc by token; adds Concept mentions as arguments ask for them.

    Named and date mentions are fixed at construction; where they overlap, the earlier and longer
    one wins so no token belongs to two mentions.
    """

    def __init__(self, doc: Doc, mentions: Iterable[Mention]) -> None:
        self.doc = doc
        self._mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            self._add(mention)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(sorted(self._mentions, key=lambda m: (m.start, m.end)))

    def at(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def named(self, token: Token) -> Mention | None:
        """The named mention ``token`` belongs to, or the one that renames it (apposition)."""
        mention = self.at(token)
        if mention is not None and mention.type != "Concept":
            return mention
        for child in token.children:
            if (
                child.dep_ in RENAMING_DEPS
                or (child.dep_ == "nmod" and child.pos_ == "PROPN" and not any(g.dep_ == "case" for g in child.children))
                or _is_comma_apposition(child)
            ):
                renamed = self.at(child)
                if renamed is not None and renamed.is_named:
                    return renamed
        return None

    def resolve(self, token: Token, allow_concept: bool = True) -> Mention | None:
        """The mention ``token`` heads: named, a date, or (if allowed) a new Concept."""
        if token.pos_ == "PRON":
            if _is_emphatic(token):
                return None
            # A subject pronoun right after its subject antecedent is resolved here; any other
            # referring pronoun waits for coreference, which runs once all mentions are known.
            antecedent = _antecedent_subject(token)
            return self.resolve(antecedent, allow_concept) if antecedent is not None else pronoun_mention(token)
        mention = self.named(token) or self.at(token)
        if mention is not None:
            return mention
        token = _past_locution(_past_partitive(token))
        if token is None:
            return None
        mention = self.named(token) or self.at(token)
        if mention is not None or not allow_concept:
            return mention
        concept = concept_mention(token)
        if concept is None or any(i in self._by_token for i in range(concept.first_token, concept.last_token + 1)):
            return None
        self._add(concept)
        return concept

    def _add(self, mention: Mention) -> None:
        span = range(mention.first_token, mention.last_token + 1)
        if any(i in self._by_token for i in span):
            return
        self._mentions.append(mention)
        for i in span:
            self._by_token[i] = mention


def _is_emphatic(pronoun: Token) -> bool:
    """"X a quant à lui donné ...": the pronoun repeats the subject; it fills no role of its own."""
    return pronoun.i >= 2 and pronoun.doc[pronoun.i - 1].lower_ == "à" and pronoun.doc[pronoun.i - 2].lower_ == "quant"


def _antecedent_subject(pronoun: Token) -> Token | None:
    """A subject pronoun ("il", "elles") stands for the closest earlier subject noun that agrees
    in number and gender, within the current and previous sentences; other pronouns stay unknown."""
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.lower_ not in SUBJECT_PRONOUNS:
        return None
    sentence_start = pronoun.sent.start
    window_start = pronoun.doc[sentence_start - 1].sent.start if sentence_start > 0 else 0
    for candidate in reversed(pronoun.doc[window_start : pronoun.i]):
        if candidate.dep_ in SUBJECT_DEPS and candidate.pos_ in ("NOUN", "PROPN") and _agrees(pronoun, candidate):
            return candidate
    return None


def _agrees(pronoun: Token, noun: Token) -> bool:
    return all(
        not noun.morph.get(feature) or noun.morph.get(feature) == pronoun.morph.get(feature)
        for feature in ("Number", "Gender")
    )


def _past_locution(token: Token) -> Token | None:
    """A common noun without determiner after a preposition or as an object is part of a locution,
    not a participant: "en effet", "a eu lieu", "porter plainte", "à bord de l'avion" (-> l'avion)."""
    if token.pos_ != "NOUN" or not (token.dep_ in LIGHT_VERB_OBJECT_DEPS or any(c.dep_ == "case" for c in token.children)):
        return token
    # "des pays", "au siège": a preposition fused with the article determines the noun.
    if any(c.dep_ in DETERMINER_DEPS or (c.dep_ == "case" and c.morph.get("Definite")) for c in token.children):
        return token
    return next((c for c in token.children if c.dep_ == "nmod" and _case_is_de(c)), None)


def _case_is_de(token: Token) -> bool:
    return any(c.dep_ == "case" and c.lemma_.lower() in ("de", "d'", "of") for c in token.children)


def _past_partitive(token: Token) -> Token:
    if token.lemma_.lower() not in PARTITIVE_NOUNS:
        return token
    for child in token.children:
        if child.dep_ == "nmod" and _case_is_de(child):
            return child
    return token


def with_conjuncts(token: Token) -> Iterator[Token]:
    """``token`` and the tokens coordinated with it: "la Russie et la Biélorussie"."""
    yield token
    for child in token.children:
        if child.dep_ in CONJUNCT_DEPS and child.pos_ in ("NOUN", "PROPN", "PRON") and not _is_comma_apposition(child):
            yield from with_conjuncts(child)


def _is_comma_apposition(token: Token) -> bool:
    """"Le maire de Lyon, Grégory Doucet, a ...": the parser often calls the name after a title
    a conjunct; with a comma and no coordinating word it renames the title."""
    return (
        token.dep_ in CONJUNCT_DEPS
        and token.pos_ == "PROPN"
        and token.head.pos_ == "NOUN"
        and token.head.dep_ in TITLE_DEPS
        and any(c.dep_ == "punct" and c.text == "," and c.i < token.i for c in token.children)
        and not any(c.dep_ == "cc" for c in token.children)
    )
