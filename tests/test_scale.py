"""Scale: the synthetic benchmark corpus, the partitioned pipeline (processes and Dask), its cache,
and the benchmark's check that every score is the library's. No test asserts a time."""

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis import coverage, load_corpus, sentiment
from analysis.scale import pipeline
from analysis.scale.bench import synthetic_corpus
from analysis.quotes import extract_quotes


def _equal(first: dict, second: dict) -> None:
    assert first.keys() == second.keys()
    for name in first:
        assert_frame_equal(first[name].reset_index(drop=True), second[name].reset_index(drop=True),
                           check_dtype=False, obj=name)


@pytest.mark.slow
def test_the_distinct_synthetic_corpus_repeats_no_sentence():
    distinct = synthetic_corpus(40, seed=3, distinct=True)
    plain = synthetic_corpus(40, seed=3)
    assert distinct["article_id"].tolist() == plain["article_id"].tolist()
    sentences = pipeline.run_pipeline(distinct, workers=1, progress=False, reuse_threshold=None)["sentences"]
    ended = sentences[sentences["text"].str.contains(r"\d\.$")]
    assert len(ended) > 0.5 * len(sentences) and not ended["text"].duplicated().any()


def test_synthetic_corpus_is_deterministic_and_has_wire_copies():
    first, second = synthetic_corpus(120, seed=3), synthetic_corpus(120, seed=3)
    assert first.equals(second)
    assert len(first) == 120 and first["article_id"].is_unique
    assert first["text"].duplicated().sum() > 0
    assert not synthetic_corpus(120, seed=4).equals(first)


def test_pipeline_tables_equal_the_functions_on_the_whole_corpus():
    corpus = load_corpus()
    tables = pipeline.run_pipeline(None, workers=1, progress=False, partition_size=1000)
    assert_frame_equal(tables["sentences"], sentiment.score_sentences(corpus), check_dtype=False)
    assert_frame_equal(tables["article_scores"], sentiment.score_articles(corpus), check_dtype=False)
    assert_frame_equal(tables["quotes"], extract_quotes(corpus), check_dtype=False)
    assert tables["reuse_pairs"][["article_a", "article_b"]].values.tolist() == [["voa_ap", "wandsworth_guardian"]]


@pytest.mark.slow
def test_two_processes_give_the_same_tables_as_one():
    articles = synthetic_corpus(60, seed=1)
    one = pipeline.run_pipeline(articles, workers=1, partition_size=20, progress=False)
    two = pipeline.run_pipeline(articles, workers=2, partition_size=20, progress=False)
    _equal(one, two)


