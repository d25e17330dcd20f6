"""Charts. Each function takes a DataFrame and an optional ``ax``, draws, and returns the Axes.

Plot functions never compute analyses and never call ``plt.show()``.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

# Importing chart_style sets how every chart draws text: as written, CJK letters where a font has
# them, one line for missing letters (see there).
from analysis.plots.style import CJK_FALLBACK, CJK_FONTS, installed_cjk_fonts  # noqa: F401
from analysis.compare import FEW_ARTICLES, TOP_OUTLETS, group_means as mean_by_group, group_order, top_groups

_MATPLOTLIB = tuple(int(part) for part in matplotlib.__version__.split(".")[:2])
# No chart may be larger than 3,000 pixels on a side (at the 100 dots per inch notebooks use).
MAX_INCHES = 28


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=(min(size[0], MAX_INCHES), min(size[1], MAX_INCHES)), layout="constrained")
    return ax


def _many(table: pd.DataFrame, column: str = "article_id") -> bool:
    """Whether a table covers more articles than a chart can show one by one."""
    return table[column].nunique() > FEW_ARTICLES if column in table else len(table) > FEW_ARTICLES


def group_means(means: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet", title: str = "",
                xlabel: str = "", colour: str = "#4c72b0", label: str | None = None, offset: float = 0.0) -> Axes:
    """Draw each group's mean as a dot with its 95% bootstrap interval and n, from
    ``compare.group_means`` (largest group at the top)."""
    ax = _axes(ax, (9, 0.55 * max(len(means), 2) + 1.8))
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
    ax = _axes(ax, (9, 0.55 * max(len(order), 2) + 1.8))
    data = [table.loc[(groups == group).to_numpy(), value].dropna().to_numpy(dtype=float) for group in order]
    positions = list(range(len(order), 0, -1))
    sideways = {"orientation": "horizontal"} if _MATPLOTLIB >= (3, 10) else {"vert": False}
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
    ax = _axes(ax, (11, 5) if len(table) else (9, 1.4))
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
                ax.text(0, -0.22, "Events: " + "; ".join(f"{number} {_short(str(item.event), 40)}"
                                                         for number, item in enumerate(shown.itertuples(), start=1)),
                        transform=ax.transAxes, fontsize=8, color="#555555", wrap=True, va="top")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), title=by.capitalize())
        ax.figure.autofmt_xdate()
    ax.set_xlabel("Date (a point is the mean of an outlet's articles in that period; periods of fewer than 3 left out)")
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def article_labels(table: pd.DataFrame) -> list[str]:
    """Return a label per row: the outlet's name, with the article_id added where outlets repeat."""
    repeated = table["outlet"].duplicated(keep=False)
    return [f"{outlet} ({article_id})" if twice else str(outlet)
            for outlet, article_id, twice in zip(table["outlet"], table["article_id"], repeated)]


