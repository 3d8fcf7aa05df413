"""The event and relation rules on fixed parses: each table is one construction,
parsed as the rule expects, so these tests check the rule alone (tests/test_events.py checks the
same behaviour end to end through the trained parser)."""

from .fixed_parse import extract, facts

LIGHT_VERB = """
Les        le         DET   2 det
rebelles   rebelle    NOUN  4 nsubj
ont        avoir      AUX   4 aux:tense
mené       mener      VERB  0 ROOT      Tense=Past|VerbForm=Part
une        un         DET   6 det
attaque    attaque    NOUN  4 obj
contre     contre     ADP   8 case
Goma       Goma       PROPN 6 nmod      _   B-LOC
.          .          PUNCT 4 punct
"""

OCCURRENCE = """
Une        un         DET   2 det
fusillade  fusillade  NOUN  4 nsubj
a          avoir      AUX   4 aux:tense
éclaté     éclater    VERB  0 ROOT      Tense=Past|VerbForm=Part
à          à          ADP   6 case
Mombasa    Mombasa    PROPN 4 obl:arg   _   B-LOC
.          .          PUNCT 4 punct
"""

STOPPED = """
Le         le         DET   2 det
train      train      NOUN  5 nsubj
s'         se         PRON  5 expl:comp Reflex=Yes
est        être       AUX   5 aux:tense
arrêté     arrêter    VERB  0 ROOT      Tense=Past|VerbForm=Part
à          à          ADP   7 case
Lyon       Lyon       PROPN 5 obl:arg   _   B-LOC
.          .          PUNCT 5 punct
"""

MET = """
Les        le         DET   2 det
ministres  ministre   NOUN  5 nsubj
se         se         PRON  5 expl:comp Reflex=Yes
sont       être       AUX   5 aux:tense
réunis     réunir     VERB  0 ROOT      Tense=Past|VerbForm=Part
à          à          ADP   7 case
Bruxelles  Bruxelles  PROPN 5 obl:arg   _   B-LOC
.          .          PUNCT 5 punct
"""

EXPULSION = """
L'         le         DET   2 det
expulsion  expulsion  NOUN  10 nsubj:pass
de         de         ADP   4 case
Karim      Karim      PROPN 2 nmod      _   B-PER
Benali     Benali     PROPN 4 flat:name _   I-PER
vers       vers       ADP   8 case
le         le         DET   8 det
Maroc      Maroc      PROPN 2 nmod      _   B-LOC
a          avoir      AUX   10 aux:tense
annoncée   annoncer   VERB  0 ROOT      Tense=Past|VerbForm=Part
.          .          PUNCT 10 punct
"""

ELECTED = """
Claire     Claire     PROPN 5 nsubj:pass _  B-PER
Dubois     Dubois     PROPN 1 flat:name  _  I-PER
a          avoir      AUX   5 aux:tense
été        être       AUX   5 aux:pass
élue       élire      VERB  0 ROOT       Tense=Past|VerbForm=Part
présidente président  NOUN  5 xcomp
de         de         ADP   9 case
la         le         DET   9 det
Fédération fédération PROPN 6 nmod       _  B-ORG
.          .          PUNCT 5 punct
"""

NATIONALITY = """
Le         le         DET   2 det
président  président  NOUN  6 nsubj
malien     malien     ADJ   2 amod
Amadou     Amadou     PROPN 2 appos     _   B-PER
Traoré     Traoré     PROPN 4 flat:name _   I-PER
parle      parler     VERB  0 ROOT
.          .          PUNCT 6 punct
Le         le         DET   9 det
Mali       Mali       PROPN 10 nsubj    _   B-LOC
vote       voter      VERB  10 ROOT
.          .          PUNCT 10 punct
"""

SUBURB = """
Trois        trois        NUM   2 nummod
jeunes       jeune        NOUN  5 nsubj:pass
ont          avoir        AUX   5 aux:tense
été          être         AUX   5 aux:pass
agressés     agresser     VERB  0 ROOT      Tense=Past|VerbForm=Part
dans         dans         ADP   8 case
la           le           DET   8 det
banlieue     banlieue     NOUN  5 obl:mod
de           de           ADP   10 case
Lyon         Lyon         PROPN 8 nmod      _   B-LOC
,            ,            PUNCT 13 punct
à            à            ADP   13 case
Villeurbanne Villeurbanne PROPN 5 obl:mod   _   B-LOC
.            .            PUNCT 5 punct
"""

CITY_LIST = """
Des        un         DET   2 det
gendarmes  gendarme   NOUN  5 nsubj:pass
ont        avoir      AUX   5 aux:tense
été        être       AUX   5 aux:pass
déployés   déployer   VERB  0 ROOT      Tense=Past|VerbForm=Part
à          à          ADP   7 case
Lyon       Lyon       PROPN 5 obl:mod   _   B-LOC
,          ,          PUNCT 10 punct
à          à          ADP   10 case
Grenoble   Grenoble   PROPN 5 obl:mod   _   B-LOC
.          .          PUNCT 5 punct
"""

# The parser took the speaker outside the quotation for the subject of the quoted verb.
QUOTED = """
L'          le          DET   2 det
ambassadeur ambassadeur NOUN  8 nsubj
Paul        Paul        PROPN 2 appos     _   B-PER
Roy         Roy         PROPN 3 flat:name _   I-PER
:           :           PUNCT 2 punct
«           «           PUNCT 8 punct
les         le          DET   8 det
forces      force       NOUN  8 nsubj
tournent    tourner     VERB  0 ROOT
une         un          DET   11 det
page        page        NOUN  8 obj
à           à           ADP   13 case
Kaboul      Kaboul      PROPN 8 obl:mod   _   B-LOC
»           »           PUNCT 8 punct
"""


def test_a_light_verb_hands_its_subject_to_the_event_noun():
    found = facts(extract(LIGHT_VERB))
    assert ("attaque", {"agent": ["rebelles"], "target": ["Goma"]}) in found
    assert "mener" not in [p for p, _ in found]


# "a effectué une intervention": a noun of a happening outside the lexicon is carried too.
LIGHT_VERB_OPEN_NOUN = LIGHT_VERB.replace("mené       mener ", "effectué   effectuer ").replace("attaque    attaque ", "opération  opération ")

# "a procédé à l'arrestation": the event noun after the preposition the light verb takes.
LIGHT_VERB_PREPOSITION = """
La         le         DET   2 det
police     police     NOUN  4 nsubj
a          avoir      AUX   4 aux:tense
procédé    procéder   VERB  0 ROOT      Tense=Past|VerbForm=Part
à          à          ADP   7 case
l'         le         DET   7 det
arrestation arrestation NOUN 4 obl:arg
de         de         ADP   9 case
Marc       Marc       PROPN 7 nmod      _   B-PER
Lenoir     Lenoir     PROPN 9 flat:name _   I-PER
.          .          PUNCT 4 punct
"""


def test_a_light_verb_carries_any_noun_of_a_happening():
    found = facts(extract(LIGHT_VERB_OPEN_NOUN))
    assert ("opération", {"agent": ["rebelles"], "target": ["Goma"]}) in found
    assert "effectuer" not in [p for p, _ in found]


