"""Name rules on fixed parses: each table is one construction with the NER span given, so
these tests check the rule alone (tests/test_entity_types.py and tests/test_aliases.py check the
same behaviour through the trained pipeline). Every name is invented."""

import pytest

from textkg.extract.aliases import INITIALS, PARENTHESISED, SHORT_FORM, SPACING
from textkg.extract.mentions import named_mentions

from .fixed_parse import extract, parse
from .language import context

CAPSULE = """
La       le       DET   2 det
capsule  capsule  NOUN  4 nsubj
Orvane   Orvane   PROPN 2 appos  _  B-LOC
a        avoir    AUX   5 aux:tense
décollé  décoller VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 5 punct
"""

# the same name after a word that is no class noun
AFTER_VERB = """
Orvane   Orvane   PROPN 3 nsubj  _  B-LOC
a        avoir    AUX   3 aux:tense
décollé  décoller VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 3 punct
"""

# a product noun before the NER's organisation names the maker, not a product
MAKER = """
Un       un       DET   2 det
avion    avion    NOUN  4 nsubj
Veltair  Veltair  PROPN 2 nmod   _  B-ORG
a        avoir    AUX   5 aux:tense
atterri  atterrir VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 5 punct
"""

PARTY = """
Le       le       DET   2 det
Parti    parti    PROPN 4 nsubj  _  B-MISC
vertical vertical ADJ   2 amod   _  I-MISC
a        avoir    AUX   4 aux:tense
voté     voter    VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 4 punct
"""

MEMBERS = """
Les      le       DET   2 det
membres  membre   NOUN  7 nsubj
d'       de       ADP   4 case
Kel      Kel      PROPN 2 nmod   _  B-PER
Tamar    Tamar    PROPN 4 flat:name _ I-PER
ont      avoir    AUX   7 aux:tense
parlé    parler   VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 7 punct
"""

SHIPWRECK = """
Le       le       DET   2 det
naufrage naufrage NOUN  6 nsubj
du       de       ADP   4 case
Korvald  Korvald  PROPN 2 nmod   _  B-LOC
a        avoir    AUX   6 aux:tense
choqué   choquer  VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 6 punct
"""

EPONYM = """
L'       le       DET   2 det
affaire  affaire  NOUN  4 nsubj
Durandal Durandal PROPN 2 appos  _  B-PER
a        avoir    AUX   5 aux:tense
choqué   choquer  VERB  0 ROOT   Tense=Past|VerbForm=Part
Paul     Paul     PROPN 7 flat:name _ B-PER
Durandal Durandal PROPN 5 obj    _  I-PER
.        .        PUNCT 5 punct
"""

INSTITUTION = """
Il       il       PRON  2 nsubj
enseigne enseigner VERB 0 ROOT
à        à        ADP   5 case
l'       le       DET   5 det
université université NOUN 2 obl:mod
de       de       ADP   7 case
Lyon     Lyon     PROPN 5 nmod   _  B-LOC
.        .        PUNCT 2 punct
"""

TWO_PLACES = """
Il       il       PRON  2 nsubj
vit      vivre    VERB  0 ROOT
à        à        ADP   4 case
Ikodo    Ikodo    PROPN 2 obl:mod _  B-LOC
de       de       ADP   6 case
Nairobi  Nairobi  PROPN 4 nmod   _  I-LOC
.        .        PUNCT 2 punct
"""

# an organisation named after its town stays one name
NEWSPAPER = """
La       le       DET   2 det
Tribune  Tribune  PROPN 5 nsubj  _  B-ORG
de       de       ADP   4 case   _  I-ORG
Nairobi  Nairobi  PROPN 2 nmod   _  I-ORG
paraît   paraître VERB  0 ROOT
.        .        PUNCT 5 punct
"""

