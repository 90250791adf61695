"""Reading attribution gold in brat standoff, laid out as the PolNeAR corpus is.

A gold directory holds `text/<stem>.txt` (the article) and
`attributions/<stem>_<annotator>.ann` (its annotation). When an article has several
annotators, only the first .ann in sorted order counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Ranges = tuple[tuple[int, int], ...]

QUOTE_MARKS = ("\u201c", "\u201d", '"', "''", "``")
SPAN_ROLES = {"Source", "Cue", "Content", "Attribution", "Attribution-no-source",
              "Discard", "Discuss"}
# brat numbers repeated arguments of one event: Content, Content2, ...
ARGUMENT = re.compile(r"([A-Za-z-]+?)\d*:(T\d+)$")
SPAN_HEADER = re.compile(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)$")
# Notes, attributes, relations, normalizations: brat lines the gold does not need.
OTHER_ANNOTATION = re.compile(r"#|[ARNM]\d+\t")


class GoldError(Exception):
    """The gold directory or one of its files is not what it should be."""


@dataclass(frozen=True)
class GoldAttribution:
    content: Ranges
    source: Ranges | None
    cue: Ranges | None
    quoted: bool


@dataclass
class GoldDocument:
    stem: str
    text: str
    attributions: list[GoldAttribution]


def span_text(text: str, ranges: Ranges) -> str:
    """The text of one or more ranges, pieces joined with one space (as brat does)."""
    return " ".join(text[start:end] for start, end in ranges)


def is_quoted(text: str) -> bool:
    return any(mark in text for mark in QUOTE_MARKS)


def read_text(path: Path) -> str:
    # No newline translation: the offsets count every "\r" the file holds.
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def load_gold(gold_dir: str | Path) -> dict[str, GoldDocument]:
    """Every annotated article in `gold_dir`, keyed by stem, in sorted order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"gold directory {gold_dir} does not exist")
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    if not text_dir.is_dir():
        raise GoldError(f"gold directory {gold_dir} has no text/ folder")
    if not ann_dir.is_dir():
        raise GoldError(f"gold directory {gold_dir} has no attributions/ folder")
    ann_paths = sorted(ann_dir.glob("*.ann"))
    if not ann_paths:
        raise GoldError(f"no .ann files in {ann_dir}")

    first_ann: dict[str, Path] = {}
    for path in ann_paths:
        stem, underscore, annotator = path.stem.rpartition("_")
        if not underscore or not stem or not annotator:
            raise GoldError(f"{path}: name is not <stem>_<annotator>.ann")
        first_ann.setdefault(stem, path)

    documents = {}
    for stem, ann_path in sorted(first_ann.items()):
        text_path = text_dir / f"{stem}.txt"
        if not text_path.is_file():
            raise GoldError(f"{ann_path}: no text file {text_path}")
        text = read_text(text_path)
        documents[stem] = GoldDocument(stem, text, parse_ann(ann_path, text))
    return documents


def parse_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions (events with a Content) of one .ann file, in file order."""
    spans: dict[str, Ranges] = {}
    events: list[tuple[int, dict[str, list[str]]]] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        number, line = index + 1, lines[index]
        index += 1
        if line.startswith("T"):
            span_id, ranges = parse_span_line(path, number, line, len(text))
            spans[span_id] = ranges
            # A span crossing a line break carries its text on to the following lines.
            index += span_text(text, ranges).count("\n")
        elif line.startswith("E"):
            events.append((number, parse_event_line(path, number, line)))
        elif line.strip() and not OTHER_ANNOTATION.match(line):
            raise GoldError(f"{path}:{number}: unrecognised line {line[:40]!r}")

    attributions = []
    for number, arguments in events:
        missing = [s for ids in arguments.values() for s in ids if s not in spans]
        if missing:
            raise GoldError(f"{path}:{number}: event refers to unknown span {missing[0]}")
        if "Content" not in arguments:
            continue

        def ranges_of(role: str) -> Ranges | None:
            if role not in arguments:
                return None
            return tuple(sorted(r for span_id in arguments[role] for r in spans[span_id]))

        content = ranges_of("Content")
        attributions.append(GoldAttribution(
            content=content, source=ranges_of("Source"), cue=ranges_of("Cue"),
            quoted=is_quoted(span_text(text, content))))
    return attributions


def parse_span_line(path: Path, number: int, line: str, text_length: int) -> tuple[str, Ranges]:
    fields = line.split("\t")
    header = SPAN_HEADER.match(fields[1]) if len(fields) >= 3 else None
    if not header or not re.fullmatch(r"T\d+", fields[0]):
        raise GoldError(f"{path}:{number}: malformed span line {line[:40]!r}")
    role, range_list = header.groups()
    if role not in SPAN_ROLES:
        raise GoldError(f"{path}:{number}: unknown role {role!r}")
    ranges = tuple(tuple(int(n) for n in piece.split()) for piece in range_list.split(";"))
    for start, end in ranges:
        if not 0 <= start <= end <= text_length:
            raise GoldError(f"{path}:{number}: range {start}-{end} outside the text "
                            f"({text_length} characters)")
    return fields[0], ranges


def parse_event_line(path: Path, number: int, line: str) -> dict[str, list[str]]:
    """An event's arguments by role, with Attribution-no-source kept as its own role."""
    fields = line.split("\t")
    if len(fields) != 2 or not re.fullmatch(r"E\d+", fields[0]):
        raise GoldError(f"{path}:{number}: malformed event line {line[:40]!r}")
    arguments: dict[str, list[str]] = {}
    for argument in fields[1].split():
        match = ARGUMENT.match(argument)
        if not match:
            raise GoldError(f"{path}:{number}: malformed event argument {argument!r}")
        role, span_id = match.groups()
        arguments.setdefault(role, []).append(span_id)
    return arguments
