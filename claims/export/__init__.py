"""Quote sheets: the claims a filter selects, grouped by speaker or date, as CSV, XLSX, Markdown or DOCX.

    with store.session() as session:
        sheet = quote_sheet(session, ClaimFilter(speakers=["Blinken"]), group_by="date")
    data = render(sheet, "docx")  # bytes, for a file or a download button

`claims export` and the dashboard both call these; nothing here writes files or prints.
"""
from __future__ import annotations

from typing import BinaryIO

from claims.export.sheet import GROUP_BY, QuoteGroup, QuoteRow, QuoteSheet, describe, quote_sheet

__all__ = ["BINARY_FORMATS", "FORMATS", "GROUP_BY", "MEDIA_TYPES", "QuoteGroup", "QuoteRow", "QuoteSheet",
           "describe", "quote_sheet", "render", "write"]

FORMATS = ("csv", "xlsx", "md", "docx")
BINARY_FORMATS = frozenset({"xlsx", "docx"})  # not for a terminal
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(sheet: QuoteSheet, fmt: str) -> bytes:
    """The sheet as a whole file in `fmt` (one of FORMATS; the file suffix is '.' + fmt)."""
    # Each format's module is imported when asked for: openpyxl and python-docx take a while to load.
    if fmt == "csv":
        from claims.export.tabular import render_csv
        return render_csv(sheet)
    if fmt == "xlsx":
        from claims.export.tabular import render_xlsx
        return render_xlsx(sheet)
    if fmt == "md":
        from claims.export.markdown import render_markdown
        return render_markdown(sheet)
    if fmt == "docx":
        from claims.export.word import render_docx
        return render_docx(sheet)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def write(sheet: QuoteSheet, fmt: str, stream: BinaryIO) -> None:
    """Render the whole sheet first, so that a failure leaves nothing half-written in `stream`."""
    stream.write(render(sheet, fmt))
