"""Charts label outlets by name and return their Axes."""

import matplotlib

matplotlib.use("Agg")

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
