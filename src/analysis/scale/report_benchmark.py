"""The report at size: wall time and peak memory of ``python -m analysis report`` on a real corpus,
against the plain sentiment loop on the same texts, timed in the same run.

``python -m analysis bench-report --corpus PATH [--copies N] [--out DIR]``

- ``--copies N`` builds a larger corpus from real text first (``bench.recombined_corpus``): N copies of
  the articles, each copy's articles made of their own sentences shuffled, with every other
  sentence taken from another article of the same outlet, so that little repeats exactly.
- The report runs in a fresh process with its own empty cache folder; its peak memory is the
  memory of its whole process tree (the report, its workers and the notebook kernels), sampled
  every 0.2 s: the sum of proportional set sizes (shared pages counted once), with the sum of
  resident set sizes (shared pages counted in every process) beside it.
- The plain loop (``bench.plain_loop``: pysbd, then TextBlob and VADER on each sentence) runs on
  the same texts afterwards.
- The output is checked: every PNG's size in pixels and every HTML page's size in bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil  # installed with IPython (ipykernel, a dependency)
from PIL import Image  # installed with matplotlib

from analysis.scale.bench import plain_loop, recombined_corpus

__all__ = ["MAX_PNG_PIXELS", "MAX_HTML_BYTES", "output_sizes", "run_report_benchmark"]

# Limits the report must keep at any size (issue 13).
MAX_PNG_PIXELS = 3000
MAX_HTML_BYTES = 5_000_000


def _tree_peak(command: list[str], log: Path, environment: dict[str, str]) -> tuple[int, float, float, float]:
    """Run a command; return its exit status, wall seconds, and the peak memory of its process tree
    in MB: the sum of the proportional set sizes (PSS: memory shared between processes, as forked
    workers share their parent's, is counted once), and the sum of resident set sizes (RSS: shared
    memory counted in every process that maps it, an upper bound)."""
    start = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=environment)
        parent = psutil.Process(process.pid)
        peak_pss = peak_rss = 0
        while process.poll() is None:
            pss = rss = 0
            for item in [parent, *parent.children(recursive=True)]:
                try:
                    info = item.memory_full_info()
                    pss, rss = pss + info.pss, rss + info.rss
                except psutil.Error:
                    pass
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            time.sleep(0.2)
    return process.returncode, time.perf_counter() - start, peak_pss / 1e6, peak_rss / 1e6


def output_sizes(out: Path) -> dict[str, object]:
    """Return the largest PNG (pixels on its longer side) and HTML page (bytes) of a report."""
    pngs = {path.name: max(Image.open(path).size) for path in out.rglob("*.png")}
    pages = {path.relative_to(out).as_posix(): path.stat().st_size for path in out.rglob("*.html")}
    largest_png = max(pngs.items(), key=lambda item: item[1], default=("", 0))
    largest_page = max(pages.items(), key=lambda item: item[1], default=("", 0))
    return {"pngs": len(pngs), "largest_png": largest_png[0], "largest_png_pixels": largest_png[1],
            "html_pages": len(pages), "largest_html": largest_page[0], "largest_html_bytes": largest_page[1],
            "within_limits": largest_png[1] <= MAX_PNG_PIXELS and largest_page[1] <= MAX_HTML_BYTES}


def run_report_benchmark(corpus: str | Path, *, copies: int = 1, out: str | Path | None = None) -> dict[str, object]:
    """Return the figures of one report run on ``corpus`` (a table file), with the plain loop beside it."""
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    articles = pd.read_csv(corpus, dtype=str, keep_default_na=False) if str(corpus).endswith(".csv") \
        else pd.read_parquet(corpus)
    source = Path(corpus)
    if copies > 1:
        articles = recombined_corpus(articles, copies)
        source = work / "corpus.parquet"
        articles.to_parquet(source, index=False)
    out = Path(out) if out else work / "report"
    command = [sys.executable, "-m", "analysis", "report", "--corpus", str(source), "--out", str(out)]
    environment = {**os.environ, "NEWS_FRAMING_CACHE": str(work / "cache")}  # empty: the whole analysis is timed
    status, seconds, peak_mb, peak_rss_mb = _tree_peak(command, work / "report.log", environment)

    start = time.perf_counter()
    sentences = len(plain_loop(articles["text"].tolist()))
    baseline = time.perf_counter() - start
    return {"corpus": str(corpus), "copies": copies, "articles": len(articles), "report_status": status,
            "report_seconds": round(seconds, 1), "report_peak_mb": round(peak_mb), "report_peak_rss_sum_mb": round(peak_rss_mb),
            "plain_loop_seconds": round(baseline, 1),
            "plain_loop_sentences": sentences, "faster_than_plain_loop": status == 0 and seconds < baseline,
            "log": str(work / "report.log"), "out": str(out), **output_sizes(out)}
