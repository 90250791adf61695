"""The `claims` command as a user runs it: outputs, formats, bad input, stdin, NLP paths, evaluate, help."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED = SEEDS / "000_46ceda183d64252d.txt"
GOLD_SMALL = REPO / "tests" / "data" / "gold_small"
KEYS = {"document", "kind", "text", "start", "end", "speaker", "speaker_role", "speaker_mention", "cue",
        "confidence"}
GOOD_ARTICLE = "Ann Smith said that the vote would be held in May.\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def no_traceback(result):
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def the_error(result, path_name, *words):
    """The one error line for `path_name`; it names the path and says what is wrong."""
    no_traceback(result)
    lines = [line for line in error_lines(result) if path_name in line]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    # Nothing else on stderr but the other error lines and the closing count.
    for line in result.stderr.splitlines():
        assert line.startswith("error: ") or re.fullmatch(r"\d+ file\(s\) read, \d+ skipped", line), line
    return lines[0]


def jsonl_records(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def check_record(record, documents):
    """One claim as a user would check it against the document it names."""
    assert set(record) - {"spans"} == KEYS, set(record) ^ KEYS
    text = documents[record["document"]]
    if "spans" in record:
        assert len(record["spans"]) > 1
        assert record["text"] == " ".join(text[a:b] for a, b in record["spans"])
        assert [record["start"], record["end"]] == [record["spans"][0][0], record["spans"][-1][1]]
    else:
        assert record["text"] == text[record["start"]:record["end"]]
    assert record["kind"] in {"direct", "mixed", "indirect"}
    for key in ("speaker_mention", "cue"):
        span = record[key]
        if span is not None:
            assert set(span) == {"start", "end", "text"}
            assert text[span["start"]:span["end"]] == span["text"]
    assert 0 <= record["confidence"] <= 1


@pytest.fixture
def in_repo(monkeypatch):
    """Run from the checkout, as `claims extract seeds/` is meant to be run."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def seed_documents():
    return {"seeds/000_46ceda183d64252d.txt": SEED.read_text(encoding="utf-8")}


# --- extract seeds/ in each format -------------------------------------------------------------

def test_extract_jsonl(in_repo, seed_documents):
    result = run("extract", "seeds/", "--nlp", "fast", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    no_traceback(result)
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) >= 14
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all(isinstance(r, dict) for r in records)
    for record in records:
        assert record["document"] == "seeds/000_46ceda183d64252d.txt"
        check_record(record, seed_documents)
    speakers = {r["speaker"] for r in records}
    assert {"Antony Blinken", "Cho Tae-yul"} <= speakers
    blinken = [r for r in records if r["speaker"] == "Antony Blinken"]
    assert all(r["speaker_role"] == "U.S. Secretary of State" for r in blinken)
    assert {r["kind"] for r in records} == {"direct", "mixed", "indirect"}
    assert any("spans" in r for r in records)  # “That is the strength ...,” he said. “We reaffirm ...”


def test_extract_jsonl_first_quote_matches_the_readme(in_repo):
    result = run("extract", "seeds/", "--nlp", "fast", "--format", "jsonl")
    records = jsonl_records(result.stdout)
    first = next(r for r in records if r["text"].startswith("“We have reasons"))
    assert (first["kind"], first["start"], first["end"]) == ("direct", 525, 636)
    assert (first["speaker"], first["speaker_role"]) == ("Antony Blinken", "U.S. Secretary of State")
    assert first["speaker_mention"]["text"] == "Blinken" and first["cue"]["text"] == "said"


