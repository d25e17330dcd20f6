"""What the tables say, in words: the findings that end each notebook, and the one line a section
shows when the corpus lacks what it needs.

Every sentence here is made from the tables of the corpus in hand, so it holds for four articles
or for twenty thousand: it names at most a few outlets (``MAX_NAMED``), says how many articles or
sentences it rests on, and the list ends with a warning when the corpus is small
(``compare.FEW_ARTICLES`` articles or fewer). One function per notebook returns a ``Findings``:
a list of strings that a notebook shows as a bulleted list.

``ready(source, need)`` is how a section checks that the corpus has what it needs: it returns
True, or shows one line, "Skipped: " and what is missing and what to do, and returns False::

    if findings.ready(results, "quotes"):
        display(preview(results.quotes))
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from analysis import resources as resource_files
from analysis.compare import FEW_ARTICLES, MIN_DAYS_FOR_TIME, MIN_PER_PERIOD, group_means, over_time
from analysis.corpus.load import Corpus
from analysis.scale.results import REUSE_THRESHOLD, Analysis
from analysis.sentiment.core import NOT_ENGLISH

# A finding names at most this many outlets; the rest are counted, so a list stays short with a
# hundred outlets.
MAX_NAMED = 4
# A score within this distance of zero is "close to neutral": a tenth of the scale, less than one
# strongly scored word in a sentence of ten moves it.
NEAR_ZERO = 0.10
# A frame balance resting on fewer sentences than this can flip with one edited sentence or two.
FEW_SENTENCES = 10
# Two articles at least this alike (TF-IDF cosine) most likely carry one story, reused.
SAME_STORY = 0.5
# A distinctive term is notable at this z-score (two-sided 5%).
NOTABLE_Z = 1.96
# Krippendorff's usual bars: 0.8 for conclusions, 0.667 for tentative ones.
ALPHA_GOOD, ALPHA_TENTATIVE = 0.8, 0.667


class Findings(list):
    """A short list of findings, each a sentence (str), shown in a notebook as a bulleted list."""

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self)
        return f'<div class="tex2jax_ignore"><ul>{items}</ul></div>'

    def __repr__(self) -> str:
        return "\n".join(f"- {line}" for line in self)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


class Skipped:
    """The one line a section shows instead of its tables and charts: "Skipped: " and the reason."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def _repr_html_(self) -> str:
        return f'<p class="skipped tex2jax_ignore">Skipped: {html.escape(self.reason)}</p>'

    def __repr__(self) -> str:
        return f"Skipped: {self.reason}"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


# --- does the corpus have what a section needs? ---------------------------------------------------

NEEDS = {
    "articles": "two articles or more (an Analysis or Corpus)",
    "outlets": "two outlets or more (an Analysis or Corpus)",
    "similarity": "two articles (up to twenty) or two outlets (past twenty) (an Analysis or Corpus)",
    "dates": "an article with a date (an Analysis or Corpus)",
    "over_time": "enough dated articles for a chart over time (an Analysis or Corpus)",
    "quotes": "direct quotes (an Analysis)",
    "targets": "a list of targets (Resources)",
    "story_elements": "a list of story elements (Resources)",
    "coding_sheets": "filled coding sheets (Resources)",
    "pair": "two articles to align (a tuple: article_a, article_b)",
    "target_mentions": "a sentence that names a target (the table of sentiment.sentiment_by_target)",
}


