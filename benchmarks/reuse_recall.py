"""Recall and time of the approximate reuse pairs against the exact ones, on real text.

``coverage.reuse_pairs(approximate=True)`` (what the pipeline runs past 5,000 articles) scores only
candidate pairs; this measures how many of the exact path's pairs it finds, at the pipeline's
threshold with every pair kept (``top=None``) and with each article's five closest (``top=5``), and
how the candidates and the time grow with the corpus:

- COUNTER (``../shared/benchmarks/counter/COUNTER``, 1,200 Urdu news-agency and newspaper texts,
  headline and body, as one corpus): recall of the exact pairs, and of the gold derived pairs
  (each newspaper text with its agency text, wholly or partially derived) each path finds;
- real news recombined to each size of ``--sizes`` (``analysis.scale.bench.recombined_corpus`` on
  ``../shared/corpora/real-news-2400/articles.csv``, as ``python -m analysis bench --copies``
  builds it): recall, candidates per article and seconds of both paths.

    python benchmarks/reuse_recall.py [--sizes 2500 5000 10000 20000] [--threshold 0.3] [--json]

Skips with a message when ``../shared`` is absent. Timings on a shared machine are noisy: compare
those of one run, and the candidates per article, which are not.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import warnings
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd

from analysis.coverage import candidates, reuse
from analysis.scale.bench import recombined_corpus
from analysis.scale.pipeline import articles_table

SHARED = Path(__file__).resolve().parents[2] / "shared"
COUNTER = SHARED / "benchmarks" / "counter" / "COUNTER"
REAL_NEWS = SHARED / "corpora" / "real-news-2400" / "articles.csv"
SIZES = (2_500, 5_000, 10_000, 20_000)
THRESHOLD = 0.3  # the pipeline's reuse threshold of the notebooks' tables
TOP = 5  # the pipeline's partners per article


class _Articles:
    """The one attribute reuse_pairs reads from a corpus."""

    def __init__(self, articles: pd.DataFrame) -> None:
        self.articles = articles


def counter_articles() -> pd.DataFrame:
    """Return the COUNTER texts (headline, a blank line, body) with their file name as article_id
    and the gold ``classification`` (WD, PD, ND; on newspaper texts)."""
    rows = []
    for path in sorted(COUNTER.glob("*.xml")):
        root = ElementTree.parse(path).getroot()
        text = f"{(root.findtext('headline') or '').strip()}\n\n{(root.findtext('body') or '').strip()}"
        rows.append({"article_id": path.stem, "text": text, "classification": root.get("classification")})
    return pd.DataFrame(rows)


def real_articles(size: int, loaded: pd.DataFrame) -> pd.DataFrame:
    """Return ``size`` articles of the real corpus, recombined into as many copies as that needs."""
    copies = max(1, math.ceil(size / len(loaded)))
    articles = loaded[["article_id", "outlet", "text"]].rename(columns={"article_id": "id"})
    if copies > 1:
        articles = recombined_corpus(articles.assign(title="", date=""), copies)[["id", "outlet", "text"]]
    return articles.rename(columns={"id": "article_id"}).head(size).reset_index(drop=True)


def _codes(pairs: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(pairs["article_a"], pairs["article_b"]))


def _recall(found: set, wanted: set) -> float | None:
    return round(len(found & wanted) / len(wanted), 4) if wanted else None


def compare(articles: pd.DataFrame, threshold: float = THRESHOLD, exact: bool = True) -> dict[str, object]:
    """Return the figures of one corpus: pairs of each path, recall of the approximate path (of all
    pairs and of the top-5 pairs), candidates per article and seconds of each step."""
    corpus = _Articles(articles)
    start = time.perf_counter()
    vectors = reuse.reuse_vectors(articles["text"].tolist())
    result: dict[str, object] = {"articles": len(articles), "vectors_s": round(time.perf_counter() - start, 2)}
    start = time.perf_counter()
    first, _ = candidates.candidate_pairs(vectors, threshold)
    result.update({"candidates": len(first), "candidates_per_article": round(len(first) / len(articles), 1),
                   "candidates_s": round(time.perf_counter() - start, 2)})
    found = {}
    for top in (None, TOP):
        label = "all" if top is None else f"top{top}"
        start = time.perf_counter()
        approximate = reuse.reuse_pairs(corpus, min_similarity=threshold, top=top, approximate=True, vectors=vectors)
        result[f"approximate_{label}_s"] = round(time.perf_counter() - start, 2)
        result[f"approximate_{label}_pairs"] = len(approximate)
        found[label] = approximate
        if exact:
            start = time.perf_counter()
            truth = reuse.reuse_pairs(corpus, min_similarity=threshold, top=top, vectors=vectors)
            result[f"exact_{label}_s"] = round(time.perf_counter() - start, 2)
            result[f"exact_{label}_pairs"] = len(truth)
            result[f"recall_{label}"] = _recall(_codes(approximate), _codes(truth))
            found[f"exact_{label}"] = truth
    return result, found


def counter_gold(articles: pd.DataFrame, found: dict[str, pd.DataFrame]) -> dict[str, object]:
    """Return, for each path (all pairs at the threshold), how many gold derived pairs it finds."""
    gold = {kind: {(name[:-1], name) for name, value in zip(articles["article_id"], articles["classification"])
                   if name.endswith("p") and value == kind} for kind in ("WD", "PD")}
    figures = {}
    for path in ("exact_all", "all"):
        if path in found:
            pairs = _codes(found[path])
            for kind, wanted in gold.items():
                figures[f"{'exact' if path == 'exact_all' else 'approximate'}_{kind}"] = \
                    f"{len(pairs & wanted)}/{len(wanted)}"
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--no-exact-above", type=int, default=None,
                        help="skip the exact path (and recall) above this many articles")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    arguments = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"Skipped: {SHARED} is absent (the COUNTER benchmark and the real news corpus live there).")
        return 0
    if COUNTER.is_dir():
        articles = counter_articles()
        result, found = compare(articles, arguments.threshold)
        _show({"corpus": "COUNTER", **result, **counter_gold(articles, found)}, arguments.json)
    else:
        print(f"Skipped COUNTER: {COUNTER} is absent.")
    if REAL_NEWS.is_file():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = articles_table(str(REAL_NEWS))
        for size in arguments.sizes:
            exact = arguments.no_exact_above is None or size <= arguments.no_exact_above
            result, _ = compare(real_articles(size, loaded), arguments.threshold, exact=exact)
            _show({"corpus": "real news, recombined", **result}, arguments.json)
    else:
        print(f"Skipped the real news: {REAL_NEWS} is absent.")
    return 0


def _show(row: dict[str, object], as_json: bool) -> None:
    print(json.dumps(row) if as_json else "  ".join(f"{key}={value}" for key, value in row.items()), flush=True)


if __name__ == "__main__":
    sys.exit(main())
