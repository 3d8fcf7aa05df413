"""The interactive graph page: pyvis encodes the vis-network nodes and edges, our template renders them.

pyvis is used behind this adapter only: its ``Node`` and ``Edge`` classes receive fresh option
dicts (its ``Network`` class asserts, mutates and compares every new node with every other one,
which is quadratic), and its own template (which loads Bootstrap from a CDN) is never used. The page
is one self-contained file: vis-network is inlined, the data is embedded as JSON that cannot close
its script element, and every article text reaches the DOM through textContent, never as markup.

Evidence is shipped once per document (the text) plus offsets; the page cuts each mention's
sentence out of its document and highlights the mention.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import jinja2
import pyvis
from pyvis.edge import Edge
from pyvis.node import Node

from .. import __version__
from ..errors import TextkgError
from ..graph import CLAIM, ENTITY, EVENT, KnowledgeGraph
from .layout import mesh_layout

# colour and vis-network shape of each node type; types not listed get PALETTE colours as dots
TYPE_STYLES = {
    "Person": ("#e15759", "dot"),
    "Organization": ("#4e79a7", "square"),
    "Place": ("#59a14f", "triangle"),
    "Equipment": ("#f28e2b", "star"),
    "Concept": ("#bab0ac", "dot"),
    "Date": ("#b07aa1", "triangleDown"),
    "Misc": ("#9c755f", "dot"),
    "Event": ("#edc948", "diamond"),
    "Claim": ("#76b7b2", "hexagon"),
}
ROLE_EDGE_COLORS = {EVENT: "#c4a32f", CLAIM: "#3f8f89"}  # darker than the nodes, to read on white
PALETTE = ("#ff9da7", "#8cd17d", "#86bcb6", "#d4a6c8", "#fabfd2", "#79706e", "#d37295", "#a0cbe8")
DEFAULT_LAYOUT_THRESHOLD = 500
DEFAULT_LIMIT = 2000
MAX_SENTENCE = 400  # longer "sentences" (lists, tables) are cut around the highlighted text
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"

# a sentence ends at . ! ? … (with closing quotes or brackets) before whitespace and an upper-case
# letter, a digit or an opening quote; a line break always ends one
_SENTENCE_END = re.compile(r"""[.!?…]+[»"”’)\]]*\s+(?=[«"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n+""")
# "M. Poutine", "J. Biden", "Dr. Who": a period after an initial or a title does not end a sentence
_ABBREVIATION = re.compile(r"(?:\b[A-ZÀ-Þ]|\b(?:Mme|Mlle|Mgr|Me|Dr|Pr|St|Ste|Mr|Mrs|Ms|Jr|Sr|Gen|Gén|Col|Lt|Cpt|Sgt|Prof))\.$")


class HtmlOptionsError(TextkgError):
    """An HTML export option is out of range."""


@dataclass(frozen=True)
class HtmlOptions:
    """How the page is drawn. At or above ``layout_threshold`` nodes, positions are computed here
    and the browser's physics is off; the page first draws the ``limit`` top entities (by mentions,
    then connections) and offers to show as many more at a time."""

    title: str = "textkg graph"
    layout_threshold: int = DEFAULT_LAYOUT_THRESHOLD
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        for name in ("layout_threshold", "limit"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise HtmlOptionsError(f"HTML option {name} must be a positive integer, not {value!r}")


def safe_json(value: object) -> str:
    """JSON that is inert inside an HTML script element: no "</script>", "<!--" or line separators.

    >>> safe_json({"a": "</script>"})
    '{"a": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def render_html(
    kg: KnowledgeGraph,
    title: str = HtmlOptions.title,
    layout_threshold: int = DEFAULT_LAYOUT_THRESHOLD,
    limit: int = DEFAULT_LIMIT,
) -> str:
    """The whole page as one string."""
    options = HtmlOptions(title=title, layout_threshold=layout_threshold, limit=limit)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(files("textkg.export") / "templates")),
        autoescape=True,
        keep_trailing_newline=True,
    )
    return env.get_template("graph.html.j2").render(
        title=options.title,
        version=__version__,
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        data_json=safe_json(page_data(kg, options)),
    )


