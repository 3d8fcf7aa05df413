"""The corpus explorer in a real headless Chromium, on 350 POPCORN articles built into one page:
the overview, search and neighbourhoods, a document's view, the claims table, the timeline,
filters, labels, counts and keyboard access.

The articles are parsed once per module with the trained pipeline, written as extraction records
and built into graph.html from those records (as `textkg build records.jsonl` does); every test
opens that page in a new tab of one Chromium.
"""

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from textkg.api import build, default_data_dir, extract
from textkg.export.page.documents import Utf16

from .chromium import browser, click_node, drawn_inside_canvas, require_chromium, settled, visit
from .conftest import ROOT

DOCUMENTS = 350
SCREENSHOTS = ROOT / "output"  # docs/view-*.png are committed copies

def data_dir() -> Path:
    return Path(os.environ.get("TEXTKG_DATA_DIR", default_data_dir()))


pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (data_dir() / "popcorn-train.json").exists(), reason="the shared corpora are not beside the repository"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The first 350 POPCORN articles: their extraction records and the page built from them."""
    require_chromium()
    work = tmp_path_factory.mktemp("explorer")
    articles = json.loads((data_dir() / "popcorn-train.json").read_text(encoding="utf-8"))
    source = work / "popcorn.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for doc_id in list(articles)[:DOCUMENTS]:
            handle.write(json.dumps({"id": doc_id, "text": articles[doc_id]["text"]}, ensure_ascii=False) + "\n")
    records_path = work / "records.jsonl"
    extract([source], records_path, use_cache=False)
    build([records_path], output_dir=work / "out", formats=["html"], use_cache=False)
    records = [json.loads(line) for line in records_path.read_text(encoding="utf-8").splitlines()]
    return records, work / "out" / "graph.html"


@pytest.fixture(scope="module")
def chromium_context(corpus, tmp_path_factory):
    with browser(tmp_path_factory.mktemp("profile"), width=1280, height=800) as context:  # screenshots under 300 KB
        yield context


@pytest.fixture
def page(corpus, chromium_context):
    """A fresh tab on the corpus page; at the end, no console error and no request but the page."""
    _, path = corpus
    with visit(chromium_context, path) as found:
        yield found.page
        assert found.console_errors == [] and found.dialogs == []
        assert found.blocked == [] and found.requests == [path.resolve().as_uri()]


def js(page, expression, arg=None):
    return page.evaluate(expression, arg)


def drawn(page):
    return set(js(page, "window.textkg.drawn()"))


def view_nodes(page):
    """The items of the current graph view: id -> {kind, broad, label}."""
    return {n["id"]: n for n in js(page, "window.textkg.graph().nodes.map(n => ({id: n.item.id, kind: n.item.kind, broad: n.item.broad, label: n.item.label}))")}


def opacity(page, node_id):
    return js(page, "(id) => { const n = window.textkg.network.body.data.nodes.get(id); return n.opacity === undefined ? 1 : n.opacity; }", node_id)


def search(page, query):
    page.fill("#search", query)
    settled(page, lambda: page.press("#search", "Enter"))


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"view-{name}.png"))


def fact_counts(page):
    """Facts per entity, from the page's data: what "most connected" ranks by."""
    return js(
        page,
        """() => { const d = window.textkg.model.data, count = {};
                   const add = (ids) => new Set(ids).forEach(id => { count[id] = (count[id] || 0) + 1; });
                   d.events.forEach(f => add(f.roles.map(r => r[1])));
                   d.claims.forEach(c => add(c.speakers.concat(c.sources)));
                   d.relations.forEach(r => add([r.subject, r.object]));
                   return count; }""",
    )


