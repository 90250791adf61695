"""A CRF sequence tagger for attributions: the learned counterpart of the rules in attribution.py.

Each unit (the same units the rules read, see text_units.py) is one sequence; each token gets a BIO tag
over three roles: Content (C), Source (S) and Cue (Q). `tag_claims` turns the tags back into claims.
The model is trained on PolNeAR train by `python -m claims.train_tagger` and shipped as
claims/data/attribution.crfsuite; it is loaded lazily, the first time a document is tagged.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from claims.extract.content import claim_kind, trim_content
from claims.extract.lexicon import reporting_verbs
from claims.extract.mentions import make_mention, scan_back, scan_forward
from claims.extract.text_units import Token, Unit
from claims.model import Claim, Span, claim_text

MODEL_NAME = "attribution.crfsuite"
QUOTE_MARK_TEXTS = {"“", "”", '"', "``", "''", "«", "»", "„", "‘", "’", "'"}
NEAR_VERB = 8  # how far (in tokens) the distance to a reporting verb is told apart
# A content needs a word of its own: a lone tagged comma or "that" is noise, not a statement.
MIN_CONTENT_WORDS = 2


@lru_cache(maxsize=262144)
def _word_itself(word: str) -> tuple[str, ...]:
    """A token's features that depend on its word alone (cached: news repeats its words)."""
    low = word.lower()
    features = ["bias", f"w={low}", f"suf3={low[-3:]}", f"suf2={low[-2:]}", f"shape={_shape(word)}"]
    if word[:1].isupper():
        features.append("cap")
    if word.isupper() and len(word) > 1:
        features.append("upper")
    verb = reporting_verbs().get(low)
    if verb:
        features += [f"rv={verb.lemma}", f"rvconf={_confidence_bucket(verb.confidence)}"]
        if verb.takes_object:
            features.append("rv_object")
    return tuple(features)


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    """Xxxx -> Xx, U.S. -> X.X., 2016 -> d: runs of one character class collapse to one mark."""
    shape = re.sub(r"[A-Z]", "X", word)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1+", r"\1", shape)


def _confidence_bucket(confidence: float) -> str:
    return "high" if confidence >= 0.85 else "mid" if confidence >= 0.7 else "low"


NEIGHBOURS = (-2, -1, 1, 2)


@lru_cache(maxsize=131072)
def _as_neighbour(low: str, capitalised: bool) -> dict[int, tuple[str, ...]]:
    """What a word tells the tokens around it, under each offset: itself, and whether it is a
    reporting verb or capitalised. Cached: news repeats its words."""
    own = [f"w={low}"] + (["rv"] if low in reporting_verbs() else []) + (["cap"] if capitalised else [])
    return {offset: tuple(f"{offset:+d}:{f}" for f in own) for offset in NEIGHBOURS}


def _context_features(text: str, unit: Unit, previous: Unit | None) -> list[str]:
    """What the unit before says about this one: a content often runs on from it (or from its colon)."""
    if previous is None or not previous.tokens:
        return ["first_unit"]
    verbs = reporting_verbs()
    features = [f"prev_end={previous.tokens[-1].lower}"]
    if previous.paragraph == unit.paragraph:
        features.append("same_para")
    if any(t.lower in verbs for t in previous.tokens):
        features.append("prev_has_verb")
    return features


def unit_features(text: str, unit: Unit, previous: Unit | None = None) -> list[list[str]]:
    """One feature list per token of `unit`; `previous` is the unit before it in the document."""
    context = _context_features(text, unit, previous)
    tokens, verbs = unit.tokens, reporting_verbs()
    n = len(tokens)
    inside = [any(q.start < t.start and t.end <= q.end - 1 for q in unit.quotes) for t in tokens]
    verb_at = [i for i, t in enumerate(tokens) if t.lower in verbs and not inside[i]]
    nearest = _nearest_verb(n, verb_at)
    quote_starts, quote_ends = {q.start for q in unit.quotes}, {q.end for q in unit.quotes}
    paragraph_start = unit.start == 0 or text[unit.start - 1] == "\n"
    # A token's own word features, made once and lent to its neighbours under their offsets.
    neighbours = [_as_neighbour(token.lower, token.is_capitalised) for token in tokens]
    that_at = {i for i, t in enumerate(tokens) if t.lower == "that"}
    sequence = []
    for i, token in enumerate(tokens):
        low, word = token.lower, token.text
        features = [*_word_itself(word), f"pos={'first' if i == 0 else 'last' if i == n - 1 else min(4, 5 * i // n)}"]
        # Content and source sit on either side of a cue: the signed distance to the nearest one says which.
        if verb_at:
            distance = max(-NEAR_VERB, min(NEAR_VERB, i - nearest[i]))
            features.append(f"verb_dist={distance}")
            features.append("after_verb" if i > verb_at[0] else "before_verb")
        else:
            features.append("no_verb")
        if inside[i]:
            features.append("in_quote")
        if word in QUOTE_MARK_TEXTS:
            features.append("quote_open" if token.start in quote_starts else
                            "quote_close" if token.end in quote_ends else "quote_mark")
        if that_at and (i + 1 in that_at or i + 2 in that_at or i + 3 in that_at):
            features.append("that_follows")
        if low == "according" and i + 1 < n and tokens[i + 1].lower == "to":
            features.append("according_to")
        if paragraph_start:
            features.append("para_start")
        if unit.quotes:
            features.append("unit_has_quote")
        for offset in NEIGHBOURS:
            if 0 <= i + offset < n:
                features += neighbours[i + offset][offset]
            else:
                features.append(f"{offset:+d}:edge")
        if i > 0:
            features.append(f"bigram={tokens[i - 1].lower}|{low}")
        if i + 1 < n:
            features.append(f"bigram+={low}|{tokens[i + 1].lower}")
        sequence.append(features + context)
    return sequence


