"""Speakers: lists with claim counts and aliases, lookup by name or alias, profiles."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, select

from claims.store.speakers import alias_key, plausible_role
from claims.store.tables import (Claim, ClaimTopic, Speaker, SpeakerAlias,
                                 Topic)

from claims.store.queries.claims import ClaimFilter, timeline


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
    roles = [role for role in roles if plausible_role(role[0])]  # not "Mr." or an appositive the extractor kept
    topics = session.exec(select(Topic.name, func.count(ClaimTopic.claim_id)).join(ClaimTopic)
                          .join(Claim, Claim.id == ClaimTopic.claim_id)
                          .where(Claim.speaker_id == speaker_id, ClaimTopic.removed.is_(False))
                          .group_by(Topic.name).order_by(func.count(ClaimTopic.claim_id).desc(), Topic.name)
                          .limit(top)).all()
    activity = [(day, count) for day, _, count in timeline(session, ClaimFilter(speakers=[speaker_id]), by=None)]
    return SpeakerProfile(record, [tuple(r) for r in roles], [tuple(t) for t in topics], activity)


def list_speakers_by_id(session: Session, speaker_ids: list[int]) -> list[SpeakerRecord]:
    counts = select(func.count(Claim.id)).where(Claim.speaker_id == Speaker.id).scalar_subquery()
    rows = session.exec(select(Speaker, counts).where(Speaker.id.in_(speaker_ids))).all()
    aliases = _aliases(session, speaker_ids)
    return [SpeakerRecord(id=s.id, name=s.name, kind=s.kind, role=s.role, affiliation=s.affiliation,
                          aliases=aliases.get(s.id, []), claims=n) for s, n in rows]
