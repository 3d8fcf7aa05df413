"""The page data (textkg.export.page) and the rendered page, without a browser."""

import inspect
import json
import re

import pytest

from textkg import cli
from textkg.export.html import DEFAULT_LIMIT, VIS_DIR, HtmlOptions, HtmlOptionsError, render_html, safe_json
from textkg.export.page import page_data
from textkg.export.page.documents import Utf16, sentence_starts
from textkg.export.page.styles import CLASS_COLORS, legend
from textkg.graph import build_graph
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation

from .conftest import ROOT

EVIL = "</script><img src=x onerror=alert(1)><script>alert(2)</script>"


def span_of(text, part, start=0):
    at = text.index(part, start)
    return (at, at + len(part))


def hostile_record():
    """Article text with markup in names, a claim, an event and links of both kinds of scheme."""
    text = f"Le porte-parole {EVIL} a déclaré, selon DPA, que Paris <script> signera un accord avec Berlin. Fin."
    second = text.index("Paris")
    return ExtractionRecord(
        Document("doc<script>", text, source="Agence <b>", title="</title><script>alert(4)</script>", url="javascript:alert(7)"),
        entities=(
            Entity("e1", "Person", EVIL, mentions=(span_of(text, EVIL),)),
            Entity("e2", "Organization", "DPA", mentions=(span_of(text, "DPA"),)),
            Entity(
                "e3", "Place", "Paris", aliases=("<script>alert(5)</script>",), mentions=(span_of(text, "Paris"),),
                links={"geonames": "https://sws.geonames.org/2988507/", "other": "javascript:alert(3)"},
            ),
            Entity("e4", "Place", "Berlin", mentions=(span_of(text, "Berlin"),)),
        ),
        relations=(
            Relation(
                "r1", "event", "signer", {"agent": ("e3",), "partner": ("e4",)}, ((second, text.index(" Fin")),), 0.7,
                claim="c1", modality="future", trigger=span_of(text, "signera"),
            ),
            Relation("r2", "relation", "rencontrer", {"subject": ("e3",), "object": ("e4",)}, ((second, text.index(" Fin")),), 0.4),
        ),
        claims=(Claim("c1", "e1", "e2", "a déclaré", ((second, text.index(" Fin")),), False, ((0, text.index(" Fin")),), 0.8),),
    )


def hostile_graph():
    return build_graph([hostile_record()])


def chain_graph(entities, docs=3):
    """``entities`` entities in ``docs`` documents, each linked to the next by a binary relation;
    entity i is mentioned (i % 5) + 1 times."""
    records = []
    per_doc = -(-entities // docs)
    for d in range(docs):
        names = [f"Nom{i:05d}" for i in range(d * per_doc, min(entities, (d + 1) * per_doc))]
        sentences = [f"{name} " * ((int(name[3:]) % 5) + 1) + "parle." for name in names]
        text = " ".join(sentences)
        ents, rels, at = [], [], 0
        for k, (name, sentence) in enumerate(zip(names, sentences)):
            mentions = tuple((at + j * (len(name) + 1), at + j * (len(name) + 1) + len(name)) for j in range((int(name[3:]) % 5) + 1))
            ents.append(Entity(f"e{k}", "Person" if k % 2 else "Organization", name, mentions=mentions))
            if k:
                rels.append(Relation(f"r{k}", "relation", "suivre", {"subject": (f"e{k - 1}",), "object": (f"e{k}",)}, ((at, at + len(sentence)),), 0.5))
            at += len(sentence) + 1
        records.append(ExtractionRecord(Document(f"d{d}", text), tuple(ents), tuple(rels)))
    return build_graph(records, merge_across=False)




def test_safe_json_cannot_close_a_script_and_round_trips():
    encoded = safe_json({"x": EVIL + "\u2028&<!--"})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"x": EVIL + "\u2028&<!--"}


