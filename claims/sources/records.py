"""JSONL and CSV files of documents: one record per JSON line or CSV row.

Each record becomes a document named `FILE:LINE` (the line its record starts on). A bad record
is reported as `FILE:LINE: what is wrong` and skipped; the file's other records go on. `text`
is kept exactly as given, since claims' offsets index it.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator

from claims.reading import ONE_LINE
from claims.sources.dates import parse_date
from claims.sources.document import DOCUMENT_KINDS, SourceDocument

# The keys (JSON) or header columns (CSV) a record may have; others are ignored.
TEXT_FIELDS = ("title", "url", "outlet", "author", "language", "kind", "speaker")
JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number",
              bool: "true or false", type(None): "null"}
Result = tuple[str, SourceDocument | None, str | None]


def parse_jsonl(text: str, name: str) -> Iterator[Result]:
    """A document per JSON object line of `text`; blank lines are skipped silently."""
    # split("\n"), not splitlines(): JSON strings may hold a raw U+2028 or form feed, which
    # splitlines() would break a record at, and editors number lines by "\n" too.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield _bad(where, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield _bad(where, f"{JSON_TYPES.get(type(record), 'a value')}, not a JSON object")
            continue
        yield _document(record, where)


def parse_csv(text: str, name: str) -> Iterator[Result]:
    """A document per row of `text` below its header row, which must have a `text` column."""
    # A whole article in one cell is more than csv's default 128 KB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip().lower() for column in next(reader, [])]
    except csv.Error as error:
        yield _bad(f"{name}:1", f"bad CSV header ({error})")
        return
    if "text" not in header:
        yield _bad(name, "no 'text' column in the CSV header")
        return
    first_line = reader.line_num + 1  # where the next row starts; a quoted cell may span lines
    while True:
        where = f"{name}:{first_line}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # e.g. a quote left open: nothing after it can be trusted
            yield _bad(where, f"bad CSV ({error}); the rest of the file is skipped")
            return
        first_line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield _bad(where, f"{len(row)} fields where the header has {len(header)}")
            continue
        yield _document(dict(zip(header, row)), where)


def _document(record: dict[str, Any], where: str) -> Result:
    """The record as a document, or its one-line error."""
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        return _bad(where, "text is not a string")
    if not text or not text.strip():
        return _bad(where, "no text")
    fields: dict[str, Any] = {}
    for field in TEXT_FIELDS:
        value = record.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, str):
            return _bad(where, f"{field} is not a string")
        fields[field] = value.strip()
    if "kind" in fields and fields["kind"] not in DOCUMENT_KINDS:
        return _bad(where, f"kind {fields['kind']!r} is not one of {', '.join(DOCUMENT_KINDS)}")
    published = record.get("published")
    if published not in (None, ""):
        date = parse_date(published) if isinstance(published, str) else None
        if date is None:
            return _bad(where, f"unparseable date {_shown(published)} in published")
        fields.update(published=date.date, published_at=date.at, timezone=date.timezone)
    return where, SourceDocument(text=text, name=where, **fields), None


def _bad(where: str, problem: str) -> Result:
    return where, None, f"{where}: {problem}".translate(ONE_LINE)


def _shown(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."

