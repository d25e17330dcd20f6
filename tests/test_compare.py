"""Comparisons between groups of articles: the largest groups and "other", means with intervals,
values over time."""

import numpy as np
import pandas as pd
import pytest

from analysis import compare


def test_the_largest_groups_keep_their_names():
    values = pd.Series(["a"] * 5 + ["b"] * 3 + ["c", "d", "e"])
    assert list(compare.top_groups(values, 2)) == ["a"] * 5 + ["b"] * 3 + ["other (3 outlets)"] * 3
    assert compare.top_groups(values, 4).equals(values)  # one group left over is shown by name
    assert compare.group_order(compare.top_groups(values, 2)) == ["a", "b", "other (3 outlets)"]


def test_group_means_give_n_mean_and_an_interval_around_it():
    table = pd.DataFrame({"outlet": ["a", "a", "a", "b", "b"], "score": [1.0, 2.0, 3.0, 10.0, np.nan]})
    means = compare.group_means(table, "score")
    assert list(means["outlet"]) == ["a", "b"]
    assert list(means["n"]) == [3, 1]
    assert means.loc[0, "mean"] == pytest.approx(2.0)
    assert 1.0 <= means.loc[0, "low"] <= 2.0 <= means.loc[0, "high"] <= 3.0
    assert np.isnan(means.loc[1, "low"])  # one article: no interval
    assert compare.group_means(table, "score").equals(means)  # seeded: the same every time


def test_the_time_step_follows_the_span_of_the_dates():
    day = pd.Timestamp("2020-01-01")
    assert compare.time_step(pd.Series([day, day + pd.Timedelta(days=3)])) is None
    assert compare.time_step(pd.Series([day, day + pd.Timedelta(days=30)])) == "D"
    assert compare.time_step(pd.Series([day, day + pd.Timedelta(days=300)])) == "W"
    assert compare.time_step(pd.Series([day, day + pd.Timedelta(days=1000)])) == "M"


def test_values_over_time_are_means_per_period_and_group():
    dates = pd.to_datetime(["2020-01-06"] * 11 + ["2020-03-02"] * 11)  # two Mondays, weeks apart
    table = pd.DataFrame({"article_id": [f"a{i}" for i in range(22)], "outlet": ["x"] * 22,
                          "date": dates, "score": [1.0] * 11 + [3.0] * 10 + [5.0]})
    result = compare.over_time(table, "score")
    assert list(result["n"]) == [11, 11]
    assert list(result["mean"]) == [pytest.approx(1.0), pytest.approx(35 / 11)]
    assert list(result["period"]) == list(pd.to_datetime(["2020-01-06", "2020-03-02"]))
    assert compare.over_time(table.head(10), "score").empty  # ten articles are no trend

