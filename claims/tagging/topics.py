"""What a claim is about, from a user-editable taxonomy (claims/data/topics.toml by default).

A topic matches a text when one of its keywords appears as whole words (case-insensitive; a keyword
written in capitals, like "ICBM", only in capitals), in any inflection lemminflect knows ("sanction"
finds "sanctions", "sanctioned"), or when the text names one of its entities (North Korea -> Korean
Peninsula), or one of its regular expressions matches. `exclude` phrases hide the keywords inside
them: "Democratic Party" is no claim about democracy.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lemminflect import getAllInflections, getAllInflectionsOOV

from claims.tagging.entities import EntityTag
from claims.tagging.phrases import phrase_pattern

_LIST_FIELDS = ("keywords", "entities", "exclude", "patterns")
_KNOWN_KEYS = {"name", "description", *_LIST_FIELDS}
_WORD = re.compile(r"\w+")
_SPACE = r"[\s-]+"  # "long-range" and "long range" are one keyword
_BRITISH_SPELLING = re.compile(r"iz(?=(?:e|ed|es|ing|ation|ations)$)")


class TaxonomyError(ValueError):
    """A taxonomy that cannot be used; the message is one line naming the file or topic."""


@dataclass(frozen=True)
class Topic:
    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()  # entity names (as find_entities gives them) that imply the topic
    exclude: tuple[str, ...] = ()  # phrases whose words are not keywords here
    patterns: tuple[str, ...] = ()  # regular expressions, case-insensitive, searched anywhere

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.strip():
            raise TaxonomyError(f"topic {self.name!r}: the name must be a non-empty string")
        for field in _LIST_FIELDS:
            value = getattr(self, field)
            if isinstance(value, str) or not all(isinstance(item, str) and item.strip() for item in value):
                raise TaxonomyError(f"topic {self.name!r}: {field} must be a list of non-empty strings")
            object.__setattr__(self, field, tuple(value))
        # Compiled once here, so matching 15,000 claims only runs the regexes.
        regex, first_words = _keyword_regex(self)
        object.__setattr__(self, "_keyword_regex", regex)
        object.__setattr__(self, "_first_words", first_words)
        object.__setattr__(self, "_excluded", frozenset(_key(phrase) for phrase in self.exclude))
        object.__setattr__(self, "_pattern_regexes", tuple(_pattern_regex(self, p) for p in self.patterns))

    def matches(self, text: str, words: frozenset[str] | None = None) -> bool:
        """Whether a keyword or pattern of the topic is in `text` (entities aside). `words`, the text's
        lower-case words, saves running the keyword regex on a text holding no keyword's first word."""
        words = _words(text) if words is None else words
        if not self._first_words.isdisjoint(words) and any(
                _key(match.group()) not in self._excluded for match in self._keyword_regex.finditer(text)):
            return True
        return any(regex.search(text) for regex in self._pattern_regexes)


def match_topics(text: str, topics: Iterable[Topic], entities: Iterable[EntityTag | str] = ()) -> list[str]:
    """Names of the topics `text` is about, in taxonomy order. `entities` are the text's entities
    (EntityTags from find_entities, or names); none are looked up here."""
    names = {entity if isinstance(entity, str) else entity.name for entity in entities}
    words = _words(text)
    return [topic.name for topic in topics if not names.isdisjoint(topic.entities) or topic.matches(text, words)]


def load_topics(path: str | Path | None = None) -> list[Topic]:
    """The topics in a TOML taxonomy file (`[[topic]]` tables), by default the packaged one."""
    if path is None:
        return list(_default_topics())
    try:
        source = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise TaxonomyError(f"{path}: cannot read the taxonomy: {error.strerror or error}") from None
    return list(_parse(source, str(path)))


@lru_cache(maxsize=None)
def _default_topics() -> tuple[Topic, ...]:
    return _parse(resources.files("claims.data").joinpath("topics.toml").read_text(encoding="utf-8"), "topics.toml")


def _parse(source: str, origin: str) -> tuple[Topic, ...]:
    try:
        tables = tomllib.loads(source).get("topic", [])
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"{origin}: not valid TOML: {error}") from None
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise TaxonomyError(f"{origin}: topics must be [[topic]] tables")
    topics, seen = [], set()
    for number, table in enumerate(tables, 1):
        name = table.get("name", f"#{number}")
        unknown = sorted(set(table) - _KNOWN_KEYS)
        if unknown:
            raise TaxonomyError(f"{origin}: topic {name!r}: unknown key {unknown[0]!r}")
        if "name" not in table:
            raise TaxonomyError(f"{origin}: topic #{number} has no name")
        if name in seen:
            raise TaxonomyError(f"{origin}: topic {name!r} is defined twice")
        seen.add(name)
        try:
            topics.append(Topic(**table))
        except TaxonomyError as error:
            raise TaxonomyError(f"{origin}: {error}") from None
    return tuple(topics)


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _key(phrase: str) -> str:
    return re.sub(r"[\s-]+", " ", phrase.replace("’", "'")).lower()


def _keyword_regex(topic: Topic) -> tuple[re.Pattern, frozenset[str]]:
    """The regex finding the topic's keywords (and exclude phrases), and the lower-case words that
    every match starts with."""
    any_case, capitals = set(), set()
    for keyword in topic.keywords:
        if keyword.isupper():  # an acronym: "AI" is no "ai"
            capitals.update(_forms(keyword.strip()))
        else:
            any_case.update(form.lower() for form in _forms(keyword.strip().replace("-", " ")))
    any_case.update(_key(phrase) for phrase in topic.exclude)  # matched, then ignored: see Topic.matches
    regex = re.compile(rf"(?<!\w)(?:(?i:{phrase_pattern(any_case, _SPACE)})|{phrase_pattern(capitals, _SPACE)})(?!\w)")
    first_words = frozenset(words[0].lower() for words in map(_WORD.findall, any_case | capitals) if words)
    return regex, first_words


def _forms(keyword: str) -> set[str]:
    """The keyword with its last word in every inflection, and -ise for -ize ("denuclearisation")."""
    *head, last = keyword.split()
    if last.isupper():
        endings = {last, last + "s"}  # "ICBMs"
    elif last.isalpha():
        inflections = getAllInflections(last) or getAllInflectionsOOV(last, "NOUN")
        endings = {last} | {form for forms in inflections.values() for form in forms}
    else:
        endings = {last}
    endings |= {_BRITISH_SPELLING.sub("is", ending) for ending in endings}
    return {" ".join([*head, ending]) for ending in endings}


def _pattern_regex(topic: Topic, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise TaxonomyError(f"topic {topic.name!r}: invalid pattern {pattern!r}: {error}") from None
