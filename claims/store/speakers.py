"""Speakers shared across documents: matching a document's speaker name to a stored speaker.

The `Blinken` of Monday's article and the `Antony Blinken` of Tuesday's are one speaker; two people
named Kim are not. A match is made only when it is certain:
- the same name or a known alias (folded: case, full stops, honorifics, possessive);
- the same first and last name ("Hillary Clinton", "Hillary Rodham Clinton"), suffixes equal;
- a surname alone ("Trump") and exactly one stored person with that surname, or one who has far more
  claims than all the others together (he is who an unqualified surname means in that news).
Anything else becomes a speaker of its own, which an analyst can merge.
"""
from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import func
from sqlmodel import Session, select

from claims.extract.speakers import HONORIFIC, POSSESSIVE
from claims.tagging.entities import find_entities
from claims.store.tables import Claim, Speaker, SpeakerAlias

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A surname alone goes to the person who has at least this many times the claims of all other
# people with that surname together (and some claims at all).
DOMINANT_RATIO = 5
DOMINANT_MINIMUM = 5


def alias_key(name: str) -> str:
    """A name folded for matching: `Sen. Ted Cruz’s` and `ted cruz` give the same key."""
    name = POSSESSIVE.sub("", name.strip(" ,"))
    name = HONORIFIC.sub("", name)
    return re.sub(r"\s+", " ", name.replace(".", " ").replace("’", "'")).strip().lower()


def name_parts(key: str) -> tuple[str, str, str] | None:
    """(first, surname, suffix) of a person's folded multi-word name, else None. A hyphenated last
    word of lower-case syllables is a Korean given name (`cho tae-yul`): the surname comes first."""
    words = key.split()
    suffix = words.pop() if len(words) > 2 and words[-1] in SUFFIXES else ""
    if len(words) < 2:
        return None
    if "-" in words[-1] and len(words) == 2:
        return words[1], words[0], suffix
    return words[0], words[-1], suffix


def affiliation_of(name: str, kind: str | None, role: str | None) -> str | None:
    """The country or organisation a speaker belongs to, where the news says it: a government is its
    country; a person's role may name one ("U.S. Secretary of State" -> United States)."""
    if kind == "government":
        found = find_entities(name)
        return found[0].name if found else name
    if role:
        found = find_entities(role)
        return found[0].name if found else None
    return None


def _compatible(kind_a: str | None, kind_b: str | None) -> bool:
    return kind_a is None or kind_b is None or kind_a == kind_b


class SpeakerDirectory:
    """The stored speakers, indexed in memory for one writer's session (ingestion is single-writer)."""

    def __init__(self, session: Session):
        self.session = session
        self.kinds: dict[int, str | None] = {}
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_first_last: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        self.by_surname: dict[str, set[int]] = defaultdict(set)
        self.claim_counts: dict[int, int] = defaultdict(int)
        self.alias_rows: set[tuple[int, str]] = set()
        self.created = 0
        for speaker in session.exec(select(Speaker)):
            self._index(speaker.id, speaker.name, speaker.kind)
        for speaker_id, key in session.exec(select(SpeakerAlias.speaker_id, SpeakerAlias.key)):
            self.by_key[key].add(speaker_id)
            self.alias_rows.add((speaker_id, key))
        counts = select(Claim.speaker_id, func.count()).where(Claim.speaker_id.is_not(None)).group_by(Claim.speaker_id)
        for speaker_id, count in session.exec(counts):
            self.claim_counts[speaker_id] = count

    def _index(self, speaker_id: int, name: str, kind: str | None) -> None:
        key = alias_key(name)
        self.kinds[speaker_id] = kind
        self.by_key[key].add(speaker_id)
        parts = name_parts(key) if kind in (None, "person") else None
        if parts:
            self.by_first_last[parts].add(speaker_id)
            self.by_surname[parts[1]].add(speaker_id)

    def find(self, name: str, kind: str | None) -> int | None:
        """The stored speaker `name` certainly is, or None."""
        key = alias_key(name)
        exact = {i for i in self.by_key.get(key, ()) if _compatible(self.kinds[i], kind)}
        if len(exact) == 1:
            return exact.pop()
        if exact:
            return None
        if kind not in (None, "person"):
            return None
        parts = name_parts(key)
        if parts:
            same = self.by_first_last.get(parts, set())
            return next(iter(same)) if len(same) == 1 else None
        if " " not in key:
            return self._by_surname(key)
        return None

    def _by_surname(self, surname: str) -> int | None:
        candidates = self.by_surname.get(surname, set())
        if len(candidates) == 1:
            return next(iter(candidates))
        ranked = sorted(candidates, key=lambda i: -self.claim_counts[i])
        if len(ranked) > 1:
            top = self.claim_counts[ranked[0]]
            rest = sum(self.claim_counts[i] for i in ranked[1:])
            if top >= DOMINANT_MINIMUM and top >= DOMINANT_RATIO * rest:
                return ranked[0]
        return None

    def resolve(self, name: str, kind: str | None, role: str | None) -> int:
        """The speaker for a claim's resolved `name`: found, or created; the surface form becomes an alias."""
        speaker_id = self.find(name, kind)
        if speaker_id is None:
            speaker = Speaker(name=name, kind=kind, role=role, affiliation=affiliation_of(name, kind, role))
            self.session.add(speaker)
            self.session.flush()
            speaker_id = speaker.id
            self._index(speaker_id, name, kind)
            self.created += 1
        else:
            speaker = self.session.get(Speaker, speaker_id)
            if role and speaker.role_set_by == "machine" and speaker.role != role:
                speaker.role = role  # the latest role the news gives
                speaker.affiliation = affiliation_of(speaker.name, speaker.kind, role) or speaker.affiliation
            if speaker.kind is None and kind:
                speaker.kind = kind
        self.add_alias(speaker_id, name)
        return speaker_id

    def add_alias(self, speaker_id: int, alias: str) -> None:
        key = alias_key(alias)
        if not key or (speaker_id, key) in self.alias_rows:
            return
        self.session.add(SpeakerAlias(speaker_id=speaker_id, alias=alias.strip(), key=key))
        self.by_key[key].add(speaker_id)
        self.alias_rows.add((speaker_id, key))

    def count_claim(self, speaker_id: int) -> None:
        self.claim_counts[speaker_id] += 1
