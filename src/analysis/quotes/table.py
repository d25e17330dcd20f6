"""The quotes table of a corpus, and who holds the words of each outlet.

``extract_quotes(corpus)`` reads each distinct text once (wire copy runs the same text in several
outlets): first every text's runs of capitalised words (``names``), then which of them the corpus
shows to be people (``people``), then each text's quotes and their speakers (``speakers``); the rows
are broadcast back to every article that carries the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.corpus import codes
from analysis.quotes.names import alias_map, canonical_speakers, name_runs
from analysis.quotes.people import People, corpus_people, person_evidence, scan_people
from analysis.quotes.speakers import (article_quotes, read_article, read_wording, sentences_by_article)

__all__ = ["QUOTE_COLUMNS", "NOT_SPOKEN_KINDS", "MARKS_LOST_SHARE", "extract_quotes", "spoken_quotes", "sources_by_outlet",
           "quote_marks_lost"]

QUOTE_COLUMNS = ["article_id", "quote", "speaker", "speaker_mention", "attribution", "start", "end",
                 "paragraph_id", "sentence_id", "kind", "n_words", "doubt"]
# The kinds of quote that are perhaps nobody's words: a short phrase that nothing attributes (a scare
# quote or coined term) and a phrase written as a title (a programme, book, slogan or nickname).
NOT_SPOKEN_KINDS = ("term", "title")


def extract_quotes(corpus, *, aliases: str | Path | None = None) -> pd.DataFrame:
    """Return one row per direct quote, with its speaker.

    Columns: article_id; quote (the words inside the marks; a quote over several paragraphs is
    joined with spaces); speaker (canonical name, or the source as written for organisations and
    unnamed sources; empty when nothing attributes it); speaker_mention (the words that attribute
    it, e.g. "he", "Mr Ji", "North Korea's U.N. mission"); attribution (which rule found the
    speaker); start, end (offsets into the article's text, inside the marks); paragraph_id and
    sentence_id (where the quote starts); kind ("full" sentence, "partial" phrase, "term": a phrase of
    at most three words that nothing attributes, perhaps a scare quote, a title or a coined term,
    "title": a phrase of two to eight words written as a title, "Meet the Press.", "Make America
    Great Again", more often a programme, book, slogan or nickname than anyone's words, or
    "doubtful" for a closing mark without an opening one; keep ``spoken_quotes(quotes)`` before
    counting who speaks); n_words;
    doubt (why the span is doubtful, e.g. an unbalanced quote mark; empty when it is not).
    """
    aliases_by_key = alias_map(Path(aliases) if aliases else None)
    texts = dict(zip(corpus.articles["article_id"].tolist(), corpus.articles["text"].tolist()))
    paragraphs_by_article: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in zip(corpus.paragraphs["article_id"].tolist(), corpus.paragraphs["start"].tolist(),
                                      corpus.paragraphs["end"].tolist()):
        paragraphs_by_article.setdefault(article_id, []).append((int(start), int(end)))
    sentences = sentences_by_article(corpus.sentences)

    # Each distinct text is read by the article that carries it first.
    first_article: dict[str, str] = {}
    for article_id, text in texts.items():
        first_article.setdefault(text, article_id)
    people, everyone = _people(first_article, texts.values())
    readings = {text: read_article(text, paragraphs_by_article.get(article_id, []), sentences.get(article_id))
                for text, article_id in first_article.items()}
    wording = read_wording([reading for reading in readings.values() if reading is not None])
    quotes_of = {text: article_quotes(reading, wording, people[text], everyone) for text, reading in readings.items()}
    rows = [{"article_id": article_id, **row} for article_id, text in texts.items() for row in quotes_of[text]]
    quotes = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return canonical_speakers(quotes, aliases_by_key)


def _people(distinct_texts: Iterable[str], texts: Iterable[str]) -> tuple[dict[str, People], People]:
    """Return what each distinct text says about people, and what the corpus (``texts``, one per
    article) says. The runs of names they are read from, a great many, are plain tuples that the
    garbage collector does not follow, and are let go on return: nothing after needs them."""
    runs = name_runs(distinct_texts)
    known_tokens: set[str] = set()
    for text, text_runs in runs.items():
        known_tokens |= person_evidence(text, text_runs)
    people = {text: scan_people(text_runs, known_tokens) for text, text_runs in runs.items()}
    everyone = corpus_people(people[text] for text in texts)
    # scan_people adds each of these from the article that shows it to be a person's: said here, not relied on.
    everyone.person_tokens |= known_tokens
    return people, everyone


def spoken_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return the quotes that are someone's words: without the kinds ``NOT_SPOKEN_KINDS`` (a term,
    a title, a slogan or a nickname in quote marks, which count as the journalist's words); all of
    them for a table without a ``kind`` column."""
    return quotes[~quotes["kind"].isin(NOT_SPOKEN_KINDS)] if "kind" in quotes else quotes


def sources_by_outlet(quotes: pd.DataFrame, corpus, *, by: str = "outlet") -> pd.DataFrame:
    """Return who holds the words of each outlet (or other ``by`` column of the articles table).

    One row per group and voice: the journalist's own words, then each quoted speaker. Quotes of the
    kinds ``NOT_SPOKEN_KINDS`` ("term": a short phrase that nothing attributes; "title": a phrase
    written as a title, slogan or name) count as the journalist's words.
    Columns: ``by`` (outlet), speaker ("(journalist)" for the writer's own voice), voice
    ("journalist" or "quoted"), n_quotes, n_words (words in that voice), share_of_words (of the
    group's words: the shares of a group add up to 1), n_articles.
    """
    columns = [by, "speaker", "voice", "n_quotes", "n_words", "share_of_words", "n_articles"]
    if corpus.articles.empty:  # no group, so no words to share out (and empty text columns do not divide)
        return pd.DataFrame(columns=columns).astype({"n_quotes": int, "n_words": int, "share_of_words": float,
                                                     "n_articles": int})
    groups = corpus.articles[list(dict.fromkeys(["article_id", by]))]
    totals = corpus.articles.groupby(by, sort=False).agg(total_words=("n_words", "sum"),
                                                         n_articles=("article_id", "size"))
    quotes = spoken_quotes(quotes)  # a scare quote, coined term or title is the writer's word, not a source's
    quoted = quotes[["article_id", "speaker", "quote", "n_words"]].merge(groups, on="article_id", how="inner")
    quoted = quoted.assign(speaker=quoted["speaker"].replace("", "(unattributed)"))
    speakers = quoted.groupby([by, "speaker"], sort=False).agg(n_quotes=("quote", "size"),
                                                               n_words=("n_words", "sum")).reset_index()
    speakers["voice"] = "quoted"
    journalist = totals.reset_index()[[by, "total_words"]].rename(columns={"total_words": "n_words"})
    journalist["n_words"] -= journalist[by].map(speakers.groupby(by)["n_words"].sum()).fillna(0).astype(int)
    journalist = journalist.assign(speaker="(journalist)", voice="journalist", n_quotes=0)
    table = pd.concat([journalist, speakers], ignore_index=True)
    table["share_of_words"] = table["n_words"] / table[by].map(totals["total_words"]).replace(0, pd.NA)
    table["share_of_words"] = table["share_of_words"].astype(float)
    table["n_articles"] = table[by].map(totals["n_articles"]).astype(int)
    order = {name: position for position, name in enumerate(totals.index)}
    table = table.sort_values([by, "voice", "n_words"], key=lambda column: column.map(order) if column.name == by
                              else (column.map({"journalist": 0, "quoted": 1}) if column.name == "voice" else -column))
    return table[columns].reset_index(drop=True)


# A group (outlet) is said to have lost its quote marks, in charts and findings, when at least this
# share of its articles lost them.
MARKS_LOST_SHARE = 0.2


def quote_marks_lost(corpus, *, by: str = "outlet") -> pd.DataFrame:
    """Return, for each group (outlet) of the corpus, how many of its articles seem to have lost their
    quote marks in scraping (``corpus.problems`` rows of code ``quote_marks_lost``: apostrophes put
    back, no double quote mark left), where no quote can be found.

    Columns: ``by``, n_articles, n_marks_lost, share_marks_lost; groups in order of first appearance.
    """
    articles = corpus.articles
    problems = corpus.problems
    lost_sources = set(problems.loc[problems["code"] == codes.QUOTE_MARKS_LOST, "source"]) if len(problems) else set()
    lost = articles["source_file"].isin(lost_sources) if "source_file" in articles else \
        pd.Series(False, index=articles.index)
    table = (articles.assign(n_marks_lost=lost.astype(int)).groupby(by, sort=False)
             .agg(n_articles=("article_id", "size"), n_marks_lost=("n_marks_lost", "sum")).reset_index())
    table["share_marks_lost"] = table["n_marks_lost"] / table["n_articles"]
    return table
