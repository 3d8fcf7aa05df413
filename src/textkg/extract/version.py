"""The version of the extraction: textkg's own version, a hash of the extraction code and of
textkg's own spaCy components (which change what the parser sees), and the version of the word
list those components read, so a record made by other rules is never taken for the record of
this code (the record cache keys on it, beside the language resources' digest)."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from .. import __version__

# The word list behind the glued-word and spelling components (textkg.nlp).
WORD_LIST_PACKAGE = "wordfreq"


def extractor_version() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for folder in (package / "extract", package / "nlp"):
        for path in sorted(folder.rglob("*.py")):
            digest.update(f"{path.relative_to(package)}".encode() + b"\0" + path.read_bytes())
    digest.update(f"{WORD_LIST_PACKAGE}={metadata.version(WORD_LIST_PACKAGE)}".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"
