"""Direct quotes: what the fast extractor used to miss, split or invent, each on a small handmade text run
through the real extractor (combine.py, conventions.py, cues.py, quotes.py, subjects.py)."""
import pytest
from claim_helpers import attribution, checked


def quoted(claims):
    return [attribution(c) for c in claims if c.kind != "indirect"]


@pytest.mark.parametrize("text, expected", [
    ("During the debate, Jane Roe cracked, “I have been called worse things by better people.”",
     ("direct", "“I have been called worse things by better people.”", "Jane Roe", "cracked")),
    ("That record prompted the Almanac of American Elections, which studies swing counties, to state, "
     "“Vigo County is the surest bellwether in the country.”",
     ("direct", "“Vigo County is the surest bellwether in the country.”",
      "the Almanac of American Elections, which studies swing counties", "state")),
])
def test_a_quote_after_a_verb_and_its_comma_is_the_verbs_subjects(extract, text, expected):
    # combine._introduced_by_its_verb: a verb outside the lexicon ("cracked"), or one the rules pass over.
    assert quoted(checked(text, extract(text))) == [expected]


def test_a_quote_closed_by_told_and_its_listener_in_the_next_sentence_is_the_speakers(extract):
    # subjects.closing_attribution: "told" takes a listener before what may follow a closing cue.
    text = ("The stadium vote is set for June.\n\n“Who is going to pay for all of this?” Smith told the local radio "
            "station in an interview aired on Monday when asked how the city would fund the new stadium.")
    claims = checked(text, extract(text))
    quote = next(c for c in claims if c.kind == "direct")
    assert attribution(quote) == ("direct", "“Who is going to pay for all of this?”", "Smith", "told")
    assert quote.speaker == "Smith"


def test_a_quote_after_a_paragraph_closing_with_its_cue_and_a_colon_is_the_speakers(extract):
    # cues._verb_cue: "In a 1998 speech, he declared:" introduces the quote; its setting is no content.
    text = ("George Lane was the face of the old machine in the state.\n\nIn a 1998 speech, he declared:\n\n"
            "“We will hold this line today, tomorrow and for as long as it takes us to win.”")
    [claim] = checked(text, extract(text))
    assert attribution(claim) == ("direct", "“We will hold this line today, tomorrow and for as long as it takes "
                                  "us to win.”", "he", "declared")
    assert claim.speaker == "George Lane"


@pytest.mark.parametrize("text, expected", [
    ("One of the characters dresses so boldly that she is nicknamed “Miss Sparkle.”",
     ("direct", "“Miss Sparkle.”", None, "nicknamed")),
    ("The two senators are fighting for the same voters in what one Iowa conservative has dubbed “the taco "
     "primary,” a race of its own.", ("direct", "“the taco primary,”", "one Iowa conservative", "dubbed")),
])
def test_a_name_given_in_quotes_is_a_quote_of_whoever_gave_it(extract, text, expected):
    # cues._named_quotes, and combine._rules_bound_it for the tagger's longer content around it.
    assert quoted(checked(text, extract(text))) == [expected]


def test_the_writers_clause_and_the_quote_around_the_cue_are_one_statement(extract):
    # combine._split_by_its_cue: the rules' two pieces, not the tagger's bare quote.
    text = ('Donations are checked to make sure they follow federal limits, Smith said, but "we never ask '
            'donors what they earn."')
    [claim] = checked(text, extract(text))
    assert attribution(claim) == ("mixed", 'Donations are checked to make sure they follow federal limits but "we '
                                  'never ask donors what they earn."', "Smith", "said")
    assert len(claim.pieces) == 2


def test_single_marks_in_a_headline_make_no_quotation(extract):
    # conventions._kind_by_its_marks: a paragraph with no double mark holds no direct or mixed quote.
    text = ("Senator Roe: Governor’s Plan ‘Dead On Arrival’ In The House.\n\nSenator Jane Roe said on Monday that "
            "the governor's budget plan would not pass the House this year.")
    claims = checked(text, extract(text))
    assert quoted(claims) == []
    headline = claims[0]
    assert (headline.kind, headline.text, headline.speaker) == (
        "indirect", "Governor’s Plan ‘Dead On Arrival’ In The House", "Jane Roe")


def test_single_marks_inside_a_paragraph_with_double_ones_keep_their_kind(extract):
    text = '“She told me, ‘We will not back down,’ and she meant it,” Ann Smith said on Monday.'
    assert [kind for kind, *_ in quoted(checked(text, extract(text)))] == ["direct"]


@pytest.mark.parametrize("text", [
    "Jane Roe, a former host of the reality show “Farm Wars,” is running for the Senate this year.",
    "Mr. Jones wrote in his 2010 book, ''A Long Road Home.'' He was right.",
])
def test_the_title_of_a_show_or_a_book_is_no_quote(extract, text):
    # conventions._title_of_a_work
    assert quoted(checked(text, extract(text))) == []


def test_a_shows_title_in_the_setting_of_a_day_is_not_the_content(extract):
    # cue_phrases.title_in_setting: "Tuesday on NBC's “...”" sets the scene; the content follows the cue.
    text = "Tuesday on NBC’s “The Evening Hour,” Senator Jane Roe said the budget would pass by Friday."
    claims = checked(text, extract(text))
    assert quoted(claims) == []
    assert [attribution(c) for c in claims] == [("indirect", "the budget would pass by Friday", "Senator Jane Roe", "said")]


def test_a_tags_attribute_value_is_no_quote(extract):
    # quotes._in_markup_tag
    text = ('Her supporters answered at once.\n\nOne supporter tweeted:\n\n<tweet tweet-author="@janeroe" '
            'tweet-date="March 3, 2016">We will win this state and the next one.<tweet/>.')
    assert not any("March 3, 2016" in c.text for c in checked(text, extract(text)))
