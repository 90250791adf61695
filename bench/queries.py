"""Benchmark the store's queries (claims.store.queries, what the CLI and the dashboard read through):
median and max milliseconds per call.

    .venv/bin/python bench/queries.py [--db PATH_OR_URL] [--repeat 20] [--page 50] [--json]
        [--speaker NAME] [--topic NAME] [--entity NAME] [--search WORD] [--since DAY --until DAY]
        [--corpus DIR] [--metadata TABLE] [--limit N]      (these three: for the database it builds)

Without --db, a database is built first: the corpus (default ../shared/polnear/train/text, with its
metadata table) ingested once with --nlp fast into a temporary SQLite file, by bench/ingest.py in a
process of its own; this process then only opens it and queries. The filters' values are taken from the
data unless given: the most-quoted speaker, the topic and the entity with most of that speaker's
claims, the middle half of the claims' dates, and the word "president". Each query is called once to warm up (not counted),
then --repeat times, each call in a fresh session; the figures are the median and max wall time of a
call and the size of its result. "others' cpu" is the CPU time other processes took meanwhile (on a
local PostgreSQL server, that includes the server's own work).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import add_build_arguments, busy_cpu_seconds, cpu_seconds, parse_build_arguments, run_child
from ingest import DEFAULT_CORPUS, DEFAULT_METADATA, child_command

DEEP_OFFSET = 5000
SEARCH_WORD = "president"


def build_database(folder: Path, args) -> str:
    url = f"sqlite:///{folder / 'claims.db'}"
    print(f"building {url}: {args.corpus} (limit {'none' if args.limit is None else args.limit}), nlp fast ...",
          file=args.log, flush=True)
    built = run_child(child_command(url, "fast", args.corpus, args.metadata, args.limit))
    print(f"built in {built['seconds']:.1f} s: {built['new']} documents, {built['claims']} claims, "
          f"{built['speakers']} speakers", file=args.log, flush=True)
    return url


def pick_filters(store, args) -> dict:
    """The values to filter by: those given, else typical ones from the data."""
    from sqlalchemy import func
    from sqlmodel import select

    from claims.store.queries import find_speakers, list_speakers
    from claims.store.tables import Claim, ClaimEntity, ClaimTopic, Document, Entity, Topic

    with store.session() as session:
        if args.speaker:
            found = find_speakers(session, args.speaker)
            speaker, speaker_id = args.speaker, found[0].id if found else None
        else:
            top = list_speakers(session, limit=1)
            speaker, speaker_id = (top[0].name, top[0].id) if top else ("nobody", None)

        def most_frequent(label, link, *where):
            """The label (topic or entity name) with most claims among those `where` says."""
            return next(iter(session.exec(
                select(label).join(link).join(Claim, Claim.id == link.claim_id).where(True, *where)
                .group_by(label).order_by(func.count(link.claim_id).desc(), label).limit(1))), None)

        # The topic and the entity with most claims among the speaker's (so that all the filters together
        # still find something), else among all.
        of_speaker = [Claim.speaker_id == speaker_id] if speaker_id is not None else []
        kept = ClaimTopic.removed.is_(False)
        topic = (args.topic or most_frequent(Topic.name, ClaimTopic, kept, *of_speaker)
                 or most_frequent(Topic.name, ClaimTopic, kept) or "none")
        entity = (args.entity or most_frequent(Entity.name, ClaimEntity, *of_speaker)
                  or most_frequent(Entity.name, ClaimEntity) or "none")
        since, until = args.since, args.until
        if since is None and until is None:
            dated = session.exec(select(func.count(Claim.id)).where(Claim.said_on.is_not(None))).one()
            if dated:
                def day_at(position: int) -> dt.date:
                    day = session.exec(select(Claim.said_on).where(Claim.said_on.is_not(None))
                                       .order_by(Claim.said_on).offset(position).limit(1)).one()
                    return dt.date.fromisoformat(day[:10]) if isinstance(day, str) else day
                since, until = day_at(dated // 4), day_at(3 * dated // 4)
        counts = {"documents": session.exec(select(func.count(Document.id))).one(),
                  "claims": session.exec(select(func.count(Claim.id))).one()}
    return {"speaker": speaker, "speaker_id": speaker_id, "topic": topic, "entity": entity, "since": since,
            "until": until, "search": args.search, **counts}


def query_set(picked: dict, page: int) -> list[tuple[str, object]]:
    """(label, call(session) -> (size, unit)) for each query timed."""
    from claims.store.queries import (ClaimFilter, count_claims, list_claims, list_speakers, list_topics,
                                      speaker_profile, timeline)

    filters = {
        "all": ClaimFilter(),
        "speaker": ClaimFilter(speakers=[picked["speaker"]]),
        "topic": ClaimFilter(topics=[picked["topic"]]),
        "entity": ClaimFilter(entities=[picked["entity"]]),
        "dates": ClaimFilter(since=picked["since"], until=picked["until"]),
        "search": ClaimFilter(search=picked["search"]),
        "together": ClaimFilter(speakers=[picked["speaker"]], topics=[picked["topic"]],
                                entities=[picked["entity"]], since=picked["since"], until=picked["until"],
                                search=picked["search"]),
    }

    def rows(found) -> tuple[int, str]:
        return len(found), "rows"

    queries = [("list_claims first page", lambda s: rows(list_claims(s, filters["all"], limit=page))),
               (f"list_claims offset {DEEP_OFFSET}",
                lambda s: rows(list_claims(s, filters["all"], limit=page, offset=DEEP_OFFSET)))]
    for name, f in filters.items():
        if name != "all":
            queries.append((f"list_claims {name}", lambda s, f=f: rows(list_claims(s, f, limit=page))))
    for name, f in filters.items():
        queries.append((f"count_claims {name}", lambda s, f=f: (count_claims(s, f), "claims")))
    for by in ("speaker", "topic"):
        for period in ("day", "week", "month"):
            queries.append((f"timeline {by} per {period}",
                            lambda s, by=by, period=period: rows(timeline(s, ClaimFilter(), by=by, period=period))))
    queries.append(("list_speakers first page", lambda s: rows(list_speakers(s, limit=page))))

    def profile(session) -> tuple[int, str]:
        found = speaker_profile(session, picked["speaker_id"]) if picked["speaker_id"] is not None else None
        return (0, "rows") if found is None else (len(found.roles) + len(found.topics) + len(found.activity), "rows")

    queries.append(("speaker_profile top speaker", profile))
    queries.append(("list_topics", lambda s: rows(list_topics(s))))
    return queries


def measure(store, call, repeat: int) -> dict:
    with store.session() as session:  # warm-up, not counted
        call(session)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with store.session() as session:
            size, unit = call(session)
        times.append((time.perf_counter() - start) * 1000)
    return {"median ms": statistics.median(times), "max ms": max(times), "size": size, "unit": unit}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to query (SQLite path or URL); default: build one (see above)")
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per query (after one warm-up)")
    parser.add_argument("--page", type=int, default=50, help="page size of list_claims and list_speakers")
    parser.add_argument("--speaker", help="speaker to filter by (default: the most-quoted)")
    parser.add_argument("--topic", help="topic to filter by (default: the speaker's most frequent)")
    parser.add_argument("--entity", help="entity to filter by (default: the speaker's most frequent)")
    parser.add_argument("--search", default=SEARCH_WORD, help="full-text search word")
    parser.add_argument("--since", type=dt.date.fromisoformat, help="YYYY-MM-DD (default: the middle half "
                                                                    "of the claims' dates, with --until)")
    parser.add_argument("--until", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    add_build_arguments(parser, DEFAULT_CORPUS, DEFAULT_METADATA)
    args = parse_build_arguments(parser)

    with tempfile.TemporaryDirectory(prefix="claims-bench-") as folder:
        try:
            db = args.db or build_database(Path(folder), args)
        except RuntimeError as error:
            print(f"building the database failed: {error}", file=sys.stderr)
            return 1
        return run(db, args)


def run(db: str, args) -> int:
    from claims.store import ClaimStore, StoreError

    if "://" not in db and not Path(db).expanduser().is_file():
        print(f"no such database file: {db}", file=sys.stderr)
        return 1
    try:
        store = ClaimStore(db, migrate=False)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    log = args.log
    picked = pick_filters(store, args)
    dates = f"{picked['since']} to {picked['until']}" if picked["since"] or picked["until"] else "none (no dates)"
    print(f"database {store.display_url}: {picked['documents']} documents, {picked['claims']} claims; "
          f"{args.repeat} calls per query, page {args.page}", file=log)
    print(f"filters: speaker {picked['speaker']!r}, topic {picked['topic']!r}, entity {picked['entity']!r}, "
          f"dates {dates}, search {picked['search']!r}\n", file=log)
    print(f"{'query':<32}{'median ms':>11}{'max ms':>10}{'size':>9}", file=log)

    results = {}
    cpu, busy, start = cpu_seconds(), busy_cpu_seconds(), time.perf_counter()
    for label, call in query_set(picked, args.page):
        results[label] = figures = measure(store, call, args.repeat)
        print(f"{label:<32}{figures['median ms']:>11.2f}{figures['max ms']:>10.2f}{figures['size']:>9} "
              f"{figures['unit']}", file=log, flush=True)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    others = max(0.0, busy_cpu_seconds() - busy - cpu)
    store.close()
    print(f"\nwall {seconds:.1f} s, cpu {cpu:.1f} s, others' cpu {others:.1f} s", file=log)
    if args.json:
        picked = {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in picked.items()}
        print(json.dumps({"database": store.display_url, "repeat": args.repeat, "page": args.page,
                          "filters": picked, "queries": results, "seconds": seconds, "cpu s": cpu,
                          "others cpu s": others}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
