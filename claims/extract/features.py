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
from itertools import groupby

from claims.extract.lexicon import reporting_verbs
from claims.extract.text_units import LOWER_OF, TEXT_OF, Unit

QUOTE_MARK_TEXTS = {"“", "”", '"', "``", "''", "«", "»", "„", "‘", "’", "'"}
NEAR_VERB = 8  # how far (in tokens) the distance to a reporting verb is told apart
NEIGHBOURS = (-2, -1, 1, 2)
NEIGHBOUR_PREFIXES = tuple(f"{offset:+d}:" for offset in NEIGHBOURS)  # "-2:w=said"
# A clause break ends many a content that the tagger ran on with: ", while ...", ", which ...", "and
# warned ..." (dev: 183 misses where a prediction ran past the gold's end). A conjunction starts a clause
# when a verb-like word follows it; without a POS tagger, these words and "-ed" stand for one.
VERB_LIKE_WORDS = frozenset("is was were are be been has have had will would could can should may might must "
                            "did does do said says".split())
CLAUSE_OPENERS = frozenset("while which who whom whose when where although though because but and so as after "
                           "before since meaning including even whereas".split())
# A long-running ingest meets new words for ever; past this many the word caches start again.
CACHE_LIMIT = 200_000


_SHAPE_MARKS = str.maketrans({**{chr(c): "X" for c in range(ord("A"), ord("Z") + 1)},
                              **{chr(c): "x" for c in range(ord("a"), ord("z") + 1)},
                              **{chr(c): "d" for c in range(ord("0"), ord("9") + 1)}})


def shape(word: str) -> str:
    """Xxxx -> Xx, U.S. -> X.X., 2016 -> d: runs of one character class collapse to one mark. Letters are
    ASCII's only, digits any script's (as the model was trained); one translate, where four regular
    expressions had taken a sixth of making a new word's features."""
    mapped = word.translate(_SHAPE_MARKS)
    if not mapped.isascii():
        mapped = re.sub(r"\d", "d", mapped)
    return "".join([mark for mark, _ in groupby(mapped)])


def _confidence_bucket(confidence: float) -> str:
    return "high" if confidence >= 0.85 else "mid" if confidence >= 0.7 else "low"


