"""A real server, a real headless Chromium, and axe-core on every page a test visits.

Chromium is Debian's (``/usr/bin/chromium``), driven by Playwright through
``executable_path`` since Playwright cannot download its own browser here. Without Chromium
the browser tests skip, unless ``ORDVARD_REQUIRE_BROWSER=1`` (CI sets it): then they fail.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.factories import PASSWORD
from webapp import create_app

AXE = Path(__file__).parent / "assets" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("ORDVARD_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (ORDVARD_REQUIRE_BROWSER=1) but was not found")
        pytest.skip("Chromium not found: install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server_app(database_uri):
    from tests.conftest import _test_settings

    return create_app(_test_settings(database_uri))


@pytest.fixture(scope="session")
def live_server(server_app):
    """The app served by a real threaded HTTP server on a free localhost port."""
    server = make_server("127.0.0.1", 0, server_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


class AccessiblePage:
    """Wraps a Playwright page: every page load must be checked with axe before the test ends."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.loaded: list[str] = []
        self.checked: set[str] = set()
        page.on("load", lambda: self.loaded.append(page.url))

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check_accessibility()

    def log_in(self, user, password: str = PASSWORD) -> None:
        """Log in through the login form, as a person would."""
        self.goto("/logga-in")
        self.page.get_by_label("E-postadress").fill(user.email)
        self.page.get_by_label("Lösenord").fill(password)
        self.page.get_by_role("button", name="Logga in").click()
        self.check_accessibility()

    def check_accessibility(self) -> None:
        """Fail on any serious or critical axe violation on the current page."""
        self.page.wait_for_load_state("load")
        result = self.page.evaluate(
            """async () => {
                const r = await axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
            }"""
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        assert serious == [], f"axe violations on {self.page.url}: {serious}"
        self.check_no_overflow()
        self.checked.add(self.page.url)

    def check_no_overflow(self) -> None:
        """Fail if the page is wider than the viewport (a phone would scroll sideways), naming
        the widest elements that stick out."""
        width, viewport, culprits = self.page.evaluate(
            """() => {
                const vw = window.innerWidth;
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > vw + 1)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
                return [document.scrollingElement.scrollWidth, vw, wide];
            }"""
        )
        assert width <= viewport, (
            f"{self.page.url} is {width} px wide at a {viewport} px viewport: {culprits}"
        )

    def log_out(self) -> None:
        """Log out through the menu and wait for the start page: a trainee's phone first looks
        for drill answers not yet sent, so the page changes a moment after the click."""
        with self.page.expect_navigation():
            self.menu("Logga ut").click()
        self.page.get_by_text("Du är utloggad.").wait_for()
        self.check_accessibility()

    def menu(self, name: str):
        """A link or button in the site header's menu, opening "Meny" first when it is folded
        (on a phone only the day's main links stay in the header row)."""
        header = self.page.locator(".site-header")
        menu = header.locator("details.site-menu")
        if (
            menu.count()
            and not menu.evaluate("m => m.open")
            and header.get_by_text("Meny").is_visible()
        ):
            header.get_by_text("Meny").click()
        return header.get_by_role("link", name=name, exact=True).or_(
            header.get_by_role("button", name=name, exact=True)
        )

    def unchecked_pages(self) -> list[str]:
        return [url for url in self.loaded if url not in self.checked and url != "about:blank"]


@pytest.fixture
def page(browser, live_server, app):
    """A phone-sized page on the live server, with axe injected into every document."""
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    context.add_init_script(path=str(AXE))
    accessible = AccessiblePage(context.new_page(), live_server)
    yield accessible
    context.close()
    assert accessible.unchecked_pages() == [], "every visited page must be checked with axe"
