"""Debian's headless Chromium driven by Playwright, for tests of the HTML page.

Without /usr/bin/chromium (or the playwright package) the browser tests skip and say why, except
under CI (the CI environment variable set), where a missing browser fails them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def require_chromium() -> None:
    """Skip (or, under CI, fail) when the real browser or its driver is missing."""
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing (Debian package chromium; .ci/run installs it)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is missing (pip install -e '.[test]')"
    if missing and os.environ.get("CI"):
        pytest.fail(f"browser test cannot run under CI: {missing}")
    if missing:
        pytest.skip(missing)


@dataclass
class Visit:
    """What a page did while it was open: console messages, errors, requests, dialogs."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextmanager
def browser(user_data_dir: Path, width: int = 1400, height: int = 850) -> Iterator[object]:
    """A Chromium context with a fresh profile, for opening several pages in turn."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=str(CHROMIUM), args=list(FLAGS), headless=True, viewport={"width": width, "height": height}
        )
        try:
            yield context
        finally:
            context.close()


@contextmanager
def visit(context, path: Path) -> Iterator[Visit]:
    """Open ``path`` (file://) in a new tab of ``context``; any request but the page itself is
    recorded and aborted, and the page is ready when its first view is drawn (body[data-ready])."""
    page_url = path.resolve().as_uri()
    page = context.new_page()
    found = Visit(page)
    page.on("console", lambda message: found.console_errors.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: found.console_errors.append(str(error)))
    page.on("request", lambda request: found.requests.append(request.url))
    page.on("dialog", lambda dialog: (found.dialogs.append(dialog.message), dialog.dismiss()))

    def route(route_, request):
        if request.url == page_url:
            route_.continue_()
        else:
            found.blocked.append(request.url)
            route_.abort()

    page.route("**/*", route)
    try:
        page.goto(page_url)
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        yield found
    finally:
        page.close()


@contextmanager
def open_page(path: Path, user_data_dir: Path, width: int = 1400, height: int = 850) -> Iterator[Visit]:
    """``path`` opened in a Chromium of its own (see ``visit``)."""
    with browser(user_data_dir, width, height) as context, visit(context, path) as found:
        yield found


def settled(page, action) -> None:
    """Do ``action`` (a click, a key) and wait until the view it causes is drawn: laid out, fitted
    and the panel checked (the page counts its renders in body[data-renders])."""
    before = int(page.get_attribute("body", "data-renders"))
    action()
    page.wait_for_selector(f'body[data-busy="false"][data-renders="{before + 1}"]', state="attached", timeout=30_000)


def node_point(page, node_id: str) -> tuple[float, float]:
    """Page coordinates of a node's centre on the canvas."""
    x, y = page.evaluate(
        """(id) => { const n = window.textkg.network; const p = n.canvasToDOM(n.getPositions([id])[id]);
                     const box = document.getElementById('graph').getBoundingClientRect(); return [box.left + p.x, box.top + p.y]; }""",
        node_id,
    )
    return x, y


def click_node(page, node_id: str) -> None:
    """Centre the node in view, then click it where it is drawn."""
    page.evaluate("(id) => window.textkg.network.focus(id, {scale: 1.5, animation: false})", node_id)
    page.mouse.click(*node_point(page, node_id))


def drawn_inside_canvas(page) -> bool:
    """Whether every drawn node's centre lies inside the canvas: the view is fitted."""
    return page.evaluate(
        """() => { const n = window.textkg.network, box = document.getElementById('graph').getBoundingClientRect();
                   const positions = n.getPositions(window.textkg.drawn());
                   return Object.values(positions).every(p => { const d = n.canvasToDOM(p);
                     return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height; }); }"""
    )
