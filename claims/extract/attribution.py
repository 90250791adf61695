"""Attribution rules: pair every quotation and reported statement with its cue and its source.

`attribute(text, units, resolver)` reads the document's units (sentences, widened around quotes) and
returns claims: cues.py finds cues, sources and contents in each unit; this module resolves speakers,
makes the claims and carries a speaker's turn over quotes with no cue of their own (unless the sentence
after closes them: "“...!” said Tom Burke, who ..."). It knows nothing of stanza or blingfire (see
processor.py, segment.py); combine.py joins its claims with the tagger's.
"""
from __future__ import annotations

import re

from claims.extract.content import claim_kind, trim_content
from claims.extract.cues import Found, find_in_unit
from claims.extract.subjects import closing_attribution
from claims.extract.mentions import Mention
from claims.extract.quotes import QuoteSpan
from claims.extract.speakers import Speaker, SpeakerResolver
from claims.extract.text_units import Unit
from claims.model import Claim, Span, claim_text

# The name that signs a quote: up to five capitalised words or initials on one line.
SIGNED_NAME = r"(?P<name>[A-Z][\w’'-]*(?:[^\S\n]+(?:[A-Z]\.|[A-Z][\w’'-]*)){0,4})"
SIGNATURE = re.compile(r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*" + SIGNED_NAME)
# `“...”` and, on the next line, `- Bernie Sanders.` or `-President Obama, tweeting after ...`: a signature
# line, where a hyphen serves as the dash; the name ends its line or goes on with a comma.
LINE_SIGNATURE = re.compile(r"[^\S\n]*\.?[^\S\n]*\n\s*(?P<dash>[―—–-]|--)[^\S\n]*" + SIGNED_NAME
                            + r"(?=\.?[^\S\n]*(?:\n|$)|,)")
SCARE_QUOTE_WORDS = 4


def attribute(text: str, units: list[Unit], resolver: SpeakerResolver) -> list[Claim]:
    """The rules' claims in the document's units (text_units.document_units), speakers resolved."""
    claims: list[Claim] = []
    previous: tuple[Claim, Unit, Speaker] | None = None
    intro: tuple[Mention, Span, float, Unit] | None = None  # "Trump said:" closing a paragraph
    for index, unit in enumerate(units):
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
                _closed_in_next_unit(text, units, index, quote, resolver, previous) or \
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
    pieces = [trim_content(text, a, b) for a, b in f.pieces]
    pieces = [p for p in pieces if p[1] > p[0]]
    return Claim(kind=claim_kind(unit.quotes, pieces), pieces=pieces, text=claim_text(text, pieces), speaker=speaker.name,
                 speaker_role=speaker.role, speaker_kind=speaker.kind,
                 speaker_mention=Span(f.mention.start, f.mention.end, f.mention.text) if f.mention else None,
                 cue=f.cue, confidence=f.confidence * speaker.certainty)


def _signed_quote(text: str, unit: Unit, quote: QuoteSpan, resolver, previous) -> Claim | None:
    """`“...” ― Esther Tapia`: a quote signed with a dash and a name."""
    match = SIGNATURE.match(text, quote.end) or LINE_SIGNATURE.match(text, quote.end)  # a "sentence" of its own
    if not match:
        return None
    mention = Mention(match.start("name"), match.end("name"), match.group("name"), "name")
    speaker = resolver.resolve(mention, previous[2] if previous else None)
    return Claim(kind="direct", pieces=[(quote.start, quote.end)], text=text[quote.start:quote.end],
                 speaker=speaker.name, speaker_role=speaker.role, speaker_kind=speaker.kind,
                 speaker_mention=Span(mention.start, mention.end, mention.text),
                 cue=Span(match.start("dash"), match.end("dash"), match.group("dash")),
                 confidence=0.8 * speaker.certainty)


def _closed_in_next_unit(text: str, units: list[Unit], index: int, quote: QuoteSpan, resolver,
                         previous) -> Claim | None:
    """`“He’s dangerous!” said Tom Burke, who is coming from Grand Rapids to ...`, `“... missing.” Trump
    said.`: the segmenter ends the sentence with the quote (text_units joins only a short attribution after
    a question), so the attribution that closes the quote stands in the next unit of the paragraph. On
    PolNeAR train 13 more direct quotes got their right source (dev: none changed)."""
    unit = units[index]
    if text[quote.end:unit.end].strip() or index + 1 == len(units):
        return None
    after = units[index + 1]
    if after.paragraph != unit.paragraph or not after.tokens:
        return None
    closing = closing_attribution(text, after, after.start)
    if closing is None:
        return None
    mention, cue = closing
    speaker = resolver.resolve(mention, previous[2] if previous else None)
    return Claim(kind="direct", pieces=[(quote.start, quote.end)], text=text[quote.start:quote.end],
                 speaker=speaker.name, speaker_role=speaker.role, speaker_kind=speaker.kind,
                 speaker_mention=Span(mention.start, mention.end, mention.text), cue=cue,
                 confidence=0.9 * speaker.certainty)


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
