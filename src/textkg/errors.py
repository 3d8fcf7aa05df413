"""The one exception hierarchy of textkg: every failure a user can cause is a TextkgError."""

from __future__ import annotations

import re
from pathlib import Path

# C0 controls, DEL and C1 controls: what a terminal may act on (an escape sequence can set its
# title, move the cursor or hide text) rather than show.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal, on one line: every control character (newlines too)
    shown as an escape instead of acted on. Everything textkg prints about its inputs, a server or
    an error goes through here.

    >>> print(printable("HTTP 500: \\x1b]0;owned\\x07 ok\\nnext"))
    HTTP 500: \\x1b]0;owned\\x07 ok\\nnext
    """
    return _CONTROLS.sub(lambda match: repr(match.group())[1:-1], text)


class TextkgError(Exception):
    """Base class of every error textkg raises on purpose; its message is meant for the user."""

    exit_code = 2


class InputError(TextkgError):
    """An input file cannot be read or has the wrong shape; names the file and, if known, the line."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class ContractError(TextkgError, ValueError):
    """A record read back breaks the extraction-record contract; the message names the field. Also a
    ValueError, since it is a bad value (ingest reports it with the file and line it came from)."""


class ModelError(TextkgError):
    """A spaCy pipeline is missing or cannot be loaded."""


class OutputError(TextkgError):
    """An output cannot be written: found before any work (an unwritable directory, one that
    another run is writing), so a set-up error."""


class WriteError(OutputError):
    """Writing ``path`` failed during the run (disk full): nothing was switched in, the previous
    outputs stay. A failure of the run, not of its set-up: exit code 1."""

    exit_code = 1

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot write: {reason}")


class FormatError(TextkgError):
    """An export format is unknown; the message lists the valid ones."""


class SkippedInputError(InputError):
    """A document had to be skipped and the run is strict, or every document was skipped: the
    inputs, not the set-up, are at fault, so the exit code is 1."""

    exit_code = 1


class IriError(TextkgError):
    """A base IRI given by the user cannot prefix IRIs (not absolute, or characters an IRI may not hold)."""


class ExecutionError(TextkgError):
    """The parallel set-up cannot work: a bad worker count, Dask missing or its scheduler unreachable."""


class WorkerError(ExecutionError):
    """A worker process died during the run (out of memory, killed): exit code 1."""

    exit_code = 1


class StoreError(TextkgError):
    """A triple store (embedded Oxigraph or a SPARQL endpoint) refused a load or a query; the
    message says what was rolled back. A failure of the run, not of its set-up: exit code 1."""

    exit_code = 1


class QueryError(TextkgError):
    """A SPARQL query that cannot run as given: bad syntax, an undeclared prefix, or a federated
    SERVICE call the user did not allow. A usage error: exit code 2."""


class EndpointError(TextkgError):
    """An endpoint URL or its credentials cannot be used (malformed, not http(s), a password in the
    URL, no password to be had). A usage error, found before anything is sent: exit code 2."""
