"""Coreference within a document: which mentions (names, noun phrases, pronouns) are one thing.

Pure functions over a parsed Doc. Names meet on transliteration-folded keys (resolve.py); a noun
phrase repeats an earlier one with the same head lemma; an apposition or a title renames its head
("le ministre russe, Sergueï Choïgou"); a third-person pronoun takes the nearest earlier mention
that agrees in gender and number, preferring subjects (the salience order of Lappin and Leass).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..language.gazetteer import Gazetteer
from ..records import broad_type
from .entities import cluster_mentions
from .frames import positions_by_tag, token_arrays
from .mentions import PRONOUN, Mention, is_negative_pronoun, mention_head
from .tokens import morph_get, sentence_start
from .tokens import sentence_starts as all_sentence_starts

# Third-person pronouns and the (gender, number) they require; None accepts either.
PRONOUN_AGREEMENT: dict[str, tuple[str | None, str | None]] = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "lui": (None, "Sing"),
    "eux": ("Masc", "Plur"),
    "leur": (None, "Plur"),
    "le": ("Masc", "Sing"),
    "la": ("Fem", "Sing"),
    "les": (None, "Plur"),
    "l'": (None, "Sing"),
    "l’": (None, "Sing"),
    "he": ("Masc", "Sing"),
    "she": ("Fem", "Sing"),
    "him": ("Masc", "Sing"),
    "her": ("Fem", "Sing"),
    "they": (None, "Plur"),
    "them": (None, "Plur"),
}
# "il faut", "il y a": impersonal subjects refer to nothing.
EXPLETIVE_DEPS = frozenset({"expl", "expl:subj", "expl:pass", "expl:comp", "expl:pv"})
# Slots where a noun refers: arguments, obliques, noun modifiers, conjuncts (not appositions,
# predicates, adverbial or fixed uses).
NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:agent", "obl:mod", "nmod", "conj", "dep", "ROOT"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
RENAMING_DEPS = frozenset({"appos", "flat:name"})
# How many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 2
ANAPHOR = PRONOUN
PRON_ID = POS_IDS["PRON"]
PRONOUN_FORM_IDS = frozenset(get_string_id(form) for form in PRONOUN_AGREEMENT)
# Class nouns that, with a definite, demonstrative or possessive determiner, describe a named
# thing met earlier: "le président russe", "ce pays voisin", "son pays", "l'alliance".
DESCRIPTION_CLASSES = {
    "pays": "Country",
    "country": "Country",
    "nation": "Country",
    "président": "Person",
    "présidente": "Person",
    "ministre": "Person",
    "dirigeant": "Person",
    "chef": "Person",
    "president": "Person",
    "minister": "Person",
    "leader": "Person",
    "ville": "Place",
    "capitale": "Place",
    "city": "Place",
    "capital": "Place",
    "alliance": "Organization",
    "organisation": "Organization",
    "agence": "Organization",
    "agency": "Organization",
    "territoire": "Country",
    "sol": "Country",
    "territory": "Country",
    "soil": "Country",
}
# Country descriptions that name a country only through an adjective ("le territoire biélorusse",
# "le sol ukrainien"): "le territoire" alone is any land.
TERRITORY_NOUNS = frozenset({"territoire", "sol", "territory", "soil"})
REFERRING_DETERMINERS = frozenset(
    {"le", "la", "l'", "l’", "ce", "cet", "cette", "son", "sa", "the", "this", "that", "its", "his", "her"}
)
POSSESSIVE_DETERMINERS = frozenset({"son", "sa", "its", "his", "her"})
# How far back (in tokens before the description's sentence) its antecedent may be.
DESCRIPTION_WINDOW_TOKENS = 150
NAMED_PERSON_TYPES = frozenset({"Person"})


@dataclass(frozen=True)
class Chain:
    """One discourse entity: its mentions in text order."""

    mentions: tuple[Mention, ...]


def pronoun_mentions(doc: Doc) -> Iterator[Mention]:
    """Referring third-person pronouns (not impersonal "il", not reflexive "se")."""
    # Found in the token arrays first: a Token object for every word of a long text costs more
    # than everything else coreference does.
    lower = token_arrays(doc).lower
    for index in positions_by_tag(doc).get(PRON_ID, ()):
        if lower[index] in PRONOUN_FORM_IDS:
            mention = pronoun_mention(doc[index])
            if mention is not None:
                yield mention


def pronoun_mention(token: Token) -> Mention | None:
    """``token`` as a referring third-person pronoun, or None."""
    if token.pos_ == "PRON" and token.lower_ in PRONOUN_AGREEMENT and token.dep_ not in EXPLETIVE_DEPS:
        return Mention(token.idx, token.idx + len(token), token.text, ANAPHOR, token.i, token.i)
    return None


def noun_mentions(doc: Doc, taken: Iterable[Mention], titles: frozenset[str] = frozenset()) -> Iterator[Mention]:
    """Common nouns outside ``taken`` (named mentions, dates) that fill a nominal slot, as their
    head word (POPCORN and most news annotation mark the head: "les flammes" -> "flammes").
    Honorifics ("monsieur") and nouns frozen into prepositions ("grâce à", "au cours de") refer
    to nothing."""
    covered = {i for m in taken for i in range(m.first_token, m.last_token + 1)}
    for token in doc:
        if (
            token.pos_ == "NOUN"
            and token.i not in covered
            and token.dep_ in NOMINAL_DEPS
            and token.lower_ not in titles
            and not is_negative_pronoun(token)
            and not any(child.dep_ == "fixed" for child in token.children)
            and any(c.isalpha() for c in token.text)
        ):
            yield Mention(token.idx, token.idx + len(token), token.text, "Concept", token.i, token.i)


def coreference_chains(doc: Doc, mentions: Sequence[Mention], gazetteer: Gazetteer | None = None) -> list[Chain]:
    """Group ``mentions`` of ``doc`` into chains; every mention lands in exactly one chain. With a
    ``gazetteer``, descriptions ("le président russe", "ce pays voisin", "son pays") join the
    named thing their class noun, adjective and the roles of earlier names point to."""
    ordered = sorted(dict.fromkeys(mentions), key=lambda m: (m.start, m.end))
    parent: dict[Mention, Mention] = {m: m for m in ordered}

    def find(m: Mention) -> Mention:
        while parent[m] is not m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    # A chain never holds two different names: "le président" that renames Poutine cannot also
    # repeat "le président" that renames Loukachenko.
    names_of: dict[Mention, frozenset[int]] = {m: frozenset() for m in ordered}

    def union(a: Mention, b: Mention) -> None:
        ra, rb = find(a), find(b)
        if ra is rb or (names_of[ra] and names_of[rb] and names_of[ra] != names_of[rb]):
            return
        first, second = sorted((ra, rb), key=lambda m: (m.start, m.end))
        parent[second] = first
        names_of[first] = names_of[ra] | names_of[rb]

    named = [m for m in ordered if m.type not in ("Concept", "Date", ANAPHOR)]
    roles: dict[Mention, tuple[str, ...]] = {}
    for number, cluster in enumerate(cluster_mentions(named)):
        for member in cluster.mentions:
            names_of[member] = frozenset({number})
        for member in cluster.mentions[1:]:
            union(cluster.mentions[0], member)
        cluster_roles = tuple(m.role for m in cluster.mentions if getattr(m, "role", None))
        roles.update({member: cluster_roles for member in cluster.mentions})

    by_token = {i: m for m in ordered if m.type != ANAPHOR for i in range(m.first_token, m.last_token + 1)}
    _link_renamings(doc, ordered, by_token, union)
    if gazetteer is not None:
        _link_descriptions(doc, ordered, roles, gazetteer, union)
    _link_repeated_heads(doc, ordered, union)
    first_tokens = [m.first_token for m in ordered]
    for mention in ordered:
        if mention.type == ANAPHOR:
            antecedent = _antecedent(doc, mention, ordered, first_tokens)
            if antecedent is not None:
                union(antecedent, mention)

    chains: dict[Mention, list[Mention]] = {}
    for mention in ordered:
        chains.setdefault(find(mention), []).append(mention)
    return [Chain(tuple(members)) for members in chains.values()]


def _link_renamings(doc: Doc, ordered: Sequence[Mention], by_token: dict[int, Mention], union) -> None:
    """A noun and the name in apposition to it, or naming it: "le président Vladimir Poutine"."""
    for mention in ordered:
        if mention.type != "Concept":
            continue
        head = mention_head(doc, mention)
        for child in head.children:
            renames = child.dep_ in RENAMING_DEPS or (
                child.dep_ == "nmod" and child.pos_ == "PROPN" and not any(g.dep_ == "case" for g in child.children)
            )
            target = by_token.get(child.i)
            if renames and target is not None and target.type not in ("Concept", "Date"):
                union(mention, target)


def _link_descriptions(doc: Doc, ordered: Sequence[Mention], roles, gazetteer: Gazetteer, union) -> None:
    named = [m for m in ordered if m.type not in ("Concept", "Date", ANAPHOR)]
    countries = {}
    for mention in named:
        place = gazetteer.place(mention.text)
        if mention.fine_type == "Country" and place is not None:
            countries.setdefault(place.country, mention)
    for mention in ordered:
        if mention.type != "Concept":
            continue
        head = mention_head(doc, mention)
        cls = DESCRIPTION_CLASSES.get(head.lemma_.lower())
        if cls is None:
            continue
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        if not determiners & REFERRING_DETERMINERS:
            continue
        country = next(
            (place.country for c in head.children if c.dep_ == "amod" and (place := gazetteer.demonym_country(c.text))),
            None,
        )
        head_sentence = sentence_start(head)
        earlier = [m for m in named if m.last_token < head.i and head_sentence - m.first_token < DESCRIPTION_WINDOW_TOKENS]
        target = None
        if cls == "Person":
            target = _described_person(head.lemma_.lower(), country, earlier, roles, gazetteer)
        elif cls == "Country":
            if country is not None and countries.get(country) is not None:
                code = country  # "le territoire biélorusse" is Belarus
            elif head.lemma_.lower() in TERRITORY_NOUNS:
                continue
            elif determiners & POSSESSIVE_DETERMINERS:
                code = _possessor_country(earlier, roles, gazetteer)
            else:
                code = _nearest_country_evidence(doc, head, gazetteer)
            target = countries.get(code)
        else:
            target = next((m for m in reversed(earlier) if broad_type(m.type) == cls), None)
        if target is not None:
            union(target, mention)


def _described_person(noun: str, country: str | None, earlier, roles, gazetteer: Gazetteer) -> Mention | None:
    """The latest person whose role has this noun (and this nationality, if the description says)."""
    for mention in reversed(earlier):
        for role in roles.get(mention, ()):
            words = role.lower().split()
            if noun not in words:
                continue
            role_countries = {place.country for w in words if (place := gazetteer.demonym_country(w))}
            if country is None or country in role_countries:
                return mention
    return None


def _possessor_country(earlier, roles, gazetteer: Gazetteer) -> str | None:
    """"son pays": the country in the role of the latest person named before it."""
    for mention in reversed(earlier):
        if mention.type == "Person":
            for role in roles.get(mention, ()):
                for word in role.split():
                    place = gazetteer.demonym_country(word)
                    if place is not None:
                        return place.country
            return None
    return None


def _nearest_country_evidence(doc: Doc, head: Token, gazetteer: Gazetteer) -> str | None:
    """The latest country named or implied by an adjective ("biélorusse") before ``head``."""
    start = max(0, sentence_start(head) - DESCRIPTION_WINDOW_TOKENS)
    for token in reversed(doc[start : head.i]):
        place = gazetteer.demonym_country(token.text) if token.pos_ == "ADJ" else gazetteer.place(token.text)
        if place is not None and place.type == "Country":
            return place.country
    return None


def _link_repeated_heads(doc: Doc, ordered: Sequence[Mention], union) -> None:
    """A noun repeated later with the same lemma and number is the same thing ("l'incendie ...
    l'incendie"), unless their adjectives disagree ("le président russe" / "le président
    biélorusse"); a plural does not join a singular."""
    seen: dict[tuple[str, str], list[Mention]] = {}
    for mention in ordered:
        if mention.type != "Concept":
            continue
        head = mention_head(doc, mention)
        key = (head.lemma_.lower(), _feature(head, "Number") or "")
        earlier = seen.setdefault(key, [])
        match = next((m for m in reversed(earlier) if _modifiers_agree(mention_head(doc, m), head)), None)
        if match is not None:
            union(match, mention)
        earlier.append(mention)


def _modifiers_agree(a: Token, b: Token) -> bool:
    """Two heads whose adjectives both exist must share them."""
    adjectives_a = {c.lemma_.lower() for c in a.children if c.dep_ == "amod"}
    adjectives_b = {c.lemma_.lower() for c in b.children if c.dep_ == "amod"}
    return not (adjectives_a and adjectives_b) or bool(adjectives_a & adjectives_b)


def _antecedent(doc: Doc, pronoun: Mention, ordered: Sequence[Mention], first_tokens: Sequence[int]) -> Mention | None:
    token = doc[pronoun.first_token]
    gender, number = PRONOUN_AGREEMENT[token.lower_]
    if gender is None and token.dep_ == "obj":
        # "l'ont volée": a past participle agrees with the object clitic before it.
        gender = _feature(token.head, "Gender") if "Part" in morph_get(token.head, "VerbForm") else None
    sentence_starts = all_sentence_starts(doc)
    current = bisect_right(sentence_starts, token.i) - 1
    window_start = sentence_starts[max(0, current - PRONOUN_WINDOW)]
    candidates = [
        m
        for m in ordered[bisect_left(first_tokens, window_start) : bisect_left(first_tokens, token.i)]
        if m.last_token < token.i and m.type not in ("Date", ANAPHOR)
        and _agrees(doc, m, gender, number)
        and not _same_clause_object(doc, m, token)
    ]
    if not candidates:
        return None
    # The pronoun's sentence is ``current``; a head's is found by bisection (Token.sent makes a
    # Span and scans for its boundaries).
    return max(candidates, key=lambda m: (_salience(doc, m, current, sentence_starts), m.start))


def _salience(doc: Doc, mention: Mention, pronoun_sentence: int, sentence_starts: Sequence[int]) -> int:
    head = mention_head(doc, mention)
    score = 0
    if head.dep_ in SUBJECT_DEPS:
        score += 2
    if mention.type in NAMED_PERSON_TYPES:
        score += 1
    if bisect_right(sentence_starts, head.i) - 1 == pronoun_sentence:
        score += 1
    return score


def _same_clause_object(doc: Doc, mention: Mention, pronoun: Token) -> bool:
    """Binding: a non-reflexive pronoun does not refer to the subject of its own verb."""
    head = mention_head(doc, mention)
    return head.dep_ in SUBJECT_DEPS and pronoun.dep_ not in SUBJECT_DEPS and head.head == pronoun.head


def _agrees(doc: Doc, mention: Mention, gender: str | None, number: str | None) -> bool:
    if mention.type not in ("Concept",):
        # Names carry no reliable morphology; a named thing is singular.
        return number in (None, "Sing")
    head = mention_head(doc, mention)
    mention_gender, mention_number = _feature(head, "Gender"), _feature(head, "Number")
    if gender and mention_gender and gender != mention_gender:
        return False
    return not (number and mention_number and number != mention_number)


def _feature(token: Token, name: str) -> str | None:
    values = morph_get(token, name)
    return values[0] if values else None
