"""Clean the raw text of one article: take out scraping debris, keep every word of the story.

Each rule works on lines, and every line, or part of a line, that it takes out or repairs is
returned with its reason and offsets, so the corpus can list it in ``removed``. A rule that takes
out a whole line (a caption, a credit, page furniture) applies only to a line that looks like one:
short, not a run of sentences. In a line of prose only the credit itself is taken out, or, where
its end cannot be told, nothing, with a doubt for the problems table. Quote marks and apostrophes
are kept exactly as written, curly or straight; an apostrophe lost in scraping ("don t") is put
back and listed.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass, field

import lxml.html
from lxml.html import defs as html_definitions

from analysis.corpus import codes
from analysis.corpus.codes import REMOVAL_REASONS
from analysis.corpus.credits import PAREN_CREDIT, find_credits
from analysis.corpus.repairs import Repair, glued_breaks, lost_apostrophe_kinds
from analysis.corpus.scripts import find_scripts

__all__ = [
    "CAPTION_MAX_CHARS", "CAPTION_MAX_SENTENCES", "DATE_HEADER", "DOUBLED_CAPTION_MAX_CHARS",
    "DOUBLED_CAPTION_MAX_SENTENCES", "DOUBT_SNIPPET_CHARS", "FURNITURE_LINE", "FURNITURE_MAX_WORDS",
    "HEADING_MAX_CHARS", "HEADING_MAX_WORDS", "HTML_ELEMENTS", "KEPT_CREDIT_ACTION", "LONG_REMOVAL_ACTION",
    "MIN_TRUNCATED_LENGTH", "REMOVED", "REPAIRED", "REPORTED_REMOVAL_CHARS", "SENTENCE_END", "TAG_SHAPE",
    "CleanText", "Doubt", "RemovedLine", "caption_like", "clean_text", "html_tags", "normalise_whitespace",
    "read_lines", "strip_html",
]

# Characters that are invisible or are spaces of another width; all become one plain space or go.
_INVISIBLE_CHARACTERS = "\ufeff\u200b\u2060\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARACTERS), None)
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_RUNS_OF_SPACES = re.compile(r" {2,}")

# A leading "date 2018-02-13" header that some scrapers put before the text (possibly on the
# same line as the first paragraph).
DATE_HEADER = re.compile(r"^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)

# Something shaped like a tag: an opening, closing or self-closing tag. It is HTML only when its
# name is an HTML element ("<p>", "</b>"); "<The Palace: Tale of Jang Noksu>" is a title in angle
# brackets and stays as text.
TAG_SHAPE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
HTML_ELEMENTS = frozenset(html_definitions.tags)
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote|tr|section|article)\s*>")

# Page furniture: a short heading or navigation line with "|" separators ("In numbers | Defectors").
# A line that starts or ends with "|" is a table row, which is content.
FURNITURE_LINE = re.compile(r"^[^.!?|]{1,120}\s\|\s[^.!?]{1,120}$")
FURNITURE_MAX_WORDS = 12
_DATE = re.compile(r"(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2},?)\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")
# A line that ends a sentence; one that does not is a hard wrap inside a paragraph, or a heading.
SENTENCE_END = re.compile(r"[.!?:;\"”’')\]…]$")
# A sentence boundary inside a line: end punctuation, a space, then a capital or an opening quote.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘(]?[A-Z]")
# A caption is short: a sentence or three (AP's "FILE - In this ... file photo, ..." captions run
# to about 400 characters). Longer lines, or more sentences, are prose that no caption rule touches.
CAPTION_MAX_CHARS = 400
CAPTION_MAX_SENTENCES = 3
# A line repeated in a row loses its first copy too only when it is short enough to be a photo
# caption shown twice (once as the picture's caption, once as its description); a repeated
# paragraph of prose keeps its first copy.
DOUBLED_CAPTION_MAX_CHARS = 300
DOUBLED_CAPTION_MAX_SENTENCES = 2
# A truncated caption must be this long before it counts as a copy of the next line.
MIN_TRUNCATED_LENGTH = 15
# A title-case line ("Power and Protest") above a paragraph that starts with its words ("Power and
# Protesters gathered ...") is a subheading, not a cut-off caption: captions are written in
# sentence case ("Ji Seong-ho holds up his crutches after being ackn").
_TITLE_CASE_MIN_LETTERS = 4
# A subheading: a short line that ends no sentence, on its own after a paragraph, before a line
# starting with a capital. Longer lines that end no sentence are hard-wrapped prose.
HEADING_MAX_WORDS = 10
HEADING_MAX_CHARS = 70
# A repeated line that opens with a quote mark is a quotation shown twice (a pull quote), not a
# caption: its first copy stays.
_OPENING_QUOTES = "\"“‘'"

# How much of a doubtful credit the problems table quotes (cut at a word).
DOUBT_SNIPPET_CHARS = 60
# Every caption rule takes out at most a caption (CAPTION_MAX_CHARS); a removal longer than that (a
# repeated paragraph) may be story text, so it is also listed as a problem, which strict loading
# refuses.
REPORTED_REMOVAL_CHARS = CAPTION_MAX_CHARS
KEPT_CREDIT_ACTION = "kept: taking it out could take prose with it; delete the credit by hand if it is one"
LONG_REMOVAL_ACTION = (f"removed: longer than a caption ({REPORTED_REMOVAL_CHARS} characters), so it may be story "
                       "text; check corpus.removed and restore it if it is")

REMOVED = "removed"
REPAIRED = "repaired"


@dataclass
class RemovedLine:
    """A line, or part of one, that cleaning took out or repaired.

    ``reason_code`` says why (one of ``analysis.corpus.codes.REMOVAL_REASONS``, whose English is
    ``reason``); ``start`` and ``end`` are offsets into the line as read, with its spaces
    normalised; ``change`` is "removed" or "repaired", and ``replacement`` what a repair put in its place.
    """

    line_number: int
    text: str
    reason_code: str
    start: int = 0
    end: int | None = None
    change: str = REMOVED
    replacement: str = ""

    def __post_init__(self) -> None:
        if self.end is None:
            self.end = self.start + len(self.text)

    @property
    def reason(self) -> str:
        """Why the line was changed, in English."""
        return REMOVAL_REASONS[self.reason_code]


@dataclass
class Doubt:
    """Something that may be debris but was kept, because taking it out could take prose too, or
    that was taken out but is longer than a caption; ``problem`` and ``action`` are its row of the
    corpus's problems table, ``code`` its kind (``analysis.corpus.codes.PROBLEM_CODES``)."""

    line_number: int
    text: str
    why: str
    action: str = KEPT_CREDIT_ACTION
    problem: str = ""
    code: str = codes.CREDIT_UNCLEAR

    def __post_init__(self) -> None:
        if not self.problem:
            self.problem = f"'{self.text}…' looks like {self.why}, inside the text"


