"""Sentiment with TextBlob and VADER side by side, explained by the words behind each score.

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
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
from textblob import TextBlob
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText, SentimentIntensityAnalyzer

from analysis.sentiment import _article_scores as article_sentiment
from analysis.scale.caching import CACHE_SIZE
from analysis.resources.dictionaries import load_targets, load_watchlist
from analysis.corpus.language import not_english_ids
from analysis.corpus.text import LETTER, words
from analysis.resources.lexicons import prepare_for_vader, textblob_lexicon, vader
from analysis.quotes.core import Cuts

SENTENCE_SCORE_COLUMNS = ["textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos",
                          "vader_neu", "vader_neg", "score_note"]
NO_LETTERS = "no letters to score"
# The lexicons are English: on another language they know no word and every score is 0.0, which
# would read as "neutral". Such articles (``analysis.corpus.language``) get NaN scores with this note.
NOT_ENGLISH = "not English: the lexicons are English-only"


def score_text(text: str) -> dict[str, object]:
    """Return both lexicons' scores of one text, or NaN scores with a note when it has no letters."""
    return dict(zip(SENTENCE_SCORE_COLUMNS, _scores(text)))


@lru_cache(maxsize=CACHE_SIZE)
def _scores(text: str) -> tuple:
    # Remembered across calls (and partitions): a sentence of wire copy is scored once per process.
    if not LETTER.search(text or ""):
        return (float("nan"),) * (len(SENTENCE_SCORE_COLUMNS) - 1) + (NO_LETTERS,)
    polarity, subjectivity = article_sentiment.sentence_scores(text)  # = TextBlob(text).sentiment
    scores = vader().polarity_scores(prepare_for_vader(text))
    return (polarity, subjectivity, scores["compound"], scores["pos"], scores["neu"], scores["neg"], "")


def _score_texts(texts) -> pd.DataFrame:
    """Score many texts, each distinct text once (wire copy repeats across outlets)."""
    texts = texts.tolist() if isinstance(texts, pd.Series) else texts
    return pd.DataFrame([_scores(text) for text in texts], columns=SENTENCE_SCORE_COLUMNS)


def score_sentences(corpus) -> pd.DataFrame:
    """Return the sentences table with both lexicons' scores.

    Columns: article_id, paragraph_id, sentence_id, text, start, end, textblob_polarity (-1..1),
    textblob_subjectivity (0..1), vader_compound (-1..1), vader_pos, vader_neu, vader_neg
    (shares of the text), score_note (why a score is NaN: "no letters to score", or "not English: the
    lexicons are English-only" for the sentences of an article that is not mainly English; else empty).
    """
    table = pd.concat([corpus.sentences.reset_index(drop=True), _score_texts(corpus.sentences["text"])], axis=1)
    return _not_applicable(table, not_english_ids(corpus.articles), SENTENCE_SCORE_COLUMNS[:-1])


def _not_applicable(table: pd.DataFrame, article_ids: set, columns: list[str]) -> pd.DataFrame:
    """The table with ``columns`` NaN and the note ``NOT_ENGLISH`` in the rows of ``article_ids``."""
    if article_ids:
        rows = table["article_id"].isin(article_ids)
        table.loc[rows, columns] = float("nan")
        table.loc[rows, "score_note"] = NOT_ENGLISH
    return table


def lexicon_coverage(text: str) -> tuple[float, float]:
    """Return the shares of the text's words that TextBlob's and VADER's lexicons know."""
    return article_sentiment.lexicon_coverage(text)


def textblob_scores(text: str, sentences=None) -> tuple[float, float]:
    """Return TextBlob's (polarity, subjectivity) of a text, ``TextBlob(text).sentiment``; NaN
    for a text without letters. Assembled from its sentences' ((start, end) offsets) or its
    paragraphs' cached parts when that gives the same floats (see ``analysis.sentiment._article_scores``),
    else by the direct call."""
    return article_sentiment.textblob_scores(text, sentences)


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
    if sentence_scores is None:
        sentence_scores = score_sentences(corpus)
    vader_means = sentence_scores.groupby("article_id")["vader_compound"].agg(["mean", "count"])
    means, counts = vader_means["mean"].to_dict(), vader_means["count"].to_dict()
    spans: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in zip(*(corpus.sentences[column].tolist() for column in ("article_id", "start", "end"))):
        spans.setdefault(article_id, []).append((start, end))
    rows = []
    seen: dict[str, tuple] = {}  # wire copy: the same text in several outlets is scored once
    foreign = not_english_ids(corpus.articles)
    for article in corpus.articles.itertuples(index=False):
        if article.article_id in foreign:
            seen.setdefault(article.text, (float("nan"),) * 4)  # not scored: the lexicons are English-only
        if article.text not in seen:
            seen[article.text] = (*textblob_scores(article.text, spans.get(article.article_id, [])),
                                  *lexicon_coverage(article.text))
        polarity, subjectivity, textblob_coverage, vader_coverage = seen[article.text]
        mean, count = means.get(article.article_id, float("nan")), counts.get(article.article_id, 0)
        rows.append({"article_id": article.article_id, "outlet": article.outlet,
                     "textblob_polarity": polarity, "textblob_subjectivity": subjectivity,
                     "vader_compound": mean, "n_sentences_scored": int(count),
                     "textblob_coverage": textblob_coverage, "vader_coverage": vader_coverage,
                     "score_note": "" if LETTER.search(article.text or "") else NO_LETTERS})
    table = pd.DataFrame(rows, columns=["article_id", "outlet", "textblob_polarity", "textblob_subjectivity",
                                        "vader_compound", "n_sentences_scored", "textblob_coverage",
                                        "vader_coverage", "score_note"])
    table = _not_applicable(table, foreign, ["textblob_polarity", "textblob_subjectivity", "vader_compound",
                                             "textblob_coverage", "vader_coverage"])
    table.loc[table["article_id"].isin(foreign), "n_sentences_scored"] = 0
    return table


