"""Claims of the two document kinds that are not news articles: official statements and transcripts.

A statement (press release, ministry statement) is its author's own words: each sentence that makes a
claim is the author's, except where the article rules attribute it to someone else (a quoted minister).
A transcript is a run of labelled turns (`MR. MILLER:`, `QUESTION:`): each sentence of a turn is the
labelled speaker's. Both read the sentences either NLP path gives, so they work on the fast and the
stanza path alike; the article stage (combine.extract_claims) stays what it is.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import NamedTuple

from claims.extract.mentions import DETERMINERS
from claims.extract.names import looks_like_person, mention_kind, split_role
from claims.extract.quotes import find_quotes, paragraphs
from claims.extract.speakers import SpeakerResolver, country
from claims.model import Claim, Sentence, Span

DOCUMENT_KINDS = ("article", "statement", "transcript")

# A statement's sentence is certainly its author's; what is less sure is that it makes a claim at all.
AUTHOR_CONFIDENCE = 0.9
# A turn's label names its speaker outright; a label matched to a full name elsewhere is a shade less sure.
LABEL_CONFIDENCE = 0.95
RESOLVED_LABEL_CONFIDENCE = 0.9
MIN_CLAIM_WORDS = 4  # "Thank you." "Ends." "Note:" are not claims

TERMINAL = re.compile(r"[.!?…][”\"’'»)\]]*$")
QUESTION_END = re.compile(r"\?[”\"’'»)\]]*$")
URL_OR_EMAIL = re.compile(r"https?://|www\.\w|\b[\w.+-]+@[\w-]+\.\w")
CONTACT = re.compile(r"(?i)^(?:(?:(?:media|press)\s+)?(?:contacts?|inquiries|enquiries)\s*:"
                     r"|(?:tel|phone|fax|e-?mail)\s*[:.]|for\s+(?:more|further)\s+information"
                     r"|for\s+immediate\s+release|embargoed\b)")
# "TOKYO, Jan. 6 (Yonhap) --", "WASHINGTON —", "Tokyo, 6 January 2025 –", "SEOUL, Jan. 6, 2025 /PRNewswire/ --"
DATELINE = re.compile(r"(?P<place>[A-Z][A-Za-z.’' -]{1,40}?)(?P<date>(?:,[^\S\n]*[^\n,()/—–-]{1,30}?){0,2})"
                      r"(?P<agency>[^\S\n]*\([^)\n]{1,30}\)|[^\S\n]*/[^/\n]{1,30}/)?[^\S\n]*(?:--|—|–|-)[^\S\n]+")
STAGE_DIRECTION = re.compile(r"[(\[][^)\]]*[)\]][.,]?")  # "(Laughter.)", "[Inaudible]"
LEADING_ASIDE = re.compile(r"[(\[][^)\]\n]{1,40}[)\]][^\S\n]*")  # "(Via interpreter) Thank you ..."

# A speaker label opens a line: "MR. MILLER:", "SECRETARY BLINKEN:", "Q:", or "Secretary Blinken:" (a
# title-cased label counts only when it opens with a title or names a person the transcript names).
LABEL = re.compile(r"^[^\S\n]*(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4})[^\S\n]*:", re.M)
QUESTIONER = {"q", "question"}
# Capitalised words that open a line with a colon in transcript headers and notes, never speakers.
NOT_SPEAKERS = {"note", "editor’s note", "editor's note", "subject", "date", "time", "location", "place",
                "transcript", "source", "re", "as prepared for delivery", "washington"}
HONORIFICS = {"mr.", "mrs.", "ms.", "miss", "dr."}  # split from a label's name but no role


def check_kind(kind: str, speaker: str | None) -> str | None:
    """What is wrong with asking for this kind of document (one line), or None."""
    if kind not in DOCUMENT_KINDS:
        return f"unknown document kind {kind!r} (article, statement or transcript)"
    if kind == "statement" and not (speaker or "").strip():
        return "a statement needs its speaker, who issued it (--speaker NAME)"
    return None


def claims_of_kind(text: str, sentences: list[Sentence], kind: str, speaker: str | None,
                   article_claims: list[Claim]) -> list[Claim]:
    """A document's claims by its kind, given the article stage's claims of it."""
    if kind == "statement":
        return statement_claims(text, sentences, speaker, article_claims)
    if kind == "transcript":
        return transcript_claims(text, sentences)
    return article_claims


# --- statements ----------------------------------------------------------------------------------

class Author(NamedTuple):
    """Who issued a statement, as its claims name them."""

    name: str
    role: str | None
    kind: str
    country: str | None  # the country it speaks for: Japan for "Ministry of Foreign Affairs of Japan"
    words: frozenset[str]  # the words of the name as given, lower case


def statement_claims(text: str, sentences: list[Sentence], speaker: str,
                     article_claims: list[Claim]) -> list[Claim]:
    """The author's claims (one per sentence that makes one) and the claims the article rules give
    someone else, in document order."""
    problem = check_kind("statement", speaker)
    if problem:
        raise ValueError(problem)
    issuer = author(speaker)
    others, unattributed = [], []
    for claim in article_claims:
        # "We condemn ...", "the Ministry said ...": the author's own words, as its sentence claim has them;
        # a quote no rule attributes lies in the author's sentence too.
        by_author = _by_author(claim, issuer)
        (others if not by_author and (claim.speaker or claim.speaker_mention) else unattributed).append(claim)
    reach = sorted(_reach(c) for c in others)
    found = []
    for start, end in _statement_pieces(text, sentences):
        if 2 * _overlap(reach, start, end) < end - start:
            found.append(Claim(kind="direct", pieces=[(start, end)], text=text[start:end], speaker=issuer.name,
                               speaker_role=issuer.role, speaker_kind=issuer.kind, confidence=AUTHOR_CONFIDENCE))
    mine = sorted((c.start, c.end) for c in found)
    for claim in unattributed:  # outside every sentence of the author's (in a headline, say): kept as found
        if not _overlap(mine, claim.start, claim.end):
            if _by_author(claim, issuer):
                claim = replace(claim, speaker=issuer.name, speaker_role=issuer.role, speaker_kind=issuer.kind)
            found.append(claim)
    return sorted(found + others, key=lambda c: (c.start, c.end))


def author(speaker: str) -> Author:
    """A statement's author: "Press Secretary Karine Jean-Pierre" is a person with a role, "Ministry of
    Foreign Affairs of Japan" an organisation (speaking for Japan), "Japan" a government."""
    name = speaker.strip()
    words = frozenset(w.lower().strip(".,") for w in name.split())
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    owner = re.sub(r"(?:’s|'s)?\s+government$", "", bare, flags=re.I)
    of_whom = re.split(r"\s+of\s+(?:the\s+)?", bare)[-1]  # "... of Japan", "Government of the Philippines"
    government = country(bare) or country(owner) or (country(of_whom) if of_whom != bare else None)
    if country(bare) or (owner != bare and country(owner)) or re.match(r"government\s+of\b", bare, re.I):
        return Author(name, None, "government", government, words)
    role, person = split_role(name)
    if role and looks_like_person(person):
        return Author(person, role, "person", None, words)
    kind = mention_kind(name)
    # mention_kind knows the usual organisation words; a name that is no person's ("Embassy of the
    # United States in Seoul") is an organisation's all the same.
    kind = "organisation" if kind == "person" and not looks_like_person(name) else kind
    return Author(name, None, kind, government, words)


