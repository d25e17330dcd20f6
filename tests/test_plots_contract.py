"""Every chart keeps its contract on the bundled corpus's real tables: it returns the Axes, with a
title, labelled axes (where it has axes), a mark for every row, group or cell of its table, and
outlets named by name, never by article id.

The tables are the ones the notebooks draw (see notebooks/*.ipynb); the expected marks are counted
from each input table. tests/test_plots.py tests article_labels, article_lengths and who_speaks.
"""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.container import BarContainer, ErrorbarContainer  # noqa: E402
from matplotlib.image import AxesImage  # noqa: E402

from analysis import analyse, compare, coverage, framing, plots, reliability, sentiment  # noqa: E402
from analysis.resources import find_resources  # noqa: E402

# The charts tested here, and those tested in tests/test_plots.py: together every chart of analysis.plots.
TESTED_HERE = {"outlet_sentiment", "group_means", "distribution", "sentiment_arc", "word_contributions",
               "sentiment_by_voice", "sentiment_by_target", "over_time", "frame_shares", "frame_balance",
               "frame_positions", "frame_cooccurrence", "similarity_heatmap", "alignment", "distinctive_terms",
               "element_coverage", "timeline", "agreement"}
TESTED_IN_TEST_PLOTS = {"article_labels", "article_lengths", "who_speaks"}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWS_FRAMING_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield analyse(None, progress=False)


@pytest.fixture(scope="module")
def corpus(results):
    return results.corpus


@pytest.fixture(scope="module")
def resources():
    return find_resources(None)


@pytest.fixture(scope="module")
def frames(resources):
    return framing.load_codebook(resources.codebook)


@pytest.fixture(scope="module")
def labels(frames):
    return {name: frame.label for name, frame in frames.frames.items()}


@pytest.fixture(scope="module")
def outlets(corpus):
    return dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(labels) -> list[str]:
    return [label.get_text() for label in labels]


def y_labels(ax: Axes) -> list[str]:
    """The y tick labels from top to bottom."""
    ticks = sorted(zip(ax.get_yticks(), texts(ax.get_yticklabels())), key=lambda pair: -pair[0])
    return [label for _, label in ticks]


def assert_titled(ax: Axes, *, x: bool = True, y: bool = True):
    assert isinstance(ax, Axes)
    assert ax.get_title().strip(), "no title"
    if x:
        assert ax.get_xlabel().strip(), "no x label"
    if y:
        assert ax.get_ylabel().strip(), "no y label"


def assert_no_ids(labels, corpus):
    """No label is an article id (the bundled corpus's ids differ from its outlets' names)."""
    ids = set(corpus.articles["article_id"])
    assert ids.isdisjoint(set(corpus.articles["outlet"]))
    assert not ids & set(labels), f"article ids as labels: {sorted(ids & set(labels))}"


def bars(ax: Axes) -> list[BarContainer]:
    return [container for container in ax.containers if isinstance(container, BarContainer)]


def image(ax: Axes) -> np.ndarray:
    images = [artist for artist in ax.get_children() if isinstance(artist, AxesImage)]
    assert len(images) == 1
    return np.asarray(images[0].get_array())


def drawn_lines(ax: Axes):
    """The lines that carry data (a legend entry), not reference lines."""
    return [line for line in ax.get_lines() if not line.get_label().startswith("_")]


def test_every_chart_is_tested_here_or_in_test_plots():
    charts = {name for name in plots.__all__ if callable(getattr(plots, name)) and not name.isupper()}
    assert charts - TESTED_HERE - TESTED_IN_TEST_PLOTS == set()


# --- sentiment ----------------------------------------------------------------------------------

def test_outlet_sentiment_draws_two_bars_per_article_labelled_by_outlet(results, corpus):
    scores = results.article_scores
    ax = plots.outlet_sentiment(scores)
    assert_titled(ax)
    containers = bars(ax)
    assert len(containers) == 2  # TextBlob and VADER
    assert [len(container) for container in containers] == [len(scores)] * 2
    # one outlet per article in the bundled corpus: each bar labelled by the outlet's name, first at the top
    assert scores["outlet"].is_unique
    assert y_labels(ax) == list(scores["outlet"])
    assert_no_ids(y_labels(ax), corpus)
    for container, score in zip(containers, ("textblob_polarity", "vader_compound")):
        widths = [bar.get_width() for bar in container][::-1]
        assert np.allclose(widths, scores[score].to_numpy(dtype=float), equal_nan=True)
    assert texts(ax.get_legend().get_texts()) == [plots.LEXICON_LABELS["textblob_polarity"],
                                                  plots.LEXICON_LABELS["vader_compound"]]


