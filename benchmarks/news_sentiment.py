"""Train the shipped news sentiment model on NewsMTSC and measure it against TextBlob and VADER.

NewsMTSC (``../shared/benchmarks/newsmtsc-train/train.jsonl``; Hamborg and Donnay, EACL 2021):
political news sentences, each with one to three target mentions and the polarity people gave the
sentence towards each (2.0 negative, 4.0 neutral, 6.0 positive). One sentence in five, chosen by a
hash of its text (all its targets, and every copy of the same sentence, together), is held out:
never trained on, never used to choose the features or the regularisation, which were chosen by
5-fold cross-validation (folds grouped by sentence) on the other four in five. The shipped model
is trained on those four in five only, so the held-out figure below is honest.

    python benchmarks/news_sentiment.py            # the shipped model, TextBlob and VADER on the held-out part
    python benchmarks/news_sentiment.py --json     # the same as one JSON object
    python benchmarks/news_sentiment.py --train    # rebuild data/models/news_sentiment.npz (deterministic)
    python benchmarks/news_sentiment.py --cv       # the cross-validation figures of the shipped settings

Per target: one row per (sentence, target), the model given the target's span; the lexicons give
every target of a sentence the sentence's score. Per sentence: one row per line of the file, the
label of its primary target (the one named by ``primary_gid``). VADER's compound is mapped to three
classes by its authors' thresholds (>= 0.05 positive, <= -0.05 negative); TextBlob's polarity by
its sign (the package maps neither; TextBlob has no published thresholds). 95% intervals: 2,000
bootstrap resamples of sentences (a sentence's targets resampled together), seeded.

Skips with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from analysis.sentiment import learned
from analysis.sentiment.scores import score_texts

SHARED = Path(__file__).resolve().parents[2] / "shared"
NEWSMTSC = SHARED / "benchmarks" / "newsmtsc-train" / "train.jsonl"
POLARITY_CLASS = {2.0: 0, 4.0: 1, 6.0: 2}  # NewsMTSC's polarities -> index into learned.LABELS
HELD_OUT_ONE_IN = 5  # a sentence is held out when the hash of its text is 0 modulo this
VADER_THRESHOLD = 0.05  # VADER's authors' thresholds on the compound for positive / negative
BOOTSTRAP_RESAMPLES = 2_000
SEED = 20
FOLDS = 5

# Chosen by 5-fold cross-validation on the development part (``--cv`` repeats the chosen one):
# word 1-2 grams, character 2-5 grams within words, the 4 tokens either side of the target, the
# lexicon scores of the sentence and of the 4 words either side of the target; C of the
# multinomial logistic regression; coefficients below PRUNE_BELOW in size dropped.
SETTINGS = {
    "hash_bits": 18,
    "word_ngrams": 2,
    "char_ngrams": [2, 5],
    "window": 4,
    "window_bigrams": False,
    "mask_target": True,
    "lexicon_window": 4,
    "lexicon_scale": 1.0,
}
REGULARISATION_C = 2.0
PRUNE_BELOW = 0.05


def read_newsmtsc(path: Path = NEWSMTSC) -> list[dict]:
    """Return one record per (sentence, target): text, span, label, line, primary, held_out."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for line_number, line in enumerate(lines):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["sentence_normalized"]
            held_out = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % HELD_OUT_ONE_IN == 0
            primary = next((i for i, target in enumerate(row["targets"]) if target["Input.gid"] == row["primary_gid"]), 0)
            for i, target in enumerate(row["targets"]):
                records.append({"text": text, "span": (target["from"], target["to"]),
                                "label": POLARITY_CLASS[target["polarity"]], "line": line_number,
                                "primary": i == primary, "held_out": held_out})
    return records


def fit(texts: list[str], spans: list, labels: np.ndarray, settings: dict, c: float):
    """Return (idfs, coefficients over every column, intercepts) of the model fitted on these rows."""
    counts = learned.hashed_counts(texts, spans, settings)
    idfs = [learned.inverse_document_frequency(block) for block in counts]
    matrix = learned.design_matrix(counts, idfs, learned.lexicon_features(texts, spans, settings),
                                   settings["lexicon_scale"])
    used = np.unique(matrix.indices)  # lbfgs is ten times faster on the columns that occur
    model = LogisticRegression(C=c, max_iter=5_000, tol=1e-6).fit(matrix[:, used], labels)
    coefficients = np.zeros((len(learned.LABELS), matrix.shape[1]))
    coefficients[:, used] = model.coef_
    return idfs, coefficients, model.intercept_


def pruned(coefficients: np.ndarray, below: float) -> np.ndarray:
    """Return the coefficients with those smaller than ``below`` in size set to 0."""
    return np.where(np.abs(coefficients) >= below, coefficients, 0.0)


