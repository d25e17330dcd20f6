"""Write docs/figures.md: the figures that the tests and the benchmarks measure, generated so that no
page copies them by hand.

    .venv/bin/python benchmarks/write_docs_figures.py           # write docs/figures.md
    .venv/bin/python benchmarks/write_docs_figures.py --check   # exit 1 if docs/figures.md is out of date

What it reads (offline, a few seconds; no benchmark is run again):

- ``tests/gold/quotes*.csv`` and the corpora they label (the bundled corpus and three in
  ``tests/fixtures/``): the quotes ``extract_quotes`` finds, scored as ``tests/test_quotes.py``
  scores them;
- ``tests/gold/frames.csv`` and the bundled corpus: the default codebook's precision and recall per
  frame, as ``tests/test_framing.py`` measures them;
- the bundled corpus: how alike its articles are (``coverage.reuse_matrix``, both measures);
- ``benchmarks/results-raw.jsonl``: every run of ``python -m analysis bench --json`` recorded there.

The output holds no date or timing of its own, so the same inputs always give the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "figures.md"
RAW_BENCHMARKS = ROOT / "benchmarks" / "results-raw.jsonl"
GOLD = ROOT / "tests" / "gold"
FIXTURES = ROOT / "tests" / "fixtures"
COMMAND = ".venv/bin/python benchmarks/write_docs_figures.py"

# The corpora that tests/gold/quotes*.csv label (its `corpus` column), where they are and what they are.
QUOTE_CORPORA = {
    "bundled": (None, "the bundled corpus (`data/corpus/`)"),
    "harbour": (FIXTURES / "harbour_corpus", "an invented corpus on another story (`tests/fixtures/harbour_corpus/`)"),
    "heldout": (FIXTURES / "heldout_quotes", "an article written after the rules (`tests/fixtures/heldout_quotes/`)"),
    "blind": (FIXTURES / "blind_quotes", ("three articles written with their gold file by someone who had not seen "
                                          "the rules (`tests/fixtures/blind_quotes/`)")),
}
FRAMES = ["human_rights", "diplomacy", "security", "human_interest"]


def _load(path):
    """Return the corpus at ``path`` (None: the bundled one) without its warning."""
    from analysis import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path)


def quote_accuracy() -> pd.DataFrame:
    """Return one row per gold corpus: gold quotes, quotes found, precision, recall, speaker and kind accuracy.

    A gold quote is found when a quote of the same article starts with its first words (each found quote
    matches one gold quote at most); speakers are compared by ``name_key``, as the test does."""
    from analysis.quotes import extract_quotes, score_against_gold

    gold_all = pd.concat([pd.read_csv(path) for path in sorted(GOLD.glob("quotes*.csv"))])
    rows = []
    for name, (path, description) in QUOTE_CORPORA.items():
        gold = gold_all[gold_all["corpus"] == name]
        score = score_against_gold(extract_quotes(_load(path)), gold)
        rows.append({
            "corpus": description, "gold quotes": score["gold"], "quotes found": score["found"],
            "precision": score["precision"], "recall": score["recall"],
            "speaker accuracy": score["speaker_accuracy"], "kind accuracy": score["kind_accuracy"],
        })
    return pd.DataFrame(rows)


def frame_validity() -> pd.DataFrame:
    """Return one row per frame of the default codebook: sentences hand-coded with it, sentences the
    dictionary finds, precision and recall against ``tests/gold/frames.csv``."""
    from analysis import framing

    corpus = _load(None)
    gold = pd.read_csv(GOLD / "frames.csv", keep_default_na=False)
    merged = framing.sentence_frames(corpus).merge(gold, on=["article_id", "sentence_id"], validate="one_to_one")
    rows = []
    for frame in FRAMES:
        coded = merged["frames"].str.split(";").apply(lambda codes, frame=frame: frame in codes)
        found = merged[frame].astype(bool)
        both = int((coded & found).sum())
        rows.append({"frame": f"`{frame}`", "hand-coded sentences": f"{int(coded.sum())} of {len(gold)}",
                     "found by the dictionary": int(found.sum()),
                     "precision": both / found.sum() if found.sum() else float("nan"),
                     "recall": both / coded.sum() if coded.sum() else float("nan")})
    return pd.DataFrame(rows)


def bundled_reuse() -> pd.DataFrame:
    """Return every pair of the bundled corpus's articles with their TF-IDF cosine and share of shared
    five-word sequences, most alike first."""
    from analysis import coverage

    corpus = _load(None)
    tfidf = coverage.reuse_matrix(corpus)
    shingles = coverage.reuse_matrix(corpus, measure="shingles")
    ids = list(tfidf.index)
    rows = [{"article a": f"`{a}`", "article b": f"`{b}`", "TF-IDF cosine": tfidf.loc[a, b],
             "five-word sequences shared": shingles.loc[a, b]}
            for i, a in enumerate(ids) for b in ids[i + 1:]]
    return pd.DataFrame(rows).sort_values("TF-IDF cosine", ascending=False, kind="stable")


def pipeline_runs() -> pd.DataFrame:
    """Return the runs recorded in ``benchmarks/results-raw.jsonl``, one row each, in file order."""
    lines = [line for line in RAW_BENCHMARKS.read_text(encoding="utf-8").splitlines() if line.strip()]
    runs = pd.DataFrame([json.loads(line) for line in lines])
    runs.insert(0, "run", range(1, len(runs) + 1))
    return runs


def _rounded(value: float, places: int = 1) -> str:
    """Return ``value`` with ``places`` decimals and thousands separators, halves rounded up (5.85 -> 5.9)
    as a reader would, not to the nearest binary float."""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{number:,}"


def _run_rows(runs: pd.DataFrame) -> pd.DataFrame:
    """Return the runs as the page shows them."""
    plain = [f"{_rounded(seconds)} s" + (" (scaled from 10,000)" if scaled else "")
             for seconds, scaled in zip(runs["baseline_seconds"], runs["baseline_extrapolated"])]
    return pd.DataFrame({
        "run": runs["run"],
        "articles": [f"{n:,}" for n in runs["articles"]],
        "corpus": ["every sentence different" if distinct else "synthetic" for distinct in runs["distinct"]],
        "sentences": [f"{n:,}" for n in runs["sentences"]],
        "pipeline": [f"{_rounded(seconds)} s" for seconds in runs["seconds"]],
        "articles/s": [f"{rate:,.0f}" for rate in runs["articles_per_s"]],
        "plain loop": plain,
        "speed-up": [f"{_rounded(speedup)}x" for speedup in runs["speedup"]],
        "peak memory": [f"{mb:,.0f} MB" for mb in runs["peak_rss_mb"]],
        "workers": runs["workers"],
        "scores identical": ["yes" if same else "**no**" for same in runs["scores_identical"]],
    })


def markdown_table(table: pd.DataFrame, *, digits: int = 2) -> str:
    """Return ``table`` as a Markdown table, numbers right-aligned, floats to ``digits`` places."""
    def cell(value) -> str:
        if isinstance(value, float):
            return "n/a" if pd.isna(value) else f"{value:.{digits}f}"
        return str(value).replace("|", "\\|")

    numeric = [all(str(value)[:1].isdigit() for value in table[column]) for column in table.columns]
    lines = ["| " + " | ".join(table.columns) + " |",
             "|" + "|".join("---:" if right else "---" for right in numeric) + "|"]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join(lines)


def page() -> str:
    """Return the text of docs/figures.md."""
    runs = pipeline_runs()
    latest = runs.drop_duplicates(["articles", "distinct"], keep="last").sort_values(
        ["distinct", "articles"], kind="stable")
    return f"""# Measured figures

