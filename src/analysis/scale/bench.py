"""The benchmark: the whole pipeline against the plain loop people write today, on a synthetic
corpus of N articles, checking that every score is the one the libraries give.

``python -m analysis bench --articles N [--json]``, or on real text, ``python -m analysis bench
--corpus PATH [--json]`` (any corpus ``load_corpus`` reads). The plain loop splits each article into
sentences with pysbd (as tutorials do) and calls ``TextBlob(s).sentiment`` and VADER's
``polarity_scores(s)`` on each sentence. On a corpus, the figures add its size in MB, the MB per
second of each, and the time of each step of the analysis, run one after another in this process.
"""

from __future__ import annotations

import math
import os
import platform
import re
import resource
import statistics
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import textstat
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.corpus import load_corpus
from analysis.corpus import language as corpus_language
from analysis.corpus import text as corpus_text
from analysis.corpus.segment import sentence_spans
from analysis.coverage import describe_articles
from analysis.coverage.reuse import content_word_counts
from analysis.framing import codebook as framing_codebook
from analysis.framing import frame_by_section, load_codebook, tag_sentences
from analysis.quotes import extract_quotes
from analysis.quotes import names as quote_names
from analysis.resources import paths
from analysis.resources.lexicons import prepare_for_vader
from analysis.scale.pipeline import PARTITION_SIZE, _partitions, articles_table, run_pipeline
from analysis.sentiment import _article_scores as article_scores
from analysis.sentiment import _textblob_exact as textblob_exact
from analysis.sentiment import neutralised_scores, score_articles, score_sentences, score_text, score_voices
from analysis.sentiment import scores as sentiment_scores

try:  # the sentence splitter of the plain loop, as tutorials use it: an optional dependency (the test extra)
    import pysbd
except ImportError:
    pysbd = None

__all__ = ["OUTLETS", "BASELINE_LIMIT", "CHECK_LIMIT", "STEPS_LIMIT", "synthetic_corpus", "recombined_corpus",
           "plain_loop", "scores_identical", "score_mismatches", "run_benchmark", "PIPELINE_STEPS", "step_times",
           "describe", "machine"]

OUTLETS = ["Harbour Herald", "Coastal Times", "Evening Dispatch", "Morning Wire", "City Gazette", "The Courier",
           "Daily Ledger", "National Post", "Valley News", "The Observer Review", "Metro Bulletin", "World Report"]
BASELINE_LIMIT = 10_000
# Past this many articles the scores are checked against the libraries on a sample of this many
# articles (drawn with a fixed seed), every sentence of each: the check calls both libraries on
# every text, as slowly as the plain loop.
CHECK_LIMIT = 3_000
# The time of each step is measured on at most this many articles (the first ones): where the
# time goes, not how long a large corpus takes.
STEPS_LIMIT = 2_500


def _source_paragraphs() -> list[list[str]]:
    """Return the paragraphs of every bundled text (and of the test fixtures, in a clone), raw."""
    folders = [paths.bundled_corpus_dir()]
    fixtures = paths.data_dir().parent / "tests" / "fixtures"
    if fixtures.is_dir():
        folders += sorted(folder for folder in fixtures.iterdir() if folder.is_dir())
    sources = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            paragraphs = [block.strip() for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]
            if paragraphs:
                sources.append(paragraphs)
    return sources


def synthetic_corpus(n: int, *, seed: int = 0, distinct: bool = False) -> pd.DataFrame:
    """Return ``n`` articles made deterministically by recombining paragraphs of real texts.

    Each article takes a base text's opening paragraphs, then paragraphs drawn from other texts,
    with lengths from 3 to 30 paragraphs; about one article in five is a copy of an earlier one
    run by another outlet (wire copy), sometimes with its last paragraph cut. Columns: article_id,
    outlet, date, text.

    The texts come from a small pool (a few hundred sentences), so most sentences and paragraphs
    repeat, as wire copy does but more so. ``distinct=True`` writes a different number before the
    full stop of every sentence ("... on Tuesday 1234."), so that no sentence or paragraph
    repeats and nothing is gained from remembering repeated text: the worst case for caching.
    """
    rng = np.random.default_rng(seed)
    sources = _source_paragraphs()
    rows = []
    for index in range(n):
        if index > 10 and rng.random() < 0.2:
            original = rows[int(rng.integers(0, len(rows)))]
            text = original["text"]
            if rng.random() < 0.5 and "\n\n" in text:
                text = text.rsplit("\n\n", 1)[0]
            rows.append({"article_id": f"a{index:06d}", "outlet": OUTLETS[int(rng.integers(0, len(OUTLETS)))],
                         "date": original["date"], "text": text})
            continue
        base = sources[int(rng.integers(0, len(sources)))]
        length = int(rng.integers(3, 31))
        paragraphs = list(base[: int(rng.integers(1, len(base) + 1))])
        while len(paragraphs) < length:
            other = sources[int(rng.integers(0, len(sources)))]
            paragraphs.append(other[int(rng.integers(0, len(other)))])
        date = pd.Timestamp("2018-01-01") + pd.Timedelta(days=int(rng.integers(0, 365)))
        rows.append({"article_id": f"a{index:06d}", "outlet": OUTLETS[int(rng.integers(0, len(OUTLETS)))],
                     "date": date.date().isoformat(), "text": "\n\n".join(paragraphs[:length])})
    table = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "text"])
    if distinct:
        numbers = iter(range(1, 10**9))
        table["text"] = [_SENTENCE_END.sub(lambda match: f" {next(numbers)}.{match.group(1)}", text)
                         for text in table["text"]]
    return table


