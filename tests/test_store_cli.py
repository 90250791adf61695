"""The store's commands as a user runs them (click's runner, and real processes where it matters):
ingest, list, speakers, topics, reextract, db upgrade; bad input; a run killed halfway."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from claims.cli import cli

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
LIST_KEYS = {"id", "speaker", "speaker_role", "kind", "text", "said_on", "topics", "entities", "status", "title",
             "outlet", "url", "published"}


def run(*args, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))
    return result


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_ingest_then_list_and_speakers(db_url):
    result = run("ingest", SEEDS, "--db", db_url, "--nlp", "fast", "--outlet", "The Korea Herald")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("documents: 1 new, 0 duplicate, 0 failed; claims: ")
    again = run("ingest", SEEDS, "--db", db_url, "--nlp", "fast")
    assert "documents: 0 new, 1 duplicate, 0 failed; claims: 0; speakers new: 0" in again.stdout
    assert "already stored" in again.stderr
    records = jsonl(run("list", "--db", db_url, "--speaker", "Cho", "--format", "jsonl"))
    assert len(records) == 3 and all(LIST_KEYS <= set(r) for r in records)
    assert {r["speaker"] for r in records} == {"Cho Tae-yul"}
    assert {(r["outlet"], r["said_on"], r["published"]) for r in records} == {("The Korea Herald", "2025-01-06", "2025-01-06")}
    assert run("list", "--db", db_url, "--entity", "NATO", "--search", "cooperation").stdout.count("#") == 2
    speakers = jsonl(run("speakers", "list", "--db", db_url, "--format", "jsonl"))
    assert speakers[0]["name"] == "Antony Blinken" and speakers[0]["affiliation"] == "United States"
    assert {"name", "kind", "role", "affiliation", "aliases", "claims"} <= set(speakers[0])
    shown = run("speakers", "show", "Blinken", "--db", db_url)
    assert "Antony Blinken" in shown.stdout and "as U.S. Secretary of State" in shown.stdout


def test_speaker_edits_are_logged(db_url, tmp_path):
    (tmp_path / "a.txt").write_text("Senator Mark Kelly said the bill would pass.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Governor Laura Kelly said the budget was balanced.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Kelly said the vote would be close.\n", encoding="utf-8")
    run("ingest", tmp_path, "--db", db_url, "--nlp", "fast")
    ids = {s["name"]: s["id"] for s in jsonl(run("speakers", "list", "--db", db_url, "--search", "kelly",
                                                  "--format", "jsonl"))}
    assert sorted(ids) == ["Kelly", "Laura Kelly", "Mark Kelly"]  # the surname alone is not given to either
    merged = run("speakers", "merge", ids["Mark Kelly"], ids["Kelly"], "--db", db_url, "--user", "ana")
    assert merged.exit_code == 0 and "merged 1 speaker(s)" in merged.stdout
    assert len(jsonl(run("list", "--db", db_url, "--speaker", ids["Mark Kelly"], "--format", "jsonl"))) == 2
    run("speakers", "rename", ids["Mark Kelly"], "Mark E. Kelly", "--db", db_url, "--user", "ana")
    run("speakers", "set-role", ids["Mark Kelly"], "Senator from Arizona", "--db", db_url, "--user", "ana")
    profile = jsonl(run("speakers", "show", ids["Mark Kelly"], "--db", db_url, "--format", "jsonl"))[0]
    assert profile["name"] == "Mark E. Kelly" and profile["role"] == "Senator from Arizona"
    assert {"Mark Kelly", "Kelly"} <= set(profile["aliases"])
    engine = create_engine(db_url)
    with engine.connect() as connection:
        log = connection.execute(text("SELECT target_id, field, old_value, new_value, \"user\" FROM annotation "
                                      "ORDER BY id")).all()
    engine.dispose()
    assert [(row.field, row.user) for row in log] == [("merged", "ana"), ("merged into", "ana"), ("name", "ana"),
                                                      ("role", "ana")]
    assert log[2].old_value == "Mark Kelly" and log[2].new_value == "Mark E. Kelly"
    missing = run("speakers", "rename", "9999", "X", "--db", db_url)
    assert missing.exit_code == 1 and missing.stderr.strip() == "Error: no speaker with id 9999"


def test_topics_add_edit_and_reextract(db_url):
    run("ingest", SEEDS, "--db", db_url, "--nlp", "fast")
    added = run("topics", "add", "Space", "--keywords", "satellite, space technology", "--db", db_url)
    assert added.exit_code == 0, added.output
    assert run("topics", "add", "Space", "--keywords", "x", "--db", db_url).exit_code == 1
    assert run("list", "--db", db_url, "--topic", "Space").stderr.startswith("0 of 0")
    result = run("reextract", "--db", db_url, "--nlp", "fast")
    assert result.exit_code == 0 and "documents: 1 re-extracted, 0 failed" in result.stdout
    assert "satellite" in run("list", "--db", db_url, "--topic", "Space").stdout
    run("topics", "edit", "Space", "--keywords", "launch", "--rename", "Launches", "--db", db_url)
    topics = {t["name"]: t for t in jsonl(run("topics", "list", "--db", db_url, "--format", "jsonl"))}
    assert topics["Launches"]["keywords"] == ["launch"]


def test_db_upgrade_on_an_empty_database(db_url):
    result = run("db", "upgrade", "--db", db_url)
    assert result.exit_code == 0 and result.stdout.rstrip().endswith("schema at 0003")
    assert run("db", "upgrade", "--db", db_url).exit_code == 0  # twice is fine
    assert run("list", "--db", db_url).exit_code == 0


def test_bad_databases_are_one_line_errors(tmp_path):
    for db, words in [("nosuch://x", "database"), (str(tmp_path / "missing" / "dir" / "c.db"), "cannot open database"),
                      ("postgresql://nobody@127.0.0.1:1/none", "cannot open database")]:
        result = run("list", "--db", db)
        assert result.exit_code == 1 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    foreign = tmp_path / "other.db"
    engine = create_engine(f"sqlite:///{foreign}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE accounts (id INTEGER)"))
    result = run("list", "--db", foreign)
    assert result.exit_code == 1 and "not a claims store" in result.stderr


def test_a_broken_file_is_skipped_and_counted(tmp_path, db_url):
    (tmp_path / "good.txt").write_text("Ann Smith said the vote would be held in May.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    result = run("ingest", tmp_path, "--db", db_url, "--nlp", "fast")
    assert result.exit_code == 0
    assert "documents: 1 new, 0 duplicate, 2 failed" in result.stdout
    assert len([line for line in result.stderr.splitlines() if line.startswith("error:")]) == 2
    statement = run("ingest", tmp_path / "good.txt", "--db", db_url, "--kind", "statement")
    assert statement.exit_code == 2 and "--speaker" in statement.stderr


def test_stdin_and_statement(db_url):
    text_in = "TOKYO -- Japan strongly protests the launch. The ministry will work with its partners to respond.\n"
    result = run("ingest", "-", "--db", db_url, "--nlp", "fast", "--kind", "statement",
                 "--speaker", "Ministry of Foreign Affairs of Japan", input=text_in)
    assert result.exit_code == 0 and "1 new" in result.stdout
    records = jsonl(run("list", "--db", db_url, "--format", "jsonl"))
    assert records and {r["speaker"] for r in records} == {"Ministry of Foreign Affairs of Japan"}


def test_a_run_killed_halfway_leaves_whole_documents_and_finishes_on_rerun(tmp_path, shared_dir):
    """kill -9 in the middle of a batch: every stored document has all its claims, and running the same
    command again stores the rest, to the same totals as one uninterrupted run."""
    articles = sorted((shared_dir / "polnear" / "train" / "text").glob("*.txt"))[:60]
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in articles:
        (folder / article.name).write_bytes(article.read_bytes())
    claims = [sys.executable, "-m", "claims", "ingest", str(folder), "--nlp", "fast"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    process = subprocess.Popen(claims + ["--db", str(killed_db)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and _count(killed_db, "document") < 10:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _count(killed_db, "document")
    assert 10 <= stored < len(articles), "the run was not interrupted halfway"
    subprocess.run(claims + ["--db", str(clean_db)], env=env, check=True, capture_output=True)
    per_document = "SELECT d.source_name, COUNT(c.id) FROM document d LEFT JOIN claim c ON c.document_id = d.id GROUP BY d.source_name"
    clean = dict(_rows(clean_db, per_document))
    partial = dict(_rows(killed_db, per_document))
    assert all(partial[name] == clean[name] for name in partial)  # no half-written document
    rerun = subprocess.run(claims + ["--db", str(killed_db)], env=env, capture_output=True, text=True, check=True)
    assert f"{len(articles) - stored} new, {stored} duplicate, 0 failed" in rerun.stdout
    assert dict(_rows(killed_db, per_document)) == clean


def _rows(db: Path, query: str) -> list:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            return connection.execute(text(query)).all()
    finally:
        engine.dispose()


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        return _rows(db, f"SELECT COUNT(*) FROM {table}")[0][0]
    except Exception:  # the schema is still being created
        return 0


def test_a_progress_bar_on_a_terminal_only(tmp_path):
    """tqdm's bar on stderr when it is a terminal (run in a pseudo-terminal here); none in a pipe."""
    import pty

    (tmp_path / "a.txt").write_text("Ann Smith said the vote would be held in May.\n", encoding="utf-8")
    command = [sys.executable, "-m", "claims", "ingest", str(tmp_path / "a.txt"), "--nlp", "fast",
               "--db", str(tmp_path / "c.db")]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    piped = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert "doc/s" not in piped.stderr and "1 new" in piped.stdout
    leader, follower = pty.openpty()
    (tmp_path / "c.db").unlink()
    process = subprocess.Popen(command, env=env, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes with the process
            break
        if not chunk:
            break
        output += chunk
    assert process.wait() == 0
    assert b"doc" in output and b"1 new" in output