def train(records: list[dict], output: Path) -> dict:
    """Train on the development part, prune, write the model file; return its card."""
    development = [record for record in records if not record["held_out"]]
    texts = [record["text"] for record in development]
    spans = [record["span"] for record in development]
    labels = np.array([record["label"] for record in development])
    idfs, coefficients, intercepts = fit(texts, spans, labels, SETTINGS, REGULARISATION_C)
    kept = pruned(coefficients, PRUNE_BELOW)
    card = {
        "name": "news sentiment (NewsMTSC-trained logistic regression)",
        "training_data": "NewsMTSC train.jsonl (Hamborg and Donnay, EACL 2021): political news sentences with "
                         "the polarity people gave them towards a target (negative, neutral, positive)",
        "split": f"one sentence in {HELD_OUT_ONE_IN} held out by the SHA-1 of its text; trained on the other "
                 f"{len(development)} (sentence, target) rows only",
        "settings": SETTINGS, "C": REGULARISATION_C, "pruned_below": PRUNE_BELOW,
        "coefficients_kept": int(np.count_nonzero(kept)), "coefficients_fitted": int(np.count_nonzero(coefficients)),
    }
    learned.save_model(output, settings=SETTINGS, idfs=idfs, coefficients=kept, intercepts=intercepts, card=card)
    learned.load_model.cache_clear()
    figures = measure(records, learned.NewsModel(output))
    card["held_out"] = _card_figures(figures)
    learned.save_model(output, settings=SETTINGS, idfs=idfs, coefficients=kept, intercepts=intercepts, card=card)
    learned.load_model.cache_clear()
    return card


def _card_figures(figures: dict) -> dict:
    """Return the few figures the model card carries."""
    return {unit: {name: {key: figures[unit][name][key] for key in ("macro_f1", "interval")}
                   for name in ("model", "model_without_target", "vader", "textblob")}
            | {"rows": figures[unit]["rows"]}
            for unit in ("per_target", "per_sentence")}


def cross_validate(records: list[dict], settings: dict = SETTINGS, c: float = REGULARISATION_C) -> dict:
    """Return the macro-F1 of 5-fold cross-validation (grouped by sentence) on the development part."""
    development = [record for record in records if not record["held_out"]]
    texts = [record["text"] for record in development]
    spans = [record["span"] for record in development]
    labels = np.array([record["label"] for record in development])
    counts = learned.hashed_counts(texts, spans, settings)
    lexicon = learned.lexicon_features(texts, spans, settings)
    predicted = np.zeros(len(labels), dtype=int)
    for train_rows, test_rows in GroupKFold(FOLDS).split(texts, labels, texts):
        idfs = [learned.inverse_document_frequency(block[train_rows]) for block in counts]
        matrix = learned.design_matrix(counts, idfs, lexicon, settings["lexicon_scale"])
        used = np.unique(matrix[train_rows].indices)
        matrix = matrix[:, used]
        model = LogisticRegression(C=c, max_iter=5_000, tol=1e-6).fit(matrix[train_rows], labels[train_rows])
        predicted[test_rows] = model.predict(matrix[test_rows])
    return {"folds": FOLDS, "rows": len(labels), "macro_f1": round(float(f1_score(labels, predicted, average="macro")), 4)}


def vader_classes(compound: np.ndarray) -> np.ndarray:
    """Return VADER's compound mapped to 0 negative, 1 neutral, 2 positive by its authors' thresholds."""
    return np.where(compound >= VADER_THRESHOLD, 2, np.where(compound <= -VADER_THRESHOLD, 0, 1))


def textblob_classes(polarity: np.ndarray) -> np.ndarray:
    """Return TextBlob's polarity mapped to 0 negative, 1 neutral, 2 positive by its sign."""
    return np.where(polarity > 0, 2, np.where(polarity < 0, 0, 1))


def _resampled(groups, statistic, resamples=None) -> list[float]:
    """Return the bootstrap 95% interval of ``statistic(rows)``, resampling whole groups (sentences);
    ``BOOTSTRAP_RESAMPLES`` resamples unless given."""
    resamples = BOOTSTRAP_RESAMPLES if resamples is None else resamples
    random = np.random.default_rng(SEED)
    codes, group_count = _group_codes(groups)
    members = [np.flatnonzero(codes == code) for code in range(group_count)]
    values = [statistic(np.concatenate([members[code] for code in random.integers(0, group_count, group_count)]))
              for _ in range(resamples)]
    return [round(float(value), 4) for value in np.percentile(values, [2.5, 97.5])]


def _interval(labels, predicted, groups, resamples=None) -> list[float]:
    """Return the bootstrap 95% interval of the macro-F1, resampling groups (sentences)."""
    return _resampled(groups, lambda rows: f1_score(labels[rows], predicted[rows], average="macro"), resamples)


def _group_codes(groups) -> tuple[np.ndarray, int]:
    """Return integer codes of the groups and their number."""
    _, codes = np.unique(np.asarray(groups), return_inverse=True)
    return codes, int(codes.max()) + 1


