"""Quote sheets (claims.export and `claims export`) on the seed article and a small JSONL feed from two
outlets, on SQLite and PostgreSQL: every format made by the CLI and by the library and read back with
the csv module, openpyxl, python-docx, or as text."""
import csv
import datetime as dt
import io
import json
import os
import pty
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.export import FORMATS, describe, quote_sheet, render, sheet as sheet_module, write
from claims.export.markdown import blockquote, escape_line
from claims.extract import load_extractor
from claims.sources import iter_sources
from claims.store.edits import set_note
from claims.store.ingest import ingest
from claims.store.queries import ClaimFilter, list_claims

REPO = Path(__file__).resolve().parents[1]
FEED = [  # published, outlet, text, title, url
    ("2025-01-08", "Yonhap", "Blinken said sanctions on Russia would stay until the war in Ukraine ends.",
     "Sanctions stay", "https://example.org/sanctions"),
    ("2025-02-03", "Reuters", "Foreign Minister Cho Tae-yul said the alliance with Washington remained strong.",
     "Alliance strong", "https://example.org/alliance"),
    ("2025-02-20", "Reuters", "Ann Smith said @everyone should vote in May.",
     '=HYPERLINK("http://evil.example","open")', "javascript:alert(1)"),
    ("2025-02-21", "Yonhap",
     'Jane Doe said: "=HYPERLINK(1) is *bold* and [a](http://x) <b>tag</b> _u_ # not a heading"',
     "Markup [test] & <more>", "https://example.org/markup?a=1&b=(2)"),
]
NOTE = "-1 point: *check* [source](http://x)\n# not a heading"
CSV_HEADER = ["Group", "Speaker", "Role", "Date said", "Quote", "Outlet", "Title", "URL", "Topics", "Kind",
              "Status", "Note", "Claim id"]


@pytest.fixture(scope="module")
def extractor():
    return load_extractor("fast")