@dataclass
class CleanText:
    """The result of cleaning one article."""

    text: str
    paragraphs: list[tuple[int, int]]
    removed: list[RemovedLine] = field(default_factory=list)
    header_date: str | None = None
    had_html: bool = False
    doubts: list[Doubt] = field(default_factory=list)


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    replacement: str
    reason_code: str
    change: str


def normalise_whitespace(line: str) -> str:
    """Return the line with invisible characters dropped and every run of spaces made one space."""
    if line.isascii() and "\t" not in line and "  " not in line:
        return line.strip()  # most lines: nothing invisible, no odd space (all of those are non-ASCII or a tab)
    if any(character in line for character in _INVISIBLE_CHARACTERS):  # rare; translate reads every character slowly
        line = line.translate(_INVISIBLE)
    line = _ODD_SPACES.sub(" ", line)
    if "  " in line:  # found at once, where the pattern is tried at every character
        line = _RUNS_OF_SPACES.sub(" ", line)
    return line.strip()


def html_tags(text: str) -> list[str]:
    """Return the HTML tags in a text: tag-shaped spans whose name is an HTML element."""
    return [match.group(0) for match in TAG_SHAPE.finditer(text) if match.group(1).lower() in HTML_ELEMENTS]


def strip_html(text: str) -> str:
    """Return the text of an HTML fragment: tags and scripts gone, entities decoded, blocks as lines.

    Angle brackets that do not make an HTML tag ("<The Palace: Tale of Jang Noksu>") are kept as text.
    """
    text = TAG_SHAPE.sub(lambda match: match.group(0) if match.group(1).lower() in HTML_ELEMENTS
                         else html.escape(match.group(0), quote=False), text)
    text = _BLOCK_END.sub("\n\n", text)
    fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    for element in fragment.xpath(".//script|.//style"):
        element.drop_tree()
    return fragment.text_content()


