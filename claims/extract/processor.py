"""The attribution stage as a stanza processor: `stanza.Pipeline(processors='tokenize,mwt,attribution')`.

It reads the shared `Document` (its text and its sentences, from stanza's tokenizer) and adds one
annotation, `doc.claims`. It touches no other stage's data.
"""
from __future__ import annotations

from stanza.models.common.doc import Document
from stanza.pipeline.processor import Processor, register_processor

from claims.extract.combine import extract_claims
from claims.model import Sentence

if not hasattr(Document, "claims"):
    Document.add_property("claims", default=None, getter=lambda doc: getattr(doc, "_claims", None),
                          setter=lambda doc, value: setattr(doc, "_claims", value))


def stanza_sentences(doc: Document) -> list[Sentence]:
    return [Sentence(s.tokens[0].start_char, s.tokens[-1].end_char) for s in doc.sentences if s.tokens]


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
