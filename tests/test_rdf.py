import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph
import pytest
import rdflib.namespace as ns
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from textkg.errors import IriError
from textkg.export import ExportContext, exporter, jsonld_context_path
from textkg.export.rdf import ENTITY_CLASSES, RdfOptions, ontology_triples, quads, to_dataset, union_graph
from textkg.graph import build_graph
from textkg.export.namespaces import OA, ONTOLOGY_IRI, TK, Iris, slug
from textkg.language.resources import available_languages, load_resources
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation
from textkg.language.files import ontology_dir

from .rdf_corpus import corpus, record_a, record_b

XSD = ns.XSD  # not a module-level name of its own: pytest's collection would poke the closed namespace

HOSTILE = 'Le "chef" \\ <b>gras</b>\n\u200b\u202eemoji 🚀 > fin'


def hostile_record():
    text = f"{HOSTILE} a rencontré Lambert. Selon {HOSTILE}, rien."
    n = len(HOSTILE)
    return ExtractionRecord(
        document=Document(id='doc "1" <x>/ é', text=text, url="https://example.org/a b"),
        entities=(
            Entity("e1", "Person", HOSTILE, mentions=((0, n),)),
            Entity("e2", "Person", "Lambert", mentions=((n + 14, n + 21),)),
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


def test_a_fact_points_at_its_trigger_word_by_quote_and_position():
    text = "La Serbie déploie des missiles en Afghanistan."
    record = ExtractionRecord(
        document=Document(id="d", text=text),
        entities=(Entity("e1", "Place", "Serbie", mentions=((3, 9),)), Entity("e2", "Place", "Afghanistan", mentions=((34, 45),))),
        relations=(Relation("r1", "event", "déployer", {"agent": ("e1",), "location": ("e2",)}, ((0, 46),), 0.7, trigger=(10, 17)),),
    )
    prov = to_dataset(build_graph([record])).graph(Iris().named_graph("provenance"))
    (fact,) = set(prov.subjects(RDF.type, TK.Assertion))
    annotation = prov.value(fact, TK.trigger)
    target = prov.value(annotation, OA.hasTarget)
    quotes = {prov.value(s, OA.exact) for s in prov.objects(target, OA.hasSelector)} - {None}
    assert quotes == {Literal("déploie")}
    assert prov.value(fact, TK.evidence) != annotation


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
    result, _ = sample_build
    data = union_graph(to_dataset(result.graph))
    conforms, report = shacl(data)
    assert conforms, report
    # the shapes are not vacuous: an event without polarity is reported
    event = next(data.subjects(TK.predicate, None))
    data.remove((event, TK.polarity, None))
    conforms, _ = shacl(data)
    assert not conforms


# --- the shape of DESIGN.md, on a two-document corpus (no model needed) -------------------------

RDF_FORMATS = ("nquads", "trig", "turtle", "ntriples", "jsonld")
FIXED_GRAPHS = {"entities", "vocabulary", "claims", "provenance"}


def corpus_dataset(**options) -> Dataset:
    return to_dataset(build_graph(corpus()), options=RdfOptions(**options))


def ontology_graph() -> Graph:
    return Graph().parse(ontology_dir() / "textkg.ttl")


def shacl(data: Graph) -> tuple[bool, str]:
    import pyshacl

    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology_graph(), inference="rdfs", allow_warnings=True)
    return conforms, report


def tk_terms(ds: Dataset) -> set[URIRef]:
    return {t for quad in ds.quads((None, None, None, None)) for t in quad[:3] if isinstance(t, URIRef) and t.startswith(str(TK))}


def test_every_term_the_export_uses_is_declared_with_french_and_english_labels_and_comments():
    onto = ontology_graph()
    used = tk_terms(corpus_dataset()) | set(ENTITY_CLASSES.values())
    used |= {TK[name] for lang in available_languages() for name in load_resources(lang).lexicon.events.values()}
    for term in sorted(used):
        assert (term, RDF.type, None) in onto, f"{term} is not declared in ontology/textkg.ttl"
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(term, prop)}
            assert {"fr", "en"} <= langs, f"{term} lacks a French or English {prop}"


