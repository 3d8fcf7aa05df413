"""Binary relations between noun phrases: noun modifiers ("le maire de Lyon"), appositions
("Sergueï Choïgou, ministre de la Défense") and copulas ("X est le maire de Y").

Pure functions over a parsed Doc. The predicate is the head noun's lemma and the preposition
("maire de"), an open predicate (no event class); the subject is who the head noun describes: the
named mention that renames it (apposition, "le président Vladimir Poutine"), the subject of a
copula, or the noun phrase itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..language.lexicon import Lexicon
from .arguments import MentionIndex, with_conjuncts
from .frames import Frame, sentence_span, tagged
from .mentions import Mention
from .relations import PLACE_HEAD_NOUNS
from .tokens import morph_get, previous_sentence_start

NOUN_MODIFIER_DEPS = frozenset({"nmod"})
APPOSITION_DEPS = frozenset({"appos"})
COPULA_DEPS = frozenset({"cop"})
SUBJECT_DEPS = frozenset({"nsubj"})
# Prepositions after which a modifier says where or whose: "la mairie de Lyon", "un habitant à
# Paris", "la maison sur la colline". Others ("pour", "contre") rarely relate two participants.
LINKING_CASES = frozenset({"de", "à", "en", "dans", "sur", "chez", "of", "in", "at", "from"})
LINK_CONFIDENCE = 0.55
# Possessive determiner -> number of its owner. By the word, not the lemma: spaCy lemmatizes
# "leur" as "son".
POSSESSOR_NUMBER = {"son": "Sing", "sa": "Sing", "ses": "Sing", "leur": "Plur", "leurs": "Plur"}
OWNER_DEPS = frozenset({"nsubj", "nsubj:pass"})
PLACE_TYPES = frozenset({"Place"})
PLACE_CLASS_NOUNS = frozenset(
    {"ville", "village", "commune", "région", "province", "département", "pays", "quartier", "rue", "avenue",
     "boulevard", "place", "île", "capitale", "city", "town", "village", "province", "region", "country", "street"}
)


def noun_links(doc: Doc, index: MentionIndex, lexicon: Lexicon) -> Iterator[Frame]:
    """One binary relation per noun modifier that joins two mentions, one of them named."""
    lang = doc.lang_
    for sent, nouns in tagged(doc, "NOUN", "PROPN"):
        evidence = sentence_span(sent)
        for token in nouns:
            modifiers = [(child, case) for child in token.children if child.dep_ in NOUN_MODIFIER_DEPS and (case := _case(child)) in LINKING_CASES]
            if not modifiers or lexicon.event_class(lang, token.lemma_, "NOUN"):
                continue
            subject = _described(token, index)
            if subject is None:
                continue
            linked: set[Mention] = set()
            for child, case in modifiers:
                for target in with_conjuncts(child):
                    obj = index.resolve(target)
                    if obj is None or obj in linked or obj == subject or obj.type == "Date" or not (obj.may_name or subject.may_name) or _renames(token, obj):
                        continue
                    linked.add(obj)
                    yield _link(f"{token.lemma_.lower()} {case}", token, subject, obj, evidence)


def possessive_links(doc: Doc, index: MentionIndex) -> Iterator[Frame]:
    """"Marie a perdu sa voiture" -> voiture de Marie: a possessive determiner's owner is the
    closest earlier subject of the same or the previous sentence that agrees in number."""
    for sent, nouns in tagged(doc, "NOUN"):
        evidence = sentence_span(sent)
        for token in nouns:
            det = next((c for c in token.children if c.dep_ == "det" and "Yes" in morph_get(c, "Poss")), None)
            number = POSSESSOR_NUMBER.get(det.lower_) if det is not None else None
            owner_token = _owner(token, number) if number else None
            if owner_token is None:
                continue
            owner, owned = index.resolve(owner_token), index.resolve(token)
            if owner is None or owned is None or owner == owned or not (owner.may_name or owned.may_name):
                continue
            if not _renames(token, owner):
                yield _link(f"{token.lemma_.lower()} de", token, owned, owner, evidence)


def _owner(noun: Token, number: str) -> Token | None:
    window_start = previous_sentence_start(noun)
    for candidate in reversed(noun.doc[window_start : noun.i]):
        if (
            candidate.dep_ in OWNER_DEPS
            and candidate.pos_ in ("NOUN", "PROPN", "PRON")
            and _number(candidate, number) == number
            and not candidate.is_ancestor(noun)
        ):
            return candidate
    return None


def _number(token: Token, unknown: str) -> str:
    """Grammatical number of a possible owner; the parser often leaves a name without one: a name
    is one owner, names coordinated with it ("X et Y") are several."""
    if any(c.dep_ == "conj" for c in token.children):
        return "Plur"
    found = morph_get(token, "Number")
    if found:
        return found[0]
    return "Sing" if token.pos_ == "PROPN" else unknown


def _described(noun: Token, index: MentionIndex) -> Mention | None:
    """Who ``noun`` describes: the subject of its copula, or its own (or renaming) mention."""
    if any(c.dep_ in COPULA_DEPS for c in noun.children):
        subject = next((c for c in noun.children if c.dep_ in SUBJECT_DEPS), None)
        return index.resolve(subject) if subject is not None else None
    if noun.dep_ in APPOSITION_DEPS:
        head = index.named(noun.head)
        if head is not None:
            return head
    return index.resolve(noun)


def _renames(noun: Token, obj: Mention) -> bool:
    """"la ville de Lyon", "le territoire de la Biélorussie": a place noun whose complement is its name."""
    return obj.type in PLACE_TYPES and noun.lemma_.lower() in PLACE_CLASS_NOUNS | PLACE_HEAD_NOUNS


def _case(token: Token) -> str | None:
    case = [c for c in token.children if c.dep_ == "case"]
    return " ".join(c.lemma_.lower() for c in case) if case else None


def _link(predicate: str, head: Token, subject: Mention, obj: Mention, evidence: tuple[int, int]) -> Frame:
    return Frame(
        predicate=predicate,
        event_class=None,
        head=head.i,
        arguments=(("subject", subject), ("object", obj)),
        evidence=evidence,
        polarity="positive",
        modality="asserted",
        confidence=LINK_CONFIDENCE,
    )


def uncovered_links(links: list[Frame], frames: list[Frame]) -> list[Frame]:
    """Links whose two mentions no frame of the same sentence already joins: in "déployer une
    partie de l'arsenal en Biélorussie" the place belongs to the deployment, not also to the arsenal."""
    joined = {(f.evidence, m) for f in frames for _, m in f.arguments}
    return [link for link in links if not all((link.evidence, m) in joined for _, m in link.arguments)]
