"""Measures checked against people: how far the dictionary's questions and frames, and the sentiment
lexicons, agree with units that people coded by hand, with intervals, and which dictionary terms
fire where the people said no.

Any hand-coded sample will do: the coursework's coding sheets (``reliability.read_coding_sheets``),
or a table of units and labels (``read_labels``: a CSV of article_id, optionally sentence_id, and
label). Agreement is reported as precision, recall and F1 of "yes", macro-F1 over the classes,
Krippendorff's alpha (the ``krippendorff`` package) and, for sentiment, Spearman's rank correlation
(scipy), each with a 95% interval from resampling the units (seeded, so the same codes give the
same table).
"""

from __future__ import annotations

import io
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from analysis.errors import CodingSheetError
from analysis.framing.codebook import as_codebook, find_terms_in_texts
from analysis.framing.questions import QUESTION_CODEBOOK
from analysis.reliability import CODES

__all__ = ["VALIDATION_COLUMNS", "TERM_COLUMNS", "SENTIMENT_LABELS", "NEUTRAL_BAND", "RESAMPLES", "consensus",
           "agreement_scores", "validate_questions", "term_diagnostics", "read_labels", "sentiment_label",
           "validate_sentiment"]

VALIDATION_COLUMNS = ["measure", "item", "n_units", "people_yes", "measure_yes", "precision", "recall", "f1",
                      "macro_f1", "macro_f1_low", "macro_f1_high", "alpha", "alpha_low", "alpha_high", "spearman",
                      "spearman_low", "spearman_high", "note"]
TERM_COLUMNS = ["question_id", "frame", "term", "units", "people_yes", "people_no", "precision", "note"]
SENTIMENT_LABELS = ("negative", "neutral", "positive")
# A lexicon score within this of 0 reads as neutral (VADER's authors' own band for its compound score).
NEUTRAL_BAND = 0.05
RESAMPLES = 1000  # resamples of the units behind each interval
FEW_UNITS = 30  # fewer coded units than this: the figures carry a warning in ``note``
_SEED = 0


def consensus(codes: pd.DataFrame) -> pd.DataFrame:
    """Return one code per unit and question: what most coders said (``read_coding_sheets``' table).

    Columns: unit_id, article_id, question_id, frame, suggestion (the dictionary's), code (the
    people's "yes" or "no"), n_coders, unanimous. Ties (as many yes as no) are left out: no one
    answer is the people's there.
    """
    columns = ["unit_id", "article_id", "question_id", "frame", "suggestion", "code", "n_coders", "unanimous"]
    if codes.empty:
        return pd.DataFrame(columns=columns)
    yes = (codes["code"] == "yes").groupby([codes["unit_id"], codes["question_id"]], sort=False)
    votes = pd.DataFrame({"yes": yes.sum(), "n_coders": yes.size()}).reset_index()
    votes = votes[votes["yes"] * 2 != votes["n_coders"]]
    votes["code"] = np.where(votes["yes"] * 2 > votes["n_coders"], "yes", "no")
    votes["unanimous"] = (votes["yes"] == 0) | (votes["yes"] == votes["n_coders"])
    details = codes.drop_duplicates(["unit_id", "question_id"])[["unit_id", "question_id", "article_id", "frame",
                                                                 "suggestion"]]
    table = votes.merge(details, on=["unit_id", "question_id"], how="left")
    table["suggestion"] = table["suggestion"].fillna("").str.strip().str.casefold().map(CODES)
    return table[columns].reset_index(drop=True)


def _alpha(first: np.ndarray, second: np.ndarray, level: str) -> float:
    if len(np.unique(np.concatenate([first, second]))) < 2:
        return float("nan")  # every value the same: nothing to disagree on, alpha is undefined
    return float(krippendorff.alpha(reliability_data=np.vstack([first, second]).astype(float),
                                    level_of_measurement=level))


