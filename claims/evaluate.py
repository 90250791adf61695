"""Scoring extractor predictions against attribution gold.

A prediction matches a gold attribution when their characters overlap by at least half
of each one's length; matching is one-to-one, greedy, largest overlap first. Two blocks
are scored: "direct" (quoted gold vs. direct and mixed predictions) and "all".
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Callable

from claims.brat import GoldAttribution, GoldDocument, load_gold, span_text

QUOTE_KINDS = ("direct", "mixed")
# Lower bounds of the confidence bands precision is given for (see confidence_bands).
CONFIDENCE_BANDS = (0.0, 0.5, 0.7, 0.9)


def prediction_ranges(prediction: dict) -> tuple[tuple[int, int], ...]:
    if prediction.get("spans"):
        return tuple((start, end) for start, end in prediction["spans"])
    return ((prediction["start"], prediction["end"]),)


def characters(ranges) -> frozenset[int]:
    return frozenset(i for start, end in ranges for i in range(start, end))


def match(golds: list[GoldAttribution], predictions: list[dict]) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs, one-to-one, largest overlap first."""
    gold_chars = [characters(gold.content) for gold in golds]
    prediction_chars = [characters(prediction_ranges(p)) for p in predictions]
    candidates = []
    for g, gold in enumerate(gold_chars):
        for p, predicted in enumerate(prediction_chars):
            overlap = len(gold & predicted)
            if overlap and 2 * overlap >= len(gold) and 2 * overlap >= len(predicted):
                candidates.append((-overlap, g, p))
    pairs, used_gold, used_prediction = [], set(), set()
    for _, g, p in sorted(candidates):
        if g not in used_gold and p not in used_prediction:
            pairs.append((g, p))
            used_gold.add(g)
            used_prediction.add(p)
    return sorted(pairs)


def mention_overlaps(mention: dict | None, ranges) -> bool:
    return mention is not None and any(
        mention["start"] < end and start < mention["end"] for start, end in ranges)


def source_is_right(gold: GoldAttribution, prediction: dict) -> bool:
    """Right speaker: the mention overlaps the gold Source, or both say there is none."""
    mention = prediction.get("speaker_mention")
    if gold.source is None:
        return mention is None
    return mention_overlaps(mention, gold.source)


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def block_scores(documents: list[tuple[str, list, list, list]]) -> dict:
    """Scores of one block from (stem, golds, predictions, matched pairs) per document."""
    gold_count = predicted_count = matched = with_source = source_correct = attributed = 0
    for _, golds, predictions, pairs in documents:
        gold_count += len(golds)
        predicted_count += len(predictions)
        matched += len(pairs)
        for g, p in pairs:
            gold, prediction = golds[g], predictions[p]
            if gold.source is not None:
                with_source += 1
                source_correct += mention_overlaps(prediction.get("speaker_mention"), gold.source)
            attributed += source_is_right(gold, prediction)
    both = gold_count + predicted_count
    return {
        "gold": gold_count, "predicted": predicted_count, "matched": matched,
        "precision": percent(matched, predicted_count),
        "recall": percent(matched, gold_count),
        "f1": percent(2 * matched, both),
        "matched_with_source": with_source, "source_correct": source_correct,
        "source_accuracy": percent(source_correct, with_source),
        "attributed_matched": attributed,
        "attributed_precision": percent(attributed, predicted_count),
        "attributed_recall": percent(attributed, gold_count),
        "attributed_f1": percent(2 * attributed, both),
    }


def block_inputs(gold: dict[str, GoldDocument], predictions: dict[str, list[dict]],
                 quotes_only: bool) -> list[tuple[str, list, list, list]]:
    """Per document: its stem, the block's golds and predictions, and their matched pairs."""
    check_documents(gold, predictions)
    documents = []
    for stem, document in gold.items():
        golds = [a for a in document.attributions if a.quoted or not quotes_only]
        predicted = [p for p in predictions.get(stem, [])
                     if p["kind"] in QUOTE_KINDS or not quotes_only]
        documents.append((stem, golds, predicted, match(golds, predicted)))
    return documents


def check_documents(gold: dict[str, GoldDocument], predictions: dict[str, list[dict]]) -> None:
    unknown = sorted(set(predictions) - set(gold))
    if unknown:
        raise ValueError(f"predictions for documents not in the gold: {', '.join(unknown[:3])}")


