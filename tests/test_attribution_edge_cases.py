"""Edge cases a user runs into: questions before the speaker, cues inside the statement, roles in
appositions, plural sources, marks around nothing, fractional size limits."""
import pytest
from claim_helpers import only, summary
from click.testing import CliRunner

from claims.cli import cli
from claims.extract.quotes import find_quotes
from claims.model import Claim, Span


# --- attribution ---------------------------------------------------------------------------------

@pytest.mark.parametrize("quote,cue", [
    ("“Who will pay for all of this?”", "asked"),
    ("“Who will pay for all of this?”", "said"),
    ("“We will win this race!”", "said"),
])
def test_quote_ending_in_question_or_exclamation_mark_then_speaker(extract, quote, cue):
    text = f"{quote} Ann Smith {cue}."
    claim = only(extract(text))
    assert summary(claim) == ("direct", quote, "Ann Smith", None, "Ann Smith", cue)


def test_content_around_a_parenthetical_cue_is_one_claim(extract):
    text = "The vote, Ann Smith said, would be held in May."
    claim = only(extract(text))
    assert summary(claim) == ("indirect", "The vote would be held in May", "Ann Smith", None, "Ann Smith", "said")
    assert claim.pieces == [(0, 8), (26, 46)]


def test_appositive_role_is_the_speaker_role(extract):
    text = "Ann Smith, the party’s candidate, said that the vote would be held in May."
    claim = only(extract(text))
    assert (claim.kind, claim.text, claim.speaker, claim.cue.text) == (
        "indirect", "that the vote would be held in May", "Ann Smith", "said")
    assert claim.speaker_role is not None and "candidate" in claim.speaker_role


def test_plural_officials_are_a_group(extract):
    text = "Officials said that the vote would be held in May."
    claim = only(extract(text))
    assert (claim.kind, claim.text, claim.speaker_mention.text, claim.cue.text) == (
        "indirect", "that the vote would be held in May", "Officials", "said")
    assert claim.speaker_kind == "group"
    assert claim.speaker is not None and claim.speaker.lower() == "officials"


# --- quote pairing -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "“”",
    '""',
    "“ ” “ ”",
    "``''",
    "«»",
    "” “ ” “",
    "'\"'\"",
    "\n“\n”\n",
    "“",
    "“ “ “",
])
def test_text_of_only_quote_marks_has_no_quoted_passage(text):
    # Marks around nothing, or a lone opening mark, quote nothing.
    assert find_quotes(text) == []


# --- command line (claims/reading.py, not the extractor) -----------------------------------------

def test_fractional_max_size_is_reported_as_given(tmp_path):
    (tmp_path / "a.txt").write_text("Ann Smith said that the vote would be held in May.\n" * 40, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), "--nlp", "fast", "--max-size", "0.001"])
    assert result.exit_code == 1
    assert "0.001 MB limit" in result.stderr
    assert " 0.0 MB " not in result.stderr


# --- source forms found in news layouts ------------------------------------------------------------

@pytest.mark.parametrize("text,content,mention,cue", [
    ("“Maybe we can build a wall around him.” ―\xa0Steve Quinlan.", "“Maybe we can build a wall around him.”",
     "Steve Quinlan", "―"),
    ('Bush: "The mission is to destroy ISIS, not to contain it."',
     '"The mission is to destroy ISIS, not to contain it."', "Bush", ":"),
    ("Carson did not name his rivals, but told his supporters, “our nation is in horrible trouble.”",
     "“our nation is in horrible trouble.”", "Carson", "told"),
    ("On Twitter, she responded to the post by saying, “Seriously, just stop lying.”",
     "“Seriously, just stop lying.”", "she", "saying"),
    ("Juanita Broaddrick, who said the senator lied to her, spoke on the radio.",
     "the senator lied to her", "who", "said"),
    ("Former Gov. Martin O’Malley said back in the summer of 2015: “I think it’s a big mistake.”",
     "“I think it’s a big mistake.”", "Former Gov. Martin O’Malley", "said"),
    ("“Apparently not,“ he said.", "“Apparently not,“", "he", "said"),
])
def test_source_forms(extract, text, content, mention, cue):
    claims = [c for c in extract(text) if c.text == content]
    assert len(claims) == 1, [summary(c) for c in extract(text)]
    assert (claims[0].speaker_mention.text, claims[0].cue.text) == (mention, cue)


def test_a_dateline_is_not_a_speaker(extract):
    assert extract("WASHINGTON: The talks ended without an agreement on Monday.") == []


