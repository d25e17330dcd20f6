"""Charts of ``analysis.coverage``'s tables: how much text the articles share, an alignment of two
articles, the terms that set each outlet apart, the story elements each tells, and the timeline."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.compare import FEW_ARTICLES, group_order, time_step, top_groups
from analysis.plots._common import many_articles, new_axes, shorten
from analysis.plots.style import FRAME_COLOURS, SPEAKER_COLOURS, STATUS_COLOURS

__all__ = ["MAX_ALIGNED_ROWS", "similarity_heatmap", "alignment", "distinctive_terms", "element_coverage",
           "timeline"]

# An alignment drawn as text needs a line per unit: past this many, the chart shows the first ones.
MAX_ALIGNED_ROWS = 45
# The statuses always in the legend; the others (moved, merged, split) when the table has them.
_ALWAYS_SHOWN = ("kept", "reworded", "cut", "added")


def similarity_heatmap(matrix: pd.DataFrame, ax: Axes | None = None, *, outlets: dict[str, str] | None = None,
                       measure: str = "TF-IDF cosine") -> Axes:
    """Draw the similarity between articles (``coverage.reuse_matrix``) or between outlets
    (``coverage.similarity_table`` past twenty articles: the mean over their pairs of articles) as
    an annotated heatmap."""
    unit = "Article" if matrix.index.name == "article_id" else "Outlet"
    ax = new_axes(ax, (7.5 + 0.3 * max(len(matrix) - 6, 0), 6 + 0.3 * max(len(matrix) - 6, 0)))
    names = [(outlets or {}).get(article_id, article_id) for article_id in matrix.index]
    values = matrix.to_numpy(dtype=float)
    # Means over many pairs are small: the colour scale follows them (articles: 0 to 1).
    top = 1.0 if unit == "Article" else max(0.1, float(np.nanmax(values)) if np.isfinite(values).any() else 0.1)
    image = ax.imshow(values, cmap="Greens", vmin=0, vmax=top)
    ax.set_xticks(range(len(names)), names, rotation=25, ha="right")
    ax.set_yticks(range(len(names)), names)
    for i in range(len(names)):
        for j in range(len(names)):
            value = float(matrix.iat[i, j])
            ax.text(j, i, "–" if pd.isna(value) else f"{value:.2f}", ha="center", va="center", fontsize=10,
                    color="white" if value > 0.6 * top else "black")
    ax.figure.colorbar(image, ax=ax, label=f"Similarity ({measure}, 0 … 1)")
    ax.set_xlabel(unit)
    ax.set_ylabel(unit)
    ax.set_title("How much text do the articles share?" if unit == "Article"
                 else "How much text do the outlets share?\n(mean over their pairs of articles)", fontsize=14)
    return ax


def alignment(table: pd.DataFrame, ax: Axes | None = None, *, a_name: str = "A", b_name: str = "B",
              width: int = 70) -> Axes:
    """Draw an alignment from ``coverage.align`` as two columns of text, coloured kept, reworded,
    moved, merged, split, cut and added, one row per aligned unit (captions and furniture marked)."""
    shown_from = len(table)
    table = table.head(MAX_ALIGNED_ROWS)
    if a_name == b_name:
        a_name, b_name = f"{a_name} (A)", f"{b_name} (B)"
    n = len(table)
    ax = new_axes(ax, (14, 0.62 * max(n, 3) + 1.5))
    for row, item in enumerate(table.itertuples(index=False)):
        y = n - row - 1
        colour = STATUS_COLOURS.get(item.status, "#eeeeee")
        for x, text in ((0.0, item.a_text), (0.52, item.b_text)):
            if not text:
                continue
            marked = (f"[{item.unit}] " if item.unit in ("caption", "furniture") else "") + text
            label = textwrap.shorten(marked, width=width * 2, placeholder=" …")
            ax.text(x, y, textwrap.fill(label, width), va="center", ha="left", fontsize=7.5,
                    bbox={"facecolor": colour, "edgecolor": "#999999", "boxstyle": "round,pad=0.3"})
        ax.text(0.495, y, item.status, va="center", ha="center", fontsize=8, fontweight="bold")
    ax.set_xlim(0, 1)
    ax.set_ylim(-1, n)
    ax.axis("off")
    ax.text(0.0, n, a_name, fontsize=12, fontweight="bold", va="bottom")
    ax.text(0.52, n, b_name, fontsize=12, fontweight="bold", va="bottom")
    # the legend names the statuses the table has (the four first ones always, as before)
    shown_statuses = [status for status in STATUS_COLOURS
                      if status in _ALWAYS_SHOWN or status in set(table["status"])]
    ax.legend(handles=[Patch(facecolor=STATUS_COLOURS[status], edgecolor="#999999", label=status)
                       for status in shown_statuses],
              loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=4, frameon=False)
    shown = f" (the first {n} of {shown_from} units; the table has them all)" if shown_from > n else ""
    ax.set_title(f"What the edit did: {a_name} → {b_name}, sentence by sentence{shown}", fontsize=14, pad=24)
    return ax


def distinctive_terms(terms: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet", top: int = 8) -> Axes:
    """Draw each group's most distinctive terms (z-scores of the weighted log-odds ratio), from
    ``coverage.distinctive_terms``; pale bars are terms that do not stay distinctive when the
    sentences are resampled, and a warning line says when the groups are too small."""
    chosen = terms.groupby(by, sort=False).head(top)
    groups = list(dict.fromkeys(chosen[by]))
    ax = new_axes(ax, (9, 0.3 * max(len(chosen), 4) + 0.5 * len(groups) + 2))
    labels, values, colours, positions = [], [], [], []
    position = 0.0
    for index, group in enumerate(groups):
        rows = chosen[chosen[by] == group]
        ax.text(0, -position + 0.2, str(group), fontsize=11, fontweight="bold", va="bottom")
        position += 1.0
        for row in rows.itertuples(index=False):
            labels.append(str(row.term))
            values.append(row.z)
            colour = FRAME_COLOURS[index % len(FRAME_COLOURS)]
            colours.append(colour if row.stable else colour + "55")
            positions.append(-position)
            position += 1
        position += 0.6
    ax.barh(positions, values, color=colours)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.axvline(1.96, color="#888888", linestyle="--", linewidth=1)
    ax.text(1.96, 0.8, " z = 1.96", fontsize=8, color="#555555", va="bottom")
    ax.set_xlabel("z-score of the weighted log-odds ratio, group against the rest\n(pale bar: not distinctive in every resample of the sentences)")
    ax.set_ylabel("Term")
    warning = next((text for text in terms.get("warning", []) if text), "")
    title = "Which words set each outlet apart?"
    ax.set_title(title + ("\n" + "Small sample: these words describe these texts, not the outlets' language"
                          if warning else ""), fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def element_coverage(coverage: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw which story elements each article includes, from ``coverage.element_coverage``; past
    twenty articles, the share of each outlet's articles that include each element."""
    if many_articles(coverage):
        return _element_shares(coverage, ax)
    elements = list(dict.fromkeys(coverage["label"]))
    articles = list(dict.fromkeys(coverage["article_id"]))
    names = dict(zip(coverage["article_id"], coverage["outlet"]))
    ax = new_axes(ax, (1.6 * max(len(articles), 3) + 4, 0.45 * len(elements) + 1.8))
    present = coverage.set_index(["label", "article_id"])["present"]
    for i, element in enumerate(elements):
        for j, article_id in enumerate(articles):
            found = bool(present.get((element, article_id), False))
            ax.scatter(j, -i, s=260, marker="s", color="#4c72b0" if found else "white", edgecolors="#4c72b0")
    ax.set_xticks(range(len(articles)), [names[article_id] for article_id in articles], rotation=20, ha="right")
    ax.set_yticks([-i for i in range(len(elements))], elements)
    ax.set_xlim(-0.6, len(articles) - 0.4)
    ax.set_ylim(-len(elements) + 0.4, 0.6)
    ax.set_xlabel("Outlet (filled square: the article includes the element)")
    ax.set_ylabel("Story element")
    ax.set_title("Which parts of the story does each article tell?", fontsize=14)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def _element_shares(coverage: pd.DataFrame, ax: Axes | None) -> Axes:
    outlet = top_groups(coverage.drop_duplicates("article_id").set_index("article_id")["outlet"])
    table = coverage.assign(group=coverage["article_id"].map(outlet))
    shares = table.pivot_table(index="label", columns="group", values="present", aggfunc="mean", sort=False) * 100
    order = group_order(outlet)
    shares = shares.reindex(columns=order)
    counts = outlet.value_counts()
    ax = new_axes(ax, (1.3 * len(order) + 5, 0.45 * len(shares) + 2.2))
    image = ax.imshow(shares.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=100, aspect="auto")
    for i in range(shares.shape[0]):
        for j in range(shares.shape[1]):
            value = shares.iat[i, j]
            ax.text(j, i, f"{value:.0f}%", ha="center", va="center", fontsize=8,
                    color="white" if value > 60 else "black")
    ax.set_xticks(range(len(order)), [f"{group}\n(n={counts[group]})" for group in order], rotation=25, ha="right")
    ax.set_yticks(range(len(shares)), shares.index)
    ax.figure.colorbar(image, ax=ax, label="Articles that include it (%)")
    ax.set_xlabel("Outlet")
    ax.set_ylabel("Story element")
    ax.set_title("Which parts of the story does each outlet tell?", fontsize=14)
    return ax


