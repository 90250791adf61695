"""Reporting verbs added to the lexicon after counting the cues of PolNeAR train's missed attributions:
each one is a cue in its own sentence (handmade examples, not corpus text)."""
import pytest
from claim_helpers import only, summary

from claims.extract.lexicon import reporting_verbs


@pytest.mark.parametrize("cue", ["proclaimed", "exclaimed", "interjected", "exhorted", "beamed", "gushed",
                                 "muttered", "grumbled", "opined"])
def test_quote_closed_by_a_manner_of_speaking_verb(extract, cue):
    quote = "“The bridge will be finished by the spring,”"
    text = f"{quote} Ann Smith {cue}."
    claim = only(extract(text))
    assert summary(claim) == ("direct", quote, "Ann Smith", None, "Ann Smith", cue)


@pytest.mark.parametrize("cue", ["read", "reads"])
def test_a_written_text_reads_its_quote(extract, cue):
    quote = "“Vote for the new library on Tuesday,”"
    text = f"The flyer went to every house in town. {quote} it {cue}."
    claims = [c for c in extract(text) if c.kind == "direct"]
    assert [(c.text, c.cue.text if c.cue else None) for c in claims] == [(quote, cue)]


@pytest.mark.parametrize("sentence,cue,content", [
    ("Ann Smith bemoaned that the new library would open a year late.", "bemoaned",
     "that the new library would open a year late"),
    ("Ann Smith decried that the council would close the old library.", "decried",
     "that the council would close the old library"),
    ("Ann Smith grumbled that the council would close the old library.", "grumbled",
     "that the council would close the old library"),
])
def test_reported_statement_after_an_added_verb(extract, sentence, cue, content):
    claim = only(extract(sentence))
    assert (claim.text, claim.speaker_mention.text, claim.cue.text) == (content, "Ann Smith", cue)


@pytest.mark.parametrize("form", ["offered", "preferred", "decided", "sings", "retweeted", "decried", "implied"])
def test_added_verbs_are_in_the_lexicon(form):
    assert form in reporting_verbs()


@pytest.mark.parametrize("form", ["email", "emails", "protest", "snap", "advise", "speculate", "clarify"])
def test_mostly_noun_or_unsure_words_stay_out(form):
    # Tried on PolNeAR: "Clinton's emails", "a protest", "a snap poll" made more spurious claims than found ones.
    assert form not in reporting_verbs()


def test_put_it_cues_the_quote_after_it(extract):
    quote = "“The bridge will be finished by the spring.”"
    text = f"The council met on Monday. As Ann Smith put it, {quote}"
    claim = only(extract(text))
    assert summary(claim) == ("direct", quote, "Ann Smith", None, "Ann Smith", "put it")
