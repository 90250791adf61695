"""The phrases around a cue that tell what its content is: `“…,” as X put it`, a setting (`In an interview on
“Face the Nation,” ...`), an adjunct or a listener after a closing cue (`..., she said in an interview.`,
`..., X told a Senate panel`), an opener before `according to`, a quote after an opening cue."""
from __future__ import annotations

import re

from claims.extract.content import MIN_CONTENT_WORDS, closes_quote, inside_quote, opens_quote
from claims.extract.lexicon import reporting_verbs
from claims.extract.subjects import SUBJECT_PRONOUNS
from claims.extract.text_units import Token, Unit

# Verbs of `“…,” as X said`: a temporal `as` ("praising “…” as he promised to ...") takes other verbs.
AS_QUOTE_VERBS = {"put", "puts", "said", "says", "noted", "notes", "wrote", "writes", "told", "explained",
                  "argued", "observed", "remarked", "stated", "declared", "described", "joked", "quipped"}


def as_after_quote(tokens: list[Token], unit: Unit, k: int, verb_token: Token) -> bool:
    """`... a “lawful source of investment income,” as a Homeland Security memo put it.`: `as` right after a
    closing quote mark, before the source at token k, makes the quote (and what leads to it) the content."""
    return verb_token.lower in AS_QUOTE_VERBS and k > 1 and tokens[k - 1].lower == "as" \
        and closes_quote(tokens[k - 2], unit)


def cued_before(tokens: list[Token], unit: Unit, stop: int, verbs) -> bool:
    """A reporting verb outside quotes before token `stop`: the content has a cue of its own."""
    return any(verbs.get(t.lower) and not inside_quote(t, unit) for t in tokens[:stop])


# `..., Mr. Obama said in his interview.`: a closing cue followed by where or when; the content is the
# clause before (of at least this many words: "Still, The Times reported at ..." has none). On PolNeAR
# this took dev all-attributions F1 from 69.9 to 70.0 (two spurious and two misses fewer), train 68.3 to 68.4.
MIN_CLOSED_WORDS = 4
# At most this many words after "told" and the like name a listener and a time, not what was told (see
# listener_only).
LISTENER_WORDS = 6
PLACE_PREPOSITIONS = {"in", "at", "during"}  # not "on": "insist on", "agreed on" take their content
# Words opening a sentence's setting ("In an interview on ...", "On this weekend's broadcast of ..."): see
# title_in_setting.
SETTING_OPENERS = {"in", "on", "at", "during", "speaking", "appearing", "writing"}
# When a setting happened, before it ("Sunday on Fox News channel’s “Sunday Morning Futures,” Issa said ..."):
# see title_in_setting. 4 spurious mixed claims (the setting taken for the content) fewer on PolNeAR
# train, none lost; dev unchanged.
WHEN_OPENERS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "later", "earlier",
                "yesterday", "today", "tonight"}
ADJUNCT_OPENERS = {"before", "after", "as", "while", "when", "with", "from", "until", "since"}
# What may stand between an opening cue's source and its quote: a comma, a colon, a relative clause.
SOURCE_TO_QUOTE = re.compile(r"\s*[,:]?\s*|,\s*(?:who|whose)\b[^“”\"\n]*,\s*")


def opener_before(text: str, tokens: list[Token], i: int, after: int, before_start: int) -> bool:
    """`In addition, according to the department, nearly nine million more workers ...`: "according to" set
    off by commas after a short opener (fewer than MIN_CLOSED_WORDS words) leaves the statement after the
    source; the content is the opener and that statement. After a longer clause, what follows the source's
    comma is mostly about the source or the figure ("..., according to Craig Bryan, head of ..."). On PolNeAR
    train 9 more attributions matched (11901 -> 11910, attributed 10895 -> 10904), dev unchanged."""
    return len(text[before_start:tokens[i].start].split()) < MIN_CLOSED_WORDS and after + 1 < len(tokens) \
        and tokens[after].text == "," and tokens[i - 1].text == "," \
        and sum(t.is_word for t in tokens[after + 1:]) >= MIN_CONTENT_WORDS


