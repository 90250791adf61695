"""One claim: the quote in its source text, who said it, its labels and history; and the annotation
controls, drawn only for users who may annotate (shared checks again before any change)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import components
import shared

FLASH = "claim_flash"  # a message that survives the rerun after a save


def show(detail) -> None:
    claim = detail.claim
    st.subheader(f"Claim #{claim.id}")
    if message := st.session_state.pop(FLASH, None):
        st.success(message)
    meta = [shared.format_date(claim.said_on), components.md(claim.outlet) or "no outlet", claim.kind,
            f"status: {claim.status}"]
    st.caption(" · ".join(meta))
    if claim.title or claim.url:
        title = claim.title or claim.url
        if claim.url and claim.url.lower().startswith(("http://", "https://")):
            st.link_button(components.md(components.short(title, 90)), claim.url, icon=":material/link:")
        else:
            st.text(title)

    text_col, facts_col = st.columns([3, 2], gap="large")
    with text_col:
        components.quote_in_context(detail)
    with facts_col:
        _facts(detail)

    st.markdown("##### History")
    _history(claim.id)
    if shared.allowed("annotate"):
        st.markdown("##### Annotate")
        _annotate(detail)
    else:
        st.caption("Reviewing and correcting claims needs an analyst account.")


def _facts(detail) -> None:
    claim, speaker = detail.claim, detail.speaker
    st.markdown("**Speaker**")
    if speaker is None:
        st.text("Unknown speaker")
    else:
        st.text(shared.speaker_label(speaker.name, claim.speaker_role or speaker.role))
        details = [f"kind: {speaker.kind}" if speaker.kind else None,
                   f"affiliation: {speaker.affiliation}" if speaker.affiliation else None,
                   shared.plural(speaker.claims, "claim")]
        st.caption(components.md(" · ".join(d for d in details if d)))
        if st.button("Speaker profile", icon=":material/person:", key="to_speaker"):
            st.session_state[components.SELECTED_SPEAKER] = speaker.id
            st.switch_page("views/speakers.py")
    if detail.machine_speaker and (speaker is None or detail.machine_speaker != speaker.name):
        st.caption(f"The extractor said: {components.md(detail.machine_speaker)}")
    if detail.machine_missing:
        st.warning("The current extractor no longer finds this claim; it is kept for the work done on it.")
    rows = {"Cue": claim.cue or "—", "Confidence": f"{claim.confidence:.2f}",
            "Topics": ", ".join(claim.topics) or "—", "Entities": ", ".join(claim.entities) or "—",
            "Note": claim.note or "—"}
    st.dataframe(pd.DataFrame({"": list(rows), "Value": list(rows.values())}), hide_index=True, width="stretch")


def _history(claim_id: int) -> None:
    changes = shared.history("claim", claim_id)
    if not changes:
        st.caption("No changes yet: the claim is as the extractor found it.")
        return
    st.dataframe(pd.DataFrame({"When": [c.at.strftime("%Y-%m-%d %H:%M") for c in changes],
                               "Who": [c.user for c in changes], "What": [c.field for c in changes],
                               "From": [c.old or "" for c in changes], "To": [c.new or "" for c in changes],
                               "Note": [c.note or "" for c in changes]}),
                 hide_index=True, width="stretch")


def _saved(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def _change(message: str, edit, *args) -> None:
    """Makes one change through shared; its success after the rerun, or why it could not be made."""
    try:
        edit(*args)
    except (shared.EditError, shared.NotAllowed) as error:
        st.error(str(error))
    else:
        _saved(message)


def _annotate(detail) -> None:
    claim = detail.claim
    with st.form(f"review_{claim.id}"):
        status = st.selectbox("Review status", shared.REVIEW_STATUSES, key=f"status_{claim.id}",
                              index=shared.REVIEW_STATUSES.index(claim.status))
        topics = st.multiselect("Topics", shared.topic_names(), default=claim.topics, key=f"topics_{claim.id}")
        note = st.text_area("Note", value=claim.note or "", key=f"note_{claim.id}",
                            placeholder="why this status, what to check…")
        if st.form_submit_button("Save review", type="primary", key=f"review_save_{claim.id}"):
            try:
                changed = shared.save_review(claim.id, status, note, topics)
            except (shared.EditError, shared.NotAllowed) as error:
                st.error(str(error))
            else:
                _saved(f"Saved: {', '.join(changed)}." if changed else "Nothing changed.")

    with st.expander("Correct the speaker"):
        _correct_speaker(detail)


def _correct_speaker(detail) -> None:
    claim = detail.claim
    search = st.text_input("Find a speaker", key=f"speaker_search_{claim.id}", placeholder="a name or alias")
    choices = shared.speaker_choices(search)
    choices.pop(claim.speaker_id, None)
    if choices:
        pick = st.selectbox("Speaker", list(choices), format_func=choices.get, key=f"speaker_pick_{claim.id}")
        if st.button("Use this speaker", key=f"speaker_use_{claim.id}"):
            _change(f"Speaker set to {components.md(choices[pick])}.", shared.correct_speaker, claim.id, pick)
    else:
        st.caption("No speaker matches; create one below.")
    corrected = detail.machine_speaker and detail.speaker and detail.machine_speaker != detail.speaker.name
    if corrected and st.button(f"Back to the extractor's speaker ({components.md(detail.machine_speaker)})",
                               key=f"speaker_reset_{claim.id}"):
        _change("Speaker set back to the extractor's.", shared.correct_speaker, claim.id, None)

    with st.form(f"new_speaker_{claim.id}", clear_on_submit=True):
        st.markdown("**A new speaker**")
        name = st.text_input("Name", key=f"new_speaker_name_{claim.id}")
        kind = st.selectbox("Kind", [None, *shared.SPEAKER_KINDS], format_func=lambda k: k or "not known",
                            key=f"new_speaker_kind_{claim.id}")
        role_col, affiliation_col = st.columns(2)
        role = role_col.text_input("Role", placeholder="e.g. Foreign Minister", key=f"new_speaker_role_{claim.id}")
        affiliation = affiliation_col.text_input("Affiliation", placeholder="a country or organisation",
                                                 key=f"new_speaker_affiliation_{claim.id}")
        if st.form_submit_button("Create and use for this claim", key=f"new_speaker_submit_{claim.id}"):
            try:
                speaker_id = shared.create_speaker(name, kind, role, affiliation)
                shared.correct_speaker(claim.id, speaker_id)
            except (shared.EditError, shared.NotAllowed) as error:
                st.error(str(error))
            else:
                _saved(f"Created {components.md(name.strip())} and set as the speaker.")