@pytest.mark.slow
def test_dask_on_a_local_cluster_gives_the_same_tables_as_pandas():
    distributed = pytest.importorskip("distributed")
    articles = synthetic_corpus(40, seed=2)
    expected = pipeline.run_pipeline(articles, workers=1, partition_size=15, progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            result = pipeline.run_pipeline(articles, engine="dask", partition_size=15, client=client, progress=False)
    _equal(expected, result)


def test_the_cache_returns_the_tables_without_recomputing(tmp_path, monkeypatch):
    articles = synthetic_corpus(20, seed=5)
    first = pipeline.run_pipeline(articles, workers=1, cache=tmp_path, progress=False)
    assert len(list(tmp_path.glob("*/sentences.parquet"))) == 1

    def fail(*args, **kwargs):
        raise AssertionError("the cached run recomputed")

    monkeypatch.setattr(pipeline, "analyse_partition", fail)
    second = pipeline.run_pipeline(articles, workers=1, cache=tmp_path, progress=False)
    _equal(first, second)
    changed = articles.assign(text=articles["text"].str.replace("Trump", "Mr Trump", regex=False))
    with pytest.raises(AssertionError, match="recomputed"):
        pipeline.run_pipeline(changed, workers=1, cache=tmp_path, progress=False)


@pytest.mark.slow
def test_benchmark_command_checks_every_score():
    result = subprocess.run([sys.executable, "-m", "analysis", "bench", "--articles", "150", "--json", "--distinct"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout)
    assert {"articles", "seconds", "articles_per_s", "baseline_seconds", "speedup", "peak_rss_mb",
            "scores_identical"} <= figures.keys()
    assert figures["articles"] == 150 and figures["scores_identical"] is True
    assert figures["sentences"] > 150 and figures["distinct"] is True


@pytest.mark.slow
def test_benchmark_on_a_real_corpus_reports_its_size_speed_and_steps():
    corpus = Path(__file__).parent / "fixtures" / "harbour_corpus"
    result = subprocess.run([sys.executable, "-m", "analysis", "bench", "--corpus", str(corpus), "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout)
    loaded = load_corpus(corpus).articles
    assert figures["corpus"] == str(corpus) and figures["articles"] == len(loaded)
    assert figures["scores_identical"] is True
    assert figures["megabytes"] == round(loaded["text"].str.len().sum() / 1e6, 2)
    assert figures["pipeline_mb_per_s"] > 0 and figures["baseline_mb_per_s"] > 0
    assert list(figures["steps"]) == ["load codebook", "load, clean and split", "score sentences", "score articles",
                                      "quotes", "frame hits", "content words (reuse)", "voices", "neutralised scores",
                                      "frames by section", "descriptions"]


@pytest.mark.slow
def test_scores_remembered_across_partitions_are_the_libraries_scores():
    from analysis.scale.bench import scores_identical

    articles = synthetic_corpus(150, seed=9)  # much repeated text: most scores come from the caches
    tables = pipeline.run_pipeline(articles, workers=2, partition_size=30, progress=False, reuse_threshold=None)
    assert scores_identical(tables, articles)


def test_the_score_check_catches_a_wrong_score():
    from analysis.scale.bench import scores_identical

    articles = synthetic_corpus(5, seed=0)
    tables = pipeline.run_pipeline(articles, workers=1, progress=False, reuse_threshold=None)
    assert scores_identical(tables, articles)
    tables["sentences"].loc[3, "vader_compound"] += 0.001
    assert not scores_identical(tables, articles)


def test_the_score_check_accounts_for_articles_skipped_with_a_reason():
    from analysis.scale.bench import score_mismatches

    articles = synthetic_corpus(6, seed=0)
    articles.loc[2, "text"] = "   \n\n  "  # nothing left after cleaning: skipped, with a row in problems
    tables = pipeline.run_pipeline(articles, workers=1, progress=False, reuse_threshold=None)
    assert len(tables["articles"]) == 5 and score_mismatches(tables, articles) == []
    tables["article_scores"] = tables["article_scores"].iloc[1:]
    assert score_mismatches(tables, articles) == ["4 article scores for 5 articles loaded"]
    tables["problems"] = tables["problems"].iloc[0:0]
    assert "1 of 6 articles not loaded" in score_mismatches(tables, articles)[-1]


def test_the_score_check_on_a_sample_reads_only_the_sampled_articles():
    from analysis.scale.bench import score_mismatches

    articles = synthetic_corpus(6, seed=0)
    tables = pipeline.run_pipeline(articles, workers=1, progress=False, reuse_threshold=None)
    sentences = tables["sentences"]
    wrong = sentences.index[sentences["article_id"] == "a000004"][0]
    sentences.loc[wrong, "vader_compound"] += 0.001
    assert score_mismatches(tables, articles, sample={"a000001", "a000002"}) == []
    [found] = score_mismatches(tables, articles, sample={"a000001", "a000004"})
    assert found.startswith("sentence a000004/") and "vader_compound" in found
    tables["article_scores"] = tables["article_scores"].iloc[1:]  # counted over every article, sampled or not
    assert "5 article scores for 6 articles loaded" in score_mismatches(tables, articles, sample={"a000002"})


def test_a_repeated_benchmark_reports_every_run_and_the_median_speed_up():
    from analysis.scale import bench
    from analysis.sentiment import _article_scores, scores

    figures = bench.run_benchmark(8, workers=1, repeat=3, seed=2)
    runs = figures["runs"]
    assert figures["repeat"] == 3 and len(runs) == 3
    # (each run's seconds are rounded to the millisecond after its speed-up is taken)
    assert all(run["speedup"] == pytest.approx(run["baseline_seconds"] / run["seconds"], rel=0.03) for run in runs)
    # the middle of three: of the speed-ups, and of each side's seconds
    assert figures["speedup"] == sorted(run["speedup"] for run in runs)[1]
    assert figures["seconds"] == sorted(run["seconds"] for run in runs)[1]
    assert figures["baseline_seconds"] == sorted(run["baseline_seconds"] for run in runs)[1]
    assert figures["tables_identical_across_runs"] is True and figures["scores_identical"] is True
    text = bench.describe(figures)
    assert "(the median of 3 runs)" in text and text.count("  run ") == 3
    # Before each run the readings an earlier one remembered are let go: none reads a text faster
    # because another read it first (the partitions run in this process here, with one worker).
    scores.score_text("A good start.")
    assert _article_scores._piece.cache_info().currsize and scores.vader_scores.cache_info().currsize
    bench._forget_readings()
    assert _article_scores._piece.cache_info().currsize == 0 == scores.vader_scores.cache_info().currsize


def test_one_benchmark_run_reports_no_median():
    from analysis.scale import bench

    figures = bench.run_benchmark(4, workers=1, seed=2)
    assert figures["repeat"] == 1 and figures["speedup"] == figures["runs"][0]["speedup"]
    assert "median" not in bench.describe(figures)


def test_recombined_copies_keep_each_outlets_sentences_and_change_the_order():
    from analysis.scale.bench import recombined_corpus

    articles = pd.DataFrame({"id": ["a", "b"], "outlet": ["X", "X"], "date": ["2020-01-01"] * 2,
                             "text": ["One fish swam. Two fish swam. Red fish swam. Blue fish swam.",
                                      "A cat sat. A dog ran. A bird flew. A cow ate."]})
    copies = recombined_corpus(articles, 3, seed=1)
    assert copies["id"].tolist() == ["a", "b", "a-copy1", "b-copy1", "a-copy2", "b-copy2"]
    assert copies["text"].iloc[:2].tolist() == articles["text"].tolist()  # copy 0: the articles as they are
    sentences = {sentence for text in articles["text"] for sentence in text.replace(". ", ".|").split("|")}
    for text in copies["text"].iloc[2:]:
        assert set(text.replace(". ", ".|").split("|")) <= sentences
        assert len(text.replace(". ", ".|").split("|")) == 4


@pytest.mark.slow
def test_benchmark_on_recombined_copies_checks_a_sample():
    from analysis.scale.bench import run_benchmark

    corpus = Path(__file__).parent / "fixtures" / "harbour_corpus"
    figures = run_benchmark(corpus=str(corpus), copies=3, check_limit=5, workers=1)
    loaded = load_corpus(corpus).articles
    assert figures["articles"] == 3 * len(loaded) and figures["copies"] == 3
    assert figures["checked_articles"] == 5 and figures["scores_identical"] is True
    # seconds is rounded to the millisecond before it is reported
    assert figures["seconds_per_1000_articles"] == pytest.approx(figures["seconds"] / figures["articles"] * 1000, abs=0.1)


def test_a_corpus_folder_keeps_what_its_loading_removed(tmp_path):
    tables = pipeline.run_pipeline(None, workers=1, progress=False, reuse_threshold=None)
    assert len(tables["removed"]) == 13
    assert list(tables["problems"].columns) == ["source", "problem", "action", "code"]  # the loading's problems, with their codes


@pytest.mark.slow
def test_past_the_size_threshold_reuse_pairs_are_exact_pairs_found_among_candidates():
    articles = synthetic_corpus(150, seed=6)
    exact = pipeline.run_pipeline(articles, workers=1, progress=False, reuse_top=None)["reuse_pairs"]
    approximate = pipeline.run_pipeline(articles, workers=1, progress=False, reuse_top=None,
                                        reuse_approximate_from=100)["reuse_pairs"]
    truth = {(a, b): value for a, b, value in exact.itertuples(index=False)}
    found = {(a, b): value for a, b, value in approximate.itertuples(index=False)}
    assert found and set(found) <= set(truth)
    assert all(value == pytest.approx(truth[pair], abs=1e-12) for pair, value in found.items())
    # Every copy of a text (similarity 1) is found.
    copies = {pair for pair, value in truth.items() if value > 0.999}
    assert copies and copies <= set(found)


@pytest.mark.slow
def test_reuse_pairs_from_the_partitions_work_equal_those_computed_whole():
    # The partitions count the content words on every core, below and past the size threshold;
    # the pairs must be those reuse_pairs finds on the whole articles table.
    articles = synthetic_corpus(150, seed=7)
    for workers, threshold in ((2, 100), (1, 10_000)):
        tables = pipeline.run_pipeline(articles, workers=workers, partition_size=40, progress=False,
                                       reuse_approximate_from=threshold)
        whole = coverage.reuse_pairs(pipeline._ReuseInput(tables["articles"]), min_similarity=0.5, top=5,
                                     approximate=len(articles) > threshold)
        assert len(whole) and tables["reuse_pairs"].equals(whole)


@pytest.mark.parametrize("n, size, expected", [(2402, 250, [241] * 2 + [240] * 8), (40, 15, [14, 13, 13]),
                                               (500, 250, [250, 250]), (7, 250, [7]), (0, 250, [0])])
def test_partitions_are_consecutive_and_as_equal_as_can_be(n, size, expected):
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "text": ["x" * (i % 7) for i in range(n)]},
                            dtype=object)
    parts = pipeline._partitions(articles, size)
    assert [len(part) for part in parts] == expected
    assert pd.concat(parts)["article_id"].tolist() == articles["article_id"].tolist()
    # the most text first, each partition once
    order = pipeline._longest_first(parts)
    assert sorted(order) == list(range(len(parts)))
    lengths = [sum(map(len, parts[index]["text"])) for index in order]
    assert lengths == sorted(lengths, reverse=True)
    dd = pytest.importorskip("dask.dataframe")
    if n:  # the dask engine cuts the same partitions
        frame = dd.from_pandas(articles, npartitions=len(parts), sort=False)
        assert [len(part) for part in frame.partitions] == expected


def test_a_partition_collects_garbage_less_often_and_puts_the_setting_back(monkeypatch):
    import gc

    seen = []
    real = pipeline._make_tables

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_make_tables", spy)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        tables = pipeline.analyse_partition(synthetic_corpus(3, seed=1))
        assert seen == [(pipeline._YOUNG_OBJECTS_PER_COLLECTION, 10, 10)]
        assert gc.get_threshold() == (700, 10, 10)  # the caller's setting, as it was
        assert len(tables["articles"]) == 3
        # a caller who collects even less often keeps that
        gc.set_threshold(100_000, 10, 10)
        pipeline.analyse_partition(synthetic_corpus(2, seed=1))
        assert seen[-1] == (100_000, 10, 10) and gc.get_threshold() == (100_000, 10, 10)
    finally:
        gc.set_threshold(*before)
