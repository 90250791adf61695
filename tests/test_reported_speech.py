"""Reported statements (no quotation marks) the extractor used to drop, each on a small handmade text run through
the real fast extractor (the rules in combine.py and cues.py)."""
from claim_helpers import attribution, checked, only


def reported(text, claims):
    """kind, text, source and cue of each claim, its offsets checked."""
    return [attribution(c) for c in checked(text, claims)]


def test_a_source_and_weak_cue_set_off_inside_the_statement_stand(extract):
    # combine._said_aside: "believe" with an unresolved group is under RULES_ALONE_SURE, but set off by commas
    # inside the statement it marks the sentence as reported.
    text = "The vote is set for May. A win there, his advisers believe, would end the race early."
    assert reported(text, extract(text)) == [
        ("indirect", "A win there would end the race early", "his advisers", "believe")]


def test_a_capitalised_verb_in_a_title_case_headline_is_a_cue(extract):
    # cues._headline_verb: in a headline every long word is capitalised, the reporting verb too.
    text = "Jane Smith Warns The Bridge Will Close In May\n\nThe bridge has been shut twice this year."
    claim = only(extract(text))
    assert reported(text, [claim]) == [("indirect", "The Bridge Will Close In May", "Jane Smith", "Warns")]
    assert claim.speaker == "Jane Smith"


def test_a_capitalised_word_in_an_ordinary_sentence_is_no_cue(extract):
    # Only a title-case line counts as a headline: mid-sentence capitals stay names ("Warns" a place, a firm).
    text = "The firm Smith Warns and Partners said the bridge will close in May."
    assert [c.cue.text for c in extract(text)] == ["said"]
