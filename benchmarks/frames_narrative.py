"""Article-level frame presence scored against the narrative-frames annotations (issue 20).

    python benchmarks/frames_narrative.py [FOLDER] [--folds 5] [--seed 0] [--target-recall 0.7] [--json]

FOLDER (default ``../shared/benchmarks/narrative-frames``) holds ``articles_metadata.tsv``: 428
climate news articles with their text and five frame labels (RE resolution, HI human interest, CO
conflict, MO morality, EC economic), each the dataset's own aggregate of two or three coders'
answers to its yes/no questions (its README; ``full_annotations.json`` has the answers). Those
labels are the gold; the one article without labels is left out, and the one label written
``False)`` is read as False. RE is compared with the codebook's ``responsibility`` frame.

For each frame, with stratified, seeded k-fold cross-validation (thresholds and models fitted on
the training folds only, figures pooled over the held-out folds):

- base rate: the share of articles labelled with the frame;
- any indicator: the old pre-fill, present when any of the frame's indicators occurs;
- calibrated: the dictionary score (``frame_scores``) against a threshold from
  ``calibrate_presence`` on the training folds;
- AUC of the dictionary score, of ``learn_frames`` on the dictionary counts alone and with words,
  and of a plain TF-IDF logistic regression (the same words and model, without the counts);
- learned, calibrated: ``learn_frames`` (with words), its threshold calibrated on the training
  folds' held-out probabilities like the dictionary's.

The issue's bar: calibrated precision at least 0.15 above the base rate at recall at least 0.6;
the learned AUC at least the TF-IDF baseline's.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from analysis import load_corpus
from analysis.framing import presence

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "narrative-frames"
# The dataset's frame columns and the frames of generic_frames.yml they are compared with.
FRAMES = {"RE": "responsibility", "HI": "human_interest", "CO": "conflict", "MO": "morality", "EC": "economic"}
# The bar for the dictionary path.
MIN_RECALL = 0.6
PRECISION_ABOVE_BASE = 0.15


def read_narrative_frames(folder: Path) -> tuple[object, pd.DataFrame]:
    """Return (corpus of the labelled articles, gold codes: article_id, frame, code True/False)."""
    table = pd.read_csv(folder / "articles_metadata.tsv", sep="\t", dtype=str)
    table = table.dropna(subset=list(FRAMES)).rename(columns={"ID": "article_id", "source": "outlet"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one over-long sentence; the corpus's problems table lists it
        corpus = load_corpus(table[["article_id", "outlet", "date", "text"]])
    labels = table.set_index("article_id")[list(FRAMES)].apply(lambda column: column.str.strip("()").str.strip()
                                                               .str.casefold().map({"true": True, "false": False}))
    if labels.isna().any().any():
        raise SystemExit(f"{folder / 'articles_metadata.tsv'}: frame labels other than True/False")
    labels = labels.reindex(corpus.articles["article_id"])
    gold = labels.rename(columns=FRAMES).reset_index().melt("article_id", var_name="frame", value_name="code")
    return corpus, gold


def _precision_recall(truth: np.ndarray, predicted: np.ndarray) -> tuple[float, float]:
    precision = float(truth[predicted].mean()) if predicted.any() else float("nan")
    return precision, float(predicted[truth].mean())


def _tfidf_baseline(texts: np.ndarray, labels: np.ndarray, splits, seed: int) -> np.ndarray:
    """Held-out probabilities of a TF-IDF logistic regression with learn_frames' settings, words only."""
    held_out = np.zeros(len(labels))
    for train, test in splits:
        vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=presence.MIN_DOCUMENT_FREQUENCY, stop_words="english")
        model = LogisticRegression(C=presence.WORDS_C, class_weight="balanced", max_iter=5000, random_state=seed)
        model.fit(vectorizer.fit_transform(texts[train]), labels[train])
        held_out[test] = model.predict_proba(vectorizer.transform(texts[test]))[:, 1]
    return held_out


