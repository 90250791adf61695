"""The dashboard's one door to the store: the cached ClaimStore, cached queries, the edits (each checked
against the signed-in user's role), ingestion and exports, the shared sidebar filters and the user.

Pages never open sessions or build queries: they call the functions here (`import shared`). Reads are
cached for a short while (reads.CACHE_TTL), keyed by the database URL and the filter's values; every edit
clears them, so the person who made it sees it at once and everyone else within CACHE_TTL seconds.
"""
from claims.extract.document_kinds import DOCUMENT_KINDS
from claims.model import KINDS as CLAIM_KINDS
from claims.store.queries import PERIODS
from claims.store.tables import REVIEW_STATUSES, SPEAKER_KINDS
from shared.access import (NotAllowed, SignedIn, allowed, current_user, db_url, display_url, invalidate,
                           require_user, sign_in, sign_out, store)
from shared.actions import (EditError, add_pasted_text, add_sources, add_uploads, correct_speaker, create_speaker,
                            export_callback, merge_speakers, save_review)
from shared.filters import Filters, keep_filter_state, sidebar_filters
from shared.formatting import EMPTY_STORE, NOTHING_MATCHES, format_date, matching, plural, speaker_label
from shared.reads import (CACHE_TTL, Change, claim_detail, count_claims, count_documents, documents, entity_names,
                          history, list_claims, outlet_names, speaker_choices, speaker_profile, speakers_by_id,
                          timeline, topic_names)

__all__ = [
    "CACHE_TTL", "CLAIM_KINDS", "DOCUMENT_KINDS", "EMPTY_STORE", "NOTHING_MATCHES", "PERIODS", "REVIEW_STATUSES",
    "SPEAKER_KINDS", "Change", "EditError", "Filters", "NotAllowed", "SignedIn", "add_pasted_text", "add_sources",
    "add_uploads", "allowed", "claim_detail", "correct_speaker", "count_claims", "count_documents",
    "create_speaker", "current_user", "db_url", "display_url", "documents", "entity_names", "export_callback",
    "format_date", "history", "invalidate", "keep_filter_state", "list_claims", "matching", "merge_speakers",
    "outlet_names", "plural", "require_user", "save_review", "sidebar_filters", "sign_in", "sign_out",
    "speaker_choices", "speaker_label", "speaker_profile", "speakers_by_id", "store", "timeline", "topic_names",
]
