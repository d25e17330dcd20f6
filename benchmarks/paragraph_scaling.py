"""Time per character of each step of the analysis as paragraphs grow from 1 KB to 100 KB.

Real articles are often one long paragraph (scraped text with its breaks lost): a step whose work
grows faster than the length of a paragraph shows there first. This builds, from the sentences of a
real corpus, corpora of the same total size made of one-paragraph articles of 1 KB, 10 KB and
100 KB, and times each step (``analysis.scale.bench.step_times``) on each. Flat seconds per MB
across the sizes mean the step is linear in the length of a paragraph.

    python benchmarks/paragraph_scaling.py CORPUS [--megabytes 1.0] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings

import pandas as pd

from analysis.corpus import load_corpus
from analysis.scale.bench import step_times

SIZES = (1_000, 10_000, 100_000)


def one_paragraph_articles(sentences: list[str], size: int, megabytes: float, start: int = 0) -> pd.DataFrame:
    """Return articles of about ``size`` characters each, one paragraph each, ``megabytes`` in all,
    made of the sentences in order from ``start`` (each used once where there are enough)."""
    articles, current, length, position = [], [], 0, start
    total = int(megabytes * 1e6)
    while sum(len(text) for text in articles) + length < total:
        sentence = sentences[position % len(sentences)]
        position += 1
        current.append(sentence)
        length += len(sentence) + 1
        if length >= size:
            articles.append(" ".join(current))
            current, length = [], 0
    if current:
        articles.append(" ".join(current))
    return pd.DataFrame({"article_id": [f"p{size}-{i}" for i in range(len(articles))],
                         "outlet": [f"Outlet {i % 5}" for i in range(len(articles))], "text": articles})


def measure(corpus_path: str, megabytes: float = 1.0) -> list[dict[str, object]]:
    """Return one row per paragraph size: its articles, MB, and seconds per MB of each step."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sentences = pd.unique(load_corpus(corpus_path).sentences["text"]).tolist()
    rows = []
    for number, size in enumerate(SIZES):
        # each size from other sentences: none is remembered from the size before
        articles = one_paragraph_articles(sentences, size, megabytes, start=number * len(sentences) // len(SIZES))
        mb = articles["text"].str.len().sum() / 1e6
        steps = step_times(articles)
        rows.append({"paragraph_characters": size, "articles": len(articles), "megabytes": round(mb, 3),
                     **{f"{name} s/MB": round(seconds / mb, 3) for name, seconds in steps.items()}})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--megabytes", type=float, default=1.0, help="text per size (default 1.0)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = measure(args.corpus, args.megabytes)
    if args.json:
        print(json.dumps(rows))
    else:
        print(pd.DataFrame(rows).set_index("paragraph_characters").T.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
