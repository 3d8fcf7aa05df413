"""The graph page in a real headless Chromium: offline, drawn, clickable, searchable, inert text."""

import unicodedata
from dataclasses import replace

import pytest

from textkg.export.html import render_html
from textkg.graph import build_graph

from .chromium import click_node, open_page, require_chromium
from .conftest import ROOT
from .test_html import EVIL, chain_graph, hostile_graph, hostile_record

SCREENSHOT = ROOT / "output" / "screenshot.png"  # docs/screenshot.png is a committed copy


@pytest.fixture(autouse=True)
def chromium():
    require_chromium()


def write_page(tmp_path, kg, **options):
    path = tmp_path / "graph.html"
    path.write_text(render_html(kg, **options), encoding="utf-8")
    return path


def assert_clean(visit, path):
    assert visit.console_errors == []
    assert visit.blocked == [] and visit.requests == [path.resolve().as_uri()]


def panel(page):
    return page.inner_text("#detail")


@pytest.fixture(scope="module")
def sample_page(sample_build):
    _, out = sample_build
    return out / "graph.html"


@pytest.mark.model
def test_sample_page_loads_offline_draws_and_shows_evidence(sample_page, tmp_path):
    with open_page(sample_page, tmp_path / "profile") as visit:
        page = visit.page
        drawn = page.evaluate("window.textkg.visibleNodes().length")
        assert drawn == page.evaluate("Object.keys(window.textkg.nodes).length") > 10
        # the canvas holds the drawing: many distinct colours, not a blank area
        colours = page.evaluate(
            """() => { const c = document.querySelector('#graph canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                       const seen = new Set(); for (let i = 0; i < d.length; i += 400) seen.add(d[i] + ',' + d[i+1] + ',' + d[i+2]); return seen.size; }"""
        )
        assert colours > 20

        data = page.evaluate("JSON.parse(document.getElementById('textkg-data').textContent)")
        top = min((n for n in data["nodes"] if n["kind"] == "entity"), key=lambda n: n["rank"])
        click_node(page, top["id"])
        assert page.inner_text("#detail h2") == top["label"]
        text = data["documents"][0]["text"]
        mentions = data["details"][top["id"]]["mentions"]
        assert page.eval_on_selector_all("#detail .evidence mark", "ms => ms.map(m => m.textContent)") == [
            text[a:b] for _, _, _, marks in mentions for a, b in marks
        ]
        page.click("#fit")
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))  # the whole graph, with the top entity's evidence in the panel

        event = next(n for n in data["nodes"] if n["kind"] == "event")
        click_node(page, event["id"])
        shown = panel(page)
        details = data["details"][event["id"]]
        for field in ("polarity", "modality", "confidence"):
            assert f"{field}\n{details[field]}" in shown
        first = details["evidence"][0]
        assert text[first[1] : first[2]].strip() in shown
        assert_clean(visit, sample_page)


@pytest.mark.model
def test_search_ignores_accents_and_case(sample_page, tmp_path):
    with open_page(sample_page, tmp_path / "profile") as visit:
        page = visit.page
        data = page.evaluate("JSON.parse(document.getElementById('textkg-data').textContent)")
        accented = [n for n in data["nodes"] if n["kind"] == "entity" and n["label"].isascii() is False]
        target = min(accented, key=lambda n: n["rank"])
        folded = "".join(c for c in unicodedata.normalize("NFD", target["label"]) if not unicodedata.combining(c)).upper()
        page.fill("#search", folded)
        assert target["label"] in page.inner_text("#results")
        page.press("#search", "Enter")
        assert page.inner_text("#detail h2") == target["label"]
        assert page.evaluate("window.textkg.network.getSelectedNodes()") == [target["id"]]
        assert_clean(visit, sample_page)