def _nearest_verb(n: int, verb_at: list[int]) -> list[int]:
    """For each position, the nearest reporting verb's position (the earlier one on a tie)."""
    if not verb_at:
        return []
    nearest, v = [], 0
    for i in range(n):
        while v + 1 < len(verb_at) and abs(verb_at[v + 1] - i) < abs(verb_at[v] - i):
            v += 1
        nearest.append(verb_at[v])
    return nearest


def shipped_model_path():
    """The model inside the installed package (a context manager yielding a real file path)."""
    return resources.as_file(resources.files("claims.data").joinpath(MODEL_NAME))


@lru_cache(maxsize=4)
def load_tagger(model_path: str | None = None) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    if model_path is None:
        with shipped_model_path() as path:
            tagger.open(str(path))  # crfsuite reads the whole file now; the path may go away after
    else:
        tagger.open(str(model_path))
    return tagger


def _runs(tags: list[str], role: str) -> list[tuple[int, int, bool]]:
    """Token ranges [a, b) of one role, and whether each goes on with the attribution before it (I- after a gap)."""
    runs: list[list] = []
    for i, tag in enumerate(tags):
        if tag[2:] != role:
            continue
        if tag[0] == "I" and runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1, tag[0] == "I"])
    return [(a, b, goes_on) for a, b, goes_on in runs]


def _nearest(runs: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    """The run closest to tokens [a, b) (gap in tokens; ties go to the one before)."""
    def gap(run):
        return max(run[0] - b, a - run[1], 0), run[0] > a
    return min(runs, key=gap) if runs else None


class _Content:
    """One attribution's content as it is decoded: token runs, possibly over consecutive units."""

    def __init__(self, unit: Unit, run: tuple[int, int], confidence: list[float]):
        self.runs = [(unit, run)]
        self.confidence = confidence

    def pieces(self, text: str) -> list[tuple[int, int]]:
        """Trimmed character pieces; pieces with only blanks between them become one (a unit break)."""
        pieces: list[tuple[int, int]] = []
        for unit, (a, b) in self.runs:
            start, end = trim_content(text, unit.tokens[a].start, unit.tokens[b - 1].end)
            if end <= start:
                continue
            if pieces and not text[pieces[-1][1]:start].strip():
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
        return pieces


def _claim(text: str, content: _Content, cues: dict, sources: dict) -> Claim | None:
    """The claim of one content, with the cue nearest to it and the source nearest that cue (same unit)."""
    if sum(t.is_word for unit, (a, b) in content.runs for t in unit.tokens[a:b]) < MIN_CONTENT_WORDS:
        return None
    pieces = content.pieces(text)
    if not pieces:
        return None
    cue = source = None
    for unit, (a, b) in content.runs:  # the first unit with a cue (or a source) speaks for the content
        near_cue = _nearest(cues[id(unit)], a, b)
        near_source = _nearest(sources[id(unit)], *(near_cue or (a, b)))
        if near_cue or near_source:
            cue, source = (_span(text, unit.tokens, near_cue), _span(text, unit.tokens, near_source))
            if source is None and near_cue is not None:
                source = _rules_source(text, unit, near_cue)
            break
    quotes = [q for unit, _ in content.runs for q in unit.quotes]
    return Claim(kind=claim_kind(quotes, pieces), pieces=pieces, text=claim_text(text, pieces), speaker_mention=source,
                 cue=cue, confidence=sum(content.confidence) / len(content.confidence))


def _rules_source(text: str, unit: Unit, cue: tuple[int, int]) -> Span | None:
    """A cue the CRF found without its source: the rules' subject before it ("Ann Smith, the mayor, said"),
    else after it ("said Ann Smith"). The CRF tags sources next to their cue far better than ones an
    appositive keeps away."""
    taken = scan_back(unit.tokens, cue[0]) or scan_forward(unit.tokens, cue[1])
    mention = make_mention(text, taken) if taken else None
    return Span.of(text, mention.start, mention.end) if mention else None


def _span(text: str, tokens: list[Token], run: tuple[int, int] | None) -> Span | None:
    if run is None:
        return None
    return Span.of(text, tokens[run[0]].start, tokens[run[1] - 1].end)


def tag_claims(text: str, units: list[Unit], model_path: str | Path | None = None) -> list[Claim]:
    """The tagger's claims in `text`; speakers are left for the rules' resolver to name.

    B-C starts a content; I-C after a gap (a cue, the next sentence) goes on with the content before it:
    PolNeAR's contents are often cut by their cue ("“A,” he said, “B.”") or run over several sentences."""
    tagger = load_tagger(str(model_path) if model_path else None)
    contents: list[_Content] = []
    cues: dict[int, list] = {}
    sources: dict[int, list] = {}
    previous: Unit | None = None
    # `units` stay alive meanwhile: cues and sources are looked up by id(unit)
    for unit in units:
        if not unit.tokens:
            continue
        tags = tagger.tag(unit_features(text, unit, previous))
        cues[id(unit)] = [(a, b) for a, b, _ in _runs(tags, "Q")]
        sources[id(unit)] = [(a, b) for a, b, _ in _runs(tags, "S")]
        for a, b, goes_on in _runs(tags, "C"):
            confidence = [tagger.marginal(tags[i], i) for i in range(a, b)]
            last_unit = contents[-1].runs[-1][0] if contents else None
            if goes_on and last_unit is not None and (last_unit is unit or last_unit is previous):
                contents[-1].runs.append((unit, (a, b)))
                contents[-1].confidence += confidence
            else:
                contents.append(_Content(unit, (a, b), confidence))
        previous = unit
    return [claim for content in contents if (claim := _claim(text, content, cues, sources))]
