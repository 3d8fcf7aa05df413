"""Loading into a SPARQL server over HTTP, all or nothing: the whole dataset in one request.

Every file is parsed and re-serialized as one N-Quads stream, sent as the body of a single POST
to the server's dataset endpoint (the Graph Store Protocol URL without ``?graph=``: Oxigraph's
``/store``, Fuseki's ``/DATASET/data``, GraphDB's ``/repositories/REPO/statements``). The server
stages the request in one transaction and commits it only when the body is complete and valid,
so a bad file, a dropped connection or a server stopped in the middle stores nothing. A syntax
error found while streaming stops the body mid-way, which the server sees as a broken request.
What each server guarantees for such a request is in the README ("Loading into a server").
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from .files import LoadReport, QuadCounter, checked_files, nquads_chunks
from .http import Endpoint, exchange

LOAD_TIMEOUT_SECONDS = 3600.0
NQUADS = "application/n-quads"


def load_into_endpoint(paths: Sequence[str | Path], endpoint: Endpoint, timeout: float = LOAD_TIMEOUT_SECONDS) -> LoadReport:
    """POST every quad of the files to ``endpoint`` in one N-Quads request; the server keeps all
    of it or none. ``timeout`` bounds each network wait (the server answers once it has committed,
    which takes a while for a million quads)."""
    started = time.perf_counter()
    files = checked_files(paths)
    counters: list[QuadCounter] = []

    def body():  # called again, with a fresh count, if a redirect must be followed
        counters.append(QuadCounter())
        return nquads_chunks(files, counters[-1])

    with exchange(endpoint, "POST", endpoint.url, body=body, headers={"Content-Type": NQUADS}, timeout=timeout):
        pass
    sent = counters[-1]
    return LoadReport(endpoint.shown, tuple(f.path for f in files), sent.quads, len(sent.graphs), time.perf_counter() - started)
