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


def coreference_clusters(doc, lang: str = "fr") -> list[list[str]]:
    """The coreference chains of more than one mention in a parsed ``doc``, as sorted surfaces:
    names first fixed, then their descriptions and pronouns, as the extraction does."""
    from textkg.extract.coref import coreference_chains, noun_mentions, pronoun_mentions
    from textkg.extract.mentions import named_mentions

    ctx = context(doc, lang)
    named = list(named_mentions(ctx))
    ctx = ctx.with_mentions(named)
    mentions = [*named, *noun_mentions(ctx, named), *pronoun_mentions(ctx)]
    found = [sorted(m.text for m in chain.mentions) for chain in coreference_chains(ctx, mentions)]
    return sorted(c for c in found if len(c) > 1)
