"""Where a reported statement's content starts and ends, around its cue and its quotation marks."""
from __future__ import annotations

import re
from itertools import islice

from claims.extract.text_units import Token, Unit

QUOTE_CLOSERS = {"”", "\"", "''", "»", "’", "'"}
QUOTE_OPENERS = {"“", "\"", "`", "«", "„", "‘", "'"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tonight", "earlier", "later", "last", "this", "week", "month", "year", "night", "morning",
              "afternoon", "evening", "on", "in", "at", "during", "a", "an", "the", "recently", "again", "also",
              "separately", "previously", "statement", "interview", "speech", "briefing", "conference", "press",
              "news", "rally", "email", "tweet", "post", "letter", "told", "to", "reporters", "joint"}
# Listeners told something, in one word: what follows them is the content (see content_after).
LISTENERS = {"me", "him", "her", "them", "us", "you", "reporters", "journalists", "supporters", "voters", "lawmakers"}
CONTENT_OPENERS = {"that", ":"}
MIN_CONTENT_WORDS = 2
# `Costa reported from Washington.`, `recommended by the Islamic State`, `responded by pointing out ...`: a
# short phrase after a cue that opens with one of these says where, how or by whom, not what (see
# _adjunct_only). Tried and left out: "in", "on", "with", "of", "at" (each lost 1 to 3 matches on train).
ADJUNCT_ONLY_OPENERS = {"by", "from", "via", "during", "after", "before", "late"}
ADJUNCT_ONLY_WORDS = 8
# Conjunctions that open a clause subordinate to the main clause after its comma (see subordinate_clause_end).
CONCESSIVE_OPENERS = {"while", "although", "though", "even", "whereas", "if", "since", "because", "unless"}
ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")
SETS_UP_QUOTE = re.compile(r"(?::|[.?!][”\"'’)]*)$")
CLAUSE_TAIL = re.compile(r",\s+(?:who|whom|whose|for whom|compared (?:with|to)|where)\b")
# ", and he ...", "; but they ...": a clause with a subject of its own (see own_subject_clause_start).
OWN_SUBJECT_CLAUSE = re.compile(r"[,;]\s+(?:and|but)\s+(?:he|she|they|we|I)\s")
# `described Trump as a “con artist” during ...`: a content that names its object and quotes what it was
# called (see described_as_end).
DESCRIBED_AS = re.compile(r"[^“”\"\n]{1,80}? as (?:a |an |the )?(?:“|\"|'')")
# What says when, where or how after such a quote: not part of what was said.
DESCRIBED_AS_TAIL = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                     "yesterday", "tonight", "last", "earlier", "during", "after", "before", "while", "since", "until",
                     "on", "at", "in", "―", "—", "–", "--", "-"}


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without surrounding spaces, a leading comma or a closing full stop outside quotes."""
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-:"):
        if text[end - 1] == "." and ABBREVIATION_END.search(text, max(start, end - 12), end):
            break  # "the U.S." keeps its last full stop
        end -= 1
    return start, end


def inside_quote(token: Token, unit: Unit) -> bool:
    return any(q.start < token.start and token.end <= q.end - 1 for q in unit.quotes)


def opens_quote(token: Token, unit: Unit) -> bool:
    return any(q.start == token.start for q in unit.quotes)


def closes_quote(token: Token, unit: Unit) -> bool:
    """The token is a quote's closing mark (whatever mark the writer used: “Apparently not,“ he said)."""
    return token.text in QUOTE_CLOSERS or any(q.end == token.end for q in unit.quotes)


def second_quote(text: str, unit: Unit, after: int) -> tuple[int, int] | None:
    """The resumed half of `“A,” he said, “B.”`."""
    tokens = unit.tokens
    if after < len(tokens) and tokens[after].text in {",", ":"}:
        for q in unit.quotes:
            if q.start >= tokens[after].end and not text[tokens[after].end:q.start].strip():
                return q.start, q.end
    return None


