"""Which source a claim keeps where the rules and the tagger found the same statement with different ones
(combine.merge_claims)."""
import pytest
from claim_helpers import only


@pytest.mark.parametrize("text,source", [
    ("The senator also plans to vote for the bill next week, Jones said.", "Jones"),
    ("The mayor hopes to open the new library before the winter, her spokesman said.", "her spokesman"),
    ("The company wants to hire two hundred workers at the plant this year, officials said on Monday.",
     "officials"),
])
def test_subject_before_the_content_is_part_of_what_the_source_after_it_said(extract, text, source):
    """The subject before the content and its verb ("plans", "hopes") are what was said; "X said" after the
    content is the attribution."""
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.cue.text) == (source, "said")
    assert text[claim.speaker_mention.start:claim.speaker_mention.end] == source
    assert claim.text == " ".join(text[a:b] for a, b in claim.pieces)