def test_issue_3_classes_map_to_their_local_names_and_standard_super_classes():
    onto = ontology_graph()
    closure = {cls: set(onto.transitive_objects(TK[cls], RDFS.subClassOf)) for cls in ENTITY_CLASSES if cls != "Misc"}
    schema = "https://schema.org/"
    assert URIRef(schema + "Country") in closure["Country"] and URIRef(schema + "City") in closure["City"]
    for cls in ("NewsAgency", "IntergovernmentalOrganization", "GovernmentBody", "ArmedForces", "Company"):
        assert TK.Organization in closure[cls] and URIRef(schema + "Organization") in closure[cls]
    for cls in ("Country", "City", "Region"):
        assert URIRef(schema + "Place") in closure[cls]
    assert TK.Equipment in closure["WeaponSystem"]
    assert all(ENTITY_CLASSES[cls] == TK[cls] for cls in closure)
    assert URIRef(schema + "Event") in set(onto.transitive_objects(TK.Deployment, RDFS.subClassOf))
    assert PROV.Entity in set(onto.objects(TK.Claim, RDFS.subClassOf))


def test_the_ontology_graph_is_in_the_export_and_has_no_blank_nodes():
    ds = corpus_dataset()
    assert set(ds.graph(ONTOLOGY_IRI)) == set(ontology_triples())
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ds.graph(ONTOLOGY_IRI)
    assert len(corpus_dataset(include_ontology=False).graph(ONTOLOGY_IRI)) == 0


def test_streamed_nquads_are_exactly_the_dataset(tmp_path):
    path = tmp_path / "graph.nq"
    exporter("nquads")[1](ExportContext(build_graph(corpus())), path)
    parsed = Dataset().parse(path, format="nquads")
    key = lambda quads_: {(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in quads_}  # noqa: E731
    assert key(parsed.quads((None, None, None, None))) == key(corpus_dataset().quads((None, None, None, None)))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))  # no duplicate quad
    graphs = [line.rsplit(" ", 2)[-2] for line in lines]
    assert len([g for i, g in enumerate(graphs) if i == 0 or graphs[i - 1] != g]) == len(set(graphs))  # each graph contiguous


def test_ntriples_is_the_union_without_duplicates(tmp_path):
    path = tmp_path / "graph.nt"
    exporter("ntriples")[1](ExportContext(build_graph(corpus())), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(union_graph(corpus_dataset()))


def test_every_format_is_byte_identical_across_runs_and_hash_seeds(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in corpus()), encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        command = [sys.executable, "-m", "textkg", "build", str(records), "-o", str(out), "--formats", ",".join(RDF_FORMATS)]
        subprocess.run(command, check=True, env=env, capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "extraction.jsonl"})
    assert set(outputs[0]) == {"graph.nq", "graph.trig", "graph.ttl", "graph.nt", "graph.jsonld", "graph.context.jsonld"}
    assert outputs[0] == outputs[1]
    assert b"startedAtTime" not in outputs[0]["graph.nq"]


def test_the_run_time_is_recorded_only_when_asked():
    moment = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    stamped = corpus_dataset(run_time=moment)
    times = list(stamped.quads((None, PROV.startedAtTime, None, None)))
    assert [(o, o.datatype) for _, _, o, _ in times] == [(Literal("2024-05-01T12:00:00+00:00", datatype=XSD.dateTime), XSD.dateTime)]
    assert not list(corpus_dataset().quads((None, PROV.startedAtTime, None, None)))


