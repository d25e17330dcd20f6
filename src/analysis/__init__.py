"""Analyse how news outlets frame a story: tidy tables from articles, then sentiment, framing,
quotes and coverage differences.

Start with ``load_corpus()``; every analysis takes the ``Corpus`` it returns.
"""

from analysis.corpus import Corpus, CorpusError, load_corpus

__all__ = ["Corpus", "CorpusError", "load_corpus"]
__version__ = "0.1.0"
