"""The interactive graph page: pyvis builds the vis-network data, our template renders it.

pyvis is used behind this adapter only: it receives copies of our attributes, and its own
template (which loads Bootstrap from a CDN) is never used. The page is one self-contained file:
vis-network is inlined, the data is embedded as JSON that cannot close its script element, and
every article text reaches the DOM through textContent, never as markup.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jinja2
import pyvis
from pyvis.network import Network

from .. import __version__
from ..graph import CLAIM, ENTITY, EVENT, KnowledgeGraph

TYPE_STYLES = {
    "Person": ("#e15759", "dot"),
    "Organization": ("#4e79a7", "dot"),
    "Place": ("#59a14f", "dot"),
    "Equipment": ("#f28e2b", "dot"),
    "Concept": ("#bab0ac", "dot"),
    "Date": ("#b07aa1", "dot"),
    "Misc": ("#9c755f", "dot"),
    "Event": ("#edc948", "diamond"),
    "Claim": ("#76b7b2", "box"),
}
CONTEXT_CHARS = 160
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"


def safe_json(value: object) -> str:
    """JSON that is inert inside an HTML script element: no "</script>", "<!--" or line separators."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def render_html(kg: KnowledgeGraph, title: str = "textkg graph") -> str:
    network = _network(kg)
    nodes, edges, _, _, _, _ = network.get_network_data()
    details = _details(kg)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(files("textkg") / "templates")),
        autoescape=True,
        keep_trailing_newline=True,
    )
    template = env.get_template("graph.html.j2")
    return template.render(
        title=title,
        version=__version__,
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        data_json=safe_json({"nodes": nodes, "edges": edges, "details": details, "styles": TYPE_STYLES}),
    )


def _network(kg: KnowledgeGraph) -> Network:
    network = Network(directed=True, cdn_resources="in_line")
    for node, data in kg.graph.nodes(data=True):
        style_key = data["type"] if data["kind"] == ENTITY else ("Claim" if data["kind"] == CLAIM else "Event")
        color, shape = TYPE_STYLES.get(style_key, TYPE_STYLES["Misc"])
        label = data["label"] if data["kind"] != CLAIM else data["cue"]
        size = 10 + 3 * min(len(data.get("mentions", [])), 10) if data["kind"] == ENTITY else 8
        network.add_node(node, label=str(label), color=color, shape=shape, size=size, style=style_key, title=str(data["label"]))
    for index, (source, target, key, data) in enumerate(kg.graph.edges(keys=True, data=True)):
        label = data.get("predicate") if data.get("kind") == "relation" else data.get("role", key)
        dashed = bool(data.get("claim")) or kg.graph.nodes[source]["kind"] == CLAIM
        network.add_edge(source, target, id=f"edge{index}", label=str(label), dashes=dashed, arrows="to")
    return network


def _details(kg: KnowledgeGraph) -> dict:
    """What the side panel shows for each node and edge, as plain strings."""
    details: dict[str, dict] = {"nodes": {}, "edges": {}}
    for node, data in kg.graph.nodes(data=True):
        item = {"kind": data["kind"], "type": data["type"], "label": data["label"]}
        if data["kind"] == ENTITY:
            item["aliases"] = data["aliases"]
            item["links"] = data["links"]
            item["mentions"] = [_context(kg, m) for m in data["mentions"]]
        else:
            item["evidence"] = [_context(kg, e) for e in data["evidence"]]
            item["confidence"] = data["confidence"]
            item["polarity"] = data["polarity"]
            if data["kind"] == EVENT:
                item["modality"] = data["modality"]
                item["predicate"] = data["predicate"]
            else:
                item["content"] = [kg.evidence_text(c) for c in data["content"]]
                item["quote"] = data["quote"]
        details["nodes"][node] = item
    for index, (source, target, key, data) in enumerate(kg.graph.edges(keys=True, data=True)):
        if data.get("kind") == "relation":
            details["edges"][f"edge{index}"] = {
                "predicate": data["predicate"],
                "source": kg.graph.nodes[source]["label"],
                "target": kg.graph.nodes[target]["label"],
                "evidence": [_context(kg, e) for e in data["evidence"]],
                "confidence": data["confidence"],
                "polarity": data["polarity"],
                "modality": data["modality"],
                "claimed": bool(data["claim"]),
            }
    return details


def _context(kg: KnowledgeGraph, span: tuple[str, int, int]) -> dict:
    doc_id, start, end = span
    text = kg.documents[doc_id].text
    left = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    right_nl = text.find("\n", end)
    right = min(right_nl if right_nl >= 0 else len(text), end + CONTEXT_CHARS)
    return {"doc": doc_id, "before": text[left:start], "text": text[start:end], "after": text[end:right]}
