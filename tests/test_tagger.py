"""The CRF attribution tagger: the shipped model, the claims it decodes, and a small training run."""
from __future__ import annotations

import pytest

from claims.brat import load_gold
from claims.extract.features import shape, unit_features
from claims.extract.segment import fast_sentences
from claims.extract.tagger import load_features, load_tagger, tag_claims
from claims.extract.text_units import document_units
from claims.model import KINDS
from claims.train_tagger import train, unit_labels

PARAGRAPH = "Ann Smith, the mayor, said on Monday that the city would raise taxes."

TEXTS = [
    PARAGRAPH,
    "“We will not back down,” the senator said. She added that the vote, in her words, was “a disgrace.”\n"
    "According to officials, the plan, which costs $5 billion, will be delayed.",
    "The campaign declined to comment.\n\n  Trump told reporters on Tuesday:   \n"
    "“It’s going to be tremendous. Believe me.”\n",
    "",
    "No one said anything here at all",
]


def _claims(text):
    return tag_claims(text, document_units(text, fast_sentences(text)))


@pytest.mark.parametrize("word, expected", [
    ("Blinken", "Xx"), ("U.S.", "X.X."), ("2016", "d"), ("Tae-yul", "Xx-x"), ("O’Malley", "X’Xx"),
    ("iPhone", "xXx"), ("١٩٤٨", "d"), ("Zürich", "Xüx"), ("", "")])
def test_word_shapes_are_what_the_model_was_trained_on(word, expected):
    # ASCII letters only, digits of any script: the shipped model's shapes (a different shape is an
    # unknown feature, silently weighing nothing)
    assert shape(word) == expected


def test_shipped_model_loads():
    tagger = load_tagger()
    assert {"B-C", "I-C", "B-S", "B-Q", "O"} <= set(tagger.labels())


def test_handmade_paragraph_gives_an_indirect_claim():
    claims = _claims(PARAGRAPH)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.kind == "indirect"
    assert claim.text.startswith("that")
    assert claim.text.rstrip(".").endswith("raise taxes")
    # The source is the name with its apposition ("Ann Smith, the mayor,"), as PolNeAR marks it; the
    # tagger may take all of it or a part, never anything outside it.
    source = PARAGRAPH.index("Ann Smith"), PARAGRAPH.index(" said")
    mention = claim.speaker_mention
    assert mention is not None and source[0] <= mention.start < mention.end <= source[1]
    assert claim.cue is not None and "said" in claim.cue.text
    assert claim.speaker is None  # naming the speaker is the resolver's job, not the tagger's
    assert 0.0 < claim.confidence <= 1.0


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_give_the_text_back(text):
    for claim in _claims(text):
        assert claim.kind in KINDS
        assert claim.text == " ".join(text[a:b] for a, b in claim.pieces)
        for a, b in claim.pieces:
            assert 0 <= a < b <= len(text)
            assert text[a] not in " ,;" and text[b - 1] not in " ,;"  # trimmed like the rules' contents
        for span in (claim.speaker_mention, claim.cue):
            if span is not None:
                assert text[span.start:span.end] == span.text


def test_a_quote_on_its_own_is_direct():
    text = "“We will not back down, whatever they say to us,” the senator said."
    claims = _claims(text)
    assert claims and claims[0].kind == "direct"
    assert claims[0].text.startswith("“") and claims[0].text.endswith("”")


def test_a_quote_cut_by_its_cue_is_one_content_in_two_pieces():
    text = "“We will win this race,” Ann Smith said, “because our opponents have no plan.”"
    (claim,) = _claims(text)
    assert claim.pieces == [(0, text.index(" Ann")), (text.index("“because"), len(text))]


def test_the_model_s_own_features_tag_as_all_features_do(shared_dir):
    """Tagging passes only the features the model weighs: tags and confidences must not change."""
    tagger, known = load_tagger(), load_features()
    text = sorted((shared_dir / "polnear" / "dev" / "text").glob("*.txt"))[0].read_text(encoding="utf-8")
    units = [u for u in document_units(text, fast_sentences(text)) if u.tokens]
    previous, compared = None, 0
    for unit in units:
        every, weighed = unit_features(text, unit, previous), known.unit_features(text, unit, previous)
        assert all({f.decode() for f in w} <= set(e) for w, e in zip(weighed, every))
        assert sum(map(len, weighed)) < sum(map(len, every))
        tags = tagger.tag(every)
        marginals = [tagger.marginal(tag, i) for i, tag in enumerate(tags)]
        assert tagger.tag(weighed) == tags
        assert [tagger.marginal(tag, i) for i, tag in enumerate(tags)] == pytest.approx(marginals)
        previous, compared = unit, compared + len(tags)
    assert compared > 200


def test_labels_follow_the_gold_spans(shared_dir):
    document = next(iter(load_gold(shared_dir / "polnear" / "train").values()))
    units = document_units(document.text, fast_sentences(document.text))
    labelled = [(unit, unit_labels(unit, document.attributions)) for unit in units if unit.tokens]
    assert all(len(labels) == len(unit.tokens) for unit, labels in labelled)
    every = [label for _, labels in labelled for label in labels]
    assert {"B-C", "I-C", "B-S", "B-Q"} <= set(every)
    # gold cues start with a B-Q token (bar the odd cue the annotator let overlap a content: content wins)
    starts = {unit.tokens[i].start for unit, labels in labelled for i, l in enumerate(labels) if l == "B-Q"}
    cues = [a.cue for a in document.attributions if a.cue]
    found = sum(any(cue[0][0] <= s < cue[0][1] for s in starts) for cue in cues)
    assert found >= 0.9 * len(cues)


def test_a_tiny_training_run_gives_a_loadable_model(shared_dir, tmp_path):
    out = tmp_path / "tiny.crfsuite"
    run = train(shared_dir / "polnear" / "train", out, max_iterations=20, minfreq=1, limit=5)
    assert run["documents"] == 5 and out.stat().st_size == run["bytes"] > 0
    claims = tag_claims(PARAGRAPH, document_units(PARAGRAPH, fast_sentences(PARAGRAPH)), model_path=out)
    assert isinstance(claims, list)
    tagger = load_tagger(str(out))
    unit = document_units(PARAGRAPH, fast_sentences(PARAGRAPH))[0]
    assert len(tagger.tag(unit_features(PARAGRAPH, unit))) == len(unit.tokens)
