"""GraphML of the knowledge graph: GraphML holds only scalar attributes, so lists become JSON."""

from __future__ import annotations

import io
import json
import re

import networkx as nx

from ..graph import KnowledgeGraph

# Characters XML 1.0 cannot hold at all, even escaped: GraphML shows them as U+FFFD.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, str):
        return _xml_safe(value)
    if isinstance(value, int | float | bool):
        return value
    return _xml_safe(json.dumps(value, ensure_ascii=False, sort_keys=True))


def graphml_bytes(kg: KnowledgeGraph) -> bytes:
    flat = nx.MultiDiGraph()
    for node, data in kg.graph.nodes(data=True):
        flat.add_node(_scalar(node), **{k: _scalar(v) for k, v in data.items() if v is not None})
    for source, target, key, data in kg.graph.edges(keys=True, data=True):
        flat.add_edge(_scalar(source), _scalar(target), key=_scalar(key), **{k: _scalar(v) for k, v in data.items() if v is not None})
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return buffer.getvalue()
