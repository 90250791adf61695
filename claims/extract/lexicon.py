"""Word lists the rules read: reporting verbs in every inflection, and titles."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lemminflect import getAllInflections, getAllInflectionsOOV


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    confidence: float
    takes_object: bool  # "told reporters that ...": a listener stands between cue and content


def _data_lines(name: str):
    for line in resources.files("claims.data").joinpath(name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@lru_cache(maxsize=None)
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Every inflected form (lower case) -> its verb, e.g. 'says', 'said', 'saying' -> say."""
    forms: dict[str, ReportingVerb] = {}
    for line in _data_lines("reporting_verbs.tsv"):
        lemma, confidence, takes = line.split("\t")
        verb = ReportingVerb(lemma, float(confidence), takes == "object")
        # Words newer than lemminflect's dictionary ("retweet") get its rule-made forms ("retweeted").
        inflections = getAllInflections(lemma, upos="VERB") or getAllInflectionsOOV(lemma, upos="VERB")
        for form in {lemma, *(f for fs in inflections.values() for f in fs)}:
            forms.setdefault(form.lower(), verb)
    return forms


@lru_cache(maxsize=None)
def titles() -> tuple[str, ...]:
    """Titles, longest first so that 'Deputy Prime Minister' wins over 'Prime Minister'."""
    return tuple(sorted(set(_data_lines("titles.txt")), key=len, reverse=True))
