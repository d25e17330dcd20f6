"""What every chart shares: a new figure of a bounded size, whether a table is too large to show article
by article, article labels, and short texts."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from analysis.compare import FEW_ARTICLES

__all__ = ["MATPLOTLIB_VERSION", "MAX_INCHES", "new_axes", "many_articles", "article_labels", "shorten",
           "symmetric_limit_fitting_texts"]

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


def symmetric_limit_fitting_texts(ax: Axes, limit: float, passes: int = 4) -> float:
    """Set the x-axis from ``-limit`` to ``limit``, widened until every text drawn in ``ax`` (bar
    labels: "-0.19 (n=26)") lies inside it after the figure's layout, and return the limit used.
    A text keeps its size in points as the axis widens, so a few passes settle it."""
    for _ in range(passes):
        ax.set_xlim(-limit, limit)
        if not ax.texts:
            break
        ax.figure.draw_without_rendering()  # the layout that sets the axes' width, and the texts' extents
        renderer = ax.figure.canvas.get_renderer()
        to_data = ax.transData.inverted()
        reach = max(abs(float(x)) for text in ax.texts for box in [text.get_window_extent(renderer)]
                    for x, _ in to_data.transform([(box.x0, box.y0), (box.x1, box.y1)]))
        if reach <= limit:
            break
        limit = reach * 1.05
    return limit
