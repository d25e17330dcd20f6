"""Charts of ``analysis.quotes``'s tables: who speaks in each outlet."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from analysis.plots._common import new_axes
from analysis.plots.style import JOURNALIST_COLOUR, SPEAKER_COLOURS
from analysis.quotes.table import MARKS_LOST_SHARE

__all__ = ["who_speaks"]


def who_speaks(sources: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet",
               top: int = 6, marks_lost: pd.DataFrame | None = None) -> Axes:
    """Draw each group's words split by voice, as stacked bars, from ``quotes.sources_by_outlet``.

    The writer's own words come first in grey; the ``top`` speakers with the most quoted words
    across all groups get a colour each, the rest are joined as "other speakers". With
    ``marks_lost`` (``quotes.quote_marks_lost``), the label of a group where at least
    ``MARKS_LOST_SHARE`` of the articles lost their quote marks in scraping says so: its bar
    overstates the writer's own words.
    """
    groups = list(dict.fromkeys(sources[by]))
    ax = new_axes(ax, (10, 0.75 * max(len(groups), 2) + 2))
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
    if marks_lost is not None and len(marks_lost):
        shares = marks_lost.set_index(by)["share_marks_lost"]
        ax.set_yticks(range(len(table.index)), [
            f"{group}\n(quote marks lost in {shares[group]:.0%} of articles)"
            if group in shares.index and shares[group] >= MARKS_LOST_SHARE else str(group) for group in table.index])
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of all words in the outlet's text (%): the writer's own words, then each speaker's quotes")
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title("Who speaks in each outlet?", fontsize=14)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="Voice")
    ax.spines[["top", "right"]].set_visible(False)
    return ax