def article_lengths(summary: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw words per article as horizontal bars labelled by outlet, from ``Corpus.summary()``; past
    twenty articles, the distribution of lengths in each outlet."""
    if _many(summary):
        return distribution(summary, "n_words", ax, title="How long are each outlet's articles?",
                            xlabel="Length of the cleaned text (words per article)")
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


LEXICON_LABELS = {"textblob_polarity": "TextBlob polarity", "vader_compound": "VADER compound (mean of sentences)"}
LEXICON_COLOURS = {"textblob_polarity": "#4c72b0", "vader_compound": "#dd8452"}


def sentiment_arc(sentence_scores: pd.DataFrame, ax: Axes | None = None, *, score: str = "vader_compound",
                  outlets: dict[str, str] | None = None, window: int = 3) -> Axes:
    """Draw each article's sentiment from first to last sentence, from ``sentiment.score_sentences``.

    The x axis is the position in the article (0% = first sentence, 100% = last), so articles of
    different lengths line up; each line is a rolling mean over ``window`` sentences.
    """
    ax = _axes(ax, (10, 5))
    outlets = outlets or {}
    if _many(sentence_scores):
        return _arc_by_outlet(sentence_scores, ax, score=score, outlets=outlets)
    for article_id, group in sentence_scores.groupby("article_id", sort=False):
        values = group[score].reset_index(drop=True)
        position = values.index / max(len(values) - 1, 1) * 100
        smooth = values.rolling(window, min_periods=1, center=True).mean()
        ax.plot(position, smooth, marker="o", markersize=3, linewidth=1.8, label=outlets.get(article_id, article_id))
    return _arc_axes(ax, score, "Position in the article (% of its sentences)",
                     f"rolling mean of {window} sentences", "How the tone moves through each article")


def _arc_axes(ax: Axes, score: str, xlabel: str, how: str, title: str) -> Axes:
    ax.axhline(0, color="#888888", linewidth=0.8)
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(f"{LEXICON_LABELS.get(score, score).split(' (')[0]}\n({how})")
    ax.set_title(title, fontsize=14)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


ARC_PARTS = 10


def _arc_by_outlet(sentence_scores: pd.DataFrame, ax: Axes, *, score: str, outlets: dict[str, str]) -> Axes:
    """The arc of many articles: each outlet's mean score in each tenth of its articles."""
    order = sentence_scores.groupby("article_id").cumcount()
    sizes = sentence_scores.groupby("article_id")["sentence_id"].transform("size").clip(lower=1)
    outlet = top_groups(sentence_scores["article_id"].map(outlets).fillna(sentence_scores["article_id"]), 5)
    table = pd.DataFrame({"outlet": outlet, "part": (order * ARC_PARTS // sizes) * 100 / ARC_PARTS + 100 / ARC_PARTS / 2,
                          "score": sentence_scores[score]})
    means = table.groupby(["outlet", "part"])["score"].agg(["mean", "count"]).reset_index()
    articles = sentence_scores.assign(outlet=outlet).groupby("outlet")["article_id"].nunique()
    for colour, group in zip(SPEAKER_COLOURS, group_order(outlet)):
        rows = means[means["outlet"] == group]
        ax.plot(rows["part"], rows["mean"], marker="o", markersize=3, linewidth=1.8, color=colour,
                label=f"{group} ({articles[group]} articles)")
    return _arc_axes(ax, score, "Position in the article (tenth of its sentences)",
                     "mean over the sentences in that tenth", "How the tone moves through the articles of each outlet")


def outlet_sentiment(article_scores: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw each article's TextBlob and VADER scores side by side, from ``sentiment.score_articles``;
    past twenty articles, each outlet's mean score with its 95% interval and n."""
    if _many(article_scores):
        ax = _axes(ax, (9, 0.7 * min(article_scores["outlet"].nunique(), TOP_OUTLETS + 1) + 2))
        for offset, score in ((0.15, "textblob_polarity"), (-0.15, "vader_compound")):
            means = mean_by_group(article_scores, score)
            group_means(means, ax, colour=LEXICON_COLOURS[score], label=LEXICON_LABELS[score], offset=offset)
        ax.set_yticks([len(means) - 1 - i for i in range(len(means))],
                      [f"{group} (n={n})" for group, n in zip(means["outlet"], means["n"])])
        ax.axvline(0, color="#888888", linewidth=0.8)
        ax.set_xlabel("Mean sentiment of the outlet's articles (-1 negative … +1 positive), 95% interval")
        ax.set_title("Two lexicons, two verdicts: mean sentiment of each outlet", fontsize=14)
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
        return ax
    ax = _axes(ax, (9, 0.9 * max(len(article_scores), 2) + 1.5))
    labels = article_labels(article_scores)[::-1]
    table = article_scores.iloc[::-1]
    height = 0.38
    positions = range(len(table))
    for offset, score in ((height / 2, "textblob_polarity"), (-height / 2, "vader_compound")):
        bars = ax.barh([p + offset for p in positions], table[score], height=height,
                       color=LEXICON_COLOURS[score], label=LEXICON_LABELS[score])
        ax.bar_label(bars, labels=[f"{value:+.2f}" for value in table[score]], padding=3, fontsize=9)
        for position, value in zip(positions, table[score]):
            if pd.isna(value):  # not applicable (an article not in English, or without letters): no bar
                ax.text(0, position + offset, "  n/a", va="center", fontsize=9, color="#555555")
    ax.set_yticks(list(positions), labels)
    ax.axvline(0, color="#888888", linewidth=0.8)
    limit = max(0.25, float(table[["textblob_polarity", "vader_compound"]].abs().max().max()) * 1.35)
    ax.set_xlim(-limit, limit)
    ax.set_xlabel("Sentiment score (-1 negative … +1 positive)")
    ax.set_ylabel("Outlet")
    ax.set_title("Two lexicons, two verdicts: sentiment of each article", fontsize=14)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def word_contributions(contributions: pd.DataFrame, ax: Axes | None = None, *, top: int = 15,
                       title: str = "Which words push the score up or down?") -> Axes:
    """Draw the terms with the largest contributions as diverging bars, from
    ``sentiment.word_contributions`` (one group, or already filtered to one)."""
    chosen = contributions.reindex(contributions["contribution"].abs().sort_values(ascending=False).index).head(top)
    chosen = chosen.iloc[::-1]
    ax = _axes(ax, (8, 0.35 * max(len(chosen), 3) + 1.5))
    colours = ["#c44e52" if value < 0 else "#55a868" for value in chosen["contribution"]]
    labels = [f"{term} (×{n})" if n > 1 else term for term, n in zip(chosen["term"], chosen["n"])]
    ax.barh(labels, chosen["contribution"], color=colours)
    ax.axvline(0, color="#888888", linewidth=0.8)
    ax.set_xlabel("Summed contribution to the score (negative ← → positive)")
    ax.set_ylabel("Word or phrase (× times it counted)")
    ax.set_title(title, fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def _heatmap(table: pd.DataFrame, ax: Axes, *, value: str, count: str, rows: str, columns: str,
             count_label: str) -> Axes:
    pivot = table.pivot_table(index=rows, columns=columns, values=value, aggfunc="mean", sort=False)
    counts = table.pivot_table(index=rows, columns=columns, values=count, aggfunc="sum", sort=False)
    image = ax.imshow(pivot.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(len(pivot.columns)), [str(column) for column in pivot.columns], rotation=20, ha="right")
    ax.set_yticks(range(len(pivot.index)), [str(index) for index in pivot.index])
    for i in range(len(pivot.index)):
        for j in range(len(pivot.columns)):
            number = pivot.iat[i, j]
            if pd.notna(number):
                n = int(counts.iat[i, j]) if pd.notna(counts.iat[i, j]) else 0
                ax.text(j, i, f"{number:+.2f}\n{count_label}={n}", ha="center", va="center", fontsize=9,
                        color="white" if abs(number) > 0.6 else "black")
    ax.figure.colorbar(image, ax=ax, label=f"{LEXICON_LABELS.get(value, value).split(' (')[0]} (mean)")
    return ax


def sentiment_by_target(table: pd.DataFrame, ax: Axes | None = None, *, score: str = "vader_compound",
                        by: str = "outlet") -> Axes:
    """Draw mean sentence sentiment per outlet and target as a heatmap with the number of sentences,
    from ``sentiment.sentiment_by_target``; blank cells: the outlet never names the target."""
    ax = _axes(ax, (10, 0.8 * max(table[by].nunique(), 2) + 2))
    if table.empty:
        ax.text(0.5, 0.5, "No sentence names any of the targets:\nadd the names this corpus uses to its targets.yml",
                ha="center", va="center", transform=ax.transAxes, fontsize=12)
        ax.set_xticks([])
        ax.set_yticks([])
    else:
        _heatmap(table, ax, value=score, count="n_sentences", rows=by, columns="target", count_label="n")
    ax.set_xlabel("Target (sentences that name it)")
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title("Tone of the sentences that name each target", fontsize=14)
    return ax


def sentiment_by_voice(table: pd.DataFrame, ax: Axes | None = None, *, score: str = "vader_compound",
                       by: str = "outlet") -> Axes:
    """Draw the mean score of the journalist's narration and of quoted speech per outlet, from
    ``sentiment.sentiment_by_voice``."""
    groups = list(dict.fromkeys(table[by]))
    ax = _axes(ax, (9, 0.9 * max(len(groups), 2) + 1.5))
    pivot = table.pivot_table(index=by, columns="voice", values=score, aggfunc="mean").reindex(groups[::-1])
    height = 0.38
    for offset, voice, colour, label in ((height / 2, "narration", JOURNALIST_COLOUR, "journalist's narration"),
                                         (-height / 2, "quoted", SPEAKER_COLOURS[0], "quoted speech")):
        if voice not in pivot:
            continue
        values = pivot[voice]
        bars = ax.barh([p + offset for p in range(len(pivot))], values.fillna(0), height=height, color=colour, label=label)
        ax.bar_label(bars, labels=["none" if pd.isna(v) else f"{v:+.2f}" for v in values], padding=3, fontsize=9)
    ax.set_yticks(range(len(pivot)), [str(index) for index in pivot.index])
    ax.axvline(0, color="#888888", linewidth=0.8)
    limit = max(0.25, float(table[score].abs().max()) * 1.4) if len(table) else 1
    ax.set_xlim(-limit, limit)
    ax.set_xlabel(f"{LEXICON_LABELS.get(score, score).split(' (')[0]} (mean over pieces of text)")
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title("Is the tone in the journalist's words or in the quotes?", fontsize=14)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


FRAME_COLOURS = ["#4c72b0", "#dd8452", "#c44e52", "#55a868", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]


def _frame_labels(table: pd.DataFrame, labels: dict[str, str] | None) -> dict[str, str]:
    return {frame: (labels or {}).get(frame, str(frame).replace("_", " ").capitalize()) for frame in table["frame"].unique()}


def frame_shares(shares: pd.DataFrame, ax: Axes | None = None, *, by: str = "outlet",
                 labels: dict[str, str] | None = None) -> Axes:
    """Draw each outlet's mix of frames as stacked bars (100% = all its frame-carrying sentences),
    from ``framing.frame_shares``. ``labels`` maps frame names to labels (``Codebook.frames``)."""
    groups = list(dict.fromkeys(shares[by]))
    ax = _axes(ax, (10, 0.8 * max(len(groups), 2) + 1.8))
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
        ax.text(101, position, "no frame found" if pd.isna(total) else f"{int(total)} sentence-frames",
                va="center", fontsize=9)
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("Share of the frame-carrying sentences (%; a sentence with two frames counts for both)")
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
    ax = _axes(ax, (9, 0.8 * max(len(balance), 2) + 1.8))
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
    ax = _axes(ax, (10, 0.7 * max(positions["frame"].nunique(), 2) + 1.8))
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
    ax = _axes(ax, (7, 6))
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


# An alignment drawn as text needs a line per unit: past this many, the chart shows the first ones.
MAX_ALIGNED_ROWS = 45
STATUS_COLOURS = {"kept": "#c8e6c9", "reworded": "#fff3b0", "cut": "#f4c7c3", "added": "#c6dbef"}


def similarity_heatmap(matrix: pd.DataFrame, ax: Axes | None = None, *, outlets: dict[str, str] | None = None,
                       measure: str = "TF-IDF cosine") -> Axes:
    """Draw the similarity between articles (``coverage.reuse_matrix``) or between outlets
    (``coverage.similarity_table`` past twenty articles: the mean over their pairs of articles) as
    an annotated heatmap."""
    unit = "Article" if matrix.index.name == "article_id" else "Outlet"
    ax = _axes(ax, (7.5 + 0.3 * max(len(matrix) - 6, 0), 6 + 0.3 * max(len(matrix) - 6, 0)))
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
    cut and added, one row per aligned unit."""
    import textwrap

    shown_from = len(table)
    table = table.head(MAX_ALIGNED_ROWS)
    if a_name == b_name:
        a_name, b_name = f"{a_name} (A)", f"{b_name} (B)"
    n = len(table)
    ax = _axes(ax, (14, 0.62 * max(n, 3) + 1.5))
    for row, item in enumerate(table.itertuples(index=False)):
        y = n - row - 1
        colour = STATUS_COLOURS.get(item.status, "#eeeeee")
        for x, text in ((0.0, item.a_text), (0.52, item.b_text)):
            if not text:
                continue
            label = textwrap.shorten(("[caption] " if item.unit == "caption" else "") + text, width=width * 2,
                                     placeholder=" …")
            ax.text(x, y, textwrap.fill(label, width), va="center", ha="left", fontsize=7.5,
                    bbox={"facecolor": colour, "edgecolor": "#999999", "boxstyle": "round,pad=0.3"})
        ax.text(0.495, y, item.status, va="center", ha="center", fontsize=8, fontweight="bold")
    ax.set_xlim(0, 1)
    ax.set_ylim(-1, n)
    ax.axis("off")
    ax.text(0.0, n, a_name, fontsize=12, fontweight="bold", va="bottom")
    ax.text(0.52, n, b_name, fontsize=12, fontweight="bold", va="bottom")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(facecolor=colour, edgecolor="#999999", label=status)
                       for status, colour in STATUS_COLOURS.items()],
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
    ax = _axes(ax, (9, 0.3 * max(len(chosen), 4) + 0.5 * len(groups) + 2))
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
    if _many(coverage):
        return _element_shares(coverage, ax)
    elements = list(dict.fromkeys(coverage["label"]))
    articles = list(dict.fromkeys(coverage["article_id"]))
    names = dict(zip(coverage["article_id"], coverage["outlet"]))
    ax = _axes(ax, (1.6 * max(len(articles), 3) + 4, 0.45 * len(elements) + 1.8))
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
    ax = _axes(ax, (1.3 * len(order) + 5, 0.45 * len(shares) + 2.2))
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
    from analysis.compare import time_step

    articles = table[(table["kind"] == "article") & table["date"].notna()]
    ax = _axes(ax, (11, 5))
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
    if len(counts):
        shown = events[(events["date"] >= counts.index.min()) & (events["date"] <= counts.index.max() + pd.Timedelta(days=31))]
        for number, item in enumerate(shown.head(10).itertuples(index=False), start=1):
            ax.axvline(item.date, color="#888888", linestyle=":", linewidth=1)
            ax.text(item.date, 1.0, str(number), transform=ax.get_xaxis_transform(), fontsize=8, ha="center", va="bottom")
    undated = int(((table["kind"] == "article") & table["date"].isna()).sum())
    name = {"D": "day", "W": "week", "M": "month"}[step]
    ax.set_xlabel("Date" + (f" ({undated} undated articles not shown)" if undated else ""))
    ax.set_ylabel(f"Articles per {name}")
    ax.set_title(f"When did the articles appear? Articles per {name}, by outlet; dotted lines: events", fontsize=13)
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
    ax = _axes(ax, (11, 0.42 * max(n, 3) + 1.6))
    for row, item in dated.iterrows():
        y = n - row - 1
        is_article = item["kind"] == "article"
        ax.scatter(0, y, marker="o" if is_article else "D", s=80 if is_article else 40,
                   color="#c44e52" if is_article else "#888888", zorder=3)
        ax.text(0.04, y, _short(str(item["label"]), 95), va="center", fontsize=9.5,
                fontweight="bold" if is_article else "normal", color="#222222" if is_article else "#555555")
    ax.plot([0, 0], [-0.5, n - 0.5], color="#cccccc", zorder=1)
    ax.set_yticks([n - row - 1 for row in range(n)], [date.strftime("%d %b %Y") for date in dated["date"]])
    ax.set_xlim(-0.05, 1.6)
    ax.set_xticks([])
    ax.set_ylabel("Date (in order; spacing is not to scale)")
    undated = table[(table["kind"] == "article") & table["date"].isna()]
    note = f"\n{len(undated)} undated article(s) not shown: " + ", ".join(undated["article_id"]) if len(undated) else ""
    ax.set_title("When did each article appear, relative to the events?" + note, fontsize=13)
    from matplotlib.lines import Line2D

    ax.legend(handles=[Line2D([], [], marker="o", color="#c44e52", linestyle="", label="article"),
                       Line2D([], [], marker="D", color="#888888", linestyle="", label="event")],
              loc="lower right", frameon=False)
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    return ax


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def agreement(table: pd.DataFrame, ax: Axes | None = None, *,
              comparisons: tuple[str, ...] = ("coders", "coders and dictionary")) -> Axes:
    """Draw Krippendorff's alpha per frame for the chosen comparisons, from
    ``reliability.agreement(codes, by="frame")``, with the usual 0.667 and 0.8 bars."""
    chosen = table[table["comparison"].isin(comparisons)]
    frames = list(dict.fromkeys(chosen["frame"]))[::-1]
    ax = _axes(ax, (9, 0.75 * max(len(frames), 2) + 1.8))
    height = 0.8 / max(len(comparisons), 1)
    for index, comparison in enumerate(comparisons):
        rows = chosen[chosen["comparison"] == comparison].set_index("frame").reindex(frames)
        positions = [p + (index - (len(comparisons) - 1) / 2) * height for p in range(len(frames))]
        values = rows["alpha"]
        bars = ax.barh(positions, values.fillna(0), height=height, color=SPEAKER_COLOURS[index], label=comparison)
        ax.bar_label(bars, labels=["undefined: all codes alike" if pd.isna(v) else f"{v:.2f}" for v in values],
                     padding=3, fontsize=8)
    for bar, label in ((0.667, "0.667"), (0.8, "0.8")):
        ax.axvline(bar, color="#888888", linestyle="--", linewidth=1)
        ax.text(bar, len(frames) - 0.4, f" {label}", fontsize=8, color="#555555")
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_yticks(range(len(frames)), [str(frame).replace("_", " ").capitalize() for frame in frames])
    ax.set_xlim(min(-0.3, float(chosen["alpha"].min()) - 0.1) if chosen["alpha"].notna().any() else -0.3, 1.35)
    ax.set_xlabel("Krippendorff's alpha (1 = perfect agreement, 0 = chance)")
    ax.set_ylabel("Frame")
    ax.set_title("How far do the coders agree, frame by frame?", fontsize=14)
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return ax
