"""Score textkg (and spaCy's own NER, for scale) against the annotated corpora of shared/data.

Two systems are scored on the same parse: ``spacy`` (the statistical NER alone, each entity a
singleton) and ``textkg`` (cleaned and retyped mentions, noun phrases, pronouns, coreference).
On POPCORN, relation pairs (evaluation.relations) are scored too: textkg's relations, events and
claims, against spaCy's entities and nouns related whenever they share a sentence (co-occurrence,
the usual floor of relation extraction).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..extract import extract_record
from ..extract.context import DocContext
from ..extract.coref import coreference_chains, noun_mentions, pronoun_mentions
from ..extract.mentions import date_mentions, named_mentions
from ..language.resources import Resources, load_resources
from ..records import Document, Entity, ExtractionRecord, Relation, broad_type
from .corpora import GoldDocument, NerDocument, read_democrat, read_hipe, read_popcorn
from .metrics import COREF_METRICS, PRF, TypedSpan, conll_f1, mention_prf
from .relations import PairScore, score_document

HIPE_FILE = "hipe2020-dev-fr.tsv"
POPCORN_FILE = "popcorn-train.json"
DEMOCRAT_FILE = "dem1921-dev.jsonlines"
CORPORA = ("hipe", "popcorn", "democrat")
# HIPE coarse types scored, and what each system's types count as.
HIPE_TYPES = frozenset({"pers", "loc", "org"})
SPACY_TO_HIPE = {"PER": "pers", "LOC": "loc", "ORG": "org"}
TEXTKG_TO_HIPE = {"Person": "pers", "Place": "loc", "Organization": "org"}

Cluster = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Score:
    """One line of the result table."""

    corpus: str
    system: str
    metric: str
    precision: float
    recall: float
    f1: float


def evaluate(
    data_dir: str | Path,
    nlp: Language,
    corpora: Sequence[str] = CORPORA,
    limit: int | None = None,
) -> list[Score]:
    """Scores of every system on every corpus in ``corpora``; ``limit`` caps documents per corpus."""
    data_dir = Path(data_dir)
    resources = load_resources(nlp.lang)
    scores: list[Score] = []
    if "hipe" in corpora:
        docs = list(islice(read_hipe(data_dir / HIPE_FILE), limit))
        scores += score_ner("hipe", docs, nlp, resources)
    if "popcorn" in corpora:
        popcorn = list(islice(read_popcorn(data_dir / POPCORN_FILE), limit))
        scores += score_coreference("popcorn", popcorn, nlp, resources)
        scores += score_relations("popcorn", popcorn, nlp, resources)
    if "democrat" in corpora:
        scores += score_coreference("democrat", list(islice(read_democrat(data_dir / DEMOCRAT_FILE), limit)), nlp, resources)
    return scores


def spacy_spans(doc: Doc, resources: Resources) -> list[TypedSpan]:
    return [TypedSpan("", e.start_char, e.end_char, SPACY_TO_HIPE[e.label_]) for e in doc.ents if e.label_ in SPACY_TO_HIPE]


def textkg_spans(doc: Doc, resources: Resources) -> list[TypedSpan]:
    spans = []
    for mention in named_mentions(_context(doc, resources)):
        hipe = TEXTKG_TO_HIPE.get(broad_type(mention.type))
        if hipe is not None:
            spans.append(TypedSpan("", mention.start, mention.end, hipe))
    return spans


NER_SYSTEMS: dict[str, Callable[[Doc, Resources], list[TypedSpan]]] = {"spacy": spacy_spans, "textkg": textkg_spans}


def score_ner(corpus: str, docs: Sequence[NerDocument], nlp: Language, resources: Resources) -> list[Score]:
    """Strict and fuzzy mention F1 on PER+LOC+ORG."""
    gold = [TypedSpan(d.id, s, e, t) for d in docs for s, e, t in d.spans if t in HIPE_TYPES]
    predicted: dict[str, list[TypedSpan]] = {name: [] for name in NER_SYSTEMS}
    for document, doc in zip(docs, _parse(nlp, (d.text for d in docs)), strict=True):
        for name, system in NER_SYSTEMS.items():
            predicted[name] += [TypedSpan(document.id, s.start, s.end, s.type) for s in system(doc, resources)]
    scores = []
    for name in NER_SYSTEMS:
        for metric, fuzzy in (("NER strict", False), ("NER fuzzy", True)):
            scores.append(_score(corpus, name, metric, mention_prf(gold, predicted[name], fuzzy=fuzzy)))
    return scores


def spacy_clusters(doc: Doc, resources: Resources) -> list[Cluster]:
    """spaCy has no coreference: every entity is its own cluster."""
    return [((e.start_char, e.end_char),) for e in doc.ents]


def textkg_clusters(doc: Doc, resources: Resources) -> list[Cluster]:
    """Names, nouns and pronouns in chains. Dates are left out: the coreference corpora mark none,
    and a date would also hide the noun it covers ("jeudi")."""
    ctx = _context(doc, resources)
    named = list(named_mentions(ctx))
    dates = list(date_mentions(ctx))
    ctx = ctx.with_mentions([*named, *dates])
    mentions = [*named, *noun_mentions(ctx, [*named, *dates]), *pronoun_mentions(ctx)]
    return [tuple((m.start, m.end) for m in chain.mentions) for chain in coreference_chains(ctx, mentions)]


COREF_SYSTEMS: dict[str, Callable[[Doc, Resources], list[Cluster]]] = {"spacy": spacy_clusters, "textkg": textkg_clusters}


def score_coreference(corpus: str, docs: Sequence[GoldDocument], nlp: Language, resources: Resources) -> list[Score]:
    """Mention F1 (strict) and MUC, B3, CEAF-e, CoNLL F1, summed over documents."""
    totals = {name: {metric: PRF() for metric in ("mentions", *COREF_METRICS)} for name in COREF_SYSTEMS}
    for document, doc in zip(docs, _parse(nlp, (d.text for d in docs)), strict=True):
        gold = [tuple((m.start, m.end) for m in entity.mentions) for entity in document.entities]
        gold_mentions = [TypedSpan(document.id, s, e, "") for cluster in gold for s, e in cluster]
        for name, system in COREF_SYSTEMS.items():
            predicted = system(doc, resources)
            pred_mentions = [TypedSpan(document.id, s, e, "") for cluster in predicted for s, e in cluster]
            totals[name]["mentions"] += mention_prf(gold_mentions, pred_mentions)
            for metric, function in COREF_METRICS.items():
                totals[name][metric] += function(gold, predicted)
    scores = []
    for name, by_metric in totals.items():
        for metric, prf in by_metric.items():
            scores.append(_score(corpus, name, "mentions strict" if metric == "mentions" else metric, prf))
        conll = conll_f1(by_metric)
        scores.append(Score(corpus, name, "CoNLL F1", conll, conll, conll))
    return scores


def textkg_record(doc: Doc, gold: GoldDocument, resources: Resources) -> ExtractionRecord:
    return extract_record(doc, Document(id=gold.id, text=gold.text, lang=doc.lang_), resources)


def co_occurrence_record(doc: Doc, gold: GoldDocument, resources: Resources) -> ExtractionRecord:
    """spaCy's entities and the nouns outside them, every two of a sentence related."""
    spans = [(e.start_char, e.end_char, e.sent.start) for e in doc.ents]
    inside = {token.i for e in doc.ents for token in e}
    spans += [(t.idx, t.idx + len(t), t.sent.start) for t in doc if t.pos_ == "NOUN" and t.i not in inside]
    entities = tuple(
        Entity(id=f"e{n}", type="Misc", label=gold.text[start:end], mentions=((start, end),))
        for n, (start, end, _) in enumerate(spans, start=1)
    )
    relations = tuple(
        Relation(
            id=f"r{n}",
            kind="event",
            predicate="co-occurs",
            arguments={"members": tuple(e.id for e, (_, _, sent) in zip(entities, spans) if sent == sentence.start)},
            evidence=((sentence.start_char, sentence.end_char),),
            confidence=0.0,
        )
        for n, sentence in enumerate(doc.sents, start=1)
    )
    return ExtractionRecord(Document(id=gold.id, text=gold.text, lang=doc.lang_), entities=entities, relations=relations)


