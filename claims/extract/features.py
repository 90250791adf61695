"""The CRF tagger's features: what each token of a unit looks like to the model (see tagger.py).

Training asks for every feature; tagging asks only for those the trained model weighs (`known`), since
crfsuite ignores the others anyway: the tags come out the same, and the model, trained with an L1
penalty, weighs few of them (8,214 attributes), so most of the work of making and passing strings goes.
This is the hot loop of the fast path, hence the caches and the strings made once.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from functools import lru_cache

from claims.extract.lexicon import reporting_verbs
from claims.extract.text_units import Unit

QUOTE_MARK_TEXTS = {"“", "”", '"', "``", "''", "«", "»", "„", "‘", "’", "'"}
NEAR_VERB = 8  # how far (in tokens) the distance to a reporting verb is told apart
NEIGHBOURS = (-2, -1, 1, 2)
# A clause break ends many a content that the tagger ran on with: ", while ...", ", which ...", "and
# warned ..." (dev: 183 misses where a prediction ran past the gold's end). A conjunction starts a clause
# when a verb-like word follows it; without a POS tagger, these words and "-ed" stand for one.
VERB_LIKE_WORDS = frozenset("is was were are be been has have had will would could can should may might must "
                            "did does do said says".split())
CLAUSE_OPENERS = frozenset("while which who whom whose when where although though because but and so as after "
                           "before since meaning including even whereas".split())
# A long-running ingest meets new words for ever; past this many the word caches start again.
CACHE_LIMIT = 200_000


def shape(word: str) -> str:
    """Xxxx -> Xx, U.S. -> X.X., 2016 -> d: runs of one character class collapse to one mark."""
    mapped = re.sub(r"[A-Z]", "X", word)
    mapped = re.sub(r"[a-z]", "x", mapped)
    mapped = re.sub(r"\d", "d", mapped)
    return re.sub(r"(.)\1+", r"\1", mapped)


def _confidence_bucket(confidence: float) -> str:
    return "high" if confidence >= 0.85 else "mid" if confidence >= 0.7 else "low"


class FeatureMaker:
    """`unit_features(text, unit, previous)`: one feature list per token of `unit`.

    With `known` (the model's attributes) only those features are made; without, all of them (training)."""

    def __init__(self, known: Collection[str] | None = None):
        self.known = frozenset(known) if known is not None else None
        self._verbs = reporting_verbs()
        self._words: dict[str, tuple[str, ...]] = {}
        self._neighbours: dict[tuple[str, bool], tuple[tuple[str, ...], ...]] = {}
        self._verb_distance = {d: self._keep([f"verb_dist={d}"]) for d in range(-NEAR_VERB, NEAR_VERB + 1)}
        self._fixed = {name: self._keep([name]) for name in (
            "after_verb", "before_verb", "no_verb", "in_quote", "quote_open", "quote_close", "quote_mark",
            "that_follows", "according_to", "para_start", "clause_break", "past_break", "past_break2",
            "that_clause", *(f"qdist={d}" for d in ("<1", "<2", "<4", "<8", ">1", ">2", ">4", ">8", "far")),
            "unit_has_quote", "pos=first", "pos=last",
            *(f"pos={p}" for p in range(5)), *(f"{offset:+d}:edge" for offset in NEIGHBOURS))}

    def _keep(self, features: list[str]) -> tuple[str, ...]:
        return tuple(features) if self.known is None else tuple(f for f in features if f in self.known)

    def _word(self, word: str) -> tuple[str, ...]:
        """A token's features that depend on its word alone."""
        cached = self._words.get(word)
        if cached is None:
            if len(self._words) > CACHE_LIMIT:
                self._words.clear()
            low = word.lower()
            features = ["bias", f"w={low}", f"suf3={low[-3:]}", f"suf2={low[-2:]}", f"shape={shape(word)}"]
            if word[:1].isupper():
                features.append("cap")
            if word.isupper() and len(word) > 1:
                features.append("upper")
            verb = self._verbs.get(low)
            if verb:
                features += [f"rv={verb.lemma}", f"rvconf={_confidence_bucket(verb.confidence)}"]
                if verb.takes_object:
                    features.append("rv_object")
            cached = self._words[word] = self._keep(features)
        return cached

    def _neighbour(self, low: str, capitalised: bool) -> tuple[tuple[str, ...], ...]:
        """What a word tells the tokens around it, under each offset of NEIGHBOURS (in that order)."""
        key = (low, capitalised)
        cached = self._neighbours.get(key)
        if cached is None:
            if len(self._neighbours) > CACHE_LIMIT:
                self._neighbours.clear()
            own = [f"w={low}"] + (["rv"] if low in self._verbs else []) + (["cap"] if capitalised else [])
            cached = self._neighbours[key] = tuple(
                self._keep([f"{offset:+d}:{f}" for f in own]) for offset in NEIGHBOURS)
        return cached

    def _unit_wide(self, text: str, unit: Unit, previous: Unit | None) -> tuple[str, ...]:
        """What every token of the unit shares: where it stands, and what the unit before says about it
        (a content often runs on from it, or from its colon)."""
        features = []
        if unit.start == 0 or text[unit.start - 1] == "\n":
            features.append("para_start")
        if unit.quotes:
            features.append("unit_has_quote")
        if previous is None or not previous.tokens:
            features.append("first_unit")
        else:
            features.append(f"prev_end={previous.tokens[-1].lower}")
            if previous.paragraph == unit.paragraph:
                features.append("same_para")
            if any(t.lower in self._verbs for t in previous.tokens):
                features.append("prev_has_verb")
        return self._keep(features)

    def unit_features(self, text: str, unit: Unit, previous: Unit | None = None) -> list[list[str]]:
        tokens, verbs, fixed, known = unit.tokens, self._verbs, self._fixed, self.known
        n = len(tokens)
        lows = [t.lower for t in tokens]
        inside = _inside_quotes(unit)
        verb_at = [i for i, low in enumerate(lows) if low in verbs and not inside[i]]
        nearest = _nearest_verb(n, verb_at)
        first_verb = verb_at[0] if verb_at else n
        quote_starts, quote_ends = {q.start for q in unit.quotes}, {q.end for q in unit.quotes}
        that_follows = {i for at, low in enumerate(lows) if low == "that" for i in range(at - 3, at)}
        # Each token's neighbours, under their offsets (-2, -1, +1, +2), edges included.
        edges = [fixed[f"{offset:+d}:edge"] for offset in NEIGHBOURS]
        near = [self._neighbour(low, t.is_capitalised) for low, t in zip(lows, tokens)]
        padded = [(edges[0], edges[1], (), ())] * 2 + near + [((), (), edges[2], edges[3])] * 2
        shared = self._unit_wide(text, unit, previous)
        distances, pos = self._verb_distance, fixed["pos=first"]
        breaks, seen_breaks = _clause_breaks(lows, verbs, inside), 0
        that_at = _that_clause(lows, verb_at)
        quote_marks = [i for i, t in enumerate(tokens) if t.text in QUOTE_MARK_TEXTS]
        sequence = []
        for i, token in enumerate(tokens):
            if i:
                pos = fixed["pos=last" if i == n - 1 else f"pos={min(4, 5 * i // n)}"]
            features = [*self._word(token.text), *shared, *pos, *padded[i][0], *padded[i + 1][1],
                        *padded[i + 3][2], *padded[i + 4][3]]
            # Content and source sit on either side of a cue: the signed distance to the nearest one says which.
            if nearest:
                features += distances[max(-NEAR_VERB, min(NEAR_VERB, i - nearest[i]))]
                features += fixed["after_verb" if i > first_verb else "before_verb"]
            else:
                features += fixed["no_verb"]
            if inside[i]:
                features += fixed["in_quote"]
            if token.text in QUOTE_MARK_TEXTS:
                features += fixed["quote_open" if token.start in quote_starts else
                                  "quote_close" if token.end in quote_ends else "quote_mark"]
            if i in that_follows:
                features += fixed["that_follows"]
            if breaks:  # how many clauses since the first cue: the content's own, or one after it
                if i in breaks:
                    features += fixed["clause_break"]
                    if i > first_verb:
                        seen_breaks += 1
                if seen_breaks:
                    features += fixed["past_break" if seen_breaks == 1 else "past_break2"]
            if i > that_at:  # "said that ...": what follows is the content, up to a clause break
                features += fixed["that_clause"]
            # A quote's edge is where a content begins or ends; "said" just before it, its cue.
            if quote_marks and not inside[i] and token.text not in QUOTE_MARK_TEXTS:
                features += fixed[_quote_distance(i, quote_marks)]
            if lows[i] == "according" and i + 1 < n and lows[i + 1] == "to":
                features += fixed["according_to"]
            if i:
                bigram = f"bigram={lows[i - 1]}|{lows[i]}"
                if known is None or bigram in known:
                    features.append(bigram)
            if i + 1 < n:
                bigram = f"bigram+={lows[i]}|{lows[i + 1]}"
                if known is None or bigram in known:
                    features.append(bigram)
            sequence.append(features)
        return sequence


def _clause_breaks(lows: list[str], verbs, inside: list[bool]) -> set[int]:
    """Where a new clause starts: ", while", ", which", or a conjunction before a verb-like word."""
    found = set()
    for i in range(1, len(lows) - 1):
        if inside[i]:
            continue
        low, after = lows[i], lows[i + 1]
        if lows[i - 1] == "," and low in CLAUSE_OPENERS:
            found.add(i)
        elif low in ("and", "but", "or") and (after in VERB_LIKE_WORDS or after in verbs or after.endswith("ed")):
            found.add(i)
    return found


def _that_clause(lows: list[str], verb_at: list[int]) -> int:
    """The position of the first "that" just after a reporting verb (else the unit's length)."""
    for v in verb_at:
        for j in range(v + 1, min(v + 4, len(lows))):
            if lows[j] == "that":
                return j
    return len(lows)


def _quote_distance(i: int, marks: list[int]) -> str:
    """The nearest quote mark's side and distance in tokens (1, 2, 4, 8 or far), as a feature name."""
    at = bisect_right(marks, i)
    before = i - marks[at - 1] if at else 99
    after = marks[at] - i if at < len(marks) else 99
    d, side = (before, "<") if before <= after else (after, ">")
    return "qdist=far" if d > 8 else f"qdist={side}{1 if d <= 1 else 2 if d <= 2 else 4 if d <= 4 else 8}"


def _inside_quotes(unit: Unit) -> list[bool]:
    """For each token, whether it lies within one of the unit's quotes (marks excluded)."""
    inside = [False] * len(unit.tokens)
    if unit.quotes:
        starts = [t.start for t in unit.tokens]
        for quote in unit.quotes:
            for i in range(bisect_right(starts, quote.start), len(starts)):
                if unit.tokens[i].end > quote.end - 1:
                    break
                inside[i] = True
    return inside


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


@lru_cache(maxsize=None)
def _all_features() -> FeatureMaker:
    return FeatureMaker()


def unit_features(text: str, unit: Unit, previous: Unit | None = None) -> list[list[str]]:
    """Every feature of each token of `unit` (what training reads); `previous` is the unit before it."""
    return _all_features().unit_features(text, unit, previous)