def test_group_means_draws_a_dot_and_interval_per_outlet_with_its_n(results, corpus):
    means = compare.group_means(results.article_scores, "vader_compound")
    ax = plots.group_means(means, title="Mean tone", xlabel="VADER compound")
    assert_titled(ax)
    assert ax.get_title() == "Mean tone" and ax.get_xlabel() == "VADER compound"
    errorbars = [container for container in ax.containers if isinstance(container, ErrorbarContainer)]
    assert len(errorbars) == 1
    dots = errorbars[0].lines[0]
    assert np.allclose(np.asarray(dots.get_xdata(), dtype=float), means["mean"].to_numpy(dtype=float), equal_nan=True)
    assert y_labels(ax) == [f"{outlet} (n={n})" for outlet, n in zip(means["outlet"], means["n"])]
    assert_no_ids([label.split(" (n=")[0] for label in y_labels(ax)], corpus)


def test_distribution_draws_a_box_and_a_mean_per_outlet(results, corpus):
    scores = results.article_scores
    ax = plots.distribution(scores, "vader_compound", title="Tone", xlabel="VADER compound")
    assert_titled(ax)
    groups = scores["outlet"].value_counts()
    assert len([patch for patch in ax.patches if type(patch).__name__ == "PathPatch"]) == len(groups)
    means = [collection for collection in ax.collections if isinstance(collection, PathCollection)]
    assert len(means) == 1 and len(means[0].get_offsets()) == len(groups)
    assert sorted(y_labels(ax)) == sorted(f"{outlet} (n={n})" for outlet, n in groups.items())


def test_sentiment_arc_draws_a_line_per_article_with_a_point_per_sentence(results, corpus, outlets):
    sentence_scores = results.sentence_scores
    ax = plots.sentiment_arc(sentence_scores, outlets=outlets)
    assert_titled(ax)
    lines = drawn_lines(ax)
    sentences = sentence_scores.groupby("article_id", sort=False).size()
    assert [line.get_label() for line in lines] == [outlets[article_id] for article_id in sentences.index]
    assert [len(line.get_xdata()) for line in lines] == list(sentences)
    assert all(line.get_xdata()[0] == 0 and line.get_xdata()[-1] == 100 for line in lines)
    assert_no_ids(texts(ax.get_legend().get_texts()), corpus)


def test_word_contributions_draws_the_largest_terms(corpus):
    first = corpus.articles["article_id"].iloc[0]
    contributions = sentiment.word_contributions(sentiment.explain(corpus, article_id=first), lexicon="vader")
    ax = plots.word_contributions(contributions, title="VADER: the words behind the score")
    assert_titled(ax)
    top = 15
    expected = contributions.loc[contributions["contribution"].abs().sort_values(ascending=False).index].head(top)
    (container,) = bars(ax)
    assert len(container) == min(top, len(contributions)) == len(expected)
    assert sorted(bar.get_width() for bar in container) == pytest.approx(sorted(expected["contribution"]))
    assert {label.split(" (×")[0] for label in y_labels(ax)} == set(expected["term"])


def test_sentiment_by_voice_draws_each_voice_per_outlet(results, corpus):
    by_voice = sentiment.sentiment_by_voice(corpus, voices=results.voices)
    ax = plots.sentiment_by_voice(by_voice)
    assert_titled(ax)
    groups = list(dict.fromkeys(by_voice["outlet"]))
    voices = [voice for voice in ("narration", "quoted") if voice in set(by_voice["voice"])]
    assert [len(container) for container in bars(ax)] == [len(groups)] * len(voices)
    assert y_labels(ax) == groups
    assert_no_ids(y_labels(ax), corpus)
    # each bar says how many pieces of text its mean rests on
    first = by_voice.iloc[0]
    label = f"{first['vader_compound']:+.2f} (n={int(first['n_pieces']):,})"
    assert label in [text.get_text() for text in ax.texts]


