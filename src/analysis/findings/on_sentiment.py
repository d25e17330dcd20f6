"""What notebook 02 found: which outlet is most negative by each lexicon, whether the lexicons agree,
how few words they know, which watch-list words weigh most, and the tone by voice."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.compare import group_means
from analysis.findings.wording import Findings, article_labels, is_other, name_list, counted, share, signed, small_sample
from analysis.sentiment import NOT_ENGLISH

__all__ = ["NEAR_ZERO", "LEXICONS", "VADER_SCALE", "sentiment"]

# A score within this distance of zero is "close to neutral": a tenth of the scale, less than one
# strongly scored word in a sentence of ten moves it.
NEAR_ZERO = 0.10
LEXICONS = {"vader_compound": "VADER", "textblob_polarity": "TextBlob"}
VADER_SCALE = 4.0  # VADER's word valences run from -4 to +4


def sentiment(article_scores: pd.DataFrame, *, neutralised: pd.DataFrame | None = None,
              watchlist_words: pd.DataFrame | None = None, by_voice: pd.DataFrame | None = None) -> Findings:
    """Return what notebook 02 found, from the article scores (``Analysis.article_scores``, with
    outlets as the charts group them), and optionally the neutralised scores, the watch-list words
    found (``sentiment.domain_warnings``) and the tone by voice (``sentiment.sentiment_by_voice``):
    which outlet (or article, in a corpus of one outlet) is most negative by each lexicon, whether
    the lexicons agree in sign, how few words they know, which watch-list words weigh most."""
    scores = article_scores.dropna(subset=list(LEXICONS))
    n, n_outlets = len(article_scores), article_scores["outlet"].nunique()
    not_english = int((article_scores["score_note"] == NOT_ENGLISH).sum()) if "score_note" in article_scores else 0
    one = not_english == 1
    left_out = (f"{not_english:,} of the {counted(n, 'article')} {'is' if one else 'are'} not in English and "
                f"{'has' if one else 'have'} no score: the lexicons are English-only")
    if scores.empty:
        return Findings([left_out + "." if not_english else "No article has letters to score."])
    lines = ([f"{left_out}; the figures below rest on the other {len(scores):,}."] if not_english else []) \
        + _extremes(scores)
    opposite = int((np.sign(scores["vader_compound"]) * np.sign(scores["textblob_polarity"]) < 0).sum())
    lines.append(f"TextBlob and VADER give opposite signs to {opposite:,} of the {len(scores):,} articles"
                 + (": where they disagree, neither verdict is robust." if opposite else "."))
    near = int((scores[list(LEXICONS)].abs() < NEAR_ZERO).all(axis=1).sum())
    which = ("Every article scores" if near == len(scores)
             else f"{near:,} of the {len(scores):,} articles {'scores' if near == 1 else 'score'}")
    lines.append(f"{which} within ±{NEAR_ZERO:.2f} of zero on both lexicons: close to neutral, on a scale from -1 "
                 "to +1.")
    if {"textblob_coverage", "vader_coverage"} <= set(scores.columns):
        textblob, vader = scores["textblob_coverage"].median(), scores["vader_coverage"].median()
        lines.append(f"The lexicons know few of the words: TextBlob scores a median {share(textblob)} of an article's "
                     f"words and VADER {share(vader)}; every other word counts as neutral.")
    if watchlist_words is not None:
        lines += _watchlist(watchlist_words)
    if neutralised is not None and len(neutralised):
        lines.append(_neutralised(neutralised))
    if by_voice is not None:
        lines += _voices(by_voice)
    return Findings(lines + small_sample(n, n_outlets))


def _extremes(scores: pd.DataFrame) -> list[str]:
    """The most negative and most positive outlet by each lexicon (articles, for one outlet)."""
    by_outlet = scores["outlet"].nunique() > 1
    lines, lowest = [], {}
    for column, lexicon in LEXICONS.items():
        if by_outlet:
            means = group_means(scores, column, top=None)
            means = means[[not is_other(group) for group in means["outlet"]]].dropna(subset=["mean"])
            names = means["outlet"]
        else:
            means = scores.assign(mean=scores[column], n=1, low=np.nan, high=np.nan)
            names = article_labels(scores)
        low, high = means["mean"].idxmin(), means["mean"].idxmax()
        lowest[lexicon] = names[low]
        bottom = "most negative" if means.at[low, "mean"] < 0 else "least positive"
        top = "most positive" if means.at[high, "mean"] > 0 else "least negative"
        line = (f"By {lexicon}, the {bottom} {'outlet' if by_outlet else 'article'} is {names[low]} "
                f"({signed(means.at[low, 'mean'])}, {_resting(means, low, by_outlet)}) and the {top} "
                f"{names[high]} ({signed(means.at[high, 'mean'])}, {_resting(means, high, by_outlet)})")
        if by_outlet and means.at[low, "high"] >= means.at[high, "low"]:
            line += ": their 95% intervals overlap, so the difference may be chance"
        lines.append(line + ".")
    if len(scores) > 1:
        same = lowest["VADER"] == lowest["TextBlob"]
        lines.append(f"The two lexicons {'agree' if same else 'disagree'} on which "
                     f"{'outlet' if by_outlet else 'article'} scores lowest"
                     + ("." if same else ": lexicon sentiment does not rank them robustly."))
    return lines


def _resting(means: pd.DataFrame, row, by_outlet: bool) -> str:
    return f"n={counted(int(means.at[row, 'n']), 'article')}" if by_outlet else "one article"


def _watchlist(found: pd.DataFrame) -> list[str]:
    lines = []
    misleading = found[found["problem"] == "misleading"]
    if misleading.empty:
        lines.append("None of the watch list's misleading words occurs in this corpus.")
    else:
        # Each lexicon's value as a share of its scale (VADER's words run from -4 to +4, TextBlob's
        # from -1 to +1), times the word's occurrences.
        scaled = pd.concat([misleading["vader_valence"].abs() / VADER_SCALE, misleading["textblob_valence"].abs()],
                           axis=1)
        weight = misleading["n_occurrences"] * scaled.max(axis=1).fillna(0)
        top = misleading.assign(weight=weight).sort_values("weight", ascending=False, kind="stable").head(3)
        listed = "; ".join(f"{row.term} (VADER {_valence(row.vader_valence)}, TextBlob "
                           f"{_valence(row.textblob_valence)}; {counted(int(row.n_occurrences), 'time')} in "
                           f"{counted(int(row.n_articles), 'article')})" for row in top.itertuples())
        lines.append(f"The watch list's misleading words that weigh most in the scores (value × occurrences): "
                     f"{listed}.")
    blind = found[found["problem"] == "blind spot"]
    for column, lexicon in (("textblob_valence", "TextBlob"), ("vader_valence", "VADER")):
        unknown = blind.loc[blind[column].isna(), "term"].tolist()
        if unknown:
            lines.append(f"{lexicon} does not know {name_list(unknown)}, words of the watch list's blind spots: "
                         f"{'it counts' if len(unknown) == 1 else 'they count'} as neutral.")
    return lines


def _valence(value: float) -> str:
    return "unknown" if pd.isna(value) else signed(value)


def _neutralised(neutralised: pd.DataFrame) -> str:
    labels = article_labels(neutralised)
    parts = []
    for column, lexicon in (("vader_change", "VADER"), ("textblob_change", "TextBlob")):
        changes = neutralised[column].dropna()
        if changes.empty or not changes.abs().max():
            parts.append(f"leaves {lexicon}'s scores as they are")
            continue
        largest = changes.abs().idxmax()
        parts.append(f"moves {lexicon}'s article scores by up to {signed(changes[largest])} ({labels[largest]}; "
                     f"mean change {signed(changes.mean())})")
    flipped = int((np.sign(neutralised["vader_compound"]) != np.sign(neutralised["vader_neutralised"])).sum())
    return (f"Neutralising the misleading words {parts[0]} and {parts[1]}; VADER's sign changes for "
            f"{flipped:,} of the {len(neutralised):,} articles.")


def _voices(by_voice: pd.DataFrame) -> list[str]:
    table = by_voice.pivot_table(index=by_voice.columns[0], columns="voice", values="vader_compound", sort=False)
    if "quoted" not in table or "narration" not in table:
        return []
    both = table.dropna(subset=["quoted", "narration"])
    if both.empty:
        return []
    darker = both[both["quoted"] < both["narration"]]
    gaps = (both["quoted"] - both["narration"]).abs().sort_values(ascending=False)
    widest = gaps.index[0]
    direction = "more negative" if both.at[widest, "quoted"] < both.at[widest, "narration"] else "more positive"
    return [(f"Quoted speech is more negative than the narration in {len(darker):,} of the {len(both):,} outlets "
             f"that quote anyone (VADER means); the widest gap: {widest}, where the quotes are {direction} "
             f"({signed(both.at[widest, 'quoted'])} against narration {signed(both.at[widest, 'narration'])}).")]