NO_NAMES = """
Au       à        ADP   2 case
XVe      XVe      ADJ   3 amod   _  B-LOC
siècle   siècle   NOUN  7 obl:mod
,        ,        PUNCT 3 punct
les      le       DET   6 det
Peuls    Peul     PROPN 7 nsubj  _  B-MISC
priaient prier    VERB  0 ROOT
Dieu     Dieu     PROPN 7 obj    _  B-PER
à        à        ADP   11 case
7h       7h       NUM   11 nummod
UTC      UTC      PROPN 7 obl:mod _ B-ORG
.        .        PUNCT 7 punct
"""

ACRONYM = """
L'       le       DET   2 det
Alliance Alliance PROPN 8 nsubj  _  B-ORG
civique  civique  ADJ   2 amod   _  I-ORG
(        (        PUNCT 5 punct
AC       AC       PROPN 2 appos  _  B-ORG
)        )        PUNCT 5 punct
a        avoir    AUX   8 aux:tense
voté     voter    VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 8 punct
"""

INITIALS_LATER = """
Le       le       DET   2 det
Front    Front    PROPN 6 nsubj  _  B-ORG
uni      uni      ADJ   2 amod   _  I-ORG
du       de       ADP   5 case   _  I-ORG
Nord     Nord     PROPN 2 nmod   _  I-ORG
proteste protester VERB 0 ROOT
et       et       CCONJ 9 cc
le       le       DET   9 det
FUN      FUN      PROPN 6 conj   _  B-ORG
insiste  insister VERB  6 conj
.        .        PUNCT 6 punct
"""

# a place and an agency in parentheses are two things
DATELINE = """
Nairobi  Nairobi  PROPN 0 ROOT   _  B-LOC
(        (        PUNCT 3 punct
AFP      AFP      PROPN 1 appos  _  B-ORG
)        )        PUNCT 3 punct
"""

SHORT = """
Le       le       DET   2 det
groupe   groupe   NOUN  6 nsubj
Vexalis  Vexalis  PROPN 2 appos  _  B-ORG
Industries Industries PROPN 3 flat:name _ I-ORG
a        avoir    AUX   6 aux:tense
dit      dire     VERB  0 ROOT   Tense=Past|VerbForm=Part
que      que      SCONJ 9 mark
Vexalis  Vexalis  PROPN 9 nsubj  _  B-ORG
recrute  recruter VERB  6 ccomp
.        .        PUNCT 6 punct
"""

SPACED = """
La       le       DET   2 det
capsule  capsule  NOUN  6 nsubj
Nova     Nova     PROPN 2 appos  _  B-MISC
X        X        PROPN 3 flat:name _ I-MISC
vole     voler    VERB  0 ROOT
et       et       CCONJ 8 cc
NovaX    NovaX    PROPN 8 nsubj  _  B-MISC
atterrit atterrir VERB  5 conj
.        .        PUNCT 5 punct
"""


# names listed with an organisation are organisations, whatever the NER took them for
LISTED = """
Les      le       DET   2 det
chefs    chef     NOUN  12 nsubj
de       de       ADP   5 case
l'       le       DET   5 det
OMS      OMS      PROPN 2 nmod   _  B-ORG
,        ,        PUNCT 8 punct
du       de       ADP   8 case
Tarvel   Tarvel   PROPN 2 nmod   _  B-LOC
et       et       CCONJ 11 cc
d'       de       ADP   11 case
Orvanie  Orvanie  PROPN 8 conj   _  B-MISC
parlent  parler   VERB  0 ROOT
.        .        PUNCT 12 punct
"""

# ... but a comma alone makes no list ("Après Tarvel, l'OMS a parlé")
NOT_LISTED = """
Après    après    ADP   2 case
Tarvel   Tarvel   PROPN 6 obl    _  B-LOC
,        ,        PUNCT 2 punct
l'       le       DET   5 det
OMS      OMS      PROPN 6 nsubj  _  B-ORG
parle    parler   VERB  0 ROOT
.        .        PUNCT 6 punct
"""

# a demonym before a name gives the person's origin; the parser may start a sentence at the surname
ORIGIN = """
Elle     elle     PRON  2 nsubj
bat      battre   VERB  0 ROOT
la       le       DET   4 det
Polonaise polonais PROPN 2 obj   _  B-LOC
Irena    Irena    PROPN 4 flat:name
Walczak  walczak  NOUN  0 ROOT
.        .        PUNCT 6 punct
"""


