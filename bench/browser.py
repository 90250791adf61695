"""The real dashboard server and a real browser: `claims dashboard` started on a free port of 127.0.0.1 as a
user starts it, Debian's headless chromium driven by Playwright, and the steps both the page benchmark
(bench/dashboard.py) and the browser test (tests/test_browser.py) take in it."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM_ENV = "CLAIMS_TEST_CHROMIUM"  # set by `make test` (scripts/chromium.sh)
CHROMIUM_DEFAULT = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 900}
SERVER_START_S = 120  # the first start imports streamlit, pandas, altair and opens the store
RENDER_TIMEOUT_MS = 120_000

# What the steps wait for on a page.
CLAIM_SHOWN = r"Claim #\d+"
# The quote marked in its source text (dashboards/components.py: highlighted(), shown with st.html).
QUOTE_IN_CONTEXT = 'div[style*="pre-wrap"] span[style*="background-color"]'
CHART = '[data-testid="stVegaLiteChart"]'
TABLE = '[data-testid="stDataFrame"]'


def chromium_executable() -> str | None:
    """The chromium to drive, if it is there: CLAIMS_TEST_CHROMIUM, else Debian's /usr/bin/chromium."""
    path = os.environ.get(CHROMIUM_ENV) or CHROMIUM_DEFAULT
    return path if Path(path).is_file() and os.access(path, os.X_OK) else None


def claims_command() -> list[str]:
    """`claims` of this Python's environment (.venv/bin/claims), as a user runs it."""
    script = Path(sys.executable).with_name("claims")  # not resolved: the venv's bin, not the system's
    return [str(script)] if script.is_file() else [sys.executable, "-m", "claims"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DashboardServer:
    """`claims dashboard --db URL` on a free port of 127.0.0.1, headless, as a user starts it; a context
    manager that waits until it answers (/_stcore/health) and stops it (terminate, then kill) at the end.
    Its output goes to `log`."""

    def __init__(self, db_url: str, log: Path):
        self.db_url, self.log_path = db_url, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        return [*claims_command(), "dashboard", "--db", self.db_url, "--server.port", str(self.port),
                "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def __enter__(self) -> DashboardServer:
        env = {**os.environ, "CLAIMS_NLP": "fast"}
        with open(self.log_path, "wb") as log:
            # A session of its own: a Ctrl-C in the terminal reaches this process only, which stops it.
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the dashboard exited with status {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"the dashboard did not answer on {self.url} within {SERVER_START_S} s:\n{self.log_tail()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)
        try:  # anything it started is in its process group (its own session): none may outlive it
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_chromium(playwright, executable: str):
    """Headless chromium (Debian's, not Playwright's download); Playwright gives it a fresh temporary
    profile (user-data dir) and removes it on close."""
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


# Streamlit is done drawing: no script running, no stale element or skeleton left, every chart and table
# drawn; then the page's title (an h1) is shown, and optionally an element or a text in the main area.
_RENDERED = """({title, selector, text}) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"], [data-stale="true"],'
                             + ' [data-testid="stSkeleton"]')) return false;
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const shown = element => element.getClientRects().length > 0;
  if (title && ![...main.querySelectorAll('h1')].some(h => shown(h) && h.innerText.trim() === title)) return false;
  for (const chart of main.querySelectorAll('[data-testid="stVegaLiteChart"]'))
    if (!chart.querySelector('canvas, svg')) return false;
  for (const table of main.querySelectorAll('[data-testid="stDataFrame"]'))
    if (!table.querySelector('canvas')) return false;
  if (selector && ![...main.querySelectorAll(selector)].some(shown)) return false;
  if (text && !new RegExp(text).test(main.innerText)) return false;
  return true;
}"""


def wait_rendered(page, title: str | None = None, selector: str | None = None, text: str | None = None,
                  timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Waits until Streamlit has finished drawing the page (see _RENDERED) and shows its title, plus
    `selector` (CSS, in the main area) and `text` (a regular expression over the main area's text)."""
    page.wait_for_function(_RENDERED, arg={"title": title, "selector": selector, "text": text},
                           polling="raf", timeout=timeout_ms)


def sign_in(page, base_url: str, name: str, password: str) -> None:
    """Opens the app, fills in the sign-in form and waits for the signed-in sidebar."""
    page.goto(base_url)
    wait_rendered(page, "Claims")  # the sign-in page's title
    page.get_by_role("textbox", name="Name", exact=True).fill(name)
    page.get_by_role("textbox", name="Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.locator('[data-testid="stSidebar"]').get_by_text(f"{name} · ", exact=False).wait_for(timeout=RENDER_TIMEOUT_MS)


def nav_link(page, title: str):
    """The sidebar's link to a page (its text is the icon's name, then the title in a span labelled with it)."""
    return page.locator(f'[data-testid="stSidebarNav"] a:has(span[label="{title}"])')


def click_table_row(page, table, index: int) -> None:
    """Selects row `index` (0: the first data row) of an st.dataframe with row selection, by clicking its
    checkbox: the grid is drawn on a canvas, rows and header 35 px high, the checkboxes at the left."""
    table.scroll_into_view_if_needed()
    box = table.locator('[data-testid="data-grid-canvas"], canvas').first.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 * (index + 1) + 17)


def table_rows(table) -> list[str]:
    """The text of each data row of an st.dataframe (from the grid's accessible table, drawn a moment after
    the canvas)."""
    table.locator("tbody tr").first.wait_for(state="attached", timeout=RENDER_TIMEOUT_MS)
    return [row.inner_text() for row in table.locator("tbody tr").all()]
