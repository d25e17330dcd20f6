"""A news sentiment model shipped with the package, beside (never instead of) TextBlob and VADER.

TextBlob and VADER were built for reviews and social media. Against people's labels of political
news sentences (NewsMTSC, Hamborg and Donnay, EACL 2021) they reach a macro-F1 of about 0.42 and
0.51 on three classes. This model was trained on those labels: a multinomial logistic regression
on hashed word and character n-grams of the sentence, on the words just before and after the
target's mention when a target is given, and on the two lexicons' own scores. ``model_card()`` says
what it was trained on, how it was split and what it reaches on sentences it never saw.

The model file (``data/models/news_sentiment.npz``) holds plain arrays, no pickle: the hashing
settings, the inverse document frequencies, the coefficients (small ones pruned) and the card.
Prediction is numpy and scipy arithmetic on features hashed with scikit-learn's stateless
``FeatureHasher`` (MurmurHash3), so it loads the same under any scikit-learn version and never
downloads anything. ``benchmarks/news_sentiment.py --train`` rebuilds the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher

from analysis.corpus.language import not_english_ids
from analysis.corpus.text import LETTER as _LETTER
from analysis.resources.paths import data_dir
from analysis.sentiment.scores import NO_LETTERS, NOT_ENGLISH, score_texts

__all__ = [
    "NEWS_ARTICLE_COLUMNS",
    "NEWS_MODEL_COLUMNS",
    "NEWS_SENTENCE_COLUMNS",
    "model_card",
    "model_fingerprint",
    "model_path",
    "news_sentiment",
    "news_sentiment_by_article",
    "score_with_model",
]

MODEL_RELATIVE_PATH = Path("models") / "news_sentiment.npz"
LABELS = ("negative", "neutral", "positive")
NEWS_MODEL_COLUMNS = ["news_label", "news_score", "news_negative", "news_neutral", "news_positive"]
NEWS_SENTENCE_COLUMNS = ["article_id", "paragraph_id", "sentence_id", "text", *NEWS_MODEL_COLUMNS, "score_note"]
NEWS_ARTICLE_COLUMNS = ["article_id", "outlet", "news_score", "news_negative_share", "news_neutral_share",
                        "news_positive_share", "n_sentences_scored"]

# The tokenisation the shipped model was trained with. It is frozen here, not imported from
# ``analysis.corpus.text``: a change there would silently change what the model sees.
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_CURLY = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'))
# The feature blocks, in the order of the coefficient columns. Each block is hashed into its own
# 2**hash_bits columns, weighted by its idf and scaled to unit length on its own.
BLOCKS = ("words", "characters", "window")
# The lexicon scores given to the model as extra features: the sentence's, and the window's.
LEXICON_FEATURES = ("textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos", "vader_neg")
BATCH = 5000  # texts read at a time: bounds the memory of the feature matrices
# ``news_sentiment`` reads at least this many distinct texts on every core, in batches; fewer, in
# this process (starting the workers would cost more than it saves).
PARALLEL_SENTENCES = 20_000


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Return the lower-cased tokens (words and single punctuation marks) of a text with their
    (start, end) character offsets."""
    if not text.isascii():  # one replace per mark held (``str.translate`` reads every character in Python)
        for curly, straight in _CURLY:
            if curly in text:
                text = text.replace(curly, straight)
    folded = text.lower()
    return [(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(folded)]


def _window(found: list[tuple[str, int, int]], span: tuple[int, int] | None, size: int) -> tuple[list, list]:
    """Return the tokens up to ``size`` before and after the target's span (empty without a span)."""
    if span is None:
        return [], []
    start, end = span
    before = [token for token, _, token_end in found if token_end <= start]
    after = [token for token, token_start, _ in found if token_start >= end]
    return before[-size:], after[:size]


def _character_ngrams(words: list[str], low: int, high: int) -> list[str]:
    """Return the character n-grams (low..high) of each word padded with spaces, as sklearn's ``char_wb``."""
    grams = []
    for word in words:
        padded = f" {word} "
        length = len(padded)
        for n in range(low, min(high, length) + 1):
            grams.extend(padded[i:i + n] for i in range(length - n + 1))
    return grams


def feature_strings(text: str, span: tuple[int, int] | None, settings: dict) -> tuple[list, list, list]:
    """Return the word feature strings, the words whose character n-grams are features, and the
    window feature strings of one text and target span."""
    found = tokens(text)
    if span is not None and settings.get("mask_target"):
        start, end = span
        found = [(token, s, e) for token, s, e in found if e <= start or s >= end]
        insert = sum(1 for _, _, e in found if e <= start)
        found.insert(insert, ("<target>", start, end))
    words = [token for token, _, _ in found]
    word_features = list(words)
    for n in range(2, settings["word_ngrams"] + 1):
        word_features.extend(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    character_words = [word for word in words if word[0].isalnum()]
    before, after = _window(found if not settings.get("mask_target") else
                            [item for item in found if item[0] != "<target>"], span, settings["window"])
    window_features = [f"<{token}" for token in before] + [f">{token}" for token in after]
    if settings.get("window_bigrams"):
        window_features += [f"<{a} {b}" for a, b in zip(before, before[1:])]
        window_features += [f">{a} {b}" for a, b in zip(after, after[1:])]
    return word_features, character_words, window_features


def hashed_counts(texts: list[str], spans: list, settings: dict) -> list[sp.csr_matrix]:
    """Return one count matrix per block (rows: texts; columns: 2**hash_bits hashed features)."""
    hasher = FeatureHasher(n_features=2 ** settings["hash_bits"], input_type="string", alternate_sign=False)
    strings = [feature_strings(text, span, settings) for text, span in zip(texts, spans)]
    words = hasher.transform([each[0] for each in strings]).tocsr()
    characters = _character_counts([each[1] for each in strings], settings, hasher)
    return [words, characters, hasher.transform([each[2] for each in strings]).tocsr()]


def _character_counts(word_lists: list[list[str]], settings: dict, hasher: FeatureHasher) -> sp.csr_matrix:
    """Return the hashed character n-gram counts of each text's words: each distinct word's n-grams
    are made and hashed once, and a text's counts are the sum of its words' (the same counts as
    hashing every text's n-grams, several times faster: most words of news recur)."""
    vocabulary: dict[str, int] = {}
    rows, columns = [], []
    for row, words in enumerate(word_lists):
        for word in words:
            columns.append(vocabulary.setdefault(word, len(vocabulary)))
            rows.append(row)
    if not vocabulary:
        return sp.csr_matrix((len(word_lists), hasher.n_features))
    low, high = settings["char_ngrams"]
    per_word = hasher.transform([_character_ngrams([word], low, high) for word in vocabulary]).tocsr()
    occurrences = sp.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(word_lists), len(vocabulary)))
    counts = (occurrences @ per_word).tocsr()
    counts.sort_indices()
    return counts


