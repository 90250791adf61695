"""The quote sheet every export format renders: the selected claims as rows, grouped by speaker or by
date, and a description of the selection. Read through claims.store.queries only."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store is loaded when a sheet is made, not when `claims` starts
    from sqlmodel import Session

    from claims.store.queries import ClaimFilter, ClaimRecord

GROUP_BY = ("speaker", "date")
UNATTRIBUTED = "Unattributed"
UNDATED = "Undated"
# Claims are read a page at a time: list_claims looks up the topics of a page with one IN (...) over its
# ids, and PostgreSQL refuses a statement with more than 65535 parameters (SQLite's cap depends on the build).
PAGE = 1000
# Characters XML 1.0 cannot hold: openpyxl and python-docx refuse them, and no reader wants them in a CSV.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(value: str | None) -> str | None:
    return _NOT_XML.sub("", value) if value else value


@dataclass(frozen=True)
class QuoteRow:
    claim_id: int
    speaker: str | None
    role: str | None
    said_on: dt.date | None
    outlet: str | None
    title: str | None
    url: str | None
    topics: tuple[str, ...]
    status: str
    note: str | None
    kind: str  # direct | mixed | indirect
    text: str

    @classmethod
    def from_record(cls, record: ClaimRecord) -> QuoteRow:
        return cls(claim_id=record.id, speaker=clean(record.speaker), role=clean(record.speaker_role),
                   said_on=record.said_on, outlet=clean(record.outlet), title=clean(record.title),
                   url=clean(record.url), topics=tuple(clean(t) for t in record.topics), status=record.status,
                   note=clean(record.note), kind=record.kind, text=clean(record.text) or "")


@dataclass
class QuoteGroup:
    label: str  # the speaker's name, or the date as YYYY-MM-DD
    rows: list[QuoteRow] = field(default_factory=list)


@dataclass
class QuoteSheet:
    description: str  # what was selected, from describe()
    group_by: str
    groups: list[QuoteGroup]
    total: int  # claims the filter selects; more than the rows when a limit cut the selection

    @property
    def title(self) -> str:
        return f"Quote sheet — {self.description}"

    @property
    def rows(self) -> list[QuoteRow]:
        return [row for group in self.groups for row in group.rows]

    def summary(self) -> str:
        """'3 quotes, by speaker', or '50 of 120 quotes, by date' when a limit cut the selection."""
        shown = len(self.rows)
        if not shown:
            return "No quotes match this selection."
        count = f"{shown} of {self.total} quotes" if self.total > shown else f"{shown} quote{'s' * (shown != 1)}"
        return f"{count}, by {self.group_by}"


def describe(claim_filter: ClaimFilter, speaker_names: dict[int, str] | None = None) -> str:
    """The selection in words, e.g. 'Speakers: Cho Tae-yul; topics: Sanctions; said 2025-01-01 to 2025-01-31'.
    `speaker_names` turns speaker ids (as the dashboard passes them) into names."""
    f, names = claim_filter, speaker_names or {}
    parts = []
    if f.speakers:
        parts.append("speakers: " + ", ".join(_speaker_name(s, names) for s in f.speakers))
    for label, values in (("topics", f.topics), ("mentioning", f.entities), ("outlets", f.outlets),
                          ("kinds", f.kinds), ("status", f.statuses)):
        if values:
            parts.append(f"{label}: {', '.join(str(v) for v in values)}")
    if f.since and f.until:
        parts.append(f"said {f.since.isoformat()} to {f.until.isoformat()}")
    elif f.since or f.until:
        parts.append(f"said {'since ' + f.since.isoformat() if f.since else 'until ' + f.until.isoformat()}")
    if f.search and f.search.strip():
        parts.append(f"containing “{f.search.strip()}”")
    if f.document_id is not None:
        parts.append(f"document {f.document_id}")
    if f.ids:
        parts.append(f"{len(f.ids)} chosen claim{'s' * (len(f.ids) != 1)}")
    if not parts:
        return "All claims"
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def _speaker_name(speaker: str | int, names: dict[int, str]) -> str:
    if isinstance(speaker, int) or str(speaker).isdigit():
        return names.get(int(speaker), f"speaker #{speaker}")
    return str(speaker)


def quote_sheet(session: Session, claim_filter: ClaimFilter, group_by: str = "speaker",
                limit: int | None = None) -> QuoteSheet:
    """The filtered claims as a quote sheet. By speaker: the most-quoted speaker first (ties by name),
    unattributed claims last. By date: the newest day first, undated claims last. Within a group,
    quotes in the order they were said. With `limit`, the newest `limit` claims."""
    from claims.store.queries import count_claims, list_speakers_by_id

    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, not {group_by!r}")
    records = _read(session, claim_filter, limit)
    records.sort(key=lambda r: (r.said_on is None, r.said_on or dt.date.min, r.document_id, r.start))
    groups = _by_speaker(records) if group_by == "speaker" else _by_date(records)
    ids = [int(s) for s in claim_filter.speakers if isinstance(s, int) or str(s).isdigit()]
    names = {speaker.id: speaker.name for speaker in list_speakers_by_id(session, ids)} if ids else {}
    return QuoteSheet(description=describe(claim_filter, names), group_by=group_by, groups=groups,
                      total=count_claims(session, claim_filter))


def _read(session: Session, claim_filter: ClaimFilter, limit: int | None) -> list[ClaimRecord]:
    """Newest first, so that a limit keeps the latest claims; ids deduplicated in case paging by
    offset meets rows that tie in list_claims' order."""
    from claims.store.queries import list_claims

    seen: dict[int, ClaimRecord] = {}
    offset = 0
    while limit is None or len(seen) < limit:
        size = PAGE if limit is None else min(PAGE, limit - len(seen))
        page = list_claims(session, claim_filter, limit=size, offset=offset, newest_first=True)
        for record in page:
            seen.setdefault(record.id, record)
        if len(page) < size:
            break
        offset += size
    return list(seen.values())


