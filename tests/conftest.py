from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "russie-bielorussie-fr.txt"


@pytest.fixture(scope="session")
def fr_nlp():
    """The trained French pipeline with textkg's components, loaded once per test session."""
    from textkg.nlp import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def sample_record(fr_nlp):
    from textkg.extract import extract_record
    from textkg.records import Document

    from .language import resources

    text = SAMPLE.read_text(encoding="utf-8")
    return extract_record(fr_nlp(text), Document(id=SAMPLE.stem, text=text), resources())


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory, fr_nlp):
    from textkg.api import build

    out = tmp_path_factory.mktemp("sample-output")
    return build([SAMPLE], output_dir=out), out
