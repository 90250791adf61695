"""Speakers: one speaker's profile (aliases, roles over time, activity, topics, recent claims), and for
admins, merging a duplicate into it."""
import altair as alt
import pandas as pd
import streamlit as st

import components
import shared

SELECTED = components.SELECTED_SPEAKER
MAX_MONTHS = 60  # five years of activity; older months are in the claims themselves

shared.require_user()
st.title("Speakers")
filters = shared.sidebar_filters()  # a profile covers all the speaker's claims; "recent claims" the filtered ones

search_col, pick_col = st.columns([1, 2])
search = search_col.text_input("Find a speaker", key="speakers_search", placeholder="a name or alias")
selected = st.session_state.get(SELECTED)
if selected is None and len(filters.speakers) == 1:
    selected = filters.speakers[0]
choices = shared.speaker_choices(search, (selected,) if selected is not None else ())
if not choices:
    st.info("No speakers yet: they come with the claims (add a source on the Sources page)." if not search
            else "No speaker matches that name; try part of it, or an alias.")
    st.stop()
options = list(choices)
if selected not in choices:
    selected = options[0]
st.session_state["speakers_pick"] = selected
st.selectbox("Speaker", options, key="speakers_pick", format_func=choices.get,
             on_change=lambda: st.session_state.update({SELECTED: st.session_state["speakers_pick"]}))
st.session_state[SELECTED] = selected

profile = shared.speaker_profile(selected)
if profile is None:
    st.warning("This speaker no longer exists (merged into another?). Pick another one.")
    st.session_state.pop(SELECTED, None)
    st.stop()
speaker = profile.speaker

if message := st.session_state.pop("speakers_flash", None):
    st.success(message)
st.header(components.md(speaker.name))
st.caption(components.md(" · ".join(part for part in (speaker.kind, speaker.role, speaker.affiliation) if part)))
claims_col, aliases_col, roles_col = st.columns(3)
claims_col.metric("Claims", f"{speaker.claims:,}")
aliases_col.metric("Aliases", len(speaker.aliases))
roles_col.metric("Roles seen", len(profile.roles))
others = [a for a in speaker.aliases if a != speaker.name]
if others:
    st.markdown("**Also known as:** " + ", ".join(components.md(a) for a in others))

left, right = st.columns(2, gap="large")
with left:
    st.markdown("##### Activity per month")
    if profile.activity:
        # Every month from the first to the last on an ordinal axis: one bar per month, however few months
        # (a time axis draws a single month as one bar from edge to edge).
        counts = dict(profile.activity)
        months = components.period_starts(min(counts), max(counts), "month")[-MAX_MONTHS:]
        activity = pd.DataFrame({"month": [components.period_label(m, "month") for m in months],
                                 "claims": [counts.get(m, 0) for m in months]})
        st.altair_chart(alt.Chart(activity).mark_bar().encode(
            x=alt.X("month:N", title=None, sort=list(activity["month"]), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("claims:Q", title="Claims"),
            tooltip=[alt.Tooltip("month:N", title="Month"), "claims:Q"]).properties(height=220),
            width="stretch")
    else:
        st.caption("No dated claims.")
    st.markdown("##### Roles over time")
    if profile.roles:
        st.dataframe(pd.DataFrame({"Role": [r for r, *_ in profile.roles],
                                   "First seen": [shared.format_date(a) for _, a, _, _ in profile.roles],
                                   "Last seen": [shared.format_date(b) for _, _, b, _ in profile.roles],
                                   "Claims": [n for *_, n in profile.roles]}), hide_index=True, width="stretch")
    else:
        st.caption("No role given in any claim.")
with right:
    st.markdown("##### Top topics")
    if profile.topics:
        topics = pd.DataFrame(profile.topics, columns=["topic", "claims"])
        st.altair_chart(alt.Chart(topics).mark_bar().encode(
            y=alt.Y("topic:N", title=None, sort="-x", axis=alt.Axis(labelLimit=220)),
            x=alt.X("claims:Q", title="Claims"),
            tooltip=["topic:N", "claims:Q"]).properties(height=alt.Step(22)), width="stretch")
    else:
        st.caption("No topics on this speaker's claims.")

st.markdown("##### Recent claims")
recent = shared.list_claims(filters.narrowed(speakers=(speaker.id,)), limit=5, newest_first=True)
if not recent:
    st.caption("No claims match the sidebar filters." if filters.active else "No claims.")
for claim in recent:
    components.quote_card(claim, key="speaker_recent", show_speaker=False)

st.divider()
st.markdown("##### Merge a duplicate into this speaker")
if not shared.allowed("merge"):
    st.caption("Only an admin can merge speakers.")
    st.stop()
st.caption(f"The other speaker's claims and aliases move to {components.md(speaker.name)}, and the other "
           "speaker is removed. The annotation log keeps a record.")
other_search = st.text_input("Find the duplicate", key="merge_search", placeholder="a name or alias")
others = shared.speaker_choices(other_search)
others.pop(speaker.id, None)
if not others:
    st.caption("No other speaker matches.")
    st.stop()
other = st.selectbox("Duplicate", list(others), format_func=others.get, key="merge_other")
sure = st.checkbox(f"Yes, merge {others[other]} into {speaker.name}", key="merge_sure")
if st.button("Merge", type="primary", disabled=not sure, key="merge_go"):
    try:
        shared.merge_speakers(speaker.id, other)
    except (shared.EditError, shared.NotAllowed) as error:
        st.error(str(error))
    else:
        st.session_state.pop("merge_sure", None)
        merged = f"Merged {components.md(others[other])} into {components.md(speaker.name)}."
        st.session_state["speakers_flash"] = merged
        st.rerun()