def test_the_corpus_conforms_to_the_shapes_and_carries_prov_o():
    ds = corpus_dataset()
    conforms, report = shacl(union_graph(ds))
    assert conforms, report
    prov = ds.graph(Iris().named_graph("provenance"))
    fact_graphs = {g.identifier for g in ds.graphs() if "/fact/" in str(g.identifier)}
    names = {str(g.identifier).rsplit("/", 1)[-1] for g in ds.graphs() if "/graph/" in str(g.identifier)}
    assert names == FIXED_GRAPHS
    assert fact_graphs and fact_graphs == set(prov.subjects(RDF.type, PROV.Entity)) - set(prov.subjects(RDF.type, TK.Document))
    run = prov.value(next(iter(fact_graphs)), PROV.wasGeneratedBy)
    assert (run, RDF.type, PROV.Activity) in prov and prov.value(run, PROV.wasAssociatedWith) == TK.textkg
    for graph in fact_graphs:
        assert prov.value(graph, PROV.wasDerivedFrom) in set(prov.subjects(RDF.type, TK.Document))


def test_reported_negated_and_repeated_facts_keep_their_own_graphs():
    ds = corpus_dataset()
    prov, claims = ds.graph(Iris().named_graph("provenance")), ds.graph(Iris().named_graph("claims"))
    reported = set(prov.subjects(RDF.type, TK.ReportedContent))
    asserted = set(prov.subjects(RDF.type, TK.Assertion))
    assert reported and not reported & asserted
    assert reported == set(claims.objects(None, TK.reports))
    negated = set(prov.subjects(TK.polarity, TK.negative))
    assert len(negated) == 1 and len(ds.graph(negated.pop())) == 1
    # "signer" twice in doc-a: one graph, two pieces of evidence, the higher confidence
    signer = [g for g in asserted if any(p == Iris().predicate("signer") for _, p, _ in ds.graph(g))]
    assert len(signer) == 1
    assert len(list(prov.objects(signer[0], TK.evidence))) == 2
    assert prov.value(signer[0], TK.confidence) == Literal("0.90", datatype=XSD.decimal)


@pytest.mark.parametrize(
    "mutation",
    [
        "drop the confidence of a fact graph",
        "confidence above one",
        "drop the source document of a fact graph",
        "a role filled by something that is not an entity",
        "a claim without content",
        "a selector that ends before it starts",
        "an entity without a label",
    ],
)
def test_the_shapes_catch_broken_output(mutation):
    data = union_graph(corpus_dataset())
    prov_fact = next(iter(data.subjects(RDF.type, TK.Assertion)))
    if mutation == "drop the confidence of a fact graph":
        data.remove((prov_fact, TK.confidence, None))
    elif mutation == "confidence above one":
        data.set((prov_fact, TK.confidence, Literal("1.5", datatype=XSD.decimal)))
    elif mutation == "drop the source document of a fact graph":
        data.remove((prov_fact, PROV.wasDerivedFrom, None))
    elif mutation == "a role filled by something that is not an entity":
        event = next(data.subjects(TK.predicate, None))
        data.add((event, TK.agent, URIRef("https://example.org/nobody")))
    elif mutation == "a claim without content":
        data.remove((next(data.subjects(RDF.type, TK.Claim)), TK.content, None))
    elif mutation == "a selector that ends before it starts":
        selector = next(data.subjects(RDF.type, OA.TextPositionSelector))
        data.set((selector, OA.end, Literal(0, datatype=XSD.nonNegativeInteger)))
        data.set((selector, OA.start, Literal(5, datatype=XSD.nonNegativeInteger)))
    else:
        data.remove((next(data.subjects(RDF.type, TK.Person)), RDFS.label, None))
    conforms, _ = shacl(data)
    assert not conforms


def test_a_custom_base_iri_prefixes_every_minted_iri():
    base = "urn:example:kg/"
    ds = to_dataset(build_graph(corpus()), Iris(base))
    vocabularies = (TK, RDF, RDFS, OWL, PROV, OA, SKOS, XSD, "https://schema.org/", "http://purl.org/dc/terms/")
    standard = (*map(str, vocabularies), "https://sws.geonames.org/")  # and the corpus's one outside link
    minted = {str(t) for quad in ds.quads((None, None, None, None)) for t in quad if isinstance(t, URIRef)} - {str(ONTOLOGY_IRI)}
    assert minted and all(iri.startswith(base) or iri.startswith(standard) for iri in minted)
    assert any(iri.startswith(base) for iri in minted)


