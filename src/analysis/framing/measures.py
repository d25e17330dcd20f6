"""Frame measures: tables of a codebook's hits per article, outlet, section and position, by joins
(linear in articles), from the hits of ``tag_sentences``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.compare import RESAMPLES, SEED
from analysis.framing.codebook import Codebook, as_codebook, check_frame, find_terms_in_texts
from analysis.framing.tagging import sentence_frames, tag_sentences

__all__ = ["DEFAULT_BALANCE", "SECTIONS", "SECTION_COLUMNS", "SENTIMENT_COLUMNS", "frame_shares", "frame_balance",
           "frame_by_section", "frame_by_position", "frame_cooccurrence", "frame_sentiment"]

# The two frames of the default codebook (news_frames) that the balance sets against each other.
DEFAULT_BALANCE = ("human_rights", "diplomacy")
SECTIONS = ("title", "lead", "body")
SECTION_COLUMNS = ["article_id", "outlet", "section", "frame", "n_hits", "n_sentences", "section_sentences"]
SENTIMENT_SCORE_COLUMNS = ["textblob_polarity", "vader_compound"]
SENTIMENT_COLUMNS = ["frame", "n_sentences", *SENTIMENT_SCORE_COLUMNS]  # after the ``by`` column



def frame_shares(corpus, codebook: str | Path | Codebook | None = None, *,
                 balance: tuple[str, str] = DEFAULT_BALANCE, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per article and frame.

    Columns: article_id, outlet, frame, n_hits, n_sentences (sentences with the frame), share (of
    the article's sentences), balance (for the two ``balance`` frames: (first - second) / (first +
    second), counted in sentences, from -1 = all second to +1 = all first; NaN when neither occurs;
    the same on every row of an article), balance_n (the sentences the balance rests on).
    share_of_frames is the frame's part of all frame-carrying sentences of the article (a sentence
    with two frames counts for both), which adds up to 1 over the frames: good for stacked bars.
    ``hits``: the codebook's hits from ``tag_sentences``, when they were found already.
    """
    codebook = as_codebook(codebook)
    for name in balance:
        check_frame(codebook, name)
    hits = tag_sentences(corpus, codebook) if hits is None else hits
    flags = sentence_frames(corpus, codebook, hits)
    balances = frame_balance(corpus, codebook, first=balance[0], second=balance[1], flags=flags).set_index("article_id")
    names = list(codebook.frames)
    sentences_with = flags.groupby("article_id", sort=False)[names].sum()
    totals = flags.groupby("article_id", sort=False).size()
    grid = corpus.articles[["article_id", "outlet"]].merge(pd.DataFrame({"frame": names}), how="cross")
    keys = pd.MultiIndex.from_arrays([grid["article_id"], grid["frame"]])
    n_sentences = sentences_with.stack().reindex(keys).fillna(0).astype(int).to_numpy()
    total = grid["article_id"].map(totals).fillna(0).to_numpy()
    hit_counts = hits.groupby(["article_id", "frame"]).size().reindex(keys).fillna(0).astype(int).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, n_sentences / np.where(total > 0, total, 1), np.nan)
    table = pd.DataFrame({"article_id": grid["article_id"], "outlet": grid["outlet"], "frame": grid["frame"],
                          "n_hits": hit_counts, "n_sentences": n_sentences, "share": share,
                          "balance": grid["article_id"].map(balances["balance"]).astype(float).to_numpy(),
                          "balance_n": grid["article_id"].map(balances["balance_n"]).fillna(0).astype(int).to_numpy()})
    per_article = table.groupby("article_id")["n_sentences"].transform("sum")
    table.insert(6, "share_of_frames", (table["n_sentences"] / per_article.where(per_article > 0)).astype(float))
    return table


