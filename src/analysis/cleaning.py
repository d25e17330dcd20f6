"""Clean the raw text of one article: take out scraping debris, keep every word of the story.

Each rule works on lines, and every line (or part of a line) it takes out is returned with a
reason, so the corpus can list it in ``removed``. Quote marks and apostrophes are kept exactly as
written, curly or straight.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.html

from analysis.caching import CACHE_SIZE

# Characters that are invisible or are spaces of another width; all become one plain space or go.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u00ad"), None)
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_RUNS_OF_SPACES = re.compile(r" {2,}")

# A leading "date 2018-02-13" header that some scrapers put before the text (possibly on the
# same line as the first paragraph).
DATE_HEADER = re.compile(r"^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)

# Tags that look like HTML: an opening, closing or self-closing tag with a known shape.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote|tr|section|article)\s*>")

# Photo credits that end a caption line: "... - Reuters", "... Credit: Evan Vucci/AP",
# "... (AP/Manuel Balce Ceneta)", "Photo: Getty Images".
PHOTO_AGENCIES = r"(?:AP|AFP|PA|Reuters|Getty(?: Images)?|EPA|Bloomberg|Yonhap|Xinhua|Shutterstock|Alamy)"
CREDIT_LINE = re.compile(
    r"(?:\b(?:Credit|Photo(?:graph)?|Picture|Image)s?\s*:\s*\S"
    rf"|\s[-–—]\s*{PHOTO_AGENCIES}\s*$"
    rf"|\(\s*{PHOTO_AGENCIES}\s*(?:/[^()]*)?\)\s*$"
    r"|\([^()]*/\s*(?:Getty|Reuters|AP|AFP|PA|EPA)\b[^()]*\)\s*$)"
)
# Page furniture: a short heading or navigation line with "|" separators ("In numbers | Defectors").
FURNITURE_LINE = re.compile(r"^[^.!?]{1,120}\s\|\s[^.!?]{1,120}$")
# A line that ends a sentence; one that does not is a hard wrap inside a paragraph.
SENTENCE_END = re.compile(r"[.!?:;\"”’')\]…]$")
# A truncated caption must be this long before it counts as a copy of the next line.
MIN_TRUNCATED_LENGTH = 15

REASON_DATE_HEADER = "date header (kept as the article's date)"
REASON_CAPTION = "photo caption (the scraped text repeats it)"
REASON_REPEAT = "repeated copy of the line before"
REASON_TRUNCATED = "truncated copy of the next line (a cut-off caption)"
REASON_CREDIT = "photo caption with a credit line"
REASON_FURNITURE = "page furniture (heading or navigation with '|')"
REASON_TITLE = "title repeated at the top of the text"


@dataclass
class RemovedLine:
    """A line (or the start of one) that cleaning took out of the text."""

    line_number: int
    text: str
    reason: str


@dataclass
class CleanText:
    """The result of cleaning one article."""

    text: str
    paragraphs: list[tuple[int, int]]
    removed: list[RemovedLine] = field(default_factory=list)
    header_date: str | None = None
    had_html: bool = False


@lru_cache(maxsize=CACHE_SIZE)
def normalise_whitespace(line: str) -> str:
    """Return the line with invisible characters dropped and every run of spaces made one space."""
    line = line.translate(_INVISIBLE)
    line = _ODD_SPACES.sub(" ", line)
    return _RUNS_OF_SPACES.sub(" ", line).strip()


def strip_html(text: str) -> str:
    """Return the text of an HTML fragment: tags and scripts gone, entities decoded, blocks as lines."""
    text = _BLOCK_END.sub("\n\n", text)
    fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    for element in fragment.xpath(".//script|.//style"):
        element.drop_tree()
    return html.unescape(fragment.text_content())


def _normalised_key(line: str) -> str:
    return line.casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def _classify_lines(lines: list[str], title: str | None) -> dict[int, str]:
    """Return {index: reason} for the lines that are debris rather than story."""
    reasons: dict[int, str] = {}
    nonblank = [i for i, line in enumerate(lines) if line]
    for position, index in enumerate(nonblank):
        line = lines[index]
        next_line = lines[nonblank[position + 1]] if position + 1 < len(nonblank) else None
        previous = lines[nonblank[position - 1]] if position > 0 else None
        if previous is not None and line == previous:
            reasons[index] = REASON_REPEAT
            reasons.setdefault(nonblank[position - 1], REASON_CAPTION)
        elif (
            next_line is not None
            and len(line) >= MIN_TRUNCATED_LENGTH
            and len(line) < len(next_line)
            and next_line.startswith(line)
            and not SENTENCE_END.search(line)
        ):
            reasons[index] = REASON_TRUNCATED
            reasons[nonblank[position + 1]] = REASON_CAPTION
        elif index not in reasons and CREDIT_LINE.search(line):
            reasons[index] = REASON_CREDIT
        elif index not in reasons and FURNITURE_LINE.match(line) and len(line.split()) <= 12:
            reasons[index] = REASON_FURNITURE
    if title and nonblank:
        first = nonblank[0]
        if first not in reasons and _normalised_key(lines[first]) == _normalised_key(title.strip()):
            reasons[first] = REASON_TITLE
    return reasons


def _assemble(lines: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join kept lines into paragraphs separated by blank lines; hard-wrapped lines are rejoined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if SENTENCE_END.search(line):
            paragraphs.append(" ".join(current))
            current = []
    spans = []
    position = 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return "\n\n".join(paragraphs), spans


def clean_text(raw: str, *, title: str | None = None) -> CleanText:
    """Return the cleaned body of one article, its paragraph offsets and every line taken out.

    ``title``, when given, lets the rule that drops a title repeated at the top of the text work.
    """
    raw = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    had_html = bool(HTML_TAG.search(raw))
    if had_html:
        raw = strip_html(raw)
    lines = [normalise_whitespace(line) for line in raw.split("\n")]
    removed: list[RemovedLine] = []

    header_date = None
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:
        match = DATE_HEADER.match(lines[first])
        if match:
            header_date = match.group(1)
            removed.append(RemovedLine(first + 1, match.group(0).strip(), REASON_DATE_HEADER))
            lines[first] = lines[first][match.end():].strip()

    reasons = _classify_lines(lines, title)
    for index in sorted(reasons):
        removed.append(RemovedLine(index + 1, lines[index], reasons[index]))
        lines[index] = ""
    text, spans = _assemble(lines)
    return CleanText(text=text, paragraphs=spans, removed=removed, header_date=header_date, had_html=had_html)
