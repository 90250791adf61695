"""Pieces several pages draw: the pager, the claims table, quote cards, "open in context", and the
quote highlighted in its source text. Data comes from shared only."""
from __future__ import annotations

import datetime as dt
import html
import re

import pandas as pd
import streamlit as st

import shared

PAGE_SIZES = (25, 50, 100)
CLAIMS_PAGE = "views/claims.py"
SELECTED_CLAIM = "claim_selected"  # session key: the claim the Claims page shows
SELECTED_SPEAKER = "speaker_selected"  # session key: the speaker the Speakers page shows


def period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the day, week (from Monday, as the store counts) or month holding `day`."""
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1) if period == "month" else day


def period_end(start: dt.date, period: str) -> dt.date:
    if period == "week":
        return start + dt.timedelta(days=6)
    if period == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return start


def period_label(start: dt.date, period: str) -> str:
    if period == "month":
        return f"{start:%b %Y}"
    return ("Week of " if period == "week" else "") + shared.format_date(start)


def period_starts(first: dt.date, last: dt.date, period: str) -> list[dt.date]:
    """Every period from the one holding `first` to the one holding `last`."""
    starts, day = [], period_start(first, period)
    while day <= last:
        starts.append(day)
        day = period_end(day, period) + dt.timedelta(days=1)
    return starts


def pager(total: int, key: str, sizes=PAGE_SIZES) -> tuple[int, int]:
    """Page size and page number pickers for `total` rows; (limit, offset)."""
    size_col, page_col, info_col = st.columns([1, 1, 3], vertical_alignment="bottom")
    size = size_col.selectbox("Rows per page", sizes, key=f"{key}_size")
    pages = max(1, -(-total // size))
    if st.session_state.get(f"{key}_page", 1) > pages:  # the filters changed under the page number
        st.session_state[f"{key}_page"] = 1
    page = page_col.number_input("Page", min_value=1, max_value=pages, step=1, key=f"{key}_page")
    first = (page - 1) * size
    info_col.caption(f"Rows {first + 1:,}–{min(first + size, total):,} of {total:,} · page {page} of {pages}"
                     if total else "")
    return size, first


def open_claim(claim_id: int) -> None:
    """The Claims page with this claim shown (its id also in the URL, so the view can be shared)."""
    st.session_state[SELECTED_CLAIM] = claim_id
    st.switch_page(CLAIMS_PAGE, query_params={"claim": str(claim_id)})


def open_claim_button(claim_id: int, key: str) -> None:
    if st.button("Open in context", key=key, icon=":material/open_in_new:"):
        open_claim(claim_id)


_MARKDOWN_INLINE = {ord(c): "\\" + c for c in "\\`*_[]<>&$~:|"}
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])")


def md(text: str | None) -> str:
    """Text from a document (an outlet, a name) made literal for st.caption / st.markdown: the characters
    that mark up anywhere escaped, and those that start a heading or list escaped at the start."""
    escaped = (text or "").translate(_MARKDOWN_INLINE)
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def claims_frame(records) -> pd.DataFrame:
    return pd.DataFrame({
        "Date": [c.said_on for c in records],  # a date, so the column sorts by date; shown as 6 Jan 2025
        "Speaker": [c.speaker or "Unknown speaker" for c in records],
        "Quote": [short(c.text) for c in records],
        "Outlet": [c.outlet or "" for c in records],
        "Kind": [c.kind for c in records],
        "Status": [c.status for c in records],
        "Confidence": [c.confidence for c in records],
        "Topics": [", ".join(c.topics) for c in records],
        "#": [c.id for c in records],
    })


CLAIM_COLUMNS = {
    "Date": st.column_config.DateColumn(format="D MMM YYYY", width="small"),
    "Quote": st.column_config.TextColumn(width="large"),
    "Confidence": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f", width="small"),
    "#": st.column_config.NumberColumn(help="claim id", format="%d", width="small"),
}


def claims_table(records, key: str) -> int | None:
    """One page of claims as a table with single-row selection; the id of the row picked, if any."""
    event = st.dataframe(claims_frame(records), hide_index=True, column_config=CLAIM_COLUMNS, key=key,
                         on_select="rerun", selection_mode="single-row", width="stretch")
    rows = (event or {}).get("selection", {}).get("rows", [])
    return records[rows[0]].id if rows and rows[0] < len(records) else None


def quote_card(claim, key: str, show_speaker: bool = True) -> None:
    """A quote with its date, outlet and a button to open it in the Claims page."""
    with st.container(border=True):
        meta = [shared.format_date(claim.said_on), md(claim.outlet) or "no outlet"]
        if show_speaker:
            meta.insert(0, md(shared.speaker_label(claim.speaker, claim.speaker_role)))
        st.caption(" · ".join(meta))
        st.text(short(claim.text, 400))
        open_claim_button(claim.id, key=f"{key}_{claim.id}")


# ----------------------------------------------------------------------------------- the quote in context

# html.escape leaves Markdown's own characters alone; as entities they show the same but mean nothing.
_MARKDOWN_CHARS = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()+-.!|~:$=^"}
STYLES = {
    "quote": "background-color: rgba(255, 196, 0, 0.35); border-radius: 2px; padding: 0 1px",
    "speaker": "border-bottom: 2px solid #1f77b4; font-weight: 600",
    "cue": "border-bottom: 2px dotted #2ca02c; font-style: italic",
}


def escape(text: str) -> str:
    """Document text made inert: HTML escaped, Markdown characters as entities, newlines as <br>
    (a blank line would end the HTML block and let Markdown read what follows)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html.escape(text, quote=True).translate(_MARKDOWN_CHARS).replace("\n", "<br>")


