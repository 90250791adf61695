"""Direct quotes the extractor used to miss or draw too long, each family on a small handmade text run
through the real fast extractor (the rules in combine.py, conventions.py, content.py and cues.py)."""
import pytest
from claim_helpers import check_offsets, only


def quoted(claims):
    return [c for c in claims if c.kind != "indirect"]


def said(claim):
    """kind, text and source of a claim, its offsets checked."""
    return claim.kind, claim.text, claim.speaker_mention.text if claim.speaker_mention else None


def checked(text, claims):
    for claim in claims:
        check_offsets(text, claim)
    return claims


def test_the_writers_words_leading_into_a_closing_quote_are_part_of_the_content(extract):
    # combine._led_into_its_quote: the rules' sentence, not the tagger's bare quote.
    text = ('After the 2014 victories of Republicans in Colorado, Iowa and North Carolina, "there is a sense of '
            'urgency that we keep those seats," Ann Smith said.')
    claim = only(quoted(checked(text, extract(text))))
    assert said(claim) == ("mixed", 'After the 2014 victories of Republicans in Colorado, Iowa and North '
                                    'Carolina, "there is a sense of urgency that we keep those seats,"', "Ann Smith")
    assert claim.cue.text == "said"


@pytest.mark.parametrize("text, quote", [
    ("The ads went after him hard, painting the senator as a friend of the big banks - ''If he wins, they will "
     "be running the country,'' one ad declared.", "''If he wins, they will be running the country,''"),
    ('The endorsements prompted some blowback from members ("I want my dues back," one member wrote on '
     'Facebook).', '"I want my dues back,"'),
])
def test_a_quote_set_off_by_a_dash_or_a_parenthesis_stands_alone(extract, text, quote):
    claim = only(quoted(checked(text, extract(text))))
    assert (claim.kind, claim.text) == ("direct", quote)


def test_a_participle_between_two_contents_cuts_them_into_two_statements(extract):
    # claim_cuts._cued_before_it: "told ... that A, adding, B" is two statements, each with its own cue.
    text = ("Trump told reporters that the senator “had a crazy plan that was doomed from the start,” adding, "
            "“He lost every vote in the state and he knows it.”")
    claims = quoted(checked(text, extract(text)))
    assert [(said(c), c.cue.text) for c in claims] == [
        (("mixed", "that the senator “had a crazy plan that was doomed from the start,”", "Trump"), "told"),
        (("direct", "“He lost every vote in the state and he knows it.”", "Trump"), "adding"),
    ]


def test_a_quote_after_a_relative_clause_with_a_quote_goes_back_to_the_speakers_turn(extract):
    # conventions._quotes_back_to_their_turn, with a mixed head in the cue's sentence.
    text = ("''Sales are up a little bit, and so are visits,'' said Tom Brown, who noted that during the slump "
            "the price of some stores had ''collapsed'' to half their value. ''Things are moving in the right "
            "direction, but slowly.''")
    claims = quoted(checked(text, extract(text)))
    turn = only([c for c in claims if c.text.startswith("''Sales")])
    assert said(turn) == ("direct", "''Sales are up a little bit, and so are visits,'' ''Things are moving in the "
                                    "right direction, but slowly.''", "Tom Brown")
    assert only([c for c in claims if "collapsed" in c.text]).text == (
        "that during the slump the price of some stores had ''collapsed'' to half their value")


def test_an_appositive_after_a_quote_closed_by_a_comma_is_the_writers(extract):
    # conventions._appositive
    text = ("She also referenced the “Charleston loophole,” a flaw in the background check system that let the "
            "gunman buy a weapon.")
    claim = only(quoted(checked(text, extract(text))))
    assert said(claim) == ("mixed", "the “Charleston loophole,”", "She")


def test_a_list_of_quotes_after_a_comma_goes_on(extract):
    text = "Ann Smith said that the senator is a “loser,” a “liar” and a “whiner.”"
    claim = only(quoted(checked(text, extract(text))))
    assert said(claim) == ("mixed", "that the senator is a “loser,” a “liar” and a “whiner.”", "Ann Smith")


def test_a_one_word_quote_set_off_by_the_cues_comma_is_said(extract):
    # content.content_after: one word is enough for a quote the cue's comma introduces.
    text = "Ann Smith asked, “Really?”"
    claim = only(quoted(checked(text, extract(text))))
    assert said(claim) == ("direct", "“Really?”", "Ann Smith")
    assert claim.cue.text == "asked"


def test_a_participles_source_may_be_the_noun_phrase_opening_the_sentence(extract):
    # cues._opening_noun_phrase
    text = ("The Republican candidate closed his speech by saying, “We will win this state and then we will win "
            "the country.”")
    claim = only(quoted(checked(text, extract(text))))
    assert said(claim) == ("direct", "“We will win this state and then we will win the country.”",
                           "The Republican candidate")
    assert claim.cue.text == "saying"


def test_a_name_after_a_headline_and_a_dash_labels_the_quote(extract):
    # cues._dashed_label
    text = ("TURNOUT IN IOWA DOES NOT RAISE HOPES ELSEWHERE - Michael P. McDonald: “Voter participation in the "
            "caucus broke the record of four years ago, but the other states are different.”\n\n"
            "WHAT IT MEANS - More from McDonald: “Turnout in the first contests says little about the rest.”")
    claims = quoted(checked(text, extract(text)))
    assert [said(c) for c in claims] == [
        ("direct", "“Voter participation in the caucus broke the record of four years ago, but the other states "
                   "are different.”", "Michael P. McDonald"),
        ("direct", "“Turnout in the first contests says little about the rest.”", "McDonald"),
    ]
    assert all(c.cue.text == ":" for c in claims)