def _normalised_key(line: str) -> str:
    return line.casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def _sentence_count(line: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(line))


def caption_like(line: str, *, max_chars: int = CAPTION_MAX_CHARS, max_sentences: int = CAPTION_MAX_SENTENCES) -> bool:
    """Whether a line is short enough to be a photo caption: no longer than ``max_chars`` and no
    more than ``max_sentences`` sentences. A caption rule never takes out a longer line."""
    return len(line) <= max_chars and _sentence_count(line) <= max_sentences


def _doubled_caption(line: str) -> bool:
    return (caption_like(line, max_chars=DOUBLED_CAPTION_MAX_CHARS, max_sentences=DOUBLED_CAPTION_MAX_SENTENCES)
            and not line.startswith(tuple(_OPENING_QUOTES)))


def _table_row(line: str) -> bool:
    return line.startswith("|") or line.endswith("|")


def _date_range(line: str) -> bool:
    """Whether every side of a "|" line is a date ("29 November 2018 | 20 January 2019"): content."""
    return all(_DATE.fullmatch(side.strip()) for side in line.split("|"))


def _credit_caption(line: str) -> bool:
    """A caption-sized line that ends in a photo credit, or is only a credit. A bare agency after a
    dash ("... - AP") marks a caption only on a line of one sentence."""
    if not caption_like(line):
        return False
    for credit in find_credits(line):
        if credit.at_end and credit.delimited:
            return not credit.bare or _sentence_count(line[:credit.start]) == 1
    return False


def _classify_lines(lines: list[str], title: str | None) -> dict[int, str]:
    """Return {index: reason code} for the whole lines that are debris rather than story."""
    reasons: dict[int, str] = {}
    nonblank = [i for i, line in enumerate(lines) if line]
    for position, index in enumerate(nonblank):
        line = lines[index]
        next_line = lines[nonblank[position + 1]] if position + 1 < len(nonblank) else None
        previous = lines[nonblank[position - 1]] if position > 0 else None
        if previous is not None and line == previous:
            reasons[index] = codes.REPEATED_LINE
            if _doubled_caption(previous):
                reasons.setdefault(nonblank[position - 1], codes.CAPTION)
        elif (
            next_line is not None
            and len(line) >= MIN_TRUNCATED_LENGTH
            and len(line) < len(next_line)
            and next_line.startswith(line)
            and line[-1].isalnum() and next_line[len(line)].isalnum()  # cut off inside a word
            and caption_like(next_line)
            and not _title_case(line)
        ):
            reasons[index] = codes.TRUNCATED_CAPTION
            reasons[nonblank[position + 1]] = codes.CAPTION
        elif index not in reasons and len(nonblank) > 1 and _credit_caption(line):
            # (the only line of a text is the article, never a caption: its credit alone goes)
            reasons[index] = codes.CREDIT_CAPTION
        elif (index not in reasons and FURNITURE_LINE.match(line) and len(line.split()) <= FURNITURE_MAX_WORDS
              and not _table_row(line) and not _date_range(line)
              and not (next_line and "|" in next_line) and not (previous and "|" in previous)):
            reasons[index] = codes.FURNITURE
    if title and nonblank:
        first = nonblank[0]
        if first not in reasons and _normalised_key(lines[first]) == _normalised_key(title.strip()):
            reasons[first] = codes.TITLE
    return reasons


def _title_case(line: str) -> bool:
    """Whether every longer word of a line starts with a capital, as in a heading."""
    return all(word[:1].isupper() for word in line.split() if len(word) >= _TITLE_CASE_MIN_LETTERS)


def _snippet(text: str) -> str:
    """The start of a text, cut at a word, for a problem row."""
    snippet = text[:DOUBT_SNIPPET_CHARS + 1]
    return snippet.rsplit(" ", 1)[0] if len(snippet) > DOUBT_SNIPPET_CHARS else snippet