def test_a_light_verb_carries_the_event_noun_after_its_preposition():
    assert ("arrestation", {"agent": ["police"], "theme": ["Marc Lenoir"]}) in facts(extract(LIGHT_VERB_PREPOSITION))


def test_a_verb_of_happening_hands_its_place_to_the_event_noun():
    found = facts(extract(OCCURRENCE))
    assert ("fusillade", {"location": ["Mombasa"]}) in found
    assert "éclater" not in [p for p, _ in found]


def test_a_pronominal_verb_names_its_own_event():
    record = extract(STOPPED)
    assert [r.event_class for r in record.relations if r.predicate == "se arrêter"] == [None]
    assert [(r.predicate, r.event_class) for r in extract(MET).relations] == [("se réunir", "Meeting")]


def test_an_event_noun_takes_the_roles_of_its_class():
    (expulsion,) = [r for r in extract(EXPULSION).relations if r.predicate == "expulsion"]
    assert expulsion.event_class == "Expulsion"
    assert ("expulsion", {"theme": ["Karim Benali"], "destination": ["Maroc"]}) in facts(extract(EXPULSION))


def test_the_attribute_of_a_naming_verb_is_a_role_of_its_subject():
    assert ("président de", {"subject": ["Claire Dubois"], "object": ["Fédération"]}) in facts(extract(ELECTED))


def test_a_country_adjective_relates_a_role_to_the_country_the_document_names():
    assert ("président de", {"subject": ["Amadou Traoré"], "object": ["Mali"]}) in facts(extract(NATIONALITY))


def test_a_place_beside_a_part_of_another_lies_in_it():
    assert ("located in", {"subject": ["Villeurbanne"], "object": ["Lyon"]}) in facts(extract(SUBURB))


def test_cities_of_a_list_lie_not_in_each_other():
    assert not [f for f in facts(extract(CITY_LIST)) if f[0] == "located in" and set(f[1]) == {"subject", "object"}]


def test_a_quoted_verb_takes_no_subject_from_outside_the_quotation():
    found = facts(extract(QUOTED))
    assert not any("Paul Roy" in roles.get("agent", ()) for _, roles in found), found


# Acts of named participants, subjects of verbs without one ------------------------------------

# "revient à Paul Roy et Luc Blanc reçoit ...": the parser coordinated the second name with the
# first, though it is the subject of the next verb.
SUBJECT_TAKEN_FOR_CONJUNCT = """
Le         le         DET   2 det
ministère  ministère  NOUN  3 nsubj
revient    revenir    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
à          à          ADP   5 case
Paul       Paul       PROPN 3 obl:arg   _   B-PER
Roy        Roy        PROPN 5 flat:name _   I-PER
et         et         CCONJ 8 cc
Luc        Luc        PROPN 5 conj      _   B-PER
Blanc      Blanc      PROPN 8 flat:name _   I-PER
reçoit     recevoir   VERB  3 xcomp     Mood=Ind|Tense=Pres|VerbForm=Fin
celui      celui      PRON  10 obj
de         de         ADP   13 case
la         le         DET   13 det
Justice    justice    NOUN  11 nmod
.          .          PUNCT 3 punct
"""

# The same coordination, with the verb a participle: the second name is a conjunct.
COORDINATED_RECIPIENTS = """
Le         le         DET   2 det
ministère  ministère  NOUN  3 nsubj
revient    revenir    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
à          à          ADP   5 case
Paul       Paul       PROPN 3 obl:arg   _   B-PER
Roy        Roy        PROPN 5 flat:name _   I-PER
et         et         CCONJ 8 cc
Luc        Luc        PROPN 5 conj      _   B-PER
Blanc      Blanc      PROPN 8 flat:name _   I-PER
.          .          PUNCT 3 punct
"""

QUOTED_ACT = """
«          «          PUNCT 5 punct
Marie      Marie      PROPN 5 nsubj     _   B-PER
Roy        Roy        PROPN 2 flat:name _   I-PER
a          avoir      AUX   5 aux:tense
revu       revoir     VERB  0 ROOT      Tense=Past|VerbForm=Part
ses        son        DET   7 det       Poss=Yes
prévisions prévision  NOUN  5 obj
»          »          PUNCT 5 punct
"""

ACT = """
Marie      Marie      PROPN 4 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
a          avoir      AUX   4 aux:tense
revu       revoir     VERB  0 ROOT      Tense=Past|VerbForm=Part
ses        son        DET   6 det       Poss=Yes
prévisions prévision  NOUN  4 obj
.          .          PUNCT 4 punct
"""


def test_a_noun_before_a_verb_without_subject_is_no_conjunct():
    found = facts(extract(SUBJECT_TAKEN_FOR_CONJUNCT))
    assert not any("Luc Blanc" in roles.get("recipient", ()) for _, roles in found), found
    assert ("revenir", {"agent": ["ministère"], "recipient": ["Luc Blanc", "Paul Roy"]}) in facts(extract(COORDINATED_RECIPIENTS))


def test_an_act_is_kept_for_its_named_doer_but_not_inside_a_quotation():
    assert ("revoir", {"agent": ["Marie Roy"]}) in facts(extract(ACT))
    assert not facts(extract(QUOTED_ACT))


# Issue 14, third part ---------------------------------------------------------------------------

PREMISES = """
Arvex      Arvex      PROPN 3 nsubj     _   B-ORG
va         aller      AUX   3 aux:tense
supprimer  supprimer  VERB  0 ROOT      VerbForm=Inf
200        200        NUM   5 nummod
emplois    emploi     NOUN  3 obj
dans       dans       ADP   8 case
son        son        DET   8 det       Poss=Yes
usine      usine      NOUN  3 obl:mod
de         de         ADP   10 case
Rennes     Rennes     PROPN 8 nmod      _   B-LOC
.          .          PUNCT 3 punct
"""

# The premises of an owner: the owner is no place.
OWNED_PREMISES = """
Les        le         DET   2 det
grévistes  gréviste   NOUN  3 nsubj
manifestent manifester VERB 0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
devant     devant     ADP   6 case
l'         le         DET   6 det
usine      usine      NOUN  3 obl:mod
de         de         ADP   8 case
Arvex      Arvex      PROPN 6 nmod      _   B-ORG
.          .          PUNCT 3 punct
"""

OFFICE = """
Paul       Paul       PROPN 3 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
récupère   récupérer  VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
le         le         DET   5 det
portefeuille portefeuille NOUN 3 obj
de         de         ADP   8 case
la         le         DET   8 det
Banque     Banque     PROPN 5 nmod      _   B-ORG
Centrale   Centrale   PROPN 8 flat:name _   I-ORG
.          .          PUNCT 3 punct
"""

# A person's wallet is not the person.
WALLET = """
Paul       Paul       PROPN 3 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
récupère   récupérer  VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
le         le         DET   5 det
portefeuille portefeuille NOUN 3 obj
de         de         ADP   7 case
Anne       Anne       PROPN 5 nmod      _   B-PER
Lee        Lee        PROPN 7 flat:name _   I-PER
.          .          PUNCT 3 punct
"""