def test_the_overview_shows_the_most_connected_entities_labelled_with_concepts_folded(page):
    assert page.get_attribute("body", "data-view") == "overview"
    nodes = view_nodes(page)
    limit = js(page, "window.textkg.model.settings.overview")
    assert len(nodes) == limit == 100
    assert {n["kind"] for n in nodes.values()} == {"entity"} and "Concept" not in {n["broad"] for n in nodes.values()}
    counts = fact_counts(page)
    others = js(page, "window.textkg.model.entities.filter(e => e.broad !== 'Concept').map(e => e.id)")
    left_out = [counts.get(e, 0) for e in others if e not in nodes]
    assert min(counts[e] for e in nodes) >= max(left_out)  # the most connected, whatever the ties
    labels = js(page, "Object.values(window.textkg.network.body.nodes).map(n => n.options.label)")
    assert all(labels) and len(labels) == limit
    assert js(page, "window.textkg.network.getScale()") * 13 >= 4  # every label is drawn at the fitted zoom
    assert drawn_inside_canvas(page)
    screenshot(page, "overview")

    # selecting the hub lights it and what it shares facts with; the rest dims
    hub = max(nodes, key=lambda e: counts[e])
    click_node(page, hub)
    linked = {x for e in js(page, "window.textkg.graph().edges") for x in (e["from"], e["to"]) if hub in (e["from"], e["to"])}
    assert linked and all(opacity(page, e) == 1 for e in linked)
    assert all(opacity(page, e) < 1 for e in set(nodes) - linked)

    # Concepts, unfolded, are one node per head lemma
    settled(page, lambda: page.uncheck("#fold-concepts"))
    concepts = [n["label"] for n in view_nodes(page).values() if n["broad"] == "Concept"]
    assert concepts and len(concepts) == len(set(concepts))
    assert js(page, "window.textkg.model.entities.filter(e => e.label === 'police' && e.broad === 'Concept').length") == 1


def test_search_opens_a_fitted_neighbourhood_that_expands_with_back_and_forward(page):
    search(page, "PARIS")
    paris = js(page, "window.textkg.model.entities.find(e => e.label === 'Paris').id")
    assert js(page, "window.textkg.view()") == {"view": "neighbourhood", "ids": [paris], "all": False}
    assert page.inner_text("#detail h2") == "Paris" and js(page, "window.textkg.network.getSelectedNodes()") == [paris]
    facts = js(page, "(id) => window.textkg.model.get(id).facts.length", paris)
    assert facts > 40
    first = drawn(page)
    shown_facts = js(page, "(id) => window.textkg.graph().edges.filter(e => e.from === id || e.to === id).map(e => e.fact)", paris)
    assert len(set(shown_facts)) == 40  # a hub starts with its 40 most told facts
    assert drawn_inside_canvas(page)
    assert page.is_visible(f"#view-actions button:has-text('Show {facts - 40} more facts')")

    # expand a neighbour: it and its own neighbours light up, the rest of the view dims
    neighbour = js(
        page,
        """(paris) => { const g = window.textkg.graph(), m = window.textkg.model;
                        return g.nodes.map(n => n.item).filter(i => i.kind === 'entity' && i.id !== paris && i.broad !== 'Date')
                                .sort((a, b) => b.facts.length - a.facts.length)[0].id; }""",
        paris,
    )
    click_node(page, neighbour)
    settled(page, lambda: page.click("#detail button:has-text('Expand here')"))
    assert js(page, "window.textkg.view().ids") == [paris, neighbour]
    expanded = drawn(page)
    assert first <= expanded and len(expanded) > len(first)
    lit = {x for e in js(page, "window.textkg.graph().edges") for x in (e["from"], e["to"]) if neighbour in (e["from"], e["to"])}
    assert all(opacity(page, x) == 1 for x in lit) and any(opacity(page, x) < 1 for x in expanded - lit)
    assert drawn_inside_canvas(page)
    screenshot(page, "neighbourhood")

    settled(page, lambda: page.click("#back"))
    assert drawn(page) == first and js(page, "window.textkg.view().ids") == [paris]
    settled(page, lambda: page.keyboard.press("Alt+ArrowRight"))
    assert drawn(page) == expanded
    settled(page, lambda: page.click("#back"))
    settled(page, lambda: page.click(f"#view-actions button:has-text('Show {facts - 40} more facts')"))
    assert len({e["fact"] for e in js(page, "window.textkg.graph().edges") if paris in (e["from"], e["to"])}) == facts


def record_with_most_facts(records):
    return max(records, key=lambda r: (len(r["claims"]) > 0, len(r["relations"]) + len(r["claims"])))


