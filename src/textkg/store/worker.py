"""The process that runs one SPARQL query on the embedded store (``python -I worker.py``: a script
that imports nothing of textkg, so it starts in a few milliseconds).

A query runs inside Oxigraph with no way to stop it from Python, so ``query.query_store`` runs it
here and kills this process when its time is up. The request (JSON) comes on standard input; the
answer goes to standard output as one line naming its kind (``select``, ``ask``, ``triples``, or
``error`` with a JSON message), then the results, streamed: SPARQL TSV or N-Triples.
"""

from __future__ import annotations

import json
import sys

import pyoxigraph as ox


def main() -> int:
    request = json.load(sys.stdin)
    out = sys.stdout.buffer
    try:
        store = ox.Store.read_only(request["store"])
        results = store.query(request["query"], use_default_graph_as_union=request["union"], prefixes=request["prefixes"])
    except (SyntaxError, OSError, ValueError) as exc:
        kind = "syntax" if isinstance(exc, SyntaxError) else "store"
        out.write(f"error\t{kind}\t{json.dumps(str(exc))}\n".encode("utf-8"))
        return 0
    try:
        if isinstance(results, ox.QueryBoolean):
            out.write(b"ask\n" + (b"true\n" if results else b"false\n"))
        elif isinstance(results, ox.QuerySolutions):
            out.write(b"select\n")
            results.serialize(output=out, format=ox.QueryResultsFormat.TSV)
        else:
            out.write(b"triples\n")
            results.serialize(output=out, format=ox.RdfFormat.N_TRIPLES)
        out.flush()
    except BrokenPipeError:  # the reader stopped early (a closed pager): nothing left to do
        return 0
    except (OSError, ValueError, SyntaxError) as exc:  # the store failed while the results streamed
        sys.stderr.write(str(exc))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