def missing(source, need: str) -> str:
    """Return why ``source`` lacks what ``need`` names (see ``NEEDS``), and what to do; "" when it
    has it."""
    if need not in NEEDS:
        raise ValueError(f"No need '{need}'; the needs are: {', '.join(NEEDS)}")
    if need in resource_files.MISSING:
        _expect(source, resource_files.Resources, need)
        return "" if getattr(source, need) is not None else resource_files.MISSING[need]
    if need == "pair":
        _expect(source, tuple, need)
        return "" if len(source) == 2 and all(item is not None for item in source) else (
            f"no pair of articles to align: that takes two articles sharing wording (a TF-IDF cosine of "
            f"{REUSE_THRESHOLD} or more), or article_a and article_b set to two article ids in the parameters cell")
    if need == "target_mentions":
        _expect(source, pd.DataFrame, need)
        return "" if len(source) else ("no sentence names any of the targets: add the names and titles this "
                                       f"corpus uses for them to its {resource_files.TARGETS_NAME}")
    if need == "quotes":
        _expect(source, Analysis, need)
        return "" if len(source.quotes) else (
            f"no direct quote was found in the {_count(len(source.corpus.articles), 'article')} (a quote is a "
            "passage inside double quote marks): if the articles do quote people, check that their quote "
            "marks survived the scraping")
    _expect(source, (Analysis, Corpus), need)
    articles = (source.corpus if isinstance(source, Analysis) else source).articles
    if need == "similarity":
        need = "articles" if len(articles) <= FEW_ARTICLES else "outlets"
    if need == "articles":
        return "" if len(articles) >= 2 else (f"this corpus has {_count(len(articles), 'article')}: comparing "
                                              "articles takes two or more")
    if need == "outlets":
        outlets = articles["outlet"].dropna().unique()
        return "" if len(outlets) >= 2 else (
            f"every article is from one outlet ({outlets[0] if len(outlets) else 'none'}): comparing outlets "
            "takes two or more; give each article its outlet in the outlet column of articles.csv")
    dates = pd.to_datetime(articles["date"]).dropna()
    if need == "dates":
        return "" if len(dates) else ("no article has a date: give each article its date (YYYY-MM-DD) in the "
                                      "date column of articles.csv")
    days = (dates.max() - dates.min()).days if len(dates) else 0
    enough = over_time(articles.assign(value=1.0), "value", top=None)
    if len(enough):
        return ""
    return (f"a chart over time takes more than {FEW_ARTICLES} articles with a date, spanning {MIN_DAYS_FOR_TIME} "
            f"days or more, with {MIN_PER_PERIOD} articles of one outlet in a period; this corpus has "
            f"{_count(len(dates), 'dated article')}" + (f" spanning {_count(days, 'day')}" if len(dates) > 1 else "")
            + ": add the articles' dates (the date column of articles.csv), or more articles")


def _expect(source, kinds, need: str) -> None:
    if not isinstance(source, kinds):
        raise TypeError(f"'{need}' is checked on {NEEDS[need].split('(')[-1].rstrip(')')}, "
                        f"not on {type(source).__name__}")


def ready(source, need: str, *, brief: str | None = None) -> bool:
    """Return whether ``source`` has what ``need`` names (see ``NEEDS``); when it has not, show one
    line, "Skipped: " and why (``missing``), in the notebook (printed outside one). ``brief``: a
    shorter reason to show instead, for a section after the one that said it in full."""
    reason = missing(source, need)
    if reason:
        _show(Skipped(brief or reason))
    return not reason


def _show(item) -> None:
    from IPython.display import display

    display(item)  # outside IPython, display prints the item's text


# --- words and numbers ----------------------------------------------------------------------------


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _names(names: list[str], limit: int = MAX_NAMED) -> str:
    """Return "A, B and C", or "A, B, C, D and 5 more" past ``limit``."""
    names = [str(name) for name in names]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _signed(value: float) -> str:
    return f"{value:+.2f}"


def _share(value: float) -> str:
    return "under 1%" if 0 < value < 0.005 else f"{value:.0%}"


def _small_sample(n_articles: int, n_outlets: int) -> list[str]:
    if n_articles > FEW_ARTICLES:
        return []
    return [(f"Small sample: {_count(n_articles, 'article')} from {_count(n_outlets, 'outlet')}. These findings "
             "describe these texts, not the outlets' coverage in general: one article more or less can change "
             "any of them.")]


def _labels(table: pd.DataFrame) -> pd.Series:
    """Each article's outlet, with its article_id where an outlet has several articles."""
    repeated = table["outlet"].duplicated(keep=False)
    return pd.Series([f"{outlet} ({article_id})" if twice else str(outlet)
                      for outlet, article_id, twice in zip(table["outlet"], table["article_id"], repeated)],
                     index=table.index)


def _is_other(group) -> bool:
    return str(group).startswith("other (")


# --- 01 the corpus --------------------------------------------------------------------------------


