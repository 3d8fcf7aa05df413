"""Other names of one thing within a document, each with the reason it is one: a parenthesised
acronym or expansion ("Ligue des droits civiques (LDC)", "le SGT (Système de guidage terrestre)"), an
acronym made of a name's initials ("Front uni du Nord ... FUN"), two names of one known organisation
("Organisation des Nations unies ... ONU"), a name spaced or hyphenated otherwise ("Nova Tek" /
"NovaTek"), and a short form that is the first word of one longer name ("Norvix Motors Group ...
Norvix", "le Salon mondial ... le Salon") or, for a product, its last ("la sonde Orbix-Lyra ...
Lyra"), an institution's name with an adjective ("l'université de Leeds ... l'université anglaise de
Leeds"), and the armed forces of one country ("l'armée belge ... les forces belges"). Pure
functions of the document context; entities.cluster_mentions applies them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..language.names import ascii_fold, clean_surface, name_key
from ..records import broad_type
from .candidates import Mention
from .context import DocContext

PARENTHESISED = "parenthesised acronym or expansion"
INITIALS = "acronym of the name's initials"
SAME_KNOWN = "names of one known organisation"
SPACING = "same name spaced otherwise"
SHORT_FORM = "short form of the longer name"
INSTITUTION_NAME = "the name the institution is called by"
ONE_COUNTRY = "armed forces of one country"
DESCRIBED_INSTITUTION = "the institution with an adjective that describes it"
ARMED_FORCES = "ArmedForces"
# Classes whose names have short forms, and which end of the long name the short form keeps.
FIRST_WORD_CLASSES = frozenset({"Organization", "Product", "Misc"})
# The kind of class noun (name_heads.tsv) that names an institution after a place or a body.
INSTITUTION = "institution"
LAST_WORD_CLASSES = frozenset({"Product"})
# Longest acronym, in letters.
MAX_ACRONYM = 8


@dataclass(frozen=True)
class Alias:
    """``short`` is another name of the thing ``full`` names, for ``reason``."""

    short: Mention
    full: Mention
    reason: str


def name_aliases(ctx: DocContext, mentions: Sequence[Mention]) -> tuple[Alias, ...]:
    """The aliases among the named ``mentions`` of the document (memoised: coreference and the
    entities ask for those of the same names)."""
    named = tuple(m for m in mentions if m.is_named)
    memo = ctx.memos["name_aliases"]
    if named not in memo:
        memo[named] = _name_aliases(ctx, named)
    return memo[named]


def _name_aliases(ctx: DocContext, named: Sequence[Mention]) -> tuple[Alias, ...]:
    found = list(_parenthesised(ctx, named))
    found += _initials(ctx, named)
    found += _known_and_spacing(ctx, named)
    found += _short_forms(ctx, named)
    found += _institution_names(ctx, named)
    found += _forces_of_one_country(ctx, named)
    found += _described_institutions(ctx, named)
    return tuple(found)


def _compatible(a: Mention, b: Mention) -> bool:
    """Same broad class, or one of them unknown (Misc)."""
    first, second = broad_type(a.type), broad_type(b.type)
    return first == second or "Misc" in (first, second)


def is_acronym(text: str) -> bool:
    """"LDC", "UDPAE", "PS", "ReNa": one word, capitals after the first letter, no digit.

    >>> [is_acronym(t) for t in ("LDC", "ReNa", "Paris", "G7", "A")]
    [True, True, False, False, False]
    """
    letters = text.replace(".", "")
    return (
        2 <= len(letters) <= MAX_ACRONYM
        and letters.isalpha()
        and letters[0].isupper()
        and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)
    )


def _parenthesised(ctx: DocContext, named: Sequence[Mention]):
    """"A (B)" where one of them is an acronym: B stands for A when the classes agree or B spells
    A's initials (a place and an agency's name are not: "PARIS (AFP)")."""
    text, function_words = ctx.text, ctx.words.name_function_words
    for a, b in zip(named, named[1:]):
        if text[a.end : b.start].strip() != "(" or text[b.end : b.end + 1] != ")":
            continue
        short, full = (b, a) if is_acronym(b.text) else (a, b)
        if not is_acronym(short.text) or short is full or " " not in full.text.strip():
            continue
        if _compatible(a, b) or spells_initials(short.text, full.text, function_words):
            yield Alias(short, full, PARENTHESISED)


def spells_initials(acronym: str, name: str, function_words: frozenset[str]) -> bool:
    """Whether ``acronym`` is the initials of ``name``'s words, each content word giving its
    first letter and each function word its first letter or nothing.

    >>> words = frozenset({"de", "des", "d", "l", "la", "du"})
    >>> spells_initials("UDPAE", "Union douanière des pays d'Asie de l'Est", words)
    True
    >>> spells_initials("PV", "Parti vertical", words), spells_initials("PV", "Parti radical", words)
    (True, False)
    """
    letters = ascii_fold(acronym).replace(" ", "")
    parts = ascii_fold(name).split()
    if len(parts) < 2 or not letters:
        return False

    def match(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(letters)
        word = parts[j]
        optional = word in function_words
        if i < len(letters) and word[0] == letters[i] and match(i + 1, j + 1):
            return True
        return optional and match(i, j + 1)

    return match(0, 0)


def _initials(ctx: DocContext, named: Sequence[Mention]):
    """An acronym elsewhere in the document that spells one longer name's initials."""
    function_words = ctx.words.name_function_words
    longer = [m for m in named if len(m.text.split()) > 1 and broad_type(m.type) != "Person"]
    for short in named:
        if not is_acronym(short.text):
            continue
        matches = {name_key(m.text): m for m in longer if spells_initials(short.text, m.text, function_words)}
        if len(matches) == 1:
            yield Alias(short, next(iter(matches.values())), INITIALS)


