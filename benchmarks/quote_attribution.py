"""Quotes and their speakers scored against PolNeAR's human attribution annotations (issue 18).

    python benchmarks/quote_attribution.py [FOLDER] [--part development|held-out|all] [--limit N]
                                           [--rows OUT.csv] [--json]

FOLDER (default ``../shared/benchmarks/polnear-train``) holds ``text/*.txt`` and
``attributions/<text name>_<annotator>.ann`` (brat standoff). Where several people annotated a text,
the first annotation file by name is used. A gold direct quote is a quoted stretch inside an
annotated ``Content`` span; its speaker is the linked ``Source``, a pronoun source resolved to the
nearest earlier source that names someone (``analysis.quotes.evaluation.attribution_gold``). The
package's quotes (``extract_quotes`` on the cleaned texts) match gold quotes one-to-one by word
Jaccard >= 0.5; a speaker is right when it shares a word of its name with the gold speaker.

The articles are split by a hash of their names: one in five is held out (``--part held-out``),
never read while the rules were written; the rest is the development part.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.quotes import NOT_SPOKEN_KINDS, extract_quotes
from analysis.quotes.evaluation import attribution_gold, attribution_scores

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "polnear-train"
PARTS = ("development", "held-out", "all")


def part_of(name: str) -> str:
    """Return "held-out" for one text in five (by a hash of its name), else "development"."""
    return "held-out" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 == 0 else "development"


def read_folder(folder: Path, part: str = "all", limit: int | None = None) -> tuple[dict[str, str], dict]:
    """Return ({article name: raw text}, {article name: gold quotes}) of a PolNeAR-style folder."""
    texts, gold = {}, {}
    for path in sorted((folder / "text").glob("*.txt")):
        name = path.stem
        if part != "all" and part_of(name) != part:
            continue
        annotations = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if not annotations:
            continue
        text = path.read_text(encoding="utf-8")
        texts[name] = text
        gold[name] = attribution_gold(text, annotations[0].read_text(encoding="utf-8"))
        if limit and len(texts) >= limit:
            break
    return texts, gold


def score_folder(folder: Path = DEFAULT_FOLDER, part: str = "all", limit: int | None = None):
    """Return (summary, rows) of the package's quotes against the folder's gold (see the module)."""
    texts, gold = read_folder(Path(folder), part, limit)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(pd.DataFrame({"article_id": list(texts), "text": list(texts.values())}))
    started = time.process_time()
    quotes = extract_quotes(corpus)
    seconds = time.process_time() - started
    cleaned = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    summary, rows = attribution_scores(quotes, gold, cleaned)
    summary = {"part": part, "articles": len(texts), **summary, "marked": marked_kinds(rows),
               "quotes_cpu_seconds": round(seconds, 2)}
    return summary, rows


def marked_kinds(rows: pd.DataFrame) -> dict[str, dict[str, int]]:
    """For each kind the package marks as perhaps nobody's words ("term", "title"), how many quotes
    found have it and how many of those are no gold quote (the gold counts any quoted stretch inside
    an annotated content span, titles too, so 'not gold' undercounts what is rightly marked)."""
    found = rows[rows["outcome"] != "missed"]
    return {kind: {"found": int((found["kind"] == kind).sum()),
                   "not_gold": int(((found["kind"] == kind) & (found["outcome"] == "found, not gold")).sum())}
            for kind in NOT_SPOKEN_KINDS}


def _print(summary: dict) -> None:
    print(f"{summary['part']}: {summary['articles']} articles, {summary['gold']} gold quotes, {summary['found']} found")
    print(f"  detection P {summary['precision']:.3f}  R {summary['recall']:.3f}  F1 {summary['f1']:.3f}")
    print(f"  speaker accuracy {summary['speaker_accuracy']:.3f} on {summary['with_speaker']} matched quotes "
          f"(named people {summary['named_speaker_accuracy']:.3f} on {summary['named']}, organisations and "
          f"unnamed sources {summary['organisation_speaker_accuracy']:.3f} on {summary['organisations']}; "
          f"'previous speaker' rule {summary['previous_speaker_accuracy']:.3f} on {summary['previous_speaker']})")
    named_sources = summary["with_speaker"] - summary["pronoun_sources"]
    right_named = summary["speaker_accuracy"] * summary["with_speaker"] \
        - summary["pronoun_source_accuracy"] * summary["pronoun_sources"]
    print(f"  where the annotated source is a pronoun (gold speaker: the nearest earlier named source) "
          f"{summary['pronoun_source_accuracy']:.3f} on {summary['pronoun_sources']}; elsewhere "
          f"{right_named / max(1, named_sources):.3f}")
    print("  marked as perhaps nobody's words: " + "; ".join(
        f"{kind} {counts['found']} ({counts['not_gold']} no gold quote)" for kind, counts in summary["marked"].items()))
    for title, key in (("wrong speakers", "errors"), ("missed quotes by mark", "missed_by_mark"),
                       ("quotes found that are not gold", "found_not_gold")):
        print(f"  {title}: " + "; ".join(f"{kind} {count}" for kind, count in summary[key].items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--part", choices=PARTS, default="all")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the part")
    parser.add_argument("--rows", type=Path, help="write one row per gold quote and unmatched quote found (CSV)")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    if not (options.folder / "text").is_dir():
        print(f"{options.folder}/text is not a folder: give the PolNeAR folder (text/, attributions/)", file=sys.stderr)
        return 2
    summary, rows = score_folder(options.folder, options.part, options.limit)
    if options.rows:
        rows.to_csv(options.rows, index=False)
    print(json.dumps(summary)) if options.json else _print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