def page_data(kg: KnowledgeGraph, options: HtmlOptions = HtmlOptions()) -> dict:
    """Everything the page shows, as plain JSON values: vis nodes and edges (with the fields the
    filters read), the side panel's details, the documents, the legend and the drawing settings."""
    graph = kg.graph
    doc_ids = sorted(kg.documents)
    texts = _Texts.of(kg, doc_ids)
    doc_index = texts.doc_index
    large = graph.number_of_nodes() >= options.layout_threshold
    positions = mesh_layout(graph.to_undirected(as_view=True)) if large else {}
    styles = _styles(_style_key(data) for _, data in graph.nodes(data=True))
    ranks = _entity_ranks(kg)
    nodes, details = [], {}
    for node, data in graph.nodes(data=True):
        nodes.append(_vis_node(node, data, styles, doc_index, ranks.get(node), positions.get(node)))
        details[node] = _node_details(node, data, texts)
    edges = []
    for number, (source, target, key, data) in enumerate(graph.edges(keys=True, data=True)):
        edge_id = f"edge{number}"
        edges.append(_vis_edge(edge_id, source, target, key, data, graph, doc_index))
        if data.get("kind") == "relation":
            details[edge_id] = _relation_details(source, target, data, texts)
    return {
        "settings": {"large": large, "limit": options.limit, "entities": len(ranks)},
        "styles": styles,
        "documents": [_document(kg, doc_id) for doc_id in doc_ids],
        "nodes": nodes,
        "edges": edges,
        "details": details,
    }


def _style_key(data: dict) -> str:
    return {ENTITY: data["type"], CLAIM: "Claim"}.get(data["kind"], "Event")


def _styles(keys: Iterable[str]) -> dict[str, list]:
    """Colour, shape and legend position of every node type present, known types first."""
    present = set(keys)
    known = [(key, *style) for key, style in TYPE_STYLES.items() if key in present]
    others = [(key, PALETTE[number % len(PALETTE)], "dot") for number, key in enumerate(sorted(present - set(TYPE_STYLES)))]
    return {key: [color, shape, order] for order, (key, color, shape) in enumerate(known + others)}


def _entity_ranks(kg: KnowledgeGraph) -> dict[str, int]:
    """0 for the most mentioned entity (ties: most connected, then label), 1 for the next, ..."""
    entities = [(n, d) for n, d in kg.nodes_of_kind(ENTITY)]
    order = sorted(entities, key=lambda item: (-len(item[1]["mentions"]), -kg.graph.degree(item[0]), item[1]["label"], item[0]))
    return {node: rank for rank, (node, _) in enumerate(order)}


def _vis_node(node: str, data: dict, styles: dict, doc_index: dict, rank: int | None, position: tuple | None) -> dict:
    kind = data["kind"]
    style_key = _style_key(data)
    color, shape, _ = styles[style_key]
    fields: dict = {"kind": kind, "category": style_key, "color": color}
    if kind == ENTITY:
        fields.update(size=round(8 + 3 * math.sqrt(min(len(data["mentions"]), 100)), 1), rank=rank, docs=_doc_numbers(data["documents"], doc_index))
        label = data["label"]
    else:
        claimed = kind == CLAIM or bool(data.get("claim"))
        fields.update(size=7 if kind == EVENT else 9, docs=[doc_index[data["document"]]], conf=data["confidence"], claimed=claimed)
        if kind == EVENT:
            fields["pred"] = data["predicate"]
        label = data["label"] if kind == EVENT else data["cue"]
        if claimed:
            fields["shapeProperties"] = {"borderDashes": [4, 3]}
            fields["borderWidth"] = 2
    if position is not None:
        fields.update(x=position[0], y=position[1])
    return Node(node, shape, label=str(label), **fields).options


def _vis_edge(edge_id: str, source: str, target: str, key: str, data: dict, graph, doc_index: dict) -> dict:
    """A vis edge with only the fields that differ from the page's defaults (15k edges add up)."""
    source_data = graph.nodes[source]
    if data.get("kind") == "relation":
        claimed = bool(data.get("claim"))
        fields = dict(
            label=str(data["predicate"]),
            kind="relation",
            pred=data["predicate"],
            conf=data["confidence"],
            docs=[doc_index[data["document"]]],
            width=round(1 + 2 * float(data["confidence"]), 2),
        )
    else:
        claimed = source_data["kind"] == CLAIM or bool(source_data.get("claim"))
        fields = dict(label=str(data.get("role", key)), kind="role", color=ROLE_EDGE_COLORS[source_data["kind"]])
    if claimed:
        fields.update(claimed=True, dashes=True)
    return Edge(source, target, id=edge_id, **fields).options


def _doc_numbers(doc_ids: Iterable[str], doc_index: dict) -> list[int]:
    return sorted({doc_index[d] for d in doc_ids})


def _document(kg: KnowledgeGraph, doc_id: str) -> dict:
    document = kg.documents[doc_id]
    return {
        "id": doc_id,
        "text": document.text,
        "title": document.title,
        "source": document.source,
        "date": document.date,
        "url": document.url,
    }