def recombined_corpus(articles: pd.DataFrame, copies: int, *, seed: int = 0) -> pd.DataFrame:
    """Return ``copies`` recombined copies of an articles table (columns id, outlet, title, date,
    text): copy 0 is the table itself; in the others each article's sentences are shuffled and
    every other one is replaced by a sentence of another article of the same outlet."""
    rng = np.random.default_rng(seed)
    sentences = [[text[start:end] for start, end in sentence_spans(text)] or [text] for text in articles["text"]]
    by_outlet = articles.groupby("outlet").indices
    parts = [articles.assign(id=articles["id"].astype(str))]
    for copy in range(1, copies):
        texts = []
        for position, outlet in enumerate(articles["outlet"]):
            own = list(sentences[position])
            rng.shuffle(own)
            partners = by_outlet[outlet]
            other = sentences[int(partners[rng.integers(len(partners))])]
            mixed = [other[rng.integers(len(other))] if index % 2 else sentence for index, sentence in enumerate(own)]
            texts.append(" ".join(mixed))
        parts.append(articles.assign(id=[f"{value}-copy{copy}" for value in articles["id"]], text=texts))
    return pd.concat(parts, ignore_index=True)


_SENTENCE_END = re.compile(r"\.(\s)")


def plain_loop(texts) -> list[tuple[float, float, float]]:
    """Return (polarity, subjectivity, compound) per sentence, the way tutorials do it."""
    if pysbd is None:
        raise ImportError("the plain loop splits sentences with pysbd, which is not installed: "
                          "pip install 'news-framing-analysis[test]' (or pip install pysbd)")
    segmenter = pysbd.Segmenter(language="en", clean=False)
    analyzer = SentimentIntensityAnalyzer()
    scores = []
    for text in texts:
        for sentence in segmenter.segment(text):
            blob = TextBlob(sentence).sentiment
            scores.append((blob.polarity, blob.subjectivity, analyzer.polarity_scores(sentence)["compound"]))
    return scores


def _same(first: float, second: float) -> bool:
    return (isinstance(first, float) and isinstance(second, float) and math.isnan(first) and math.isnan(second)) \
        or first == second


def scores_identical(tables: dict[str, pd.DataFrame], articles: pd.DataFrame) -> bool:
    """True when every sentence and article score equals TextBlob and VADER called on that text."""
    return not score_mismatches(tables, articles)


