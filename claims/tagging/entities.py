"""Countries and organisations a text names, each under one name ("Pyongyang", "DPRK" -> North Korea).

Names come from pycountry (every country's names), claims/data/demonyms.tsv ("Ukrainian"),
claims/data/governments.tsv (capitals and seats of power, shared with speaker resolution) and
claims/data/entity_aliases.tsv (what those lack: "DPRK", "the North", organisations, phrases that are
not entities). All of it compiles once into one case-sensitive regex: proper names are capitalised,
which keeps "turkey" the bird and "chad" out, and one pass over a claim finds every name in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from claims.extract.speakers import governments
from claims.tagging.phrases import phrase_key, phrase_pattern

# "In Jordan" or "To Chad" start a sentence with a capitalised word that is not a first name.
_FUNCTION_WORDS = {"in", "to", "from", "and", "or", "of", "with", "for", "by", "at", "on", "the", "as", "between",
                   "against", "about", "over", "like", "into", "across", "both", "visit", "visited", "but", "while"}
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]$")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_THE_BEFORE = re.compile(r"(?<![\w])[Tt]he\s+$")


@dataclass(frozen=True)
class EntityTag:
    name: str  # the one name used for the entity everywhere: "North Korea", "NATO"
    kind: str  # "country" | "organisation"
    start: int  # offsets into the text searched; text[start:end] == surface
    end: int
    surface: str


@dataclass(frozen=True)
class _Entry:
    """What one surface form stands for, and the conditions under which it does."""
    name: str | None  # None: a phrase that is not an entity ("New Mexico")
    kind: str | None
    needs: frozenset[str] = frozenset()
    after_the: bool = False
    not_name_part: bool = False


def _rows(name: str) -> list[list[str]]:
    lines = resources.files("claims.data").joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _alias_entry(row: list[str]) -> _Entry:
    name, kind = row[1], row[2]
    flags = [flag.strip() for flag in row[3].split(",")] if len(row) > 3 else []
    needs = next((flag[len("needs="):] for flag in flags if flag.startswith("needs=")), "")
    if name == "-":
        return _Entry(None, None)
    return _Entry(name, kind, frozenset(filter(None, needs.split("|"))), "after-the" in flags,
                  "not-name-part" in flags)


@lru_cache(maxsize=None)
def _lexicon() -> tuple[dict[str, _Entry], re.Pattern]:
    """Every surface form (phrase_key) -> its entry, and the regex that finds them all."""
    aliases = {row[0]: _alias_entry(row) for row in _rows("entity_aliases.tsv")}
    entries: dict[str, _Entry] = {}
    names_by_code: dict[str, str] = {}
    for country in pycountry.countries:
        names = [getattr(country, field, None) for field in ("name", "common_name", "official_name")]
        names = [re.sub(r"^the ", "", n) for n in names if n]
        renamed = next((aliases[n].name for n in names if n in aliases and aliases[n].name), None)
        usual = names_by_code[country.alpha_2] = renamed or getattr(country, "common_name", None) or country.name
        for surface in [usual, *names]:
            if "," not in surface and "(" not in surface:  # "Korea, Republic of" is a list entry, not prose
                entries[surface] = _Entry(usual, "country")
    for code, words in _rows("demonyms.tsv"):
        for word in words.split("|"):
            for form in (word, _plural(word)):
                entries[form] = _Entry(names_by_code[code], "country")
    countries = set(names_by_code.values()) | {e.name for e in aliases.values() if e.kind == "country"}
    for surface, government in governments().items():
        # governments() keys are lower case; the names in it are capitalised word by word.
        kind = "country" if government in countries else "organisation"
        entries[surface.title()] = _Entry(government, kind)
    for surface, entry in aliases.items():
        if entry.after_the:
            surface = re.sub(r"^the ", "", surface)  # matched without "the", which is checked before it
        entries[surface] = entry
    entries = {phrase_key(surface): entry for surface, entry in entries.items()}
    return entries, re.compile(r"(?<!\w)(?:" + phrase_pattern(entries) + r")(?!\w)")


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "tch", "nch", "ese", "ic", "x")):
        return word  # "Swiss", "Turkish", "Dutch", "French", "Chinese", "Icelandic" have no plural form
    return word + "s"


def find_entities(text: str, context: str | None = None) -> list[EntityTag]:
    """Countries and organisations named in `text`, in text order. `context` (the whole document) is read
    only to decide names that need it: "the North" is North Korea when the document is about Korea."""
    found = _candidates(text)
    conditional = [entry.needs for entry, _, _ in found if entry.needs]
    if conditional:
        plain = {entry.name for entry, _, _ in found if not entry.needs}
        if context is not None and not all(needs & plain for needs in conditional):
            plain |= _plain_names(context)
        found = [(entry, start, end) for entry, start, end in found if not entry.needs or entry.needs & plain]
    return [EntityTag(entry.name, entry.kind, start, end, text[start:end]) for entry, start, end in found]


@lru_cache(maxsize=64)
def _plain_names(context: str) -> frozenset[str]:
    """Names a document gives by a surface that needs no context; cached because every claim of a
    document passes the same document."""
    return frozenset(entry.name for entry, _, _ in _candidates(context) if not entry.needs)


def _candidates(text: str) -> list[tuple[_Entry, int, int]]:
    entries, pattern = _lexicon()
    found = []
    for match in pattern.finditer(text):
        entry = entries[phrase_key(match.group())]
        start, end = match.span()
        if entry.name is None:
            continue
        if entry.after_the:
            the = _THE_BEFORE.search(text, max(0, start - 12), start)
            if the is None or _CAPITALISED_NEXT.match(text, end):
                continue
            start = the.start()
        if entry.not_name_part and _in_person_name(text, start, end):
            continue
        if match.group().isupper() and _shouted(text, start):
            continue
        found.append((entry, start, end))
    return found


def _in_person_name(text: str, start: int, end: int) -> bool:
    """"Chad Wolf", "Michael Jordan": a capitalised word right before (not a function word) or after."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1)[0].isupper() and before.group(1).lower() not in _FUNCTION_WORDS:
        return True
    return _CAPITALISED_NEXT.match(text, end) is not None


def _shouted(text: str, at: int) -> bool:
    """Whether the line is all capitals (a headline), where "WHO" or "US" are just words."""
    line_end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1:line_end if line_end >= 0 else len(text)]
    return not any(char.islower() for char in line)