def test_the_tone_by_voice_labels_stay_inside_the_axes():
    # A long bar with a long label on the left ("-0.19 (n=26)" reached into the outlet names).
    table = pd.DataFrame({"outlet": ["Reuters"] * 2 + ["Unreliable sites (PoliticsNews)"] * 2,
                          "voice": ["narration", "quoted", "narration", "quoted"],
                          "n_pieces": [14521, 3978, 5453, 26], "n_words": [1, 1, 1, 1],
                          "textblob_polarity": [0.0] * 4, "vader_compound": [0.03, 0.05, -0.03, -0.19]})
    ax = plots.sentiment_by_voice(table)
    ax.figure.draw_without_rendering()
    renderer = ax.figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1, text.get_text()
    low, high = ax.get_xlim()
    assert low == -high and high > 0.19 * 1.4  # wider than the bar alone needed


def test_sentiment_by_target_is_a_heatmap_of_outlets_by_targets(results, corpus, resources):
    by_target = sentiment.sentiment_by_target(corpus, results.sentence_scores, targets=resources.targets)
    ax = plots.sentiment_by_target(by_target)
    assert_titled(ax)
    outlets, targets = list(dict.fromkeys(by_target["outlet"])), list(dict.fromkeys(by_target["target"]))
    assert image(ax).shape == (len(outlets), len(targets))
    assert texts(ax.get_yticklabels()) == outlets
    assert texts(ax.get_xticklabels()) == targets
    assert len(ax.texts) == len(by_target)  # a number in every cell an outlet names the target
    assert_no_ids(texts(ax.get_yticklabels()), corpus)


def _dated_scores(outlets=("Post", "Herald"), weeks=4, per_week=3):
    """Article scores of two outlets over four weeks, three articles a week each, with their dates."""
    rows = [{"article_id": f"{outlet[0]}{week}{i}", "outlet": outlet,
             "date": pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=week, days=i),
             "vader_compound": (week - i) / 10} for outlet in outlets for week in range(weeks) for i in range(per_week)]
    return pd.DataFrame(rows)


def test_over_time_draws_a_line_per_outlet_and_the_events():
    scores = _dated_scores()
    table = compare.over_time(scores.drop(columns="date"), "vader_compound", articles=scores[["article_id", "date"]],
                              step="W")
    assert len(table)
    events = pd.DataFrame({"date": [pd.Timestamp("2024-01-10"), pd.Timestamp("2030-01-01")],
                           "event": ["A vote", "Outside the range"]})
    ax = plots.over_time(table, ylabel="VADER compound", title="Tone over time", events=events)
    assert_titled(ax)
    lines = drawn_lines(ax)
    periods = table.groupby("outlet").size()
    assert sorted(line.get_label() for line in lines) == sorted(f"{outlet} (n={int(table.loc[table['outlet'] == outlet, 'n'].sum())})"
                                                                for outlet in periods.index)
    assert sorted(len(line.get_xdata()) for line in lines) == sorted(periods)
    # one dotted line for the event inside the dates drawn, none for the one outside
    assert len([line for line in ax.get_lines() if line.get_linestyle() == ":"]) == 1


# --- framing ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hits(results, frames):
    return results.hits(frames)


def test_frame_shares_stacks_each_outlets_frames_to_100_percent(corpus, frames, labels, hits):
    shares = framing.frame_shares(corpus, frames, balance=tuple(frames.frames)[:2], hits=hits)
    ax = plots.frame_shares(shares, labels=labels)
    assert_titled(ax)
    outlets = list(dict.fromkeys(shares["outlet"]))
    found = shares.groupby("frame")["n_sentences"].sum()
    containers = bars(ax)
    assert len(containers) == shares["frame"].nunique()
    assert all(len(container) == len(outlets) for container in containers)
    assert y_labels(ax) == outlets
    assert_no_ids(y_labels(ax), corpus)
    totals = {}
    for container in containers:
        for bar in container:
            totals[round(bar.get_y(), 3)] = totals.get(round(bar.get_y(), 3), 0) + bar.get_width()
    has_frames = shares.groupby("outlet")["n_sentences"].sum() > 0
    assert sorted(round(total, 6) for total in totals.values()) == sorted(100.0 if any_frame else 0.0
                                                                         for any_frame in has_frames)
    assert set(texts(ax.get_legend().get_texts())) == {labels[frame] for frame in found.index}


