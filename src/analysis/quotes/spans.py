"""Finding the quoted stretches of a text: the passages inside double quote marks.

Straight or curly marks (not those of markup tags left in the text), typewriter pairs (two apostrophes ``''`` or backticks, as archive text
writes them), nested single quotes kept inside, quotes that run over several paragraphs.
A doubtful span (an unbalanced quote mark) is kept with its ``doubt`` filled in, never dropped or
guessed silently.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from analysis.corpus.text import count_words

__all__ = ["OPENING_MARKS", "CLOSING_MARKS", "STRAIGHT_MARK", "ALL_MARKS", "PAIRED_MARKS", "mark_width", "QuoteSpan", "find_quote_spans",
           "quote_kind", "looks_like_title", "Cuts", "without_quotes", "single_quote_spans", "MARKUP_TAG"]

OPENING_MARKS = "“„"
CLOSING_MARKS = "”"
STRAIGHT_MARK = '"'
ALL_MARKS = OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK
# Typewriter double marks of two characters: two apostrophes open and close as a straight mark
# does (New York Times archive text), two backticks open (Penn Treebank style).
PAIRED_MARKS = ("''", "``")
_ANY_MARK = re.compile(f"''|``|[{re.escape(ALL_MARKS)}]")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+")
# A markup tag left in the text (``<tweet author="...">``, ``<a href="...">``): the quote marks of its
# attribute values quote nobody.
MARKUP_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,1000}>")
_ENDS_AS_SENTENCE = re.compile(r"[.!?,…]$")


@dataclass
class QuoteSpan:
    """A passage inside quote marks: its pieces (one per paragraph) and any doubt about it."""

    segments: list[tuple[int, int]]
    doubt: str = ""

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


def mark_width(text: str, position: int, closing: bool = False) -> int:
    """Return how many characters the quote mark that ends just before ``position`` takes (an
    opening mark), or that starts at ``position`` (``closing``): 2 for a typewriter pair, else 1."""
    if closing:
        return 2 if text[position:position + 2] in PAIRED_MARKS else 1
    return 2 if position >= 2 and text[position - 2:position] in PAIRED_MARKS else 1


def _mark_role(text: str, position: int, paragraph_start: int, width: int = 1) -> str:
    """Return 'open' or 'close' for a straight double quote (or two apostrophes, ``width`` 2), from
    the characters around it."""
    before = text[position - 1] if position > paragraph_start else " "
    after = text[position + width] if position + width < len(text) else " "
    opens = before.isspace() or before in "([{—–-/" or position == paragraph_start
    closes = after.isspace() or after in ".,;:!?)]}—–-" or position + width == len(text)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Return the quoted passages of one article's text, given its paragraph (start, end) offsets.

    A quote left open at the end of a paragraph continues into the next when that paragraph opens
    with a quote mark (AP style) or closes one before opening another; otherwise it is taken to end
    with its paragraph and marked as doubtful. A text with no double quote mark at all is read in
    single quote marks, the house style of UK papers (``single_quote_spans``).
    """
    if not _ANY_MARK.search(text):
        return single_quote_spans(text, paragraphs)
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_paragraph = -1
    segments: list[tuple[int, int]] = []
    breaks: tuple[list[int], list[int]] | None = None  # the text's sentence breaks, found when first needed

    paragraph_starts = [start for start, _ in paragraphs]

    def paragraph_of(position: int) -> int:
        return max(0, min(bisect_right(paragraph_starts, position) - 1, len(paragraphs) - 1))

    def close(end: int, doubt: str = "") -> None:
        nonlocal open_at
        pieces = segments + [(open_at, end)]
        pieces = [(start, stop) for start, stop in pieces if text[start:stop].strip()]
        if pieces:
            spans.append(QuoteSpan(pieces, doubt))
        open_at = None

    tags = [match.span() for match in MARKUP_TAG.finditer(text)] if "<" in text else []
    tag_starts = [start for start, _ in tags]
    for mark in _ANY_MARK.finditer(text):
        position, character = mark.start(), mark.group()
        if tags:
            inside = bisect_right(tag_starts, position) - 1
            if inside >= 0 and position < tags[inside][1]:
                continue
        width = len(character)
        paragraph = paragraph_of(position)
        paragraph_start = paragraphs[paragraph][0] if paragraphs else 0
        if character in OPENING_MARKS or character == "``":
            role = "open"
            # A curly mark typed the wrong way round ("fascist?“ he asked"): where a quote is open and
            # the mark sits as a closing one does (after a word, before a space or punctuation), it closes.
            if open_at is not None and _mark_role(text, position, paragraph_start, width) == "close":
                role = "close"
        elif character in CLOSING_MARKS:
            role = "close"
            if open_at is None and _mark_role(text, position, paragraph_start, width) == "open":
                role = "open"  # the other way round: "Doing so ”appeared to be ...”"
        else:
            role = _mark_role(text, position, paragraph_start, width)
            if role == "either":
                role = "open" if open_at is None else "close"

        if role == "open":
            if open_at is None:
                open_at, open_paragraph, segments = position + width, paragraph, []
            elif paragraph > open_paragraph and position == paragraph_start:
                # AP style: the quote goes on in a new paragraph that opens with a quote mark again.
                segments.append((open_at, paragraphs[open_paragraph][1]))
                for middle in range(open_paragraph + 1, paragraph):
                    segments.append(paragraphs[middle])
                open_at, open_paragraph = position + width, paragraph
            else:
                end = paragraphs[open_paragraph][1] if paragraph > open_paragraph else position
                close(end, "no closing quote mark before the next opening one; taken to end there")
                open_at, open_paragraph, segments = position + width, paragraph, []
        else:
            if open_at is None:
                if breaks is None:
                    found = list(_SENTENCE_BREAK.finditer(text))
                    breaks = [match.start() for match in found], [match.end() for match in found]
                sentence_start = max(paragraph_start, _sentence_start_before(breaks, position, paragraph_start))
                spans.append(QuoteSpan([(sentence_start, position)],
                                       "closing quote mark without an opening one; taken to start with the sentence"))
            elif paragraph > open_paragraph + 1 and not segments:
                close(paragraphs[open_paragraph][1], "no closing quote mark in its paragraph; taken to end there")
            else:
                if paragraph > open_paragraph:
                    segments.append((open_at, paragraphs[open_paragraph][1]))
                    for middle in range(open_paragraph + 1, paragraph):
                        segments.append(paragraphs[middle])
                    open_at = paragraphs[paragraph][0]
                close(position)
    if open_at is not None:
        close(paragraphs[open_paragraph][1] if paragraphs else len(text),
              "no closing quote mark; taken to end with its paragraph")
    return [_trim(text, span) for span in spans]


