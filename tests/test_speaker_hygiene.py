"""A speaker's name is a clean name and its role a clean role: analysts compare speakers across articles by
both. A scan past the source phrase used to leave a relative clause, an aside or a participle as the role, a
time or an auxiliary in the name, a state or a party code as a person, and a role ("Justice Department
spokeswoman") as the name of someone.

The texts are made up, shaped after PolNeAR articles where such names and roles turned up.
"""
import pytest
from claim_helpers import only, summary

from claims.extract.mentions import mention_at
from claims.extract.names import looks_like_person
from claims.extract.roles import clean_role, tidy_speaker
from claims.extract.speakers import Speaker, SpeakerResolver


def speaker_of(claim):
    return claim.speaker, claim.speaker_role, claim.speaker_kind


def resolve(text, phrase):
    """The speaker the resolver gives the source mention `phrase` in `text`."""
    start = text.index(phrase)
    return SpeakerResolver(text, []).resolve(mention_at(text, start, start + len(phrase)), None)


@pytest.mark.parametrize("text, role", [
    ("Tom Harlan, who managed the mayor's 2010 campaign, said the race was close.", None),
    ("Tom Harlan, speaking at a rally in Erie, said taxes were too high.", None),
    ("Tom Harlan, however, said taxes were too high.", None),
    ("Ann Ruiz, a retired teacher who lives in Dayton, said the plan was fair.", "a retired teacher"),
])
def test_a_role_is_a_noun_phrase_not_a_clause(extract, text, role):
    claim = only(extract(text))
    assert speaker_of(claim) == (claim.speaker_mention.text.split(",")[0], role, "person"), summary(claim)


@pytest.mark.parametrize("role, clean", [
    ("made the ads", None),                                    # a verb phrase
    ("63", None),                                              # an age
    ("for example", None),
    ("in Kentucky", None),
    ("Mass.", None),                                           # "Cambridge, Mass."
    ("Kimberley Fritts", None),                                # a name
    ("Ohio Gov., hoping to surge in New Hampshire", "Ohio Gov."),
    ("a longtime strategist whose agency", "a longtime strategist"),
    ("Even HBO comedian", "HBO comedian"),
    ("Former Maryland Gov. Martin Smith and former Arkansas Gov.", "former Arkansas Gov."),
    # What is cut leaves a role's own "and", "of" and an employer as a role.
    ("a former director of the Office of Management and Budget who ran the agency",
     "a former director of the Office of Management and Budget"),
    ("Republican of South Carolina, who", "Republican of South Carolina"),
    ("of RBC Capital Markets, for example", "of RBC Capital Markets"),
])
def test_clean_role(role, clean):
    assert clean_role(role) == clean


def test_the_title_after_and_is_the_speakers(extract):
    claim = only(extract("Gov. Ann Ruiz and Senator Tom Harlan said the bill would pass."))
    assert speaker_of(claim) == ("Tom Harlan", "Senator", "person"), summary(claim)


def test_a_state_is_no_person(extract):
    claim = only(extract('Tom Harlan arrived in New Hampshire on Monday.\n\n"We will win this state," he said.'))
    assert speaker_of(claim) == ("Tom Harlan", None, "person"), summary(claim)
    assert not looks_like_person("New Hampshire") and not looks_like_person("New Hampshire Sanders")
    assert looks_like_person("Virginia Foxx")


def test_a_state_speaks_as_its_government(extract):
    claim = only(extract("Ohio said it would appeal the ruling."))
    assert speaker_of(claim) == ("Ohio", None, "government"), summary(claim)


def test_a_city_and_its_state_are_no_source():
    speaker = resolve("The fire began in Springfield, Mass., last week.", "Springfield, Mass.")
    assert (speaker.name, speaker.role, speaker.kind) == (None, None, None), speaker