@pytest.mark.parametrize("text", [
    "The Latest: Harlan wins the Ohio primary by a wide margin",           # a series' title before a headline
    "Tom Harlan: 1,769\nAnn Ruiz: 1,501",                                  # a table of counts
])
def test_a_label_that_names_no_source_makes_no_claim(extract, text):
    assert [c for c in extract(text) if c.cue and c.cue.text == ":"] == []


def test_who_resolves_to_the_person_just_named(extract):
    claim = only(extract("Juanita Broaddrick, who said the senator lied to her, spoke on the radio."))
    assert claim.speaker == "Juanita Broaddrick"


def test_the_subject_of_a_participle_is_the_clause_subject_not_an_opening_word(extract):
    text = "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”"
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.cue.text, claim.kind) == ("Trump", "calling", "mixed")



@pytest.mark.parametrize("text,content", [
    ("Ann Smith took the stage in Ohio on Monday, saying his plan was wrong.", "his plan was wrong"),
    ("Ann Smith hit back again, saying Bob Jones was too focused on his campaign to care about the storm.",
     "Bob Jones was too focused on his campaign to care about the storm"),
])
def test_the_first_words_of_the_content_are_not_its_speaker(extract, text, content):
    claim = only(extract(text))
    assert (claim.text, claim.speaker, claim.speaker_mention.text, claim.cue.text) == (
        content, "Ann Smith", "Ann Smith", "saying")


def test_a_quote_with_its_own_cue_is_not_the_previous_statement_going_on(extract):
    text = ("Political analyst Ann Smith agreed that the shift was a matter of experience. For black voters "
            'in the South, she said, their "experience told them that nothing would change."')
    claims = extract(text)
    assert [(c.text, c.speaker_mention.text, c.cue.text) for c in claims] == [
        ("that the shift was a matter of experience", "Political analyst Ann Smith", "agreed"),
        ('their "experience told them that nothing would change."', "she", "said")]


@pytest.mark.parametrize("text,mention", [
    ("Beruff, a Scott ally, called Florida’s standards “strong.”", "Beruff, a Scott ally"),
    ("Small, who attended the rally on Wednesday, said that the rally went well.", "Small"),
])
def test_a_name_with_an_aside_before_the_cue_is_the_source(extract, text, mention):
    assert only(extract(text)).speaker_mention.text == mention


def test_a_pronoun_opening_the_clause_is_the_subject_of_its_participle(extract):
    claim = only(extract("However, she held her fire on Ben Carson, calling him a “nice guy.”"))
    assert (claim.text, claim.speaker_mention.text, claim.cue.text) == ("him a “nice guy.”", "she", "calling")


@pytest.mark.parametrize("text,content,mention,cue", [
    ("The four “loopholes” he cited are “the ability to use real estate losses to offset other income,” "
     "The Hill reported.", "are “the ability to use real estate losses to offset other income,”", "The Hill",
     "reported"),
    ("“But since then, his fortunes have changed,” it further wrote.",
     "“But since then, his fortunes have changed,”", "it", "wrote"),
])
def test_an_attribution_closing_the_quote_names_its_source(extract, text, content, mention, cue):
    claims = [c for c in extract(text) if c.text == content]
    assert len(claims) == 1, [summary(c) for c in extract(text)]
    assert (claims[0].speaker_mention.text, claims[0].cue.text) == (mention, cue)


def test_a_weak_cue_with_an_unknown_speaker_is_no_statement(extract):
    # "continued" reports speech only sometimes; with nobody named, the rules alone do not claim it.
    assert extract("They continued the campaign in Ohio on Monday with a large rally.") == []


def test_a_cue_closing_its_paragraph_with_a_colon_introduces_the_next_quote(extract):
    text = ('The New York Times reports:\n\n"Just 24 percent of the contributors to the campaign so far have '
            'given $200 or less."\n')
    claim = only(extract(text))
    assert (claim.kind, claim.speaker_mention.text, claim.cue.text) == ("direct", "The New York Times", "reports")

# --- speakers behind titles, possessives and descriptions ---------------------------------------------

@pytest.mark.parametrize("text,speaker,role", [
    ("Trump’s campaign manager Kellyanne Conway said that the polls were wrong.", "Kellyanne Conway",
     "Trump’s campaign manager"),
    ("Media Research Center’s Brent Bozell said that the polls were wrong.", "Brent Bozell", None),
    ("Sen. Marco Rubio spoke first. The Florida senator said that the polls were wrong.", "Marco Rubio", "Sen."),
])
def test_speaker_and_role(extract, text, speaker, role):
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_role) == (speaker, role)