def test_extract_json_is_one_list_of_the_same_records(in_repo, seed_documents):
    as_json = run("extract", "seeds/", "--nlp", "fast", "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    no_traceback(as_json)
    records = json.loads(as_json.stdout)
    assert isinstance(records, list) and records
    for record in records:
        check_record(record, seed_documents)
    as_jsonl = run("extract", "seeds/", "--nlp", "fast", "--format", "jsonl")
    assert records == jsonl_records(as_jsonl.stdout)
    assert {"Antony Blinken", "Cho Tae-yul"} <= {r["speaker"] for r in records}


def test_extract_table_is_readable(in_repo):
    result = run("extract", "seeds/", "--nlp", "fast")  # table is the default
    assert result.exit_code == 0, result.output
    no_traceback(result)
    records = jsonl_records(run("extract", "seeds/", "--nlp", "fast", "--format", "jsonl").stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == f"== seeds/000_46ceda183d64252d.txt: {len(records)} claim(s)"
    assert "Antony Blinken, U.S. Secretary of State" in result.stdout
    assert "Cho Tae-yul, Foreign Minister" in result.stdout
    assert "“We have reasons to believe" in result.stdout
    assert result.stdout.count("cue: said") >= 5
    numbered = [line for line in lines if line[:4].strip().rstrip(".").isdigit()]
    assert len(numbered) == len(records)
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_extract_table_explicit_format_is_the_default(in_repo):
    assert run("extract", "seeds/", "--nlp", "fast", "--format", "table").stdout == \
        run("extract", "seeds/", "--nlp", "fast").stdout


def test_extract_a_file_and_its_directory_give_the_same_claims(in_repo):
    by_dir = jsonl_records(run("extract", "seeds/", "--nlp", "fast", "--format", "jsonl").stdout)
    by_file = jsonl_records(run("extract", "seeds/000_46ceda183d64252d.txt", "--nlp", "fast",
                                "--format", "jsonl").stdout)
    assert by_dir == by_file


def test_extract_with_stanza(in_repo, stanza_models, seed_documents):
    result = run("extract", "seeds/", "--nlp", "stanza", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    no_traceback(result)
    assert "warning" not in result.stderr
    records = jsonl_records(result.stdout)
    assert len(records) >= 14
    for record in records:
        check_record(record, seed_documents)
    assert {"Antony Blinken", "Cho Tae-yul"} <= {r["speaker"] for r in records}


# --- bad input -----------------------------------------------------------------------------------

def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = run("extract", str(missing), "--nlp", "fast")
    assert result.exit_code == 1
    the_error(result, "nowhere.txt", "no such file")
    assert result.stdout == ""


def test_directory_without_text_files(tmp_path):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "empty_dir" / "photo.png").write_bytes(b"\x89PNG\r\n")
    result = run("extract", str(tmp_path / "empty_dir"), "--nlp", "fast")
    assert result.exit_code == 1
    the_error(result, "empty_dir", "no text files")
    assert result.stdout == ""


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"), "--nlp", "fast")
    assert result.exit_code == 1
    the_error(result, "empty.txt", "empty")


def test_binary_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    result = run("extract", str(tmp_path / "image.txt"), "--nlp", "fast")
    assert result.exit_code == 1
    the_error(result, "image.txt", "binary")


def test_cp1252_file_with_curly_quotes_is_read(tmp_path):
    data = b"Ann Smith said \x93we will not back down from this fight\x94 on Tuesday.\r\n"
    (tmp_path / "legacy.txt").write_bytes(data)
    result = run("extract", str(tmp_path / "legacy.txt"), "--nlp", "fast", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    no_traceback(result)
    assert error_lines(result) == []
    records = jsonl_records(result.stdout)
    assert len(records) == 1
    assert "“we will not back down from this fight”" in records[0]["text"]
    assert records[0]["speaker"] == "Ann Smith"
    text = data.decode("cp1252")
    assert records[0]["text"] == text[records[0]["start"]:records[0]["end"]]


def test_file_over_the_size_limit_is_skipped(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(50 * 2**20)  # sparse: no 50 MB written to disk
    result = run("extract", str(tmp_path / "huge.txt"), "--nlp", "fast")
    assert result.exit_code == 1
    line = the_error(result, "huge.txt", "10 MB")
    assert "limit" in line or "max-size" in line


def test_max_size_option_sets_the_limit(tmp_path):
    with open(tmp_path / "big.txt", "wb") as f:
        f.truncate(int(1.5 * 2**20))
    small = run("extract", str(tmp_path / "big.txt"), "--nlp", "fast", "--max-size", "1")
    assert small.exit_code == 1
    the_error(small, "big.txt", "1.5 MB", "1 MB limit")
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE * 40, encoding="utf-8")  # about 2 KB
    large = run("extract", str(tmp_path / "a.txt"), "--nlp", "fast", "--max-size", "0.01", "--format", "jsonl")
    assert large.exit_code == 0
    assert len(jsonl_records(large.stdout)) == 40


def test_batch_of_one_good_and_several_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(50 * 2**20)
    (tmp_path / "no_text_here").mkdir()
    bad = ["missing.txt", "empty.txt", "binary.txt", "huge.txt", "no_text_here"]
    args = [str(tmp_path / name) for name in ["missing.txt", "empty.txt", "good.txt", "binary.txt", "huge.txt",
                                             "no_text_here"]]
    result = run("extract", *args, "--nlp", "fast", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    no_traceback(result)
    records = jsonl_records(result.stdout)
    assert [(r["document"], r["speaker"], r["text"]) for r in records] == [
        (str(tmp_path / "good.txt"), "Ann Smith", "that the vote would be held in May")]
    assert len(error_lines(result)) == len(bad)
    for name in bad:
        the_error(result, name)
    assert "good.txt" not in "\n".join(error_lines(result))
    assert result.stderr.splitlines()[-1] == "1 file(s) read, 5 skipped"


def test_batch_in_table_format_prints_the_good_file(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "missing.txt"), str(tmp_path / "good.txt"), "--nlp", "fast")
    assert result.exit_code == 0
    assert "good.txt: 1 claim(s)" in result.stdout
    assert "Ann Smith" in result.stdout
    the_error(result, "missing.txt", "no such file")


# --- standard input ------------------------------------------------------------------------------

def test_stdin(tmp_path):
    result = run("extract", "-", "--nlp", "fast", "--format", "jsonl", input=GOOD_ARTICLE)
    assert result.exit_code == 0, result.output
    no_traceback(result)
    (record,) = jsonl_records(result.stdout)
    assert record["document"] == "<stdin>"
    assert (record["kind"], record["speaker"], record["text"]) == (
        "indirect", "Ann Smith", "that the vote would be held in May")
    assert GOOD_ARTICLE[record["start"]:record["end"]] == record["text"]


def test_stdin_with_a_quote_in_table_format():
    text = "“We will win this race,” Ann Smith said on Monday.\n"
    result = run("extract", "-", "--nlp", "fast", input=text)
    assert result.exit_code == 0
    assert result.stdout.startswith("== <stdin>: 1 claim(s)")
    assert "“We will win this race,”" in result.stdout


def test_empty_stdin_is_an_error():
    result = run("extract", "-", "--nlp", "fast", input="")
    assert result.exit_code == 1
    the_error(result, "<stdin>", "empty")


# --- choosing the NLP path when stanza's models are missing ------------------------------------

def test_stanza_without_models_fails_with_one_line(tmp_path, monkeypatch):
    (tmp_path / "models").mkdir()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "models"))
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "--nlp", "stanza")
    assert result.exit_code != 0
    no_traceback(result)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "models" in lines[0]
    assert str(tmp_path / "models") in lines[0]


