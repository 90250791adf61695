"""The dashboard's one door to the store: the cached ClaimStore, cached queries, the edits (each checked
against the signed-in user's role), ingestion and exports, the shared sidebar filters and the user.

Pages never open sessions or build queries: they call the functions here. Reads are cached for a short
while (CACHE_TTL), keyed by the database URL and the filter's values; every edit clears them, so the
person who made it sees it at once and everyone else within CACHE_TTL seconds.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from claims.extract.document_kinds import DOCUMENT_KINDS  # noqa: F401  (for the pages)
from claims.model import KINDS as CLAIM_KINDS
from claims.store import ClaimStore, database_url, edits, queries, users
from claims.store.queries import PERIODS, ClaimFilter  # noqa: F401  (PERIODS: for the pages)
from claims.store.tables import REVIEW_STATUSES, SPEAKER_KINDS  # noqa: F401  (for the pages)

CACHE_TTL = 30  # seconds a read may be stale for other people's edits
SPEAKER_OPTIONS = 200  # speakers offered in a picker before the user searches
NLP_ENV = "CLAIMS_NLP"  # the extractor for sources added in the dashboard: auto (default), stanza or fast
EditError = edits.EditError


# ----------------------------------------------------------------------------------------------- store

def db_url() -> str:
    """The database this app runs on (DATABASE_URL, as `claims dashboard` sets it); a cache key everywhere."""
    return database_url(None)


@st.cache_resource(show_spinner="Opening the claim store…")
def _open_store(url: str) -> ClaimStore:
    return ClaimStore(url)


def store() -> ClaimStore:
    return _open_store(db_url())


def display_url() -> str:
    return store().display_url


def invalidate() -> None:
    """After an edit or an ingest: every cached read is dropped (the caches are shared by all sessions)."""
    st.cache_data.clear()


# ------------------------------------------------------------------------------------------------ users

USER_KEY = "user"


@dataclass(frozen=True)
class SignedIn:
    name: str
    role: str


def sign_in(name: str, password: str) -> SignedIn | None:
    with store().session() as session:
        found = users.authenticate(session, name, password)
    if found is None:
        return None
    st.session_state[USER_KEY] = SignedIn(found.name, found.role)
    return st.session_state[USER_KEY]


def sign_out() -> None:
    for key in list(st.session_state.keys()):
        del st.session_state[key]


def current_user() -> SignedIn | None:
    return st.session_state.get(USER_KEY)


def require_user() -> SignedIn:
    """The first call of every page: nobody signed in, nothing shown (app.py shows the sign-in form)."""
    user = current_user()
    if user is None:
        st.warning("Sign in first.")
        st.stop()
    return user


def allowed(action: str) -> bool:
    user = current_user()
    return user is not None and users.can(user.role, action)


class NotAllowed(PermissionError):
    """The signed-in user's role does not allow the action; str() is one line for the user."""


def _require(action: str) -> str:
    """The signed-in user's name, if they may do `action`: a second check behind the hidden widgets, on
    the role the database holds now (an admin may have changed it since the user signed in)."""
    user = current_user()
    if user is not None:
        with store().session() as session:
            found = next((u for u in users.list_users(session) if u.name == user.name), None)
        if found is not None and users.can(found.role, action):
            return found.name
    raise NotAllowed(f"{user.name if user else 'nobody'} may not {action}")


# ---------------------------------------------------------------------------------------------- filters

@dataclass(frozen=True)
class Filters:
    """The sidebar's choices; hashable, so that they key the cached reads."""
    speakers: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    search: str = ""

    def claim_filter(self) -> ClaimFilter:
        return ClaimFilter(speakers=list(self.speakers), topics=list(self.topics), entities=list(self.entities),
                           outlets=list(self.outlets), kinds=list(self.kinds), statuses=list(self.statuses),
                           since=self.since, until=self.until, search=self.search.strip() or None)

    def narrowed(self, since: dt.date | None = None, until: dt.date | None = None, **changes) -> Filters:
        """These filters with a period inside their own date range, and other fields replaced."""
        if since is not None:
            changes["since"] = max(since, self.since) if self.since else since
        if until is not None:
            changes["until"] = min(until, self.until) if self.until else until
        return replace(self, **changes)

    @property
    def active(self) -> bool:
        return self != Filters()


# Widget keys of the sidebar filters, with their empty values.
FILTER_DEFAULTS = {"f_speakers": [], "f_topics": [], "f_entities": [], "f_outlets": [], "f_kinds": [],
                   "f_statuses": [], "f_since": None, "f_until": None, "f_search": "", "f_speaker_search": ""}


