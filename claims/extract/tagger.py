"""A CRF sequence tagger for attributions: the learned counterpart of the rules in attribution.py.

Each unit (the same units the rules read, see text_units.py) is one sequence; each token gets a BIO tag
over three roles: Content (C), Source (S) and Cue (Q). `tag_claims` turns the tags back into claims.
The model is trained on PolNeAR train by `python -m claims.train_tagger` and shipped as
claims/data/attribution.crfsuite; it is loaded lazily, the first time a document is tagged.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from claims.extract.content import claim_kind, trim_content
from claims.extract.subjects import unit_subject
from claims.extract.features import QUOTE_MARK_TEXTS, FeatureMaker
from claims.extract.lexicon import reporting_verbs
from claims.extract.mentions import make_mention, scan_back, scan_forward
from claims.extract.text_units import TEXT_OF, Token, Unit, token_span
from claims.model import Claim, Span, claim_text

MODEL_NAME = "attribution.crfsuite"
# A content needs a word of its own: a lone tagged comma or "that" is noise, not a statement.
MIN_CONTENT_WORDS = 2
# A content with a quote mark ends before the first token (after its first two) that the CRF tags content
# with a marginal under this: an unsure tail is most often a clause running on past the quote. On PolNeAR
# dev (model of this commit) 0.4 took direct F1 from 87.1 to 87.8 (0.3: 87.3, 0.5: 87.3). Unquoted contents
# are left whole: cut at "protests X and | urges Y" they leave the rules' claim of "Y" standing alone
# (all-attributions F1 did not gain either: 69.6 against 69.5).
TAIL_SURE = 0.4
# An -ing cue after these is a verb of its own ("is labeling"), not a participle (see _participle).
BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"}


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


@lru_cache(maxsize=4)
def load_features(model_path: str | None = None) -> FeatureMaker:
    """The features the model weighs, and only those (see features.py)."""
    return FeatureMaker({attribute for attribute, _ in load_tagger(model_path).info().state_features})


def _runs(tags: list[str]) -> dict[str, list[tuple[int, int, bool]]]:
    """Each role's token ranges [a, b), and whether each goes on with the attribution before it (I- after a
    gap): all roles in one pass over the tags (a pass per role took 0.107 s on PolNeAR train, this 0.073)."""
    runs: dict[str, list[list]] = {"C": [], "S": [], "Q": []}
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        role_runs = runs[tag[2:]]
        if tag[0] == "I" and role_runs and role_runs[-1][1] == i:
            role_runs[-1][1] = i + 1
        else:
            role_runs.append([i, i + 1, tag[0] == "I"])
    return {role: [(a, b, goes_on) for a, b, goes_on in role_runs] for role, role_runs in runs.items()}


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
            if near_source and near_cue and _not_its_speaker(unit.tokens, cues[id(unit)], near_cue, near_source):
                near_source = None
            cue, source = (_span(text, unit.tokens, near_cue), _span(text, unit.tokens, near_source))
            if source is None and near_cue is not None:
                source = _rules_source(text, unit, near_cue)
            break
    quotes = [q for unit, _ in content.runs for q in unit.quotes]
    return Claim(kind=claim_kind(quotes, pieces), pieces=pieces, text=claim_text(text, pieces), speaker_mention=source,
                 cue=cue, confidence=sum(content.confidence) / len(content.confidence))


def _not_its_speaker(tokens: list[Token], cues: list[tuple[int, int]], cue: tuple[int, int],
                     source: tuple[int, int]) -> bool:
    return _listener(tokens, cue, source) or _relative_of_another_cue(tokens, cues, cue, source)


def _relative_of_another_cue(tokens: list[Token], cues: list[tuple[int, int]], cue: tuple[int, int],
                             source: tuple[int, int]) -> bool:
    """`Trump was defensive about an architect who said he was stiffed ..., saying, “...”`: a relative
    pronoun with another cue between it and this one is that cue's subject only (one more direct quote
    right on PolNeAR dev, one on train; any source with a cue between lost 37 on train: "X criticized A
    and said B")."""
    if tokens[source[0]].lower != "who" or source[1] - source[0] != 1:
        return False
    low, high = min(cue[1], source[1]), max(cue[0], source[0])
    return any(low <= a and b <= high for a, b in cues if (a, b) != cue)


def _listener(tokens: list[Token], cue: tuple[int, int], source: tuple[int, int]) -> bool:
    """`Trump reversed himself, telling CBS that ...`: what the CRF tags as the source after a cue that
    takes an object (tell, remind, assure) is who was told, not who spoke. On PolNeAR train the speaker
    before the cue was right instead in 4 more direct quotes (dev: no change)."""
    verb = reporting_verbs().get(tokens[cue[1] - 1].lower)
    return verb is not None and verb.takes_object and cue[1] <= source[0]


