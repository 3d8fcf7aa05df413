"""Documents too long to extract at once: extracted in bounded pieces, merged back into one record.

spaCy parses a long text in pieces anyway (``nlp.parsing``), but extraction over one Doc of a
whole huge text has no memory bound (a 30 MB text reached 13 GB). So a document longer than
``PIECE_CHARS`` is cut into pieces, after the last paragraph break that fits, else a line break,
a sentence end or a space (``nlp.parsing.split_text``); each piece goes through the engines as a
document of its own (pieces of one document are parsed in parallel like any documents), and the
records of its pieces are merged into the record of the whole document:

- offsets are shifted into the whole text, ids renumbered (``e1``, ``r1``, ``c1`` ... in text order);
- entities of different pieces merge on the keys the within-document clustering uses
  (``extract.entities``): a name's transliteration-folded key, against the other's name and the
  names it is also known by (so "Moreau" alone in one piece joins "Jean Moreau" of
  another), and for concepts and dates their type and folded text. A name whose key matches
  entities that are apart already stays apart (which of them it means is unknown). The merged
  entity takes the type most of its mentions have.

What no piece sees is lost: a pronoun whose antecedent sits in the previous piece, reported
speech cut in two. Pieces end at paragraph breaks whenever the text has them, where a news text
has fewest such ties.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ..language.names import ascii_fold, name_key
from ..nlp.parsing import PIECE_CHARS, split_text
from ..records import LOCAL_TYPES, Claim, Document, Entity, ExtractionRecord, Relation, Span, majority_type
from .engines import Engine, ordered_records


@dataclass(frozen=True)
class Piece:
    """A slice of a document's text, as a document of its own (same id and metadata), and where
    the slice starts in the whole text."""

    document: Document
    start: int


def split_document(document: Document, max_chars: int = PIECE_CHARS) -> tuple[Piece, ...]:
    """``document`` cut into pieces of at most ``max_chars`` characters covering its text.

    >>> [p.document.text for p in split_document(Document(id="d", text="Un.\\n\\nDeux trois."), 8)]
    ['Un.\\n\\n', 'Deux ', 'trois.']
    """
    return tuple(Piece(replace(document, text=document.text[start:end]), start) for start, end in split_text(document.text, max_chars))


def records_in_pieces(
    items: Iterable[Document | ExtractionRecord],
    engine: Engine,
    batch_size: int,
    max_chars: int = PIECE_CHARS,
    on_abandoned: Callable[[list[ExtractionRecord]], None] | None = None,
) -> Iterator[tuple[ExtractionRecord, bool]]:
    """``runner.engines.ordered_records`` with every document longer than ``max_chars`` extracted
    in pieces and merged back: one ``(record, fresh)`` per item, in input order. Batches hold at
    most ``max_chars`` characters, so what a worker parses at once stays bounded too. Only whole
    documents' records reach ``on_abandoned``."""
    plans: deque[tuple[Document, tuple[Piece, ...]] | None] = deque()  # per item sent on: the document and its pieces, or None
    pending: set[Document] = set()  # piece documents on their way: their records are no whole record

    def sent() -> Iterator[Document | ExtractionRecord]:
        for item in items:
            if isinstance(item, Document) and len(item.text) > max_chars:
                pieces = split_document(item, max_chars)
                plans.append((item, pieces))
                pending.update(piece.document for piece in pieces)
                yield from (piece.document for piece in pieces)
            else:
                plans.append(None)
                yield item

    def salvage(records: list[ExtractionRecord]) -> None:
        whole = [record for record in records if record.document not in pending]
        if whole and on_abandoned is not None:
            on_abandoned(whole)

    merging: _RecordMerger | None = None  # the pieces of the document being put back together
    for record, fresh in ordered_records(sent(), engine, batch_size, on_abandoned=salvage, max_batch_chars=max_chars):
        plan = plans[0]
        if plan is None:
            plans.popleft()
            yield record, fresh
            continue
        document, pieces = plan
        merging = merging or _RecordMerger()
        merging.add(pieces[merging.pieces].start, record)  # each piece record is folded in as it comes, then dropped
        if merging.pieces == len(pieces):
            plans.popleft()
            pending.difference_update(piece.document for piece in pieces)
            whole, merging = merging.record(document), None
            yield whole, True


def merge_pieces(document: Document, pieces: Iterable[tuple[int, ExtractionRecord]]) -> ExtractionRecord:
    """One record for ``document`` from the records of its pieces, each given with the offset of
    its piece in the whole text, in text order."""
    merging = _RecordMerger()
    for start, record in pieces:
        merging.add(start, record)
    return merging.record(document)


