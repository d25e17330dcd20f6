"""Charts of ``analysis.reliability``'s tables: how far the coders agree, frame by frame."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from analysis.plots._common import new_axes
from analysis.plots.style import SPEAKER_COLOURS

__all__ = ["agreement"]


def agreement(table: pd.DataFrame, ax: Axes | None = None, *,
              comparisons: tuple[str, ...] = ("coders", "coders and dictionary")) -> Axes:
    """Draw Krippendorff's alpha per frame for the chosen comparisons, from
    ``reliability.agreement(codes, by="frame")``, with the usual 0.667 and 0.8 bars."""
    chosen = table[table["comparison"].isin(comparisons)]
    frames = list(dict.fromkeys(chosen["frame"]))[::-1]
    ax = new_axes(ax, (9, 0.75 * max(len(frames), 2) + 1.8))
    height = 0.8 / max(len(comparisons), 1)
    for index, comparison in enumerate(comparisons):
        rows = chosen[chosen["comparison"] == comparison].set_index("frame").reindex(frames)
        positions = [p + (index - (len(comparisons) - 1) / 2) * height for p in range(len(frames))]
        values = rows["alpha"]
        bars = ax.barh(positions, values.fillna(0), height=height, color=SPEAKER_COLOURS[index], label=comparison)
        ax.bar_label(bars, labels=["undefined: all codes alike" if pd.isna(v) else f"{v:.2f}" for v in values],
                     padding=3, fontsize=8)
    for bar, label in ((0.667, "0.667"), (0.8, "0.8")):
        ax.axvline(bar, color="#888888", linestyle="--", linewidth=1)
        ax.text(bar, len(frames) - 0.4, f" {label}", fontsize=8, color="#555555")
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_yticks(range(len(frames)), [str(frame).replace("_", " ").capitalize() for frame in frames])
    ax.set_xlim(min(-0.3, float(chosen["alpha"].min()) - 0.1) if chosen["alpha"].notna().any() else -0.3, 1.35)
    ax.set_xlabel("Krippendorff's alpha (1 = perfect agreement, 0 = chance)")
    ax.set_ylabel("Frame")
    ax.set_title("How far do the coders agree, frame by frame?", fontsize=14)
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return ax
