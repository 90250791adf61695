"""Sources: the stored documents a page at a time, and adding more (pasted text, uploaded files or a URL),
ingested on the spot. Adding needs the "add-sources" permission (claims.store.users.can)."""
import pandas as pd
import streamlit as st

import components
import shared

FLASH = "sources_flash"
UPLOAD_TYPES = ["txt", "text", "md", "html", "htm", "xhtml", "jsonl", "ndjson", "csv"]

shared.require_user()
st.title("Sources")


def run_ingest(add, *args, **kwargs) -> None:
    """Runs one of shared's add_* functions with a progress bar; keeps the summary for after the rerun."""
    bar = st.progress(0.0, text="Reading…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), text=f"{done} of {total}: {name}")

    try:
        summary = add(*args, progress=progress, **kwargs)
    except (OSError, ValueError, shared.NotAllowed) as error:
        bar.empty()
        st.error(f"Nothing was added: {error}")
        return
    st.session_state[FLASH] = (summary.line(), summary.problems, summary.new > 0)
    st.rerun()


if flash := st.session_state.pop(FLASH, None):
    line, problems, added = flash
    (st.success if added else st.warning)(line)
    for problem in problems[:20]:
        st.caption(components.md(problem))

# ---------------------------------------------------------------------------------------------- adding
if shared.allowed("add-sources"):
    with st.expander("Add sources", expanded=not shared.count_documents(), icon=":material/add:"):
        paste, upload, link = st.tabs(["Paste text", "Upload files", "From a URL"])
        with paste, st.form("paste_source"):
            text = st.text_area("Text", height=220, placeholder="the article or statement, as published",
                                key="paste_text")
            title_col, outlet_col = st.columns(2)
            title = title_col.text_input("Title", key="paste_title")
            outlet = outlet_col.text_input("Outlet", key="paste_outlet")
            date_col, url_col, kind_col = st.columns([1, 2, 1])
            published = date_col.date_input("Published", value=None, format="YYYY-MM-DD", key="paste_published")
            url = url_col.text_input("URL", placeholder="https://…", key="paste_url")
            kind = kind_col.selectbox("Kind", shared.DOCUMENT_KINDS, key="paste_kind")
            if st.form_submit_button("Add this text", type="primary", key="paste_submit"):
                if text.strip():
                    run_ingest(shared.add_pasted_text, text, title=title.strip(), outlet=outlet.strip(),
                               published=published, url=url.strip(), kind=kind)
                else:
                    st.warning("Paste a text first.")
        with upload, st.form("upload_sources", clear_on_submit=True):
            files = st.file_uploader("Files: plain text, HTML, JSONL or CSV (one document a line or row)",
                                     type=UPLOAD_TYPES, accept_multiple_files=True, key="upload_files")
            outlet_col, kind_col = st.columns(2)
            outlet = outlet_col.text_input("Outlet (where a file gives none)", key="upload_outlet")
            kind = kind_col.selectbox("Kind", shared.DOCUMENT_KINDS, key="upload_kind")
            if st.form_submit_button("Add these files", type="primary", key="upload_submit"):
                if files:
                    run_ingest(shared.add_uploads, [(f.name, f.getvalue()) for f in files], outlet=outlet.strip(),
                               kind=kind)
                else:
                    st.warning("Choose one or more files first.")
        with link, st.form("url_source"):
            address = st.text_input("URL of an article or statement", placeholder="https://…", key="url_address")
            kind = st.selectbox("Kind", shared.DOCUMENT_KINDS, key="url_kind")
            if st.form_submit_button("Fetch and add", type="primary", key="url_submit"):
                if address.strip().lower().startswith(("http://", "https://")):
                    run_ingest(shared.add_sources, [address.strip()], kind=kind)
                else:
                    st.warning("Give an http:// or https:// address.")
else:
    st.caption("Adding sources needs an account with the add-sources permission (an analyst or admin); "
               "`claims ingest` on the command line does the same.")

# --------------------------------------------------------------------------------------------- listing
total = shared.count_documents()
if not total:
    st.info("No documents yet: add one above, or run `claims ingest FILES` on this database.")
    st.stop()
search = st.text_input("Search titles, outlets and addresses", key="sources_search")
if search.strip():
    # count_documents has no search: fetch one row more than a page to know whether another follows.
    limit = 100
    found = shared.documents(search, limit=limit + 1)
    more = len(found) > limit
    st.caption(f"{'More than ' if more else ''}{shared.matching(min(len(found), limit), 'document')} "
               f"“{components.md(search.strip())}”" + (" (the first 100 shown)" if more else ""))
    found = found[:limit]
else:
    st.caption(f"{shared.plural(total, 'document')} in the store, newest first")
    limit, offset = components.pager(total, key="sources_rows")
    found = shared.documents(limit=limit, offset=offset)
st.dataframe(pd.DataFrame({
    "Published": [shared.format_date(d.published) for d in found],
    "Title": [d.title or "(untitled)" for d in found],
    "Outlet": [d.outlet or "" for d in found],
    "Kind": [d.kind for d in found],
    "Claims": [d.claims for d in found],
    "Source": [d.url or d.source_name or "" for d in found],
    "Added": [d.ingested_at.strftime("%Y-%m-%d %H:%M") for d in found],
}), hide_index=True, width="stretch",
    column_config={"Source": st.column_config.TextColumn(width="medium"),
                   "Title": st.column_config.TextColumn(width="large")})