def keep_filter_state() -> None:
    """Called first on every run: Streamlit forgets a widget's value on a page that does not draw it
    (the Sources page has no filters); writing the values back keeps them for the next page."""
    for key, empty in FILTER_DEFAULTS.items():
        st.session_state[key] = st.session_state.get(key, list(empty) if isinstance(empty, list) else empty)


def _clear_filters() -> None:
    for key, empty in FILTER_DEFAULTS.items():
        st.session_state[key] = list(empty) if isinstance(empty, list) else empty


def sidebar_filters() -> Filters:
    """Draws the filters in the sidebar and returns them."""
    state = st.session_state
    bar = st.sidebar
    bar.subheader("Filters")
    since_col, until_col = bar.columns(2)
    since_col.date_input("From", key="f_since", format="YYYY-MM-DD")
    until_col.date_input("To", key="f_until", format="YYYY-MM-DD")
    bar.text_input("Search the quotes", key="f_search", placeholder="words, e.g. sanctions relief")
    bar.text_input("Find speakers", key="f_speaker_search", placeholder="a name or alias")
    names = speaker_choices(state["f_speaker_search"], tuple(state["f_speakers"]))
    state["f_speakers"] = [i for i in state["f_speakers"] if i in names]
    bar.multiselect("Speakers", list(names), key="f_speakers", format_func=names.get,
                    placeholder="any speaker")
    bar.multiselect("Topics", topic_names(), key="f_topics", placeholder="any topic")
    bar.multiselect("Entities mentioned", entity_names(), key="f_entities", placeholder="any entity")
    bar.multiselect("Outlets", outlet_names(), key="f_outlets", placeholder="any outlet")
    bar.multiselect("Kind", CLAIM_KINDS, key="f_kinds", placeholder="direct, mixed or indirect")
    bar.multiselect("Review status", REVIEW_STATUSES, key="f_statuses", placeholder="any status")
    filters = Filters(speakers=tuple(state["f_speakers"]), topics=tuple(state["f_topics"]),
                      entities=tuple(state["f_entities"]), outlets=tuple(state["f_outlets"]),
                      kinds=tuple(state["f_kinds"]), statuses=tuple(state["f_statuses"]),
                      since=state["f_since"], until=state["f_until"], search=state["f_search"] or "")
    if filters.active:
        bar.button("Clear filters", on_click=_clear_filters, width="stretch", key="f_clear")
    return filters


# ------------------------------------------------------------------------------------------ cached reads

def _read(function: Callable, *args, **kwargs):
    with store().session() as session:
        return function(session, *args, **kwargs)


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


# ------------------------------------------------------------------------------------------------- edits

def _edit(action: str, function: Callable, *args, **kwargs):
    user = _require(action)
    with store().session() as session:
        result = function(session, *args, user=user, **kwargs)
    invalidate()
    return result


def save_review(claim_id: int, status: str, note: str, topics: Sequence[str]) -> list[str]:
    """Status, note and topics of a claim, each written (and logged) only when it changed; what changed."""
    _require("annotate")
    detail = _read(queries.claim_detail, claim_id)  # not the cached one: compare with what is stored now
    if detail is None:
        raise EditError(f"no claim with id {claim_id}")
    claim, changed = detail.claim, []
    if status != claim.status:
        _edit("annotate", edits.set_status, claim_id, status)
        changed.append(f"status {status}")
    if (note or "").strip() != (claim.note or ""):
        _edit("annotate", edits.set_note, claim_id, (note or "").strip() or None)
        changed.append("note")
    if sorted(topics) != sorted(claim.topics):
        _edit("annotate", edits.set_claim_topics, claim_id, list(topics))
        changed.append("topics")
    return changed


def correct_speaker(claim_id: int, speaker_id: int | None) -> None:
    _edit("annotate", edits.correct_speaker, claim_id, speaker_id)


def create_speaker(name: str, kind: str | None, role: str | None, affiliation: str | None) -> int:
    speaker = _edit("annotate", edits.create_speaker, name, kind, role=role or None,
                    affiliation=affiliation or None)
    return speaker.id


def merge_speakers(keep_id: int, other_id: int) -> None:
    _edit("merge", edits.merge_speakers, keep_id, [other_id])


# ----------------------------------------------------------------------------------------------- ingest

