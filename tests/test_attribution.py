"""Attribution on the fast path: one short handmade text per reporting pattern and per kind of speaker.

Each test states what a reader of the text would expect: the kind of claim, its text (for a quote, the
quotation with its marks; for a reported statement, the clause), who said it, with what role, the words
that name the speaker and the cue.
"""
import pytest
from claim_helpers import check_offsets, only, summary


WIN = "“We will win this race,”"


# --- direct quotes: where the cue stands ---------------------------------------------------------

def test_quote_then_speaker_said(extract):
    text = "“We will win this race,” Ann Smith said on Monday."
    claim = only(extract(text))
    assert summary(claim) == ("direct", WIN, "Ann Smith", None, "Ann Smith", "said")
    assert claim.pieces == [(0, len(WIN))]
    check_offsets(text, claim)


def test_quote_then_said_speaker(extract):
    text = "“We will win this race,” said Ann Smith, the party’s candidate."
    claim = only(extract(text))
    assert summary(claim)[:3] == ("direct", WIN, "Ann Smith")
    assert claim.speaker_mention.text.startswith("Ann Smith")
    assert claim.cue.text == "said"
    check_offsets(text, claim)


def test_quote_then_said_speaker_at_sentence_end(extract):
    text = "“We will win this race,” said Ann Smith."
    claim = only(extract(text))
    assert summary(claim) == ("direct", WIN, "Ann Smith", None, "Ann Smith", "said")


def test_speaker_said_colon_quote(extract):
    text = "Ann Smith said: “We will win this race.”"
    claim = only(extract(text))
    assert summary(claim) == ("direct", "“We will win this race.”", "Ann Smith", None, "Ann Smith", "said")
    check_offsets(text, claim)


def test_speaker_said_comma_quote(extract):
    text = "Ann Smith said, “We will win this race.”"
    claim = only(extract(text))
    assert summary(claim) == ("direct", "“We will win this race.”", "Ann Smith", None, "Ann Smith", "said")
    check_offsets(text, claim)


def test_interrupted_quote_over_two_sentences_is_one_claim_in_two_pieces(extract):
    text = "“We will win this race,” Ann Smith said. “Our opponents have no plan for the economy.”"
    claim = only(extract(text))
    second = "“Our opponents have no plan for the economy.”"
    assert summary(claim) == ("direct", f"{WIN} {second}", "Ann Smith", None, "Ann Smith", "said")
    assert claim.pieces == [(0, len(WIN)), (text.index(second), len(text))]
    check_offsets(text, claim)


def test_interrupted_quote_in_one_sentence_is_one_claim_in_two_pieces(extract):
    text = "“We will win this race,” Ann Smith said, “because our opponents have no plan.”"
    claim = only(extract(text))
    second = "“because our opponents have no plan.”"
    assert summary(claim) == ("direct", f"{WIN} {second}", "Ann Smith", None, "Ann Smith", "said")
    assert claim.pieces == [(0, len(WIN)), (text.index(second), len(text))]
    check_offsets(text, claim)


# --- reported statements -------------------------------------------------------------------------

def test_said_that_is_indirect_and_starts_with_that(extract):
    text = "Ann Smith said that the vote would be held in May."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that the vote would be held in May", "Ann Smith", None,
                              "Ann Smith", "said")
    check_offsets(text, claim)


def test_content_before_the_cue(extract):
    text = "The vote will be held in May, Ann Smith said."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "The vote will be held in May", "Ann Smith", None, "Ann Smith", "said")
    check_offsets(text, claim)


def test_according_to_first(extract):
    text = "According to Ann Smith, the vote will be held in May."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "the vote will be held in May", "Ann Smith", None, "Ann Smith",
                              "According to")
    check_offsets(text, claim)


def test_according_to_last(extract):
    text = "The vote will be held in May, according to Ann Smith."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "The vote will be held in May", "Ann Smith", None, "Ann Smith",
                              "according to")
    check_offsets(text, claim)


def test_told_reporters_that(extract):
    text = "Ann Smith told reporters that the vote would be held in May."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that the vote would be held in May", "Ann Smith", None,
                              "Ann Smith", "told")
    check_offsets(text, claim)