def body_start(text: str, title: str | None, start: int) -> int:
    """Where the document's body starts when its first line is the headline the view already shows above
    it (the plain-text reader keeps the headline in the text); 0 if not, or if the claim is in the headline."""
    first_line = text.split("\n", 1)[0]
    if not title or first_line.strip() != title.strip() or start < len(first_line):
        return 0
    rest = text[len(first_line):]
    return len(text) - len(rest.lstrip())


def context_window(text: str, start: int, end: int, around: int = 700, floor: int = 0) -> tuple[int, int]:
    """About `around` characters either side of text[start:end] (never before `floor`), cut at paragraph
    breaks when there are some in reach, else at a space."""
    left, right = max(floor, start - around), min(len(text), end + around)
    if left > floor:
        newline = text.find("\n", left, start)
        left = newline + 1 if newline >= 0 else max(floor, text.rfind(" ", 0, left) + 1)
    if right < len(text):
        newline = text.rfind("\n", end, right)
        right = newline if newline >= 0 else max(text.find(" ", right), right)
    return left, right


def highlighted(text: str, marks: list[tuple[int, int, str]], window: tuple[int, int], floor: int = 0) -> str:
    """`text[window]` as HTML with each (start, end, style) mark wrapped; every piece of text escaped. An
    ellipsis marks text left out on either side (before `floor` does not count)."""
    left, right = window
    pieces, at = [], left
    for start, end, style in sorted(marks):
        start, end = max(start, left), min(end, right)
        if start < at or end <= start:  # overlapping or outside the window: left unmarked
            continue
        pieces.append(escape(text[at:start]))
        pieces.append(f'<span style="{STYLES[style]}">{escape(text[start:end])}</span>')
        at = end
    pieces.append(escape(text[at:right]))
    prefix = "… " if left > floor else ""
    suffix = " …" if right < len(text) else ""
    return (f'<div style="white-space: pre-wrap; line-height: 1.6">{prefix}{"".join(pieces)}{suffix}</div>')


def quote_in_context(detail) -> None:
    claim = detail.claim
    spans = claim.spans or [[claim.start, claim.end]]
    marks = [(s, e, "quote") for s, e in spans]
    if detail.mention:
        marks.append((*detail.mention, "speaker"))
    if detail.cue:
        marks.append((*detail.cue, "cue"))
    every = [m[0] for m in marks] + [m[1] for m in marks]
    floor = body_start(detail.document_text, claim.title, min(every))
    window = context_window(detail.document_text, min(every), max(every), floor=floor)
    # st.html, not st.markdown: the document's own * _ [ ] and blank lines must not be read as Markdown.
    st.html(highlighted(detail.document_text, marks, window, floor))
    st.html(f'<small><span style="{STYLES["quote"]}">quote</span> · <span style="{STYLES["speaker"]}">speaker</span>'
            f' · <span style="{STYLES["cue"]}">cue</span></small>')
    with st.expander("The whole document"):
        st.text(detail.document_text)
