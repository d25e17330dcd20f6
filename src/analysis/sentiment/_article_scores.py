"""TextBlob's score of a whole article, and its lexicon coverage, assembled from its pieces.

``TextBlob(text).sentiment`` tokenises the whole text and walks its words once, carrying a
modifier ("really") and a negation ("not") forward from word to word; the score is the plain
mean of the polarities (and subjectivities) of the words it assessed, summed in order. Tokens
never span white space, so an article's word stream is its sentences' (or paragraphs') streams
one after the other. When nothing is pending where two pieces meet, the assessments of the
article are the pieces' assessments one after the other, and the mean taken over them in the same
order is the same float, bit for bit.

So each sentence is tokenised and assessed once (``_piece``, cached): that gives its own score
(``sentence_scores``, the same as ``TextBlob(sentence).sentiment``) and, put together, its
article's. Wire copy repeats whole sentences and paragraphs, which are then read once. Wherever
a carry-over cannot be ruled out (a pending "not" or adverb at a seam, a piece that opens with
closing punctuation or an exclamation mark, an emoticon or "(!)" that could be made of the two
sides of a seam, carriage returns), the article is assembled from paragraphs instead, or scored
by TextBlob directly. ``tests/test_article_sentiment.py`` checks equality with the direct call
on thousands of recombined texts, including the edge cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from analysis.scale.caching import CACHE_SIZE
from analysis.corpus.text import LETTER, words
from analysis.resources.lexicons import known_words, prepare_for_vader, textblob_lexicon

_PARAGRAPH_BREAK = re.compile(r"\n{2,}")  # what TextBlob's tokenizer turns into a sentence end
# A paragraph opening with these joins the previous paragraph's last sentence in TextBlob's tokenizer.
_JOINS_PREVIOUS = tuple(")”’.!?")




@dataclass(frozen=True)
class _Part:
    """What one sentence or paragraph contributes to its article's TextBlob score."""

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


def head_word(chunk: list[str]) -> str:
    """Return the word a TextBlob assessment scores: its last word, skipping a trailing '!'."""
    letters = [word for word in chunk if LETTER.search(word)]
    return letters[-1] if letters else chunk[-1]


def _mean(values) -> float:
    # The same loop as pattern's Sentiment.__call__ (weight 1), so the float is the same.
    total, count = 0, 0
    for value in values:
        total += 1 * value
        count += 1
    return total / float(count or 1)


def sentence_scores(sentence: str) -> tuple[float, float]:
    """Return ``TextBlob(sentence).sentiment`` as (polarity, subjectivity): the same tokenizer,
    assessments and mean, kept so that the sentence's article can be assembled from it."""
    part = _piece(sentence)
    return _mean(part.polarities), _mean(part.subjectivities)


@lru_cache(maxsize=1)
def _emoticon_splits() -> dict[str, tuple[str, ...]]:
    """Return {start: ends} for every way TextBlob's emoticons and its sarcasm mark "(!)" can be
    cut in two, spaces taken out: where two pieces meet, these could join across the seam."""
    from textblob._text import EMOTICONS

    marks = [mark for group in EMOTICONS.values() for mark in group] + ["(!)"]
    splits: dict[str, set[str]] = {}
    for mark in marks:
        mark = mark.replace(" ", "")
        for cut in range(1, len(mark)):
            splits.setdefault(mark[:cut], set()).add(mark[cut:])
    return {start: tuple(sorted(ends)) for start, ends in splits.items()}


_EDGE = 8  # longer than any emoticon


def _may_merge(before: str, after: str) -> bool:
    """True when an emoticon or "(!)" could be made of the end of one piece and the start of the next."""
    splits = _emoticon_splits()
    for size in range(1, min(len(before), _EDGE) + 1):
        ends = splits.get(before[-size:])
        if ends and any(after.startswith(end) for end in ends):
            return True
    return False