@pytest.mark.parametrize("source,government", [
    ("South Korea", "South Korea"), ("Moscow", "Russia"), ("The U.S.", "United States"), ("Pyongyang", "North Korea"),
])
def test_countries_and_their_capitals_speak_as_governments(extract, source, government):
    claim = only(extract(f"{source} said that the talks had failed."))
    assert (claim.speaker, claim.speaker_kind) == (government, "government")


# --- what a cue word does not report ---------------------------------------------------------------

def test_according_to_takes_the_whole_clause_before_it(extract):
    text = ("A few weeks before it filed for bankruptcy, the company, which is based in Ohio, took steps to "
            "improve its chances in court, according to the union.")
    claim = only(extract(text))
    assert claim.text == text[:text.index(", according")]
    assert (claim.speaker_mention.text, claim.cue.text) == ("the union", "according to")


@pytest.mark.parametrize("text", ["Ann Smith continues to trail in the polls.",
                                  "Support for the plan continued growing last year."])
def test_continue_before_to_or_a_participle_is_no_cue(extract, text):
    assert extract(text) == []


def test_continue_to_with_a_reporting_verb_still_reports(extract):
    claim = only(extract("Ann Smith continues to insist that the vote will be held in May."))
    assert (claim.text, claim.speaker_mention.text) == ("that the vote will be held in May", "Ann Smith")


@pytest.mark.parametrize("text", ["Ohio state senator Ann Smith leads the race.",
                                  "Some states remained too close to call."])
def test_state_after_a_name_is_the_noun(extract, text):
    assert extract(text) == []


def test_where_or_when_after_a_closing_cue_is_not_the_content(extract):
    claim = only(extract("The vote will be held in May, Ann Smith said in an interview."))
    assert summary(claim) == ("indirect", "The vote will be held in May", "Ann Smith", None, "Ann Smith", "said")


def test_the_content_resumes_after_the_adjunct_of_its_cue(extract):
    text = "The vote will be held in May, the agency said in a June report, and the count will follow in June."
    claim = only(extract(text))
    assert claim.text == "The vote will be held in May the count will follow in June"
    assert (claim.speaker_mention.text, claim.cue.text) == ("the agency", "said")


def test_a_statement_only_the_rules_find_in_a_relative_clause_is_dropped():
    from claims.extract.combine import merge_claims
    from claims.extract.segment import fast_sentences
    from claims.extract.speakers import SpeakerResolver
    from claims.extract.text_units import document_units
    from claims.model import Claim, Span

    text = "Bob Jones, a staffer who told his team never to speak of the emails, left in May."
    start = text.index("his team")
    who = Span(text.index("who"), text.index("who") + 3, "who")

    def ruled(kind):
        return Claim(kind=kind, pieces=[(start, start + 8)], text="his team", speaker_mention=who, confidence=0.8)

    units = document_units(text, fast_sentences(text))
    resolver = SpeakerResolver(text, [])
    assert merge_claims([ruled("indirect")], [], resolver, units) == []
    assert len(merge_claims([ruled("direct")], [], resolver, units)) == 1


def test_one_claim_per_span_on_the_corpus(shared_dir, extract):
    """The store keeps one claim per (document, start, end): two claims of one span made it refuse a whole
    document. Two tagger pieces of one "according to" clause each brought the rules' claim of it."""
    polnear = shared_dir / "polnear"
    paths = sorted((polnear / "dev" / "text").glob("*.txt"))
    paths.append(polnear / "train" / "text" / "nyt_2016-07-25_political-future-unsure-at-fox-a.txt")
    for path in paths:
        spans = [(claim.start, claim.end) for claim in extract(path.read_text(encoding="utf-8"))]
        assert len(spans) == len(set(spans)), path.name


# --- sources the tagger or the rules took from the wrong clause ---------------------------------

def test_who_was_told_is_not_the_speaker(extract):
    text = ("But a few days later, Trump reversed himself yet again, telling CBS that the laws on abortion "
            "“are set. And I think we have to leave it that way.”")
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.cue.text) == ("Trump", "telling")


def test_an_attribution_the_segmenter_cut_from_its_quote_still_closes_it(extract):
    text = ("Now, groups are applying for permits. \"He's dangerous to our country!\" said Tom Burke, who is "
            "coming from Grand Rapids, Mich., to organize an anti-Trump rally.")
    claim = only(extract(text))
    assert summary(claim) == ("direct", "\"He's dangerous to our country!\"", "Tom Burke", None, "Tom Burke", "said")


