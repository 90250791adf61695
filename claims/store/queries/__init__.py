"""Queries over the store: the one module the CLI, the exports and the dashboard read through.

Claims filtered by speaker, topic, entity, outlet, kind, status, date range and full-text search
(FTS5 on SQLite, the English tsvector on PostgreSQL), a page at a time; counts per period for
timelines; lists and profiles of speakers; topics, outlets, entities and documents. Filters run in
SQL; nothing loads a whole table.
"""

from claims.store.queries.catalogue import (
    ClaimDetail,
    DocumentRecord,
    TopicRecord,
    claim_detail,
    count_documents,
    entities,
    list_documents,
    list_topics,
    outlets,
)
from claims.store.queries.claims import (
    LABEL_CHUNK,
    PERIODS,
    ClaimFilter,
    ClaimRecord,
    conditions,
    count_claims,
    list_claims,
    period_start,
    timeline,
)
from claims.store.queries.speakers import (
    SpeakerProfile,
    SpeakerRecord,
    find_speakers,
    list_speakers,
    list_speakers_by_id,
    speaker_profile,
)

__all__ = [
    "ClaimDetail",
    "ClaimFilter",
    "ClaimRecord",
    "DocumentRecord",
    "LABEL_CHUNK",
    "PERIODS",
    "SpeakerProfile",
    "SpeakerRecord",
    "TopicRecord",
    "claim_detail",
    "conditions",
    "count_claims",
    "count_documents",
    "entities",
    "find_speakers",
    "list_claims",
    "list_documents",
    "list_speakers",
    "list_speakers_by_id",
    "list_topics",
    "outlets",
    "period_start",
    "speaker_profile",
    "timeline",
]
