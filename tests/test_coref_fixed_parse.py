"""Pronoun agreement and descriptions of organisations on fixed parses: each table is one
construction, so these tests check the coreference rule alone (tests/test_coref.py checks the
same behaviour through the trained pipeline). Every name is invented."""

from dataclasses import replace

import pytest

from textkg.extract.coref import coreference_chains, noun_mentions, pronoun_mentions
from textkg.extract.mentions import named_mentions

from .fixed_parse import extract, facts, parse
from .language import context, coreference_clusters


def chains(table: str) -> list[list[str]]:
    """The chains of more than one mention, as sorted surfaces."""
    return coreference_clusters(parse(table))


def pronouns(table: str) -> list[str]:
    ctx = context(parse(table))
    return [m.text for m in pronoun_mentions(ctx)]


# "elle" cannot take a man: the honorific says Lenoir is one, so it takes the woman he received
HONORIFIC = """
M.         m.         NOUN  4  nsubj      Gender=Masc|Number=Sing  B-PER
Lenoir     Lenoir     PROPN 1  flat:name  _                        I-PER
a          avoir      AUX   4  aux:tense  _
reçu       recevoir   VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
Karine     Karine     PROPN 4  obj        _                        B-PER
Dubois     Dubois     PROPN 5  flat:name  _                        I-PER
.          .          PUNCT 4  punct      _
Elle       il         PRON  10 nsubj      Gender=Fem|Number=Sing|Person=3
a          avoir      AUX   10 aux:tense  _
parlé      parler     VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 10 punct      _
"""

# "est arrivée" agrees with a woman: "il" takes the man named beside her
AGREEMENT = """
Dubois     Dubois     PROPN 3  nsubj      _                        B-PER
est        être       AUX   3  aux:tense  _
arrivée    arriver    VERB  0  ROOT       Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part
avec       avec       ADP   5  case       _
Lenoir     Lenoir     PROPN 3  obl:mod    _                        B-PER
.          .          PUNCT 3  punct      _
Il         il         PRON  9  nsubj      Gender=Masc|Number=Sing|Person=3
a          avoir      AUX   9  aux:tense  _
parlé      parler     VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 9  punct      _
"""

# near miss: with "avoir" the participle agrees with nothing, so it says nothing of Dubois
NO_AGREEMENT = AGREEMENT.replace("est        être ", "a          avoir").replace("Gender=Fem|Number=Sing|Tense=Past", "Gender=Masc|Number=Sing|Tense=Past")

# near miss: a man and no woman before "elle": nothing
ONLY_A_MAN = """
M.         m.         NOUN  4  nsubj      Gender=Masc|Number=Sing  B-PER
Lenoir     Lenoir     PROPN 1  flat:name  _                        I-PER
a          avoir      AUX   4  aux:tense  _
parlé      parler     VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 4  punct      _
Elle       il         PRON  8  nsubj      Gender=Fem|Number=Sing|Person=3
a          avoir      AUX   8  aux:tense  _
ri         rire       VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 8  punct      _
"""

# a thing met in passing (an object) is no antecedent of a personal pronoun ...
THING_IN_PASSING = """
Le         le         DET   2  det        Gender=Masc|Number=Sing
voleur     voleur     NOUN  4  nsubj      Gender=Masc|Number=Sing
a          avoir      AUX   4  aux:tense  _
pris       prendre    VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
la         le         DET   6  det        Gender=Fem|Number=Sing
montre     montre     NOUN  4  obj        Gender=Fem|Number=Sing
.          .          PUNCT 4  punct      _
Par        par        ADP   9  case       _
peur       peur       NOUN  12 obl:mod    Gender=Fem|Number=Sing
,          ,          PUNCT 9  punct      _
elle       il         PRON  12 nsubj      Gender=Fem|Number=Sing|Person=3
a          avoir      AUX   12 aux:tense  _
fui        fuir       VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 12 punct      _
"""

