import os
import re
from pathlib import Path

import pytest

from claims.brat import GoldAttribution, GoldError, load_gold, span_text
from claims.evaluate import error_report, evaluate, match, score, summary_line

GOLD_SMALL = Path(__file__).parent / "data" / "gold_small"


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_SMALL)


def locate(text, phrase):
    start = text.index(phrase)
    return start, start + len(phrase)


def prediction(text, phrase, kind="indirect", speaker=None, pieces=None):
    """A prediction record as the extractor prints it, found by its text in the document."""
    start, end = locate(text, phrase)
    record = {"kind": kind, "start": start, "end": end, "text": phrase, "speaker_mention": None}
    if pieces:
        record["spans"] = [list(locate(text, piece)) for piece in pieces]
    if speaker:
        mention_start, mention_end = locate(text, speaker)
        record["speaker_mention"] = {"start": mention_start, "end": mention_end, "text": speaker}
    return record


def test_load_gold_reads_first_annotator_and_all_kinds_of_attribution(gold):
    assert list(gold) == ["alpha", "beta"]
    alpha = gold["alpha"]
    # alpha_b2.ann has a single attribution; alpha_a1.ann, first in sorted order, has four.
    assert len(alpha.attributions) == 4
    contents = [span_text(alpha.text, a.content) for a in alpha.attributions]
    assert contents == ["“We will win this race,”", "that taxes would fall next year",
                        "“The plan,” “is dead.”", "the vote had been delayed again"]
    assert [a.quoted for a in alpha.attributions] == [True, False, True, False]
    discontinuous = alpha.attributions[2]
    assert len(discontinuous.content) == 2
    assert span_text(alpha.text, discontinuous.source) == "Senator Bob Jones of Ohio"
    assert span_text(alpha.text, discontinuous.cue) == "told"
    without_source = alpha.attributions[3]
    assert without_source.source is None
    assert span_text(alpha.text, without_source.cue) == "It was reported"


def test_load_gold_skips_events_without_content_and_reads_spans_across_lines(gold):
    beta = gold["beta"]
    contents = [span_text(beta.text, a.content) for a in beta.attributions]
    assert contents == ["voters remain split", "“It is too early to say,”",
                        "that turnout\ncould be low"]


def test_load_gold_keeps_carriage_returns_so_offsets_match(tmp_path):
    text = "Headline\r\n\r\n“Hello,” she said.\r\n"
    start, end = locate(text, "“Hello,”")
    make_gold(tmp_path, {"doc": text}, {"doc_x": (
        f"T1\tContent {start} {end}\t“Hello,”\nT2\tCue {end + 5} {end + 9}\tsaid\n"
        "E1\tAttribution-no-source:T2 Content:T1 Cue:T2\n")})
    document = load_gold(tmp_path)["doc"]
    assert document.text == text
    assert span_text(document.text, document.attributions[0].content) == "“Hello,”"
    assert span_text(document.text, document.attributions[0].cue) == "said"


def perfect_predictions(gold):
    return {stem: [{"kind": "direct" if a.quoted else "indirect",
                    "start": a.content[0][0], "end": a.content[-1][1],
                    "spans": [list(r) for r in a.content],
                    "speaker_mention": ({"start": a.source[0][0], "end": a.source[0][1]}
                                        if a.source else None)}
                   for a in document.attributions]
            for stem, document in gold.items()}


def test_perfect_predictions_score_100(gold):
    report = score(gold, perfect_predictions(gold))
    assert report["documents"] == 2
    assert (report["all"]["gold"], report["all"]["matched"]) == (7, 7)
    assert (report["direct"]["gold"], report["direct"]["matched"]) == (3, 3)
    for block in ("direct", "all"):
        for key in ("precision", "recall", "f1", "source_accuracy", "attributed_f1"):
            assert report[block][key] == 100.0


def mixed_predictions(gold):
    """Five of seven gold found, one spurious, two with the wrong speaker."""
    alpha, beta = gold["alpha"].text, gold["beta"].text
    return {
        "alpha": [
            prediction(alpha, "“We will win this race,”", "direct", speaker="Senator Ann Smith"),
            prediction(alpha, "taxes would fall next year", speaker="Senator Ann Smith"),
            prediction(alpha, "the vote had been delayed again"),
            prediction(alpha, "Senate race heats up"),
        ],
        "beta": [
            prediction(beta, "voters remain split", speaker="the poll"),
            prediction(beta, "“It is too early to say,”", "mixed"),
        ],
    }


