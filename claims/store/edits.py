"""Every change a person makes: review status, speaker corrections, topics, notes, speaker merges,
renames and roles, the topic taxonomy. Each writes the annotation log (append-only) in the same
transaction as the change itself, so the log and the data never disagree."""
from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session, select

from claims.store.speakers import alias_key
from claims.store.tables import (REVIEW_STATUSES, SPEAKER_KINDS, Annotation, Claim, ClaimTopic, Speaker, SpeakerAlias,
                                 Topic)


class EditError(Exception):
    """A change that cannot be made; str() is one line for the user."""


def log(session: Session, user: str, target: str, target_id: int, field: str, old, new, note: str | None = None) -> None:
    session.add(Annotation(user=user, target=target, target_id=target_id, field=field,
                           old_value=None if old is None else str(old), new_value=None if new is None else str(new),
                           note=note))


def history(session: Session, target: str, target_id: int) -> list[Annotation]:
    return list(session.exec(select(Annotation).where(Annotation.target == target, Annotation.target_id == target_id)
                             .order_by(Annotation.at, Annotation.id)))


def _claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise EditError(f"no claim with id {claim_id}")
    return claim


def _speaker(session: Session, speaker_id: int) -> Speaker:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise EditError(f"no speaker with id {speaker_id}")
    return speaker


def set_status(session: Session, claim_id: int, status: str, user: str, note: str | None = None) -> Claim:
    if status not in REVIEW_STATUSES:
        raise EditError(f"status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
    claim = _claim(session, claim_id)
    if claim.status != status:
        log(session, user, "claim", claim_id, "status", claim.status, status, note)
        claim.status = status
    session.commit()
    return claim


def set_note(session: Session, claim_id: int, note: str | None, user: str) -> Claim:
    claim = _claim(session, claim_id)
    log(session, user, "claim", claim_id, "note", claim.note, note)
    claim.note = note or None
    session.commit()
    return claim


def correct_speaker(session: Session, claim_id: int, speaker_id: int | None, user: str,
                    note: str | None = None) -> Claim:
    """The analyst's speaker for a claim (None: back to the machine's). Kept apart from the machine's."""
    claim = _claim(session, claim_id)
    if speaker_id is not None:
        _speaker(session, speaker_id)
    log(session, user, "claim", claim_id, "speaker", claim.speaker_id, speaker_id, note)
    claim.corrected_speaker_id = speaker_id
    claim.speaker_id = speaker_id or claim.machine_speaker_id
    session.commit()
    return claim


def create_speaker(session: Session, name: str, kind: str | None, user: str, role: str | None = None,
                   affiliation: str | None = None) -> Speaker:
    if not name.strip():
        raise EditError("a speaker needs a name")
    if kind is not None and kind not in SPEAKER_KINDS:
        raise EditError(f"kind must be one of {', '.join(SPEAKER_KINDS)}, not {kind!r}")
    speaker = Speaker(name=name.strip(), kind=kind, role=role, affiliation=affiliation,
                      role_set_by="analyst" if role else "machine")
    session.add(speaker)
    session.flush()
    session.add(SpeakerAlias(speaker_id=speaker.id, alias=speaker.name, key=alias_key(speaker.name)))
    log(session, user, "speaker", speaker.id, "created", None, speaker.name)
    session.commit()
    return speaker


def set_claim_topics(session: Session, claim_id: int, topics: Sequence[str], user: str) -> list[str]:
    """The claim's topics become exactly `topics` (names), as the analyst's choice: a machine topic taken
    away stays away on re-tagging; one kept becomes the analyst's."""
    claim = _claim(session, claim_id)
    wanted = set()
    for name in topics:
        topic = session.exec(select(Topic).where(Topic.name == name)).first()
        if topic is None:
            raise EditError(f"no topic named {name!r}")
        wanted.add(topic.id)
    links = {link.topic_id: link for link in session.exec(select(ClaimTopic).where(ClaimTopic.claim_id == claim.id))}
    before = sorted(_topic_names(session, [i for i, link in links.items() if not link.removed]))
    for topic_id, link in links.items():
        link.set_by, link.removed = "analyst", topic_id not in wanted
    for topic_id in wanted - set(links):
        session.add(ClaimTopic(claim_id=claim.id, topic_id=topic_id, set_by="analyst"))
    after = sorted(_topic_names(session, list(wanted)))
    log(session, user, "claim", claim_id, "topics", json.dumps(before), json.dumps(after))
    session.commit()
    return after


def _topic_names(session: Session, ids: list[int]) -> list[str]:
    return list(session.exec(select(Topic.name).where(Topic.id.in_(ids)))) if ids else []


def merge_speakers(session: Session, keep_id: int, other_ids: Sequence[int], user: str) -> Speaker:
    """Fold `other_ids` into `keep_id`: their claims (machine and corrected) and aliases move over."""
    keep = _speaker(session, keep_id)
    others = [_speaker(session, i) for i in other_ids if i != keep_id]
    if not others:
        raise EditError("name at least one other speaker to merge")
    keys = set(session.exec(select(SpeakerAlias.key).where(SpeakerAlias.speaker_id == keep_id)))
    for other in others:
        for column in (Claim.machine_speaker_id, Claim.corrected_speaker_id, Claim.speaker_id):
            session.exec(update(Claim).where(column == other.id).values({column.key: keep_id}))
        for alias in session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == other.id)).all():
            if alias.key in keys:
                session.delete(alias)
            else:
                alias.speaker_id = keep_id
                keys.add(alias.key)
        if alias_key(other.name) not in keys:
            session.add(SpeakerAlias(speaker_id=keep_id, alias=other.name, key=alias_key(other.name)))
            keys.add(alias_key(other.name))
        log(session, user, "speaker", keep_id, "merged", f"{other.id}: {other.name}", keep.name)
        log(session, user, "speaker", other.id, "merged into", other.name, f"{keep_id}: {keep.name}")
        session.flush()
        session.delete(other)
    session.commit()
    return keep


