"""Comparisons between groups of articles that hold at any size: the largest outlets with the rest
as "other", means with bootstrap intervals over articles, and values over time.

A difference between two outlets means something only next to how many articles it rests on and
how much it would move with another sample of them: every table here carries ``n`` and an
interval from resampling the articles (seeded, so the same corpus gives the same interval).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["FEW_ARTICLES", "TOP_OUTLETS", "RESAMPLES", "SEED", "MIN_PER_PERIOD", "MIN_DAYS_FOR_TIME", "top_groups",
           "group_order", "bootstrap_interval", "group_means", "time_step", "over_time"]

# Up to this many articles a chart draws one mark per article; past it, distributions by outlet (a
# chart with a bar per article stops being readable at about twenty).
FEW_ARTICLES = 20
# Outlets drawn by name; the rest are one group, so a chart stays readable with a hundred outlets.
TOP_OUTLETS = 8
# Resamples of the articles for an interval; 1,000 gives the 2.5th and 97.5th percentiles to
# about two decimals.
RESAMPLES = 1000
SEED = 0
# A point over time rests on at least this many articles of its outlet in its period.
MIN_PER_PERIOD = 3
# Dates that span more than this many days are worth a chart over time.
MIN_DAYS_FOR_TIME = 7


def top_groups(values: pd.Series, top: int = TOP_OUTLETS) -> pd.Series:
    """Return the values with all but the ``top`` most frequent replaced by "other (K outlets)"."""
    counts = values.value_counts(sort=True)
    if len(counts) <= top + 1:
        return values
    keep = set(counts.index[:top])
    other = f"other ({len(counts) - top} outlets)"
    return values.where(values.isin(keep), other)


def group_order(values: pd.Series) -> list[str]:
    """Return the groups, largest first, with an "other (...)" group last."""
    counts = values.value_counts(sort=True)
    named = [group for group in counts.index if not str(group).startswith("other (")]
    return named + [group for group in counts.index if str(group).startswith("other (")]


def bootstrap_interval(values: np.ndarray, *, resamples: int = RESAMPLES, seed: int = SEED,
                       level: float = 0.95) -> tuple[float, float]:
    """Return the percentile bootstrap interval of the mean of ``values`` (NaN for fewer than 2)."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if len(values) < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(resamples, len(values)))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def group_means(table: pd.DataFrame, value: str, *, by: str = "outlet", top: int | None = TOP_OUTLETS,
                resamples: int = RESAMPLES, seed: int = SEED) -> pd.DataFrame:
    """Return the mean of ``value`` per group (one row of ``table`` = one article), with n and a 95%
    bootstrap interval over the group's articles.

    Columns: ``by``, n, mean, low, high. Groups beyond the ``top`` largest are one "other" group;
    rows are ordered largest group first.
    """
    groups = top_groups(table[by], top) if top else table[by]
    frame = pd.DataFrame({by: groups.to_numpy(), value: table[value].to_numpy()})
    rows = []
    for group in group_order(groups):
        values = frame.loc[frame[by] == group, value].to_numpy(dtype=float)
        low, high = bootstrap_interval(values, resamples=resamples, seed=seed)
        valid = values[~np.isnan(values)]
        rows.append({by: group, "n": len(valid), "mean": float(valid.mean()) if len(valid) else float("nan"),
                     "low": low, "high": high})
    return pd.DataFrame(rows, columns=[by, "n", "mean", "low", "high"])


def time_step(dates: pd.Series) -> str | None:
    """Return the pandas period for a chart over time: "D" (days) for dates within two months, "W"
    (weeks) within two years, "M" (months) beyond; None when the dates span less than a week."""
    known = pd.to_datetime(dates).dropna()
    if known.empty:
        return None
    days = (known.max() - known.min()).days
    if days < MIN_DAYS_FOR_TIME:
        return None
    return "D" if days <= 62 else "W" if days <= 730 else "M"


def over_time(table: pd.DataFrame, value: str, *, articles: pd.DataFrame | None = None, date: str = "date",
              by: str = "outlet", top: int | None = 5, step: str | None = None,
              min_articles: int = FEW_ARTICLES + 1, min_per_period: int = MIN_PER_PERIOD) -> pd.DataFrame:
    """Return the mean of ``value`` per period and group (one row of ``table`` = one article; its
    date and group come from ``articles``, the corpus's articles table, when it has none).

    Columns: period (the first day of the day, week or month), ``by``, n, mean. Groups beyond the
    ``top`` largest are one "other" group; a period of a group with fewer than ``min_per_period``
    articles is left out (one article's score is no outlet's tone). Empty when the dates span less
    than a week, or when fewer than ``min_articles`` articles have a date.
    """
    if table.empty:  # nothing to place in time (and an empty table's key may have no type to merge on)
        return pd.DataFrame(columns=["period", by, "n", "mean"])
    if articles is not None:
        missing = [column for column in (date, by) if column not in table.columns]
        if missing:
            table = table.merge(articles[["article_id", *missing]], on="article_id", how="left")
    table = table.drop_duplicates("article_id") if "article_id" in table.columns else table
    if table[date].notna().sum() < min_articles:
        return pd.DataFrame(columns=["period", by, "n", "mean"])
    step = step or time_step(table[date])
    if step is None:
        return pd.DataFrame(columns=["period", by, "n", "mean"])
    known = table[table[date].notna()]
    groups = top_groups(known[by], top) if top else known[by]
    period = pd.to_datetime(known[date]).dt.to_period(step).dt.start_time
    frame = pd.DataFrame({"period": period.to_numpy(), by: groups.to_numpy(), value: known[value].to_numpy()})
    result = (frame.groupby(["period", by], sort=True)[value].agg(n="count", mean="mean").reset_index())
    return result[result["n"] >= min_per_period].reset_index(drop=True)

