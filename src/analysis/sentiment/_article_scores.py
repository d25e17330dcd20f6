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
be made of the two sides of a seam), the two pieces on either side of that seam are read again as
one piece, and the seam before it checked again; so a long text is read once plus its few unsafe
seams, not twice. A text with carriage returns, or where nearly every seam is unsafe, is read
whole. ``tests/test_article_sentiment.py`` checks equality with the direct call on thousands of
recombined texts, including the edge cases.

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
from analysis.sentiment._textblob_exact import assessments as textblob_assessments
from analysis.sentiment._textblob_exact import tokens as textblob_tokens
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
    is put together from its sentences (else from its paragraphs), reading two or more of them as
    one piece where TextBlob could carry something across the seam between them. Each distinct
    text, sentence and paragraph of the batch is read once. ``polarity_kept`` is TextBlob's
    polarity if the words in ``excluded`` were not in its lexicon.
    """
    codes, distinct = pd.factorize(np.asarray(texts, dtype=object).reshape(-1))
    _, first = np.unique(codes, return_index=True)  # where each distinct text first appears
    read: dict[str, _Part] = {}  # each distinct piece of this batch, read once
    excluded = frozenset(excluded)
    scores = []
    for i, text in enumerate(distinct):
        if sentences is None and "\n\n" not in text and "\r" not in text and not text.isspace() and text:
            # one paragraph (a sentence): its one piece is the text itself
            scores.append(_score([_read_once(text, read)], "paragraphs", excluded))
            continue
        runs = _sentence_runs(text, sentences[first[i]]) if sentences is not None else None
        read_from = "sentences" if runs is not None else "paragraphs"
        if runs is None and "\r" not in text:
            runs = _paragraph_runs(text)
        parts = _grouped_parts(text, runs, read) if runs else None
        if parts is None:
            parts, read_from = [_read_once(text, read)], "whole"
        elif len(parts) == 1 and len(runs) > 1:
            read_from = "whole"  # every seam was one TextBlob could read across
        scores.append(_score(parts, read_from, excluded))
    return [scores[code] for code in codes]


def _read_once(piece: str, read: dict) -> _Part:
    part = read.get(piece)
    if part is None:
        part = read[piece] = _piece(piece)
    return part


def _score(parts: list[_Part], read_from: str, excluded: frozenset) -> TextBlobScore:
    if len(parts) == 1 and not excluded:  # the common case, without copying the values
        polarities = parts[0].polarities
        return TextBlobScore(_mean(polarities), _mean(parts[0].subjectivities),
                             sum(polarities) / len(polarities) if polarities else 0.0, read_from)
    polarities = [value for part in parts for value in part.polarities]
    kept = [value for part in parts for value, head in zip(part.polarities, part.heads) if head not in excluded]
    return TextBlobScore(_mean(polarities), _mean(value for part in parts for value in part.subjectivities),
                         sum(kept) / len(kept) if kept else 0.0, read_from)


# Pieces read again as one, at most this many times the text's length in all; past it the text is
# read whole (a text where nearly every seam carries something over would otherwise be read in
# pieces that grow one sentence at a time).
_MAX_REREAD = 2


def _grouped_parts(text: str, runs: list[tuple[int, int]], read: dict) -> list[_Part] | None:
    """Return the parts of the text read piece by piece, where a piece is a run of sentences (or
    paragraphs) and two neighbours become one piece wherever TextBlob could carry something
    across the seam between them; None when that would read the text again more than
    ``_MAX_REREAD`` times (read it whole)."""
    groups: list[list] = []  # [start, end, part, the state before it]
    state = _START
    budget = _MAX_REREAD * len(text)
    for start, end in runs:
        part = _read_once(text[start:end], read)
        while groups and not _seam_is_safe(state, part):
            start, _, _, state = groups.pop()  # read this piece and the one before it as one
            budget -= end - start
            if budget < 0:
                return None
            part = _read_once(text[start:end], read)
        groups.append([start, end, part, state])
        state = _after(state, part)
    return [part for _, _, part, _ in groups]


class _State(NamedTuple):
    """What TextBlob carries from the pieces read so far into the next one."""

    pending: str  # "clean", "modifier" or "negation"
    assessed: bool  # an assessment was made: a "!" now boosts it
    previous: _Part | None  # the last piece with words


_START = _State("clean", False, None)


def _seam_is_safe(state: _State, part: _Part) -> bool:
    """False where TextBlob could carry something from the pieces before into ``part``."""
    if not part.has_words or state.previous is None:
        return True
    if part.joins_previous or (part.exclamation_first and state.assessed) or state.pending == "negation" \
            or _may_merge(state.previous.tail, part.head):
        return False
    # A pending adverb is harmless when the piece's first deciding word is an unknown word that
    # drops it before any known word could be modified by it.
    return not (state.pending == "modifier" and part.has_deciding_word and not part.first_clears)


def _after(state: _State, part: _Part) -> _State:
    return _State(part.ends if part.ends != "unchanged" else state.pending, state.assessed or bool(part.polarities),
                  part if part.has_words else state.previous)


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
    if _known(word):
        return "modifier" if any(tag in lexicon[word] for tag in lexicon.modifiers) else "clears"
    if len(word) > 2 and len(word.strip("'")) > 1:
        return "clears"
    return None


def _known(word: str) -> bool:
    # ``w in self and pos in self[w]`` in Sentiment.assessments, with pos None
    return word in _assessable()


@lru_cache(maxsize=1)
def _assessable() -> frozenset[str]:
    """The words ``Sentiment.assessments`` assesses when it is given no part of speech (a resource
    made once from the loaded lexicon, which nothing changes)."""
    lexicon = textblob_lexicon()
    return frozenset(word for word, tags in dict.items(lexicon) if None in tags)


# How many sentences' readings (TextBlob's here, VADER's in ``scores``) each process remembers: the
# two sentence-level results kept across calls, bounded so that a corpus where nothing repeats
# costs at most about 20,000 sentences of memory per process.
CACHE_SIZE = 20_000


# Remembered across calls (a result, not a resource, kept on purpose): score_sentences,
# score_articles and neutralised_scores are separate calls, which the pipeline makes one after
# another on each partition, and each needs TextBlob's reading of every sentence. Without it, on
# 400 real articles, score_articles after score_sentences took 3.6-5.4 s instead of 1.2-1.5 s,
# and neutralised_scores 3.4-5.0 s instead of 1.0-1.4 s (the same tables). Within one call each
# distinct piece is read once by design (``textblob_sentiment``), whatever this remembers.
@lru_cache(maxsize=CACHE_SIZE)
def _piece(piece: str) -> _Part:
    """Return what a paragraph or sentence contributes (TextBlob's own tokenizer and assessments)."""
    raw = textblob_tokens(piece)  # " ".join(lexicon.tokenizer(piece)).split(), faster
    tokens = [word.lower() for word in raw]
    assessed = textblob_assessments(tokens)  # lexicon.assessments(((word, None) for word in tokens), True)
    # Only the first and the last word that decide anything matter at a seam.
    first = next(((word, effect) for word in tokens if (effect := _decision(word))), None)
    last = next((effect for word in reversed(tokens) if (effect := _decision(word))), "unchanged")
    known = _assessable()
    first_known = next((i for i, word in enumerate(tokens) if word in known), len(tokens))
    return _Part(polarities=tuple(p for _, p, _, _ in assessed), subjectivities=tuple(s for _, _, s, _ in assessed),
                 heads=tuple(_head(chunk) for chunk, _, _, _ in assessed),
                 ends="clean" if last == "clears" else last,
                 first_clears=first is not None and first[1] == "clears" and not _known(first[0]),
                 has_deciding_word=first is not None, has_words=bool(tokens),
                 exclamation_first="!" in tokens[:first_known],
                 joins_previous=piece.lstrip().startswith(_JOINS_PREVIOUS),
                 head="".join(raw[:3])[:_EDGE], tail="".join(raw[-3:])[-_EDGE:])


@lru_cache(maxsize=100_000)
def _decision(word: str) -> str | None:
    """``_decides`` of a word, looked up once per word (a word's effect depends on nothing else)."""
    return _decides(word, textblob_lexicon())


def _head(chunk: list[str]) -> str:
    """``head_word(chunk).casefold()``, with the common chunk of one word that has a letter taken at once."""
    if len(chunk) == 1 and chunk[0].isalpha():
        return chunk[0].casefold()
    return head_word(chunk).casefold()


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


def _paragraph_runs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the text's paragraphs (the stretches between breaks of two
    or more line ends), leaving out those with nothing but white space."""
    runs, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[position:match.start()].strip():
            runs.append((position, match.start()))
        position = match.end()
    if text[position:].strip():
        runs.append((position, len(text)))
    return runs
