"""Charts of ``analysis.compare``'s tables: a mean per group with its interval, a distribution per
group, and a mean per period and group over time."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from analysis.compare import TOP_OUTLETS, group_order, top_groups
from analysis.plots._common import MATPLOTLIB_VERSION, new_axes, shorten
from analysis.plots.style import SPEAKER_COLOURS

__all__ = ["group_means", "distribution", "over_time"]


def group_means(means: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet", title: str = "",
                xlabel: str = "", colour: str = "#4c72b0", label: str | None = None, offset: float = 0.0) -> Axes:
    """Draw each group's mean as a dot with its 95% bootstrap interval and n, from
    ``compare.group_means`` (largest group at the top)."""
    ax = new_axes(ax, (9, 0.55 * max(len(means), 2) + 1.8))
    positions = [len(means) - 1 - i + offset for i in range(len(means))]
    ax.errorbar(means["mean"], positions, xerr=[(means["mean"] - means["low"]).clip(lower=0).fillna(0),
                                                (means["high"] - means["mean"]).clip(lower=0).fillna(0)],
                fmt="o", color=colour, ecolor=colour, capsize=3, label=label)
    if offset == 0.0:
        ax.set_yticks([len(means) - 1 - i for i in range(len(means))],
                      [f"{group} (n={n})" for group, n in zip(means[by], means["n"])])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title(title, fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def distribution(table: pd.DataFrame, value: str, ax: Axes | None = None, *, by: str = "outlet",
                 top: int = TOP_OUTLETS, title: str = "", xlabel: str = "") -> Axes:
    """Draw the distribution of ``value`` (one row per article) in each group as a box plot, with
    each group's n and mean; the largest groups by name, the rest as "other"."""
    groups = top_groups(table[by], top)
    order = group_order(groups)
    ax = new_axes(ax, (9, 0.55 * max(len(order), 2) + 1.8))
    data = [table.loc[(groups == group).to_numpy(), value].dropna().to_numpy(dtype=float) for group in order]
    positions = list(range(len(order), 0, -1))
    sideways = {"orientation": "horizontal"} if MATPLOTLIB_VERSION >= (3, 10) else {"vert": False}
    ax.boxplot(data, positions=positions, widths=0.6, showfliers=True, patch_artist=True, **sideways,
               boxprops={"facecolor": "#c6dbef", "edgecolor": "#4c72b0"}, medianprops={"color": "#4c72b0"},
               flierprops={"marker": ".", "markersize": 3, "markeredgecolor": "#888888"})
    means = [values.mean() if len(values) else float("nan") for values in data]
    ax.scatter(means, positions, marker="D", color="#c44e52", zorder=3, s=25, label="mean")
    ax.set_yticks(positions, [f"{group} (n={len(values)})" for group, values in zip(order, data)])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title(title, fontsize=13)
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def over_time(table: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet", ylabel: str = "",
              title: str = "", events: pd.DataFrame | None = None, max_events: int = 10) -> Axes:
    """Draw a mean per period and group as lines, from ``compare.over_time``, with the corpus's
    events (``corpus.events``) as dotted lines; a note when the dates do not span a week."""
    ax = new_axes(ax, (11, 5) if len(table) else (9, 1.4))
    if table.empty:
        ax.text(0.5, 0.5, "No chart over time: it needs more than twenty dated articles spanning a week or more",
                ha="center", va="center", transform=ax.transAxes, fontsize=11)
        ax.axis("off")
        ax.set_title(title, fontsize=13)
        return ax
    else:
        sizes = table.groupby(by)["n"].sum().sort_values(ascending=False, kind="stable")
        for colour, group in zip(SPEAKER_COLOURS, sizes.index):
            rows = table[table[by] == group]
            ax.plot(rows["period"], rows["mean"], marker="o", markersize=3, linewidth=1.6, color=colour,
                    label=f"{group} (n={int(rows['n'].sum())})")
        if events is not None and len(events):
            low, high = table["period"].min(), table["period"].max()
            shown = events[(events["date"] >= low) & (events["date"] <= high)].head(max_events)
            for number, item in enumerate(shown.itertuples(index=False), start=1):
                ax.axvline(item.date, color="#888888", linestyle=":", linewidth=1)
                ax.text(item.date, 1.0, str(number), transform=ax.get_xaxis_transform(), fontsize=8,
                        ha="center", va="bottom", color="#555555")
            if len(shown):
                ax.text(0, -0.22, "Events: " + "; ".join(f"{number} {shorten(str(item.event), 40)}"
                                                         for number, item in enumerate(shown.itertuples(), start=1)),
                        transform=ax.transAxes, fontsize=8, color="#555555", wrap=True, va="top")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), title=by.capitalize())
        ax.figure.autofmt_xdate()
    ax.set_xlabel("Date (a point is the mean of an outlet's articles in that period; periods of fewer than 3 left out)")
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    return ax
