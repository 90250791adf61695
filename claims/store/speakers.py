"""Speakers shared across documents: matching a document's speaker name to a stored speaker.

The `Blinken` of Monday's article and the `Antony Blinken` of Tuesday's are one speaker; two people
named Kim are not. A match is made only when it is certain:
- the same name or a known alias (folded: case, full stops, honorifics, possessive);
- the same first and last name ("Hillary Clinton", "Hillary Rodham Clinton"), suffixes equal;
- a surname alone ("Trump") and exactly one stored person with that surname, or one who has far more
  claims than any other of that surname (he is who an unqualified surname means in that news).
Anything else becomes a speaker of its own, which an analyst can merge.
"""
from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import func
from sqlmodel import Session, select

from claims.extract.names import looks_like_person, split_role
from claims.extract.speakers import HONORIFIC, POSSESSIVE
from claims.tagging.entities import find_entities
from claims.store.tables import Claim, Speaker, SpeakerAlias

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A surname alone goes to the person who has at least this many times the claims of the next person
# with that surname (and some claims at all).
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


ROLE_STARTS_NOT = {"who", "whose", "which", "that", "one", "speaking", "said", "says", "saying", "adding",
                   "according", "a", "an", "mr", "mrs", "ms", "dr", "miss"}
MAX_ROLE_WORDS = 7


def plausible_role(role: str | None) -> bool:
    """A role worth showing as a speaker's title: "Sen.", "House Speaker", "U.S. Secretary of State";
    not an appositive the extractor kept ("speaking to reporters Tuesday on her plane") or a bare "Mr."."""
    if not role:
        return False
    words = role.replace(",", " ").split()
    first = words[0].lower().strip(".") if words else ""
    listed = [part.strip() for part in re.split(r",| and ", role) if part.strip()]
    if len(listed) > 1 and any(looks_like_person(part) for part in listed):
        return False  # "Ted Cruz and Rand Paul": the others in a list of speakers, not a role
    return 0 < len(words) <= MAX_ROLE_WORDS and first not in ROLE_STARTS_NOT and not first.endswith("ing")


def tidy_speaker(name: str, kind: str | None, role: str | None) -> tuple[str, str | None]:
    """(name, role), with a role the extractor left in a person's name split off
    ("Republican presidential candidate Donald Trump" -> "Donald Trump", "Republican presidential candidate")."""
    if kind in (None, "person"):
        split, bare = split_role(name)
        if split and bare and bare != name and looks_like_person(bare):
            return bare, role or split
    return name, role


def _compatible(kind_a: str | None, kind_b: str | None) -> bool:
    return kind_a is None or kind_b is None or kind_a == kind_b


