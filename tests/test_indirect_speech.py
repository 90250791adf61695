"""Reported (indirect) statements the extractor used to miss, draw too long or make up, each family on a small
handmade text run through the real fast extractor (the rules in cues.py, content.py and combine.py)."""
import pytest
from claim_helpers import attribution, checked, only


@pytest.mark.parametrize("text, expected", [
    ("Senator Ann Smith spoke to voters in Ohio on Monday. About 40 people would show up to each town hall, "
     "she said.", ("indirect", "About 40 people would show up to each town hall", "she", "said")),
    ("Around 40 people would show up to each town hall, according to the campaign.",
     ("indirect", "Around 40 people would show up to each town hall", "the campaign", "according to")),
])
def test_a_closing_cue_takes_the_whole_clause_before_it_over_a_cue_inside_it(extract, text, expected):
    # cues._closed_content_start: "show" is no cue of its own that could take the clause from "said".
    assert attribution(only(checked(text, extract(text)))) == expected


def test_a_cue_inside_an_opening_subordinate_clause_reports_only_that_clause(extract):
    # content.subordinate_clause_end: the main clause after the comma is the writer's.
    text = "While Senator Ann Smith argued that the tax plan was unfair to farmers, her party voted for it on Tuesday."
    assert attribution(only(checked(text, extract(text)))) == (
        "indirect", "that the tax plan was unfair to farmers", "Senator Ann Smith", "argued")


@pytest.mark.parametrize("text", [
    "Tom Jones reported from Paris.",
    "Ann Smith responded by the end of the week.",
])
def test_a_place_time_or_agent_after_a_cue_is_no_content(extract, text):
    # content._adjunct_only: a byline or an adjunct, not a statement.
    assert extract(text) == []


def test_according_to_set_off_after_a_short_opener_takes_the_statement_after_its_source(extract):
    # cue_phrases.opener_before: "In addition, according to X, A" reports A.
    text = "In addition, according to the department, nearly nine million workers will be protected by the rule."
    claim = only(checked(text, extract(text)))
    assert attribution(claim) == ("indirect", "In addition nearly nine million workers will be protected by the rule",
                                  "the department", "according to")


def test_an_aside_on_the_source_of_an_inverted_cue_is_not_content(extract):
    # cues._verb_cue: "A, said X, a businessman who ..." reports A only.
    text = "Federal mandates are a burden on schools, said Tom Wilcox, a businessman who founded two companies."
    assert attribution(only(checked(text, extract(text)))) == (
        "indirect", "Federal mandates are a burden on schools", "Tom Wilcox", "said")


def test_a_listener_and_a_time_after_told_leave_the_content_before_it(extract):
    # cue_phrases.listener_only: "A, X told a Senate panel Wednesday." reports A.
    text = ("The plan includes a special force to assist the Kurds, Defense Secretary Ash Carter told a Senate "
            "panel Wednesday.")
    assert attribution(only(checked(text, extract(text)))) == (
        "indirect", "The plan includes a special force to assist the Kurds", "Defense Secretary Ash Carter", "told")
