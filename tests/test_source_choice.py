"""Which source a claim keeps where the rules and the tagger found the same statement with different ones
(combine.merge_claims)."""
import pytest
from claim_helpers import only

from claims.extract.combine import merge_claims
from claims.extract.segment import fast_sentences
from claims.extract.speakers import SpeakerResolver
from claims.extract.text_units import document_units
from claims.model import Claim, Span


@pytest.mark.parametrize("text,source", [
    ("The senator also plans to vote for the bill next week, Jones said.", "Jones"),
    ("The mayor hopes to open the new library before the winter, her spokesman said.", "her spokesman"),
    ("The company wants to hire two hundred workers at the plant this year, officials said on Monday.",
     "officials"),
])
def test_subject_before_the_content_is_part_of_what_the_source_after_it_said(extract, text, source):
    """The subject before the content and its verb ("plans", "hopes") are what was said; "X said" after the
    content is the attribution."""
    claim = only(extract(text))
    assert (claim.speaker_mention.text, claim.cue.text) == (source, "said")
    assert text[claim.speaker_mention.start:claim.speaker_mention.end] == source
    assert claim.text == " ".join(text[a:b] for a, b in claim.pieces)


def test_an_unsure_tagger_claim_stands_for_a_reported_statement_not_for_a_quote():
    # The tagger's claims alone (the rules found none here): a reported statement stands from confidence
    # 0.55 (combine.INDIRECT_SURE), a quote from 0.6 (combine.TAGGER_SURE).
    text = "Ann Smith wants the plan to pass. “It is a good plan,” Ann Smith said."
    units = document_units(text, fast_sentences(text))
    resolver = SpeakerResolver(text, [q for unit in units for q in unit.quotes])

    def tagged(kind, phrase, cue, confidence):
        start, at = text.index(phrase), text.index(cue)
        return Claim(kind, [(start, start + len(phrase))], phrase, speaker_mention=Span(0, 9, "Ann Smith"),
                     cue=Span(at, at + len(cue), cue), confidence=confidence)

    def kept(claim):
        return [c.text for c in merge_claims([], [claim], resolver, units)]

    assert kept(tagged("indirect", "the plan to pass", "wants", 0.57)) == ["the plan to pass"]
    assert kept(tagged("indirect", "the plan to pass", "wants", 0.53)) == []
    assert kept(tagged("direct", "“It is a good plan,”", "said", 0.57)) == []
    assert kept(tagged("direct", "“It is a good plan,”", "said", 0.62)) == ["“It is a good plan,”"]
