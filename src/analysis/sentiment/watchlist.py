"""Where the lexicons mislead on news: the watch-list's words found in a corpus, and the scores
each article would get if its misleading words were neutral."""

from __future__ import annotations

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.corpus.text import LETTER, words
from analysis.resources.dictionaries import load_watchlist
from analysis.resources.lexicons import prepare_for_vader, vader
from analysis.sentiment._article_scores import textblob_sentiment
from analysis.sentiment._vader_exact import polarity_scores as vader_polarity_scores
from analysis.sentiment.explain import textblob_valence
from analysis.sentiment.scores import sentence_spans, vader_scores

__all__ = ["NEUTRALISED_COLUMNS", "WARNING_COLUMNS", "domain_warnings", "neutralised_scores"]

WARNING_COLUMNS = ["term", "problem", "why", "textblob_valence", "vader_valence", "n_occurrences", "n_articles",
                   "example"]
NEUTRALISED_COLUMNS = ["article_id", "outlet", "textblob_polarity", "textblob_neutralised", "vader_compound",
                       "vader_neutralised", "textblob_change", "vader_change"]


def domain_warnings(corpus, watchlist=None) -> pd.DataFrame:
    """Return the watchlist words found in the corpus, with what each lexicon makes of them.

    Columns: term, problem ("misleading" or "blind spot"), why, textblob_valence and vader_valence
    (the lexicon's score; NaN when the lexicon does not know the word, which then counts as
    neutral), n_occurrences, n_articles, example (a sentence using it).
    """
    if watchlist is None or not isinstance(watchlist, dict):
        watchlist = load_watchlist(watchlist)
    vader_lexicon = vader().lexicon
    found: dict[str, dict] = {}
    for sentence in corpus.sentences.itertuples(index=False):
        for token in words(prepare_for_vader(sentence.text)):
            word = token.casefold()
            for problem, entries in (("misleading", watchlist["misleading"]), ("blind spot", watchlist["blind_spots"])):
                if word in entries:
                    entry = found.setdefault(word, {"term": word, "problem": problem, "why": entries[word],
                                                    "n_occurrences": 0, "articles": set(), "example": sentence.text})
                    entry["n_occurrences"] += 1
                    entry["articles"].add(sentence.article_id)
    rows = []
    for word, entry in found.items():
        rows.append({**{key: value for key, value in entry.items() if key != "articles"},
                     "n_articles": len(entry["articles"]), "textblob_valence": textblob_valence(word),
                     "vader_valence": float(vader_lexicon.get(word, float("nan")))})
    table = pd.DataFrame(rows, columns=WARNING_COLUMNS)
    return (table.sort_values(["problem", "n_occurrences", "term"], ascending=[False, False, True])
            .reset_index(drop=True))


def neutralised_scores(corpus, watchlist=None) -> pd.DataFrame:
    """Return each article's scores as they are and with the watchlist's misleading words neutralised.

    Columns: article_id, outlet, textblob_polarity, textblob_neutralised (TextBlob's mean over its
    assessments, leaving out those whose word is on the list: what TextBlob gives if the word were
    not in its lexicon), vader_compound, vader_neutralised (the mean sentence compound with the
    words taken out of a copy of VADER's lexicon), and the two changes.
    """
    if watchlist is None or not isinstance(watchlist, dict):
        watchlist = load_watchlist(watchlist)
    misleading = set(watchlist["misleading"])
    articles, sentences = corpus.articles, corpus.sentences
    spans = sentence_spans(corpus)
    ids = articles["article_id"].tolist()
    textblob = textblob_sentiment(articles["text"].tolist(), [spans.get(article_id, []) for article_id in ids],
                                  excluded=misleading)
    # VADER: each distinct sentence once, as it is and without the misleading words.
    codes, distinct = pd.factorize(sentences["text"].astype(object))
    compounds = _compounds(list(distinct), misleading)
    as_is: dict[str, list[float]] = {}
    without: dict[str, list[float]] = {}
    for article_id, code in zip(sentences["article_id"].tolist(), codes):
        if compounds[code] is not None:  # a sentence without letters is not scored
            as_is.setdefault(article_id, []).append(compounds[code][0])
            without.setdefault(article_id, []).append(compounds[code][1])
    table = pd.DataFrame({
        "article_id": ids, "outlet": articles["outlet"].tolist(),
        "textblob_polarity": [score.polarity for score in textblob],
        "textblob_neutralised": [score.polarity_kept for score in textblob],
        "vader_compound": [_mean_or_nan(as_is.get(article_id, [])) for article_id in ids],
        "vader_neutralised": [_mean_or_nan(without.get(article_id, [])) for article_id in ids],
    }, columns=NEUTRALISED_COLUMNS[:-2])
    table["textblob_change"] = table["textblob_neutralised"] - table["textblob_polarity"]
    table["vader_change"] = table["vader_neutralised"] - table["vader_compound"]
    return table


def _compounds(texts: list[str], misleading: set[str]) -> list[tuple[float, float] | None]:
    """VADER's compound of each text as it is and with the misleading words out of its lexicon;
    None for a text without letters."""
    neutral = SentimentIntensityAnalyzer()
    neutral.lexicon = {word: value for word, value in vader().lexicon.items() if word not in misleading}
    # Only the listed words VADER knows change its score ("more" and "first" are TextBlob's alone).
    known = {word for word in misleading if word in vader().lexicon}
    found = []
    for text in texts:
        if not LETTER.search(text):
            found.append(None)
            continue
        compound = vader_scores(text)[0]
        prepared = prepare_for_vader(text)
        # Only a sentence with a misleading word scores differently without it.
        touched = any(word.casefold() in known for word in words(prepared))
        found.append((compound, vader_polarity_scores(prepared, neutral)["compound"] if touched else compound))
    return found


def _mean_or_nan(values: list[float]) -> float:
    # A plain sum in sentence order, as the table has always been computed (pandas sums differently).
    return sum(values) / len(values) if values else float("nan")
