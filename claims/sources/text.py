"""Plain text: the text exactly as decoded, and what its first lines say about it.

News pasted or saved as text often starts with a header block: the headline, a byline, a date
line, each a line of its own, then the body. Those lines stay in `text` (claims' offsets index
the text as given) and are only read for metadata. Each rule is narrow on purpose: a file with
no such header gets no title and no date rather than a wrong one.
"""
from __future__ import annotations

import re

from claims.sources.dates import parse_date
from claims.sources.document import SourceDocument

HEADER_LINES = 6          # non-empty lines from the top that may hold the header block
MAX_TITLE_CHARS = 200     # longer than any headline, shorter than most body paragraphs
MAX_TITLE_WORDS = 25      # PolNeAR's 982 headlines have at most 23 words
# "Published: January 6, 2025", "Updated on Jan. 6, 2025 10:30 KST": a label before a date line.
DATE_LABEL = re.compile(r"^(?:(?:last\s+)?(?:published|posted|updated|date|dated)(?:\s+on)?\s*:?\s*)",
                        re.IGNORECASE)
# "By Jane Smith" alone on its line; "By" in running text is lower case or goes on with a sentence.
BYLINE = re.compile(r"^By:?\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin)){1,4})$")
# A line ending like a sentence of the body (closing quotes and brackets aside) is not a headline.
SENTENCE_END = re.compile(r"[.,;:…]\W*$")


def parse_text(text: str, name: str) -> SourceDocument:
    """`text` as a document named `name`, with the title, author and date its header gives."""
    document = SourceDocument(text=text, name=name)
    header = _header_lines(text)
    if not header:
        return document
    first, rest = header[0], header[1:]
    if _looks_like_title(first, text):
        document.title = first
    for line in ([first] if document.title is None else []) + rest:
        byline = BYLINE.match(line)
        if byline and document.author is None:
            document.author = byline["name"]
            continue
        date = parse_date(DATE_LABEL.sub("", line))
        if date and document.published is None:
            document.published, document.published_at, document.timezone = date.date, date.at, date.timezone
    return document


def _header_lines(text: str) -> list[str]:
    """The stripped lines of the header block: the first line when it could be a headline,
    then each following line while it is a byline or a date line."""
    lines = [line.strip() for line in text.splitlines()[:HEADER_LINES * 4]]
    non_empty = [line for line in lines if line][:HEADER_LINES]
    # A first line too long for a headline is the body already: no header.
    if not non_empty or len(non_empty[0]) > MAX_TITLE_CHARS or len(non_empty[0].split()) > MAX_TITLE_WORDS:
        return []
    header = [non_empty[0]]
    for line in non_empty[1:]:
        if not _is_byline_or_date(line):
            break
        header.append(line)
    return header


def _looks_like_title(line: str, text: str) -> bool:
    """A headline: short, starting like one, not ending like a body sentence, alone on its line
    (hard-wrapped body text has short lines too, but they run straight on to the next line)
    and followed by more text."""
    words = line.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or SENTENCE_END.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘«"):
        return False
    if _is_byline_or_date(line):
        return False
    after = text[text.index(line) + len(line):]
    # after the title's own line ends, the next line must be blank (or a byline or date line)
    _, _, following = after.partition("\n")
    next_line = following.partition("\n")[0].strip()
    if next_line and not _is_byline_or_date(next_line):
        return False
    return bool(following.strip())


def _is_byline_or_date(line: str) -> bool:
    return bool(BYLINE.match(line) or parse_date(DATE_LABEL.sub("", line)))