def corpus_overview(results: Analysis) -> Findings:
    """Return what notebook 01 found: the corpus's size, dates, lengths, kinds of text, what the
    cleaning did, and which articles share their text."""
    corpus = results.corpus
    articles = corpus.articles
    n, n_outlets = len(articles), articles["outlet"].nunique()
    lines = []
    dates = pd.to_datetime(articles["date"]).dropna()
    when = (f"{len(dates):,} of them dated, from {dates.min():%d %b %Y} to {dates.max():%d %b %Y}" if len(dates)
            else "none of them dated, so nothing can be shown over time")
    lines.append(f"{_count(n, 'article')} from {_count(n_outlets, 'outlet')}; {when}.")
    sizes = articles["outlet"].value_counts()
    if n_outlets > 1 and sizes.iloc[0] > 1:
        lines.append(f"The largest outlet is {sizes.index[0]}, with {sizes.iloc[0]:,} of the {n:,} articles "
                     f"({_share(sizes.iloc[0] / n)}): a total over all articles is mostly its coverage.")
    lines += _lengths(articles)
    kinds = articles["kind"].replace("", np.nan).dropna().value_counts() if "kind" in articles else pd.Series()
    if len(kinds) > 1:
        listed = ", ".join(f"{kind} {count:,}" for kind, count in kinds.head(MAX_NAMED).items())
        lines.append(f"The corpus mixes kinds of text ({listed}): keep the kind apart from the outlet before "
                     "calling a difference an outlet's bias.")
    lines.append(_cleaning(corpus))
    if n > 1:
        lines.append(_reuse(results.reuse_pairs, articles))
    return Findings(lines + _small_sample(n, n_outlets))


def _lengths(articles: pd.DataFrame) -> list[str]:
    if len(articles) < 2:
        return [f"The article has {articles['n_words'].sum():,} words."] if len(articles) else []
    words = articles["n_words"]
    if len(articles) > FEW_ARTICLES:
        low, median, high = words.quantile([0.25, 0.5, 0.75])
        return [(f"Articles run from {words.min():,} to {words.max():,} words; half of them have between "
                 f"{low:,.0f} and {high:,.0f} (median {median:,.0f}): later notebooks compare shares, not counts.")]
    labels = _labels(articles)
    longest, shortest = words.idxmax(), words.idxmin()
    times = f", {words[longest] / words[shortest]:.1f} times as long" if words[shortest] else ""
    return [(f"The longest article is {labels[longest]} with {words[longest]:,} words, the shortest "
             f"{labels[shortest]} with {words[shortest]:,}{times}: later notebooks compare shares, not counts.")]


def _cleaning(corpus: Corpus) -> str:
    removed = corpus.removed
    changes = removed["change"] if "change" in removed else pd.Series("removed", index=removed.index)
    taken = removed[changes != "repaired"]
    repaired = int((changes == "repaired").sum())
    reasons = ", ".join(f"{reason} ×{count}" for reason, count in taken["reason"].value_counts().head(3).items())
    what = (f"The cleaning took out {_count(len(taken), 'line')} or parts of lines ({reasons})" if len(taken)
            else "The cleaning took nothing out")
    repairs = f" and made {_count(repaired, 'repair')}" if repaired else ""
    problems = (f"{len(corpus.problems):,} {'file or row' if len(corpus.problems) == 1 else 'files or rows'} had a "
                "problem (see corpus.problems)"
                if len(corpus.problems) else "every file loaded without a problem")
    return f"{what}{repairs}; {problems}."


def _reuse(pairs: pd.DataFrame, articles: pd.DataFrame) -> str:
    if pairs.empty:
        return f"No two articles share much vocabulary: no pair reaches a TF-IDF cosine of {REUSE_THRESHOLD}."
    labels = dict(zip(articles["article_id"], _labels(articles)))
    unique = pairs.assign(key=[tuple(sorted(pair)) for pair in zip(pairs["article_a"], pairs["article_b"])])
    unique = unique.drop_duplicates("key").sort_values("similarity", ascending=False)
    top = unique.iloc[0]
    alike = int((unique["similarity"] >= SAME_STORY).sum())
    named = f"{labels[top['article_a']]} and {labels[top['article_b']]} (TF-IDF cosine {top['similarity']:.2f})"
    if alike:
        return (f"{_count(alike, 'pair')} of articles {'is' if alike == 1 else 'are'} at least {SAME_STORY} alike, "
                "most likely one story reused; "
                f"the most alike: {named}. Notebook 04 compares such a pair sentence by sentence.")
    return f"No two articles are {SAME_STORY} alike or more; the most alike: {named}."


