"""Attribution rules: pair every quotation and reported statement with its cue and its source.

`attribute(text, units, resolver)` reads the document's units (sentences, widened around quotes) and
returns claims.
It knows nothing of stanza or blingfire (see processor.py, segment.py); combine.py joins its claims
with the CRF tagger's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.lexicon import reporting_verbs
from claims.extract.mentions import OPENERS, Mention, make_mention, scan_back, scan_forward
from claims.extract.quotes import QuoteSpan
from claims.extract.speakers import Speaker, SpeakerResolver
from claims.extract.text_units import Token, Unit
from claims.model import Claim, Span, claim_text

# Words that stand between a subject and its reporting verb and belong to the cue ("has also said").
AUXILIARIES = {"has", "have", "had", "also", "later", "previously", "would", "will", "reportedly", "repeatedly",
               "once", "again", "publicly", "privately", "then", "recently", "further", "did", "does", "do",
               "just", "often", "frequently", "already", "has", "had", "first", "even", "quickly", "initially",
               "flatly", "explicitly", "openly", "separately", "bluntly", "simply", "previously"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tonight", "earlier", "later", "last", "this", "week", "month", "year", "night", "morning",
              "afternoon", "evening", "on", "in", "at", "during", "a", "an", "the", "recently", "again", "also",
              "separately", "previously", "statement", "interview", "speech", "briefing", "conference", "press",
              "news", "rally", "email", "tweet", "post", "letter", "told", "to", "reporters", "joint"}
OBJECT_PRONOUNS = {"me", "him", "her", "them", "us", "you", "reporters", "journalists", "supporters", "voters",
                   "lawmakers", "the", "a", "an"}
NOUN_MARKERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "my",
                "your", "another", "no", "any", "each", "every"}
# Forms that are as often nouns as verbs: taken as cues only right after a name or a pronoun.
NOUN_OR_VERB = {"state", "states", "post", "posts", "report", "reports", "call", "calls", "claim", "claims", "charge",
                "charges", "answer", "answers", "comment", "comments", "question", "questions", "show", "shows",
                "find", "finds", "fear", "fears", "hope", "hopes", "worry", "worries", "demand", "demands",
                "estimate", "estimates", "signal", "signals", "promise", "promises", "pledge", "pledges", "vow",
                "vows", "counter", "counters", "tweet", "tweets", "note", "notes", "remark", "remarks", "joke",
                "jokes", "cry", "cries", "reply", "replies", "attack", "attacks", "praise", "blast", "blasts",
                "slam", "slams", "boast", "boasts", "quip", "quips", "feel", "feels", "concern", "concerns",
                "want", "wants", "know", "knows", "question", "record", "records", "brag", "brags"}
PRONOUN_SUBJECTS = {"he", "she", "they", "we", "i", "it", "you", "who"}
QUOTE_CLOSERS = {"”", "\"", "''", "»", "’", "'"}
CONTENT_OPENERS = {"that", ":"}
MIN_CONTENT_WORDS = 2
NOT_LABELS = {"update", "updated", "note", "editor", "read", "related", "watch", "photo", "photos", "video", "source",
              "sources", "correction", "clarification", "warning", "disclosure", "advertisement", "listen", "see",
              "more", "also", "full", "here", "by", "and", "but", "so", "yes", "no", "why", "what", "how", "when"}
LABEL_JOINERS = {"of", "the", "’s", "'s", "-", ".", "de", "van", "von"}
ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")
SETS_UP_QUOTE = re.compile(r"(?::|[.?!][”\"'’)]*)$")
CLAUSE_TAIL = re.compile(r",\s+(?:who|whom|whose|for whom|compared (?:with|to)|where)\b")
SIGNATURE = re.compile(r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*"
                       r"(?P<name>[A-Z][\w’'-]*(?:[^\S\n]+(?:[A-Z]\.|[A-Z][\w’'-]*)){0,4})")
SCARE_QUOTE_WORDS = 4


@dataclass
class Found:
    """One attribution inside a unit, before its speaker is resolved."""

    pieces: list[tuple[int, int]]
    cue: Span | None
    mention: Mention | None
    confidence: float
    participial: bool = False


def attribute(text: str, units: list[Unit], resolver: SpeakerResolver) -> list[Claim]:
    """The rules' claims in the document's units (text_units.document_units), speakers resolved."""
    claims: list[Claim] = []
    previous: tuple[Claim, Unit, Speaker] | None = None
    intro: tuple[Mention, Span, float, Unit] | None = None  # "Trump said:" closing a paragraph
    for unit in units:
        found = find_in_unit(text, unit)
        covered = [(a, b) for f in found for a, b in f.pieces]
        if not found and intro and unit.quotes and unit.paragraph - intro[3].paragraph <= 1:
            mention, cue, confidence, _ = intro
            found = [Found(_quote_pieces(text, unit), cue, mention, confidence)]
            covered = found[0].pieces
        intro = None
        for f in found:
            if not f.pieces or f.pieces[-1][1] <= f.pieces[0][0]:
                if f.mention and f.cue and text[unit.start:unit.end].rstrip().endswith(":"):
                    intro = (f.mention, f.cue, f.confidence, unit)
                continue
            speaker = resolver.resolve(f.mention, previous[2] if previous else None) if f.mention else \
                Speaker(None, None, None, 0.3)
            claim = _make_claim(text, unit, f, speaker)
            if not claim.pieces:
                continue
            claims.append(claim)
            previous = (claim, unit, speaker)
        for quote in unit.quotes:
            if any(a <= quote.start < b for a, b in covered):
                continue
            continued = _signed_quote(text, unit, quote, resolver, previous) or \
                _continue_turn(text, unit, quote, previous)
            if continued and (previous is None or continued is not previous[0]):
                claims.append(continued)
                if continued.speaker_mention:
                    previous = (continued, unit, Speaker(continued.speaker, continued.speaker_role,
                                                         continued.speaker_kind, 1.0))
    return claims


def _quote_pieces(text: str, unit: Unit) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in unit.quotes]


def _make_claim(text: str, unit: Unit, f: Found, speaker: Speaker) -> Claim:
    pieces = [_trim(text, a, b) for a, b in f.pieces]
    pieces = [p for p in pieces if p[1] > p[0]]
    quoted = [q for q in unit.quotes if any(a <= q.start and q.end <= b for a, b in pieces)]
    if quoted and all(any(q.start == a and q.end == b for q in quoted) for a, b in pieces):
        kind = "direct"
    else:
        kind = "mixed" if quoted else "indirect"
    return Claim(kind=kind, pieces=pieces, text=claim_text(text, pieces), speaker=speaker.name,
                 speaker_role=speaker.role, speaker_kind=speaker.kind,
                 speaker_mention=Span(f.mention.start, f.mention.end, f.mention.text) if f.mention else None,
                 cue=f.cue, confidence=f.confidence * speaker.certainty)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without surrounding spaces, a leading comma or a closing full stop outside quotes."""
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-:"):
        if text[end - 1] == "." and ABBREVIATION_END.search(text, max(start, end - 12), end):
            break  # "the U.S." keeps its last full stop
        end -= 1
    return start, end