def _line_edits(line: str, *, one_line_text: bool, apostrophes: list[Repair]) -> tuple[list[_Edit], list[str]]:
    """Return the edits to one kept line (scripts and credits out, the ``apostrophes`` lost in it back,
    paragraph breaks where sentences ran together) and the credits left in because their end could
    not be told."""
    edits: list[_Edit] = []
    doubts: list[str] = []
    scripts = find_scripts(line)
    for start, end in scripts:
        # Between two stretches of words the script stood where a paragraph broke ("below:(function...));The").
        between = line[:start].strip() and line[end:].strip()
        edits.append(_Edit(start, end, "\n" if between else "", codes.SCRIPT, REMOVED))
    for credit in find_credits(line):
        if any(start < credit.end and credit.start < end for start, end in scripts):
            continue  # inside a script, taken out whole
        if not credit.delimited:
            doubts.append(_snippet(line[credit.start:credit.start + DOUBT_SNIPPET_CHARS + 1]))
            continue
        if credit.at_end:
            replacement = ""
        elif PAREN_CREDIT.fullmatch(line, credit.start, credit.end):
            replacement = " "
        else:
            replacement = "\n"  # a credit between two paragraphs that the scraper joined
        edits.append(_Edit(credit.start, credit.end, replacement, codes.CREDIT, REMOVED))
    credits = list(edits)  # few; the repairs may be thousands in a long line, so never pairwise
    for repair in apostrophes:
        if not any(edit.start < repair.end and repair.start < edit.end for edit in credits):
            edits.append(_Edit(repair.start, repair.end, repair.replacement, codes.APOSTROPHE, REPAIRED))
    if one_line_text:
        repaired = sorted((edit.start, edit.end) for edit in edits if edit.change == REPAIRED)
        starts = [start for start, _ in repaired]
        for position in glued_breaks(line):
            before = bisect.bisect_left(starts, position) - 1
            inside_repair = before >= 0 and repaired[before][1] > position
            at_credit = any(edit.start <= position <= edit.end for edit in credits)
            if inside_repair or at_credit:
                continue  # inside a repair, or where a credit is cut out anyway
            edits.append(_Edit(position, position, "\n", codes.GLUED_SENTENCES, REPAIRED))
    edits.sort(key=lambda edit: (edit.start, edit.end))
    return edits, doubts