def _known_and_spacing(ctx: DocContext, named: Sequence[Mention]):
    """Two names the organisation list gives to one organisation, and two spellings of one name
    that differ only in spaces and hyphens."""
    gazetteer = ctx.resources.gazetteer
    first_of: dict[object, Mention] = {}
    for mention in named:
        known = gazetteer.organization(mention.text)
        key = ("known", known.label) if known is not None else ("compact", name_key(mention.text).replace(" ", ""))
        earlier = first_of.setdefault(key, mention)
        if earlier is not mention and name_key(earlier.text) != name_key(mention.text):
            yield Alias(mention, earlier, SAME_KNOWN if key[0] == "known" else SPACING)


def _short_forms(ctx: DocContext, named: Sequence[Mention]):
    """A one-word name that is the first word of exactly one longer name of the document (an
    organisation's, a product's or an unknown thing's) or the last word of a product's, of a
    compatible class; the long name comes first ("Vexalis" named first is not the "Vexalis
    Direct" that follows), unless the short one is in the headline, which abbreviates. Never a
    known place ("France" is not "France Télévisions"). A long name counts once, with the
    classes of all its mentions."""
    gazetteer = ctx.resources.gazetteer
    headline_end = max(0, ctx.text.find("\n"))  # a text of one line has no headline
    first_seen: dict[str, int] = {}
    long_names: dict[str, list[Mention]] = {}
    for mention in named:
        key = name_key(mention.text)
        first_seen.setdefault(key, mention.start)
        if " " in key:
            long_names.setdefault(key.replace(" ", ""), []).append(mention)  # spellings count once
    for short in named:
        key = name_key(short.text)
        if " " in key or broad_type(short.type) not in FIRST_WORD_CLASSES or gazetteer.place(short.text) is not None:
            continue
        in_headline = first_seen[key] < headline_end
        fulls = [
            mentions
            for mentions in long_names.values()
            if (in_headline or mentions[0].start < first_seen[key])
            and any(_compatible(short, m) and _shortens(key, m) for m in mentions)
        ]
        if len(fulls) == 1:
            yield Alias(short, fulls[0][0], SHORT_FORM)


def _shortens(key: str, long: Mention) -> bool:
    """``key`` is the first word of an organisation's (or unknown thing's) name, or the first or
    last word of a product's."""
    words = name_key(long.text).split()
    cls = broad_type(long.type)
    return (cls in FIRST_WORD_CLASSES and words[0] == key) or (cls in LAST_WORD_CLASSES and words[-1] == key)


def _institution_names(ctx: DocContext, named: Sequence[Mention]):
    """A name that completes an institution's class noun in a longer name of the document, "le
    musée de Pointe-Verte ... Pointe-Verte", "le Louvre ... le musée du Louvre": the institution
    is called by it. Never a known place ("l'université de Nantes" is not Nantes)."""
    heads, genitives, gazetteer = ctx.resources.name_heads, ctx.words.genitive_cases, ctx.resources.gazetteer
    called: dict[str, list[Mention]] = {}
    for mention in named:
        words = mention.text.split()
        head = heads.get(words[0].lower())
        if head is None or head[1] != INSTITUTION or len(words) < 3 or words[1].lower() not in genitives:
            continue
        tail = " ".join(words[2:])
        start, end = clean_surface(tail)  # without its article: "du Louvre", "de l'Intérieur"
        called.setdefault(name_key(tail[start:end]), []).append(mention)
    for mention in named:
        institutions = called.get(name_key(mention.text), [])
        if len({name_key(m.text) for m in institutions}) == 1 and gazetteer.place(mention.text) is None and mention not in institutions:
            yield Alias(mention, institutions[0], INSTITUTION_NAME)


def _forces_of_one_country(ctx: DocContext, named: Sequence[Mention]):
    """"l'armée ruritanienne ... les forces ruritaniennes": the armed forces named by one
    country's adjective (mentions.national_forces) are one."""
    gazetteer = ctx.resources.gazetteer
    first_of: dict[str, Mention] = {}
    for mention in named:
        place = gazetteer.demonym_country(mention.text.split()[-1]) if mention.fine_type == ARMED_FORCES else None
        if place is None:
            continue
        earlier = first_of.setdefault(place.label, mention)
        if earlier is not mention and name_key(earlier.text) != name_key(mention.text):
            yield Alias(mention, earlier, ONE_COUNTRY)


def _described_institutions(ctx: DocContext, named: Sequence[Mention]):
    """"l'université de Leeds ... l'université anglaise de Leeds": an institution's name with an
    adjective after its class noun is the same name described."""
    heads = ctx.resources.name_heads
    plain = {name_key(m.text): m for m in named}
    for mention in named:
        words = mention.text.split()
        head = heads.get(words[0].lower())
        if head is None or head[1] != INSTITUTION or len(words) < 4 or words[2].lower() not in ctx.words.genitive_cases:
            continue
        same = plain.get(name_key(" ".join([words[0], *words[2:]])))
        if same is not None:
            yield Alias(mention, same, DESCRIBED_INSTITUTION)
