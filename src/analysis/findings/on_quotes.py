"""What notebook 05 found: who holds the most quoted words in each outlet, how much is the writer's
own, and how many quotes rest on the weakest attribution rule."""

from __future__ import annotations

import pandas as pd

from analysis.findings.wording import MAX_NAMED, Findings, counted, is_other, share, small_sample
from analysis.quotes.speakers import GUESS_RULES
from analysis.quotes.table import MARKS_LOST_SHARE

__all__ = ["UNATTRIBUTED", "who_speaks"]

UNATTRIBUTED = "(unattributed)"  # the speaker of quotes.sources_by_outlet for a quote no rule attributed


def who_speaks(sources: pd.DataFrame, quotes: pd.DataFrame | None = None,
               marks_lost: pd.DataFrame | None = None) -> Findings:
    """Return what notebook 05 found, from the voices of each outlet (``quotes.sources_by_outlet``)
    and the quotes: who holds the most quoted words in each outlet, how much is the writer's own,
    how many speakers rest on the weakest attribution rule, and (from ``quotes.quote_marks_lost``)
    which outlets' articles lost their quote marks in scraping, so that their quotes cannot be found."""
    by = sources.columns[0]
    lost_lines = _marks_lost_lines(marks_lost, by) if marks_lost is not None else []
    outlets = sources.drop_duplicates(by)
    n_articles = int(outlets["n_articles"].sum())
    quoted = sources[sources["voice"] == "quoted"]
    if quoted.empty:
        return Findings([(f"No direct quote was found in the {counted(n_articles, 'article')}: who speaks cannot be "
                          "measured here.")] + lost_lines + small_sample(n_articles, len(outlets)))
    lines = []
    order = outlets.sort_values("n_articles", ascending=False, kind="stable")[by]
    named = [group for group in order if not is_other(group)][:MAX_NAMED]
    for group in named:
        own = quoted[quoted[by] == group]
        attributed = own[own["speaker"] != UNATTRIBUTED]
        if own.empty:
            lines.append(f"{group} quotes no one directly.")
            continue
        if attributed.empty:
            lines.append(f"In {group}, no quote has a speaker the rules could find ({own['n_words'].sum():,} quoted "
                         "words): read them in the table.")
            continue
        top = attributed.sort_values("n_words", ascending=False, kind="stable").iloc[0]
        lines.append(f"In {group}, {top['speaker']} holds the most quoted words: {top['n_words']:,} words in "
                     f"{counted(int(top['n_quotes']), 'quote')}, {share(top['n_words'] / own['n_words'].sum())} of its "
                     f"quoted words and {share(top['share_of_words'])} of all its words "
                     f"({counted(int(top['n_articles']), 'article')}).")
    if len(order) > len(named):
        lines.append(f"{counted(len(order) - len(named), 'more outlet')} not named here: see the table.")
    own_words = sources[sources["voice"] == "journalist"].set_index(by)["share_of_words"].dropna()
    if len(own_words) > 1:
        lines.append(f"The writer's own words are between {share(own_words.min())} ({own_words.idxmin()}) and "
                     f"{share(own_words.max())} ({own_words.idxmax()}) of an outlet's words.")
    elif len(own_words):
        lines.append(f"The writer's own words are {share(own_words.iloc[0])} of the outlet's words.")
    attributed = quoted[quoted["speaker"] != UNATTRIBUTED]
    overall = (attributed.groupby("speaker")[["n_words"]].sum()
               .join(attributed.groupby("speaker")[by].nunique().rename("groups")))
    if len(outlets) > 1 and len(overall):
        leader = overall["n_words"].idxmax()
        lines.append(f"Across the corpus, {leader} holds the most quoted words ({overall.at[leader, 'n_words']:,}, in "
                     f"{counted(int(overall.at[leader, 'groups']), 'outlet')}).")
    if quotes is not None and len(quotes):
        weakest = int(quotes["attribution"].isin(GUESS_RULES).sum())  # speakers that are guesses: check by hand
        unattributed = int((quotes["speaker"].fillna("") == "").sum())
        lines.append(f"Of {counted(len(quotes), 'quote')}, {weakest:,} {'was' if weakest == 1 else 'were'} attributed "
                     f"only by the weakest rules (the previous speaker, or the person named last) and {unattributed:,} "
                     "to no one: check those by hand.")
    return Findings(lines + lost_lines + small_sample(n_articles, len(outlets)))


def _marks_lost_lines(marks_lost: pd.DataFrame, by: str) -> list[str]:
    """The warning for the groups whose articles lost their quote marks (``quotes.quote_marks_lost``)."""
    total = int(marks_lost["n_marks_lost"].sum())
    if not total:
        return []
    named = marks_lost[marks_lost["share_marks_lost"] >= MARKS_LOST_SHARE]
    named = named.sort_values("n_articles", ascending=False, kind="stable").head(MAX_NAMED)
    groups = "; ".join(f"{row[by]}: {row['n_marks_lost']:,} of {counted(int(row['n_articles']), 'article')}"
                       for _, row in named.iterrows())
    where = f" ({groups})" if groups else ""
    return [f"{counted(total, 'article')} seem to have lost {'its' if total == 1 else 'their'} quote marks in "
            f"scraping{where}: apostrophes were lost and put back, and no double quote mark is left, so no quote can "
            "be found in them and the writer's own share of their words is overstated (corpus.problems, code "
            "quote_marks_lost)."]
