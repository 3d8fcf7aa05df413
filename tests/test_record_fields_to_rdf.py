"""Record fields that reach the graph and the RDF: mention kinds (name, description, pronoun), a claim's stance."""

from rdflib import Literal, URIRef

from textkg.export.namespaces import TK
from textkg.export.rdf import to_dataset
from textkg.graph import build_graph
from textkg.records import Document, Entity, ExtractionRecord

TEXT = "Marie Dubois dirige la mairie. La maire a dit qu'elle restera. Dubois part demain."


def span(word: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def record(kinds: bool = True) -> ExtractionRecord:
    kind_at = {span(w, n): kind for w, n, kind in (("Marie Dubois", 0, "name"), ("La maire", 0, "description"), ("elle", 0, "pronoun"), ("Dubois", 1, "name"))}
    spans = sorted(kind_at)
    return ExtractionRecord(
        document=Document(id="d", text=TEXT),
        entities=(
            Entity(
                "e1", "Person", "Marie Dubois", aliases=("Dubois",), mentions=tuple(spans),
                mention_kinds=tuple(kind_at[s] for s in spans) if kinds else (),
            ),
        ),
    )


def entity_counts(rec: ExtractionRecord) -> dict[URIRef, Literal]:
    dataset = to_dataset(build_graph([rec]))
    (entity,) = {s for s, _, _, _ in dataset.quads((None, TK.mentionCount, None, None))}
    return {p: o for _, p, o, _ in dataset.quads((entity, None, None, None)) if "MentionCount" in str(p) or p == TK.mentionCount}


def test_the_graph_keeps_each_mentions_kind():
    graph = build_graph([record()]).graph
    (node,) = [n for n, d in graph.nodes(data=True) if d.get("label") == "Marie Dubois"]
    data = graph.nodes[node]
    assert [(TEXT[s:e], k) for (_, s, e), k in zip(data["mentions"], data["mention_kinds"])] == [
        ("Marie Dubois", "name"), ("La maire", "description"), ("elle", "pronoun"), ("Dubois", "name"),
    ]


def test_the_rdf_counts_mentions_by_kind():
    assert entity_counts(record()) == {
        TK.mentionCount: Literal(4),
        TK.nameMentionCount: Literal(2),
        TK.descriptionMentionCount: Literal(1),
        TK.pronounMentionCount: Literal(1),
    }


def test_a_record_without_kinds_gives_the_total_only():
    assert entity_counts(record(kinds=False)) == {TK.mentionCount: Literal(4)}


def test_a_claims_stance_reaches_the_rdf():
    from textkg.records import Claim

    text = "Le maire a démenti la fermeture de l'usine."
    rec = ExtractionRecord(
        document=Document(id="s", text=text),
        entities=(Entity("e1", "Concept", "maire", mentions=((3, 8),), mention_kinds=("description",)),),
        claims=(Claim("c1", "e1", None, "a démenti", ((19, 42),), False, ((0, 43),), 0.8, polarity="negative", stance="Denial"),),
    )
    dataset = to_dataset(build_graph([rec]))
    assert [o for _, _, o, _ in dataset.quads((None, TK.stance, None, None))] == [Literal("Denial")]
