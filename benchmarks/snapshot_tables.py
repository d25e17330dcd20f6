"""Write every public table the package makes for a corpus into a folder of CSV files.

Run it before and after a change that should not change behaviour, then compare the two folders
(``diff -r`` or ``--compare``): the same files, byte for byte, mean the same tables.

    python benchmarks/snapshot_tables.py CORPUS OUT_DIR
    python benchmarks/snapshot_tables.py --compare BEFORE_DIR AFTER_DIR
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sys
import tempfile
from pathlib import Path

import pandas as pd


def _tables(corpus_path: str):
    """Yield (name, callable returning a DataFrame) for every public measure."""
    import analysis
    from analysis import compare, coverage, framing, quotes, reliability, sentiment

    results = analysis.analyse(corpus_path, progress=False)
    corpus = results.corpus
    for name in ("articles", "paragraphs", "sentences", "removed", "problems", "events"):
        yield f"corpus.{name}", lambda name=name: getattr(corpus, name)
    for name in ("sentence_scores", "article_scores", "quotes", "frame_hits", "voices", "neutralised", "sections",
                 "descriptions", "elements", "reuse_pairs"):
        yield f"analyse.{name}", lambda name=name: getattr(results, name)
    ids = list(corpus.articles["article_id"])
    first = ids[0]
    yield "sentiment.score_sentences", lambda: sentiment.score_sentences(corpus)
    yield "sentiment.score_articles", lambda: sentiment.score_articles(corpus)
    yield "sentiment.explain", lambda: sentiment.explain(corpus, article_id=first)
    yield "sentiment.explain_article", lambda: sentiment.explain(corpus, article_id=first, level="article")
    yield "sentiment.word_contributions", lambda: sentiment.word_contributions(sentiment.explain(corpus, article_id=first))
    yield "sentiment.score_voices", lambda: sentiment.score_voices(corpus)
    yield "sentiment.sentiment_by_voice", lambda: sentiment.sentiment_by_voice(corpus)
    yield "sentiment.target_mentions", lambda: sentiment.target_mentions(corpus)
    yield "sentiment.sentiment_by_target", lambda: sentiment.sentiment_by_target(corpus)
    yield "sentiment.domain_warnings", lambda: sentiment.domain_warnings(corpus)
    yield "sentiment.neutralised_scores", lambda: sentiment.neutralised_scores(corpus)
    yield "framing.tag_sentences", lambda: framing.tag_sentences(corpus)
    yield "framing.sentence_frames", lambda: framing.sentence_frames(corpus)
    yield "framing.frame_shares", lambda: framing.frame_shares(corpus)
    yield "framing.frame_balance", lambda: framing.frame_balance(corpus)
    yield "framing.frame_by_section", lambda: framing.frame_by_section(corpus)
    yield "framing.frame_by_position", lambda: framing.frame_by_position(corpus)
    yield "framing.hits_in_context", lambda: framing.hits_in_context(framing.tag_sentences(corpus), corpus)
    yield "framing.kwic", lambda: framing.kwic(corpus, "human_rights")
    yield "framing.frame_cooccurrence", lambda: framing.frame_cooccurrence(corpus)
    yield "framing.frame_sentiment", lambda: framing.frame_sentiment(corpus, sentiment.score_sentences(corpus))
    yield "framing.prefill_questions", lambda: framing.prefill_questions(corpus)
    yield "coverage.reuse_matrix", lambda: coverage.reuse_matrix(corpus)
    yield "coverage.reuse_matrix_shingles", lambda: coverage.reuse_matrix(corpus, measure="shingles")
    yield "coverage.similarity_table", lambda: coverage.similarity_table(corpus)
    yield "coverage.most_alike", lambda: coverage.most_alike(corpus)
    yield "coverage.reuse_pairs", lambda: coverage.reuse_pairs(corpus)
    yield "coverage.reuse_pairs_shingles", lambda: coverage.reuse_pairs(corpus, measure="shingles", min_similarity=0.1)
    if len(ids) > 1:
        yield "coverage.align", lambda: coverage.align(corpus, ids[0], ids[1])
        yield "coverage.alignment_summary", lambda: coverage.alignment_summary(coverage.align(corpus, ids[0], ids[1]))
    yield "coverage.distinctive_terms", lambda: coverage.distinctive_terms(corpus)
    yield "coverage.element_coverage", lambda: coverage.element_coverage(corpus)
    yield "coverage.timeline", lambda: coverage.timeline(corpus)
    yield "coverage.describe_articles", lambda: coverage.describe_articles(corpus)
    yield "quotes.extract_quotes", lambda: quotes.extract_quotes(corpus)
    yield "quotes.sources_by_outlet", lambda: quotes.sources_by_outlet(quotes.extract_quotes(corpus), corpus)
    yield "reliability.coding_sheet", lambda: reliability.coding_sheet(corpus)
    yield "compare.group_means", lambda: compare.group_means(results.article_scores, "vader_compound")
    yield "compare.outlet_similarity", lambda: coverage.outlet_similarity(corpus.articles)


def snapshot(corpus_path: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, make in _tables(corpus_path):
        try:
            table = make()
            text = table.to_csv(index=not isinstance(table.index, pd.RangeIndex), float_format="%.12g")
        except Exception as error:  # an error is part of the behaviour too
            text = f"ERROR {type(error).__name__}: {error}\n"
        (out / f"{name}.csv").write_text(text, encoding="utf-8")
        print(f"{name}: {len(text):,} bytes", file=sys.stderr)


def compare_folders(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.glob("*.csv")} | {p.name for p in after.glob("*.csv")})
    differ = [n for n in names if not ((before / n).exists() and (after / n).exists()
                                       and filecmp.cmp(before / n, after / n, shallow=False))]
    print(f"{len(names) - len(differ)} of {len(names)} tables byte-identical")
    changed = 0
    for name in differ:
        added = _only_added_columns(before / name, after / name)
        if added:
            print(f"  {name}: the same rows and values; new columns {', '.join(added)}")
        else:
            print(f"  differs: {name}")
            changed += 1
    return 1 if changed else 0


def _only_added_columns(before: Path, after: Path) -> list[str]:
    """Return the columns ``after`` adds when, without them, the two tables are the same (else [])."""
    if not (before.exists() and after.exists()):
        return []
    try:
        old = pd.read_csv(before, dtype=str, keep_default_na=False)
        new = pd.read_csv(after, dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError):
        return []
    added = [column for column in new.columns if column not in old.columns]
    if not added or list(new.columns.drop(added)) != list(old.columns):
        return []
    return added if new.drop(columns=added).equals(old) else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs=2)
    parser.add_argument("--compare", action="store_true", help="compare two snapshot (or report tables) folders")
    args = parser.parse_args()
    if args.compare:
        return compare_folders(Path(args.paths[0]), Path(args.paths[1]))
    with tempfile.TemporaryDirectory() as cache:
        os.environ["NEWS_FRAMING_CACHE"] = cache  # nothing read from an earlier run
        snapshot(args.paths[0], Path(args.paths[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
