"""How well the quotes found match quotes a person marked by hand (a gold table).

A gold quote is found when a quote of the same article starts with its first words (each quote
found matches one gold quote at most); speakers are compared by ``name_key``, so "Kim Jong-un" and
"Kim Jong Un" are the same speaker.
"""

from __future__ import annotations

import pandas as pd

from analysis.quotes.names import name_key

__all__ = ["GOLD_COLUMNS", "score_against_gold"]

# A gold table: the article, the first words of the quote, who says it and its kind.
GOLD_COLUMNS = ["article_id", "quote_begins", "speaker", "kind"]


def score_against_gold(quotes: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Return precision, recall, speaker accuracy and kind accuracy of ``quotes`` (as
    ``extract_quotes`` returns them) against ``gold`` (``GOLD_COLUMNS``), with the counts behind them:
    keys gold, found, matched, precision, recall, speaker_accuracy, kind_accuracy."""
    quotes = quotes.reset_index(drop=True)
    matched, right_speaker, right_kind = set(), 0, 0
    for row in gold.itertuples():
        candidates = quotes[(quotes["article_id"] == row.article_id) & quotes["quote"].str.startswith(row.quote_begins)
                            & ~quotes.index.isin(matched)]
        if candidates.empty:
            continue
        found = candidates.index[0]
        matched.add(found)
        right_speaker += name_key(quotes.at[found, "speaker"]) == name_key(row.speaker)
        right_kind += quotes.at[found, "kind"] == row.kind
    return {
        "gold": len(gold), "found": len(quotes), "matched": len(matched),
        "precision": len(matched) / len(quotes) if len(quotes) else 0.0,
        "recall": len(matched) / len(gold) if len(gold) else 0.0,
        "speaker_accuracy": right_speaker / len(matched) if matched else 0.0,
        "kind_accuracy": right_kind / len(matched) if matched else 0.0,
    }
