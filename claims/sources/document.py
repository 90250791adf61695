"""The plain record every input format turns into: a document's text and what is known about it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claims.extract.document_kinds import DOCUMENT_KINDS  # noqa: F401  (the one list of kinds)



@dataclass
class SourceDocument:
    """One document to ingest. `text` is exactly what the claims' offsets will index (for a plain-text
    file: its decoded content, headline and date line included); nothing downstream changes it."""

    text: str
    name: str                          # the path or URL as the user gave it, for messages
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None    # the publication date, when known
    published_at: dt.datetime | None = None  # with the time of day, when known (aware if the zone is known)
    timezone: str | None = None         # e.g. "+09:00" or "Asia/Seoul", when known
    language: str | None = None
    kind: str = "article"               # article | statement | transcript
    speaker: str | None = None          # a statement's author, who speaks its claims
