"""How a notebook shows a long table: its first rows, saying how many there are in all."""

from __future__ import annotations

import pandas as pd

PREVIEW_ROWS = 20


def preview(table: pd.DataFrame, rows: int = PREVIEW_ROWS):
    """Return the table as it is when it is short; else its first ``rows`` rows, captioned
    "showing 20 of N rows" (the whole table is still the variable, and in the report's tables/)."""
    if len(table) <= rows:
        return table
    return table.head(rows).style.set_caption(
        f"showing {rows} of {len(table):,} rows: the whole table is in the variable, and in tables/ of the report")