# --- 02 sentiment ---------------------------------------------------------------------------------

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
    left_out = (f"{not_english:,} of the {_count(n, 'article')} {'is' if one else 'are'} not in English and "
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
        lines.append(f"The lexicons know few of the words: TextBlob scores a median {_share(textblob)} of an article's "
                     f"words and VADER {_share(vader)}; every other word counts as neutral.")
    if watchlist_words is not None:
        lines += _watchlist(watchlist_words)
    if neutralised is not None and len(neutralised):
        lines.append(_neutralised(neutralised))
    if by_voice is not None:
        lines += _voices(by_voice)
    return Findings(lines + _small_sample(n, n_outlets))


def _extremes(scores: pd.DataFrame) -> list[str]:
    """The most negative and most positive outlet by each lexicon (articles, for one outlet)."""
    by_outlet = scores["outlet"].nunique() > 1
    lines, lowest = [], {}
    for column, lexicon in LEXICONS.items():
        if by_outlet:
            means = group_means(scores, column, top=None)
            means = means[[not _is_other(group) for group in means["outlet"]]].dropna(subset=["mean"])
            names = means["outlet"]
        else:
            means = scores.assign(mean=scores[column], n=1, low=np.nan, high=np.nan)
            names = _labels(scores)
        low, high = means["mean"].idxmin(), means["mean"].idxmax()
        lowest[lexicon] = names[low]
        bottom = "most negative" if means.at[low, "mean"] < 0 else "least positive"
        top = "most positive" if means.at[high, "mean"] > 0 else "least negative"
        line = (f"By {lexicon}, the {bottom} {'outlet' if by_outlet else 'article'} is {names[low]} "
                f"({_signed(means.at[low, 'mean'])}, {_resting(means, low, by_outlet)}) and the {top} "
                f"{names[high]} ({_signed(means.at[high, 'mean'])}, {_resting(means, high, by_outlet)})")
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
    return f"n={_count(int(means.at[row, 'n']), 'article')}" if by_outlet else "one article"


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
                           f"{_valence(row.textblob_valence)}; {_count(int(row.n_occurrences), 'time')} in "
                           f"{_count(int(row.n_articles), 'article')})" for row in top.itertuples())
        lines.append(f"The watch list's misleading words that weigh most in the scores (value × occurrences): "
                     f"{listed}.")
    blind = found[found["problem"] == "blind spot"]
    for column, lexicon in (("textblob_valence", "TextBlob"), ("vader_valence", "VADER")):
        unknown = blind.loc[blind[column].isna(), "term"].tolist()
        if unknown:
            lines.append(f"{lexicon} does not know {_names(unknown)}, words of the watch list's blind spots: "
                         f"{'it counts' if len(unknown) == 1 else 'they count'} as neutral.")
    return lines


def _valence(value: float) -> str:
    return "unknown" if pd.isna(value) else _signed(value)


def _neutralised(neutralised: pd.DataFrame) -> str:
    labels = _labels(neutralised)
    parts = []
    for column, lexicon in (("vader_change", "VADER"), ("textblob_change", "TextBlob")):
        changes = neutralised[column].dropna()
        if changes.empty or not changes.abs().max():
            parts.append(f"leaves {lexicon}'s scores as they are")
            continue
        largest = changes.abs().idxmax()
        parts.append(f"moves {lexicon}'s article scores by up to {_signed(changes[largest])} ({labels[largest]}; "
                     f"mean change {_signed(changes.mean())})")
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
             f"({_signed(both.at[widest, 'quoted'])} against narration {_signed(both.at[widest, 'narration'])}).")]


# --- 03 framing -----------------------------------------------------------------------------------


