"""textkg: news text to a knowledge graph (entities, n-ary events, claims) as RDF and HTML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("textkg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