def _signed_quote(text: str, unit: Unit, quote: QuoteSpan, resolver, previous) -> Claim | None:
    """`“...” ― Esther Tapia`: a quote signed with a dash and a name."""
    match = SIGNATURE.match(text, quote.end)  # the signature may be a "sentence" of its own
    if not match:
        return None
    mention = Mention(match.start("name"), match.end("name"), match.group("name"), "name")
    speaker = resolver.resolve(mention, previous[2] if previous else None)
    return Claim(kind="direct", pieces=[(quote.start, quote.end)], text=text[quote.start:quote.end],
                 speaker=speaker.name, speaker_role=speaker.role, speaker_kind=speaker.kind,
                 speaker_mention=Span(mention.start, mention.end, mention.text),
                 cue=Span(match.start("dash"), match.end("dash"), match.group("dash")),
                 confidence=0.8 * speaker.certainty)


def _continue_turn(text: str, unit: Unit, quote: QuoteSpan, previous) -> Claim | None:
    """A quote with no cue of its own that carries on the previous speaker's turn."""
    words = len(text[quote.start:quote.end].split())
    starts_unit = not text[unit.start:quote.start].strip()
    if not starts_unit:
        return None
    if previous is None or unit.paragraph - previous[1].paragraph > 1:
        if words < SCARE_QUOTE_WORDS:
            return None
        return Claim(kind="direct", pieces=[(quote.start, quote.end)], text=text[quote.start:quote.end],
                     confidence=0.3)
    claim, prev_unit, speaker = previous
    if claim.kind == "indirect" and unit.paragraph != prev_unit.paragraph:
        return None
    cue_after_content = claim.cue is not None and claim.cue.start > claim.end
    whole_paragraph = not text[quote.end:unit.end].strip(" .\n") and unit.paragraph == prev_unit.paragraph + 1
    # The quote goes on after its attribution ("“A,” he said. “B.”"), or a whole paragraph carries on
    # the quote of the paragraph before: one claim in several pieces, as news readers take it.
    if claim.kind == "direct" and ((unit.paragraph == prev_unit.paragraph and cue_after_content) or whole_paragraph):
        claim.pieces.append((quote.start, quote.end))
        claim.text = claim_text(text, claim.pieces)
        return claim
    return Claim(kind="direct", pieces=[(quote.start, quote.end)], text=text[quote.start:quote.end],
                 speaker=claim.speaker, speaker_role=claim.speaker_role, speaker_kind=claim.speaker_kind,
                 speaker_mention=claim.speaker_mention, cue=None, confidence=claim.confidence * 0.8)


