"""Cue phrases that wrap a reporting verb: `“…,” as X put it`."""
from __future__ import annotations

from claims.extract.content import closes_quote, inside_quote
from claims.extract.text_units import Token, Unit

# Verbs of `“…,” as X said`: a temporal `as` ("praising “…” as he promised to ...") takes other verbs.
AS_QUOTE_VERBS = {"put", "puts", "said", "says", "noted", "notes", "wrote", "writes", "told", "explained",
                  "argued", "observed", "remarked", "stated", "declared", "described", "joked", "quipped"}


def as_after_quote(tokens: list[Token], unit: Unit, k: int, verb_token: Token) -> bool:
    """`... a “lawful source of investment income,” as a Homeland Security memo put it.`: `as` right after a
    closing quote mark, before the source at token k, makes the quote (and what leads to it) the content."""
    return verb_token.lower in AS_QUOTE_VERBS and k > 1 and tokens[k - 1].lower == "as" \
        and closes_quote(tokens[k - 2], unit)


def cued_before(tokens: list[Token], unit: Unit, stop: int, verbs) -> bool:
    """A reporting verb outside quotes before token `stop`: the content has a cue of its own."""
    return any(verbs.get(t.lower) and not inside_quote(t, unit) for t in tokens[:stop])
