"""The news sentiment model shipped in data/models: loads offline, predicts deterministically, and
beats VADER on the NewsMTSC sentences it never saw (slow test, reads ../shared)."""

import socket

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction import FeatureHasher

from analysis import analyse
from analysis.sentiment import learned, score_sentences
from conftest import benchmark_script, corpus_of, shared_path

MODEL_FILE_LIMIT = 3 * 1024 * 1024  # bytes: the model ships inside the package
HELD_OUT_FLOOR = 0.62  # per-target held-out macro-F1 measured by benchmarks/news_sentiment.py, less a margin
VADER_MARGIN = 0.10  # the margin over VADER the model was built to reach (issue 20)

POSITIVE = "The senator praised the volunteers, calling their rescue work brave, generous and a great success."
NEGATIVE = "Critics accused the governor of lying, calling the corrupt scheme a disgraceful failure and a scandal."


def test_the_model_file_is_shipped_small_and_without_a_pickle():
    path = learned.model_path()
    assert path.is_file()
    assert path.stat().st_size < MODEL_FILE_LIMIT
    with np.load(path, allow_pickle=False) as arrays:  # raises on any pickled object
        assert {"settings", "card", "idf", "coefficient_data", "intercepts"} <= set(arrays.files)


def test_the_model_loads_and_predicts_without_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the news model tried to reach the network")

    monkeypatch.setattr(socket, "socket", refuse)
    learned.load_model.cache_clear()
    table = learned.news_sentiment([POSITIVE, NEGATIVE])
    assert table.columns.tolist() == learned.NEWS_MODEL_COLUMNS
    assert table["news_label"].tolist() == ["positive", "negative"]


def test_hashing_is_the_one_the_model_was_trained_with():
    # FeatureHasher is MurmurHash3 (seed 0): the columns of these strings must never move.
    hashed = FeatureHasher(n_features=2 ** 18, input_type="string", alternate_sign=False).transform([["trump", "<said"]])
    assert sorted(hashed.indices.tolist()) == sorted(EXPECTED_COLUMNS)


EXPECTED_COLUMNS = [121388, 210921]


@pytest.mark.parametrize("text, label", [(POSITIVE, "positive"), (NEGATIVE, "negative"),
                                         ("The committee will meet on Tuesday at the Capitol.", "neutral")])
def test_obvious_sentences(text, label):
    assert learned.news_sentiment([text])["news_label"].tolist() == [label]


def test_predictions_are_deterministic_probabilities():
    texts = [POSITIVE, NEGATIVE, POSITIVE, "", "12 34"]
    first = learned.news_sentiment(texts)
    learned.load_model.cache_clear()
    second = learned.news_sentiment(list(reversed(texts))).iloc[::-1].reset_index(drop=True)
    assert first.equals(second)
    probabilities = first[["news_negative", "news_neutral", "news_positive"]].to_numpy()
    assert np.allclose(probabilities[:3].sum(axis=1), 1.0)
    assert np.allclose(first["news_score"][:3], probabilities[:3, 2] - probabilities[:3, 0])
    assert first["news_label"].tolist()[3:] == ["", ""]
    assert np.isnan(probabilities[3:]).all()


def test_the_target_changes_what_the_model_reads():
    text = "Smith praised the plan, while Jones was accused of lying and fraud."
    by_mention = learned.news_sentiment([text, text], targets=["Smith", "Jones"])
    by_span = learned.news_sentiment([text, text], targets=[(0, 5), (30, 35)])
    assert by_mention.equals(by_span)
    assert by_mention["news_score"][0] > by_mention["news_score"][1]
    # a mention that is not in the text reads the sentence as a whole
    assert learned.news_sentiment([text], targets=["Brown"]).equals(learned.news_sentiment([text]))


def test_a_bad_span_or_target_count_says_what_to_do():
    with pytest.raises(ValueError, match="outside the text"):
        learned.news_sentiment(["Short."], targets=[(3, 40)])
    with pytest.raises(ValueError, match="one target"):
        learned.news_sentiment(["One.", "Two."], targets=["One"])


def test_score_with_model_gives_one_row_per_sentence_beside_the_lexicons():
    corpus = corpus_of([f"{POSITIVE} {NEGATIVE}", "The vote is on Monday."])
    table = learned.score_with_model(corpus)
    assert table.columns.tolist() == learned.NEWS_SENTENCE_COLUMNS
    assert table[["article_id", "sentence_id"]].equals(corpus.sentences[["article_id", "sentence_id"]].reset_index(drop=True))
    assert table["news_label"].tolist()[:2] == ["positive", "negative"]
    assert not {"vader_compound", "textblob_polarity"} & set(table.columns)


