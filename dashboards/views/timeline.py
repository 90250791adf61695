"""Timeline: claims per day, week or month, by speaker or by topic; a period picked on the chart (or by
a date) lists its claims."""
import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

import components
import shared

TOP_SERIES = 8  # more colours than this cannot be told apart: the rest are summed as "Others"
BY = {"Speaker": "speaker", "Topic": "topic", "All claims": None}
MAX_PERIODS = {"day": 366, "week": 260, "month": 240}
OUTLIERS = 0.01

shared.require_user()
st.title("Timeline")
filters = shared.sidebar_filters()

by_col, period_col = st.columns(2)
by_label = by_col.segmented_control("Split by", list(BY), default="Speaker", key="timeline_by")
period = period_col.segmented_control("Period", shared.PERIODS, default="month", key="timeline_period",
                                      format_func=str.capitalize)
by, period = BY[by_label or "Speaker"], period or "month"


def label(start: dt.date) -> str:
    return components.period_label(start, period)


def chart_frame(rows) -> pd.DataFrame:
    """One row per period and series, the smaller series folded into "Others"."""
    frame = pd.DataFrame(rows, columns=["start", "series", "claims"])
    if by is None:
        frame["series"] = "All claims"
    frame["series"] = frame["series"].fillna("Unknown speaker" if by == "speaker" else "No topic")
    top = frame.groupby("series")["claims"].sum().nlargest(TOP_SERIES).index
    frame.loc[~frame["series"].isin(top), "series"] = "Others"
    frame = frame.groupby(["start", "series"], as_index=False)["claims"].sum()
    frame["label"] = frame["start"].map(label)
    frame["start"] = frame["start"].map(dt.date.isoformat)
    return frame


def chart_start(frame: pd.DataFrame, last: dt.date, period: str) -> dt.date:
    """The first period drawn: past the oldest OUTLIERS share of the claims, and at most MAX_PERIODS back."""
    per_period = frame.groupby("start")["claims"].sum().sort_index()
    cumulative = per_period.cumsum() / per_period.sum()
    start = dt.date.fromisoformat(cumulative[cumulative > OUTLIERS].index[0])
    starts = components.period_starts(start, last, period)
    return starts[-MAX_PERIODS[period]] if len(starts) > MAX_PERIODS[period] else start


rows = shared.timeline(filters, by, period)
if not rows:
    total = shared.count_claims(shared.Filters())
    st.info(shared.EMPTY_STORE if not total else
            "None of the claims these filters select has a date." if shared.count_claims(filters)
            else shared.NOTHING_MATCHES)
    st.stop()

frame = chart_frame(rows)
first, last = dt.date.fromisoformat(frame["start"].min()), dt.date.fromisoformat(frame["start"].max())
last_day = components.period_end(last, period)
# A few claims about the distant past (a quote from 1977 in a 2016 article) would stretch the axis over
# decades, thousands of empty days that squeeze the rest into a sliver (and that the browser cannot draw):
# the chart starts where the oldest 1% of the claims end, and never spans more than MAX_PERIODS.
window_start = chart_start(frame, last, period)
older = int(frame.loc[frame["start"] < window_start.isoformat(), "claims"].sum())
frame = frame[frame["start"] >= window_start.isoformat()]
periods = [label(day) for day in components.period_starts(window_start, last, period)]
st.caption(f"{shared.matching(shared.count_claims(filters), 'claim')} the filters, "
           f"dated {label(first)} to {periods[-1]}. Click a bar to list that period's claims.")
if older:
    st.caption(f"The chart starts at {periods[0]}: {shared.plural(older, 'older claim')} not drawn "
               "(set the From date in the sidebar to see them).")

# Every period from the first to the last is on the axis (an empty month is a gap, not a missing bar).
pick = alt.selection_point(name="pick", fields=["start"], on="click", clear="dblclick")
chart = (
    alt.Chart(frame)
    .mark_bar()
    .encode(
        x=alt.X("label:N", title=None, sort=periods, scale=alt.Scale(domain=periods),
                axis=alt.Axis(labelAngle=-45 if period != "month" else 0)),
        y=alt.Y("claims:Q", title="Claims", stack=True),
        color=alt.Color("series:N", title=by_label, sort=alt.EncodingSortField("claims", op="sum", order="descending")),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
        tooltip=[alt.Tooltip("label:N", title="Period"), alt.Tooltip("series:N", title=by_label),
                 alt.Tooltip("claims:Q", title="Claims")],
    )
    .add_params(pick)
    .properties(height=360)
)
# Keyed by split and period: a bar picked on one chart means nothing on another.
event = st.altair_chart(chart, on_select="rerun", selection_mode="pick", key=f"timeline_chart_{by}_{period}",
                        width="stretch")

# The period: a click on the chart, else the fallback date picker below it.
# (Read as a mapping: the event is a dict of the browser's selection, {"selection": {"pick": [points]}}.)
picked = [point.get("start") for point in ((event or {}).get("selection", {}).get("pick") or [])]
day = st.session_state.get("timeline_day")
if day is not None and not first <= day <= last_day:  # the filters moved the range away from it
    st.session_state["timeline_day"] = None
chosen_day = st.date_input("Or show the period containing this date", value=None, key="timeline_day",
                           min_value=first, max_value=last_day, format="YYYY-MM-DD")
if picked and picked[0]:
    start = dt.date.fromisoformat(str(picked[0])[:10])
elif chosen_day:
    start = components.period_start(chosen_day, period)
else:
    start = None
if start is None:
    st.caption("No period chosen yet.")
    st.stop()

in_period = filters.narrowed(since=start, until=components.period_end(start, period))
total = shared.count_claims(in_period)
st.subheader(label(start))
if not total:
    st.info("No claims in this period with these filters.")
    st.stop()
st.caption(f"{shared.plural(total, 'claim')} · select a row to open it in context")
limit, offset = components.pager(total, key="timeline_rows")
records = shared.list_claims(in_period, limit=limit, offset=offset)
chosen = components.claims_table(records, key=f"timeline_table_{start}_{offset}")
if chosen is not None:
    components.open_claim(chosen)
