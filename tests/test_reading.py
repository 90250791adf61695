"""Reading input files: encodings, bad files, directories, limits and standard input."""
import io
import sys
import tracemalloc
from pathlib import Path

import pytest

from claims.reading import MAX_BYTES, InputError, expand_inputs, iter_documents, read_text

ARTICLE = "The minister said “we will not back down” on Tuesday.\nCritics disagreed.\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def error_of(path, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        read_text(path, **kwargs)
    return str(caught.value)


def test_utf8(tmp_path):
    assert read_text(write(tmp_path / "a.txt", ARTICLE.encode("utf-8"))) == ARTICLE


def test_utf8_bom_is_dropped_so_offsets_start_at_the_text(tmp_path):
    text = read_text(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")))
    assert text == ARTICLE
    assert text.index("The minister") == 0


def test_cp1252_curly_quotes(tmp_path):
    data = b"The minister said \x93we will not back down\x94 \x96 twice \x96 on Tuesday.\r\n"
    text = read_text(write(tmp_path / "a.txt", data))
    assert text == "The minister said “we will not back down” – twice – on Tuesday.\r\n"


@pytest.mark.parametrize("text", [
    "He said \x93hello\x94.",  # too short for charset-normalizer to choose well alone
    "Le ministre a déclaré « nous ne reculerons pas » à Paris.",
    "It cost 5€, said Müller.",
])
def test_short_western_texts_read_as_cp1252(tmp_path, text):
    data = text.encode("latin-1") if "\x93" in text else text.encode("cp1252")
    assert read_text(write(tmp_path / "a.txt", data)) == text.replace("\x93", "“").replace("\x94", "”")


def test_cyrillic_cp1251_is_not_forced_into_cp1252(tmp_path):
    text = "Министр заявил: «Мы не отступим», — сообщает агентство."
    assert read_text(write(tmp_path / "a.txt", text.encode("cp1251"))) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_with_bom(tmp_path, encoding):
    data = ("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode(encoding)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert read_text(write(tmp_path / "a.txt", data)) == ARTICLE.replace("\n", "\r\n")


def test_truncated_utf16(tmp_path):
    path = write(tmp_path / "a.txt", "\ufeffHello".encode("utf-16-le") + b"\x00")
    assert error_of(path) == f"{path}: starts with a UTF-16 byte-order mark but is not UTF-16"


@pytest.mark.parametrize("data", [b"a\r\nb\r\n", b"a\rb\r", b"a\nb\r\n\r\nc", b"  padded \t\n\n"])
def test_newlines_and_whitespace_preserved_exactly(tmp_path, data):
    assert read_text(write(tmp_path / "a.txt", data)) == data.decode("ascii")


def test_empty_file(tmp_path):
    path = write(tmp_path / "a.txt", b"")
    assert error_of(path) == f"{path}: empty file"
    bom_only = write(tmp_path / "b.txt", b"\xef\xbb\xbf")
    assert error_of(bom_only) == f"{bom_only}: empty file"


def test_binary_file(tmp_path):
    path = write(tmp_path / "b.bin", PNG_BYTES)
    assert error_of(path) == f"{path}: binary file, not text"


def test_control_characters_without_nuls_are_binary(tmp_path):
    path = write(tmp_path / "b.txt", bytes(range(1, 32)) * 20 + b"some words")
    assert error_of(path) == f"{path}: binary file, not text"


def test_missing_path(tmp_path):
    missing = tmp_path / "seeds" / "x.txt"
    assert error_of(missing) == f"{missing}: no such file"
    [error] = expand_inputs([str(missing)])
    assert isinstance(error, InputError) and str(error) == f"{missing}: no such file"


def test_directory_given_to_read_text(tmp_path):
    assert error_of(tmp_path) == f"{tmp_path}: is a directory"


def test_directory_without_text_files(tmp_path):
    write(tmp_path / "data" / "image.png", PNG_BYTES)
    argument = f"{tmp_path}/data/"  # reported as typed, trailing slash and all
    [error] = expand_inputs([argument])
    assert str(error) == f"{argument}: no text files in directory"


def test_directory_with_good_and_bad_files(tmp_path):
    data = tmp_path / "data"
    write(data / "c.txt", b"")
    write(data / "a.txt", ARTICLE.encode("utf-8"))
    write(data / "sub" / "d.md", b"Notes, \x93quoted\x94.")
    write(data / "b.text", PNG_BYTES)
    write(data / "e.TXT", b"upper-case suffix")
    write(data / "image.png", PNG_BYTES)  # not a text suffix: skipped, not an error
    write(data / ".hidden.txt", b"editor backup")
    write(data / ".git" / "notes.txt", b"not an article")

    results = list(iter_documents([data]))

    assert [name for name, _, _ in results] == [
        str(data / n) for n in ["a.txt", "b.text", "c.txt", "e.TXT", "sub/d.md"]]
    assert [text for _, text, _ in results] == [
        ARTICLE, None, None, "upper-case suffix", "Notes, “quoted”."]
    assert [error and str(error) for _, _, error in results] == [
        None, f"{data}/b.text: binary file, not text", f"{data}/c.txt: empty file", None, None]


def test_arguments_keep_the_order_given_and_a_bad_one_does_not_stop_the_rest(tmp_path):
    first = write(tmp_path / "z.txt", b"first")
    last = write(tmp_path / "a.txt", b"last")
    results = list(iter_documents([first, tmp_path / "missing.txt", last]))
    assert [(name, text) for name, text, _ in results] == [
        (str(first), "first"), (str(tmp_path / "missing.txt"), None), (str(last), "last")]
    assert str(results[1][2]) == f"{tmp_path}/missing.txt: no such file"


def test_file_over_the_limit_is_refused_without_being_read(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: instant, takes no disk
    tracemalloc.start()
    try:
        message = error_of(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == f"{path}: 50.0 MB is over the 10 MB limit (--max-size)"
    assert peak < 1024 * 1024


def test_max_bytes_is_adjustable(tmp_path):
    path = write(tmp_path / "a.txt", b"x" * 3 * 1024 * 1024)
    assert read_text(path) == "x" * 3 * 1024 * 1024
    assert error_of(path, max_bytes=2 * 1024 * 1024) == f"{path}: 3.0 MB is over the 2 MB limit (--max-size)"
    [(_, text, error)] = iter_documents([path], max_bytes=2 * 1024 * 1024)
    assert text is None and "over the 2 MB limit" in str(error)
    assert MAX_BYTES == 10 * 1024 * 1024


def test_error_message_stays_on_one_line(tmp_path):
    path = write(tmp_path / "bad\nname.txt", b"")
    message = error_of(path)
    assert "\n" not in message and message.endswith("bad\\x0aname.txt: empty file")


def stdin_with(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin(monkeypatch):
    stdin_with(monkeypatch, b"He said \x93yes\x94.\r\n")
    assert read_text("-") == "He said “yes”.\r\n"


def test_stdin_among_files(monkeypatch, tmp_path):
    path = write(tmp_path / "a.txt", b"from a file")
    stdin_with(monkeypatch, ARTICLE.encode("utf-8"))
    assert expand_inputs(["-", path]) == [Path("-"), path]
    assert list(iter_documents(["-", path])) == [("<stdin>", ARTICLE, None), (str(path), "from a file", None)]


def test_stdin_bad_input(monkeypatch):
    stdin_with(monkeypatch, b"")
    assert error_of("-") == "<stdin>: empty file"
    stdin_with(monkeypatch, b"x" * (1024 * 1024 + 1))
    assert error_of("-", max_bytes=1024 * 1024) == "<stdin>: input is over the 1 MB limit (--max-size)"
