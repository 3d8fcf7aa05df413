"""Typed links between participants the parse joins closely: "des voyous ont attaqué une femme à
Paris" -> voyous located in Paris, "Marie, membre de l'association" -> Marie member of it.

Pure functions of the document context. Following the shortest-path hypothesis of relation extraction
(Bunescu and Mooney, 2005), two participants of one sentence are related when the dependency tree
joins them by a short path; the ontology decides which broad classes a link can join and what it
means (a person or organisation in a place is located there, a person in an organisation is a
member, a person or organisation with equipment has it). Participants are named mentions and
common nouns of ontology/lexicons/nouns.tsv.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import combinations
from typing import NamedTuple

from spacy.tokens import Token

from . import deps
from .arguments import named, resolve
from .candidates import CONCEPT, Found, Frame, Mention
from .confidence import CLASS_LINK, LOCATIVE_LINK
from .context import DocContext
from .mentions import pronoun_mention
from .quotes import same_voice
from .mood import modality, polarity
from .syntax import describes_noun, is_cited, is_converted_time, is_locative, subjects

LOCATED_IN = "located in"
COUNTRY = "Country"
EVENT = "Event"
MEMBER_OF = "member of"
HAS = "has"
# (subject class, object class) -> predicate; the pair is read in either order.
SIGNATURES = {
    ("Person", "Place"): LOCATED_IN,
    ("Organization", "Place"): LOCATED_IN,
    ("Place", "Place"): LOCATED_IN,
    ("Event", "Place"): LOCATED_IN,
    ("Person", "Organization"): MEMBER_OF,
    ("Person", "Equipment"): HAS,
    ("Person", "Product"): HAS,  # a named product (its broad class); Equipment is a noun's class
}
# Longest dependency path (in arcs) between the two heads.
MAX_PATH = 5
# Parts of speech a participant's head may have (names are sometimes tagged X, ADJ or NUM).
CANDIDATE_TAGS = ("NOUN", "PROPN", "PRON", "X", "ADJ", "NUM")


_CLASSES = frozenset(c for pair in SIGNATURES for c in pair)


def participant_class(ctx: DocContext, mention: Mention) -> str | None:
    """The broad class of a named mention, or of a common noun's head lemma (None if unknown)."""
    if mention.is_named:
        return mention.type if mention.type in _CLASSES else None
    if mention.type == CONCEPT:
        return ctx.resources.nouns.class_of(ctx.head_of(mention).lemma_)
    return None


class Participant(NamedTuple):
    mention: Mention
    cls: str
    head: Token
    # The head and its ancestors, as far as a path may climb.
    up: tuple[Token, ...]
    # Cited as a source ("selon X"): related only to what its own phrase says of it.
    cited: bool = False


def typed_links(ctx: DocContext, found: Collection[Mention]) -> tuple[Found, tuple[Mention, ...]]:
    """One ``subject``/``object`` frame per two participants of a sentence whose classes the
    ontology relates and whose heads the parse joins within MAX_PATH arcs; and every participant
    of the document, in text order. Participants are the names, the noun phrases ``found`` by the
    other extractors, and the nouns of a participant class."""
    moods: dict[int, tuple[str, str]] = {}  # polarity and modality of each pivot verb, once
    found_at = {i: m for m in found if m.type == CONCEPT for i in range(m.first_token, m.last_token + 1)}
    frames: list[Frame] = []
    everyone: list[Mention] = []
    for sent, tokens in ctx.tagged(*CANDIDATE_TAGS):
        evidence = ctx.sentence_span(sent)
        participants = list(_participants(ctx, tokens, found_at))
        everyone += (p.mention for p in participants if not p.cited)
        for first, second in combinations(participants, 2):
            frame = _typed_link(ctx, first, second, evidence, moods)
            if frame is not None:
                frames.append(frame)
    return Found(tuple(frames), tuple(m for f in frames for _, m in f.arguments if m.type == CONCEPT)), tuple(everyone)