def test_a_documents_view_shows_all_of_its_entities_events_and_claims(page, corpus):
    records, _ = corpus
    record = record_with_most_facts(records)
    assert record["claims"] and any(r["kind"] == "event" for r in record["relations"])
    to_utf16 = Utf16.of(record["text"])
    search(page, record["id"])
    assert page.get_attribute("body", "data-view") == "document"
    doc = js(page, "window.textkg.view().doc")
    nodes = view_nodes(page)
    edges = js(page, "window.textkg.graph().edges")

    def page_item(kind, evidence):
        """The drawn item of ``kind`` told in this document with this evidence."""
        found = js(
            page,
            """([kind, doc, evidence]) => window.textkg.graph().nodes.map(n => n.item).concat(
                   window.textkg.graph().edges.filter(e => e.kind === 'relation').map(e => window.textkg.model.get(e.fact)))
                 .filter(i => i.kind === kind && i.occurrences.some(o => o.doc === doc && JSON.stringify(o.evidence) === JSON.stringify(evidence)))
                 .map(i => i.id)""",
            [kind, doc, [to_utf16.span(tuple(span)) for span in evidence]],
        )
        return found

    # every entity: a drawn node holding each of its mentions
    mentions_drawn = js(
        page,
        "(doc) => window.textkg.graph().nodes.filter(n => n.item.kind === 'entity').flatMap(n => n.item.mentions.filter(m => m[0] === doc).map(m => m[1] + ':' + m[2]))",
        doc,
    )
    for entity in record["entities"]:
        for start, end in entity["mentions"]:
            assert "%d:%d" % tuple(to_utf16.span((start, end))) in mentions_drawn, entity["label"]
    for relation in record["relations"]:
        kind = "event" if relation["kind"] == "event" else "relation"
        assert page_item(kind, relation["evidence"]), relation
    for claim in record["claims"]:
        assert page_item("claim", claim["evidence"]), claim
    assert len([n for n in nodes.values() if n["kind"] == "claim"]) == len(record["claims"])
    assert {e["kind"] for e in edges} <= {"role", "relation"}
    assert drawn_inside_canvas(page)
    screenshot(page, "document")

    # the whole text beside the graph, every mention a clickable mark
    assert page.inner_text("#reader .reader-text") == record["text"]
    marked = js(page, "Array.from(document.querySelectorAll('#reader mark.mention')).map(m => m.dataset.entity)")
    assert set(marked) == {n for n, item in nodes.items() if item["kind"] == "entity"}
    person = next(e for e in record["entities"] if e["type"] == "Person")
    settled_mark = f"#reader mark.mention:text-is('{record['text'][slice(*person['mentions'][0])]}') >> nth=0"
    page.click(settled_mark)
    entity = js(page, "window.textkg.panelShows()")
    assert page.inner_text("#detail h2") == js(page, "(id) => window.textkg.model.get(id).label", entity)
    assert js(page, "window.textkg.network.getSelectedNodes()") == [entity]


def test_the_claims_view_sorts_filters_and_opens_each_claim(page, corpus):
    records, _ = corpus
    claims = [c for r in records for c in r["claims"]]
    settled(page, lambda: page.click("#tabs button[data-view=claims]"))

    def column(index):
        return page.eval_on_selector_all(f"#claims-view tbody tr td:nth-child({index})", "tds => tds.map(td => td.textContent)")

    # The table draws its rows in steps (its own redraw, not a view render): show them all.
    while page.query_selector("#claims-view button.more") is not None:
        page.click("#claims-view button.more")
    assert len(column(1)) == len(claims)
    assert column(1) == sorted(column(1))  # by speaker at first
    page.click("#claims-view th:nth-child(3) button")  # by cue
    assert column(3) == sorted(column(3))
    page.click("#claims-view th:nth-child(3) button")
    assert column(3) == sorted(column(3), reverse=True)
    assert page.get_attribute("#claims-view th:nth-child(3)", "aria-sort") == "descending"

    speakers = Counter(name for name in column(1) if name)  # claims without a speaker have an empty cell
    speaker, count = speakers.most_common(1)[0]
    page.select_option("#claims-view select[aria-label=speaker]", speaker)
    assert column(1) == [speaker] * count
    page.select_option("#claims-view select[aria-label=speaker]", "")
    negative = sum(c["polarity"] == "negative" for c in claims)
    page.select_option("#claims-view select[aria-label=polarity]", "negative")
    assert column(7) == ["negative"] * negative and negative > 0
    page.select_option("#claims-view select[aria-label=polarity]", "")

    # a row opens its claim, by mouse or keyboard
    page.click("#claims-view tbody tr >> nth=1")
    claim = js(page, "window.textkg.model.get(window.textkg.panelShows())")
    assert claim["kind"] == "claim" and page.inner_text("#detail h2") == claim["label"]
    assert claim["content"] in page.inner_text("#detail")
    page.focus("#claims-view tbody tr >> nth=2")
    page.keyboard.press("Enter")
    assert js(page, "window.textkg.panelShows()") != claim["id"]
    screenshot(page, "claims")