RELATION_SYSTEMS: dict[str, Callable[[Doc, GoldDocument, Resources], ExtractionRecord]] = {
    "spacy": co_occurrence_record,
    "textkg": textkg_record,
}


def score_relations(corpus: str, docs: Sequence[GoldDocument], nlp: Language, resources: Resources) -> list[Score]:
    """Relation-pair precision, recall and F1, summed over documents (evaluation.relations)."""
    totals = {name: PairScore(0, 0, 0, 0) for name in RELATION_SYSTEMS}
    for document, doc in zip(docs, _parse(nlp, (d.text for d in docs)), strict=True):
        for name, system in RELATION_SYSTEMS.items():
            totals[name] += score_document(system(doc, document, resources), document)
    return [
        Score(corpus, name, "relation pairs", total.precision / 100, total.recall / 100, total.f1 / 100)
        for name, total in totals.items()
    ]


def format_table(scores: Iterable[Score]) -> str:
    """A Markdown table, one row per corpus and metric, systems side by side (P / R / F1, in %)."""
    scores = list(scores)
    systems = list(dict.fromkeys(s.system for s in scores))
    rows: dict[tuple[str, str], dict[str, Score]] = {}
    for score in scores:
        rows.setdefault((score.corpus, score.metric), {})[score.system] = score
    header = "| corpus | metric | " + " | ".join(f"{s} P / R / F1" for s in systems) + " |"
    lines = [header, "|" + "---|" * (2 + len(systems))]
    for (corpus, metric), by_system in rows.items():
        cells = []
        for system in systems:
            s = by_system.get(system)
            if s is None:
                cells.append("")
            elif metric == "CoNLL F1":
                cells.append(f"{100 * s.f1:.1f}")
            else:
                cells.append(f"{100 * s.precision:.1f} / {100 * s.recall:.1f} / **{100 * s.f1:.1f}**")
        lines.append(f"| {corpus} | {metric} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _context(doc: Doc, resources: Resources) -> DocContext:
    return DocContext.of(doc, Document(id="", text=doc.text, lang=doc.lang_), resources)


def _parse(nlp: Language, texts: Iterable[str]) -> Iterable[Doc]:
    return nlp.pipe(texts, batch_size=16)


def _score(corpus: str, system: str, metric: str, prf: PRF) -> Score:
    return Score(corpus, system, metric, prf.precision, prf.recall, prf.f1)