def embedded_data(page):
    return json.loads(re.search(r'<script id="textkg-data" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_page_has_no_network_reference_and_no_injected_markup():
    page = render_html(hostile_graph(), title="<script>alert(6)</script>")
    own = page.replace((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"), "")
    assert "<img" not in own and "alert(6)</script>" not in own
    assert own.count("<script") == 3  # vis-network, the JSON data, our code
    assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", own)
    assert "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'" in page
    assert ".innerHTML" not in own and "insertAdjacentHTML" not in own and "document.write" not in own
    parsed = embedded_data(page)
    assert EVIL in [e["label"] for e in parsed["entities"]]
    assert parsed["documents"][0]["text"].startswith("Le porte-parole </script>")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M. Moreau a parlé. La France signe ! « Fin »", ["M. Moreau a parlé. ", "La France signe ! ", "« Fin »"]),
        ("J. Biden parle.\nOui? Non.", ["J. Biden parle.\n", "Oui? ", "Non."]),
        ("Il a 3.5 millions d'euros. 2023 fut dure.", ["Il a 3.5 millions d'euros. ", "2023 fut dure."]),
        ("Mme Dupont et le Dr. Who arrivent.", ["Mme Dupont et le Dr. Who arrivent."]),
    ],
)
def test_sentence_starts(text, expected):
    starts = sentence_starts(text) + [len(text)]
    assert [text[a:b] for a, b in zip(starts, starts[1:])] == expected


def utf16_slice(text, start, end):
    """What JavaScript's text.slice(start, end) gives, computed in Python."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


@pytest.mark.parametrize(
    "text",
    ["😀😀😀😀. Olaf Scholz a parlé.", "𝐋𝐞 𝐦𝐢𝐧𝐢𝐬𝐭𝐫𝐞 Olaf Scholz 🇩🇪 parle à Berlin 😀.", "Sans caractère astral : Olaf Scholz."],
)
def test_offsets_become_utf16_offsets_that_slice_the_same_text(text):
    to_utf16 = Utf16.of(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert utf16_slice(text, *to_utf16.span((start, end))) == text[start:end]


def astral_graph():
    text = "😀😀😀😀. Olaf Scholz rencontre 𝐌𝐚𝐜𝐫𝐨𝐧 à Berlin."
    return build_graph(
        [
            ExtractionRecord(
                Document("emoji", text),
                entities=(
                    Entity("e1", "Person", "Olaf Scholz", mentions=(span_of(text, "Olaf Scholz"),)),
                    Entity("e2", "Person", "𝐌𝐚𝐜𝐫𝐨𝐧", mentions=(span_of(text, "𝐌𝐚𝐜𝐫𝐨𝐧"),)),
                ),
                relations=(Relation("r1", "event", "rencontrer", {"agent": ("e1",), "partner": ("e2",)}, ((6, len(text)),), 0.8, trigger=span_of(text, "rencontre")),),
            )
        ]
    )


def test_page_offsets_slice_javascript_strings_after_astral_characters():
    data = page_data(astral_graph(), overview=10)
    text = data["documents"][0]["text"]
    assert {e["label"]: [utf16_slice(text, s, t) for _, s, t in e["mentions"]] for e in data["entities"]} == {
        "Olaf Scholz": ["Olaf Scholz"],
        "𝐌𝐚𝐜𝐫𝐨𝐧": ["𝐌𝐚𝐜𝐫𝐨𝐧"],
    }
    (event,) = data["events"]
    (occurrence,) = event["occurrences"]
    assert utf16_slice(text, *occurrence["trigger"]) == "rencontre"
    assert utf16_slice(text, *occurrence["evidence"][0]).startswith("Olaf Scholz")
    assert [utf16_slice(text, start, start + 4) for start in data["documents"][0]["sentences"]] == ["😀😀", "Olaf"]


def test_facts_are_labelled_by_what_they_say():
    data = page_data(hostile_graph(), overview=10)
    (event,) = data["events"]
    assert event["label"] == "Paris – signer – Berlin"
    assert event["claimed"] and event["modality"] == "future" and "polarity" not in event  # positive is the default
    (claim,) = data["claims"]
    assert claim["label"] == f"{EVIL}: « Paris <script> signera un accord avec Berlin. »"
    assert claim["speakers"] and claim["sources"] and claim["reports"] == [event["id"]]
    (relation,) = data["relations"]
    assert relation["predicate"] == "rencontrer" and "claimed" not in relation and len(relation["occurrences"]) == 1


def repeated_records():
    """The same relation and event told in three documents, about Concepts worded three ways."""
    records = []
    for number, concept in enumerate(("voitures", "voiture", "Voiture rouge")):
        text = f"La police retrouve les {concept} à Lyon. Fin."
        records.append(
            ExtractionRecord(
                Document(f"d{number}", text, date=f"2023-05-0{number + 1}"),
                entities=(
                    Entity("e1", "Concept", "police", mentions=(span_of(text, "police"),)),
                    Entity("e2", "Concept", concept, mentions=(span_of(text, concept),)),
                    Entity("e3", "City", "Lyon", mentions=(span_of(text, "Lyon"),)),
                ),
                relations=(
                    Relation("r1", "event", "retrouver", {"agent": ("e1",), "theme": ("e2",)}, ((0, text.index(" Fin")),), 0.7),
                    Relation("r2", "relation", "located in", {"subject": ("e2",), "object": ("e3",)}, ((0, text.index(" Fin")),), 0.5 + number / 10),
                ),
            )
        )
    return records


def test_concepts_fold_by_head_lemma_and_repeated_facts_are_one_item_with_all_tellings():
    kg = build_graph(repeated_records())
    assert sum(1 for _, d in kg.nodes_of_kind("entity") if d["type"] == "Concept") == 6
    data = page_data(kg, overview=10)
    concepts = {e["label"]: e for e in data["entities"] if e["type"] == "Concept"}
    assert set(concepts) == {"police", "voiture"}
    assert concepts["voiture"]["members"] == 3 and concepts["voiture"]["aliases"] == ["Voiture rouge", "voitures"]
    assert [m[0] for m in concepts["voiture"]["mentions"]] == [0, 1, 2]
    (event,) = data["events"]
    assert event["label"] == "police – retrouver – voiture"
    assert [o["doc"] for o in event["occurrences"]] == [0, 1, 2]
    assert [o["date"] for o in event["occurrences"]] == ["2023-05-01", "2023-05-02", "2023-05-03"]  # the documents' dates
    (relation,) = data["relations"]
    assert relation["subject"] == concepts["voiture"]["id"] and len(relation["occurrences"]) == 3
    assert relation["confidence"] == 0.7  # the highest of its tellings


def test_an_event_is_dated_by_its_time_role():
    text = "Le 5 mai 2021, Lyon vote."
    record = ExtractionRecord(
        Document("d", text, date="2023-01-01"),
        entities=(
            Entity("e1", "Date", "5 mai 2021", mentions=(span_of(text, "5 mai 2021"),), value="2021-05-05"),
            Entity("e2", "City", "Lyon", mentions=(span_of(text, "Lyon"),)),
        ),
        relations=(Relation("r1", "event", "voter", {"agent": ("e2",), "time": ("e1",)}, ((0, len(text)),), 0.7),),
    )
    (event,) = page_data(build_graph([record]), overview=10)["events"]
    assert event["label"] == "Lyon – voter · 5 mai 2021" and event["occurrences"][0]["date"] == "2021-05-05"


def test_mention_kinds_reach_the_page_when_the_graph_has_them():
    kg = hostile_graph()
    graph = kg.graph.copy()
    paris = next(n for n, d in graph.nodes(data=True) if d.get("label") == "Paris")
    before = list(kg.graph.nodes[paris]["mention_kinds"])  # a record without kinds: [None]
    graph.nodes[paris]["mention_kinds"] = ["name"]
    with_kinds = page_data(type(kg)(graph, kg.documents), overview=10)
    without = page_data(kg, overview=10)
    assert next(e for e in with_kinds["entities"] if e["id"] == paris)["mentions"][0][3] == "name"
    assert all(len(m) == 3 for e in without["entities"] for m in e["mentions"])
    assert kg.graph.nodes[paris]["mention_kinds"] == before == [None]  # the caller's graph is untouched


def test_every_broad_class_has_its_own_colour_and_kinds_have_shapes():
    colours = list(CLASS_COLORS.values())
    assert len(set(colours)) == len(colours)
    entries = legend(["Person", "Organization", "Place", "Product", "Date", "Misc", "Concept", "Event", "Claim", "Vehicle", "Software"])
    assert len({e["color"] for e in entries}) == len(entries)
    assert {e["name"]: e["shape"] for e in entries if e["name"] in ("Person", "Event", "Claim")} == {"Person": "dot", "Event": "diamond", "Claim": "hexagon"}


def test_the_overview_starts_with_the_limit_and_concepts_fold_at_corpus_scale():
    assert page_data(chain_graph(40), overview=10)["settings"] == {"overview": 10, "foldConcepts": False}
    many = build_graph(repeated_records() + [ExtractionRecord(Document(f"x{i}", "Texte.")) for i in range(10)])
    assert page_data(many, overview=5)["settings"]["foldConcepts"] is True


@pytest.mark.parametrize(("options", "name"), [({"limit": 0}, "limit"), ({"limit": "10"}, "limit"), ({"limit": True}, "limit")])
def test_html_options_are_validated(options, name):
    with pytest.raises(HtmlOptionsError, match=name):
        HtmlOptions(**options)


def test_cli_default_is_the_exporter_default():
    assert inspect.signature(cli.build).parameters["html_limit"].default == DEFAULT_LIMIT


def test_build_passes_html_options_to_the_page(tmp_path):
    from textkg.api import build

    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(hostile_record().to_json()) + "\n", encoding="utf-8")
    build([records], output_dir=tmp_path / "out", formats=["html"], html_options={"limit": 3, "title": "Corpus"})
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert embedded_data(page)["settings"]["overview"] == 3
    assert "<title>Corpus</title>" in page


def test_cli_rejects_a_non_positive_html_limit(tmp_path):
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, ["build", str(tmp_path / "none.txt"), "--output-dir", str(tmp_path), "--html-limit", "0"])
    assert result.exit_code == 2 and "--html-limit" in result.output


SCREENSHOTS = ("screenshot", "view-overview", "view-neighbourhood", "view-document", "view-claims", "view-timeline")


@pytest.mark.parametrize("name", SCREENSHOTS)
def test_readme_shows_committed_screenshots(name):
    committed = ROOT / "docs" / f"{name}.png"
    assert committed.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and committed.stat().st_size < 300_000
    assert f"](docs/{name}.png)" in (ROOT / "README.md").read_text(encoding="utf-8")