def rename_speaker(session: Session, speaker_id: int, name: str, user: str) -> Speaker:
    """A new canonical name; the old one stays an alias, so later articles that use it still match."""
    speaker = _speaker(session, speaker_id)
    if not name.strip():
        raise EditError("a speaker needs a name")
    log(session, user, "speaker", speaker_id, "name", speaker.name, name.strip())
    speaker.name = name.strip()
    key = alias_key(speaker.name)
    exists = session.exec(select(SpeakerAlias.id).where(SpeakerAlias.speaker_id == speaker_id,
                                                        SpeakerAlias.key == key)).first()
    if exists is None:
        session.add(SpeakerAlias(speaker_id=speaker_id, alias=speaker.name, key=key))
    session.commit()
    return speaker


def set_speaker_role(session: Session, speaker_id: int, role: str | None, user: str) -> Speaker:
    """The analyst's role for a speaker; ingestion no longer changes it."""
    speaker = _speaker(session, speaker_id)
    log(session, user, "speaker", speaker_id, "role", speaker.role, role)
    speaker.role, speaker.role_set_by = role or None, "analyst"
    session.commit()
    return speaker


def save_topic(session: Session, name: str, user: str, keywords: Sequence[str] | None = None,
               description: str | None = None, entities: Sequence[str] | None = None,
               new_name: str | None = None, create: bool = False) -> Topic:
    """Add a topic (`create`) or edit one; keywords and entities replace the old lists when given."""
    topic = session.exec(select(Topic).where(Topic.name == name)).first()
    if create and topic is not None:
        raise EditError(f"topic {name!r} exists already (use `claims topics edit`)")
    if not create and topic is None:
        raise EditError(f"no topic named {name!r}")
    if topic is None:
        topic = Topic(name=name)
        session.add(topic)
        session.flush()
        log(session, user, "topic", topic.id, "created", None, name)
    changes = {"name": new_name, "description": description,
               "keywords": json.dumps(list(keywords)) if keywords is not None else None,
               "entities": json.dumps(list(entities)) if entities is not None else None}
    for field, value in changes.items():
        if value is not None and getattr(topic, field) != value:
            log(session, user, "topic", topic.id, field, getattr(topic, field), value)
            setattr(topic, field, value)
    session.commit()
    return topic

