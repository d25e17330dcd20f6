"""Sentiment near targets: the sentences that name a person or body, and their mean scores."""

from __future__ import annotations

import re

import pandas as pd

from analysis.resources.dictionaries import load_targets
from analysis.sentiment.scores import score_sentences

__all__ = ["MENTION_COLUMNS", "sentiment_by_target", "target_mentions"]

MENTION_COLUMNS = ["article_id", "sentence_id", "target", "matched"]


def _target_patterns(targets: dict[str, list[str]]) -> dict[str, re.Pattern]:
    patterns = {}
    for target, aliases in targets.items():
        parts = []
        for alias in sorted(set(aliases), key=len, reverse=True):
            escaped = re.escape(alias).replace("\\ ", r"\s+").replace("'", "['’]")
            parts.append(escaped if any(c.isupper() for c in alias) else f"(?i:{escaped})")
        patterns[target] = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
    return patterns


def target_mentions(corpus, targets: str | dict | None = None) -> pd.DataFrame:
    """Return one row per sentence and target it mentions: article_id, sentence_id, target, matched."""
    if targets is None or not isinstance(targets, dict):
        targets = load_targets(targets)
    targets = {name: list(dict.fromkeys([name, *aliases])) for name, aliases in targets.items()}
    patterns = _target_patterns(targets)
    rows = []
    for sentence in corpus.sentences.itertuples(index=False):
        for target, pattern in patterns.items():
            match = pattern.search(sentence.text)
            if match:
                rows.append((sentence.article_id, sentence.sentence_id, target, match.group(0)))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def sentiment_by_target(corpus, sentence_scores: pd.DataFrame | None = None, targets=None, *,
                        by: str = "outlet") -> pd.DataFrame:
    """Return mean sentence scores per ``by`` group and target, over the sentences that mention it.

    Targets and the words that name them come from ``targets``: a path (a corpus's own
    ``targets.yml``; default: the bundled corpus's) or a dict ``{target: [aliases]}``. Columns:
    ``by``, target, n_sentences, textblob_polarity, vader_compound. A sentence naming two targets
    counts for both: sentence sentiment is not sentiment toward a target, only sentiment near it.
    """
    if sentence_scores is None:
        sentence_scores = score_sentences(corpus)
    mentions = target_mentions(corpus, targets)
    groups = corpus.articles[list(dict.fromkeys(["article_id", by]))]  # article_id once, even when by is it
    joined = mentions.merge(sentence_scores, on=["article_id", "sentence_id"]).merge(groups, on="article_id")
    return (joined.groupby([by, "target"], sort=False)
            .agg(n_sentences=("sentence_id", "size"), textblob_polarity=("textblob_polarity", "mean"),
                 vader_compound=("vader_compound", "mean"))
            .reset_index())
