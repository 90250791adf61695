"""One regular expression for many literal phrases, shaped as a trie.

A plain alternation `a|b|c|...` of a thousand names makes the engine try every name at every
position; the trie form (`N(?:orth(?: Korea(?:n)?)?|...)`) walks each phrase once and, being greedy,
tries the longest phrase first and falls back to shorter ones when a word boundary check fails.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

APOSTROPHES = "'’"
_END = ""  # trie key marking that a phrase ends at this node


def phrase_key(text: str) -> str:
    """The form phrases are stored and looked up in: one kind of apostrophe, single spaces."""
    return " ".join(text.replace("’", "'").split())


def phrase_pattern(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A pattern matching any of `phrases` (no boundaries added). A space in a phrase matches `space`
    (so a name broken over a line still matches); an apostrophe matches ' or ’."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase_key(phrase):
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(trie, space) if trie else r"(?!x)x"  # no phrase: a pattern that never matches


def _render(node: dict, space: str) -> str:
    branches = [_char(char, space) + _render(child, space) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # a phrase may end here: the longer ones are optional (greedy, so tried first)
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body


def _char(char: str, space: str) -> str:
    if char == " ":
        return space
    if char == "'":
        return "[" + APOSTROPHES + "]"
    return re.escape(char)
