"""Acceptance: every quote in the first user document comes out with the right speaker, on both paths."""
from pathlib import Path

import pytest

from claims.extract import load_extractor

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_46ceda183d64252d.txt"
BLINKEN = ("Antony Blinken", "U.S. Secretary of State")
CHO = ("Cho Tae-yul", "Foreign Minister")
# The eleven quoted passages (their opening words) and who said each.
QUOTED = [
    ("“We have reasons to believe", BLINKEN),
    ("“Putin may be close", BLINKEN),
    ("“That concern is very much", BLINKEN),
    ("“The United States looks forward", BLINKEN),
    ("“serious concerns”", BLINKEN),
    ("“We communicated those directly", BLINKEN),
    ("“the hallmark of any democracy.”", BLINKEN),
    ("“That is the strength", BLINKEN),
    ("“We reaffirm our unwavering support", BLINKEN),
    ("“We will continue to move forward", CHO),
    ("“We agreed to thoroughly prepare", CHO),
]
INDIRECT = [
    ("that Russia is willing to provide North Korea", BLINKEN),
    ("that the North’s close alignment with Russia", BLINKEN),
    ("that there will be no gaps in the bilateral alliance", CHO),
]


@pytest.fixture(scope="module", params=["fast", "stanza"])
def seed_claims(request, stanza_models):
    text = SEED.read_text(encoding="utf-8")
    return text, load_extractor(request.param).extract(text)


def _claim_covering(text, claims, passage):
    at = text.index(passage)
    hits = [c for c in claims if any(a <= at < b for a, b in c.pieces)]
    assert len(hits) == 1, f"{passage!r}: {len(hits)} claims cover it"
    return hits[0]


@pytest.mark.parametrize("passage,speaker", QUOTED)
def test_every_quoted_passage_has_its_speaker(seed_claims, passage, speaker):
    text, claims = seed_claims
    claim = _claim_covering(text, claims, passage)
    assert (claim.speaker, claim.speaker_role) == speaker
    assert claim.kind in {"direct", "mixed"}
    for a, b in claim.pieces:
        assert text[a:b] in claim.text


def test_mixed_quotes_carry_the_reported_clause(seed_claims):
    text, claims = seed_claims
    concerns = _claim_covering(text, claims, "“serious concerns”")
    assert concerns.kind == "mixed"
    assert concerns.text.startswith("that Washington delivered its “serious concerns”")
    hallmark = _claim_covering(text, claims, "“the hallmark of any democracy.”")
    assert hallmark.kind == "mixed" and hallmark.cue.text == "saying"


def test_he_said_resolves_to_cho_after_his_statement(seed_claims):
    text, claims = seed_claims
    claim = _claim_covering(text, claims, "“We will continue to move forward")
    assert claim.speaker_mention.text == "he" and claim.speaker == "Cho Tae-yul"


def test_closing_quote_without_cue_continues_blinkens_turn(seed_claims):
    text, claims = seed_claims
    claim = _claim_covering(text, claims, "“We reaffirm our unwavering support")
    assert claim.speaker == "Antony Blinken"
    assert text[claim.pieces[-1][0]:claim.pieces[-1][1]].endswith("rule of law.”")


@pytest.mark.parametrize("passage,speaker", INDIRECT)
def test_reported_statements_are_indirect_claims(seed_claims, passage, speaker):
    text, claims = seed_claims
    claim = _claim_covering(text, claims, passage)
    assert claim.kind == "indirect"
    assert (claim.speaker, claim.speaker_role) == speaker


def test_offsets_give_back_the_text(seed_claims):
    text, claims = seed_claims
    for claim in claims:
        assert claim.text == " ".join(text[a:b] for a, b in claim.pieces)
        if claim.speaker_mention:
            m = claim.speaker_mention
            assert text[m.start:m.end] == m.text
        if claim.cue:
            assert text[claim.cue.start:claim.cue.end] == claim.cue.text


def test_a_reported_statement_runs_to_its_sentence_end_past_an_abbreviation(seed_claims):
    text, claims = seed_claims
    claim = _claim_covering(text, claims, "that the North’s close alignment with Russia")
    assert claim.text.endswith("as security in the Indo-Pacific and Europe becomes increasingly interconnected")
