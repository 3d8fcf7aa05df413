"""Typed links between participants the parse joins closely: "des voyous ont attaqué une femme à
Paris" -> voyous located in Paris, "Marie, membre de l'association" -> Marie member of it.

Pure functions over a parsed Doc. Following the shortest-path hypothesis of relation extraction
(Bunescu and Mooney, 2005), two participants of one sentence are related when the dependency tree
joins them by a short path; the ontology decides which broad classes a link can join and what it
means (a person or organisation in a place is located there, a person in an organisation is a
member, a person or organisation with equipment has it). Participants are named mentions and
common nouns of ontology/lexicons/nouns.tsv.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple
from itertools import combinations

from spacy.tokens import Doc, Token

from ..language.lexicon import NounClasses
from .arguments import MentionIndex
from .claims import is_cited
from .coref import pronoun_mention
from .frames import Frame, sentence_span, tagged
from .mentions import Mention, mention_head
from .relations import modality, polarity

LOCATED_IN = "located in"
MEMBER_OF = "member of"
HAS = "has"
RELATED = "related to"
# (subject class, object class) -> predicate; the pair is read in either order.
SIGNATURES = {
    ("Person", "Place"): LOCATED_IN,
    ("Organization", "Place"): LOCATED_IN,
    ("Place", "Place"): LOCATED_IN,
    ("Event", "Place"): LOCATED_IN,
    ("Person", "Organization"): MEMBER_OF,
    ("Person", "Equipment"): HAS,
    ("Person", "Person"): RELATED,
}
# Longest dependency path (in arcs) between the two heads.
MAX_PATH = 5
# Arcs into reported or juxtaposed clauses ("X a déclaré que Y ..."): their participants take
# part in different predications. Coordinated, controlled, adverbial and relative clauses share
# participants ("X a été attaquée et a perdu son sac", "X, qui habite à Lyon").
CLAUSE_DEPS = frozenset({"ccomp", "csubj", "parataxis"})
# Parts of speech that head a clause.
CLAUSE_POS = frozenset({"VERB", "AUX"})
# Possession through a verb is said of its active subject.
OWNER_DEPS = frozenset({"nsubj"})
# Nominal slots where a common noun names a participant.
PARTICIPANT_DEPS = frozenset(
    {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:agent", "obl:mod", "nmod", "conj", "appos", "ROOT"}
)
# Prepositions that make a place a location ("à Paris", "dans la rue", "au Niger"); a place in
# another slot is an actor ("la Russie a signé") or a topic ("l'annexion de la Crimée").
LOCATIVE_CASES = frozenset(
    {"à", "au", "aux", "en", "dans", "sur", "chez", "près", "vers", "devant", "derrière", "sous", "parmi", "depuis",
     "in", "at", "on", "inside", "near", "from"}
)
# Pronouns that stand for people (or groups) in news text.
PERSONAL_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him", "them"})
TYPED_LINK_CONFIDENCE = 0.45
GENITIVE_CASES = frozenset({"de", "d'", "d’", "du", "des", "of"})
# Parts of speech a participant's head may have (names are sometimes tagged X, ADJ or NUM).
CANDIDATE_TAGS = ("NOUN", "PROPN", "PRON", "X", "ADJ", "NUM")


_CLASSES = frozenset(c for pair in SIGNATURES for c in pair)


def participant_class(doc: Doc, mention: Mention, nouns: NounClasses) -> str | None:
    """The broad class of a named mention, or of a common noun's head lemma (None if unknown)."""
    if mention.is_named:
        return mention.type if mention.type in _CLASSES else None
    if mention.type == "Concept":
        return nouns.class_of(mention_head(doc, mention).lemma_)
    return None


class Participant(NamedTuple):
    mention: Mention
    cls: str
    head: Token
    # The head and its ancestors, as far as a path may climb.
    up: tuple[Token, ...]


