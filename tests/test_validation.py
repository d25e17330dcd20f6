"""Measures validated against hand-coded units (issue 20): consensus of coders, agreement with
intervals, the dictionary's questions against the coursework sheets, misleading terms, and
sentiment labels; expected values worked out by hand or by calling scikit-learn, scipy and
krippendorff directly."""

import krippendorff
import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr
from sklearn.metrics import f1_score

from analysis import load_corpus, reliability, validation
from analysis.errors import CodingSheetError
from analysis.resources import find_resources
from analysis.sentiment import score_sentences
from conftest import corpus_of


def _codes(rows):
    """A read_coding_sheets-like table from (coder, unit, question, frame, suggestion, code) rows."""
    table = pd.DataFrame(rows, columns=["coder", "unit_id", "question_id", "frame", "suggestion", "code"])
    return table.assign(article_id=table["unit_id"], evidence="")


def test_consensus_is_the_majority_and_leaves_ties_out():
    codes = _codes([
        ("anna", "a1", "Q1", "f", "yes", "yes"), ("ben", "a1", "Q1", "f", "yes", "yes"), ("cai", "a1", "Q1", "f", "yes", "no"),
        ("anna", "a2", "Q1", "f", "no", "yes"), ("ben", "a2", "Q1", "f", "no", "no"),  # a tie: no answer
        ("anna", "a3", "Q1", "f", "no", "no"),
    ])
    table = validation.consensus(codes).set_index("unit_id")
    assert list(table.index) == ["a1", "a3"]
    assert table.loc["a1", "code"] == "yes" and not table.loc["a1", "unanimous"] and table.loc["a1", "n_coders"] == 3
    assert table.loc["a3", "code"] == "no" and table.loc["a3", "unanimous"]
    assert validation.consensus(codes.iloc[:0]).empty


def test_agreement_scores_by_hand_and_by_the_libraries():
    truth = np.array(["yes", "yes", "no", "no", "yes", "no"])
    said = np.array(["yes", "no", "yes", "no", "yes", "no"])
    scores = validation.agreement_scores(truth, said, classes=["no", "yes"], positive="yes", resamples=200)
    # yes: said 3 times, right 2 of them; the people said yes 3 times
    assert (scores["precision"], scores["recall"], scores["f1"]) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert scores["macro_f1"] == pytest.approx(f1_score(truth, said, average="macro"))
    direct = krippendorff.alpha(reliability_data=np.vstack([(truth == "yes"), (said == "yes")]).astype(float),
                                level_of_measurement="nominal")
    assert scores["alpha"] == pytest.approx(direct)
    assert scores["macro_f1_low"] <= scores["macro_f1"] <= scores["macro_f1_high"]
    again = validation.agreement_scores(truth, said, classes=["no", "yes"], positive="yes", resamples=200)
    assert pd.Series(again).equals(pd.Series(scores))  # seeded: the same intervals (NaN where no ranks)
    # all "yes" on both sides: full agreement by F1, alpha undefined (nothing to disagree on)
    same = validation.agreement_scores(np.array(["yes"] * 4), np.array(["yes"] * 4), classes=["no", "yes"],
                                       positive="yes", resamples=50)
    assert same["macro_f1"] == 1.0 and np.isnan(same["alpha"])


def test_the_dictionary_validated_against_the_bundled_coursework_sheets():
    resources = find_resources(None)
    codes = reliability.read_coding_sheets(resources.coding_sheets)
    table = validation.validate_questions(codes, by="frame", resamples=200).set_index("item")
    people = validation.consensus(codes)
    for frame, group in people.groupby("frame"):
        truth, said = group["code"].to_numpy(), group["suggestion"].to_numpy()
        row = table.loc[frame]
        assert row["n_units"] == len(group)
        assert row["people_yes"] == (truth == "yes").sum() and row["measure_yes"] == (said == "yes").sum()
        if (said == "yes").any():
            assert row["precision"] == pytest.approx(((truth == "yes") & (said == "yes")).sum() / (said == "yes").sum())
        used = sorted(set(truth) | set(said))
        assert row["macro_f1"] == pytest.approx(f1_score(truth, said, labels=used, average="macro"))
    assert list(validation.validate_questions(codes, resamples=50).columns) == validation.VALIDATION_COLUMNS
    assert table["note"].str.contains("only").all()  # four articles: every figure warned about
    with pytest.raises(ValueError, match="question"):
        validation.validate_questions(codes, by="outlet")


