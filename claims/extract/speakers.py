"""Resolve a speaker mention to a speaker: the full name behind a surname, a pronoun or a title.

Resolution is within one document. What the document does not support stays unresolved
(speaker None) rather than a guess that looks certain.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry

from claims.extract.mentions import (GROUP_WORDS, PRONOUNS, TITLE_RE, TITLE_WORDS, Mention, looks_like_person, mention_kind,
                                     split_role, without_contraction)
from claims.extract.quotes import QuoteSpan, paragraphs

HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Adm)\.?|Miss|Senator|President)\s+")
NAME_WORD = r"(?:[A-Z]\.)+|[A-Z][\w’'-]*"
CAPITALISED_RUN = re.compile(r"(?<![\w’'.-])(?:" + NAME_WORD + r")(?:[ \t]+(?:de[ \t]+|van[ \t]+|von[ \t]+|bin[ \t]+)?(?:"
                             + NAME_WORD + r"))+")
# Words a title-case headline leaves in lower case ("Trump Supporter Screams 1 Controversial Word At Rally").
MINOR_WORDS = {"a", "an", "the", "and", "but", "or", "of", "to", "in", "on", "at", "for", "by", "with", "as", "vs"}
NAME_WORD_ALONE = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:[’'][A-Z][\w-]*)?(?![\w-])")
POSSESSIVE = re.compile(r"(’s|'s|’|')$")
SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.$")  # "John Kerry." at a sentence's end; not "Jr." or "J."
NOT_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "The", "A", "An", "But", "And", "In", "On", "At", "As", "He", "She", "It", "They", "We", "I", "This",
             "That", "When", "While", "After", "Before", "If", "For", "With", "Read", "More", "Also"}


def _data(name: str) -> list[list[str]]:
    lines = resources.files("claims.data").joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def governments() -> dict[str, str]:
    return {surface.lower(): government for surface, government in _data("governments.tsv")}


@lru_cache(maxsize=None)
def _country_names() -> dict[str, str]:
    """Every country's names in lower case (pycountry: name, common and official names; not its codes,
    which would turn "AND" or "CAN" into countries) -> the name people use."""
    names = {}
    for entry in pycountry.countries:
        usual = getattr(entry, "common_name", None) or entry.name
        for attribute in ("name", "common_name", "official_name"):
            if getattr(entry, attribute, None):
                names[getattr(entry, attribute).lower()] = usual
    return names


def country(name: str) -> str | None:
    """The country a name or a seat of power stands for ("Seoul", "South Korea", "Moscow"), else None."""
    low = name.lower()
    return governments().get(low) or (_country_names().get(low) if name[:1].isupper() else None)


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, tuple[str, ...]]:
    return {head: tuple(words.split("|")) for head, words in _data("role_nouns.tsv")}


@dataclass
class Person:
    name: str
    role: str | None
    first: int
    mentions: list[int] = field(default_factory=list)

    def __post_init__(self):
        self.words = self.name.split()  # what lookup compares, thousands of times a document


@dataclass(frozen=True)
class Speaker:
    name: str | None
    role: str | None
    kind: str | None
    certainty: float  # how sure the resolution is, 0..1; folded into the claim's confidence


def _strip_name(name: str) -> str:
    name = SENTENCE_END.sub("", POSSESSIVE.sub("", name.strip(" ,")))
    return HONORIFIC.sub("", name).strip()


class SpeakerResolver:
    """Knows the people a document names (outside its quotes) and where it names them."""

    def __init__(self, text: str, quotes: list[QuoteSpan]):
        self.text = text
        self.people: dict[str, Person] = {}
        self.positions: list[tuple[int, str]] = []  # (offset, full name) of every person mention
        inside = [(q.start, q.end) for q in quotes]
        headlines = _title_case_lines(text)
        for match in TITLE_RE.finditer(text):
            if not _inside(match.start(), inside):
                name = _strip_name(match.group("name"))
                if looks_like_person(name) and len(name.split()) > 1:
                    self._add(name, match.group("role"), match.start("name"))
        for match in CAPITALISED_RUN.finditer(text):
            words = match.group().split()
            # "U.S. Secretary of State Antony Blinken" reads as runs "U.S. Secretary", "State Antony Blinken".
            while words and (words[0] in NOT_NAMES or words[0].lower() in TITLE_WORDS or "." in words[0]):
                words.pop(0)
            # "Texas Governor Greg Abbott": the name is what follows the last title word.
            titled = [k for k, word in enumerate(words[:-2]) if word.lower() in TITLE_WORDS]
            if titled:
                words = words[titled[-1] + 1:]
            name = _strip_name(_after_possessive(" ".join(words)))
            if len(name.split()) > 1 and looks_like_person(name) and not _inside(match.start(), inside) \
                    and country(name) is None and not _inside(match.start(), headlines):
                self._add(name, None, match.start())
        self._index_surnames(text, inside)
        self.positions.sort()

    def _add(self, name: str, role: str | None, at: int) -> None:
        person = self.people.get(name)
        if person is None:
            # "Antony Blinken" seen before "Blinken" alone: one person, keyed by the full name.
            person = self.people[name] = Person(name, role, at)
        elif role and not person.role:
            person.role = role
        if at not in person.mentions:
            person.mentions.append(at)
            self.positions.append((at, name))

    def _index_surnames(self, text: str, inside: list[tuple[int, int]]) -> None:
        """Every later "Blinken" or "Cho" alone is a mention of the person whose full name it is part of."""
        parts: dict[str, Person] = {}
        for person in list(self.people.values()):
            words = person.name.split()
            for part in {words[0], words[-1]}:
                found = self.lookup(part) if len(part) >= 3 else None
                if found is not None:
                    parts[part] = found
        for match in NAME_WORD_ALONE.finditer(text):
            person = parts.get(match.group())
            if person is not None and match.start() not in person.mentions and not _inside(match.start(), inside):
                person.mentions.append(match.start())
                self.positions.append((match.start(), person.name))

    def lookup(self, name: str) -> Person | None:
        """The person a (possibly partial) name refers to; None when no one or more than one fits."""
        name = _strip_name(name)
        if name in self.people:
            return self.people[name]
        words = name.split()
        n = len(words)
        fits = [p for p in self.people.values() if p.words[-n:] == words or p.words[:n] == words] if words else []
        if len(fits) > 1:  # two Clintons: the one the article names more, if clearly so
            fits.sort(key=lambda p: -len(p.mentions))
            if len(fits[0].mentions) <= len(fits[1].mentions):
                return None
        return fits[0] if fits else None

    def person_before(self, offset: int) -> Person | None:
        i = bisect_left(self.positions, (offset, ""))
        return self.people[self.positions[i - 1][1]] if i else None

    def by_role(self, head: str, before: int) -> Person | None:
        words = role_nouns().get(head)
        if not words:
            return None
        fits = [p for p in self.people.values()
                if p.role and p.first < before and any(w in p.role.lower() for w in words)]
        return max(fits, key=lambda p: p.first) if len(fits) >= 1 else None

    def resolve(self, mention: Mention, previous: Speaker | None) -> Speaker:
        phrase = mention.text.strip()
        low = phrase.lower()
        if mention.kind == "pronoun":
            low = without_contraction(low)
            if low == "who":  # "Juanita Broaddrick, who said": the person named just before
                person = self.person_before(mention.start)
                if person:
                    return Speaker(person.name, person.role, "person", 0.8)
            if low in {"he", "she"}:
                if previous and previous.kind == "person" and previous.name:
                    return Speaker(previous.name, previous.role, "person", 0.9)
                person = self.person_before(mention.start)
                if person:
                    return Speaker(person.name, person.role, "person", 0.7)
            if low in {"they", "we"} and previous and previous.kind in {"group", "organisation", "government"}:
                return Speaker(previous.name, previous.role, previous.kind, 0.7)
            return Speaker(None, None, PRONOUNS.get(low), 0.5)
        bare = re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.I)
        government = country(bare)
        if government:
            return Speaker(government, None, "government", 0.9)
        role, name = split_role(phrase)
        # "Media Research Center’s Bozell": the name is what follows the possessive.
        owned = _after_possessive(name)
        if owned != name and owned[:1].isupper() and looks_like_person(_strip_name(owned)):
            name = owned
        if mention.kind == "name" and looks_like_person(_strip_name(name)):
            person = self.lookup(name)
            if person:
                return Speaker(person.name, role or person.role, "person", 0.95)
            stripped = _strip_name(name)
            certainty = 0.9 if len(stripped.split()) > 1 else 0.6
            return Speaker(stripped, role, "person", certainty)
        kind = mention_kind(phrase)
        head = bare.split()[-1].lower().strip(".,") if bare.split() else ""
        if mention.kind == "nominal" or (bare != phrase and not head[:1].isupper() and kind == "person"):
            # "the minister", "The Florida senator": a role, to be matched to a person the text names
            person = self.by_role(head, mention.start)
            if person:
                return Speaker(person.name, person.role, "person", 0.75)
            if kind == "group" or head in GROUP_WORDS:
                return Speaker(phrase[0].lower() + phrase[1:], None, "group", 0.8)
            return Speaker(None, None, kind, 0.5)
        if kind == "organisation":
            return Speaker(bare, None, "organisation", 0.85)
        return Speaker(_strip_name(phrase), role, kind, 0.6)


def _after_possessive(name: str) -> str:
    """"Media Research Center’s Brent Bozell" -> "Brent Bozell"."""
    for mark in ("’s ", "'s "):
        if mark in name:
            name = name.rpartition(mark)[2]
    return name


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case, where every word is capitalised: a run of capitals there is no name
    ("Trump Supporter Screams 1 Controversial Word" made a person "Trump Supporter Screams", to whom
    every later "Trump" went), except a speaker's name before a colon at the line's start."""
    spans = []
    for start, end in paragraphs(text):
        words = text[start:end].split()
        if any(w[:1].islower() and w.lower() not in MINOR_WORDS for w in words):
            continue  # most lines: a lower-case word comes within the first few
        if sum(w[:1].isalpha() and w.lower() not in MINOR_WORDS for w in words) >= 4:
            colon = text.find(":", start, end)  # "Cecile Richards: ‘I’m Sick Of ...’" names who speaks
            spans.append((colon + 1 if 0 <= colon and len(text[start:colon].split()) <= 4 else start, end))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset falls in one of the spans (quotes: sorted, never overlapping)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