def _inside_quote(token: Token, unit: Unit) -> bool:
    return any(q.start < token.start and token.end <= q.end - 1 for q in unit.quotes)


def find_in_unit(text: str, unit: Unit) -> list[Found]:
    tokens = unit.tokens
    verbs = reporting_verbs()
    found: list[Found] = [f for f in [_speaker_label(text, unit)] if f]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if _inside_quote(token, unit) or not token.is_word:
            i += 1
            continue
        low = token.lower
        if low == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            f = _according_to(text, unit, i, found)
            if f:
                found.append(f)
            i += 2
            continue
        verb = verbs.get(low)
        if verb and not (token.is_capitalised and i > 0 and low not in {"says", "said"}):
            f = _verb_cue(text, unit, i, verb, found)
            if f:
                found.append(f)
        i += 1
    return _without_repeats(_cut_overlaps(text, found))


def _without_repeats(found: list[Found]) -> list[Found]:
    """"She responded ... by saying, “...”": two cues, one statement; the cue nearer the content stays."""
    kept: dict[tuple, Found] = {}
    for f in found:
        key = tuple(f.pieces)
        if key not in kept or (f.cue and kept[key].cue and abs(f.cue.end - f.pieces[0][0])
                               < abs(kept[key].cue.end - kept[key].pieces[0][0])):
            kept[key] = f
    return [f for f in found if kept.get(tuple(f.pieces)) is f]


def _speaker_label(text: str, unit: Unit) -> Found | None:
    """`Bush: "The mission is to destroy ISIS."`, `Poll: Trump a big turnoff ...`: a name and a colon
    opening a paragraph (headlines, transcripts, Q and A) label what follows as that source's."""
    tokens = unit.tokens
    if unit.start and text[unit.start - 1] != "\n":
        return None
    colon = next((n for n, t in enumerate(tokens[:8]) if t.text == ":"), None)
    if not colon or not tokens[0].is_capitalised or tokens[0].lower in NOT_LABELS:
        return None
    label = tokens[:colon]
    if len(label) == 1 and label[0].text.isupper() and len(label[0].text) > 3:
        return None  # a dateline ("WASHINGTON:"), not a speaker
    if not all(t.is_capitalised or t.lower in LABEL_JOINERS for t in label) or any(t.text[:1].isdigit() for t in label):
        return None
    rest = [t for t in tokens[colon + 1:] if t.is_word]
    if len(rest) < MIN_CONTENT_WORDS:
        return None
    mention = Mention(label[0].start, label[-1].end, text[label[0].start:label[-1].end], "name")
    cue = Span(tokens[colon].start, tokens[colon].end, ":")
    return Found([(tokens[colon].end, unit.end)], cue, mention, 0.6)


def _cut_overlaps(text: str, found: list[Found]) -> list[Found]:
    """A claim stops before a later one that starts a new clause ("..., adding that", "..., I said, “...”"),
    but not before one nested in its own content ("X said that Y said ...")."""
    for earlier, later in zip(found, found[1:]):
        anchor = later.mention.start if later.mention and later.mention.start < later.cue.start else later.cue.start
        lead = text[max(0, anchor - 12):anchor].rstrip().lower()
        new_clause = later.participial or lead.endswith((",", ";", "—", ",”", ",\"", ",''", " while", " but", " and",
                                                          " whereas"))
        if new_clause and later.cue and earlier.pieces and earlier.pieces[-1][0] < later.cue.start < earlier.pieces[-1][1]:
            stop = later.mention.start if later.mention and later.mention.start < later.cue.start \
                and later.mention.start > earlier.pieces[-1][0] else later.cue.start
            earlier.pieces[-1] = (earlier.pieces[-1][0], stop)
    return found