def framing(balance: pd.DataFrame, shares: pd.DataFrame, codebook) -> Findings:
    """Return what notebook 03 found, from the balance by outlet (``framing.frame_balance(...,
    by="outlet")``) and the frame shares per article (``framing.frame_shares``): which outlet leans
    to which frame and on how many sentences, and which frames are most used."""
    first, second = balance.attrs.get("frames", tuple(codebook.frames)[:2])
    label = {name: frame.label for name, frame in codebook.frames.items()}
    n, n_outlets = shares["article_id"].nunique(), shares["outlet"].nunique()
    lines = []
    named = balance[[not _is_other(group) for group in balance["outlet"]]]
    rows = named.dropna(subset=["balance"])
    if rows.empty:
        lines.append(f"No sentence carries {label[first]} or {label[second]}: the codebook's terms do not fit this "
                     "corpus; read the hits it finds and edit its terms.")
    else:
        lines += _leanings(rows, label[first], label[second])
        neither = named.loc[named["balance"].isna(), "outlet"].tolist()
        if neither:
            lines.append(f"{_names(neither)} {'has' if len(neither) == 1 else 'have'} no sentence with either frame.")
        thin = rows.loc[rows["balance_n"] < FEW_SENTENCES, "outlet"].tolist()
        if thin:
            lines.append(f"The balance of {_names(thin)} rests on fewer than {FEW_SENTENCES} sentences: one edited "
                         "sentence can move it a lot.")
    totals = shares.groupby("frame", sort=False)["n_sentences"].sum().sort_values(ascending=False, kind="stable")
    if totals.sum():
        listed = ", ".join(f"{label.get(frame, frame)} {count:,}" for frame, count in totals.items())
        lines.append(f"Sentences carrying each frame, over all articles: {listed} (a sentence with two frames counts "
                     "for both).")
    return Findings(lines + _small_sample(n, n_outlets))


def _leanings(rows: pd.DataFrame, first: str, second: str) -> list[str]:
    def lean(row) -> str:
        side = first if row.balance > 0 else second if row.balance < 0 else "neither side"
        articles = f", {_count(int(row.n_articles), 'article')}" if "n_articles" in rows else ""
        interval = (f", 95% interval {_signed(row.balance_low)} to {_signed(row.balance_high)}"
                    if pd.notna(getattr(row, "balance_low", np.nan)) else "")
        return (f"{row.outlet} leans to {side} (balance {_signed(row.balance)}{interval}, resting on "
                f"{_count(int(row.balance_n), 'sentence')}{articles})")

    if len(rows) <= MAX_NAMED:
        return [lean(row) + "." for row in rows.itertuples()]
    ordered = rows.sort_values("balance", kind="stable")
    to_first, to_second = int((rows["balance"] > 0).sum()), int((rows["balance"] < 0).sum())
    return [f"{to_first:,} of the {len(rows):,} outlets lean to {first}, {to_second:,} to {second}.",
            (f"Most to {first}: {lean(next(ordered.iloc[::-1].itertuples()))}; most to {second}: "
             f"{lean(next(ordered.itertuples()))}.")]


# --- 04 coverage differences ----------------------------------------------------------------------


def coverage(corpus: Corpus, *, pairs: pd.DataFrame | None = None, alignment: pd.DataFrame | None = None,
             aligned: tuple[str, str] | None = None, terms: pd.DataFrame | None = None,
             elements: pd.DataFrame | None = None) -> Findings:
    """Return what notebook 04 found: the most alike pair (``coverage.most_alike``), what the
    alignment of the ``aligned`` pair (article_a, article_b) kept, cut, added and reworded
    (``coverage.align``), which terms reach z 1.96 (``coverage.distinctive_terms``) and which story
    elements the articles tell (``coverage.element_coverage``). Leave out what was skipped."""
    articles = corpus.articles
    labels = dict(zip(articles["article_id"], _labels(articles)))
    lines = []
    if pairs is not None and len(pairs):
        top = pairs.iloc[0]
        line = (f"The most alike pair is {labels[top['article_a']]} and {labels[top['article_b']]}: TF-IDF cosine "
                f"{top['similarity']:.2f}, sharing {_share(top['shared_sequences'])} of their five-word sequences")
        if len(pairs) > 1:
            line += f"; the next pair reaches {pairs.iloc[1]['similarity']:.2f}"
        if top["similarity"] < REUSE_THRESHOLD:
            line += (f". Below {REUSE_THRESHOLD}, two articles tell their stories in their own words: an alignment "
                     "shows different texts, not an edit")
        lines.append(line + ".")
    if alignment is not None and aligned is not None:
        lines.append(_alignment(alignment, labels[aligned[0]], labels[aligned[1]]))
    if terms is not None:
        lines.append(_terms(terms))
    if elements is not None and len(elements):
        lines.append(_elements(elements))
    return Findings(lines + _small_sample(len(articles), articles["outlet"].nunique()))