def test_a_party_code_is_no_name(extract):
    claim = only(extract("House Leader Tom Harlan, R-Ohio, said the bill was dead."))
    assert speaker_of(claim) == ("Tom Harlan", "House Leader", "person"), summary(claim)


@pytest.mark.parametrize("text, role", [
    ("A Justice Department spokeswoman said the review was over.", "Justice Department spokeswoman"),
    ("The senator said the vote would wait until June.", "senator"),
    ("The Ohio Republican said the bill was dead.", "Ohio Republican"),
    ("A spokesman for Mayor Tom Harlan said the mayor was traveling.", "spokesman for Mayor Tom Harlan"),
])
def test_an_unnamed_speaker_keeps_the_role(extract, text, role):
    claim = only(extract(text))
    assert speaker_of(claim) == (None, role, "person"), summary(claim)


def test_an_organisation_described_as_a_group(extract):
    claim = only(extract("Citizens Vote Now, a conservative group, said the ad was false."))
    assert speaker_of(claim) == ("Citizens Vote Now", None, "organisation"), summary(claim)


def test_an_acronym_is_an_organisation(extract):
    claim = only(extract("ESPN said in a statement that the host had been suspended."))
    assert speaker_of(claim) == ("ESPN", None, "organisation"), summary(claim)


def test_when_it_spoke_is_no_part_of_the_name(extract):
    claim = only(extract("The Harlan campaign on Monday said the ads would run all week."))
    assert speaker_of(claim) == ("Harlan campaign", None, "organisation"), summary(claim)


def test_a_word_opening_the_sentence_is_no_part_of_a_name(extract):
    text = ("Tom Harlan won the primary in March.\n\nYet Harlan said the fight was not over.\n\n"
            "Harlan said he would campaign in every county.")
    assert [c.speaker for c in extract(text)] == ["Tom Harlan", "Tom Harlan"]


def test_a_reflexive_is_no_part_of_a_name(extract):
    claim = only(extract("Tom Harlan won easily. Harlan himself said the result was a surprise."))
    assert speaker_of(claim) == ("Tom Harlan", None, "person"), summary(claim)


def test_a_pronoun_at_the_end_is_the_subject():
    speaker = resolve("Each week since early September we have asked 30 experts.", "early September we")
    assert (speaker.name, speaker.kind) == (None, "group"), speaker


@pytest.mark.parametrize("text, speaker, role", [
    # the title before a name joins the aside after it, and "Co-" or "Ex-" before a title keeps it a title
    ("Co-anchor Ann Smith, who was off camera, said the debate was rigged.", "Ann Smith", "Co-anchor"),
    ("Sen. Tom Harlan, a Vermont Democrat, said the bill would pass.", "Tom Harlan", "Sen., a Vermont Democrat"),
])
def test_a_title_before_a_name_with_an_aside_is_part_of_the_role(extract, text, speaker, role):
    claim = only(extract(text))
    assert speaker_of(claim) == (speaker, role, "person"), summary(claim)


def test_one_of_them_is_the_whole_source(extract):
    # The phrase ended at its last noun-like word, which "them" is not: the source was "one of".
    claim = only(extract("The rally was loud. “We need jobs,” said one of them, a retired welder."))
    assert claim.speaker_mention.text == "one of them", summary(claim)


def test_a_weekday_after_a_surname_makes_no_person(extract):
    # "said Trump Wednesday" had made a person "Trump Wednesday", who then took every later "Trump".
    text = ("Donald Trump held a rally in Iowa on Tuesday.\n\n"
            "“We are going to win,” said Trump Wednesday, speaking in Ohio.\n\n"
            "Trump said the polls were rigged.")
    assert [c.speaker for c in extract(text)] == ["Donald Trump", "Donald Trump"]


def test_a_region_of_a_state_is_a_place_not_a_person(extract):
    # "North Florida" was a person, and the nearest one before "she".
    text = "Mary Holt campaigned in North Florida on Friday. “We will carry this state,” she said."
    claim = only(extract(text))
    assert claim.speaker == "Mary Holt", summary(claim)