# the agent of a vehicle's event noun, hung by the parser on the noun's own complement
RAMMED = """
L'       le       DET   2 det
abordage abordage NOUN  8 nsubj
du       de       ADP   4 case
ferry    ferry    NOUN  2 nmod
par      par      ADP   7 case
le       le       DET   7 det
Vestris  Vestris  PROPN 4 nmod   _  B-LOC
dure     durer    VERB  0 ROOT
.        .        PUNCT 8 punct
"""


# a naming participle gives the noun it modifies its name
CHRISTENED = """
Ce       ce       DET   2 det
terminal terminal NOUN  7 nsubj
(        (        PUNCT 4 punct
baptisé  baptiser VERB  2 acl    Tense=Past|VerbForm=Part
Orvel    Orvel    PROPN 4 obj    _  B-PER
)        )        PUNCT 4 punct
marche   marcher  VERB  0 ROOT
.        .        PUNCT 7 punct
"""


# a quoted name after an event's noun, seen through the noun's complement ("conférence de presse")
CONFERENCE = """
Sa         son        DET   2 det
conférence conférence NOUN  9 nsubj
de         de         ADP   4 case
presse     presse     NOUN  2 nmod
«          «          PUNCT 6 punct
Orvel      Orvel      PROPN 4 appos  _  B-ORG
Direct     Direct     PROPN 6 flat:name _ I-ORG
»          »          PUNCT 6 punct
commence   commencer  VERB  0 ROOT
.          .          PUNCT 9 punct
"""


def typed(table: str) -> list[tuple[str, str]]:
    return [(m.text, m.fine_type) for m in named_mentions(context(parse(table)))]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (CAPSULE, ("Orvane", "Vehicle")),
        (MAKER, ("Veltair", "Organization")),
        (PARTY, ("Parti vertical", "PoliticalParty")),
        (MEMBERS, ("Kel Tamar", "Organization")),
        (SHIPWRECK, ("Korvald", "Vehicle")),
        (EPONYM, ("affaire Durandal", "Misc")),
        (EPONYM, ("Paul Durandal", "Person")),
        (INSTITUTION, ("université de Lyon", "Organization")),
        (TWO_PLACES, ("Ikodo", "Place")),
        (TWO_PLACES, ("Nairobi", "City")),
        (NEWSPAPER, ("Tribune de Nairobi", "Organization")),
    ],
)
def test_a_name_takes_its_class_and_its_bounds_from_the_words_around_it(table, expected):
    assert expected in typed(table)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (LISTED, [("OMS", "IntergovernmentalOrganization"), ("Tarvel", "Organization"), ("Orvanie", "Organization")]),
        (NOT_LISTED, [("Tarvel", "Place"), ("OMS", "IntergovernmentalOrganization")]),
        (ORIGIN, [("Irena Walczak", "Person")]),
        (RAMMED, [("Vestris", "Vehicle")]),
        (CHRISTENED, [("Orvel", "Product")]),
        (CONFERENCE, [("Orvel Direct", "Misc")]),
    ],
)
def test_a_name_takes_its_class_from_its_list_its_origin_or_what_it_did(table, expected):
    assert typed(table) == expected


def test_a_name_after_a_word_that_is_no_class_noun_keeps_the_ner_type():
    assert typed(AFTER_VERB) == [("Orvane", "Place")]


def test_units_peoples_god_and_roman_ordinals_are_no_names():
    assert typed(NO_NAMES) == []