def test_a_subject_after_the_quote_in_a_clause_of_its_own_is_not_its_speaker(extract):
    text = ("He praised the efforts of Secretary of State John Kerry. Mr. Putin also veered close to an admission "
            "that Russian soldiers had fought in the war in eastern Ukraine, saying, ''We never said there were no "
            "people there solving certain questions,'' but he denied that they were on active duty with the "
            "regular army.")
    quote = next(c for c in extract(text) if c.kind == "direct")
    assert quote.speaker_mention.text == "Putin"


def test_a_quote_signed_with_a_dash_is_the_signers_whatever_cue_stands_inside(extract):
    text = ("“As a young woman, I’d rather live in what he calls “hell” than live in a world where he is "
            "president.” ― Adriana Rodarte")
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_mention.text) == ("Adriana Rodarte", "Adriana Rodarte")


def test_a_participles_source_is_the_subject_of_its_clause_not_the_contents_first_word(extract):
    text = ("Dean, a medical doctor, then appeared on MSNBC on Tuesday and began by saying he would “never” "
            "diagnose someone through television.")
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.cue.text) == ("Dean", "saying")


def test_it_opening_a_clause_is_the_subject_a_participle_shares():
    from claims.extract.subjects import unit_subject
    from claims.extract.segment import fast_sentences
    from claims.extract.text_units import document_units

    text = "Meanwhile, it attacked Trump, saying he “has offended Hispanics, women and veterans.”"
    unit = document_units(text, fast_sentences(text))[0]
    assert unit_subject(text, unit, 6).text == "it"


def test_a_relative_clauses_who_is_not_the_source_of_the_participle_after_it(extract):
    text = ("Trump was similarly defensive when forced to defend not paying an architect who said he was stiffed "
            "after he designed a clubhouse at one of Trump’s golf courses, saying, “Maybe he didn’t do a good "
            "job, and I wasn’t satisfied with his work.”")
    quote = next(c for c in extract(text) if c.kind == "direct")
    assert (quote.speaker_mention.text, quote.cue.text) == ("Trump", "saying")


def test_despite_before_a_participle_leaves_the_subject_the_source(extract):
    text = ("House Speaker Paul Ryan, R-Wis., despite admitting that he did have his concerns about “trial lawyers "
            "trying to get rich,” said the victims deserve their day in court.")
    claim = next(c for c in extract(text) if c.cue.text == "admitting")
    assert claim.speaker_mention.text == "House Speaker Paul Ryan"


@pytest.mark.parametrize("text,source", [
    ("“There has been a constant drip of declarations. When does it stop?” the judge said, according to the Post.",
     "the Post"),
    ("According to Yahoo News, Clinton spokesman Jesse Lehrich said Friday that if his candidate were to win, "
     "“she would sign this legislation.”", "Yahoo News"),
])
def test_a_quote_reported_by_another_source_is_the_reporters(extract, text, source):
    claim = next(c for c in extract(text) if c.kind != "indirect")
    assert (claim.speaker_mention.text, claim.cue.text.lower()) == (source, "according to")


def test_a_described_as_content_ends_with_what_it_was_called(extract):
    text = "Chris Christie blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show."
    claim = only([c for c in extract(text) if c.kind != "indirect"])
    assert (claim.kind, claim.text) == ("mixed", "Clinton as a “disgrace”")


def test_a_quote_after_a_participles_clause_goes_on_with_the_quote_before_the_cue(extract):
    text = ("“That is the question,” Clark said, noting he would support any of the other candidates. "
            "“We have developed a pretty deep bench here.”")
    claims = extract(text)
    quote = only([c for c in claims if c.kind == "direct"])
    assert quote.text == "“That is the question,” “We have developed a pretty deep bench here.”"
    assert quote.speaker_mention.text == "Clark"
    noted = only([c for c in claims if c.kind != "direct"])
    assert (noted.kind, noted.text) == ("indirect", "he would support any of the other candidates")


def test_a_quote_closed_by_a_comma_then_a_participle_is_the_content(extract):
    text = "Trump said, “If they sue us in a court in Miami, they are going to lose,” referencing the large number of suits."
    claim = only(extract(text))
    assert summary(claim)[:2] == ("direct", "“If they sue us in a court in Miami, they are going to lose,”")
    assert claim.speaker_mention.text == "Trump"


