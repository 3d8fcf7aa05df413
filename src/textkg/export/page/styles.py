"""Colours and shapes of the page: one colour per broad class, one shape per kind of node.

Colours are the Okabe-Ito palette (told apart by colour-blind readers too) plus a brown and greys;
fine classes (City, NewsAgency, WeaponSystem) take the colour of their broad class, so no two
classes on the page share a near-identical colour. Events and claims are told apart by shape.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...graph import CLAIM, ENTITY, EVENT

CLASS_COLORS = {
    "Person": "#D55E00",
    "Organization": "#0072B2",
    "Place": "#009E73",
    "Product": "#E69F00",
    "Date": "#CC79A7",
    "Misc": "#8C564B",
    "Concept": "#9A9A9A",
    "Event": "#F0E442",
    "Claim": "#56B4E9",
}
# broad classes the ontology may add later: still distinct from the ones above
SPARE_COLORS = ("#000000", "#7F3C8D", "#11A579", "#3969AC")
KIND_SHAPES = {ENTITY: "dot", EVENT: "diamond", CLAIM: "hexagon"}


def legend(broad_classes: Iterable[str]) -> list[dict]:
    """The legend's entries, known classes first in a fixed order, each with its colour and the
    shape of its kind.

    >>> [entry["name"] for entry in legend(["Place", "Event", "Person", "Vehicle"])]
    ['Person', 'Place', 'Event', 'Vehicle']
    """
    present = set(broad_classes)
    known = [name for name in CLASS_COLORS if name in present]
    others = sorted(present - set(CLASS_COLORS))
    entries = []
    for name in known:
        entries.append({"name": name, "color": CLASS_COLORS[name], "shape": _shape(name)})
    for number, name in enumerate(others):
        entries.append({"name": name, "color": SPARE_COLORS[number % len(SPARE_COLORS)], "shape": _shape(name)})
    return entries


def _shape(name: str) -> str:
    return KIND_SHAPES[{"Event": EVENT, "Claim": CLAIM}.get(name, ENTITY)]