@pytest.mark.parametrize(
    ("table", "label", "alias", "reason"),
    [
        (ACRONYM, "Alliance civique", "AC", PARENTHESISED),
        (INITIALS_LATER, "Front uni du Nord", "FUN", INITIALS),
        (SHORT, "Vexalis Industries", "Vexalis", SHORT_FORM),
        (SPACED, "Nova X", "NovaX", SPACING),
    ],
)
def test_an_alias_joins_its_name_with_the_reason(table, label, alias, reason):
    from textkg.extract.aliases import name_aliases
    from textkg.extract.entities import cluster_mentions

    ctx = context(parse(table))
    mentions = list(named_mentions(ctx))
    (cluster,) = [c for c in cluster_mentions(mentions, name_aliases(ctx, mentions)) if c.label == label]
    assert (alias, reason) in {(m.name, m.reason) for m in cluster.merges}
    assert alias in extract_labels(table)[label]
    assert (alias, reason) in {(m.name, m.reason) for e in extract(table).entities for m in e.merges}


def test_a_place_and_the_agency_after_it_in_parentheses_stay_two():
    assert set(extract_labels(DATELINE)) == {"Nairobi", "AFP"}


def extract_labels(table: str) -> dict[str, tuple[str, ...]]:
    """Each named entity's label with its aliases, from the whole extraction record."""
    return {e.label: e.aliases for e in extract(table).entities if e.type not in ("Concept", "Date")}


# OCR debris: two letters the NER took for a place
DEBRIS = """
Le       le       DET   3 det
VH       VH       PROPN 3 nmod   _  B-LOC
congrès  congrès  NOUN  0 ROOT
.        .        PUNCT 3 punct
"""

# near miss: the same two letters as the surname of a full name of the document stay a name
SURNAME_OF_TWO_LETTERS = """
Wen      Wen      PROPN 3 nsubj     _  B-PER
Li       Li       PROPN 1 flat:name _  I-PER
parle    parler   VERB  0 ROOT
.        .        PUNCT 3 punct
Li       Li       PROPN 6 nsubj     _  B-PER
conclut  conclure VERB  0 ROOT
.        .        PUNCT 6 punct
"""

# the end of a word the tokenizer cut at its hyphen starts no name
HYPHEN_END = """
La       le       DET   2 det
convention convention NOUN 0 ROOT
germano  germano  ADJ   2 amod
-Suisse  -suisse  PROPN 2 amod   _  B-LOC
.        .        PUNCT 2 punct
"""

# an older name of a big city ("Gorki" for Nizhny Novgorod) does not outweigh the NER's person ...
OLD_CITY_NAME = """
Il       il       PRON  2 nsubj
admirait admirer  VERB  0 ROOT
Gorki    Gorki    PROPN 2 obj    _  B-PER
.        .        PUNCT 2 punct
"""

# ... the city's own name does
OWN_CITY_NAME = OLD_CITY_NAME.replace("Gorki    Gorki    PROPN", "Marseille Marseille PROPN")


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (DEBRIS, set()),
        (SURNAME_OF_TWO_LETTERS, {("Wen Li", "Person"), ("Li", "Person")}),
        (HYPHEN_END, set()),
        (OLD_CITY_NAME, {("Gorki", "Person")}),
    ],
)
def test_scraps_of_words_and_old_city_names(table, expected):
    assert {(m.text, m.type) for m in named_mentions(context(parse(table)))} == expected


def test_a_big_city_outweighs_the_ner_person_under_its_own_name():
    assert {(m.text, m.fine_type) for m in named_mentions(context(parse(OWN_CITY_NAME)))} == {("Marseille", "City")}


# a particle after an honorific begins the family name the NER missed ...
PARTICLE = """
M.       m.       NOUN  5 nsubj
de       de       ADP   3 case
Varenne  Varenne  PROPN 1 nmod
a        avoir    AUX   5 aux:tense
parlé    parler   VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 5 punct
"""

# ... not after a role ("le président du Conseil")
ROLE_AND_PARTICLE = """
Le       le       DET   2 det
président président NOUN 6 nsubj
du       de       ADP   4 case
Conseil  Conseil  PROPN 2 nmod
a        avoir    AUX   6 aux:tense
parlé    parler   VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 6 punct
"""

# a name after a title is a person, whatever part of speech the tagger gave it ...
TITLED_NOUN = """
Le       le       DET   2 det
général  général  NOUN  5 nsubj
Korvald  korvald  NOUN  2 appos
a        avoir    AUX   5 aux:tense
parlé    parler   VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 5 punct
"""