def test_a_long_relative_clause_after_the_subject_is_skipped_for_its_source(extract):
    text = ("Christie, who has campaigned heavily for GOP nominee Donald Trump since he suspended his own "
            "presidential campaign in February, blasted Clinton as a “disgrace” on Wednesday.")
    claim = only([c for c in extract(text) if c.kind != "indirect"])
    assert (claim.kind, claim.speaker_mention.text) == ("mixed", "Christie")


def test_a_quoted_title_in_the_opening_setting_is_not_the_content(extract):
    text = ("In an interview on CBS's \"Face the Nation,\" House Speaker Paul Ryan said the shootings demand "
            "\"more listening.\"")
    claim = only(extract(text))
    assert (claim.kind, claim.text, claim.speaker_mention.text) == (
        "mixed", "the shootings demand \"more listening.\"", "House Speaker Paul Ryan")


def test_a_name_after_a_quote_and_its_comma_is_a_participles_subject(extract):
    text = ("“Keep your hands in sight,” Blige sings to Clinton before asking her, "
            "“I just want to know, where do we go from here?”")
    claim = next(c for c in extract(text) if c.text == "“I just want to know, where do we go from here?”")
    assert (claim.kind, claim.speaker_mention.text) == ("direct", "Blige")


def _span(text, words, after=0):
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def _claim(text, kind, contents, mention, cue, confidence=0.9):
    pieces = [(s.start, s.end) for s in contents]
    return Claim(kind=kind, pieces=pieces, text=" ".join(s.text for s in contents), speaker_mention=mention,
                 cue=cue, confidence=confidence)


def _merged(text, rule_claims, tagged):
    from claims.extract.combine import merge_claims
    from claims.extract.segment import fast_sentences
    from claims.extract.speakers import SpeakerResolver
    from claims.extract.text_units import document_units

    units = document_units(text, fast_sentences(text))
    return merge_claims(rule_claims, tagged, SpeakerResolver(text, [q for u in units for q in u.quotes]), units)


def test_a_tagger_claim_is_cut_before_a_quote_with_its_own_source_after_a_dash():
    from claims.extract.claim_cuts import split_at_own_cues

    text = "Clinton noted that Trump paid no income taxes in some years ― Trump boasted, “That makes me smart.”"
    quote = _span(text, "“That makes me smart.”")
    boasted = _claim(text, "direct", [quote], _span(text, "Trump", text.index("―")), _span(text, "boasted"))
    tagged = _claim(text, "mixed", [_span(text, text[text.index("that"):])], _span(text, "Clinton"),
                    _span(text, "noted"))
    parts = split_at_own_cues(text, tagged, [boasted], find_quotes(text))
    assert [(c.kind, c.text) for c in parts] == [("indirect", "that Trump paid no income taxes in some years")]


def test_quotes_around_the_cue_leave_out_the_writers_words_after_it():
    text = ("“It is finished,” she said of the election, in which she was sure Trump would win and people would "
            "see the truth. “In my head, anyway.”")
    first, second = _span(text, "“It is finished,”"), _span(text, "“In my head, anyway.”")
    she, said = _span(text, "she"), _span(text, "said")
    ruled = _claim(text, "direct", [first, second], she, said, confidence=0.8)
    tagged = _claim(text, "mixed", [first, _span(text, text[text.index("of the"):])], she, said)
    claim = only(_merged(text, [ruled], [tagged]))
    assert (claim.kind, claim.pieces) == ("direct", [(first.start, first.end), (second.start, second.end)])


def test_a_tagged_source_holding_the_rules_one_from_further_back_is_taken():
    text = "Protesters marching through the streets chanted, \"What curfew?\""
    quote, chanted = _span(text, "\"What curfew?\""), _span(text, "chanted")
    ruled = _claim(text, "direct", [quote], _span(text, "the streets"), chanted, confidence=0.8)
    tagged = _claim(text, "direct", [quote], _span(text, "Protesters marching through the streets"), chanted)
    claim = only(_merged(text, [ruled], [tagged]))
    assert claim.speaker_mention.text == "Protesters marching through the streets"


def test_a_verb_inside_a_reported_clause_is_no_cue_of_its_own(extract):
    text = ("Texas Governor Greg Abbott is not having any of it.\n\n"
            "Abbott told the President that if he wants our guns, “come and take it.”")
    claim = only(extract(text))
    assert (claim.text, claim.cue.text) == (text[text.index("that if"):], "told"), summary(claim)