def weighted(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Return the counts as sublinear tf times idf, each row scaled to unit length."""
    matrix = counts.astype(np.float64, copy=True)
    matrix.data = np.log1p(matrix.data)
    matrix = matrix @ sp.diags(idf.astype(np.float64))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def inverse_document_frequency(counts: sp.csr_matrix) -> np.ndarray:
    """Return sklearn's smoothed idf, ln((1 + n) / (1 + df)) + 1, of each column."""
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log((1 + counts.shape[0]) / (1 + document_frequency)) + 1


def lexicon_features(texts: list[str], spans: list, settings: dict, sentence: np.ndarray | None = None) -> np.ndarray:
    """Return the lexicon scores of each sentence and of its target's window (0 without a target).
    ``sentence``: the sentences' scores (``LEXICON_FEATURES`` columns) when already known."""
    if sentence is None:
        sentence = score_texts(texts)[list(LEXICON_FEATURES)].to_numpy(dtype=float)
    windows = []
    for text, span in zip(texts, spans):
        if span is None:
            windows.append("")
            continue
        found = tokens(text)
        start, end = span
        size = settings["lexicon_window"]
        before = [s for _, s, e in found if e <= start][-size:]
        after = [e for _, s, e in found if s >= end][:size]
        windows.append(text[before[0] if before else start:after[-1] if after else end])
    window = np.zeros_like(sentence)
    with_target = [row for row, text in enumerate(windows) if text]
    if with_target:  # a text without a target has no window: its scores stay 0
        window[with_target] = score_texts([windows[row] for row in with_target])[list(LEXICON_FEATURES)].to_numpy(
            dtype=float)
    return np.nan_to_num(np.hstack([sentence, window]))


def design_matrix(counts: list[sp.csr_matrix], idfs: list[np.ndarray], lexicon: np.ndarray,
                  lexicon_scale: float) -> sp.csr_matrix:
    """Return the model's input: the weighted blocks side by side, then the scaled lexicon scores."""
    blocks = [weighted(block, idf) for block, idf in zip(counts, idfs)]
    return sp.hstack([*blocks, sp.csr_matrix(lexicon * lexicon_scale)], format="csr")


def model_path() -> Path:
    """Return the path of the shipped model file."""
    return data_dir() / MODEL_RELATIVE_PATH


def save_model(path: Path, *, settings: dict, idfs: list[np.ndarray], coefficients: np.ndarray,
               intercepts: np.ndarray, card: dict) -> None:
    """Write the model as plain arrays (compressed npz, no pickle)."""
    coefficient_matrix = sp.csr_matrix(coefficients.astype(np.float32))
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        settings=np.array(json.dumps(settings, sort_keys=True)),
        card=np.array(json.dumps(card, sort_keys=True)),
        idf=np.concatenate(idfs).astype(np.float16),
        coefficient_data=coefficient_matrix.data.astype(np.float16),
        coefficient_indices=coefficient_matrix.indices.astype(np.int32),
        coefficient_indptr=coefficient_matrix.indptr.astype(np.int32),
        coefficient_shape=np.array(coefficient_matrix.shape, dtype=np.int64),
        intercepts=intercepts.astype(np.float64),
    )


