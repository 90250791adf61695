"""Source mentions and the speaker names made of them: documents and their authors, verbs kept out of a
mention, signature lines, and the roles, asides and affiliations kept out of a name.

The sentences are made up, shaped after PolNeAR articles where each rule changed a source or a name.
"""
import pytest
from claim_helpers import only, summary

from claims.extract.mentions import scan_back
from claims.extract.names import looks_like_person, split_role
from claims.extract.text_units import tokens_between


def speakers(claims):
    return [(c.speaker_mention.text if c.speaker_mention else None, c.speaker, c.speaker_role) for c in claims]


# --- source mentions -----------------------------------------------------------------------------

def test_a_document_s_author_is_part_of_the_source(extract):
    text = "Turnout in the county rose by a third, according to a recent report from the Lakeview Policy Center."
    claim = only(extract(text))
    assert claim.speaker_mention.text == "a recent report from the Lakeview Policy Center", summary(claim)


def test_the_author_of_a_document_is_the_speaker(extract):
    text = "A survey by the Lakeview Policy Center found that most residents want a new bridge."
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.speaker) == ("A survey by the Lakeview Policy Center",
                                                           "Lakeview Policy Center"), summary(claim)


@pytest.mark.parametrize("text,mention,speaker", [
    ("Mayor Ann Smith hasn’t said whether she will sign the bill.", "Mayor Ann Smith", "Ann Smith"),
    ("Ann Smith began saying that the bridge would never be built.", "Ann Smith", "Ann Smith"),
])
def test_a_negated_or_aspect_verb_is_no_part_of_the_source(extract, text, mention, speaker):
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.speaker) == (mention, speaker), summary(claim)


@pytest.mark.parametrize("text, content, mention", [
    # Both subjects speak; with only the second, the closing cue read as an opening one ("the Herald").
    ("The schools will close early on Friday, teachers and union officials told the Herald.",
     "The schools will close early on Friday", "teachers and union officials"),
    ("Taxes are too high, Clinton and Sanders said on Monday.", "Taxes are too high", "Clinton and Sanders"),
])
def test_subjects_joined_by_and_are_one_source(extract, text, content, mention):
    claim = only(extract(text))
    assert (claim.text, claim.speaker_mention.text) == (content, mention), summary(claim)


def test_and_before_a_verb_phrase_joins_no_subjects():
    text = "Ann Ruiz moved to Citigroup and began writing columns defending the cuts"
    tokens = tokens_between(text, 0, len(text))
    cue = [t.text for t in tokens].index("defending")
    assert [t.text for t in scan_back(tokens, cue)] == ["began", "writing", "columns"]


def test_a_signature_line_under_a_quote_names_its_speaker(extract):
    text = "“The bridge will pay for itself.”\n\n- Ann Smith.\n\nThe claim does not hold up."
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.speaker, claim.cue.text) == ("Ann Smith", "Ann Smith", "-"), \
        summary(claim)


def test_a_bulleted_line_after_a_quote_is_no_signature(extract):
    text = "“The bridge will pay for itself.”\n\n- Smith wins the vote in May.\n\nThe claim does not hold up."
    assert all(c.cue is None or c.cue.text != "-" for c in extract(text)), [summary(c) for c in extract(text)]


# --- speaker names -------------------------------------------------------------------------------

def test_a_name_does_not_end_in_of(extract):
    text = "“The bridge will pay for itself,” said Ross Miller of the Lakeview Policy Center."
    assert speakers(extract(text)) == [("Ross Miller of", "Ross Miller", None)]


def test_jr_with_or_without_its_dot_is_one_name(extract):
    text = ("“We will not back down,” said Sen. Tom Baker Jr of Oregon.\n\n"
            "“The bill is dead,” said Tom Baker Jr., who chairs the committee.")
    assert [c.speaker for c in extract(text)] == ["Tom Baker Jr.", "Tom Baker Jr."]


def test_an_aside_after_the_comma_is_no_part_of_the_name(extract):
    text = "Democratic Sen. Ann Smith of Ohio, a veteran of the budget committee, said the vote would fail."
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_role) == ("Ann Smith", "Democratic Sen."), summary(claim)


def test_where_a_person_is_from_is_no_part_of_the_name(extract):
    text = "“We will not back down,” said Sen. Tom Baker of Oregon."
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_role) == ("Tom Baker", "Sen."), summary(claim)


def test_an_article_alone_is_no_role(extract):
    text = "The bridge would cost twice as much, the Lakeview Gazette reported."
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_role) == ("Lakeview Gazette", None), summary(claim)


