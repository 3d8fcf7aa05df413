"""Coreference within a document: which mentions (names, noun phrases, pronouns) are one thing.

Pure functions over a parsed Doc. Names meet on transliteration-folded keys (resolve.py); a noun
phrase repeats an earlier one with the same head lemma; an apposition or a title renames its head
("le ministre français, Paul Martin"); a third-person pronoun takes the nearest earlier mention
that agrees in gender and number, preferring subjects (the salience order of Lappin and Leass).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Token

from ..language.gazetteer import Gazetteer
from ..language.names import name_key
from ..records import broad_type, is_a
from . import deps
from .aliases import name_aliases
from .candidates import CONCEPT, DATE, PERSON_TYPE, PRONOUN, Mention
from .context import DocContext
from .entities import cluster_mentions
from .gender import name_gender
from .mentions import is_negative_pronoun, pronoun_mention
from .syntax import case_is_genitive

# How many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 2
PRON_ID = POS_IDS["PRON"]
COUNTRY = "Country"
# How far back (in tokens before the description's sentence) its antecedent may be.
DESCRIPTION_WINDOW_TOKENS = 150
# The class nouns of names.tsv that name the thing after them, not the thing itself: "le
# gouvernement X" is the government X leads.
EPONYM = "eponym"
# A label before a name: a noun, or an acronym the tagger leaves untagged ("l'ONG X").
LABEL_POS = frozenset({"NOUN", "PROPN", "X"})
# What a bare description has beside its determiner: its preposition, punctuation, a conjunct.
BARE_NOUN_CHILDREN = frozenset({"det", "case", "punct", "cc", "conj"})


@dataclass(frozen=True)
class Chain:
    """One discourse entity: its mentions in text order."""

    mentions: tuple[Mention, ...]


def pronoun_mentions(ctx: DocContext) -> Iterator[Mention]:
    """Referring third-person pronouns (not impersonal "il", not reflexive "se")."""
    # Found in the token arrays first: a Token object for every word of a long text costs more
    # than everything else coreference does.
    lower, forms = ctx.lower, {get_string_id(form) for form in ctx.resources.pronouns}
    for index in ctx.positions_by_tag().get(PRON_ID, ()):
        if lower[index] in forms:
            mention = pronoun_mention(ctx, ctx.tokens[index])
            if mention is not None:
                yield mention


def noun_mentions(ctx: DocContext, taken: Iterable[Mention]) -> Iterator[Mention]:
    """Common nouns outside ``taken`` (named mentions, dates) that fill a nominal slot, as their
    head word (POPCORN and most news annotation mark the head: "les flammes" -> "flammes").
    Honorifics ("monsieur") and nouns frozen into prepositions ("grâce à", "au cours de") refer
    to nothing."""
    covered = {i for m in taken for i in range(m.first_token, m.last_token + 1)}
    titles = ctx.resources.gazetteer.titles
    for token in ctx.tokens:
        if (
            token.pos_ == "NOUN"
            and token.i not in covered
            and token.dep_ in deps.REFERRING_SLOT
            and token.lower_ not in titles
            and not is_negative_pronoun(ctx, token)
            and not any(child.dep_ == "fixed" for child in token.children)
            and any(c.isalpha() for c in token.text)
        ):
            yield Mention(token.idx, token.idx + len(token), token.text, CONCEPT, token.i, token.i)


def coreference_chains(ctx: DocContext, mentions: Sequence[Mention]) -> list[Chain]:
    """Group ``mentions`` of the document into chains; every mention lands in exactly one chain.
    Descriptions ("le président russe", "ce pays voisin", "son pays") join the named thing their
    class noun, adjective and the roles of earlier names point to."""
    ordered = sorted(dict.fromkeys(mentions), key=lambda m: (m.start, m.end))
    parent: dict[Mention, Mention] = {m: m for m in ordered}

    def find(m: Mention) -> Mention:
        while parent[m] is not m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    # A chain never holds two different names: "le président" that renames Moreau cannot also
    # repeat "le président" that renames Lefort.
    names_of: dict[Mention, frozenset[int]] = {m: frozenset() for m in ordered}

    def union(a: Mention, b: Mention) -> None:
        ra, rb = find(a), find(b)
        if ra is rb or (names_of[ra] and names_of[rb] and names_of[ra] != names_of[rb]):
            return
        first, second = sorted((ra, rb), key=lambda m: (m.start, m.end))
        parent[second] = first
        names_of[first] = names_of[ra] | names_of[rb]

    named = [m for m in ordered if m.type not in (CONCEPT, DATE, PRONOUN)]
    roles: dict[Mention, tuple[str, ...]] = {}
    # The gender the text gives each name, over all its mentions ("Mme Dubois ... Dubois").
    gender_of: dict[Mention, str] = {}
    for number, cluster in enumerate(cluster_mentions(named, name_aliases(ctx, named))):
        for member in cluster.mentions:
            names_of[member] = frozenset({number})
        gender = name_gender(ctx, cluster.mentions)
        if gender is not None:
            gender_of.update((member, gender) for member in cluster.mentions)
        for member in cluster.mentions[1:]:
            union(cluster.mentions[0], member)
        cluster_roles = tuple(m.role for m in cluster.mentions if getattr(m, "role", None))
        roles.update({member: cluster_roles for member in cluster.mentions})

    _link_lower_case_names(ordered, names_of, union)
    by_token = {i: m for m in ordered if m.type != PRONOUN for i in range(m.first_token, m.last_token + 1)}
    _link_renamings(ctx, ordered, by_token, union)
    _link_labelled_descriptions(ctx, ordered, names_of, union)
    _link_descriptions(ctx, ordered, roles, union)
    _link_repeated_heads(ctx, ordered, union)
    first_tokens = [m.first_token for m in ordered]
    for mention in ordered:
        if mention.type == PRONOUN:
            antecedent = _antecedent(ctx, mention, ordered, first_tokens, gender_of)
            if antecedent is not None:
                union(antecedent, mention)

    chains: dict[Mention, list[Mention]] = {}
    for mention in ordered:
        chains.setdefault(find(mention), []).append(mention)
    return [Chain(tuple(members)) for members in chains.values()]


def _link_lower_case_names(ordered: Sequence[Mention], names_of: dict[Mention, frozenset[int]], union) -> None:
    """A noun phrase of several words that spells a name of the document in lower case is that
    name ("la Commission fédérale ... le président de la commission fédérale"); one word alone is
    a common noun as often as a name ("le monde", "Le Monde")."""
    named_as: dict[str, set[frozenset[int]]] = {}
    first_of: dict[frozenset[int], Mention] = {}
    for mention in ordered:
        if mention.type not in (CONCEPT, DATE, PRONOUN) and names_of[mention]:
            named_as.setdefault(name_key(mention.text), set()).add(names_of[mention])
            first_of.setdefault(names_of[mention], mention)
    for mention in ordered:
        if mention.type != CONCEPT or len(mention.text.split()) < 2:
            continue
        found = named_as.get(name_key(mention.text), ())
        if len(found) == 1:
            union(first_of[next(iter(found))], mention)


def _link_renamings(ctx: DocContext, ordered: Sequence[Mention], by_token: dict[int, Mention], union) -> None:
    """A noun and the name in apposition to it, or naming it: "le président Jean Moreau";
    a person noun names only a person and the other way round ("la foule ... (Union
    Verte)": a crowd is no organisation, the parser hung the name on the wrong noun), but
    a place noun may name an institution ("l'école X")."""
    for mention in ordered:
        if mention.type != CONCEPT:
            continue
        head = ctx.head_of(mention)
        kind = ctx.resources.nouns.class_of(head.lemma_)
        for child in head.children:
            renames = child.dep_ in deps.NAME_APPOSITION or (
                child.dep_ == "nmod" and child.pos_ == "PROPN" and not any(g.dep_ == "case" for g in child.children)
            )
            target = by_token.get(child.i)
            if renames and target is not None and target.type not in (CONCEPT, DATE) and (kind is None or (broad_type(kind) == PERSON_TYPE) == (target.type == PERSON_TYPE)):
                union(mention, target)


def _link_labelled_descriptions(ctx: DocContext, ordered: Sequence[Mention], names_of: dict[Mention, frozenset[int]], union) -> None:
    """A class noun that introduced exactly one name of the document ("l'ONG Vigie Monde", "le
    musée de Pointe-Verte"), used later alone with a definite or demonstrative determiner, is
    that name ("l'ONG a demandé ...", "le musée dévoile ..."). With an adjective, a complement
    or a clause of its own it may be another thing ("le nouveau musée", "le musée du Louvre");
    two names introduced by the noun leave it to the other rules."""
    labelled: dict[str, set[frozenset[int]]] = {}
    first_of: dict[frozenset[int], Mention] = {}
    introduced: dict[str, int] = {}
    for mention in ordered:
        label = _label(ctx, mention) if mention.type not in (CONCEPT, DATE, PRONOUN) and names_of[mention] else None
        if label is not None:
            labelled.setdefault(label, set()).add(names_of[mention])
            first_of.setdefault(names_of[mention], mention)
            introduced.setdefault(label, mention.last_token)
    if not labelled:
        return
    for mention in ordered:
        if mention.type != CONCEPT:
            continue
        head = ctx.head_of(mention)
        names = labelled.get(head.lower_, ())
        if len(names) == 1 and head.i > introduced[head.lower_] and _bare_definite(ctx, head):
            union(first_of[next(iter(names))], mention)


def _label(ctx: DocContext, name: Mention) -> str | None:
    """The class noun that introduces ``name``, in lower case: the common noun it begins with
    ("musée de Pointe-Verte", a class noun of names.tsv that is not an eponym's: "le gouvernement
    X" is no "gouvernement" met later), the class noun it is the "de" complement of ("la
    province de Varanie", ``named_by_complement``), or the noun right before it that the parse
    joins to it, with its determiner ("l'ONG Vigie Monde", "le groupe Veltair"); a person noun
    introduces only a person."""
    first = ctx.tokens[name.first_token]
    heads = ctx.resources.name_heads
    if name.last_token > name.first_token and first.pos_ == "NOUN":
        found = heads.get(first.lower_)
        return first.lower_ if found is not None and found[1] != EPONYM else None
    head = ctx.head_of(name)
    if head.dep_ in deps.NOUN_MODIFIER and head.head.lower_ in ctx.words.named_by_complement and case_is_genitive(ctx, head):
        return head.head.lower_  # "la province de Varanie"
    if name.first_token == 0:
        return None
    noun = ctx.tokens[name.first_token - 1]
    if (
        noun.pos_ not in LABEL_POS
        or noun.i in ctx.fixed_at
        or not noun.is_alpha
        or not (noun.is_lower or noun.is_upper)
        or not (head.head == noun or noun.head == head)
        or not _determiners(ctx, noun)
    ):
        return None
    kind = ctx.resources.nouns.class_of(noun.lemma_)
    if kind is not None and (broad_type(kind) == PERSON_TYPE) != (name.type == PERSON_TYPE):
        return None
    return noun.lower_


def _determiners(ctx: DocContext, noun: Token) -> list[Token]:
    """The determiners of ``noun``, a contracted article included ("du", "au")."""
    return [c for c in noun.children if c.dep_ in deps.DETERMINER or (c.dep_ == deps.CASE and ctx.morph(c, "Definite"))]


def _bare_definite(ctx: DocContext, noun: Token) -> bool:
    """A singular noun with a definite or demonstrative determiner ("le", "cette", "du") and
    nothing else of its own: no adjective, complement, clause, name or number."""
    words = ctx.words
    determiners = _determiners(ctx, noun)
    return (
        ctx.feature(noun, "Number") != "Plur"
        and len(determiners) == 1
        and (determiners[0].dep_ == deps.CASE or determiners[0].lower_ in words.referring_determiners)
        and determiners[0].lower_ not in words.possessive_determiners
        and all(c.dep_ in BARE_NOUN_CHILDREN for c in noun.children)
    )


def _link_descriptions(ctx: DocContext, ordered: Sequence[Mention], roles, union) -> None:
    gazetteer, words = ctx.resources.gazetteer, ctx.words
    named = [m for m in ordered if m.type not in (CONCEPT, DATE, PRONOUN)]
    countries = {}
    for mention in named:
        place = gazetteer.place(mention.text)
        if mention.fine_type == COUNTRY and place is not None:
            countries.setdefault(place.country, mention)
    for mention in ordered:
        if mention.type != CONCEPT:
            continue
        head = ctx.head_of(mention)
        cls = ctx.resources.descriptions.get(head.lemma_.lower())
        if cls is None:
            continue
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        if not determiners & words.referring_determiners:
            continue
        country = next(
            (place.country for c in head.children if c.dep_ == "amod" and (place := gazetteer.demonym_country(c.text))),
            None,
        )
        head_sentence = ctx.sentence_start(head.i)
        earlier = [m for m in named if m.last_token < head.i and head_sentence - m.first_token < DESCRIPTION_WINDOW_TOKENS]
        target = None
        if cls == PERSON_TYPE:
            target = _described_person(head.lemma_.lower(), country, _complements(ctx, head), earlier, roles, gazetteer)
        elif cls == COUNTRY:
            if country is not None and countries.get(country) is not None:
                code = country  # "le territoire espagnol" is Spain
            elif head.lemma_.lower() in words.territory_nouns:
                continue
            elif determiners & words.possessive_determiners:
                code = _possessor_country(earlier, roles, gazetteer)
            else:
                code = _nearest_country_evidence(ctx, head)
            target = countries.get(code)
        else:
            target = _described_named(ctx, head, cls, earlier)
        if target is not None:
            union(target, mention)


def _described_named(ctx: DocContext, head: Token, cls: str, earlier: Sequence[Mention]) -> Mention | None:
    """The latest name of the class a description's noun gives, or of its broad class with no
    finer one: "la firme" is the last company named (or organisation of no known kind), not a
    party or a news agency. A noun with its own de-complement is another thing ("le groupe de
    travail")."""
    if any(_own_complement(ctx, c) for c in head.children):
        return None
    broad = broad_type(cls)
    # "le groupe" and "la banque" also name a group of people and a bank's premises: they
    # describe only a name known to be of their class.
    exact = head.lemma_.lower() in ctx.words.exact_class_descriptions
    for mention in reversed(earlier):
        fine = mention.fine_type or mention.type
        if is_a(fine, cls) or (fine == broad and not exact):
            return mention
    return None


def _own_complement(ctx: DocContext, child: Token) -> bool:
    """A de-complement or a relative clause that tells which thing a noun is ("le groupe de
    travail", "le groupe qui manifestait"): the noun introduces it, it does not refer back."""
    if child.dep_ in deps.RELATIVE_CLAUSE:
        return True
    return child.dep_ in deps.NOUN_MODIFIER and any(g.lower_ in ctx.words.genitive_cases for g in child.children)


def _described_person(noun: str, country: str | None, complements: set[str], earlier, roles, gazetteer: Gazetteer) -> Mention | None:
    """The latest person whose role has this noun (and this nationality, and the words of the
    de-complements, if the description says: "le président du Pérou" is not "le président
    Pablo Rojas")."""
    for mention in reversed(earlier):
        for role in roles.get(mention, ()):
            words = role.lower().split()
            if noun not in words or not complements <= set(words):
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


def _nearest_country_evidence(ctx: DocContext, head: Token) -> str | None:
    """The latest country named or implied by an adjective ("espagnol") before ``head``."""
    gazetteer = ctx.resources.gazetteer
    start = max(0, ctx.sentence_start(head.i) - DESCRIPTION_WINDOW_TOKENS)
    for token in reversed(ctx.doc[start : head.i]):
        place = gazetteer.demonym_country(token.text) if token.pos_ == "ADJ" else gazetteer.place(token.text)
        if place is not None and place.type == COUNTRY:
            return place.country
    return None


def _link_repeated_heads(ctx: DocContext, ordered: Sequence[Mention], union) -> None:
    """A noun repeated later with the same lemma and number is the same thing ("l'incendie ...
    l'incendie"), unless their adjectives disagree ("le président français" / "le président
    espagnol"); a plural does not join a singular."""
    seen: dict[tuple[str, str], list[Mention]] = {}
    for mention in ordered:
        if mention.type != CONCEPT:
            continue
        head = ctx.head_of(mention)
        key = (head.lemma_.lower(), ctx.feature(head, "Number") or "")
        earlier = seen.setdefault(key, [])
        match = next((m for m in reversed(earlier) if _modifiers_agree(ctx, ctx.head_of(m), head)), None)
        if match is not None:
            union(match, mention)
        earlier.append(mention)


def _modifiers_agree(ctx: DocContext, a: Token, b: Token) -> bool:
    """Two heads whose adjectives both exist must share them, and so must their de-complements;
    a later noun with a complement the earlier one lacks is another thing ("le groupe Veltair
    ... le groupe de manifestants")."""
    adjectives_a = {c.lemma_.lower() for c in a.children if c.dep_ == "amod"}
    adjectives_b = {c.lemma_.lower() for c in b.children if c.dep_ == "amod"}
    if adjectives_a and adjectives_b and not adjectives_a & adjectives_b:
        return False
    complements_a, complements_b = _complements(ctx, a), _complements(ctx, b)
    return not complements_b or bool(complements_a & complements_b)


def _complements(ctx: DocContext, head: Token) -> set[str]:
    genitives = ctx.words.genitive_cases
    return {c.lemma_.lower() for c in head.children if c.dep_ in deps.NOUN_MODIFIER and any(g.lower_ in genitives for g in c.children)}


def _antecedent(
    ctx: DocContext, pronoun: Mention, ordered: Sequence[Mention], first_tokens: Sequence[int], gender_of: dict[Mention, str]
) -> Mention | None:
    token = ctx.tokens[pronoun.first_token]
    gender, number = ctx.resources.pronouns[token.lower_]
    if gender is None and token.dep_ == "obj":
        # "l'ont volée": a past participle agrees with the object clitic before it.
        gender = ctx.feature(token.head, "Gender") if "Part" in ctx.morph(token.head, "VerbForm") else None
    personal = token.lower_ in ctx.words.personal_pronouns
    quote_start = _opening_quote(ctx, token.i)
    sentence_starts = ctx.sentence_starts
    current = bisect_right(sentence_starts, token.i) - 1
    window_start = sentence_starts[max(0, current - PRONOUN_WINDOW)]
    candidates = [
        m
        for m in ordered[bisect_left(first_tokens, window_start) : bisect_left(first_tokens, token.i)]
        if m.last_token < token.i and m.type not in (DATE, PRONOUN)
        and _agrees(ctx, m, gender, number, gender_of.get(m))
        and not (personal and not _may_be_personal(ctx, m))
        and not _same_clause_object(ctx, m, token)
        and not (quote_start is not None and m.last_token < quote_start and _subject_like(ctx, m))
    ]
    if not candidates:
        return None
    # The pronoun's sentence is ``current``; a head's is found by bisection (Token.sent makes a
    # Span and scans for its boundaries).
    return max(candidates, key=lambda m: (_salience(ctx, m, current, sentence_starts), m.start))


def _may_be_personal(ctx: DocContext, mention: Mention) -> bool:
    """Whether a personal pronoun ("il", "elle", "ils", "lui") may stand for ``mention``: a
    person (a name, or a noun of a person such as "la voisine") from any slot; anything else
    only as the subject it continues ("L'appareil ... Il transportait 83 passagers"), never
    a thing met in passing ("son passeport", "en effet", "par terre")."""
    if mention.type == PERSON_TYPE:
        return True
    if mention.type == CONCEPT:
        lemma = ctx.head_of(mention).lemma_.lower()
        cls = ctx.resources.nouns.class_of(lemma) or ctx.resources.descriptions.get(lemma)
        if cls is not None and broad_type(cls) == PERSON_TYPE:
            return True
    return _subject_like(ctx, mention)


def _subject_like(ctx: DocContext, mention: Mention) -> bool:
    """The subject of its clause, or the name of that subject ("L'ONG Terre Vive vient")."""
    head = ctx.head_of(mention)
    if head.dep_ in deps.SUBJECTS:
        return True
    renames = head.dep_ in deps.NAME_APPOSITION or (head.dep_ in deps.NOUN_MODIFIER and not any(c.dep_ == deps.CASE for c in head.children))
    return renames and head.head.i < head.i and head.head.dep_ in deps.SUBJECTS


def _opening_quote(ctx: DocContext, i: int) -> int | None:
    """The token that opens the quotation token ``i`` stands in, within its sentence, if any: a
    speaker quoted says "je", so a third-person pronoun in the quote is not the subject who
    speaks it ("Les voisins ont déclaré : « Ils ont volé la voiture »")."""
    # Read from the token arrays (quotation marks have no case): no Token is made.
    lower = ctx.lower
    closing_of = {get_string_id(opening): get_string_id(closing) for opening, closing in ctx.words.quote_pairs}
    open_at, expected = None, None
    for j in range(ctx.sentence_start(i), i):
        mark = lower[j]
        if expected is not None and mark == expected:
            open_at, expected = None, None
        elif expected is None and mark in closing_of:
            open_at, expected = j, closing_of[mark]
    return open_at


def _salience(ctx: DocContext, mention: Mention, pronoun_sentence: int, sentence_starts: Sequence[int]) -> int:
    """Subjects (and the names of subjects) first, persons next, then the nearer sentence."""
    head = ctx.head_of(mention)
    score = 0
    if _subject_like(ctx, mention):
        score += 2
    if mention.type == PERSON_TYPE:
        score += 2
    # The pronoun's own sentence, the one before, or further back.
    distance = pronoun_sentence - (bisect_right(sentence_starts, head.i) - 1)
    return score + max(0, 2 - distance)


def _same_clause_object(ctx: DocContext, mention: Mention, pronoun: Token) -> bool:
    """Binding: a non-reflexive pronoun does not refer to the subject of its own verb."""
    head = ctx.head_of(mention)
    return head.dep_ in deps.SUBJECTS and pronoun.dep_ not in deps.SUBJECTS and head.head == pronoun.head


def _agrees(ctx: DocContext, mention: Mention, gender: str | None, number: str | None, name_gender: str | None = None) -> bool:
    if mention.type != CONCEPT:
        # Names carry no morphology of their own: a named thing is singular, and a name has the
        # gender the words around it agree on ("Mme Dubois", "la France", "Dubois est arrivée"), if any.
        return number in (None, "Sing") and not (gender and name_gender and gender != name_gender)
    head = ctx.head_of(mention)
    mention_gender, mention_number = ctx.feature(head, "Gender"), ctx.feature(head, "Number")
    if gender and mention_gender and gender != mention_gender:
        return False
    return not (number and mention_number and number != mention_number)
