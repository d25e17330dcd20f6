"""Whether the corpus has what a section needs: ``ready(source, need)`` returns True, or shows one
line, "Skipped: " and what is missing and what to do, and returns False::

    if findings.ready(results, "quotes"):
        display(preview(results.quotes))
"""

from __future__ import annotations

import pandas as pd
from IPython.display import display

from analysis import resources as resource_files
from analysis.compare import FEW_ARTICLES, MIN_DAYS_FOR_TIME, MIN_PER_PERIOD, over_time
from analysis.corpus import Corpus
from analysis.findings.wording import Skipped, counted
from analysis.scale.results import REUSE_THRESHOLD, Analysis

__all__ = ["NEEDS", "missing", "ready"]

NEEDS = {
    "articles": "two articles or more (an Analysis or Corpus)",
    "outlets": "two outlets or more (an Analysis or Corpus)",
    "similarity": "two articles (up to twenty) or two outlets (past twenty) (an Analysis or Corpus)",
    "dates": "an article with a date (an Analysis or Corpus)",
    "over_time": "enough dated articles for a chart over time (an Analysis or Corpus)",
    "quotes": "direct quotes (an Analysis)",
    "targets": "a list of targets (Resources)",
    "story_elements": "a list of story elements (Resources)",
    "coding_sheets": "filled coding sheets (Resources)",
    "pair": "two articles to align (a tuple: article_a, article_b)",
    "target_mentions": "a sentence that names a target (the table of sentiment.sentiment_by_target)",
}


def missing(source, need: str) -> str:
    """Return why ``source`` lacks what ``need`` names (see ``NEEDS``), and what to do; "" when it
    has it."""
    if need not in NEEDS:
        raise ValueError(f"No need '{need}'; the needs are: {', '.join(NEEDS)}")
    if need in resource_files.MISSING:
        _expect(source, resource_files.Resources, need)
        return "" if getattr(source, need) is not None else resource_files.MISSING[need]
    if need == "pair":
        _expect(source, tuple, need)
        return "" if len(source) == 2 and all(item is not None for item in source) else (
            f"no pair of articles to align: that takes two articles sharing wording (a TF-IDF cosine of "
            f"{REUSE_THRESHOLD} or more), or article_a and article_b set to two article ids in the parameters cell")
    if need == "target_mentions":
        _expect(source, pd.DataFrame, need)
        return "" if len(source) else ("no sentence names any of the targets: add the names and titles this "
                                       f"corpus uses for them to its {resource_files.TARGETS_NAME}")
    if need == "quotes":
        _expect(source, Analysis, need)
        return "" if len(source.quotes) else (
            f"no direct quote was found in the {counted(len(source.corpus.articles), 'article')} (a quote is a "
            "passage inside double quote marks): if the articles do quote people, check that their quote "
            "marks survived the scraping")
    _expect(source, (Analysis, Corpus), need)
    articles = (source.corpus if isinstance(source, Analysis) else source).articles
    if need == "similarity":
        need = "articles" if len(articles) <= FEW_ARTICLES else "outlets"
    if need == "articles":
        return "" if len(articles) >= 2 else (f"this corpus has {counted(len(articles), 'article')}: comparing "
                                              "articles takes two or more")
    if need == "outlets":
        outlets = articles["outlet"].dropna().unique()
        return "" if len(outlets) >= 2 else (
            f"every article is from one outlet ({outlets[0] if len(outlets) else 'none'}): comparing outlets "
            "takes two or more; give each article its outlet in the outlet column of articles.csv")
    dates = pd.to_datetime(articles["date"]).dropna()
    if need == "dates":
        return "" if len(dates) else ("no article has a date: give each article its date (YYYY-MM-DD) in the "
                                      "date column of articles.csv")
    days = (dates.max() - dates.min()).days if len(dates) else 0
    enough = over_time(articles.assign(value=1.0), "value", top=None)
    if len(enough):
        return ""
    return (f"a chart over time takes more than {FEW_ARTICLES} articles with a date, spanning {MIN_DAYS_FOR_TIME} "
            f"days or more, with {MIN_PER_PERIOD} articles of one outlet in a period; this corpus has "
            f"{counted(len(dates), 'dated article')}" + (f" spanning {counted(days, 'day')}" if len(dates) > 1 else "")
            + ": add the articles' dates (the date column of articles.csv), or more articles")


def _expect(source, kinds, need: str) -> None:
    if not isinstance(source, kinds):
        raise TypeError(f"'{need}' is checked on {NEEDS[need].split('(')[-1].rstrip(')')}, "
                        f"not on {type(source).__name__}")


def ready(source, need: str, *, brief: str | None = None) -> bool:
    """Return whether ``source`` has what ``need`` names (see ``NEEDS``); when it has not, show one
    line, "Skipped: " and why (``missing``), in the notebook (printed outside one). ``brief``: a
    shorter reason to show instead, for a section after the one that said it in full."""
    reason = missing(source, need)
    if reason:
        _show(Skipped(brief or reason))
    return not reason


def _show(item) -> None:
    display(item)  # outside IPython, display prints the item's text
