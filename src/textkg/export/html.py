"""The interactive graph page: one self-contained HTML file for exploring a corpus offline.

vis-network (from pyvis's bundled copy) draws the graph views; the page's own code (templates/js/,
one job per file) and style (templates/page.css) are inlined beside it, and the data from
``textkg.export.page`` is embedded as JSON that cannot close its script element. Nothing is
fetched: a Content-Security-Policy forbids every request, and every article text reaches the DOM
through textContent, never as markup. pyvis's own ``Network`` class and template (which load
Bootstrap from a CDN) are never used.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import jinja2
import pyvis

from .. import __version__
from ..errors import TextkgError
from ..graph import KnowledgeGraph
from .page import page_data

DEFAULT_LIMIT = 100
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
TEMPLATES = files("textkg.export") / "templates"
# the page's scripts, in the order they are inlined: helpers first, the app that wires them last
SCRIPTS = (
    "dom.js",
    "text.js",
    "model.js",
    "filters.js",
    "views.js",
    "canvas.js",
    "panels.js",
    "reader.js",
    "tables.js",
    "claims.js",
    "documents.js",
    "timeline.js",
    "search.js",
    "filter_controls.js",
    "app.js",
)


class HtmlOptionsError(TextkgError):
    """An HTML export option is out of range."""


@dataclass(frozen=True)
class HtmlOptions:
    """How the page starts: its title, and how many of the most connected entities the overview
    draws first (the page can show more)."""

    title: str = "textkg graph"
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        if isinstance(self.limit, bool) or not isinstance(self.limit, int) or self.limit < 1:
            raise HtmlOptionsError(f"HTML option limit must be a positive integer, not {self.limit!r}")


def safe_json(value: object) -> str:
    """JSON that is inert inside an HTML script element: no "</script>", "<!--" or line separators.

    >>> safe_json({"a": "</script>"})
    '{"a":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The page data is a million small containers and no cyclic garbage; meanwhile generational
    collections would walk the whole graph again and again (two thirds of the time at 20k entities)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def render_html(kg: KnowledgeGraph, title: str = HtmlOptions.title, limit: int = DEFAULT_LIMIT) -> str:
    """The whole page as one string."""
    options = HtmlOptions(title=title, limit=limit)
    with _collector_paused():
        data_json = safe_json(page_data(kg, overview=options.limit))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True)
    return env.get_template("graph.html.j2").render(
        title=options.title,
        version=__version__,
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        page_css=(TEMPLATES / "page.css").read_text(encoding="utf-8"),
        page_js="\n".join((TEMPLATES / "js" / name).read_text(encoding="utf-8") for name in SCRIPTS),
        data_json=data_json,
    )
