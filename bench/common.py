"""What the benchmark scripts share: a fresh process per run, CPU and memory figures, medians.

Imported as `common` by the scripts beside it (run as `.venv/bin/python bench/NAME.py`, their folder
is first on sys.path).
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_MODELS = SHARED / "stanza_resources"
# Extracted once before the clock starts, so that what the extractor sets up lazily (word lists, the tagger's
# model, the first-name lexicon "she" asks for, torch's first call) counts as loading, not as extraction.
WARM_UP = '"We will win," Senator Jane Smith said on Monday. "We have the votes," she added.'


def use_shared_models() -> None:
    """Point stanza at ../shared/stanza_resources unless told otherwise (children inherit it)."""
    if "STANZA_RESOURCES_DIR" not in os.environ and SHARED_MODELS.is_dir():
        os.environ["STANZA_RESOURCES_DIR"] = str(SHARED_MODELS)


def busy_cpu_seconds() -> float:
    """CPU time all processes have used since boot (Linux /proc/stat), to see others' load."""
    with open("/proc/stat") as stat:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, stat.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def cpu_seconds() -> float:
    """This process's CPU time and that of its finished children (the --workers processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_mb(*who: int) -> float:
    """Peak RSS in MB of this process (RUSAGE_SELF, the default) or of the largest of its finished
    children (RUSAGE_CHILDREN: each --workers process has its own); the largest of several `who`."""
    # Linux reports ru_maxrss in KiB.
    return max(resource.getrusage(w).ru_maxrss for w in (who or (resource.RUSAGE_SELF,))) / 1024


def run_child(command: list[str]) -> dict:
    """Run `command` (a fresh process, in the checkout) and return the JSON object on the last line
    of its output. RuntimeError with the last line of its stderr when it fails."""
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def medians(runs: list[dict]) -> dict:
    """Each numeric figure's median over the runs (a figure no run measured stays None; labels go)."""
    figures = {}
    for key in runs[0]:
        values = [run[key] for run in runs]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            figures[key] = statistics.median(values)
        elif all(v is None for v in values):
            figures[key] = None
    return figures


def add_build_arguments(parser, corpus: Path, metadata: Path) -> None:
    """The options of a script that builds its database by ingesting a folder unless --db names one."""
    parser.add_argument("--corpus", type=Path, default=corpus, help="without --db: the folder to ingest")
    parser.add_argument("--metadata", type=Path, default=metadata,
                        help="without --db: its metadata table ('' for none)")
    parser.add_argument("--limit", type=int, help="without --db: only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")


def parse_build_arguments(parser):
    """parser.parse_args(), with --repeat checked, an empty --metadata meaning none, and args.log where the
    report goes (stderr when the figures go to stdout as JSON)."""
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.metadata is not None and str(args.metadata) in ("", "."):
        args.metadata = None
    args.log = sys.stderr if args.json else sys.stdout
    return args