def _alignment(alignment: pd.DataFrame, a_name: str, b_name: str) -> str:
    sentences = alignment[alignment["unit"] == "sentence"]
    count = sentences["status"].value_counts()
    from_a = sum(int(count.get(status, 0)) for status in ("kept", "reworded", "cut"))
    line = (f"From {a_name} to {b_name}: of {a_name}'s {_count(from_a, 'sentence')}, {count.get('kept', 0):,} kept, "
            f"{count.get('reworded', 0):,} reworded and {count.get('cut', 0):,} cut; {count.get('added', 0):,} "
            "added")
    edits = alignment["edits"].fillna("")
    details = [(edits.str.count("honorific added").sum(), "honorific", "added"),
               (edits.str.count("spelling:").sum(), "spelling change", "")]
    more = [f"{_count(int(number), noun)} {verb}".strip() for number, noun, verb in details if number]
    captions = alignment.loc[alignment["unit"] == "caption", "status"].value_counts()
    if len(captions):
        more.append("photo captions: " + ", ".join(f"{number} {status}" for status, number in captions.items()))
    return line + (f"; {'; '.join(more)}." if more else ".")


def _terms(terms: pd.DataFrame) -> str:
    if terms.empty:
        return "No term is distinctive of any outlet (no word occurs often enough)."
    notable = terms[terms["z"] >= NOTABLE_Z]
    if notable.empty:
        highest = terms.loc[terms["z"].idxmax()]
        return (f"No term reaches z {NOTABLE_Z} in any outlet (the highest: '{highest['term']}', "
                f"z {highest['z']:.2f}): these texts cannot show an outlet's vocabulary.")
    group_of = notable.iloc[:, 0]  # the grouping column, "outlet" by default
    groups = list(dict.fromkeys(group_of))
    shown = groups[:MAX_NAMED - 1] if len(groups) > MAX_NAMED - 1 else groups
    listed = "; ".join(f"{group}: " + ", ".join(f"'{term}'" for term in notable.loc[group_of == group, "term"].head(3))
                       for group in shown)
    more = f"; and {_count(len(groups) - len(shown), 'more outlet')}" if len(groups) > len(shown) else ""
    stable = int(notable["stable"].sum())
    return (f"{_count(len(notable), 'term')} {'reaches' if len(notable) == 1 else 'reach'} z {NOTABLE_Z} "
            f"({listed}{more}); {stable:,} of them {'stays' if stable == 1 else 'stay'} distinctive when the sentences "
            "are resampled.")


def _elements(elements: pd.DataFrame) -> str:
    told = elements.groupby("label", sort=False)["present"].mean().sort_values(ascending=False, kind="stable")
    n = elements["article_id"].nunique()
    everywhere, nowhere = told.index[told == 1].tolist(), told.index[told == 0].tolist()
    line = (f"Of {_count(len(told), 'story element')}, {len(everywhere):,} {'is' if len(everywhere) == 1 else 'are'} "
            f"in every one of the {_count(n, 'article')} and {len(nowhere):,} in none")
    between = told[(told > 0) & (told < 1)]
    if len(between):
        line += (f"; the most told of the rest: {between.index[0]} ({_share(between.iloc[0])} of the articles), the "
                 f"least: {between.index[-1]} ({_share(between.iloc[-1])})")
    return line + "."


# --- 05 who speaks --------------------------------------------------------------------------------

UNATTRIBUTED = "(unattributed)"  # the speaker of quotes.sources_by_outlet for a quote no rule attributed


