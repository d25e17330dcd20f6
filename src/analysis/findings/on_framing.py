"""What notebook 03 found: which outlet leans to which frame, on how many sentences, and which frames
are most used."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.findings.wording import MAX_NAMED, Findings, counted, is_other, name_list, signed, small_sample

__all__ = ["FEW_SENTENCES", "framing"]

# A frame balance resting on fewer sentences than this can flip with one edited sentence or two.
FEW_SENTENCES = 10


def framing(balance: pd.DataFrame, shares: pd.DataFrame, codebook) -> Findings:
    """Return what notebook 03 found, from the balance by outlet (``framing.frame_balance(...,
    by="outlet")``) and the frame shares per article (``framing.frame_shares``): which outlet leans
    to which frame and on how many sentences, and which frames are most used."""
    first, second = balance.attrs.get("frames", tuple(codebook.frames)[:2])
    label = {name: frame.label for name, frame in codebook.frames.items()}
    n, n_outlets = shares["article_id"].nunique(), shares["outlet"].nunique()
    lines = []
    named = balance[[not is_other(group) for group in balance["outlet"]]]
    rows = named.dropna(subset=["balance"])
    if rows.empty:
        lines.append(f"No sentence carries {label[first]} or {label[second]}: the codebook's terms do not fit this "
                     "corpus; read the hits it finds and edit its terms.")
    else:
        lines += _leanings(rows, label[first], label[second])
        neither = named.loc[named["balance"].isna(), "outlet"].tolist()
        if neither:
            lines.append(f"{name_list(neither)} {'has' if len(neither) == 1 else 'have'} no sentence with either frame.")
        thin = rows.loc[rows["balance_n"] < FEW_SENTENCES, "outlet"].tolist()
        if thin:
            lines.append(f"The balance of {name_list(thin)} rests on fewer than {FEW_SENTENCES} sentences: one edited "
                         "sentence can move it a lot.")
    totals = shares.groupby("frame", sort=False)["n_sentences"].sum().sort_values(ascending=False, kind="stable")
    if totals.sum():
        listed = ", ".join(f"{label.get(frame, frame)} {count:,}" for frame, count in totals.items())
        lines.append(f"Sentences carrying each frame, over all articles: {listed} (a sentence with two frames counts "
                     "for both).")
    return Findings(lines + small_sample(n, n_outlets))


def _leanings(rows: pd.DataFrame, first: str, second: str) -> list[str]:
    def lean(row) -> str:
        side = first if row.balance > 0 else second if row.balance < 0 else "neither side"
        articles = f", {counted(int(row.n_articles), 'article')}" if "n_articles" in rows else ""
        interval = (f", 95% interval {signed(row.balance_low)} to {signed(row.balance_high)}"
                    if pd.notna(getattr(row, "balance_low", np.nan)) else "")
        return (f"{row.outlet} leans to {side} (balance {signed(row.balance)}{interval}, resting on "
                f"{counted(int(row.balance_n), 'sentence')}{articles})")

    if len(rows) <= MAX_NAMED:
        return [lean(row) + "." for row in rows.itertuples()]
    ordered = rows.sort_values("balance", kind="stable")
    to_first, to_second = int((rows["balance"] > 0).sum()), int((rows["balance"] < 0).sum())
    return [f"{to_first:,} of the {len(rows):,} outlets lean to {first}, {to_second:,} to {second}.",
            (f"Most to {first}: {lean(next(ordered.iloc[::-1].itertuples()))}; most to {second}: "
             f"{lean(next(ordered.itertuples()))}.")]
