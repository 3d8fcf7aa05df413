"""From a syntactic argument (a token) to the mention it refers to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from ..language.lexicon import NounClasses
from .coref import pronoun_mention
from .mentions import QUOTE_PAIRS, Mention, concept_mention, same_slot
from .tokens import morph_get, previous_sentence_start

# Children that rename their head: "le ministre russe, Sergueï Choïgou" (appos), "le président
# Vladimir Poutine" (flat:name / nmod without a preposition).
RENAMING_DEPS = frozenset({"appos", "flat:name", "flat"})
CONJUNCT_DEPS = frozenset({"conj"})
APPOSITION_DEPS = frozenset({"appos"})
DETERMINER_DEPS = frozenset({"det", "nummod"})
LIGHT_VERB_OBJECT_DEPS = frozenset({"obj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
# Where a title followed by ", Name," stands: as a subject or an object, not a fronted oblique.
TITLE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj"})
SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "he", "she", "they"})
PERSON = "Person"
# Nouns of quantity or portion whose "de" complement is what is meant: "une partie de l'arsenal",
# "des dizaines de manifestants".
PARTITIVE_NOUNS = frozenset(
    {"partie", "part", "ensemble", "nombre", "série", "dizaine", "douzaine", "vingtaine", "centaine", "millier",
     "majorité", "plupart", "reste", "groupe", "lot", "part", "number", "dozen", "hundred", "thousand", "majority", "rest"}
)
# Nouns frozen into prepositional locutions: "au sein de", "au cours de", "au milieu de", "à la
# suite de", "dans le cadre de", "en raison de": what follows "de" is the participant.
LOCUTION_NOUNS = frozenset(
    {"sein", "cours", "milieu", "bord", "suite", "cadre", "moment", "fin", "début", "côté", "face", "raison", "lors",
     "issue", "occasion", "aide", "part", "middle", "course", "end", "beginning", "side"}
)
# Nouns of time: circumstances ("ce matin", "la nuit"), never participants.
TIME_NOUNS = frozenset(
    {"matin", "matinée", "soir", "soirée", "nuit", "jour", "journée", "lendemain", "veille", "semaine", "week-end", "mois",
     "an", "année", "heure", "minute", "instant", "fois", "morning", "evening", "night", "day", "week", "month", "year",
     "hour", "minute", "time"}
)
# Class nouns that a "de" complement names: "la ville de Tahoua" is Tahoua.
NAMED_BY_COMPLEMENT = frozenset(
    {"ville", "village", "commune", "région", "province", "département", "pays", "île", "capitale", "territoire", "sol",
     "city", "town", "village", "region", "province", "country", "island", "territory", "soil"}
)


class MentionIndex:
    """Mentions of one Doc by token; adds Concept mentions as arguments ask for them.

    Named and date mentions are fixed at construction; where they overlap, the earlier and longer
    one wins so no token belongs to two mentions.
    """

    def __init__(self, doc: Doc, mentions: Iterable[Mention], nouns: NounClasses | None = None) -> None:
        self.doc = doc
        self.nouns = nouns or NounClasses()
        self._named: dict[int, Mention | None] = {}
        # Pure per-token steps of resolve(), memoised: what a pronoun stands for, the token a
        # partitive or locution leads to, and the Concept a noun would make.
        self._pronouns: dict[int, Token | Mention | None] = {}
        self._targets: dict[int, Token | None] = {}
        self._concepts: dict[int, Mention | None] = {}
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
        # Named mentions are fixed at construction, so the answer for a token never changes.
        if token.i not in self._named:
            self._named[token.i] = self._find_named(token)
        return self._named[token.i]

    def _find_named(self, token: Token) -> Mention | None:
        mention = self.at(token)
        if mention is not None and mention.type != "Concept":
            return mention
        if token.pos_ == "NOUN":
            renamed = (
                self._quoted_name_after(token)
                or self._name_before_comma(token)
                or self._title_before_name(token)
                or self._named_complement(token)
            )
            if renamed is not None:
                return renamed
            if token.dep_ in APPOSITION_DEPS:
                # "Madame Anne Durand, présidente de l'association": the title stands for the name.
                renamed = self.at(token.head)
                if renamed is not None and renamed.is_named and self._may_be_person(token, renamed):
                    return renamed
        for child in token.children:
            if (
                child.dep_ in RENAMING_DEPS
                or (child.dep_ == "nmod" and child.pos_ == "PROPN" and not any(g.dep_ == "case" for g in child.children))
                or _is_comma_apposition(child)
            ):
                renamed = self.at(child)
                if renamed is not None and renamed.is_named and (token.pos_ != "NOUN" or self._may_be_person(token, renamed)):
                    return renamed
        return None

    def _quoted_name_after(self, noun: Token) -> Mention | None:
        """"l'association « Les Amis du port »": the noun is renamed by the quoted name."""
        doc = noun.doc
        if noun.pos_ != "NOUN" or noun.i + 2 >= len(doc) or doc[noun.i + 1].text not in QUOTE_PAIRS:
            return None
        mention = self._by_token.get(noun.i + 2)
        return mention if mention is not None and mention.is_named and mention.first_token == noun.i + 2 else None

    def _title_before_name(self, noun: Token) -> Mention | None:
        """"le pompier Marc Dubois", "la journaliste Anne Roy": a person noun right before a
        person's name is that person. So is a person noun whose phrase a comma sets off before a
        name that fills the same slot ("Le ministre de la Défense, Viktor Khrenin, a ...", parsed
        as two subjects of one verb), but not one of another clause ("Après avoir rencontré le
        ministre, Vladimir Poutine a ...")."""
        if self.nouns.class_of(noun.lemma_) != "Person":
            return None
        doc = noun.doc
        following = self._by_token.get(noun.i + 1) if noun.i + 1 < len(doc) else None
        if following is not None and following.type == "Person" and following.first_token == noun.i + 1:
            return following
        if noun.dep_ not in TITLE_DEPS:
            return None
        comma = noun.i + 1
        while comma < len(doc) and doc[comma].text != "," and noun.is_ancestor(doc[comma]):
            comma += 1
        named = self.at(doc[comma + 1]) if comma + 1 < len(doc) and doc[comma].text == "," else None
        if named is None or named.type != "Person" or named.first_token != comma + 1:
            return None
        return named if same_slot(noun, self.doc[named.first_token : named.last_token + 1].root) else None

    def _named_complement(self, noun: Token) -> Mention | None:
        """"la ville de Tahoua": the class noun is the place its complement names."""
        if noun.lemma_.lower() not in NAMED_BY_COMPLEMENT:
            return None
        for child in noun.children:
            if child.dep_ == "nmod" and _case_is_de(child):
                mention = self.at(child)
                if mention is not None and mention.is_named:
                    return mention
        return None

    def _name_before_comma(self, noun: Token) -> Mention | None:
        """"Madame Irène Vasseur, la présidente de la fondation", "Léa, chimiste à Lyon et
        membre de l'association": a noun phrase set off by a comma right after a name describes
        it, however the parser attached it; so does a noun coordinated with that phrase."""
        if noun.pos_ != "NOUN":
            return None
        at = noun.i - 1
        if at >= 0 and noun.doc[at].pos_ == "DET":
            at -= 1
        if at >= 1 and noun.doc[at].text == ",":
            named = self._by_token.get(at - 1)
            if named is not None and named.is_named and named.last_token == at - 1 and self._may_rename(noun, named):
                return named
        if noun.dep_ in CONJUNCT_DEPS and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
            return self._name_before_comma(noun.head)
        return None

    def _may_rename(self, noun: Token, named: Mention) -> bool:
        """Not a name inside a fronted phrase ("Selon Reuters, le ministre ..."), nor one of
        another class than the noun's ("ministre" names a person); a person's name renames only a
        person noun ("Malgré les réactions des pays occidentaux, Alexandre Loukachenko ...")."""
        head = self.doc[named.first_token : named.last_token + 1].root
        if any(c.dep_ == "case" for c in head.children):
            return False
        kind = self.nouns.class_of(noun.lemma_)
        return (kind is None or kind == named.type) and self._may_be_person(noun, named)

    def _may_be_person(self, noun: Token, named: Mention) -> bool:
        """A person's name renames only a person noun: in "Malgré les réactions des pays
        occidentaux, Alexandre Loukachenko ..." the parser's apposition is wrong."""
        return named.type != PERSON or self.nouns.class_of(noun.lemma_) == PERSON

    def resolve(self, token: Token, allow_concept: bool = True, keep: bool = True) -> Mention | None:
        """The mention ``token`` heads: named, a date, or (if allowed) a new Concept, added to the
        index unless ``keep`` is false (a candidate the caller may ``keep`` later)."""
        if token.pos_ == "PRON":
            if token.i not in self._pronouns:
                self._pronouns[token.i] = _pronoun_step(token)
            step = self._pronouns[token.i]
            return self.resolve(step, allow_concept, keep) if isinstance(step, Token) else step
        mention = self.named(token) or self.at(token)
        if mention is not None:
            return mention
        if token.i not in self._targets:
            self._targets[token.i] = _past_locution(_past_partitive(token))
        token = self._targets[token.i]
        if token is None:
            return None
        mention = self.named(token) or self.at(token)
        if mention is not None or not allow_concept:
            return mention
        if token.i not in self._concepts:
            self._concepts[token.i] = None if token.lemma_.lower() in TIME_NOUNS else concept_mention(token)
        concept = self._concepts[token.i]
        if concept is None or any(i in self._by_token for i in range(concept.first_token, concept.last_token + 1)):
            return None
        if keep:
            self._add(concept)
        return concept

    def keep(self, mention: Mention) -> None:
        """Add a candidate Concept that ``resolve(..., keep=False)`` returned."""
        self._add(mention)

    def _add(self, mention: Mention) -> None:
        span = range(mention.first_token, mention.last_token + 1)
        if any(i in self._by_token for i in span):
            return
        self._mentions.append(mention)
        for i in span:
            self._by_token[i] = mention


def _pronoun_step(pronoun: Token) -> Token | Mention | None:
    """What resolve() makes of a pronoun: nothing (emphatic), the subject it stands for, or a
    pronoun mention left to coreference."""
    if _is_emphatic(pronoun):
        return None
    # A subject pronoun right after its subject antecedent is resolved here; any other
    # referring pronoun waits for coreference, which runs once all mentions are known.
    antecedent = _antecedent_subject(pronoun)
    return antecedent if antecedent is not None else pronoun_mention(pronoun)


def _is_emphatic(pronoun: Token) -> bool:
    """"X a quant à lui donné ...": the pronoun repeats the subject; it fills no role of its own."""
    return pronoun.i >= 2 and pronoun.doc[pronoun.i - 1].lower_ == "à" and pronoun.doc[pronoun.i - 2].lower_ == "quant"


def _antecedent_subject(pronoun: Token) -> Token | None:
    """A subject pronoun ("il", "elles") stands for the closest earlier subject noun that agrees
    in number and gender, within the current and previous sentences; other pronouns stay unknown."""
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.lower_ not in SUBJECT_PRONOUNS:
        return None
    window_start = previous_sentence_start(pronoun)
    for candidate in reversed(pronoun.doc[window_start : pronoun.i]):
        if candidate.dep_ in SUBJECT_DEPS and candidate.pos_ in ("NOUN", "PROPN") and _agrees(pronoun, candidate):
            return candidate
    return None


def _agrees(pronoun: Token, noun: Token) -> bool:
    return all(
        not morph_get(noun, feature) or morph_get(noun, feature) == morph_get(pronoun, feature)
        for feature in ("Number", "Gender")
    )


def _past_locution(token: Token) -> Token | None:
    """A common noun without determiner after a preposition or as an object is part of a locution,
    not a participant: "en effet", "a eu lieu", "porter plainte", "à bord de l'avion" (-> l'avion)."""
    if token.pos_ != "NOUN" or not (token.dep_ in LIGHT_VERB_OBJECT_DEPS or any(c.dep_ == "case" for c in token.children)):
        return token
    # "des pays", "au siège": a preposition fused with the article determines the noun. An
    # adjective makes a bare noun a phrase of its own ("de hauts responsables", "le déploiement de
    # missiles nucléaires"): locutions take none.
    if any(c.dep_ in DETERMINER_DEPS or c.dep_ == "amod" or (c.dep_ == "case" and morph_get(c, "Definite")) for c in token.children):
        return token
    return next((c for c in token.children if c.dep_ == "nmod" and _case_is_de(c)), None)


def _case_is_de(token: Token) -> bool:
    return any(c.dep_ == "case" and c.lemma_.lower() in ("de", "d'", "of") for c in token.children)


def _past_partitive(token: Token) -> Token:
    if token.lemma_.lower() not in PARTITIVE_NOUNS | LOCUTION_NOUNS:
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
