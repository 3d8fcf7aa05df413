"""The version of the extraction: textkg's own version and a hash of the extraction code, so a
record made by other rules is never taken for the record of this code (the record cache keys on
it, beside the language resources' digest)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__


def extractor_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