def measure(folder: Path, *, folds: int = 5, seed: int = 0, target_recall: float = presence.TARGET_RECALL) -> dict:
    """Return the cross-validated figures per frame, and the thresholds calibrated on all articles."""
    started = time.perf_counter()
    corpus, gold = read_narrative_frames(folder)
    features = presence.presence_features(corpus)
    scores = presence.frame_scores(corpus, features=features)
    article_ids = features["article_id"].astype(str).to_numpy()
    texts = corpus.articles["text"].to_numpy(dtype=object)
    cut = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    learned_words = presence.learn_frames(corpus, gold, folds=folds, seed=seed, features=features)
    learned_counts = presence.learn_frames(corpus, gold, words=False, folds=folds, seed=seed, features=features)
    # The learned path's threshold, like the dictionary's, comes from the training folds: learn_frames
    # on them alone gives their held-out probabilities (to calibrate on) and the test fold's.
    learned_cut = {name: np.zeros(len(article_ids)) for name in FRAMES.values()}
    learned_probability = {name: np.zeros(len(article_ids)) for name in FRAMES.values()}
    any_labels = gold[gold["frame"] == "conflict"]["code"].to_numpy(dtype=bool)
    # One split of the articles for every frame (stratified on one frame) so that learn_frames runs
    # once per fold; the per-frame figures below use splits stratified on each frame.
    for train, test in cut.split(article_ids, any_labels):
        training = gold[gold["article_id"].isin(set(article_ids[train]))]
        fitted = presence.learn_frames(corpus, training, folds=folds, seed=seed, features=features)
        thresholds = presence.calibrate_presence(
            fitted.predictions[fitted.predictions["coded"]].rename(columns={"probability": "score"}),
            training, target_recall=target_recall)
        for name, threshold in zip(thresholds["frame"], thresholds["threshold"]):
            probability = fitted.predictions[fitted.predictions["frame"] == name]["probability"].to_numpy()
            learned_probability[name][test] = probability[test]
            learned_cut[name][test] = threshold
    rows = []
    for name in FRAMES.values():
        truth = gold[gold["frame"] == name]["code"].to_numpy(dtype=bool)
        score = scores[scores["frame"] == name]["score"].to_numpy()
        splits = list(cut.split(article_ids, truth))
        calibrated = np.zeros(len(truth), dtype=bool)
        for train, test in splits:
            codes = pd.DataFrame({"article_id": article_ids[train], "frame": name, "code": truth[train]})
            threshold = presence.calibrate_presence(scores, codes, target_recall=target_recall)["threshold"].iloc[0]
            calibrated[test] = score[test] >= threshold
        baseline = _tfidf_baseline(texts, truth, splits, seed)
        old = features[f"{name}:questions"].to_numpy() > 0
        words_figures = learned_words.figures.set_index("frame").loc[name]
        words_predictions = learned_words.predictions[learned_words.predictions["frame"] == name]
        counts_predictions = learned_counts.predictions[learned_counts.predictions["frame"] == name]
        base = float(truth.mean())
        row = {"frame": name, "articles": len(truth), "base_rate": base}
        row["any_precision"], row["any_recall"] = _precision_recall(truth, old)
        row["calibrated_precision"], row["calibrated_recall"] = _precision_recall(truth, calibrated)
        row["auc_dictionary"] = roc_auc_score(truth, score)
        row["auc_learned_counts"] = roc_auc_score(truth, counts_predictions["probability"].to_numpy())
        row["auc_learned"] = roc_auc_score(truth, words_predictions["probability"].to_numpy())
        row["auc_tfidf_lr"] = roc_auc_score(truth, baseline)
        row["learned_precision"], row["learned_recall"], row["learned_f1"] = (
            float(words_figures["precision"]), float(words_figures["recall"]), float(words_figures["f1"]))
        row["learned_calibrated_precision"], row["learned_calibrated_recall"] = _precision_recall(
            truth, learned_probability[name] >= learned_cut[name])
        row["dictionary_meets_bar"] = bool(row["calibrated_recall"] >= MIN_RECALL
                                           and row["calibrated_precision"] >= base + PRECISION_ABOVE_BASE)
        row["learned_calibrated_meets_bar"] = bool(row["learned_calibrated_recall"] >= MIN_RECALL and
                                                   row["learned_calibrated_precision"] >= base + PRECISION_ABOVE_BASE)
        row["learned_at_least_baseline"] = bool(row["auc_learned"] >= row["auc_tfidf_lr"])
        rows.append(row)
    everything = presence.calibrate_presence(scores, gold, target_recall=target_recall)
    return {"folder": str(folder), "folds": folds, "seed": seed, "target_recall": target_recall,
            "score": presence.SCORE, "frames": rows,
            "thresholds_on_all_articles": dict(zip(everything["frame"], everything["threshold"].round(4))),
            "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--target-recall", type=float, default=presence.TARGET_RECALL)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    options = parser.parse_args(argv)
    if not (options.folder / "articles_metadata.tsv").is_file():
        print(f"skipped: {options.folder / 'articles_metadata.tsv'} is absent; the narrative-frames benchmark is kept "
              "beside the repository in ../shared/benchmarks (give its folder as the first argument)")
        return 0
    result = measure(options.folder, folds=options.folds, seed=options.seed, target_recall=options.target_recall)
    if options.json:
        print(json.dumps(result))
        return 0
    table = pd.DataFrame(result["frames"]).set_index("frame")
    print(f"narrative-frames, {table['articles'].iloc[0]} articles, {result['folds']}-fold CV (seed {result['seed']}), "
          f"score {result['score']}, target recall {result['target_recall']}, {result['seconds']} s")
    with pd.option_context("display.width", 200, "display.max_columns", 30, "display.precision", 3):
        print(table.drop(columns=["articles"]).T)
    print("thresholds calibrated on all articles:", result["thresholds_on_all_articles"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
