"""The quote sheet as Markdown (CommonMark): a heading per group, each quote a blockquote followed by its
attribution line and the analyst's note. Every piece of stored text is escaped, so that a quote, a
title or a note shows as written and never turns into markup, links or HTML."""
from __future__ import annotations

import re

from claims.export.sheet import QuoteRow, QuoteSheet, attribution, is_web_link, trailing_parts

# Punctuation that means something inline anywhere in a line (emphasis, code, links, HTML, entities,
# tables, strikethrough; '#' because a heading's trailing '#'s would be dropped as its closing sequence).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
# What makes a line a block when it starts it: quote, list, setext underline, thematic break, ordered list.
_ORDERED_ITEM = re.compile(r"(\d{1,9})([.)])")


def inline(text: str | None) -> str:
    """Text inside a line (after '## ', '— ', '*Note:* '), on one line: whitespace runs to one space, and
    inline markup escaped."""
    return _INLINE.sub(r"\\\1", " ".join((text or "").split()))


def escape_line(text: str) -> str:
    """Text that starts a line: stripped (leading spaces would start a code block), inline markup escaped,
    and a block marker at its start escaped."""
    line = inline(text)
    if line[:1] in ("+", "-", "=", ">"):
        return "\\" + line
    item = _ORDERED_ITEM.match(line)
    if item:
        return item.group(1) + "\\" + line[item.end(1):]
    return line


def _link_destination(url: str) -> str:
    # In <...> a destination may hold parentheses and most characters; only these need encoding.
    return "<" + url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E") + ">"


def _source(row: QuoteRow) -> str | None:
    """'Outlet, [Title](url)', with whichever of them the claim's document has."""
    if is_web_link(row.url):
        linked = f"[{inline(row.title or row.url)}]({_link_destination(row.url)})"
    else:
        linked = ", ".join(inline(text) for text in (row.title, row.url) if text) or None
    parts = [part for part in (inline(row.outlet) if row.outlet else None, linked) if part]
    return ", ".join(parts) or None


def attribution_line(row: QuoteRow) -> str:
    parts = [inline(part) for part in attribution(row)]
    source = _source(row)
    if source:
        parts.append(source)
    parts += [inline(part) for part in trailing_parts(row)]
    return "— " + " · ".join(parts)


def blockquote(text: str) -> str:
    """Each line of the quote behind '> '; blank lines kept as '>', so a quote over several paragraphs
    stays one blockquote."""
    return "\n".join(f"> {escape_line(line)}" if line.strip() else ">" for line in text.strip().splitlines())


def render_markdown(sheet: QuoteSheet) -> bytes:
    lines = ["# Quote sheet", "", f"**Selection:** {inline(sheet.description)}", "", escape_line(sheet.summary())]
    for group in sheet.groups:
        lines += ["", f"## {inline(group.label)}"]
        for row in group.rows:
            lines += ["", blockquote(row.text) or ">", "", attribution_line(row)]
            if row.note and row.note.strip():
                lines += ["", f"*Note:* {inline(row.note)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")
