"""Sentence boundaries from the model-free segmenter (blingfire).

The stanza path gets the same `Sentence` objects from stanza's own tokenizer (see processor.py);
blingfire is the fast path: compiled, no model files, far faster.
"""
from __future__ import annotations

import re

import blingfire

from claims.model import Sentence

LINE = re.compile(r"[^\n]+")


def fast_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, never crossing a line break (each line of news text is a paragraph)."""
    if not text.strip():
        return []  # blingfire fails on a text with no words
    _, spans = blingfire.text_to_sentences_and_offsets(text)
    sentences: list[Sentence] = []
    for start, end in spans:
        # blingfire ends sentences at blank lines; a single line break ends one too.
        for line in LINE.finditer(text, start, end):
            if line.group().strip():
                sentences.append(Sentence(line.start(), line.end()))
    return sentences
