"""The report on a corpus of one's own, on another topic: it tells that corpus's story (nothing of
the bundled corpus on any page), says why each section it cannot support is skipped, loads nothing
from outside the report, and shows a `$` as a dollar sign."""

import html
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.resources.files import MISSING

ROOT = Path(__file__).resolve().parent.parent
WIND_FARM = ROOT / "tests" / "fixtures" / "wind_farm_corpus"

# builds whole reports: `make test-fast` leaves it out
pytestmark = pytest.mark.slow

# The bundled corpus's outlets, people and events: none may appear in a report on another story.
BUNDLED_NAMES = ["Ji Seong", "Mr Ji", "Telegraph", "VOA", "Voice of America", "Wandsworth", "Wikipedia", "Trump",
                 "Kim Jong", "Kim Yo Jong", "Singapore", "State of the Union", "crutches", "human scum",
                 "Pyongyang", "Human Rights Watch", "PyeongChang", "Olympic"]
OUTLET = r"The $\undefinedcmd$ Post"
TITLE = "Buy $5 or $10 Daily"

# A reference to anything outside the report: an attribute or CSS url() naming another host.
OUTSIDE = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)"""
                     r"""\s*(?:https?:|//|ftp:)""", re.IGNORECASE)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wind-report")
    out = folder / "report"
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(WIND_FARM), "--out", str(out)],
                            capture_output=True, text=True, cwd=folder,
                            env={**__import__("os").environ, "NEWS_FRAMING_CACHE": str(folder / "cache")})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "without encryption" not in result.stderr
    return out


def _pages(out: Path) -> dict[str, str]:
    return {path.relative_to(out).as_posix(): path.read_text(encoding="utf-8") for path in sorted(out.rglob("*.html"))}


def test_no_page_references_anything_outside_the_report(report):
    pages = _pages(report)
    assert len(pages) >= 6 + 1 + 9  # six notebooks, the index, the tables
    for name, page in pages.items():
        found = OUTSIDE.search(page)
        assert found is None, f"{name} loads {page[found.start():found.start() + 120]!r}"
        assert "cdnjs" not in page and "unpkg" not in page and "require.min.js" not in page, name


def test_no_page_names_the_bundled_corpus(report):
    texts = dict(_pages(report))
    texts.update({path.name: path.read_text(encoding="utf-8") for path in (report / "notebooks").glob("*.ipynb")})
    texts.update({path.name: path.read_text(encoding="utf-8") for path in (report / "tables").glob("*.csv")})
    for name, text in texts.items():
        for bundled in BUNDLED_NAMES:
            assert bundled not in text, f"{name} names {bundled!r}"


def _skipped(page: str) -> list[str]:
    """The "Skipped:" lines of a page, as text."""
    return [html.unescape(re.sub(r"<[^>]+>", "", line)).strip()
            for line in re.findall(r'<p class="skipped[^"]*">(.*?)</p>', page, flags=re.S)]


def test_each_section_the_corpus_cannot_support_says_why(report):
    pages = _pages(report)
    sentiment, framing = _skipped(pages["02-sentiment.html"]), _skipped(pages["03-framing.html"])
    coverage, coding = _skipped(pages["04-coverage-differences.html"]), _skipped(pages["06-coursework-frame-coding.html"])
    assert f"Skipped: {MISSING['targets']}" in sentiment
    assert f"Skipped: {MISSING['story_elements']}" in coverage
    assert f"Skipped: {MISSING['coding_sheets']}" in coding
    # No dates: no tone or frame balance over time, no timeline.
    for skipped in (sentiment, framing, coverage):
        assert any("date" in line for line in skipped), skipped
    for name, page in pages.items():
        for line in _skipped(page):
            assert line.startswith("Skipped: ") and len(line) > len("Skipped: ") + 20, (name, line)
    # Notebook 06 still hands out the blank sheet for this corpus.
    executed = nbformat.read(report / "notebooks" / "06-coursework-frame-coding.ipynb", as_version=4)
    assert not [output for cell in executed.cells for output in cell.get("outputs", [])
                if output.get("output_type") == "error"]


def test_dollar_signs_are_shown_as_written_in_tables_and_pages(report):
    articles = pd.read_csv(report / "tables" / "articles.csv")
    assert OUTLET in set(articles["outlet"]) and TITLE in set(articles["title"])
    table_page = (report / "tables" / "articles.html").read_text(encoding="utf-8")
    assert html.escape(OUTLET, quote=False) in table_page or OUTLET in table_page
    assert TITLE in table_page
    overview = (report / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert html.escape(OUTLET, quote=False) in overview and TITLE in overview
    # The charts naming the outlet were drawn (a $ read as maths would have failed the notebook).
    assert len(list((report / "figures").glob("02-sentiment-*.png"))) >= 1


def test_the_findings_are_this_corpus_own(report):
    overview = (report / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "5 articles" in overview or "five articles" in overview.lower()
    who = (report / "05-who-speaks.html").read_text(encoding="utf-8")
    assert "Maria Okafor" in who