def _typed_link(
    ctx: DocContext, first: Participant, second: Participant, evidence: tuple[int, int], moods: dict[int, tuple[str, str]]
) -> Frame | None:
    oriented = _oriented(ctx, first, second) if first.mention != second.mention and same_voice(ctx, first.head.i, second.head.i) else None
    if oriented is None:
        return None
    subject, obj = oriented
    path, pivot = _path(subject, obj)
    if pivot is None or len(path) - 1 > MAX_PATH or _crosses_clause(path, pivot):
        return None
    if (subject.cited or obj.cited) and not _within_cited_phrase(subject, obj, path):
        return None
    signature = SIGNATURES[(subject.cls, obj.cls)]
    if signature == LOCATED_IN and not _locates(ctx, subject, obj, path, pivot):
        return None
    predicate = _predicate(ctx, signature, path, subject.head, obj.head)
    if predicate is None:
        return None
    if pivot.pos_ != "VERB":
        mood = ("positive", "asserted")
    else:
        if pivot.i not in moods:
            moods[pivot.i] = (polarity(ctx, pivot), modality(ctx, pivot))
        mood = moods[pivot.i]
    return Frame(
        predicate=predicate,
        event_class=None,
        head=pivot.i,
        arguments=(("subject", subject.mention), ("object", obj.mention)),
        evidence=evidence,
        polarity=mood[0],
        modality=mood[1],
        confidence=LOCATIVE_LINK if predicate == LOCATED_IN else CLASS_LINK,
        typed_link=True,
    )


def _oriented(ctx: DocContext, a: Participant, b: Participant) -> tuple[Participant, Participant] | None:
    """The two participants as (subject, object) of their signature. Of two places, a country
    holds the other, so does the place a part of it names ("dans la banlieue de Nantes, à
    Villeurbanne"); else the one the other depends on is inside it ("Tahoua, au Niger")."""
    if a.cls == b.cls:
        if (a.cls, b.cls) not in SIGNATURES:
            return None
        for inner, outer in ((a, b), (b, a)):
            if outer.mention.fine_type == COUNTRY != inner.mention.fine_type or _has_parts(ctx, outer.head):
                return inner, outer
        return (b, a) if b.head.is_ancestor(a.head) else (a, b)
    if (a.cls, b.cls) in SIGNATURES:
        return a, b
    if (b.cls, a.cls) in SIGNATURES:
        return b, a
    return None


def _locates(ctx: DocContext, subject: Participant, place: Participant, path: list[Token], pivot: Token) -> bool:
    """A place locates the participants of its clause when it follows a locative preposition
    ("attaquée à Paris", "l'association, basée à Lyon"; not a direction: "expulsé vers le Maroc",
    nor the place of a verb inside the clause: "volé dans un car reliant Nantes à Angers")
    or completes the participant ("les habitants de Tahoua", not "l'annonce de la France"). A
    place is inside another only
    within one locative phrase ("à Tahoua, au Niger", "Halifax, Canada"): an actor ("la France
    déploiera ... en Espagne"), an owner ("la flotte de Paris en Espagne"), the place of
    another clause ("X, qui habite à Lyon, a été arrêté à Paris") or another item of a list ("10
    à Porto, 4 à Braga") is not."""
    if subject.cls == "Place":
        return is_locative(ctx, subject.head) and _one_phrase(ctx, subject, place, path, pivot)
    if is_locative(ctx, place.head):
        # The place of a clause is where its nouns are, not the owners or authors they name ("au
        # Pérou, ils rejettent les idées du Front uni": the Front is not said to be in Peru).
        if subject.cls in ("Person", "Organization") and _completes_an_abstract_noun(ctx, subject.head, path, pivot):
            return False
        # Nor is an organisation where the holder of one of its offices is ("le président de la
        # Banque Verte a été arrêté à Lyon": the bank is not said to be in Lyon); its members
        # are where their clause is ("les militants du Front uni ont manifesté à Tahoua").
        if subject.cls == "Organization" and (office := office_completed(ctx, subject.head)) is not None and office != pivot and office in path:
            return False
        # A clause that describes another noun says where that noun is, or goes ("un train
        # reliant Nantes à Angers"), unless it describes it by its place ("l'usine, basée à Lyon").
        # An event is where its own phrase says, not where a verb under it happens ("un accord
        # pour déployer des soldats en Espagne": the deployment is there).
        # A place on a converted clock time says where that time holds ("à 19 heures, soit 13
        # heures à Lima"), not where the participant is.
        between = path[path.index(pivot) + 1 : -1]
        return not any(
            (t.dep_ in deps.NOUN_CLAUSE and t.head != subject.head and not describes_noun(ctx, t))
            or (subject.cls == EVENT and t.pos_ in deps.CLAUSE_POS)
            or is_converted_time(ctx, t)
            for t in between
        )
    return subject.cls in ("Person", "Organization") and _is_place_modifier(ctx, place.head, subject.head)