# Single quote marks as UK papers use them: an opening one after a space, a bracket or a dash and
# before a letter or digit; a closing one after a letter, digit or punctuation and before a space,
# punctuation or the end. A mark with a letter on both sides is an apostrophe ("don’t"), never a quote mark.
# (the mark first, then what comes before it: the engine then only tries where a mark stands, five
# times as fast as a pattern that opens with the look-behind; at the start of the text or of a line
# too, as "(?<=^)" with MULTILINE)
_SINGLE_OPEN = re.compile(r"[‘'](?<![^\s(\[—–-].)(?=[^\W_])")
_SINGLE_CLOSE = re.compile(r"[’'](?<=[^\s‘'].)(?=[\s.,;:!?)\]—–-]|$)", re.MULTILINE)


def single_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Return the passages of a text in single quote marks ('We will win,' she said): each opening
    mark with the first closing mark after it in its paragraph, or in the next paragraph that opens
    with a mark again (a quote over paragraphs). Only for a text that has no double quote mark, where
    single marks are the quote marks; an unpaired mark is taken for an apostrophe and left alone
    (a plural possessive inside a quote, "the students’ union", ends it early)."""
    spans: list[QuoteSpan] = []
    all_opens = [match.start() for match in _SINGLE_OPEN.finditer(text)]
    if not all_opens:  # most texts without double marks have no quote at all: one pass, not one per paragraph
        return spans
    all_closes = [match.start() for match in _SINGLE_CLOSE.finditer(text)]
    for start, end in paragraphs or [(0, len(text))]:
        opens = all_opens[bisect_left(all_opens, start):bisect_left(all_opens, end)]
        closes = all_closes[bisect_left(all_closes, start):bisect_left(all_closes, end)]
        position = start
        for opening in opens:
            if opening < position:
                continue
            closing = next((at for at in closes if at > opening + 1), None)
            if closing is None:
                break
            spans.append(QuoteSpan([(opening + 1, closing)]))
            position = closing + 1
    return [_trim(text, span) for span in spans if text[span.start:span.end].strip()]


def _sentence_start_before(breaks: tuple[list[int], list[int]], position: int, floor: int) -> int:
    """Return where the sentence before ``position`` starts: the end of the last sentence break in
    text[floor:position] (``breaks``: the starts and ends of ``_SENTENCE_BREAK`` in the whole text),
    else ``floor``. Found by bisection, not by reading the text from ``floor`` again for each mark,
    which took time with the square of a paragraph's length."""
    starts, ends = breaks
    # A break counts when its mark and at least one space lie before ``position``; each mark that has
    # a space after it starts a break of its own, so the breaks of the whole text are those of the slice.
    last = bisect_right(starts, position - 2) - 1
    if last < 0 or starts[last] < floor:
        return floor
    return min(ends[last], position)