def test_the_timeline_and_its_date_range_apply_to_every_view(page):
    settled(page, lambda: page.click("#tabs button[data-view=timeline]"))
    bars = js(page, "Array.from(document.querySelectorAll('#timeline-view g.bucket')).map(g => g.getAttribute('aria-label'))")
    events = {label.split(":")[0]: int(re.search(r"(\d+) events?", label).group(1)) for label in bars}
    width = len(next(iter(events)))  # bars by year, month or day, as the dates spread
    dates = js(page, "window.textkg.model.data.events.flatMap(f => f.occurrences.filter(o => o.date).map(o => o.date))")
    dated = Counter((date + "-01-01")[:width] for date in dates)  # a year among months counts in January
    assert sum(events.values()) == len(dates) > 50
    assert {period: n for period, n in events.items() if n} == dated
    screenshot(page, "timeline")

    period = dated.most_common(1)[0][0]
    page.focus(f"#timeline-view g.bucket[data-period='{period}']")
    settled(page, lambda: page.keyboard.press("Enter"))
    assert page.input_value("#date-from").startswith(period) and page.input_value("#date-to").startswith(period)
    listed = page.eval_on_selector_all("#timeline-view ul.timeline-list li span.meta", "ss => ss.map(s => s.textContent.trim())")
    assert len(listed) >= dated[period] and all(d[:width] == period or period.startswith(d) for d in listed)

    settled(page, lambda: page.click("#tabs button[data-view=overview]"))
    in_range = js(
        page,
        """() => window.textkg.graph().nodes.every(n => n.item.facts.some(f =>
                 window.textkg.filters.factVisible(f) && f.occurrences.some(o => window.textkg.filters.dateIn(o.date))))""",
    )
    assert in_range and 0 < len(drawn(page)) <= 100
    settled(page, lambda: page.click("#tabs button[data-view=claims]"))
    assert page.inner_text("#claims-view .table-foot") == "no row passes the filters"  # POPCORN claims carry no date
    settled(page, lambda: page.click("#tabs button[data-view=documents]"))
    assert page.eval_on_selector_all("#documents-view tbody tr", "rows => rows.length") == 0  # nor do its documents
    settled(page, lambda: page.click("#clear-dates"))
    assert page.eval_on_selector_all("#documents-view tbody tr", "rows => rows.length") == 200  # the first page of 350 rows


def test_filtering_refits_and_clears_stale_panels(page, corpus):
    nodes = view_nodes(page)
    place = next(n for n, item in nodes.items() if item["broad"] == "Place")
    click_node(page, place)
    assert js(page, "window.textkg.panelShows()") == place
    renders = int(page.get_attribute("body", "data-renders"))
    settled(page, lambda: page.uncheck("#legend input[data-class=Place]"))
    assert int(page.get_attribute("body", "data-renders")) == renders + 1
    assert "Place" not in {n["broad"] for n in view_nodes(page).values()}
    assert js(page, "window.textkg.panelShows()") is None and "not in this view" in page.inner_text("#detail")
    assert drawn_inside_canvas(page)

    settled(page, lambda: page.select_option("#status", "claimed"))
    claimed = view_nodes(page)
    assert claimed and drawn_inside_canvas(page)
    assert js(page, "(ids) => ids.every(id => window.textkg.model.get(id).facts.some(f => f.claimed))", list(claimed))
    settled(page, lambda: page.select_option("#status", "all"))

    # in a document's view too: the person whose panel is open goes, the panel empties, the view re-fits
    records, _ = corpus
    record = record_with_most_facts(records)
    search(page, record["id"])
    person = next(n for n, item in view_nodes(page).items() if item["broad"] == "Person")
    click_node(page, person)
    settled(page, lambda: page.uncheck("#legend input[data-class=Person]"))
    assert person not in drawn(page) and js(page, "window.textkg.panelShows()") is None
    assert drawn_inside_canvas(page)


