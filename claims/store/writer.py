"""Writing one extracted document into the store: the document, its claims, their speakers, topics
and entities. The caller owns the transaction (one per document)."""
from __future__ import annotations

import hashlib
import json

from sqlmodel import Session, select

from claims.extract.mentions import PRONOUNS
from claims.extract.names import looks_like_person, split_role
from claims.model import Claim as ExtractedClaim
from claims.sources.document import SourceDocument
from claims.store.speakers import SpeakerDirectory, tidy_speaker
from claims.store.tables import Claim, ClaimEntity, ClaimTopic, Document
from claims.store.tagging import ClaimTagger


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_document(session: Session, sha256: str, url: str | None) -> Document | None:
    """The stored document with this text or this URL: the same article is stored once."""
    found = session.exec(select(Document).where(Document.sha256 == sha256)).first()
    if found is None and url:
        found = session.exec(select(Document).where(Document.url == url)).first()
    return found


def write_document(session: Session, speakers: SpeakerDirectory, tagger: ClaimTagger, source: SourceDocument,
                   claims: list[ExtractedClaim], extractor_version: str) -> Document:
    document = Document(text=source.text, sha256=text_sha256(source.text), url=source.url, title=source.title,
                        outlet=source.outlet, author=source.author, published=source.published,
                        published_at=source.published_at.replace(tzinfo=None) if source.published_at else None, timezone=source.timezone, language=source.language,
                        kind=source.kind, speaker=source.speaker, source_name=source.name, extractor_version=extractor_version)
    session.add(document)
    session.flush()
    rows = []
    for extracted in claims:
        row = Claim(document_id=document.id)
        set_machine_values(row, extracted, document, speakers, tagger, extractor_version)
        rows.append(row)
    session.add_all(rows)
    session.flush()  # one flush for all the document's claims: their ids, for the topic and entity links
    for row in rows:
        tag_claim(session, tagger, row, document, fresh=True)
    return document


def set_machine_values(row: Claim, extracted: ExtractedClaim, document: Document, speakers: SpeakerDirectory,
                       tagger: ClaimTagger, extractor_version: str) -> None:
    """The machine's columns of a claim row, from the extractor's claim; the analyst's columns untouched."""
    row.kind, row.text = extracted.kind, extracted.text
    row.start, row.end = extracted.start, extracted.end
    row.spans = json.dumps([list(p) for p in extracted.pieces]) if len(extracted.pieces) > 1 else None
    name, role = tidy_speaker(extracted.speaker, extracted.speaker_kind, extracted.speaker_role) if extracted.speaker \
        else (None, extracted.speaker_role)
    row.speaker_name, row.speaker_role, row.speaker_kind = name, role, extracted.speaker_kind
    mention, cue = extracted.speaker_mention, extracted.cue
    row.mention_start, row.mention_end, row.mention_text = (mention.start, mention.end, mention.text) if mention else (None,) * 3
    row.cue_start, row.cue_end, row.cue_text = (cue.start, cue.end, cue.text) if cue else (None,) * 3
    row.confidence = round(extracted.confidence, 4)
    row.extractor_version = extractor_version
    row.machine_missing = False
    row.said_on = tagger.said_on(document, row)
    row.machine_speaker_id = None
    if name:
        row.machine_speaker_id = speakers.resolve(name, extracted.speaker_kind, role)
        alias = _mention_alias(mention.text if mention else None)
        if alias:
            speakers.add_alias(row.machine_speaker_id, alias)
    row.speaker_id = row.corrected_speaker_id or row.machine_speaker_id
    if row.speaker_id:
        speakers.count_claim(row.speaker_id)


def _mention_alias(mention: str | None) -> str | None:
    """The name in a speaker mention ("Secretary Blinken" -> "Blinken"), not a pronoun or a nominal."""
    if not mention:
        return None
    _, name = split_role(mention)
    if name.lower() in PRONOUNS or not looks_like_person(name):
        return None
    return name


def tag_claim(session: Session, tagger: ClaimTagger, row: Claim, document: Document, fresh: bool = False) -> None:
    """The machine's topics and entities of a claim. Re-tagging replaces the machine's topic links and
    keeps every analyst link, including an analyst's removal of a machine topic."""
    entity_ids, topic_ids = tagger.tag(row.text, document.text)
    if fresh:  # a new claim has no links yet: no need to ask
        session.add_all([ClaimEntity(claim_id=row.id, entity_id=i) for i in entity_ids])
        session.add_all([ClaimTopic(claim_id=row.id, topic_id=i, set_by="machine") for i in topic_ids])
        return
    existing = {link.entity_id: link for link in session.exec(select(ClaimEntity).where(ClaimEntity.claim_id == row.id))}
    for entity_id, link in existing.items():
        if entity_id not in entity_ids:
            session.delete(link)
    for entity_id in entity_ids:
        if entity_id not in existing:
            session.add(ClaimEntity(claim_id=row.id, entity_id=entity_id))
    links = {link.topic_id: link for link in session.exec(select(ClaimTopic).where(ClaimTopic.claim_id == row.id))}
    for topic_id, link in links.items():
        if link.set_by == "machine" and topic_id not in topic_ids:
            session.delete(link)
    for topic_id in topic_ids:
        if topic_id not in links:
            session.add(ClaimTopic(claim_id=row.id, topic_id=topic_id, set_by="machine"))
