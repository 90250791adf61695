"""Fixtures and helpers the dashboard tests share (imported by the test_dashboard_* files; no tests here).

Each test gets a store seeded with the seed article and a small JSONL corpus (tests/data/dashboard/
corpus.jsonl: two outlets, January and February 2025, Blinken and Cho Tae-yul both on sanctions) and three
users, one per role; the dashboard runs in Streamlit's AppTest against that store, on SQLite and PostgreSQL.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from claims.extract import load_extractor
from claims.sources import iter_sources
from claims.store import ClaimStore
from claims.store.ingest import ingest
from claims.store.queries import ClaimFilter, count_claims, find_speakers, list_claims
from claims.store.users import add_user

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboards" / "app.py"
CORPUS = Path(__file__).parent / "data" / "dashboard" / "corpus.jsonl"
PASSWORD = "correct horse battery"
USERS = {"admin": "ada", "analyst": "ana", "viewer": "vic"}  # role -> user name
TIMEOUT = 60  # seconds per script run: the first one imports pandas, altair and the store


@pytest.fixture
def seeded(db_url, monkeypatch):
    """The store the dashboard opens (DATABASE_URL), seeded; yields the test's own ClaimStore on it."""
    store = ClaimStore(db_url)
    summary = ingest(store, iter_sources([str(ROOT / "seeds"), str(CORPUS)]), load_extractor("fast"))
    assert (summary.new, summary.failed) == (5, 0)
    with store.session() as session:
        for role, name in USERS.items():
            add_user(session, name, role, PASSWORD)
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("CLAIMS_NLP", "fast")  # sources added in a test: no stanza model load
    yield store
    store.close()
    # The dashboard's cached store and reads are process-wide: drop them with this test's database.
    st.cache_resource.clear()
    st.cache_data.clear()


def open_app(name: str | None = None, password: str = PASSWORD) -> AppTest:
    """The app, run once; signed in as `name` (with `password`) when a name is given."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    if name is not None:
        at.text_input(key="sign_in_name").input(name)
        at.text_input(key="sign_in_password").input(password)
        at.button(key="sign_in_submit").click().run()
    return at


def signed_in(role: str) -> AppTest:
    at = open_app(USERS[role])
    assert not at.exception, at.exception
    return at


def go(at: AppTest, page: str) -> AppTest:
    """Opens views/<page>.py and checks it ran cleanly."""
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_claim(at: AppTest, claim_id: int) -> AppTest:
    """The Claims page with one claim shown, as a shared link (?claim=ID) opens it."""
    at.query_params["claim"] = str(claim_id)
    return go(at, "claims")


def texts(at: AppTest) -> list[str]:
    """Everything st.text showed: quotes and document text are drawn as plain text."""
    return [element.value for element in at.text]


def captions(at: AppTest) -> list[str]:
    return [element.value for element in at.caption]


def speaker_id(store: ClaimStore, name: str) -> int:
    with store.session() as session:
        return find_speakers(session, name)[0].id


def claims_of(store: ClaimStore, **filters) -> list:
    with store.session() as session:
        return list_claims(session, ClaimFilter(**filters), limit=None)


def count(store: ClaimStore, **filters) -> int:
    with store.session() as session:
        return count_claims(session, ClaimFilter(**filters))


def claim_with(store: ClaimStore, words: str):
    """The one claim whose text holds `words`."""
    found = [c for c in claims_of(store) if words in c.text]
    assert len(found) == 1, (words, [c.text for c in found])
    return found[0]
