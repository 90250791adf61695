"""The store's tables (SQLModel): documents, speakers and their aliases, claims, topics, entities,
and the append-only annotation log.

A claim keeps the machine's extraction and the analyst's corrections in separate columns, so that
re-ingesting or re-extracting can refresh the one without touching the other. `speaker_id` is the
speaker the claim counts for (the analyst's pick if there is one, else the machine's): queries filter
on it alone.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from claims.model import SPEAKER_KINDS  # noqa: F401  (the store's speaker kinds are the extractor's)
from claims.roles import USER_ROLES  # noqa: F401

REVIEW_STATUSES = ("unreviewed", "verified", "disputed", "misattributed", "rejected")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))  # the claims' offsets index this, unchanged
    sha256: str = Field(max_length=64, unique=True)
    url: str | None = Field(default=None, index=True)
    title: str | None = None
    outlet: str | None = Field(default=None, index=True)
    author: str | None = None
    published: dt.date | None = Field(default=None, index=True)
    # The publication time as the source gives it (local wall-clock time), its zone in `timezone`.
    published_at: dt.datetime | None = Field(default=None, sa_column=Column(DateTime))
    timezone: str | None = None
    language: str | None = None
    kind: str = "article"  # article | statement | transcript
    speaker: str | None = None  # a statement's author, who speaks its claims
    source_name: str | None = None  # the path or URL it was read from
    ingested_at: dt.datetime = Field(default_factory=utcnow, index=True)
    extractor_version: str


class Speaker(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    kind: str | None = None  # one of SPEAKER_KINDS; None when the extractor could not tell
    role: str | None = None  # the current role or title
    role_set_by: str = "machine"  # an analyst's role is never overwritten by ingestion
    affiliation: str | None = None  # a country or organisation
    created_at: dt.datetime = Field(default_factory=utcnow)


class SpeakerAlias(SQLModel, table=True):
    """Every surface form a speaker was seen under ("Blinken", "Secretary Blinken")."""
    __table_args__ = (UniqueConstraint("speaker_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True, ondelete="CASCADE")
    alias: str
    key: str = Field(index=True)  # the alias folded for matching (see speakers.alias_key)


class Claim(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("document_id", "start", "end"),
        Index("ix_claim_speaker_said_on", "speaker_id", "said_on"),
    )
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    # The machine's extraction, refreshed by re-extraction.
    kind: str  # direct | mixed | indirect
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    spans: str | None = None  # JSON [[start, end], ...] for a quote interrupted by its attribution
    machine_speaker_id: int | None = Field(default=None, foreign_key="speaker.id", index=True, ondelete="SET NULL")
    speaker_name: str | None = None  # as the extractor resolved it in its document
    speaker_role: str | None = None  # the role the document gives at this claim
    speaker_kind: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_text: str | None = None
    confidence: float = 0.0
    said_on: dt.date | None = Field(default=None, index=True)
    extractor_version: str
    machine_missing: bool = False  # a newer extractor no longer finds it; kept for the analyst's work on it
    # The analyst's layer, never written by ingestion or re-extraction.
    corrected_speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL")
    status: str = Field(default="unreviewed", index=True)
    note: str | None = Field(default=None, sa_column=Column(Text))
    # What queries use: corrected_speaker_id if set, else machine_speaker_id.
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL")


class Topic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    description: str | None = None
    keywords: str = "[]"  # JSON list of words and phrases
    entities: str = "[]"  # JSON list of entity names that bring the topic with them
    exclude: str = "[]"  # JSON list of phrases whose words are not keywords here
    patterns: str = "[]"  # JSON list of regular expressions


class ClaimTopic(SQLModel, table=True):
    """A topic on a claim, set by the machine or by an analyst. An analyst removing a machine topic
    leaves a row with removed=True, so re-tagging does not bring it back."""
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    topic_id: int = Field(foreign_key="topic.id", primary_key=True, index=True, ondelete="CASCADE")
    set_by: str = "machine"  # machine | analyst
    removed: bool = False


class Entity(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str  # country | organisation


class ClaimEntity(SQLModel, table=True):
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    entity_id: int = Field(foreign_key="entity.id", primary_key=True, index=True, ondelete="CASCADE")


class Annotation(SQLModel, table=True):
    """Append-only: who changed what, on which claim, speaker or topic, from what to what, and when."""
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    user: str
    target: str  # claim | speaker | topic
    target_id: int = Field(index=True)
    field: str
    old_value: str | None = Field(default=None, sa_column=Column(Text))
    new_value: str | None = Field(default=None, sa_column=Column(Text))
    note: str | None = Field(default=None, sa_column=Column(Text))


class User(SQLModel, table=True):
    """Someone who signs in to the dashboard. Only an Argon2 hash of the password is kept."""
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    role: str  # one of USER_ROLES
    password_hash: str
    created_at: dt.datetime = Field(default_factory=utcnow)