def test_auto_without_models_falls_back_to_fast_with_one_warning(tmp_path, monkeypatch):
    (tmp_path / "models").mkdir()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "models"))
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "--nlp", "auto", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "warning" in lines[0].lower() and "fast" in lines[0]
    (record,) = jsonl_records(result.stdout)
    assert record["speaker"] == "Ann Smith"


def test_auto_is_the_default_nlp(tmp_path, monkeypatch):
    (tmp_path / "models").mkdir()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "models"))
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    assert "fast" in result.stderr


def test_unknown_nlp_choice_is_a_usage_error(tmp_path):
    result = run("extract", "-", "--nlp", "spacy", input=GOOD_ARTICLE)
    assert result.exit_code == 2
    no_traceback(result)
    assert "spacy" in result.stderr


# --- evaluate ------------------------------------------------------------------------------------

def test_evaluate_gold_small(in_repo):
    result = run("evaluate", "tests/data/gold_small", "--nlp", "fast")
    assert result.exit_code == 0, result.output
    no_traceback(result)
    *report_lines, last = result.stdout.rstrip("\n").split("\n")
    report = json.loads("\n".join(report_lines))
    assert last.startswith("direct P")
    assert report["documents"] == 2 and report["nlp"] == "fast"
    for block in ("direct", "all"):
        assert 0 <= report[block]["precision"] <= 100 and 0 <= report[block]["recall"] <= 100
    assert f"({report['documents']} documents)" in last
    assert f"direct P {report['direct']['precision']:.1f}" in last


