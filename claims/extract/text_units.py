"""Tokens and units: the stretches of text the attribution rules look at.

A unit is a sentence, widened so that a quotation running over several sentences (or paragraphs)
lies inside one unit together with its attribution.

The segmenters (stanza, blingfire) decide the sentences. Inside them the rules read words of one
shape of their own, because the two segmenters tokenise differently (`Blinken’s` is one token to
stanza and two to blingfire; `Tae-yul` three to both) and the rules must behave the same on both.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from claims.extract.lexicon import reporting_verbs
from claims.extract.quotes import QuoteSpan, find_quotes, paragraphs
from claims.model import Sentence, Span


# The first choice is the fourth's for the most common words, lower-case ones of two characters or more, which
# none of the choices between can match: tried first, they are read a sixth faster.
WORD = re.compile(r"""
      [a-z]\w+(?:[-‑]\w+|[’'](?!s\b)\w+)*  # said, don’t, so-called
    | (?:[A-Za-z]\.){2,}                  # U.S., D.C.
    | (?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Prof|Rev|Adm|Capt|Maj|Ft|St)\.
    | [A-Z]\.(?=\s+[A-Z])                  # a middle initial: Donald J. Trump
    | \w+(?:[-‑]\w+|[’'](?!s\b)\w+)*        # words, hyphenated names, O’Malley, don’t
    | [’']s\b                             # the possessive 's, split from its noun
    | ``|''|\S                            # one mark
    """, re.VERBOSE)


class Token(NamedTuple):
    """A word or mark, with what the rules ask of it worked out once (they ask millions of times)."""

    start: int
    end: int
    text: str
    lower: str
    is_capitalised: bool
    is_word: bool


# A token's text and lower-case text, read for every token of a unit at C speed (map(LOWER_OF, tokens)).
TEXT_OF, LOWER_OF = attrgetter("text"), attrgetter("lower")
_new_tuple = tuple.__new__  # Token's own __new__ is a Python call per token, a fifth of tokenising
# Each word with the white space before it (\S, WORD's last choice, leaves nothing else between words):
# findall hands back plain strings and the offsets follow from their lengths, where finditer made a match
# object and three calls on it per word (a sixth of tokenising).
SPACED_WORD = re.compile(r"(\s*)(" + WORD.pattern + ")", re.VERBOSE)


def tokens_between(text: str, start: int, end: int) -> list[Token]:
    """The words and marks of text[start:end]."""
    tokens, at = [], start
    for space, word in SPACED_WORD.findall(text, start, end):
        begin = at + len(space)
        at = begin + len(word)
        tokens.append(_new_tuple(Token, (begin, at, word, word.lower(), word[:1].isupper(), word[:1].isalnum())))
    return tokens


def token_span(text: str, tokens: list[Token], a: int, b: int) -> Span:
    """The span of tokens[a:b] (b > a) in text."""
    return Span.of(text, tokens[a].start, tokens[b - 1].end)


QUESTION_QUOTE_END = re.compile(r"[?!…][”\"'’»]+\s*$")


def _attribution_after_question(text: str, previous: Sentence, sentence: Sentence) -> bool:
    """`“Who will pay?” Ann Smith asked.`: the segmenter ends a sentence at `?”`; the attribution after it
    belongs to the quote. Only a short sentence with a reporting verb near its start is joined."""
    if "\n" in text[previous.end:sentence.start] or not QUESTION_QUOTE_END.search(text, previous.start, previous.end):
        return False
    words = WORD.findall(text, sentence.start, sentence.end)
    verbs = reporting_verbs()
    return len(words) <= 14 and any(w.lower() in verbs for w in words[:6])


@dataclass
class Unit:
    start: int
    end: int
    tokens: list[Token]
    quotes: list[QuoteSpan]
    paragraph: int


def document_units(text: str, sentences: list[Sentence]) -> list[Unit]:
    """The units of a document: what the rules and the tagger both read."""
    return build_units(text, sentences, find_quotes(text), [start for start, _ in paragraphs(text)])


def build_units(text: str, sentences: list[Sentence], quotes: list[QuoteSpan],
                paragraph_starts: list[int]) -> list[Unit]:
    groups: list[list[Sentence]] = []
    quote_starts = [q.start for q in quotes]
    reach = -1  # the furthest end of a quote that started in the current group
    for sentence in sentences:
        if groups and (sentence.start < reach or _attribution_after_question(text, groups[-1][-1], sentence)):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
        for quote in _starting_in(quotes, quote_starts, sentence.start, sentence.end):
            reach = max(reach, quote.end)
    units = []
    for group in groups:
        start, end = group[0].start, max(group[-1].end, *(s.end for s in group))
        inner = _starting_in(quotes, quote_starts, start, end)
        end = max([end] + [q.end for q in inner])
        tokens = tokens_between(text, start, end)
        units.append(Unit(start, end, tokens, inner, bisect_right(paragraph_starts, start) - 1))
    return units


def unit_at(units: list[Unit], starts: list[int], offset: int) -> Unit:
    """The unit that holds `offset` (`starts`: the units' starts, made once by the caller)."""
    return units[bisect_right(starts, offset) - 1]


def _starting_in(quotes: list[QuoteSpan], starts: list[int], start: int, end: int) -> list[QuoteSpan]:
    """The quotes (sorted by start) that start in start..end."""
    return quotes[bisect_left(starts, start):bisect_left(starts, end)]