def test_frame_balance_draws_a_bar_per_outlet(corpus, frames, labels, hits):
    first, second = tuple(frames.frames)[:2]
    balance = framing.frame_balance(corpus, frames, first=first, second=second, by="outlet", hits=hits)
    ax = plots.frame_balance(balance, first=labels[first], second=labels[second])
    assert_titled(ax)
    assert ax.get_title() == f"{labels[first]} or {labels[second]}?"
    (container,) = bars(ax)
    assert len(container) == len(balance)
    assert [bar.get_width() for bar in container][::-1] == pytest.approx(list(balance["balance"].fillna(0)))
    assert y_labels(ax) == [str(outlet) for outlet in balance["outlet"]]
    assert_no_ids(y_labels(ax), corpus)


def test_frame_positions_is_a_heatmap_of_frames_by_part(corpus, frames, labels, hits):
    positions = framing.frame_by_position(corpus, frames, hits=hits)
    ax = plots.frame_positions(positions, labels=labels)
    assert_titled(ax)
    names = list(dict.fromkeys(positions["frame"]))
    parts = list(dict.fromkeys(positions["part"]))
    assert image(ax).shape == (len(names), len(parts))
    assert texts(ax.get_yticklabels()) == [labels[name] for name in names]
    assert texts(ax.get_xticklabels()) == [str(int(part)) for part in parts]


def test_frame_cooccurrence_is_a_square_of_frames_with_every_count(corpus, frames, labels, hits):
    table = framing.frame_cooccurrence(corpus, frames, hits=hits)
    ax = plots.frame_cooccurrence(table, labels=labels)
    assert_titled(ax)
    n = len(table)
    assert image(ax).shape == (n, n)
    assert texts(ax.get_xticklabels()) == texts(ax.get_yticklabels()) == [labels[frame] for frame in table.index]
    assert [int(text.get_text()) for text in ax.texts] == [int(value) for value in table.to_numpy().ravel()]


# --- coverage -----------------------------------------------------------------------------------

def test_similarity_heatmap_names_the_outlets_in_every_row_and_column(corpus, outlets):
    matrix = coverage.similarity_table(corpus)
    ax = plots.similarity_heatmap(matrix, outlets=outlets)
    assert_titled(ax)
    n = len(matrix)
    assert image(ax).shape == (n, n)
    names = [outlets[article_id] for article_id in matrix.index]
    assert texts(ax.get_xticklabels()) == texts(ax.get_yticklabels()) == names
    assert_no_ids(names, corpus)
    assert len(ax.texts) == n * n
    assert [text.get_text() for text in ax.texts][:: n + 1] == [f"{value:.2f}" for value in np.diag(matrix.to_numpy())]


def test_alignment_writes_a_row_per_unit_with_its_status(corpus, resources, outlets):
    pairs = coverage.most_alike(corpus, None)
    a, b = pairs.at[0, "article_a"], pairs.at[0, "article_b"]
    table = coverage.align(corpus, a, b, codebook=resources.codebook)
    ax = plots.alignment(table, a_name=outlets[a], b_name=outlets[b])
    assert_titled(ax, x=False, y=False)  # text in two columns: no axes
    shown = min(len(table), plots.MAX_ALIGNED_ROWS)
    statuses = [text.get_text() for text in ax.texts if text.get_position()[0] == 0.495]
    assert statuses == list(table["status"].head(shown))
    boxes = [text for text in ax.texts if text.get_bbox_patch() is not None]
    expected = sum(bool(text) for column in ("a_text", "b_text") for text in table[column].head(shown))
    assert len(boxes) == expected
    assert outlets[a] in ax.get_title() and outlets[b] in ax.get_title()
    assert {outlets[a], outlets[b]} <= set(text.get_text() for text in ax.texts)


def test_distinctive_terms_draws_each_outlets_top_terms_under_its_name(corpus):
    terms = coverage.distinctive_terms(corpus)
    top = 8
    ax = plots.distinctive_terms(terms, top=top)
    assert_titled(ax)
    chosen = terms.groupby("outlet", sort=False).head(top)
    (container,) = bars(ax)
    assert len(container) == len(chosen)
    assert sorted(bar.get_width() for bar in container) == pytest.approx(sorted(chosen["z"]))
    assert y_labels(ax) == [str(term) for term in chosen["term"]]
    headings = [text.get_text() for text in ax.texts if text.get_fontweight() == "bold"]
    assert headings == list(dict.fromkeys(chosen["outlet"]))
    assert_no_ids(headings, corpus)


