import inspect
import json
import re

import pytest

from textkg import cli
from textkg.export.html import (
    DEFAULT_LAYOUT_THRESHOLD,
    DEFAULT_LIMIT,
    VIS_DIR,
    HtmlOptions,
    HtmlOptionsError,
    page_data,
    render_html,
    safe_json,
    sentence_starts,
)
from textkg.graph import build_graph
from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation

from .conftest import ROOT

EVIL = "</script><img src=x onerror=alert(1)><script>alert(2)</script>"


def span_of(text, part, start=0):
    at = text.index(part, start)
    return (at, at + len(part))


def hostile_record():
    """Article text with markup in names, a claim, an event and links of both kinds of scheme."""
    text = f"Le porte-parole {EVIL} a déclaré, selon Reuters, que Paris <script> signera un accord avec Berlin. Fin."
    second = text.index("Paris")
    return ExtractionRecord(
        Document("doc<script>", text, source="Agence <b>", title="</title><script>alert(4)</script>", url="javascript:alert(7)"),
        entities=(
            Entity("e1", "Person", EVIL, mentions=(span_of(text, EVIL),)),
            Entity("e2", "Organization", "Reuters", mentions=(span_of(text, "Reuters"),)),
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


def test_page_has_no_network_reference_and_no_injected_markup():
    page = render_html(hostile_graph(), title="<script>alert(6)</script>")
    own = page.replace((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"), "")
    assert "<img" not in own and "alert(6)</script>" not in own
    assert own.count("<script") == 3  # vis-network, the JSON data, our code
    assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", own)
    assert "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'" in page
    data = re.search(r'<script id="textkg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    parsed = json.loads(data)
    assert EVIL in [n["label"] for n in parsed["nodes"]]
    assert parsed["documents"][0]["text"].startswith("Le porte-parole </script>")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M. Poutine a parlé. La Russie signe ! « Fin »", ["M. Poutine a parlé. ", "La Russie signe ! ", "« Fin »"]),
        ("J. Biden parle.\nOui? Non.", ["J. Biden parle.\n", "Oui? ", "Non."]),
        ("Il a 3.5 millions d'euros. 2023 fut dure.", ["Il a 3.5 millions d'euros. ", "2023 fut dure."]),
        ("Mme Dupont et le Dr. Who arrivent.", ["Mme Dupont et le Dr. Who arrivent."]),
    ],
)
def test_sentence_starts(text, expected):
    starts = sentence_starts(text) + [len(text)]
    assert [text[a:b] for a, b in zip(starts, starts[1:])] == expected


def test_mentions_are_cut_to_their_sentence_and_highlighted():
    kg = hostile_graph()
    data = page_data(kg)
    text = data["documents"][0]["text"]
    paris = next(n for n in data["nodes"] if n["label"] == "Paris")
    (mention,) = data["details"][paris["id"]]["mentions"]
    doc, start, end, marks = mention
    assert text[start:end] == text[: text.index(" Fin")] + " "
    assert [text[a:b] for a, b in marks] == ["Paris"]
    event = next(n for n in data["nodes"] if n["kind"] == "event")
    (evidence,) = data["details"][event["id"]]["evidence"]
    assert [text[a:b] for a, b in evidence[3]] == ["Paris", "signera", "Berlin"]
    assert event["claimed"] and event["shapeProperties"] == {"borderDashes": [4, 3]}
    relation = next(e for e in data["edges"] if e["kind"] == "relation")
    assert "dashes" not in relation and relation["pred"] == "rencontrer" and data["details"][relation["id"]]["confidence"] == 0.4
    claim_edges = [e for e in data["edges"] if e["kind"] == "role" and data["details"].get(e["from"], {}).get("cue")]
    assert {e["label"] for e in claim_edges} == {"speaker", "source", "reports"} and all(e["dashes"] for e in claim_edges)


def test_small_graphs_use_browser_physics_and_large_ones_get_positions():
    small = page_data(chain_graph(30), HtmlOptions(layout_threshold=31))
    assert not small["settings"]["large"] and not any("x" in n for n in small["nodes"])
    large = page_data(chain_graph(30), HtmlOptions(layout_threshold=30))
    assert large["settings"]["large"] and all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in large["nodes"])
    assert page_data(chain_graph(30), HtmlOptions(layout_threshold=30))["nodes"] == large["nodes"]  # deterministic


def test_entities_are_ranked_by_mentions_for_the_limit():
    data = page_data(chain_graph(40), HtmlOptions(limit=10))
    assert data["settings"] == {"large": False, "limit": 10, "entities": 40}
    ranked = sorted((n for n in data["nodes"] if n["kind"] == "entity"), key=lambda n: n["rank"])
    counts = [len(data["details"][n["id"]]["mentions"]) for n in ranked]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5
    sizes = [n["size"] for n in ranked]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]


@pytest.mark.parametrize(("options", "name"), [({"limit": 0}, "limit"), ({"layout_threshold": -5}, "layout_threshold"), ({"limit": "10"}, "limit"), ({"limit": True}, "limit")])
def test_html_options_are_validated(options, name):
    with pytest.raises(HtmlOptionsError, match=name):
        HtmlOptions(**options)


def test_cli_defaults_are_the_exporter_defaults():
    parameters = inspect.signature(cli.build).parameters
    assert parameters["html_limit"].default == DEFAULT_LIMIT
    assert parameters["html_layout_threshold"].default == DEFAULT_LAYOUT_THRESHOLD


def embedded_data(page):
    return json.loads(re.search(r'<script id="textkg-data" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_build_passes_html_options_to_the_page(tmp_path):
    from textkg.api import build

    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(hostile_record().to_json()) + "\n", encoding="utf-8")
    build([records], output_dir=tmp_path / "out", formats=["html"], html_options={"limit": 1, "layout_threshold": 2, "title": "Corpus"})
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert embedded_data(page)["settings"] == {"large": True, "limit": 1, "entities": 4}
    assert "<title>Corpus</title>" in page


@pytest.mark.parametrize("option", ["--html-limit", "--html-layout-threshold"])
def test_cli_rejects_a_non_positive_html_option(tmp_path, option):
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, ["build", str(tmp_path / "none.txt"), "--output-dir", str(tmp_path), option, "0"])
    assert result.exit_code == 2 and option in result.output


def test_readme_shows_a_committed_screenshot():
    committed = ROOT / "docs" / "screenshot.png"
    assert committed.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and committed.stat().st_size < 400_000
    assert "](docs/screenshot.png)" in (ROOT / "README.md").read_text(encoding="utf-8")
