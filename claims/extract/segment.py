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
    sentences: list[Sentence] = []
    for line in LINE.finditer(text):
        if line.group().strip():
            _, spans = blingfire.text_to_sentences_and_offsets(line.group())
            sentences.extend(Sentence(line.start() + a, line.start() + b) for a, b in spans)
    return sentences
