"""Where contents end around a closed quote, and the fast path's sentences around one (handmade texts)."""
from claim_helpers import check_offsets

from claims.extract.segment import fast_sentences


# --- `“…,” as X put it` -----------------------------------------------------------------------------

def test_quote_closed_by_as_the_source_put_it(extract):
    text = "The plan rests on a \"steady supply of cheap credit,\" as a Treasury memo put it. Markets fell."
    claims = extract(text)
    claim = next(c for c in claims if c.cue and c.cue.text == "put it")
    assert claim.text == "The plan rests on a \"steady supply of cheap credit,\""
    assert claim.speaker_mention.text == "a Treasury memo"
    check_offsets(text, claim)
    assert not any("Markets" in c.text for c in claims)


def test_quote_closed_by_as_the_source_said_ends_before_as(extract):
    text = "Still, the sense that the vote is “a coin toss right now,” as Ann Smith said on her radio show, " \
           "worries the party."
    claims = extract(text)
    claim = next(c for c in claims if c.speaker_mention and c.speaker_mention.text == "Ann Smith")
    assert claim.text.endswith("“a coin toss right now,”")
    assert claim.cue.text == "said"
    check_offsets(text, claim)
    assert not any(c.text.startswith("her radio show") for c in claims)


def test_as_aside_after_a_cued_content_keeps_the_first_source(extract):
    text = "Ann Smith, the mayor, has long promised to “fix every road in the city,” as she put it in May."
    for claim in extract(text):
        assert claim.cue is None or claim.cue.text != "put it"


# --- fast-path sentences ------------------------------------------------------------------------------

def test_a_quote_ending_in_a_question_mark_goes_on_with_its_cue():
    text = "\"Who wants to pay more for gas?\" she asked the crowd. They booed.\n\"Never!\" one shouted."
    sentences = [text[s.start:s.end] for s in fast_sentences(text)]
    assert sentences[0] == "\"Who wants to pay more for gas?\" she asked the crowd."
    assert all("\n" not in s for s in sentences)


def test_a_lower_case_line_is_not_joined_to_the_line_before():
    text = "The rally was loud.\nchants went on for an hour."
    assert [text[s.start:s.end] for s in fast_sentences(text)] == ["The rally was loud.", "chants went on for an hour."]


def test_a_quote_and_its_cue_in_one_sentence_make_one_claim(extract):
    text = "\"Who wants to pay more for gas?\" she asked the crowd. They booed."
    claims = extract(text)
    claim = next(c for c in claims if c.kind == "direct")
    assert claim.text == "\"Who wants to pay more for gas?\""
    assert claim.speaker_mention.text == "she" and claim.cue.text == "asked"
    check_offsets(text, claim)
