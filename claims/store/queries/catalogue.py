"""What the store holds besides claims and speakers: topics, outlets, entities, documents; and one
claim with everything its view shows."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, select

from claims.store.tables import (Claim, ClaimEntity, ClaimTopic, Document, Entity, Speaker, Topic)

from claims.store.queries.claims import ClaimFilter, ClaimRecord, list_claims
from claims.store.queries.speakers import SpeakerRecord, list_speakers_by_id


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
