"""Charts of ``analysis.framing``'s tables: each outlet's mix of frames, the balance between two
frames, where in the articles each frame appears, and which frames share a sentence."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from analysis.plots._common import article_labels, new_axes
from analysis.plots.style import FRAME_COLOURS

__all__ = ["frame_shares", "frame_balance", "frame_positions", "frame_cooccurrence"]


def _frame_labels(table: pd.DataFrame, labels: dict[str, str] | None) -> dict[str, str]:
    return {frame: (labels or {}).get(frame, str(frame).replace("_", " ").capitalize()) for frame in table["frame"].unique()}


def frame_shares(shares: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet",
                 labels: dict[str, str] | None = None) -> Axes:
    """Draw each outlet's mix of frames as stacked bars (100% = all its frame-carrying sentences),
    from ``framing.frame_shares``. ``labels`` maps frame names to labels (``Codebook.frames``)."""
    groups = list(dict.fromkeys(shares[by]))
    ax = new_axes(ax, (10, 0.8 * max(len(groups), 2) + 1.8))
    names = _frame_labels(shares, labels)
    table = shares.pivot_table(index=by, columns="frame", values="n_sentences", aggfunc="sum", sort=False)
    table = table.reindex(groups[::-1])
    totals = table.sum(axis=1).where(lambda total: total > 0)
    percent = table.div(totals, axis=0).fillna(0) * 100
    left = pd.Series(0.0, index=percent.index)
    for colour, frame in zip(FRAME_COLOURS, percent.columns):
        bars = ax.barh(percent.index.astype(str), percent[frame], left=left, color=colour, label=names[frame],
                       edgecolor="white")
        ax.bar_label(bars, labels=[f"{value:.0f}%" if value >= 7 else "" for value in percent[frame]],
                     label_type="center", fontsize=9, color="white")
        left += percent[frame]
    for position, (group, total) in enumerate(totals.items()):
        # short, so that it ends inside the axes and never runs under the legend
        ax.text(101, position, "no frame" if pd.isna(total) else f"n={int(total):,}", va="center", fontsize=9)
    ax.set_xlim(0, 118)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("Share of the frame-carrying sentences (%; a sentence with two frames counts for both;\n"
                  "n: the sentence-frames each bar rests on)")
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title("Which frames does each outlet use?", fontsize=14)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), title="Frame")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def frame_balance(balance: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet",
                  first: str = "Human rights", second: str = "Diplomacy") -> Axes:
    """Draw the balance between two frames per outlet (-1 all second … +1 all first) with the number
    of sentences it rests on and, for outlets of several articles, its 95% interval, from
    ``framing.frame_balance``."""
    ax = new_axes(ax, (9, 0.8 * max(len(balance), 2) + 1.8))
    table = balance.iloc[::-1]
    labels = article_labels(table) if by == "article_id" and "outlet" in table else [str(v) for v in table[by]]
    values = table["balance"].fillna(0)
    colours = ["#4c72b0" if value >= 0 else "#dd8452" for value in values]
    ax.barh(labels, values, color=colours)
    low = table["balance_low"] if "balance_low" in table else pd.Series(float("nan"), index=table.index)
    high = table["balance_high"] if "balance_high" in table else pd.Series(float("nan"), index=table.index)
    if low.notna().any():
        ax.errorbar(values, range(len(table)), xerr=[(values - low).clip(lower=0).fillna(0),
                                                     (high - values).clip(lower=0).fillna(0)],
                    fmt="none", ecolor="#333333", capsize=3, linewidth=1)
    articles = table["n_articles"] if "n_articles" in table else [None] * len(table)
    for position, (value, n, count, lower, upper) in enumerate(zip(table["balance"], table["balance_n"], articles,
                                                                   low, high)):
        label = ("no sentence with either frame" if pd.isna(value) else
                 f"{value:+.2f} (n={n}" + (f", {count} articles)" if count and count > 1 else ")"))
        # beyond a bar and its interval to the right; for a bar to the left, right of the zero line,
        # so that no label sits on a whisker or runs into the outlet's name
        end = max(value, upper if pd.notna(upper) else value) if not pd.isna(value) and value >= 0 else 0
        ax.text(end + 0.03, position, label, va="center", ha="left", fontsize=9)
    ax.axvline(0, color="#888888", linewidth=0.8)
    ax.set_xlim(-1.45, 1.45)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_xlabel(f"← more {second}        balance (n = sentences it rests on)        more {first} →")
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title(f"{first} or {second}?", fontsize=14)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def frame_positions(positions: pd.DataFrame, ax: Axes | None = None, *, labels: dict[str, str] | None = None) -> Axes:
    """Draw where each frame appears in the articles (share of sentences per tenth) as a heatmap,
    from ``framing.frame_by_position``."""
    ax = new_axes(ax, (10, 0.7 * max(positions["frame"].nunique(), 2) + 1.8))
    names = _frame_labels(positions, labels)
    table = positions.pivot_table(index="frame", columns="part", values="share", sort=False) * 100
    image = ax.imshow(table.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=100, aspect="auto")
    ax.set_yticks(range(len(table.index)), [names[frame] for frame in table.index])
    parts = list(table.columns)
    ax.set_xticks(range(len(parts)), [f"{int(part)}" for part in parts])
    for i in range(len(table.index)):
        for j in range(len(parts)):
            value = table.iat[i, j]
            if pd.notna(value):
                ax.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=9,
                        color="white" if value > 55 else "black")
    ax.figure.colorbar(image, ax=ax, label="% of the sentences in that part")
    ax.set_xlabel(f"Part of the article (1 = first {100 // max(len(parts), 1)}% of its sentences)")
    ax.set_ylabel("Frame")
    ax.set_title("Where in the article does each frame appear?", fontsize=14)
    return ax


def frame_cooccurrence(table: pd.DataFrame, ax: Axes | None = None, *, labels: dict[str, str] | None = None) -> Axes:
    """Draw how many sentences carry each pair of frames (diagonal: each frame), from
    ``framing.frame_cooccurrence``."""
    ax = new_axes(ax, (7, 6))
    names = [(labels or {}).get(frame, str(frame).replace("_", " ").capitalize()) for frame in table.index]
    image = ax.imshow(table.to_numpy(dtype=float), cmap="Purples", aspect="equal")
    ax.set_xticks(range(len(names)), names, rotation=25, ha="right")
    ax.set_yticks(range(len(names)), names)
    largest = float(table.to_numpy().max()) if table.size else 0
    for i in range(len(names)):
        for j in range(len(names)):
            value = int(table.iat[i, j])
            ax.text(j, i, str(value), ha="center", va="center", fontsize=10,
                    color="white" if largest and value > largest * 0.6 else "black")
    ax.figure.colorbar(image, ax=ax, label="Sentences")
    ax.set_xlabel("Frame")
    ax.set_ylabel("Frame")
    ax.set_title("Which frames share a sentence?", fontsize=14)
    return ax