<!-- Generated by `{COMMAND}`. Do not edit by hand: change the script
     or what it reads, and run it again. -->

This page is written by `{COMMAND}` from what the tests and the benchmarks measure, so that no
page copies a figure by hand. Run it again after changing the package, the gold files in
`tests/gold/`, or after recording a benchmark run in `benchmarks/results-raw.jsonl`;
`{COMMAND} --check` says whether this page is out of date.

## Who speaks: quotes against hand-labelled gold

Every direct quote in each corpus was marked by hand with its speaker and kind (`tests/gold/quotes*.csv`).
A gold quote counts as found when a quote of the same article starts with its first words;
precision is the share of the quotes found that are in the gold file, recall the share of the gold
quotes found; speaker and kind accuracy are over the quotes found. `tests/test_quotes.py` measures
the same (and prints it at the end of every test run). See [quotes.md](quotes.md).

{markdown_table(quote_accuracy())}

## Framing: the default codebook against a hand-coding

Every sentence of the bundled corpus, coded by someone who had not seen the dictionary
(`tests/gold/frames.csv`); precision is the share of the sentences the dictionary flags for a frame
that the coder gave that frame, recall the share of the coder's sentences the dictionary flags.
`tests/test_framing.py` measures the same. See [framing.md](framing.md).

{markdown_table(frame_validity())}

## Coverage: how alike the bundled corpus's articles are

`coverage.reuse_matrix(corpus)` (TF-IDF cosine) and `coverage.reuse_matrix(corpus, measure="shingles")`
(the share of five-word sequences reused word for word) for every pair. See [coverage.md](coverage.md).

{markdown_table(bundled_reuse())}

## Scale: the pipeline against the plain loop

From `benchmarks/results-raw.jsonl`: the JSON lines `python -m analysis bench --articles N --json
[--distinct]` printed, as recorded (the machine and how each run was made are described in
[benchmarks/results.md](../benchmarks/results.md); how to run it, in
[benchmarks/README.md](../benchmarks/README.md)). The plain loop is pysbd, then TextBlob and VADER on
each sentence, on one core; "scores identical" says that every score of the pipeline was checked
against the libraries called directly. "Synthetic" texts repeat a few hundred distinct sentences (the
best case for remembering repeated text); "every sentence different" (`--distinct`) is the floor.
Peak memory is the process's peak plus its largest worker's (RSS). See [scale.md](scale.md).

The latest recorded run of each size:

{markdown_table(_run_rows(latest).drop(columns=["workers"]))}

Every recorded run, in the order recorded (the file keeps no date; a later line is a later run,
sometimes of changed code: see benchmarks/results.md):

{markdown_table(_run_rows(runs))}

## Not generated here

`python -m analysis bench-loading` (cleaning on real data with gold answers) and `python -m analysis
bench-report` (the report at size, time and memory) print their figures but nothing stores that
output in the repository yet, so their figures are recorded by hand in
[benchmarks/results.md](../benchmarks/results.md): see its sections "Loading and cleaning" and
"The report at size". They need the real corpora in `../shared`, and take minutes.
"""


def main(argv: list[str] | None = None) -> int:
    """Write docs/figures.md, or with ``--check`` say whether it is out of date; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1, writing nothing, if docs/figures.md differs")
    parser.add_argument("--out", type=Path, default=OUTPUT, help=f"where to write (default {OUTPUT.relative_to(ROOT)})")
    arguments = parser.parse_args(argv)
    text = page()
    if arguments.check:
        current = arguments.out.read_text(encoding="utf-8") if arguments.out.exists() else ""
        if current != text:
            print(f"{arguments.out} is out of date: run {COMMAND}", file=sys.stderr)
            return 1
        print(f"{arguments.out} is up to date")
        return 0
    arguments.out.write_text(text, encoding="utf-8")
    print(f"wrote {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