def score_mismatches(tables: dict[str, pd.DataFrame], articles: pd.DataFrame, limit: int = 5,
                     sample: set | None = None) -> list[str]:
    """Return up to ``limit`` descriptions of scores that differ from the libraries' (empty: none).
    ``sample``: the ids of the articles whose scores are checked (None: every article); that every
    article has a score is checked on all of them.

    Each distinct sentence is scored once directly, and every row is compared with the scores of
    its own text; each article's TextBlob score is recomputed from its text, and its VADER score
    from the direct compounds of its sentences. Every article has a score, except those the
    loading skipped with a reason in the problems table (e.g. nothing left after cleaning).
    """
    analyzer = SentimentIntensityAnalyzer()
    columns = ["textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos", "vader_neu", "vader_neg"]
    expected: dict[str, tuple] = {}
    sentences, scores = tables["sentences"], tables["article_scores"]
    if sample is not None:
        sentences = sentences[sentences["article_id"].isin(sample)].reset_index(drop=True)
        scores = scores[scores["article_id"].isin(sample)]
    for text in pd.unique(sentences["text"]):
        if score_text(text)["score_note"]:
            expected[text] = (math.nan,) * 6
            continue
        blob = TextBlob(text).sentiment
        vader = analyzer.polarity_scores(prepare_for_vader(text))
        expected[text] = (blob.polarity, blob.subjectivity, vader["compound"], vader["pos"], vader["neu"], vader["neg"])
    found: list[str] = []
    direct_compound = None
    for position, column in enumerate(columns):
        want = sentences["text"].map(lambda text, k=position: expected[text][k]).to_numpy(dtype=float)
        have = sentences[column].to_numpy(dtype=float)
        differs = ~((want == have) | (np.isnan(want) & np.isnan(have)))
        for row in np.flatnonzero(differs)[: limit - len(found)]:
            found.append(f"sentence {sentences['article_id'].iloc[row]}/{sentences['sentence_id'].iloc[row]} "
                         f"{column}: {have[row]!r}, the library gives {want[row]!r}")
        if column == "vader_compound":
            direct_compound = want
    means = pd.Series(direct_compound, index=sentences.index).groupby(sentences["article_id"].to_numpy()).mean()
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    for article_id, polarity, subjectivity, compound in zip(
            scores["article_id"], scores["textblob_polarity"], scores["textblob_subjectivity"], scores["vader_compound"]):
        if len(found) >= limit:
            break
        blob = TextBlob(texts[article_id]).sentiment
        if not (_same(float(polarity), blob.polarity) and _same(float(subjectivity), blob.subjectivity)):
            found.append(f"article {article_id} TextBlob: {(polarity, subjectivity)!r}, the library gives "
                         f"{(blob.polarity, blob.subjectivity)!r}")
        if not _same(float(compound), float(means.get(article_id, math.nan))):
            found.append(f"article {article_id} VADER mean: {compound!r}, the sentences' direct compounds give "
                         f"{float(means.get(article_id, math.nan))!r}")
    loaded = tables["articles"]["article_id"]
    every = tables["article_scores"]["article_id"]
    if set(every) != set(loaded) or len(every) != len(loaded):
        found.append(f"{len(every)} article scores for {len(loaded)} articles loaded")
    problems = tables["problems"]
    # Whether a row was skipped is said only in the English of its action ("skipped ..."): the
    # problem codes name the kind of problem, not what was done about it.
    skipped = int(problems["action"].str.startswith("skipped").sum()) if len(problems) else 0
    if len(loaded) + skipped != len(articles):
        found.append(f"{len(articles) - len(loaded)} of {len(articles)} articles not loaded, "
                     f"{skipped} of them skipped with a reason in the problems table")
    return found[:limit]


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024  # kilobytes on Linux


