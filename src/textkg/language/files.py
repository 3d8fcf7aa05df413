"""Where the ontology and lexicon files live: inside the installed wheel, or at the top of a
source checkout (editable installs)."""

from __future__ import annotations

from pathlib import Path


def ontology_dir() -> Path:
    package = Path(__file__).resolve().parents[1]  # src/textkg, or textkg in site-packages
    packaged = package / "ontology"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "ontology"
