import json
import re

from textkg.export.html import VIS_DIR, render_html, safe_json
from textkg.graph import build_graph
from textkg.records import Document, Entity, ExtractionRecord

EVIL = "</script><img src=x onerror=alert(1)><script>alert(2)</script>"


def evil_graph():
    text = f"{EVIL} et Paris."
    return build_graph([ExtractionRecord(Document("d", text), (Entity("e1", "Person", EVIL, mentions=((0, len(EVIL)),)),))])


def test_safe_json_cannot_close_a_script_and_round_trips():
    encoded = safe_json({"x": EVIL + "\u2028"})
    assert "<" not in encoded and ">" not in encoded
    assert json.loads(encoded) == {"x": EVIL + "\u2028"}


def test_page_has_no_network_reference_and_no_injected_markup():
    page = render_html(evil_graph())
    own = page.replace((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"), "")
    assert "<img" not in own
    assert own.count("<script") == 3  # vis-network, the JSON data, our code
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    data = re.search(r'<script id="textkg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data)["details"]["nodes"]
    labels = [n["label"] for n in json.loads(data)["nodes"]]
    assert EVIL in labels