def _difference_interval(labels, first, second, groups, resamples=None) -> list[float]:
    """Return the paired bootstrap 95% interval of macro-F1(first) - macro-F1(second)."""
    return _resampled(groups, lambda rows: f1_score(labels[rows], first[rows], average="macro")
                      - f1_score(labels[rows], second[rows], average="macro"), resamples)


def _scores(labels, predicted, continuous, groups) -> dict:
    """Return macro-F1 with its interval, per-class F1 and Spearman's rho of one scorer."""
    per_class = f1_score(labels, predicted, average=None, labels=[0, 1, 2])
    return {"macro_f1": round(float(f1_score(labels, predicted, average="macro")), 4),
            "interval": _interval(labels, predicted, groups),
            "f1": {label: round(float(value), 4) for label, value in zip(learned.LABELS, per_class)},
            "spearman": round(float(spearmanr(continuous, labels).statistic), 4)}


def measure(records: list[dict], model: learned.NewsModel | None = None) -> dict:
    """Return the held-out figures of the model, VADER and TextBlob, per target and per sentence."""
    model = model or learned.load_model()
    held = [record for record in records if record["held_out"]]
    texts = [record["text"] for record in held]
    labels = np.array([record["label"] for record in held])
    groups = np.array(texts, dtype=object)
    with_target = model.probabilities(texts, [record["span"] for record in held])
    without_target = model.probabilities(texts, [None] * len(held))
    lexicons = score_texts(texts)
    compound = lexicons["vader_compound"].fillna(0).to_numpy()
    polarity = lexicons["textblob_polarity"].fillna(0).to_numpy()
    scorers = {
        "model": (with_target.argmax(axis=1), with_target[:, 2] - with_target[:, 0]),
        "model_without_target": (without_target.argmax(axis=1), without_target[:, 2] - without_target[:, 0]),
        "vader": (vader_classes(compound), compound),
        "textblob": (textblob_classes(polarity), polarity),
    }
    figures = {}
    primary = np.array([record["primary"] for record in held])
    multi_target_lines = {record["line"] for record in held if not record["primary"]}
    multi = np.array([record["line"] in multi_target_lines for record in held])
    for unit, rows in (("per_target", np.ones(len(held), dtype=bool)), ("per_sentence", primary),
                       ("multi_target", multi)):
        unit_figures = {name: _scores(labels[rows], predicted[rows], continuous[rows], groups[rows])
                        for name, (predicted, continuous) in scorers.items()}
        unit_figures["model_minus_vader"] = _difference_interval(labels[rows], scorers["model"][0][rows],
                                                                 scorers["vader"][0][rows], groups[rows])
        unit_figures["rows"] = int(rows.sum())
        figures[unit] = unit_figures
    figures["model_file_bytes"] = learned.model_path().stat().st_size if learned.model_path().is_file() else None
    return figures


def table(figures: dict) -> str:
    """Return the figures as a plain-text table."""
    lines = [f"{'unit':<14} {'scorer':<22} {'macro-F1':>8} {'95% interval':>16} {'F1 neg':>7} {'F1 neu':>7} "
             f"{'F1 pos':>7} {'Spearman':>8}"]
    for unit in ("per_target", "per_sentence", "multi_target"):
        for name in ("model", "model_without_target", "vader", "textblob"):
            each = figures[unit][name]
            low, high = each["interval"]
            lines.append(f"{unit:<14} {name:<22} {each['macro_f1']:>8.3f} {f'{low:.3f}-{high:.3f}':>16} "
                         f"{each['f1']['negative']:>7.3f} {each['f1']['neutral']:>7.3f} {each['f1']['positive']:>7.3f} "
                         f"{each['spearman']:>8.3f}")
        low, high = figures[unit]["model_minus_vader"]
        lines.append(f"{unit:<14} model - VADER: {figures[unit]['model']['macro_f1'] - figures[unit]['vader']['macro_f1']:+.3f} "
                     f"(95% interval {low:+.3f} to {high:+.3f}), {figures[unit]['rows']} rows")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="store_true", help="rebuild the shipped model file from ../shared")
    parser.add_argument("--cv", action="store_true", help="cross-validate the shipped settings on the development part")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    options = parser.parse_args(argv)
    if not NEWSMTSC.is_file():
        print(f"skipped: {NEWSMTSC} is absent (NewsMTSC is kept beside the repository in ../shared)")
        return 0
    records = read_newsmtsc()
    result: dict = {}
    if options.train:
        result["card"] = train(records, learned.model_path())
    if options.cv:
        result["cross_validation"] = cross_validate(records)
    result["held_out"] = measure(records)
    if options.json:
        print(json.dumps(result, indent=2))
    else:
        if "cross_validation" in result:
            print(f"cross-validation on the development part: {result['cross_validation']}")
        print(table(result["held_out"]))
        print(f"model file: {result['held_out']['model_file_bytes']:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
