"""Cached reads: every query a page shows, through claims.store.queries, cached for CACHE_TTL seconds
and keyed by the database URL and the filter's values."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING
from dataclasses import dataclass

import streamlit as st

from claims.store import edits, queries
from shared.access import _read, db_url, store
from shared.formatting import speaker_label

if TYPE_CHECKING:
    from shared.filters import Filters

CACHE_TTL = 30  # seconds a read may be stale for other people's edits
SPEAKER_OPTIONS = 200  # speakers offered in a picker before the user searches


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _count_claims(url: str, filters: Filters) -> int:
    return _read(queries.count_claims, filters.claim_filter())


def count_claims(filters: Filters) -> int:
    return _count_claims(db_url(), filters)


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _list_claims(url: str, filters: Filters, limit: int, offset: int, newest_first: bool):
    return _read(queries.list_claims, filters.claim_filter(), limit=limit, offset=offset, newest_first=newest_first)


def list_claims(filters: Filters, limit: int = 50, offset: int = 0, newest_first: bool = False):
    """One page of claims (ClaimRecord); never more than `limit`."""
    return _list_claims(db_url(), filters, limit, offset, newest_first)


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _timeline(url: str, filters: Filters, by: str | None, period: str):
    return _read(queries.timeline, filters.claim_filter(), by=by, period=period)


def timeline(filters: Filters, by: str | None, period: str) -> list[tuple[dt.date, str | None, int]]:
    return _timeline(db_url(), filters, by, period)


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _speaker_choices(url: str, search: str, chosen: tuple[int, ...]) -> dict[int, str]:
    with store().session() as session:
        found = queries.list_speakers(session, search=search.strip() or None, limit=SPEAKER_OPTIONS)
        missing = [i for i in chosen if i not in {s.id for s in found}]
        found += queries.list_speakers_by_id(session, missing) if missing else []
    return {s.id: speaker_label(s.name, s.role, s.claims) for s in found}


def speaker_choices(search: str = "", chosen: Sequence[int] = ()) -> dict[int, str]:
    """{speaker id: label} for a picker: the most-quoted (or those matching `search`), plus `chosen`."""
    return _speaker_choices(db_url(), search or "", tuple(chosen))


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _speakers_by_id(url: str, ids: tuple[int, ...]):
    return _read(queries.list_speakers_by_id, list(ids))


def speakers_by_id(ids: Sequence[int]) -> dict:
    """{id: SpeakerRecord} of these speakers (those that still exist)."""
    return {s.id: s for s in _speakers_by_id(db_url(), tuple(ids))}


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _speaker_profile(url: str, speaker_id: int):
    return _read(queries.speaker_profile, speaker_id)


def speaker_profile(speaker_id: int):
    return _speaker_profile(db_url(), speaker_id)


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _topic_names(url: str) -> list[str]:
    return [t.name for t in _read(queries.list_topics)]


def topic_names() -> list[str]:
    return _topic_names(db_url())


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _entity_names(url: str) -> list[str]:
    return [name for name, _kind, _n in _read(queries.entities)]


def entity_names() -> list[str]:
    return _entity_names(db_url())


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _outlet_names(url: str) -> list[str]:
    return _read(queries.outlets)


def outlet_names() -> list[str]:
    return _outlet_names(db_url())


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _documents(url: str, search: str, limit: int, offset: int):
    return _read(queries.list_documents, search=search.strip() or None, limit=limit, offset=offset)


def documents(search: str = "", limit: int = 50, offset: int = 0):
    return _documents(db_url(), search or "", limit, offset)


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _count_documents(url: str) -> int:
    return _read(queries.count_documents)


def count_documents() -> int:
    return _count_documents(db_url())


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _claim_detail(url: str, claim_id: int):
    return _read(queries.claim_detail, claim_id)


def claim_detail(claim_id: int):
    """The claim, its document's text, speaker and machine values (ClaimDetail), or None."""
    return _claim_detail(db_url(), claim_id)


@dataclass(frozen=True)
class Change:
    at: dt.datetime
    user: str
    field: str
    old: str | None
    new: str | None
    note: str | None


@st.cache_data(ttl=CACHE_TTL, show_spinner=False)
def _history(url: str, target: str, target_id: int) -> list[Change]:
    # Plain rows, not the ORM objects: the cache pickles what it keeps.
    return [Change(a.at, a.user, a.field, a.old_value, a.new_value, a.note)
            for a in _read(edits.history, target, target_id)]


def history(target: str, target_id: int) -> list[Change]:
    return _history(db_url(), target, target_id)
