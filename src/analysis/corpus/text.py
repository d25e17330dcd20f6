"""Text primitives every analysis shares, each defined once: quote marks, honorifics, words,
British and American spellings, and the word sequences (shingles) that reuse is measured with.

Small pure functions on strings, with the lookup tables they use kept at the top (as textacy keeps
its tables in ``preprocessing/resources.py``). An analysis imports them from here; none defines
its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "HONORIFICS", "HONORIFIC_PATTERN", "HOUSE_STYLE_HONORIFICS", "LETTER", "WORD_PATTERN", "american_spelling", "casefolded_words",
    "count_words", "line_words", "normalised_words", "spelling_pattern", "straighten_quotes", "word_sequences", "words",
]

# --- quote marks ----------------------------------------------------------------------------------

# Curly and low quote marks and apostrophes, made straight: VADER's lexicon and the comparison of
# editions see "isn’t" and "isn't" as one word.
_STRAIGHT_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("‚", "'"))


def straighten_quotes(text: str) -> str:
    """Return the text with curly and low quote marks and apostrophes made straight."""
    if text.isascii():  # none of those marks is ASCII: nothing to change (most sentences)
        return text
    # One replace per mark the text holds (``str.translate`` looks up every character in Python).
    for curly, straight in _STRAIGHT_QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text


# --- honorifics -----------------------------------------------------------------------------------

# Forms of address that come before a name ("Mr Ji", "Dr. Lee"): part of a speaker's mention, not of
# the name, and a change an editor makes ("Ji" -> "Mr Ji") without rewording anything.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev"})
# The same as a regular expression, as they are written: capitalised, with or without a full stop.
HONORIFIC_PATTERN = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev)\.?"
# The ones house styles add or drop before a name (AP writes "Ji", a UK paper "Mr Ji"): comparing
# editions ignores these. The longer forms stay words there: "Sir", "Lord" and "Lady" are also part
# of names and titles that an edit does not add, and "a lady" is an ordinary word.
HOUSE_STYLE_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})

# --- words ----------------------------------------------------------------------------------------

# A word: letters or digits, allowing inner hyphens and apostrophes ("Seong-ho", "isn’t").
WORD_PATTERN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A letter (not a digit or underscore): a text without one has nothing for a lexicon to score.
LETTER = re.compile(r"[^\W\d_]")
# Words are counted from the list of them (about a third faster than match by match) in a text
# up to this long; a longer one (a 50 MB file) match by match, never holding millions of words.
_COUNTED_FROM_LIST_MAX_CHARS = 1_000_000


def words(text: str) -> list[str]:
    """Return the words of a text (letters and digits, keeping inner hyphens and apostrophes)."""
    return WORD_PATTERN.findall(text)


def count_words(text: str) -> int:
    """Return the number of words in a text, as ``words`` counts them once its quote marks are made
    straight (so that "don‘t", with an opening mark for an apostrophe, is one word, as "don’t" is)."""
    if len(text) > _COUNTED_FROM_LIST_MAX_CHARS:
        return sum(1 for _ in WORD_PATTERN.finditer(straighten_quotes(text)))
    # the words of its lines, which the language rule, the lexicon coverage and the reuse vectors read too
    return sum(len(line_words(line)) for line in text.split("\n"))


def casefolded_words(text: str) -> list[str]:
    """Return the words of a text in lower case, quote marks straightened (the reuse vocabulary)."""
    if text.isascii():  # no curly quote to straighten, and casefold is lower: one pass over the text
        return WORD_PATTERN.findall(text.lower())
    return [word.casefold() for word in words(straighten_quotes(text))]


# How many lines' words ``line_words`` remembers per process (a pipeline partition has a few
# thousand), and the longest line it remembers (a paragraph of about 3,000 words): at most about
# 4096 x 20,000 characters however long the lines of a corpus are.
_LINE_WORDS_CACHE = 4096
_LINE_WORDS_LONGEST = 20_000


def line_words(line: str) -> tuple[str, ...]:
    """Return ``casefolded_words`` of one line (a text without a line break), remembered: the word
    counts, the language rule, the lexicon coverage and the reuse vectors each read the words of
    every line of a corpus, one after the other (a word never spans a line break, so a text's words
    are its lines')."""
    if len(line) > _LINE_WORDS_LONGEST:
        return tuple(casefolded_words(line))
    return _remembered_line_words(line)


@lru_cache(maxsize=_LINE_WORDS_CACHE)
def _remembered_line_words(line: str) -> tuple[str, ...]:
    return tuple(casefolded_words(line))


# --- British and American spelling ----------------------------------------------------------------

# Both directions of one idea live here: comparing editions maps a word to its American spelling,
# so a spelling change is not a rewording; a dictionary term becomes a pattern that matches both.
_AMERICAN_ENDINGS = [
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # recognise -> recognize
    (re.compile(r"(?<=\w{2})ys(e|ed|es|ing)$"), r"yz\1"),  # analyse -> analyze
    (re.compile(r"(?<=[^aeiou])our(s|ed|ing|able)?$"), r"or\1"),  # labour -> labor
    (re.compile(r"(?<=[^aeiou])tre(s)?$"), r"ter\1"),  # centre -> center
    (re.compile(r"(?<=en)ce$"), r"se"),  # defence -> defense
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er)$"), r"l\1"),  # travelled -> traveled
]
_AMERICAN_WORDS = {"towards": "toward", "amongst": "among", "whilst": "while", "afterwards": "afterward"}
# Spelling rules apply to words longer than this; shorter ones ("tour", "cise") are left alone.
_SHORTEST_VARIANT = 4


def american_spelling(word: str) -> str:
    """Return a word in lower case with American spelling, so spelling variants compare equal."""
    word = straighten_quotes(word.casefold())
    word = _AMERICAN_WORDS.get(word, word)
    if len(word) > _SHORTEST_VARIANT:
        for pattern, replacement in _AMERICAN_ENDINGS:
            word = pattern.sub(replacement, word)
    return word


def spelling_pattern(word: str) -> str:
    """Return a regular expression for one literal word that matches its British and American
    spellings (and a straight or curly apostrophe)."""
    pattern = re.escape(word)
    lowered = word.casefold()
    if len(lowered) > _SHORTEST_VARIANT and re.search(r"[^aeiou]our", lowered[1:]):
        pattern = re.sub(r"(?<=[^aeiouAEIOU])ou(?=r)", "ou?", pattern)  # labour / labor
    pattern = re.sub(r"(?<=\w{3})i[sz](?=e|ed|es|ing|ation|ations|er|ers$)", "i[sz]", pattern)  # recognise / -ize
    pattern = re.sub(r"(?<=\w{2})y[sz](?=e|ed|es|ing$)", "y[sz]", pattern)  # analyse / analyze
    pattern = re.sub(r"(?<=[^aeiou])re$", "(?:re|er)", pattern)  # centre / center
    pattern = re.sub(r"(?<=en)[cs](?=e$)", "[cs]", pattern)  # defence / defense
    return pattern.replace("'", "['’]").replace("’", "['’]").replace(r"\'", "['’]")


# --- words for comparing editions, and their sequences ----------------------------------------------


def normalised_words(text: str) -> list[str]:
    """Return the words of a text for comparing editions: lower case, American spelling, no
    honorifics, no possessive marks."""
    result = []
    for word in words(straighten_quotes(text)):
        word = re.sub(r"'s$", "", word)
        if word.casefold() in HOUSE_STYLE_HONORIFICS:
            continue
        result.append(american_spelling(word))
    return result


def word_sequences(tokens: list[str], size: int) -> list[str]:
    """Return the runs of ``size`` consecutive words (a shorter text is one run of all its words)."""
    if len(tokens) < size:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)]