def _completes_an_abstract_noun(ctx: DocContext, token: Token, path: list[Token], pivot: Token) -> bool:
    """``token`` (or the first of the conjuncts it ends) completes a noun on ``path`` below the
    pivot that names no participant: "les idées du Front uni et de l'Union" (not "les membres du
    Front uni" or "les militants du Front uni", who are where their clause is)."""
    while token.dep_ in deps.CONJUNCT and token.head.i < token.i:
        token = token.head
    noun = token.head
    return (
        token.dep_ in deps.NOUN_MODIFIER
        and noun.pos_ == "NOUN"
        and noun != pivot
        and noun in path
        and ctx.resources.nouns.class_of(noun.lemma_) is None
        and noun.lemma_.lower() not in ctx.words.member_nouns
    )


def office_completed(ctx: DocContext, token: Token) -> Token | None:
    """The role noun ``token`` (or the first of the conjuncts it ends) completes: "le président
    de la Banque Verte"; else None."""
    while token.dep_ in deps.CONJUNCT and token.head.i < token.i:
        token = token.head
    noun = token.head
    if token.dep_ not in deps.NOUN_MODIFIER or noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.words.roles:
        return None
    return noun


def _has_parts(ctx: DocContext, place: Token) -> bool:
    """The place a part of it names: "Nantes" in "la banlieue de Nantes"."""
    return place.dep_ in deps.NOUN_MODIFIER and place.head.lemma_.lower() in ctx.words.place_head_nouns


def _one_phrase(ctx: DocContext, a: Participant, b: Participant, path: list[Token], pivot: Token) -> bool:
    """Two places of one locative phrase: one a complement or an apposition of the other ("la
    ville de Tahoua au Niger", "Halifax, Canada"), or side by side with only a comma and a
    locative or genitive preposition between them ("à Tahoua, au Niger", "dans la banlieue de Nantes, à Rezé"),
    unless the gazetteer knows them as places of one rank and no part of one is named ("à Lyon,
    à Grenoble et à Annecy": a list of cities); not two items of a list."""
    if pivot in (a.head, b.head) and not any(t.dep_ in deps.CONJUNCT for t in path if t is not pivot):
        return True
    first, second = sorted((a.mention, b.mention), key=lambda m: m.start)
    between = ctx.tokens[first.last_token + 1 : second.first_token]
    # Only a locative or a genitive joins them ("capitale de la province"): "à Lyon depuis
    # Vernay" names where one came from.
    joining = ctx.words.locative_cases | ctx.words.genitive_cases
    side_by_side = len(between) > 0 and all(t.is_punct or t.dep_ == "det" or (t.dep_ == "case" and t.lower_ in joining) for t in between)
    parts = _has_parts(ctx, a.head) or _has_parts(ctx, b.head)  # "dans la banlieue de Nantes, à Rezé"
    return side_by_side and (parts or not _same_rank(ctx, a.mention, b.mention))


def _same_rank(ctx: DocContext, a: Mention, b: Mention) -> bool:
    """Two places the gazetteer knows as cities, or as countries: neither holds the other."""
    gazetteer = ctx.resources.gazetteer
    found = [gazetteer.place(m.text) for m in (a, b)]
    return all(p is not None for p in found) and found[0].type == found[1].type


