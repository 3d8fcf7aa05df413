"""Parser slips the grammar mends before any rule reads the parse (extract/mending.py)."""

import pytest

from .fixed_parse import extract, parse
from .language import context

# "Paul Roy a rapidement racheté Nordix": an adverb between the auxiliary and the participle
# makes the parser read a passive subject.
BOUGHT = """
Paul       Paul       PROPN 5 nsubj:pass _   B-PER
Roy        Roy        PROPN 1 flat:name  _   I-PER
a          avoir      AUX   5 aux:tense
rapidement rapidement ADV   5 advmod
racheté    racheter   VERB  0 ROOT       Tense=Past|VerbForm=Part
Nordix     Nordix     PROPN 5 obj        _   B-ORG
.          .          PUNCT 5 punct
"""
# "Nordix a été racheté": a passive; "été" read as a copula is still the passive auxiliary.
WAS_BOUGHT = """
Nordix     Nordix     PROPN 4 nsubj:pass _   B-ORG
a          avoir      AUX   4 aux:tense
été        être       AUX   4 cop
racheté    racheter   VERB  0 ROOT       Tense=Past|VerbForm=Part
.          .          PUNCT 4 punct
"""
# "Les billets se sont vendus": a pronominal passive.
SOLD = """
Les        le         DET   2 det
billets    billet     NOUN  5 nsubj:pass
se         se         PRON  5 expl:pass
sont       être       AUX   5 aux:tense
vendus     vendre     VERB  0 ROOT       Tense=Past|VerbForm=Part
.          .          PUNCT 5 punct
"""


@pytest.mark.parametrize(("table", "subject", "dep"), [(BOUGHT, 0, "nsubj"), (WAS_BOUGHT, 0, "nsubj:pass"), (SOLD, 1, "nsubj:pass")])
def test_a_passive_subject_without_a_passive_auxiliary_is_active(table, subject, dep):
    assert context(parse(table)).tokens[subject].dep_ == dep


# "Paul Roy dit avoir rencontré Marie Lee": a name after an infinitive read as its subject.
SAYS_HE_MET = """
Paul       Paul       PROPN 3 nsubj      _   B-PER
Roy        Roy        PROPN 1 flat:name  _   I-PER
dit        dire       VERB  0 ROOT       Mood=Ind|Tense=Pres|VerbForm=Fin
avoir      avoir      AUX   5 aux:tense  VerbForm=Inf
rencontré  rencontrer VERB  3 xcomp      Tense=Past|VerbForm=Part
Marie      Marie      PROPN 5 nsubj      _   B-PER
Lee        Lee        PROPN 6 flat:name  _   I-PER
.          .          PUNCT 3 punct
"""
# "« ... », a déclaré Marie Lee": after a finite verb, a subject stays one.
SAID_AFTER = """
«          «          PUNCT 2 punct
Partez     partir     VERB  6 ccomp      Mood=Imp|VerbForm=Fin
»          »          PUNCT 2 punct
,          ,          PUNCT 2 punct
a          avoir      AUX   6 aux:tense
déclaré    déclarer   VERB  0 ROOT       Tense=Past|VerbForm=Part
Marie      Marie      PROPN 6 nsubj      _   B-PER
Lee        Lee        PROPN 7 flat:name  _   I-PER
.          .          PUNCT 6 punct
"""


@pytest.mark.parametrize(("table", "name", "dep"), [(SAYS_HE_MET, 5, "obj"), (SAID_AFTER, 6, "nsubj")])
def test_a_subject_after_an_infinitive_is_its_object(table, name, dep):
    assert context(parse(table)).tokens[name].dep_ == dep


# "Paul Roy a rencontré Marie Lee", with Marie Lee read as a second subject.
TWO_SUBJECTS = """
Paul       Paul       PROPN 4 nsubj      _   B-PER
Roy        Roy        PROPN 1 flat:name  _   I-PER
a          avoir      AUX   4 aux:tense
rencontré  rencontrer VERB  0 ROOT       Tense=Past|VerbForm=Part
Marie      Marie      PROPN 4 nsubj      _   B-PER
Lee        Lee        PROPN 5 flat:name  _   I-PER
.          .          PUNCT 4 punct
"""
# "... auquel assistait Marie Lee": a relative pronoun before the verb, the subject inverted.
INVERTED_IN_RELATIVE = """
auquel     auquel     PRON  2 nsubj      PronType=Rel
assistait  assister   VERB  0 ROOT       Mood=Ind|Tense=Imp|VerbForm=Fin
Marie      Marie      PROPN 2 nsubj      _   B-PER
Lee        Lee        PROPN 3 flat:name  _   I-PER
.          .          PUNCT 2 punct
"""


@pytest.mark.parametrize(("table", "name", "dep"), [(TWO_SUBJECTS, 4, "obj"), (INVERTED_IN_RELATIVE, 2, "nsubj")])
def test_a_second_subject_after_a_noun_subject_is_the_object(table, name, dep):
    assert context(parse(table)).tokens[name].dep_ == dep


def test_the_mended_subject_is_the_doer():
    (bought,) = [r for r in extract(BOUGHT).relations if r.predicate == "racheter"]
    labels = {e.id: e.label for e in extract(BOUGHT).entities}
    assert {role: [labels[i] for i in ids] for role, ids in bought.arguments.items()} == {"agent": ["Paul Roy"], "theme": ["Nordix"]}
