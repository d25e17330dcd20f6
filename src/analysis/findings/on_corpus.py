"""What notebook 01 found: the corpus's size, dates, lengths, kinds of text, the cleaning, and reuse."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.compare import FEW_ARTICLES
from analysis.corpus import Corpus
from analysis.findings.wording import MAX_NAMED, Findings, article_labels, counted, share, small_sample
from analysis.scale.results import REUSE_THRESHOLD, Analysis

__all__ = ["SAME_STORY", "corpus_overview"]

# Two articles at least this alike (TF-IDF cosine) most likely carry one story, reused.
SAME_STORY = 0.5


def corpus_overview(results: Analysis) -> Findings:
    """Return what notebook 01 found: the corpus's size, dates, lengths, kinds of text, what the
    cleaning did, and which articles share their text."""
    corpus = results.corpus
    articles = corpus.articles
    n, n_outlets = len(articles), articles["outlet"].nunique()
    lines = []
    dates = pd.to_datetime(articles["date"]).dropna()
    when = (f"{len(dates):,} of them dated, from {dates.min():%d %b %Y} to {dates.max():%d %b %Y}" if len(dates)
            else "none of them dated, so nothing can be shown over time")
    lines.append(f"{counted(n, 'article')} from {counted(n_outlets, 'outlet')}; {when}.")
    sizes = articles["outlet"].value_counts()
    if n_outlets > 1 and sizes.iloc[0] > 1:
        lines.append(f"The largest outlet is {sizes.index[0]}, with {sizes.iloc[0]:,} of the {n:,} articles "
                     f"({share(sizes.iloc[0] / n)}): a total over all articles is mostly its coverage.")
    lines += _lengths(articles)
    kinds = articles["kind"].replace("", np.nan).dropna().value_counts() if "kind" in articles else pd.Series()
    if len(kinds) > 1:
        listed = ", ".join(f"{kind} {count:,}" for kind, count in kinds.head(MAX_NAMED).items())
        lines.append(f"The corpus mixes kinds of text ({listed}): keep the kind apart from the outlet before "
                     "calling a difference an outlet's bias.")
    lines.append(_cleaning(corpus))
    if n > 1:
        lines.append(_reuse(results.reuse_pairs, articles))
    return Findings(lines + small_sample(n, n_outlets))


def _lengths(articles: pd.DataFrame) -> list[str]:
    if len(articles) < 2:
        return [f"The article has {articles['n_words'].sum():,} words."] if len(articles) else []
    words = articles["n_words"]
    if len(articles) > FEW_ARTICLES:
        low, median, high = words.quantile([0.25, 0.5, 0.75])
        return [(f"Articles run from {words.min():,} to {words.max():,} words; half of them have between "
                 f"{low:,.0f} and {high:,.0f} (median {median:,.0f}): later notebooks compare shares, not counts.")]
    labels = article_labels(articles)
    longest, shortest = words.idxmax(), words.idxmin()
    times = f", {words[longest] / words[shortest]:.1f} times as long" if words[shortest] else ""
    return [(f"The longest article is {labels[longest]} with {words[longest]:,} words, the shortest "
             f"{labels[shortest]} with {words[shortest]:,}{times}: later notebooks compare shares, not counts.")]


def _cleaning(corpus: Corpus) -> str:
    removed = corpus.removed
    changes = removed["change"] if "change" in removed else pd.Series("removed", index=removed.index)
    taken = removed[changes != "repaired"]
    repaired = int((changes == "repaired").sum())
    reasons = ", ".join(f"{reason} ×{count}" for reason, count in taken["reason"].value_counts().head(3).items())
    what = (f"The cleaning took out {counted(len(taken), 'line')} or parts of lines ({reasons})" if len(taken)
            else "The cleaning took nothing out")
    repairs = f" and made {counted(repaired, 'repair')}" if repaired else ""
    problems = (f"{len(corpus.problems):,} {'file or row' if len(corpus.problems) == 1 else 'files or rows'} had a "
                "problem (see corpus.problems)"
                if len(corpus.problems) else "every file loaded without a problem")
    return f"{what}{repairs}; {problems}."


def _reuse(pairs: pd.DataFrame, articles: pd.DataFrame) -> str:
    if pairs.empty:
        return f"No two articles share much vocabulary: no pair reaches a TF-IDF cosine of {REUSE_THRESHOLD}."
    labels = dict(zip(articles["article_id"], article_labels(articles)))
    unique = pairs.assign(key=[tuple(sorted(pair)) for pair in zip(pairs["article_a"], pairs["article_b"])])
    unique = unique.drop_duplicates("key").sort_values("similarity", ascending=False)
    top = unique.iloc[0]
    alike = int((unique["similarity"] >= SAME_STORY).sum())
    named = f"{labels[top['article_a']]} and {labels[top['article_b']]} (TF-IDF cosine {top['similarity']:.2f})"
    if alike:
        return (f"{counted(alike, 'pair')} of articles {'is' if alike == 1 else 'are'} at least {SAME_STORY} alike, "
                "most likely one story reused; "
                f"the most alike: {named}. Notebook 04 compares such a pair sentence by sentence.")
    return f"No two articles are {SAME_STORY} alike or more; the most alike: {named}."