def test_a_surname_alone_is_the_person_not_a_place_named_after_them(extract):
    # "Trump" is the last word of Donald Trump and the first of the Trump Taj Mahal, which the text named
    # more often; a lone word that is no first name is a surname.
    text = ("The Trump Taj Mahal opened in 1990. The Trump Taj Mahal closed in 2016.\n\n"
            "Donald Trump said the casino had made him money.\n\n"
            "“I got out at the right time,” Trump said.")
    assert [c.speaker for c in extract(text)] == ["Donald Trump", "Donald Trump"]


@pytest.mark.parametrize("source", ["Holt’s campaign", "Holt's campaign", "Mrs. Holt's campaign", "Holt campaign"])
def test_a_campaign_has_one_name_however_written(extract, source):
    claim = only(extract(f"The {source} said the debate had been rigged." if source == "Holt campaign"
                         else f"{source} said the debate had been rigged."))
    assert claim.speaker == "Holt campaign", summary(claim)


def test_a_possessive_stays_before_other_nouns(extract):
    claim = only(extract("Holt’s office said the debate had been rigged."))
    assert claim.speaker == "Holt’s office", summary(claim)


def test_a_state_and_a_party_make_no_person(extract):
    # "the Wisconsin Republican" is a role; as a person "Wisconsin Republican" took later pronouns too.
    claim = only(extract("The bill passed on Monday. “It is a good day,” said the Wisconsin Republican."))
    assert speaker_of(claim) == (None, "Wisconsin Republican", "person"), summary(claim)
    assert not looks_like_person("Minnesota Democratic") and not looks_like_person("Kent County Republican")


@pytest.mark.parametrize("name, tidied, kind", [
    # A source phrase resolved as it stood: no one's name.
    ("his signature Trans-Pacific trade deal", None, None),
    ("discussed Trump", None, None),
    ("That", None, None),
    ("Despite", None, None),
    ("It's worth", None, None),
    ("Polls", None, None),
    ("Nobody", None, None),
    # An opening clause word before a name goes.
    ("What Sanders", "Sanders", "person"),
    ("Because Twitter", "Twitter", "person"),
    # A group of people speaks.
    ("Analysts", "Analysts", "group"),
    ("Democratic sources", "Democratic sources", "group"),
    ("Aides to Clinton", "Aides to Clinton", "group"),
    ("Clinton defenders", "Clinton defenders", "group"),
    # Names stay names, with their particles, and names that are words too.
    ("Bill de Blasio", "Bill de Blasio", "person"),
    ("Bashar al-Assad", "Bashar al-Assad", "person"),
    ("Will Doyle", "Will Doyle", "person"),
    ("Sanders", "Sanders", "person"),
    ("Ann Walters", "Ann Walters", "person"),
])
def test_a_person_is_named_by_a_name(name, tidied, kind):
    speaker = tidy_speaker(Speaker(name, None, "person", 0.6))
    assert (speaker.name, speaker.kind, speaker.certainty) == (tidied, kind, 0.6)


def test_he_goes_past_a_phrase_that_names_no_one(extract):
    """The tagger reads "Holding signs" as the source of the chant; resolved as it stood, it was a person, and
    the "He" of the next paragraph went to it."""
    text = ("Tom Harlan got a heated reception outside a Dayton coffee shop, where some of his Ohio critics waited "
            "in the snow.\n\nHolding signs calling Harlan “Ohio’s Biggest Loser,” the protesters chanted “Tom "
            "Harlan: Bad for Ohio, bad for you.”\n\nHarlan slipped in a back door to avoid them. He said he loved "
            "hearing from some of his “favorite Democrats” because it fires him up.")
    he = next(c for c in extract(text) if c.speaker_mention and c.speaker_mention.text == "He")
    assert he.speaker == "Tom Harlan", summary(he)
