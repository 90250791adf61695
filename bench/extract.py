"""Benchmark the extraction paths: speed, claims found and peak memory, one fresh process per run.

    .venv/bin/python bench/extract.py [--nlp fast stanza] [--runs 3] [--corpus DIR] [--limit N] [--json]

Each run of each path is a child process (this script with --child) that reads the texts, loads the
extractor and warms it up on one sentence (timed as "load s"), then times extraction alone. Its peak
RSS (ru_maxrss of RUSAGE_SELF) is that path's alone: interpreter, imports, models, texts and work.
Figures are per run, then the median over the runs. Runs alternate between the paths so slow drifts
hit both alike; "others' cpu" is the CPU time other processes took meanwhile: if large, the run was
disturbed.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from common import SHARED, WARM_UP, busy_cpu_seconds, cpu_seconds, peak_mb, run_child, use_shared_models
from common import medians as median_figures

DEFAULT_CORPUS = SHARED / "polnear" / "train" / "text"
PATHS = ("fast", "stanza")
FIGURES = ("articles/s", "words/s", "claims", "peak MB", "load s")


def read_corpus(corpus: Path, limit: int | None) -> list[str]:
    from claims.reading import read_text  # decoded exactly as `claims extract` decodes input
    files = sorted(corpus.glob("*.txt"))[:limit]
    if not files:
        sys.exit(f"no .txt files in {corpus}")
    return [read_text(f) for f in files]


def child(nlp: str, corpus: Path, limit: int | None, torch_threads: int | None, workers: int) -> None:
    """Measure one path once and print its figures as one JSON line."""
    texts = read_corpus(corpus, limit)
    base_mb = peak_mb()
    if torch_threads:
        import torch
        torch.set_num_threads(torch_threads)
    from claims.extract import load_extractor

    start = time.perf_counter()
    extractor = load_extractor(nlp)
    extractor.extract(WARM_UP)  # lazy set-up counts as load (see common.WARM_UP)
    load_s = time.perf_counter() - start

    cpu, busy, start = cpu_seconds(), busy_cpu_seconds(), time.perf_counter()
    # The way `claims extract` runs: documents in batches (stanza tokenizes a batch at once).
    documents = ((str(i), text, None) for i, text in enumerate(texts))
    claims = sum(len(found) for _, found, _ in extractor.extract_documents(documents, workers=workers))
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    others = max(0.0, busy_cpu_seconds() - busy - cpu)  # other processes competing for the cores
    words = sum(len(text.split()) for text in texts)

    print(json.dumps({
        "path": extractor.name, "articles": len(texts), "words": words,
        "seconds": seconds, "cpu s": cpu, "articles/s": len(texts) / seconds,
        "words/s": words / seconds, "claims": claims,
        # with --workers, the largest of this process and its workers (each has its own)
        "peak MB": peak_mb(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN),
        "base MB": base_mb, "load s": load_s, "others cpu s": others,
    }))


def run_once(nlp: str, args) -> dict:
    command = [sys.executable, __file__, "--child", nlp, "--corpus", str(args.corpus)]
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    if args.torch_threads:
        command += ["--torch-threads", str(args.torch_threads)]
    command += ["--workers", str(args.workers)]
    return run_child(command)


def show(label: str, figures: dict) -> str:
    return (f"{label:<14} {figures['articles/s']:>9.1f} art/s {figures['words/s']:>10.0f} words/s "
            f"{figures['claims']:>6.0f} claims  peak {figures['peak MB']:>6.0f} MB  "
            f"load {figures['load s']:>5.2f} s  extract {figures['seconds']:>6.2f} s  "
            f"cpu {figures['cpu s']:>6.1f} s  others' cpu {figures['others cpu s']:>5.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nlp", nargs="+", choices=PATHS, default=list(PATHS), help="paths to measure")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    parser.add_argument("--limit", type=int, help="only the first N articles (sorted by name)")
    parser.add_argument("--runs", type=int, default=3, help="runs per path; the median is reported")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    parser.add_argument("--torch-threads", type=int, metavar="N",
                        help="tuning knob, off by default: torch.set_num_threads(N) in each child")
    parser.add_argument("--workers", type=int, default=1,
                        help="extraction processes, as `claims extract --workers` (peak MB is per process)")
    parser.add_argument("--child", choices=PATHS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    use_shared_models()  # inherited by the children
    if args.child:
        child(args.child, args.corpus, args.limit, args.torch_threads, args.workers)
        return 0

    log = sys.stderr if args.json else sys.stdout
    limit = "none" if args.limit is None else args.limit
    threads = args.torch_threads or "default"
    print(f"corpus {args.corpus}, limit {limit}, {args.runs} runs, torch threads {threads}, "
          f"workers {args.workers}", file=log)
    runs: dict[str, list[dict]] = {nlp: [] for nlp in args.nlp}
    failed = []
    for number in range(1, args.runs + 1):
        for nlp in args.nlp:
            if nlp in failed:
                continue
            try:
                runs[nlp].append(run_once(nlp, args))
            except RuntimeError as error:
                print(f"{nlp}: {error}", file=sys.stderr)
                failed.append(nlp)
                continue
            print(show(f"run {number} {nlp}", runs[nlp][-1]), file=log, flush=True)

    medians = {nlp: median_figures(results) for nlp, results in runs.items() if results}
    for nlp, figures in medians.items():
        print(show(f"median {nlp}", figures), file=log)
        if len({r["claims"] for r in runs[nlp]}) > 1:  # code edited mid-benchmark, or nondeterministic
            print(f"warning: {nlp} found different claim counts across runs", file=sys.stderr)
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "torch_threads": args.torch_threads,
                          "runs": runs, "median": medians}, indent=2))
    else:
        print(f"\n{'path':<8}" + "".join(f"{name:>12}" for name in FIGURES))
        for nlp, f in medians.items():
            print(f"{nlp:<8}{f['articles/s']:>12.1f}{f['words/s']:>12.0f}{f['claims']:>12.0f}"
                  f"{f['peak MB']:>12.0f}{f['load s']:>12.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
