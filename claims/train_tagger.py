"""Train the attribution tagger (claims/extract/tagger.py) on PolNeAR gold.

    python -m claims.train_tagger --train ../shared/polnear/train --out claims/data/attribution.crfsuite

Each unit of each training article becomes one sequence: the tagger's features, and BIO labels over
Content, Source and Cue taken from the gold spans (a token takes a role when it overlaps one of its spans).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

from claims.brat import GoldAttribution, GoldDocument, load_gold
from claims.extract.segment import fast_sentences
from claims.extract.features import unit_features
from claims.extract.text_units import Unit, document_units

# When roles overlap, content wins: in PolNeAR a source or cue never lies inside another attribution's
# content, so this only settles the odd annotation slip, and keeps a content in one piece.
ROLE_ORDER = (("C", "content"), ("S", "source"), ("Q", "cue"))


def unit_labels(unit: Unit, attributions: list[GoldAttribution]) -> list[str]:
    """BIO labels of the unit's tokens. B- marks the first token of an attribution's span; I- any later one,
    also after a gap, so that a content cut by its cue or running on from the previous unit reads as one
    attribution (the decoder in tagger.py joins it back)."""
    owner: list[tuple[str, GoldAttribution] | None] = [None] * len(unit.tokens)
    for role, field in ROLE_ORDER:
        for attribution in attributions:
            for start, end in getattr(attribution, field) or ():
                if end <= unit.start or start >= unit.end:
                    continue
                for i, token in enumerate(unit.tokens):
                    if owner[i] is None and token.start < end and start < token.end:
                        owner[i] = (role, attribution)
    labels = []
    for token, mark in zip(unit.tokens, owner):
        if mark is None:
            labels.append("O")
            continue
        role, attribution = mark
        ranges = getattr(attribution, dict(ROLE_ORDER)[role])
        labels.append(f"{'I' if ranges[0][0] < token.start else 'B'}-{role}")
    return labels


def document_sequences(document: GoldDocument):
    """(features, labels) for each non-empty unit of one gold article."""
    previous = None
    for unit in document_units(document.text, fast_sentences(document.text)):
        if unit.tokens:
            yield unit_features(document.text, unit, previous), unit_labels(unit, document.attributions)
            previous = unit


def train(train_dir: str | Path, out: str | Path, c1: float = 4.0, c2: float = 0.01,
          max_iterations: int = 150, minfreq: int = 3, limit: int | None = None) -> dict:
    """Train and write the model; returns what the run took (documents, sequences, seconds, bytes)."""
    documents = list(load_gold(train_dir).values())[:limit]
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    sequences = 0
    for document in documents:
        for features, labels in document_sequences(document):
            trainer.append(features, labels)
            sequences += 1
    # minfreq drops rare features (single-use words and bigrams): most of the model's size, little of its skill.
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.minfreq": minfreq,
                        "feature.possible_transitions": True})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"documents": len(documents), "sequences": sequences,
            "seconds": round(time.perf_counter() - started, 1), "bytes": Path(out).stat().st_size}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the CRF attribution tagger on PolNeAR gold.")
    parser.add_argument("--train", required=True, help="gold directory (text/, attributions/)")
    parser.add_argument("--out", required=True, help="where to write the .crfsuite model")
    parser.add_argument("--c1", type=float, default=4.0,
                        help="L1 regularisation (chosen on PolNeAR dev: 2 -> all-attributions F1 68.2, 3 -> 68.7, 4 -> 68.8)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 regularisation")
    parser.add_argument("--max-iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=int, default=3, help="drop features seen fewer times than this")
    parser.add_argument("--limit", type=int, help="train on the first N documents only (quick runs)")
    args = parser.parse_args(argv)
    run = train(args.train, args.out, args.c1, args.c2, args.max_iterations, args.minfreq, args.limit)
    print(f"trained on {run['documents']} documents ({run['sequences']} sequences) in {run['seconds']} s; "
          f"model {args.out}: {run['bytes'] / 2**20:.2f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