def quote_after_opening_cue(text: str, unit: Unit, source_end: int) -> tuple[int, int] | None:
    """`Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”`: a cue opening its sentence,
    then its source (and a relative clause on it), cues the quote that follows, not the nothing before it. On
    PolNeAR train 1 more direct quote matched with its source (5701 -> 5702, attributed 5410 -> 5411), dev
    unchanged."""
    quote = next((q for q in unit.quotes if q.start >= source_end), None)
    if quote is None or not SOURCE_TO_QUOTE.fullmatch(text, source_end, quote.start):
        return None
    return quote.start, quote.end


def title_in_setting(tokens: list[Token], unit: Unit, k: int) -> bool:
    """`In an interview on CBS's "Face the Nation," House Speaker Paul D. Ryan said ...`: a quote closing a
    phrase of place or time that opens the sentence (no comma outside quotes before it) is a title, not the
    content; the content follows the cue. On PolNeAR this took 2 spurious direct claims off dev, 4 off train,
    and lost none."""
    first = 1 if len(tokens) > 1 and tokens[0].lower in WHEN_OPENERS else 0
    return k > first and tokens[first].lower in SETTING_OPENERS and not any(
        t.text in {",", ";", ":"} and not inside_quote(t, unit) for t in tokens[first + 1:k - 1])


def adjunct_tail(tokens: list[Token], after_cue: int, start: int) -> bool:
    """`..., Mr. Obama said in his interview.`, `..., she said before he died.`: what follows the cue
    says when or where, not what ("said in an interview that ..." goes on to its content, and
    "A, she said, until B" is one content around the cue)."""
    k = next((n for n in range(after_cue, len(tokens)) if tokens[n].start >= start), len(tokens))
    if k >= len(tokens) or tokens[after_cue].text == "," or any(t.lower == "that" for t in tokens[k:]):
        return False
    after_on = k > after_cue and tokens[k - 1].lower == "on"  # "said on condition ...": the content began after "on"
    return tokens[k].lower in ADJUNCT_OPENERS or (k > after_cue and tokens[k - 1].lower in PLACE_PREPOSITIONS) \
        or speaking_manner(tokens, k - 1 if after_on else k)


def speaking_manner(tokens: list[Token], k: int) -> bool:
    """How the source spoke, from tokens[k] on, not what: `on condition of anonymity`, `on the condition that
    ...`, `on background`, or an adverb of manner before a clause of its own or the end (`matter-of-factly as
    confetti fell`, `sarcastically.`)."""
    words = [t.lower for t in tokens[k:k + 3]]
    if words[:1] == ["on"]:
        return words[1:2] == ["background"] or words[1:2] == ["condition"] or words[1:3] == ["the", "condition"]
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return bool(words) and words[0].endswith("ly") and (after is None or not after.is_word
                                                         or after.lower in ADJUNCT_OPENERS)


def listener_only(tokens: list[Token], unit: Unit, after_cue: int) -> bool:
    """`..., Ash Carter told a Senate panel Wednesday.`: after a verb that takes a listener, a few words with no
    "that", quote, colon or subject pronoun name whom and when, not what: the content is the clause before.
    On PolNeAR train 3 more attributions matched (attributed 10901 -> 10904) for 2 spurious fewer; dev one more."""
    rest = tokens[after_cue:]
    return 0 < sum(t.is_word for t in rest) <= LISTENER_WORDS and not any(
        t.lower == "that" or t.lower in SUBJECT_PRONOUNS or t.text == ":" or opens_quote(t, unit) for t in rest)


def resumed_after_adjunct(unit: Unit, after_cue: int) -> tuple[int, int] | None:
    """`A, the agency said in a June report, and B.`: the content resumes after the adjunct."""
    tokens = unit.tokens
    for n in range(after_cue, len(tokens) - 2):
        if tokens[n].text == "," and tokens[n + 1].lower in {"and", "but"} and not inside_quote(tokens[n], unit):
            return tokens[n + 2].start, unit.end
    return None


def aspect_use(tokens: list[Token], i: int) -> bool:
    """`continues to grow`, `continued screening`, but not `continues to insist that ...`, where the
    cue it goes with speaks."""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    then = tokens[i + 2].lower if nxt == "to" and i + 2 < len(tokens) else nxt
    return (nxt == "to" or nxt.endswith("ing")) and then not in reporting_verbs()


def before_is_boundary(tokens: list[Token], j: int, unit: Unit) -> bool:
    return j == 0 or closes_quote(tokens[j - 1], unit) or tokens[j - 1].text in {",", "—", "–"}