def who_speaks(sources: pd.DataFrame, quotes: pd.DataFrame | None = None) -> Findings:
    """Return what notebook 05 found, from the voices of each outlet (``quotes.sources_by_outlet``)
    and the quotes: who holds the most quoted words in each outlet, how much is the writer's own,
    and how many speakers rest on the weakest attribution rule."""
    by = sources.columns[0]
    outlets = sources.drop_duplicates(by)
    n_articles = int(outlets["n_articles"].sum())
    quoted = sources[sources["voice"] == "quoted"]
    if quoted.empty:
        return Findings([(f"No direct quote was found in the {_count(n_articles, 'article')}: who speaks cannot be "
                          "measured here.")] + _small_sample(n_articles, len(outlets)))
    lines = []
    order = outlets.sort_values("n_articles", ascending=False, kind="stable")[by]
    named = [group for group in order if not _is_other(group)][:MAX_NAMED]
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
                     f"{_count(int(top['n_quotes']), 'quote')}, {_share(top['n_words'] / own['n_words'].sum())} of its "
                     f"quoted words and {_share(top['share_of_words'])} of all its words "
                     f"({_count(int(top['n_articles']), 'article')}).")
    if len(order) > len(named):
        lines.append(f"{_count(len(order) - len(named), 'more outlet')} not named here: see the table.")
    own_words = sources[sources["voice"] == "journalist"].set_index(by)["share_of_words"].dropna()
    if len(own_words) > 1:
        lines.append(f"The writer's own words are between {_share(own_words.min())} ({own_words.idxmin()}) and "
                     f"{_share(own_words.max())} ({own_words.idxmax()}) of an outlet's words.")
    elif len(own_words):
        lines.append(f"The writer's own words are {_share(own_words.iloc[0])} of the outlet's words.")
    attributed = quoted[quoted["speaker"] != UNATTRIBUTED]
    overall = (attributed.groupby("speaker")[["n_words"]].sum()
               .join(attributed.groupby("speaker")[by].nunique().rename("groups")))
    if len(outlets) > 1 and len(overall):
        leader = overall["n_words"].idxmax()
        lines.append(f"Across the corpus, {leader} holds the most quoted words ({overall.at[leader, 'n_words']:,}, in "
                     f"{_count(int(overall.at[leader, 'groups']), 'outlet')}).")
    if quotes is not None and len(quotes):
        weakest = int((quotes["attribution"] == "previous speaker").sum())
        unattributed = int((quotes["speaker"].fillna("") == "").sum())
        lines.append(f"Of {_count(len(quotes), 'quote')}, {weakest:,} {'was' if weakest == 1 else 'were'} attributed "
                     f"only by the weakest rule (the previous speaker) and {unattributed:,} to no one: check those by "
                     "hand.")
    return Findings(lines + _small_sample(n_articles, len(outlets)))


# --- 06 coding ------------------------------------------------------------------------------------


def coding(codes: pd.DataFrame, by_frame: pd.DataFrame) -> Findings:
    """Return what notebook 06 found, from the codes read back (``reliability.read_coding_sheets``)
    and alpha per frame (``reliability.agreement(codes, by="frame")``): alpha per frame between the
    coders and against the dictionary, and the number of items each rests on."""
    coders = sorted(set(codes["coder"]))
    units, questions = codes["unit_id"].nunique(), codes["question_id"].nunique()
    lines = [(f"{_count(len(coders), 'coder')} ({_names(coders)}) coded {_count(units, 'unit')} on "
              f"{_count(questions, 'question')}.")]
    between = by_frame[by_frame["comparison"] == "coders"].set_index("frame")
    if len(coders) < 2:
        lines.append("Alpha takes two coders or more: add a second coder's sheet.")
    else:
        lines.append("Alpha between the coders, per frame: " + ", ".join(
            f"{_frame(frame)} {_alpha(row.alpha, row.agreement)}" for frame, row in between.iterrows()) + ".")
        good = [_frame(frame) for frame in between.index[between["alpha"] >= ALPHA_GOOD]]
        weak = [_frame(frame) for frame in between.index[between["alpha"] < ALPHA_TENTATIVE]]
        lines.append(f"{_count(len(good), 'frame')} of {len(between)} reach {ALPHA_GOOD}"
                     + (f" ({_names(good)})" if good else "") + f"; {len(weak):,} {'is' if len(weak) == 1 else 'are'} "
                     f"below {ALPHA_TENTATIVE}" + (f" ({_names(weak)}): sharpen those questions." if weak else "."))
        with_dictionary = by_frame[by_frame["comparison"] == "coders and dictionary"].set_index("frame")["alpha"]
        change = (with_dictionary - between["alpha"]).dropna()
        if len(change):
            lowest = with_dictionary.dropna().idxmin()
            lines.append(f"With the dictionary as one more coder alpha falls on {int((change < 0).sum()):,} of "
                         f"{_count(len(change), 'frame')}; lowest: {_frame(lowest)} ({with_dictionary[lowest]:.2f}).")
    if len(between):
        items = int(between["n_items"].min())
        lines.append(f"Each frame's alpha rests on {items:,} items or more ({_count(units, 'unit')} × its questions)"
                     + (": with so few, one changed code moves it a lot." if items < 100 else "."))
    return Findings(lines)


def _frame(name: str) -> str:
    return str(name).replace("_", " ")


def _alpha(alpha: float, agreement: float) -> str:
    if pd.isna(alpha):
        return f"undefined (every code the same; agreement {_share(agreement)})" if pd.notna(agreement) else "undefined"
    return f"{alpha:.2f}"

