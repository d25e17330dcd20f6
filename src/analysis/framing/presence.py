"""Frame presence per article: a dictionary score against a calibrated threshold, or a classifier
learned from a class's own hand codes (``learn_frames``), with cross-validated figures.

``presence_features`` counts a question codebook's indicators in every article (per question and
per frame, in the whole text and in its lead); ``frame_presence`` turns one of those counts, the
frame's *score*, into present / absent by a threshold; ``calibrate_presence`` picks that threshold
from hand codes; ``learn_frames`` fits a logistic regression per frame on the hand-coded articles
and predicts the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from analysis.errors import CodingSheetError, DictionaryError
from analysis.framing.codebook import Codebook, as_codebook, find_terms_in_texts
from analysis.framing.questions import QUESTION_CODEBOOK

__all__ = ["PRESENCE_COLUMNS", "CALIBRATION_COLUMNS", "LEARNED_COLUMNS", "SCORES_COLUMNS", "SCORE",
           "SCORES", "LEAD_SENTENCES", "TARGET_RECALL", "CALIBRATED_THRESHOLDS", "CODES_COLUMNS",
           "FIGURES_COLUMNS", "LearnedFrames", "presence_features", "frame_scores",
           "frame_presence", "calibrate_presence", "frame_codes", "learn_frames"]

SCORES_COLUMNS = ["article_id", "frame", "score"]
PRESENCE_COLUMNS = ["article_id", "frame", "score", "threshold", "present"]
CALIBRATION_COLUMNS = ["frame", "threshold", "n_coded", "n_yes", "precision", "recall"]
CODES_COLUMNS = ["article_id", "frame", "present", "n_coders"]
FIGURES_COLUMNS = ["frame", "n_coded", "n_yes", "folds", "auc", "precision", "recall", "f1", "note"]
LEARNED_COLUMNS = ["article_id", "frame", "coded", "code", "probability", "present"]
# The kinds of score ``presence_features`` gives each frame, and the one used by default: hits per
# 1,000 words ranked the narrative-frames articles about as well as the share of sentences with a
# hit (AUC 0.59-0.79 against 0.60-0.77) and reached higher precision at recall 0.6 for four of the
# five frames.
SCORES = ("share", "lead_share", "questions", "per_1000_words")
SCORE = "per_1000_words"
# ``calibrate_presence`` keeps the highest threshold at which this share of the hand-coded "yes"
# articles still reach it: asked for more than the 0.6 wanted on unseen articles, since a threshold
# fitted on some articles lets through fewer of the next ones (see benchmarks/frames_narrative.py).
TARGET_RECALL = 0.65

# The lead: the first sentences of an article (its title and opening), where coders are told to
# look first (narrative-frames' instructions; the inverted pyramid of news writing).
LEAD_SENTENCES = 5


def presence_features(corpus, codebook: str | Path | Codebook = QUESTION_CODEBOOK) -> pd.DataFrame:
    """Return one row per article with the counts of a question codebook's indicators.

    Columns: article_id, n_sentences, n_words, then for each frame F: ``F:share`` (share of the
    article's sentences with an indicator of F), ``F:lead_share`` (the same in its first
    ``LEAD_SENTENCES`` sentences), ``F:questions`` (how many of F's questions have a hit),
    ``F:per_1000_words`` (hits per 1,000 words); and for each question Q: ``Q:hits`` (its
    indicators' hits) and ``Q:share`` (share of sentences with one). Articles in the corpus's order.
    """
    codebook = as_codebook(codebook)
    questions = [(name, question) for name, frame in codebook.frames.items() for question in frame.questions]
    if not questions:
        raise DictionaryError(f"{codebook.path}: this codebook has no questions; use one like generic_frames.yml")
    articles = corpus.articles[["article_id"]].reset_index(drop=True)
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(articles["article_id"])]
    # Each distinct sentence is searched once for every question's indicators.
    codes, distinct = pd.factorize(sentences["text"])
    counts = np.zeros((len(distinct), len(questions)), dtype=float)
    indicators = [question.indicators for _, question in questions]
    for position, hits_by_question in enumerate(find_terms_in_texts(distinct.tolist(), indicators)):
        counts[position] = [len(hits) for hits in hits_by_question]
    hits = counts[codes]
    frame_names = list(codebook.frames)
    frame_of_question = np.array([frame_names.index(name) for name, _ in questions])
    frame_hits = np.stack([hits[:, frame_of_question == number].sum(axis=1) for number in range(len(frame_names))],
                          axis=1)
    order = sentences.groupby("article_id", sort=False).cumcount().to_numpy()
    in_lead = (order < LEAD_SENTENCES).astype(float)[:, None]
    keys = sentences["article_id"].to_numpy()
    columns = {"n_sentences": np.ones(len(sentences)), "lead": in_lead[:, 0]}
    for number, name in enumerate(frame_names):
        columns[f"{name}:hits"] = frame_hits[:, number]
        columns[f"{name}:sentences"] = (frame_hits[:, number] > 0).astype(float)
        columns[f"{name}:lead_sentences"] = (frame_hits[:, number] > 0) * in_lead[:, 0]
    for number, (_, question) in enumerate(questions):
        columns[f"{question.id}:hits"] = hits[:, number]
        columns[f"{question.id}:sentences"] = (hits[:, number] > 0).astype(float)
    sums = pd.DataFrame(columns).groupby(keys, sort=False).sum().reindex(articles["article_id"], fill_value=0.0)
    n_sentences = sums["n_sentences"].to_numpy()
    n_words = corpus.articles["n_words"].to_numpy(dtype=float)

    def share(values: np.ndarray, of: np.ndarray) -> np.ndarray:
        return np.divide(values, of, out=np.zeros(len(values)), where=of > 0)

    table = {"article_id": articles["article_id"].to_numpy(dtype=object), "n_sentences": n_sentences.astype(int),
             "n_words": n_words.astype(int)}
    for name in frame_names:
        own = [question.id for frame_name, question in questions if frame_name == name]
        table[f"{name}:share"] = share(sums[f"{name}:sentences"].to_numpy(), n_sentences)
        table[f"{name}:lead_share"] = share(sums[f"{name}:lead_sentences"].to_numpy(), sums["lead"].to_numpy())
        table[f"{name}:questions"] = (sums[[f"{qid}:hits" for qid in own]].to_numpy() > 0).sum(axis=1)
        table[f"{name}:per_1000_words"] = share(1000 * sums[f"{name}:hits"].to_numpy(), n_words)
    for _, question in questions:
        table[f"{question.id}:hits"] = sums[f"{question.id}:hits"].to_numpy().astype(int)
        table[f"{question.id}:share"] = share(sums[f"{question.id}:sentences"].to_numpy(), n_sentences)
    return pd.DataFrame(table)


# Thresholds on the default score (hits of a frame's indicators per 1,000 words) for the default
# codebook, from ``calibrate_presence(frame_scores(corpus), codes)`` (target recall 0.65) on all
# 427 labelled articles of narrative-frames (../shared/benchmarks/narrative-frames: climate news
# from English-language outlets, 2017-2019, five frames coded by two or three people each; its RE
# "resolution" frame taken as responsibility), run by benchmarks/frames_narrative.py. They suit
# long-form news like those articles; calibrate on a few dozen of your own coded articles instead.
CALIBRATED_THRESHOLDS = {
    QUESTION_CODEBOOK: {"responsibility": 7.7882, "human_interest": 3.2154, "conflict": 2.3981, "morality": 3.736,
                        "economic": 7.5949},
}

# ``learn_frames``: a logistic regression per frame, with each class weighted by the inverse of its
# count (frames such as morality are coded "yes" for one article in ten), so that a probability of
# 0.5 is the natural cut. With words, each article is its TF-IDF vector (unit length) beside its
# dictionary counts (log, standardised), the whole block scaled to DICTIONARY_WEIGHT of a word
# vector's length: chosen among 0.15, 0.3 and 0.5 on narrative-frames with fold seeds 1 and 2 (the
# benchmark reports seed 0), where more weight let the counts drown the words.
DICTIONARY_WEIGHT = 0.15
WORDS_C = 10.0  # little regularisation: a few hundred articles and TF-IDF vectors of unit length
DICTIONARY_C = 0.1  # dictionary counts alone: some sixty correlated columns, held in harder
MIN_DOCUMENT_FREQUENCY = 2  # a word must be in two articles of the training folds to be a feature
FOLDS = 5
SEED = 0
_YES_NO = {"yes": True, "y": True, "1": True, "true": True, "no": False, "n": False, "0": False, "false": False}


def frame_scores(corpus, codebook: str | Path | Codebook = QUESTION_CODEBOOK, *, score: str = SCORE,
                 features: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return each article's dictionary score for each frame, one row per article and frame.

    Columns: article_id, frame, score (``score`` of ``presence_features``: one of ``SCORES``).
    ``features`` reuses a table of ``presence_features``.
    """
    if score not in SCORES:
        raise ValueError(f"score must be one of {', '.join(SCORES)}, not {score!r}")
    codebook = as_codebook(codebook)
    features = presence_features(corpus, codebook) if features is None else features
    frames = list(codebook.frames)
    values = features[[f"{name}:{score}" for name in frames]].to_numpy(dtype=float)
    return pd.DataFrame({"article_id": np.repeat(features["article_id"].to_numpy(dtype=object), len(frames)),
                         "frame": frames * len(features), "score": values.reshape(-1)}, columns=SCORES_COLUMNS)


def frame_presence(corpus, codebook: str | Path | Codebook = QUESTION_CODEBOOK, thresholds=None, *,
                   score: str = SCORE, features: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return whether each article carries each frame: its dictionary score against a threshold.

    ``thresholds`` is ``{frame: threshold}`` or a table of ``calibrate_presence``; None takes
    ``CALIBRATED_THRESHOLDS`` (calibrated on narrative-frames, for the default codebook and score).
    Only the frames with a threshold are given.
    Columns: article_id, frame, score, threshold, present (score >= threshold).
    """
    codebook = as_codebook(codebook)
    scores = frame_scores(corpus, codebook, score=score, features=features)
    if thresholds is None:
        stored = CALIBRATED_THRESHOLDS.get(codebook.path.stem) if score == SCORE else None
        if not stored:
            raise ValueError(f"no calibrated thresholds for {codebook.path.name} with score={score!r}: code some "
                             "articles by hand and pass thresholds=calibrate_presence(frame_scores(...), codes)")
        thresholds = stored
    if isinstance(thresholds, pd.DataFrame):
        thresholds = dict(zip(thresholds["frame"], thresholds["threshold"]))
    unknown = [str(name) for name in thresholds if name not in codebook.frames]
    if unknown:
        raise ValueError(f"thresholds for {', '.join(unknown)}, which {codebook.path.name} has no frame of; "
                         f"its frames are: {', '.join(codebook.frames)}")
    scores = scores[scores["frame"].isin(list(thresholds))].reset_index(drop=True)
    scores["threshold"] = scores["frame"].map(thresholds).astype(float)
    scores["present"] = scores["score"] >= scores["threshold"]
    return scores[PRESENCE_COLUMNS]


def calibrate_presence(scores: pd.DataFrame, codes: pd.DataFrame, *,
                       target_recall: float = TARGET_RECALL) -> pd.DataFrame:
    """Return, per frame, the threshold on a score that best separates hand-coded articles.

    ``scores`` has article_id, frame, score (``frame_scores``); ``codes`` is hand codes (see
    ``frame_codes``). The threshold is the highest score at which at least ``target_recall`` of the
    articles coded "yes" are still at or above it (precision is highest there); only frames with
    codes are calibrated. Columns: frame, threshold, n_coded, n_yes, precision and recall of
    ``score >= threshold`` on the coded articles.
    """
    if not 0 < target_recall <= 1:
        raise ValueError(f"target_recall must be above 0 and at most 1, not {target_recall}")
    coded = frame_codes(codes).merge(scores[["article_id", "frame", "score"]], on=["article_id", "frame"])
    rows = []
    for name, group in coded.groupby("frame", sort=False):
        truth = group["present"].to_numpy(dtype=bool)
        if not truth.any():
            raise CodingSheetError(f"frame {name}: none of its {len(truth)} coded articles is coded yes, "
                                   "so no threshold can be chosen; code articles that carry it")
        threshold = _threshold_for_recall(group["score"].to_numpy(dtype=float), truth, target_recall)
        predicted = group["score"].to_numpy(dtype=float) >= threshold
        rows.append({"frame": name, "threshold": threshold, "n_coded": len(truth), "n_yes": int(truth.sum()),
                     "precision": float(truth[predicted].mean()) if predicted.any() else float("nan"),
                     "recall": float(predicted[truth].mean())})
    return pd.DataFrame(rows, columns=CALIBRATION_COLUMNS)


def _threshold_for_recall(scores: np.ndarray, truth: np.ndarray, target_recall: float) -> float:
    """The highest score that at least ``target_recall`` of the positives reach."""
    positives = np.sort(scores[truth])[::-1]
    needed = int(np.ceil(target_recall * len(positives) - 1e-9))
    return float(positives[max(needed, 1) - 1])


def frame_codes(codes: pd.DataFrame) -> pd.DataFrame:
    """Return hand codes as one row per article and frame: is the frame present?

    ``codes`` has article_id, frame and code (yes/no, y/n, 1/0, true/false or booleans), as from
    ``analysis.reliability.read_coding_sheets`` or typed by hand; other columns are ignored. A
    coder's frame is "yes" for an article when any of its rows there (its questions; its paragraphs)
    is; with a ``coder`` column, the frame is present when more than half of the article's coders
    say so (a tie is "no", as coders are told to answer no when unsure).
    Columns: article_id, frame, present (bool), n_coders.
    """
    missing = [column for column in ("article_id", "frame", "code") if column not in codes.columns]
    if missing:
        raise CodingSheetError(f"the codes table lacks the column(s) {', '.join(missing)}; it needs article_id, "
                               "frame and code (yes or no), one row per article (or question) and frame")
    values = codes["code"].map(lambda value: _YES_NO.get(str(value).strip().casefold())
                               if not isinstance(value, (bool, np.bool_)) else bool(value))
    problems = [f"codes row {label} (article {article}, frame {frame}): "
                + (f"the code {value!r} is not yes or no" if str(value).strip() and not pd.isna(value)
                   else "no code given; write yes or no")
                for label, article, frame, value, read in zip(codes.index, codes["article_id"], codes["frame"],
                                                              codes["code"], values.tolist())
                if read is None or pd.isna(read)]
    blank = codes["article_id"].isna() | (codes["article_id"].astype(str).str.strip() == "")
    problems += [f"codes row {label}: no article_id given" for label in codes.index[blank]]
    if problems:
        listed = "\n".join(f"- {problem}" for problem in problems[:20])
        more = f"\n- ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise CodingSheetError(f"{len(problems)} problem(s) in the codes:\n{listed}{more}")
    table = pd.DataFrame({"article_id": codes["article_id"].astype(str).to_numpy(), "frame": codes["frame"].to_numpy(),
                          "coder": codes["coder"].to_numpy() if "coder" in codes.columns else "",
                          "yes": values.astype(bool).to_numpy()})
    per_coder = table.groupby(["article_id", "frame", "coder"], sort=False)["yes"].any().reset_index()
    votes = per_coder.groupby(["article_id", "frame"], sort=False)["yes"].agg(["sum", "count"]).reset_index()
    return pd.DataFrame({"article_id": votes["article_id"], "frame": votes["frame"],
                         "present": 2 * votes["sum"] > votes["count"], "n_coders": votes["count"]},
                        columns=CODES_COLUMNS)


class LearnedFrames(NamedTuple):
    """What ``learn_frames`` returns: cross-validated figures and predictions."""

    figures: pd.DataFrame
    predictions: pd.DataFrame


def learn_frames(corpus, codes: pd.DataFrame, *, codebook: str | Path | Codebook = QUESTION_CODEBOOK,
                 words: bool = True, folds: int = FOLDS, seed: int = SEED,
                 features: pd.DataFrame | None = None) -> LearnedFrames:
    """Return classifiers of each hand-coded frame, learned from the coded articles, cross-validated,
    and their predictions for every article of the corpus.

    ``codes``: hand codes (see ``frame_codes``; e.g. ``read_coding_sheets``). Each frame gets a
    logistic regression on the dictionary's counts (``presence_features``) and, with ``words``,
    the articles' TF-IDF words. Its figures come from ``folds``-fold stratified cross-validation
    (fewer folds when a frame has fewer "yes" or "no" codes; seeded): the models, vocabulary and
    scaling are fitted on the training folds only.

    ``figures`` columns: frame, n_coded, n_yes, folds, auc, precision, recall, f1 (of probability
    >= 0.5 on the held-out folds), note (why a frame was not learned). ``predictions`` columns:
    article_id, frame, coded (was it hand-coded), code (the hand code, True/False, or NA),
    probability (held-out probability for a coded article; for the others, of the model fitted on
    all coded articles), present (probability >= 0.5). Frames in the codes' order.
    """
    codebook = as_codebook(codebook)
    truth = frame_codes(codes)
    article_ids = corpus.articles["article_id"].astype(str).to_numpy(dtype=object)
    position = {article_id: number for number, article_id in enumerate(article_ids)}
    unknown = sorted(set(truth["article_id"]) - set(position))
    if unknown:
        rows = [str(label) for label, article in zip(codes.index, codes["article_id"].astype(str))
                if article in unknown]
        raise CodingSheetError(f"{len(unknown)} coded article(s) are not in the corpus: {', '.join(unknown[:5])} "
                               f"(codes rows {', '.join(rows[:5])}); code articles of this corpus, or load the corpus "
                               "the sheets were made from")
    features = presence_features(corpus, codebook) if features is None else features
    counts = np.log1p(features.drop(columns=["article_id"]).to_numpy(dtype=float))
    texts = corpus.articles["text"].to_numpy(dtype=object)
    figures, predictions = [], []
    for name, group in truth.groupby("frame", sort=False):
        rows = group["article_id"].map(position).to_numpy()
        labels = group["present"].to_numpy(dtype=bool)
        n_yes = int(labels.sum())
        n_folds = min(folds, n_yes, len(labels) - n_yes)
        figure = {"frame": name, "n_coded": len(labels), "n_yes": n_yes, "folds": n_folds, "auc": np.nan,
                  "precision": np.nan, "recall": np.nan, "f1": np.nan, "note": ""}
        if n_folds < 2:
            figure["note"] = (f"too few codes to learn from: {n_yes} yes and {len(labels) - n_yes} no; "
                              "code at least two of each (five for five folds)")
            figures.append(figure)
            continue
        held_out = np.zeros(len(labels))
        splits = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed).split(rows, labels)
        for train, test in splits:
            held_out[test] = _fit_predict(texts, counts, rows[train], labels[train], rows[test], words=words, seed=seed)
        predicted = held_out >= 0.5
        figure.update(auc=roc_auc_score(labels, held_out),
                      precision=precision_score(labels, predicted, zero_division=0),
                      recall=recall_score(labels, predicted), f1=f1_score(labels, predicted))
        figures.append(figure)
        probability = np.zeros(len(article_ids))
        others = np.setdiff1d(np.arange(len(article_ids)), rows)
        if len(others):
            probability[others] = _fit_predict(texts, counts, rows, labels, others, words=words, seed=seed)
        probability[rows] = held_out
        code = pd.Series(pd.NA, index=range(len(article_ids)), dtype="boolean")
        code[rows] = labels
        predictions.append(pd.DataFrame({"article_id": article_ids, "frame": name, "coded": code.notna().to_numpy(),
                                         "code": code.to_numpy(), "probability": probability,
                                         "present": probability >= 0.5}))
    table = pd.concat(predictions, ignore_index=True) if predictions else pd.DataFrame(columns=LEARNED_COLUMNS)
    return LearnedFrames(pd.DataFrame(figures, columns=FIGURES_COLUMNS), table[LEARNED_COLUMNS])


def _fit_predict(texts: np.ndarray, counts: np.ndarray, train: np.ndarray, labels: np.ndarray, test: np.ndarray, *,
                 words: bool, seed: int) -> np.ndarray:
    """Fit one frame's model on the rows ``train`` and return its probabilities for the rows ``test``."""
    scaler = StandardScaler().fit(counts[train])
    train_counts, test_counts = scaler.transform(counts[train]), scaler.transform(counts[test])
    if words:
        vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=MIN_DOCUMENT_FREQUENCY, stop_words="english")
        try:
            train_words = vectorizer.fit_transform(texts[train])
        except ValueError:  # too few articles for any word to be in two of them
            vectorizer.set_params(min_df=1)
            train_words = vectorizer.fit_transform(texts[train])
        # The counts' block gets DICTIONARY_WEIGHT of the length of a (unit) word vector.
        weight = DICTIONARY_WEIGHT / np.sqrt(counts.shape[1])
        train_matrix = sparse.hstack([train_words, sparse.csr_matrix(train_counts * weight)]).tocsr()
        test_words = vectorizer.transform(texts[test])
        test_matrix = sparse.hstack([test_words, sparse.csr_matrix(test_counts * weight)]).tocsr()
        model = LogisticRegression(C=WORDS_C, class_weight="balanced", max_iter=5000, random_state=seed)
    else:
        train_matrix, test_matrix = train_counts, test_counts
        model = LogisticRegression(C=DICTIONARY_C, class_weight="balanced", max_iter=5000, random_state=seed)
    return model.fit(train_matrix, labels).predict_proba(test_matrix)[:, 1]
