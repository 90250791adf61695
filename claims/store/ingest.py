"""Ingestion: sources in, documents and claims stored, one transaction per document.

Duplicates (the same text, or the same URL) are found before extraction and skipped. A document
that fails to read, extract or write is reported and skipped; the batch goes on. A run killed
halfway leaves only whole documents behind, so running it again finishes the job.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select

from claims import __version__
from claims.extract.extractor import Extractor
from claims.sources.document import SourceDocument
from claims.store.speakers import SpeakerDirectory, settle_speakers
from claims.store.store import ClaimStore
from claims.store.tables import Speaker
from claims.store.tagging import ClaimTagger
from claims.store.writer import find_document, text_sha256, write_document

Source = tuple[str, SourceDocument | None, str | None]


@dataclass
class IngestSummary:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    claims: int = 0
    speakers_new: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"documents: {self.new} new, {self.duplicate} duplicate, {self.failed} failed; "
                f"claims: {self.claims}; speakers new: {self.speakers_new}")


def extractor_version(extractor: Extractor) -> str:
    return f"claims {__version__} ({extractor.name})"


def ingest(store: ClaimStore, sources: Iterable[Source], extractor: Extractor, workers: int = 1,
           report: Callable[[str], None] | None = None, progress: Callable[[str], None] | None = None) -> IngestSummary:
    """Store every new document of `sources`. `report(message)` hears of each duplicate and failure,
    `progress(name)` of each document done."""
    summary = IngestSummary()
    version = extractor_version(extractor)
    tell = report or (lambda message: None)
    step = progress or (lambda name: None)
    with store.session() as session:
        speakers_before = _count_speakers(session)
        writer = _Writer(session)
        pending: dict[str, SourceDocument] = {}
        seen: set[str] = set()  # texts and URLs of this run, not yet committed when the next one comes
        seen_urls: set[str] = set()

        def to_extract():
            for name, source, problem in sources:
                if problem is not None:
                    summary.failed += 1
                    summary.problems.append(problem)
                    tell(f"error: {problem}")
                    step(name)
                    continue
                sha = text_sha256(source.text)
                if sha in seen or source.url in seen_urls or find_document(session, sha, source.url) is not None:
                    summary.duplicate += 1
                    tell(f"{name}: already stored, skipped")
                    step(name)
                    continue
                seen.add(sha)
                if source.url:
                    seen_urls.add(source.url)
                key = str(len(seen))
                pending[key] = source
                yield key, source.text, None, source.kind, source.speaker

        for key, claims, problem in extractor.extract_documents(to_extract(), workers=workers):
            source = pending.pop(key)
            if problem is None:
                problem = writer.write(source, claims, version)
            if problem is None:
                summary.new += 1
                summary.claims += len(claims)
            else:
                summary.failed += 1
                message = f"{source.name}: {problem.removeprefix(f'{key}: ')}"
                summary.problems.append(message)
                tell(f"error: {message}")
            step(source.name)
        writer.finish()
        summary.speakers_new = _count_speakers(session) - speakers_before
    return summary


def _count_speakers(session) -> int:
    return session.exec(select(func.count(Speaker.id))).one()


class _Writer:
    """The one writer: writes a document in its own transaction, and after a failed one starts afresh
    (the in-memory indexes may name rows the rollback took away)."""

    def __init__(self, session):
        self.session = session
        self._fresh()

    def _fresh(self) -> None:
        self.speakers = SpeakerDirectory(self.session)
        self.tagger = ClaimTagger(self.session)

    def finish(self) -> None:
        """After the last document: roles settled, surname-only speakers folded in."""
        settle_speakers(self.session, self.speakers)

    def write(self, source: SourceDocument, claims, version: str) -> str | None:
        try:
            write_document(self.session, self.speakers, self.tagger, source, claims, version)
            self.session.commit()
        except SQLAlchemyError as error:
            self.session.rollback()
            self._fresh()
            return f"could not store it ({type(error).__name__}: {str(getattr(error, 'orig', error)).splitlines()[0]})"
        return None
