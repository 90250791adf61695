"""A metadata table for a corpus of text files: one row per file, keyed by its `filename` column.

PolNeAR's metadata.tsv is the model: compartment, filename (the text file's stem), publisher,
publication_date, author, title, ... with "None" for a missing value. Each row becomes the
SourceDocument fields it gives (publisher -> outlet, publication_date -> published, ...).
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from claims.reading import InputError, display_name, read_text
from claims.sources.dates import parse_date

KEY_COLUMN = "filename"
# Table column -> SourceDocument field; the first columns are PolNeAR's names.
FIELD_OF_COLUMN = {
    "publisher": "outlet", "outlet": "outlet", "publication_date": "published", "published": "published",
    "author": "author", "title": "title", "url": "url", "language": "language", "speaker": "speaker",
}
MISSING = {"", "None", "none", "null", "NULL"}
# A filename cell may carry the file's suffix; only these are taken off, since stems may hold dots.
FILE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")


def load_metadata(path: str | os.PathLike) -> dict[str, dict[str, Any]]:
    """{file stem: {field: value}} from a TSV or CSV table with a `filename` column; only the values
    a row gives are in its dict. InputError (one line) for a table that cannot be used."""
    name = display_name(path)
    text = read_text(path)
    delimiter = _delimiter(Path(path), text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [column.strip().lower() for column in next(reader, [])]
    if KEY_COLUMN not in header:
        raise InputError(name, f"no '{KEY_COLUMN}' column in the header")
    key_index = header.index(KEY_COLUMN)
    table: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}:{reader.line_num}"
        key = _stem(row[key_index]) if key_index < len(row) else ""
        if key in MISSING:
            raise InputError(where, f"no {KEY_COLUMN}")
        if key in table:
            raise InputError(where, f"{KEY_COLUMN} {key} is also on line {first_line[key]}")
        table[key], first_line[key] = _fields(header, row, where), reader.line_num
    return table


def _fields(header: list[str], row: list[str], where: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for column, value in zip(header, row):
        field, value = FIELD_OF_COLUMN.get(column), value.strip()
        if field is None or value in MISSING or field in fields:
            continue
        if field == "published":
            date = parse_date(value)
            if date is None:
                raise InputError(where, f"unparseable date {value!r} in {column}")
            fields.update(published=date.date, published_at=date.at, timezone=date.timezone)
        else:
            fields[field] = value
    return fields


def _delimiter(path: Path, text: str) -> str:
    """Tab for .tsv, comma for .csv; otherwise whichever the header line has."""
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab"):
        return "\t"
    if suffix == ".csv":
        return ","
    return "\t" if "\t" in text.partition("\n")[0] else ","


def _stem(filename: str) -> str:
    filename = Path(filename.strip()).name
    for suffix in FILE_SUFFIXES:
        if filename.lower().endswith(suffix):
            return filename[:-len(suffix)]
    return filename
