"""Extraction: pure functions from a parsed spaCy Doc and the language resources to an
ExtractionRecord (``extract_record``); each extractor module finds one kind of candidate."""

from .record import extract_record

__all__ = ["extract_record"]
