"""Analyse how news outlets frame a story: tidy tables from articles, then sentiment, framing,
quotes and coverage differences.

Start with ``load_corpus()``; every analysis takes the ``Corpus`` it returns. ``analyse()`` runs
every per-article analysis once, on every core, and keeps the tables for the notebooks.
"""

from analysis.corpus.load import Corpus, CorpusError, load_corpus
from analysis.display import preview
from analysis.scale.results import Analysis, analyse

__all__ = ["Analysis", "Corpus", "CorpusError", "analyse", "load_corpus", "preview"]
__version__ = "0.1.0"