def _macro_f1(truth: np.ndarray, predicted: np.ndarray, classes: np.ndarray) -> float:
    """The mean F1 of the classes that the people or the measure used (a class neither used is left
    out: all "yes" on both sides is full agreement, 1)."""
    scores = []
    for value in classes:
        right = np.sum((truth == value) & (predicted == value))
        total = np.sum(truth == value) + np.sum(predicted == value)
        if total:
            scores.append(2 * right / total)
    return float(np.mean(scores)) if scores else float("nan")


def _spearman(truth: np.ndarray, predicted: np.ndarray) -> float:
    if len(np.unique(truth)) < 2 or len(np.unique(predicted)) < 2:
        return float("nan")
    return float(spearmanr(truth, predicted).statistic)


def agreement_scores(truth, predicted, *, classes=None, positive=None, level: str = "nominal",
                     ranks=None, resamples: int = RESAMPLES) -> dict[str, float]:
    """Return how far ``predicted`` agrees with the people's ``truth`` (equal-length sequences of
    codes; numbers for ``level="ordinal"``): precision, recall and F1 of the ``positive`` class,
    macro-F1 over ``classes`` (default: every value seen), Krippendorff's alpha at ``level``, and
    Spearman's correlation of ``truth`` with ``ranks`` (a score per unit, e.g. a lexicon's) when
    given; each of macro-F1, alpha and Spearman with a 95% interval from ``resamples`` resamples
    of the units (seeded)."""
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    classes = np.unique(np.concatenate([truth, predicted])) if classes is None else np.asarray(classes)
    result: dict[str, float] = {"n_units": len(truth)}
    if positive is not None:
        right = float(np.sum((truth == positive) & (predicted == positive)))
        said, found = float(np.sum(predicted == positive)), float(np.sum(truth == positive))
        precision = right / said if said else float("nan")
        recall = right / found if found else float("nan")
        result.update({"people_yes": int(found), "measure_yes": int(said), "precision": precision, "recall": recall,
                       "f1": 2 * right / (said + found) if said + found else float("nan")})
    codes = {value: number for number, value in enumerate(classes)}
    truth_codes = np.array([codes.get(value, -1) for value in truth]) if level == "nominal" else truth.astype(float)
    predicted_codes = (np.array([codes.get(value, -1) for value in predicted]) if level == "nominal"
                       else predicted.astype(float))
    rank_values = None if ranks is None else np.asarray(ranks, dtype=float)
    result["macro_f1"] = _macro_f1(truth, predicted, classes) if len(truth) else float("nan")
    result["alpha"] = _alpha(truth_codes, predicted_codes, level) if len(truth) else float("nan")
    result["spearman"] = _spearman(truth_codes, rank_values) if rank_values is not None and len(truth) else float("nan")
    draws = {"macro_f1": [], "alpha": [], "spearman": []}
    if len(truth) > 1:
        generator = np.random.default_rng(_SEED)
        for _ in range(resamples):
            chosen = generator.integers(0, len(truth), len(truth))
            draws["macro_f1"].append(_macro_f1(truth[chosen], predicted[chosen], classes))
            draws["alpha"].append(_alpha(truth_codes[chosen], predicted_codes[chosen], level))
            if rank_values is not None:
                draws["spearman"].append(_spearman(truth_codes[chosen], rank_values[chosen]))
    for name, values in draws.items():
        values = np.asarray(values, dtype=float)
        values = values[~np.isnan(values)]
        low, high = np.percentile(values, [2.5, 97.5]) if len(values) else (float("nan"), float("nan"))
        result[f"{name}_low"], result[f"{name}_high"] = float(low), float(high)
    return result


def _note(n_units: int, alpha: float) -> str:
    notes = []
    if n_units < FEW_UNITS:
        notes.append(f"only {n_units} coded unit{'s' if n_units != 1 else ''}: the intervals are wide")
    if np.isnan(alpha):
        notes.append("alpha undefined: every code the same")
    return "; ".join(notes)