def confidence_bands(documents: list[tuple[str, list, list, list]]) -> list[dict]:
    """Precision per band of the predictions' confidence (CONFIDENCE_BANDS): how far a claim of each band
    may be trusted. Predictions without a confidence (another tool's) are left out."""
    bands = [{"from": low, "to": high, "predicted": 0, "matched": 0, "attributed_matched": 0}
             for low, high in zip(CONFIDENCE_BANDS, (*CONFIDENCE_BANDS[1:], 1.0))]
    for _, golds, predictions, pairs in documents:
        gold_of = {p: g for g, p in pairs}
        for p, prediction in enumerate(predictions):
            if prediction.get("confidence") is None:
                continue
            band = bands[max(0, bisect_right(CONFIDENCE_BANDS, prediction["confidence"]) - 1)]
            band["predicted"] += 1
            if p in gold_of:
                band["matched"] += 1
                band["attributed_matched"] += source_is_right(golds[gold_of[p]], prediction)
    for band in bands:
        band["precision"] = percent(band["matched"], band["predicted"])
        band["attributed_precision"] = percent(band["attributed_matched"], band["predicted"])
    return bands


def score(gold: dict[str, GoldDocument], predictions: dict[str, list[dict]]) -> dict:
    """The "direct" and "all" blocks, precision by confidence in each, and the document count. Missing
    documents count as empty."""
    direct = block_inputs(gold, predictions, quotes_only=True)
    every = block_inputs(gold, predictions, quotes_only=False)
    return {
        "direct": block_scores(direct),
        "all": block_scores(every),
        "by_confidence": {"direct": confidence_bands(direct), "all": confidence_bands(every)},
        "documents": len(gold),
    }


def predict(gold: dict[str, GoldDocument],
            extract_all: Callable[[list[str]], list[list[dict]]]) -> dict[str, list[dict]]:
    """Predictions per document; `extract_all` gets every text at once (the stanza path batches them)."""
    texts = [document.text for document in gold.values()]
    return dict(zip(gold, extract_all(texts)))


def evaluate(gold_dir: str | Path, extract_all: Callable[[list[str]], list[list[dict]]]) -> dict:
    gold = load_gold(gold_dir)
    return score(gold, predict(gold, extract_all))


def summary_line(report: dict) -> str:
    direct, every = report["direct"], report["all"]
    return (f"direct P {direct['precision']:.1f} R {direct['recall']:.1f} F1 {direct['f1']:.1f}"
            f" | source acc {direct['source_accuracy']:.1f}"
            f" | attributed F1 {direct['attributed_f1']:.1f}"
            f" || all P {every['precision']:.1f} R {every['recall']:.1f} F1 {every['f1']:.1f}"
            f" ({report['documents']} documents)")


def error_report(gold: dict[str, GoldDocument], predictions: dict[str, list[dict]]) -> list[dict]:
    """What went wrong in the "all" block, one entry per document that has any error."""
    report = []
    for stem, golds, predicted, pairs in block_inputs(gold, predictions, quotes_only=False):
        text = gold[stem].text
        matched_gold = {g for g, _ in pairs}
        matched_predictions = {p for _, p in pairs}
        missed = [{"start": attribution.content[0][0],
                   "text": span_text(text, attribution.content),
                   "source": source_text(text, attribution), "quoted": attribution.quoted}
                  for g, attribution in enumerate(golds) if g not in matched_gold]
        spurious = [{"start": prediction["start"],
                     "text": span_text(text, prediction_ranges(prediction)),
                     "kind": prediction["kind"]}
                    for p, prediction in enumerate(predicted) if p not in matched_predictions]
        wrong_source = [{"start": golds[g].content[0][0],
                         "text": span_text(text, golds[g].content),
                         "gold_source": source_text(text, golds[g]),
                         "predicted_source":
                             mention_text(text, predicted[p].get("speaker_mention"))}
                        for g, p in pairs if not source_is_right(golds[g], predicted[p])]
        if missed or spurious or wrong_source:
            report.append({"document": stem, "missed": missed, "spurious": spurious,
                           "wrong_source": wrong_source})
    return report


def source_text(text: str, gold: GoldAttribution) -> str | None:
    return span_text(text, gold.source) if gold.source else None


def mention_text(text: str, mention: dict | None) -> str | None:
    if mention is None:
        return None
    return mention.get("text") or text[mention["start"]:mention["end"]]