# "qui devrait être arrimée à la station": a participle with its own auxiliary is a clause, not a
# description of the noun; the subject of the main verb is not where the clause's verb goes.
PARTICIPLE_CLAUSE = """
Le         le         DET   2 det
président  président  NOUN  3 nsubj
visite     visiter    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
le         le         DET   5 det
navire     navire     NOUN  3 obj
devant     devoir     VERB  5 acl       VerbForm=Part|Tense=Pres
être       être       AUX   8 aux:pass  VerbForm=Inf
amarré     amarrer    VERB  5 acl       Tense=Past|VerbForm=Part
à          à          ADP   10 case
Brest      Brest      PROPN 8 obl:arg   _   B-LOC
.          .          PUNCT 3 punct
"""

# Without its auxiliary, the participle describes the noun by its place.
PARTICIPLE_DESCRIPTION = """
Le         le         DET   2 det
président  président  NOUN  3 nsubj
visite     visiter    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
le         le         DET   5 det
navire     navire     NOUN  3 obj
amarré     amarrer    VERB  5 acl       Tense=Past|VerbForm=Part
à          à          ADP   8 case
Brest      Brest      PROPN 6 obl:arg   _   B-LOC
.          .          PUNCT 3 punct
"""


def test_premises_of_a_named_place_locate_what_happens_in_them():
    (cut,) = [roles for p, roles in facts(extract(PREMISES)) if p == "supprimer"]
    assert cut["location"] == ["Rennes"]
    assert not any("Arvex" in roles.get("location", ()) for _, roles in facts(extract(OWNED_PREMISES)))


def test_an_office_noun_stands_for_the_body_it_names_not_for_a_person():
    assert ("récupérer", {"subject": ["Paul Roy"], "object": ["Banque Centrale"]}) in facts(extract(OFFICE))
    assert not any("Anne Lee" in roles.get("object", ()) for p, roles in facts(extract(WALLET)) if p == "récupérer")


def test_a_participle_with_an_auxiliary_locates_not_the_main_subject():
    def located(table):
        return [roles for p, roles in facts(extract(table)) if p == "located in" and "président" in roles.get("subject", ())]

    assert not located(PARTICIPLE_CLAUSE)
    assert located(PARTICIPLE_DESCRIPTION)


# "au mont Vert, près de Sarlat": the parser hangs the second place on the adverb.
NEAR_ON_ADVERB = """
Un         un         DET   2 det
accident   accident   NOUN  3 nsubj
survient   survenir   VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
au         au         ADP   5 case
mont       mont       NOUN  3 obl:mod   _   B-LOC
Vert       Vert       PROPN 5 flat:name _   I-LOC
,          ,          PUNCT 5 punct
près       près       ADV   5 advmod
de         de         ADP   10 case
Sarlat     Sarlat     PROPN 8 dep       _   B-LOC
.          .          PUNCT 3 punct
"""


def test_a_place_hung_on_an_adverb_of_vicinity_is_near():
    assert ("near", {"subject": ["Vert"], "object": ["Sarlat"]}) in facts(extract(NEAR_ON_ADVERB))


CAUSED = """
Un         un         DET   2 det
attentat   attentat   NOUN  6 nsubj
à          à          ADP   4 case
Colmar     Colmar     PROPN 2 nmod      _   B-LOC
a          avoir      AUX   6 aux:tense
causé      causer     VERB  0 ROOT      Tense=Past|VerbForm=Part
la         le         DET   8 det
mort       mort       NOUN  6 obj
de         de         ADP   11 case
trois      trois      NUM   11 nummod
passants   passant    NOUN  8 nmod
.          .          PUNCT 6 punct
"""

# The caused event has a place of its own: it keeps it.
CAUSED_ELSEWHERE = """
Un         un         DET   2 det
attentat   attentat   NOUN  6 nsubj
à          à          ADP   4 case
Colmar     Colmar     PROPN 2 nmod      _   B-LOC
a          avoir      AUX   6 aux:tense
causé      causer     VERB  0 ROOT      Tense=Past|VerbForm=Part
la         le         DET   8 det
mort       mort       NOUN  6 obj
de         de         ADP   11 case
trois      trois      NUM   11 nummod
passants   passant    NOUN  8 nmod
à          à          ADP   13 case
Mulhouse   Mulhouse   PROPN 8 nmod      _   B-LOC
.          .          PUNCT 6 punct
"""


def test_an_event_caused_by_another_happens_where_its_cause_does_unless_said():
    (death,) = [roles for p, roles in facts(extract(CAUSED)) if p == "mort"]
    assert death["location"] == ["Colmar"]
    (death,) = [roles for p, roles in facts(extract(CAUSED_ELSEWHERE)) if p == "mort"]
    assert death["location"] == ["Mulhouse"]


PERFORMED_BY = """
L'         le         DET   2 det
attaque    attaque    NOUN  8 nsubj
menée      mener      VERB  2 acl       Tense=Past|VerbForm=Part
par        par        ADP   5 case
Luc        Luc        PROPN 3 obl:agent _   B-PER
Blanc      Blanc      PROPN 5 flat:name _   I-PER
a          avoir      AUX   8 aux:tense
échoué     échouer    VERB  0 ROOT      Tense=Past|VerbForm=Part
.          .          PUNCT 8 punct
"""

# A participle that does not perform the event: its agent is no doer of it.
DESCRIBED_BY = PERFORMED_BY.replace("menée      mener ", "décrite    décrire ")


def test_a_participle_of_doing_gives_the_event_noun_its_doer():
    found = facts(extract(PERFORMED_BY))
    assert ("attaque", {"agent": ["Luc Blanc"]}) in found
    assert "mener" not in [p for p, _ in found]
    assert not any("Luc Blanc" in roles.get("agent", ()) for p, roles in facts(extract(DESCRIBED_BY)) if p == "attaque")


# "au conservateur Paul Roy": a noun of no known class right before a person's name labels her.
LABEL_BEFORE_NAME = """
Le         le         DET   2 det
ministère  ministère  NOUN  3 nsubj     _   B-ORG
revient    revenir    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
au         au         ADP   5 case
conservateur conservateur NOUN 3 obl:arg
Paul       Paul       PROPN 5 flat:name _   B-PER
Roy        Roy        PROPN 6 flat:name _   I-PER
.          .          PUNCT 3 punct
"""

# Set off by a comma, the name is no label of the noun ("les réactions des pays, Paul Roy ...").
NAME_AFTER_COMMA = LABEL_BEFORE_NAME.replace("Paul       Paul       PROPN 5 flat:name _   B-PER", ",          ,          PUNCT 5 punct\nPaul       Paul       PROPN 5 appos     _   B-PER").replace("Roy        Roy        PROPN 6 flat:name", "Roy        Roy        PROPN 7 flat:name").replace(".          .          PUNCT 3 punct", ".          .          PUNCT 3 punct")


def test_a_noun_of_no_class_right_before_a_name_labels_the_person():
    assert ("revenir", {"agent": ["ministère"], "recipient": ["Paul Roy"]}) in facts(extract(LABEL_BEFORE_NAME))
    assert not any("Paul Roy" in roles.get("recipient", ()) for _, roles in facts(extract(NAME_AFTER_COMMA)))


