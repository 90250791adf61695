"""What the store asks of claims/tagging for each claim: entity and topic ids, and the said_on date.

Topics live in the database (analysts edit them); entities are created as they are first seen.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlmodel import Session, select

from claims.store.tables import Claim, Document, Entity, Topic
from claims.tagging.dates import said_on
from claims.tagging.entities import find_entities
from claims.tagging.topics import Topic as TopicRule
from claims.tagging.topics import load_topics, match_topics


def seed_default_topics(session: Session) -> int:
    """Fill an empty topic table from the packaged taxonomy (claims/data/topics.toml); returns how many."""
    if session.exec(select(Topic.id)).first() is not None:
        return 0
    rules = load_topics()
    for rule in rules:
        session.add(topic_row(rule))
    session.commit()
    return len(rules)


LISTS = ("keywords", "entities", "exclude", "patterns")  # a topic's JSON list columns


def topic_row(rule: TopicRule) -> Topic:
    return Topic(name=rule.name, description=rule.description,
                 **{field: json.dumps(list(getattr(rule, field))) for field in LISTS})


def topic_rule(row: Topic) -> TopicRule:
    return TopicRule(name=row.name, description=row.description or "",
                     **{field: tuple(json.loads(getattr(row, field))) for field in LISTS})


class ClaimTagger:
    """Tags claims with the store's topics and entities, caching both for one writer's session."""

    def __init__(self, session: Session):
        self.session = session
        self.entity_ids = {name: entity_id for entity_id, name in session.exec(select(Entity.id, Entity.name))}
        rows = session.exec(select(Topic).order_by(Topic.id)).all()
        self.topic_ids = {row.name: row.id for row in rows}
        self.rules = [topic_rule(row) for row in rows]

    def tag(self, claim_text: str, document_text: str) -> tuple[list[int], list[int]]:
        """(entity ids, topic ids) of a claim's text; new entities are added to the store."""
        entities = {}
        for tag in find_entities(claim_text, context=document_text):
            entities.setdefault(tag.name, tag.kind)
        entity_ids = [self._entity_id(name, kind) for name, kind in entities.items()]
        topics = match_topics(claim_text, self.rules, entities=tuple(entities))
        return entity_ids, [self.topic_ids[name] for name in topics]

    def _entity_id(self, name: str, kind: str) -> int:
        if name not in self.entity_ids:
            entity = Entity(name=name, kind=kind)
            self.session.add(entity)
            self.session.flush()
            self.entity_ids[name] = entity.id
        return self.entity_ids[name]

    def said_on(self, document: Document, row: Claim) -> dt.date | None:
        pieces = [tuple(p) for p in json.loads(row.spans)] if row.spans else None
        return said_on(document.text, row.start, row.end, document.published, cue_start=row.cue_start, pieces=pieces)
