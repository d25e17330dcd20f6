"""TextBlob's score of many texts, float for float, read from their sentences or paragraphs.

``TextBlob(text).sentiment`` tokenises the whole text and walks its words once, carrying a
modifier ("really") and a negation ("not") forward from word to word; the score is the plain
mean of the polarities (and subjectivities) of the words it assessed, summed in order. Tokens
never span white space, so a text's word stream is its sentences' (or paragraphs') streams one
after the other. When nothing is pending where two pieces meet, the assessments of the text are
the pieces' assessments one after the other, and the mean taken over them in the same order is
the same float, bit for bit.

So each distinct piece of a batch of texts is tokenised and assessed once (``_piece``), and every
text is put together from its pieces: wire copy repeats whole sentences and paragraphs, which are
then read once. Wherever a carry-over cannot be ruled out (a pending "not" or adverb at a seam, a
piece that opens with closing punctuation or an exclamation mark, an emoticon or "(!)" that could
be made of the two sides of a seam, carriage returns), the text is put together from its
paragraphs instead, or read whole. ``tests/test_article_sentiment.py`` checks equality with the
direct call on thousands of recombined texts, including the edge cases.

The one entry point is ``textblob_sentiment``; everything else here is private.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from textblob._text import EMOTICONS

from analysis.resources.lexicons import textblob_lexicon
from analysis.sentiment.explain import head_word

__all__ = ["TextBlobScore", "textblob_sentiment"]

_PARAGRAPH_BREAK = re.compile(r"\n{2,}")  # what TextBlob's tokenizer turns into a sentence end
# A paragraph opening with these joins the previous paragraph's last sentence in TextBlob's tokenizer.
_JOINS_PREVIOUS = tuple(")”’.!?")
_EDGE = 8  # tokens' characters kept at each end of a piece: longer than any emoticon


class TextBlobScore(NamedTuple):
    """TextBlob's score of one text."""

    polarity: float
    subjectivity: float
    polarity_kept: float  # the mean polarity of the assessments whose word is not excluded (0.0: none left)
    read_from: str  # "sentences", "paragraphs" or "whole"


def textblob_sentiment(texts: Sequence[str], sentences: Sequence | None = None, *,
                       excluded: Iterable[str] = ()) -> list[TextBlobScore]:
    """Return ``TextBlob(text).sentiment`` of each text, float for float, one score per text in order.

    ``sentences``: for each text, its sentences' (start, end) offsets in order (or None): the text
    is put together from its sentences where that is exact, else from its paragraphs, else read
    whole. Each distinct text, sentence and paragraph of the batch is read once. ``polarity_kept``
    is TextBlob's polarity if the words in ``excluded`` were not in its lexicon.
    """
    codes, distinct = pd.factorize(np.asarray(texts, dtype=object).reshape(-1))
    _, first = np.unique(codes, return_index=True)  # where each distinct text first appears
    found: dict[int, tuple[list[_Part], str]] = {}
    if sentences is not None:
        runs = [_sentence_runs(text, sentences[first[i]]) for i, text in enumerate(distinct)]
        _assemble(found, {i: [distinct[i][start:end] for start, end in runs[i]]
                          for i in range(len(distinct)) if runs[i] is not None}, "sentences")
    _assemble(found, {i: _PARAGRAPH_BREAK.split(text) for i, text in enumerate(distinct)
                      if i not in found and "\r" not in text}, "paragraphs")
    for i, text in enumerate(distinct):
        if i not in found:
            found[i] = [_piece(text)], "whole"
    excluded = frozenset(excluded)
    scores = [_score(*found[i], excluded) for i in range(len(distinct))]
    return [scores[code] for code in codes]


def _score(parts: list[_Part], read_from: str, excluded: frozenset) -> TextBlobScore:
    polarities = [value for part in parts for value in part.polarities]
    kept = [value for part in parts for value, head in zip(part.polarities, part.heads) if head not in excluded]
    return TextBlobScore(_mean(polarities), _mean(value for part in parts for value in part.subjectivities),
                         sum(kept) / len(kept) if kept else 0.0, read_from)


def _assemble(found: dict, pieces_of: dict[int, list[str]], read_from: str) -> None:
    """Add to ``found`` each text whose pieces, read once each, can stand for the whole text."""
    flat = [piece for pieces in pieces_of.values() for piece in pieces]
    codes, distinct = pd.factorize(np.asarray(flat, dtype=object).reshape(-1))
    parts = [_piece(piece) for piece in distinct]
    position = 0
    for i, pieces in pieces_of.items():
        safe = _safe_parts([parts[code] for code in codes[position:position + len(pieces)]])
        position += len(pieces)
        if safe is not None:
            found[i] = safe, read_from


@dataclass(frozen=True)
class _Part:
    """What one sentence or paragraph contributes to its text's TextBlob score."""

    polarities: tuple[float, ...]
    subjectivities: tuple[float, ...]
    heads: tuple[str, ...]  # the word each assessment scores, casefolded (see ``head_word``)
    ends: str  # what is left pending at its end: "clean", "modifier", "negation", or "unchanged"
    first_clears: bool  # its first deciding word clears a pending modifier (see _decides)
    has_deciding_word: bool
    has_words: bool
    exclamation_first: bool  # a "!" before its first known word: it would boost the piece before
    joins_previous: bool
    head: str  # its first and last few tokens, spaces taken out, as TextBlob's tokenizer gives them
    tail: str


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
    if _known(word, lexicon):
        return "modifier" if any(tag in lexicon[word] for tag in lexicon.modifiers) else "clears"
    if len(word) > 2 and len(word.strip("'")) > 1:
        return "clears"
    return None


