"""Hostile input through the report (rows 39, 42, 43 and 46 of the hostile-input table in
docs/hostile-inputs.md): markup in the corpus stays text, format strings and path-like outlet names
are only labels, and paths with spaces and parentheses work. The other report rows are tested in
test_report_safety.py, test_report_other_topic.py and test_offline_html.py (see the table)."""

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from lxml import html as lxml_html

from analysis.report import write_report

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = [ROOT / "notebooks" / "01-corpus-overview.ipynb", ROOT / "notebooks" / "05-who-speaks.ipynb"]

# builds whole reports: `make test-fast` leaves it out
pytestmark = pytest.mark.slow

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<iframe src=javascript:alert(1)></iframe>"]


def _hostile_corpus(folder: Path) -> Path:
    rows = [
        {"id": "markup", "outlet": PAYLOADS[0] + " Herald", "title": PAYLOADS[1] + " headline",
         "text": f'The council met on Tuesday. "{PAYLOADS[2]} is what I saw," said Ana Lind. &lt;script&gt; stays text.'},
        {"id": "format", "outlet": "../../etc", "title": "Title with {} and %s and {0} and %(name)s",
         "text": "The harbour reopened on Monday. \"It was about time,\" said Tom Berg, a fisher."},
        {"id": "slash", "outlet": "Outlet/with/slash", "title": "A plain title",
         "text": "The wind farm was approved. \"We will appeal,\" said Mara Quist."},
    ]
    folder.mkdir(parents=True)
    path = folder / "articles.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    os.environ.setdefault("NEWS_FRAMING_CACHE", str(folder / "cache"))
    corpus = _hostile_corpus(folder / "corpus")
    out = folder / "report"
    write_report(corpus, out, notebooks=NOTEBOOKS, progress=False)
    return folder, out


def _live_markup(page: str) -> list[str]:
    """Script, iframe and on* handlers that came from the corpus: a corpus payload that became markup."""
    tree = lxml_html.fromstring(page)
    found = [f"iframe {element.get('src')}" for element in tree.iter("iframe")]
    # a payload turned into markup is a script of its own (data inside a page's own script is JSON)
    found += [f"script {element.text!r}" for element in tree.iter("script")
              if element.text and element.text.strip() == "alert(1)"]
    found += [f"{element.tag} {name}" for element in tree.iter() if isinstance(element.tag, str)
              for name in element.attrib if name.startswith("on") and "alert" in element.get(name, "")]
    return found


@pytest.mark.parametrize("page", ["index.html", "01-corpus-overview.html", "05-who-speaks.html"])
def test_row_39_markup_in_text_outlet_title_and_quotes_stays_text(hostile_report, page):
    _, out = hostile_report
    text = (out / page).read_text(encoding="utf-8")
    assert _live_markup(text) == []
    if page != "index.html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Herald" in text


def test_row_39_markup_in_the_table_pages_stays_text(hostile_report):
    _, out = hostile_report
    for page in (out / "tables").glob("*.html"):
        assert _live_markup(page.read_text(encoding="utf-8")) == [], page.name


def test_row_42_format_strings_in_a_title_are_shown_as_written(hostile_report):
    _, out = hostile_report
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert "Title with {} and %s and {0} and %(name)s" in set(articles["title"])
    assert "Title with {} and %s and {0} and %(name)s" in (out / "01-corpus-overview.html").read_text(encoding="utf-8")


def test_row_43_path_like_outlet_names_are_only_labels(hostile_report):
    folder, out = hostile_report
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert {"../../etc", "Outlet/with/slash"} <= set(articles["outlet"])
    # Nothing was written outside the report folder under those names.
    assert not (folder / "etc").exists() and not (folder.parent / "etc").exists()
    assert not any("Outlet" in path.name or "slash" in path.name for path in out.rglob("*"))


def test_row_46_paths_with_spaces_and_parentheses(tmp_path):
    corpus = tmp_path / "my corpus (draft)"
    corpus.mkdir()
    (corpus / "one article (v2).txt").write_text("The council approved the wind farm on Tuesday.\n", encoding="utf-8")
    out = tmp_path / "my report (final)"
    # make passes the paths quoted to the command
    made = subprocess.run(["make", "-n", "report", f"CORPUS={corpus}", f"OUT={out}"], cwd=ROOT,
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert f'--corpus "{corpus}" --out "{out}"' in made.stdout
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(corpus), "--out", str(out)],
                            capture_output=True, text=True,
                            env={**os.environ, "NEWS_FRAMING_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"open {out / 'index.html'}" in result.stdout
    assert "one article (v2)" in pd.read_csv(out / "tables" / "articles.csv")["article_id"].tolist()
