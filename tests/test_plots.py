"""Charts label outlets by name and return their Axes."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from analysis import plots  # noqa: E402


def test_article_labels_use_outlet_names_and_add_ids_only_where_outlets_repeat():
    table = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Post", "Herald", "Post"]})
    assert plots.article_labels(table) == ["Post (a)", "Herald", "Post (c)"]


def test_article_lengths_draws_one_labelled_bar_per_article():
    summary = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Post", "Herald"],
                            "n_words": [120, 40], "n_sentences": [6, 2]})
    ax = plots.article_lengths(summary)
    assert isinstance(ax, Axes)
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Herald", "Post"]
    assert [bar.get_width() for bar in ax.patches] == [40, 120]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert "120 words, 6 sentences" in [text.get_text() for text in ax.texts]


def test_who_speaks_stacks_each_outlets_voices_to_100_percent():
    sources = pd.DataFrame({
        "outlet": ["Post", "Post", "Post", "Herald"],
        "speaker": ["(journalist)", "Ana Lind", "Tom Ek", "(journalist)"],
        "voice": ["journalist", "quoted", "quoted", "journalist"],
        "share_of_words": [0.5, 0.3, 0.2, 1.0],
        "n_words": [5, 3, 2, 7],
    })
    ax = plots.who_speaks(sources, top=1)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["journalist's own words", "Ana Lind", "other speakers"]
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Herald", "Post"]
    widths = {}
    for bar in ax.patches:
        widths.setdefault(round(bar.get_y(), 3), []).append(bar.get_width())
    assert sorted(round(sum(values), 6) for values in widths.values()) == [100.0, 100.0]
    assert ax.get_title() and ax.get_xlabel()


def test_who_speaks_says_where_quote_marks_were_lost():
    sources = pd.DataFrame({"outlet": ["Post", "Herald"], "speaker": ["(journalist)", "(journalist)"],
                            "voice": ["journalist", "journalist"], "share_of_words": [1.0, 1.0], "n_words": [5, 7]})
    lost = pd.DataFrame({"outlet": ["Post", "Herald"], "n_articles": [10, 10], "n_marks_lost": [1, 9],
                         "share_marks_lost": [0.1, 0.9]})
    ax = plots.who_speaks(sources, marks_lost=lost)
    # a tenth is under the 0.2 that names a group
    assert [label.get_text() for label in ax.get_yticklabels()] == [
        "Herald\n(quote marks lost in 90% of articles)", "Post"]


# --- charts that choose their form from the data's size ---------------------------------------------

def _many_articles(n=60, outlets=12):
    rng = np.random.default_rng(0)
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                         "outlet": [f"Outlet {i % outlets}" for i in range(n)],
                         "title": [f"Title {i}" for i in range(n)], "date": pd.NaT,
                         "n_paragraphs": 3, "n_sentences": 10,
                         "n_words": rng.integers(100, 900, n), "n_removed_lines": 0, "n_repairs": 0})


def _pixels(ax):
    figure = ax.figure
    return [size * figure.dpi for size in figure.get_size_inches()]


def test_past_twenty_articles_lengths_are_drawn_by_outlet_with_n():
    summary = _many_articles()
    ax = plots.article_lengths(summary)
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert len(labels) == 9  # eight outlets by name and "other"
    assert labels[-1].startswith("other (4 outlets) (n=20)")
    assert all("(n=" in label for label in labels)
    assert max(_pixels(ax)) <= 3000


def test_a_few_articles_keep_a_bar_each():
    ax = plots.article_lengths(_many_articles(n=4, outlets=4))
    assert len(ax.patches) == 4


def test_no_chart_grows_past_3000_pixels():
    big = pd.DataFrame({"status": ["kept"] * 500, "unit": ["sentence"] * 500, "a_text": ["x"] * 500,
                        "b_text": ["x"] * 500})
    ax = plots.alignment(big)
    assert max(_pixels(ax)) <= 3000
    assert "first 45 of 500" in ax.get_title()


def test_a_chart_over_time_without_enough_articles_says_why():
    ax = plots.over_time(pd.DataFrame(columns=["period", "outlet", "n", "mean"]), title="Tone over time")
    assert "needs more than twenty dated articles" in ax.texts[0].get_text()
