"""The dashboard in a real browser: `claims dashboard` started as a user starts it, on a store holding the
seed article, and Debian's headless chromium driven by Playwright through an analyst's review of the
seed's Blinken quote. A screenshot of each page goes to build/screenshots/test_browser/ (for a person to
look at; nothing compares them).

Chromium: CLAIMS_TEST_CHROMIUM (`make test` sets it, installing Debian's package with
scripts/chromium.sh), else /usr/bin/chromium. Without it the test is skipped, and fails under CI=true.
The server and browser helpers are bench/browser.py's, which bench/dashboard.py uses too (loaded from its file here).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots" / "test_browser"
ANALYST, PASSWORD = "ana", "correct horse battery"
QUOTE = ("“We have reasons to believe that Moscow intends to share advanced space and satellite technology to "
         "Pyongyang,”")


def _load_harness():
    spec = importlib.util.spec_from_file_location("bench_browser", ROOT / "bench" / "browser.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


harness = _load_harness()


@pytest.fixture(scope="module")
def chromium() -> str:
    path = harness.chromium_executable()
    if path is None:
        message = (f"no chromium at {os.environ.get(harness.CHROMIUM_ENV) or harness.CHROMIUM_DEFAULT} "
                   f"(bash scripts/chromium.sh installs Debian's)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def store_file(tmp_path_factory) -> Path:
    """A SQLite store with the seed article (through `claims ingest`, as a user fills one) and an analyst."""
    from claims.store import ClaimStore
    from claims.store.users import add_user

    path = tmp_path_factory.mktemp("browser") / "claims.db"
    done = subprocess.run([*harness.claims_command(), "ingest", str(ROOT / "seeds"), "--db", f"sqlite:///{path}",
                           "--nlp", "fast"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    store = ClaimStore(f"sqlite:///{path}")
    with store.session() as session:
        add_user(session, ANALYST, "analyst", PASSWORD)
    store.close()
    return path


@pytest.fixture(scope="module")
def server(store_file, chromium):
    with harness.DashboardServer(f"sqlite:///{store_file}", store_file.parent / "server.log") as running:
        yield running


@pytest.fixture(scope="module")
def shots() -> Path:
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    return SHOTS


def query(path: Path, sql: str, *parameters) -> list[tuple]:
    """Rows read with a connection of its own (not the dashboard's, not the ORM's)."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def screenshot(page, folder: Path, name: str, title: str, **content) -> None:
    """The whole page, once Streamlit has drawn it: the window made as tall as the main area or the sidebar
    (each scrolls on its own, so a plain full-page screenshot shows the first screen only)."""
    harness.wait_rendered(page, title, **content)
    height = page.evaluate("""() => Math.max(window.innerHeight, ...['[data-testid="stMain"]',
        '[data-testid="stSidebarContent"]'].map(s => { const e = document.querySelector(s); return e ? e.scrollHeight : 0; }))""")
    page.set_viewport_size({"width": harness.VIEWPORT["width"], "height": height})
    try:
        harness.wait_rendered(page, title, **content)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        page.screenshot(path=str(folder / name), full_page=True)
    finally:
        page.set_viewport_size(harness.VIEWPORT)


def no_exception(page) -> None:
    shown = page.locator('[data-testid="stException"]')
    assert shown.count() == 0, shown.all_inner_texts()


def go(page, title: str, heading: str | None = None, **content) -> None:
    harness.nav_link(page, title).click()
    harness.wait_rendered(page, heading or title, **content)
    no_exception(page)


def choose(page, label: str, option: str) -> None:
    """Picks `option` in the selectbox labelled `label`. Scrolled to first: the list it opens closes when
    the page scrolls (as Playwright's click would scroll to it)."""
    box = page.locator('[data-testid="stMain"]').get_by_role("combobox", name=label, exact=True)
    box.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    box.click()
    page.get_by_role("listbox", name=label).get_by_role("option", name=option, exact=True).click()


