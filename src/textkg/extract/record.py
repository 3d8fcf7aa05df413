"""The extraction record of one document: the extractors' candidates assembled into entities,
relations, events and claims."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import replace
from itertools import combinations, permutations

from spacy.tokens import Doc, Token

from ..language.resources import Resources
from ..records import Claim, Document, Entity, ExtractionRecord, Relation, Span
from .aliases import name_aliases
from .candidates import CONCEPT, DATE, PRONOUN, ClaimFrame, Found, Frame, Mention
from .claims import claim_frames, is_speaking
from .confidence import adjusted
from .context import DocContext
from .coref import Chain, coreference_chains, pronoun_mentions
from .entities import MentionCluster, attach_anaphora, cluster_mentions
from .links import nationality_links, noun_links, possessive_links, uncovered_links
from .mentions import date_mentions, named_mentions
from .event_nouns import noun_frames
from .relations import ACTING_ROLES, verb_frames
from .scenes import scene_links, title_links
from .quotes import quotation_at
from .mood import modality
from .syntax import is_source_marker
from .typed_links import participant_class, typed_links

BINARY_ROLES = ("agent", "theme")
# Entities that name nothing: dates and unnamed noun phrases.
UNNAMED_TYPES = frozenset({CONCEPT, DATE})
BINARY_ARGUMENTS = ("subject", "object")


def extract_record(doc: Doc, document: Document, resources: Resources, names: Iterable[Mention] | None = None) -> ExtractionRecord:
    """Entities, relations, events and claims of ``document``, parsed as ``doc``, with the
    language ``resources`` of its language. ``names`` replaces textkg's own named mentions (an
    outside recogniser's, or a corpus's gold ones)."""
    base = DocContext.of(doc, document, resources)
    names = tuple(named_mentions(base)) if names is None else tuple(names)
    ctx = base.with_mentions([*names, *date_mentions(base)])
    claim_list = claim_frames(ctx)
    frames, concepts, participants, outlets = _candidates(ctx, claim_list)
    scene = [*title_links(ctx), *scene_links(ctx, participants, claim_list, outlets)]
    concepts = _concepts(ctx, (Found((), concepts), Found((), tuple(m for f in scene for _, m in f.arguments))))
    frames, entities, entity_of = _resolved(ctx, frames + scene, concepts, claim_list)
    speaking = {entity_of[m] for m in entity_of if m.type != PRONOUN and is_speaking(ctx, m)}
    claims = tuple(_claim(f"c{n}", frame, entity_of, speaking) for n, frame in enumerate(claim_list, start=1))
    named = {e.id for e in entities if e.type not in UNNAMED_TYPES}
    relations = tuple(
        _relation(f"r{n}", frame, ctx.tokens[frame.head], entity_of, named, _enclosing_claim(doc, frame, claim_list, claims))
        for n, frame in enumerate(frames, start=1)
    )
    return ExtractionRecord(document=document, entities=entities, relations=relations, claims=claims)


def _candidates(
    ctx: DocContext, claims: tuple[ClaimFrame, ...]
) -> tuple[list[Frame], tuple[Mention, ...], tuple[Mention, ...], set[Mention]]:
    """The frames of every extractor, in text order, without those that restate a claim or an
    event; the noun phrases the extractors took as arguments (the discourse's candidate
    entities); every participant of the story; and the outlets that report the claims."""
    cues = {claim.cue_token for claim in claims if not claim.cue_is_event}
    verbs, events, noun_modifiers, possessives = verb_frames(ctx), noun_frames(ctx), noun_links(ctx), possessive_links(ctx)
    nationalities = nationality_links(ctx)
    # Speakers without a name ("le porte-parole", "des témoins") are candidates like the rest.
    speakers = Found((), tuple(c.speaker for c in claims if c.speaker is not None and c.speaker.type == CONCEPT))
    concepts = _concepts(ctx, (speakers, verbs, events, noun_modifiers, possessives, nationalities))
    typed, participants = typed_links(ctx, concepts)
    concepts = _concepts(ctx, (Found((), concepts), typed))
    # A reporting verb that made a claim is the claim; it is not also a relation.
    frames = [f for f in (*verbs.frames, *events.frames) if f.head not in cues]
    # A speech act that is an act of its own ("a confirmé les incidents à Villeneuve") keeps the
    # roles outside what it reports; those inside go with the event noun it reports, in the claim.
    reported = {c.cue_token: c.content for c in claims if c.cue_is_event}
    frames = [part for f in frames for part in _split_at_content(ctx, f, reported.get(f.head)) if part is not None]
    # Such an act whose verb found no frame is still an act of its speaker ("X a menacé de ...").
    framed = {f.head for f in frames}
    frames += [_speech_act(ctx, c) for c in claims if c.cue_is_event and c.speaker is not None and c.cue_token not in framed]
    links = (*noun_modifiers.frames, *possessives.frames, *nationalities.frames)
    # A noun that heads an event has roles, not links ("a effectué une intervention à Goma").
    events_heads = {f.head for f in events.frames}
    frames += uncovered_links([f for f in links if f.head not in cues and f.head not in events_heads], frames)
    # Who speaks or reports is not a participant of what is said: no typed link through the
    # reporting verb, none to "selon Nova", none from outside a claim's content into it.
    outlets = {c.source for c in claims} | {c.speaker for c in claims if is_source_marker(ctx, c.cue)}
    # An event noun's own roles say more than a typed link of the noun ("la visite ... en
    # Espagne" is a Meeting located there, not also a "visite" located there).
    fillers = {(f.head, m) for f in frames for _, m in f.arguments}
    frames += [
        f
        for f in typed.frames
        if f.head not in cues
        and not any(m in outlets and not _describes_outlet(ctx, m, f) for _, m in f.arguments)
        and not _straddles(f, claims)
        and not any((ctx.head_of(a).i, b) in fillers for (_, a), (_, b) in permutations(f.arguments, 2))
    ]
    # An act inside a quotation is kept as what a claim reports; a quotation no claim
    # attributes is nobody's word asserted.
    frames = [f for f in frames if not (f.act and quotation_at(ctx, f.head) is not None and not _inside_claim(ctx, f, claims))]
    frames.sort(key=lambda f: f.head)
    return frames, concepts, participants, outlets


def _describes_outlet(ctx: DocContext, outlet: Mention, link: Frame) -> bool:
    """A typed link of a source with what its own phrase says of it ("selon Léa Roy, chercheuse
    à l'université de Nantes"): the other participant hangs below the source."""
    head = ctx.head_of(outlet)
    return all(m == outlet or head.is_ancestor(ctx.head_of(m)) for _, m in link.arguments)


def _resolved(
    ctx: DocContext, frames: list[Frame], concepts: tuple[Mention, ...], claims: tuple[ClaimFrame, ...]
) -> tuple[list[Frame], tuple[Entity, ...], dict[Mention, str]]:
    """Coreference over the names, dates, candidate noun phrases and pronouns; the frames that
    survive it; and the entities they relate, with the entity of every mention."""
    mentions = sorted((*ctx.fixed, *concepts), key=lambda m: (m.start, m.end))
    # Pronoun speakers include the clitics after their verb ("a-t-il ajouté").
    pronouns = {*pronoun_mentions(ctx), *(c.speaker for c in claims if c.speaker is not None and c.speaker.type == PRONOUN)}
    chains = coreference_chains(ctx, [*mentions, *pronouns])
    claims_used = _claim_mentions(claims, chains) | {c.speaker_fallback for c in claims if c.speaker_fallback}
    participants = {m for m in mentions if m.is_named or (m.type == CONCEPT and participant_class(ctx, m))}
    # Pronouns and descriptions count as what their chain names or describes.
    specific = participants | {m for c in chains if participants.intersection(c.mentions) for m in c.mentions}
    # Who an open act may be kept for alone: a name, or a pronoun or description tied to one.
    naming = {m for m in mentions if m.is_named} | {m for c in chains if any(x.is_named for x in c.mentions) for m in c.mentions}
    frames = _kept(frames, specific, naming)
    # Which frames survive coreference: a pronoun whose chain joins no cluster fills nothing, and
    # two mentions of one thing relate nothing ("Paul Martin ... le ministre").
    fixed = cluster_mentions(ctx.fixed, name_aliases(ctx, ctx.fixed))
    used = _used(frames) | claims_used
    clusters, cluster_of = _clusters(fixed, concepts, used, chains)
    frames = _distinct(_kept(frames, cluster_of.keys()), cluster_of)
    # Entities are the names and dates, and the concepts the surviving frames and claims use;
    # a filler that no longer resolves leaves its frame, and a concept nothing uses is noise.
    # (When the surviving frames use the same mentions, a second round would change nothing.)
    surviving = _used(frames) | claims_used
    if surviving != used:
        clusters, cluster_of = _clusters(fixed, concepts, surviving, chains)
        frames = _distinct(_kept(frames, cluster_of.keys()), cluster_of)
        surviving = _used(frames) | claims_used
    entities, entity_of = _entities(_filling(clusters, surviving))
    return frames, entities, entity_of


def _concepts(ctx: DocContext, found: Iterable[Found]) -> tuple[Mention, ...]:
    """The noun phrases of ``found``, first found first, in text order; one that overlaps a name,
    a date or an earlier one is left out, so no token belongs to two mentions."""
    taken = set(ctx.fixed_at)
    kept: list[Mention] = []
    for mention in (m for f in found for m in f.mentions if m.type == CONCEPT):
        span = range(mention.first_token, mention.last_token + 1)
        if taken.isdisjoint(span):
            taken.update(span)
            kept.append(mention)
    return tuple(sorted(kept, key=lambda m: (m.start, m.end)))


def _speech_act(ctx: DocContext, claim: ClaimFrame) -> Frame:
    """The act of a speaker whose words are an act too ("X a menacé de ..."): its cue's event with
    the speaker as agent; what was said is the claim."""
    verb = ctx.tokens[claim.cue_token]
    lemma = verb.lemma_.lower()
    return Frame(
        predicate=lemma,
        event_class=ctx.resources.lexicon.event_class(lemma, "VERB"),
        head=verb.i,
        arguments=(("agent", claim.speaker),),
        evidence=claim.evidence,
        polarity=claim.polarity,
        modality=modality(ctx, verb),
        confidence=claim.confidence,
    )


def _split_at_content(ctx: DocContext, frame: Frame, content: Span | None) -> tuple[Frame | None, ...]:
    """``frame`` of a speech act cut at what it reports: the act with its arguments outside
    ``content``, and the reported noun (its theme) with the arguments inside ("a confirmé les
    incidents à Villeneuve": incidents located in Villeneuve, inside the claim). None for a part
    left without arguments."""
    if content is None:
        return (frame,)
    inside = tuple((role, m) for role, m in frame.arguments if content[0] <= m.start < content[1])
    outside = tuple(pair for pair in frame.arguments if pair not in inside)
    act = replace(frame, arguments=outside) if outside else None
    theme = next((m for role, m in inside if role == "theme"), None)
    rest = tuple((role, m) for role, m in inside if m != theme)
    if theme is None or not rest:
        return (act,)
    noun = ctx.head_of(theme)
    lemma = noun.lemma_.lower()
    reported = replace(
        frame, predicate=lemma, event_class=ctx.resources.lexicon.event_class(lemma, "NOUN"), head=noun.i, arguments=rest
    )
    return (act, reported)


def _inside_claim(ctx: DocContext, frame: Frame, claims: tuple[ClaimFrame, ...]) -> bool:
    """The frame's trigger lies in the content of a claim."""
    position = ctx.tokens[frame.head].idx
    return any(claim.content[0] <= position < claim.content[1] for claim in claims)


def _straddles(frame: Frame, claims: list[ClaimFrame]) -> bool:
    """One participant inside a claim's content and the other outside it ("Madrid gardera le
    contrôle des ports, a indiqué X": X is not related to the ports)."""
    for claim in claims:
        start, end = claim.content
        inside = {start <= m.start < end for _, m in frame.arguments}
        if len(inside) > 1:
            return True
    return False


def _distinct(frames: list[Frame], entity_of: Mapping[Mention, Hashable]) -> list[Frame]:
    """Frames once per sentence, and only those that relate two entities or more (or name an
    event of one: "l'annexion de la Crimée"): two mentions of one entity ("Paul Martin ... le
    ministre") relate nothing, a typed link adds nothing where a frame of its sentence relates
    the two, and a scene link nothing where any frame does (it is kept once per pair)."""
    joined = {
        (f.evidence, frozenset((entity_of[a], entity_of[b])))
        for f in frames
        if not f.typed_link and not f.scene
        for (r, a), (q, b) in combinations(f.arguments, 2)
        if r != q
    }
    related = {pair for _, pair in joined} | {
        frozenset((entity_of[a], entity_of[b])) for f in frames if f.typed_link for (_, a), (_, b) in combinations(f.arguments, 2)
    }
    seen: set[tuple] = set()
    kept = []
    for frame in frames:
        fillers = frozenset((role, entity_of[m]) for role, m in frame.arguments)
        entities = frozenset(entity for _, entity in fillers)
        key = (frame.predicate, frame.evidence, fillers) if not frame.scene else (frame.predicate, fillers)
        if key in seen or (len(frame.arguments) > 1 and len(entities) < 2):
            continue
        if frame.typed_link and (frame.evidence, entities) in joined:
            continue
        if frame.scene and entities in related:
            continue
        seen.add(key)
        kept.append(frame)
    return kept


def _kept(frames: list[Frame], specific: Collection[Mention], naming: Collection[Mention] = ()) -> list[Frame]:
    return [kept for kept in (_resolvable(f, specific, naming) for f in frames) if kept is not None]


def _resolvable(frame: Frame, specific: Collection[Mention], naming: Collection[Mention] = ()) -> Frame | None:
    """``frame`` with only its specific fillers: names, dates, pronouns and descriptions that
    coreference ties to a name, and nouns of a participant class ("des voyous", "la voiture",
    "l'incendie"). Abstract nouns ("le chantage", "son contrôle") are not things to relate. The
    frame is kept if as many roles as before stay filled, up to two (a verb's two, a noun event's
    one), one of them by something other than a date; one is enough for an event of the lexicon
    ("X a condamné le crime" is still a condemnation by X) or a happening a light verb carries
    ("une guerre contre la Pologne"), and for an act whose doer or undergoer
    is named or tied to a name (``naming``): "X a revu ses prévisions" is still what X did."""
    arguments = tuple((role, m) for role, m in frame.arguments if m.is_named or m.type == DATE or m in specific)
    before = len({role for role, _ in frame.arguments})
    acting = frame.act and any(role in ACTING_ROLES and m in naming for role, m in arguments)
    needed = 1 if frame.event_class or frame.happening or acting else min(before, 2)
    if len({role for role, _ in arguments}) < needed or all(m.type == DATE for _, m in arguments):
        return None
    return replace(frame, arguments=arguments) if arguments != frame.arguments else frame


def _used(frames: list[Frame]) -> set[Mention]:
    """The mentions ``frames`` take as fillers."""
    return {m for f in frames for _, m in f.arguments}


def _claim_mentions(claims: Iterable[ClaimFrame], chains: list[Chain]) -> set[Mention]:
    """The speakers and sources of ``claims``; for a pronoun speaker, also the noun phrase its
    chain starts with ("Le nouveau gouvernement ... Il a déclaré"), so that it has an entity."""
    used = {m for c in claims for m in (c.speaker, c.source) if m}
    pronouns = {m for m in used if m.type == PRONOUN}
    for chain in chains:
        if pronouns.intersection(chain.mentions):
            used.update(m for m in chain.mentions[:1] if m.type == CONCEPT)
    return used


def _clusters(
    fixed: list[MentionCluster], concepts: Iterable[Mention], used: set[Mention], chains: list[Chain]
) -> tuple[list[MentionCluster], dict[Mention, int]]:
    """Names and dates (``fixed``) and the ``used`` concepts clustered, in text order, with the
    pronouns and descriptions coreference attaches to them; and the cluster of every mention."""
    clusters = sorted([*fixed, *cluster_mentions([m for m in concepts if m in used])], key=lambda c: (c.mentions[0].start, c.mentions[0].end))
    clusters = attach_anaphora(clusters, [chain.mentions for chain in chains])
    return clusters, {m: n for n, cluster in enumerate(clusters) for m in (*cluster.mentions, *cluster.anaphora)}


def _filling(clusters: list[MentionCluster], used: set[Mention]) -> list[MentionCluster]:
    """``clusters`` with each concept cluster cut down to the noun phrases in ``used`` (with the
    pronouns and descriptions attached to it), and left out when none is."""
    kept = []
    for cluster in clusters:
        if cluster.type != CONCEPT:
            kept.append(cluster)
            continue
        filling = [m for m in cluster.mentions if m in used]
        if len(filling) == len(cluster.mentions):
            kept.append(cluster)
        elif filling or used.intersection(cluster.anaphora):
            (rebuilt,) = cluster_mentions(filling or cluster.mentions[:1])
            kept.append(replace(rebuilt, anaphora=cluster.anaphora))
    return kept


def _entities(clusters: list[MentionCluster]) -> tuple[tuple[Entity, ...], dict[Mention, str]]:
    """One entity per cluster, numbered in text order."""
    entities = []
    entity_of: dict[Mention, str] = {}
    for n, cluster in enumerate(clusters, start=1):
        entity_id = f"e{n}"
        entities.append(
            Entity(
                id=entity_id,
                type=cluster.type,
                label=cluster.label,
                aliases=cluster.aliases,
                mentions=cluster.spans,
                links=dict(cluster.links),
                value=cluster.value,
                roles=cluster.roles,
                mention_kinds=cluster.kinds,
                merges=cluster.merges,
            )
        )
        for mention in (*cluster.mentions, *cluster.anaphora):
            entity_of[mention] = entity_id
    return tuple(entities), entity_of


def _relation(
    relation_id: str, frame: Frame, trigger: Token, entity_of: dict[Mention, str], named: Collection[str], claim: Claim | None
) -> Relation:
    roles: dict[str, list[str]] = {}
    for role, mention in frame.arguments:
        ids = roles.setdefault(role, [])
        if entity_of[mention] not in ids:
            ids.append(entity_of[mention])
    pair = _binary_pair(frame, roles)
    binary = pair is not None
    if pair is not None:
        arguments = {"subject": pair[0], "object": pair[1]}
    else:
        arguments = {role: tuple(ids) for role, ids in roles.items()}
    return Relation(
        id=relation_id,
        kind="relation" if binary else "event",
        predicate=frame.predicate,
        event_class=frame.event_class,
        arguments=arguments,
        evidence=(frame.evidence,) if frame.setting is None else (frame.setting, frame.evidence),
        confidence=adjusted(
            frame.confidence,
            len({entity_of[m] for _, m in frame.arguments} & set(named)),
            _farthest(frame, trigger),
            coordinated=any(len(ids) > 1 for ids in roles.values()),
        ),
        polarity=frame.polarity,
        modality=frame.modality,
        claim=claim.id if claim else None,
        trigger=(trigger.idx, trigger.idx + len(trigger)),
    )


def _farthest(frame: Frame, trigger: Token) -> int:
    """Characters between the trigger and its farthest argument in the evidence sentence."""
    start, end = frame.evidence
    return max((abs(m.start - trigger.idx) for _, m in frame.arguments if start <= m.start < end), default=0)


def _binary_pair(frame: Frame, roles: dict[str, list[str]]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """An open predicate with one agent and one theme (or a noun link) is a plain relation."""
    if frame.event_class is not None or any(len(ids) != 1 for ids in roles.values()):
        return None
    for subject_role, object_role in (BINARY_ROLES, BINARY_ARGUMENTS):
        if set(roles) == {subject_role, object_role}:
            return tuple(roles[subject_role]), tuple(roles[object_role])
    return None


def _claim(claim_id: str, frame: ClaimFrame, entity_of: dict[Mention, str], speaking: set[str]) -> Claim:
    speaker = entity_of.get(frame.speaker) if frame.speaker else None
    if frame.speaker is not None and frame.speaker.type == PRONOUN and speaker not in speaking:
        # A pronoun that coreference ties to nothing that can speak: the one named last before
        # it speaks, if any; else the claim has no speaker.
        speaker = entity_of.get(frame.speaker_fallback) if frame.speaker_fallback else None
    return Claim(
        id=claim_id,
        speaker=speaker,
        source=entity_of.get(frame.source) if frame.source else None,
        cue=frame.cue,
        content=(frame.content,),
        quote=frame.quote,
        evidence=(frame.evidence,),
        confidence=frame.confidence,
        polarity=frame.polarity,
        stance=frame.stance,
    )


def _enclosing_claim(doc: Doc, frame: Frame, frames: list[ClaimFrame], claims: tuple[Claim, ...]) -> Claim | None:
    """The claim whose content holds the frame's predicate, innermost first."""
    position = doc[frame.head].idx
    inside = [
        (claim_frame.content[1] - claim_frame.content[0], claim)
        for claim_frame, claim in zip(frames, claims, strict=True)
        if claim_frame.content[0] <= position < claim_frame.content[1] and claim_frame.cue_token != frame.head
    ]
    return min(inside, key=lambda pair: pair[0])[1] if inside else None
