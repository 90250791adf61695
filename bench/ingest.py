"""Benchmark ingestion into the claim store: documents/s, claims/s and peak memory, one fresh process
and one fresh database per run.

    .venv/bin/python bench/ingest.py [--nlp fast|stanza] [--workers N] [--runs 3] [--limit N]
        [--corpus DIR] [--metadata TABLE] [--db-url postgresql+psycopg://user:pw@host/db] [--json]

Each run is a child process (this script with --child) that loads the metadata table, opens the new
database (schema and topics) and loads the extractor, warming it up on one sentence (all timed as
"load s"), then times `claims.store.ingest.ingest` alone over the folder, as `claims ingest` runs it:
reading and parsing the files, duplicate checks, extraction, speakers, tags and one transaction per
document. The database is a SQLite file in a temporary folder, or with --db-url a database created
on that PostgreSQL server for the run and dropped after it. "writer MB" is the child's peak RSS (it
extracts too unless --workers > 1); "workers MB" the largest peak of its --workers processes.
"others' cpu" is the CPU time other processes took meanwhile; on PostgreSQL the time the database's
server processes took (when they run on this machine) is shown apart as "server cpu".

After the runs: the ten most-quoted speakers in the last run's database, and a re-ingest of the same
folder into that database (every document a duplicate), in a fresh process too.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from common import SHARED, WARM_UP, busy_cpu_seconds, cpu_seconds, medians, peak_mb, run_child, use_shared_models

DEFAULT_CORPUS = SHARED / "polnear" / "train" / "text"
DEFAULT_METADATA = SHARED / "polnear" / "metadata.tsv"
PATHS = ("fast", "stanza")
TOP_SPEAKERS = 10


def corpus_files(corpus: Path, limit: int | None) -> list[Path]:
    """The files `claims ingest DIR` would read (every format's suffixes, sorted), the first `limit`."""
    from claims.reading import text_files_in
    from claims.sources import SUFFIXES

    files = text_files_in(corpus, set().union(*SUFFIXES.values()))[:limit]
    if not files:
        sys.exit(f"no articles in {corpus}")
    return files


class ServerCpu:
    """CPU time used by the server processes of the store's PostgreSQL database, when they run on this
    machine (read from /proc); None on SQLite or for a remote server."""

    def __init__(self, store):
        self.engine = store.engine
        self.start = self._times()

    def _times(self) -> dict[int, float] | None:
        if self.engine.dialect.name != "postgresql":
            return None
        from sqlalchemy import text
        with self.engine.connect() as connection:
            pids = connection.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"))
            pids = list(pids.scalars())
        times = {}
        for pid in pids:
            try:
                if Path(f"/proc/{pid}/comm").read_text().strip() != "postgres":
                    continue  # a pid of another machine's server
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            times[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
        return times or None

    def used(self) -> float | None:
        end = self._times()
        if self.start is None or end is None:
            return None
        return sum(seconds - self.start.get(pid, 0.0) for pid, seconds in end.items())


def child(args) -> None:
    """Ingest the folder into args.db_url once and print the figures as one JSON line."""
    from sqlalchemy import func
    from sqlmodel import select

    from claims.extract import load_extractor
    from claims.sources import iter_sources
    from claims.sources.metadata import load_metadata
    from claims.store import ClaimStore
    from claims.store.ingest import ingest
    from claims.store.tables import Claim

    files = corpus_files(args.corpus, args.limit)
    if args.torch_threads:
        import torch
        torch.set_num_threads(args.torch_threads)

    start = time.perf_counter()
    table = load_metadata(args.metadata) if args.metadata else None
    store = ClaimStore(args.db_url)
    extractor = load_extractor(args.nlp)
    extractor.extract(WARM_UP)  # lazy set-up counts as load (see common.WARM_UP)
    load_s = time.perf_counter() - start

    server = ServerCpu(store)
    cpu, busy, start = cpu_seconds(), busy_cpu_seconds(), time.perf_counter()
    summary = ingest(store, iter_sources(files, metadata=table), extractor, workers=args.workers)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    server_cpu = server.used()
    others = max(0.0, busy_cpu_seconds() - busy - cpu - (server_cpu or 0.0))

    with store.session() as session:
        speakers = session.exec(select(func.count(func.distinct(Claim.speaker_id)))).one()
    store.close()
    documents = summary.new + summary.duplicate + summary.failed
    print(json.dumps({
        "path": extractor.name, "documents": documents, "new": summary.new, "duplicate": summary.duplicate,
        "failed": summary.failed, "claims": summary.claims, "speakers": speakers,
        "seconds": seconds, "documents/s": documents / seconds, "claims/s": summary.claims / seconds,
        "cpu s": cpu, "writer MB": peak_mb(),
        "workers MB": peak_mb(resource.RUSAGE_CHILDREN) if args.workers > 1 else None,
        "load s": load_s, "server cpu s": server_cpu, "others cpu s": others,
    }))


def child_command(db_url: str, nlp: str = "fast", corpus: Path = DEFAULT_CORPUS,
                  metadata: Path | None = DEFAULT_METADATA, limit: int | None = None, workers: int = 1,
                  torch_threads: int | None = None) -> list[str]:
    """The command of one run: ingest `corpus` into the existing `db_url`, print the figures as JSON."""
    command = [sys.executable, __file__, "--child", "--db-url", db_url, "--nlp", nlp, "--corpus", str(corpus),
               "--metadata", str(metadata or ""), "--workers", str(workers)]
    if limit is not None:
        command += ["--limit", str(limit)]
    if torch_threads:
        command += ["--torch-threads", str(torch_threads)]
    return command


@contextmanager
def fresh_database(server: str | None, folder: Path, number: int):
    """A URL to an empty database: a SQLite file in `folder`, or a database created on the PostgreSQL
    `server` (as tests/conftest.py does); removed when the block ends."""
    if server is None:
        path = folder / f"run{number}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        return
    from uuid import uuid4

    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server)
    name = f"claims_bench_{uuid4().hex[:12]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)  # libpq's URL
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def top_speakers(db_url: str, count: int = TOP_SPEAKERS) -> list[dict]:
    from claims.store import ClaimStore
    from claims.store.queries import list_speakers

    store = ClaimStore(db_url, migrate=False)
    try:
        with store.session() as session:
            return [{"name": s.name, "role": s.role, "claims": s.claims}
                    for s in list_speakers(session, limit=count)]
    finally:
        store.close()


def show(label: str, f: dict) -> str:
    workers = f" workers {f['workers MB']:>5.0f} MB" if f.get("workers MB") is not None else ""
    server = f"  server cpu {f['server cpu s']:>5.1f} s" if f.get("server cpu s") is not None else ""
    # A document the store refused is a bug to see, not a figure to average away.
    failed = f"  FAILED {f['failed']:.0f}" if f.get("failed") else ""
    return (f"{label:<14} {f['documents/s']:>7.1f} docs/s {f['claims/s']:>8.1f} claims/s{failed} "
            f"{f['claims']:>6.0f} claims {f['speakers']:>5.0f} speakers  writer {f['writer MB']:>5.0f} MB"
            f"{workers}  load {f['load s']:>5.2f} s  wall {f['seconds']:>6.2f} s  cpu {f['cpu s']:>6.1f} s"
            f"{server}  others' cpu {f['others cpu s']:>5.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nlp", choices=PATHS, default="fast", help="the extraction path")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes, as `claims ingest --workers`")
    parser.add_argument("--runs", type=int, default=3, help="runs, each into a fresh database; the median is reported")
    parser.add_argument("--limit", type=int, help="only the first N articles (sorted by name)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles")
    parser.add_argument("--metadata", type=Path, default=DEFAULT_METADATA,
                        help="metadata table (as `claims ingest --metadata`); '' for none")
    parser.add_argument("--db-url", help="a PostgreSQL server URL (its role may CREATE DATABASE); "
                                         "default: a SQLite file in a temporary folder")
    parser.add_argument("--torch-threads", type=int, metavar="N",
                        help="tuning knob, off by default: torch.set_num_threads(N) in each child")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.metadata is not None and str(args.metadata) in ("", "."):
        args.metadata = None
    use_shared_models()  # inherited by the children
    if args.child:
        child(args)
        return 0
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.db_url and not args.db_url.startswith("postgresql"):
        parser.error("--db-url takes a PostgreSQL server URL; without it each run uses a temporary SQLite file")

    from sqlalchemy.engine import make_url

    log = sys.stderr if args.json else sys.stdout
    where = make_url(args.db_url).render_as_string(hide_password=True) if args.db_url else "SQLite (temporary file)"
    print(f"corpus {args.corpus}, metadata {args.metadata or 'none'}, limit "
          f"{'none' if args.limit is None else args.limit}, {args.runs} runs, nlp {args.nlp}, "
          f"workers {args.workers}, database {where}", file=log, flush=True)

    def command(db_url: str) -> list[str]:
        return child_command(db_url, args.nlp, args.corpus, args.metadata, args.limit, args.workers,
                             args.torch_threads)

    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as folder:
        try:
            for number in range(1, args.runs + 1):
                with fresh_database(args.db_url, Path(folder), number) as db_url:
                    runs.append(run_child(command(db_url)))
                    print(show(f"run {number}", runs[-1]), file=log, flush=True)
                    if number == args.runs:  # the last run's database: its speakers, then a re-ingest into it
                        speakers = top_speakers(db_url)
                        reingest = run_child(command(db_url))
        except RuntimeError as error:
            print(f"{args.nlp}: {error}", file=sys.stderr)
            return 1

    median = medians(runs)
    print(show("median", median), file=log)
    if len({r["claims"] for r in runs}) > 1:  # code edited mid-benchmark, or nondeterministic
        print("warning: different claim counts across runs", file=sys.stderr)
    print(f"\n{'path':<8}{'workers':>8}{'docs/s':>10}{'claims/s':>10}{'claims':>9}{'speakers':>10}"
          f"{'writer MB':>11}{'workers MB':>12}{'wall s':>9}", file=log)
    workers_mb = "-" if median["workers MB"] is None else f"{median['workers MB']:.0f}"
    print(f"{args.nlp:<8}{args.workers:>8}{median['documents/s']:>10.1f}{median['claims/s']:>10.1f}"
          f"{median['claims']:>9.0f}{median['speakers']:>10.0f}{median['writer MB']:>11.0f}{workers_mb:>12}"
          f"{median['seconds']:>9.2f}", file=log)

    print(f"\nmost-quoted speakers (run {args.runs}):", file=log)
    width = max((len(s["name"]) for s in speakers), default=4)
    for rank, s in enumerate(speakers, 1):
        print(f"{rank:>3}. {s['name']:<{width}}  {s['role'] or '-':<40.40} {s['claims']:>5} claims", file=log)

    print(f"\nre-ingest into run {args.runs}'s database: {reingest['documents']} documents "
          f"({reingest['duplicate']} duplicate, {reingest['new']} new, {reingest['failed']} failed), "
          f"{reingest['documents/s']:.1f} docs/s, "
          f"wall {reingest['seconds']:.2f} s, writer {reingest['writer MB']:.0f} MB, "
          f"others' cpu {reingest['others cpu s']:.1f} s", file=log)

    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "metadata": str(args.metadata or ""), "nlp": args.nlp,
                          "workers": args.workers, "database": where, "runs": runs, "median": median,
                          "top_speakers": speakers, "reingest": reingest}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