class NewsModel:
    """The loaded model: its settings, idf, coefficients and card."""

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as arrays:
            self.settings = json.loads(str(arrays["settings"]))
            self.card = json.loads(str(arrays["card"]))
            idf = arrays["idf"].astype(np.float64)
            width = 2 ** self.settings["hash_bits"]
            self.idfs = [idf[i * width:(i + 1) * width] for i in range(len(BLOCKS))]
            self.coefficients = sp.csr_matrix(
                (arrays["coefficient_data"].astype(np.float64), arrays["coefficient_indices"],
                 arrays["coefficient_indptr"]), shape=tuple(arrays["coefficient_shape"]))
            self.intercepts = arrays["intercepts"]

    def probabilities(self, texts: list[str], spans: list, lexicon: np.ndarray | None = None) -> np.ndarray:
        """Return P(negative), P(neutral), P(positive) of each text and target span (``lexicon``:
        the texts' TextBlob and VADER scores in ``LEXICON_FEATURES`` order, when already known)."""
        counts = hashed_counts(texts, spans, self.settings)
        lexicon = lexicon_features(texts, spans, self.settings, lexicon)
        matrix = design_matrix(counts, self.idfs, lexicon, self.settings["lexicon_scale"])
        return softmax(np.asarray((matrix @ self.coefficients.T).todense()) + self.intercepts)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Return the row-wise softmax of a score matrix."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def load_model() -> NewsModel:
    """Return the shipped model, loaded once per process."""
    path = model_path()
    if not path.is_file():
        raise FileNotFoundError(f"The news sentiment model {path} is missing. Reinstall the package, or rebuild it "
                                "with `python benchmarks/news_sentiment.py --train` (needs ../shared).")
    return NewsModel(path)


@lru_cache(maxsize=1)
def model_fingerprint() -> str:
    """Return a short hash of the shipped model file: readings kept on disk name the model they came from."""
    return hashlib.sha256(model_path().read_bytes()).hexdigest()[:12]


