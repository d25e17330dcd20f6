"""Charts of ``analysis.sentiment``'s tables: each article's or outlet's scores by both lexicons, the
arc of the tone through the articles, the words behind a score, and the tone by target and by voice."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from analysis.compare import TOP_OUTLETS, group_order, top_groups, group_means as mean_by_group
from analysis.plots._common import article_labels, many_articles, new_axes, symmetric_limit_fitting_texts
from analysis.plots.compare import group_means
from analysis.plots.style import JOURNALIST_COLOUR, LEXICON_COLOURS, SPEAKER_COLOURS

__all__ = ["LEXICON_LABELS", "ARC_PARTS", "sentiment_arc", "outlet_sentiment", "word_contributions",
           "sentiment_by_target", "sentiment_by_voice"]

LEXICON_LABELS = {"textblob_polarity": "TextBlob polarity", "vader_compound": "VADER compound (mean of sentences)"}


def sentiment_arc(sentence_scores: pd.DataFrame, ax: Axes | None = None, *, score: str = "vader_compound",
                  outlets: dict[str, str] | None = None, window: int = 3) -> Axes:
    """Draw each article's sentiment from first to last sentence, from ``sentiment.score_sentences``.

    The x axis is the position in the article (0% = first sentence, 100% = last), so articles of
    different lengths line up; each line is a rolling mean over ``window`` sentences.
    """
    ax = new_axes(ax, (10, 5))
    outlets = outlets or {}
    if many_articles(sentence_scores):
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
    if many_articles(article_scores):
        ax = new_axes(ax, (9, 0.7 * min(article_scores["outlet"].nunique(), TOP_OUTLETS + 1) + 2))
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
    ax = new_axes(ax, (9, 0.9 * max(len(article_scores), 2) + 1.5))
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
    ax = new_axes(ax, (8, 0.35 * max(len(chosen), 3) + 1.5))
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
    ax = new_axes(ax, (10, 0.8 * max(table[by].nunique(), 2) + 2))
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
    ``sentiment.sentiment_by_voice``; each bar's label says how many pieces of text it is the mean of
    (an outlet with a handful of quotes has a quoted-speech mean that says little)."""
    groups = list(dict.fromkeys(table[by]))
    ax = new_axes(ax, (9, 0.9 * max(len(groups), 2) + 1.5))
    pivot = table.pivot_table(index=by, columns="voice", values=score, aggfunc="mean").reindex(groups[::-1])
    counts = table.pivot_table(index=by, columns="voice", values="n_pieces", aggfunc="sum").reindex(groups[::-1]) \
        if "n_pieces" in table else None
    height = 0.38
    for offset, voice, colour, label in ((height / 2, "narration", JOURNALIST_COLOUR, "journalist's narration"),
                                         (-height / 2, "quoted", SPEAKER_COLOURS[0], "quoted speech")):
        if voice not in pivot:
            continue
        values = pivot[voice]
        bars = ax.barh([p + offset for p in range(len(pivot))], values.fillna(0), height=height, color=colour, label=label)
        pieces = counts[voice] if counts is not None and voice in counts else [float("nan")] * len(values)
        ax.bar_label(bars, labels=["none" if pd.isna(v) else f"{v:+.2f}" + ("" if pd.isna(n) else f" (n={int(n):,})")
                                   for v, n in zip(values, pieces)], padding=3, fontsize=9)
    ax.set_yticks(range(len(pivot)), [str(index) for index in pivot.index])
    ax.axvline(0, color="#888888", linewidth=0.8)
    ax.set_xlabel(f"{LEXICON_LABELS.get(score, score).split(' (')[0]} (mean over pieces of text)")
    ax.set_ylabel(by.replace("_", " ").capitalize())
    ax.set_title("Is the tone in the journalist's words or in the quotes?", fontsize=14)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.spines[["top", "right"]].set_visible(False)
    # wide enough for the longest bar and its label ("-0.19 (n=26)") on either side
    symmetric_limit_fitting_texts(ax, max(0.25, float(table[score].abs().max()) * 1.4) if len(table) else 1)
    return ax