def _timeline_counts(table: pd.DataFrame, ax: Axes | None) -> Axes:
    articles = table[(table["kind"] == "article") & table["date"].notna()]
    ax = new_axes(ax, (11, 5))
    step = time_step(articles["date"]) or "D"
    outlet = top_groups(articles["label"].str.split(":").str[0], 5)
    period = pd.to_datetime(articles["date"]).dt.to_period(step).dt.start_time
    counts = pd.crosstab(period, outlet).reindex(columns=group_order(outlet))
    bottom = None
    width = {"D": 0.8, "W": 5, "M": 25}[step]
    for colour, group in zip(SPEAKER_COLOURS, counts.columns):
        ax.bar(counts.index, counts[group], width=width, bottom=bottom, color=colour, label=f"{group} ({counts[group].sum()})")
        bottom = counts[group] if bottom is None else bottom + counts[group]
    events = table[(table["kind"] == "event") & table["date"].notna()]
    shown = events.iloc[0:0]
    if len(counts):
        shown = events[(events["date"] >= counts.index.min()) & (events["date"] <= counts.index.max() + pd.Timedelta(days=31))]
        for number, item in enumerate(shown.head(10).itertuples(index=False), start=1):
            ax.axvline(item.date, color="#888888", linestyle=":", linewidth=1)
            ax.text(item.date, 1.0, str(number), transform=ax.get_xaxis_transform(), fontsize=8, ha="center", va="bottom")
    undated = int(((table["kind"] == "article") & table["date"].isna()).sum())
    name = {"D": "day", "W": "week", "M": "month"}[step]
    ax.set_xlabel("Date" + (f" ({undated} undated articles not shown)" if undated else ""))
    ax.set_ylabel(f"Articles per {name}")
    ax.set_title(f"When did the articles appear? Articles per {name}, by outlet"
                 + ("; dotted lines: events" if len(shown) else ""), fontsize=13)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), title="Outlet (articles)")
    ax.figure.autofmt_xdate()
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def timeline(table: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw the articles and events of ``coverage.timeline`` in date order, one row each: dates
    on the left, articles in red and events in grey, so that each article can be read against
    what had happened by then. Past twenty articles: articles per day, week or month by outlet, with
    the events as dotted lines."""
    if (table["kind"] == "article").sum() > FEW_ARTICLES:
        return _timeline_counts(table, ax)
    dated = table.dropna(subset=["date"]).reset_index(drop=True)
    n = len(dated)
    ax = new_axes(ax, (11, 0.42 * max(n, 3) + 1.6))
    for row, item in dated.iterrows():
        y = n - row - 1
        is_article = item["kind"] == "article"
        ax.scatter(0, y, marker="o" if is_article else "D", s=80 if is_article else 40,
                   color="#c44e52" if is_article else "#888888", zorder=3)
        ax.text(0.04, y, shorten(str(item["label"]), 95), va="center", fontsize=9.5,
                fontweight="bold" if is_article else "normal", color="#222222" if is_article else "#555555")
    ax.plot([0, 0], [-0.5, n - 0.5], color="#cccccc", zorder=1)
    ax.set_yticks([n - row - 1 for row in range(n)], [date.strftime("%d %b %Y") for date in dated["date"]])
    ax.set_xlim(-0.05, 1.6)
    ax.set_xticks([])
    ax.set_ylabel("Date (in order; spacing is not to scale)")
    undated = table[(table["kind"] == "article") & table["date"].isna()]
    note = f"\n{len(undated)} undated article(s) not shown: " + ", ".join(undated["article_id"]) if len(undated) else ""
    ax.set_title("When did each article appear, relative to the events?" + note, fontsize=13)
    ax.legend(handles=[Line2D([], [], marker="o", color="#c44e52", linestyle="", label="article"),
                       Line2D([], [], marker="D", color="#888888", linestyle="", label="event")],
              loc="lower right", frameon=False)
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    return ax