def _span(text: str, tokens: list[Token], a: int, b: int) -> Span:
    return Span(tokens[a].start, tokens[b - 1].end, text[tokens[a].start:tokens[b - 1].end])


def _according_to(text: str, unit: Unit, i: int, found: list[Found]) -> Found | None:
    tokens = unit.tokens
    source = scan_forward(tokens, i + 2)
    mention = make_mention(text, source)
    if not mention:
        return None
    cue = _span(text, tokens, i, i + 2)
    after = i + 2 + len(source)
    before_start = found[-1].pieces[-1][1] if found and found[-1].pieces else unit.start
    if text[before_start:tokens[i].start].strip(" ,—–-\n") and i > 1:
        return Found([(before_start, tokens[i].start)], cue, mention, 0.85)
    return Found([(tokens[after].start if after < len(tokens) else unit.end, unit.end)], cue, mention, 0.85)


def _verb_cue(text: str, unit: Unit, i: int, verb, found: list[Found]) -> Found | None:
    tokens = unit.tokens
    token = tokens[i]
    j = i
    while j > 0 and tokens[j - 1].lower in AUXILIARIES:
        j -= 1
    if j > 0 and tokens[j - 1].lower in NOUN_MARKERS:
        return None  # "made the remark", "a courtesy call": the word is a noun here
    if token.lower in NOUN_OR_VERB and j == i and not (j > 0 and (tokens[j - 1].is_capitalised
                                                                  or tokens[j - 1].lower in PRONOUN_SUBJECTS)):
        return None  # "battleground states", "tax reports": a plural noun, not a verb
    participial = token.lower.endswith("ing") and j > 0 and (
        tokens[j - 1].text in {",", "—", "–"} or tokens[j - 1].lower in {"by", "while", "after", "before"}
        or (_closes_quote(tokens[j - 1], unit) and text[:tokens[j - 1].start].rstrip().endswith(",")))
    if participial:
        return _participial(text, unit, i, verb, found)
    cue = _span(text, tokens, j, i + 1)
    source = scan_back(tokens, j)
    k = j - len(source) if source else j
    if source and source[0].start != tokens[k].start:
        k = next(n for n, t in enumerate(tokens) if t.start == source[0].start)
    before = tokens[k - 1] if k > 0 else None
    content_before = bool(text[unit.start:tokens[k].start].strip(" \n")) if source else True
    inverted = not source
    coordinated = inverted and j > 0 and tokens[j - 1].lower in {"but", "and"}
    if coordinated:  # "Carson did not name them, but told his supporters, “...”"
        mention = found[-1].mention if found and found[-1].mention else _unit_subject(text, unit, j)
        tail = _content_after(text, unit, i + 1, verb)
        return Found([tail], cue, mention, verb.confidence * 0.8) if mention and tail else None
    if inverted:
        source = scan_forward(tokens, i + 1)
        if not source or not (before_is_boundary(tokens, j, unit)):
            return None
    mention = make_mention(text, source)
    if mention is None:
        return None
    tail_start = (i + 1 + len(source)) if inverted else i + 1
    tail = _content_after(text, unit, tail_start, verb)
    closes_quote = before is not None and _closes_quote(before, unit)
    preceded_by_content = inverted or (before is not None and (closes_quote or before.text == ",") and content_before)
    if preceded_by_content and (tail is None or before is None or closes_quote):
        start = found[-1].pieces[-1][1] if found and found[-1].pieces else unit.start
        if inverted:
            stop = tokens[j - 1].start if j > 0 and tokens[j - 1].text == "," else tokens[j].start
        else:
            stop = before.start if before.text == "," else tokens[k].start
        start = _introduced_quote_start(text, unit, start, stop)
        pieces = [(start, stop)]
        second = _second_quote(text, unit, tail_start)
        if second:
            pieces.append(second)
        return Found(pieces, cue, mention, verb.confidence * 0.95)
    if tail is None:
        return None
    if mention.text.lower() == "who":  # "X, who said Y, spoke ...": the content ends with the relative clause
        tail = (tail[0], _relative_clause_end(text, unit, tail[0], tail[1]))
    after = i + 1 + (len(source) if inverted else 0)
    if before is not None and before.text == "," and content_before and after < len(tokens) \
            and tokens[after].text == "," and not _opens_quote(tokens[min(after + 1, len(tokens) - 1)], unit):
        # "The vote, Ann Smith said, would be held in May": the cue splits one statement in two.
        start = found[-1].pieces[-1][1] if found and found[-1].pieces else unit.start
        return Found([(start, before.start), (tokens[after].end, unit.end)], cue, mention, verb.confidence * 0.9)
    return Found([tail], cue, mention, verb.confidence)


