"""From a syntactic argument (a token) to the mention it refers to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from .mentions import Mention, concept_mention

# Children that rename their head: "le ministre russe, Sergueï Choïgou" (appos), "le président
# Vladimir Poutine" (flat:name / nmod without a preposition).
RENAMING_DEPS = frozenset({"appos", "flat:name", "flat"})
CONJUNCT_DEPS = frozenset({"conj"})
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
            if child.dep_ in RENAMING_DEPS or (
                child.dep_ == "nmod" and child.pos_ == "PROPN" and not any(g.dep_ == "case" for g in child.children)
            ):
                renamed = self.at(child)
                if renamed is not None and renamed.is_named:
                    return renamed
        return None

    def resolve(self, token: Token, allow_concept: bool = True) -> Mention | None:
        """The mention ``token`` heads: named, a date, or (if allowed) a new Concept."""
        token = _past_partitive(token)
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


def _past_partitive(token: Token) -> Token:
    if token.lemma_.lower() not in PARTITIVE_NOUNS:
        return token
    for child in token.children:
        if child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "des", "du", "of") for c in child.children):
            return child
    return token


def with_conjuncts(token: Token) -> Iterator[Token]:
    """``token`` and the tokens coordinated with it: "la Russie et la Biélorussie"."""
    yield token
    for child in token.children:
        if child.dep_ in CONJUNCT_DEPS and child.pos_ in ("NOUN", "PROPN", "PRON"):
            yield from with_conjuncts(child)
