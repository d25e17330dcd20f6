"""What every chart shares: a new figure of a bounded size, whether a table is too large to show article
by article, article labels, and short texts."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from analysis.compare import FEW_ARTICLES

__all__ = ["MATPLOTLIB_VERSION", "MAX_INCHES", "new_axes", "many_articles", "article_labels", "shorten"]

# matplotlib's (major, minor) version: some options were renamed (box plots' orientation in 3.10).
MATPLOTLIB_VERSION = tuple(int(part) for part in matplotlib.__version__.split(".")[:2])
# No chart may be larger than 3,000 pixels on a side (at the 100 dots per inch notebooks use).
MAX_INCHES = 28


def new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """Return ``ax``, or the Axes of a new figure of ``size`` inches (at most ``MAX_INCHES`` a side)."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=(min(size[0], MAX_INCHES), min(size[1], MAX_INCHES)), layout="constrained")
    return ax


def many_articles(table: pd.DataFrame, column: str = "article_id") -> bool:
    """Whether a table covers more articles than a chart can show one by one."""
    return table[column].nunique() > FEW_ARTICLES if column in table else len(table) > FEW_ARTICLES


def article_labels(table: pd.DataFrame) -> list[str]:
    """Return a label per row: the outlet's name, with the article_id added where outlets repeat."""
    repeated = table["outlet"].duplicated(keep=False)
    return [f"{outlet} ({article_id})" if twice else str(outlet)
            for outlet, article_id, twice in zip(table["outlet"], table["article_id"], repeated)]


def shorten(text: str, width: int) -> str:
    """Return ``text``, cut to ``width`` characters with "…" when it is longer."""
    return text if len(text) <= width else text[: width - 1] + "…"
