"""Queries over the store: the one module the CLI, the exports and the dashboard read through.

Claims filtered by speaker, topic, entity, outlet, kind, status, date range and full-text search
(FTS5 on SQLite, the English tsvector on PostgreSQL), a page at a time; counts per period for
timelines; lists and profiles of speakers. Filters run in SQL; nothing loads a whole table.
"""
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


@dataclass
class SpeakerRecord:
    id: int
    name: str
    kind: str | None
    role: str | None
    affiliation: str | None
    aliases: list[str]
    claims: int

    def to_json(self) -> dict:
        return dict(self.__dict__)


def find_speakers(session: Session, name_or_id: str | int) -> list[Speaker]:
    """The speakers a user means by an id, a name or an alias (several when a name is shared)."""
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        speaker = session.get(Speaker, int(name_or_id))
        return [speaker] if speaker else []
    key = alias_key(str(name_or_id))
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.key == key)
    return list(session.exec(select(Speaker).where(or_(Speaker.id.in_(by_alias),
                                                       func.lower(Speaker.name) == str(name_or_id).lower()))
                             .order_by(Speaker.id)))


def list_speakers(session: Session, search: str | None = None, kinds: Sequence[str] = (), limit: int | None = 100,
                  offset: int = 0) -> list[SpeakerRecord]:
    """Speakers, most-quoted first, with their aliases and claim counts."""
    counts = select(Claim.speaker_id, func.count(Claim.id).label("n")).group_by(Claim.speaker_id).subquery()
    n = func.coalesce(counts.c.n, 0)
    query = select(Speaker, n).outerjoin(counts, counts.c.speaker_id == Speaker.id)
    if search:
        query = query.where(or_(Speaker.name.ilike(f"%{search}%"),
                                Speaker.id.in_(select(SpeakerAlias.speaker_id)
                                               .where(SpeakerAlias.key.like(f"%{alias_key(search)}%")))))
    if kinds:
        query = query.where(Speaker.kind.in_(list(kinds)))
    query = query.order_by(n.desc(), Speaker.name).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = session.exec(query).all()
    aliases = _aliases(session, [speaker.id for speaker, _ in rows])
    return [SpeakerRecord(id=s.id, name=s.name, kind=s.kind, role=s.role, affiliation=s.affiliation,
                          aliases=aliases.get(s.id, []), claims=count) for s, count in rows]


