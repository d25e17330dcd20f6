"""The whole analysis for large corpora: the per-article steps in partitions of articles, on both
cores (or on Dask), with a progress bar and a cache keyed by the corpus content.

Per article: cleaning and segmentation, both sentiment lexicons (sentences and articles), quotes
and frame hits, and what the reuse pairs need of each text (its content words counted). Across
articles, afterwards: the reuse pairs and the merging of speaker names.
Within a partition, quotes resolve names with what that partition's articles say (a name is
completed from another article only when both are in one partition); use ``quotes.extract_quotes``
on a whole corpus for the fullest resolution. Past ``APPROXIMATE_REUSE_FROM`` articles the reuse
pairs are searched among candidates found in linear time (``coverage.reuse_pairs(approximate=True)``);
the scores are never approximated. Each step computes a partition's repeated text once (its distinct
paragraphs and sentences).

The engines that run the partitions are named in ``ENGINES`` (as papermill names its engines):
``"pandas"`` (processes of this machine) and ``"dask"`` (a Dask scheduler or cluster).
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import textstat
from tqdm.auto import tqdm

from analysis.corpus import Corpus, load_corpus
from analysis.coverage import ELEMENT_COLUMNS, describe_articles, element_coverage, reuse_pairs
from analysis.coverage.reuse import content_word_counts, vectors_from_counts
from analysis.framing import frame_by_section, load_codebook, tag_sentences
from analysis.quotes import alias_map, canonical_speakers, extract_quotes
from analysis.resources import paths
from analysis.resources.lexicons import known_words
from analysis.sentiment import (SENTENCE_SCORE_COLUMNS, neutralised_scores, score_articles, score_sentences,
                                score_text, score_voices)
from analysis.version import __version__

__all__ = ["TABLES", "NOTEBOOK_TABLES", "CACHE_VERSION", "PARTITION_SIZE", "APPROXIMATE_REUSE_FROM", "ENGINES", "partition_table",
           "analyse_partition", "cache_key", "default_cache_dir", "articles_table", "run_pipeline"]

TABLES = ("articles", "sentences", "article_scores", "quotes", "frame_hits", "removed", "problems")
# The further per-article tables the notebooks read (``analysis.scale.results.analyse`` asks for them):
# each quote and each sentence's own words scored apart, scores with misleading words neutralised,
# frames by title, lead and body, descriptive numbers, and story elements.
NOTEBOOK_TABLES = ("voices", "neutralised", "sections", "descriptions", "elements")
CACHE_VERSION = "11"  # 11: terms and titles are narration in voices and descriptions  # 10: quotes of kind "title"  # 9: approximate reuse pairs by prefix filtering, not MinHash  # 8: speakers of issue 18, second round  # 7: quote marks of real text, kind "term", speakers of issue 18  # 6: reason codes in removed and problems  # 5: long sentences split, non-English articles not scored, dates and encodings read as written  # 4: the notebook tables  # 3: cleaning repairs apostrophes, infers paragraphs, cuts credits out of lines
# Articles per partition, by default: each partition is the unit of work of one worker (and the
# articles whose quotes resolve names together, see the module's text).
PARTITION_SIZE = 250
# Past this many articles the reuse pairs are scored among candidates (coverage.reuse_pairs(approximate=True)).
APPROXIMATE_REUSE_FROM = 5_000
# Not a table: what each partition computes for the reuse pairs, so that it runs on every core, and
# the calling process puts together: the content words counted for the reuse vectors (coverage.reuse
# content_word_counts).
_REUSE_COUNTS = "_reuse_counts"


def _load(partition: pd.DataFrame, clean: bool = True):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(partition, clean=clean)


# The tables made from a partition's quotes: the quotes are found once when any of them is asked for.
_FROM_QUOTES = ("quotes", "voices", "descriptions")


def _make_tables(corpus, names: tuple[str, ...], frames, elements=None) -> dict[str, pd.DataFrame]:
    """Return the tables ``names`` (of ``TABLES`` and ``NOTEBOOK_TABLES``) of a loaded partition;
    ``elements``: the story elements file (None: the corpus has none, and the elements table is
    empty)."""
    quotes = extract_quotes(corpus) if set(_FROM_QUOTES) & set(names) else None
    hits = tag_sentences(corpus, frames) if {"frame_hits", "sections"} & set(names) else None  # read once for both
    # The VADER mean of each article is taken from the sentence table when partitions are combined.
    no_sentences = pd.DataFrame(columns=["article_id", *SENTENCE_SCORE_COLUMNS])
    makers = {
        "articles": lambda: corpus.articles,
        "sentences": lambda: score_sentences(corpus),
        "article_scores": lambda: score_articles(corpus, no_sentences),
        "quotes": lambda: quotes,
        "frame_hits": lambda: hits,
        "removed": lambda: corpus.removed,
        "problems": lambda: corpus.problems,
        "voices": lambda: score_voices(corpus, quotes),
        "neutralised": lambda: neutralised_scores(corpus),
        "sections": lambda: frame_by_section(corpus, frames, hits=hits),
        "descriptions": lambda: describe_articles(corpus, quotes),
        "elements": lambda: (element_coverage(corpus, elements) if elements is not None
                             else pd.DataFrame(columns=ELEMENT_COLUMNS)),
        _REUSE_COUNTS: lambda: content_word_counts(corpus.articles["text"].tolist()),
    }
    return {name: makers[name]() for name in names}


def partition_table(partition: pd.DataFrame, name: str, frames=None, clean: bool = True,
                    elements=None) -> pd.DataFrame:
    """Return one per-article table (a name of ``TABLES`` or ``NOTEBOOK_TABLES``) for one partition of
    an articles table."""
    if name not in TABLES + NOTEBOOK_TABLES:
        raise KeyError(f"No table '{name}'; the tables are: {', '.join(TABLES + NOTEBOOK_TABLES)}")
    return _make_tables(_load(partition, clean), (name,), frames, elements)[name]


def analyse_partition(partition: pd.DataFrame, frames=None, clean: bool = True,
                      names: tuple[str, ...] = TABLES, elements=None) -> dict[str, pd.DataFrame]:
    """Return the per-article tables ``names`` for one partition of an articles table (with a ``text``
    column); ``clean=False`` when the texts were cleaned already (a loaded corpus's articles)."""
    with _fewer_collections():
        return _make_tables(_load(partition, clean), names, frames, elements)


# Python's cyclic garbage collector runs a young collection every 700 new objects and, every so
# often, a full one over every object of the process (the loaded lexicons, the remembered sentence
# readings). A partition makes millions of small objects, almost none in cycles: on real-news-2400
# the collections took 0.8 of 8.3 CPU s, five full ones 0.6 s of it. During a partition the young
# collections wait for this many new objects (the full ones then never come within a partition;
# peak memory the same, 386 MB); the setting is put back afterwards.
_YOUNG_OBJECTS_PER_COLLECTION = 20_000


@contextmanager
def _fewer_collections():
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG_OBJECTS_PER_COLLECTION), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _worker_start() -> None:
    """Set up a worker process: what it inherits from the calling process (libraries, lexicons) is
    left out of its garbage collections, which then scan only what the worker makes (``gc.freeze``;
    the worker's own state, not the caller's)."""
    gc.freeze()


