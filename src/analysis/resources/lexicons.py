"""The sentiment lexicons, loaded once per process from the installed packages (offline).

TextBlob's lexicon (Pattern's English adjectives) and VADER's (words and emoticons rated by people)
are resources, like a codebook: loaded once and kept. The scores computed with them are not kept
here; they are computed once per distinct sentence by the analyses.
"""

from __future__ import annotations

from functools import lru_cache

from textblob.en import sentiment as pattern_sentiment  # the lexicon behind TextBlob's PatternAnalyzer
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.corpus.text import straighten_quotes

__all__ = ["known_words", "prepare_for_vader", "textblob_lexicon", "vader"]


def prepare_for_vader(text: str) -> str:
    """Return the text with curly quote marks and apostrophes made straight, as VADER needs."""
    return straighten_quotes(text)


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """Return the one VADER analyser (its lexicon loads from the installed package, offline)."""
    return SentimentIntensityAnalyzer()


def textblob_lexicon():
    """Return TextBlob's English sentiment lexicon, loaded."""
    if not len(pattern_sentiment):  # the lexicon loads lazily on first use
        pattern_sentiment.load()
    return pattern_sentiment


@lru_cache(maxsize=1)
def known_words() -> tuple[frozenset, frozenset]:
    """Return the words TextBlob's and VADER's lexicons know (each a frozenset)."""
    return frozenset(textblob_lexicon().keys()), frozenset(vader().lexicon)
