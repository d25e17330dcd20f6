"""How a notebook shows a table: every text in full and as written, and a long table as its first
rows, saying how many there are in all."""

from __future__ import annotations

import pandas as pd

__all__ = ["PREVIEW_ROWS", "CELL_MAX_WIDTH", "show_tables_as_written", "preview"]

PREVIEW_ROWS = 20
# Wider than this, a cell's text wraps onto more lines (the report's notebook pages use the same width).
CELL_MAX_WIDTH = "40em"


def show_tables_as_written() -> None:
    """Set pandas' display options so that a table in a notebook shows each text whole and as written.

    - Dollar signs are text, not maths: tables are marked for MathJax to skip (``tex2jax_ignore``,
      as JupyterLab typesets ``$...$`` in HTML outputs otherwise), both plain DataFrames and Stylers.
    - A Styler escapes HTML in its cells as a DataFrame does (a headline with ``<`` stays text).
    - Texts are not cut at 50 characters: a quote is read whole (long cells wrap; see ``preview``).

    Called when ``analysis.display`` is imported, so ``from analysis import ...`` in a notebook is enough.
    """
    pd.set_option("display.html.use_mathjax", False)
    pd.set_option("styler.html.mathjax", False)
    pd.set_option("styler.format.escape", "html")
    pd.set_option("display.max_colwidth", None)


show_tables_as_written()


def preview(table: pd.DataFrame, rows: int = PREVIEW_ROWS):
    """Return the table as it is when it is short; else its first ``rows`` rows, captioned
    "showing 20 of N rows" (the whole table is still the variable, and in the report's tables/).
    In the shortened table, long texts wrap within ``CELL_MAX_WIDTH`` and read from the left."""
    if len(table) <= rows:
        return table
    shown = table.head(rows)
    # Styles by column position (the Styler's "col<i>" classes), so that repeated column names work too.
    left = [{"selector": f"{cell}.col{position}", "props": [("text-align", "left")]}
            for position, dtype in enumerate(shown.dtypes)
            if dtype == object or isinstance(dtype, pd.StringDtype)
            for cell in ("td", "th.col_heading")]
    return (shown.style
            .set_caption(f"showing {rows} of {len(table):,} rows: the whole table is in the variable, "
                         "and in tables/ of the report")
            .set_table_styles([{"selector": "td", "props": [("max-width", CELL_MAX_WIDTH),
                                                            ("overflow-wrap", "break-word")]}, *left]))