def test_scores_of_partly_right_predictions(gold):
    report = score(gold, mixed_predictions(gold))
    assert report["all"] == {
        "gold": 7, "predicted": 6, "matched": 5,
        "precision": 83.3, "recall": 71.4, "f1": 76.9,
        "matched_with_source": 4, "source_correct": 2, "source_accuracy": 50.0,
        "attributed_matched": 3,
        "attributed_precision": 50.0, "attributed_recall": 42.9, "attributed_f1": 46.2,
    }
    assert report["direct"] == {
        "gold": 3, "predicted": 2, "matched": 2,
        "precision": 100.0, "recall": 66.7, "f1": 80.0,
        "matched_with_source": 2, "source_correct": 1, "source_accuracy": 50.0,
        "attributed_matched": 1,
        "attributed_precision": 50.0, "attributed_recall": 33.3, "attributed_f1": 40.0,
    }
    assert summary_line(report) == (
        "direct P 100.0 R 66.7 F1 80.0 | source acc 50.0 | attributed F1 40.0"
        " || all P 83.3 R 71.4 F1 76.9 (2 documents)")


def test_error_report_lists_misses_spurious_and_wrong_speakers(gold):
    errors = error_report(gold, mixed_predictions(gold))
    alpha, beta = errors
    assert alpha["document"] == "alpha"
    assert [(m["text"], m["source"], m["quoted"]) for m in alpha["missed"]] == [
        ("“The plan,” “is dead.”", "Senator Bob Jones of Ohio", True)]
    assert [(s["text"], s["kind"]) for s in alpha["spurious"]] == [
        ("Senate race heats up", "indirect")]
    assert [(w["gold_source"], w["predicted_source"]) for w in alpha["wrong_source"]] == [
        ("The governor", "Senator Ann Smith")]
    assert [m["text"] for m in beta["missed"]] == ["that turnout\ncould be low"]
    assert beta["spurious"] == []
    assert [(w["gold_source"], w["predicted_source"]) for w in beta["wrong_source"]] == [
        ("a campaign aide", None)]
    assert error_report(gold, perfect_predictions(gold)) == []


def test_one_gold_matches_only_one_of_two_overlapping_predictions(gold):
    text = gold["alpha"].text
    golds = gold["alpha"].attributions[:1]
    near = prediction(text, "We will win this race", "direct")
    exact = prediction(text, "“We will win this race,”", "direct")
    assert match(golds, [near, exact]) == [(0, 1)]
    # Equal overlaps: the earlier prediction wins, every time.
    assert match(golds, [exact, dict(exact)]) == [(0, 0)]
    report = score({"alpha": gold["alpha"]}, {"alpha": [near, exact]})
    assert (report["direct"]["predicted"], report["direct"]["matched"]) == (2, 1)


def test_overlap_must_be_half_of_gold_and_half_of_prediction():
    gold = [GoldAttribution(content=((100, 110),), source=None, cue=None, quoted=False)]

    def matches(start, end):
        return match(gold, [{"kind": "indirect", "start": start, "end": end}]) == [(0, 0)]

    assert matches(100, 105)      # half the gold
    assert not matches(100, 104)
    assert matches(100, 120)      # the gold is half the prediction
    assert not matches(100, 121)
    assert not matches(110, 120)  # touching is not overlapping


def test_prediction_covering_gold_but_twice_as_long_does_not_match(gold):
    text = gold["beta"].text
    golds = gold["beta"].attributions[:1]  # "voters remain split"
    assert match(golds, [prediction(text, "the poll, voters remain split.")]) == [(0, 0)]
    assert match(golds, [prediction(text, "According to the poll, voters remain split.")]) == []


def test_discontinuous_prediction_is_scored_by_its_spans(gold):
    text = gold["alpha"].text
    golds = gold["alpha"].attributions[2:3]  # “The plan,” ... “is dead.”
    whole = ("“The plan,” Senator Bob Jones of Ohio told reporters in the capital on Tuesday,"
             " “is dead.”")
    with_spans = prediction(text, whole, "direct", pieces=["“The plan,”", "“is dead.”"])
    without_spans = prediction(text, whole, "direct")
    assert match(golds, [with_spans]) == [(0, 0)]
    assert match(golds, [without_spans]) == []


def test_speaker_needs_one_overlapping_character_or_agreement_on_no_source(gold):
    text = gold["alpha"].text
    predictions = [
        prediction(text, "“We will win this race,”", "direct", speaker="Smith said"),
        prediction(text, "that taxes would fall next year", speaker="governor"),
        prediction(text, "“The plan,”", "direct", speaker="reporters",
                   pieces=["“The plan,”", "“is dead.”"]),
        prediction(text, "the vote had been delayed again", speaker="The governor"),
    ]
    block = score({"alpha": gold["alpha"]}, {"alpha": predictions})["all"]
    assert block["matched"] == 4
    # Only matches whose gold has a Source count towards source accuracy.
    assert (block["matched_with_source"], block["source_correct"]) == (3, 2)
    assert block["source_accuracy"] == 66.7
    assert block["attributed_matched"] == 2
    assert block["attributed_f1"] == 50.0


