"""Which people a document names: the full names the speaker resolver gives to surnames and pronouns.

Headlines and titles make runs of capitals that are not names; these texts are shaped after PolNeAR
articles where such runs became "people" and took the real person's quotes.
"""
from claim_helpers import only, summary


def test_a_title_case_headline_is_not_a_name(extract):
    text = ("Trump Supporter Screams 1 Controversial Word At Rally\n\n"
            "Republican presidential candidate Donald Trump spoke in New Hampshire on Monday.\n\n"
            "“She just said a terrible thing,” Trump said.")
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_mention.text) == ("Donald Trump", "Trump"), summary(claim)


def test_a_speaker_named_before_the_colon_of_a_title_case_headline_is_kept(extract):
    text = ("Cecile Richards: ‘I’m Sick Of Men Telling Us What To Do’\n\n"
            "“I was in Fort Worth the other day and a young woman stopped me,” said Richards.")
    claims = [c for c in extract(text) if c.speaker_mention and c.speaker_mention.text == "Richards"]
    assert [c.speaker for c in claims] == ["Cecile Richards"], [summary(c) for c in extract(text)]


def test_the_name_after_a_title_inside_a_run_of_capitals(extract):
    text = ("Texas Governor Greg Abbott is not having any of it.\n\n"
            "Abbott told the President that if he wants our guns, “come and take it.”")
    claim = only([c for c in extract(text) if c.speaker_mention and c.speaker_mention.text == "Abbott"])
    assert (claim.speaker, claim.speaker_role) == ("Greg Abbott", "Texas Governor"), summary(claim)


def test_a_title_s_name_ends_with_its_sentence(extract):
    text = ("Secretary of State John Kerry. Mr. Putin met him in Moscow on Monday.\n\n"
            "“We talked for hours,” Kerry said.")
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_role) == ("John Kerry", "Secretary of State"), summary(claim)


def test_a_pronoun_with_its_auxiliary_attached_is_a_pronoun(extract):
    text = ("Just look at House Speaker Paul D. Ryan. He's said that the Federal Reserve should raise "
            "interest rates.")
    claims = [c for c in extract(text) if c.speaker_mention and c.speaker_mention.text.startswith("He")]
    assert [c.speaker for c in claims] == ["Paul D. Ryan"], [summary(c) for c in extract(text)]


def test_a_word_opening_the_sentence_is_not_part_of_the_role(extract):
    text = "When Sen. Bernie Sanders spoke in Iowa, he said, “The system is rigged.”"
    claim = only(extract(text))
    assert (claim.speaker, claim.speaker_role) == ("Bernie Sanders", "Sen."), summary(claim)
