"""The corpus described plainly: articles and events on one date axis, and each article's length,
quoted share and readability, so that genre is not mistaken for outlet bias.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import textstat

from analysis.corpus.language import not_english_ids
from analysis.quotes import extract_quotes, spoken_quotes

__all__ = ["TIMELINE_COLUMNS", "DESCRIPTION_COLUMNS", "timeline", "describe_articles"]

TIMELINE_COLUMNS = ["date", "kind", "label", "article_id", "note"]
DESCRIPTION_COLUMNS = ["article_id", "outlet", "kind", "date", "n_words", "n_sentences", "n_paragraphs",
                       "words_per_sentence", "quoted_share", "flesch_reading_ease", "flesch_kincaid_grade"]


def timeline(corpus) -> pd.DataFrame:
    """Return the articles and the corpus's events on one date axis.

    Columns: date, kind ("article" or "event"), label (outlet and title, or the event), article_id
    (empty for events), note ("no date: not on the timeline" for undated articles).
    """
    rows = []
    for article in corpus.articles.itertuples(index=False):
        title = article.title if isinstance(article.title, str) else ""
        rows.append({"date": article.date, "kind": "article", "label": f"{article.outlet}: {title}".rstrip(": "),
                     "article_id": article.article_id,
                     "note": "" if pd.notna(article.date) else "no date: not on the timeline"})
    for event in corpus.events.itertuples(index=False):
        rows.append({"date": event.date, "kind": "event", "label": event.event, "article_id": "", "note": ""})
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    table["date"] = pd.to_datetime(table["date"])
    return table.sort_values(["date", "kind"], kind="stable", na_position="last").reset_index(drop=True)


def describe_articles(corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return plain descriptive numbers per article, so that genre is not mistaken for outlet bias.

    Columns: article_id, outlet, kind, date, n_words, n_sentences, n_paragraphs, words_per_sentence,
    quoted_share (share of words inside direct quotes; a term or title in quote marks, the kinds
    ``NOT_SPOKEN_KINDS``, is not one), flesch_reading_ease (higher = easier; 60-70
    is plain English) and flesch_kincaid_grade (US school grade), both from textstat; NaN (not
    applicable) for an article that is not mainly English, as the formulas count English syllables.
    """
    if quotes is None:
        quotes = extract_quotes(corpus)
    quotes = spoken_quotes(quotes)
    quoted = quotes.groupby("article_id")["n_words"].sum()
    sentences = corpus.sentences.groupby("article_id").size()
    paragraphs = corpus.paragraphs.groupby("article_id").size()
    foreign = not_english_ids(corpus.articles)
    english_texts = corpus.articles.loc[~corpus.articles["article_id"].isin(foreign), "text"]
    # Each distinct text is read once (wire copy runs the same text under several outlets).
    readability = {text: (textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text))
                   for text in english_texts.drop_duplicates()}
    rows = []
    for article in corpus.articles.itertuples(index=False):
        n_sentences = int(sentences.get(article.article_id, 0))
        ease, grade = (np.nan, np.nan) if article.article_id in foreign else readability[article.text]
        rows.append({"article_id": article.article_id, "outlet": article.outlet, "kind": article.kind,
                     "date": article.date, "n_words": article.n_words, "n_sentences": n_sentences,
                     "n_paragraphs": int(paragraphs.get(article.article_id, 0)),
                     "words_per_sentence": article.n_words / n_sentences if n_sentences else np.nan,
                     "quoted_share": quoted.get(article.article_id, 0) / article.n_words if article.n_words else np.nan,
                     "flesch_reading_ease": ease, "flesch_kincaid_grade": grade})
    return pd.DataFrame(rows, columns=DESCRIPTION_COLUMNS)
