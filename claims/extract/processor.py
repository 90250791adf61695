"""The attribution stage as a stanza processor: `stanza.Pipeline(processors='tokenize,mwt,attribution')`.

It reads the shared `Document` (its text and its sentences, from stanza's tokenizer) and adds one
annotation, `doc.claims`. It touches no other stage's data.
"""
from __future__ import annotations

import re

from stanza.models.common.doc import Document
from stanza.pipeline.processor import Processor, register_processor

from claims.extract.combine import extract_claims
from claims.extract.segment import joined_on_their_line, lines_of
from claims.model import Sentence

if not hasattr(Document, "claims"):
    Document.add_property("claims", default=None, getter=lambda doc: getattr(doc, "_claims", None),
                          setter=lambda doc, value: setattr(doc, "_claims", value))


def stanza_sentences(doc: Document) -> list[Sentence]:
    """Stanza's sentences, cut at line breaks as the fast path's are, and rejoined where stanza ended one
    in mid-sentence."""
    # Each line of news text is a paragraph (a byline, a headline, a caption) and stanza's tokenizer often
    # runs one on into the next line's quote: on PolNeAR dev 4 of the 7 quotes the fast path found and the
    # stanza path missed (direct F1 89.8 -> 90.1, attributed F1 85.4 -> 86.0; train 89.0 and 83.9 kept).
    lines = [line for s in doc.sentences if s.tokens
             for line in lines_of(doc.text, s.tokens[0].start_char, s.tokens[-1].end_char)]
    return joined_where_unfinished(doc.text, lines)


# How a sentence stanza ended in mid-sentence ends: a word, a comma, a colon or semicolon, a dash, or a
# title before its name. `Minnesota Sen. | Al Franken and joked, “…”`, `Robby Mook told CBS | This
# Morning that …`, `said: | “…”`, `THE HEADLINE — | Oz’s advice …` lose the speaker or the quote; blingfire
# splits at none of them. PolNeAR train: direct F1 89.0 -> 89.1, attributed 83.9 -> 84.0 (5317 -> 5321),
# all 68.7 -> 68.9; dev: direct F1 90.1 -> 90.2, all 70.7 -> 71.0.
UNFINISHED = re.compile(r"""(?:
      [\w,:;—–-]
    | (?<![\w.])(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Gens|Lt|Col|Sgt|Prof|Rev|Adm|Capt|Maj|Ft|St|No
                  |Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.
    )$""", re.VERBOSE)


def joined_where_unfinished(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """`sentences`, each that ends unfinished (UNFINISHED) joined to the next when that is on the same line."""
    spans = joined_on_their_line(text, [(s.start, s.end) for s in sentences],
                                 lambda before, span: _unfinished(text, *before))
    return [Sentence(start, end) for start, end in spans]


def _unfinished(text: str, start: int, end: int) -> bool:
    return UNFINISHED.search(text, max(start, end - 8), end) is not None


@register_processor("attribution")
class AttributionProcessor(Processor):
    """Finds quotes and reported statements and who made them."""

    _requires = {"tokenize"}
    _provides = {"attribution"}

    def __init__(self, config, pipeline, device):
        pass  # rules and word lists: no model, no variants to set up

    def process(self, doc: Document) -> Document:
        doc.claims = extract_claims(doc.text, stanza_sentences(doc))
        return doc
