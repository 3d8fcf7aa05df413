"""Small pages in a real headless Chromium: offline, drawn, clickable, searchable, inert text, and
highlights that stay right after emoji (the corpus views are tested in test_html_explorer.py)."""

import re
import unicodedata
from dataclasses import replace

import pytest

from textkg.export.html import render_html
from textkg.graph import build_graph

from .chromium import browser, click_node, open_page, require_chromium, settled, visit
from .conftest import ROOT
from .language import resources
from .test_html import EVIL, hostile_graph, hostile_record, repeated_records

SCREENSHOT = ROOT / "output" / "screenshot.png"  # docs/screenshot.png is a committed copy
# a lone high surrogate not followed by a low one, or a low one without its high one before it
LONE_SURROGATE = re.compile(r"[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")


@pytest.fixture(autouse=True)
def chromium():
    require_chromium()


def write_page(tmp_path, kg, **options):
    path = tmp_path / "graph.html"
    path.write_text(render_html(kg, **options), encoding="utf-8")
    return path


def assert_clean(found, path):
    assert found.console_errors == []
    assert found.blocked == [] and found.requests == [path.resolve().as_uri()]


def panel(page):
    return page.inner_text("#detail")


def marks(page, selector="#detail .evidence mark"):
    return page.eval_on_selector_all(selector, "ms => ms.map(m => m.textContent)")


def search(page, query):
    page.fill("#search", query)
    settled(page, lambda: page.press("#search", "Enter"))


@pytest.fixture(scope="module")
def sample_page(sample_build):
    _, out = sample_build
    return out / "graph.html"


@pytest.mark.model
def test_sample_page_loads_offline_draws_and_shows_evidence(sample_page, tmp_path):
    with open_page(sample_page, tmp_path / "profile", width=1280, height=800) as found:  # a screenshot under 300 KB
        page = found.page
        assert page.get_attribute("body", "data-view") == "document"  # one article opens beside its text
        drawn = set(page.evaluate("window.textkg.drawn()"))
        items = page.evaluate("(() => { const d = window.textkg.model.data; return d.entities.concat(d.events, d.claims).map(x => x.id); })()")
        assert drawn >= set(items) and len(items) > 10
        colours = page.evaluate(
            """() => { const c = document.querySelector('#graph canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                       const seen = new Set(); for (let i = 0; i < d.length; i += 400) seen.add(d[i] + ',' + d[i+1] + ',' + d[i+2]); return seen.size; }"""
        )
        assert colours > 20
        top = page.evaluate("window.textkg.graph().nodes.reduce((a, b) => (b.value > a.value ? b : a)).item.id")
        click_node(page, top)
        label = page.evaluate("(id) => window.textkg.model.get(id).label", top)
        assert page.inner_text("#detail h2") == label
        expected = page.evaluate(
            "(id) => { const m = window.textkg.model; return m.get(id).mentions.slice(0, 10).map(x => m.documents[x[0]].text.slice(x[1], x[2])); }", top
        )
        assert marks(page) == expected and expected
        page.click("#fit")
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))  # the whole article's graph, the top entity's evidence in the panel

        event = page.evaluate("window.textkg.model.data.events[0]")
        click_node(page, event["id"])
        shown = panel(page)
        assert page.inner_text("#detail h2") == event["label"]
        for field in ("modality", "confidence"):
            assert f"{field}\n{event.get(field, 'asserted')}" in shown
        assert_clean(found, sample_page)


@pytest.mark.model
def test_search_ignores_accents_and_case_and_opens_the_neighbourhood(sample_page, tmp_path):
    with open_page(sample_page, tmp_path / "profile") as found:
        page = found.page
        target = page.evaluate(
            "window.textkg.model.entities.filter(e => /[^\\x00-\\x7f]/.test(e.label) && e.facts.length).sort((a, b) => b.facts.length - a.facts.length)[0]"
        )
        folded = "".join(c for c in unicodedata.normalize("NFD", target["label"]) if not unicodedata.combining(c)).upper()
        page.fill("#search", folded)
        assert target["label"] in page.inner_text("#results")
        settled(page, lambda: page.press("#search", "Enter"))
        assert page.get_attribute("body", "data-view") == "neighbourhood"
        assert page.inner_text("#detail h2") == target["label"]
        assert page.evaluate("window.textkg.network.getSelectedNodes()") == [target["id"]]
        assert_clean(found, sample_page)


def test_article_markup_shows_as_text_and_never_runs(tmp_path):
    path = write_page(tmp_path, hostile_graph(), title="<script>alert(6)</script>")
    with open_page(path, tmp_path / "profile") as found:
        page = found.page
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.scripts.length") == 3
        assert page.title() == "<script>alert(6)</script>"
        search(page, "onerror")
        assert page.inner_text("#detail h2") == EVIL
        assert marks(page) == [EVIL]
        assert "</title><script>alert(4)</script>" in panel(page)  # the document's title, as text
        search(page, "paris")
        assert "<script>alert(5)</script>" in panel(page)
        assert page.eval_on_selector_all("#detail a", "as => as.map(a => a.href)") == ["https://sws.geonames.org/2988507/"]
        assert "javascript:alert(3)" in panel(page)
        event = page.evaluate("window.textkg.model.data.events[0].id")
        page.click("#detail button.link:has-text('signer')")
        assert page.evaluate("window.textkg.panelShows()") == event
        shown = panel(page)
        assert "claimed" in shown and "modality\nfuture" in shown
        settled(page, lambda: page.click("#detail .evidence button.doc"))  # the article, whole
        assert page.inner_text("#reader .reader-text").startswith("Le porte-parole </script><img")
        assert page.evaluate("document.querySelectorAll('a[href^=javascript]').length") == 0
        settled(page, lambda: page.click("#tabs button[data-view=claims]"))
        assert EVIL in page.inner_text("#claims-view tbody")
        assert found.dialogs == []
        assert_clean(found, path)