def test_labels_say_the_fact_and_a_repeated_fact_is_one_edge_with_all_its_evidence(page):
    search(page, "paris")
    events = [n for n in view_nodes(page).values() if n["kind"] == "event"]
    assert events and all(" – " in e["label"] or " @ " in e["label"] for e in events)
    repeated = js(
        page,
        "window.textkg.graph().edges.filter(e => e.kind === 'relation' && e.count > 2).map(e => [e.id, e.label, e.count, e.fact])",
    )
    # an edge with a point along it where no node or other edge is drawn
    page.uncheck("#edge-labels")
    clear = js(
        page,
        """(ids) => { const n = window.textkg.network, box = document.getElementById('graph').getBoundingClientRect();
                      for (const id of ids) {
                        const e = n.body.edges[id], a = n.canvasToDOM({x: e.from.x, y: e.from.y}), b = n.canvasToDOM({x: e.to.x, y: e.to.y});
                        const len = Math.hypot(b.x - a.x, b.y - a.y);
                        for (const t of [0.35, 0.5, 0.65, 0.25, 0.75]) {
                          const p = {x: a.x + t * (b.x - a.x) - 4 * (b.y - a.y) / len, y: a.y + t * (b.y - a.y) + 4 * (b.x - a.x) / len};
                          if (n.getNodeAt(p) === undefined && n.getEdgeAt(p) === id) return [id, box.left + p.x, box.top + p.y];
                        }
                      }
                      return null; }""",
        [edge[0] for edge in repeated],
    )
    edge_id, *point = clear
    _, label, count, fact = next(edge for edge in repeated if edge[0] == edge_id)
    assert label.endswith(f" ×{count}")
    # click beside the edge, a few pixels off its line: edges are easy to hit
    page.mouse.click(*point)
    assert js(page, "window.textkg.panelShows()") == fact
    shown = page.inner_text("#detail")
    told = js(page, "(id) => new Set(window.textkg.model.get(id).occurrences.map(o => o.doc)).size", fact)
    assert f"told\n{count} times in {told} documents" in shown and "claimed by" not in shown
    passages = page.eval_on_selector_all("#detail .evidence", "es => es.map(e => [e.querySelector('button.doc').textContent, e.textContent])")
    assert len({doc for doc, _ in passages}) == told and len(passages) == len({text for _, text in passages}) >= count
    heading = js(page, "(id) => { const m = window.textkg.model, r = m.get(id); return m.get(r.subject).label + ' – ' + r.predicate + ' → ' + m.get(r.object).label; }", fact)
    assert page.inner_text("#detail h2") == heading
    said = js(page, "window.textkg.model.data.claims.filter(c => c.speakers.length && c.content.trim()).map(c => c.label)")
    assert said and all(re.fullmatch(r".+: « .+ »", label) for label in said)


def test_the_keyboard_reaches_every_list_item_and_the_legend_fits(page):
    legend = js(page, "(() => { const l = document.getElementById('legend'); return [l.scrollWidth, l.clientWidth, Array.from(l.querySelectorAll('.name')).every(n => n.scrollWidth <= n.clientWidth)]; })()")
    assert legend[0] <= legend[1] and legend[2]
    page.fill("#search", "paris")
    page.press("#search", "ArrowDown")
    assert js(page, "document.activeElement.className") == "result"
    settled(page, lambda: page.keyboard.press("Enter"))
    page.focus("#detail ul.plain li button")
    before = js(page, "window.textkg.panelShows()")
    page.keyboard.press("Enter")
    after = js(page, "window.textkg.panelShows()")
    assert after != before and js(page, "(id) => window.textkg.model.get(id).kind", after) in ("event", "claim", "relation")
    page.keyboard.press("Tab")
    assert js(page, "document.activeElement.tagName") in ("BUTTON", "A", "MARK", "INPUT", "SELECT", "TR")
    settled(page, lambda: page.click("#detail .evidence button.doc >> nth=0"))
    page.focus("#reader mark.mention >> nth=0")
    page.keyboard.press("Enter")
    assert js(page, "window.textkg.panelShows()") == js(page, "document.querySelector('#reader mark.mention').dataset.entity")