def _partitions(articles: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    """The articles in consecutive partitions of at most ``size``, as equal as can be, the first ones
    one article longer where they cannot all be equal (2,402 articles by 250: two of 241 and eight of
    240, not nine of 250 and one of 152, which left a core idle at the end); Dask's ``from_pandas``
    cuts the same partitions when given their number."""
    count = max(1, -(-len(articles) // max(1, size)))
    smaller, longer = divmod(len(articles), count)
    bounds = [0]
    for index in range(count):
        bounds.append(bounds[-1] + smaller + (index < longer))
    return [articles.iloc[start:end] for start, end in zip(bounds, bounds[1:])]


def _longest_first(partitions: list[pd.DataFrame]) -> list[int]:
    """The order to hand the partitions to the workers: the most text first, so that the last ones
    to finish are short and the cores finish together."""
    sizes = [int(part["text"].fillna("").astype(str).str.len().sum()) if "text" in part else 0 for part in partitions]
    return sorted(range(len(partitions)), key=lambda index: -sizes[index])


def _combine(results: list[dict[str, pd.DataFrame]], names: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame]:
    tables = {}
    for name in names:
        parts = [result[name] for result in results if len(result[name])]
        tables[name] = pd.concat(parts, ignore_index=True) if parts else results[0][name].iloc[0:0]
    if len(tables["quotes"]):
        tables["quotes"] = canonical_speakers(tables["quotes"], alias_map(None))
    means = tables["sentences"].groupby("article_id")["vader_compound"].agg(["mean", "count"])
    scores = tables["article_scores"]
    scores["vader_compound"] = scores["article_id"].map(means["mean"]).astype(float)
    scores["n_sentences_scored"] = scores["article_id"].map(means["count"]).fillna(0).astype(int)
    return tables


def cache_key(articles: pd.DataFrame, **parameters) -> str:
    """Return the key of an articles table's results: a hash of its content and the parameters."""
    digest = hashlib.sha256(f"{CACHE_VERSION}|{__version__}|{sorted(parameters.items())}".encode())
    digest.update(paths.dictionaries_fingerprint().encode())  # an edited dictionary changes the results
    hashed = pd.util.hash_pandas_object(articles.reset_index(drop=True).astype(str), index=False)
    digest.update(hashed.to_numpy().tobytes())
    digest.update("|".join(map(str, articles.columns)).encode())
    return digest.hexdigest()[:24]


def _content(path) -> str:
    """Return a hash of a resource file's content ("" for none), for a cache key."""
    if path is None or not Path(path).is_file():
        return str(path)
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def default_cache_dir() -> Path:
    """Return where results are cached: $NEWS_FRAMING_CACHE, else ~/.cache/news-framing."""
    return Path(os.environ.get("NEWS_FRAMING_CACHE", Path.home() / ".cache" / "news-framing"))


def _read_cache(folder: Path, names: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame] | None:
    if not all((folder / f"{name}.parquet").is_file() for name in names):
        return None
    return {name: pd.read_parquet(folder / f"{name}.parquet") for name in names}


def _write_cache(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_parquet(folder / f"{name}.parquet", index=False)


def articles_table(source) -> pd.DataFrame:
    """Return a raw articles table (article_id, text, metadata) from a DataFrame, a Corpus or a path."""
    if isinstance(source, pd.DataFrame):
        return source
    corpus = source if isinstance(source, Corpus) else load_corpus(source)
    return corpus.articles.drop(columns=["n_words", "source_file"])


def run_pipeline(source=None, *, engine: str = "pandas", workers: int | None = None, partition_size: int = PARTITION_SIZE,
                 frames=None, cache: bool | str | Path = False, progress: bool = True,
                 reuse_threshold: float | None = 0.5, reuse_top: int | None = 5,
                 reuse_approximate_from: int = APPROXIMATE_REUSE_FROM, client=None,
                 notebook_tables: bool = False, elements=None) -> dict[str, pd.DataFrame]:
    """Return every analysis table for a corpus, computed partition by partition.

    ``source``: a DataFrame with ``text`` (and article_id, outlet, ...), a Corpus, or a corpus path
    (None: the bundled corpus). ``engine="pandas"`` runs the partitions on ``workers`` processes
    (default: every core); ``engine="dask"`` runs ``map_partitions`` over a ``dask.dataframe`` of
    the articles, on ``client`` (a ``distributed.Client``) if given, else on Dask's default
    scheduler. ``cache=True`` (or a folder) keeps the tables as Parquet, keyed by the corpus
    content and the parameters, so a second run reads them back instead of recomputing.

    Returns a dict of tables: articles, sentences (with both lexicons' scores), article_scores,
    quotes, frame_hits, removed, problems, and reuse_pairs (each article's ``reuse_top`` most alike
    partners at least ``reuse_threshold`` alike by TF-IDF cosine; skipped when None). Past
    ``reuse_approximate_from`` articles the reuse pairs are searched among candidates
    (``coverage.reuse_pairs(approximate=True)``): linear in the corpus instead of quadratic; the
    similarities are exact, but a few pairs (about 1% at 0.3 on real news) can be missed.
    ``notebook_tables=True`` adds the tables of ``NOTEBOOK_TABLES`` (what the notebooks read), with
    the story elements of ``elements`` (a file; None: an empty elements table).
    """
    if engine not in ENGINES:
        raise ValueError(f"No engine '{engine}'; the engines are: {', '.join(ENGINES)}")
    loaded = None
    if not isinstance(source, pd.DataFrame):
        # A path or a Corpus was cleaned already: keep what its loading removed and reported.
        loaded = source if isinstance(source, Corpus) else load_corpus(source)
    articles = articles_table(loaded if loaded is not None else source)
    clean = loaded is None  # a loaded corpus's texts are cleaned already: never twice
    if "article_id" not in articles:
        articles = articles.assign(article_id=[f"article-{i + 1}" for i in range(len(articles))])
    names = TABLES + NOTEBOOK_TABLES if notebook_tables else TABLES
    folder = None
    if cache:
        root = default_cache_dir() if cache is True else Path(cache)
        folder = root / cache_key(articles, frames=str(frames), reuse=reuse_threshold, top=reuse_top,
                                  approximate=len(articles) > reuse_approximate_from, names=names,
                                  elements=_content(elements))
        cached = _read_cache(folder, names)
        if cached is not None and (reuse_threshold is None or (folder / "reuse_pairs.parquet").is_file()):
            if reuse_threshold is not None:
                cached["reuse_pairs"] = pd.read_parquet(folder / "reuse_pairs.parquet")
            return cached

    _warm_up(names)  # workers are forked from this process: load the libraries and lexicons once, here
    approximate = len(articles) > reuse_approximate_from
    extras = () if reuse_threshold is None else (_REUSE_COUNTS,)
    tables = ENGINES[engine](articles, partition_size, frames=frames, clean=clean, names=names, elements=elements,
                             workers=workers, client=client, progress=progress, extras=extras)
    counts = tables.pop(_REUSE_COUNTS, None)

    if loaded is not None:
        tables["removed"], tables["problems"] = loaded.removed, loaded.problems
    if reuse_threshold is not None:
        reuse_corpus = _ReuseInput(tables["articles"])
        tables["reuse_pairs"] = reuse_pairs(reuse_corpus, min_similarity=reuse_threshold, top=reuse_top,
                                            approximate=approximate,
                                            vectors=vectors_from_counts(counts) if counts is not None else None)
    if folder is not None:
        _write_cache(folder, tables)
    return tables


def _warm_up(names: tuple[str, ...]) -> None:
    score_text("A good start.")
    known_words()
    load_codebook()
    if "descriptions" in names:  # textstat's pronouncing dictionary takes 1-3 s to load: only when it is used
        textstat.flesch_reading_ease("A good start.")


class _ReuseInput:
    """The one attribute reuse_pairs reads from a corpus."""

    def __init__(self, articles: pd.DataFrame) -> None:
        self.articles = articles


# --- the engines: each runs analyse_partition on every partition and combines the results ---------


def _on_processes(articles: pd.DataFrame, partition_size: int, *, frames, clean: bool, names: tuple[str, ...],
                  elements, workers: int | None, client, progress: bool, extras: tuple[str, ...] = ()) -> dict:
    """The partitions on ``workers`` processes of this machine (default: every core; one: in this
    process), with a progress bar; each of ``extras`` (``_REUSE_COUNTS``, ``_REUSE_SIGNATURES``) is
    computed in each partition too and returned as a list, one item per partition, under its name."""
    partitions = _partitions(articles, partition_size)
    workers = workers or os.cpu_count() or 1
    asked = names + extras
    if workers == 1 or len(partitions) == 1:
        results = [analyse_partition(part, frames, clean, asked, elements)
                   for part in tqdm(partitions, desc="articles", unit="partition", disable=not progress)]
    else:
        order = _longest_first(partitions)
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) as pool:
            count = len(partitions)
            done = list(tqdm(pool.map(analyse_partition, [partitions[index] for index in order], [frames] * count,
                                      [clean] * count, [asked] * count, [elements] * count),
                             total=count, desc="articles", unit="partition", disable=not progress))
        results = [result for _, result in sorted(zip(order, done), key=lambda pair: pair[0])]
    parts = {extra: [result.pop(extra) for result in results] for extra in extras}
    return {**_combine(results, names), **parts}


def _on_dask(articles: pd.DataFrame, partition_size: int, *, frames, clean: bool, names: tuple[str, ...],
             elements, workers: int | None, client, progress: bool, extras: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """The partitions as ``map_partitions`` over a ``dask.dataframe``, on ``client`` (a
    ``distributed.Client``) if given, else on Dask's default scheduler (what the reuse pairs need
    is then computed in the calling process: ``extras`` is not used)."""
    # Dask is an optional dependency (pip install 'news-framing-analysis[dask]') that takes seconds to
    # import: it is loaded here, when this engine is chosen, not when the package is imported.
    try:
        dask = importlib.import_module("dask")
        dd = importlib.import_module("dask.dataframe")
    except ImportError as error:
        raise ImportError(f"the dask engine needs Dask ({error}): pip install 'news-framing-analysis[dask]', or use "
                          "engine='pandas'") from error
    # the partitions of the pandas engine (``_partitions``): as many, of equal sizes
    frame = dd.from_pandas(articles.reset_index(drop=True), npartitions=len(_partitions(articles, partition_size)),
                           sort=False)
    sample = analyse_partition(articles.iloc[:1], frames, clean, names, elements)  # the columns and types of each table
    lazy = {name: frame.map_partitions(partition_table, name, frames, clean, elements, meta=sample[name].iloc[0:0])
            for name in names}
    computed = (client.compute(list(lazy.values()), sync=True) if client is not None
                else dask.compute(*lazy.values()))
    results = dict(zip(lazy, computed))
    return _combine([{name: results[name].reset_index(drop=True) for name in names}], names)


# The engines by name (``run_pipeline(engine=...)``): each takes the articles, the partition size and
# the options above, and returns the combined tables.
ENGINES = {"pandas": _on_processes, "dask": _on_dask}
