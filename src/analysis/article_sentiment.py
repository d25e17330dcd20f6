"""TextBlob's score of a whole article, and its lexicon coverage, assembled from paragraphs.

``TextBlob(text).sentiment`` tokenises the whole text and walks its words once, carrying a
modifier ("really") and a negation ("not") forward from word to word; the score is the plain
mean of the polarities (and subjectivities) of the words it assessed, summed in order. A
paragraph break ends a sentence in TextBlob's tokenizer, so an article's word stream is the
paragraphs' streams one after the other. When no modifier or negation is pending at a paragraph
break, the assessments of the article are the paragraphs' assessments one after the other, and
the mean taken over them in the same order is the same float, bit for bit.

Wire copy and rewritten stories repeat whole paragraphs, so each distinct paragraph is tokenised
and assessed once (``_paragraph``, cached) and an article costs little more than a lookup per
paragraph. Wherever the carry-over cannot be ruled out (a pending "not" or adverb at a break, a
paragraph that opens with closing punctuation or an exclamation mark, carriage returns), the
article is scored by TextBlob directly. ``tests/test_article_sentiment.py`` checks equality with
the direct call on thousands of recombined texts, including the edge cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textblob import TextBlob

from analysis.segment import words

_PARAGRAPH_BREAK = re.compile(r"\n{2,}")  # what TextBlob's tokenizer turns into a sentence end
_LETTER = re.compile(r"[^\W\d_]")
# A paragraph opening with these joins the previous paragraph's last sentence in TextBlob's tokenizer.
_JOINS_PREVIOUS = tuple(")”’.!?")


def _pattern():
    from textblob.en import sentiment  # the lexicon behind TextBlob's default PatternAnalyzer

    return sentiment


@dataclass(frozen=True)
class _Part:
    """What one paragraph contributes to an article's TextBlob score."""

    polarities: tuple[float, ...]
    subjectivities: tuple[float, ...]
    ends: str  # what is left pending at its end: "clean", "modifier", "negation", or "unchanged"
    first_clears: bool  # its first deciding word clears a pending modifier (see _decides)
    has_deciding_word: bool
    has_words: bool
    exclamation_first: bool  # a "!" before its first known word: it would boost the previous paragraph
    joins_previous: bool


def _decides(word: str, lexicon) -> str | None:
    """Return what a word does to the state TextBlob's ``Sentiment.assessments`` carries forward.

    "modifier": a known adverb (it will modify the next known word); "negation": a negation;
    "clears": a known word that is neither, or an unknown word long enough that TextBlob drops
    both a pending modifier and a pending negation on it; None: a short word or mark, which may
    leave either pending. Anything unsure is not "clears", so an unsure case falls back to the
    direct call.
    """
    if word in lexicon.negations:
        return "negation"
    if word in lexicon and None in lexicon[word]:
        return "modifier" if any(tag in lexicon[word] for tag in lexicon.modifiers) else "clears"
    if len(word) > 2 and len(word.strip("'")) > 1:
        return "clears"
    return None


@lru_cache(maxsize=200_000)
def _paragraph(paragraph: str) -> _Part:
    lexicon = _pattern()
    tokens = [word.lower() for word in " ".join(lexicon.tokenizer(paragraph)).split()]
    assessed = lexicon.assessments(((word, None) for word in tokens), True)
    deciding = [(word, effect) for word in tokens if (effect := _decides(word, lexicon))]
    last = deciding[-1][1] if deciding else "unchanged"
    first_known = next((i for i, word in enumerate(tokens) if word in lexicon and None in lexicon[word]), len(tokens))
    first_is_unknown = bool(deciding) and not (deciding[0][0] in lexicon and None in lexicon[deciding[0][0]])
    return _Part(polarities=tuple(p for _, p, _, _ in assessed), subjectivities=tuple(s for _, _, s, _ in assessed),
                 ends="clean" if last == "clears" else last,
                 first_clears=first_is_unknown and deciding[0][1] == "clears",
                 has_deciding_word=bool(deciding), has_words=bool(tokens),
                 exclamation_first="!" in tokens[:first_known],
                 joins_previous=paragraph.lstrip().startswith(_JOINS_PREVIOUS))


def _mean(values: list[float]) -> float:
    # The same loop as pattern's Sentiment.__call__ (weight 1), so the float is the same.
    total, count = 0, 0
    for value in values:
        total += 1 * value
        count += 1
    return total / float(count or 1)


def _assembled(text: str) -> tuple[float, float] | None:
    """Return TextBlob's (polarity, subjectivity) assembled from paragraphs, or None when unsafe."""
    if "\r" in text:
        return None
    polarities: list[float] = []
    subjectivities: list[float] = []
    pending = "clean"  # nothing pending at the start of the text
    seen_words = False
    for paragraph in _PARAGRAPH_BREAK.split(text):
        part = _paragraph(paragraph)
        if part.has_words and seen_words:
            if part.joins_previous or (part.exclamation_first and polarities) or pending == "negation":
                return None
            # A pending adverb is harmless when the paragraph's first deciding word is an unknown
            # word that drops it before any known word could be modified by it.
            if pending == "modifier" and part.has_deciding_word and not part.first_clears:
                return None
        polarities.extend(part.polarities)
        subjectivities.extend(part.subjectivities)
        if part.ends != "unchanged":
            pending = part.ends
        seen_words = seen_words or part.has_words
    return _mean(polarities), _mean(subjectivities)


def textblob_scores(text: str) -> tuple[float, float]:
    """Return ``TextBlob(text).sentiment`` as (polarity, subjectivity); NaN for a text without letters.

    Equal to the direct call, float for float; faster when paragraphs repeat across articles.
    """
    if not _LETTER.search(text or ""):
        return float("nan"), float("nan")
    assembled = _assembled(text)
    if assembled is not None:
        return assembled
    blob = TextBlob(text).sentiment
    return blob.polarity, blob.subjectivity


@lru_cache(maxsize=200_000)
def _coverage_counts(paragraph: str) -> tuple[int, int, int]:
    from analysis.sentiment import _known_words, prepare_for_vader

    tokens = [token.casefold() for token in words(prepare_for_vader(paragraph))]
    textblob_known, vader_known = _known_words()
    return (len(tokens), sum(token in textblob_known for token in tokens),
            sum(token in vader_known for token in tokens))


def lexicon_coverage(text: str) -> tuple[float, float]:
    """Return the shares of the text's words that TextBlob's and VADER's lexicons know (NaN: no words).

    Words never cross a line break, so the counts are summed over paragraphs, each counted once.
    """
    total = textblob_known = vader_known = 0
    for paragraph in _PARAGRAPH_BREAK.split(text):
        n, known_tb, known_vader = _coverage_counts(paragraph)
        total, textblob_known, vader_known = total + n, textblob_known + known_tb, vader_known + known_vader
    if not total:
        return float("nan"), float("nan")
    return textblob_known / total, vader_known / total
