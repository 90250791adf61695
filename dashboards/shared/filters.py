"""The sidebar filters every page shares, kept in the session."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import streamlit as st

from claims.model import KINDS as CLAIM_KINDS
from claims.store.queries import ClaimFilter
from claims.store.tables import REVIEW_STATUSES
from shared.reads import entity_names, outlet_names, speaker_choices, topic_names


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
    # One above the other: side by side, the sidebar is too narrow to show a whole date.
    bar.date_input("From", key="f_since", format="YYYY-MM-DD")
    bar.date_input("To", key="f_until", format="YYYY-MM-DD")
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