def _predicate(ctx: DocContext, signature: str, path: list[Token], subject: Token, obj: Token) -> str | None:
    """The signature's predicate where the path says it, else None: a place is where its
    participants are (``_locates`` says which), membership is said by nouns ("X, présidente de
    Y"), and possession through a verb only by its subject ("ils ont pris son sac"). Two
    participants a verb joins some other way are related in a way the parse does not name: no
    link ("le blessé ... les secours" are in contact, not members; "X a incité ses collègues à
    arrêter les machines": the machines are not X's)."""
    verb = next((t for t in path if t.pos_ == "VERB"), None)
    if signature == LOCATED_IN:
        return signature
    if signature == HAS:
        # Possession through a verb is said of its active subject, and of the noun phrases of its
        # clause or of the clauses it controls ("a perdu le contrôle de sa voiture", "a décidé de
        # vendre sa voiture"), not of another doer's ("a incité ses collègues à arrêter les machines").
        owns = (
            _is_genitive(ctx, subject, path)
            if verb is None
            else subject.head == verb
            and subject.dep_ in deps.ACTIVE_SUBJECT
            and all(subject in subjects(ctx, t) for t in path if t.pos_ in deps.CLAUSE_POS and t != verb)
        )
        return HAS if owns else None
    return signature if verb is None else None


def _is_genitive(ctx: DocContext, owner: Token, path: list[Token]) -> bool:
    """"la voiture de Marie": the owner is a "de" complement of the thing ("une lettre à
    l'ambassadeur" is sent to them, not theirs)."""
    return owner.dep_ == "nmod" and owner.head.i in {t.i for t in path} and any(
        c.dep_ == deps.CASE and c.lower_ in ctx.words.genitive_cases for c in owner.children
    )


def _participants(ctx: DocContext, tokens: list[Token], found_at: dict[int, Mention]) -> Iterator[Participant]:
    seen: set[Mention] = set()
    nouns = ctx.resources.nouns

    def at(token: Token) -> Mention | None:
        return ctx.fixed_at.get(token.i) or found_at.get(token.i)

    for token in tokens:
        pos = token.pos_
        mention = at(token)
        if pos == "PRON":
            if mention is None and token.lower_ in ctx.words.personal_pronouns:
                # Resolved, or dropped, by coreference with the other pronouns (extract_record).
                pronoun = pronoun_mention(ctx, token)
                if pronoun is not None:
                    yield Participant(pronoun, "Person", token, _climb(token))
            continue
        if pos == "NOUN":
            mention = named(ctx, token) or mention
            if mention is None and token.dep_ in deps.PARTICIPANT_SLOT and nouns.class_of(token.lemma_):
                mention = resolve(ctx, token)
        if mention is None or mention in seen:
            continue
        head = ctx.head_of(mention)
        if head.i != token.i and at(head) is mention:
            continue  # visit a mention at its head token only
        cls = participant_class(ctx, mention)
        if cls is not None:
            seen.add(mention)
            yield Participant(mention, cls, head, _climb(head), is_cited(ctx, head))


def _within_cited_phrase(a: Participant, b: Participant, path: list[Token]) -> bool:
    """"selon la police": who tells the story is not in it; but what the source's own phrase
    says of it is a fact ("selon Léa Roy, chercheuse à l'université de Nantes": she is a
    member of it): the other participant hangs below the cited one, no clause between them."""
    cited, other = (a, b) if a.cited else (b, a)
    return not other.cited and cited.head.is_ancestor(other.head) and not any(t.pos_ in deps.CLAUSE_POS for t in path)


def _is_place_modifier(ctx: DocContext, place: Token, noun: Token) -> bool:
    """"les habitants de Tahoua", "la police de Paris": a place complement of the noun itself."""
    genitive = ctx.words.genitive_cases
    return place.head == noun and place.dep_ in deps.NOUN_MODIFIER and any(c.dep_ == deps.CASE and c.lower_ in genitive for c in place.children)


def _crosses_clause(path: list[Token], top: Token) -> bool:
    """Whether the path enters another clause ("X a déclaré que Y ...", "X, qui ..."): its
    participants take part in different predications."""
    return any(t.dep_ in deps.OTHER_CLAUSE and t.pos_ in deps.CLAUSE_POS for t in path if t is not top)



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