@pytest.mark.parametrize("base", ["no scheme/", "https://exa mple.org/", "https://example.org/<kg>/", ""])
def test_a_base_iri_that_cannot_prefix_iris_is_refused(base):
    with pytest.raises(IriError, match="not an absolute IRI"):
        Iris(base)


def test_outside_links_become_valid_iris(tmp_path):
    record = record_a()
    entity = replace(record.entities[0], links={"wikidata": 'http://www.wikidata.org/entity/Q 1<"x">'})
    record = replace(record, entities=(entity, *record.entities[1:]))
    path = tmp_path / "graph.nq"
    exporter("nquads")[1](ExportContext(build_graph([record])), path)
    store = pyoxigraph.Store()
    store.load(path.read_bytes(), format=pyoxigraph.RdfFormat.N_QUADS)
    links = {str(q.object.value) for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(SKOS.exactMatch)), None)}
    assert links == {"http://www.wikidata.org/entity/Q%201%3C%22x%22%3E", "https://sws.geonames.org/588409/"}


def test_jsonld_writes_its_context_file_and_inlines_the_same_context(tmp_path):
    path = tmp_path / "graph.jsonld"
    exporter("jsonld")[1](ExportContext(build_graph(corpus())), path)
    context = json.loads(jsonld_context_path(path).read_text(encoding="utf-8"))["@context"]
    assert json.loads(path.read_text(encoding="utf-8"))["@context"] == context
    assert context["tk"] == str(TK) and context["kg"] == Iris().base
    parsed = Dataset().parse(path, format="json-ld")
    assert len(list(parsed.quads((None, None, None, None)))) == len(list(quads(build_graph(corpus()))))


@pytest.mark.model
@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_the_sample_parses_in_rdflib_and_oxigraph_in_every_format(sample_build, fmt):
    result, out = sample_build
    suffix, _ = exporter(fmt)
    path = out / f"graph{suffix}"
    if not path.exists():  # build's default formats leave out N-Triples
        exporter(fmt)[1](ExportContext(result.graph), path)
    expected = sum(1 for _ in quads(result.graph))
    rdflib_format = {"nquads": "nquads", "trig": "trig", "turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt]
    if fmt in ("turtle", "ntriples"):
        assert len(Graph().parse(path, format=rdflib_format)) == len(union_graph(to_dataset(result.graph)))
    else:
        assert len(list(Dataset().parse(path, format=rdflib_format).quads((None, None, None, None)))) == expected
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.from_extension(suffix.lstrip(".")))
    assert len(store) == (expected if fmt in ("nquads", "trig", "jsonld") else len(union_graph(to_dataset(result.graph))))


