import pyoxigraph
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF

from textkg.export import ExportContext, exporter
from textkg.export.rdf import to_dataset
from textkg.graph import build_graph
from textkg.namespaces import OA, TK, Iris, slug
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation

HOSTILE = 'Le "chef" \\ <b>gras</b>\n\u200b\u202eemoji 🚀 > fin'


def hostile_record():
    text = f"{HOSTILE} a rencontré Poutine. Selon {HOSTILE}, rien."
    n = len(HOSTILE)
    return ExtractionRecord(
        document=Document(id='doc "1" <x>/ é', text=text, url="https://example.org/a b"),
        entities=(
            Entity("e1", "Person", HOSTILE, mentions=((0, n),)),
            Entity("e2", "Person", "Poutine", mentions=((n + 14, n + 21),)),
        ),
        relations=(Relation("r1", "relation", 'ren"contrer>', {"subject": ("e1",), "object": ("e2",)}, ((0, n + 22),), 0.6),),
        claims=(Claim("c1", "e1", None, "selon", ((n + 31, n + 35),), False, ((n + 23, len(text)),), 0.6),),
    )


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "ntriples", "jsonld"])
def test_every_format_parses_in_rdflib_and_oxigraph(tmp_path, fmt):
    suffix, write = exporter(fmt)
    path = tmp_path / f"graph{suffix}"
    write(ExportContext(build_graph([hostile_record()])), path)
    data = path.read_bytes()
    rdflib_format = {"nquads": "nquads", "trig": "trig", "turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt]
    parsed = Dataset() if fmt in ("nquads", "trig", "jsonld") else Graph()
    parsed.parse(data=data.decode("utf-8"), format=rdflib_format)
    assert len(parsed) > 0 or len(list(parsed.quads())) > 0
    ox_format = {
        "nquads": pyoxigraph.RdfFormat.N_QUADS,
        "trig": pyoxigraph.RdfFormat.TRIG,
        "turtle": pyoxigraph.RdfFormat.TURTLE,
        "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
        "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    }[fmt]
    store = pyoxigraph.Store()
    store.load(data, format=ox_format)
    assert len(store) > 0


def test_hostile_labels_survive_as_literals():
    ds = to_dataset(build_graph([hostile_record()]))
    labels = {str(o) for _, p, o, _ in ds.quads((None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None, None))}
    assert HOSTILE in labels


def test_fact_graph_has_provenance_and_text_selectors():
    ds = to_dataset(build_graph([hostile_record()]))
    prov = ds.graph(Iris().named_graph("provenance"))
    facts = set(prov.subjects(RDF.type, TK.Assertion))
    assert len(facts) == 1
    fact = facts.pop()
    assert len(ds.graph(fact)) == 1
    assert prov.value(fact, PROV.wasDerivedFrom) is not None
    annotation = prov.value(fact, TK.evidence)
    target = prov.value(annotation, OA.hasTarget)
    selectors = set(prov.objects(target, OA.hasSelector))
    assert {prov.value(s, RDF.type) for s in selectors} == {OA.TextQuoteSelector, OA.TextPositionSelector}


def test_same_input_gives_the_same_bytes(tmp_path):
    suffix, write = exporter("nquads")
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write(ExportContext(build_graph([hostile_record()])), first)
    write(ExportContext(build_graph([hostile_record()])), second)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("text", ["", "   ", "<>\"{}|^`\\", "Ωmega 東京 🚀", "a" * 500])
def test_slug_is_always_iri_safe(text):
    value = slug(text)
    assert value and len(value) <= 48
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in value)


def test_unknown_format_lists_the_valid_ones():
    from textkg.errors import FormatError

    with pytest.raises(FormatError, match="valid formats: html"):
        exporter("rdfxml")


@pytest.mark.model
def test_sample_conforms_to_the_shacl_shapes(sample_build):
    import pyshacl

    from textkg.export.rdf import union_graph
    from textkg.resources import ontology_dir

    result, _ = sample_build
    data = union_graph(to_dataset(result.graph))
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    ontology = Graph().parse(ontology_dir() / "textkg.ttl")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, report
    # the shapes are not vacuous: an event without polarity is reported
    event = next(data.subjects(TK.predicate, None))
    data.remove((event, TK.polarity, None))
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert not conforms
