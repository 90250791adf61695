"""The fast path's sentence splitter: blingfire's spans, mapped to code points without its per-byte loop."""
from __future__ import annotations

import blingfire
import pytest

from claims.extract.segment import fast_sentences, sentence_offsets

TEXTS = [
    "Plain ASCII. Two sentences.",
    "“We have reasons,” Blinken said. “Moscow intends to go on.”\n\nCho Tae-yul — Seoul’s minister — agreed.",
    "Emoji 😀 count as one code point. Then 東京 and Zürich. Done",
    "ü",
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_are_blingfire_s_own(text):
    assert sentence_offsets(text) == [tuple(span) for span in blingfire.text_to_sentences_and_offsets(text)[1]]


def test_the_same_on_the_corpus(shared_dir):
    texts = [path.read_text(encoding="utf-8") for path in sorted((shared_dir / "polnear" / "dev" / "text").glob("*.txt"))]
    assert any(len(text.encode()) != len(text) for text in texts)
    for text in texts:
        assert sentence_offsets(text) == [tuple(s) for s in blingfire.text_to_sentences_and_offsets(text)[1]]


def test_sentences_never_cross_a_line_and_index_the_text():
    text = TEXTS[1]
    sentences = fast_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == [
        "“We have reasons,” Blinken said.", "“Moscow intends to go on.”", "Cho Tae-yul — Seoul’s minister — agreed."]
    assert fast_sentences("  \n ") == []
