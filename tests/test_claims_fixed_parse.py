"""Claim rules on fixed parses: each table is one construction, parsed as the rule expects (or as
the parser is known to misparse it), so these tests check the rule alone; tests/test_claims.py
checks the same behaviour end to end through the trained parser."""

from .fixed_parse import extract, facts

# The parser reads the article "des" after "selon laquelle" as a preposition and hangs the noun on
# the relative pronoun; it takes the weapon name after the head noun for a modifier of it.
HEARSAY_MISPARSED = """
Le          le          DET   2 det
colonel     colonel     NOUN  6 nsubj
Paul        Paul        PROPN 2 appos     _                         B-PER
Vernet      Vernet      PROPN 3 flat:name _                         I-PER
a           avoir       AUX   6 aux:tense
donné       donner      VERB  0 ROOT      Tense=Past|VerbForm=Part
l'          le          DET   8 det
information information NOUN  6 obj
selon       selon       ADP   10 case
laquelle    lequel      PRON  15 obl:mod  PronType=Rel
des         de          ADP   12 case     Definite=Def|PronType=Art
missiles    missile     NOUN  10 nmod
Zircon-K    zircon-k    NOUN  12 acl      _                         B-MISC
seront      être        AUX   15 aux:pass Mood=Ind|Tense=Fut|VerbForm=Fin
installés   installer   VERB  8 acl:relcl Tense=Past|VerbForm=Part|Voice=Pass
en          en          ADP   17 case
Arménie     Arménie     PROPN 15 obl:mod  _                         B-LOC
.           .           PUNCT 6 punct
"""


def test_hearsay_content_holds_its_event_with_the_subject_the_parser_hung_on_the_relative():
    record = extract(HEARSAY_MISPARSED)
    labels = {e.id: e.label for e in record.entities}
    (claim,) = record.claims
    assert labels[claim.speaker] == "Paul Vernet"
    assert record.document.text[slice(*claim.content[0])] == "des missiles Zircon-K seront installés en Arménie"
    (install,) = [r for r in record.relations if r.predicate == "installer"]
    assert facts(record)[record.relations.index(install)][1] == {"location": ["Arménie"], "theme": ["Zircon-K"]}
    assert (install.claim, install.modality) == (claim.id, "future")


# "a de son côté dénoncé": the parser hangs the participle on the interrupting phrase's noun and
# makes the auxiliary the root.
INTERRUPTED = """
Le          le          DET   2 det
maire       maire       NOUN  5 nsubj
Paul        Paul        PROPN 2 appos     _                         B-PER
Garnier     Garnier     PROPN 3 flat:name _                         I-PER
a           avoir       VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
de          de          ADP   8 case
son         son         DET   8 det       Poss=Yes
côté        côté        NOUN  5 obj
dénoncé     dénoncer    VERB  8 acl       Tense=Past|VerbForm=Part
la          le          DET   11 det
fermeture   fermeture   NOUN  9 obj
de          de          ADP   14 case
l'          le          DET   14 det
usine       usine       NOUN  11 nmod
.           .           PUNCT 5 punct
"""

# "« ... », juge le maire": the tagger takes the verb of the incise for a noun (lemma "juge").
MISTAGGED_INCISE = """
«           «           PUNCT 5 punct
Les         le          DET   3 det
travaux     travail     NOUN  5 nsubj
sont        être        AUX   5 cop
finis       fini        ADJ   0 ROOT
»           »           PUNCT 5 punct
,           ,           PUNCT 5 punct
juge        juge        NOUN  5 dep
le          le          DET   10 det
maire       maire       NOUN  8 nmod
.           .           PUNCT 5 punct
"""


def test_a_phrase_between_auxiliary_and_participle_leaves_the_subject_before_the_auxiliary():
    record = extract(INTERRUPTED)
    labels = {e.id: e.label for e in record.entities}
    (claim,) = record.claims
    assert (labels[claim.speaker], claim.cue, claim.stance) == ("Paul Garnier", "dénoncé", "Accusation")
    assert record.document.text[slice(*claim.content[0])] == "la fermeture de l'usine"


def test_an_incise_verb_the_tagger_missed_is_a_cue_and_its_speaker_follows_it():
    record = extract(MISTAGGED_INCISE)
    labels = {e.id: (e.label, e.type) for e in record.entities}
    (claim,) = record.claims
    assert (labels[claim.speaker], claim.cue, claim.quote) == (("maire", "Concept"), "juge", True)
    assert record.document.text[slice(*claim.content[0])] == "Les travaux sont finis"


# "comme le rappelle X, « ... »": the parser hangs the verb on the speaker's name and the name on
# the clause before; the quotation after the comma is what X recalls.
RECALLED_QUOTE = """
L'          le          DET   2 det
usine       usine       NOUN  3 nsubj
ferme       fermer      VERB  0 ROOT      Mood=Ind|Tense=Pres|VerbForm=Fin
,           ,           PUNCT 10 punct
bien        bien        ADV   10 mark
que         que         SCONJ 5 fixed
,           ,           PUNCT 10 punct
comme       comme       SCONJ 9 mark
le          le          PRON  9 obj
rappelle    rappeler    VERB  10 dep      Mood=Ind|Tense=Pres|VerbForm=Fin
Morel       Morel       PROPN 3 obl:mod   _                         B-PER
,           ,           PUNCT 3 punct
«           «           PUNCT 16 punct
la          le          DET   15 det
loi         loi         NOUN  16 nsubj
interdit    interdire   VERB  3 advcl     Mood=Ind|Tense=Pres|VerbForm=Fin
ces         ce          DET   18 det
ventes      vente       NOUN  16 obj
»           »           PUNCT 16 punct
.           .           PUNCT 3 punct
"""


def test_a_quotation_after_comme_le_rappelle_x_is_what_x_recalls():
    record = extract(RECALLED_QUOTE)
    labels = {e.id: e.label for e in record.entities}
    (claim,) = record.claims
    assert (labels[claim.speaker], claim.cue, claim.quote) == ("Morel", "rappelle", True)
    assert record.document.text[slice(*claim.content[0])] == "la loi interdit ces ventes"
