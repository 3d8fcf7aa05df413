"""Triple stores for textkg's RDF: an embedded Oxigraph store on disk, or a SPARQL server over
HTTP (Oxigraph server, Fuseki, GraphDB), to load files into and query.

- ``embedded``: all-or-nothing bulk load into an Oxigraph store (a copy, then a swap);
- ``protocol``: all-or-nothing load into a server (the whole dataset in one request, which the
  server commits as one transaction);
- ``http``: endpoint URLs, credentials and the HTTP rules (no redirect to another origin);
- ``query`` and ``sparql``: queries with the union default graph, textkg's prefixes, no federated
  SERVICE unless asked, a time limit; ``worker`` runs an embedded query in its own process;
- ``results``: results as streams, printed as a table, CSV, JSON or N-Triples;
- ``files``: the RDF files a load reads.
"""

from .embedded import DEFAULT_STORE, load_into_store
from .files import FORMATS_BY_SUFFIX, LoadReport, rdf_format
from .http import Endpoint, redact
from .protocol import load_into_endpoint
from .query import DEFAULT_TIMEOUT_SECONDS, QueryOptions, query_endpoint, query_store
from .results import RESULT_FORMATS, Answer, QueryResult, Solutions, Triples, check_result_format, write_result

__all__ = [
    "DEFAULT_STORE",
    "DEFAULT_TIMEOUT_SECONDS",
    "FORMATS_BY_SUFFIX",
    "RESULT_FORMATS",
    "Answer",
    "Endpoint",
    "LoadReport",
    "QueryOptions",
    "QueryResult",
    "Solutions",
    "Triples",
    "check_result_format",
    "load_into_endpoint",
    "load_into_store",
    "query_endpoint",
    "query_store",
    "rdf_format",
    "redact",
    "write_result",
]
