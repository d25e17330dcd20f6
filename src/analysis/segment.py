"""Split cleaned article text into paragraphs, sentences and words, with character offsets.

Sentences come from sentencex, a maintained rule-based splitter that needs no downloaded model
(TextBlob's and NLTK's splitters need NLTK data, which classrooms often cannot fetch). It handles
news abbreviations ("Mr Ji", "U.N.", "Feb. 13, 2018") and keeps a quotation that holds several
sentences together with its attribution (``"I was there. I saw it," he said.`` is one sentence),
which is what quote and speaker analysis wants.
"""

from __future__ import annotations

import re
from functools import lru_cache

import sentencex

from analysis.caching import CACHE_SIZE
from analysis.repairs import glued_breaks

PARAGRAPH_BREAK = "\n\n"
# A word: letters or digits, allowing inner hyphens and apostrophes ("Seong-ho", "isn’t").
WORD_PATTERN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A letter (not a digit or underscore): a text without one has nothing for a lexicon to score.
LETTER = re.compile(r"[^\W\d_]")
_NON_SPACE = re.compile(r"\S")


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
    there too; sentencex would keep the two as one.
    """
    spans = []
    for start, end in _splitter_spans(paragraph, language):
        cuts = [start + offset for offset in glued_breaks(paragraph[start:end])]
        for piece_start, piece_end in zip([start] + cuts, cuts + [end]):
            spans.append((piece_start, piece_end))
    return spans


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


def words(text: str) -> list[str]:
    """Return the words of a text (letters and digits, keeping inner hyphens and apostrophes)."""
    return WORD_PATTERN.findall(text)


def count_words(text: str) -> int:
    """Return the number of words in a text, as ``words`` counts them."""
    # Words never cross a blank line, so a text's count is its paragraphs' counts (each counted once).
    return sum(map(_paragraph_words, text.split("\n\n")))


@lru_cache(maxsize=CACHE_SIZE)
def _paragraph_words(paragraph: str) -> int:
    return len(WORD_PATTERN.findall(paragraph))