def _by_author(claim: Claim, issuer: Author) -> bool:
    """Whether the article rules' source of a claim is the statement's author under another name: "we",
    "the Ministry", "Minister Iwaya" in his own statement, "Japan" in its foreign ministry's."""
    mention = [w.lower().strip(".,") for w in claim.speaker_mention.text.split()] if claim.speaker_mention else []
    nouns = [w for w in mention if w not in DETERMINERS]
    if mention in (["i"], ["we"]) or (nouns and set(nouns) <= issuer.words) or claim.speaker == issuer.name:
        return True
    if claim.speaker_kind == "government" and claim.speaker is not None:
        return claim.speaker == issuer.country
    return claim.speaker is None and nouns == ["government"] and issuer.country is not None


def _statement_pieces(text: str, sentences: list[Sentence]):
    """The stretches of the statement that make a claim: sentences of body paragraphs, a dateline cut
    off, without headlines, contact lines, URLs, questions and fragments."""
    spans = paragraphs(text)
    starts = [start for start, _ in spans]
    body_starts = {}  # paragraph start -> where its text begins after a dateline; headings left out
    for start, end in spans:
        line = text[start:end].strip()
        # A headline or a label ends without a full stop; a long paragraph without one only lost it.
        if TERMINAL.search(line) or len(line.split()) > 30:
            body_starts[start] = _after_dateline(text, start, end)
    for start, end in sentence_pieces(text, sentences):
        paragraph = starts[bisect_right(starts, start) - 1] if starts and start >= starts[0] else None
        if paragraph not in body_starts:
            continue
        start, end = _strip(text, max(start, body_starts[paragraph]), end)
        piece = text[start:end]
        if len(piece.split()) < MIN_CLAIM_WORDS or QUESTION_END.search(piece) or URL_OR_EMAIL.search(piece) \
                or CONTACT.match(piece) or not _has_letters(text, start, end):
            continue
        yield start, end


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a paragraph's text begins after its dateline; a dateline names a place in capitals, a date
    or a news agency, so "Japan - the host -" is not one."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    match = DATELINE.match(text, start + lead, end)
    if match is None or match.end() - match.start() > 80:
        return start
    place = match.group("place").strip()
    if place.isupper() or any(c.isdigit() for c in match.group("date")) or match.group("agency"):
        return match.end()
    return start