def _known(word: str, lexicon) -> bool:
    # ``w in self and pos in self[w]`` in Sentiment.assessments, with pos None (the lexicon is a
    # lazily loaded dict, loaded before this is asked).
    return dict.__contains__(lexicon, word) and None in dict.__getitem__(lexicon, word)


# How many sentences' readings (TextBlob's here, VADER's in ``scores``) each process remembers: the
# two sentence-level results kept across calls, bounded so that a corpus where nothing repeats
# costs at most about 20,000 sentences of memory per process.
CACHE_SIZE = 20_000


# Remembered across calls (a result, not a resource, kept on purpose): score_sentences,
# score_articles and neutralised_scores are separate calls, which the pipeline makes one after
# another on each partition, and each needs TextBlob's reading of every sentence. Without it, on
# 400 real articles, score_articles after score_sentences took 3.6-5.4 s instead of 1.2-1.5 s,
# and neutralised_scores 3.4-5.0 s instead of 1.0-1.4 s (the same tables). Within one call each
# distinct piece is read once by design (``_assemble``), whatever this remembers.
@lru_cache(maxsize=CACHE_SIZE)
def _piece(piece: str) -> _Part:
    """Return what a paragraph or sentence contributes (TextBlob's own tokenizer and assessments)."""
    lexicon = textblob_lexicon()
    raw = " ".join(lexicon.tokenizer(piece)).split()
    tokens = [word.lower() for word in raw]
    assessed = lexicon.assessments(((word, None) for word in tokens), True)
    # Only the first and the last word that decide anything matter at a seam.
    first = next(((word, effect) for word in tokens if (effect := _decides(word, lexicon))), None)
    last = next((effect for word in reversed(tokens) if (effect := _decides(word, lexicon))), "unchanged")
    first_known = next((i for i, word in enumerate(tokens) if _known(word, lexicon)), len(tokens))
    return _Part(polarities=tuple(p for _, p, _, _ in assessed), subjectivities=tuple(s for _, _, s, _ in assessed),
                 heads=tuple(head_word(chunk).casefold() for chunk, _, _, _ in assessed),
                 ends="clean" if last == "clears" else last,
                 first_clears=first is not None and first[1] == "clears" and not _known(first[0], lexicon),
                 has_deciding_word=first is not None, has_words=bool(tokens),
                 exclamation_first="!" in tokens[:first_known],
                 joins_previous=piece.lstrip().startswith(_JOINS_PREVIOUS),
                 head="".join(raw[:3])[:_EDGE], tail="".join(raw[-3:])[-_EDGE:])


def _mean(values) -> float:
    # The same loop as pattern's Sentiment.__call__ (weight 1), so the float is the same.
    total, count = 0, 0
    for value in values:
        total += 1 * value
        count += 1
    return total / float(count or 1)


def _emoticon_splits() -> dict[str, tuple[str, ...]]:
    """Return {start: ends} for every way TextBlob's emoticons and its sarcasm mark "(!)" can be
    cut in two, spaces taken out: where two pieces meet, these could join across the seam."""
    marks = [mark for group in EMOTICONS.values() for mark in group] + ["(!)"]
    splits: dict[str, set[str]] = {}
    for mark in marks:
        mark = mark.replace(" ", "")
        for cut in range(1, len(mark)):
            splits.setdefault(mark[:cut], set()).add(mark[cut:])
    return {start: tuple(sorted(ends)) for start, ends in splits.items()}


_EMOTICON_SPLITS = _emoticon_splits()


def _may_merge(before: str, after: str) -> bool:
    """True when an emoticon or "(!)" could be made of the end of one piece and the start of the next."""
    for size in range(1, min(len(before), _EDGE) + 1):
        ends = _EMOTICON_SPLITS.get(before[-size:])
        if ends and any(after.startswith(end) for end in ends):
            return True
    return False


def _safe_parts(parts: list[_Part]) -> list[_Part] | None:
    """Return the pieces when their assessments, one after the other, are the whole text's, or
    None where TextBlob could carry something across a seam between them."""
    pending = "clean"  # nothing pending at the start of the text
    previous = None
    assessed = False
    for part in parts:
        if part.has_words and previous is not None:
            if part.joins_previous or (part.exclamation_first and assessed) or pending == "negation" \
                    or _may_merge(previous.tail, part.head):
                return None
            # A pending adverb is harmless when the piece's first deciding word is an unknown
            # word that drops it before any known word could be modified by it.
            if pending == "modifier" and part.has_deciding_word and not part.first_clears:
                return None
        assessed = assessed or bool(part.polarities)
        if part.ends != "unchanged":
            pending = part.ends
        if part.has_words:
            previous = part
    return parts


def _sentence_runs(text: str, spans) -> list[tuple[int, int]] | None:
    """Return the (start, end) offsets of the text's sentences when, read one after the other, they
    are the whole text (nothing but white space between them), else None.

    Sentences with no white space between them ("USED![803") are read as one piece: TextBlob's
    tokenizer can make one token of the two sides of such a seam.
    """
    if "\r" in text:
        return None
    runs: list[list[int]] = []
    previous_end = 0
    for start, end in spans:
        if start < previous_end or text[previous_end:start].strip():
            return None
        if runs and start == previous_end:
            runs[-1][1] = end
        else:
            runs.append([start, end])
        previous_end = end
    if text[previous_end:].strip():
        return None
    return [(start, end) for start, end in runs]