@pytest.fixture
def corpus(store, extractor, tmp_path):
    """The store with the seed article (20 claims) and the feed (4 claims); Jane Doe's claim has a note."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": text, "published": day, "outlet": outlet, "title": title, "url": url})
                            + "\n" for day, outlet, text, title, url in FEED), encoding="utf-8")
    seed = ingest(store, iter_sources([str(REPO / "seeds")], outlet="The Korea Herald"), extractor)
    fed = ingest(store, iter_sources([str(feed)]), extractor)
    assert (seed.new, fed.new, fed.claims) == (1, 4, 4)
    with store.session() as session:
        doe = list_claims(session, ClaimFilter(speakers=["Jane Doe"]))[0]
        set_note(session, doe.id, NOTE, "ana")
        session.commit()
        yield session


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))
    return result


def export(db_url, tmp_path, fmt, *options) -> bytes:
    out = tmp_path / f"sheet.{fmt}"
    result = run("export", "--db", db_url, "--format", fmt, "-o", out, *options)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


# Reading each format back as (group, quote) pairs, in order.

def csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == CSV_HEADER
    return list(reader)


def unguard(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") else cell


def xlsx_rows(data: bytes) -> list[dict]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Quotes"]
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == CSV_HEADER
    return [dict(zip(CSV_HEADER, row)) for row in rows[1:]]


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)  # CommonMark's backslash escapes


def markdown_quotes(data: bytes) -> list[tuple[str, str]]:
    found, group = [], None
    for line in data.decode("utf-8").splitlines():
        if line.startswith("## "):
            group = unescape_markdown(line[3:])
        elif line.startswith("> "):
            found.append((group, unescape_markdown(line[2:])))
    return found


def docx_quotes(data: bytes) -> list[tuple[str, str]]:
    found, group = [], None
    for paragraph in docx.Document(io.BytesIO(data)).paragraphs:
        if paragraph.style.name == "Heading 1":
            group = paragraph.text
        elif paragraph.style.name == "Quote":
            found.append((group, paragraph.text))
    return found


def quotes(fmt: str, data: bytes) -> list[tuple[str, str]]:
    if fmt == "csv":
        return [(unguard(r["Group"]), unguard(r["Quote"])) for r in csv_rows(data)]
    if fmt == "xlsx":
        return [(r["Group"], r["Quote"]) for r in xlsx_rows(data)]
    return markdown_quotes(data) if fmt == "md" else docx_quotes(data)


def expected(session, group_by: str, claim_filter=ClaimFilter()) -> list[tuple[str, str]]:
    """What the sheet should hold, worked out from list_claims: speakers most-quoted first (ties by name),
    unattributed last, or days newest first; quotes in the order said."""
    groups = defaultdict(list)
    for record in list_claims(session, claim_filter, limit=None):
        key = (record.speaker or "Unattributed") if group_by == "speaker" else (record.said_on.isoformat())
        groups[key].append(record)
    if group_by == "speaker":
        order = sorted((k for k in groups if k != "Unattributed"), key=lambda k: (-len(groups[k]), k.casefold()))
        order += ["Unattributed"] if "Unattributed" in groups else []
    else:
        order = sorted(groups, reverse=True)
    in_order = lambda r: (r.said_on, r.document_id, r.start)  # noqa: E731
    return [(key, r.text.strip()) for key in order for r in sorted(groups[key], key=in_order)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_by_cli_and_library(corpus, db_url, tmp_path, fmt):
    for group_by in ("speaker", "date"):
        from_cli = export(db_url, tmp_path, fmt, "--group-by", group_by)
        from_library = render(quote_sheet(corpus, ClaimFilter(), group_by=group_by), fmt)
        assert quotes(fmt, from_cli) == quotes(fmt, from_library) == expected(corpus, group_by)
        if fmt in ("csv", "md"):  # the text formats carry no timestamp: the same bytes either way
            assert from_cli == from_library
    by_speaker = [group for group, _ in quotes(fmt, export(db_url, tmp_path, fmt))]
    assert list(dict.fromkeys(by_speaker))[:2] == ["Antony Blinken", "Cho Tae-yul"]
    assert by_speaker[-1] == "Unattributed" and len(by_speaker) == 24
    by_date = [group for group, _ in quotes(fmt, export(db_url, tmp_path, fmt, "--group-by", "date"))]
    by_date = list(dict.fromkeys(by_date))
    assert by_date == ["2025-02-21", "2025-02-20", "2025-02-03", "2025-01-08", "2025-01-06"]


def test_csv_rows_carry_every_field(corpus, db_url, tmp_path):
    rows = {unguard(r["Quote"]): r for r in csv_rows(export(db_url, tmp_path, "csv"))}
    sanctions = rows["sanctions on Russia would stay until the war in Ukraine ends"]
    assert {k: sanctions[k] for k in ("Group", "Speaker", "Role", "Date said", "Outlet", "Title", "URL", "Kind",
                                      "Status")} == {
        "Group": "Antony Blinken", "Speaker": "Antony Blinken", "Role": "",  # the role as this article gives it
        "Date said": "2025-01-08", "Outlet": "Yonhap", "Title": "Sanctions stay",
        "URL": "https://example.org/sanctions",
        "Kind": "indirect", "Status": "unreviewed"}
    assert "Sanctions" in sanctions["Topics"].split("; ")
    record = list_claims(corpus, ClaimFilter(search="sanctions"))[0]
    assert sanctions["Claim id"] == str(record.id)
    doe = next(r for r in rows.values() if r["Speaker"] == "Jane Doe")
    assert doe["Note"] == "'" + NOTE and doe["Kind"] == "direct"


def test_filters_narrow_the_sheet(corpus, db_url, tmp_path):
    cho = csv_rows(export(db_url, tmp_path, "csv", "--speaker", "Cho"))
    assert len(cho) == 4 and {r["Speaker"] for r in cho} == {"Cho Tae-yul"}
    assert [r["Date said"] for r in cho] == ["2025-01-06"] * 3 + ["2025-02-03"]
    reuters = xlsx_rows(export(db_url, tmp_path, "xlsx", "--outlet", "Reuters", "--group-by", "date"))
    assert [(r["Group"], r["Speaker"]) for r in reuters] == [("2025-02-20", "Ann Smith"), ("2025-02-03", "Cho Tae-yul")]
    assert isinstance(reuters[0]["Date said"], dt.datetime)  # a real date cell, not text
    narrowed = markdown_quotes(export(db_url, tmp_path, "md", "--speaker", "Blinken", "--since", "2025-01-07",
                                      "--search", "sanctions"))
    assert narrowed == [("Antony Blinken", "sanctions on Russia would stay until the war in Ukraine ends")]
    document = docx.Document(io.BytesIO(export(db_url, tmp_path, "docx", "--topic", "Sanctions", "--kind", "indirect",
                                               "--until", "2025-01-31")))
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["Quote sheet", "Selection: Topics: Sanctions; kinds: indirect; said until 2025-01-31",
                         "1 quote, by speaker"]
    assert document.core_properties.title == "Quote sheet — Topics: Sanctions; kinds: indirect; said until 2025-01-31"


def test_spreadsheet_formulas_stay_text(corpus, db_url, tmp_path):
    rows = csv_rows(export(db_url, tmp_path, "csv"))
    smith = next(r for r in rows if r["Speaker"] == "Ann Smith")
    assert smith["Quote"] == "'@everyone should vote in May"
    assert smith["Title"] == "'=HYPERLINK(\"http://evil.example\",\"open\")"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    assert next(r for r in rows if r["Speaker"] == "Jane Doe")["Quote"].startswith('"=HYPERLINK(1)')  # not at the start
    worksheet = openpyxl.load_workbook(io.BytesIO(export(db_url, tmp_path, "xlsx"))).active
    cells = [cell for row in worksheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]  # stored as strings, never formulas
    assert '=HYPERLINK("http://evil.example","open")' in [cell.value for cell in cells]


def test_xlsx_layout(corpus, db_url, tmp_path):
    worksheet = openpyxl.load_workbook(io.BytesIO(export(db_url, tmp_path, "xlsx"))).active
    header = {cell.value: cell for cell in worksheet[1]}
    assert all(cell.font.b for cell in header.values())
    assert worksheet.freeze_panes == "A2"
    quote_column = header["Quote"].column_letter
    assert worksheet[f"{quote_column}2"].alignment.wrap_text
    widths = worksheet.column_dimensions
    assert widths[quote_column].width > widths[header["Kind"].column_letter].width
    links = {cell.value: cell.hyperlink.target for cell in worksheet[header["URL"].column_letter] if cell.hyperlink}
    assert links == {"https://example.org/sanctions": "https://example.org/sanctions",
                     "https://example.org/alliance": "https://example.org/alliance",
                     "https://example.org/markup?a=1&b=(2)": "https://example.org/markup?a=1&b=(2)"}


def test_markdown_escapes_what_it_quotes(corpus, db_url, tmp_path):
    text = export(db_url, tmp_path, "md", "--speaker", "Jane Doe", "--speaker", "Ann Smith").decode("utf-8")
    assert text.startswith("# Quote sheet\n\n**Selection:** Speakers: Jane Doe, Ann Smith\n\n2 quotes, by speaker\n")
    assert ('> "=HYPERLINK(1) is \\*bold\\* and \\[a\\](http://x) \\<b\\>tag\\</b\\> \\_u\\_ \\# not a heading"'
            in text.splitlines())
    unescaped_markup = re.compile(r"(?<!\\)[*_\[\]<>&#]")
    quoted = [line.removeprefix("> ").removeprefix("*Note:* ") for line in text.splitlines()
              if line.startswith(("> ", "*Note:* "))]
    assert len(quoted) == 3 and not [line for line in quoted if unescaped_markup.search(line)]
    assert "[Markup \\[test\\] \\& \\<more\\>](<https://example.org/markup?a=1&b=(2)>)" in text
    smith = next(line for line in text.splitlines() if line.startswith("— Ann Smith"))
    assert smith == ("— Ann Smith · 2025-02-20 · Reuters, =HYPERLINK(\"http://evil.example\",\"open\"), "
                     "javascript:alert(1) · reported speech · unreviewed")  # no link for a javascript: URL
    assert "*Note:* -1 point: \\*check\\* \\[source\\](http://x) \\# not a heading" in text.splitlines()


def test_markdown_block_markers_are_escaped():
    assert [escape_line(s) for s in ("# title", "- item", "+ item", "1. first", "2) second", "===", "> quoted",
                                     "    code")] == [
        "\\# title", "\\- item", "\\+ item", "1\\. first", "2\\) second", "\\===", "\\> quoted", "code"]
    assert blockquote("First paragraph.\n\n1. Second paragraph.") == "> First paragraph.\n>\n> 1\\. Second paragraph."


def test_docx_layout(corpus, db_url, tmp_path):
    document = docx.Document(io.BytesIO(export(db_url, tmp_path, "docx", "--outlet", "Yonhap")))
    paragraphs = document.paragraphs
    assert [p.style.name for p in paragraphs[:3]] == ["Title", "Normal", "Normal"]
    assert paragraphs[1].text == "Selection: Outlets: Yonhap"
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Antony Blinken", "Jane Doe"]
    quote = next(i for i, p in enumerate(paragraphs) if p.style.name == "Quote" and "HYPERLINK" in p.text)
    attribution, note = paragraphs[quote + 1], paragraphs[quote + 2]
    assert attribution.text == "— Jane Doe · 2025-02-21 · Yonhap, Markup [test] & <more> · unreviewed"
    assert [(link.address, link.text) for link in attribution.hyperlinks] == [
        ("https://example.org/markup?a=1&b=(2)", "Markup [test] & <more>")]
    assert note.text == "Note: " + NOTE  # its line break kept as one
    sanctions = next(i for i, p in enumerate(paragraphs) if p.text.startswith("sanctions on Russia"))
    assert "· reported speech ·" in paragraphs[sanctions + 1].text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_selection_is_a_valid_file(corpus, db_url, tmp_path, fmt):
    data = export(db_url, tmp_path, fmt, "--speaker", "Nobody At All")
    assert quotes(fmt, data) == []
    if fmt == "md":
        assert "No quotes match this selection." in data.decode("utf-8")
    if fmt == "docx":
        assert "No quotes match this selection." in [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_library_api(corpus):
    assert describe(ClaimFilter()) == "All claims"
    assert describe(ClaimFilter(speakers=["Cho", 7], entities=["North Korea"], since=dt.date(2025, 1, 1),
                                until=dt.date(2025, 1, 31), search=" trade talks ", statuses=["verified"])) == (
        "Speakers: Cho, speaker #7; mentioning: North Korea; status: verified; said 2025-01-01 to 2025-01-31; "
        "containing “trade talks”")
    blinken = list_claims(corpus, ClaimFilter(speakers=["Blinken"]), limit=1)[0].speaker_id
    by_id = quote_sheet(corpus, ClaimFilter(speakers=[blinken]))
    assert by_id.description == "Speakers: Antony Blinken" and [g.label for g in by_id.groups] == ["Antony Blinken"]
    newest = quote_sheet(corpus, ClaimFilter(), group_by="date", limit=2)
    assert [g.label for g in newest.groups] == ["2025-02-21", "2025-02-20"] and newest.total == 24
    assert newest.summary() == "2 of 24 quotes, by date"
    out = io.BytesIO()
    write(newest, "md", out)
    assert out.getvalue() == render(newest, "md")
    with pytest.raises(ValueError):
        render(newest, "pdf")
    with pytest.raises(ValueError):
        quote_sheet(corpus, ClaimFilter(), group_by="outlet")


def test_paged_reading_gives_the_same_sheet(corpus, monkeypatch):
    whole = quote_sheet(corpus, ClaimFilter())
    monkeypatch.setattr(sheet_module, "PAGE", 5)  # 24 claims in five pages instead of one
    assert quote_sheet(corpus, ClaimFilter()) == whole


def test_errors_are_one_line(corpus, db_url, tmp_path):
    for args, words in [(["-o", tmp_path / "missing" / "x.csv"], "cannot write"),
                        (["-o", tmp_path], "cannot tell the format"),
                        (["--format", "csv", "-o", tmp_path], "cannot write"),
                        (["-o", tmp_path / "sheet.pdf"], "cannot tell the format")]:
        result = run("export", "--db", db_url, *args)
        assert result.exit_code == 1 and words in result.stderr, result.output
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "missing").exists()
    assert run("export", "--db", db_url, "--group-by", "outlet", "-o", tmp_path / "x.csv").exit_code == 2
    inferred = run("export", "--db", db_url, "-o", tmp_path / "sheet.xlsx")
    assert inferred.exit_code == 0 and inferred.stderr.strip() == f"24 quotes, by speaker -> {tmp_path / 'sheet.xlsx'}"


def test_standard_output(corpus, db_url):
    text = run("export", "--db", db_url, "--format", "md", "--speaker", "Cho", "-o", "-")
    assert text.exit_code == 0 and text.stdout.startswith("# Quote sheet\n") and text.stdout.count("\n> ") == 4
    piped = run("export", "--db", db_url, "--format", "xlsx", "-o", "-")  # not a terminal: the bytes go out
    assert piped.exit_code == 0 and len(xlsx_rows(piped.stdout_bytes)) == 24


def test_bad_database_is_one_line(tmp_path):
    result = run("export", "--db", tmp_path / "no" / "such" / "dir.db", "--format", "csv", "-o", tmp_path / "x.csv")
    assert result.exit_code == 1 and "cannot open database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_binary_formats_refuse_a_terminal(tmp_path, fmt):
    controller, terminal = pty.openpty()
    try:
        process = subprocess.run([sys.executable, "-m", "claims", "export", "--db", str(tmp_path / "c.db"),
                                  "--format", fmt, "-o", "-"], stdout=terminal, stderr=subprocess.PIPE, cwd=REPO,
                                 env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    finally:
        os.close(terminal)
        os.close(controller)
    assert process.returncode == 1
    assert process.stderr.decode().strip() == (f"Error: {fmt} is binary and standard output is a terminal: "
                                               "give -o FILE or redirect the output")
