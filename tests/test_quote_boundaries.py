"""Where a quotation's content begins and ends, and which quotes are statements at all: the boundary
rules of conventions.py and cues.py, each on a small sentence of its own."""
from claim_helpers import only


def quoted(claims):
    return [c for c in claims if c.kind != "indirect"]


def test_a_quote_further_in_closed_by_a_comma_then_a_participle_ends_the_content(extract):
    text = "Rivera told reporters the plan was “a good start,” arguing it would cut costs."
    (claim,) = quoted(extract(text))
    assert (claim.kind, claim.text) == ("mixed", "the plan was “a good start,”")
    assert claim.text == text[claim.start:claim.end]


def test_a_capitalised_word_ending_in_ing_after_a_quote_is_no_participle(extract):
    text = "Her favourite shows are “Criminal Minds,” “Game of Thrones,” “Breaking Bad” and “Veep,” she said."
    claims = quoted(extract(text))
    assert all("“Breaking Bad”" in c.text for c in claims if "“Game of Thrones,”" in c.text)


def test_a_quote_opening_the_sentence_after_its_cue_goes_on_with_the_quote_before(extract):
    text = ("“Turnout is falling,” campaign manager Ann Smith said. “Support was thin to begin with, and the "
            "campaign was badly unprepared for the scrutiny.”\n\nThe vote is in May.")
    (claim,) = quoted(extract(text))
    assert claim.kind == "direct"
    assert claim.text == ("“Turnout is falling,” “Support was thin to begin with, and the campaign was badly "
                          "unprepared for the scrutiny.”")
    assert claim.speaker_mention.text == "campaign manager Ann Smith"
    assert claim.text == " ".join(text[a:b] for a, b in claim.pieces)


def test_a_name_and_a_colon_inside_a_paragraph_label_the_quote_after_them(extract):
    text = ('Ann Smith: "We will cut the tax by half." Tom Brown: "The tax will stay where it is."\n\n'
            "The vote is in May.")
    claims = quoted(extract(text))
    brown = only([c for c in claims if "stay where it is" in c.text])
    assert (brown.kind, brown.text, brown.speaker_mention.text) == (
        "direct", '"The tax will stay where it is."', "Tom Brown")
