"""Getting documents in (pasted text, uploaded files) and quote sheets out (the Export page's four files)."""
import csv
import io
import json

import docx
import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from test_dashboard_support import captions, claim_with, count, go, signed_in, speaker_id

PASTED = ("Ministers meet in Seoul\n\nMarch 3, 2025\n\n"
          "Foreign Minister Cho Tae-yul said the talks on export controls <i>had</i> gone well.\n")

# The fixtures (`seeded`) of the dashboard tests live in test_dashboard_support.
pytest_plugins = ["test_dashboard_support"]


@pytest.fixture
def deferred_downloads(monkeypatch):
    """{file name: the callable a download button will call}: the Export page renders each file only
    when its button is clicked, a request Streamlit serves outside the script run. Recording the
    callables lets a test make that request itself, with no script context around, as the server does."""
    recorded = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        recorded[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return recorded


def test_the_export_buttons_give_files_that_open(seeded, deferred_downloads):
    cho = speaker_id(seeded, "Cho Tae-yul")
    at = go(signed_in("viewer"), "export")  # viewers may export
    at.multiselect(key="f_speakers").set_value([cho]).run()
    quotes = count(seeded, speakers=[cho])
    assert f"{quotes} claims match the sidebar filters; change them to change the sheet." in captions(at)
    assert [b.label for b in at.download_button] == ["Excel (.xlsx)", "Word (.docx)", "CSV (.csv)",
                                                      "Markdown (.md)"]
    files = {name.rsplit(".", 1)[1]: make() for name, make in deferred_downloads.items()}
    assert sorted(files) == ["csv", "docx", "md", "xlsx"]

    sheet = openpyxl.load_workbook(io.BytesIO(files["xlsx"])).active
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert any("new sanctions on North Korea were needed" in cell for cell in cells)

    document = docx.Document(io.BytesIO(files["docx"]))
    paragraphs = [p.text for p in document.paragraphs]
    assert any("Cho Tae-yul" in p for p in paragraphs)
    assert any("the alliance with Washington remained strong" in p for p in paragraphs)

    rows = list(csv.DictReader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    assert [row["Speaker"] for row in rows] == ["Cho Tae-yul"] * quotes  # the sidebar's speaker filter held
    assert "Cho Tae-yul" in files["md"].decode("utf-8")


def test_export_groups_by_date(seeded, deferred_downloads):
    at = go(signed_in("analyst"), "export")
    at.segmented_control(key="export_group").set_value("date").run()
    markdown = next(make for name, make in deferred_downloads.items() if name.endswith("-by-date.md"))().decode()
    assert markdown.index("2025-02-20") < markdown.index("2025-01-08")  # the newest day first


def test_pasted_text_is_ingested_on_the_spot(seeded):
    before = count(seeded)
    at = go(signed_in("admin"), "sources")
    at.text_area(key="paste_text").input(PASTED)
    at.text_input(key="paste_outlet").input("Korea Herald")
    at.button(key="paste_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "documents: 1 new, 0 duplicate, 0 failed; claims: 1; speakers new: 0"]
    added = claim_with(seeded, "export controls")
    assert (added.speaker, added.outlet, added.said_on.isoformat()) == ("Cho Tae-yul", "Korea Herald", "2025-03-03")
    assert count(seeded) == before + 1
    assert "6 documents in the store, newest first" in captions(at)
    newest = at.dataframe[0].value.iloc[0]
    assert (newest["Title"], newest["Source"]) == ("Ministers meet in Seoul", "pasted text")  # not a temp path

    # The same text again is a duplicate, and the page says so.
    at.text_area(key="paste_text").input(PASTED)
    at.button(key="paste_submit").click().run()
    assert [w.value for w in at.warning] == [
        "documents: 0 new, 1 duplicate, 0 failed; claims: 0; speakers new: 0"]


def test_uploaded_files_are_ingested(seeded):
    record = {"text": "Secretary of State Antony Blinken said the ceasefire talks would resume in Doha.",
              "outlet": "AP", "published": "2025-03-10", "title": "Ceasefire talks"}
    at = go(signed_in("admin"), "sources")
    at.file_uploader(key="upload_files").set_value([
        ("feed.jsonl", (json.dumps(record) + "\n").encode(), "application/x-ndjson"),
        ("broken.jsonl", b"{not json\n", "application/x-ndjson"),
    ])
    at.button(key="upload_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == ["documents: 1 new, 0 duplicate, 1 failed; claims: 1; speakers new: 0"]
    # The bad file's problem, by its own name (not the temporary path it was written to).
    assert next(c for c in captions(at) if "invalid JSON" in c).startswith(r"broken.jsonl\:1\: invalid JSON")
    assert claim_with(seeded, "ceasefire talks would resume").outlet == "AP"