def test_participial_saying_that_has_the_main_clause_speaker(extract):
    text = "Ann Smith visited Ohio on Monday, saying that the plan would raise taxes for families."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that the plan would raise taxes for families", "Ann Smith", None,
                              "Ann Smith", "saying")
    check_offsets(text, claim)


def test_participial_after_a_reported_statement_has_the_same_speaker(extract):
    text = "Ann Smith said that the vote would be held in May, adding that turnout would be high."
    claims = extract(text)
    assert [summary(c) for c in claims] == [
        ("indirect", "that the vote would be held in May", "Ann Smith", None, "Ann Smith", "said"),
        ("indirect", "that turnout would be high", "Ann Smith", None, "Ann Smith", "adding"),
    ]


def test_mixed_reported_statement_with_a_quoted_phrase(extract):
    text = "Ann Smith said that Washington delivered its “serious concerns” about the steps taken by Seoul."
    claim = only(extract(text))
    assert summary(claim) == (
        "mixed", "that Washington delivered its “serious concerns” about the steps taken by Seoul",
        "Ann Smith", None, "Ann Smith", "said")
    check_offsets(text, claim)


@pytest.mark.parametrize("text", [
    "The so-called “deal of the century” was signed in Washington in 2020.",
    "The “plan” was unveiled in a hotel ballroom on Tuesday.",
    "A copy of “War and Peace” sat on the shelf.",
])
def test_scare_quote_without_a_speaker_is_no_claim(extract, text):
    assert extract(text) == []


def test_a_scare_quote_inside_a_sources_verdict_is_their_claim(extract):
    # "dismissed" reports what the critics said; the quoted word is part of it (a mixed claim).
    claim = only(extract("Critics dismissed the “plan” as a gimmick."))
    assert (claim.kind, claim.speaker_mention.text, claim.cue.text) == ("mixed", "Critics", "dismissed")


# --- speakers ------------------------------------------------------------------------------------

def test_surname_resolves_to_the_full_name_and_role(extract):
    text = ("Foreign Minister Cho Tae-yul met reporters in Seoul on Monday.\n\n"
            "“We agreed to prepare for any provocation by North Korea,” Cho said.")
    claim = only(extract(text))
    assert summary(claim) == ("direct", "“We agreed to prepare for any provocation by North Korea,”",
                              "Cho Tae-yul", "Foreign Minister", "Cho", "said")
    check_offsets(text, claim)


def test_pronoun_skips_a_person_named_inside_the_quote(extract):
    text = ("Foreign Minister Cho Tae-yul met reporters in Seoul on Monday.\n\n"
            "“I told Antony Blinken that the alliance is strong,” he said.")
    claim = only(extract(text))
    assert summary(claim) == ("direct", "“I told Antony Blinken that the alliance is strong,”",
                              "Cho Tae-yul", "Foreign Minister", "he", "said")


def test_pronoun_resolves_to_the_last_speaker(extract):
    text = ("“We will win this race,” Ann Smith said on Monday.\n\n"
            "Her rival, Bob Jones, did not comment.\n\n"
            "“Our opponents have no plan for the economy,” she said.")
    claims = extract(text)
    assert [(c.text, c.speaker, c.speaker_mention.text) for c in claims] == [
        (WIN, "Ann Smith", "Ann Smith"),
        ("“Our opponents have no plan for the economy,”", "Ann Smith", "she"),
    ]


def test_title_is_split_from_the_name(extract):
    text = "U.S. Secretary of State Antony Blinken said that the alliance was stronger than ever."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that the alliance was stronger than ever", "Antony Blinken",
                              "U.S. Secretary of State", "U.S. Secretary of State Antony Blinken", "said")


def test_organisation_speaker(extract):
    text = "The State Department said that the talks would resume in March."
    claim = only(extract(text))
    assert claim.kind == "indirect" and claim.text == "that the talks would resume in March"
    assert "State Department" in claim.speaker
    assert claim.speaker_kind == "organisation"
    assert claim.speaker_role is None
    assert claim.speaker_mention.text == "The State Department"
    assert claim.cue.text == "said"


def test_capital_city_means_its_government(extract):
    text = "Moscow said that the new sanctions were illegal."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that the new sanctions were illegal", "Russia", None, "Moscow", "said")
    assert claim.speaker_kind == "government"