class _RecordMerger:
    """The records of one document's pieces, folded in one at a time (an accumulator, local to
    one merge): what is kept is the merged record's own parts, never the piece records."""

    def __init__(self) -> None:
        self.pieces = 0
        self._entities = _EntityMerger()
        self._relations: list[Relation] = []
        self._claims: list[Claim] = []

    def add(self, start: int, record: ExtractionRecord) -> None:
        """Fold in the record of the next piece, which starts at ``start`` in the whole text."""
        entity_ids = self._entities.add_piece(_shifted_entity(entity, start) for entity in record.entities)
        claim_ids = {claim.id: f"c{len(self._claims) + n}" for n, claim in enumerate(record.claims, start=1)}
        self._claims.extend(
            replace(
                claim,
                id=claim_ids[claim.id],
                speaker=entity_ids[claim.speaker] if claim.speaker else None,
                source=entity_ids[claim.source] if claim.source else None,
                content=_shifted(claim.content, start),
                evidence=_shifted(claim.evidence, start),
            )
            for claim in record.claims
        )
        first_relation = len(self._relations) + 1
        self._relations.extend(
            replace(
                relation,
                id=f"r{first_relation + n}",
                arguments={role: tuple(dict.fromkeys(entity_ids[i] for i in ids)) for role, ids in relation.arguments.items()},
                evidence=_shifted(relation.evidence, start),
                trigger=_shifted((relation.trigger,), start)[0] if relation.trigger is not None else None,
                claim=claim_ids[relation.claim] if relation.claim else None,
            )
            for n, relation in enumerate(record.relations)
        )
        self.pieces += 1

    def record(self, document: Document) -> ExtractionRecord:
        return ExtractionRecord(document=document, entities=self._entities.entities(), relations=tuple(self._relations), claims=tuple(self._claims))


def _shifted(spans: Iterable[Span], by: int) -> tuple[Span, ...]:
    return tuple((start + by, end + by) for start, end in spans)


def _shifted_entity(entity: Entity, by: int) -> Entity:
    return replace(entity, mentions=_shifted(entity.mentions, by))


def _keys(entity: Entity) -> tuple[tuple[str, str], ...]:
    """The keys an entity is found by, its own name's first: those its mentions clustered on
    within its piece."""
    if entity.type in LOCAL_TYPES:
        return ((entity.type, ascii_fold(entity.label)),)
    return tuple(dict.fromkeys(("named", name_key(name)) for name in (entity.label, *entity.aliases)))


class _EntityMerger:
    """Entities of successive pieces, merged on their keys (an accumulator, local to one merge)."""

    def __init__(self) -> None:
        self._groups: list[list[Entity]] = []
        self._owners: dict[tuple[str, str], set[int]] = {}

    def add_piece(self, entities: Iterable[Entity]) -> dict[str, str]:
        """Place the entities of one piece, and return the merged id of each. Two entities of one
        piece are two things (its clustering kept them apart): they never join one group."""
        taken: set[int] = set()
        ids = {}
        for entity in entities:
            group = self._group_of(entity, taken)
            if group is None:
                group = len(self._groups)
                self._groups.append([])
            self._groups[group].append(entity)
            taken.add(group)
            for key in _keys(entity):
                self._owners.setdefault(key, set()).add(group)
            ids[entity.id] = f"e{group + 1}"
        return ids

    def _group_of(self, entity: Entity, taken: set[int]) -> int | None:
        """The one earlier group ``entity`` belongs to: the one its own name's key points to, else
        the one all its keys point to; None when they point nowhere, or to several."""
        keys = _keys(entity)
        for candidates in (self._owners.get(keys[0], set()), set().union(*(self._owners.get(key, set()) for key in keys))):
            candidates = candidates - taken
            if len(candidates) == 1:
                return next(iter(candidates))
            if candidates:
                return None
        return None

    def entities(self) -> tuple[Entity, ...]:
        return tuple(_merged(f"e{n}", group) for n, group in enumerate(self._groups, start=1))


def _merged(entity_id: str, group: list[Entity]) -> Entity:
    if len(group) == 1:
        return replace(group[0], id=entity_id)
    mentions = Counter()
    for entity in group:
        mentions[entity.label] += len(entity.mentions)
    order = list(dict.fromkeys(entity.label for entity in group))
    label = max(order, key=lambda name: (len(name.split()) > 1, mentions[name], -order.index(name)))
    links: dict[str, str] = {}
    for entity in group:
        for scheme, value in entity.links.items():
            links.setdefault(scheme, value)
    mentions_of_group = tuple(sorted({span for entity in group for span in entity.mentions}))
    return Entity(
        id=entity_id,
        type=majority_type([entity.type for entity in group for _ in range(max(len(entity.mentions), 1))]),
        label=label,
        aliases=tuple(dict.fromkeys(name for entity in group for name in (entity.label, *entity.aliases) if name != label)),
        mentions=mentions_of_group,
        mention_kinds=_kinds(group, mentions_of_group),
        links=links,
        value=next((entity.value for entity in group if entity.value), None),
        roles=tuple(dict.fromkeys(role for entity in group for role in entity.roles)),
    )


def _kinds(group: list[Entity], mentions: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """The kind of each of ``mentions`` as its piece's entity gave it; none if a piece gave none."""
    kind_at = {span: kind for entity in group for span, kind in zip(entity.mentions, entity.mention_kinds)}
    return tuple(kind_at[span] for span in mentions) if all(span in kind_at for span in mentions) else ()