def _span_of(text: str, target) -> tuple[int, int] | None:
    """Return the (start, end) of a target: a span as given, or a mention's first occurrence
    (exact case first, then any case); None when there is no target or it is not found."""
    if target is None or (isinstance(target, float) and np.isnan(target)):
        return None
    if isinstance(target, str):
        start = text.find(target)
        if start < 0:
            start = text.lower().find(target.lower())
        return (start, start + len(target)) if target and start >= 0 else None
    start, end = (int(value) for value in target)
    if not 0 <= start < end <= len(text):
        raise ValueError(f"The target span ({start}, {end}) is outside the text of {len(text)} characters "
                         f"{text[:60]!r}: give (start, end) character offsets into the text, or the mention itself.")
    return start, end


def news_sentiment(texts, targets=None, *, lexicon_scores: pd.DataFrame | None = None,
                   workers: int | None = None) -> pd.DataFrame:
    """Return the news model's label and probabilities of each text, one row per text in order.

    ``targets`` (optional, one per text): a mention of the target in the text (its first
    occurrence counts), its (start, end) character offsets, or None for the sentence as a whole.
    The model reads the words around the target, so two targets of one sentence may differ.
    ``lexicon_scores`` (optional, one row per text): the texts' TextBlob and VADER scores as
    ``score_texts`` gives them, so that they are not computed twice. ``workers``: processes to read
    on (default: every core) when there are ``PARALLEL_SENTENCES`` distinct texts or more; the
    readings are the same on any number.

    Columns: news_label (negative, neutral or positive: the most probable), news_score
    (P(positive) - P(negative), -1..1), news_negative, news_neutral, news_positive (probabilities).
    A text without letters gets NaN probabilities and an empty label.
    """
    texts = ["" if text is None else str(text) for text in texts]
    targets = [None] * len(texts) if targets is None else list(targets)
    if len(targets) != len(texts):
        raise ValueError(f"news_sentiment got {len(texts)} texts but {len(targets)} targets: give one target "
                         "(a mention, a (start, end) span or None) per text, or no targets.")
    spans = [_span_of(text, target) for text, target in zip(texts, targets)]
    # each distinct (text, span) is read once: wire copy repeats sentences
    keys = pd.Series([f"{span}\x00{text}" for text, span in zip(texts, spans)], dtype=object)
    codes, distinct = pd.factorize(keys)
    first = pd.Series(range(len(keys))).groupby(codes).first().to_numpy()
    readable = [i for i in first if _LETTER.search(texts[i])]
    known_scores = None
    if lexicon_scores is not None:
        if len(lexicon_scores) != len(texts):
            raise ValueError(f"news_sentiment got {len(texts)} texts but {len(lexicon_scores)} rows of lexicon_scores")
        known_scores = lexicon_scores[list(LEXICON_FEATURES)].to_numpy(dtype=float)
    probabilities = np.full((len(distinct), len(LABELS)), np.nan)
    # In batches: the feature matrices of 5,000 texts at a time.
    batches = [readable[start:start + BATCH] for start in range(0, len(readable), BATCH)]
    arguments = ([[texts[i] for i in rows] for rows in batches], [[spans[i] for i in rows] for rows in batches],
                 [None if known_scores is None else known_scores[rows] for rows in batches])
    workers = workers or os.cpu_count() or 1
    load_model()  # loaded before any worker starts: a forked worker has it already
    if workers > 1 and len(readable) >= PARALLEL_SENTENCES:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            found = list(pool.map(_probabilities, *arguments))
    else:
        found = list(map(_probabilities, *arguments))
    for rows, batch in zip(batches, found):
        probabilities[codes[rows]] = batch
    probabilities = probabilities[codes]
    labels = np.array([""] * len(texts), dtype=object)
    known = ~np.isnan(probabilities[:, 0])
    labels[known] = np.asarray(LABELS, dtype=object)[probabilities[known].argmax(axis=1)]
    return pd.DataFrame({"news_label": labels, "news_score": probabilities[:, 2] - probabilities[:, 0],
                         "news_negative": probabilities[:, 0], "news_neutral": probabilities[:, 1],
                         "news_positive": probabilities[:, 2]}, columns=NEWS_MODEL_COLUMNS)


def _probabilities(texts: list[str], spans: list, lexicon: np.ndarray | None) -> np.ndarray:
    return load_model().probabilities(texts, spans, lexicon)


