from textkg.graph import CLAIM, ENTITY, EVENT, build_graph
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation

TEXT = "Selon Telnova, Lambert a déclaré que la Serbie déploie des missiles. La Serbie signe."


def record(doc_id):
    return ExtractionRecord(
        document=Document(id=doc_id, text=TEXT),
        entities=(
            Entity("e1", "Organization", "Telnova", mentions=((6, 13),)),
            Entity("e2", "Person", "Lambert", mentions=((15, 22),)),
            Entity("e3", "Place", "Serbie", mentions=((40, 46), (72, 78))),
            Entity("e4", "Concept", "missiles", mentions=((59, 67),)),
        ),
        relations=(
            Relation("r1", "event", "déployer", {"agent": ("e3",), "theme": ("e4",)}, ((37, 68),), 0.7, claim="c1", event_class="Deployment"),
            Relation("r2", "relation", "citer", {"subject": ("e2",), "object": ("e1",)}, ((0, 68),), 0.6),
        ),
        claims=(Claim("c1", "e2", "e1", "a déclaré", ((37, 67),), False, ((0, 68),), 0.8),),
    )


def test_graph_has_entities_events_and_claims_with_role_edges():
    kg = build_graph([record("a")])
    kinds = sorted(d["kind"] for _, d in kg.graph.nodes(data=True))
    assert kinds == [CLAIM, ENTITY, ENTITY, ENTITY, ENTITY, EVENT]
    (event,) = [n for n, d in kg.nodes_of_kind(EVENT)]
    roles = {key: kg.graph.nodes[target]["label"] for _, target, key in kg.graph.out_edges(event, keys=True)}
    assert roles == {"agent": "Serbie", "theme": "missiles"}
    (claim,) = [n for n, d in kg.nodes_of_kind(CLAIM)]
    claim_edges = {key: target for _, target, key in kg.graph.out_edges(claim, keys=True)}
    assert kg.graph.nodes[claim_edges["speaker"]]["label"] == "Lambert"
    assert kg.graph.nodes[claim_edges["source"]]["label"] == "Telnova"
    assert claim_edges["reports"] == event
    assert kg.graph.nodes[event]["claim"] == claim


def test_binary_relation_is_an_edge_with_its_evidence():
    kg = build_graph([record("a")])
    (edge,) = [d for _, _, d in kg.graph.edges(data=True) if d.get("kind") == "relation"]
    assert edge["predicate"] == "citer"
    assert kg.evidence_text(edge["evidence"][0]).startswith("Selon Telnova")


def test_records_from_two_documents_merge_named_entities_only():
    kg = build_graph([record("a"), record("b")])
    entities = [d for _, d in kg.nodes_of_kind(ENTITY)]
    assert sorted(d["label"] for d in entities) == ["Lambert", "Serbie", "Telnova", "missiles", "missiles"]
    serbia = next(d for d in entities if d["label"] == "Serbie")
    assert serbia["documents"] == ["a", "b"] and len(serbia["mentions"]) == 4
    assert len(kg.merges) == 3


def test_building_does_not_mutate_the_records():
    records = [record("a")]
    before = [r.to_json() for r in records]
    build_graph(records)
    assert [r.to_json() for r in records] == before