def _apply(line: str, edits: list[_Edit]) -> str:
    pieces, cursor = [], 0
    for edit in edits:
        pieces.append(line[cursor:edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(line[cursor:])
    return "\n".join(normalise_whitespace(piece) for piece in "".join(pieces).split("\n"))


def _glued_context(line: str, position: int) -> tuple[int, int]:
    """The word before a glued sentence break and the word after, as (start, end) in the line."""
    start = max(line.rfind(" ", 0, position), -1) + 1
    end = line.find(" ", position)
    return start, len(line) if end < 0 else end


def _record(line_number: int, line: str, edit: _Edit, offset: int) -> RemovedLine:
    """The change an edit made, with offsets into the line as read (``offset`` is where ``line``
    starts in it)."""
    if edit.reason_code == codes.GLUED_SENTENCES:
        start, end = _glued_context(line, edit.start)
        replacement = line[start:edit.start] + "\n\n" + line[edit.start:end]
        return RemovedLine(line_number, line[start:end], edit.reason_code, offset + start, offset + end, REPAIRED,
                           replacement)
    replacement = edit.replacement if edit.change == REPAIRED else ""
    return RemovedLine(line_number, line[edit.start:edit.end], edit.reason_code, offset + edit.start, offset + edit.end,
                       edit.change, replacement)


def _ends_sentence(line: str) -> bool:
    """Whether ``SENTENCE_END`` finds the end of a sentence at the end of the line: it is searched
    for in the last two characters only (one, or one before a final line break), not along a line
    that may be a whole article."""
    return SENTENCE_END.search(line, max(0, len(line) - 2)) is not None


def _is_heading(line: str) -> bool:
    return (not _ends_sentence(line) and len(line) <= HEADING_MAX_CHARS
            and len(line.split()) <= HEADING_MAX_WORDS and line[:1].isupper())


def _assemble(lines: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join kept lines into paragraphs separated by blank lines.

    A line that ends no sentence is rejoined with the next (a hard wrap), unless it is a
    subheading: short, starting a paragraph, followed by a line that starts with a capital.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for position, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        following = lines[position + 1] if position + 1 < len(lines) else ""
        if not current and _is_heading(line) and following[:1].isupper():
            paragraphs.append(line)
            continue
        current.append(line)
        if _ends_sentence(line):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    spans = []
    position = 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return "\n\n".join(paragraphs), spans


def read_lines(raw: str, *, markup: bool = True) -> tuple[list[str], bool]:
    """Return the lines of a raw text as the rules see them (NFC, one kind of line end, HTML tags
    stripped when ``markup`` and there are some, spaces normalised; ``line_number`` counts these),
    and whether it had HTML tags."""
    raw = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    had_html = markup and bool(html_tags(raw))
    if had_html:
        raw = strip_html(raw)
    return [normalise_whitespace(line) for line in raw.split("\n")], had_html


def clean_text(raw: str, *, title: str | None = None, markup: bool = True) -> CleanText:
    """Return the cleaned body of one article, its paragraph offsets, every change and every doubt.

    ``title``, when given, lets the rule that drops a title repeated at the top of the text work.
    ``markup=False`` says the text is already plain text taken from a web page, so nothing in it
    is read as an HTML tag.
    """
    lines, had_html = read_lines(raw, markup=markup)
    removed: list[RemovedLine] = []

    header_date = None
    offsets: dict[int, int] = {}  # where a line's text starts in the line as read (after a date header)
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:
        match = DATE_HEADER.match(lines[first])
        if match:
            header_date = match.group(1)
            removed.append(RemovedLine(first + 1, match.group(0).strip(), codes.DATE_HEADER))
            rest = lines[first][match.end():]
            offsets[first] = match.end() + len(rest) - len(rest.lstrip())
            lines[first] = rest.strip()

    reasons = _classify_lines(lines, title)
    doubts: list[Doubt] = []
    for index in sorted(reasons):
        removed.append(RemovedLine(index + 1, lines[index], reasons[index], offsets.get(index, 0)))
        if len(lines[index]) > REPORTED_REMOVAL_CHARS:
            reason = REMOVAL_REASONS[reasons[index]]
            doubts.append(Doubt(index + 1, _snippet(lines[index]), reason, LONG_REMOVAL_ACTION,
                                f"'{_snippet(lines[index])}…' ({len(lines[index])} characters) was taken out as "
                                f"{reason}", code=codes.LONG_REMOVAL))
        lines[index] = ""

    kept = [line for line in lines if line]
    # Paragraph breaks are inferred where sentences ran together only in a text with no line
    # breaks at all (the scraper joined its paragraphs); in text that has lines, such a join is a
    # typo, and only the sentence splitter splits there.
    one_line_text = len(kept) == 1
    apostrophe = "’" if sum(line.count("’") for line in kept) > sum(line.count("'") for line in kept) else "'"
    # Each line's lost apostrophes are found once, contractions and possessives apart: a lone "s" is
    # a lost possessive only in a text that has lost the apostrophes of contractions.
    lost = {index: lost_apostrophe_kinds(line, apostrophe=apostrophe) for index, line in enumerate(lines) if line}
    possessives = any(contractions for contractions, _ in lost.values())
    for index, line in enumerate(lines):
        if not line:
            continue
        contractions, possessive = lost[index]
        apostrophes = (sorted(contractions + possessive, key=lambda repair: repair.start) if possessives
                       else contractions)
        edits, unclear = _line_edits(line, one_line_text=one_line_text, apostrophes=apostrophes)
        doubts += [Doubt(index + 1, text, "a photo credit whose end cannot be told") for text in unclear]
        if edits:
            removed += [_record(index + 1, line, edit, offsets.get(index, 0)) for edit in edits]
            lines[index] = _apply(line, edits)
    lines = [piece for line in lines for piece in line.split("\n")]
    text, spans = _assemble(lines)
    return CleanText(text=text, paragraphs=spans, removed=removed, header_date=header_date, had_html=had_html,
                     doubts=doubts)