def score_with_model(corpus, sentence_scores: pd.DataFrame | None = None, *,
                     workers: int | None = None) -> pd.DataFrame:
    """Return one row per sentence of the corpus with the news model's label and probabilities.

    ``sentence_scores``: ``score_sentences(corpus)`` when already computed (the model reads the
    lexicons' scores too; given, they are not computed again). ``workers``: processes to read on
    (default: every core) when the corpus has ``PARALLEL_SENTENCES`` sentences or more; the
    readings are the same on any number.

    Columns: article_id, paragraph_id, sentence_id, text, news_label, news_score, news_negative,
    news_neutral, news_positive (see ``news_sentiment``; the sentence as a whole, no target),
    score_note (why the scores are NaN: no letters, or an article that is not mainly English).
    These sit beside TextBlob's and VADER's columns of ``score_sentences``; they replace neither.
    """
    sentences = corpus.sentences.reset_index(drop=True)
    known = None
    if sentence_scores is not None:
        known = sentences[["article_id", "sentence_id"]].merge(
            sentence_scores[["article_id", "sentence_id", *LEXICON_FEATURES]], on=["article_id", "sentence_id"],
            how="left", validate="one_to_one")
    model = news_sentiment(sentences["text"], lexicon_scores=known, workers=workers)
    table = pd.concat([sentences[["article_id", "paragraph_id", "sentence_id", "text"]], model], axis=1)
    table["score_note"] = np.where(table["news_label"] == "", NO_LETTERS, "")
    foreign = not_english_ids(corpus.articles)
    if foreign:
        rows = table["article_id"].isin(foreign)
        table.loc[rows, NEWS_MODEL_COLUMNS[1:]] = float("nan")
        table.loc[rows, "news_label"] = ""
        table.loc[rows, "score_note"] = NOT_ENGLISH
    return table


def news_sentiment_by_article(model_scores: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return the news model's reading of each article from its sentences (``score_with_model``).

    Columns: article_id, outlet, news_score (the mean of the sentences' news_score), the shares of
    its scored sentences labelled negative, neutral and positive, n_sentences_scored. Every
    article of ``articles`` has a row, in their order; one with no scored sentence has NaN scores.
    """
    scored = model_scores[model_scores["news_label"] != ""]
    shares = pd.crosstab(scored["article_id"], scored["news_label"], normalize="index").reindex(
        columns=list(LABELS), fill_value=0.0)
    table = pd.DataFrame({
        "news_score": scored.groupby("article_id")["news_score"].mean(),
        **{f"news_{label}_share": shares[label] for label in LABELS},
        "n_sentences_scored": scored.groupby("article_id").size()})
    table = articles[["article_id", "outlet"]].merge(table, left_on="article_id", right_index=True, how="left")
    table["n_sentences_scored"] = table["n_sentences_scored"].fillna(0).astype(int)
    return table[NEWS_ARTICLE_COLUMNS].reset_index(drop=True)


def model_card() -> str:
    """Return what the shipped model was trained on, how it was split and what it reaches on the
    held-out sentences, in plain words (show it beside every use of the model)."""
    card = load_model().card
    lines = [f"{card['name']}.", f"Trained on: {card['training_data']}.", f"Split: {card['split']}.",
             f"Features: word 1-{card['settings']['word_ngrams']} grams and character "
             f"{card['settings']['char_ngrams'][0]}-{card['settings']['char_ngrams'][1]} grams of the sentence, "
             f"the {card['settings']['window']} words either side of the target, TextBlob's and VADER's scores; "
             f"{card['coefficients_kept']:,} coefficients kept."]
    for unit, figures in card.get("held_out", {}).items():
        described = ", ".join(f"{name} {figures[name]['macro_f1']:.3f} ({figures[name]['interval'][0]:.3f}-"
                              f"{figures[name]['interval'][1]:.3f})" for name in figures if name != "rows")
        lines.append(f"Held-out macro-F1 {unit.replace('_', ' ')} ({figures['rows']:,} rows; 95% interval): {described}.")
    lines.append("Trained on US political news with a target person: on other news, other languages or whole "
                 "articles it is untested. It sits beside TextBlob and VADER, it does not replace them.")
    return "\n".join(lines)