def test_element_coverage_draws_a_square_per_article_and_element(results, corpus):
    elements = results.elements
    ax = plots.element_coverage(elements)
    assert_titled(ax)
    articles = list(dict.fromkeys(elements["article_id"]))
    names = list(dict.fromkeys(elements["label"]))
    squares = [collection for collection in ax.collections if isinstance(collection, PathCollection)]
    assert len(squares) == len(articles) * len(names)
    filled = sum(1 for square in squares if tuple(square.get_facecolor()[0][:3]) != (1.0, 1.0, 1.0))
    assert filled == int(elements["present"].sum())
    outlet_of = dict(zip(elements["article_id"], elements["outlet"]))
    assert texts(ax.get_xticklabels()) == [outlet_of[article_id] for article_id in articles]
    assert_no_ids(texts(ax.get_xticklabels()), corpus)
    assert y_labels(ax) == names


def test_timeline_draws_a_dated_row_per_article_and_event(corpus):
    table = coverage.timeline(corpus)
    ax = plots.timeline(table)
    assert_titled(ax, x=False)  # one column of rows: the dates are the y axis
    dated = table.dropna(subset=["date"])
    marks = [collection for collection in ax.collections if isinstance(collection, PathCollection)]
    assert len(marks) == len(dated)
    assert y_labels(ax) == [date.strftime("%d %b %Y") for date in dated["date"]]
    undated = table[(table["kind"] == "article") & table["date"].isna()]
    for article_id in undated["article_id"]:
        assert article_id in ax.get_title()  # named as not shown
    row_texts = [text.get_text() for text in ax.texts]
    for outlet in corpus.articles.loc[corpus.articles["date"].notna(), "outlet"]:
        assert any(text.startswith(f"{outlet}:") for text in row_texts)


# --- coursework ---------------------------------------------------------------------------------

def test_agreement_draws_alpha_per_frame_for_each_comparison(corpus, resources):
    sheet = reliability.coding_sheet(corpus.head(20), unit="article", frames=resources.codebook)
    codes = reliability.read_coding_sheets(resources.coding_sheets, template=sheet)
    by_frame = reliability.agreement(codes, by="frame")
    comparisons = ("coders", "coders and dictionary")
    ax = plots.agreement(by_frame, comparisons=comparisons)
    assert_titled(ax)
    chosen = by_frame[by_frame["comparison"].isin(comparisons)]
    frames = list(dict.fromkeys(chosen["frame"]))
    containers = bars(ax)
    assert [len(container) for container in containers] == [len(frames)] * len(comparisons)
    for container, comparison in zip(containers, comparisons):
        alpha = chosen[chosen["comparison"] == comparison].set_index("frame")["alpha"].reindex(frames[::-1])
        assert [bar.get_width() for bar in container] == pytest.approx(list(alpha.fillna(0)))
    assert y_labels(ax) == [frame.replace("_", " ").capitalize() for frame in frames]
    undefined = int(chosen["alpha"].isna().sum())
    assert sum(text.get_text() == "undefined: all codes alike" for text in ax.texts) == undefined
    assert not math.isnan(ax.get_xlim()[0])


@pytest.mark.parametrize("with_event", [False, True])
def test_articles_per_period_mention_events_only_when_some_are_drawn(with_event):
    dates = pd.date_range("2024-01-01", periods=30, freq="D")
    rows = [{"kind": "article", "date": date, "label": f"{'Daily Post' if i % 2 else 'Evening Star'}: story {i}",
             "article_id": f"a{i}"} for i, date in enumerate(dates)]
    if with_event:
        rows.append({"kind": "event", "date": dates[10], "label": "Summit", "article_id": None})
    ax = plots.timeline(pd.DataFrame(rows))
    assert ("dotted lines: events" in ax.get_title()) is with_event
    assert len([line for line in ax.lines if line.get_linestyle() == ":"]) == int(with_event)


def test_frame_share_totals_end_inside_the_axes(corpus, frames, labels, hits):
    shares = framing.frame_shares(corpus, frames, balance=tuple(frames.frames)[:2], hits=hits)
    shares = shares.assign(n_sentences=shares["n_sentences"] * 1000)  # totals of a large corpus: "n=12,345"
    ax = plots.frame_shares(shares, labels=labels)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    right = ax.get_window_extent(renderer).x1
    totals = [text for text in ax.texts if text.get_text().startswith("n=")]
    assert totals and all(text.get_window_extent(renderer).x1 <= right for text in totals)
