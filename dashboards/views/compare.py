"""Compare: two to four speakers side by side over the sidebar's topic, entity and dates: one timeline
(a colour per speaker) and, below, each one's quotes in date order."""
import altair as alt
import pandas as pd
import streamlit as st

import components
import shared

shared.require_user()
st.title("Compare speakers")
filters = shared.sidebar_filters()
st.caption("Topics, entities, outlets and dates come from the sidebar filters; the speakers from here.")

if "compare_speakers" not in st.session_state:
    # A first visit starts from the sidebar's speakers when they fit, else from the two most quoted.
    start = list(filters.speakers) if 2 <= len(filters.speakers) <= 4 else list(shared.speaker_choices())[:2]
    st.session_state["compare_speakers"] = start
chosen = st.session_state["compare_speakers"]

search_col, pick_col = st.columns([1, 3])
search = search_col.text_input("Find a speaker to compare", key="compare_search", placeholder="a name or alias")
names = shared.speaker_choices(search, tuple(chosen))
st.session_state["compare_speakers"] = [i for i in chosen if i in names]  # a speaker merged away is gone
pick_col.multiselect("Speakers (two to four)", list(names), key="compare_speakers", format_func=names.get,
                     max_selections=4, placeholder="choose two to four speakers")
chosen = st.session_state["compare_speakers"]
period = st.segmented_control("Period", shared.PERIODS, default="month", key="compare_period",
                              format_func=str.capitalize) or "month"

if not shared.count_claims(shared.Filters()):
    st.info(shared.EMPTY_STORE)
    st.stop()
if len(chosen) < 2:
    st.info("Choose at least two speakers to compare.")
    st.stop()

# One filter per speaker: the same topic, entity and period for each, only the speaker differs.
per_speaker = {speaker_id: filters.narrowed(speakers=(speaker_id,)) for speaker_id in chosen}
records = shared.speakers_by_id(chosen)
label = {speaker_id: records[speaker_id].name for speaker_id in chosen}
rows = [(start, label[speaker_id], count)
        for speaker_id, speaker_filters in per_speaker.items()
        for start, _name, count in shared.timeline(speaker_filters, None, period)]

if rows:
    first, last = min(r[0] for r in rows), max(r[0] for r in rows)
    starts = components.period_starts(first, last, period)
    # Every speaker on every period, zero when silent, so that the lines line up.
    counts = {(start, who): n for start, who, n in rows}
    frame = pd.DataFrame([(start, who, counts.get((start, who), 0)) for start in starts for who in label.values()],
                         columns=["start", "speaker", "claims"])
    frame["period"] = frame["start"].map(lambda day: components.period_label(day, period))
    frame["start"] = pd.to_datetime(frame["start"])
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y" if period == "month" else "%-d %b %Y",
                                                         tickCount=period)),  # a tick per period, no more
            y=alt.Y("claims:Q", title="Claims"),
            color=alt.Color("speaker:N", title="Speaker", sort=list(label.values())),
            tooltip=[alt.Tooltip("period:N", title="Period"), alt.Tooltip("speaker:N", title="Speaker"),
                     alt.Tooltip("claims:Q", title="Claims")],
        )
        .properties(height=300)
    )
    st.altair_chart(chart, width="stretch")
else:
    st.info("None of these speakers has a dated claim with these filters.")

per_column = st.selectbox("Quotes per speaker", (10, 25, 50), key="compare_limit")
for speaker_id, column in zip(chosen, st.columns(len(chosen), gap="medium")):
    speaker_filters = per_speaker[speaker_id]
    total = shared.count_claims(speaker_filters)
    with column:
        st.subheader(components.md(label[speaker_id]))
        if records[speaker_id].role:
            st.caption(components.md(records[speaker_id].role))
        if not total:
            st.caption("No claims with these filters.")
            continue
        quotes = shared.list_claims(speaker_filters, limit=per_column)
        st.caption(f"{shared.plural(total, 'claim')}, oldest first"
                   + (f"; the first {len(quotes)} shown" if total > len(quotes) else ""))
        for claim in quotes:
            components.quote_card(claim, key=f"compare_{speaker_id}", show_speaker=False)