def validate_questions(codes: pd.DataFrame, *, by: str = "question", resamples: int = RESAMPLES) -> pd.DataFrame:
    """Return how far the dictionary's suggested answers agree with the people's codes (the majority
    of the coders of each unit, ``consensus``), per question or per frame (``by="frame"`` pools a
    frame's questions), in ``VALIDATION_COLUMNS``: measure ("dictionary"), item (question or
    frame), n_units, people_yes, measure_yes, precision, recall and F1 of "yes", macro-F1 of yes
    and no, Krippendorff's alpha (nominal), each with a 95% interval, and a note where the figures
    rest on few units. A precision near the share of "yes" among the people's codes means the
    question's words fire whatever the article says."""
    if by not in {"question", "frame"}:
        raise ValueError("by must be 'question' or 'frame'")
    people = consensus(codes).dropna(subset=["suggestion"])
    key = "question_id" if by == "question" else "frame"
    rows = []
    for item, group in people.groupby(key, sort=False):
        scores = agreement_scores(group["code"].to_numpy(), group["suggestion"].to_numpy(), classes=["no", "yes"],
                                  positive="yes", resamples=resamples)
        rows.append({"measure": "dictionary", "item": item, **scores, "note": _note(len(group), scores["alpha"])})
    return pd.DataFrame(rows, columns=VALIDATION_COLUMNS)


def term_diagnostics(codes: pd.DataFrame, corpus, codebook=QUESTION_CODEBOOK) -> pd.DataFrame:
    """Return, for each indicator term of each question, the coded articles whose text has it and how
    the people coded them: which terms fire on articles the people said no to.

    Columns: question_id, frame, term, units (coded articles with the term), people_yes, people_no,
    precision (people_yes / units), note ("fires mostly where the people said no" when precision is
    under one half). Terms that never occur in a coded article are left out. Most misleading first.
    """
    book = as_codebook(codebook)
    people = consensus(codes)
    people = people[people["unit_id"] == people["article_id"]]  # article units (paragraph units: not here)
    questions = [(frame.name, question) for frame in book.frames.values() for question in frame.questions]
    coded_articles = list(dict.fromkeys(people["article_id"]))
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(coded_articles)]
    term_lists = [question.indicators for _, question in questions]
    found_in: dict[tuple[int, str], set] = {}
    for article_id, found in zip(sentences["article_id"], find_terms_in_texts(sentences["text"].tolist(), term_lists)):
        for number, hits in enumerate(found):
            for term, _, _, _ in hits:
                found_in.setdefault((number, term), set()).add(article_id)
    code_of = {(row.article_id, row.question_id): row.code for row in people.itertuples(index=False)}
    rows = []
    for (number, term), articles in found_in.items():
        frame, question = questions[number]
        answers = [code_of[(article, question.id)] for article in articles if (article, question.id) in code_of]
        if not answers:
            continue
        yes = sum(answer == "yes" for answer in answers)
        precision = yes / len(answers)
        rows.append({"question_id": question.id, "frame": frame, "term": term, "units": len(answers),
                     "people_yes": yes, "people_no": len(answers) - yes, "precision": precision,
                     "note": "fires mostly where the people said no" if precision < 0.5 else ""})
    table = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return table.sort_values(["people_no", "precision", "question_id", "term"], ascending=[False, True, True, True],
                             kind="stable").reset_index(drop=True)


