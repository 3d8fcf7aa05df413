"""The record cache keys on everything a record depends on: the document, the extraction code,
the model and the language resources."""

import shutil

from textkg.language.resources import lexicon_dir
from textkg.records import Document
from textkg.runner.cache import RecordCache

DOCUMENT = Document(id="d1", text="Le maire de Lyon a parlé.", lang="fr")


def test_an_edited_lexicon_gives_another_key(tmp_path):
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), copy)
    with RecordCache(tmp_path / "shipped.sqlite") as shipped, RecordCache(tmp_path / "copy.sqlite", lexicons=copy) as copied:
        assert copied.key(DOCUMENT) == shipped.key(DOCUMENT)
    with (copy / "fr" / "nouns.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Person\tédile\n")
    with RecordCache(tmp_path / "shipped.sqlite") as shipped, RecordCache(tmp_path / "copy.sqlite", lexicons=copy) as copied:
        assert copied.key(DOCUMENT) != shipped.key(DOCUMENT)


def test_the_name_lists_shared_by_the_languages_are_in_the_key(tmp_path):
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), copy)
    with RecordCache(tmp_path / "before.sqlite", lexicons=copy) as cache:
        before = cache.key(DOCUMENT)
    with (copy / "names" / "organizations.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Company\tAcme\n")
    with RecordCache(tmp_path / "after.sqlite", lexicons=copy) as cache:
        assert cache.key(DOCUMENT) != before
