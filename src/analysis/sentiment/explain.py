"""The words behind every sentiment score: which words each lexicon scored, and by how much."""

from __future__ import annotations

import pandas as pd
from textblob import TextBlob
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    SentimentIntensityAnalyzer,
    SentiText,
)

from analysis.corpus.load import load_corpus
from analysis.corpus.text import LETTER
from analysis.resources.lexicons import prepare_for_vader, textblob_lexicon, vader
from analysis.sentiment._vader_exact import polarity_scores as vader_polarity_scores

__all__ = ["EXPLAIN_COLUMNS", "explain", "head_word", "textblob_valence", "vader_word_valences", "word_contributions"]

EXPLAIN_COLUMNS = ["article_id", "sentence_id", "lexicon", "term", "valence", "lexicon_valence",
                   "contribution", "sentence_score"]


def head_word(chunk: list[str]) -> str:
    """Return the word a TextBlob assessment scores: its last word, skipping a trailing '!'."""
    letters = [word for word in chunk if LETTER.search(word)]
    return letters[-1] if letters else chunk[-1]


def textblob_valence(word: str) -> float:
    """Return a word's polarity in TextBlob's lexicon (its untagged sense first), NaN when unknown."""
    entry = textblob_lexicon().get(word)
    if not entry:
        return float("nan")
    return entry[None][0] if None in entry else next(iter(entry.values()))[0]


def vader_word_valences(text: str, analyzer: SentimentIntensityAnalyzer | None = None) -> list[tuple[str, float]]:
    """Return (word, valence in context) for each word VADER scores in the text.

    This runs VADER's own per-word steps (its lexicon, then its rules for negation, boosters and
    "but"), the same ones ``polarity_scores`` sums before it normalises the total to a compound.
    """
    analyzer = analyzer or vader()
    sentitext = SentiText(prepare_for_vader(text).strip())
    items = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for index, item in enumerate(items):
        if item.lower() in BOOSTER_DICT or (
                index < len(items) - 1 and item.lower() == "kind" and items[index + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, index, sentiments)
    sentiments = analyzer._but_check(items, sentiments)
    return [(item, float(value)) for item, value in zip(items, sentiments) if value]


def _textblob_rows(text: str) -> list[tuple[str, float, float, float]]:
    """Return (term, polarity in context, lexicon polarity, contribution) for TextBlob's assessments.

    TextBlob's polarity is the mean of its assessments, so each contributes its polarity divided by
    their number: the contributions add up to the score.
    """
    assessments = TextBlob(text).sentiment_assessments.assessments
    return [(" ".join(words_), float(polarity), float(textblob_valence(head_word(words_))),
             float(polarity) / len(assessments))
            for words_, polarity, _subjectivity, _label in assessments]


def explain(corpus_or_text, *, article_id: str | None = None, level: str = "sentence") -> pd.DataFrame:
    """Return the words and phrases behind each score, from both lexicons, one row per word.

    ``corpus_or_text`` is a Corpus (optionally narrowed to one ``article_id``) or a string.
    ``level="sentence"`` explains each sentence's scores; ``level="article"`` explains TextBlob's
    score of each whole article (VADER rows stay per sentence, as its article score is their mean).

    Columns: article_id, sentence_id (NaN for whole-article TextBlob rows), lexicon ("textblob" or
    "vader"), term (the word, with any negation or intensifier TextBlob applied: "not good"),
    valence (the term's score in context), lexicon_valence (the word's score in the lexicon, before
    negation and boosters), contribution (TextBlob: the term's share of the score, so a sentence's
    contributions add up to its polarity; VADER: the valence, which VADER sums and then normalises to
    the compound), sentence_score (the score being explained).
    """
    if level not in {"sentence", "article"}:
        raise ValueError("level must be 'sentence' or 'article'")
    if isinstance(corpus_or_text, str):
        corpus_or_text = load_corpus(pd.DataFrame({"article_id": ["text"], "text": [corpus_or_text]}))
    corpus = corpus_or_text
    sentences = corpus.sentences
    articles = corpus.articles
    if article_id is not None:
        if article_id not in set(articles["article_id"]):
            raise KeyError(f"No article '{article_id}' in the corpus; its ids are: {', '.join(articles['article_id'])}")
        sentences = sentences[sentences["article_id"] == article_id]
        articles = articles[articles["article_id"] == article_id]
    rows = []
    lexicon = vader().lexicon
    for sentence in sentences.itertuples(index=False):
        if level == "sentence":
            polarity = TextBlob(sentence.text).sentiment.polarity
            for term, valence, raw, contribution in _textblob_rows(sentence.text):
                rows.append((sentence.article_id, sentence.sentence_id, "textblob", term, valence, raw,
                             contribution, polarity))
        compound = vader_polarity_scores(prepare_for_vader(sentence.text), vader())["compound"]
        for term, valence in vader_word_valences(sentence.text):
            rows.append((sentence.article_id, sentence.sentence_id, "vader", term, valence,
                         float(lexicon.get(term.lower(), float("nan"))), valence, compound))
    if level == "article":
        for article in articles.itertuples(index=False):
            polarity = TextBlob(article.text).sentiment.polarity
            for term, valence, raw, contribution in _textblob_rows(article.text):
                rows.append((article.article_id, float("nan"), "textblob", term, valence, raw, contribution, polarity))
    table = pd.DataFrame(rows, columns=EXPLAIN_COLUMNS)
    return table.sort_values(["article_id", "lexicon", "sentence_id"], kind="stable", na_position="first") \
        .reset_index(drop=True)


def word_contributions(explanation: pd.DataFrame, *, lexicon: str = "vader", by: str = "article_id") -> pd.DataFrame:
    """Return each term's total contribution per ``by`` group, largest effect first.

    Columns: ``by``, term, contribution (summed), n (how many times the term counted).
    """
    chosen = explanation[explanation["lexicon"] == lexicon]
    table = (chosen.assign(term=chosen["term"].str.casefold())
             .groupby([by, "term"], sort=False)["contribution"].agg(contribution="sum", n="size").reset_index())
    order = table["contribution"].abs().sort_values(ascending=False, kind="stable").index
    return table.loc[order].reset_index(drop=True)