def _trim(text: str, span: QuoteSpan) -> QuoteSpan:
    trimmed = []
    for start, end in span.segments:
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        trimmed.append((start, end))
    return QuoteSpan(trimmed, span.doubt)


def quote_kind(quote: str) -> str:
    """Return 'full' for a quoted sentence and 'partial' for a phrase woven into the writer's sentence."""
    first_letter = next((character for character in quote if character.isalpha()), "")
    if not first_letter or first_letter.islower():
        return "partial"
    # The mark ends the quote, or comes before a final line break: no more than the last two characters.
    return "full" if count_words(quote) >= 4 or _ENDS_AS_SENTENCE.search(quote, max(0, len(quote) - 2)) else "partial"


# The small words a title leaves in lower case ("Meet the Press", "Planet of the Apes").
_TITLE_SMALL_WORDS = frozenset("a an the and or nor but of to in on at for with by from as vs via into over per up off out".split())
# Words that make a capitalised phrase someone's words to someone ("That's Jeb Bush", "I Will Not"):
# first and second person, and the contractions of speech.
_SPOKEN_WORDS = frozenset("i i'm i've i'll i'd we we're we've we'll me my us our you you're your "
                          "that's it's let's don't can't won't isn't".split())
_TITLE_WORD = re.compile(r"[^\W_][\w'’.&$-]*")
TITLE_MAX_WORDS = 8


def looks_like_title(quote: str) -> bool:
    """True for a quote of 2 to ``TITLE_MAX_WORDS`` words written as a title: every word capitalised
    (or a number) but the small words of titles ("Meet the Press.", "Make America Great Again",
    "Little Marco"). Such a phrase in quote marks is far more often a programme, a book, a slogan or
    a nickname than anyone's words (on political news, 9 in 10 of them). Not a title: a phrase ending
    in "!" or "?" (chants, questions), one written all in capitals (shouting), one with a word of
    first or second person or a spoken contraction ("That's Jeb Bush and Marco Rubio.")."""
    if quote.rstrip().endswith(("!", "?", "!,", "?,")):
        return False
    words = _TITLE_WORD.findall(quote)
    if not 2 <= len(words) <= TITLE_MAX_WORDS or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if all(word.isupper() for word in words if len(word) > 1 and not word[0].isdigit()):
        return False
    for word in words:
        folded = word.casefold().replace("’", "'")
        if folded in _SPOKEN_WORDS or not (word[0].isupper() or word[0].isdigit() or folded in _TITLE_SMALL_WORDS):
            return False
    return True


class Cuts:
    """The stretches an article's quotes occupy (each with its two marks), to take out of narration."""

    def __init__(self, stretches) -> None:
        """``stretches``: (start, end) pairs, in any order."""
        self.pieces = sorted(stretches)
        self.starts = [start for start, _ in self.pieces]
        # The furthest end so far, in order of start: it only grows, so the first stretch that can
        # reach past a position is found by bisection even where stretches overlap (an unclosed quote).
        self.reach = list(accumulate((end for _, end in self.pieces), max))

    def touching(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the stretches that overlap [start, end), in text order, in time that grows with
        their number, not with the number of quotes in the article."""
        first, last = bisect_right(self.reach, start), bisect_left(self.starts, end)
        return [piece for piece in self.pieces[first:last] if piece[1] > start]


def without_quotes(text: str, start: int, end: int, cuts: Cuts) -> str:
    """Return text[start:end] with every quoted passage (and its marks) taken out, runs of white
    space made one space: the writer's own words (the narration)."""
    pieces = []
    cursor = start
    for cut_start, cut_end in cuts.touching(start, end):
        lo, hi = max(cut_start, start), min(cut_end, end)
        if lo >= hi or hi <= cursor:
            continue
        pieces.append(text[cursor:lo])
        # A comma that ends the quoted words ends the writer's clause too ('at "less advanced schools,"
        # Trump said'): it stays in the narration, so that the clauses stay apart.
        if hi == cut_end and text[max(lo, hi - 3):hi].rstrip("\"“”'’`").endswith(",") \
                and any(piece.strip() for piece in pieces):
            pieces.append(",")
        cursor = hi
    pieces.append(text[cursor:end])
    return _one_space("".join(pieces))


def _one_space(text: str) -> str:
    """Return the text with each run of white space made one space (a space at either end kept), as a
    regular expression substitution of white space would, but by a split and a join: ``str.split``
    knows the same white space as the regular expressions, and a substitution works at every gap
    between words."""
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[0].isspace():
        joined = " " + joined
    if text[-1].isspace():
        joined += " "
    return joined