def _reach(claim: Claim) -> tuple[int, int]:
    """All a claim takes up in the text: its content, its source and its cue."""
    spans = [(claim.start, claim.end)] + [(s.start, s.end) for s in (claim.speaker_mention, claim.cue) if s]
    return min(s for s, _ in spans), max(e for _, e in spans)


def _overlap(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of start..end the (sorted) spans cover, counting each once."""
    covered, reached = 0, start
    for a, b in spans:
        a, b = max(a, reached), min(b, end)
        if b > a:
            covered += b - a
            reached = b
    return covered


# --- transcripts ---------------------------------------------------------------------------------

def transcript_claims(text: str, sentences: list[Sentence]) -> list[Claim]:
    """One claim per sentence of each labelled turn, the labelled speaker's. Text before the first label
    (the header) is no one's; stage directions ("(Laughter.)") are no one's words."""
    # The resolver only looks names up here, so it reads the text line by line: its title pattern lets a
    # name run over a line break ("Antony Blinken\nRemarks to the Press"), and a transcript's header and
    # labels are lines. One character for one keeps every offset.
    resolver = SpeakerResolver(text.replace("\n", "|"), find_quotes(text))
    header_roles = {}
    labels = [m for m in LABEL.finditer(text) if _is_label(m.group("name"), resolver)]
    for line in text[:labels[0].start() if labels else 0].splitlines():  # "Matthew Miller, Department Spokesperson"
        role, name = split_role(line.strip())
        if role and "," in line and looks_like_person(name):
            header_roles[name] = role
    speakers = [_label_speaker(label.group("name"), resolver, header_roles) for label in labels]
    label_starts = [label.start() for label in labels]
    claims = []
    for start, end in sentence_pieces(text, sentences):  # a piece is within one line, so within one turn
        turn = bisect_right(label_starts, start) - 1
        if turn < 0:
            continue  # the header
        label = labels[turn]
        start, end = _strip(text, max(start, label.end()), end)
        if end <= start or STAGE_DIRECTION.fullmatch(text, start, end) or not _has_letters(text, start, end):
            continue
        aside = LEADING_ASIDE.match(text, start, end)
        if aside and aside.end() < end:
            start = aside.end()
        name, role, kind, confidence = speakers[turn]
        claims.append(Claim(kind="direct", pieces=[(start, end)], text=text[start:end], speaker=name,
                            speaker_role=role, speaker_kind=kind, confidence=confidence,
                            speaker_mention=Span.of(text, label.start("name"), label.end("name"))))
    return claims


def _is_label(label: str, resolver: SpeakerResolver) -> bool:
    low = label.lower()
    if low in NOT_SPEAKERS or any(c.isdigit() for c in label):
        return False
    if low in QUESTIONER or (label.isupper() and sum(c.isalpha() for c in label) >= 2):
        return True
    role, name = split_role(label)  # "Secretary Blinken:", "Moderator:", or a person named elsewhere
    return bool(role) or low in {"moderator", "interpreter", "operator"} or resolver.lookup(label) is not None


def _label_speaker(label: str, resolver: SpeakerResolver, header_roles: dict[str, str]):
    """(name, role, kind, confidence): the full name when the transcript names the person, else the
    label as written (title-cased from capitals), never a guess."""
    if label.lower() in QUESTIONER:
        return "Questioner", None, "group", LABEL_CONFIDENCE  # the reporters asking, not one known person
    # "MR. MILLER" -> "Mr. Miller", "JEAN-PIERRE" -> "Jean-Pierre"
    surface = label.title() if label.isupper() else label
    title, name = split_role(surface)
    title = None if title is None or title.lower() in HONORIFICS else title
    person = resolver.lookup(name) if looks_like_person(name) else None
    if person is None and surface.lower().startswith("the "):
        # "THE PRESIDENT:" is the one person the transcript names with exactly that role, if there is one
        # (the resolver's by_role matches role words loosely: "president" would find a vice president).
        fits = [p for p in resolver.people.values() if (p.role or "").lower() == surface.lower()[4:]]
        person = fits[0] if len(fits) == 1 else None
    if person is not None:
        return person.name, person.role or header_roles.get(person.name) or title, "person", RESOLVED_LABEL_CONFIDENCE
    # Someone who speaks in turns is a person, or a country's delegate ("JAPAN:" in a council's record).
    return surface, None, "government" if country(surface) else "person", LABEL_CONFIDENCE


# --- shared --------------------------------------------------------------------------------------

def sentence_pieces(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The sentences cut at line breaks (a headline or a label ends at its line even where stanza runs on)
    and stripped of spaces; empty pieces dropped."""
    pieces = []
    for sentence in sentences:
        for line in re.finditer(r"[^\n]+", text[sentence.start:sentence.end]):
            start, end = _strip(text, sentence.start + line.start(), sentence.start + line.end())
            if end > start:
                pieces.append((start, end))
    return pieces


def _has_letters(text: str, start: int, end: int) -> bool:
    return any(c.isalpha() for c in text[start:end])  # "###", "- 30 -", "* * *" are not words


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