def test_article_markup_shows_as_text_and_never_runs(tmp_path):
    path = write_page(tmp_path, hostile_graph(), title="<script>alert(6)</script>")
    with open_page(path, tmp_path / "profile") as visit:
        page = visit.page
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.scripts.length") == 3
        assert page.title() == "<script>alert(6)</script>"
        page.fill("#search", "onerror")
        page.press("#search", "Enter")
        assert page.inner_text("#detail h2") == EVIL
        assert page.eval_on_selector_all("#detail mark", "ms => ms.map(m => m.textContent)") == [EVIL]
        assert "</title><script>alert(4)</script>" in panel(page)  # the document's title, as text
        page.fill("#search", "paris")
        page.press("#search", "Enter")
        assert "<script>alert(5)</script>" in panel(page)
        assert page.eval_on_selector_all("#detail a", "as => as.map(a => a.href)") == ["https://sws.geonames.org/2988507/"]
        assert "javascript:alert(3)" in panel(page)
        page.fill("#search", EVIL[:12])
        page.press("#search", "Enter")
        assert page.evaluate("document.querySelectorAll('a[href^=javascript]').length") == 0
        event = page.evaluate("Object.values(window.textkg.nodes).find(n => n.kind === 'event').id")
        click_node(page, event)
        shown = panel(page)
        assert "claimed" in shown and "speaker" in shown and "modality\nfuture" in shown
        assert visit.dialogs == []
        assert_clean(visit, path)


def test_large_graph_is_laid_out_beforehand_and_shows_the_top_entities_first(tmp_path):
    path = write_page(tmp_path, chain_graph(300), layout_threshold=100, limit=50)
    with open_page(path, tmp_path / "profile") as visit:
        page = visit.page
        assert page.evaluate("window.textkg.network.physics.options.enabled") is False
        assert page.inner_text("#count") == "50 of 300 entities"
        ranks = page.evaluate("window.textkg.visibleNodes().map(id => window.textkg.nodes[id].rank)")
        assert sorted(ranks) == list(range(50))
        # drawn where Python put them
        placed = page.evaluate("(() => { const n = window.textkg.nodes[window.textkg.visibleNodes()[0]]; return [n.x, n.y, window.textkg.network.getPositions([n.id])[n.id]]; })()")
        assert abs(placed[2]["x"] - placed[0]) <= 1 and abs(placed[2]["y"] - placed[1]) <= 1  # vis rounds positions
        page.click("#more")
        assert page.inner_text("#count") == "100 of 300 entities"
        page.click("#all")
        assert page.inner_text("#count") == "300 of 300 entities"
        labels = "(() => { const e = window.textkg.network.body.edges; const id = Object.keys(e)[0]; return [e[id].options.label, e[id].options.font.size]; })()"
        assert page.evaluate(labels) == [None, 0]  # large graphs start without edge labels
        page.check("#edge-labels")
        assert page.evaluate(labels) == ["suivre", 10]
        page.click("#physics")
        assert page.evaluate("window.textkg.network.physics.options.enabled") is True
        page.click("#fit")
        assert_clean(visit, path)


def test_filters_hide_by_type_confidence_and_status(tmp_path):
    record = hostile_record()
    article = "https://example.org/a?b=<c>"
    path = write_page(tmp_path, build_graph([replace(record, document=replace(record.document, url=article))]))
    with open_page(path, tmp_path / "profile") as visit:
        page = visit.page

        def kinds():
            return sorted(page.evaluate("window.textkg.visibleNodes().map(id => window.textkg.nodes[id].category)"))

        assert kinds() == ["Claim", "Event", "Organization", "Person", "Place", "Place"]
        page.select_option("#status", "asserted")  # only the asserted relation remains, with its two ends
        assert kinds() == ["Place", "Place"]
        page.select_option("#status", "all")
        page.fill("#confidence", "0.75")
        page.dispatch_event("#confidence", "input")
        assert kinds() == ["Claim", "Organization", "Person"]
        page.fill("#confidence", "0")
        page.dispatch_event("#confidence", "input")
        page.fill("#search", "berlin")
        page.press("#search", "Enter")
        assert page.eval_on_selector_all("#detail a", "as => as.map(a => a.href)") == ["https://example.org/a?b=%3Cc%3E"] * 2  # documents, mention
        page.uncheck("#legend label:has-text('Place') input")
        assert "Place" not in kinds()
        assert_clean(visit, path)


def test_missing_browser_skips_but_fails_under_ci(monkeypatch, tmp_path):
    from . import chromium

    monkeypatch.setattr(chromium, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium is missing"):
        chromium.require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run under CI"):
        chromium.require_chromium()
