"""The words that set each group of articles apart from the rest: the weighted log-odds ratio with an
informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), with intervals from resampling.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from analysis.corpus.text import casefolded_words

__all__ = ["SMALL_GROUP_WORDS", "SMALL_GROUP_ARTICLES", "log_odds_dirichlet", "distinctive_terms"]

# Below this many words or articles, a group's distinctive terms describe its few texts rather than
# its language in general, and the table says so.
SMALL_GROUP_WORDS = 5000
SMALL_GROUP_ARTICLES = 5


def log_odds_dirichlet(counts_group: np.ndarray, counts_rest: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (delta, z): the weighted log-odds ratio of each word, group against rest, with an
    informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, equations 22 and 24).

    delta = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a));
    var(delta) ~ 1 / (y_i + a) + 1 / (y_j + a); z = delta / sqrt(var).
    """
    counts_group = np.asarray(counts_group, dtype=float)
    counts_rest = np.asarray(counts_rest, dtype=float)
    prior = np.asarray(prior, dtype=float)
    a0 = prior.sum()
    n_group, n_rest = counts_group.sum(), counts_rest.sum()
    delta = (np.log((counts_group + prior) / (n_group + a0 - counts_group - prior))
             - np.log((counts_rest + prior) / (n_rest + a0 - counts_rest - prior)))
    variance = 1 / (counts_group + prior) + 1 / (counts_rest + prior)
    return delta, delta / np.sqrt(variance)


def distinctive_terms(corpus, by: str = "outlet", *, top: int = 15, min_count: int = 2,
                      ngram_range: tuple[int, int] = (1, 1), prior_size: float | None = None,
                      resamples: int = 200, seed: int = 0, stop_words: bool = True) -> pd.DataFrame:
    """Return the words (or phrases) that set each group of articles apart from the rest.

    Each group is compared with all other articles by the weighted log-odds ratio with an
    informative Dirichlet prior (Monroe, Colaresi and Quinn 2008); the prior is the whole corpus's
    word counts, scaled to ``prior_size`` words (default: the corpus size). Uncertainty comes from
    resampling each side's sentences ``resamples`` times (seeded, so results repeat). With
    ``stop_words=True`` the terms made only of scikit-learn's English stop words ("the", "will") are
    not listed (they are still counted in the totals).

    Columns: ``by``, term, count_group, count_rest, log_odds, z, log_odds_low and log_odds_high (the
    5th and 95th percentiles over the resamples), stable (log_odds_low > 0: the term stays
    distinctive when the sentences are resampled), warning (why the scores mean little for a small
    group; empty when the group is large). ``top`` terms per group, highest z first.
    """
    columns = [by, "term", "count_group", "count_rest", "log_odds", "z", "log_odds_low", "log_odds_high",
               "stable", "warning"]
    groups = list(dict.fromkeys(corpus.articles[by]))
    if len(groups) < 2:
        warnings.warn(f"distinctive_terms needs at least two groups in '{by}'; this corpus has {len(groups)}",
                      stacklevel=2)
        return pd.DataFrame(columns=columns)
    sentences = corpus.sentences.merge(corpus.articles[list(dict.fromkeys(["article_id", by]))], on="article_id")
    vectorizer = CountVectorizer(analyzer="word", tokenizer=casefolded_words, preprocessor=None, lowercase=False,
                                 token_pattern=None, ngram_range=ngram_range)
    # Each distinct sentence is counted once (wire copy repeats them) and its row given to every copy.
    codes, distinct = pd.factorize(sentences["text"], use_na_sentinel=False)
    matrix = vectorizer.fit_transform(distinct).tocsr()[codes]
    vocabulary = np.array(vectorizer.get_feature_names_out())
    totals = np.asarray(matrix.sum(axis=0)).ravel()
    prior = totals if prior_size is None else totals / totals.sum() * prior_size
    keep = totals >= min_count
    if stop_words:
        keep &= np.array([not all(word in ENGLISH_STOP_WORDS for word in term.split()) for term in vocabulary])
    rng = np.random.default_rng(seed)
    labels = sentences[by].to_numpy()
    rows = []
    for group in groups:
        inside = np.flatnonzero(labels == group)
        outside = np.flatnonzero(labels != group)
        counts_group = np.asarray(matrix[inside].sum(axis=0)).ravel()
        counts_rest = np.asarray(matrix[outside].sum(axis=0)).ravel()
        delta, z = log_odds_dirichlet(counts_group, counts_rest, prior)
        candidates = np.flatnonzero(keep & (counts_group > 0))
        chosen = candidates[np.argsort(-z[candidates], kind="stable")][:top]
        draws = []
        group_terms, rest_terms = matrix[inside].T.tocsr(), matrix[outside].T.tocsr()  # sliced once, not per resample
        for _ in range(resamples):
            weights_group = np.bincount(rng.integers(0, len(inside), len(inside)), minlength=len(inside))
            weights_rest = np.bincount(rng.integers(0, len(outside), len(outside)), minlength=len(outside))
            resampled_group = np.asarray(group_terms @ weights_group).ravel()
            resampled_rest = np.asarray(rest_terms @ weights_rest).ravel()
            draws.append(log_odds_dirichlet(resampled_group, resampled_rest, prior)[0][chosen])
        low, high = (np.percentile(np.array(draws), [5, 95], axis=0) if draws
                     else (np.full(len(chosen), np.nan), np.full(len(chosen), np.nan)))
        n_words = int(counts_group.sum())
        n_articles = int(corpus.articles[by].eq(group).sum())
        warning = ""
        if n_words < SMALL_GROUP_WORDS or n_articles < SMALL_GROUP_ARTICLES:
            warning = (f"small sample: {n_words} words in {n_articles} article(s); these terms describe these texts, "
                       "not the outlet's language in general")
        for position, index in enumerate(chosen):
            rows.append({by: group, "term": vocabulary[index], "count_group": int(counts_group[index]),
                         "count_rest": int(counts_rest[index]), "log_odds": float(delta[index]), "z": float(z[index]),
                         "log_odds_low": float(low[position]), "log_odds_high": float(high[position]),
                         "stable": bool(low[position] > 0), "warning": warning})
    return pd.DataFrame(rows, columns=columns)
