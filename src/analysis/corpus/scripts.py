"""JavaScript that a scraper kept inside the text of an article.

Some scrapers copy an embedded player's or post's script into the text, glued to the words around
it: "Watch the video below:(function(d, s, id) { var js, fjs = d.getElementsByTagName(s)[0]; ...
}(document, 'script', 'facebook-jssdk'));The town hall began ...". ``find_scripts`` finds such
a function that calls itself (``(function(...) {...}(...));``, ``(function(...) {...})(...);`` or
``!function(...) {...}(...);``) by reading its brackets to where they close, outside its quoted
strings, so that the cleaning takes out the script and nothing of the words on either side. A
function whose brackets do not close within ``MAX_SCRIPT_CHARS`` is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["MAX_SCRIPT_CHARS", "find_scripts"]

# The start of a function that calls itself, up to the opening brace of its body.
_SCRIPT_START = re.compile(r"(?P<open>[(!])\s*function\s*\w*\s*\([\w\s,$]*\)\s*\{")
_CALL_AFTER = re.compile(r"\s*\([^()]*\)")
_SEMICOLON = re.compile(r"\s*;")
_OPENING, _CLOSING = "({[", ")}]"
# The longest script read: past it the brackets are taken as never closing (prose, not code).
MAX_SCRIPT_CHARS = 5_000


def find_scripts(line: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of each self-calling JavaScript function in a line, in order."""
    spans: list[tuple[int, int]] = []
    if "function" not in line:
        return spans
    for match in _SCRIPT_START.finditer(line):
        if spans and match.start() < spans[-1][1]:
            continue
        # Open at the body's brace: the brace, and the bracket before "function" if there is one.
        end = _closing(line, match.end(), 2 if match.group("open") == "(" else 1)
        if end is None:
            continue
        call = _CALL_AFTER.match(line, end)  # "})(document)" or, after "!function", "}(document)"
        if call:
            end = call.end()
        semicolon = _SEMICOLON.match(line, end)
        spans.append((match.start(), semicolon.end() if semicolon else end))
    return spans


def _closing(line: str, position: int, depth: int) -> int | None:
    """Return the offset just after the bracket that brings ``depth`` open brackets to none, reading
    from ``position`` and skipping quoted strings; None when they do not close within
    ``MAX_SCRIPT_CHARS``."""
    limit = min(len(line), position + MAX_SCRIPT_CHARS)
    quote = None
    index = position
    while index < limit:
        character = line[index]
        if quote is not None:
            if character == "\\":
                index += 1
            elif character == quote:
                quote = None
        elif character in "'\"`":
            quote = character
        elif character in _OPENING:
            depth += 1
        elif character in _CLOSING:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None
