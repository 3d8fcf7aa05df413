"""Load the spaCy pipeline for a language, once per process, with a clear error when it is missing."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ModelError

PIPELINES = {"fr": "fr_core_news_md"}


def pipeline_name(lang: str) -> str:
    try:
        return PIPELINES[lang]
    except KeyError:
        raise ModelError(f"no pipeline for language {lang!r}; supported: {', '.join(sorted(PIPELINES))}") from None


@lru_cache(maxsize=4)
def load_pipeline(lang: str = "fr", name: str | None = None):
    """The trained spaCy pipeline for ``lang`` (or the package ``name``), loaded once per process."""
    import spacy

    from .components import PARAGRAPH_BOUNDARIES
    from .glued_words import GLUED_WORDS
    from .spelling import SPELLING_FEATURES, SPELLING_LEMMAS

    package = name or pipeline_name(lang)
    try:
        nlp = spacy.load(package)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {package!r} is not installed; install it with: pip install {package.replace('_', '-')}"
        ) from exc
    # Before the first trained component: glued words split, then words read as their intended
    # spelling (typographic apostrophes, typos); after the lemmatizer, the lemmas of that spelling.
    nlp.add_pipe(GLUED_WORDS, first=True)
    nlp.add_pipe(SPELLING_FEATURES, after=GLUED_WORDS)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BOUNDARIES, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(SPELLING_LEMMAS, after="lemmatizer")
    return nlp
