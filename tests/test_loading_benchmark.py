"""Loading measured on real data nobody here wrote: the benchmark's scoring, then the figures the
loader must reach on ../shared (skipped with a message where that folder is absent)."""

import warnings

import pandas as pd
import pytest
from conftest import MEASURED, shared_path

from analysis import load_corpus
from analysis.corpus import codes
from analysis.scale.loading_benchmark import extraction_scores, extraction_summary, removal_sample, shingle_matches, summarise


def test_shingles_score_as_the_benchmark_does():
    # true 4-grams: (a b c d), (b c d e); found: (a b c d), (b c d x): one of each kind
    assert shingle_matches("a b c d e", "a b c d x") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert shingle_matches("a b c d", "a b c d") == (1.0, 0.0, 0.0)
    assert shingle_matches("a b", "") == (0.0, 0.0, 1.0)  # a text shorter than 4 words is one shingle
    assert shingle_matches("", "") == (0.0, 0.0, 0.0)


def test_precision_and_recall_are_averaged_over_pages_before_f1():
    # page 1: precision 1/2, recall 1/2; page 2: precision 1, recall 1/4 (tp 1, fn 3)
    scores = summarise([(1 / 3, 1 / 3, 1 / 3), (0.25, 0.0, 0.75)])
    assert scores["precision"] == pytest.approx(0.75)
    assert scores["recall"] == pytest.approx(0.375)
    assert scores["f1"] == pytest.approx(2 * 0.75 * 0.375 / 1.125)


def test_the_sample_of_changes_shows_each_with_its_context():
    text = "They don t know, officials said. " * 3 + "Featured image via Jo Bloggs/Getty Images"
    sample = removal_sample(pd.DataFrame({"article_id": ["a"], "text": [text]}), per_reason=2)
    assert sorted(sample["reason"].value_counts().items()) == [
        ("apostrophe lost in scraping, put back", 2),
        ("photo credit inside a line of text (only the credit was taken out)", 1)]
    credit = sample[sample["reason"].str.startswith("photo credit")].iloc[0]
    assert credit["before"].endswith("officials said. ") and credit["after"] == ""
    assert (sample["label"] == "").all()


@pytest.mark.slow
def test_saved_web_pages_keep_the_body_text_people_marked():
    folder = shared_path("benchmarks/article-extraction")
    scores, corpus = extraction_scores(folder)
    summary = extraction_summary(scores).set_index(["pages", "extractor"])
    ours, theirs = summary.loc[("all", "package")], summary.loc[("all", "trafilatura")]
    held_out = summary.loc[("held-out", "package")]
    MEASURED["article extraction (181 pages), body text"] = (
        f"precision {ours['precision']:.3f}, recall {ours['recall']:.3f}, F1 {ours['f1']:.3f} "
        f"(held-out half: F1 {held_out['f1']:.3f}); trafilatura alone F1 {theirs['f1']:.3f}")
    assert scores["loaded"].all() and len(scores) == 181
    assert not (corpus.problems["code"] == codes.HTML_TAGS).any()
    assert ours["f1"] >= theirs["f1"]
    assert ours["precision"] >= 0.95


@pytest.mark.slow
def test_a_real_scraped_corpus_loads_without_losing_articles():
    path = shared_path("corpora/real-news-2400/articles.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    n_input = len(pd.read_csv(path))
    skipped = corpus.problems[corpus.problems["action"].str.startswith("skipped")]
    MEASURED["real-news-2400, loading"] = (
        f"{len(corpus.articles)} of {n_input} articles loaded, {len(skipped)} skipped, "
        f"{len(corpus.sentences)} sentences, {len(corpus.paragraphs)} paragraphs")
    assert len(skipped) <= 0.005 * n_input
    # Nothing skipped holds prose: a skipped row's text, credits and captions aside, is short.
    raw = pd.read_csv(path).set_index("id")["text"]
    skipped_ids = skipped["source"].str.extract(r"row (\d+)")[0].dropna().astype(int) - 1
    assert all(len(raw.iloc[row]) <= 300 for row in skipped_ids)
    # No apostrophe-less contraction survives, and no article is one run-on paragraph of glued sentences.
    assert not corpus.articles["text"].str.contains(r"\b(?:don|can|isn|aren|won|doesn) t\b").any()
