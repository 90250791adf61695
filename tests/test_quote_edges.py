"""Quote edges: a nested pair of curly quotes, a label glued to its quote, an inverted cue opening a sentence."""
from claims.extract import load_extractor
from claims.extract.quotes import find_quotes

from tests.claim_helpers import check_offsets, only


def extract(text):
    claims = load_extractor("fast").extract(text)
    for claim in claims:
        check_offsets(text, claim)
    return claims


def test_a_nested_curly_quote_does_not_close_the_outer_one():
    text = ("Mr. Lee tweeted: “The fans in the hall were all wearing “Vote For Change” hats and they cheered "
            "for an hour.” The hall emptied later.")
    claim = only(extract(text))
    assert claim.kind == "direct"
    assert claim.text == ("“The fans in the hall were all wearing “Vote For Change” hats and they cheered "
                          "for an hour.”")
    assert claim.speaker == "Lee"


def test_a_stray_opening_mark_before_two_quotes_swallows_neither():
    text = ("The mayor wrote “about the plan. “We will build it,” she said, and added that “it is on time.”\n"
            "Work began in May.")
    claims = extract(text)
    assert all("\n" not in c.text for c in claims)
    assert any(c.text == "“We will build it,”" and c.kind == "direct" for c in claims), claims


def test_a_lone_curly_opening_inside_a_quote_stays_stray():
    text = "“Stray words “We will build the bridge next year,” the mayor said.\nWork began in May."
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert quotes == ["“We will build the bridge next year,”"]
    for claim in extract(text):
        assert "\n" not in claim.text


def test_a_label_with_a_lower_case_role_and_no_space_before_the_quote():
    text = ("The hearing ran late.\n"
            "Former secretary of state Ann Marie Smith:\"We will not back down from this fight at all.\"")
    claim = only(extract(text))
    assert claim.kind == "direct"
    assert claim.text == "\"We will not back down from this fight at all.\""
    assert claim.speaker == "Ann Marie Smith"


def test_said_opening_a_sentence_cues_the_quote_after_its_source_and_relative_clause():
    text = ("The house became a museum. Said Ann Smith, who went to school with him in the city, "
            "“We were all very proud of him.”")
    claim = only(extract(text))
    assert claim.kind == "direct"
    assert claim.text == "“We were all very proud of him.”"
    assert claim.speaker_mention.text == "Ann Smith"
    assert claim.cue.text == "Said"
    assert claim.speaker == "Ann Smith"  # not "Said Ann Smith", the capitalised run the sentence opens with