# "chantera à Lyon en mai, et à Nice en juin": the verb left out, the conjunct is the act again.
GAPPED = """
Marie      Marie      PROPN 3 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
chantera   chanter    VERB  0 ROOT      Mood=Ind|Tense=Fut|VerbForm=Fin
à          à          ADP   5 case
Lyon       Lyon       PROPN 3 obl:mod   _   B-LOC
et         et         CCONJ 8 cc
à          à          ADP   8 case
Nice       Nice       PROPN 3 conj      _   B-LOC
.          .          PUNCT 3 punct
"""


def test_a_place_coordinated_with_a_verb_is_the_act_again_in_that_place():
    found = [roles for p, roles in facts(extract(GAPPED)) if p == "chanter"]
    assert {"agent": ["Marie Roy"], "location": ["Lyon"]} in found
    assert {"agent": ["Marie Roy"], "location": ["Nice"]} in found
    assert not any(len(roles.get("location", ())) > 1 for roles in found)


# "X sera la première artiste à jouer au Y": the subject of the copular noun does what the
# infinitive says.
FIRST_TO = """
Marie      Marie      PROPN 6 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
sera       être       AUX   6 cop
la         le         DET   6 det
première   premier    ADJ   6 amod
artiste    artiste    NOUN  0 ROOT
à          à          ADP   8 mark
visiter    visiter    VERB  6 xcomp     VerbForm=Inf
le         le         DET   10 det
Louvre     Louvre     PROPN 8 obj       _   B-LOC
.          .          PUNCT 6 punct
"""

# Without the copula, the noun heads no clause: nobody's subject is taken.
NO_COPULA = FIRST_TO.replace("sera       être       AUX   6 cop", "sera       être       AUX   6 aux")


def test_the_subject_of_a_copular_noun_does_what_its_infinitive_says():
    assert ("visiter", {"agent": ["Marie Roy"], "theme": ["Louvre"]}) in facts(extract(FIRST_TO))
    assert not any("Marie Roy" in roles.get("agent", ()) for p, roles in facts(extract(NO_COPULA)) if p == "visiter")


# The lemmatizer reads "entre" as the verb "entrer": the form decides.
BETWEEN = """
Les        le         DET   2 det
négociations négociation NOUN 8 nsubj
entre      entrer     ADP   5 case
la         le         DET   5 det
Serbie     Serbie     PROPN 2 nmod      _   B-LOC
et         et         CCONJ 7 cc
Malte      Malte      PROPN 5 conj      _   B-LOC
reprennent reprendre  VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
.          .          PUNCT 8 punct
"""

# A verb outside the lexicon: places between which it happens are a route, no partners.
ROUTE = """
Le         le         DET   2 det
car        car        NOUN  3 nsubj
roule      rouler     VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
entre      entrer     ADP   5 case
Lyon       Lyon       PROPN 3 obl:mod   _   B-LOC
et         et         CCONJ 7 cc
Nice       Nice       PROPN 5 conj      _   B-LOC
.          .          PUNCT 3 punct
"""


def test_the_parties_between_whom_an_event_is_are_its_partners():
    assert ("négociation", {"partner": ["Malte", "Serbie"]}) in facts(extract(BETWEEN))
    assert not any("partner" in roles for _, roles in facts(extract(ROUTE)))


# "Il se retire": the parser takes the subject for an impersonal "il".
MISREAD_IMPERSONAL = """
Marc       Marc       PROPN 4 nsubj:pass _  B-PER
Roy        Roy        PROPN 1 flat:name  _  I-PER
est        être       AUX   4 aux:pass
arrêté     arrêter    VERB  0 ROOT       Tense=Past|VerbForm=Part
.          .          PUNCT 4 punct
Il         il         PRON  8 expl:subj  Gender=Masc|Number=Sing|Person=3
se         se         PRON  8 expl:pass  Person=3|Reflex=Yes
retire     retire     VERB  0 ROOT       Mood=Ind|Tense=Pres|VerbForm=Fin
.          .          PUNCT 8 punct
"""

# A verb outside the lexicon may well be impersonal ("Il se peut que ..."): no subject.
IMPERSONAL = MISREAD_IMPERSONAL.replace("retire     retire     VERB", "passe      passe      VERB")


def test_a_verb_of_the_lexicon_has_no_impersonal_subject():
    assert ("se retirer", {"agent": ["Marc Roy"]}) in facts(extract(MISREAD_IMPERSONAL))
    assert not any("Marc Roy" in roles.get("agent", ()) for _, roles in facts(extract(IMPERSONAL)))


IN_PRESENCE = """
Paul       Paul       PROPN 4 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
a          avoir      AUX   4 aux:tense
visité     visiter    VERB  0 ROOT      Tense=Past|VerbForm=Part
Lyon       Lyon       PROPN 4 obj       _   B-LOC
en         en         ADP   7 case
présence   présence   NOUN  4 obl:mod
de         de         ADP   9 case
Anne       Anne       PROPN 7 nmod      _   B-PER
Lee        Lee        PROPN 9 flat:name _   I-PER
.          .          PUNCT 4 punct
"""


def test_who_is_present_takes_part_and_is_no_place():
    (visit,) = [roles for p, roles in facts(extract(IN_PRESENCE)) if p == "visiter"]
    assert visit.get("partner") == ["Anne Lee"]
    assert "Anne Lee" not in visit.get("location", [])


# "X a demandé au Conseil de sécurité d'agir": the one asked does what the infinitive says.
ASKED_TO = """
Paul       Paul       PROPN 4 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
a          avoir      AUX   4 aux:tense
demandé    demander   VERB  0 ROOT      Tense=Past|VerbForm=Part
au         au         ADP   6 case
Conseil    conseil    NOUN  4 obl:arg   _   B-ORG
Vert       Vert       PROPN 6 flat:name _   I-ORG
de         de         ADP   9 mark
quitter    quitter    VERB  4 xcomp     VerbForm=Inf
Lyon       Lyon       PROPN 9 obj       _   B-LOC
.          .          PUNCT 4 punct
"""

# Without anyone asked, the subject does it ("Paul Roy a demandé de quitter Lyon").
ASKED = ASKED_TO.replace("au         au         ADP   6 case", "bien       bien       ADV   4 advmod").replace("Conseil    conseil    NOUN  4 obl:arg   _   B-ORG", "sûr        sûr        ADV   4 advmod").replace("Vert       Vert       PROPN 6 flat:name _   I-ORG", "donc       donc       ADV   4 advmod")


def test_the_one_asked_does_what_the_infinitive_says():
    assert ("quitter", {"subject": ["Conseil Vert"], "object": ["Lyon"]}) in facts(extract(ASKED_TO))
    assert ("quitter", {"subject": ["Paul Roy"], "object": ["Lyon"]}) in facts(extract(ASKED))