def test_group_speaker_stays_a_group(extract):
    text = "The two sides said that they would meet again in May."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that they would meet again in May", "the two sides", None,
                              "The two sides", "said")
    assert claim.speaker_kind == "group"


def test_unnamed_source_stays_unresolved(extract):
    text = "The talks had collapsed on Monday, a source said."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "The talks had collapsed on Monday", None, None, "a source", "said")


def test_unnamed_source_before_the_cue_stays_unresolved(extract):
    text = "A source said that the talks had collapsed on Monday."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that the talks had collapsed on Monday", None, None, "A source", "said")


def test_quote_in_the_next_paragraph_continues_the_speaker(extract):
    # A paragraph that is all quote carries on the speaker of the quote before it.
    text = ("“We will win this race,” Ann Smith said on Monday.\n\n"
            "“Our opponents have no plan for the economy.”")
    claims = extract(text)
    covering = [c for c in claims if any(text[a:b] == "“Our opponents have no plan for the economy.”"
                                         for a, b in c.pieces)]
    assert len(covering) == 1
    assert (covering[0].kind, covering[0].speaker) == ("direct", "Ann Smith")
    assert any(c.text.startswith(WIN) and c.speaker == "Ann Smith" for c in claims)


def test_every_offset_gives_back_its_text(extract):
    text = ("U.S. Secretary of State Antony Blinken said that the alliance was strong.\n\n"
            "“We will not back down,” he said. “Not now, not ever.”\n\n"
            "According to the State Department, the talks will resume in March.\n")
    claims = extract(text)
    assert len(claims) == 3
    for claim in claims:
        check_offsets(text, claim)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "No one said anything.", "“”"])
def test_nothing_to_attribute(extract, text):
    assert extract(text) == []


# --- variants a reader meets every day -----------------------------------------------------------

def test_straight_quotes_then_speaker_said(extract):
    text = '"We will win this race," Ann Smith said.'
    claim = only(extract(text))
    assert summary(claim) == ("direct", '"We will win this race,"', "Ann Smith", None, "Ann Smith", "said")


def test_question_quote_then_asked_speaker(extract):
    text = "“Who will pay for all of this?” asked Ann Smith."
    claim = only(extract(text))
    assert summary(claim) == ("direct", "“Who will pay for all of this?”", "Ann Smith", None, "Ann Smith", "asked")


def test_said_without_that(extract):
    text = "Ann Smith said Monday the vote would be held in May."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "the vote would be held in May", "Ann Smith", None, "Ann Smith", "said")


def test_said_with_a_day_then_that(extract):
    text = "Ann Smith said on Monday that the vote would be held in May."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "that the vote would be held in May", "Ann Smith", None,
                              "Ann Smith", "said")


def test_said_title_and_name_after_the_quote(extract):
    text = "“We will win this race,” said Senator Ann Smith."
    claim = only(extract(text))
    assert summary(claim) == ("direct", WIN, "Ann Smith", "Senator", "Senator Ann Smith", "said")


def test_surname_told_reporters_after_the_full_name(extract):
    text = ("Senator Ann Smith opened her campaign in Ohio on Monday.\n\n"
            "“We will win this race,” Smith told reporters.")
    claim = only(extract(text))
    assert summary(claim) == ("direct", WIN, "Ann Smith", "Senator", "Smith", "told")


def test_nominal_resolves_to_the_person_with_that_role(extract):
    text = ("Senator Ann Smith opened her campaign in Ohio on Monday.\n\n"
            "“We will win this race,” the senator said.")
    claim = only(extract(text))
    assert summary(claim) == ("direct", WIN, "Ann Smith", "Senator", "the senator", "said")


def test_pronoun_with_no_one_named_stays_unresolved(extract):
    text = "“We will win this race,” she said."
    claim = only(extract(text))
    assert summary(claim) == ("direct", WIN, None, None, "she", "said")


def test_organisation_with_a_quote(extract):
    text = "“The talks will resume in March,” the Justice Department said."
    claim = only(extract(text))
    assert claim.kind == "direct" and claim.text == "“The talks will resume in March,”"
    assert "Justice Department" in claim.speaker and claim.speaker_kind == "organisation"
    assert claim.speaker_mention.text == "the Justice Department" and claim.cue.text == "said"