# ... but not an initial or another honorific ("S. M. le roi")
TITLED_INITIAL = """
S.       S.       NOUN  0 ROOT
M.       M.       NOUN  1 flat:name
le       le       DET   4 det
roi      roi      NOUN  1 appos
.        .        PUNCT 1 punct
"""


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (PARTICLE, {("de Varenne", "Person")}),
        (ROLE_AND_PARTICLE, set()),
        (TITLED_NOUN, {("Korvald", "Person")}),
        (TITLED_INITIAL, set()),
    ],
)
def test_names_after_honorifics_and_titles(table, expected):
    assert {(m.text, m.type) for m in named_mentions(context(parse(table)))} == expected


# the NER's span holds a company a class noun introduces and the town it is in
FIRM_AND_TOWN = """
C'       ce       PRON  4 nsubj
est      être     AUX   4 cop
la       le       DET   4 det
firme    firme    NOUN  0 ROOT
Lumen    Lumen    PROPN 4 appos  _  B-MISC
Studio   Studio   PROPN 5 flat:name _ I-MISC
de       de       ADP   8 case   _  I-MISC
Genève   Genève   PROPN 5 nmod   _  I-MISC
.        .        PUNCT 4 punct
"""

# near miss: without the class noun before it, the name keeps its town (the town is also named
# inside it, as in "Tour de France")
NAME_WITH_TOWN = FIRM_AND_TOWN.replace("firme    firme    NOUN", "revue    revue    NOUN")

# a description swept in before the name ("Dernière soirée du Salon ...")
DESCRIBED = """
Dernière dernière ADJ   2 amod   _  B-MISC
soirée   soirée   NOUN  0 ROOT   _  I-MISC
du       de       ADP   4 case   _  I-MISC
Salon    Salon    PROPN 2 nmod   _  I-MISC
mondial  mondial  ADJ   4 amod   _  I-MISC
.        .        PUNCT 2 punct
"""

# near miss: a name whose own words are capitalised keeps its genitive
OWN_GENITIVE = """
Le       le       DET   2 det
Tour     Tour     PROPN 6 nsubj  _  B-MISC
de       de       ADP   4 case   _  I-MISC
France   France   PROPN 2 nmod   _  I-MISC
a        avoir    AUX   6 aux:tense
commencé commencer VERB 0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 6 punct
"""

# a role and its portfolio are no organisation
PORTFOLIO = """
Le       le       DET   2 det
ministre ministre NOUN  6 nsubj  _  B-ORG
des      de       ADP   4 case   _  I-ORG
Finances Finances PROPN 2 nmod   _  I-ORG
a        avoir    AUX   6 aux:tense
parlé    parler   VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 6 punct
"""

# near miss: the ministry itself is one
MINISTRY = PORTFOLIO.replace("ministre ministre NOUN", "ministère ministère NOUN")

# a verb the NER swept in at the end of a name
TRAILING_VERB = """
La       le       DET   2 det
capsule  capsule  NOUN  4 nsubj
Orvane   Orvane   PROPN 2 appos  _  B-MISC
amortit  amortir  VERB  0 ROOT   _  I-MISC
le       le       DET   6 det
choc     choc     NOUN  4 obj
.        .        PUNCT 4 punct
"""

# the article after the dash of a dateline is the sentence's: a generic noun alone is no name
DATELINE_DASH = """
-        -        PUNCT 3 punct
Le       le       DET   3 det    _  B-PER
Frère    frère    NOUN  5 nsubj  _  I-PER
a        avoir    AUX   5 aux:tense
parlé    parler   VERB  0 ROOT   Tense=Past|VerbForm=Part
.        .        PUNCT 5 punct
"""

# a maker the NER names elsewhere and a model number are a product ...
MAKER_MODEL = """
Norvix   Norvix   PROPN 2 nsubj  _  B-ORG
prépare  préparer VERB  0 ROOT
le       le       DET   4 det
Norvix   Norvix   PROPN 2 obj    _  B-MISC
A330     A330     PROPN 4 flat:name _ I-MISC
.        .        PUNCT 2 punct
"""