def test_evaluate_writes_errors_file(in_repo, tmp_path):
    out = tmp_path / "out.json"
    result = run("evaluate", "tests/data/gold_small", "--nlp", "fast", "--errors", str(out))
    assert result.exit_code == 0, result.output
    errors = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(errors, list)
    for entry in errors:
        assert entry["document"] in {"alpha", "beta"}
        assert set(entry) >= {"missed", "spurious", "wrong_source"}
    assert result.stdout.rstrip("\n").split("\n")[-1].startswith("direct P")


def test_evaluate_directory_without_text_folder(tmp_path):
    (tmp_path / "attributions").mkdir()
    result = run("evaluate", str(tmp_path), "--nlp", "fast")
    assert result.exit_code != 0
    no_traceback(result)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "text" in lines[0]


def test_evaluate_missing_directory(tmp_path):
    result = run("evaluate", str(tmp_path / "nowhere"), "--nlp", "fast")
    assert result.exit_code != 0
    no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nowhere" in result.stderr


# --- python -m claims ----------------------------------------------------------------------------

def test_python_m_claims_matches_the_cli(in_repo):
    env = {k: v for k, v in os.environ.items() if k != "STANZA_RESOURCES_DIR"}
    process = subprocess.run([sys.executable, "-m", "claims", "extract", "seeds/", "--nlp", "fast",
                              "--format", "jsonl"], cwd=REPO, capture_output=True, env=env, timeout=120)
    assert process.returncode == 0, process.stderr
    assert b"Traceback" not in process.stderr
    in_process = run("extract", "seeds/", "--nlp", "fast", "--format", "jsonl")
    assert process.stdout.decode("utf-8") == in_process.stdout
    assert jsonl_records(process.stdout.decode("utf-8"))


def test_python_m_claims_bad_input_exit_status(tmp_path):
    process = subprocess.run([sys.executable, "-m", "claims", "extract", str(tmp_path / "nowhere.txt"),
                              "--nlp", "fast"], cwd=REPO, capture_output=True, timeout=120)
    assert process.returncode == 1
    assert b"Traceback" not in process.stderr
    assert b"nowhere.txt: no such file" in process.stderr


# --- help ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("command,words", [
    ([], ["extract", "evaluate", "models"]),
    (["extract"], ["--format", "--nlp", "--max-size"]),
    (["evaluate"], ["GOLD_DIR", "--errors", "--nlp"]),
    (["models"], ["download"]),
    (["models", "download"], ["--full", "--dir"]),
])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(command, words, flag):
    result = run(*command, flag)
    assert result.exit_code == 0, result.output
    no_traceback(result)
    assert "Usage:" in result.stdout
    for word in words:
        assert word in result.stdout


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert "0.1.0" in result.stdout


def test_extract_without_paths_is_a_usage_error():
    result = run("extract")
    assert result.exit_code == 2
    no_traceback(result)
    assert "PATHS" in result.stderr


def test_extract_with_workers_gives_the_same_claims_in_the_same_order(tmp_path):
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"“We will win state {n},” Ann Smith said.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    args = ["extract", str(SEEDS), str(tmp_path), "--nlp", "fast", "--format", "jsonl"]
    one = CliRunner().invoke(cli, args)
    two = CliRunner().invoke(cli, args + ["--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout.count("\n") > 20
    assert "empty.txt: empty file" in two.stderr
