"""Reading the user's input: file and directory arguments in, decoded text out.

A bad input becomes a one-line InputError naming the path, so a batch can report it
and go on. The text is the file's decoded content exactly, with no newline translation
or stripping, because every offset the extractor reports is an offset into it.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
from pathlib import Path
from typing import Collection, Iterable, Iterator

import charset_normalizer

MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
# "-" on the command line means standard input (a file really named "-" needs an
# absolute path: Path("./-") is Path("-")).
STDIN = Path("-")
STDIN_NAME = "<stdin>"

# A byte-order mark settles the encoding, and these codecs drop it: it is a signature,
# not content, and an invisible U+FEFF at offset 0 would shift every offset against
# what editors show. UTF-32 LE goes first as its mark starts with UTF-16 LE's.
BOM_CODECS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
]
# Control characters other than \t \n \v \f \r. Real text has at most a stray one;
# binary data read as an 8-bit charset is about 12% of them, so 5% separates the two.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_RATIO = 0.05
# On short text charset-normalizer ranks near-ties arbitrarily (cp775, iso8859_10,
# mac_roman...). Windows-1252 is by far the likeliest legacy encoding for news text,
# and what files labelled latin-1 really are, so it wins when it is about as clean.
CP1252_CHAOS_MARGIN = 0.1
# Escapes for characters that would break a one-line message if a file name has them.
ONE_LINE = {code: f"\\x{code:02x}" for code in range(32)}


class InputError(Exception):
    """An input that cannot be read as text; str() is `PATH: what is wrong`."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}".translate(ONE_LINE))
        self.path = path
        self.problem = problem


def display_name(path: str | os.PathLike) -> str:
    """The path as the user would recognise it, safe to print and to put in JSON."""
    name = os.fspath(path)
    if name == "-":
        return STDIN_NAME
    # Undecodable bytes in a file name come back from the OS as lone surrogates,
    # which cannot be printed or encoded; show them as \xNN instead.
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_text(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of `path` ("-" for standard input), or InputError."""
    return text_of(read_bytes(path, max_bytes), display_name(path))


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> bytes:
    """The raw content of `path` ("-" for standard input), at most `max_bytes`, or InputError."""
    name = display_name(path)
    if os.fspath(path) == "-":
        if getattr(sys.stdin, "buffer", None) is None:
            raise InputError(name, "standard input is not available")
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            with open(path, "rb") as file:
                size = os.fstat(file.fileno()).st_size
                if size > max_bytes:  # checked before reading a single byte
                    raise InputError(name, too_large(max_bytes, size))
                data = file.read(max_bytes + 1)
        except OSError as error:
            problem = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
            raise InputError(name, (problem or str(error)).lower()) from None
    # Reads are bounded because pipes, devices and stdin have no size to stat.
    if len(data) > max_bytes:
        raise InputError(name, too_large(max_bytes))
    return data


def too_large(max_bytes: int, size: int | None = None) -> str:
    """The problem with an input over `max_bytes`: "50.0 MB is over the 10 MB limit (--max-size)"
    when its size is known beforehand, "input is over ..." when it showed only while reading."""
    limit = f"over the {_megabytes(max_bytes)} MB limit (--max-size)"
    return f"input is {limit}" if size is None else f"{_megabytes(size, digits='.1f')} MB is {limit}"


def text_of(data: bytes, name: str, encoding: str | None = None) -> str:
    """`data` decoded (see decode), or InputError when it is empty or binary."""
    text = decode(data, name, encoding)
    if not text:
        raise InputError(name, "empty file")
    if len(CONTROL_CHARACTER.findall(text)) > MAX_CONTROL_RATIO * len(text):
        raise InputError(name, "binary file, not text")
    return text


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """`data` as text: byte-order mark, then the declared `encoding` (an HTTP header's or an
    HTML page's charset) when the bytes fit it, then strict UTF-8, then charset-normalizer."""
    for bom, codec in BOM_CODECS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                label = codec.upper().removesuffix("-SIG")
                raise InputError(name, f"starts with a {label} byte-order mark but is not {label}") from None
    declared = _declared_codec(encoding)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # mislabelled, as pages often are: detect as for an unlabelled file
    if b"\x00" in data:  # only after the BOM check: UTF-16 and UTF-32 text is full of NULs
        raise InputError(name, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError(name, "binary file, not text")
    encoding = matches[0].encoding
    if any("cp1252" in match.could_be_from_charset
           and match.chaos <= matches[0].chaos + CP1252_CHAOS_MARGIN for match in matches):
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(name, "binary file, not text") from None


def expand_inputs(paths: Iterable[str | os.PathLike],
                  suffixes: Collection[str] = TEXT_SUFFIXES) -> list[Path | InputError]:
    """Each argument as a file (STDIN for "-"), a directory as its files with one of
    `suffixes` sorted, in the order given; a missing path or a directory without such
    files is an InputError."""
    inputs: list[Path | InputError] = []
    for argument in paths:
        raw, path = os.fspath(argument), Path(argument)
        if raw == "-":
            inputs.append(STDIN)
        elif path.is_dir():
            inputs.extend(text_files_in(path, suffixes)
                          or [InputError(display_name(raw), "no text files in directory")])
        elif path.exists():
            inputs.append(path)
        else:
            inputs.append(InputError(display_name(raw), "no such file"))
    return inputs


def text_files_in(directory: Path, suffixes: Collection[str] = TEXT_SUFFIXES) -> list[Path]:
    """Files under `directory` with one of `suffixes` (lower case, as ".txt"), sorted.
    Hidden files and directories (.git, .venv, editor backups) are not articles; os.walk
    also skips unreadable directories."""
    found: list[Path] = []
    for root, subdirectories, files in os.walk(directory):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        found.extend(Path(root, name) for name in files
                     if not name.startswith(".") and Path(name).suffix.lower() in suffixes)
    return sorted(found)


def iter_documents(paths: Iterable[str | os.PathLike],
                   max_bytes: int = MAX_BYTES) -> Iterator[tuple[str, str | None, InputError | None]]:
    """(name, text, None) for each readable input and (name, None, error) for each
    bad one, in order; never raises for a bad file."""
    for item in expand_inputs(paths):
        if isinstance(item, InputError):
            yield item.path, None, item
            continue
        try:
            text = read_text(item, max_bytes)
        except InputError as error:
            yield error.path, None, error
        else:
            yield display_name(item), text, None


def _declared_codec(encoding: str | None) -> str | None:
    """Python's codec for a declared charset, or None when it names none. Pages labelled
    latin-1 or ASCII are Windows-1252, as browsers read them (its curly quotes are the
    usual non-ASCII bytes in such news pages)."""
    if not encoding:
        return None
    try:
        codec = codecs.lookup(encoding.strip().strip("'\"")).name
    except LookupError:
        return None
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


def _megabytes(size: int, digits: str = ".3g") -> str:
    """10, 0.001 (a limit as given), 50.0 (a file's size); tiny sizes keep their significant digits."""
    megabytes = size / 2**20
    return format(megabytes, digits if megabytes >= 0.1 else ".3g")
