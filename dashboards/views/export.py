"""Export: the claims the sidebar filters select, as a quote sheet (claims.export) in CSV, XLSX, Markdown
or DOCX, grouped by speaker or by date. Each file is rendered when its button is clicked."""
import datetime as dt

import streamlit as st

import components
import shared

FORMATS = {"xlsx": ("Excel", ":material/table_view:"), "docx": ("Word", ":material/description:"),
           "csv": ("CSV", ":material/csv:"), "md": ("Markdown", ":material/markdown:")}
MEDIA_TYPES = {"csv": "text/csv", "md": "text/markdown",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
LIMITS = {"the newest 500": 500, "the newest 2,000": 2000, "all of them": None}

shared.require_user()
st.title("Export a quote sheet")
filters = shared.sidebar_filters()
if not shared.allowed("export"):
    st.info("Your account may not export.")
    st.stop()

total = shared.count_claims(filters)
if not total:
    st.info(shared.EMPTY_STORE if not shared.count_claims(shared.Filters()) else shared.NOTHING_MATCHES)
    st.stop()
st.caption(f"{shared.matching(total, 'claim')} the sidebar filters; change them to change the sheet.")

group_col, limit_col = st.columns(2)
group_by = group_col.segmented_control("Group by", ("speaker", "date"), default="speaker", key="export_group",
                                       format_func=str.capitalize) or "speaker"
limit = None
if total > min(value for value in LIMITS.values() if value):
    limit = LIMITS[limit_col.radio("Quotes", list(LIMITS), key="export_limit", horizontal=True)]
shown = min(total, limit) if limit else total

stem = f"quotes-{dt.date.today():%Y-%m-%d}-by-{group_by}"
buttons = st.columns(len(FORMATS))
for (fmt, (name, icon)), column in zip(FORMATS.items(), buttons):
    column.download_button(f"{name} (.{fmt})", data=shared.export_callback(filters, group_by, fmt, limit),
                           file_name=f"{stem}.{fmt}", mime=MEDIA_TYPES[fmt], icon=icon, key=f"export_{fmt}",
                           on_click="ignore", width="stretch")
st.caption(f"The sheet holds {shared.plural(shown, 'quote')}, grouped by {group_by}.")

st.markdown("##### The newest quotes in the selection")
preview = shared.list_claims(filters, limit=5, newest_first=True)
for claim in preview:
    components.quote_card(claim, key="export_preview")
