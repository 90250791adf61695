"""Re-extraction: a newer extractor over stored documents, refreshing the machine's side of each claim.

A new claim that is the same statement as a stored one (same offsets, or half of either's characters
shared) updates that row in place, so its id, review status, corrected speaker, note and analyst
topics stay. A stored claim the new extractor no longer finds is deleted, unless an analyst has
worked on it: then it stays, marked machine_missing.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, select

from claims.extract.combine import same_statement
from claims.extract.extractor import Extractor
from claims.model import Claim as ExtractedClaim
from claims.store.ingest import extractor_version
from claims.store.speakers import SpeakerDirectory, settle_speakers
from claims.store.store import ClaimStore
from claims.store.tables import Claim, ClaimTopic, Document
from claims.store.tagging import ClaimTagger
from claims.store.writer import set_machine_values, tag_claim


@dataclass
class ReextractSummary:
    documents: int = 0
    failed: int = 0
    updated: int = 0
    added: int = 0
    removed: int = 0
    kept: int = 0  # no longer found, kept for the analyst's work on them

    def line(self) -> str:
        return (f"documents: {self.documents} re-extracted, {self.failed} failed; claims: {self.updated} updated, "
                f"{self.added} added, {self.removed} removed, {self.kept} kept for analysts' work")


def _pieces(row: Claim) -> list[tuple[int, int]]:
    return [tuple(p) for p in json.loads(row.spans)] if row.spans else [(row.start, row.end)]


def _analyst_touched(session: Session, row: Claim) -> bool:
    if row.status != "unreviewed" or row.corrected_speaker_id or row.note:
        return True
    return session.exec(select(ClaimTopic.claim_id).where(ClaimTopic.claim_id == row.id,
                                                          ClaimTopic.set_by == "analyst")).first() is not None


def reextract(store: ClaimStore, extractor: Extractor, since: dt.date | None = None, workers: int = 1,
              progress: Callable[[str], None] | None = None) -> ReextractSummary:
    summary = ReextractSummary()
    version = extractor_version(extractor)
    with store.session() as session:
        query = select(Document.id).order_by(Document.id)
        if since:
            query = query.where(Document.published >= since)
        ids = list(session.exec(query))
        speakers, tagger = SpeakerDirectory(session), ClaimTagger(session)

        def documents():
            for document_id in ids:
                document = session.get(Document, document_id)
                yield str(document_id), document.text, None, document.kind, document.speaker

        for key, claims, problem in extractor.extract_documents(documents(), workers=workers):
            if problem is not None:
                summary.failed += 1
            else:
                document = session.get(Document, int(key))
                _refresh(session, speakers, tagger, document, claims, version, summary)
                document.extractor_version = version
                session.commit()
                summary.documents += 1
            if progress:
                progress(key)
        settle_speakers(session, speakers)
    return summary


def _refresh(session: Session, speakers: SpeakerDirectory, tagger: ClaimTagger, document: Document,
             claims: list[ExtractedClaim], version: str, summary: ReextractSummary) -> None:
    rows = list(session.exec(select(Claim).where(Claim.document_id == document.id)))
    by_offsets = {(row.start, row.end): row for row in rows}
    taken: set[int] = set()
    pairs: list[tuple[Claim | None, ExtractedClaim]] = []
    for claim in claims:
        row = by_offsets.get((claim.start, claim.end))
        if row is not None and row.id not in taken:
            taken.add(row.id)
        else:
            row = None
        pairs.append((row, claim))
    final_offsets = {(c.start, c.end) for c in claims}
    for index, (row, claim) in enumerate(pairs):
        if row is not None:
            continue
        for candidate in rows:
            old = ExtractedClaim(kind=candidate.kind, pieces=_pieces(candidate), text=candidate.text)
            # an old row whose own offsets a new claim takes cannot move elsewhere (offsets are unique)
            if candidate.id not in taken and (candidate.start, candidate.end) not in final_offsets \
                    and same_statement(old, claim):
                taken.add(candidate.id)
                pairs[index] = (candidate, claim)
                break
    for row in rows:
        if row.id in taken:
            continue
        if _analyst_touched(session, row):
            row.machine_missing = True
            summary.kept += 1
        else:
            session.delete(row)
            summary.removed += 1
    session.flush()
    for row, claim in pairs:
        fresh = row is None
        if fresh:
            row = Claim(document_id=document.id)
        set_machine_values(row, claim, document, speakers, tagger, version)
        session.add(row)
        session.flush()
        tag_claim(session, tagger, row, document, fresh=fresh)
        summary.added += fresh
        summary.updated += not fresh