def _by_speaker(records: list[ClaimRecord]) -> list[QuoteGroup]:
    grouped: dict[int | None, list[ClaimRecord]] = {}
    for record in records:
        grouped.setdefault(record.speaker_id, []).append(record)
    labels = {key: clean(rows[0].speaker) or UNATTRIBUTED for key, rows in grouped.items() if key is not None}
    shared = {label for label, n in Counter(labels.values()).items() if n > 1}
    # Two speakers may share a name; their groups stay apart and say which is which.
    labels = {key: f"{label} (#{key})" if label in shared else label for key, label in labels.items()}
    order = sorted(labels, key=lambda key: (-len(grouped[key]), labels[key].casefold(), key))
    groups = [QuoteGroup(labels[key], [QuoteRow.from_record(r) for r in grouped[key]]) for key in order]
    if None in grouped:
        groups.append(QuoteGroup(UNATTRIBUTED, [QuoteRow.from_record(r) for r in grouped[None]]))
    return groups


def _by_date(records: list[ClaimRecord]) -> list[QuoteGroup]:
    grouped: dict[dt.date | None, list[ClaimRecord]] = {}
    for record in records:
        grouped.setdefault(record.said_on, []).append(record)
    days = sorted((day for day in grouped if day is not None), reverse=True)
    groups = [QuoteGroup(day.isoformat(), [QuoteRow.from_record(r) for r in grouped[day]]) for day in days]
    if None in grouped:
        groups.append(QuoteGroup(UNDATED, [QuoteRow.from_record(r) for r in grouped[None]]))
    return groups


def attribution(row: QuoteRow) -> list[str]:
    """The attribution line's plain parts, before the source: 'Speaker, Role' and the date. The
    formats add the outlet and linked title, then topics(), kind and status, each in its own markup."""
    who = UNATTRIBUTED if not row.speaker else row.speaker + (f", {row.role}" if row.role else "")
    return [who] + ([row.said_on.isoformat()] if row.said_on else [])


def is_web_link(url: str | None) -> bool:
    """Only http(s) URLs become links: a javascript: or file: URL in a source stays inert text."""
    return bool(url) and re.match(r"https?://[^\s<>\"]+$", url, re.IGNORECASE) is not None


def trailing_parts(row: QuoteRow) -> list[str]:
    """After the source: the topics; the kind unless it is a direct quote (an indirect claim set as a
    blockquote would otherwise read as the speaker's own words); the review status."""
    parts = ["; ".join(row.topics)] if row.topics else []  # "; ": topic names hold commas
    if row.kind != "direct":
        parts.append("reported speech" if row.kind == "indirect" else "partly quoted")
    return parts + [row.status]
