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