# ... but the subject it continues is ("La montre a disparu. Elle était en or.")
THING_AS_SUBJECT = """
La         le         DET   2  det        Gender=Fem|Number=Sing
montre     montre     NOUN  4  nsubj      Gender=Fem|Number=Sing
a          avoir      AUX   4  aux:tense  _
disparu    disparaître VERB 0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 4  punct      _
Elle       il         PRON  10 nsubj      Gender=Fem|Number=Sing|Person=3
était      être       AUX   10 cop        _
en         en         ADP   10 case       _
or         or         NOUN  0  ROOT       Gender=Masc|Number=Sing
.          .          PUNCT 10 punct      _
"""

# who speaks a quotation says "je": "Ils" inside it is not the speakers
QUOTED = """
Les        le         DET   2  det        Number=Plur
habitants  habitant   NOUN  4  nsubj      Gender=Masc|Number=Plur
ont        avoir      AUX   4  aux:tense  _
déclaré    déclarer   VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
:          :          PUNCT 4  punct      _
«          «          PUNCT 9  punct      _
Ils        il         PRON  9  nsubj      Gender=Masc|Number=Plur|Person=3
ont        avoir      AUX   9  aux:tense  _
cassé      casser     VERB  4  parataxis  Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
la         le         DET   11 det        Gender=Fem|Number=Sing
porte      porte      NOUN  9  obj        Gender=Fem|Number=Sing
»          »          PUNCT 9  punct      _
.          .          PUNCT 4  punct      _
"""

# near miss: the same pronoun outside a quotation continues the subject
UNQUOTED = """
Les        le         DET   2  det        Number=Plur
habitants  habitant   NOUN  4  nsubj      Gender=Masc|Number=Plur
ont        avoir      AUX   4  aux:tense  _
crié       crier      VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 4  punct      _
Ils        il         PRON  8  nsubj      Gender=Masc|Number=Plur|Person=3
ont        avoir      AUX   8  aux:tense  _
cassé      casser     VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
la         le         DET   10 det        Gender=Fem|Number=Sing
porte      porte      NOUN  8  obj        Gender=Fem|Number=Sing
.          .          PUNCT 8  punct      _
"""


def test_an_honorific_gives_a_name_its_gender():
    found = chains(HONORIFIC)
    assert ["Elle", "Karine Dubois"] in found, found
    assert not any("Lenoir" in c and "Elle" in c for c in found), found


def test_an_agreeing_participle_gives_a_name_its_gender():
    found = chains(AGREEMENT)
    assert ["Il", "Lenoir"] in found, found


def test_a_participle_after_avoir_says_nothing_of_the_name():
    # Without the agreement, the subject is the most salient antecedent.
    assert ["Dubois", "Il"] in chains(NO_AGREEMENT)


def test_no_antecedent_of_the_wrong_gender():
    assert not any("Elle" in c for c in chains(ONLY_A_MAN))


def test_a_personal_pronoun_takes_no_thing_met_in_passing():
    assert not any("elle" in c for c in chains(THING_IN_PASSING))


def test_a_personal_pronoun_continues_a_subject_thing():
    assert ["Elle", "montre"] in chains(THING_AS_SUBJECT)


def test_a_pronoun_in_a_quotation_is_not_its_speaker():
    assert not any("Ils" in c for c in chains(QUOTED))
    assert ["Ils", "habitants"] in chains(UNQUOTED)


# "il y a" is existential; "comme le rappelle X" stands for a clause
EXISTENTIAL = """
Créé       créer      VERB  7  advcl      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
il         il         PRON  5  case       Gender=Masc|Number=Sing|Person=3
y          y          PRON  2  fixed      _
a          avoir      VERB  2  fixed      _
ans        an         NOUN  1  obl:mod    Gender=Masc|Number=Plur
,          ,          PUNCT 1  punct      _
fonctionne fonctionner VERB 0  ROOT       _
.          .          PUNCT 7  punct      _
"""

AS_RECALLED = """
Comme      comme      SCONJ 3  mark       _
le         le         PRON  3  obj        Gender=Masc|Number=Sing|Person=3
rappelle   rappeler   VERB  6  advcl      _
Lenoir     Lenoir     PROPN 3  nsubj      _              B-PER
,          ,          PUNCT 3  punct      _
cesse      cesser     VERB  0  ROOT       _
.          .          PUNCT 6  punct      _
"""