def run_benchmark(n: int = 1000, *, workers: int | None = None, seed: int = 0,
                  baseline_limit: int = BASELINE_LIMIT, progress: bool = False, distinct: bool = False,
                  corpus=None, copies: int = 1, check_limit: int = CHECK_LIMIT, repeat: int = 1) -> dict[str, object]:
    """Return the benchmark's figures for ``n`` synthetic articles, or for the articles of ``corpus``
    (a path ``load_corpus`` reads) when it is given, made into ``copies`` recombined copies
    (``recombined_corpus``: a larger corpus of the same real text, where little repeats exactly).

    Keys: articles, seconds (the whole pipeline), articles_per_s, baseline_seconds (the plain loop;
    timed on the first ``baseline_limit`` articles and scaled to the whole when there are more:
    baseline_extrapolated says so), speedup, repeat, runs, tables_identical_across_runs,
    peak_rss_mb (this process plus its largest worker),
    scores_identical (checked after the timing, on every article or on a sample of ``check_limit``
    articles: checked_articles says how many), workers, sentences, distinct, corpus (its path, or
    "synthetic"); on a corpus also copies, megabytes (of article text), pipeline_mb_per_s,
    baseline_mb_per_s, steps (seconds of each step run one after another in this process, on the
    first steps_articles articles: see ``step_times``) and seconds_per_1000_articles.

    ``repeat``: how many times the pipeline and the plain loop are timed, one after the other (the
    machine's speed can move by a third from one minute to the next): ``runs`` holds each run's
    seconds, plain-loop seconds and speed-up; seconds and baseline_seconds are the medians of the
    runs, speedup the median of the runs' speed-ups (each measured within its run), and
    tables_identical_across_runs whether every run gave the same tables. Before each run, and
    before the steps are timed, what the previous one remembered of the texts is let go
    (``_forget_readings``), so that no run reads a text faster because an earlier one read it.
    """
    if corpus is None:
        articles = synthetic_corpus(n, seed=seed, distinct=distinct)
    else:
        loaded = articles_table(str(corpus))
        articles = loaded[[column for column in ("article_id", "outlet", "date", "title", "text") if column in loaded]]
        if copies > 1:
            articles = recombined_corpus(articles.rename(columns={"article_id": "id"}), copies,
                                         seed=seed).rename(columns={"id": "article_id"})
    n = len(articles)
    workers = workers or os.cpu_count() or 1
    sample = articles["text"].head(min(n, baseline_limit)).tolist()
    runs, tables, same_tables = [], None, True
    for _ in range(max(1, repeat)):
        _forget_readings()  # each run reads the texts afresh, as the first one does
        start = time.perf_counter()
        these = run_pipeline(articles, workers=workers, cache=False, progress=progress)
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        plain_loop(sample)
        baseline = (time.perf_counter() - start) * (n / max(len(sample), 1))
        runs.append({"seconds": round(seconds, 3), "baseline_seconds": round(baseline, 3),
                     "speedup": round(baseline / seconds, 2) if seconds else None})
        if tables is None:
            tables = these
        else:  # the same corpus gives the same tables, run after run
            same_tables = same_tables and all(these[name].equals(tables[name]) for name in tables)
        del these
    seconds = statistics.median(run["seconds"] for run in runs)
    baseline = statistics.median(run["baseline_seconds"] for run in runs)
    # The speed-up of each run is measured within that run (the machine's speed moves from minute
    # to minute); the figure reported is their median.
    measured = [run["speedup"] for run in runs if run["speedup"] is not None]
    speedup = statistics.median(measured) if measured else None

    # the steps are timed before the check below reads any text, and with nothing remembered
    _forget_readings()
    steps = step_times(articles.head(STEPS_LIMIT)) if corpus is not None else None
    checked = _check_sample(articles, check_limit, seed)
    mismatches = score_mismatches(tables, articles, sample=set(checked["article_id"]) if len(checked) < n else None)
    result = {"articles": n, "seconds": round(seconds, 3),
              "articles_per_s": round(n / seconds, 1) if seconds else None,
              "baseline_seconds": round(baseline, 3), "speedup": speedup,
              "repeat": len(runs), "runs": runs, "tables_identical_across_runs": same_tables,
              "peak_rss_mb": round(_peak_rss_mb(), 1), "scores_identical": not mismatches, "mismatches": mismatches,
              "checked_articles": len(checked),
              "workers": workers,
              "sentences": int(len(tables["sentences"])), "baseline_extrapolated": len(sample) < n,
              "distinct": distinct, "corpus": str(corpus) if corpus is not None else "synthetic"}
    if corpus is not None:
        megabytes = articles["text"].str.len().sum() / 1e6
        result.update({"copies": copies, "megabytes": round(float(megabytes), 2),
                       "seconds_per_1000_articles": round(seconds / n * 1000, 3) if n else None,
                       "steps_articles": min(n, STEPS_LIMIT),
                       "pipeline_mb_per_s": round(megabytes / seconds, 3) if seconds else None,
                       "baseline_mb_per_s": round(megabytes / baseline, 3) if baseline else None,
                       "steps": steps})
    return result


def _forget_readings() -> None:
    """Let go of what this process remembers of the texts it has read: both lexicons' readings of
    sentences, the words of lines and split words, the language tables, the title splits of names,
    and the compiled codebooks (which a worker process compiles on its first partition). What is
    loaded from files (lexicons, dictionaries) stays."""
    for remembered in (article_scores._piece, article_scores._decision, sentiment_scores.vader_scores,
                       corpus_text._remembered_line_words, quote_names.split_title, framing_codebook._matcher,
                       framing_codebook._lists_matcher):
        remembered.cache_clear()
    textblob_exact._SPLIT_WORDS.clear()
    corpus_language._RECENT.clear()


def _check_sample(articles: pd.DataFrame, limit: int, seed: int) -> pd.DataFrame:
    """The articles whose scores are checked: all of them, or ``limit`` drawn with a fixed seed."""
    if len(articles) <= limit:
        return articles
    return articles.sample(limit, random_state=seed).sort_index()


# The steps the timed pipeline runs (``run_pipeline`` without the notebook tables); the others are
# the tables ``analyse()`` adds for the notebooks (voices, neutralised scores, sections, descriptions).
PIPELINE_STEPS = ("load codebook", "load, clean and split", "score sentences", "score articles", "quotes",
                  "frame hits", "content words (reuse)")


