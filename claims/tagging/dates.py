"""When a statement was made: the article's date, unless the statement's own sentence says otherwise.

News dates a statement relative to publication ("Blinken said Monday", "told reporters yesterday")
or absolutely ("said on Jan. 5"). Only expressions in the sentence(s) holding the claim or its cue
count, and never one inside the claim's own words: in "“We meet on Friday,” he said" Friday is
what the claim is about, not when it was said.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
          "nov": 11, "dec": 12}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:,?\s+(?P<{}>(?:19|20)\d\d)(?!\d))?"
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                  "earlier today": 0, "yesterday": 1, "last night": 1}

DATE_EXPRESSION = re.compile(
    r"(?<!\w)(?:"
    rf"(?P<last>(?i:last)\s+)?(?P<weekday>{'|'.join(WEEKDAYS)})"
    rf"|(?P<month>{_MONTH})\s+(?P<day>{_DAY}){_YEAR.format('year')}"
    rf"|(?P<day2>{_DAY})\s+(?:of\s+)?(?P<month2>{_MONTH}){_YEAR.format('year2')}"
    r"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    rf"|(?P<count>\d|{'|'.join(_NUMBERS)})\s+days?\s+ago"
    rf"|(?P<relative>{'|'.join(sorted(_RELATIVE_DAYS, key=len, reverse=True))})"
    r")(?!\w)", re.IGNORECASE)
UPCOMING = timedelta(days=31)  # see _resolve
_FUTURE_WORD = re.compile(r"\b(?i:next|coming|until|by)\s+$")

# A sentence ends at a line break, or at . ! ? (and closing quotes) before a capital or an opening quote,
# unless the full stop ends an abbreviation ("Mr.", "Jan.", "U.S.").
_SENTENCE_END = re.compile(r"\n|[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|No|Jan|Feb|Mar|Apr"
                           r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?:\b[A-Z]\.)+[A-Z]?|\b[A-Z])$")
_WINDOW = 1500  # how far to look for a sentence boundary; a sentence is never that long


def said_on(text: str, claim_start: int, claim_end: int, published: date | None,
            cue_start: int | None = None, *, pieces: Sequence[tuple[int, int]] | None = None) -> date | None:
    """The date the statement text[claim_start:claim_end] was made (see the module doc): the date an
    expression beside it in its sentence gives (the one nearest the cue, else the claim), else `published`.
    A resolved date after `published` is ignored (it dates some planned event, not the statement).
    `pieces`: the claim's spans when its attribution interrupts it (“A,” he said Monday. “B.”)."""
    said = list(pieces) if pieces else _said_parts(text, claim_start, claim_end, cue_start)
    # From just before claim_end, so that a claim ending `...today.”` ends its sentence there.
    start, end = _sentence_start(text, claim_start), _sentence_end(text, max(claim_start, claim_end - 2))
    if cue_start is not None:
        start, end = min(start, _sentence_start(text, cue_start)), max(end, _sentence_end(text, cue_start))
    anchor = cue_start if cue_start is not None else claim_start
    candidates = []
    for match in DATE_EXPRESSION.finditer(text, start, end):
        if any(match.start() < b and match.end() > a for a, b in said):
            continue  # part of what was said
        resolved = _resolve(match, text, published)
        if resolved is not None and (published is None or resolved <= published):
            distance = abs(match.start() - anchor) if cue_start is not None else _gap(match, claim_start, claim_end)
            candidates.append((distance, resolved))
    return min(candidates)[1] if candidates else published


def _said_parts(text: str, claim_start: int, claim_end: int, cue_start: int | None) -> list[tuple[int, int]]:
    """The spans of what was said. A cue inside the claim's span interrupts it (“A,” he said Monday. “B.”):
    what lies between the quote that closes before the cue and the one opening after it is attribution."""
    if cue_start is None or not claim_start < cue_start < claim_end:
        return [(claim_start, claim_end)]
    closing = max(text.rfind(mark, claim_start, cue_start) for mark in "”\"")
    opening = min((at for at in (text.find(mark, cue_start, claim_end) for mark in "“\"") if at >= 0),
                  default=claim_end)
    if closing < 0:
        return [(claim_start, claim_end)]
    return [(claim_start, closing + 1), (opening, claim_end)]


def _gap(match: re.Match, start: int, end: int) -> int:
    return start - match.end() if match.end() <= start else match.start() - end


def _resolve(match: re.Match, text: str, published: date | None) -> date | None:
    if _FUTURE_WORD.search(text, max(0, match.start() - 20), match.start()):
        return None  # "next Monday", "by Friday": a deadline or plan
    if match.group("iso"):
        year, month, day = map(int, match.group("iso").split("-"))
        return _date(year, month, day)
    if match.group("month") or match.group("month2"):
        month = MONTHS[(match.group("month") or match.group("month2")).lower()[:3]]
        day = int(re.match(r"\d+", match.group("day") or match.group("day2")).group())
        year = match.group("year") or match.group("year2")
        if year:
            return _date(int(year), month, day)
        if published is None:
            return None
        found = _date(published.year, month, day)
        # A date without a year is the latest one not after publication ("Dec. 30" in a January article),
        # unless it falls within a month after it: a dateline a day ahead of the stored date ("NEW YORK,
        # Dec. 22 (UPI)" in a paper of Dec. 21) or an event to come ("the debate on December 15th" in one
        # of Dec. 3). Taken as last year's, those had dated PolNeAR statements a year too early.
        if found is None or found <= published or found <= published + UPCOMING:
            return found
        return _date(published.year - 1, month, day)
    if published is None:
        return None
    if match.group("weekday"):
        weekday = WEEKDAYS.index(match.group("weekday").capitalize())
        back = (published.weekday() - weekday) % 7
        if match.group("last") and back == 0:
            back = 7  # "last Tuesday" in a Tuesday paper is a week ago
        return published - timedelta(days=back)
    if match.group("count"):
        count = match.group("count").lower()
        return published - timedelta(days=_NUMBERS.get(count) or int(count))
    return published - timedelta(days=_RELATIVE_DAYS[" ".join(match.group("relative").lower().split())])


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "Feb. 30"
        return None


def _sentence_start(text: str, offset: int) -> int:
    # A line break always ends a sentence: only the paragraph's text before `offset` is read.
    start = max(text.rfind("\n", 0, offset) + 1, offset - _WINDOW)
    # Read a little past `offset`: whether a full stop ends a sentence depends on the capital after it.
    for boundary in _SENTENCE_END.finditer(text, start, min(len(text), offset + 2)):
        if boundary.end() <= offset and not _after_abbreviation(text, boundary.start()):
            start = boundary.end()
    return start


def _sentence_end(text: str, offset: int) -> int:
    line_end = text.find("\n", offset)
    limit = min(line_end if line_end >= 0 else len(text), offset + _WINDOW)
    for boundary in _SENTENCE_END.finditer(text, offset, min(len(text), limit + 1)):
        if not _after_abbreviation(text, boundary.start()):
            return boundary.start() + 1
    return limit


def _after_abbreviation(text: str, full_stop: int) -> bool:
    return text[full_stop] == "." and _ABBREVIATION.search(text, max(0, full_stop - 12), full_stop) is not None
