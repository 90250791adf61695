"""The attribution stage: the CRF tagger's claims and the rules' claims, joined.

On PolNeAR dev the tagger draws content boundaries better and finds far more reported speech;
the rules find sources and cues more surely and resolve speakers. So where both find a statement,
the claim keeps the tagger's content and the rules' source, cue and speaker; where only one finds
it, that one's claim stands (a tagger-only mention is resolved by the same speaker resolver).
"""
from __future__ import annotations

from dataclasses import replace

from claims.extract.attribution import attribute
from claims.extract.mentions import mention_at
from claims.extract.quotes import find_quotes
from claims.extract.speakers import Speaker, SpeakerResolver
from claims.extract.tagger import tag_claims
from claims.model import Claim, Sentence


# The least CRF confidence (mean marginal of its content tags) for a tagger claim to stand; chosen on
# PolNeAR dev, where 0.6 gave all-attributions F1 68.7 and direct F1 86.3 (no bar: 68.4 and 85.9).
TAGGER_SURE = 0.6


def extract_claims(text: str, sentences: list[Sentence]) -> list[Claim]:
    resolver = SpeakerResolver(text, find_quotes(text))
    return merge_claims(attribute(text, sentences, resolver), tag_claims(text, sentences), resolver)


def _characters(claim: Claim) -> set[int]:
    return {i for start, end in claim.pieces for i in range(start, end)}


def same_statement(a: Claim, b: Claim) -> bool:
    """Two claims share at least half of either's characters."""
    ca, cb = _characters(a), _characters(b)
    shared = len(ca & cb)
    return bool(shared) and (2 * shared >= len(ca) or 2 * shared >= len(cb))


def merge_claims(rule_claims: list[Claim], tagged: list[Claim], resolver: SpeakerResolver) -> list[Claim]:
    merged: list[Claim] = []
    for claim in tagged:
        if claim.confidence < TAGGER_SURE:
            continue  # an unsure tagger claim gives way: the rules' claim of the same statement, if any, stands
        rule = next((r for r in rule_claims if same_statement(claim, r)), None)
        if rule is None and not (claim.cue or claim.speaker_mention):
            continue  # the tagger alone, with no cue and no source: mostly scare quotes and titles
        if rule is not None:
            claim = replace(claim, speaker=rule.speaker, speaker_role=rule.speaker_role,
                            speaker_kind=rule.speaker_kind, speaker_mention=rule.speaker_mention, cue=rule.cue,
                            confidence=max(claim.confidence, rule.confidence),
                            extras={**claim.extras, "resolved": True})
        merged.append(claim)
    merged += [r for r in rule_claims if not any(same_statement(r, m) for m in merged)]
    merged.sort(key=lambda c: c.start)
    return _resolve_tagger_speakers(merged, resolver)


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
