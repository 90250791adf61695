"""Gender agreement for "he" and "she": the speaker a pronoun resolves to has its gender, as the document
(titles, nouns, the pronouns after a name) or else the first-name lexicon tells it (gender.py).

Each text is made up; each quote's speaker is what a reader would name.
"""
from claim_helpers import check_offsets, summary

from claims.extract.gender import first_name_gender, name_gender


def _speakers(extract, text):
    """(speaker mention, speaker) of each claim, in document order."""
    claims = extract(text)
    for claim in claims:
        check_offsets(text, claim)
    return [(c.speaker_mention.text if c.speaker_mention else None, c.speaker) for c in claims], claims


def test_she_after_a_man_and_a_woman_goes_to_the_woman(extract):
    # The previous speaker is Peter Vance; "she" is Karen Holt, whose first name is a woman's.
    text = ("Karen Holt and Peter Vance debated the harbour plan on Monday night.\n\n"
            "Vance said the city could not afford the new piers.\n\n"
            "“We have the money, and we have had it for years,” she said.\n\n"
            "“That money is for the schools,” he said.\n")
    speakers, claims = _speakers(extract, text)
    assert speakers == [("Vance", "Peter Vance"), ("she", "Karen Holt"), ("he", "Peter Vance")], \
        [summary(c) for c in claims]


def test_a_courtesy_title_tells_a_name_the_lexicon_cannot(extract):
    # "Casey" and "Riley" are anyone's names; "Ms." and "Mr." tell. Riley Shaw, a man, was named last.
    text = ("Casey Morgan and Riley Shaw run the two campaigns for the council seat.\n\n"
            "At the forum Ms. Morgan spoke first, then Mr. Shaw.\n\n"
            "Tom Reed, the moderator, said the debate had been civil.\n\n"
            "“I expected a much rougher night than this one,” she said.\n")
    speakers, claims = _speakers(extract, text)
    assert speakers[-1] == ("she", "Casey Morgan"), [summary(c) for c in claims]


def test_the_pronouns_after_a_name_tell_its_gender(extract):
    # No lexicon knows "Adaeze" or "Zoltan": "Okafor said she", "Kiraly said he" do.
    text = ("Adaeze Okafor and Zoltan Kiraly both want to lead the transit board.\n\n"
            "Okafor said she would publish every contract. Kiraly said he would cut fares.\n\n"
            "Okafor added that she had support from the unions.\n\n"
            "Tom Reed, who chairs the board, said both plans were costly.\n\n"
            "“The contracts should have been public long ago,” she said.\n")
    speakers, claims = _speakers(extract, text)
    assert speakers[-1] == ("she", "Adaeze Okafor"), [summary(c) for c in claims]


def test_she_after_only_men_is_unresolved(extract):
    # Nobody the text names is a woman: the quote's speaker is unknown, not one of the men; so is the next
    # "she", the same woman.
    text = ("Peter Vance and Tom Reed met the protesters outside city hall on Friday.\n\n"
            "Reed said the piers would be built.\n\n"
            "“They will not build a single pier here,” she said.\n\n"
            "“We will be back every week,” she said.\n")
    speakers, claims = _speakers(extract, text)
    assert speakers[-2:] == [("she", None), ("she", None)], [summary(c) for c in claims]
    assert all(c.confidence > 0 for c in claims)


def test_he_after_a_woman_spoke_goes_to_the_man_named_before(extract):
    # Lindsey is mostly a woman's name, so the lexicon says nothing; "Graham said he" tells.
    text = ("Sen. Lindsey Graham said the bill would pass. Graham said he had the votes.\n\n"
            "Maria Lopez, who leads the opposition, said the votes were not there.\n\n"
            "“They have nothing left to offer,” he said.\n")
    speakers, claims = _speakers(extract, text)
    assert speakers[-2:] == [("Maria Lopez, who leads the opposition", "Maria Lopez"), ("he", "Lindsey Graham")], \
        [summary(c) for c in claims]


def test_first_name_lexicon_speaks_only_where_it_is_sure():
    assert first_name_gender("Hillary") == "female"
    assert first_name_gender("Bill") == "male"
    assert first_name_gender("Lindsey") is None  # mostly female: Lindsey Graham
    assert first_name_gender("Bernie") is None  # mostly female worldwide, mostly male in the US
    assert name_gender("Clinton") is None  # a surname alone says nothing


def test_a_courtesy_title_tells_people_of_one_surname_apart(extract):
    # Daniel Marsh is named more often than Laura Marsh: "Marsh" alone would be his, "Mrs. Marsh" is hers.
    # A courtesy title is no role either.
    text = ("Daniel Marsh and Laura Marsh opened the bakery in 1998. Daniel Marsh still bakes the bread.\n\n"
            "“We never thought it would last,” Mrs. Marsh said.\n\n"
            "“The town kept us going,” Mr. Marsh said.\n")
    claims = extract(text)
    for claim in claims:
        check_offsets(text, claim)
    assert [(c.speaker_mention.text, c.speaker, c.speaker_role) for c in claims] == [
        ("Mrs. Marsh", "Laura Marsh", None), ("Mr. Marsh", "Daniel Marsh", None)], [summary(c) for c in claims]


def test_a_courtesy_title_never_goes_to_someone_of_the_other_gender(extract):
    # The only Holt the text names in full is Karen Holt: "Mr. Holt" is someone else, unnamed in full.
    text = ("Karen Holt said she runs the bakery on Main Street.\n\n"
            "“We bake every night,” Mr. Holt said.\n")
    claims = extract(text)
    assert [(c.speaker_mention.text, c.speaker) for c in claims][-1] == ("Mr. Holt", "Holt"), \
        [summary(c) for c in claims]


def test_he_goes_to_a_person_not_to_a_name_of_a_thing(extract):
    """The resolver holds "Islamic State" among its people (a run of capitalised words); "he" goes past it to
    the last one named who is surely a person."""
    text = ("Tom Harlan met bankers on Monday. The threat from the Islamic State was on the agenda. "
            "He said the talks went well.")
    speakers, claims = _speakers(extract, text)
    assert speakers == [("He", "Tom Harlan")], summary(claims[0])
