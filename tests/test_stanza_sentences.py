"""The stanza path's sentences (processor.stanza_sentences): stanza's, cut at line breaks as the fast path's
are and rejoined where stanza ended one in mid-sentence."""
from types import SimpleNamespace

import pytest

from claims.extract.processor import joined_where_unfinished, stanza_sentences
from claims.extract.segment import fast_sentences
from claims.model import Sentence

BYLINE = ("A real disgrace.” ― Azucena Gonzàlez\n"
          "“Donald Trump started attacking Latinos at the beginning of his campaign. He represents everything the"
          " US is not.”")
TITLE = ("As the crowd began to chant, Silverman was joined on stage again by Minnesota Sen. Al Franken and joked,"
         " “Bernie or Bust people, you’re being ridiculous,” drawing loud jeers.")
SHOW = ("Clinton campaign manager Robby Mook told CBS This Morning on Monday that the Clinton campaign expects Holt"
        " to insert himself into the debate.")


def document(text, pieces):
    """A stanza Document's shape (text, sentences of tokens with offsets) with the given sentence texts."""
    sentences, at = [], 0
    for piece in pieces:
        start = text.index(piece, at)
        at = start + len(piece)
        sentences.append(SimpleNamespace(tokens=[SimpleNamespace(start_char=start, end_char=at)]))
    return SimpleNamespace(text=text, sentences=sentences)


def texts(text, sentences):
    return [text[s.start:s.end] for s in sentences]


def test_a_sentence_running_over_a_line_break_is_cut_there():
    doc = document(BYLINE, ["A real disgrace.” ― Azucena Gonzàlez\n“Donald Trump started attacking Latinos at the"
                            " beginning of his campaign.", "He represents everything the US is not.”"])
    assert texts(BYLINE, stanza_sentences(doc)) == [
        "A real disgrace.” ― Azucena Gonzàlez",
        "“Donald Trump started attacking Latinos at the beginning of his campaign.",
        "He represents everything the US is not.”"]


@pytest.mark.parametrize("text, cut", [
    (TITLE, "Minnesota Sen."),
    (SHOW, "told CBS"),
    ("Here is the problem: The commission said it would act.", "problem:"),
    ("CONGRESS HAS INVESTIGATED HIM — Oz’s advice earned him the attention of Congress.", "HIM —"),
    ("He met Mr. Ban's successor on Jan. 1 in New York.", "Jan."),
])
def test_a_sentence_ended_in_mid_sentence_is_joined_to_the_next(text, cut):
    end = text.index(cut) + len(cut)
    assert texts(text, stanza_sentences(document(text, [text[:end], text[end:].strip()]))) == [text]


@pytest.mark.parametrize("text, cut", [
    ("He left. She stayed.", "left."),
    ("“We lost,” he said. “We won.”", "said."),
    ("Who will pay? Nobody knows.", "pay?"),
    ("The crowd chanted “Lock her up!” Trump smiled.", "up!”"),
    ("He lives in the U.S. He is a citizen.", "U.S."),
])
def test_a_finished_sentence_stays_apart(text, cut):
    end = text.index(cut) + len(cut)
    assert len(stanza_sentences(document(text, [text[:end], text[end:].strip()]))) == 2


def test_an_unfinished_sentence_at_the_end_of_a_line_stays_apart():
    text = "WHAT COULD HALT IT\nStopping inflammation may be the key."
    lines = [Sentence(0, 18), Sentence(19, len(text))]
    assert joined_where_unfinished(text, lines) == lines


# --- with stanza's own tokenizer ----------------------------------------------------------------

@pytest.fixture(scope="module")
def stanza(stanza_models):
    from claims.extract import load_extractor

    return load_extractor("stanza")


def test_stanza_s_own_sentences_are_cut_at_the_line(stanza):
    # stanza's tokenizer runs the byline on into the next line's quote
    assert texts(BYLINE, stanza_sentences(stanza._pipeline(BYLINE)))[:2] == [
        "A real disgrace.” ― Azucena Gonzàlez", "“Donald Trump started attacking Latinos at the beginning of his campaign."]


@pytest.mark.parametrize("text", [TITLE, SHOW])
def test_stanza_s_own_sentences_are_the_fast_path_s(stanza, text):
    # stanza's tokenizer ends a sentence after `Sen.` and after `CBS`; blingfire does not
    assert texts(text, stanza_sentences(stanza._pipeline(text))) == texts(text, fast_sentences(text)) == [text]


def test_the_speaker_after_a_title_is_found(stanza, extract):
    claims = stanza.extract(TITLE)
    assert [(c.text, c.speaker) for c in claims] == [(c.text, c.speaker) for c in extract(TITLE)]
    assert [c.text for c in claims] == ["“Bernie or Bust people, you’re being ridiculous,”"]
    assert claims[0].speaker == "Silverman"


def test_a_quote_after_a_byline_line_is_found_whole(stanza):
    claims = stanza.extract(BYLINE)
    quote = "“Donald Trump started attacking Latinos at the beginning of his campaign. He represents everything the US is not.”"
    assert quote in [c.text for c in claims]
    for claim in claims:
        assert claim.text == BYLINE[claim.start:claim.end]
