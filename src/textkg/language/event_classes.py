"""The event classes of one language (ontology/lexicons/<lang>/event_classes.tsv): the roles each
class takes and the role of its nouns' "de" complement. predicates.tsv says which lemma names an
event of which class; this file says how the class's participants are read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .tables import rows

EVENT_ROLES = frozenset(
    {"agent", "theme", "location", "destination", "origin", "time", "partner", "target", "recipient", "instrument"}
)
# Who can act: the complement of "la visite du président" or "l'attaque des rebelles" is the doer.
PARTY_CLASSES = frozenset({"Person", "Organization"})


@dataclass(frozen=True)
class EventClass:
    """An event class: the roles it takes, and the role an event noun's "de" complement fills,
    for a party (a person or an organisation) and for anything else."""

    name: str
    roles: frozenset[str]
    party_complement: str
    other_complement: str
    # The broad classes what undergoes it may be of (None: any): "arrêter les machines" is no arrest.
    undergoers: frozenset[str] | None = None

    def complement_role(self, filler_class: str | None) -> str:
        """The role of a "de" complement of broad class ``filler_class``."""
        return self.party_complement if filler_class in PARTY_CLASSES else self.other_complement

    def takes(self, role: str) -> bool:
        return role in self.roles

    def admits(self, undergoer_class: str | None) -> bool:
        """Whether something of broad class ``undergoer_class`` (None: unknown) may undergo it."""
        return self.undergoers is None or undergoer_class is None or undergoer_class in self.undergoers


def read_event_classes(path: Path) -> dict[str, EventClass]:
    """event_classes.tsv: class, the role of its nouns' "de" complement ("agent", or
    "agent/target": a party's, anything else's), the roles it takes (| separated), the broad
    classes of what undergoes it (| separated, "-" for any)."""
    classes: dict[str, EventClass] = {}
    for number, cells in rows(path):
        if len(cells) != 4 or not cells[0]:
            raise InputError(path, "expected 4 tab-separated cells: class, noun complement role(s), roles, undergoer classes", number)
        name, complement, roles, undergoers = cells
        party, _, other = complement.partition("/")
        taken = frozenset(r for r in roles.split("|") if r)
        unknown = ({party, other or party} | taken) - EVENT_ROLES
        if unknown:
            raise InputError(path, f"unknown role(s) {', '.join(sorted(unknown))} ({'|'.join(sorted(EVENT_ROLES))})", number)
        admitted = None if undergoers == "-" else frozenset(c for c in undergoers.split("|") if c)
        classes[name] = EventClass(name, taken, party, other or party, admitted)
    return classes