@st.cache_resource(show_spinner="Loading the extractor…")
def _extractor(nlp: str):
    from claims.extract import load_extractor
    return load_extractor(nlp)


def add_sources(inputs: Sequence[str], progress: Callable[[int, int, str], None], outlet: str | None = None,
                kind: str = "article", metadata: dict | None = None, shown_as: dict[str, str] | None = None):
    """Reads `inputs` (paths or URLs) with iter_sources and ingests them; `progress(done, total, name)`
    after each document. The IngestSummary. `shown_as` renames temporary paths in names and problems."""
    _require("add-sources")
    from claims.sources import iter_sources
    from claims.store.ingest import ingest

    def shown(text: str) -> str:
        for path, name in (shown_as or {}).items():
            text = text.replace(path, name)
        return text

    # Read first (in memory: uploads and pastes are small), so the progress bar knows its length.
    sources = []
    for name, document, problem in iter_sources(inputs, outlet=outlet or None, kind=kind, metadata=metadata):
        if document is not None:
            document.name = shown(document.name)  # kept as the document's source: not a temporary path
        sources.append((shown(name), document, shown(problem) if problem else None))
    done = 0

    def step(name: str) -> None:
        nonlocal done
        done += 1
        progress(done, len(sources), name)

    summary = ingest(store(), sources, _extractor(os.environ.get(NLP_ENV) or "auto"), progress=step)
    invalidate()
    return summary


def add_pasted_text(text: str, progress: Callable[[int, int, str], None], title: str | None = None,
                    outlet: str | None = None, published: dt.date | None = None, url: str | None = None,
                    kind: str = "article"):
    """A pasted text, read like a .txt file (so its own headline and date lines count too)."""
    with tempfile.TemporaryDirectory(prefix="claims-paste-") as folder:
        path = Path(folder) / "pasted.txt"
        path.write_text(text, encoding="utf-8")
        row = {"title": title or None, "url": url or None, "published": published}
        return add_sources([str(path)], progress, outlet=outlet, kind=kind,
                           metadata={"pasted": {k: v for k, v in row.items() if v is not None}},
                           shown_as={str(path): "pasted text"})


def add_uploads(files: Sequence[tuple[str, bytes]], progress: Callable[[int, int, str], None],
                outlet: str | None = None, kind: str = "article"):
    """Uploaded files, written to a temporary folder under their own names (their suffix tells the format)."""
    with tempfile.TemporaryDirectory(prefix="claims-upload-") as folder:
        paths = {}
        for number, (name, data) in enumerate(files):
            path = Path(folder) / str(number) / Path(name).name  # a folder each: two uploads may share a name
            path.parent.mkdir()
            path.write_bytes(data)
            paths[str(path)] = path.name
        return add_sources(list(paths), progress, outlet=outlet, kind=kind, shown_as=paths)


# ----------------------------------------------------------------------------------------------- export

def _render_export(url: str, filters: Filters, group_by: str, fmt: str, limit: int | None) -> bytes:
    # Runs when the button is clicked, outside the script run (no session state there): plain arguments only.
    from claims.export import quote_sheet, render
    with _open_store(url).session() as session:
        sheet = quote_sheet(session, filters.claim_filter(), group_by=group_by, limit=limit)
    return render(sheet, fmt)


def export_callback(filters: Filters, group_by: str, fmt: str, limit: int | None = None) -> Callable[[], bytes]:
    """The quote sheet file (claims.export) for a download button, rendered only when the button is
    clicked (a DOCX of thousands of quotes takes a while). The permission is checked now, in the run."""
    _require("export")
    return functools.partial(_render_export, db_url(), filters, group_by, fmt, limit)


# ------------------------------------------------------------------------------------------- formatting

def format_date(day: dt.date | None) -> str:
    """One style everywhere: 6 Jan 2025."""
    return f"{day.day} {day:%b %Y}" if day else "undated"


def speaker_label(name: str | None, role: str | None = None, claims: int | None = None) -> str:
    label = name or "Unknown speaker"
    if role:
        label += f" ({role})"
    if claims is not None:
        label += f" · {claims} claim{'s' * (claims != 1)}"
    return label


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"


def matching(count: int, noun: str) -> str:
    """'1 claim matches', '3 claims match'."""
    return f"{plural(count, noun)} {'matches' if count == 1 else 'match'}"


EMPTY_STORE = ("No claims yet: add a source on the Sources page, or run `claims ingest FILES` "
               "on this database.")
NOTHING_MATCHES = "No claims match these filters: widen the date range or clear a filter in the sidebar."
