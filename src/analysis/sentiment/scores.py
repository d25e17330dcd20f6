"""Sentence and article scores with TextBlob and VADER side by side.

Both lexicons were built for other text than news: TextBlob's from product reviews, VADER's from
social media. They miss much of the language of human-rights reporting ("executed", "tortured"
score 0 in TextBlob) and misread words that news uses as plain description ("defector" is -1.9 in
VADER). ``domain_warnings`` shows these effects on a corpus; ``explain`` shows the words behind
every score.

TextBlob scores the text exactly as it is (``TextBlob(text).sentiment``), so any score can be
checked by hand. VADER gets the text with curly quote marks and apostrophes made straight
(``prepare_for_vader``): VADER does not see a word that touches a curly quote mark, and its
negation rule does not see "isn’t". TextBlob's PatternAnalyzer needs no downloaded data; its
NaiveBayes analyser does and is never used.

Wire copy repeats sentences across outlets: each table's distinct texts are scored once and the
scores broadcast back to its rows.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.corpus.language import not_english_ids
from analysis.corpus.text import LETTER, line_words
from analysis.resources.lexicons import known_words, prepare_for_vader, vader
from analysis.sentiment._article_scores import CACHE_SIZE, textblob_sentiment
from analysis.sentiment._vader_exact import polarity_scores as vader_polarity_scores

__all__ = [
    "ARTICLE_SCORE_COLUMNS",
    "NOT_ENGLISH",
    "NO_LETTERS",
    "SENTENCE_SCORE_COLUMNS",
    "lexicon_coverage",
    "score_articles",
    "score_sentences",
    "score_text",
    "score_texts",
    "sentence_spans",
    "textblob_scores",
    "vader_scores",
]

SENTENCE_SCORE_COLUMNS = ["textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos",
                          "vader_neu", "vader_neg", "score_note"]
ARTICLE_SCORE_COLUMNS = ["article_id", "outlet", "textblob_polarity", "textblob_subjectivity", "vader_compound",
                         "n_sentences_scored", "textblob_coverage", "vader_coverage", "score_note"]
NO_LETTERS = "no letters to score"
# The lexicons are English: on another language they know no word and every score is 0.0, which
# would read as "neutral". Such articles (``analysis.corpus.language``) get NaN scores with this note.
NOT_ENGLISH = "not English: the lexicons are English-only"

_NOT_SCORED = (float("nan"),) * (len(SENTENCE_SCORE_COLUMNS) - 1) + (NO_LETTERS,)


def score_text(text: str) -> dict[str, object]:
    """Return both lexicons' scores of one text, or NaN scores with a note when it has no letters."""
    return dict(zip(SENTENCE_SCORE_COLUMNS, _scores_of([text or ""])[0]))


def score_texts(texts) -> pd.DataFrame:
    """Return both lexicons' scores of each text, one row per text in order (the columns of
    ``SENTENCE_SCORE_COLUMNS``, as ``score_text`` gives them); each distinct text is scored once."""
    codes, distinct = pd.factorize(pd.Series(["" if text is None else text for text in texts], dtype=object))
    return pd.DataFrame(_scores_of(list(distinct)), columns=SENTENCE_SCORE_COLUMNS).take(codes).reset_index(drop=True)


def _scores_of(texts: list[str]) -> list[tuple]:
    """Both lexicons' scores of each text (distinct texts), in the order of ``SENTENCE_SCORE_COLUMNS``."""
    scored = [text for text in texts if LETTER.search(text)]
    found = {text: (score.polarity, score.subjectivity, *vader_scores(text), "")
             for text, score in zip(scored, textblob_sentiment(scored))}
    return [found.get(text, _NOT_SCORED) for text in texts]


# Remembered across calls, like TextBlob's reading of a sentence (``_article_scores._piece``):
# score_sentences, score_articles and neutralised_scores each need the compound of every sentence.
# Without it, on 400 real articles, neutralised_scores after score_sentences took 2.9-3.4 s instead
# of 1.0-1.4 s, and score_sentences called again 2.7-3.1 s instead of 0.6-0.8 s (the same tables).
# Within one call each distinct sentence is scored once by design (``score_texts``).
@lru_cache(maxsize=CACHE_SIZE)
def vader_scores(text: str) -> tuple[float, float, float, float]:
    """Return VADER's compound, pos, neu and neg of a text, its quote marks made straight."""
    scores = vader_polarity_scores(prepare_for_vader(text), vader())
    return scores["compound"], scores["pos"], scores["neu"], scores["neg"]


def score_sentences(corpus) -> pd.DataFrame:
    """Return the sentences table with both lexicons' scores.

    Columns: article_id, paragraph_id, sentence_id, text, start, end, textblob_polarity (-1..1),
    textblob_subjectivity (0..1), vader_compound (-1..1), vader_pos, vader_neu, vader_neg
    (shares of the text), score_note (why a score is NaN: "no letters to score", or "not English: the
    lexicons are English-only" for the sentences of an article that is not mainly English; else empty).
    """
    table = pd.concat([corpus.sentences.reset_index(drop=True), score_texts(corpus.sentences["text"])], axis=1)
    return _not_applicable(table, not_english_ids(corpus.articles), SENTENCE_SCORE_COLUMNS[:-1])


def _not_applicable(table: pd.DataFrame, article_ids: set, columns: list[str]) -> pd.DataFrame:
    """Return the table with ``columns`` NaN and the score_note ``NOT_ENGLISH`` in the rows of ``article_ids``."""
    if article_ids:
        rows = table["article_id"].isin(article_ids)
        table.loc[rows, columns] = float("nan")
        table.loc[rows, "score_note"] = NOT_ENGLISH
    return table


