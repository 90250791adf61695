"""The quote sheet as a table, one row per quote with its group: CSV and XLSX."""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

from claims.export.sheet import QuoteRow, QuoteSheet, is_web_link


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[str, QuoteRow], object]  # (group label, row) -> cell value
    max_width: int  # characters, for XLSX
    wrap: bool = False


COLUMNS = (
    Column("Group", lambda group, row: group, 30),
    Column("Speaker", lambda group, row: row.speaker, 30),
    Column("Role", lambda group, row: row.role, 30),
    Column("Date said", lambda group, row: row.said_on, 12),
    Column("Quote", lambda group, row: row.text, 80, wrap=True),
    Column("Outlet", lambda group, row: row.outlet, 24),
    Column("Title", lambda group, row: row.title, 40, wrap=True),
    Column("URL", lambda group, row: row.url, 40),
    Column("Topics", lambda group, row: "; ".join(row.topics), 30, wrap=True),
    Column("Kind", lambda group, row: row.kind, 10),
    Column("Status", lambda group, row: row.status, 14),
    Column("Note", lambda group, row: row.note, 40, wrap=True),
    Column("Claim id", lambda group, row: row.claim_id, 10),
)
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...);
# tab and carriage return too, as some import paths strip them first.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cells(sheet: QuoteSheet):
    for group in sheet.groups:
        for row in group.rows:
            yield [column.value(group.label, row) for column in COLUMNS]


def guard_formula(value: str) -> str:
    """A leading apostrophe, which spreadsheets read as 'this is text' and do not show."""
    return "'" + value if value.startswith(FORMULA_START) else value


def render_csv(sheet: QuoteSheet) -> bytes:
    """UTF-8 with a byte order mark, so that Excel reads it as UTF-8 and not as the locale's code page.
    An empty selection is the header alone: a table with no rows, still readable by any CSV reader."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.header for column in COLUMNS])
    for cells in _cells(sheet):
        writer.writerow([guard_formula(value) if isinstance(value, str)
                         else value.isoformat() if isinstance(value, dt.date)
                         else "" if value is None else value for value in cells])
    return out.getvalue().encode("utf-8-sig")


def render_xlsx(sheet: QuoteSheet) -> bytes:
    """One worksheet: a bold, frozen header with filters; dates as dates; the quote column wrapped; the
    URL a link. The sheet's title and selection go in the workbook's properties."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = "Quotes"
    workbook.properties.title = sheet.title[:250]
    workbook.properties.description = sheet.summary()
    worksheet.append([column.header for column in COLUMNS])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    widths = [len(column.header) for column in COLUMNS]
    url_column = [column.header for column in COLUMNS].index("URL")
    for number, cells in enumerate(_cells(sheet), start=2):
        for index, (column, value) in enumerate(zip(COLUMNS, cells)):
            cell = worksheet.cell(row=number, column=index + 1, value=value)
            if isinstance(value, str):
                # openpyxl stores a string starting with "=" as a formula; as a string Excel never runs it.
                cell.data_type = "s"
                widths[index] = max(widths[index], max(map(len, value.splitlines() or [""])))
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
                widths[index] = max(widths[index], 10)
            if column.wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            if index == url_column and is_web_link(value):
                cell.hyperlink = value
                cell.style = "Hyperlink"
                cell.alignment = Alignment(vertical="top")
    for index, column in enumerate(COLUMNS):
        worksheet.column_dimensions[get_column_letter(index + 1)].width = min(widths[index], column.max_width) + 2
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, worksheet.max_row)}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