JOB_CUT_NOUN = """
La         le         DET   2 det
suppression suppression NOUN 9 nsubj:pass
de         de         ADP   5 case
500        500        NUM   5 nummod
postes     poste      NOUN  2 nmod
chez       chez       ADP   7 case
Arvex      Arvex      PROPN 2 nmod      _   B-ORG
est        être       AUX   9 aux:pass
confirmée  confirmer  VERB  0 ROOT      Tense=Past|VerbForm=Part
.          .          PUNCT 9 punct
"""

# Cutting a tax is no job cut; "à" a company, a strike is there, not received.
TAX_CUT = JOB_CUT_NOUN.replace("postes     poste ", "taxes      taxe  ")
STRIKE_AT = """
La         le         DET   2 det
grève      grève      NOUN  6 nsubj
à          à          ADP   4 case
Arvex      Arvex      PROPN 2 nmod      _   B-ORG
a          avoir      AUX   6 aux:tense
commencé   commencer  VERB  0 ROOT      Tense=Past|VerbForm=Part
.          .          PUNCT 6 punct
"""


def test_cutting_jobs_names_a_job_cut_at_the_company():
    record = extract(JOB_CUT_NOUN)
    assert [r.event_class for r in record.relations if r.predicate == "suppression"] == ["JobCut"]
    assert ("suppression", {"theme": ["postes"], "location": ["Arvex"]}) in facts(record)
    assert not [r for r in extract(TAX_CUT).relations if r.event_class == "JobCut"]
    assert ("grève", {"location": ["Arvex"]}) in facts(extract(STRIKE_AT))


# "son discours devant le Sénat": the assembly before which an event is held is where it is held.
BEFORE_ASSEMBLY = """
Le         le         DET   2 det
discours   discours   NOUN  9 obl:mod
de         de         ADP   4 case
Anne       Anne       PROPN 2 nmod      _   B-PER
Roy        Roy        PROPN 4 flat:name _   I-PER
devant     devant     ADP   8 case
le         le         DET   8 det
Sénat      Sénat      PROPN 2 nmod      _   B-ORG
a          avoir      AUX   10 aux:tense
duré       durer      VERB  0 ROOT      Tense=Past|VerbForm=Part
une        un         DET   12 det
heure      heure      NOUN  10 obj
.          .          PUNCT 10 punct
"""

# A person before whom something happens is no place ("devant Paul Roy").
BEFORE_PERSON = BEFORE_ASSEMBLY.replace("Sénat      Sénat      PROPN 2 nmod      _   B-ORG", "Marc       Marc       PROPN 2 nmod      _   B-PER")


def test_an_assembly_before_which_an_event_is_held_is_its_place():
    assert ("discours", {"agent": ["Anne Roy"], "location": ["Sénat"]}) in facts(extract(BEFORE_ASSEMBLY))
    assert not any("location" in roles for p, roles in facts(extract(BEFORE_PERSON)) if p == "discours")


# "Paul Durand, un horloger qui a survécu": the noun set off after the name stands for it, and what
# a verb without an object is about follows "à".
APPOSITIVE_RELATIVE = """
Le         le         DET   2 det
film       film       NOUN  3 nsubj
montre     montrer    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
Paul       Paul       PROPN 3 obj       _   B-PER
Durand     Durand     PROPN 4 flat:name _   I-PER
,          ,          PUNCT 8 punct
un         un         DET   8 det
horloger   horloger   NOUN  4 appos
qui        qui        PRON  11 nsubj    PronType=Rel
a          avoir      AUX   11 aux:tense
survécu    survivre   VERB  8 acl:relcl Tense=Past|VerbForm=Part
au         au         ADP   13 case     Definite=Def
séisme     séisme     NOUN  11 obl:arg
.          .          PUNCT 3 punct
"""

# After a preposition, the name is no antecedent: "Selon Paul Durand, un habitant qui ..." is not him.
CITED_BEFORE_RELATIVE = """
Selon      selon      ADP   2 case
Paul       Paul       PROPN 12 obl:mod  _   B-PER
Durand     Durand     PROPN 2 flat:name _   I-PER
,          ,          PUNCT 6 punct
un         un         DET   6 det
habitant   habitant   NOUN  12 nsubj
qui        qui        PRON  9 nsubj     PronType=Rel
a          avoir      AUX   9 aux:tense
survécu    survivre   VERB  6 acl:relcl Tense=Past|VerbForm=Part
au         au         ADP   11 case     Definite=Def
séisme     séisme     NOUN  9 obl:arg
parle      parler     VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
.          .          PUNCT 12 punct
"""


def test_a_relative_on_a_noun_set_off_after_a_name_is_about_the_name():
    assert ("survivre", {"subject": ["Paul Durand"], "object": ["séisme"]}) in facts(extract(APPOSITIVE_RELATIVE))
    assert ("survivre", {"subject": ["habitant"], "object": ["séisme"]}) in facts(extract(CITED_BEFORE_RELATIVE))


# "Des dégâts ont été causés aux équipements": a verb with its own undergoer has no "à" theme.
CAUSED_TO = """
Des        un         DET   2 det
dégâts     dégât      NOUN  5 nsubj:pass
ont        avoir      AUX   5 aux:tense
été        être       AUX   5 aux:pass
causés     causer     VERB  0 ROOT      Tense=Past|VerbForm=Part|Voice=Pass
aux        au         ADP   7 case      Definite=Def
équipements équipement NOUN 5 obl:arg
par        par        ADP   10 case
les        le         DET   10 det
Verts      Verts      PROPN 5 obl:agent _   B-ORG
.          .          PUNCT 5 punct
"""


def test_what_a_verb_without_object_acts_on_follows_its_preposition():
    assert ("survivre", {"subject": ["Paul Durand"], "object": ["séisme"]}) in facts(extract(APPOSITIVE_RELATIVE))
    assert not any("équipements" in labels for _, roles in facts(extract(CAUSED_TO)) for labels in roles.values())


# "a refusé de participer": the infinitive is what the verb acts on; its named doer keeps the act.
REFUSED_TO = """
Le         le         DET   2 det
Parti      parti      NOUN  4 nsubj     _   B-ORG
vert       vert       ADJ   2 amod      _   I-ORG
a          avoir      AUX   5 aux:tense
refusé     refuser    VERB  0 ROOT      Tense=Past|VerbForm=Part
de         de         ADP   7 mark
participer participer VERB  5 xcomp     VerbForm=Inf
.          .          PUNCT 5 punct
"""

# Nor when or whether the infinitive happens ("a commencé à"), nor a thing's ("l'accord a permis de").
BEGAN_TO = REFUSED_TO.replace("refusé     refuser ", "commencé   commencer ")
THING_ENABLED = REFUSED_TO.replace("Parti      parti      NOUN  4 nsubj     _   B-ORG", "pont       pont       NOUN  4 nsubj").replace("vert       vert       ADJ   2 amod      _   I-ORG", "neuf       neuf       ADJ   2 amod").replace("refusé     refuser ", "permis     permettre ")


def test_a_named_doer_keeps_the_act_of_a_verb_with_an_infinitive():
    assert ("refuser", {"agent": ["Parti vert"]}) in facts(extract(REFUSED_TO))
    assert "commencer" not in [p for p, _ in facts(extract(BEGAN_TO))]
    assert "permettre" not in [p for p, _ in facts(extract(THING_ENABLED))]


