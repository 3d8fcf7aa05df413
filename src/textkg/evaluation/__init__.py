"""Scoring textkg's extraction records against externally annotated corpora."""
