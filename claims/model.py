"""The plain data the extractor produces: spans, sentences and claims.

Every offset is a Python code-point offset into the document text exactly as read,
so `text[span.start:span.end]` always gives the span back.
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("direct", "mixed", "indirect")
SPEAKER_KINDS = ("person", "organisation", "government", "group")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, document: str, start: int, end: int) -> "Span":
        return cls(start, end, document[start:end])

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Sentence:
    """A sentence as the segmenter saw it."""

    start: int
    end: int


@dataclass
class Claim:
    """One quotation or reported statement and who made it."""

    kind: str
    pieces: list[tuple[int, int]]
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    confidence: float = 0.0
    # The resolved speaker's kind: person, organisation, government or group.
    speaker_kind: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def to_json(self, document: str | None = None) -> dict:
        record = {"document": document, "kind": self.kind, "text": self.text,
                  "start": self.start, "end": self.end}
        if len(self.pieces) > 1:
            record["spans"] = [list(p) for p in self.pieces]
        record.update({
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "speaker_mention": self.speaker_mention.to_json() if self.speaker_mention else None,
            "cue": self.cue.to_json() if self.cue else None,
            "confidence": round(self.confidence, 3),
        })
        return record


def claim_text(document: str, pieces: list[tuple[int, int]]) -> str:
    """A claim's text: its one span, or its pieces joined with one space."""
    return " ".join(document[a:b] for a, b in pieces)