def test_predictions_for_unknown_documents_are_refused(gold):
    with pytest.raises(ValueError, match="gamma"):
        score(gold, {"gamma": []})


def test_evaluate_runs_the_extractor_on_every_text(gold):
    perfect = perfect_predictions(gold)
    by_text = {document.text: perfect[stem] for stem, document in gold.items()}
    report = evaluate(GOLD_SMALL, lambda texts: [by_text[text] for text in texts])
    assert report["documents"] == 2
    assert report["all"]["f1"] == 100.0
    empty = evaluate(GOLD_SMALL, lambda texts: [[] for _ in texts])
    assert [empty["all"][key] for key in ("precision", "recall", "f1")] == [0.0, 0.0, 0.0]


def make_gold(root, texts, anns):
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "attributions").mkdir(exist_ok=True)
    for stem, text in texts.items():
        with open(root / "text" / f"{stem}.txt", "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    for name, content in anns.items():
        (root / "attributions" / f"{name}.ann").write_text(content, encoding="utf-8")


GOOD_ANN = ("T1\tContent 0 5\tHello\nT2\tCue 6 10\tsaid\n"
            "E1\tAttribution-no-source:T2 Content:T1 Cue:T2\n")


def one_ann(content):
    """A layout with one text, "Hello said", annotated by doc_x.ann."""
    return lambda root: make_gold(root, {"doc": "Hello said"}, {"doc_x": content})


@pytest.mark.parametrize("layout, message", [
    (lambda root: None, "does not exist"),
    (lambda root: root.mkdir(), "has no text/ folder"),
    (lambda root: (root / "text").mkdir(parents=True), "has no attributions/ folder"),
    (lambda root: make_gold(root, {"doc": "Hello said"}, {}), "no .ann files in"),
    (lambda root: make_gold(root, {}, {"doc_x": GOOD_ANN}), "no text file"),
    (lambda root: make_gold(root, {"doc": "Hello said"}, {"doc": GOOD_ANN}),
     "name is not <stem>_<annotator>.ann"),
    (one_ann("T1\tContent 0 5\tHello\nT2\tCue six 10\tsaid\n"), "doc_x.ann:2: malformed span line"),
    (one_ann("T1\tContent 0 50\tHello\n"), "doc_x.ann:1: range 0-50 outside the text"),
    (one_ann("T1\tQuote 0 5\tHello\n"), "doc_x.ann:1: unknown role 'Quote'"),
    (one_ann(GOOD_ANN + "E2\tAttribution:T2 Content:T9\n"),
     "doc_x.ann:4: event refers to unknown span T9"),
    (one_ann(GOOD_ANN + "E2\tContent=T1\n"), "doc_x.ann:4: malformed event argument"),
    (one_ann(GOOD_ANN + "Hello again\n"), "doc_x.ann:4: unrecognised line"),
])
def test_bad_gold_layouts_raise_gold_error(tmp_path, layout, message):
    root = tmp_path / "gold"
    layout(root)
    with pytest.raises(GoldError, match=re.escape(message)) as caught:
        load_gold(root)
    assert "\n" not in str(caught.value)


def test_real_polnear_dev(shared_dir):
    dev = shared_dir / "polnear" / "dev"
    if not dev.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{dev} is missing")
        pytest.skip(f"{dev} is missing")
    gold = load_gold(dev)
    assert len(gold) == 84
    attributions = [a for document in gold.values() for a in document.attributions]
    assert len(attributions) == 2192
    quoted = sum(a.quoted for a in attributions)
    assert 0.2 < quoted / len(attributions) < 0.45
    assert sum(a.source is None for a in attributions) > 0
    assert any(len(a.content) > 1 for a in attributions)


def test_precision_by_confidence_band(gold):
    predictions = mixed_predictions(gold)
    # alpha: found with its source; found, the wrong source; found, no source as in the gold; spurious.
    # beta: found with its source ("the poll"); found, but with no confidence (another tool's record): left out.
    for record, confidence in zip(predictions["alpha"] + predictions["beta"], (0.95, 0.9, 0.6, 0.3, 0.75, None)):
        record["confidence"] = confidence
    bands = score(gold, predictions)["by_confidence"]["all"]
    assert [(b["from"], b["to"], b["predicted"], b["matched"], b["attributed_matched"]) for b in bands] == [
        (0.0, 0.5, 1, 0, 0), (0.5, 0.7, 1, 1, 1), (0.7, 0.9, 1, 1, 1), (0.9, 1.0, 2, 2, 1)]
    assert [(b["precision"], b["attributed_precision"]) for b in bands] == [
        (0.0, 0.0), (100.0, 100.0), (100.0, 100.0), (100.0, 50.0)]
