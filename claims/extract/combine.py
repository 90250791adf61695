"""The attribution stage: the CRF tagger's claims and the rules' claims, joined.

On PolNeAR dev the tagger draws content boundaries better and finds far more reported speech;
the rules find sources and cues more surely and resolve speakers. So where both find a statement,
the claim keeps the tagger's content and the rules' source, cue and speaker (unless the rules found
no source, or the tagger tagged a different one: then the tagger's); where only one finds it, that
one's claim stands. Mentions the rules did not resolve are resolved by the same speaker resolver,
in document order. Around that: a tagger claim running on into a quote with a cue of its own is cut
in two, a rules-only reported statement needs a sure enough cue and speaker, and a quote followed by
its own attribution ("“...,” The Hill reported") is that source's.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from claims.extract.attribution import attribute
from claims.extract.content import ABBREVIATION_END, QUOTE_CLOSERS, claim_kind
from claims.extract.cues import closing_attribution
from claims.extract.mentions import mention_at
from claims.extract.quotes import QuoteSpan
from claims.extract.speakers import Speaker, SpeakerResolver
from claims.extract.tagger import tag_claims
from claims.extract.text_units import Unit, document_units
from claims.model import Claim, Sentence, Span, claim_text


# The least CRF confidence (mean marginal of its content tags) for a tagger claim to stand; chosen on
# PolNeAR dev with the first shipped model, where 0.6 gave all-attributions F1 68.7 and direct F1 86.3
# (no bar: 68.4 and 85.9).
TAGGER_SURE = 0.6
# The least confidence (its cue's, times how surely its speaker was resolved) for a reported statement that
# only the rules found: on PolNeAR a weak cue with an unsure speaker ("continued", "points to", "supports")
# is right in under a third of cases, too rarely to stand alone. Chosen on train and dev alike (0.3 to 0.5
# tried; 0.4 best on both); quotations stand whatever their confidence.
RULES_ALONE_SURE = 0.4
# Sources that only stand for a noun before them: see _relative_source.
RELATIVE_PRONOUNS = {"who", "which", "that"}


def extract_claims(text: str, sentences: list[Sentence]) -> list[Claim]:
    """Every claim in `text`, given the segmenter's sentences."""
    units = document_units(text, sentences)
    quotes = [q for unit in units for q in unit.quotes]
    resolver = SpeakerResolver(text, quotes)
    rule_claims = attribute(text, units, resolver)
    tagged = [part for claim in tag_claims(text, units) for part in split_at_own_cues(text, claim, rule_claims, quotes)]
    return merge_claims(rule_claims, tagged, resolver, units)


def same_statement(a: Claim, b: Claim) -> bool:
    """Two claims share at least half of either's characters (a claim's pieces never overlap)."""
    if a.end <= b.start or b.end <= a.start:
        return False
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.pieces for s2, e2 in b.pieces)
    size_a = sum(e - s for s, e in a.pieces)
    size_b = sum(e - s for s, e in b.pieces)
    return shared > 0 and (2 * shared >= size_a or 2 * shared >= size_b)


def merge_claims(rule_claims: list[Claim], tagged: list[Claim], resolver: SpeakerResolver,
                 units: list[Unit]) -> list[Claim]:
    merged: list[Claim] = []
    bound: set[int] = set()  # rules' claims already standing whole for a tagger claim (see _rules_bound_it)
    for claim in tagged:
        if claim.confidence < TAGGER_SURE:
            continue  # an unsure tagger claim gives way: the rules' claim of the same statement, if any, stands
        rule = next((r for r in rule_claims if same_statement(claim, r)), None)
        if rule is None and not (claim.cue or claim.speaker_mention):
            continue  # the tagger alone, with no cue and no source: mostly scare quotes and titles
        if rule is not None and _rules_bound_it(rule):
            if id(rule) not in bound:  # two tagger pieces of one "according to" clause: one claim
                bound.add(id(rule))
                merged.append(replace(rule, confidence=max(claim.confidence, rule.confidence),
                                      extras={**rule.extras, "resolved": True}))
            continue
        if rule is not None and rule.speaker_mention is not None and _agrees(claim, rule.speaker_mention):
            claim = replace(claim, speaker=rule.speaker, speaker_role=rule.speaker_role,
                            speaker_kind=rule.speaker_kind, speaker_mention=rule.speaker_mention, cue=rule.cue,
                            confidence=max(claim.confidence, rule.confidence),
                            extras={**claim.extras, "resolved": True})
        if rule is not None and rule.end > claim.end and ABBREVIATION_END.search(claim.text):
            claim = _run_on(resolver.text, claim, rule)
        merged.append(claim)
    merged += [r for r in rule_claims if (r.confidence >= RULES_ALONE_SURE or r.kind == "direct")
               and not _relative_source(r) and not any(same_statement(r, m) for m in merged)]
    merged.sort(key=lambda c: c.start)
    starts = [unit.start for unit in units]
    merged = [_closed_by_its_attribution(resolver.text, units, starts, claim) for claim in merged]
    return _resolve_tagger_speakers(merged, resolver)