def test_an_analyst_verifies_the_blinken_quote_in_the_browser(chromium, server, store_file, shots):
    from playwright.sync_api import expect, sync_playwright

    [(claim_id, claim_text)] = query(store_file, "SELECT id, text FROM claim WHERE text LIKE ?",
                                     "%Moscow intends to share advanced space%")
    assert claim_text == QUOTE
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright, chromium)
        try:
            page = browser.new_page(viewport=harness.VIEWPORT)
            page.on("pageerror", lambda error: errors.append(str(error)))
            sidebar = page.locator('[data-testid="stSidebar"]')
            main = page.locator('[data-testid="stMain"]')

            # Signing in: only the form until then.
            page.goto(server.url)
            harness.wait_rendered(page, "Claims", selector='[data-testid="stForm"]')
            expect(harness.nav_link(page, "Timeline")).to_have_count(0)
            screenshot(page, shots, "01-sign-in.png", "Claims", selector='[data-testid="stForm"]')
            harness.sign_in(page, server.url, ANALYST, PASSWORD)
            expect(sidebar.get_by_text(f"{ANALYST} · analyst")).to_be_visible()

            # Timeline: the default page.
            harness.wait_rendered(page, "Timeline", selector=harness.CHART, text=r"20 claims match the filters")
            no_exception(page)
            screenshot(page, shots, "02-timeline.png", "Timeline", selector=harness.CHART)

            # Compare: starts from the two most-quoted speakers.
            go(page, "Compare", "Compare speakers", selector=harness.CHART)
            picker = main.locator('[data-testid="stMultiSelect"]').filter(has_text="Speakers (two to four)")
            expect(picker.locator("[data-tag]")).to_have_count(2)
            for name in ("Antony Blinken", "Cho Tae-yul"):
                expect(main.get_by_role("heading", name=name, exact=True)).to_be_visible()
            screenshot(page, shots, "03-compare.png", "Compare speakers", selector=harness.CHART)

            # Claims: search the quotes, select the row of the Blinken quote.
            go(page, "Claims", selector=harness.TABLE, text=r"20 claims in the store")
            search = sidebar.get_by_role("textbox", name="Search the quotes", exact=True)
            search.fill("satellite")
            search.press("Enter")
            harness.wait_rendered(page, "Claims", selector=harness.TABLE, text=r"3 claims match the filters")
            table = main.locator(harness.TABLE).first
            rows = harness.table_rows(table)
            [row] = [i for i, text in enumerate(rows) if "We have reasons to believe" in text]
            harness.click_table_row(page, table, row)
            harness.wait_rendered(page, "Claims", selector=harness.QUOTE_IN_CONTEXT, text=rf"Claim #{claim_id}\b")
            no_exception(page)
            expect(main.get_by_role("heading", name=f"Claim #{claim_id}", exact=True)).to_be_visible()
            # The quote is marked in its source text, with the speaker's mention and the cue after it.
            context = main.locator('div[style*="pre-wrap"]').first
            expect(context).to_contain_text("Blinken said in a joint press conference")
            marked = context.locator('span[style*="background-color"]')
            expect(marked).to_have_count(1)
            expect(marked).to_have_text(QUOTE)
            expect(context.locator('span[style*="solid"]')).to_have_text("Blinken")  # the speaker
            expect(context.locator('span[style*="dotted"]')).to_have_text("said")  # the cue
            screenshot(page, shots, "04-claims.png", "Claims", selector=harness.QUOTE_IN_CONTEXT)

            # Annotate: verified, saved.
            choose(page, "Review status", "verified")
            main.get_by_role("button", name="Save review", exact=True).click()
            harness.wait_rendered(page, "Claims", selector=harness.QUOTE_IN_CONTEXT, text=r"Saved: status verified\.")
            no_exception(page)
            expect(main.get_by_text("status: verified")).to_be_visible()
            screenshot(page, shots, "05-claims-saved.png", "Claims", selector=harness.QUOTE_IN_CONTEXT)

            assert query(store_file, "SELECT status FROM claim WHERE id = ?", claim_id) == [("verified",)]
            assert query(store_file, "SELECT user, field, old_value, new_value FROM annotation "
                                     "WHERE target = 'claim' AND target_id = ?", claim_id) == [
                (ANALYST, "status", "unreviewed", "verified")]

            # The other pages, with the filters cleared.
            sidebar.get_by_role("button", name="Clear filters", exact=True).click()
            harness.wait_rendered(page, "Claims", selector=harness.TABLE, text=r"20 claims in the store")
            go(page, "Speakers", selector='[data-testid="stMetric"]', text="Recent claims")
            expect(main.get_by_role("heading", name="Antony Blinken", exact=True)).to_be_visible()
            screenshot(page, shots, "06-speakers.png", "Speakers", selector='[data-testid="stMetric"]')

            go(page, "Sources", selector=harness.TABLE, text=r"1 document in the store")
            screenshot(page, shots, "07-sources.png", "Sources", selector=harness.TABLE)

            go(page, "Export", "Export a quote sheet", selector='[data-testid="stDownloadButton"]',
               text=r"20 claims match the sidebar filters")
            expect(main.locator('[data-testid="stDownloadButton"]')).to_have_count(4)
            screenshot(page, shots, "08-export.png", "Export a quote sheet", selector='[data-testid="stDownloadButton"]')
        finally:
            browser.close()
    assert not errors, errors