# "il dirige ... en 1961 et entre à l'université en 1964": "entre" before another preposition is
# the verb, read as the preposition; it shares the subject of the verb it is coordinated with.
ENTERS_AFTER_AND = """
Paul       Paul       PROPN 3 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
dirige     diriger    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
le         le         DET   5 det
chantier   chantier   NOUN  3 obj
en         en         ADP   7 case
1961       1961       NUM   3 obl:mod
et         et         CCONJ 12 cc
entre      entrer     ADP   12 case
à          à          ADP   12 case
l'         le         DET   12 det
université université NOUN  7 conj      _   B-ORG
de         de         ADP   14 case     _   I-ORG
Nantes     Nantes     PROPN 12 nmod     _   I-ORG
en         en         ADP   16 case
1964       1964       NUM   3 obl:mod
.          .          PUNCT 3 punct
"""

# "un accord entre Paris et Berlin": the preposition with its noun phrase stays one.
AGREEMENT_BETWEEN = """
Un         un         DET   2 det
accord     accord     NOUN  8 nsubj:pass
entre      entre      ADP   4 case
Paris      Paris      PROPN 2 nmod      _   B-LOC
et         et         CCONJ 6 cc
Berlin     Berlin     PROPN 4 conj      _   B-LOC
a          avoir      AUX   8 aux:tense
été        être       AUX   8 aux:pass
signé      signer     VERB  0 ROOT      Tense=Past|VerbForm=Part|Voice=Pass
.          .          PUNCT 8 punct
"""


# "Paul Roy entre au gouvernement": the complement hung on the name, the name is the doer.
ENTERS_AFTER_NAME = """
Paul       Paul       PROPN 0 ROOT      _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
entre      entrer     ADP   5 case
au         au         ADP   5 case      Definite=Def
gouvernement gouvernement NOUN 1 nmod
.          .          PUNCT 1 punct
"""


# "quitte Lyon et entre en France": the conjunct is the misread verb's, no gapped "quitter" again.
ENTERS_AS_CONJUNCT = """
Marie      Marie      PROPN 3 nsubj     _   B-PER
Lee        Lee        PROPN 1 flat:name _   I-PER
quitte     quitter    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
Lyon       Lyon       PROPN 3 obj       _   B-LOC
et         et         CCONJ 8 cc
entre      entrer     ADP   8 case
en         en         ADP   8 case
France     France     PROPN 3 conj      _   B-LOC
.          .          PUNCT 3 punct
"""


def test_a_verb_read_as_the_preposition_it_spells_is_the_verb():
    found = facts(extract(ENTERS_AFTER_AND))
    assert ("entrer", {"agent": ["Paul Roy"], "destination": ["université de Nantes"], "time": ["1964"]}) in found
    assert not any("1964" in roles.get("time", ()) for p, roles in found if p == "diriger")
    assert "entrer" not in [p for p, _ in facts(extract(AGREEMENT_BETWEEN))]
    assert ("entrer", {"agent": ["Paul Roy"], "destination": ["gouvernement"]}) in facts(extract(ENTERS_AFTER_NAME))
    assert [p for p, _ in facts(extract(ENTERS_AS_CONJUNCT))] == ["quitter", "entrer"]


# "Marie Lee a été autorisée à quitter la France": the passive subject does what the infinitive says.
ALLOWED_TO = """
Marie      Marie      PROPN 5 nsubj:pass _  B-PER
Lee        Lee        PROPN 1 flat:name _   I-PER
a          avoir      AUX   5 aux:tense
été        être       AUX   5 aux:pass
autorisée  autoriser  VERB  0 ROOT      Tense=Past|VerbForm=Part|Voice=Pass
à          à          ADP   7 mark
quitter    quitter    VERB  5 xcomp     VerbForm=Inf
la         le         DET   9 det
France     France     PROPN 7 obj       _   B-LOC
.          .          PUNCT 5 punct
"""

# Not an infinitive of purpose ("fermée pour quitter": whoever closed it).
FOR_PURPOSE = ALLOWED_TO.replace("à          à          ADP   7 mark", "pour       pour       ADP   7 mark")


def test_the_subject_of_a_passive_does_what_its_infinitive_says():
    assert ("quitter", {"subject": ["Marie Lee"], "object": ["France"]}) in facts(extract(ALLOWED_TO))
    assert "quitter" not in [p for p, _ in facts(extract(FOR_PURPOSE))]


# ", provoquant un accident" hung on a participle describing a noun ("le cortège accompagnant le
# ministre"): the clause is about the subject of the main clause, the attack.
SET_OFF_AFTER_MODIFIER = """
Une        un         DET   2 det
attaque    attaque    NOUN  3 nsubj
éclate     éclater    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
à          à          ADP   5 case
Dalbourg   Dalbourg   PROPN 3 obl:mod   _   B-LOC
dans       dans       ADP   8 case
le         le         DET   8 det
cortège    cortège    NOUN  3 obl:mod
accompagnant accompagner VERB 8 acl     Tense=Pres|VerbForm=Part
le         le         DET   11 det
ministre   ministre   NOUN  9 obj
,          ,          PUNCT 13 punct
provoquant provoquer  VERB  9 advcl     Tense=Pres|VerbForm=Part
un         un         DET   15 det
accident   accident   NOUN  13 obj
.          .          PUNCT 3 punct
"""

# Without the comma, the clause goes on describing the noun.
NOT_SET_OFF = """
Une        un         DET   2 det
attaque    attaque    NOUN  3 nsubj
éclate     éclater    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
à          à          ADP   5 case
Dalbourg   Dalbourg   PROPN 3 obl:mod   _   B-LOC
dans       dans       ADP   8 case
le         le         DET   8 det
cortège    cortège    NOUN  3 obl:mod
accompagnant accompagner VERB 8 acl     Tense=Pres|VerbForm=Part
le         le         DET   11 det
ministre   ministre   NOUN  9 obj
en         en         ADP   13 mark
provoquant provoquer  VERB  9 advcl     Tense=Pres|VerbForm=Part
un         un         DET   15 det
accident   accident   NOUN  13 obj
.          .          PUNCT 3 punct
"""


def test_a_clause_set_off_after_a_noun_modifier_is_about_the_main_subject():
    found = facts(extract(SET_OFF_AFTER_MODIFIER))
    assert ("accident", {"location": ["Dalbourg"]}) in found
    assert ("provoquer", {"subject": ["attaque"], "object": ["accident"]}) in found
    assert not any(p == "provoquer" for p, _ in facts(extract(NOT_SET_OFF)))


# "organisera le 12 mars une manifestation": misled by the date, the parser hangs the object on it.
OBJECT_AFTER_DATE = """
Le         le         DET   2 det
Parti      parti      NOUN  4 nsubj     _   B-ORG
vert       vert       ADJ   2 amod      _   I-ORG
organisera organiser  VERB  0 ROOT      Mood=Ind|Tense=Fut|VerbForm=Fin
le         le         DET   6 det
12         12         NUM   4 obl:mod
mars       mars       NOUN  6 nmod
une        un         DET   9 det
manifestation manifestation NOUN 7 nmod
à          à          ADP   11 case
Lyon       Lyon       PROPN 4 obl:mod   _   B-LOC
.          .          PUNCT 4 punct
"""