def frame_balance(corpus, codebook: str | Path | Codebook | None = None, *, first: str = DEFAULT_BALANCE[0],
                  second: str = DEFAULT_BALANCE[1], by: str = "article_id", flags: pd.DataFrame | None = None,
                  hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the balance between two frames per article (or per ``by`` group of articles).

    Columns: ``by`` (and outlet when by is article_id), n_first, n_second (sentences with each
    frame), balance ((n_first - n_second) / (n_first + n_second), from -1 to +1; NaN when neither
    frame occurs), balance_n (sentences with either frame: what the balance rests on); for groups
    of articles also n_articles, and balance_low and balance_high, a 95% bootstrap interval from
    resampling the group's articles (NaN for a group of one article).
    """
    codebook = as_codebook(codebook)
    for name in (first, second):
        check_frame(codebook, name)
    flags = sentence_frames(corpus, codebook, hits) if flags is None else flags
    keyed = flags.merge(corpus.articles[list(dict.fromkeys(["article_id", by, "outlet"]))], on="article_id")
    keyed = keyed.assign(either=keyed[first] | keyed[second])
    grouped = keyed.groupby(by, sort=False).agg(n_first=(first, "sum"), n_second=(second, "sum"),
                                                balance_n=("either", "sum"))
    grouped = grouped.reindex(list(dict.fromkeys(corpus.articles[by])), fill_value=0)
    total = grouped["n_first"] + grouped["n_second"]
    grouped["balance"] = ((grouped["n_first"] - grouped["n_second"]) / total.where(total > 0)).astype(float)
    table = grouped.reset_index()
    for column in ("n_first", "n_second", "balance_n"):
        table[column] = table[column].astype(int)
    if by == "article_id":
        table.insert(1, "outlet", table["article_id"].map(dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))))
    else:
        per_article = keyed.groupby("article_id", sort=False).agg(group=(by, "first"), n_first=(first, "sum"),
                                                                   n_second=(second, "sum"))
        articles_of = corpus.articles.groupby(by, sort=False).size()
        intervals = {group: _balance_interval(rows["n_first"].to_numpy(), rows["n_second"].to_numpy())
                     for group, rows in per_article.groupby("group", sort=False)}
        table["n_articles"] = table[by].map(articles_of).fillna(0).astype(int)
        table["balance_low"] = [intervals.get(group, (np.nan, np.nan))[0] for group in table[by]]
        table["balance_high"] = [intervals.get(group, (np.nan, np.nan))[1] for group in table[by]]
    table.attrs["frames"] = (first, second)
    columns = dict.fromkeys([by, "outlet", "n_first", "n_second", "balance", "balance_n", "n_articles",
                             "balance_low", "balance_high"])
    return table[[column for column in columns if column in table]]


def _balance_interval(firsts: np.ndarray, seconds: np.ndarray) -> tuple[float, float]:
    """The 95% bootstrap interval of a group's balance, resampling its articles (seeded)."""
    if len(firsts) < 2:
        return np.nan, np.nan
    picks = np.random.default_rng(SEED).integers(0, len(firsts), size=(RESAMPLES, len(firsts)))
    first_sums, second_sums = firsts[picks].sum(axis=1), seconds[picks].sum(axis=1)
    totals = first_sums + second_sums
    balances = (first_sums - second_sums)[totals > 0] / totals[totals > 0]
    if len(balances) == 0:
        return np.nan, np.nan
    low, high = np.percentile(balances, [2.5, 97.5])
    return float(low), float(high)


def frame_by_section(corpus, codebook: str | Path | Codebook | None = None, *,
                     hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the frames of each article's title, lead paragraph and body.

    Columns: article_id, outlet, section ("title", "lead", "body"), frame, n_hits, n_sentences
    (sentences of that section with the frame; the title counts as one sentence), section_sentences.
    One row per article, frame and section, in the articles' order.
    """
    codebook = as_codebook(codebook)
    hits = tag_sentences(corpus, codebook) if hits is None else hits
    names = list(codebook.frames)
    sentences = corpus.sentences[["article_id", "sentence_id", "paragraph_id"]]
    section_of = sentences.assign(section=np.where(sentences["paragraph_id"] == 0, "lead", "body"))
    sizes = section_of.groupby(["article_id", "section"]).size()
    hits = hits.merge(section_of[["article_id", "sentence_id", "section"]], on=["article_id", "sentence_id"])
    counted = hits.groupby(["article_id", "section", "frame"]).agg(n_hits=("sentence_id", "size"),
                                                                   n_sentences=("sentence_id", "nunique"))
    # The grid: each article, then each frame, then title, lead and body.
    n_articles, n_frames, n_sections = len(corpus.articles), len(names), len(SECTIONS)
    article_ids = np.repeat(corpus.articles["article_id"].to_numpy(), n_frames * n_sections)
    section = np.tile(np.array(SECTIONS, dtype=object), n_articles * n_frames)
    frame = np.tile(np.repeat(np.array(names, dtype=object), n_sections), n_articles)
    found = counted.reindex(pd.MultiIndex.from_arrays([article_ids, section, frame])).fillna(0).astype(int)
    n_hits, n_sentences = found["n_hits"].to_numpy(copy=True), found["n_sentences"].to_numpy(copy=True)
    section_sentences = (sizes.reindex(pd.MultiIndex.from_arrays([article_ids, section])).fillna(0).astype(int)
                         .to_numpy(copy=True))
    # Titles are not sentences of the text: each distinct title is searched here, once for all frames.
    titles = corpus.articles["title"].where(corpus.articles["title"].map(lambda title: isinstance(title, str)), "")
    codes, distinct = pd.factorize(titles)
    found = find_terms_in_texts(distinct.tolist(), [codebook.frames[name].terms for name in names])
    hits_of_title = np.array([[len(hits) for hits in hits_by_frame] for hits_by_frame in found],
                             dtype=int).reshape(len(distinct), n_frames)
    is_title = section == SECTIONS[0]
    n_hits[is_title] = hits_of_title[codes].reshape(-1)
    n_sentences[is_title] = (n_hits[is_title] > 0).astype(int)
    section_sentences[is_title] = np.repeat((titles != "").to_numpy(dtype=int), n_frames)
    return pd.DataFrame({"article_id": article_ids, "outlet": np.repeat(corpus.articles["outlet"].to_numpy(),
                                                                       n_frames * n_sections),
                         "section": section, "frame": frame, "n_hits": n_hits, "n_sentences": n_sentences,
                         "section_sentences": section_sentences}, columns=SECTION_COLUMNS)


def frame_by_position(corpus, codebook: str | Path | Codebook | None = None, *, parts: int = 10,
                      hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return where in the articles each frame appears, by tenth (or ``parts``) of the article.

    Columns: frame, part (1 = the first tenth of an article's sentences), n_sentences (sentences in
    that part carrying the frame, over all articles), part_sentences (all sentences in that part),
    share (n_sentences / part_sentences).
    """
    codebook = as_codebook(codebook)
    flags = sentence_frames(corpus, codebook, hits)
    sizes = flags.groupby("article_id")["sentence_id"].transform("size")
    order = flags.groupby("article_id").cumcount()
    flags = flags.assign(part=(order * parts // sizes.clip(lower=1) + 1).astype(int))
    rows = []
    for name in codebook.frames:
        for part in range(1, parts + 1):
            in_part = flags[flags["part"] == part]
            count = int(in_part[name].sum())
            rows.append({"frame": name, "part": part, "n_sentences": count, "part_sentences": len(in_part),
                         "share": count / len(in_part) if len(in_part) else float("nan")})
    return pd.DataFrame(rows)


def frame_cooccurrence(corpus, codebook: str | Path | Codebook | None = None, *,
                       hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return a frame-by-frame table: how many sentences carry both frames (the diagonal: each frame)."""
    codebook = as_codebook(codebook)
    flags = sentence_frames(corpus, codebook, hits)[list(codebook.frames)].astype(int)
    table = flags.T @ flags
    table.index.name = "frame"
    return table


def frame_sentiment(corpus, sentence_scores: pd.DataFrame, codebook: str | Path | Codebook | None = None, *,
                    by: str = "outlet", hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the mean sentiment of the sentences carrying each frame, per ``by`` group.

    ``sentence_scores`` is the table of ``sentiment.score_sentences``. Columns: ``by``, frame,
    n_sentences, textblob_polarity, vader_compound.
    """
    codebook = as_codebook(codebook)
    flags = sentence_frames(corpus, codebook, hits)
    long = flags.melt(id_vars=["article_id", "sentence_id"], var_name="frame", value_name="present")
    long = long[long["present"].astype(bool)].merge(
        sentence_scores[["article_id", "sentence_id", *SENTIMENT_SCORE_COLUMNS]], on=["article_id", "sentence_id"])
    long = long.merge(corpus.articles[list(dict.fromkeys(["article_id", by]))], on="article_id")
    return (long.groupby([by, "frame"], sort=False)
            .agg(n_sentences=("sentence_id", "size"), textblob_polarity=("textblob_polarity", "mean"),
                 vader_compound=("vader_compound", "mean"))
            .reset_index()
            .reindex(columns=[by, *SENTIMENT_COLUMNS]))