def typed_links(doc: Doc, index: MentionIndex, nouns: NounClasses) -> Iterator[Frame]:
    """One ``subject``/``object`` frame per two participants of a sentence whose classes the
    ontology relates and whose heads the parse joins within MAX_PATH arcs."""
    moods: dict[int, tuple[str, str]] = {}  # polarity and modality of each pivot verb, once
    for sent, tokens in tagged(doc, *CANDIDATE_TAGS):
        evidence = sentence_span(sent)
        for first, second in combinations(list(_participants(tokens, index, nouns)), 2):
            frame = _typed_link(first, second, evidence, moods)
            if frame is not None:
                for _, mention in frame.arguments:
                    if mention.type == "Concept":
                        index.keep(mention)
                yield frame


def _typed_link(first: Participant, second: Participant, evidence: tuple[int, int], moods: dict[int, tuple[str, str]]) -> Frame | None:
    oriented = _oriented(first, second) if first.mention != second.mention else None
    if oriented is None:
        return None
    subject, obj = oriented
    path, pivot = _path(subject, obj)
    if pivot is None or len(path) - 1 > MAX_PATH or _crosses_clause(path, pivot):
        return None
    signature = SIGNATURES[(subject.cls, obj.cls)]
    if signature == LOCATED_IN and not _locates(subject, obj, path):
        return None
    is_verb = pivot.pos_ == "VERB"
    if signature == RELATED and not is_verb:
        return None  # "X, Y": two names side by side are often one person
    if not is_verb:
        mood = ("positive", "asserted")
    else:
        if pivot.i not in moods:
            moods[pivot.i] = (polarity(pivot), modality(pivot))
        mood = moods[pivot.i]
    return Frame(
        predicate=_predicate(signature, path, subject.head),
        event_class=None,
        head=pivot.i,
        arguments=(("subject", subject.mention), ("object", obj.mention)),
        evidence=evidence,
        polarity=mood[0],
        modality=mood[1],
        confidence=TYPED_LINK_CONFIDENCE,
        typed_link=True,
    )


def _oriented(a: Participant, b: Participant) -> tuple[Participant, Participant] | None:
    """The two participants as (subject, object) of their signature; of two places, the one the
    other depends on is inside it ("Tahoua, au Niger")."""
    if a.cls == b.cls:
        if (a.cls, b.cls) not in SIGNATURES:
            return None
        return (b, a) if b.head.is_ancestor(a.head) else (a, b)
    if (a.cls, b.cls) in SIGNATURES:
        return a, b
    if (b.cls, a.cls) in SIGNATURES:
        return b, a
    return None


def _locates(subject: Participant, place: Participant, path: list[Token]) -> bool:
    """A place locates what it is the locative of ("attaquée à Paris") or the complement of ("les
    habitants de Tahoua", not "l'annonce de la Russie"). A place is inside another only when
    both are locatives of one noun phrase ("à Tahoua, au Niger"): an actor ("la Russie déploiera
    ... en Biélorussie"), an owner ("l'arsenal de Moscou en Biélorussie") or the place of another
    clause ("X, qui habite à Lyon, a été arrêté à Paris") is not."""
    if subject.cls == "Place" and (not is_locative(subject.head) or not _one_phrase(subject, place, path)):
        return False
    if is_locative(place.head):
        return True
    return subject.cls in ("Person", "Organization") and _is_place_modifier(place.head, subject.head)


def _one_phrase(a: Participant, b: Participant, path: list[Token]) -> bool:
    """Two places of one locative phrase: joined by nouns alone ("la ville de Tahoua au Niger"), or
    side by side with only a comma and a preposition between them ("à Tahoua, au Niger")."""
    if not any(t.pos_ in CLAUSE_POS for t in path):
        return True
    first, second = sorted((a.mention, b.mention), key=lambda m: m.start)
    between = a.head.doc[first.last_token + 1 : second.first_token]
    return all(t.is_punct or t.dep_ in ("case", "det") for t in between)


