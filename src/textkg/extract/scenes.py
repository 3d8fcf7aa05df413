"""The scene of a news report: "À Detroit, vingt personnes ont été blessées dans une station de
métro ..." sets where the whole story happens, so its people, organisations and events are
located there, though later sentences no longer say so.

Pure functions of the document context. The scene is the named places a locative preposition
introduces in the lead (the first sentence). It locates the story's actors and happenings: the
entities some relation already takes part in whose class is a person, an organisation or an event
("les pompiers", "la police de Lyon", "l'incendie"). Objects are left out (they go with their
owners, which the ``has`` links give); so are places (their nesting is said in the text or not at
all) and the outlets that report the story. A scene link is an inference of the reader, not a
statement of one sentence: it carries two pieces of evidence (the lead and the sentence naming the
participant) and a low confidence.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from ..records import Span
from .candidates import NEWS_AGENCY, Frame, Mention
from .context import DocContext
from .syntax import is_locative
from .typed_links import LOCATED_IN, participant_class

# Classes of the participants a scene locates.
SCENE_PARTICIPANTS = frozenset({"Person", "Organization", "Event"})
SCENE_CONFIDENCE = 0.35


def scene_links(
    ctx: DocContext,
    mentions: Collection[Mention],
    entity_of: Mapping[Mention, str],
    related: Collection[frozenset[str]],
    outlets: Collection[Mention],
) -> Iterator[Frame]:
    """One ``located in`` frame per participant entity (first mentioned by ``mentions``, all of them
    mapped by ``entity_of``) and scene place of ``doc``, unless ``related`` already joins the two."""
    lead_span = _lead(ctx)
    if lead_span is None:
        return
    scenes = [m for m in mentions if m.is_named and m.type == "Place" and m.end <= lead_span[1] and is_locative(ctx, ctx.head_of(m))]
    if not scenes:
        return
    outlet_entities = {entity_of[m] for m in outlets if m in entity_of}
    scene_entities = {entity_of[m] for m in scenes}
    seen: set[str] = set()
    for mention in sorted(mentions, key=lambda m: m.start):
        entity = entity_of[mention]
        # News agencies report the story from elsewhere.
        if entity in seen or entity in scene_entities or entity in outlet_entities or mention.fine_type == NEWS_AGENCY:
            continue
        if participant_class(ctx, mention) not in SCENE_PARTICIPANTS:
            continue
        seen.add(entity)
        evidence = ctx.sentence_span(ctx.sentence_of(mention.first_token))
        for place in scenes:
            if frozenset((entity, entity_of[place])) in related:
                continue
            yield Frame(
                predicate=LOCATED_IN,
                event_class=None,
                head=_preposition(ctx, place),
                arguments=(("subject", mention), ("object", place)),
                evidence=evidence,
                polarity="positive",
                modality="asserted",
                confidence=SCENE_CONFIDENCE,
                setting=lead_span if lead_span != evidence else None,
            )


def _lead(ctx: DocContext) -> Span | None:
    """The first sentence, with the ones after it up to the first verb: the parser sometimes cuts
    a fronted place off on its own ("À Kaboul | , des combattants ont attaqué ...")."""
    start = None
    for sent in ctx.sentences:
        span = ctx.sentence_span(sent)
        start = span[0] if start is None else start
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            return (start, span[1])
    return None


def _preposition(ctx: DocContext, place: Mention) -> int:
    """The locative word that sets the scene ("À" in "À Detroit"), the trigger of its links."""
    head = ctx.head_of(place)
    for token in (head, head.head):
        case = next((c for c in token.children if c.dep_ == "case"), None)
        if case is not None:
            return case.i
    return head.i