def test_character_counts_per_word_equal_hashing_each_text_whole():
    # The model's character block sums each distinct word's hashed n-grams; hashing every text's
    # n-grams directly (as the model was trained) must give the very same counts.
    settings = learned.load_model().settings
    texts = [POSITIVE, NEGATIVE, "The vote is on Monday.", "", "!!!", "Vote, vote, VOTE: the voters' votes."]
    hasher = FeatureHasher(n_features=2 ** settings["hash_bits"], input_type="string", alternate_sign=False)
    low, high = settings["char_ngrams"]
    direct = hasher.transform([learned._character_ngrams([word for word, _, _ in learned.tokens(text) if word[0].isalnum()],
                                                         low, high) for text in texts])
    counts = learned.hashed_counts(texts, [None] * len(texts), settings)[1]
    assert counts.shape == direct.shape
    assert (counts != direct).nnz == 0
    assert counts[3].nnz == 0 and counts[4].nnz == 0  # no words, no n-grams


def test_known_lexicon_scores_give_the_same_reading():
    corpus = corpus_of([f"{POSITIVE} {NEGATIVE}", "The vote is on Monday. It was not a good day."])
    again = learned.score_with_model(corpus, score_sentences(corpus))
    assert again.equals(learned.score_with_model(corpus))


def test_articles_read_by_the_model_from_their_sentences():
    sentences = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "news_label": ["negative", "positive", "", ""],
                              "news_score": [-0.6, 0.2, np.nan, np.nan]})
    articles = pd.DataFrame({"article_id": ["b", "a", "c"], "outlet": ["X", "Y", "Z"]})
    table = learned.news_sentiment_by_article(sentences, articles)
    assert table.columns.tolist() == learned.NEWS_ARTICLE_COLUMNS
    assert table["article_id"].tolist() == ["b", "a", "c"]
    a = table.iloc[1]
    assert a["news_score"] == pytest.approx(-0.2)  # (-0.6 + 0.2) / 2: the unscored sentence left out
    assert (a["news_negative_share"], a["news_neutral_share"], a["news_positive_share"]) == (0.5, 0.0, 0.5)
    assert a["n_sentences_scored"] == 2
    assert table.loc[[0, 2], "n_sentences_scored"].tolist() == [0, 0]
    assert table.loc[[0, 2], "news_score"].isna().all()


def test_the_analysis_keeps_the_model_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path))
    results = analyse(None)
    first = results.news_model()
    assert first is results.news_model()  # kept, not computed twice
    assert first.equals(learned.score_with_model(results.corpus))
    assert results.with_top_outlets(1).news_model().equals(first)
    kept = list(tmp_path.rglob("news_model-*.parquet"))
    assert [path.name for path in kept] == [f"news_model-{learned.model_fingerprint()}.parquet"]
    monkeypatch.setattr(learned, "news_sentiment", None)  # read back from the cache, not computed again
    again = analyse(None).news_model()
    assert again.drop(columns="paragraph_id").equals(first.drop(columns="paragraph_id"))
    assert (again["paragraph_id"].to_numpy() == first["paragraph_id"].to_numpy()).all()


def test_many_sentences_are_read_on_several_processes_the_same(monkeypatch):
    corpus = corpus_of([f"{POSITIVE} {NEGATIVE} The vote is on Monday.", "It was not a good day. Nobody came.",
                        "!!!", "Critics praised the plan."])
    alone = learned.score_with_model(corpus, workers=1)
    monkeypatch.setattr(learned, "PARALLEL_SENTENCES", 2)
    monkeypatch.setattr(learned, "BATCH", 2)  # several batches, on two processes
    assert learned.score_with_model(corpus, workers=2).equals(alone)


def test_the_model_card_carries_the_held_out_figures():
    card = learned.model_card()
    assert "NewsMTSC" in card and "Held-out macro-F1" in card and "vader" in card


@pytest.mark.slow
def test_held_out_macro_f1_beats_vader_on_newsmtsc():
    benchmark = benchmark_script("news_sentiment")
    benchmark.BOOTSTRAP_RESAMPLES = 100  # the figures tested are the point estimates: fewer resamples, a faster run
    records = benchmark.read_newsmtsc(shared_path("benchmarks/newsmtsc-train/train.jsonl"))
    figures = benchmark.measure(records)
    print("\n" + benchmark.table(figures))
    for unit in ("per_target", "per_sentence"):
        assert figures[unit]["model"]["macro_f1"] >= HELD_OUT_FLOOR
        assert figures[unit]["model"]["macro_f1"] >= figures[unit]["vader"]["macro_f1"] + VADER_MARGIN