def _predicate(signature: str, path: list[Token], subject: Token) -> str:
    """The signature's predicate where the path says it: a place is where its participants are,
    whatever joins them, but membership is said by nouns ("X, présidente de Y") and possession
    through a verb only by its subject ("ils ont pris son sac"); other paths are a plain
    "related to" ("le blessé ... les secours" are in contact, not members)."""
    verb = next((t for t in path if t.pos_ == "VERB"), None)
    if signature == LOCATED_IN or (verb is None and signature != HAS):
        return signature
    if signature == HAS:
        owns = _is_genitive(subject, path) if verb is None else subject.head == verb and subject.dep_ in OWNER_DEPS
        return HAS if owns else RELATED
    return RELATED


def _is_genitive(owner: Token, path: list[Token]) -> bool:
    """"la voiture de Marie": the owner is a "de" complement of the thing ("une lettre à
    l'ambassadeur" is sent to them, not theirs)."""
    return owner.dep_ == "nmod" and owner.head.i in {t.i for t in path} and any(
        c.dep_ == "case" and c.lower_ in GENITIVE_CASES for c in owner.children
    )


def _participants(tokens: list[Token], index: MentionIndex, nouns: NounClasses) -> Iterator[Participant]:
    seen: set[Mention] = set()
    for token in tokens:
        pos = token.pos_
        mention = index.at(token)
        if pos == "PRON":
            if mention is None and token.lower_ in PERSONAL_PRONOUNS:
                # Resolved, or dropped, by coreference with the other pronouns (extract_record).
                pronoun = pronoun_mention(token)
                if pronoun is not None:
                    yield Participant(pronoun, "Person", token, _climb(token))
            continue
        if pos == "NOUN":
            mention = index.named(token) or mention
            if mention is None and token.dep_ in PARTICIPANT_DEPS and nouns.class_of(token.lemma_):
                # A candidate only: coreference need not weigh the nouns no link will use.
                mention = index.resolve(token, keep=False)
        if mention is None or mention in seen:
            continue
        head = mention_head(index.doc, mention)
        if head.i != token.i and index.at(head) is mention:
            continue  # visit a mention at its head token only
        if is_cited(head):
            continue  # "selon la police": who tells the story is not in it
        cls = participant_class(index.doc, mention, nouns)
        if cls is not None:
            seen.add(mention)
            yield Participant(mention, cls, head, _climb(head))


def is_locative(place: Token) -> bool:
    """``place`` (or the noun it renames or is coordinated with) follows a locative preposition."""
    for token in (place, place.head):
        if any(c.dep_ == "case" and c.lower_ in LOCATIVE_CASES for c in token.children):
            return True
        if token.dep_ not in ("appos", "conj", "flat:name", "flat"):
            return False
    return False


def _is_place_modifier(place: Token, noun: Token) -> bool:
    """"les habitants de Tahoua", "la police de Paris": a place complement of the noun itself."""
    return place.head == noun and place.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "du", "des", "of") for c in place.children)


def _crosses_clause(path: list[Token], top: Token) -> bool:
    """Whether the path enters another clause ("X a déclaré que Y ...", "X, qui ..."): its
    participants take part in different predications."""
    return any(t.dep_ in CLAUSE_DEPS and t.pos_ in ("VERB", "AUX") for t in path if t is not top)



def _path(a: Participant, b: Participant) -> tuple[list[Token], Token | None]:
    """Tokens from ``a`` up to the lowest common ancestor and down to ``b``, and that ancestor."""
    position = {t.i: n for n, t in enumerate(b.up)}
    for n, token in enumerate(a.up):
        if token.i in position:
            return list(a.up[: n + 1]) + list(reversed(b.up[: position[token.i]])), token
    return [], None


def _climb(head: Token) -> tuple[Token, ...]:
    up = [head]
    while len(up) <= MAX_PATH and up[-1].head.i != up[-1].i:
        up.append(up[-1].head)
    return tuple(up)