def _node_details(node: str, data: dict, texts: _Texts) -> dict:
    kind = data["kind"]
    if kind == ENTITY:
        return {
            "aliases": list(data["aliases"]),
            "links": dict(data["links"]),
            "mentions": [texts.context(span, [span[1:]]) for span in sorted(data["mentions"])],
        }
    graph = texts.kg.graph
    roles = [(key, target) for _, target, key in graph.out_edges(node, keys=True)]
    players = [target for _, target in roles if graph.nodes[target]["kind"] == ENTITY]
    item = {"confidence": data["confidence"], "polarity": data["polarity"], "roles": [list(role) for role in roles]}
    if kind == EVENT:
        item.update(predicate=data["predicate"], eventClass=data.get("event_class"), modality=data["modality"], claim=data.get("claim"))
        item["evidence"] = [texts.context(span, texts.marks(span, players) + _trigger(data)) for span in data["evidence"]]
    else:
        item.update(cue=data["cue"], quote=data["quote"], content=[texts.kg.evidence_text(span) for span in data["content"]])
        content = [span[1:] for span in data["content"]]
        item["evidence"] = [texts.context(span, content + texts.marks(span, players)) for span in data["evidence"]]
    return item


def _relation_details(source: str, target: str, data: dict, texts: _Texts) -> dict:
    return {
        "evidence": [texts.context(span, texts.marks(span, [source, target]) + _trigger(data)) for span in data["evidence"]],
        "confidence": data["confidence"],
        "polarity": data["polarity"],
        "modality": data["modality"],
        "claim": data.get("claim"),
    }


def _trigger(data: dict) -> list[tuple[int, int]]:
    """The predicate's word, highlighted beside the participants."""
    return [tuple(data["trigger"][1:])] if data.get("trigger") else []


@dataclass(frozen=True)
class _Texts:
    """The documents' texts with their sentence starts, and each entity's mentions per document
    (sorted), for cutting evidence out of the texts and highlighting who takes part."""

    kg: KnowledgeGraph
    doc_index: dict[str, int]
    starts: dict[str, list[int]]
    mentions: dict[tuple[str, str], list[tuple[int, int]]]

    @classmethod
    def of(cls, kg: KnowledgeGraph, doc_ids: list[str]) -> _Texts:
        mentions: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for entity, data in kg.nodes_of_kind(ENTITY):
            for doc_id, start, end in data["mentions"]:
                mentions.setdefault((entity, doc_id), []).append((start, end))
        for spans in mentions.values():
            spans.sort()
        starts = {d: sentence_starts(kg.documents[d].text) for d in doc_ids}
        return cls(kg, {doc_id: i for i, doc_id in enumerate(doc_ids)}, starts, mentions)

    def marks(self, span: tuple[str, int, int], entities: list[str]) -> list[tuple[int, int]]:
        """The mentions of ``entities`` inside an evidence span."""
        doc_id, start, end = span
        found = []
        for entity in entities:
            spans = self.mentions.get((entity, doc_id), [])
            at = bisect.bisect_left(spans, (start, start))
            while at < len(spans) and spans[at][0] < end:
                if spans[at][1] <= end:
                    found.append(spans[at])
                at += 1
        return found

    def context(self, span: tuple[str, int, int], marks: list[tuple[int, int]]) -> list:
        """[document number, start, end, [[mark start, mark end], ...]]: the sentence(s) around
        ``span`` (cut to MAX_SENTENCE characters around it) and the disjoint parts to highlight."""
        doc_id, start, end = span
        starts = self.starts[doc_id]
        left = starts[bisect.bisect_right(starts, start) - 1]
        after = bisect.bisect_left(starts, max(end, start + 1))
        right = starts[after] if after < len(starts) else len(self.kg.documents[doc_id].text)
        if right - left > MAX_SENTENCE:
            left = max(left, start - MAX_SENTENCE // 2)
            right = min(right, max(end, left + MAX_SENTENCE))
        merged: list[list[int]] = []
        for m_start, m_end in sorted(set(marks)):
            m_start, m_end = max(m_start, left), min(m_end, right)
            if m_start >= m_end:
                continue
            if merged and m_start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], m_end)
            else:
                merged.append([m_start, m_end])
        return [self.doc_index[doc_id], left, right, merged]


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start (0 first), by punctuation and line breaks.

    >>> text = "M. Poutine a parlé. La Russie signe ! « Fin »"
    >>> [text[i:i + 6] for i in sentence_starts(text)]
    ['M. Pou', 'La Rus', '« Fin ']
    """
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text[max(0, match.start() - 6) : match.start() + 1]):
            continue
        starts.append(match.end())
    return starts
