"""`claims ingest` on every input a user has: HTML files, a URL served on 127.0.0.1, CSV, transcripts; said_on
from "said Monday"; several worker processes giving what one process gives."""
import functools
import http.server
import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def run(*args, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))
    return result


def stored(db_url, *args):
    return [json.loads(line) for line in run("list", "--db", db_url, "--format", "jsonl", *args).stdout.splitlines()]


@pytest.fixture
def web_folder(tmp_path):
    """A real HTTP server on 127.0.0.1 serving tmp_path."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_html_file_and_url(db_url, web_folder):
    folder, base = web_folder
    (folder / "page.html").write_bytes((DATA / "sources" / "article.html").read_bytes())
    result = run("ingest", DATA / "sources" / "article.html", "--db", db_url, "--nlp", "fast")
    assert "1 new" in result.stdout, result.output
    records = stored(db_url)
    assert records and {(r["title"], r["outlet"], r["published"]) for r in records} == \
        {("Blinken warns on Russia and North Korea", "Example News", "2025-01-06")}
    # the same page from a URL: its canonical URL and text are the stored document's, so nothing new
    again = run("ingest", f"{base}/page.html", "--db", db_url, "--nlp", "fast")
    assert "0 new, 1 duplicate" in again.stdout
    missing = run("ingest", f"{base}/nothing.html", "--db", db_url, "--nlp", "fast")
    assert missing.exit_code == 1 and "404" in missing.stderr and "0 new, 0 duplicate, 1 failed" in missing.stdout


def test_csv_records_with_a_bad_row(db_url, tmp_path):
    table = tmp_path / "feed.csv"
    table.write_text('text,title,url,outlet,published\n'
                     '"Ann Smith said the vote would be held in May.",Vote,https://example.org/1,Daily,2025-03-04\n'
                     ',Empty,https://example.org/2,Daily,2025-03-05\n'
                     '"Bo Lee said the talks would resume.",Talks,https://example.org/3,Daily,not a date\n', encoding="utf-8")
    result = run("ingest", table, "--db", db_url, "--nlp", "fast")
    assert "documents: 1 new, 0 duplicate, 2 failed" in result.stdout
    assert {line.split(":")[2] for line in result.stderr.splitlines() if line.startswith("error:")} == {"3", "4"}
    assert [(r["speaker"], r["outlet"], r["said_on"]) for r in stored(db_url)] == [("Ann Smith", "Daily", "2025-03-04")]


def test_said_monday_in_an_article_of_tuesday(db_url, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "Secretary of State Antony Blinken said Monday that the talks had ended. "
                                        "Foreign Minister Cho Tae-yul said the alliance was strong.",
                                "published": "2025-01-07"}) + "\n", encoding="utf-8")
    run("ingest", feed, "--db", db_url, "--nlp", "fast")
    said = {r["speaker"]: r["said_on"] for r in stored(db_url)}
    assert said == {"Antony Blinken": "2025-01-06", "Cho Tae-yul": "2025-01-07"}


def test_a_transcript(db_url):
    transcript = DATA / "document_kinds" / "state_briefing.txt"
    result = run("ingest", transcript, "--db", db_url, "--nlp", "fast", "--kind", "transcript")
    assert "1 new" in result.stdout, result.output
    speakers = {r["speaker"] for r in stored(db_url, "--limit", "1000")}
    assert "Matthew Miller" in speakers and "Questioner" in speakers


def test_two_workers_store_what_one_stores(tmp_path, shared_dir):
    articles = sorted((shared_dir / "polnear" / "train" / "text").glob("*.txt"))[:24]
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    run("ingest", *articles, "--db", one, "--nlp", "fast")
    result = run("ingest", *articles, "--db", two, "--nlp", "fast", "--workers", "2")
    assert "24 new" in result.stdout
    key = lambda r: (r["title"], r["text"], r["speaker"], r["said_on"])  # noqa: E731
    assert sorted(map(key, stored(one, "--limit", "5000"))) == sorted(map(key, stored(two, "--limit", "5000")))
