"""textkg as a spaCy component: nlp.add_pipe("textkg") sets doc._.textkg."""

import json
import shutil
import subprocess
import sys

import pytest

from textkg.extract import extract_record
from textkg.extract.component import DATE_KEY, ID_KEY, Extractor
from textkg.language.resources import lexicon_dir, load_resources
from textkg.records import Document

from .language import resources

pytestmark = pytest.mark.model

TEXT = "Le ministre Paul Martin a déclaré que la Pologne déploiera des missiles en Hongrie."


def test_spacy_finds_the_factory_through_its_entry_point():
    # A fresh interpreter that never imports textkg itself: spaCy must find the factory alone.
    script = (
        "import json, spacy\n"
        "nlp = spacy.load('fr_core_news_md')\n"
        "nlp.add_pipe('textkg')\n"
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps(doc._.textkg.to_json()))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
    record = json.loads(done.stdout)
    assert {e["label"] for e in record["entities"]} >= {"Paul Martin", "Pologne", "Hongrie"}
    assert [c["cue"] for c in record["claims"]] == ["a déclaré"]


def test_the_component_gives_the_record_the_library_gives(fr_nlp):
    doc = fr_nlp(TEXT)
    doc.user_data[ID_KEY], doc.user_data[DATE_KEY] = "dépêche-1", "2023-05-25"
    by_component = Extractor(resources())(doc)._.textkg
    by_library = extract_record(doc, Document(id="dépêche-1", text=TEXT, date="2023-05-25"), resources())
    assert by_component == by_library


def test_the_component_reads_the_lexicons_it_is_given(fr_nlp, tmp_path):
    # "susurrer" is no reporting verb of textkg's lexicon; a copy of the lexicons that adds it
    # makes the same sentence a claim, through the component's config.
    text = "Le ministre Paul Martin a susurré que la Pologne déploiera des missiles."
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), copy)
    with (copy / "fr" / "predicates.tsv").open("a", encoding="utf-8") as handle:
        handle.write("susurrer\tVERB\treporting\tStatement\n")
    assert Extractor(resources())(fr_nlp(text))._.textkg.claims == ()
    claims = Extractor(load_resources("fr", copy))(fr_nlp(text))._.textkg.claims
    assert [c.cue for c in claims] == ["a susurré"]