# --- explanations ---------------------------------------------------------------------------------

EXPLAIN_COLUMNS = ["article_id", "sentence_id", "lexicon", "term", "valence", "lexicon_valence",
                   "contribution", "sentence_score"]


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
    lexicon = textblob_lexicon()
    rows = []
    for words_, polarity, _subjectivity, _label in assessments:
        entry = lexicon.get(article_sentiment.head_word(words_))
        raw = entry[None][0] if entry and None in entry else (next(iter(entry.values()))[0] if entry else float("nan"))
        rows.append((" ".join(words_), float(polarity), float(raw), float(polarity) / len(assessments)))
    return rows


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
        from analysis.corpus.load import load_corpus

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
        compound = vader().polarity_scores(prepare_for_vader(sentence.text))["compound"]
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


# --- by voice and by target -----------------------------------------------------------------------


def score_voices(corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per piece of text in one voice: each quote, and each sentence's own words.

    Columns: article_id, sentence_id, voice ("quoted" or "narration"), speaker (empty for
    narration), text (for narration, the sentence with its quotes taken out), n_words, then the
    scores of ``score_text``.
    """
    if quotes is None:
        from analysis.quotes.core import extract_quotes

        quotes = extract_quotes(corpus)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    pieces = []
    stretches: dict[str, list[tuple[int, int]]] = {}
    for quote in quotes.itertuples(index=False):
        pieces.append((quote.article_id, quote.sentence_id, "quoted", quote.speaker, quote.quote))
        stretches.setdefault(quote.article_id, []).append((quote.start - 1, quote.end + 1))  # with the marks
    # Each sentence looks only at the quoted stretches that can overlap it (linear in a long article).
    cuts = {article: Cuts(pairs) for article, pairs in stretches.items()}
    no_cuts = Cuts([])
    for sentence in corpus.sentences.itertuples(index=False):
        text = texts[sentence.article_id]
        kept, cursor = [], sentence.start
        for start, end in cuts.get(sentence.article_id, no_cuts).touching(sentence.start, sentence.end):
            if end <= cursor or start >= sentence.end:
                continue
            kept.append(text[cursor:max(cursor, start)])
            cursor = max(cursor, end)
        kept.append(text[cursor:sentence.end])
        narration = re.sub(r"\s+", " ", " ".join(kept)).strip()
        if LETTER.search(narration):
            pieces.append((sentence.article_id, sentence.sentence_id, "narration", "", narration))
    table = pd.DataFrame(pieces, columns=["article_id", "sentence_id", "voice", "speaker", "text"])
    table["n_words"] = [len(words(text)) for text in table["text"]]
    return pd.concat([table, _score_texts(table["text"])], axis=1)


def _groups(corpus, by: str) -> pd.DataFrame:
    """Return article_id and the grouping column (once, even when grouping by article_id)."""
    return corpus.articles[list(dict.fromkeys(["article_id", by]))]


def sentiment_by_voice(corpus, quotes: pd.DataFrame | None = None, *, by: str = "outlet",
                       voices: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return mean scores of the journalist's narration and of quoted speech, per ``by`` group.

    Columns: ``by``, voice, n_pieces, n_words, textblob_polarity, vader_compound (means over the
    pieces of ``score_voices``; pass ``voices``, as ``analyse`` keeps it, not to score them again).
    """
    voices = (score_voices(corpus, quotes) if voices is None else voices).merge(_groups(corpus, by), on="article_id")
    return (voices.groupby([by, "voice"], sort=False)
            .agg(n_pieces=("text", "size"), n_words=("n_words", "sum"),
                 textblob_polarity=("textblob_polarity", "mean"), vader_compound=("vader_compound", "mean"))
            .reset_index())


def _target_patterns(targets: dict[str, list[str]]) -> dict[str, re.Pattern]:
    patterns = {}
    for target, aliases in targets.items():
        parts = []
        for alias in sorted(set(aliases), key=len, reverse=True):
            escaped = re.escape(alias).replace("\\ ", r"\s+").replace("'", "['’]")
            parts.append(escaped if any(c.isupper() for c in alias) else f"(?i:{escaped})")
        patterns[target] = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
    return patterns


def target_mentions(corpus, targets: str | dict | None = None) -> pd.DataFrame:
    """Return one row per sentence and target it mentions: article_id, sentence_id, target, matched."""
    if targets is None or not isinstance(targets, dict):
        targets = load_targets(targets)
    targets = {name: list(dict.fromkeys([name, *aliases])) for name, aliases in targets.items()}
    patterns = _target_patterns(targets)
    rows = []
    for sentence in corpus.sentences.itertuples(index=False):
        for target, pattern in patterns.items():
            match = pattern.search(sentence.text)
            if match:
                rows.append((sentence.article_id, sentence.sentence_id, target, match.group(0)))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "target", "matched"])


