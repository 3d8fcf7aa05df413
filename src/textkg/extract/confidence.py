"""How much a relation is to be trusted: a base by the kind of evidence the parse gives, adjusted
by what the relation joins. Not a probability; a ranking that puts the edges a reader would keep
above those they would strike out (README: "Relations, events and claims" gives the precision of
the top and bottom halves on the annotated corpora).

The bases, from the most explicit evidence to the least:

- a role or membership said by a noun ("X, maire de Y", "X est le président de Y", "le président
  français X"): the parse names the relation;
- an event of the lexicon with its roles ("X a été arrêté par la police à Lyon");
- a located-in link of a locative ("des voyous ont attaqué une femme à Paris");
- a verb outside the lexicon with two roles, a link of another noun ("l'usine de Lyon") or a
  possessive ("sa voiture");
- a membership or possession read from the classes of two participants;
- the scene of the report: the reader's inference from the lead, not one sentence's statement.

Named participants add trust (the parser's errors fall mostly on common nouns); an argument far
from its predicate in the sentence, and a role filled by coordinated participants, take some away
(long attachments and coordinations are the parser's weak points).
"""

from __future__ import annotations

ROLE_LINK = 0.8
EVENT = 0.75
LOCATIVE_LINK = 0.65
OPEN_FRAME = 0.6
NOUN_LINK = 0.6
POSSESSIVE_LINK = 0.55
CLASS_LINK = 0.5
SCENE = 0.3
# Per named participant beyond the first, up to two.
NAMED_BONUS = 0.05
# Characters between the predicate and its farthest argument beyond which trust drops.
FAR = 80
FAR_PENALTY = 0.1


COORDINATION_PENALTY = 0.1


def adjusted(base: float, named: int, farthest: int, coordinated: bool = False) -> float:
    """``base`` for ``named`` named participants, the farthest ``farthest`` characters away, with
    or without a role filled by ``coordinated`` participants."""
    score = base + NAMED_BONUS * min(max(named - 1, 0), 2)
    score -= (FAR_PENALTY if farthest > FAR else 0.0) + (COORDINATION_PENALTY if coordinated else 0.0)
    return round(min(max(score, 0.05), 0.95), 2)
