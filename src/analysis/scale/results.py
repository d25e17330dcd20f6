"""The analysis of a corpus, computed once and kept: what every notebook and the report read.

``analyse(corpus_path)`` loads the corpus, runs every per-article step in partitions on every
core (``analysis.scale.pipeline``), and keeps the tables as Parquet files under the cache folder
(``$NEWS_FRAMING_CACHE`` or ``~/.cache/news-framing``), keyed by the corpus files (their names,
sizes and modification times), the package version and the dictionaries under ``data/``. The
next call with the same corpus reads them back in a second, so six notebooks cost one analysis and
show the same numbers; changing an article or a dictionary recomputes.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd

from analysis import framing, resources
from analysis.compare import FEW_ARTICLES, top_groups
from analysis.corpus import Corpus, load_corpus
from analysis.coverage import ELEMENT_COLUMNS, derivation, element_coverage
from analysis.errors import CorpusError
from analysis.resources import paths
from analysis.resources.dictionaries import default_watchlist
from analysis.scale import pipeline
from analysis.sentiment import neutralised_scores, score_with_model
from analysis.sentiment.learned import model_fingerprint
from analysis.version import __version__

__all__ = ["REUSE_THRESHOLD", "REUSE_TOP", "LONG_ARTICLE_WORDS", "RESULTS_VERSION", "ANALYSIS_TABLES", "CORPUS_TABLES",
           "Analysis", "source_fingerprint", "results_key", "analyse", "write_parquet"]

# Reuse pairs kept for the notebooks: each article's closest partners at least this alike.
REUSE_THRESHOLD = 0.3
REUSE_TOP = 5
# An article longer than this (a book, or many articles in one file) is analysed on one core and read
# whole by some notebook sections: said up front, with the time to expect.
LONG_ARTICLE_WORDS = 100_000
RESULTS_VERSION = "5"  # 5: terms and titles in quote marks are narration in voices and descriptions  # 4: a problem for quote marks lost in scraping  # 3: reason codes in removed and problems  # 2: story elements from the corpus's own file


ANALYSIS_TABLES = ("sentence_scores", "article_scores", "quotes", "frame_hits", "voices", "neutralised", "sections",
                   "descriptions", "elements", "reuse_pairs")
CORPUS_TABLES = ("articles", "paragraphs", "sentences", "removed", "problems", "events")


class Analysis:
    """A corpus and its analysis tables, each keyed by ``article_id``.

    - ``corpus``: the ``Corpus`` (articles, paragraphs, sentences, removed, problems, events).
    - ``sentence_scores``: the sentences with TextBlob's and VADER's scores (``sentiment.score_sentences``).
    - ``article_scores``: per article (``sentiment.score_articles``).
    - ``quotes``: direct quotes and speakers (``quotes.extract_quotes``, resolved within partitions).
    - ``frame_hits``: every hit of the default framing codebook (``framing.tag_sentences``).
    - ``voices``: each quote and each sentence's own words, scored apart (``sentiment.score_voices``).
    - ``neutralised``: scores with the watchlist's misleading words neutralised.
    - ``sections``: frames by title, lead and body (``framing.frame_by_section``).
    - ``descriptions``: length, quoted share and readability (``coverage.describe_articles``).
    - ``elements``: story elements per article (``coverage.element_coverage``).
    - ``reuse_pairs``: each article's closest partners by TF-IDF cosine (at least 0.3, 5 at most).

    Read from the cache, a table is read when it is first used, so a notebook holds in memory only
    the tables it reads.
    """

    def __init__(self, corpus: Corpus, tables: dict[str, pd.DataFrame] | None = None, *,
                 folder: Path | None = None, parent: Analysis | None = None, relabel=None,
                 story_elements: Path | None = None) -> None:
        self.corpus = corpus
        self.story_elements = story_elements  # the file the elements table was made from (None: none)
        self._tables = dict(tables or {})
        self._folder = folder  # where tables not yet read are kept
        self._parent, self._relabel = parent, relabel  # a view of another analysis, its outlets relabelled

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or name not in ANALYSIS_TABLES:
            raise AttributeError(name)
        tables = self.__dict__["_tables"]
        if name not in tables:
            if self._parent is not None:
                tables[name] = self._relabel(getattr(self._parent, name))
            elif self._folder is not None:
                tables[name] = pd.read_parquet(self._folder / f"{name}.parquet")
            else:
                raise AttributeError(name)
        return tables[name]

    def __repr__(self) -> str:
        return f"Analysis of {self.corpus!r}"

    @property
    def few_articles(self) -> bool:
        """Whether the corpus is small enough for one mark per article in the charts."""
        return len(self.corpus.articles) <= FEW_ARTICLES

    def with_top_outlets(self, top: int | None) -> Analysis:
        """Return the same analysis with the outlets beyond the ``top`` largest (by articles) named
        "other (K outlets)" in every table, so that charts by outlet stay readable; None: all."""
        if not top:
            return self
        grouped = top_groups(self.corpus.articles["outlet"], top)
        if grouped.equals(self.corpus.articles["outlet"]):
            return self
        outlet_of = dict(zip(self.corpus.articles["article_id"], grouped))

        def relabel(table: pd.DataFrame) -> pd.DataFrame:
            if "outlet" not in table.columns or "article_id" not in table.columns:
                return table
            return table.assign(outlet=table["article_id"].map(outlet_of).fillna(table["outlet"]))

        corpus = Corpus(**{name: relabel(getattr(self.corpus, name)) for name in CORPUS_TABLES},
                        source=self.corpus.source)
        return Analysis(corpus, parent=self, relabel=relabel, story_elements=self.story_elements)

    def derivation(self) -> pd.DataFrame:
        """Return which article most likely derives from which among the kept reuse pairs
        (``coverage.derivation``: containment both ways, source by date, a calibrated label);
        computed when first asked and kept."""
        tables = self.__dict__["_tables"]
        if "derivation" not in tables:
            tables["derivation"] = derivation(self.corpus, self.reuse_pairs)
        return tables["derivation"]

    def news_model(self) -> pd.DataFrame:
        """Return the news sentiment model's reading of every sentence (``sentiment.score_with_model``,
        reusing the kept lexicon scores, on every core); computed when first asked and kept, in the
        cache folder too. About 0.5 ms a sentence on one core: 21 s for 44,000 sentences."""
        tables = self.__dict__["_tables"]
        if "news_model" not in tables:
            kept = None if self._folder is None else self._folder / f"news_model-{model_fingerprint()}.parquet"
            if self._parent is not None:
                tables["news_model"] = self._parent.news_model()
            elif kept is not None and kept.is_file():
                tables["news_model"] = pd.read_parquet(kept)
            else:
                tables["news_model"] = score_with_model(self.corpus, self.sentence_scores)
                if kept is not None:
                    write_parquet(tables["news_model"], kept)
        return tables["news_model"]

    def hits(self, codebook=None) -> pd.DataFrame:
        """Return the hits of a framing codebook: the ones kept for the default codebook, found
        afresh for another (``framing.tag_sentences``)."""
        chosen = framing.load_codebook(codebook) if codebook is None or isinstance(codebook, (str, Path)) else codebook
        if Path(chosen.path).resolve() == framing.codebook_path(None).resolve():
            return self.frame_hits
        return framing.tag_sentences(self.corpus, chosen)

    def elements_of(self, story_elements: str | Path | None) -> pd.DataFrame:
        """Return which story elements each article includes (``coverage.element_coverage``): the
        table kept for the corpus's own ``story_elements.yml``, found afresh for another file; an
        empty table for None."""
        if story_elements is None:
            return pd.DataFrame(columns=ELEMENT_COLUMNS)
        if self.story_elements is not None and Path(story_elements).resolve() == Path(self.story_elements).resolve():
            return self.elements
        return self._relabelled(element_coverage(self.corpus, story_elements))

    def neutralised_by(self, watchlist: str | Path | None = None) -> pd.DataFrame:
        """Return the scores with a watchlist's misleading words neutralised: the table kept for the
        default watchlist, found afresh for another (``sentiment.neutralised_scores``)."""
        if watchlist is None or Path(watchlist).resolve() == default_watchlist().resolve():
            return self.neutralised
        return self._relabelled(neutralised_scores(self.corpus, watchlist))

    def _relabelled(self, table: pd.DataFrame) -> pd.DataFrame:
        return self._relabel(table) if self._relabel is not None else table

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return every table by name: the corpus's own and the analysis tables."""
        corpus = {name: getattr(self.corpus, name) for name in CORPUS_TABLES}
        return {**corpus, **{name: getattr(self, name) for name in ANALYSIS_TABLES}}