def introduced_quote_start(text: str, unit: Unit, start: int, stop: int) -> int:
    """`... with a caveat: “The person ...,” the source said.`: the content is the quote after the colon
    (or after a sentence of its own that the segmenter left in the unit)."""
    for quote in unit.quotes:
        if start < quote.start and not text[quote.end:stop].strip() \
                and SETS_UP_QUOTE.search(text[start:quote.start].rstrip()):
            return quote.start
    return start


def content_after(text: str, unit: Unit, start: int, verb) -> tuple[int, int] | None:
    """Where the reported content starts after a cue: at 'that', a colon, a quote or the clause itself."""
    tokens = unit.tokens
    n = len(tokens)
    k = start
    if verb.takes_object:  # "told (police officials | The Washington Post | him) that ..."
        k = next((m for m in range(k, min(n, k + 7)) if tokens[m].lower == "that" or opens_quote(tokens[m], unit)
                  or tokens[m].text in {",", ":"}), k)
        if tokens[k].text == "," and k - start > 2 and tokens[start].lower in LISTENERS:
            k = start + 1  # "told reporters the budget was balanced, but ...": the comma ends the content
    scan = k
    while scan < n and scan - k < 9 and tokens[scan].lower not in CONTENT_OPENERS \
            and tokens[scan].text not in {".", ";", "?", "!"} and not opens_quote(tokens[scan], unit):
        scan += 1
    introduced = scan < n and (tokens[scan].text == ":" or opens_quote(tokens[scan], unit)) and \
        (scan == k or tokens[scan - 1].text in {",", ":"} or tokens[scan].text == ":")
    if introduced or (scan < n and tokens[scan].lower in CONTENT_OPENERS
                      and all(t.lower in TIME_WORDS or t.is_capitalised or t.text == "," for t in tokens[k:scan])):
        # "said back in the summer of 2015: “...”" — whatever stands before a colon or a quote is setting.
        k = scan + (1 if tokens[scan].text == ":" else 0)
    else:
        while k < n and (tokens[k].lower in TIME_WORDS and tokens[k].lower not in {"a", "an", "the", "this"}
                         or tokens[k].text == ","):
            k += 1
    if k >= n:
        return None
    words = [t for t in tokens[k:] if t.is_word]
    if len(words) < MIN_CONTENT_WORDS and not (words and introduced and opens_quote(tokens[k], unit)):
        # A one-word quote set off by the cue's comma or colon is still said ("asked, “Really?”", "sent an
        # email saying, “done.”", "responds: "Okay!""): 3 more direct quotes matched on PolNeAR train (5691
        # -> 5694; attributed 5397 -> 5399, all attributions 11853 -> 11855) for one spurious, dev unchanged.
        return None
    if _adjunct_only(tokens, start) and not any(t.text == "," for t in tokens[start:k]):
        return None
    return tokens[k].start, _clause_end(text, unit, tokens[k].start)


def _adjunct_only(tokens: list[Token], start: int) -> bool:
    """`Fahrenthold reported from Washington.`, `Scala said before the primary.`: what follows the cue is a
    short phrase of place, time or agent with no clause of its own. Such contents were spurious in 22 of 22
    cases on PolNeAR train (bylines, passives, "responded by saying", whose participle is the cue): 15
    predictions fewer there, matches unchanged, one more attributed; dev one fewer. After a comma it is the
    second half of a split statement ("A would be aided, Devine said, by the calendar")."""
    words = list(islice((t.lower for t in islice(tokens, start, None) if t.is_word), ADJUNCT_ONLY_WORDS + 1))
    return bool(words) and words[0] in ADJUNCT_ONLY_OPENERS and len(words) <= ADJUNCT_ONLY_WORDS \
        and "that" not in words


