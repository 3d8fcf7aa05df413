"""Where the ontology and lexicon files live: inside the installed wheel, or at the top of a
source checkout (editable installs)."""

from __future__ import annotations

from pathlib import Path


def ontology_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "ontology"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "ontology"
