"""Ingest (claims.sources): each input format, the text heuristics, bad records, URLs against a
local HTTP server, standard input and the PolNeAR metadata join, all on real inputs."""
import datetime as dt
import http.server
import io
import socket
import sys
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from claims.reading import InputError, read_text
from claims.sources import iter_sources
from claims.sources.dates import parse_date
from claims.sources.fetch import fetch
from claims.sources.metadata import load_metadata
from claims.sources.text import parse_text

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "sources"
SEED = REPO / "seeds" / "000_46ceda183d64252d.txt"
SEOUL = ZoneInfo("Asia/Seoul")


def sources(*inputs, **options):
    return list(iter_sources([str(item) for item in inputs], **options))


def the_document(*inputs, **options):
    [(name, document, error)] = sources(*inputs, **options)
    assert error is None, error
    return document


def errors(results):
    return [error for _, _, error in results if error]


def documents(results):
    return [document for _, document, _ in results if document]


# Plain text

def test_seed_title_and_date():
    document = the_document(SEED)
    assert document.title == "Blinken: Russia may provide advanced satellite technology to N. Korea"
    assert document.published == dt.date(2025, 1, 6)
    assert document.published_at is None and document.timezone is None
    assert document.text == read_text(SEED)  # headline and date line stay: offsets index the file
    assert document.name == str(SEED) and document.kind == "article"


def test_header_with_byline_and_zoned_time():
    document = the_document(DATA / "header.txt")
    assert document.title == "Minister vows to press ahead with budget vote"
    assert document.author == "Ann Lee"
    assert document.published == dt.date(2025, 1, 6)
    assert document.published_at == dt.datetime(2025, 1, 6, 10, 30, tzinfo=SEOUL)
    assert document.timezone == "Asia/Seoul"


def test_plain_text_without_header_gets_no_guess():
    path = DATA / "no_header.txt"
    document = the_document(path)
    assert document.text == path.read_text(encoding="utf-8")
    assert (document.title, document.published, document.author) == (None, None, None)


@pytest.mark.parametrize("text", [
    # hard-wrapped body: a short first line that runs on to the next
    "The minister said on Tuesday that\nthe vote would be held in May.\n",
    # a date in running text is not a date line
    "Officials met on January 6, 2025 to discuss the budget and agreed on nothing at all.\n",
    # the only line: nothing follows a would-be headline
    "Minister resigns over budget\n",
    # a date line below the body's first paragraph is not the header's
    "The committee met on Tuesday and argued for hours about the budget, the schedule and the rules, "
    "before its chairman said that the vote would be held in May.\n\nJanuary 6, 2025\n",
])
def test_heuristics_do_not_guess(text):
    document = parse_text(text, "x.txt")
    assert (document.title, document.published) == (None, None)


def test_headline_ending_like_a_sentence_is_no_title_but_its_date_line_counts():
    # PolNeAR's texts end their headlines with a full stop: no title, but the date line under it is one
    document = parse_text("The vote is off.\n\nJanuary 6, 2025\n\nThe minister said so.\n", "x.txt")
    assert (document.title, document.published) == (None, dt.date(2025, 1, 6))


def test_all_number_dates_are_ambiguous():  # January 6 or June 1?
    document = parse_text("Minister resigns over budget\n\n01/06/2025\n\nThe minister resigned.\n", "x.txt")
    assert (document.title, document.published) == ("Minister resigns over budget", None)


def test_text_is_kept_exactly():
    text = "\ufeffnot a BOM here\r\n\r\n  Indented body, trailing spaces  \r\n"
    assert parse_text(text, "x.txt").text == text


@pytest.mark.parametrize("line, expected", [
    ("January 6, 2025", (dt.date(2025, 1, 6), None, None)),
    ("Jan. 6, 2025", (dt.date(2025, 1, 6), None, None)),
    ("6 January 2025", (dt.date(2025, 1, 6), None, None)),
    ("2025-01-06", (dt.date(2025, 1, 6), None, None)),
    ("Monday, January 6, 2025", (dt.date(2025, 1, 6), None, None)),
    ("January 6, 2025 10:30 KST", (dt.date(2025, 1, 6), dt.datetime(2025, 1, 6, 10, 30, tzinfo=SEOUL), "Asia/Seoul")),
    ("Jan. 6, 2025, 3:05 p.m. EST",
     (dt.date(2025, 1, 6), dt.datetime(2025, 1, 6, 15, 5, tzinfo=ZoneInfo("America/New_York")), "America/New_York")),
    ("2025-01-06T10:30:00+09:00",
     (dt.date(2025, 1, 6), dt.datetime(2025, 1, 6, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))), "+09:00")),
    ("January 6, 2025 10:30", (dt.date(2025, 1, 6), dt.datetime(2025, 1, 6, 10, 30), None)),
])
def test_date_lines(line, expected):
    date = parse_date(line)
    assert (date.date, date.at, date.timezone) == expected


@pytest.mark.parametrize("line", ["01/06/2025", "May 2025", "may 6, 2025", "February 30, 2025",
                                  "said on January 6, 2025", "2025", "Tuesday"])