def test_a_descriptor_before_a_name_is_a_role(extract):
    claim = only(extract("Actor Tom Baker said the film would open in May."))
    assert (claim.speaker, claim.speaker_role) == ("Tom Baker", "Actor"), summary(claim)


def test_a_descriptor_opening_a_run_of_capitals_is_no_part_of_the_person_s_name(extract):
    text = "Pastor Tom Baker led the march on Sunday.\n\n“We walk for peace,” Baker said."
    assert speakers(extract(text)) == [("Baker", "Tom Baker", None)]


def test_a_name_after_a_plural_possessive_is_the_person_s(extract):
    text = "Democracy Partners’ Ann Smith spoke first.\n\n“The poll is wrong,” Smith said."
    assert speakers(extract(text)) == [("Smith", "Ann Smith", None)]


def test_a_title_case_headline_with_a_lower_case_verb_is_no_name(extract):
    text = ("Baker Tells Crowd The Deal is Dead\n\nTom Baker spoke in Salem on Monday.\n\n"
            "“This deal is dead,” Baker said.")
    # The headline is a claim of its own (cues._headline_verb), its source Tom Baker, not "Baker Tells Crowd".
    assert speakers(extract(text)) == [("Baker", "Tom Baker", None), ("Baker", "Tom Baker", None)]


def test_words_before_a_title_in_a_headline_are_no_role(extract):
    text = ("Ann Smith Finally Endorses House Speaker Tom Baker\n\nSmith spoke on Monday.\n\n"
            "“I will work with her,” Baker said.")
    assert speakers(extract(text)) == [("Baker", "Tom Baker", None)]


def test_the_speaker_before_a_headline_s_colon_is_the_first_person_named(extract):
    text = "Ann Smith Endorses Tom Baker: ‘He Is Ready To Lead’\n\nFormer governor Ann Smith spoke on Monday."
    claim = only(extract(text))
    assert claim.speaker == "Ann Smith", summary(claim)


@pytest.mark.parametrize("phrase,role,name", [
    ("presidential candidate Sen. Tom Baker", "presidential candidate Sen.", "Tom Baker"),  # the title stays
    ("the younger Mr. Baker", "the younger", "Baker"),  # a courtesy title is no role
    ("Critics in North Carolina", None, "Critics in North Carolina"),  # a role never ends in a preposition
    ("Former Lakeview Senior Adviser Ann Smith", "Former Lakeview Senior Adviser", "Ann Smith"),
    ("Ohio-based Ann Smith", "Ohio-based", "Ann Smith"),
    ("17-year-old Ann Smith", "17-year-old", "Ann Smith"),
    ("Republican National Committee", None, "Republican National Committee"),  # no person after the descriptor
    ("Supporters of Ann Smith", None, "Supporters of Ann Smith"),  # a share of people is no affiliation
    ("An aide for Mr. Baker, who paid for the ad", "An aide for", "Baker"),  # one name, with a role
])
def test_split_role(phrase, role, name):
    assert split_role(phrase) == (role, name)


@pytest.mark.parametrize("phrase", ["Democratic National Convention", "Reserve Officers Training Corps",
                                    "Congressional Black Caucus"])
def test_a_convention_or_a_caucus_is_no_person(phrase):
    assert not looks_like_person(phrase)


# --- confidence ----------------------------------------------------------------------------------

def test_a_source_naming_nobody_lowers_the_confidence_once(extract):
    # "according to" is 0.85 sure and a source that names nobody ("state law") halves it: 0.425. The claim went
    # through resolution twice, the rules' and the tagger's, and came out at 0.2125, below claims far less sure.
    text = ("Voters went to the polls on Tuesday. According to state law, no one may solicit a person’s vote "
            "within 150 feet of a polling location.")
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.speaker) == ("state law", None), summary(claim)
    assert claim.confidence == pytest.approx(0.85 * 0.5), summary(claim)


def test_who_after_a_plural_is_a_group_not_the_last_person_named(extract):
    """It was Tom Harlan, the last person named before it."""
    text = ("Tom Harlan leads the race. Some 41 percent of voters said the economy was strong, compared with 30 "
            "percent who said it was weak.")
    claim = next(c for c in extract(text) if c.speaker_mention.text == "who")
    assert (claim.speaker, claim.speaker_kind) == (None, "group"), summary(claim)


def test_a_preposition_opening_a_sentence_is_no_part_of_a_name(extract):
    """"Beyond Trump" was a person too, and "Trump" alone could be either of them."""
    text = ("Donald Trump arrived in Dayton on Monday. Beyond Trump, few candidates drew crowds. Trump said the "
            "rally was the biggest yet.")
    claim = only(extract(text))
    assert claim.speaker == "Donald Trump", summary(claim)