def relative_clause_end(text: str, unit: Unit, start: int, end: int) -> int:
    comma = text.find(",", start, end)
    while comma != -1 and any(q.start <= comma < q.end for q in unit.quotes):
        comma = text.find(",", comma + 1, end)
    return end if comma == -1 else comma


def _clause_end(text: str, unit: Unit, start: int) -> int:
    """Reported content runs to the end of its sentence, short of a trailing aside on its last noun
    ("..., who also held a rally", "..., compared with 23 percent ...") outside quotes."""
    for match in CLAUSE_TAIL.finditer(text, start, unit.end):
        if not any(q.start <= match.start() < q.end for q in unit.quotes):
            return match.start()
    return unit.end


def described_as_end(text: str, quotes, start: int, end: int) -> int:
    """`... criticized the Affordable Care Act as a “crazy system” during a campaign stop in Flint`: where
    a content is an object and what it was called, PolNeAR's content ends with the quote (72 of 108 such
    contents on train, 10 of 18 on dev; those that run on mostly go on with a clause, "... as “false”,
    compared to 11%"). The content ends at its last quote when what follows that quote says when or where."""
    if not DESCRIBED_AS.match(text, start, end):
        return end
    last = max((q.end for q in quotes if start < q.start and q.end < end), default=None)
    if last is None:
        return end
    tail = text[last:end].split()
    return last if tail and tail[0].lower().strip(",") in DESCRIBED_AS_TAIL else end


def subordinate_clause_end(text: str, unit: Unit, cue_start: int, start: int, end: int) -> int:
    """`While Clinton argued that the deal was flawed, Sanders voted for it.`: a cue inside a subordinate clause
    opening the sentence (no comma before the cue) reports only up to that clause's comma, before the main
    clause. Contents ran on through the main clause in 31 such cases on PolNeAR train; ended at the comma, 15
    more matched gold (11895 -> 11910, attributed 10889 -> 10904), dev 2 more (1382 -> 1384). Temporal openers
    ("as", "when", "after") gained none on train: their clause often runs on."""
    tokens = unit.tokens
    if not tokens or tokens[0].lower not in CONCESSIVE_OPENERS or tokens[0].start >= cue_start:
        return end
    outside = [t for t in tokens if not inside_quote(t, unit) and not opens_quote(t, unit)]
    if any(t.text in {",", ":"} and t.start < cue_start for t in outside):
        return end
    for t in outside:
        if start < t.start < end and t.text == "," and not _between_digits(text, t.start):
            return t.start
    return end


def own_subject_clause_start(text: str, quotes, start: int, end: int) -> int:
    """`Smith said the deal was likely, and he repeated it last week.`: after a cue, a clause that a comma and
    "and" or "but" open with a subject pronoun of its own ("he", "they") is the writer's, not the speaker's.
    Where, outside quotes, such a clause ends a reported statement's content, the content ends before it.
    On PolNeAR train 5 more statements matched (all attributions 12124 -> 12129, attributed 11077 -> 11083,
    predicted unchanged), dev unchanged. Taking "it" and "you" too, train gained no more and dev lost one; with
    "the", "his", "her", "their" as well, as many contents went wrong as right (14 each on train): a noun after
    "and" often joins two things said ("..., and the FBI's probe into ...")."""
    for match in OWN_SUBJECT_CLAUSE.finditer(text, start, end):
        if not any(q.start <= match.start() < q.end for q in quotes):
            return match.start()
    return end


def _between_digits(text: str, at: int) -> bool:
    return at > 0 and text[at - 1].isdigit() and text[at + 1:at + 2].isdigit()


def claim_kind(quotes, pieces: list[tuple[int, int]]) -> str:
    """direct: the content is exactly quotations; mixed: it holds one; else indirect."""
    quoted = [q for q in quotes if any(a <= q.start and q.end <= b for a, b in pieces)]
    if quoted and all(any(q.start == a and q.end == b for q in quoted) for a, b in pieces):
        return "direct"
    return "mixed" if quoted else "indirect"