def test_not_date_lines(line):
    assert parse_date(line) is None


# HTML

def test_html_file_with_metadata():
    document = the_document(DATA / "article.html")
    assert document.title == "Blinken warns on Russia and North Korea"
    assert document.author == "Jane Reporter"
    assert document.outlet == "Example News"
    assert document.url == "https://news.example.com/world/blinken-russia"
    assert document.language == "en"
    assert document.published == dt.date(2025, 1, 6)
    assert document.published_at == dt.datetime(2025, 1, 6, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    # the article's paragraphs, one a line, without the navigation and footer
    assert "“We have reasons to believe that Moscow intends" in document.text
    assert "Home" not in document.text and "Copyright" not in document.text
    assert all(line.strip() for line in document.text.split("\n"))


def test_html_meta_charset_decides_the_encoding(tmp_path):
    page = ("<html><head><meta charset=\"windows-1252\"><title>Quote</title></head><body><article>"
            "<p>The minister said \u201cwe will not back down\u201d on Tuesday, and repeated it twice.</p>"
            "<p>Critics said the plan would fail \u2013 again \u2013 as it had in the past years.</p>"
            "</article></body></html>")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    document = the_document(path)
    assert "“we will not back down”" in document.text and "– again –" in document.text


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body></body></html>")
    assert errors(sources(path)) == [f"{path}: no article text found in the page"]


# JSONL and CSV

def test_jsonl_records_and_bad_lines():
    path = DATA / "records.jsonl"
    results = sources(path, outlet="Command Line")
    assert errors(results) == [
        f"{path}:3: invalid JSON (Expecting ',' delimiter at column 27)",
        f"{path}:4: no text",
        f'{path}:5: unparseable date "the day after tomorrow" in published',
    ]
    first, statement = documents(results)
    assert first.name == f"{path}:1"
    assert first.text == "“We will not back down,” the minister said on Tuesday."
    assert (first.title, first.url, first.outlet, first.author, first.published) == (
        "Minister defiant", "https://example.org/a", "Example Wire", "Ann Lee", dt.date(2025, 1, 6))
    assert statement.name == f"{path}:6"
    assert (statement.kind, statement.speaker, statement.outlet) == ("statement", "Jane Doe", "Command Line")
    assert statement.published_at == dt.datetime(2025, 1, 7, 10, 30, tzinfo=SEOUL)


def test_csv_records_and_bad_rows():
    path = DATA / "records.csv"
    results = sources(path)
    assert errors(results) == [f"{path}:4: no text", f'{path}:5: unparseable date "yesterday" in published']
    first, statement = documents(results)
    assert first.name == f"{path}:2"  # the line its record starts on: the text cell spans two lines
    assert first.text == "“We will not back down,” the minister said.\r\nCritics disagreed."
    assert (first.title, first.outlet, first.published) == ("Minister defiant", None, dt.date(2025, 1, 6))
    assert statement.name == f"{path}:6"
    assert (statement.kind, statement.speaker, statement.published) == ("statement", "Jane Doe", dt.date(2025, 1, 7))


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("title,url\nA,https://example.org\n")
    assert errors(sources(path)) == [f"{path}: no 'text' column in the CSV header"]


def test_format_option_overrides_the_suffix(tmp_path):
    path = tmp_path / "records.txt"
    path.write_text('{"text": "He said yes.", "title": "Yes"}\n')
    assert the_document(path, format="jsonl").title == "Yes"
    assert the_document(path).text == '{"text": "He said yes.", "title": "Yes"}\n'  # .txt: plain text


# Directories, options, bad inputs

def test_directory_walks_every_format(tmp_path):
    for name in ("article.html", "records.jsonl", "records.csv", "header.txt"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    results = sources(tmp_path)
    names = [Path(name.split(":")[0]).name for name, _, _ in results]
    assert sorted(set(names)) == ["article.html", "header.txt", "records.csv", "records.jsonl"]
    assert len(documents(results)) == 1 + 1 + 2 + 2 and len(errors(results)) == 2 + 3
    assert [Path(name).name for name, _, _ in sources(tmp_path, format="html")] == ["article.html"]


def test_command_line_fields_fill_what_is_missing():
    document = the_document(SEED, outlet="Yonhap", kind="statement", speaker="Antony Blinken")
    assert (document.outlet, document.kind, document.speaker) == ("Yonhap", "statement", "Antony Blinken")


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = sources(tmp_path / "missing.txt", empty, SEED)
    assert errors(results) == [f"{tmp_path / 'missing.txt'}: no such file", f"{empty}: empty file"]
    assert documents(results)[0].title.startswith("Blinken")


def test_bad_options_are_the_callers_mistake():
    with pytest.raises(ValueError):
        sources(SEED, format="pdf")
    with pytest.raises(ValueError):
        sources(SEED, kind="poem")


# Standard input

def stdin_with(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_text(monkeypatch):
    stdin_with(monkeypatch, SEED.read_bytes())
    document = the_document("-")
    assert document.name == "<stdin>"
    assert document.title.startswith("Blinken:") and document.published == dt.date(2025, 1, 6)


def test_stdin_is_told_by_its_content(monkeypatch):
    stdin_with(monkeypatch, (DATA / "article.html").read_bytes())
    assert the_document("-").outlet == "Example News"
    stdin_with(monkeypatch, (DATA / "records.jsonl").read_bytes())
    assert [name for name, _, _ in sources("-")] == [f"<stdin>:{line}" for line in (1, 3, 4, 5, 6)]


# URLs, against a real HTTP server on the loopback interface

PAGES = {
    "/article.html": ("text/html; charset=utf-8", (DATA / "article.html").read_bytes()),
    "/story": ("text/plain; charset=windows-1252",
               "Minister quits over budget\r\n\r\nHe said \u201cenough\u201d and left.\r\n".encode("cp1252")),
    "/records.jsonl": ("application/x-ndjson", (DATA / "records.jsonl").read_bytes()),
    "/picture.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "/big.txt": ("text/plain", b"x" * 4096),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_page(server):
    document = the_document(f"{server}/article.html")
    assert document.name == f"{server}/article.html"
    assert document.title == "Blinken warns on Russia and North Korea"
    assert document.url == "https://news.example.com/world/blinken-russia"  # the page's canonical URL
    assert document.outlet == "Example News"


def test_url_redirect_keeps_the_name_given(server):
    document = the_document(f"{server}/moved")
    assert document.name == f"{server}/moved" and document.title.startswith("Blinken warns")


def test_url_text_page_decoded_by_its_header_charset(server):
    document = the_document(f"{server}/story")
    assert document.text == "Minister quits over budget\r\n\r\nHe said “enough” and left.\r\n"
    assert document.title == "Minister quits over budget"
    assert document.url == f"{server}/story"


def test_url_jsonl(server):
    results = sources(f"{server}/records.jsonl")
    assert [name for name, _, _ in results] == [f"{server}/records.jsonl:{line}" for line in (1, 3, 4, 5, 6)]
    assert documents(results)[0].url == "https://example.org/a"  # the record's own URL


def test_url_errors(server, tmp_path):
    port = free_port()
    small = tmp_path / "small.txt"
    small.write_text("He said yes.\n")
    results = sources(f"{server}/nothing-here", f"http://127.0.0.1:{port}/", f"{server}/picture.png",
                      f"{server}/big.txt", small, max_bytes=1024)
    assert errors(results) == [
        f"{server}/nothing-here: HTTP 404 Not Found",
        f"http://127.0.0.1:{port}/: connection refused",
        f"{server}/picture.png: unsupported content type image/png",
        f"{server}/big.txt: 0.00391 MB is over the 0.000977 MB limit (--max-size)",
    ]
    assert len(documents(results)) == 1  # the file after them is still read


def test_url_timeout():
    # A listening socket that never answers: the connection is made, the response never comes.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        with pytest.raises(InputError) as caught:
            fetch(url, timeout=0.3)
    assert str(caught.value) == f"{url}: no answer within 0.3 s"


def free_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The PolNeAR metadata join

def test_polnear_metadata_join(shared_dir):
    polnear = shared_dir / "polnear"
    table = load_metadata(polnear / "metadata.tsv")
    texts = sorted((polnear / "train" / "text").glob("*.txt"))
    assert len(texts) == 840
    assert all(path.stem in table for path in texts)
    results = sources(polnear / "train" / "text", metadata=table)
    assert errors(results) == [] and len(results) == 840
    by_stem = {Path(document.name).stem: document for document in documents(results)}
    document = by_stem["breitbart_2015-11-16_o-malley-campaign-to-shift-staff"]
    assert document.title == "O’Malley campaign to shift staff, resources to Iowa"
    assert (document.outlet, document.published) == ("breitbart", dt.date(2015, 11, 16))
    assert all(document.outlet and document.published and document.title for document in by_stem.values())


def test_metadata_table_wins_over_the_text_header(tmp_path):
    table_path = tmp_path / "meta.csv"
    table_path.write_text("filename,publisher,publication_date,author,title\n"
                          "header,Yonhap,2025-01-05,None,Table title\n")
    table = load_metadata(table_path)
    assert table == {"header": {"outlet": "Yonhap", "published": dt.date(2025, 1, 5), "published_at": None,
                                "timezone": None, "title": "Table title"}}
    document = the_document(DATA / "header.txt", metadata=table, outlet="Ignored")
    assert (document.title, document.outlet, document.author) == ("Table title", "Yonhap", "Ann Lee")
    assert (document.published, document.published_at, document.timezone) == (dt.date(2025, 1, 5), None, None)


def test_metadata_table_errors(tmp_path):
    path = tmp_path / "meta.tsv"
    path.write_text("name\ttitle\nx\ty\n")
    with pytest.raises(InputError, match=r"no 'filename' column"):
        load_metadata(path)
    path.write_text("filename\tpublication_date\nx\tsoon\n")
    with pytest.raises(InputError, match=r"meta.tsv:2: unparseable date 'soon' in publication_date"):
        load_metadata(path)
