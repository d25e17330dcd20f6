"""What notebook 06 found: alpha per frame between the coders and against the dictionary, and the
number of items each rests on."""

from __future__ import annotations

import pandas as pd

from analysis.findings.wording import Findings, counted, name_list, share

__all__ = ["ALPHA_GOOD", "ALPHA_TENTATIVE", "coding"]

# Krippendorff's usual bars: 0.8 for conclusions, 0.667 for tentative ones.
ALPHA_GOOD, ALPHA_TENTATIVE = 0.8, 0.667


def coding(codes: pd.DataFrame, by_frame: pd.DataFrame) -> Findings:
    """Return what notebook 06 found, from the codes read back (``reliability.read_coding_sheets``)
    and alpha per frame (``reliability.agreement(codes, by="frame")``): alpha per frame between the
    coders and against the dictionary, and the number of items each rests on."""
    coders = sorted(set(codes["coder"]))
    units, questions = codes["unit_id"].nunique(), codes["question_id"].nunique()
    lines = [(f"{counted(len(coders), 'coder')} ({name_list(coders)}) coded {counted(units, 'unit')} on "
              f"{counted(questions, 'question')}.")]
    between = by_frame[by_frame["comparison"] == "coders"].set_index("frame")
    if len(coders) < 2:
        lines.append("Alpha takes two coders or more: add a second coder's sheet.")
    else:
        lines.append("Alpha between the coders, per frame: " + ", ".join(
            f"{_frame(frame)} {_alpha(row.alpha, row.agreement)}" for frame, row in between.iterrows()) + ".")
        good = [_frame(frame) for frame in between.index[between["alpha"] >= ALPHA_GOOD]]
        weak = [_frame(frame) for frame in between.index[between["alpha"] < ALPHA_TENTATIVE]]
        lines.append(f"{counted(len(good), 'frame')} of {len(between)} reach {ALPHA_GOOD}"
                     + (f" ({name_list(good)})" if good else "") + f"; {len(weak):,} {'is' if len(weak) == 1 else 'are'} "
                     f"below {ALPHA_TENTATIVE}" + (f" ({name_list(weak)}): sharpen those questions." if weak else "."))
        with_dictionary = by_frame[by_frame["comparison"] == "coders and dictionary"].set_index("frame")["alpha"]
        change = (with_dictionary - between["alpha"]).dropna()
        if len(change):
            lowest = with_dictionary.dropna().idxmin()
            lines.append(f"With the dictionary as one more coder alpha falls on {int((change < 0).sum()):,} of "
                         f"{counted(len(change), 'frame')}; lowest: {_frame(lowest)} ({with_dictionary[lowest]:.2f}).")
    if len(between):
        items = int(between["n_items"].min())
        lines.append(f"Each frame's alpha rests on {items:,} items or more ({counted(units, 'unit')} × its questions)"
                     + (": with so few, one changed code moves it a lot." if items < 100 else "."))
    return Findings(lines)


def _frame(name: str) -> str:
    return str(name).replace("_", " ")


def _alpha(alpha: float, agreement: float) -> str:
    if pd.isna(alpha):
        return f"undefined (every code the same; agreement {share(agreement)})" if pd.notna(agreement) else "undefined"
    return f"{alpha:.2f}"
