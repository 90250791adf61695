"""Claims: the filtered claims a page at a time; the one selected (a row, the picker, or ?claim=ID)
shown in its source text with its speaker, labels, history and, for analysts, the annotation controls."""
import streamlit as st

import claim_view
import components
import shared

SELECTED = components.SELECTED_CLAIM

shared.require_user()
st.title("Claims")
filters = shared.sidebar_filters()

# A link (?claim=ID) or another page's "open in context" chooses the claim; a link only once, so that
# picking another claim here is not undone by the URL on the next rerun.
linked = st.query_params.get("claim")
if linked and linked.isdigit() and st.session_state.get("claim_link_seen") != linked:
    st.session_state["claim_link_seen"] = linked
    st.session_state[SELECTED] = int(linked)


def choose(claim_id: int | None) -> None:
    st.session_state[SELECTED] = claim_id
    if claim_id is None:
        st.query_params.pop("claim", None)
    else:
        st.query_params["claim"] = str(claim_id)
        st.session_state["claim_link_seen"] = str(claim_id)


total = shared.count_claims(filters)
if not total:
    st.info(shared.EMPTY_STORE if not shared.count_claims(shared.Filters()) else shared.NOTHING_MATCHES)
else:
    st.caption(f"{shared.matching(total, 'claim')} the filters" if filters.active
               else f"{shared.plural(total, 'claim')} in the store")
    limit, offset = components.pager(total, key="claims_rows")
    records = shared.list_claims(filters, limit=limit, offset=offset, newest_first=True)  # the latest news first
    # The table's key changes with the page and filters, so an old row selection never points into a new page.
    row_pick = components.claims_table(records, key=f"claims_table_{hash(filters)}_{limit}_{offset}")
    if row_pick is not None and row_pick != st.session_state.get("claims_last_row_pick"):
        st.session_state["claims_last_row_pick"] = row_pick
        choose(row_pick)

    labels = {c.id: f"#{c.id} · {shared.format_date(c.said_on)} · {c.speaker or 'Unknown speaker'} · "
                    f"{components.short(c.text, 70)}" for c in records}
    selected = st.session_state.get(SELECTED)
    options = [None] + ([selected] if selected is not None and selected not in labels else []) + list(labels)
    st.session_state["claim_picker"] = selected
    st.selectbox("Claim", options, key="claim_picker", on_change=lambda: choose(st.session_state["claim_picker"]),
                 placeholder="— pick a claim, or select a row above —",
                 format_func=lambda i: "— pick a claim, or select a row above —" if i is None
                 else labels.get(i, f"#{i} (not on this page)"))

selected = st.session_state.get(SELECTED)
if selected is not None:
    detail = shared.claim_detail(selected)
    if detail is None:
        st.warning(f"There is no claim #{selected} (it may have been removed).")
    else:
        st.divider()
        claim_view.show(detail)