def _introduced_quote_start(text: str, unit: Unit, start: int, stop: int) -> int:
    """`... with a caveat: “The person ...,” the source said.`: the content is the quote after the colon
    (or after a sentence of its own that the segmenter left in the unit)."""
    for quote in unit.quotes:
        if start < quote.start and not text[quote.end:stop].strip() \
                and SETS_UP_QUOTE.search(text[start:quote.start].rstrip()):
            return quote.start
    return start


def before_is_boundary(tokens: list[Token], j: int, unit: Unit) -> bool:
    return j == 0 or _closes_quote(tokens[j - 1], unit) or tokens[j - 1].text in {",", "—", "–"}


def _closes_quote(token: Token, unit: Unit) -> bool:
    """The token is a quote's closing mark (whatever mark the writer used: “Apparently not,“ he said)."""
    return token.text in QUOTE_CLOSERS or any(q.end == token.end for q in unit.quotes)


def _unit_subject(text: str, unit: Unit, before: int | None = None) -> Mention | None:
    """The name a participle or a second verb shares: the first name that opens a clause and is
    followed by a verb ("Speaking in Salem, New Hampshire, Trump went after Bush, calling him ...")."""
    tokens = unit.tokens[:before]
    for p, token in enumerate(tokens):
        if not (token.is_capitalised and (p == 0 or tokens[p - 1].text == ",")) or _inside_quote(token, unit) \
                or token.lower in OPENERS or token.lower.endswith("ing"):
            continue
        run = p
        while run < len(tokens) and (tokens[run].is_capitalised or tokens[run].text in {"’s", "'s", "-", "."}):
            run += 1
        if run < len(tokens) and tokens[run].is_word and not tokens[run].is_capitalised \
                and tokens[run].lower not in {"of", "and", "for", "in"}:
            mention = make_mention(text, tokens[p:run])
            if mention and mention.kind != "nominal":
                return mention
    return None


def _second_quote(text: str, unit: Unit, after: int) -> tuple[int, int] | None:
    """The resumed half of `“A,” he said, “B.”`."""
    tokens = unit.tokens
    if after < len(tokens) and tokens[after].text in {",", ":"}:
        for q in unit.quotes:
            if q.start >= tokens[after].end and not text[tokens[after].end:q.start].strip():
                return q.start, q.end
    return None


def _content_after(text: str, unit: Unit, start: int, verb) -> tuple[int, int] | None:
    """Where the reported content starts after a cue: at 'that', a colon, a quote or the clause itself."""
    tokens = unit.tokens
    n = len(tokens)
    k = start
    if verb.takes_object:  # "told (police officials | The Washington Post | him) that ..."
        k = next((m for m in range(k, min(n, k + 7)) if tokens[m].lower == "that" or _opens_quote(tokens[m], unit)
                  or tokens[m].text in {",", ":"}), k)
    scan = k
    while scan < n and scan - k < 9 and tokens[scan].lower not in CONTENT_OPENERS \
            and tokens[scan].text not in {".", ";", "?", "!"} and not _opens_quote(tokens[scan], unit):
        scan += 1
    introduced = scan < n and (tokens[scan].text == ":" or _opens_quote(tokens[scan], unit)) and \
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
    if len(words) < MIN_CONTENT_WORDS:
        return None
    return tokens[k].start, _clause_end(text, unit, tokens[k].start)


def _relative_clause_end(text: str, unit: Unit, start: int, end: int) -> int:
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


def _opens_quote(token: Token, unit: Unit) -> bool:
    return any(q.start == token.start for q in unit.quotes)


def _participial(text: str, unit: Unit, i: int, verb, found: list[Found]) -> Found | None:
    """'..., saying that ...': the source is the subject of the main clause."""
    tokens = unit.tokens
    mention = found[-1].mention if found and found[-1].mention else _unit_subject(text, unit, i)
    if mention is None:
        return None
    tail = _content_after(text, unit, i + 1, verb)
    if tail is None:
        return None
    cue = _span(text, tokens, i, i + 1)
    return Found([tail], cue, mention, verb.confidence * 0.8, participial=True)