class FeatureMaker:
    """`unit_features(text, unit, previous)`: one feature list per token of `unit`.

    With `known` (the model's attributes) only those features are made, as UTF-8 bytes, which crfsuite
    takes without encoding each string again (a fifth of its time); without, all of them as str (training)."""

    def __init__(self, known: Collection[str] | None = None):
        self.known = frozenset(known) if known is not None else None
        self._verbs = reporting_verbs()
        self._tokens: dict[str, tuple] = {}
        self._fixed = {name: self._keep([name]) for name in (
            "after_verb", "before_verb", "no_verb", "in_quote", "quote_open", "quote_close", "quote_mark",
            "that_follows", "according_to", "para_start", "clause_break", "past_break", "past_break2",
            "that_clause", *(f"qdist={d}" for d in ("<1", "<2", "<4", "<8", ">1", ">2", ">4", ">8", "far")),
            "unit_has_quote", "pos=first", "pos=last",
            *(f"pos={p}" for p in range(5)), *(f"{offset:+d}:edge" for offset in NEIGHBOURS))}
        edges = [self._fixed[f"{offset:+d}:edge"] for offset in NEIGHBOURS]
        self._pads = ((edges[0], edges[1], (), ()), ((), (), edges[2], edges[3]))
        self._side_reach, self._side_tables = -1, ([], [])  # see _sides
        self._position_lists: dict[int, list[tuple]] = {}
        self._told_alone = {(verb, cap): tuple(self._keep([prefix + f for f in ["rv"] * verb + ["cap"] * cap])
                                               for prefix in NEIGHBOUR_PREFIXES)
                            for verb in (False, True) for cap in (False, True)}
        self._told_words = {name[len("-2:w="):] for name in self.known or ()
                            if name[:3] in NEIGHBOUR_PREFIXES and name[3:5] == "w="}
        self._bigrams = self._known_bigrams()

    def _keep(self, features: list[str]) -> tuple:
        if self.known is None:
            return tuple(features)
        known = self.known
        return tuple([f.encode() for f in features if f in known])

    def _known_bigrams(self) -> dict[str, dict[str, tuple]]:
        """first word -> second word -> (its "bigram=" features, its "bigram+=" features), known ones only:
        most word pairs have neither, and are passed over without making their strings."""
        found: dict[str, dict[str, tuple]] = {}
        for name in self.known or ():
            prefix, _, pair = name.partition("=")
            if prefix not in ("bigram", "bigram+"):
                continue
            for bar in (i for i, c in enumerate(pair) if c == "|"):  # a word may be "|" itself: try each
                first, second = pair[:bar], pair[bar + 1:]
                before, after = found.setdefault(first, {}).get(second, ((), ()))
                feature = (name.encode(),)
                found[first][second] = (feature, after) if prefix == "bigram" else (before, feature)
        return found

    def _seen_token(self, word: str) -> tuple:
        """What a word says of itself, and what it tells the tokens around it under each offset of
        NEIGHBOURS (in that order): made once per word."""
        if len(self._tokens) > CACHE_LIMIT:
            self._tokens.clear()
        low = word.lower()
        own = ["bias", f"w={low}", f"suf3={low[-3:]}", f"suf2={low[-2:]}", f"shape={shape(word)}"]
        if word[:1].isupper():
            own.append("cap")
        if word.isupper() and len(word) > 1:
            own.append("upper")
        verb = self._verbs.get(low)
        if verb:
            own += [f"rv={verb.lemma}", f"rvconf={_confidence_bucket(verb.confidence)}"]
            if verb.takes_object:
                own.append("rv_object")
        # What it tells its neighbours: the word itself (where the model weighs that: few words; for the others
        # four strings had been made, half a new word's time), a reporting verb, a capital.
        told = self._told_alone[low in self._verbs, word[:1].isupper()]
        if self.known is None or low in self._told_words:
            near = tuple(self._keep([f"{prefix}w={low}"]) + alone for prefix, alone in zip(NEIGHBOUR_PREFIXES, told))
        else:
            near = told
        looks = self._tokens[word] = (self._keep(own), near)
        return looks

    def _positions(self, n: int) -> list[tuple]:
        """Each position's feature in a unit of n tokens: first, last, or which fifth."""
        listed = self._position_lists.get(n)
        if listed is None:
            fixed = self._fixed
            listed = self._position_lists[n] = [
                fixed["pos=first" if i == 0 else "pos=last" if i == n - 1 else f"pos={min(4, 5 * i // n)}"]
                for i in range(n)]
        return listed

    def _sides(self, n: int, verb_at: list[int]) -> list[tuple]:
        """Each token's signed distance (up to NEAR_VERB) to its nearest reporting verb, the earlier on a tie, and
        whether it stands after the first one, as features. Sliced a stretch at a time (from the first verb to
        the midpoint between two, ...) from tables by distance: an expression per token took a fortieth of
        the fast path."""
        if n > self._side_reach:  # the tables reach as far as the longest unit met
            self._side_reach = n
            self._side_tables = tuple(
                [self._keep([f"verb_dist={max(-NEAR_VERB, min(NEAR_VERB, d))}", side]) for d in range(-n, n + 1)]
                for side in ("before_verb", "after_verb"))
        reach, (before, after) = self._side_reach, self._side_tables
        first = verb_at[0]
        sides = before[reach - first:reach + 1]
        start = first + 1
        for v, end in zip(verb_at, [(v + w) // 2 + 1 for v, w in zip(verb_at, verb_at[1:])] + [n]):
            sides += after[reach + start - v:reach + end - v]
            start = end
        return sides

    def _unit_wide(self, text: str, unit: Unit, previous: Unit | None) -> tuple:
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

    def unit_features(self, text: str, unit: Unit, previous: Unit | None = None) -> list[list]:
        tokens, verbs = unit.tokens, self._verbs
        n = len(tokens)
        lows = list(map(LOWER_OF, tokens))
        inside = _inside_quotes(unit)
        verb_at = [i for i, low in enumerate(lows) if low in verbs and not inside[i]]
        first_verb = verb_at[0] if verb_at else n
        words = list(map(TEXT_OF, tokens))
        looks = list(map(self._tokens.get, words))
        if None in looks:  # words met for the first time
            seen = self._seen_token
            looks = [look or seen(word) for look, word in zip(looks, words)]
        start_pad, end_pad = self._pads
        padded = [start_pad, start_pad, *(near for _, near in looks), end_pad, end_pad]
        shared = self._unit_wide(text, unit, previous)
        positions = self._positions(n)
        # Content and source sit on either side of a cue: the signed distance to the nearest one says which.
        if verb_at:
            sides = self._sides(n, verb_at)
        else:
            sides = [self._fixed["no_verb"]] * n
        sequence = [[*own, *shared, *positions[i], *padded[i][0], *padded[i + 1][1], *padded[i + 3][2],
                     *padded[i + 4][3], *sides[i]] for i, (own, _) in enumerate(looks)]
        self._add_marks(sequence, unit, lows, inside, verb_at, first_verb)
        self._add_bigrams(sequence, lows)
        return sequence

    def _add_marks(self, sequence: list[list], unit: Unit, lows: list[str], inside: list[bool],
                   verb_at: list[int], first_verb: int) -> None:
        """The features few tokens have (quotes, "that", clause breaks, "according to"), each family in turn."""
        tokens, fixed, n = unit.tokens, self._fixed, len(sequence)
        if unit.quotes:
            for i in [i for i, flag in enumerate(inside) if flag]:
                sequence[i] += fixed["in_quote"]
        quote_marks = [i for i, t in enumerate(tokens) if t.text in QUOTE_MARK_TEXTS]
        if quote_marks:
            quote_starts, quote_ends = {q.start for q in unit.quotes}, {q.end for q in unit.quotes}
            for i in quote_marks:
                token = tokens[i]
                sequence[i] += fixed["quote_open" if token.start in quote_starts else
                                     "quote_close" if token.end in quote_ends else "quote_mark"]
        if "that" in lows:
            that_follows = sorted({i for at, low in enumerate(lows) if low == "that" for i in range(at - 3, at) if i >= 0})
            for i in that_follows:
                sequence[i] += fixed["that_follows"]
        breaks = _clause_breaks(lows, self._verbs, inside)
        if breaks:  # how many clauses since the first cue: the content's own, or one after it
            seen_breaks = 0
            for i in range(min(breaks), n):
                if i in breaks:
                    sequence[i] += fixed["clause_break"]
                    if i > first_verb:
                        seen_breaks += 1
                if seen_breaks:
                    sequence[i] += fixed["past_break" if seen_breaks == 1 else "past_break2"]
        for i in range(_that_clause(lows, verb_at) + 1, n):  # "said that ...": the content, up to a clause break
            sequence[i] += fixed["that_clause"]
        # A quote's edge is where a content begins or ends; "said" just before it, its cue.
        if quote_marks:
            for i, name in _quote_distances(n, quote_marks, inside):
                sequence[i] += fixed[name]
        if "according" in lows:
            for i in [i for i, low in enumerate(lows[:-1]) if low == "according" and lows[i + 1] == "to"]:
                sequence[i] += fixed["according_to"]

    def _add_bigrams(self, sequence: list[list], lows: list[str]) -> None:
        """Each word pair's features: on its second token ("bigram="), then on its first ("bigram+=")."""
        if self.known is None:
            pairs = list(zip(lows, lows[1:]))
            for i, (first, second) in enumerate(pairs, 1):
                sequence[i].append(f"bigram={first}|{second}")
            for i, (first, second) in enumerate(pairs):
                sequence[i].append(f"bigram+={first}|{second}")
            return
        known, last = self._bigrams, len(lows) - 1
        for i in [i for i, low in enumerate(lows) if low in known]:
            if i < last:
                features = known[lows[i]].get(lows[i + 1])
                if features is not None:
                    sequence[i + 1] += features[0]
                    sequence[i] += features[1]


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


def _quote_distances(n: int, marks: list[int], inside: list[bool]) -> list[tuple[int, str]]:
    """For each token outside quotes and not a mark: the nearest quote mark's side and distance in tokens
    (1, 2, 4, 8 or far), as a feature name; the mark before wins a tie."""
    found, at = [], 0
    for i in range(n):
        while at < len(marks) and marks[at] <= i:
            at += 1
        if inside[i] or (at and marks[at - 1] == i):
            continue
        before = i - marks[at - 1] if at else 99
        after = marks[at] - i if at < len(marks) else 99
        d, side = (before, "<") if before <= after else (after, ">")
        found.append((i, "qdist=far" if d > 8 else f"qdist={side}{1 if d <= 1 else 2 if d <= 2 else 4 if d <= 4 else 8}"))
    return found


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


@lru_cache(maxsize=None)
def _all_features() -> FeatureMaker:
    return FeatureMaker()


def unit_features(text: str, unit: Unit, previous: Unit | None = None) -> list[list[str]]:
    """Every feature of each token of `unit` (what training reads); `previous` is the unit before it."""
    return _all_features().unit_features(text, unit, previous)