def sentiment_by_target(corpus, sentence_scores: pd.DataFrame | None = None, targets=None, *,
                        by: str = "outlet") -> pd.DataFrame:
    """Return mean sentence scores per ``by`` group and target, over the sentences that mention it.

    Targets and the words that name them come from ``targets``: a path (a corpus's own
    ``targets.yml``; default: the bundled corpus's) or a dict ``{target: [aliases]}``. Columns:
    ``by``, target, n_sentences, textblob_polarity, vader_compound. A sentence naming two targets counts for both: sentence sentiment is not
    sentiment toward a target, only sentiment near it.
    """
    if sentence_scores is None:
        sentence_scores = score_sentences(corpus)
    mentions = target_mentions(corpus, targets)
    joined = (mentions.merge(sentence_scores, on=["article_id", "sentence_id"])
              .merge(_groups(corpus, by), on="article_id"))
    return (joined.groupby([by, "target"], sort=False)
            .agg(n_sentences=("sentence_id", "size"), textblob_polarity=("textblob_polarity", "mean"),
                 vader_compound=("vader_compound", "mean"))
            .reset_index())


# --- domain warnings ------------------------------------------------------------------------------


def domain_warnings(corpus, watchlist=None) -> pd.DataFrame:
    """Return the watchlist words found in the corpus, with what each lexicon makes of them.

    Columns: term, problem ("misleading" or "blind spot"), why, textblob_valence and vader_valence
    (the lexicon's score; NaN when the lexicon does not know the word, which then counts as
    neutral), n_occurrences, n_articles, example (a sentence using it).
    """
    if watchlist is None or not isinstance(watchlist, dict):
        watchlist = load_watchlist(watchlist)
    textblob_words = textblob_lexicon()
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
        tb = textblob_words.get(word)
        tb_value = (tb[None][0] if None in tb else next(iter(tb.values()))[0]) if tb else float("nan")
        rows.append({**{key: value for key, value in entry.items() if key != "articles"},
                     "n_articles": len(entry["articles"]), "textblob_valence": tb_value,
                     "vader_valence": float(vader_lexicon.get(word, float("nan")))})
    columns = ["term", "problem", "why", "textblob_valence", "vader_valence", "n_occurrences", "n_articles", "example"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["problem", "n_occurrences", "term"], ascending=[False, False, True]).reset_index(drop=True)


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
    neutral = SentimentIntensityAnalyzer()
    neutral.lexicon = {word: value for word, value in vader().lexicon.items() if word not in misleading}
    sentences_of: dict[str, list[str]] = {}
    spans_of: dict[str, list[tuple[int, int]]] = {}
    for article_id, text, start, end in zip(*(corpus.sentences[column].tolist()
                                               for column in ("article_id", "text", "start", "end"))):
        sentences_of.setdefault(article_id, []).append(text)
        spans_of.setdefault(article_id, []).append((start, end))
    rows = []
    for article in corpus.articles.itertuples(index=False):
        # TextBlob's polarity, and its mean over the assessments of words not on the list, read
        # from the sentences' cached assessments where that is exact (article_sentiment)
        polarity, textblob_neutralised = article_sentiment.polarity_without(
            article.text, spans_of.get(article.article_id, []), misleading)
        as_is, without = [], []
        for text in sentences_of.get(article.article_id, []):
            if not LETTER.search(text):
                continue
            compound = _scores(text)[2]  # remembered from score_sentences when it ran first
            as_is.append(compound)
            prepared = prepare_for_vader(text)
            # Only a sentence with a misleading word scores differently without it.
            touched = any(word.casefold() in misleading for word in words(prepared))
            without.append(neutral.polarity_scores(prepared)["compound"] if touched else compound)
        rows.append({
            "article_id": article.article_id, "outlet": article.outlet,
            "textblob_polarity": polarity,
            "textblob_neutralised": textblob_neutralised,
            "vader_compound": sum(as_is) / len(as_is) if as_is else float("nan"),
            "vader_neutralised": sum(without) / len(without) if without else float("nan"),
        })
    table = pd.DataFrame(rows)
    table["textblob_change"] = table["textblob_neutralised"] - table["textblob_polarity"]
    table["vader_change"] = table["vader_neutralised"] - table["vader_compound"]
    return table