def test_term_diagnostics_show_terms_that_fire_where_the_people_said_no(tmp_path):
    book = tmp_path / "book.yml"
    book.write_text("codebook: test\nframes:\n  responsibility:\n    label: Responsibility\n    questions:\n"
                    "      - id: R2\n        text: Is someone to blame?\n        indicators: [blame*, caused]\n")
    corpus = corpus_of(["The minister was blamed for the flood.", "Nobody could blame the weather, they said.",
                        "The storm caused damage."])
    codes = _codes([("anna", "a0", "R2", "responsibility", "yes", "yes"),
                    ("anna", "a1", "R2", "responsibility", "yes", "no"),
                    ("anna", "a2", "R2", "responsibility", "yes", "yes")])
    table = validation.term_diagnostics(codes, corpus, book)
    rows = {row.term: row for row in table.itertuples(index=False)}
    assert (rows["blame*"].units, rows["blame*"].people_yes, rows["blame*"].people_no) == (2, 1, 1)
    assert rows["blame*"].precision == 0.5 and rows["caused"].precision == 1.0
    assert table.iloc[0]["term"] == "blame*"  # the misleading term first
    assert list(table.columns) == validation.TERM_COLUMNS


def test_read_labels_names_every_bad_line(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("article_id,sentence_id,label\nvoa_ap,1,positive\nvoa_ap,x,pos\nvoa_ap,3,happy\n")
    with pytest.raises(CodingSheetError) as raised:
        validation.read_labels(path)
    message = str(raised.value)
    assert "line 3" in message and "sentence_id 'x'" in message and "line 4" in message and "'happy'" in message
    with pytest.raises(CodingSheetError, match="label"):
        validation.read_labels(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(CodingSheetError, match="no such file"):
        validation.read_labels(tmp_path / "missing.csv")
    good = validation.read_labels(pd.DataFrame({"article_id": ["a", "b"], "label": ["-1", "Neutral"]}))
    assert good["label"].tolist() == ["negative", "neutral"]


def test_sentiment_validated_against_labels_of_sentences():
    corpus = load_corpus()
    scores = score_sentences(corpus)
    chosen = scores[scores["article_id"] == "voa_ap"].head(12)
    labels = pd.DataFrame({"article_id": chosen["article_id"], "sentence_id": chosen["sentence_id"],
                           "label": (["negative", "neutral", "positive"] * 4)})
    labels = pd.concat([labels, pd.DataFrame({"article_id": ["nope"], "sentence_id": [1], "label": ["neutral"]})])
    table = validation.validate_sentiment(validation.read_labels(labels), scores, resamples=100).set_index("measure")
    order = {"negative": 0, "neutral": 1, "positive": 2}
    truth = labels["label"].iloc[:12].map(order).to_numpy()
    for column in ("textblob_polarity", "vader_compound"):
        values = chosen[column].to_numpy()
        said = pd.Series(validation.sentiment_label(values)).map(order).to_numpy()
        row = table.loc[column]
        assert row["n_units"] == 12
        assert row["macro_f1"] == pytest.approx(f1_score(truth, said, labels=sorted(set(truth) | set(said)),
                                                         average="macro"))
        assert row["spearman"] == pytest.approx(spearmanr(truth, values).statistic)
        assert "1 labelled unit(s) not in the scores" in row["note"]
    assert list(validation.sentiment_label([0.5, 0.04, -0.2])) == ["positive", "neutral", "negative"]
