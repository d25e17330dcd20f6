"""Analyse how news outlets frame a story: tidy tables from articles, then sentiment, framing,
quotes and coverage differences.

Start with ``load_corpus()``; every analysis takes the ``Corpus`` it returns. ``analyse()`` runs
every per-article analysis once, on every core, and keeps the tables for the notebooks.
"""

from analysis.version import __version__ as __version__  # the version, re-exported
from analysis.corpus.load import Corpus, load_corpus
from analysis.errors import CorpusError
from analysis.display import preview
from analysis.scale.results import Analysis, analyse

__all__ = ["Analysis", "Corpus", "CorpusError", "analyse", "load_corpus", "preview"]