# ... a designator alone is not (a conference, a flight, a virus)
DESIGNATOR_ALONE = """
La       le       DET   2 det
COP21    COP21    PROPN 3 nsubj  _  B-MISC
commence commencer VERB 0 ROOT
.        .        PUNCT 3 punct
"""

# a vehicle the NER missed after a noun of what happens only to vehicles
SHIPWRECK_MISSED = """
Le       le       DET   2 det
naufrage naufrage NOUN  5 nsubj
du       de       ADP   4 case
Vestris  Vestris  NOUN  2 nmod
choque   choquer  VERB  0 ROOT
.        .        PUNCT 5 punct
"""


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (FIRM_AND_TOWN, {("Lumen Studio", "Company"), ("Genève", "City")}),
        (NAME_WITH_TOWN, {("Lumen Studio de Genève", "Misc"), ("Genève", "City")}),
        (DESCRIBED, {("Salon mondial", "Misc")}),
        (OWN_GENITIVE, {("Tour de France", "Misc"), ("France", "Country")}),
        (PORTFOLIO, set()),
        (MINISTRY, {("ministère des Finances", "GovernmentBody")}),
        (TRAILING_VERB, {("Orvane", "Vehicle")}),
        (DATELINE_DASH, set()),
        (MAKER_MODEL, {("Norvix", "Organization"), ("Norvix A330", "Product")}),
        (DESIGNATOR_ALONE, {("COP21", "Misc")}),
        (SHIPWRECK_MISSED, {("Vestris", "Vehicle")}),
    ],
)
def test_name_bounds_and_classes(table, expected):
    assert {(m.text, m.fine_type) for m in named_mentions(context(parse(table)))} == expected


# a place inside a longer name is one when a preposition ties it there, not as a word of the name
WORD_OF_A_NAME = """
Nova     Nova     PROPN 3 nsubj  _  B-MISC
Mobile   Mobile   PROPN 1 flat:name _ I-MISC
progresse progresser VERB 0 ROOT
.        .        PUNCT 3 punct
"""


def test_a_place_name_that_is_a_word_of_a_longer_name_is_no_place():
    # "Mobile" is a town of the gazetteer, and a company's last word (names/words.tsv)
    assert {(m.text, m.fine_type) for m in named_mentions(context(parse(WORD_OF_A_NAME)))} == {("Nova Mobile", "Organization")}


# a short form follows its long name (a headline may abbreviate first: tests/test_aliases.py)
SHORT_BEFORE_LONG = """
Vexalis  Vexalis  PROPN 2 nsubj  _  B-ORG
présente présenter VERB 0 ROOT
le       le       DET   4 det
Vexalis  Vexalis  PROPN 2 obj    _  B-ORG
Direct   Direct   PROPN 4 flat:name _ I-ORG
.        .        PUNCT 2 punct
"""

# an institution called by the name it was named after
INSTITUTION_AND_NAME = """
Le       le       DET   2 det
musée    musée    NOUN  5 nsubj  _  B-ORG
de       de       ADP   4 case   _  I-ORG
Pointe-Verte Pointe-Verte PROPN 2 nmod _ I-ORG
ouvre    ouvrir   VERB  0 ROOT
.        .        PUNCT 5 punct
Pointe-Verte Pointe-Verte PROPN 8 nsubj _ B-LOC
expose   exposer  VERB  0 ROOT
.        .        PUNCT 8 punct
"""


def test_a_name_before_the_longer_one_is_no_short_form_of_it():
    assert set(extract_labels(SHORT_BEFORE_LONG)) == {"Vexalis", "Vexalis Direct"}


def test_an_institution_and_the_name_it_is_called_by_are_one():
    from textkg.extract.aliases import INSTITUTION_NAME

    labels = extract_labels(INSTITUTION_AND_NAME)
    assert labels == {"musée de Pointe-Verte": ("Pointe-Verte",)}
    assert (INSTITUTION_NAME) in {m.reason for e in extract(INSTITUTION_AND_NAME).entities for m in e.merges}