def _aliases(session: Session, speaker_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for speaker_id, alias in session.exec(select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
                                          .where(SpeakerAlias.speaker_id.in_(speaker_ids)).order_by(SpeakerAlias.id)):
        found[speaker_id].append(alias)
    return found


@dataclass
class SpeakerProfile:
    speaker: SpeakerRecord
    roles: list[tuple[str, dt.date | None, dt.date | None, int]]  # role, first and last seen, claims
    topics: list[tuple[str, int]]  # most frequent first
    activity: list[tuple[dt.date, int]]  # claims per month

    def to_json(self) -> dict:
        return {**self.speaker.to_json(),
                "roles": [{"role": r, "first": _iso(a), "last": _iso(b), "claims": n} for r, a, b, n in self.roles],
                "topics": [{"topic": t, "claims": n} for t, n in self.topics],
                "activity": [{"month": m.isoformat(), "claims": n} for m, n in self.activity]}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def speaker_profile(session: Session, speaker_id: int, top: int = 10) -> SpeakerProfile | None:
    found = list_speakers_by_id(session, [speaker_id])
    if not found:
        return None
    record = found[0]
    roles = session.exec(select(Claim.speaker_role, func.min(Claim.said_on), func.max(Claim.said_on), func.count(Claim.id))
                         .where(Claim.speaker_id == speaker_id, Claim.speaker_role.is_not(None))
                         .group_by(Claim.speaker_role).order_by(func.min(Claim.said_on))).all()
    topics = session.exec(select(Topic.name, func.count(ClaimTopic.claim_id)).join(ClaimTopic)
                          .join(Claim, Claim.id == ClaimTopic.claim_id)
                          .where(Claim.speaker_id == speaker_id, ClaimTopic.removed.is_(False))
                          .group_by(Topic.name).order_by(func.count(ClaimTopic.claim_id).desc(), Topic.name)
                          .limit(top)).all()
    activity = [(day, count) for day, _, count in timeline(session, ClaimFilter(speakers=[speaker_id]), by=None)]
    return SpeakerProfile(record, [tuple(r) for r in roles], [tuple(t) for t in topics], activity)


@dataclass
class TopicRecord:
    id: int
    name: str
    description: str | None
    keywords: list[str]
    entities: list[str]
    claims: int

    def to_json(self) -> dict:
        return dict(self.__dict__)


def list_topics(session: Session) -> list[TopicRecord]:
    """The taxonomy in its order, each topic with its claim count."""
    counts = select(ClaimTopic.topic_id, func.count(ClaimTopic.claim_id).label("n")) \
        .where(ClaimTopic.removed.is_(False)).group_by(ClaimTopic.topic_id).subquery()
    rows = session.exec(select(Topic, func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.topic_id == Topic.id)
                        .order_by(Topic.id)).all()
    return [TopicRecord(id=t.id, name=t.name, description=t.description, keywords=json.loads(t.keywords),
                        entities=json.loads(t.entities), claims=n) for t, n in rows]


def outlets(session: Session) -> list[str]:
    return [o for o in session.exec(select(Document.outlet).where(Document.outlet.is_not(None))
                                    .distinct().order_by(Document.outlet))]


def entities(session: Session) -> list[tuple[str, str, int]]:
    """(name, kind, claims) of every entity claims are tagged with, most frequent first."""
    n = func.count(ClaimEntity.claim_id)
    return [tuple(row) for row in session.exec(select(Entity.name, Entity.kind, n).join(ClaimEntity)
                                               .group_by(Entity.name, Entity.kind).order_by(n.desc(), Entity.name))]


@dataclass
class DocumentRecord:
    id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    kind: str
    source_name: str | None
    ingested_at: dt.datetime
    claims: int


def list_documents(session: Session, search: str | None = None, limit: int | None = 100,
                   offset: int = 0) -> list[DocumentRecord]:
    """Documents, newest first, with their claim counts (never their text: that is fetched one at a time)."""
    counts = select(Claim.document_id, func.count(Claim.id).label("n")).group_by(Claim.document_id).subquery()
    query = select(Document.id, Document.title, Document.outlet, Document.url, Document.published, Document.kind,
                   Document.source_name, Document.ingested_at, func.coalesce(counts.c.n, 0)) \
        .outerjoin(counts, counts.c.document_id == Document.id)
    if search:
        like = f"%{search}%"
        query = query.where(or_(Document.title.ilike(like), Document.outlet.ilike(like), Document.url.ilike(like),
                                Document.source_name.ilike(like)))
    query = query.order_by(Document.published.desc(), Document.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [DocumentRecord(*row) for row in session.exec(query)]


def count_documents(session: Session) -> int:
    return session.exec(select(func.count(Document.id))).one()


@dataclass
class ClaimDetail:
    """One claim with what its view shows: the record, its document's text, speaker details, history."""
    claim: ClaimRecord
    document_text: str
    speaker: SpeakerRecord | None
    machine_speaker: str | None
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None
    machine_missing: bool


def claim_detail(session: Session, claim_id: int) -> ClaimDetail | None:
    row = session.get(Claim, claim_id)
    if row is None:
        return None
    record = list_claims(session, ClaimFilter(document_id=row.document_id, ids=[claim_id]), limit=1)[0]
    speaker = None
    if row.speaker_id is not None:
        speaker = next(iter(list_speakers_by_id(session, [row.speaker_id])), None)
    machine = session.get(Speaker, row.machine_speaker_id) if row.machine_speaker_id else None
    return ClaimDetail(claim=record, document_text=session.get(Document, row.document_id).text, speaker=speaker,
                       machine_speaker=machine.name if machine else None,
                       mention=(row.mention_start, row.mention_end) if row.mention_start is not None else None,
                       cue=(row.cue_start, row.cue_end) if row.cue_start is not None else None,
                       machine_missing=row.machine_missing)


def list_speakers_by_id(session: Session, speaker_ids: list[int]) -> list[SpeakerRecord]:
    counts = select(func.count(Claim.id)).where(Claim.speaker_id == Speaker.id).scalar_subquery()
    rows = session.exec(select(Speaker, counts).where(Speaker.id.in_(speaker_ids))).all()
    aliases = _aliases(session, speaker_ids)
    return [SpeakerRecord(id=s.id, name=s.name, kind=s.kind, role=s.role, affiliation=s.affiliation,
                          aliases=aliases.get(s.id, []), claims=n) for s, n in rows]
