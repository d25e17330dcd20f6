"""Charts. Each function takes a DataFrame and an optional ``ax``, draws, and returns the Axes.

Plot functions never compute analyses and never call ``plt.show()``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def article_labels(table: pd.DataFrame) -> list[str]:
    """Return a label per row: the outlet's name, with the article_id added where outlets repeat."""
    repeated = table["outlet"].duplicated(keep=False)
    return [f"{outlet} ({article_id})" if twice else str(outlet)
            for outlet, article_id, twice in zip(table["outlet"], table["article_id"], repeated)]


def article_lengths(summary: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw words per article as horizontal bars labelled by outlet, from ``Corpus.summary()``."""
    ax = _axes(ax, (8, 0.6 * max(len(summary), 2) + 1.2))
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