# "tiendra les 3 et 4 mai une réunion": the first day read as the object, the noun as a
# sentence of its own.
OBJECT_CUT_OFF_BY_DATE = """
Le         le         DET   2 det
syndicat   syndicat   NOUN  4 nsubj
Solidar    Solidar    PROPN 2 nmod      _   B-ORG
tiendra    tenir      VERB  0 ROOT      Mood=Ind|Tense=Fut|VerbForm=Fin
les        le         DET   6 det
3          3          NUM   4 obj
et         et         CCONJ 8 cc
4          4          NUM   6 conj
mai        mai        NOUN  8 nmod
une        un         DET   11 det
réunion    réunion    NOUN  0 ROOT
.          .          PUNCT 11 punct
"""


def test_a_light_verb_carries_the_happening_the_parser_hung_on_a_date():
    assert ("réunion", {"agent": ["Solidar"]}) in facts(extract(OBJECT_CUT_OFF_BY_DATE))
    found = facts(extract(OBJECT_AFTER_DATE))
    assert ("manifestation", {"agent": ["Parti vert"], "time": ["12 mars"], "location": ["Lyon"]}) in found
    assert "organiser" not in [p for p, _ in found]


# "a tenté de quitter la France": what is tried is not said to be done.
TRIED_TO = """
Marie      Marie      PROPN 4 nsubj     _   B-PER
Lee        Lee        PROPN 1 flat:name _   I-PER
a          avoir      AUX   4 aux:tense
tenté      tenter     VERB  0 ROOT      Tense=Past|VerbForm=Part
de         de         ADP   6 mark
quitter    quitter    VERB  4 xcomp     VerbForm=Inf
la         le         DET   8 det
France     France     PROPN 6 obj       _   B-LOC
.          .          PUNCT 4 punct
"""
MANAGED_TO = TRIED_TO.replace("tenté      tenter ", "réussi     réussir ")


def test_what_is_tried_or_refused_is_hypothetical():
    (tried,) = [r for r in extract(TRIED_TO).relations if r.predicate == "quitter"]
    (managed,) = [r for r in extract(MANAGED_TO).relations if r.predicate == "quitter"]
    assert (tried.modality, managed.modality) == ("hypothetical", "asserted")


# "a exhorté Paul Roy à quitter la France": what one is urged, ordered or allowed to do is not done.
URGED_TO = """
Marie      Marie      PROPN 4 nsubj     _   B-PER
Lee        Lee        PROPN 1 flat:name _   I-PER
a          avoir      AUX   4 aux:tense
exhorté    exhorter   VERB  0 ROOT      Tense=Past|VerbForm=Part
Paul       Paul       PROPN 4 obj       _   B-PER
Roy        Roy        PROPN 5 flat:name _   I-PER
à          à          ADP   8 mark
quitter    quitter    VERB  4 xcomp     VerbForm=Inf
la         le         DET   10 det
France     France     PROPN 8 obj       _   B-LOC
.          .          PUNCT 4 punct
"""
FORCED_TO = URGED_TO.replace("exhorté    exhorter ", "forcé      forcer   ")

# "Paul Roy est accusé d'avoir quitté la France": what one is accused of is alleged.
ACCUSED_OF = """
Paul       Paul       PROPN 4 nsubj:pass _   B-PER
Roy        Roy        PROPN 1 flat:name  _   I-PER
est        être       AUX   4 aux:pass
accusé     accuser    VERB  0 ROOT       Tense=Past|VerbForm=Part
d'         de         ADP   7 mark
avoir      avoir      AUX   7 aux:tense  VerbForm=Inf
quitté     quitter    VERB  4 xcomp      Tense=Past|VerbForm=Part
la         le         DET   9 det
France     France     PROPN 7 obj        _   B-LOC
.          .          PUNCT 4 punct
"""

# "Paul Roy nie avoir quitté la France": what one denies is said not to have happened.
DENIES = """
Paul       Paul       PROPN 3 nsubj      _   B-PER
Roy        Roy        PROPN 1 flat:name  _   I-PER
nie        nier       VERB  0 ROOT       Mood=Ind|Tense=Pres|VerbForm=Fin
avoir      avoir      AUX   5 aux:tense  VerbForm=Inf
quitté     quitter    VERB  3 xcomp      Tense=Past|VerbForm=Part
la         le         DET   7 det
France     France     PROPN 5 obj        _   B-LOC
.          .          PUNCT 3 punct
"""


def quitting(table):
    (quitting,) = [r for r in extract(table).relations if r.predicate == "quitter"]
    return quitting.polarity, quitting.modality


def test_what_is_urged_alleged_or_denied_is_not_asserted():
    assert quitting(URGED_TO) == ("positive", "hypothetical")
    assert quitting(FORCED_TO) == ("positive", "asserted")
    assert quitting(ACCUSED_OF) == ("positive", "reported")
    assert quitting(DENIES)[0] == "negative"


# "Solidar réclame la fermeture de la mine": an event asked for, denied or planned is not done.
ASKED_FOR = """
Solidar    Solidar    PROPN 2 nsubj     _   B-ORG
réclame    réclamer   VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
la         le         DET   4 det
fermeture  fermeture  NOUN  2 obj
de         de         ADP   7 case
la         le         DET   7 det
mine       mine       NOUN  4 nmod
de         de         ADP   9 case
Vernay     Vernay     PROPN 7 nmod      _   B-LOC
.          .          PUNCT 2 punct
"""
DENIED = ASKED_FOR.replace("réclame    réclamer ", "dément     démentir ")
ANNOUNCED = ASKED_FOR.replace("réclame    réclamer ", "annonce    annoncer ")

# "le projet de fermeture de la mine": the noun the event complements plans it.
PLANNED = """
Le         le         DET   2 det
projet     projet     NOUN  9 nsubj:pass
de         de         ADP   4 case
fermeture  fermeture  NOUN  2 nmod
de         de         ADP   7 case
la         le         DET   7 det
mine       mine       NOUN  4 nmod
a          avoir      AUX   9 aux:tense
été        être       AUX   9 aux:pass
abandonné  abandonner VERB  0 ROOT      Tense=Past|VerbForm=Part
.          .          PUNCT 9 punct
"""
CLOSED = PLANNED.replace("projet     projet ", "bruit      bruit  ")


