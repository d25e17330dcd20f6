"""Split cleaned article text into paragraphs, sentences and words, with character offsets.

Sentences come from sentencex, a maintained rule-based splitter that needs no downloaded model
(TextBlob's and NLTK's splitters need NLTK data, which classrooms often cannot fetch). It handles
news abbreviations ("Mr Ji", "U.N.", "Feb. 13, 2018") and keeps a quotation that holds several
sentences together with its attribution (``"I was there. I saw it," he said.`` is one sentence),
which is what quote and speaker analysis wants.
"""

from __future__ import annotations

import re

import sentencex

from analysis.corpus.repairs import glued_breaks, may_have_glued_breaks
from analysis.corpus.text import WORD_PATTERN

__all__ = [
    "MAX_SENTENCE_WORDS", "PARAGRAPH_BREAK", "bounded_sentence_spans", "paragraph_spans", "sentence_spans",
]

PARAGRAPH_BREAK = "\n\n"
_NON_SPACE = re.compile(r"\S")
# The longest sentence kept whole, in words. Every later step (VADER above all, whose work grows
# with the square of a sentence's length) must see sentences of bounded length, so that a text with
# no sentence punctuation (a 900,000-word line) costs time in proportion to its length. Real news
# stays far below it: in the 2,400 articles of ../shared/corpora/real-news-2400 the longest
# sentences are 286 and 278 words (tweets glued together) and 209 (a quotation of several
# sentences), with 99.99% under 170; 500 leaves room for those and splits only run-on text.
MAX_SENTENCE_WORDS = 500


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the paragraphs of cleaned text (separated by blank lines)."""
    spans = []
    position = 0
    for block in text.split(PARAGRAPH_BREAK):
        stripped = block.strip()
        if stripped:
            start = position + block.index(stripped[0])
            spans.append((start, start + len(stripped)))
        position += len(block) + len(PARAGRAPH_BREAK)
    return spans


def sentence_spans(paragraph: str, *, language: str = "en") -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of one paragraph, without surrounding spaces.

    A sentence that runs into the next with no space ("for this.Earlier this week") is split
    there too; sentencex would keep the two as one. A sentence longer than ``MAX_SENTENCE_WORDS``
    words is cut into pieces of that many words (``bounded_sentence_spans`` says how many were).
    """
    return bounded_sentence_spans(paragraph, language=language)[0]


def bounded_sentence_spans(paragraph: str, *, language: str = "en") -> tuple[list[tuple[int, int]], int]:
    """Return the sentence spans of ``sentence_spans`` and how many sentences longer than
    ``MAX_SENTENCE_WORDS`` words were cut into pieces to make them."""
    spans = []
    n_split = 0
    glued = may_have_glued_breaks(paragraph)  # if not, no sentence of it has a glued break either
    for start, end in _splitter_spans(paragraph, language):
        cuts = [start + offset for offset in glued_breaks(paragraph[start:end])] if glued else []
        for piece_start, piece_end in zip([start] + cuts, cuts + [end]):
            pieces = _word_bounded(paragraph, piece_start, piece_end)
            n_split += len(pieces) > 1
            spans += pieces
    return spans, n_split


def _word_bounded(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span [start, end) as pieces of at most MAX_SENTENCE_WORDS words (one piece if it is
    that short); each piece after the first starts at a word, and each ends without spaces."""
    if end - start <= MAX_SENTENCE_WORDS:  # fewer characters than the bound: fewer words too
        return [(start, end)]
    cuts = [match.start() for number, match in enumerate(WORD_PATTERN.finditer(paragraph, start, end))
            if number and number % MAX_SENTENCE_WORDS == 0]
    pieces = []
    for piece_start, piece_end in zip([start] + cuts, cuts + [end]):
        pieces.append((piece_start, piece_start + len(paragraph[piece_start:piece_end].rstrip())))
    return pieces


def _splitter_spans(paragraph: str, language: str) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for piece in sentencex.segment(language, paragraph):
        stripped = piece.strip()
        if not stripped:
            continue
        start = paragraph.find(stripped, cursor)
        if start < 0:  # the splitter changed the text; fall back to where it should be
            match = _NON_SPACE.search(paragraph, cursor)
            start = match.start() if match else cursor
        end = start + len(stripped)
        spans.append((start, end))
        cursor = end
    return spans