# The pipeline's names for the tables it returns, where they differ.
_PIPELINE_NAMES = {"sentence_scores": "sentences"}


def source_fingerprint(source: str | Path | pd.DataFrame | None) -> str:
    """Return a hash that changes when the corpus at ``source`` changes: its files' names, sizes and
    modification times (a DataFrame: its content)."""
    digest = hashlib.sha256()
    if isinstance(source, pd.DataFrame):
        digest.update(pd.util.hash_pandas_object(source.astype(str), index=True).to_numpy().tobytes())
        digest.update("|".join(map(str, source.columns)).encode())
        return digest.hexdigest()
    path = Path(paths.bundled_corpus_dir() if source is None else source).expanduser().resolve()
    digest.update(str(path).encode())
    if not path.exists():
        return digest.hexdigest()  # load_corpus says what is wrong
    files = sorted(item for item in path.rglob("*") if item.is_file()) if path.is_dir() else [path]
    for item in files:
        status = item.stat()
        digest.update(f"{item.relative_to(path) if path.is_dir() else item.name}|{status.st_size}|"
                      f"{status.st_mtime_ns}".encode())
    return digest.hexdigest()


def results_key(source: str | Path | pd.DataFrame | None) -> str:
    """Return the cache key of a corpus's analysis: its files, the package and the dictionaries."""
    digest = hashlib.sha256(f"{RESULTS_VERSION}|{pipeline.CACHE_VERSION}|{__version__}".encode())
    digest.update(source_fingerprint(source).encode())
    digest.update(paths.dictionaries_fingerprint().encode())
    digest.update(resources.fingerprint(resources.find_resources(source)).encode())
    return digest.hexdigest()[:24]