# near miss: the same clitic as an object of its own verb refers
OBJECT_CLITIC = """
Lenoir     Lenoir     PROPN 3  nsubj      _              B-PER
le         le         PRON  3  obj        Gender=Masc|Number=Sing|Person=3
rappelle   rappeler   VERB  0  ROOT       _
.          .          PUNCT 3  punct      _
"""


@pytest.mark.parametrize(("table", "expected"), [(EXISTENTIAL, []), (AS_RECALLED, []), (OBJECT_CLITIC, ["le"])])
def test_pronouns_that_stand_for_nothing(table, expected):
    assert pronouns(table) == expected


# "la firme" describes the last company named (or organisation of no known kind) ...
FIRM = """
Le         le         DET   2  det        Gender=Masc|Number=Sing
groupe     groupe     NOUN  4  nsubj      Gender=Masc|Number=Sing
Veltair    Veltair    PROPN 2  appos      _              B-ORG
a          avoir      AUX   5  aux:tense  _
recruté    recruter   VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 5  punct      _
La         le         DET   8  det        Gender=Fem|Number=Sing
firme      firme      NOUN  10 nsubj      Gender=Fem|Number=Sing
a          avoir      AUX   10 aux:tense  _
grandi     grandir    VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 10 punct      _
"""

# ... not a party ("le Parti vertical" is no firm)
PARTY_THEN_FIRM = FIRM.replace("groupe     groupe     NOUN  4  nsubj      Gender=Masc|Number=Sing", "parti      parti      NOUN  4  nsubj      Gender=Masc|Number=Sing")

# "le groupe" names a group of people too: with its own complement it is another thing
GROUP_OF_PEOPLE = """
Le         le         DET   2  det        Gender=Masc|Number=Sing
groupe     groupe     NOUN  4  nsubj      Gender=Masc|Number=Sing
Veltair    Veltair    PROPN 2  appos      _              B-ORG
a          avoir      AUX   5  aux:tense  _
recruté    recruter   VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 5  punct      _
Le         le         DET   8  det        Gender=Masc|Number=Sing
groupe     groupe     NOUN  12 nsubj      Gender=Masc|Number=Sing
de         de         ADP   10 case       _
manifestants manifestant NOUN 8 nmod      Gender=Masc|Number=Plur
a          avoir      AUX   12 aux:tense  _
crié       crier      VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 12 punct      _
"""


def test_a_company_noun_describes_the_company():
    found = chains(FIRM)
    assert any("Veltair" in c and "firme" in c for c in found), found


def test_a_company_noun_does_not_describe_a_party():
    found = chains(PARTY_THEN_FIRM)
    assert not any("firme" in c for c in found), found


def test_a_group_with_its_own_complement_is_another_group():
    found = chains(GROUP_OF_PEOPLE)
    assert not any(c.count("groupe") > 1 or ("Veltair" in c and "manifestants" in c) for c in found), found


# A name the parser hung in apposition on a person noun, though it names an organisation: the
# people are not the party ...
PEOPLE_AND_PARTY = """
La         le         DET   2  det        Gender=Fem|Number=Sing
foule      foule      NOUN  3  nsubj      Gender=Fem|Number=Sing
agite      agiter     VERB  0  ROOT       Mood=Ind|Tense=Pres|VerbForm=Fin
des        de         DET   5  det        Number=Plur
drapeaux   drapeau    NOUN  3  obj        Gender=Masc|Number=Plur
(          (          PUNCT 7  punct      _
Union      Union      PROPN 2  appos      _              B-ORG
Verte      Verte      PROPN 7  flat:name  _              I-ORG
)          )          PUNCT 7  punct      _
.          .          PUNCT 3  punct      _
"""

# ... but a place noun names an institution, and a person noun a person.
SCHOOL = PEOPLE_AND_PARTY.replace("foule      foule      NOUN  3  nsubj      Gender=Fem|Number=Sing", "école      école      NOUN  3  nsubj      Gender=Fem|Number=Sing")


