"""analyse(): the per-article tables computed once, equal to the analyses called directly, and
kept in a cache that follows the corpus files and the dictionaries."""

import warnings

import pandas as pd
import pytest

from analysis import analyse, coverage, framing, load_corpus, sentiment
from analysis.resources import paths
from analysis.scale import pipeline
from analysis.scale import results
from analysis.quotes import extract_quotes


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False)


def test_the_tables_equal_the_analyses_called_directly(cache):
    analysed = analyse(progress=False, workers=1)
    corpus = load_corpus()
    sentence_scores = sentiment.score_sentences(corpus)
    _same(analysed.sentence_scores, sentence_scores)
    _same(analysed.article_scores, sentiment.score_articles(corpus, sentence_scores))
    quotes = extract_quotes(corpus)
    _same(analysed.quotes, quotes)
    _same(analysed.frame_hits, framing.tag_sentences(corpus))
    _same(analysed.neutralised, sentiment.neutralised_scores(corpus))
    _same(analysed.sections, framing.frame_by_section(corpus))
    _same(analysed.elements, coverage.element_coverage(corpus))
    _same(analysed.voices, sentiment.score_voices(corpus, quotes))
    _same(analysed.corpus.sentences, corpus.sentences)
    _same(analysed.corpus.removed, corpus.removed)


def test_a_second_call_reads_the_cache_and_an_edit_recomputes(cache, tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resumed on Monday. Officials were hopeful.", encoding="utf-8")
    (folder / "b.txt").write_text("The summit failed. Nobody spoke to reporters.", encoding="utf-8")
    first = analyse(folder, progress=False, workers=1)

    def recompute(*args, **kwargs):
        raise AssertionError("the cached analysis was computed again")

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "run_pipeline", recompute)
        second = analyse(folder, progress=False)
    for name, table in first.tables().items():
        _same(second.tables()[name], table)

    (folder / "b.txt").write_text("The summit succeeded. Everyone spoke to reporters at length.", encoding="utf-8")
    third = analyse(folder, progress=False, workers=1)
    assert "succeeded" in " ".join(third.corpus.articles["text"])


def test_an_edited_dictionary_changes_the_key(monkeypatch):
    before = results.results_key(None)
    monkeypatch.setattr(paths, "dictionaries_fingerprint", lambda: "an edited codebook")
    assert results.results_key(None) != before


def test_problems_are_reported_from_the_cache_too(cache, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resumed on Monday.", encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    with pytest.warns(UserWarning, match="1 problem"):
        analyse(folder, progress=False, workers=1)
    with pytest.warns(UserWarning, match="1 problem"):
        analyse(folder, progress=False)
    with pytest.raises(results.CorpusError, match="the file is empty"):
        analyse(folder, progress=False, strict=True)


def test_smaller_outlets_are_grouped_as_other_in_every_table(cache):
    texts = [f"Story number {i} about the talks. It was good." for i in range(12)]
    outlets = ["Big"] * 5 + ["Mid"] * 4 + ["Small A", "Small B", "Small C"]
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(12)], "outlet": outlets, "text": texts})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysed = analyse(frame, progress=False, workers=1)
    grouped = analysed.with_top_outlets(2)
    assert list(grouped.corpus.articles["outlet"]) == ["Big"] * 5 + ["Mid"] * 4 + ["other (3 outlets)"] * 3
    assert set(grouped.article_scores["outlet"]) == {"Big", "Mid", "other (3 outlets)"}
    assert list(analysed.corpus.articles["outlet"]) == outlets  # the analysis itself is unchanged
    assert analysed.with_top_outlets(4) is analysed  # one outlet left over is shown by name


def test_an_article_longer_than_a_book_is_warned_of_before_the_analysis(tmp_path, monkeypatch):
    monkeypatch.setattr(results, "LONG_ARTICLE_WORDS", 10)
    corpus = pd.DataFrame({"article_id": ["short", "long"], "outlet": ["A", "B"],
                           "text": ["One short sentence here.", " ".join(["word"] * 30) + "."]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results.analyse(corpus, cache=tmp_path / "cache", progress=False, workers=1)
    messages = [str(warning.message) for warning in caught]
    assert ("1 article(s) longer than 10 words (the longest: 'long', 30 words): an article is analysed on one core, "
            "at about 40 microseconds a word for each step, and the sections that read one article whole take as "
            "long; if a file holds many articles, split it into one file per article") in messages
