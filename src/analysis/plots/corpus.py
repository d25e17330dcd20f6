"""Charts of the corpus itself: how long its articles are."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from analysis.plots._common import article_labels, many_articles, new_axes
from analysis.plots.compare import distribution

__all__ = ["article_lengths"]


def article_lengths(summary: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw words per article as horizontal bars labelled by outlet, from ``Corpus.summary()``; past
    twenty articles, the distribution of lengths in each outlet."""
    if many_articles(summary):
        return distribution(summary, "n_words", ax, title="How long are each outlet's articles?",
                            xlabel="Length of the cleaned text (words per article)")
    ax = new_axes(ax, (8, 0.6 * max(len(summary), 2) + 1.2))
    ordered = summary.sort_values("n_words")
    labels = article_labels(ordered)
    bars = ax.barh(labels, ordered["n_words"], color="#4c72b0")
    ax.bar_label(bars, labels=[f"{n:,} words, {s} sentences" for n, s in
                               zip(ordered["n_words"], ordered["n_sentences"])], padding=4, fontsize=10)
    ax.set_xlabel("Length of the cleaned text (words)")
    ax.set_ylabel("Article")
    ax.set_title("How long is each article?", fontsize=14)
    ax.set_xlim(0, ordered["n_words"].max() * 1.6 if len(ordered) else 1)
    ax.spines[["top", "right"]].set_visible(False)
    return ax
