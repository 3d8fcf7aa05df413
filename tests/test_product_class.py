"""The Product class and its subclasses are known to the records, the ontology, the SHACL
shapes, the RDF export and the page's legend."""

from rdflib import RDFS, Graph, Namespace, URIRef

from textkg.export.page.styles import CLASS_COLORS, legend
from textkg.export.rdf import ENTITY_CLASSES
from textkg.language.files import ontology_dir
from textkg.records import ENTITY_TYPES, broad_type

TK = Namespace("https://w3id.org/textkg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = "https://schema.org/"


def test_vehicles_equipment_and_weapons_are_products():
    assert {"Product", "Vehicle", "Equipment", "WeaponSystem"} <= set(ENTITY_TYPES)
    assert [broad_type(t) for t in ("Vehicle", "Equipment", "WeaponSystem", "Product")] == ["Product"] * 4


def test_the_ontology_declares_the_product_classes_with_both_labels():
    onto = Graph().parse(ontology_dir() / "textkg.ttl")
    closure = {c: set(onto.transitive_objects(TK[c], RDFS.subClassOf)) for c in ("Vehicle", "Equipment", "WeaponSystem")}
    assert all(TK.Product in supers for supers in closure.values())
    assert URIRef(SCHEMA + "Vehicle") in closure["Vehicle"] and URIRef(SCHEMA + "Product") in closure["Vehicle"]
    for cls in ("Product", "Vehicle"):
        for prop in (RDFS.label, RDFS.comment):
            assert {o.language for o in onto.objects(TK[cls], prop)} >= {"fr", "en"}


def test_the_shapes_target_products_and_the_export_and_legend_know_them():
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    assert (None, SH.targetClass, TK.Product) in shapes
    assert ENTITY_CLASSES["Product"] == TK.Product and ENTITY_CLASSES["Vehicle"] == TK.Vehicle
    assert "Product" in CLASS_COLORS
    assert [e["name"] for e in legend(["Product", "Person"])] == ["Person", "Product"]
