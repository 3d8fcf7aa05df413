"""The document context's token look-ups give what spaCy's Token gives, from the token arrays."""

from textkg.extract.context import morph_features

from .fixed_parse import parse
from .language import context

def test_morphology_is_the_tokens_own():
    doc = parse("""
    Les        le        DET   2 det    Definite=Def|Number=Plur|PronType=Art
    ouvrières  ouvrier   NOUN  3 nsubj  Gender=Fem|Number=Plur
    ont        avoir     AUX   4 aux    Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
    voté       voter     VERB  0 ROOT   Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
    .          .         PUNCT 4 punct  _
    """)
    ctx = context(doc)
    for token in doc:
        for name in ("Definite", "Gender", "Number", "PronType", "Mood", "Tense", "VerbForm", "Polarity"):
            assert ctx.morph(token, name) == token.morph.get(name)
    assert ctx.feature(doc[1], "Gender") == "Fem"


def test_multiple_values_of_a_feature_in_order():
    assert morph_features("Number=Sing|PronType=Int,Rel") == {"Number": ["Sing"], "PronType": ["Int", "Rel"]}
    assert morph_features("") == {}


def test_words_used_by_form_or_lemma():
    doc = parse("""
    Les        le        DET   2 det    _
    ouvrières  ouvrier   NOUN  3 nsubj  _
    Votent     voter     VERB  0 ROOT   _
    """)
    ctx = context(doc)
    assert ctx.text == doc.text
    assert ctx.uses_any(frozenset({"ouvrières"}))  # a form, in lower case
    assert ctx.uses_any(frozenset({"votent"}))
    assert ctx.uses_any(frozenset({"ouvrier", "grève"}))  # a lemma
    assert not ctx.uses_any(frozenset({"grève", "Votent"}))


def test_positions_of_words_in_lower_case():
    doc = parse("""
    Selon      selon     ADP   2 case   _
    Anne       Anne      PROPN 4 obl    _
    ,          ,         PUNCT 2 punct  _
    selon      selon     ADV   0 ROOT   _
    """)
    ctx = context(doc)
    assert ctx.positions_of(frozenset({"selon", "après"})) == (0, 3)
    assert ctx.positions_of(frozenset({"après"})) == ()


def test_positions_with_a_feature():
    doc = parse("""
    Il         il        PRON  4 nsubj   Number=Sing|Person=3
    s'         se        PRON  4 expl:pv Person=3|Reflex=Yes
    est        être      AUX   4 aux     Mood=Ind|VerbForm=Fin
    noyé       noyer     VERB  0 ROOT    VerbForm=Part
    """)
    ctx = context(doc)
    assert ctx.positions_with_feature("Reflex", "Yes") == (1,)
    assert ctx.positions_with_feature("Person", "3") == (0, 1)
    assert ctx.positions_with_feature("Reflex", "No") == ()
