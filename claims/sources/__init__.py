"""Ingest: files, directories, URLs and standard input in, SourceDocuments out.

iter_sources() picks each input's format (txt, html, jsonl, csv), hands it to the module for that
format and fills in what the command line and a metadata table say about it. A bad input or
record is yielded as a one-line error and the batch goes on.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from claims.reading import MAX_BYTES, STDIN, InputError, display_name, expand_inputs, read_bytes, text_of
from claims.sources.document import DOCUMENT_KINDS, SourceDocument
from claims.sources.fetch import Page, fetch, is_url
from claims.sources.records import parse_csv, parse_jsonl
from claims.sources.text import parse_text

__all__ = ["FORMATS", "SUFFIXES", "SourceDocument", "iter_sources"]

FORMATS = ("auto", "txt", "html", "jsonl", "csv")
SUFFIXES = {
    "txt": {".txt", ".text", ".md"},
    "html": {".html", ".htm", ".xhtml"},
    "jsonl": {".jsonl", ".ndjson"},
    "csv": {".csv"},
}
MEDIA_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "text/plain": "txt", "text/markdown": "txt",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/x-jsonlines": "jsonl",
    "text/csv": "csv",
}
# What content says its format when the name does not (stdin, an unknown suffix, an untyped response).
HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
DATE_FIELDS = ("published", "published_at", "timezone")
Result = tuple[str, SourceDocument | None, str | None]


def iter_sources(inputs: Iterable[str | os.PathLike], format: str = "auto", max_bytes: int = MAX_BYTES,
                 outlet: str | None = None, kind: str = "article", speaker: str | None = None,
                 metadata: Mapping[str, Mapping[str, Any]] | None = None) -> Iterator[Result]:
    """(name, document, None) per document and (name, None, error) per bad input or record, in order.

    `inputs` are paths, directories (walked for the format's suffixes), http(s) URLs or "-" for
    standard input. A document's own values (a record's fields, a page's metadata, a text's
    header) come first, except that a `metadata` row (load_metadata's table, joined on a text or
    HTML file's stem) wins over what the file itself gives; then `outlet`, `kind` and `speaker`
    fill what is still empty. ValueError for an unknown `format` or `kind` (a caller's mistake).
    """
    if format not in FORMATS:
        raise ValueError(f"format {format!r} is not one of {', '.join(FORMATS)}")
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(DOCUMENT_KINDS)}")
    defaults = {"outlet": outlet, "speaker": speaker}
    for argument in inputs:
        if is_url(os.fspath(argument)):
            results = _from_url(os.fspath(argument), format, max_bytes)
        else:
            results = _from_path_argument(argument, format, max_bytes, metadata)
        for name, document, error in results:
            if document is not None:
                _fill(document, defaults)
                if document.kind == "article" and kind != "article":  # "article" is the field's default
                    document.kind = kind
            yield name, document, error


def _from_path_argument(argument: str | os.PathLike, format: str, max_bytes: int,
                        metadata: Mapping[str, Mapping[str, Any]] | None) -> Iterator[Result]:
    suffixes = set().union(*SUFFIXES.values()) if format == "auto" else SUFFIXES[format]
    for item in expand_inputs([argument], suffixes):
        if isinstance(item, InputError):
            yield item.path, None, str(item)
            continue
        name = display_name(item)
        try:
            data = read_bytes(item, max_bytes)
            chosen = format if format != "auto" else _format_of_name(item.name)  # None: tell by content
            results = _parse(data, name, chosen)
        except InputError as error:
            yield name, None, str(error)
            continue
        row = metadata.get(item.stem) if metadata and item != STDIN else None
        for result in results:
            # A row describes a whole file; the records of a JSONL or CSV file (named FILE:LINE)
            # carry their own fields.
            if row and result[1] is not None and result[0] == name:
                _fill(result[1], row, override=True)
            yield result


def _from_url(url: str, format: str, max_bytes: int) -> Iterator[Result]:
    try:
        page = fetch(url, max_bytes)
        chosen = format if format != "auto" else _format_of_page(page)
        results = list(_parse(page.data, url, chosen, page.charset, page.url))
    except InputError as error:
        yield url, None, str(error)
        return
    for name, document, error in results:
        if document is not None and document.url is None:
            document.url = page.url
        yield name, document, error


def _parse(data: bytes, name: str, format: str | None, charset: str | None = None,
           url: str | None = None) -> list[Result]:
    """The documents in `data`; `format` None means: tell by the content. InputError when the
    whole input is unusable."""
    if format == "html" or (format is None and HTML_START.match(data[:4096].decode("latin-1"))):
        # Imported here: trafilatura takes about 0.1 s to import, which runs without HTML skip.
        from claims.sources.html import decode_html, parse_html

        markup = decode_html(data, name, charset)
        try:
            return [(name, parse_html(markup, name, url), None)]
        except InputError:
            raise
        except Exception as error:  # lxml and trafilatura fail in many ways on odd pages; one file, one line
            first = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise InputError(name, f"could not read the HTML ({type(error).__name__}: {first})") from None
    text = text_of(data, name, charset)
    if format is None:
        format = "jsonl" if _looks_like_jsonl(text) else "txt"
    if format == "jsonl":
        return list(parse_jsonl(text, name))
    if format == "csv":
        return list(parse_csv(text, name))
    return [(name, parse_text(text, name), None)]


def _format_of_name(filename: str) -> str | None:
    suffix = Path(filename).suffix.lower()
    return next((format for format, suffixes in SUFFIXES.items() if suffix in suffixes), None)


def _format_of_page(page: Page) -> str | None:
    if page.content_type in MEDIA_TYPES:
        return MEDIA_TYPES[page.content_type]
    if page.content_type and not page.content_type.startswith("text/") \
            and page.content_type not in ("application/octet-stream", "application/json"):
        raise InputError(page.url, f"unsupported content type {page.content_type}")
    return _format_of_name(Path(page.url.partition("?")[0]).name)


def _looks_like_jsonl(text: str) -> bool:
    """Its first non-blank line is a JSON object: no article starts like that."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _fill(document: SourceDocument, values: Mapping[str, Any], override: bool = False) -> None:
    """Set `document`'s fields from `values`: the empty ones, or all given ones when `override`."""
    for field, value in values.items():
        if field in DATE_FIELDS or value is None:
            continue
        if override or getattr(document, field) is None:
            setattr(document, field, value)
    # The day, its time and its zone go together: a table's date without a time must not keep
    # the time the text's own date line gave for another day.
    if values.get("published") is not None and (override or document.published is None):
        for field in DATE_FIELDS:
            setattr(document, field, values.get(field))
