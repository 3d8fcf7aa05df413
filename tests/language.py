"""The language resources the tests extract with, loaded once per test session."""

from functools import cache

from textkg.language.resources import Resources, load_resources


@cache
def resources(lang: str = "fr") -> Resources:
    return load_resources(lang)


def context(doc, lang: str = "fr"):
    """The extraction context of a parsed ``doc``, before any mention is known."""
    from textkg.extract.context import DocContext
    from textkg.records import Document

    return DocContext.of(doc, Document(id="t", text=doc.text, lang=lang), resources(lang))
