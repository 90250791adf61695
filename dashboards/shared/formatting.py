"""One way to show dates, speakers and counts on every page."""
from __future__ import annotations

import datetime as dt


def format_date(day: dt.date | None) -> str:
    """One style everywhere: 6 Jan 2025."""
    return f"{day.day} {day:%b %Y}" if day else "undated"


def speaker_label(name: str | None, role: str | None = None, claims: int | None = None) -> str:
    label = name or "Unknown speaker"
    if role:
        label += f" ({role})"
    if claims is not None:
        label += f" · {claims} claim{'s' * (claims != 1)}"
    return label


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"


def matching(count: int, noun: str) -> str:
    """'1 claim matches', '3 claims match'."""
    return f"{plural(count, noun)} {'matches' if count == 1 else 'match'}"


EMPTY_STORE = ("No claims yet: add a source on the Sources page, or run `claims ingest FILES` "
               "on this database.")
NOTHING_MATCHES = "No claims match these filters: widen the date range or clear a filter in the sidebar."
