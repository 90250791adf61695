"""Claims: the filter, pages of claims, counts, timelines."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Date, and_, cast, func, literal_column, or_, text
from sqlmodel import Session, select

from claims.store.speakers import alias_key
from claims.store.tables import (Claim, ClaimEntity, ClaimTopic, Document, Entity, Speaker, SpeakerAlias,
                                 Topic)

PERIODS = ("day", "week", "month")
LABEL_CHUNK = 10_000


@dataclass
class ClaimFilter:
    """Which claims: every field narrows; empty fields do not. Names match speakers by name or alias."""
    speakers: Sequence[str | int] = ()
    topics: Sequence[str] = ()
    entities: Sequence[str] = ()
    outlets: Sequence[str] = ()
    kinds: Sequence[str] = ()
    statuses: Sequence[str] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    search: str | None = None
    document_id: int | None = None
    ids: Sequence[int] = ()


@dataclass
class ClaimRecord:
    id: int
    speaker: str | None
    speaker_id: int | None
    speaker_role: str | None
    kind: str
    text: str
    said_on: dt.date | None
    status: str
    note: str | None
    confidence: float
    start: int
    end: int
    spans: list[list[int]] | None
    cue: str | None
    document_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    topics: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        record = dict(self.__dict__)
        for key in ("said_on", "published"):
            record[key] = record[key].isoformat() if record[key] else None
        return record


def _speaker_ids(given: Sequence[str | int]):
    """Speakers by id (a number, as the CLI and the dashboard pass them) or by name or alias."""
    ids = [int(n) for n in given if isinstance(n, int) or str(n).isdigit()]
    names = [n for n in given if isinstance(n, str) and not n.isdigit()]
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.key.in_([alias_key(n) for n in names]))
    by_name = select(Speaker.id).where(func.lower(Speaker.name).in_([n.lower() for n in names]))
    return or_(Claim.speaker_id.in_(ids), Claim.speaker_id.in_(by_alias), Claim.speaker_id.in_(by_name))


def _search_condition(session: Session, query: str):
    words = re.findall(r"\w+", query)
    if not words:
        return None
    if session.get_bind().dialect.name == "sqlite":
        # Each word quoted: FTS5 reads the user's text as terms, never as its query syntax.
        match = " ".join(f'"{w}"' for w in words)
        return Claim.id.in_(select(literal_column("rowid")).select_from(text("claim_fts"))
                            .where(text("claim_fts MATCH :match").bindparams(match=match)))
    return func.to_tsvector("english", Claim.text).op("@@")(func.plainto_tsquery("english", " ".join(words)))


def conditions(session: Session, f: ClaimFilter) -> list:
    where = []
    if f.speakers:
        where.append(_speaker_ids(f.speakers))
    if f.topics:
        topic_ids = select(Topic.id).where(func.lower(Topic.name).in_([t.lower() for t in f.topics]))
        where.append(Claim.id.in_(select(ClaimTopic.claim_id).where(ClaimTopic.topic_id.in_(topic_ids),
                                                                    ClaimTopic.removed.is_(False))))
    if f.entities:
        entity_ids = select(Entity.id).where(func.lower(Entity.name).in_([e.lower() for e in f.entities]))
        where.append(Claim.id.in_(select(ClaimEntity.claim_id).where(ClaimEntity.entity_id.in_(entity_ids))))
    if f.outlets:
        where.append(func.lower(Document.outlet).in_([o.lower() for o in f.outlets]))
    if f.kinds:
        where.append(Claim.kind.in_(list(f.kinds)))
    if f.statuses:
        where.append(Claim.status.in_(list(f.statuses)))
    if f.since:
        where.append(Claim.said_on >= f.since)
    if f.until:
        where.append(Claim.said_on <= f.until)
    if f.document_id is not None:
        where.append(Claim.document_id == f.document_id)
    if f.ids:
        where.append(Claim.id.in_(list(f.ids)))
    if f.search:
        condition = _search_condition(session, f.search)
        if condition is not None:
            where.append(condition)
    return where


def _filtered(session: Session, f: ClaimFilter, *columns):
    return select(*columns).select_from(Claim).join(Document, Document.id == Claim.document_id) \
        .where(and_(True, *conditions(session, f)))


def count_claims(session: Session, f: ClaimFilter) -> int:
    return session.exec(_filtered(session, f, func.count(Claim.id))).one()


def list_claims(session: Session, f: ClaimFilter, limit: int | None = 50, offset: int = 0,
                newest_first: bool = False) -> list[ClaimRecord]:
    """One page of the filtered claims, in date order (then document and position)."""
    order = [Claim.said_on.desc() if newest_first else Claim.said_on, Claim.document_id, Claim.start]
    query = _filtered(session, f, Claim, Document.title, Document.outlet, Document.url, Document.published,
                      Speaker.name).outerjoin(Speaker, Speaker.id == Claim.speaker_id).order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = session.exec(query).all()
    topics, entities = _labels(session, [row[0].id for row in rows])
    return [ClaimRecord(id=c.id, speaker=name, speaker_id=c.speaker_id, speaker_role=c.speaker_role, kind=c.kind,
                        text=c.text, said_on=c.said_on, status=c.status, note=c.note, confidence=c.confidence,
                        start=c.start, end=c.end, spans=json.loads(c.spans) if c.spans else None, cue=c.cue_text,
                        document_id=c.document_id, title=title, outlet=outlet, url=url, published=published,
                        topics=topics.get(c.id, []), entities=entities.get(c.id, []))
            for c, title, outlet, url, published, name in rows]


def _labels(session: Session, claim_ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    topics: dict[int, list[str]] = defaultdict(list)
    entities: dict[int, list[str]] = defaultdict(list)
    # In chunks: PostgreSQL takes at most 65,535 parameters in one statement.
    for at in range(0, len(claim_ids), LABEL_CHUNK):
        chunk = claim_ids[at:at + LABEL_CHUNK]
        for claim_id, name in session.exec(select(ClaimTopic.claim_id, Topic.name).join(Topic)
                                           .where(ClaimTopic.claim_id.in_(chunk), ClaimTopic.removed.is_(False))
                                           .order_by(Topic.id)):
            topics[claim_id].append(name)
        for claim_id, name in session.exec(select(ClaimEntity.claim_id, Entity.name).join(Entity)
                                           .where(ClaimEntity.claim_id.in_(chunk)).order_by(Entity.name)):
            entities[claim_id].append(name)
    return topics, entities


def period_start(session: Session, period: str):
    """The SQL expression for the first day of a claim's day, week (Monday) or month."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    if session.get_bind().dialect.name == "sqlite":
        if period == "day":
            return Claim.said_on
        if period == "week":
            return func.date(Claim.said_on, "-6 days", "weekday 1")
        return func.date(Claim.said_on, "start of month")
    return Claim.said_on if period == "day" else cast(func.date_trunc(period, Claim.said_on), Date)


def timeline(session: Session, f: ClaimFilter, by: str | None = "speaker",
             period: str = "month") -> list[tuple[dt.date, str | None, int]]:
    """(first day of the period, speaker or topic name, claim count), for claims with a date."""
    bucket = period_start(session, period).label("period")
    if by == "speaker":
        key = Speaker.name
        query = _filtered(session, f, bucket, key, func.count(Claim.id)).outerjoin(Speaker, Speaker.id == Claim.speaker_id)
    elif by == "topic":
        key = Topic.name
        query = _filtered(session, f, bucket, key, func.count(Claim.id)).join(
            ClaimTopic, and_(ClaimTopic.claim_id == Claim.id, ClaimTopic.removed.is_(False))).join(Topic)
    elif by is None:
        key = None
        query = _filtered(session, f, bucket, literal_column("NULL"), func.count(Claim.id))
    else:
        raise ValueError(f"by must be speaker, topic or None, not {by!r}")
    query = query.where(Claim.said_on.is_not(None)).group_by(bucket, *([key] if key is not None else [])).order_by(bucket)
    return [(_as_date(day), name, count) for day, name, count in session.exec(query)]


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value