def analyse(corpus_path: str | Path | pd.DataFrame | None = None, *, cache: bool | str | Path = True,
            workers: int | None = None, progress: bool = True, strict: bool = False) -> Analysis:
    """Return the corpus at ``corpus_path`` (None: the bundled corpus) with every analysis table.

    With ``cache=True`` (or a folder) the tables are kept as Parquet and read back on the next
    call with the same corpus and dictionaries. ``workers``: processes for the per-article steps
    (default: every core). ``strict=True`` raises ``CorpusError`` when any file or row had a
    problem, as ``load_corpus`` does. A progress bar counts the partitions of articles.
    """
    folder = None
    if cache:
        root = pipeline.default_cache_dir() if cache is True else Path(cache)
        folder = root / "analysis" / results_key(corpus_path)
        cached = _read(folder)
        if cached is not None:
            _report_problems(cached.corpus, strict)
            return cached
    corpus = load_corpus(corpus_path, strict=strict)
    if corpus.articles.empty:
        raise CorpusError(_nothing_to_analyse(corpus))
    _warn_long_articles(corpus)
    story_elements = resources.find_resources(corpus_path).story_elements
    tables = pipeline.run_pipeline(corpus, workers=workers, progress=progress, notebook_tables=True,
                                   reuse_threshold=REUSE_THRESHOLD, reuse_top=REUSE_TOP, elements=story_elements)
    result = Analysis(corpus, {name: tables[_PIPELINE_NAMES.get(name, name)] for name in ANALYSIS_TABLES},
                      story_elements=story_elements)
    if folder is not None:
        _write(folder, result)
        result._folder = folder  # where tables computed later (the news model's) are kept too
    return result


def _warn_long_articles(corpus: Corpus) -> None:
    long = corpus.articles[corpus.articles["n_words"] > LONG_ARTICLE_WORDS]
    if len(long):
        first = long.sort_values("n_words", ascending=False).iloc[0]
        warnings.warn(f"{len(long):,} article(s) longer than {LONG_ARTICLE_WORDS:,} words (the longest: "
                      f"'{first['article_id']}', {int(first['n_words']):,} words): an article is analysed on one "
                      "core, at about 40 microseconds a word for each step, and the sections that read one article "
                      "whole take as long; if a file holds many articles, split it into one file per article",
                      stacklevel=3)


def _nothing_to_analyse(corpus: Corpus) -> str:
    problems = corpus.problems
    reasons = "; ".join(f"{row.source}: {row.problem}" for row in problems.head(3).itertuples())
    more = f" ({len(problems)} problems in all: see load_corpus(...).problems)" if len(problems) > 3 else ""
    return (f"no usable article in {corpus.source}" + (f": {reasons}{more}" if reasons else
                                                         ": it holds no .txt or .html files")
            + "; see the README for the corpus formats")


def _report_problems(corpus: Corpus, strict: bool) -> None:
    if len(corpus.problems) and strict:
        lines = [f"{len(corpus.problems)} problem(s) while loading {corpus.source}:"]
        lines += [f"- {row.source}: {row.problem} ({row.action})" for row in corpus.problems.itertuples()]
        raise CorpusError("\n".join(lines))
    if len(corpus.problems):
        warnings.warn(f"{len(corpus.problems)} problem(s) while loading {corpus.source}; see corpus.problems",
                      stacklevel=3)


def _write(folder: Path, result: Analysis) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in result.tables().items():
        write_parquet(table, folder / f"{name}.parquet")
    (folder / "source.json").write_text(json.dumps({
        "source": result.corpus.source,
        "story_elements": None if result.story_elements is None else str(result.story_elements)}), encoding="utf-8")


def _read(folder: Path) -> Analysis | None:
    names = CORPUS_TABLES + ANALYSIS_TABLES
    if not (folder / "source.json").is_file() or not all((folder / f"{name}.parquet").is_file() for name in names):
        return None
    saved = json.loads((folder / "source.json").read_text(encoding="utf-8"))
    corpus = Corpus(**{name: pd.read_parquet(folder / f"{name}.parquet") for name in CORPUS_TABLES},
                    source=saved["source"])
    story_elements = saved.get("story_elements")
    return Analysis(corpus, folder=folder, story_elements=None if story_elements is None else Path(story_elements))  # the analysis tables are read when first used


def write_parquet(table: pd.DataFrame, path: Path) -> None:
    """Write a table as Parquet; a column of mixed types (a manifest's free-text column) is stored as text."""
    try:
        table.to_parquet(path, index=False)
    except (TypeError, ValueError):  # pyarrow's ArrowTypeError and ArrowInvalid
        mixed = [column for column in table.columns if table[column].dtype == object]
        table.astype({column: "string" for column in mixed}).to_parquet(path, index=False)
