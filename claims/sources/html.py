"""HTML pages: the article's main text and its metadata, extracted by trafilatura.

`text` is trafilatura's main text (one paragraph a line, as the quote pairing expects), without
navigation, footers or reader comments; claims' offsets index that text, not the markup.
Nothing here touches the network: trafilatura only parses the markup it is given.
"""
from __future__ import annotations

import logging
import re

import trafilatura
from trafilatura.settings import set_date_params

from claims.reading import InputError, text_of
from claims.sources.dates import parse_date
from claims.sources.document import SourceDocument

# trafilatura, htmldate and courlan log what they discard as warnings; with no logging set up
# Python prints those on stderr, which would break the one-line-per-problem output. A NullHandler
# keeps them quiet unless the application configures logging itself.
for _library in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_library).addHandler(logging.NullHandler())

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">,
# which HTML requires within the first 1024 bytes; a little more is searched for sloppy pages.
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
CHARSET_WINDOW = 4096
# Where pages state the time of publication, not only the day trafilatura reports.
PUBLISHED_TIME_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @name="pubdate" or @name="publish-date"]/@content'
    ' | //time[@itemprop="datePublished"]/@datetime'
)


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """HTML bytes as text: the charset the server declared, else the page's own meta charset,
    else detected as for any file."""
    if declared is None:
        match = META_CHARSET.search(data[:CHARSET_WINDOW])
        declared = match[1].decode("ascii") if match else None
    return text_of(data, name, declared)


def parse_html(markup: str, name: str, url: str | None = None) -> SourceDocument:
    """The article in `markup` as a document named `name`, or InputError when the page has no
    article text. `url` is where the page came from; a canonical URL in the page wins over it."""
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise InputError(name, "not an HTML page")
    # Read before extraction, which prunes the tree in place.
    language = _language(tree)
    published_times = [str(value) for value in tree.xpath(PUBLISHED_TIME_XPATH)]
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        # Dates from the page's metadata and markup only: the extensive search reads dates out of
        # the body text, where an article mentions many days besides its own.
        date_extraction_params=set_date_params(extensive=False))
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(name, "no article text found in the page")
    document = SourceDocument(
        text=extracted.text, name=name, title=extracted.title or None, url=extracted.url or url,
        outlet=extracted.sitename or None, author=extracted.author or None, language=language)
    _set_published(document, extracted.date, published_times)
    return document


def _language(tree) -> str | None:
    """The page's declared language (<html lang="en-US">), as declared."""
    root = tree.getroottree().getroot()
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return value.strip() if value and value.strip() else None


def _set_published(document: SourceDocument, day: str | None, published_times: list[str]) -> None:
    """The day trafilatura found, with the time of day from the page's markup when that names
    the same day (the markup's own date alone when trafilatura found none)."""
    found = parse_date(day) if day else None
    for value in published_times:
        stated = parse_date(value)
        if stated and stated.at and (found is None or stated.date == found.date):
            found = stated
            break
    if found:
        document.published, document.published_at, document.timezone = found.date, found.at, found.timezone
