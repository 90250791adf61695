"""Reported statements whose content the extractor used to run on past what was said, each on a small handmade
text run through the real fast extractor (claim_cuts.end_before_statement_inside, content.own_subject_clause_start)."""
from claim_helpers import checked


def said(text, extract):
    """Text and source of each claim, their offsets checked."""
    return [(c.text, c.speaker_mention.text if c.speaker_mention else None) for c in checked(text, extract(text))]


def test_a_statement_ends_before_the_next_ones_source_and_cue(extract):
    text = ("A majority said they were happy with the new library and 60 percent said they would like to see it "
            "open on Sundays.")
    assert said(text, extract) == [("they were happy with the new library", "A majority"),
                                   ("they would like to see it open on Sundays", "60 percent")]


def test_a_statement_ends_before_a_clause_with_a_subject_of_its_own(extract):
    text = "The governor said the plan would cut taxes for most families, and they will see the savings next year."
    assert said(text, extract) == [("the plan would cut taxes for most families", "The governor")]


def test_a_clause_joined_without_a_subject_pronoun_stays_in_the_content(extract):
    text = "The governor said the plan would cut taxes for most families, and the savings would come next year."
    assert said(text, extract) == [("the plan would cut taxes for most families, and the savings would come "
                                    "next year", "The governor")]


def test_a_content_after_a_listener_ends_before_the_next_statement(extract):
    # "told reporters A, but she refused B": the content is A (it was "but": the comma was read as the end of a
    # listener phrase), and a content cut before the next statement leaves no "and"/"but" dangling.
    claims = extract("Jane Porter told reporters the budget was balanced, but she refused to answer questions "
                     "about the deficit.")
    assert [c.text for c in claims] == ["the budget was balanced", "to answer questions about the deficit"]


def test_how_the_source_spoke_is_not_what_it_said(extract):
    # The content was "condition of anonymity to speak freely".
    text = ("The party will unite behind its nominee, one senior Republican official said on condition of "
            "anonymity to speak freely.")
    assert said(text, extract) == [("The party will unite behind its nominee", "one senior Republican official")]


def test_a_manner_adverb_after_a_closing_cue_is_not_the_content(extract):
    # The rules' content was "matter-of-factly as confetti fluttered down around him".
    text = "The campaign is over, Harlan said matter-of-factly as confetti fluttered down around him."
    assert ("The campaign is over", "Harlan") in said(text, extract)