def test_build_refuses_a_bad_base_iri_before_any_work(tmp_path):
    from typer.testing import CliRunner

    from textkg.cli import app

    result = CliRunner().invoke(app, ["build", str(tmp_path / "missing.txt"), "--base-iri", "kg base", "-o", str(tmp_path / "o")], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "base IRI 'kg base' is not an absolute IRI" in result.output


@pytest.mark.model
def test_the_sample_gives_the_same_bytes_on_a_second_run(sample_build, tmp_path):
    from textkg.api import build

    from .conftest import SAMPLE

    first, first_dir = sample_build
    second = build([SAMPLE], output_dir=tmp_path, formats=("nquads", "trig", "turtle", "jsonld"))
    assert [p.name for p in second.written[1:]] == ["graph.nq", "graph.trig", "graph.ttl", "graph.jsonld"]
    for path in second.written[1:]:
        assert path.read_bytes() == (first_dir / path.name).read_bytes(), path.name
    assert (tmp_path / "graph.context.jsonld").read_bytes() == (first_dir / "graph.context.jsonld").read_bytes()


# --- no record field reaches an IRI unencoded ---------------------------------------------------

# The record of the issue: an event class that closes its IRI and states a quad of its own.
INJECTION = (
    'Meeting> <https://textkg.example/kg/graph/entities> .\n'
    '<https://textkg.example/kg/entity/Macron-EVIL> <http://www.w3.org/2000/01/rdf-schema#label> "INJECTED" '
    "<https://textkg.example/kg/graph/entities> .\n<x:y"
)


def with_event_class(record: ExtractionRecord, event_class: str) -> ExtractionRecord:
    relations = tuple(replace(r, event_class=event_class) if r.kind == "event" else r for r in record.relations)
    return replace(record, relations=relations)


def test_a_read_back_record_with_an_injected_event_class_is_skipped_with_its_file_and_line(tmp_path):
    records = tmp_path / "records.jsonl"
    lines = [record_b().to_json(), with_event_class(record_a(), INJECTION).to_json()]
    records.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "textkg", "build", str(records), "-o", str(out), "--formats", "nquads,turtle"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert f"{records}:2: relation 'r1': 'event_class' must be an ontology class name" in run.stderr
    written = (out / "graph.nq").read_text(encoding="utf-8")
    assert "INJECTED" not in written and "EVIL" not in written and "doc-b" in written


@pytest.mark.parametrize("event_class", [INJECTION, "Meeting Summit", "Réunion", "a#b"])
def test_a_record_built_in_python_cannot_break_or_inject_an_iri(tmp_path, event_class):
    record = with_event_class(record_a(), event_class)
    record = replace(record, relations=tuple(replace(r, polarity="pos itive>") if r.id == "r3" else r for r in record.relations))
    for fmt in ("nquads", "trig", "turtle", "ntriples"):
        suffix, write = exporter(fmt)
        path = tmp_path / f"graph{suffix}"
        write(ExportContext(build_graph([record])), path)
        parsed = pyoxigraph.Store()
        parsed.load(path=str(path), format=pyoxigraph.RdfFormat.from_extension(suffix.lstrip(".")))
        Dataset().parse(path, format={"nquads": "nquads", "trig": "trig", "turtle": "turtle", "ntriples": "nt"}[fmt])
        labels = {q.object.value for q in parsed.quads_for_pattern(None, pyoxigraph.NamedNode(str(RDFS.label)), None)}
        assert "INJECTED" not in labels
        classes = {q.object.value for q in parsed.quads_for_pattern(None, pyoxigraph.NamedNode(str(RDF.type)), None)}
        minted = {c for c in classes if c.startswith(str(TK)) and c not in {str(TK.Agreement), str(TK.Assertion), str(TK.ReportedContent)}}
        assert len([c for c in minted if "%" in c or c == str(TK) + event_class]) == 1, minted


# --- property: any string in any record field, read back, gives the same quads in rdflib, Oxigraph
# and Raptor (`rapper`), or is reported with its file and line -------------------------------------

from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from textkg.ingest import InputReport, read_inputs  # noqa: E402
from textkg.records import ENTITY_TYPES, MODALITIES, POLARITIES  # noqa: E402

RAPPER = shutil.which("rapper")
SPICE = st.sampled_from(['"', "\\", "<", ">", "\n", "\r", "\t", "\x00", "\x1b", "\x85", "\u2028", "\u202e", "\ufeff", "\uffff", "%", "#", " ", "é", "🚀"])
any_text = st.lists(st.one_of(st.text(max_size=5), SPICE), max_size=6).map("".join)
some_text = any_text.map(lambda t: t if t.strip() else t + "x")
ROLES = ("agent", "theme", "location", "time", "partner", "target", "instrument", "recipient")
EVENT_CLASSES = ("Deployment", "Agreement", "Meeting")
IRI_LIKE = st.one_of(  # a scheme, then anything: what ingest lets through, safe_iri must make an IRI
    any_text.map(lambda t: "http://example.org/" + t),
    any_text.map(lambda t: "x" + t + ":x"),
    st.text(alphabet="abcé:/?#[]@%12.-", max_size=12).map(lambda t: "http:" + t),
)


def either(valid, strategy=any_text):
    """A valid value 19 times in 20, else anything (so that most records pass the contract)."""
    return st.integers(0, 19).flatmap(lambda n: strategy if n == 0 else st.sampled_from(valid))


LINK_VALUES = st.one_of(
    st.sampled_from(["https://www.wikidata.org/entity/Q159", "https://sws.geonames.org/625144/", "urn:x:é%22"]),
    IRI_LIKE,
    either(["https://www.wikidata.org/entity/Q1"]),
)


@st.composite
def record_objects(draw) -> dict:
    """An extraction record as JSON, with an arbitrary string in every string field (half the
    time a valid value where the contract has a choice), spans inside the text and references
    that resolve."""
    text = draw(some_text)

    def span() -> list[int]:
        start = draw(st.integers(0, len(text)))
        return [start, draw(st.integers(start, len(text)))]

    ids = draw(st.lists(some_text, min_size=2, max_size=3, unique=True))
    entities = [
        {
            "id": entity_id,
            "type": draw(either(ENTITY_TYPES)),
            "label": draw(some_text),
            "aliases": draw(st.lists(any_text, max_size=2)),
            "mentions": [span()],
            "links": draw(st.dictionaries(any_text, LINK_VALUES, max_size=2)),
            "value": draw(st.one_of(st.none(), any_text)),
            "roles": draw(st.lists(any_text, max_size=1)),
        }
        for entity_id in ids
    ]
    claim = {
        "id": draw(some_text), "speaker": ids[0], "source": draw(st.sampled_from([None, ids[1]])), "cue": draw(any_text),
        "content": [span()], "quote": draw(st.booleans()), "evidence": [span()], "confidence": draw(st.floats(0, 1)),
        "polarity": draw(either(POLARITIES)),
    }
    kind = draw(st.sampled_from(["event", "relation"]))
    roles = {"subject": [ids[0]], "object": [ids[1]]} if kind == "relation" else {draw(either(ROLES)): [ids[0]], draw(either(ROLES)): ids[1:]}
    relation = {
        "id": draw(some_text), "kind": kind, "predicate": draw(any_text), "event_class": draw(st.one_of(st.none(), either(EVENT_CLASSES))),
        "arguments": roles, "evidence": [span()], "confidence": draw(st.floats(0, 1)), "polarity": draw(either(POLARITIES)),
        "modality": draw(either(MODALITIES)), "claim": draw(st.sampled_from([None, claim["id"]])), "trigger": draw(st.one_of(st.none(), st.just(span()))),
    }
    document = {
        "id": draw(some_text), "text": text, "lang": draw(either(("fr", "en", "FR-be"))),
        **{key: draw(st.one_of(st.none(), any_text)) for key in ("date", "source", "url", "title")},
    }
    return {**document, "entities": entities, "relations": [relation], "claims": [claim]}


def term_key(term) -> tuple:
    """An rdflib or Oxigraph term as one comparable value (language tags are case-insensitive;
    Oxigraph's lexical forms go through rdflib's Literal, which normalises some of them)."""
    if isinstance(term, pyoxigraph.NamedNode | URIRef):
        return ("iri", str(term.value if isinstance(term, pyoxigraph.NamedNode) else term))
    if isinstance(term, pyoxigraph.DefaultGraph) or term is None:
        return ("default",)
    if isinstance(term, pyoxigraph.Literal):
        datatype = None if term.language or term.datatype.value == str(XSD.string) else URIRef(term.datatype.value)
        term = Literal(term.value, lang=term.language, datatype=datatype)
    if isinstance(term, Literal):
        datatype = None if term.datatype in (None, XSD.string) else str(term.datatype)
        return ("literal", str(term), datatype, term.language.lower() if term.language else None)
    raise TypeError(repr(term))


def quads_by_rdflib(path: Path, fmt: str) -> set[tuple]:
    if fmt in ("turtle", "nt"):
        return {(term_key(s), term_key(p), term_key(o), ("default",)) for s, p, o in Graph().parse(path, format=fmt)}
    parsed = Dataset().parse(path, format=fmt)
    return {(term_key(s), term_key(p), term_key(o), term_key(getattr(g, "identifier", g))) for s, p, o, g in parsed.quads((None, None, None, None))}


def quads_by_oxigraph(data: bytes | Path, fmt: pyoxigraph.RdfFormat) -> set[tuple]:
    quads = pyoxigraph.parse(data, format=fmt) if isinstance(data, bytes) else pyoxigraph.parse(path=str(data), format=fmt)
    return {(term_key(q.subject), term_key(q.predicate), term_key(q.object), term_key(q.graph_name)) for q in quads}


def quads_by_rapper(path: Path, syntax: str) -> set[tuple]:
    run = subprocess.run([RAPPER, "-q", "-i", syntax, "-o", "nquads", str(path)], capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    return quads_by_oxigraph(run.stdout, pyoxigraph.RdfFormat.N_QUADS)


READ_BACK_FORMATS = {  # export name: (rdflib format, Oxigraph format, rapper syntax or None)
    "nquads": ("nquads", pyoxigraph.RdfFormat.N_QUADS, "nquads"),
    "trig": ("trig", pyoxigraph.RdfFormat.TRIG, "trig"),
    "turtle": ("turtle", pyoxigraph.RdfFormat.TURTLE, "turtle"),
    "ntriples": ("nt", pyoxigraph.RdfFormat.N_TRIPLES, "ntriples"),
    "jsonld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD, None),  # Raptor reads no JSON-LD
}


@pytest.mark.skipif(RAPPER is None and not os.environ.get("CI"), reason="rapper (Debian's raptor2-utils) is not installed; .ci/run installs it")
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(obj=record_objects())
def test_any_string_in_any_record_field_gives_the_same_quads_in_rdflib_oxigraph_and_rapper(obj):
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "records.jsonl"
        source.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
        report = InputReport()
        records = list(read_inputs([source], report=report))
        event("reported" if report.skipped else "read back")
        if report.skipped:  # a record that cannot be represented is reported, by file and line
            assert not records and [(p.source, p.line) for p in report.skipped] == [(str(source), 1)]
            return
        ctx = ExportContext(build_graph(records), rdf_options=RdfOptions(include_ontology=False))
        expected = None
        for name, (rdflib_format, ox_format, rapper_syntax) in READ_BACK_FORMATS.items():
            suffix, write = exporter(name)
            path = Path(tmp) / f"graph{suffix}"
            write(ctx, path)
            found = quads_by_oxigraph(path, ox_format)
            assert quads_by_rdflib(path, rdflib_format) == found, name
            if rapper_syntax is not None:
                assert quads_by_rapper(path, rapper_syntax) == found, name
            if name in ("nquads", "turtle"):  # the dataset, then the union of its graphs
                expected = found
            elif name == "trig" or name == "jsonld":
                assert found == quads_by_oxigraph(Path(tmp) / "graph.nq", pyoxigraph.RdfFormat.N_QUADS), name
            else:
                assert found == expected, name


def test_export_all_announces_each_file_as_its_writing_starts(tmp_path):
    from textkg.export import export_all

    seen = []
    written = export_all(
        ExportContext(build_graph(corpus())), tmp_path, ("nquads", "turtle"), on_file=lambda path, place, total: seen.append((path.name, place, total, path.exists()))
    )
    assert seen == [("graph.nq", 1, 2, False), ("graph.ttl", 2, 2, False)]
    assert [p.name for p in written] == ["graph.nq", "graph.ttl"]