# "Paul Roy a quitté Lyon pour rejoindre Nantes": a purpose, a condition, a question or what is
# done without, is not done.
LEFT_TO_JOIN = """
Paul       Paul       PROPN 4 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
a          avoir      AUX   4 aux:tense
quitté     quitter    VERB  0 ROOT      Tense=Past|VerbForm=Part
Lyon       Lyon       PROPN 4 obj       _   B-LOC
pour       pour       ADP   7 mark
rejoindre  rejoindre  VERB  4 advcl     VerbForm=Inf
Nantes     Nantes     PROPN 7 obj       _   B-LOC
.          .          PUNCT 4 punct
"""
LEFT_WITHOUT = LEFT_TO_JOIN.replace("pour       pour ", "sans       sans ")
LEFT_IF = LEFT_TO_JOIN.replace("pour       pour       ADP ", "si         si         SCONJ").replace(
    "rejoindre  rejoindre  VERB  4 advcl     VerbForm=Inf", "rejoint    rejoindre  VERB  4 advcl     Mood=Ind|Tense=Pres|VerbForm=Fin"
)
LEFT_AND_ASKED = LEFT_TO_JOIN.replace(".          .          PUNCT 4 punct", "?          ?          PUNCT 4 punct")

# "Paul Roy a été arrêté pour avoir rejoint Nantes": a past infinitive gives a cause.
ARRESTED_FOR = """
Paul       Paul       PROPN 5 nsubj:pass _   B-PER
Roy        Roy        PROPN 1 flat:name  _   I-PER
a          avoir      AUX   5 aux:tense
été        être       AUX   5 aux:pass
arrêté     arrêter    VERB  0 ROOT       Tense=Past|VerbForm=Part
pour       pour       ADP   8 mark
avoir      avoir      AUX   8 aux:tense  VerbForm=Inf
rejoint    rejoindre  VERB  5 advcl      Tense=Past|VerbForm=Part
Nantes     Nantes     PROPN 8 obj        _   B-LOC
.          .          PUNCT 5 punct
"""


# "Paul Roy va rejoindre Nantes": about to happen; "est allé voir" is done.
GOING_TO_JOIN = """
Paul       Paul       PROPN 3 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
va         aller      VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
rejoindre  rejoindre  VERB  3 xcomp     VerbForm=Inf
Nantes     Nantes     PROPN 4 obj       _   B-LOC
.          .          PUNCT 3 punct
"""
NOT_GOING_TO_JOIN = """
Paul       Paul       PROPN 4 nsubj     _   B-PER
Roy        Roy        PROPN 1 flat:name _   I-PER
ne         ne         ADV   4 advmod    Polarity=Neg
va         aller      VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
pas        pas        ADV   4 advmod    Polarity=Neg
rejoindre  rejoindre  VERB  4 xcomp     VerbForm=Inf
Nantes     Nantes     PROPN 6 obj       _   B-LOC
.          .          PUNCT 4 punct
"""
WENT_TO_JOIN = GOING_TO_JOIN.replace("va         aller      VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin", "allé       aller      VERB  0 ROOT      Tense=Past|VerbForm=Part")


def joining(table):
    (joining,) = [r for r in extract(table).relations if r.predicate == "rejoindre"]
    return joining.polarity, joining.modality


def test_a_purpose_a_condition_a_question_or_what_is_done_without_is_not_asserted():
    assert joining(LEFT_TO_JOIN) == ("positive", "hypothetical")
    assert joining(LEFT_WITHOUT) == ("negative", "asserted")
    assert joining(LEFT_IF) == ("positive", "hypothetical")
    assert joining(ARRESTED_FOR) == ("positive", "asserted")
    assert [r.modality for r in extract(LEFT_AND_ASKED).relations if r.predicate == "quitter"] == ["hypothetical"]


# "Il semble que Paul Roy a rejoint Nantes": the clause of an impersonal hedge is not asserted.
SEEMS_TO_HAVE_JOINED = """
Il         il         PRON  2 expl:subj
semble     sembler    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
que        que        SCONJ 7 mark
Paul       Paul       PROPN 7 nsubj     _   B-PER
Roy        Roy        PROPN 4 flat:name _   I-PER
a          avoir      AUX   7 aux:tense
rejoint    rejoindre  VERB  2 ccomp     Tense=Past|VerbForm=Part
Nantes     Nantes     PROPN 7 obj       _   B-LOC
.          .          PUNCT 2 punct
"""
STILL_JOINED = SEEMS_TO_HAVE_JOINED.replace("semble     sembler ", "reste      rester  ")  # "il reste que": still so


def test_the_clause_of_an_impersonal_hedge_is_hypothetical():
    assert joining(SEEMS_TO_HAVE_JOINED) == ("positive", "hypothetical")
    assert joining(STILL_JOINED) == ("positive", "asserted")


# "Paul Roy a échoué à rejoindre Nantes"; "n'a pas réussi à": what fails does not happen.
FAILED_TO_JOIN = GOING_TO_JOIN.replace("va         aller      VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin", "échoue     échouer    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin")
DID_NOT_MANAGE = NOT_GOING_TO_JOIN.replace("va         aller      VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin", "réussit    réussir    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin")
MANAGED = GOING_TO_JOIN.replace("va         aller      VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin", "réussit    réussir    VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin")


# "Ce n'est pas Paul Roy qui a rejoint Nantes": a negated cleft denies its clause of Paul Roy.
NOT_HIM_WHO_JOINED = """
Ce         ce         PRON  5 nsubj
n'         ne         ADV   5 advmod    Polarity=Neg
est        être       AUX   5 cop       Mood=Ind|Tense=Pres|VerbForm=Fin
pas        pas        ADV   5 advmod    Polarity=Neg
Paul       Paul       PROPN 0 ROOT      _   B-PER
Roy        Roy        PROPN 5 flat:name _   I-PER
qui        qui        PRON  9 nsubj     PronType=Rel
a          avoir      AUX   9 aux:tense
rejoint    rejoindre  VERB  5 acl:relcl Tense=Past|VerbForm=Part
Nantes     Nantes     PROPN 9 obj       _   B-LOC
.          .          PUNCT 5 punct
"""


def test_a_negated_cleft_denies_its_clause():
    assert joining(NOT_HIM_WHO_JOINED)[0] == "negative"


def test_what_fails_or_is_not_managed_does_not_happen():
    assert joining(FAILED_TO_JOIN) == ("negative", "asserted")
    assert joining(DID_NOT_MANAGE) == ("negative", "asserted")
    assert joining(MANAGED) == ("positive", "asserted")


# "Solidar annule la fermeture de la mine": an event called off does not happen.
CALLED_OFF = ASKED_FOR.replace("réclame    réclamer ", "annule     annuler  ")


def test_an_event_called_off_does_not_happen():
    assert closing(CALLED_OFF) == ("negative", "asserted")


def test_what_one_is_going_to_do_is_future_and_keeps_the_negation_of_aller():
    assert joining(GOING_TO_JOIN) == ("positive", "future")
    assert joining(NOT_GOING_TO_JOIN) == ("negative", "future")
    assert joining(WENT_TO_JOIN) == ("positive", "asserted")


def closing(table):
    (closing,) = [r for r in extract(table).relations if r.predicate == "fermeture"]
    return closing.polarity, closing.modality


def test_an_event_noun_asked_for_planned_or_denied_is_not_asserted():
    assert closing(ASKED_FOR) == ("positive", "hypothetical")
    assert closing(DENIED) == ("negative", "asserted")
    assert closing(ANNOUNCED) == ("positive", "asserted")
    assert closing(PLANNED) == ("positive", "hypothetical")
    assert closing(CLOSED) == ("positive", "asserted")
