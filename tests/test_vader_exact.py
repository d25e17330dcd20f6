"""VADER's scores computed without the library's repeated work are the library's own, float for float.

The library (``SentimentIntensityAnalyzer.polarity_scores``) is the oracle: every expected value
here is what it returns for the same text.
"""

from __future__ import annotations

import json
import random
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import shared_path
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import load_corpus
from analysis.resources.lexicons import prepare_for_vader, vader
from analysis.sentiment._vader_exact import polarity_scores

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parents[1] / "data" / "corpus"

# Each rule of the library, and the places where its code has quirks worth keeping.
EDGE_CASES = [
    "", " ", "!!!", "?", "a", "I", ":)", ":-( :(", "<3",
    "The food was good.", "The food was GOOD.", "THE FOOD WAS GOOD.", "The food was VERY good.",
    "The food was very GOOD!!!", "The food was not good.", "The food wasn't good at all", "The food isnt good",
    "no good", "No problem, no worries.", "there is no", "no or bad news", "no nor good", "good no",
    "kind of good", "kind", "He was kind of kind.", "sort of nice", "It was sort of a good day.",
    "never so good", "never this bad", "without doubt good", "not without doubt the best",
    "it was least good", "at least good", "very least good", "least",
    "the bomb", "bus stop", "yeah right, great", "kiss of death", "to die for", "the shit was great",
    "good but bad", "bad but good but bad", "Good, good, but good good.", "but", "BUT it was fine",
    "The attack killed 12 people, officials said.", "He said: 'It was a horrible, horrible day.'",
    "It is not a good day??", "It is a good day???? really", "Great!!!!! Really great!",
    "It's   spaced\tout\nover lines", "“Curly” quotes ’n’ stuff", "...good...", "--bad--", "(good)",
    "I ❤ you", "Happy 😀 day", "☺good", "a ™ mark", "Ünïcödé wörds are fine", "KIND OF good",
    "barely good", "hardly bad", "extremely BAD", "EXTREMELY bad news", "totally not bad",
]


def _library(text: str) -> dict:
    return vader().polarity_scores(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_the_library(text):
    assert polarity_scores(text, vader()) == _library(text)


def test_another_analyser_with_its_own_lexicon_is_followed():
    # watchlist.neutralised_scores scores with a copy of VADER whose lexicon lacks some words
    neutral = SentimentIntensityAnalyzer()
    neutral.lexicon = {word: value for word, value in vader().lexicon.items() if word not in {"killed", "good"}}
    for text in ("The attack killed 12 people.", "A good day, not a bad one.", "Good but killed."):
        assert polarity_scores(text, neutral) == neutral.polarity_scores(text)
        assert polarity_scores(text, neutral) != _library(text)


def _fixture_sentences() -> list[str]:
    folders = [DATA] + sorted(folder for folder in FIXTURES.iterdir() if folder.is_dir())
    texts = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for folder in folders:
            corpus = load_corpus(folder)
            texts.update(corpus.sentences["text"])
            texts.update(corpus.paragraphs["text"])
    return sorted(texts)


def _mismatches(texts) -> list[str]:
    analyzer = vader()
    return [text for text in texts
            if polarity_scores(prepare_for_vader(text), analyzer) != analyzer.polarity_scores(prepare_for_vader(text))]


def test_every_sentence_and_paragraph_of_the_bundled_and_fixture_corpora():
    texts = _fixture_sentences()
    assert len(texts) > 200
    assert _mismatches(texts) == []


@pytest.mark.slow
def test_every_sentence_of_real_news_equals_the_library():
    path = shared_path("corpora/real-news-2400/articles.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sentences = pd.unique(load_corpus(path).sentences["text"])
    assert len(sentences) > 40_000
    assert _mismatches(sentences) == []


@pytest.mark.slow
def test_every_sentence_of_the_news_sentiment_benchmark_equals_the_library():
    path = shared_path("benchmarks/newsmtsc-train/train.jsonl")
    with path.open(encoding="utf-8") as lines:
        sentences = [json.loads(line)["sentence_normalized"] for line in lines if line.strip()]
    assert len(sentences) > 5_000
    assert _mismatches(sentences) == []


def test_the_but_rule_for_long_texts_equals_the_librarys_on_lists_with_repeated_values():
    # The library's rule finds each value's first position with list.index, so equal values
    # interact: lists drawn from a few values, with ints and floats, check exactly that.
    from analysis.sentiment._vader_exact import _but_check

    rng = random.Random(3)
    pool = [0, 0.0, 1.5, -1.5, 0.75, 2.25, 3.0, -0.75, 1.125, -2.25, 0.5, 1.0]
    for _ in range(3000):
        values = [rng.choice(pool) for _ in range(rng.randint(1, 60))]
        words = ["w"] * len(values)
        words[rng.randrange(len(values))] = "but"
        expected = SentimentIntensityAnalyzer._but_check(words, list(values))
        found = _but_check(words.index("but"), list(values))
        assert found == expected and [type(value) for value in found] == [type(value) for value in expected]


@pytest.mark.parametrize("repeat", [50, 400])
def test_a_long_quotation_with_but_equals_the_library(repeat):
    text = " ".join(["It was a good day, but the talks were bad and sad, not great, but fine."] * repeat)
    assert polarity_scores(text, vader()) == _library(text)