class SpeakerDirectory:
    """The stored speakers, indexed in memory for one writer's session (ingestion is single-writer)."""

    def __init__(self, session: Session):
        self.session = session
        self.kinds: dict[int, str | None] = {}
        self.by_name: dict[str, set[int]] = defaultdict(set)  # canonical names only
        self.by_key: dict[str, set[int]] = defaultdict(set)  # every alias
        self.by_first_last: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        self.by_surname: dict[str, set[int]] = defaultdict(set)
        self.claim_counts: dict[int, int] = defaultdict(int)
        self.alias_rows: set[tuple[int, str]] = set()
        self.touched: set[int] = set()  # speakers given claims in this session
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
        self.by_name[key].add(speaker_id)
        self.by_key[key].add(speaker_id)
        parts = name_parts(key) if kind in (None, "person") else None
        if parts:
            self.by_first_last[parts].add(speaker_id)
            self.by_surname[parts[1]].add(speaker_id)

    def forget(self, speaker_id: int) -> None:
        """A speaker merged away: no lookup may return it again."""
        for index in (self.by_name, self.by_key, self.by_first_last, self.by_surname):
            for ids in index.values():
                ids.discard(speaker_id)
        self.kinds.pop(speaker_id, None)
        self.touched.discard(speaker_id)

    def _most_quoted(self, ids) -> int:
        return max(ids, key=lambda i: (self.claim_counts[i], -i))

    def find(self, name: str, kind: str | None) -> int | None:
        """The stored speaker `name` certainly is, or None."""
        key = alias_key(name)
        same_name = [i for i in self.by_name.get(key, ()) if _compatible(self.kinds[i], kind)]
        personal = kind in (None, "person")
        if personal and " " not in key:
            # A surname alone: the one person (or the dominant one) of that surname, before any
            # earlier speaker that is just the surname (made when no full name was known yet).
            by_surname = self.by_surname_alone(key)
            if by_surname is not None:
                return by_surname
        if same_name:
            return self._most_quoted(same_name)  # one name, one speaker (an analyst splits namesakes)
        aliased = {i for i in self.by_key.get(key, ()) if _compatible(self.kinds[i], kind)}
        if len(aliased) == 1:
            return aliased.pop()
        if aliased or not personal:
            return None
        parts = name_parts(key)
        if parts:  # "Hillary Rodham Clinton", "Donald J. Trump"
            same = self.by_first_last.get(parts, set())
            return next(iter(same)) if len(same) == 1 else None
        return None

    def by_surname_alone(self, surname: str) -> int | None:
        candidates = self.by_surname.get(surname, set())
        if len(candidates) == 1:
            return next(iter(candidates))
        ranked = sorted(candidates, key=lambda i: -self.claim_counts[i])
        if len(ranked) > 1:
            top, runner_up = self.claim_counts[ranked[0]], self.claim_counts[ranked[1]]
            if top >= DOMINANT_MINIMUM and top >= DOMINANT_RATIO * runner_up:
                return ranked[0]
        return None

    def resolve(self, name: str, kind: str | None, role: str | None) -> int:
        """The speaker for a claim's resolved `name`: found, or created; the surface form becomes an alias."""
        speaker_id = self.find(name, kind)
        if speaker_id is None:
            speaker = Speaker(name=name, kind=kind, role=role if plausible_role(role) else None,
                              affiliation=affiliation_of(name, kind, role))
            self.session.add(speaker)
            self.session.flush()
            speaker_id = speaker.id
            self._index(speaker_id, name, kind)
        self.touched.add(speaker_id)
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


MACHINE_USER = "claims (automatic)"
ROLE_CHUNK = 10_000


def refresh_roles(session: Session, speaker_ids: set[int]) -> None:
    """A speaker's role is the one the most articles give them (among plausible ones; then the one given
    most often), unless an analyst has set it; their affiliation follows from it. Counted by articles: one
    article's "would-be president" at each of its ten quotes must not outweigh five articles' "candidate"."""
    counts: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    ids = sorted(speaker_ids)
    for at in range(0, len(ids), ROLE_CHUNK):  # PostgreSQL takes at most 65,535 parameters a statement
        rows = session.exec(select(Claim.speaker_id, Claim.speaker_role, func.count(func.distinct(Claim.document_id)),
                                   func.count()).where(Claim.speaker_id.in_(ids[at:at + ROLE_CHUNK]),
                                                       Claim.speaker_role.is_not(None))
                            .group_by(Claim.speaker_id, Claim.speaker_role))
        for speaker_id, role, documents, claims in rows:
            if plausible_role(role):
                counts[speaker_id][role] = (documents, claims)
    for speaker_id, roles in counts.items():
        speaker = session.get(Speaker, speaker_id)
        if speaker is None or speaker.role_set_by != "machine":
            continue
        speaker.role = max(roles, key=lambda r: (*roles[r], len(r)))
        speaker.affiliation = affiliation_of(speaker.name, speaker.kind, speaker.role) or speaker.affiliation


def merge_surname_speakers(session: Session, directory: SpeakerDirectory) -> int:
    """Speakers that are only a surname ("Trump", stored before any article gave the full name) fold into
    the one person of that surname, or the dominant one; merges are logged as the machine's."""
    from claims.store.edits import merge_speakers

    merged = 0
    single = [(i, key) for key, ids in directory.by_name.items() if " " not in key for i in ids
              if directory.kinds.get(i) in (None, "person")]
    for speaker_id, key in single:
        target = directory.by_surname_alone(key)
        if target is not None and target != speaker_id and session.get(Speaker, speaker_id) is not None:
            merge_speakers(session, target, [speaker_id], MACHINE_USER)
            directory.claim_counts[target] += directory.claim_counts.pop(speaker_id, 0)
            directory.forget(speaker_id)
            merged += 1
    return merged


def settle_speakers(session: Session, directory: SpeakerDirectory) -> None:
    """After a batch: roles refreshed for the speakers it touched, surname-only speakers folded in."""
    refresh_roles(session, directory.touched)
    session.commit()
    merge_surname_speakers(session, directory)
