"""GraphML of the knowledge graph: GraphML holds only scalar attributes, so lists become JSON."""

from __future__ import annotations

import io
import json

import networkx as nx

from ..graph import KnowledgeGraph


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def graphml_bytes(kg: KnowledgeGraph) -> bytes:
    flat = nx.MultiDiGraph()
    for node, data in kg.graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for source, target, key, data in kg.graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **{k: _scalar(v) for k, v in data.items() if v is not None})
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return buffer.getvalue()