def lexicon_coverage(text: str) -> tuple[float, float]:
    """Return the shares of the text's words that TextBlob's and VADER's lexicons know (NaN: no words)."""
    return _coverages([text])[0]


def _coverages(texts: list[str]) -> list[tuple[float, float]]:
    """``lexicon_coverage`` of each text, each distinct line counted once: a word never spans a line
    break, so a text's counts are the sums of its lines' (wire copy repeats whole paragraphs)."""
    lines = [text.split("\n") for text in texts]
    codes, distinct = pd.factorize(np.asarray([line for each in lines for line in each], dtype=object).reshape(-1))
    textblob_known, vader_known = known_words()
    counts = []
    for line in distinct:
        tokens = line_words(line)  # the words of the line as VADER gets it (quote marks straight), casefolded
        counts.append((len(tokens), sum(map(textblob_known.__contains__, tokens)),
                       sum(map(vader_known.__contains__, tokens))))
    shares, position = [], 0
    for each in lines:
        total = known_textblob = known_vader = 0
        for code in codes[position:position + len(each)]:
            total, known_textblob, known_vader = (total + counts[code][0], known_textblob + counts[code][1],
                                                  known_vader + counts[code][2])
        position += len(each)
        shares.append((known_textblob / total, known_vader / total) if total else (float("nan"), float("nan")))
    return shares


def textblob_scores(text: str, sentences=None) -> tuple[float, float]:
    """Return TextBlob's (polarity, subjectivity) of a text, ``TextBlob(text).sentiment``; NaN
    for a text without letters. Put together from its sentences' ((start, end) offsets) or its
    paragraphs' scores when that gives the same floats (see ``analysis.sentiment._article_scores``),
    else read whole."""
    if not LETTER.search(text or ""):
        return float("nan"), float("nan")
    [score] = textblob_sentiment([text], None if sentences is None else [sentences])
    return score.polarity, score.subjectivity


def sentence_spans(corpus) -> dict[str, list[tuple[int, int]]]:
    """Return {article_id: its sentences' (start, end) offsets, in order}."""
    spans: dict[str, list[tuple[int, int]]] = {}
    sentences = corpus.sentences
    for article_id, start, end in zip(*(sentences[column].tolist() for column in ("article_id", "start", "end"))):
        spans.setdefault(article_id, []).append((start, end))
    return spans


def score_articles(corpus, sentence_scores: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per article with both lexicons' scores.

    Columns: article_id, outlet, textblob_polarity and textblob_subjectivity (TextBlob's own score
    of the whole cleaned text, ``TextBlob(text).sentiment``), vader_compound (the mean of the
    sentence compounds: VADER's compound saturates towards -1 or +1 on long texts, so it is not
    applied to a whole article), n_sentences_scored, textblob_coverage and vader_coverage (the share
    of the article's words each lexicon knows: a low share means most words count as neutral),
    score_note (why a score is NaN: "no letters to score", or "not English: the lexicons are
    English-only", where every score and coverage is NaN and n_sentences_scored 0).
    """
    articles, sentences = corpus.articles, corpus.sentences
    if sentence_scores is None:  # only the compounds count here (those of other languages are blanked below)
        codes, distinct = pd.factorize(sentences["text"].astype(object))
        compounds = [vader_scores(text)[0] if LETTER.search(text) else float("nan") for text in distinct]
        sentence_scores = pd.DataFrame({"article_id": sentences["article_id"].to_numpy(),
                                        "vader_compound": np.asarray(compounds, dtype=float)[codes]})
    vader_means = sentence_scores.groupby("article_id")["vader_compound"].agg(["mean", "count"])
    spans = sentence_spans(corpus)
    ids, texts = articles["article_id"].tolist(), articles["text"].tolist()
    foreign = not_english_ids(articles)
    english = [i for i, article_id in enumerate(ids) if article_id not in foreign]
    has_letters = [bool(LETTER.search(text or "")) for text in texts]
    scored = [i for i in english if has_letters[i]]
    polarity, subjectivity = [float("nan")] * len(ids), [float("nan")] * len(ids)
    textblob = textblob_sentiment([texts[i] for i in scored], [spans.get(ids[i], []) for i in scored])
    for i, score in zip(scored, textblob):
        polarity[i], subjectivity[i] = score.polarity, score.subjectivity
    coverage = [(float("nan"), float("nan"))] * len(ids)
    for i, shares in zip(english, _coverages([texts[i] for i in english])):
        coverage[i] = shares
    means, counts = vader_means["mean"].to_dict(), vader_means["count"].to_dict()
    table = pd.DataFrame({
        "article_id": ids, "outlet": articles["outlet"].tolist(),
        "textblob_polarity": polarity, "textblob_subjectivity": subjectivity,
        "vader_compound": [means.get(article_id, float("nan")) for article_id in ids],
        "n_sentences_scored": [int(counts.get(article_id, 0)) for article_id in ids],
        "textblob_coverage": [shares[0] for shares in coverage], "vader_coverage": [shares[1] for shares in coverage],
        "score_note": ["" if letters else NO_LETTERS for letters in has_letters],
    }, columns=ARTICLE_SCORE_COLUMNS)
    table = _not_applicable(table, foreign, ["textblob_polarity", "textblob_subjectivity", "vader_compound",
                                            "textblob_coverage", "vader_coverage"])
    table.loc[table["article_id"].isin(foreign), "n_sentences_scored"] = 0
    return table
