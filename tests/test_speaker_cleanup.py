"""Speaker names from source mentions that hold more than a name (claims/extract/speaker_names.py): an age or
a relative clause after the name, a dateline or a caption before it, a verb the mention ran over, a role the
title patterns do not know, and groups of people that are no person.

The sentences are made up, shaped after PolNeAR articles where the whole mention became a speaker's name.
"""
import pytest
from claim_helpers import summary

from claims.extract.mentions import mention_at
from claims.extract.speakers import SpeakerResolver


def resolve(text, phrase):
    """The speaker the resolver gives a source mention `phrase` in `text` (the fast path does not always make
    such a mention from a short made-up text: the tagger's spans did, on PolNeAR)."""
    start = text.index(phrase)
    return SpeakerResolver(text, []).resolve(mention_at(text, start, start + len(phrase)), None)


def by_mention(claims, start):
    """The claims whose source mention begins with `start`."""
    return [c for c in claims if c.speaker_mention and c.speaker_mention.text.startswith(start)]


def test_an_age_after_a_name_is_no_name(extract):
    text = "Maria Lopez, 41, who was visiting Denver from Ohio, told me the fares were far too high."
    claims = extract(text)
    assert [(c.speaker, c.speaker_kind) for c in claims] == [("Maria Lopez", "person")], \
        [summary(c) for c in claims]


def test_a_relative_clause_speaks_for_the_name_before_it():
    text = ("Mayor Tom Harper spoke at the depot in the morning.\n\n"
            "Harper, who has been quarrelling with the city council this week, on Friday described his plan.")
    speaker = resolve(text, "who has been quarrelling with the city council this week, on Friday")
    assert (speaker.name, speaker.kind) == ("Tom Harper", "person"), speaker


def test_the_subject_after_who_is_the_speaker():
    text = "The vote went to Ann Smith, who many in the Ohio farm lobby had backed in the primary."
    speaker = resolve(text, "who many in the Ohio farm lobby")
    assert (speaker.name, speaker.kind) == ("many in the Ohio farm lobby", "group"), speaker


def test_a_dateline_is_no_part_of_the_name(extract):
    text = "BOSTON — Sen. Ann Walsh (D-Mass.) defended her bill on Tuesday, saying it would help families."
    claims = by_mention(extract(text), "BOSTON")
    assert claims and {(c.speaker, c.speaker_role) for c in claims} == {("Ann Walsh", "Sen.")}, \
        [summary(c) for c in extract(text)]


def test_a_caption_glued_to_the_name_is_no_part_of_it(extract):
    text = ("Updated 9:31PMSmith And JonesASSOCIATED PRESSOhio Gov. Ann Smith answers a question, saying "
            "that the budget is balanced.")
    claims = [c for c in extract(text) if c.speaker_mention and "Ann Smith" in c.speaker_mention.text]
    assert [(c.speaker, c.speaker_role) for c in claims] == [("Ann Smith", "Ohio Gov.")], \
        [summary(c) for c in extract(text)]


@pytest.mark.parametrize("phrase,name", [
    ("Tom Baker (D-Ohio) visited WKRC’s “Morning Show”", "Tom Baker"),
    ("Baker reminds me of Abraham Lincoln", "Tom Baker"),
    ("The Ohio senator emailed supporters", "Tom Baker"),
])
def test_a_verb_the_mention_ran_over_is_no_part_of_the_name(phrase, name):
    text = f"Sen. Tom Baker campaigned in Ohio on Monday.\n\n{phrase} saying that the state needs new roads."
    assert resolve(text, phrase).name == name


def test_a_role_no_title_pattern_knows_is_split_from_the_name(extract):
    text = "“The lines are longer than ever,” Lake County Deputy Treasurer Ann Smith told reporters."
    claims = extract(text)
    assert [(c.speaker, c.speaker_role) for c in claims] == [("Ann Smith", "Lake County Deputy Treasurer")], \
        [summary(c) for c in claims]


def test_a_share_of_voters_is_a_group(extract):
    text = "About four in 10 Ohio Republican primary voters say that the economy matters most."
    claims = extract(text)
    assert [c.speaker_kind for c in claims] == ["group"], [(summary(c), c.speaker_kind) for c in claims]


def test_the_supporters_of_a_person_are_a_group_not_the_person(extract):
    text = "By a wide margin, supporters of Democrat Ann Smith say the bridge should be rebuilt."
    claims = extract(text)
    assert [(c.speaker_kind, c.speaker != "Ann Smith") for c in claims] == [("group", True)], \
        [(summary(c), c.speaker_kind) for c in claims]