def test_a_person_noun_is_not_renamed_by_an_organisation():
    assert not any("Union Verte" in c for c in chains(PEOPLE_AND_PARTY)), chains(PEOPLE_AND_PARTY)
    assert any("Union Verte" in c and "école" in c for c in chains(SCHOOL)), chains(SCHOOL)


# A name spelled again in lower case is that name; one word alone may be a common noun.
LOWER_CASE_NAME = """
La         le         DET   2  det        Gender=Fem|Number=Sing
Commission commission PROPN 5  nsubj      _              B-ORG
centrale   central    ADJ   2  amod       _              I-ORG
a          avoir      AUX   5  aux:tense  _
publié     publier    VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
un         un         DET   7  det        _
rapport    rapport    NOUN  5  obj        Gender=Masc|Number=Sing
.          .          PUNCT 5  punct      _
Paul       Paul       PROPN 19 nsubj      _              B-PER
Marot      Marot      PROPN 9  flat:name  _              I-PER
,          ,          PUNCT 13 punct      _
le         le         DET   13 det        Gender=Masc|Number=Sing
président  président  NOUN  9  appos      Gender=Masc|Number=Sing
de         de         ADP   16 case       _
la         le         DET   16 det        Gender=Fem|Number=Sing
commission commission NOUN  13 nmod       Gender=Fem|Number=Sing
centrale   central    ADJ   16 amod       Gender=Fem|Number=Sing
a          avoir      AUX   19 aux:tense  _
parlé      parler     VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 19 punct      _
"""


def test_a_name_spelled_in_lower_case_is_that_name():
    found = [args for predicate, args in facts(extract(LOWER_CASE_NAME)) if predicate == "président de"]
    assert found == [{"subject": ["Paul Marot"], "object": ["Commission centrale"]}], found


# A class noun that introduced one name of the document ("l'ONG Vigie Monde", tagged an
# untagged word and plural here) is that name when used later alone ...
LABELLED_NAME = """
L'         le         DET   2  det        Definite=Def|Number=Sing
ONG        ONG        X     5  nsubj      Number=Plur
Vigie      Vigie      PROPN 2  nmod       _              B-ORG
Monde      Monde      PROPN 3  flat:name  _              I-ORG
publie     publier    VERB  0  ROOT       Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
un         un         DET   7  det        _
rapport    rapport    NOUN  5  obj        Gender=Masc|Number=Sing
.          .          PUNCT 5  punct      _
L'         le         DET   10 det        Definite=Def|Number=Sing
ONG        ong        NOUN  11 nsubj      Gender=Fem|Number=Sing
dénonce    dénoncer   VERB  0  ROOT       Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
la         le         DET   13 det        _
torture    torture    NOUN  11 obj        Gender=Fem|Number=Sing
.          .          PUNCT 11 punct      _
"""

# ... and so is the class noun a name begins with ("le musée de Pointe-Verte") ...
NAME_WITH_ITS_CLASS_NOUN = """
Le         le         DET   2  det        Definite=Def|Gender=Masc|Number=Sing
musée      musée      NOUN  6  nsubj      Gender=Masc|Number=Sing  B-ORG
de         de         ADP   4  case       _                        I-ORG
Pointe-Verte Pointe-Verte PROPN 2 nmod    _                        I-ORG
a          avoir      AUX   6  aux:tense  _
ouvert     ouvrir     VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 6  punct      _
Le         le         DET   {noun}  det   Definite=Def|Gender=Masc|Number=Sing
{adjective}
musée      musée      NOUN  {verb}  nsubj Gender=Masc|Number=Sing
dévoile    dévoiler   VERB  0  ROOT       Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
ses        son        DET   {object}  det  Poss=Yes
collections collection NOUN {verb}  obj   Gender=Fem|Number=Plur
.          .          PUNCT {verb}  punct _
"""
BARE = NAME_WITH_ITS_CLASS_NOUN.format(noun=9, verb=10, object=12, adjective="").replace("\n\n", "\n")
# ... not one with an adjective of its own ("le nouveau musée" may be another).
WITH_ADJECTIVE = NAME_WITH_ITS_CLASS_NOUN.format(
    noun=10, verb=11, object=13, adjective="nouveau    nouveau    ADJ   10 amod       Gender=Masc|Number=Sing"
)


def test_a_class_noun_that_introduced_one_name_is_that_name():
    # the first "ONG", an untagged word, is no mention: the second one joins the name
    assert ["ONG", "Vigie Monde"] in chains(LABELLED_NAME), chains(LABELLED_NAME)
    assert ["musée", "musée de Pointe-Verte"] in chains(BARE), chains(BARE)


def test_a_class_noun_with_an_adjective_of_its_own_is_not_the_name():
    assert not any("musée de Pointe-Verte" in c for c in chains(WITH_ADJECTIVE)), chains(WITH_ADJECTIVE)


# ... and so is the class noun whose "de" complement names it ("la province de Varanie").
PROVINCE_OF = """
Les        le         DET   2  det        Number=Plur
soldats    soldat     NOUN  3  nsubj      Gender=Masc|Number=Plur
quittent   quitter    VERB  0  ROOT       Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
la         le         DET   5  det        Definite=Def|Gender=Fem|Number=Sing
province   province   NOUN  3  obj        Gender=Fem|Number=Sing
de         de         ADP   7  case       _
Varanie    Varanie    PROPN 5  nmod       _                        B-LOC
.          .          PUNCT 3  punct      _
Le         le         DET   10 det        Definite=Def|Gender=Masc|Number=Sing
gouverneur gouverneur NOUN  14 nsubj      Gender=Masc|Number=Sing
de         de         ADP   13 case       _
la         le         DET   13 det        Definite=Def|Gender=Fem|Number=Sing
province   province   NOUN  10 nmod       Gender=Fem|Number=Sing
démissionne démissionner VERB 0 ROOT      Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
.          .          PUNCT 14 punct      _
"""


def test_a_class_noun_completed_by_a_name_introduces_it():
    assert any("Varanie" in c and c.count("province") == 2 for c in chains(PROVINCE_OF)), chains(PROVINCE_OF)


# "la province" describes the last name known as a region (the gazetteer's type, set here by hand
# for an invented name), not a city or an unknown place named after it.
PROVINCE_DESCRIBED = """
Les        le         DET   2  det        Number=Plur
soldats    soldat     NOUN  3  nsubj      Gender=Masc|Number=Plur
quittent   quitter    VERB  0  ROOT       Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
la         le         DET   5  det        Definite=Def|Gender=Fem|Number=Sing
Varanie    Varanie    PROPN 3  obj        _                        B-LOC
par        par        ADP   7  case       _
Orlo       Orlo       PROPN 3  obl:mod    _                        B-LOC
.          .          PUNCT 3  punct      _
Orlo       Orlo       PROPN 12 nsubj      _                        B-LOC
est        être       AUX   12 cop        _
la         le         DET   12 det        Definite=Def|Gender=Fem|Number=Sing
capitale   capitale   NOUN  0  ROOT       Gender=Fem|Number=Sing
de         de         ADP   15 case       _
la         le         DET   15 det        Definite=Def|Gender=Fem|Number=Sing
province   province   NOUN  12 nmod       Gender=Fem|Number=Sing
.          .          PUNCT 12 punct      _
"""


def region_chains(table: str, region: str) -> list[list[str]]:
    """The chains of ``table`` with the name ``region`` known as a region."""
    ctx = context(parse(table))
    named = [replace(m, fine_type="Region") if m.text == region else m for m in named_mentions(ctx)]
    ctx = ctx.with_mentions(named)
    found = [sorted(m.text for m in chain.mentions) for chain in coreference_chains(ctx, [*named, *noun_mentions(ctx, named)])]
    return [c for c in found if len(c) > 1]


def test_the_province_is_the_last_region_named():
    assert any("Varanie" in c and "province" in c for c in region_chains(PROVINCE_DESCRIBED, "Varanie"))
    # a place not known as a region is not described by "la province"
    assert not any("province" in c for c in region_chains(PROVINCE_DESCRIBED, "Absent")), region_chains(PROVINCE_DESCRIBED, "Absent")
