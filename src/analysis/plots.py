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


JOURNALIST_COLOUR = "#c8c8c8"
SPEAKER_COLOURS = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]


def who_speaks(sources: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet",
               top: int = 6) -> Axes:
    """Draw each group's words split by voice, as stacked bars, from ``quotes.sources_by_outlet``.

    The writer's own words come first in grey; the ``top`` speakers with the most quoted words
    across all groups get a colour each, the rest are joined as "other speakers".
    """
    groups = list(dict.fromkeys(sources[by]))
    ax = _axes(ax, (10, 0.75 * max(len(groups), 2) + 2))
    quoted = sources[sources["voice"] == "quoted"]
    leaders = list(quoted.groupby("speaker")["n_words"].sum().sort_values(ascending=False, kind="stable").index[:top])
    shares = sources.assign(segment=[
        "journalist's own words" if voice == "journalist" else (speaker if speaker in leaders else "other speakers")
        for voice, speaker in zip(sources["voice"], sources["speaker"])])
    table = shares.pivot_table(index=by, columns="segment", values="share_of_words", aggfunc="sum", fill_value=0.0)
    segments = ["journalist's own words"] + leaders + (["other speakers"] if "other speakers" in table else [])
    table = table.reindex(index=groups[::-1], columns=segments, fill_value=0.0) * 100
    colours = [JOURNALIST_COLOUR] + SPEAKER_COLOURS[: len(leaders)] + ["#eeeeee"]
    left = pd.Series(0.0, index=table.index)
    for segment, colour in zip(segments, colours):
        bars = ax.barh(table.index.astype(str), table[segment], left=left, color=colour, label=segment,
                       edgecolor="white", linewidth=0.8)
        ax.bar_label(bars, labels=[f"{value:.0f}%" if value >= 6 else "" for value in table[segment]],
                     label_type="center", fontsize=9)
        left += table[segment]
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of all words in the outlet's text (%): the writer's own words, then each speaker's quotes")
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title("Who speaks in each outlet?", fontsize=14)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="Voice")
    ax.spines[["top", "right"]].set_visible(False)
    return ax
