"""The report on a real corpus of 2,402 articles (../shared, which CI has): it finishes, every chart
and page stays within its limits, and its tables are the pipeline's. Skipped, saying why, where
../shared is absent. Time and memory are measured by ``python -m analysis bench-report``, not here."""

import subprocess
import sys

import pandas as pd
import pytest
from conftest import shared_path

from analysis.scale.pipeline import run_pipeline
from analysis.scale.report_benchmark import MAX_HTML_BYTES, MAX_PNG_PIXELS, output_sizes

# builds a whole report of 2,402 articles: `make test-fast` leaves it out
pytestmark = pytest.mark.slow


def _same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False)


def test_the_report_reads_a_real_corpus_of_2400_articles(tmp_path, monkeypatch):
    corpus = shared_path("corpora/real-news-2400/articles.csv")
    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "report"
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(corpus), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]

    sizes = output_sizes(out)
    assert sizes["pngs"] >= 15 and sizes["html_pages"] >= 15
    assert sizes["largest_png_pixels"] <= MAX_PNG_PIXELS, sizes
    assert sizes["largest_html_bytes"] <= MAX_HTML_BYTES, sizes

    tables = run_pipeline(corpus, progress=False)
    written = {name: pd.read_parquet(out / "tables" / f"{name}.parquet")
               for name in ("sentences", "article_scores", "quotes", "frame_hits", "reuse_pairs")}
    _same(written["sentences"], tables["sentences"])
    _same(written["article_scores"], tables["article_scores"])
    _same(written["quotes"], tables["quotes"])
    _same(written["frame_hits"][tables["frame_hits"].columns], tables["frame_hits"])
    # the report keeps pairs from 0.3, the pipeline by default from 0.5: the same pairs above 0.5
    strong = written["reuse_pairs"][written["reuse_pairs"]["similarity"] >= 0.5]
    _same(strong, tables["reuse_pairs"])
    assert len(pd.read_csv(out / "tables" / "articles.csv")) == 2402