def split_at_own_cues(text: str, claim: Claim, rule_claims: list[Claim], quotes: list[QuoteSpan]) -> list[Claim]:
    """The tagger may carry a content on into the next sentence's quote although that quote has a cue
    of its own ("X agreed that A. For B, he said, “C.”"): two statements, each with its own speaker.
    The claim is cut before a piece that the rules attribute to a different cue standing between it
    and the piece before it ("“A,” he said. “B.”" keeps its one cue and stays whole)."""
    for i in range(1, len(claim.pieces)):
        gap_start, gap_end = claim.pieces[i - 1][1], claim.pieces[i][0]
        own = next((r for r in rule_claims if r.cue and gap_start <= r.cue.start < gap_end
                    and any(a < claim.pieces[i][1] and claim.pieces[i][0] < b for a, b in r.pieces)), None)
        if own is None or (claim.cue and claim.cue.start < own.cue.end and own.cue.start < claim.cue.end):
            continue
        head, tail = claim.pieces[:i], claim.pieces[i:]
        return [replace(claim, kind=claim_kind(quotes, head), pieces=head, text=claim_text(text, head)),
                *split_at_own_cues(text, replace(claim, kind=claim_kind(quotes, tail), pieces=tail,
                                                 text=claim_text(text, tail), speaker_mention=None, cue=None),
                                   rule_claims, quotes)]
    return [claim]


def _closed_by_its_attribution(text: str, units: list[Unit], starts: list[int], claim: Claim) -> Claim:
    """`The four “loopholes” he cited are “...,” The Hill reported.`: a content that ends in a quote
    followed by an attribution in the same sentence is that source's, whatever cue stands inside or before."""
    if text[claim.end - 1] not in QUOTE_CLOSERS:
        return claim
    index = bisect_right(starts, claim.end - 1) - 1
    if index < 0 or units[index].start > claim.start:
        return claim  # "X said that A. “B,” he added.": the closing cue speaks for its own sentence only
    closing = closing_attribution(text, units[index], claim.end)
    current = claim.speaker_mention
    if closing is None or (current is not None and current.start < closing[0].end and closing[0].start < current.end):
        return claim
    mention, cue = closing
    return replace(claim, speaker=None, speaker_role=None, speaker_kind=None,
                   speaker_mention=Span(mention.start, mention.end, mention.text), cue=cue,
                   extras={k: v for k, v in claim.extras.items() if k != "resolved"})  # to be resolved anew


def _run_on(text: str, claim: Claim, rule: Claim) -> Claim:
    """The tagger takes an abbreviation's full stop ("among the U.S.") for a sentence's end and stops
    there; where the rules' claim of the same statement runs on, the content runs on with it."""
    pieces = claim.pieces[:-1] + [(claim.pieces[-1][0], rule.end)]
    return replace(claim, pieces=pieces, text=claim_text(text, pieces))


def _relative_source(claim: Claim) -> bool:
    """A statement the rules alone found in a relative clause ("a birther who has repeatedly pledged to
    ...", "anybody who complains about ..."): mostly a description of people, not an attribution. Right
    in 1 of 7 cases on PolNeAR dev and 28 of 89 on train, under the third that a claim needs to help."""
    mention = claim.speaker_mention
    return claim.kind != "direct" and mention is not None and mention.text.lower() in RELATIVE_PRONOUNS


def _rules_bound_it(rule: Claim) -> bool:
    """`A, according to B.`: the content is the whole clause the attribution closes, which the rules take
    and the tagger often cuts at a comma inside it ("... over the nominee, Donald J. Trump, among black
    voters"), tagging a source inside the clause. Where the two disagreed on "according to", the rules'
    content matched PolNeAR gold and the tagger's did not in 7 cases against 0 on dev, 47 against 5 on
    train: the rules' claim stands whole, its source and cue with it."""
    return rule.cue is not None and rule.cue.text.lower() == "according to"


def _agrees(claim: Claim, ruled: Span) -> bool:
    """The rules' source is taken unless the tagger tagged a different one: where the two disagree, the
    tagger was right more often on PolNeAR dev (source accuracy 91.5 against 90.3). A source the tagger
    found inside its own content ("Cruz took the stage, saying [his use of] the term ... was incorrect")
    is the content's first noun phrase, not who spoke: it never outweighs the rules'."""
    tagged = claim.speaker_mention
    return tagged is None or _inside_content(claim, tagged) or (tagged.start < ruled.end and ruled.start < tagged.end)


def _inside_content(claim: Claim, span: Span) -> bool:
    return any(a <= span.start < b for a, b in claim.pieces)


def _resolve_tagger_speakers(claims: list[Claim], resolver: SpeakerResolver) -> list[Claim]:
    """Speakers for the claims only the tagger found, in document order (a pronoun looks back)."""
    previous: Speaker | None = None
    resolved = []
    for claim in claims:
        if claim.speaker_mention and claim.speaker is None and not claim.extras.get("resolved"):
            mention = mention_at(resolver.text, claim.speaker_mention.start, claim.speaker_mention.end)
            speaker = resolver.resolve(mention, previous)
            claim = replace(claim, speaker=speaker.name, speaker_role=speaker.role, speaker_kind=speaker.kind,
                            confidence=claim.confidence * speaker.certainty)
        claim.extras.pop("resolved", None)
        if claim.speaker:
            previous = Speaker(claim.speaker, claim.speaker_role, claim.speaker_kind, 1.0)
        resolved.append(claim)
    return resolved
