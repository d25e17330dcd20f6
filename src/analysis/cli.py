"""The command line: ``python -m analysis report [--corpus PATH] [--out DIR]``."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from analysis.errors import CorpusError, DictionaryError, NotebookFailed, ReportError
from analysis.report import write_report
from analysis.resources.files import find_resources
from analysis.scale.bench import describe, machine, run_benchmark
from analysis.scale.loading_benchmark import run_loading_benchmark
from analysis.scale.report_benchmark import run_report_benchmark

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command named in ``argv`` and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="run every notebook on a corpus and write the report")
    report.add_argument("--corpus", default=None, help="folder or table file (default: the bundled corpus)")
    report.add_argument("--out", default="reports", help="folder for the report (default: reports)")
    report.add_argument("--strict", action="store_true", help="fail if any file or row has a problem")
    steering = report.add_argument_group(
        "the files that steer the analysis (default: data/ for the codebook and watchlist; for the rest, the "
        "corpus's own targets.yml, story_elements.yml and coding-sheets/ beside its articles, else none)")
    steering.add_argument("--codebook", default=None, help="framing codebook: a .yml file, or a bundled one's name")
    steering.add_argument("--watchlist", default=None, help="the words lexicons misread in news (.yml)")
    steering.add_argument("--targets", default=None, help="the people and organisations to follow (.yml)")
    steering.add_argument("--story-elements", default=None, help="the facts and episodes of the story (.yml)")
    steering.add_argument("--coding-sheets", default=None, help="a folder of filled coder-NAME.csv sheets")
    steering.add_argument("--article-a", default=None, help="the id of the first article to align (default: "
                          "the most alike pair)")
    steering.add_argument("--article-b", default=None, help="the id of the second article to align")
    bench = commands.add_parser("bench", help="time the pipeline against the plain loop, on a corpus or N synthetic articles")
    bench.add_argument("--articles", type=int, default=1000, help="number of synthetic articles (default 1000)")
    bench.add_argument("--corpus", default=None,
                       help="a corpus of real articles (folder or table file) to time instead of synthetic ones")
    bench.add_argument("--copies", type=int, default=1,
                       help="with --corpus: recombine its articles into this many copies first, a larger corpus of "
                            "the same real text where little repeats exactly (default 1: as they are)")
    bench.add_argument("--workers", type=int, default=None, help="processes (default: every core)")
    bench.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    bench.add_argument("--repeat", type=int, default=1,
                       help="time the pipeline and the plain loop this many times, one after the other, and report "
                            "the median speed-up (default 1; the machine's speed can move from minute to minute)")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--distinct", action="store_true",
                       help="make every sentence distinct, so that no repeated text is remembered (worst case)")
    loading = commands.add_parser("bench-loading", help="measure loading and cleaning on real data with gold answers")
    loading.add_argument("--extraction", default=None,
                         help="folder of the Article Extraction Benchmark (html/*.html.gz, ground-truth.json)")
    loading.add_argument("--corpus", action="append", default=[],
                         help="a real corpus to load (repeatable): articles loaded, skipped, sentences")
    loading.add_argument("--sample", default=None,
                         help="write a CSV sample of every cleaning rule's changes on the corpora, to label")
    loading.add_argument("--per-reason", type=int, default=40, help="changes sampled per rule (default 40)")
    at_size = commands.add_parser("bench-report", help="time the report and its peak memory against the plain loop")
    at_size.add_argument("--corpus", required=True, help="a .csv or .parquet table of articles (id, outlet, date, text)")
    at_size.add_argument("--copies", type=int, default=1,
                         help="recombine the articles into this many copies first (default 1: as they are)")
    at_size.add_argument("--out", default=None, help="folder for the report (default: a temporary folder)")
    arguments = parser.parse_args(argv)

    if arguments.command == "bench-report":
        result = run_report_benchmark(arguments.corpus, copies=arguments.copies, out=arguments.out)
        print(json.dumps(result, indent=1))
        return 0 if result["report_status"] == 0 and result["within_limits"] else 2

    if arguments.command == "bench-loading":
        print(run_loading_benchmark(arguments.extraction, arguments.corpus, sample=arguments.sample,
                                    per_reason=arguments.per_reason))
        return 0

    if arguments.command == "bench":
        result = run_benchmark(arguments.articles, workers=arguments.workers, seed=arguments.seed,
                               progress=not arguments.json, distinct=arguments.distinct, corpus=arguments.corpus,
                               copies=arguments.copies, repeat=arguments.repeat)
        print(json.dumps(result) if arguments.json else describe(result) + f"\nmachine:            {machine()}")
        return 0 if result["scores_identical"] and result["tables_identical_across_runs"] else 2

    if arguments.command == "report":
        return _report(arguments)
    return 0


def _report(arguments: argparse.Namespace) -> int:
    out = Path(arguments.out)
    if (arguments.article_a is None) != (arguments.article_b is None):
        print("error: give both --article-a and --article-b (the two articles to align), or neither", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by the system: clean up as on Ctrl-C
    try:
        resources = find_resources(arguments.corpus, codebook=arguments.codebook, watchlist=arguments.watchlist,
                                   targets=arguments.targets, story_elements=arguments.story_elements,
                                   coding_sheets=arguments.coding_sheets)
        written = write_report(arguments.corpus, out, strict=arguments.strict, resources=resources,
                               article_a=arguments.article_a, article_b=arguments.article_b)
    except (CorpusError, DictionaryError, NotebookFailed, ReportError, FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\ninterrupted: nothing was written; {out} is as it was before", file=sys.stderr)
        return 130
    print(f"wrote {len(written)} files; open {out / 'index.html'}")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt
