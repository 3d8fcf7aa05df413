"""Extraction rules on fixed parses: each table is one construction, parsed as the rule expects,
so these tests check the rule alone (tests/test_relations.py and the others check the same
behaviour end to end through the trained parser)."""

import pytest

from .fixed_parse import extract, facts

PASSIVE = """
Le        le        DET   2 det
voleur    voleur    NOUN  5 nsubj:pass
a         avoir     AUX   5 aux:tense
été       être      AUX   5 aux:pass
arrêté    arrêter   VERB  0 ROOT       Tense=Past|VerbForm=Part
par       par       ADP   8 case
la        le        DET   8 det
police    police    NOUN  5 obl:agent
à         à         ADP   10 case
Lyon      Lyon      PROPN 5 obl:mod    _   B-LOC
.         .         PUNCT 5 punct
"""

PARTITIVE_FUTURE = """
La        le          DET   2 det
Pologne    Pologne      PROPN 3 nsubj      _   B-LOC
déploiera déployer    VERB  0 ROOT       Mood=Ind|Tense=Fut|VerbForm=Fin
une       un          DET   5 det
partie    partie      NOUN  3 obj
de        de          ADP   8 case
son       son         DET   8 det        Poss=Yes
arsenal   arsenal     NOUN  5 nmod
en        en          ADP   10 case
Espagne Espagne PROPN 3 obl:mod  _   B-LOC
.         .           PUNCT 3 punct
"""

NEGATED = """
Varsovie    Varsovie    PROPN 4 nsubj      _              B-LOC
n'        ne        ADV   4 advmod     Polarity=Neg
a         avoir     AUX   4 aux:tense
signé     signer    VERB  0 ROOT       Tense=Past|VerbForm=Part
l'        le        DET   6 det
accord    accord    NOUN  4 obj
avec      avec      ADP   9 case
la        le        DET   9 det
Chine     Chine     PROPN 4 obl:arg    _              B-LOC
.         .         PUNCT 4 punct
"""

RESTRICTED = """
Varsovie    Varsovie    PROPN 4 nsubj      _              B-LOC
n'        ne        ADV   4 advmod     Polarity=Neg
a         avoir     AUX   4 aux:tense
signé     signer    VERB  0 ROOT       Tense=Past|VerbForm=Part
qu'       que       ADV   7 advmod
un        un        DET   7 det
accord    accord    NOUN  4 obj
avec      avec      ADP   10 case
la        le        DET   10 det
Chine     Chine     PROPN 4 obl:arg    _              B-LOC
.         .         PUNCT 4 punct
"""

CONDITIONAL = """
La          le          DET   2 det
Pologne      Pologne      PROPN 3 nsubj   _                       B-LOC
déploierait déployer    VERB  0 ROOT    Mood=Cnd|VerbForm=Fin
des         un          DET   5 det
missiles    missile     NOUN  3 obj
en          en          ADP   7 case
Espagne Espagne PROPN 3 obl:mod _                       B-LOC
.           .           PUNCT 3 punct
"""

REPORTED = """
Le          le          DET   2 det
ministre    ministre    NOUN  6 nsubj
Paul      Paul      PROPN 2 appos   _                      B-PER
Martin     Martin     PROPN 3 flat:name _                    I-PER
a           avoir       AUX   6 aux:tense
déclaré     déclarer    VERB  0 ROOT    Tense=Past|VerbForm=Part
que         que         SCONJ 10 mark
la          le          DET   9 det
Pologne      Pologne      PROPN 10 nsubj  _                      B-LOC
déploiera   déployer    VERB  6 ccomp   Mood=Ind|Tense=Fut|VerbForm=Fin
des         un          DET   12 det
missiles    missile     NOUN  10 obj
en          en          ADP   14 case
Espagne Espagne PROPN 10 obl:mod _                     B-LOC
.           .           PUNCT 6 punct
"""

ACCORDING_TO = """
Selon       selon       ADP   2 case
AFP     AFP     PROPN 7 obl:mod _                      B-ORG
,           ,           PUNCT 2 punct
la          le          DET   5 det
Pologne      Pologne      PROPN 7 nsubj   _                      B-LOC
a           avoir       AUX   7 aux:tense
déployé     déployer    VERB  0 ROOT    Tense=Past|VerbForm=Part
des         un          DET   9 det
missiles    missile     NOUN  7 obj
en          en          ADP   11 case
Espagne Espagne PROPN 7 obl:mod _                      B-LOC
.           .           PUNCT 7 punct
"""

RECIPIENT = """
Le          le          DET   2 det
ministre    ministre    NOUN  4 nsubj
a           avoir       AUX   4 aux:tense
remis       remettre    VERB  0 ROOT    Tense=Past|VerbForm=Part
les         le          DET   6 det
documents   document    NOUN  4 obj
à           à           ADP   9 case
la          le          DET   9 det
police      police      NOUN  4 obl:arg
.           .           PUNCT 4 punct
"""


def test_a_passive_subject_is_the_theme_and_par_the_agent():
    assert ("arrêter", {"agent": ["police"], "location": ["Lyon"], "theme": ["voleur"]}) in facts(extract(PASSIVE))


def test_a_partitive_stands_for_its_complement_and_a_future_tense_is_future():
    record = extract(PARTITIVE_FUTURE)
    assert ("déployer", {"agent": ["Pologne"], "location": ["Espagne"], "theme": ["arsenal"]}) in facts(record)
    (deploy,) = [r for r in record.relations if r.predicate == "déployer"]
    assert (deploy.polarity, deploy.modality, deploy.event_class) == ("positive", "future", "Deployment")


@pytest.mark.parametrize(("table", "polarity"), [(NEGATED, "negative"), (RESTRICTED, "positive")])
def test_ne_negates_unless_que_restricts(table, polarity):
    (sign,) = [r for r in extract(table).relations if r.predicate == "signer"]
    assert sign.polarity == polarity


def test_a_conditional_is_hypothetical():
    (deploy,) = [r for r in extract(CONDITIONAL).relations if r.predicate == "déployer"]
    assert deploy.modality == "hypothetical"


def test_a_reported_clause_is_a_claim_of_the_named_speaker_and_its_facts_point_at_it():
    record = extract(REPORTED)
    labels = {e.id: e.label for e in record.entities}
    (claim,) = record.claims
    assert (labels[claim.speaker], claim.cue, claim.quote) == ("Paul Martin", "a déclaré", False)
    assert record.document.text[slice(*claim.content[0])] == "la Pologne déploiera des missiles en Espagne"
    (deploy,) = [r for r in record.relations if r.predicate == "déployer"]
    assert deploy.claim == claim.id and deploy.modality == "future"


def test_selon_an_agency_makes_it_the_source_of_an_unattributed_claim():
    record = extract(ACCORDING_TO)
    labels = {e.id: e.label for e in record.entities}
    (claim,) = record.claims
    assert (claim.speaker, labels[claim.source], claim.cue) == (None, "AFP", "Selon")
    (deploy,) = [r for r in record.relations if r.predicate == "déployer"]
    assert deploy.claim == claim.id
    assert not any("AFP" in labels_of for labels_of in (sum(f[1].values(), []) for f in facts(record)))


def test_a_person_or_organisation_after_a_is_a_recipient():
    assert ("remettre", {"agent": ["ministre"], "recipient": ["police"], "theme": ["documents"]}) in facts(extract(RECIPIENT))


PLACE_COMPLEMENT = """
Les        le          DET   2 det
habitants  habitant    NOUN  6 nsubj
{de}       {lemma}     ADP   4 case
Istanbul   Istanbul    PROPN 2 nmod    _                       B-LOC
ont        avoir       AUX   6 aux:tense
manifesté  manifester  VERB  0 ROOT    Tense=Past|VerbForm=Part
.          .           PUNCT 6 punct
"""


# spaCy's French lemmatizer reads "d'" as "de" but leaves the typographic "d’" as it is.
@pytest.mark.parametrize(("elided", "lemma"), [("d'", "de"), ("d’", "d’")])
def test_the_people_of_a_place_are_related_to_it_whatever_the_apostrophe(elided, lemma):
    record = extract(PLACE_COMPLEMENT.format(de=elided, lemma=lemma))
    assert [args for _, args in facts(record) if "subject" in args] == [{"object": ["Istanbul"], "subject": ["habitants"]}]


CITED_WITH_ROLE = """
Selon       selon       ADP   2 case
Marc        Marc        PROPN 16 obl:mod  _                     B-PER
Dupin       Dupin       PROPN 2 flat:name _                     I-PER
,           ,           PUNCT 2 punct
sociologue  sociologue  NOUN  2 appos
et          et          CCONJ 7 cc
professeur  professeur  NOUN  5 conj
à           à           ADP   10 case
l'          le          DET   10 det
Université  université  NOUN  5 nmod     _                      B-ORG
de          de          ADP   12 case   _                      I-ORG
Lille       Lille       PROPN 10 nmod    _                      I-ORG
,           ,           PUNCT 2 punct
les         le          DET   15 det
voleurs     voleur      NOUN  16 nsubj
attaquent   attaquer    VERB  0 ROOT
des         un          DET   18 det
femmes      femme       NOUN  16 obj
à           à           ADP   20 case
Lyon        Lyon        PROPN 16 obl:mod  _                     B-LOC
.           .           PUNCT 16 punct
"""


def test_a_cited_source_is_related_to_what_its_own_phrase_says_of_it():
    # "selon X, chercheur à Y": X is a member of Y; X is still no participant of what X says.
    found = [args for _, args in facts(extract(CITED_WITH_ROLE)) if "subject" in args]
    assert {"subject": ["Marc Dupin"], "object": ["Université de Lille"]} in found, found
    assert not [args for args in found if "Marc Dupin" in args["subject"] and args["object"] == ["Lyon"]], found


# The parser hung the copula and its subject on the adjective before the attribute noun, and
# the attribute on the verb before: "pic" still says what "il" (the mont Noir) is.
COPULA_ON_ADJECTIVE = """
Le         le         DET   2  det
mont       mont       NOUN  4  nsubj      Gender=Masc|Number=Sing
Noir       Noir       PROPN 2  flat:name  _                        B-LOC
culmine    culminer   VERB  0  ROOT       Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
à          à          ADP   7  case
2          2          NUM   7  nummod
mètres     mètre      NOUN  4  obl:arg    Gender=Masc|Number=Plur
,          ,          PUNCT 12 punct
il         il         PRON  12 nsubj      Gender=Masc|Number=Sing|Person=3
est        être       AUX   12 cop
le         le         DET   12 det
troisième  troisième  ADJ   14 amod       NumType=Ord|Number=Sing
haut       haut       ADJ   14 amod       Gender=Masc|Number=Sing
pic        pic        NOUN  4  obj        Gender=Masc|Number=Sing
de         de         ADP   16 case
Savoie     Savoie     PROPN 14 nmod       _                        B-LOC
.          .          PUNCT 4  punct
"""

# "le massif du Vercors" is the Vercors, as "la ville de Lyon" is Lyon.
MASSIF = """
Le         le         DET   2  det
mont       mont       NOUN  6  nsubj      Gender=Masc|Number=Sing
Noir       Noir       PROPN 2  flat:name  _                        B-LOC
est        être       AUX   6  cop
un         un         DET   6  det
pic        pic        NOUN  0  ROOT       Gender=Masc|Number=Sing
du         de         ADP   8  case       Definite=Def|Gender=Masc|Number=Sing|PronType=Art
massif     massif     NOUN  6  nmod       Gender=Masc|Number=Sing
du         de         ADP   10 case       Definite=Def|Gender=Masc|Number=Sing|PronType=Art
Vercors    Vercors    PROPN 8  nmod       _                        B-LOC
.          .          PUNCT 6  punct
"""

# A name right after a noun, parsed as its adjective, renames it.
NAME_AS_ADJECTIVE = """
La         le         DET   2  det
police     police     NOUN  4  nsubj
a          avoir      AUX   4  aux:tense
secouru    secourir   VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
une        un         DET   6  det
femme      femme      NOUN  4  obj
au         au         ADP   8  case
mont       mont       NOUN  4  obl:mod    Gender=Masc|Number=Sing
Funeste    Funeste    ADJ   8  amod       _                        B-LOC
.          .          PUNCT 4  punct
"""


@pytest.mark.parametrize("table", [COPULA_ON_ADJECTIVE, MASSIF], ids=["copula on an adjective", "massif"])
def test_a_place_is_located_in_the_place_its_attribute_noun_names(table):
    found = [args for predicate, args in facts(extract(table)) if predicate == "located in"]
    object_name = "Savoie" if table is COPULA_ON_ADJECTIVE else "Vercors"
    assert found == [{"subject": ["Noir"], "object": [object_name]}], facts(extract(table))


def test_a_name_parsed_as_the_adjective_of_its_noun_renames_it():
    (rescue,) = [args for predicate, args in facts(extract(NAME_AS_ADJECTIVE)) if predicate == "secourir"]
    assert rescue.get("location") == ["Funeste"], rescue


# A quotation's open verb with two named participants is a fact its claim reports ...
QUOTED_ACT = """
«          «          PUNCT 8  punct
La         le         DET   3  det
Pologne    Pologne    PROPN 8  nsubj      _                        B-LOC
et         et         CCONJ 6  cc
la         le         DET   6  det
Hongrie    Hongrie    PROPN 3  conj       _                        B-LOC
ont        avoir      AUX   8  aux:tense
bloqué     bloquer    VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
les        le         DET   10 det
efforts    effort     NOUN  8  obj        Gender=Masc|Number=Plur
»          »          PUNCT 8  punct
,          ,          PUNCT 14 punct
a          avoir      AUX   14 aux:tense
déclaré    déclarer   VERB  8  parataxis  Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
Paul       Paul       PROPN 14 nsubj      _                        B-PER
Martin     Martin     PROPN 15 flat:name  _                        I-PER
.          .          PUNCT 8  punct
"""
# ... not one nobody is said to say (no reporting verb) ...
UNATTRIBUTED_QUOTE = "\n".join(QUOTED_ACT.strip().splitlines()[:11] + [".          .          PUNCT 8  punct"])
# ... nor one with a single named participant.
ONE_NAMED = QUOTED_ACT.replace("la         le         DET   6  det\nHongrie    Hongrie    PROPN 3  conj       _                        B-LOC", "les        le         DET   6  det\nvoisins    voisin     NOUN  3  conj")


def test_a_quoted_act_of_two_named_participants_is_reported_by_its_claim():
    record = extract(QUOTED_ACT)
    (claim,) = record.claims
    blocked = [r for r in record.relations if r.predicate == "bloquer"]
    assert [r.claim for r in blocked] == [claim.id], facts(record)
    assert [args for predicate, args in facts(record) if predicate == "bloquer"] == [{"agent": ["Hongrie", "Pologne"]}]


@pytest.mark.parametrize("table", [UNATTRIBUTED_QUOTE, ONE_NAMED], ids=["no claim", "one name"])
def test_a_quoted_act_is_not_kept_otherwise(table):
    assert not [r for r in extract(table).relations if r.predicate == "bloquer"], facts(extract(table))


# "X, qui est le maire de Y": the relative pronoun subject of the copula stands for X.
RELATIVE_COPULA = """
Paul       Paul       PROPN 11 nsubj      _                        B-PER
Morel      Morel      PROPN 1  flat:name  _                        I-PER
,          ,          PUNCT 1  punct
qui        qui        PRON  7  nsubj      PronType=Rel
est        être       AUX   7  cop
le         le         DET   7  det
maire      maire      NOUN  1  acl:relcl  Gender=Masc|Number=Sing
de         de         ADP   9  case
Lyon       Lyon       PROPN 7  nmod       _                        B-LOC
,          ,          PUNCT 11 punct
perdu      perdre     VERB  0  ROOT       Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
.          .          PUNCT 11 punct
"""


def test_a_relative_copula_describes_the_antecedent():
    assert ("maire de", {"subject": ["Paul Morel"], "object": ["Lyon"]}) in facts(extract(RELATIVE_COPULA))
