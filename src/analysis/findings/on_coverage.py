"""What notebook 04 found: the most alike pair, what an edit kept, cut, added and reworded, the terms
that set outlets apart, and the story elements the articles tell."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus
from analysis.findings.wording import MAX_NAMED, Findings, article_labels, counted, share, small_sample
from analysis.scale.results import REUSE_THRESHOLD

__all__ = ["NOTABLE_Z", "coverage"]

# A distinctive term is notable at this z-score (two-sided 5%).
NOTABLE_Z = 1.96


def coverage(corpus: Corpus, *, pairs: pd.DataFrame | None = None, alignment: pd.DataFrame | None = None,
             aligned: tuple[str, str] | None = None, terms: pd.DataFrame | None = None,
             elements: pd.DataFrame | None = None) -> Findings:
    """Return what notebook 04 found: the most alike pair (``coverage.most_alike``), what the
    alignment of the ``aligned`` pair (article_a, article_b) kept, cut, added and reworded
    (``coverage.align``), which terms reach z 1.96 (``coverage.distinctive_terms``) and which story
    elements the articles tell (``coverage.element_coverage``). Leave out what was skipped."""
    articles = corpus.articles
    labels = dict(zip(articles["article_id"], article_labels(articles)))
    lines = []
    if pairs is not None and len(pairs):
        top = pairs.iloc[0]
        line = (f"The most alike pair is {labels[top['article_a']]} and {labels[top['article_b']]}: TF-IDF cosine "
                f"{top['similarity']:.2f}, sharing {share(top['shared_sequences'])} of their five-word sequences")
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
    return Findings(lines + small_sample(len(articles), articles["outlet"].nunique()))


def _alignment(alignment: pd.DataFrame, a_name: str, b_name: str) -> str:
    sentences = alignment[alignment["unit"] == "sentence"]
    count = sentences["status"].value_counts()
    from_a = int(sentences["a_sentence_id"].dropna().nunique())  # a sentence split in two has two rows
    changes = [f"{count.get('kept', 0):,} kept", f"{count.get('reworded', 0):,} reworded"]
    changes += [f"{int(count[status]):,} {status}" for status in ("moved", "merged", "split") if count.get(status, 0)]
    line = (f"From {a_name} to {b_name}: of {a_name}'s {counted(from_a, 'sentence')}, {', '.join(changes)} and "
            f"{count.get('cut', 0):,} cut; {count.get('added', 0):,} added")
    edits = sentences["edits"].fillna("")
    details = [(edits.str.count("honorific added").sum(), "honorific", "added"),
               (edits.str.count("spelling:").sum(), "spelling change", "")]
    more = [f"{counted(int(number), noun)} {verb}".strip() for number, noun, verb in details if number]
    for unit, name in (("caption", "photo captions"), ("furniture", "credits and page furniture (not edits)")):
        statuses = alignment.loc[alignment["unit"] == unit, "status"].value_counts()
        if len(statuses):
            more.append(f"{name}: " + ", ".join(f"{number} {status}" for status, number in statuses.items()))
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
    more = f"; and {counted(len(groups) - len(shown), 'more outlet')}" if len(groups) > len(shown) else ""
    stable = int(notable["stable"].sum())
    return (f"{counted(len(notable), 'term')} {'reaches' if len(notable) == 1 else 'reach'} z {NOTABLE_Z} "
            f"({listed}{more}); {stable:,} of them {'stays' if stable == 1 else 'stay'} distinctive when the sentences "
            "are resampled.")


def _elements(elements: pd.DataFrame) -> str:
    told = elements.groupby("label", sort=False)["present"].mean().sort_values(ascending=False, kind="stable")
    n = elements["article_id"].nunique()
    everywhere, nowhere = told.index[told == 1].tolist(), told.index[told == 0].tolist()
    line = (f"Of {counted(len(told), 'story element')}, {len(everywhere):,} {'is' if len(everywhere) == 1 else 'are'} "
            f"in every one of the {counted(n, 'article')} and {len(nowhere):,} in none")
    between = told[(told > 0) & (told < 1)]
    if len(between):
        line += (f"; the most told of the rest: {between.index[0]} ({share(between.iloc[0])} of the articles), the "
                 f"least: {between.index[-1]} ({share(between.iloc[-1])})")
    return line + "."