def test_filters_hide_by_type_confidence_and_status(tmp_path):
    record = hostile_record()
    article = "https://example.org/a?b=<c>"
    path = write_page(tmp_path, build_graph([replace(record, document=replace(record.document, url=article))]))
    with open_page(path, tmp_path / "profile") as found:
        page = found.page

        def classes():
            return sorted(page.evaluate("window.textkg.graph().nodes.map(n => n.item.broad || n.item.kind)"))

        settled(page, lambda: page.click("#tabs button[data-view=overview]"))
        assert classes() == ["Organization", "Person", "Place", "Place"]
        settled(page, lambda: page.select_option("#status", "asserted"))  # only the asserted relation remains
        assert classes() == ["Place", "Place"]
        settled(page, lambda: page.select_option("#status", "all"))
        page.fill("#confidence", "0.75")
        settled(page, lambda: page.dispatch_event("#confidence", "change"))
        assert classes() == ["Organization", "Person"]  # the claim (0.8) links its speaker and source
        page.fill("#confidence", "0")
        settled(page, lambda: page.dispatch_event("#confidence", "change"))
        search(page, "berlin")
        assert page.eval_on_selector_all("#detail a", "as => as.map(a => a.href)") == []  # the article's link is in the reader
        settled(page, lambda: page.click("#detail .evidence button.doc >> nth=0"))
        assert page.eval_on_selector_all("#reader a", "as => as.map(a => a.href)") == ["https://example.org/a?b=%3Cc%3E"]
        settled(page, lambda: page.uncheck("#legend input[data-class=Place]"))
        assert "Place" not in classes()
        assert_clean(found, path)


def test_the_timeline_counts_documents_by_their_date_and_a_day_limits_every_view(tmp_path):
    path = write_page(tmp_path, build_graph(repeated_records()))
    with open_page(path, tmp_path / "profile") as found:
        page = found.page
        settled(page, lambda: page.click("#tabs button[data-view=timeline]"))
        bars = page.eval_on_selector_all("#timeline-view g.bucket", "gs => gs.map(g => g.getAttribute('aria-label'))")
        assert bars == [f"2023-05-0{day}: 1 document, 1 event" for day in (1, 2, 3)]  # days: the dates span three
        settled(page, lambda: page.click("#timeline-view g.bucket[data-period='2023-05-02']"))
        assert page.input_value("#date-from") == page.input_value("#date-to") == "2023-05-02"
        assert "Range: 2023-05-02 to 2023-05-02" in page.inner_text("#timeline-view")
        settled(page, lambda: page.click("#tabs button[data-view=documents]"))
        assert page.eval_on_selector_all("#documents-view tbody tr td:first-child", "tds => tds.map(td => td.textContent)") == ["d1"]
        settled(page, lambda: page.click("#tabs button[data-view=overview]"))
        search(page, "voiture")
        shown = page.inner_text("#detail")
        assert "DOCUMENTS (1)\nd1, 2023-05-02" in shown and "MENTIONS (1)" in shown  # of its three documents, the one in range
        assert "2 tellings hidden by the filters" not in page.inner_text("#detail")
        page.click("#detail button.link:has-text('retrouver')")
        assert "2 tellings hidden by the filters" in page.inner_text("#detail")
        assert_clean(found, path)


ASTRAL = (
    "😀😀😀😀. Olaf Scholz a rencontré Emmanuel Macron à Berlin lundi. "
    "𝐋𝐞 𝐜𝐡𝐚𝐧𝐜𝐞𝐥𝐢𝐞𝐫 Olaf Scholz a déclaré à DPA que l'Allemagne soutiendrait la France. "
    + "🇩🇪" * 150 + " Emmanuel Macron a salué Olaf Scholz à Paris."
)


@pytest.mark.model
def test_highlights_stay_right_after_astral_characters(fr_nlp, tmp_path):
    """Offsets are code points in Python and UTF-16 units in JavaScript."""
    from textkg.extract import extract_record
    from textkg.records import Document

    record = extract_record(fr_nlp(ASTRAL), Document(id="emoji", text=ASTRAL), resources())
    scholz = next(e for e in record.entities if e.label == "Olaf Scholz")
    path = write_page(tmp_path, build_graph([record]))
    with browser(tmp_path / "profile") as context, visit(context, path) as found:
        page = found.page
        search(page, "scholz")
        assert marks(page) == [ASTRAL[s:e] for s, e in sorted(scholz.mentions)][:10]
        assert set(marks(page)) == {"Olaf Scholz"}
        settled(page, lambda: page.click("#detail .evidence button.doc >> nth=0"))
        reader = page.eval_on_selector_all("#reader mark.mention", "ms => ms.map(m => [m.dataset.entity, m.textContent])")
        labels = page.evaluate("Object.fromEntries(window.textkg.model.entities.map(e => [e.id, e.label]))")
        names = [text for entity, text in reader if labels[entity] == "Olaf Scholz"]
        assert names and set(names) == {"Olaf Scholz"}
        assert page.inner_text("#reader .reader-text") == ASTRAL
        # every passage on the page, cut around long sentences too, is whole text: no lone surrogate
        evidence = page.evaluate("Array.from(document.querySelectorAll('.evidence')).map(e => e.textContent)")
        assert evidence and not any(LONE_SURROGATE.search(text) for text in evidence)
        assert_clean(found, path)


def test_missing_browser_skips_but_fails_under_ci(monkeypatch, tmp_path):
    from . import chromium

    monkeypatch.setattr(chromium, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium is missing"):
        chromium.require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run under CI"):
        chromium.require_chromium()
