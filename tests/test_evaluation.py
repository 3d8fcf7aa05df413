"""Corpus readers on small hand-written files, and the scorer on a few real documents when the
shared corpora are present."""

import json
import os
from pathlib import Path

import pytest

from textkg.api import default_data_dir
from textkg.errors import InputError
from textkg.evaluation.corpora import read_democrat, read_hipe

HIPE = """TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC
# hipe2022:document_id = doc-1
# hipe2022:date = 1888-08-03
M\tB-pers\tO\tO\tO\tO\tO\t_\t_\tNoSpaceAfter
.\tI-pers\tO\tO\tO\tO\tO\t_\t_\t_
Hagenbeck\tI-pers\tO\tO\tO\tO\tO\t_\t_\t_
de\tO\tO\tO\tO\tO\tO\t_\t_\t_
Hambourg\tB-loc\tO\tO\tO\tO\tO\t_\t_\tNoSpaceAfter
.\tO\tO\tO\tO\tO\tO\t_\t_\tEndOfSentence
# hipe2022:document_id = doc-2
Paris\tB-loc\tO\tO\tO\tO\tO\t_\t_\t_
Londres\tB-loc\tO\tO\tO\tO\tO\t_\t_\t_
"""


def test_read_hipe_rebuilds_text_and_spans(tmp_path):
    path = tmp_path / "hipe.tsv"
    path.write_text(HIPE, encoding="utf-8")
    first, second = read_hipe(path)
    assert first.id == "doc-1" and first.date == "1888-08-03"
    assert [(first.text[s:e], t) for s, e, t in first.spans] == [("M. Hagenbeck", "pers"), ("Hambourg", "loc")]
    # two B- tags in a row are two entities
    assert [second.text[s:e] for s, e, _ in second.spans] == ["Paris", "Londres"]


def test_read_hipe_names_the_bad_line(tmp_path):
    path = tmp_path / "hipe.tsv"
    path.write_text("# hipe2022:document_id = d\nParis\tB-loc\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"hipe.tsv:2"):
        list(read_hipe(path))


def test_read_democrat_maps_token_clusters_to_characters(tmp_path):
    path = tmp_path / "dem.jsonlines"
    doc = {"doc_key": "ge:x", "sentences": [["Jean", "arrive", "."], ["Il", "parle", "."]], "clusters": [[[0, 0], [3, 3]]]}
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (gold,) = read_democrat(path)
    assert gold.text == "Jean arrive .\nIl parle .\n"
    assert [m.text for m in gold.entities[0].mentions] == ["Jean", "Il"]


def data_dir() -> Path:
    return Path(os.environ.get("TEXTKG_DATA_DIR", default_data_dir()))


@pytest.mark.model
@pytest.mark.skipif(not (data_dir() / "popcorn-train.json").exists(), reason="the shared corpora are not beside the repository")
def test_scores_on_a_few_real_documents(fr_nlp):
    from textkg.evaluation.scoring import evaluate, format_table

    scores = evaluate(data_dir(), fr_nlp, ("hipe", "popcorn"), limit=3)
    by_key = {(s.corpus, s.system, s.metric): s for s in scores}
    # textkg links mentions; spaCy alone cannot
    assert by_key[("popcorn", "textkg", "MUC")].f1 > 0.2 > by_key[("popcorn", "spacy", "MUC")].f1
    assert by_key[("hipe", "textkg", "NER fuzzy")].f1 > 0.5
    assert "| popcorn | CoNLL F1 |" in format_table(scores)