def _rules_source(text: str, unit: Unit, cue: tuple[int, int]) -> Span | None:
    """A cue the CRF found without its source: the rules' subject before it ("Ann Smith, the mayor, said"),
    else after it ("said Ann Smith"; but "told reporters" is who listened). The CRF tags sources next to
    their cue far better than ones an appositive keeps away. What follows a participle ("..., saying he
    would ...") opens its content: a participle's source is the subject of its clause (on PolNeAR train
    12 more attributions with their right source, 3 of them direct quotes; dev 1)."""
    tokens = unit.tokens
    verb = reporting_verbs().get(tokens[cue[1] - 1].lower)
    if _participle(tokens, cue[0]):
        mention = unit_subject(text, unit, cue[0])
        taken = None if mention else scan_back(tokens, cue[0])
    else:
        mention = None
        after = not (verb and verb.takes_object)
        taken = scan_back(tokens, cue[0]) or (scan_forward(tokens, cue[1]) if after else None)
    mention = mention or (make_mention(text, taken) if taken else None)
    return Span.of(text, mention.start, mention.end) if mention else None


def _participle(tokens: list[Token], at: int) -> bool:
    """`..., saying`, `by telling`; not `is saying`."""
    return tokens[at].lower.endswith("ing") and (at == 0 or tokens[at - 1].lower not in BE_FORMS)


def _span(text: str, tokens: list[Token], run: tuple[int, int] | None) -> Span | None:
    return token_span(text, tokens, *run) if run is not None else None


def _quote_cut_by_its_cue(tags: list[str], tokens: list[Token], end: int, start: int) -> bool:
    """`“A,” Ann Smith said, “B.”`: a quote, its cue (and source), then a quote again, is one content in
    PolNeAR, even where the CRF begins the second piece anew."""
    gap = range(end, start)
    return (bool(gap) and tokens[end - 1].text in QUOTE_MARK_TEXTS and tokens[start].text in QUOTE_MARK_TEXTS
            and any(tags[i][2:] == "Q" for i in gap)
            and all(tags[i][2:] in ("Q", "S") or not tokens[i].is_word for i in gap))


def tag_claims(text: str, units: list[Unit], model_path: str | Path | None = None) -> list[Claim]:
    """The tagger's claims in `text`; speakers are left for the rules' resolver to name.

    B-C starts a content; I-C after a gap (a cue, the next sentence) goes on with the content before it:
    PolNeAR's contents are often cut by their cue ("“A,” he said, “B.”") or run over several sentences."""
    tagger = load_tagger(str(model_path) if model_path else None)
    features = load_features(str(model_path) if model_path else None)
    contents: list[_Content] = []
    cues: dict[int, list] = {}
    sources: dict[int, list] = {}
    previous: Unit | None = None
    # `units` stay alive meanwhile: cues and sources are looked up by id(unit)
    for unit in units:
        if not unit.tokens:
            continue
        tags = tagger.tag(features.unit_features(text, unit, previous))
        if tags.count("O") == len(tags):  # most units: no role at all
            cues[id(unit)], sources[id(unit)], previous = [], [], unit
            continue
        runs = _runs(tags)
        cues[id(unit)] = [(a, b) for a, b, _ in runs["Q"]]
        sources[id(unit)] = [(a, b) for a, b, _ in runs["S"]]
        for a, b, goes_on in runs["C"]:
            confidence = list(map(tagger.marginal, tags[a:b], range(a, b)))  # mapped: a fifth less than a loop
            quoted = not QUOTE_MARK_TEXTS.isdisjoint(map(TEXT_OF, unit.tokens[a:b]))
            unsure = next((k for k in range(2, len(confidence)) if quoted and confidence[k] < TAIL_SURE), None)
            if unsure is not None:
                b, confidence = a + unsure, confidence[:unsure]
            last_unit = contents[-1].runs[-1][0] if contents else None
            if last_unit is unit and _quote_cut_by_its_cue(tags, unit.tokens, contents[-1].runs[-1][1][1], a):
                goes_on = True
            if goes_on and last_unit is not None and (last_unit is unit or last_unit is previous):
                contents[-1].runs.append((unit, (a, b)))
                contents[-1].confidence += confidence
            else:
                contents.append(_Content(unit, (a, b), confidence))
        previous = unit
    return [claim for content in contents if (claim := _claim(text, content, cues, sources))]