def step_times(articles: pd.DataFrame, partition_size: int = PARTITION_SIZE) -> dict[str, float]:
    """Return the seconds each step of the per-article analysis takes on ``articles`` (a table with
    ``text``), run one after another in this process, partition by partition of ``partition_size``
    articles as the pipeline runs them (what each partition remembers of its sentences is what the
    later steps of that partition find, as in a worker), in the order the pipeline runs them: where
    the time goes, apart from the processes and the combining of partitions."""
    steps: dict[str, float] = {}

    def timed(name, step):
        start = time.perf_counter()
        value = step()
        steps[name] = steps.get(name, 0.0) + time.perf_counter() - start
        return value

    textstat.flesch_reading_ease("A good start.")  # its dictionary loads once per process, before the pipeline's fork
    codebook = timed("load codebook", lambda: load_codebook(None))
    for part in _partitions(articles, partition_size):
        with warnings.catch_warnings():  # the problems were said when the corpus was first loaded
            warnings.simplefilter("ignore")
            corpus = timed("load, clean and split", lambda: load_corpus(part))
        sentences = timed("score sentences", lambda: score_sentences(corpus))
        timed("score articles", lambda: score_articles(corpus, sentences))
        quotes = timed("quotes", lambda: extract_quotes(corpus))
        timed("frame hits", lambda: tag_sentences(corpus, codebook))
        timed("content words (reuse)", lambda: content_word_counts(corpus.articles["text"].tolist()))
        timed("voices", lambda: score_voices(corpus, quotes))
        timed("neutralised scores", lambda: neutralised_scores(corpus))
        timed("frames by section", lambda: frame_by_section(corpus, codebook))
        timed("descriptions", lambda: describe_articles(corpus, quotes))
    return {name: round(seconds, 3) for name, seconds in steps.items()}


def describe(result: dict[str, object]) -> str:
    """Return the benchmark's figures as readable lines."""
    extrapolated = " (timed on 10,000 articles and scaled)" if result["baseline_extrapolated"] else ""
    on_corpus = "megabytes" in result
    repeated = result.get("repeat", 1) > 1
    median = " (median)" if repeated else ""
    size = f", {result['megabytes']} MB of text" if on_corpus else ""
    lines = [
        f"corpus:             {result.get('corpus', 'synthetic')}"
        + (f", recombined into {result['copies']} copies" if result.get("copies", 1) > 1 else ""),
        f"articles:           {result['articles']:,} ({result['sentences']:,} sentences"
        f"{', every sentence distinct' if result.get('distinct') else ''}{size})",
        f"pipeline:           {result['seconds']:.2f} s{median} on {result['workers']} worker(s), "
        f"{result['articles_per_s']:,} articles/s" + (f", {result['pipeline_mb_per_s']} MB/s" if on_corpus else ""),
        f"plain loop:         {result['baseline_seconds']:.2f} s{median}{extrapolated}"
        + (f", {result['baseline_mb_per_s']} MB/s" if on_corpus else ""),
        f"speed-up:           {result['speedup']}x"
        + (f" (the median of {result['repeat']} runs)" if repeated else ""),
        *(f"  run {number}: pipeline {run['seconds']:.2f} s, plain loop {run['baseline_seconds']:.2f} s, "
          f"{run['speedup']}x" for number, run in enumerate(result["runs"] if repeated else [], 1)),
        f"peak memory:        {result['peak_rss_mb']:,} MB",
        *([f"tables identical:   {result['tables_identical_across_runs']} (every run against the first)"]
          if repeated else []),
        f"scores identical:   {result['scores_identical']}"
        + (f" (checked on a sample of {result['checked_articles']:,} articles)"
           if result.get("checked_articles", result["articles"]) < result["articles"] else ""),
        *(f"  differs: {mismatch}" for mismatch in result.get("mismatches", [])),
    ]
    if on_corpus:
        total = sum(result["steps"].values())
        lines.append(f"seconds per 1,000 articles: {result['seconds_per_1000_articles']}")
        lines.append(f"steps, one after another in one process, partition by partition, on the first "
                     f"{result['steps_articles']:,} articles "
                     f"({total:.2f} s in all; * in the timed pipeline, the others only in analyse() for the notebooks):")
        lines += [f"  {'*' if name in PIPELINE_STEPS else ' '} {name:<22} {seconds:7.2f} s  {seconds / total:5.1%}"
                  for name, seconds in result["steps"].items()]
    return "\n".join(lines)


def machine() -> str:
    """Return a one-line description of this machine, for reporting figures."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {model or platform.processor()}, Python {platform.python_version()}"