def _assemble(parts) -> tuple[float, float] | None:
    """Return TextBlob's (polarity, subjectivity) of pieces read one after the other, or None
    where TextBlob could carry something across a seam between them."""
    safe = _safe_parts(parts)
    if safe is None:
        return None
    return (_mean(value for part in safe for value in part.polarities),
            _mean(value for part in safe for value in part.subjectivities))


def _safe_parts(parts) -> list[_Part] | None:
    """Return the pieces when their assessments, one after the other, are the whole text's, or
    None where TextBlob could carry something across a seam between them."""
    polarities: list[float] = []
    subjectivities: list[float] = []
    kept: list[_Part] = []
    pending = "clean"  # nothing pending at the start of the text
    previous = None
    for part in parts:
        if part.has_words and previous is not None:
            if part.joins_previous or (part.exclamation_first and polarities) or pending == "negation" \
                    or _may_merge(previous.tail, part.head):
                return None
            # A pending adverb is harmless when the piece's first deciding word is an unknown
            # word that drops it before any known word could be modified by it.
            if pending == "modifier" and part.has_deciding_word and not part.first_clears:
                return None
        polarities.extend(part.polarities)
        subjectivities.extend(part.subjectivities)
        kept.append(part)
        if part.ends != "unchanged":
            pending = part.ends
        if part.has_words:
            previous = part
    return kept


def _assembled(text: str) -> tuple[float, float] | None:
    """Return TextBlob's (polarity, subjectivity) assembled from paragraphs, or None when unsafe."""
    if "\r" in text:
        return None
    return _assemble(_piece(paragraph) for paragraph in _PARAGRAPH_BREAK.split(text))


def _sentence_parts(text: str, spans) -> list[_Part] | None:
    """Return the pieces of a text's sentences when they can stand for the whole text, else None.

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
    return _safe_parts([_piece(text[start:end]) for start, end in runs])


def _from_sentences(text: str, spans) -> tuple[float, float] | None:
    """Return the score assembled from the text's sentences ((start, end) offsets, in order, with
    nothing but white space between them), or None when unsafe."""
    parts = _sentence_parts(text, spans)
    return None if parts is None else _assemble(parts)


def polarity_without(text: str, sentences, excluded: set[str]) -> tuple[float, float]:
    """Return ``TextBlob(text).sentiment.polarity`` and the mean polarity of its assessments whose
    word is not in ``excluded`` (0 when none is left), float for float as TextBlob's own
    ``sentiment_assessments`` give them; assembled from the sentences' pieces where that is safe."""
    parts = _sentence_parts(text, sentences) if sentences is not None else None
    if parts is not None:
        polarities = [value for part in parts for value in part.polarities]
        kept = [value for part in parts for value, head in zip(part.polarities, part.heads) if head not in excluded]
        return _mean(polarities), (sum(kept) / len(kept) if kept else 0.0)
    whole = _piece(text)  # read once for the article's score already, where that was not assembled
    kept = [value for value, head in zip(whole.polarities, whole.heads) if head not in excluded]
    return _mean(whole.polarities), (sum(kept) / len(kept) if kept else 0.0)


def textblob_scores(text: str, sentences=None) -> tuple[float, float]:
    """Return ``TextBlob(text).sentiment`` as (polarity, subjectivity); NaN for a text without letters.

    Equal to the direct call, float for float. Assembled from the text's ``sentences`` ((start,
    end) offsets, already scored one by one), else from its paragraphs, else by the direct call.
    """
    if not LETTER.search(text or ""):
        return float("nan"), float("nan")
    assembled = _from_sentences(text, sentences) if sentences is not None else None
    if assembled is None:
        assembled = _assembled(text)
    if assembled is not None:
        return assembled
    whole = _piece(text)  # the whole text read as TextBlob reads it, kept for polarity_without
    return _mean(whole.polarities), _mean(whole.subjectivities)


@lru_cache(maxsize=CACHE_SIZE)
def _coverage_counts(paragraph: str) -> tuple[int, int, int]:

    tokens = [token.casefold() for token in words(prepare_for_vader(paragraph))]
    textblob_known, vader_known = known_words()
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