def read_labels(source) -> pd.DataFrame:
    """Return hand-coded sentiment labels from a CSV file (or a DataFrame): one row per unit with
    ``article_id``, optionally ``sentence_id`` (a sentence of the corpus; without it the unit is the
    article), and ``label`` (negative, neutral or positive; also -1/0/1, neg/neu/pos). Problems are
    all reported at once, with the line, in a ``CodingSheetError``."""
    name = str(source) if not isinstance(source, pd.DataFrame) else "the table"
    if isinstance(source, pd.DataFrame):
        table = source.astype(str)
    else:
        path = Path(source)
        if not path.is_file():
            raise CodingSheetError(f"{path}: no such file; give a CSV with the columns article_id, label "
                                   "(and sentence_id for sentences)")
        table = pd.read_csv(io.StringIO(path.read_text(encoding="utf-8-sig")), dtype=str, keep_default_na=False)
    missing = [column for column in ("article_id", "label") if column not in table.columns]
    if missing:
        raise CodingSheetError(f"{name}: the column(s) {', '.join(missing)} are missing; the columns are "
                               "article_id, label (negative, neutral or positive) and, for sentences, sentence_id")
    spelled = {"negative": "negative", "neg": "negative", "-1": "negative", "neutral": "neutral", "neu": "neutral",
               "0": "neutral", "positive": "positive", "pos": "positive", "1": "positive", "+1": "positive"}
    labels = table["label"].str.strip().str.casefold().map(spelled)
    problems = [f"{name}, line {line}: the label '{value}' is not negative, neutral or positive"
                for line, value, label in zip(range(2, len(table) + 2), table["label"], labels) if pd.isna(label)]
    result = pd.DataFrame({"article_id": table["article_id"].str.strip(), "label": labels})
    if "sentence_id" in table.columns:
        numbers = pd.to_numeric(table["sentence_id"], errors="coerce")
        problems += [f"{name}, line {line}: the sentence_id '{value}' is not a number"
                     for line, value, number in zip(range(2, len(table) + 2), table["sentence_id"], numbers)
                     if pd.isna(number)]
        result.insert(1, "sentence_id", numbers.astype("Int64"))
    if problems:
        raise CodingSheetError(f"{len(problems)} problem(s) in the labels:\n" + "\n".join(f"- {p}" for p in problems))
    return result


def sentiment_label(scores, band: float = NEUTRAL_BAND) -> np.ndarray:
    """Return negative, neutral or positive for scores from -1 to 1: neutral within ``band`` of 0."""
    values = np.asarray(scores, dtype=float)
    return np.where(values > band, "positive", np.where(values < -band, "negative", "neutral"))


def validate_sentiment(labels: pd.DataFrame, scores: pd.DataFrame, *,
                       columns=("textblob_polarity", "vader_compound"), resamples: int = RESAMPLES) -> pd.DataFrame:
    """Return how far each score column agrees with hand-coded labels (``read_labels``), in
    ``VALIDATION_COLUMNS``: per column (measure), the units found in ``scores`` (sentence scores,
    keyed by article_id and sentence_id, when the labels have sentence_id; article scores otherwise),
    macro-F1 of the three classes (a score within ``NEUTRAL_BAND`` of 0 reads as neutral), alpha
    (ordinal: negative < neutral < positive) and Spearman's correlation of the score with the label,
    each with a 95% interval. Units the scores do not have are left out and counted in ``note``."""
    keys = ["article_id", "sentence_id"] if "sentence_id" in labels.columns else ["article_id"]
    if "sentence_id" in keys:
        scores = scores.assign(sentence_id=scores["sentence_id"].astype("Int64"))
    joined = labels.merge(scores[keys + [column for column in columns if column in scores.columns]], on=keys,
                          how="inner")
    unmatched = len(labels) - len(joined)
    order = {label: number for number, label in enumerate(SENTIMENT_LABELS)}
    truth = joined["label"].map(order).to_numpy(dtype=float)
    rows = []
    for column in columns:
        if column not in joined.columns:
            raise KeyError(f"the scores have no column '{column}'; they have: {', '.join(scores.columns)}")
        values = joined[column].to_numpy(dtype=float)
        predicted = pd.Series(sentiment_label(values)).map(order).to_numpy(dtype=float)
        result = agreement_scores(truth, predicted, classes=[0.0, 1.0, 2.0], level="ordinal", ranks=values,
                                  resamples=resamples)
        note = _note(len(joined), result["alpha"])
        if unmatched:
            note = "; ".join(filter(None, [note, f"{unmatched} labelled unit(s) not in the scores"]))
        rows.append({"measure": column, "item": "sentiment", **result, "note": note})
    return pd.DataFrame(rows, columns=VALIDATION_COLUMNS)
