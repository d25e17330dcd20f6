"""VADER's ``polarity_scores``, float for float, without the work its own code repeats.

``SentimentIntensityAnalyzer.polarity_scores`` (vaderSentiment 3.3) spends most of its time on
things that do not change the result: it copies the text one character at a time to replace emoji
by their descriptions, even when there is none, and for every word it looks up in its lexicon it
makes the whole sentence lower case again three or four times (in ``_negation_check`` and
``_special_idioms_check``), so a sentence costs time in the square of its length. The rules
themselves only ever look three words back and two ahead of the word they score.

So here, for a text with no emoji character, the words are made lower case once; the words the
library gives 0 (not in the lexicon, boosters, "kind" of "kind of") get 0 at once; and each word
it scores goes through the library's ``sentiment_valence`` rules in the same order with the same
arithmetic, on the lower-case words made once. The tokens are ``SentiText``'s, made the same way; the "but" rule and
the final sums are the library's own code on the whole sentence.
Any text with an emoji character goes to ``polarity_scores`` itself. ``tests/test_vader_exact.py``
checks equality with the library on every sentence of the bundled and fixture corpora, on edge
cases, and (marked slow) on every sentence of the real corpora in ``../shared``.
"""

from __future__ import annotations

import heapq
import string

from vaderSentiment.vaderSentiment import (BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES,
                                           SentimentIntensityAnalyzer)

__all__ = ["polarity_scores"]

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
_SO_THIS = ("so", "this")


_EMOJI_CHARACTERS: dict[int, frozenset] = {}


def _has_emoji(text: str, analyzer: SentimentIntensityAnalyzer) -> bool:
    """True when the text holds a character the analyser replaces by its description (the library
    compares one character at a time, so longer emoji sequences never match as a whole; none of
    the characters is ASCII)."""
    if text.isascii():
        return False
    key = id(analyzer.emojis)
    if key not in _EMOJI_CHARACTERS:
        _EMOJI_CHARACTERS[key] = frozenset(emoji for emoji in analyzer.emojis if len(emoji) == 1)
    return not _EMOJI_CHARACTERS[key].isdisjoint(text)


def polarity_scores(text: str, analyzer: SentimentIntensityAnalyzer) -> dict[str, float]:
    """Return ``analyzer.polarity_scores(text)``: the same dict, the same floats."""
    if not isinstance(text, str) or _has_emoji(text, analyzer):
        return analyzer.polarity_scores(text)
    text = text.strip()
    # SentiText(text): its words (punctuation stripped, unless two characters or fewer would be
    # left) and whether some but not all of them are in capitals
    words = [token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped for token in text.split()]
    capitals = sum(map(str.isupper, words))
    is_cap_diff = 0 < len(words) - capitals < len(words)
    lower = [word.lower() for word in words]
    lexicon = analyzer.lexicon
    last = len(words) - 1
    # What the library appends for a word not in the lexicon, a booster or the "kind" of "kind of":
    # the int 0. Only the words in the lexicon are looked at one by one.
    sentiments: list[float] = [0] * len(lower)
    for i in [i for i, word in enumerate(lower) if word in lexicon]:
        word = lower[i]
        if word in BOOSTER_DICT or (i < last and word == "kind" and lower[i + 1] == "of"):
            continue
        sentiments[i] = _valence(i, words, lower, lexicon, is_cap_diff)
    if "but" in lower:  # the library's "but" rule changes nothing in a sentence without one
        if len(sentiments) > _LONG:
            sentiments = _but_check(lower.index("but"), sentiments)
        else:
            sentiments = analyzer._but_check(words, sentiments)
    return analyzer.score_valence(sentiments, text)


# Past this many words the "but" rule runs in ``_but_check`` here: the library's finds each value's
# position with ``list.index``, which takes time in the square of the number of words (a quotation
# of 10,000 words took seconds).
_LONG = 200


def _but_check(but: int, sentiments: list) -> list:
    """``SentimentIntensityAnalyzer._but_check`` for the first "but" at ``but``, in n log n.

    The library walks the list by position; for the value it finds at each position it takes the
    first position holding an equal value (``list.index``), and there puts the value times 0.5
    (before the "but") or 1.5 (after it). Here the positions holding each value are kept in a heap,
    so the first one is found without a scan; a position whose value has changed is dropped from
    its old heap when it comes to the top.
    """
    values = list(sentiments)
    where: dict[float, list[int]] = {}
    for position, value in enumerate(values):
        where.setdefault(value, []).append(position)  # in order: each list is already a heap
    for position in range(len(values)):
        value = values[position]
        heap = where[value]
        while values[heap[0]] != value:
            heapq.heappop(heap)
        first = heap[0]
        if first == but:
            continue
        new = value * 0.5 if first < but else value * 1.5
        values[first] = new
        heapq.heappush(where.setdefault(new, []), first)
    return values


def _negated(word: str) -> bool:
    # vaderSentiment.negated([word]) for a lower-case word
    return word in _NEGATE or "n't" in word


def _valence(i: int, words: list[str], lower: list[str], lexicon: dict, is_cap_diff: bool) -> float:
    """``sentiment_valence`` of the lexicon word at ``i``, step for step in the library's order
    (its ``_negation_check``, ``_special_idioms_check`` and ``_least_check`` inlined on the
    lower-case words made once)."""
    word = lower[i]
    valence = lexicon[word]
    if word == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):
        valence = lexicon[word] * N_SCALAR
    if words[i].isupper() and is_cap_diff:
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for start_i in range(0, 3):
        before = i - (start_i + 1)
        if i > start_i and lower[before] not in lexicon:
            s = _scalar(words[before], lower[before], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            if start_i == 0:
                if _negated(lower[i - 1]):
                    valence = valence * N_SCALAR
            elif start_i == 1:
                if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                    pass
                elif _negated(lower[i - 2]):
                    valence = valence * N_SCALAR
            else:
                if lower[i - 3] == "never" and (lower[i - 2] in _SO_THIS) or lower[i - 1] in _SO_THIS:
                    valence = valence * 1.25
                elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                    pass
                elif _negated(lower[i - 3]):
                    valence = valence * N_SCALAR
                valence = _special_idioms(valence, lower, i)
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _scalar(word: str, word_lower: str, valence: float, is_cap_diff: bool) -> float:
    # vaderSentiment.scalar_inc_dec
    scalar = 0.0
    if word_lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


# Every word of the library's idioms and of its boosters of several words: a word's neighbourhood
# with none of them matches no idiom, and the check can stop at once.
_IDIOM_WORDS = frozenset(word for phrase in [*SPECIAL_CASES, *(key for key in BOOSTER_DICT if " " in key)]
                         for word in phrase.split())


def _special_idioms(valence: float, lower: list[str], i: int) -> float:
    # SentimentIntensityAnalyzer._special_idioms_check (called only with i > 2)
    if _IDIOM_WORDS.isdisjoint(lower[i - 3:i + 3]):
        return valence
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for sequence in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if sequence in SPECIAL_CASES:
            valence = SPECIAL_CASES[sequence]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence
