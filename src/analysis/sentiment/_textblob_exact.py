"""TextBlob's tokens and assessments of a text, element for element and float for float, faster.

TextBlob (0.20, its ``textblob/_text.py``) reads a text in two steps, and both spend most of their
time on work that does not change the result:

- ``find_tokens`` runs seven ``re.sub`` calls for contractions (only "n't" survives the quote
  splitting that follows: the others put a space before an apostrophe that gets spaces anyway),
  splits leading and trailing punctuation off every word in a Python loop, cuts the words into
  sentences, and applies its sarcasm "(!)" and emoticon expressions to each sentence. The caller
  joins the sentences again (``" ".join(...).split()``), so the cut only matters where a sentence
  end falls inside an emoticon or "(!)" that the expressions would match.
- ``Sentiment.assessments`` looks every word up in the lexicon several times, builds a dict per
  assessed word, and tests every unknown word against every emoticon set.

So here words with no punctuation at either end are taken as they are and only the others go
through the library's splitting loop, written out once; the sarcasm and emoticon expressions run
once over the whole text, and where one could match across a sentence end the text goes to the
library. The assessments walk the same states in the same order, with one table look-up per word
(built once from the loaded lexicon) and the same arithmetic, so every float is the same.

Anything the fast path cannot be sure of goes to the library itself: a carriage return, a blank
line (``\\n\\n``, which the library turns into a sentence end), the library's own sentence-end
marker in the text, or an emoticon with a space inside it after a mark that can end a sentence
(a "(!)" never spans one). ``tests/test_textblob_exact.py`` checks equality with the library on edge cases, on every
sentence and paragraph of the bundled and fixture corpora and (marked slow) of the real corpora in
``../shared``.

The lexicon is treated as a resource loaded once and never changed: a word added to TextBlob's
lexicon after the first call here is not seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from textblob._text import (
    ABBREVIATIONS,
    EMOTICONS,
    EOS,
    IRONY,
    MOOD,
    PUNCTUATION,
    RE_ABBR1,
    RE_ABBR2,
    RE_ABBR3,
    RE_EMOTICONS,
    RE_SARCASM,
)

from analysis.resources.lexicons import textblob_lexicon

__all__ = ["assessments", "tokens"]

# --- tokens ---------------------------------------------------------------------------------------

# What ``find_tokens`` splits off the front of a word one mark at a time (its punctuation without
# the full stop), and off the end (with the full stop, which it treats apart).
_LEADING = frozenset(PUNCTUATION.replace(".", ""))
_TRAILING = _LEADING | {"."}
# ``find_tokens`` puts spaces around these, then splits on white space (``\s`` in both places:
# ``str.split`` splits on the same characters as the library's ``\s``).
_QUOTE_MARKS = ("“", "”", "‘", "’", "'", '"')
# The library's own sentence-end marker: a text holding it would lose that word there.
_SENTENCE_MARK = EOS
# The last token of a sentence (before the next one starts) is one of "'", '"', "”", "’", "...",
# ".", "!", "?" or ")": an emoticon with a space after one of these marks could span a sentence end.
_SPACE_AFTER_SENTENCE_END = re.compile(r"['\"”’.!?)] ")


def tokens(text: str) -> list[str]:
    """Return ``" ".join(lexicon.tokenizer(text)).split()``: TextBlob's tokens of the text, in order."""
    if "\r" in text or "\n\n" in text or _SENTENCE_MARK in text:
        return _library_tokens(text)
    found: list[str] = []
    for word in _words_and_quotes(text.replace("n't", " n't") if "n't" in text else text):
        # Most words have no punctuation at either end: only the others go through the library's
        # loop, once per distinct word.
        if word[0] in _LEADING or word[-1] in _TRAILING:
            split = _SPLIT_WORDS.get(word)
            if split is None:
                split = _split_once(word)
            found += split
        else:
            found.append(word)
    joined = " ".join(found)
    if "(" in joined and RE_SARCASM.search(joined) is not None:
        # A sentence end never falls inside "( ! )" (the closing bracket always stays with the "!"),
        # so marking the whole text gives what marking each of its sentences gives.
        joined = RE_SARCASM.sub("(!)", joined)
        found = joined.split()
    emoticons = [match.group(1) for match in RE_EMOTICONS.finditer(joined)]
    if not emoticons:
        return found
    if any(_SPACE_AFTER_SENTENCE_END.search(marks) is not None for marks in emoticons):
        return _library_tokens(text)
    return RE_EMOTICONS.sub(_closed_emoticon, joined).split()


def _closed_emoticon(match: re.Match) -> str:
    # find_tokens's own replacement: the emoticon without its spaces, then what followed it
    return match.group(1).replace(" ", "") + match.group(2)


def _words_and_quotes(text: str) -> list[str]:
    """The text's runs of characters other than white space and quote marks, and each quote mark
    alone: ``re.findall(r"[“”‘’'\"]|[^\\s“”‘’'\"]+", text)``, twice as fast."""
    for mark in _QUOTE_MARKS:
        if mark in text:
            text = text.replace(mark, f" {mark} ")
    return text.split()


# The tokens of each word with punctuation at an end met so far ("said.", "(AP)"): news repeats
# them. Bounded: past this many words the remembered ones are let go and met again.
_SPLIT_WORDS: dict[str, tuple[str, ...]] = {}
_SPLIT_WORDS_MAX = 100_000


def _split_once(word: str) -> tuple[str, ...]:
    found: list[str] = []
    _split_word(word, found)
    if len(_SPLIT_WORDS) >= _SPLIT_WORDS_MAX:
        _SPLIT_WORDS.clear()
    split = _SPLIT_WORDS[word] = tuple(found)
    return split


def _split_word(word: str, found: list[str]) -> None:
    """Append to ``found`` the tokens ``find_tokens`` makes of one word (its loop, step for step)."""
    while word and word[0] in _LEADING:
        found.append(word[0])
        word = word[1:]
    tail = []
    while word and word[-1] in _TRAILING:
        if word[-1] in _LEADING:
            tail.append(word[-1])
            word = word[:-1]
        # an ellipsis (...) comes off before a full stop would
        if word.endswith("..."):
            tail.append("...")
            word = word[:-3].rstrip(".")
        # a full stop comes off unless the word is an abbreviation ("U.S.", "Mr.", "e.g.")
        if word.endswith("."):
            if (word in ABBREVIATIONS or RE_ABBR1.match(word) is not None or RE_ABBR2.match(word) is not None
                    or RE_ABBR3.match(word) is not None):
                break
            tail.append(word[-1])
            word = word[:-1]
    if word:
        found.append(word)
    found.extend(reversed(tail))


def _library_tokens(text: str) -> list[str]:
    return " ".join(textblob_lexicon().tokenizer(text)).split()


# --- assessments ----------------------------------------------------------------------------------

_NEGATION_ONLY = ()  # the table's entry for a negation the lexicon does not know ("not", "never")


@lru_cache(maxsize=1)
def _word_table() -> dict[str, tuple]:
    """Return {word: (polarity, subjectivity, intensity, is a modifier, is a negation, label)} for
    every word ``Sentiment.assessments`` knows with no part of speech, and an empty tuple for the
    negations it does not know."""
    lexicon = textblob_lexicon()
    table: dict[str, tuple] = {}
    for word, senses in dict.items(lexicon):
        if None in senses:
            polarity, subjectivity, intensity = senses[None]
            table[word] = (polarity, subjectivity, intensity, any(map(senses.__contains__, lexicon.modifiers)),
                           word in lexicon.negations, lexicon.labeler.get(word))
    for word in lexicon.negations:
        table.setdefault(word, _NEGATION_ONLY)
    return table


def _emoticon_polarities() -> dict[str, float]:
    # The library lower-cases each emoticon and takes the first set, in EMOTICONS' order, holding it.
    polarities: dict[str, float] = {}
    for (_, polarity), marks in EMOTICONS.items():
        for mark in marks:
            polarities.setdefault(mark.lower(), polarity)
    return polarities


_EMOTICON_POLARITIES = _emoticon_polarities()


def assessments(words: list[str]) -> list[tuple]:
    """Return ``lexicon.assessments(((word, None) for word in words), True)`` for lower-case tokens:
    the same (chunk, polarity, subjectivity, label) tuples, float for float."""
    table = _word_table()
    # Each assessment is [chunk, polarity, subjectivity, intensity, negated, label], changed in place
    # as the library changes its dicts.
    found: list[list] = []
    modifier = None  # the library's m: a known adverb that modifies the next known word
    negation = None  # the library's n: a negation waiting for a known word
    for word in words:
        entry = table.get(word)
        if entry:
            polarity, subjectivity, intensity, is_modifier, is_negation, label = entry
            if modifier is None:
                found.append([[word], polarity, subjectivity, intensity, 1, label])
            else:
                last = found[-1]
                last[0].append(word)
                last[1] = max(-1.0, min(polarity * last[3], +1.0))
                last[2] = max(-1.0, min(subjectivity * last[3], +1.0))
                last[3] = intensity
                last[5] = label
            if negation is not None:
                last = found[-1]
                last[0].insert(0, negation)
                last[3] = 1.0 / last[3]
                last[4] = -1
            modifier = word if is_modifier else None
            negation = word if is_negation else None
            continue
        if entry is None and len(word) > 2 and word.isalpha():
            # An unknown word of three letters or more, not a negation: it drops what is pending,
            # and it can be neither "!", "(!)" nor an emoticon.
            modifier = negation = None
            continue
        # Any other unknown word: the library's steps in its order.
        if entry is not None:  # an unknown negation
            negation = word
        elif negation is not None and len(word.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and textblob_lexicon().modifier(modifier):
            found[-1][0].append(negation)
            found[-1][4] = -1
            negation = None
        elif modifier is not None and len(word) > 2:
            modifier = None
        # An exclamation mark strengthens the assessment before it.
        if word == "!" and found:
            last = found[-1]
            last[0].append("!")
            last[1] = max(-1.0, min(last[1] * 1.25, +1.0))
        if word == "(!)":
            found.append([[word], 0.0, 1.0, 1.0, 1, IRONY])
        if word.isalpha() is False and len(word) <= 5 and word not in PUNCTUATION:
            polarity = _EMOTICON_POLARITIES.get(word)
            if polarity is not None:
                found.append([[word], polarity, 1.0, 1.0, 1, MOOD])
    # "not good" is slightly bad, "not bad" slightly good
    return [(chunk, polarity * -0.5 if negated < 0 else polarity, subjectivity, label)
            for chunk, polarity, subjectivity, _, negated, label in found]
