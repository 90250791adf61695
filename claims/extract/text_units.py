"""Tokens and units: the stretches of text the attribution rules look at.

A unit is a sentence, widened so that a quotation running over several sentences (or paragraphs)
lies inside one unit together with its attribution.

The segmenters (stanza, blingfire) decide the sentences. Inside them the rules read words of one
shape of their own, because the two segmenters tokenise differently (`Blinken’s` is one token to
stanza and two to blingfire; `Tae-yul` three to both) and the rules must behave the same on both.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from claims.extract.quotes import QuoteSpan
from claims.model import Sentence


WORD = re.compile(r"""
      (?:[A-Za-z]\.){2,}                  # U.S., D.C.
    | (?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Prof|Rev|Adm|Capt|Maj|Ft|St)\.
    | \w+(?:[-‑]\w+)*                      # words, hyphenated names
    | [’']s\b                             # the possessive 's, split from its noun
    | ``|''|\S                            # one mark
    """, re.VERBOSE)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


@dataclass
class Unit:
    start: int
    end: int
    tokens: list[Token]
    quotes: list[QuoteSpan]
    paragraph: int

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_right([t.start for t in self.tokens], offset - 1)


def build_units(text: str, sentences: list[Sentence], quotes: list[QuoteSpan],
                paragraph_starts: list[int]) -> list[Unit]:
    groups: list[list[Sentence]] = []
    reach = -1  # the furthest end of a quote that started in the current group
    for sentence in sentences:
        if groups and sentence.start < reach:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
        for quote in quotes:
            if sentence.start <= quote.start < sentence.end:
                reach = max(reach, quote.end)
    units = []
    for group in groups:
        start, end = group[0].start, max(group[-1].end, *(s.end for s in group))
        inner = [q for q in quotes if start <= q.start < end]
        end = max([end] + [q.end for q in inner])
        tokens = [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]
        units.append(Unit(start, end, tokens, inner, bisect_right(paragraph_starts, start) - 1))
    return units
