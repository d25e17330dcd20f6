"""The report command end to end, a failing notebook, escaping, and nbconvert run by hand."""

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.report import NotebookFailed, notebooks_dir, write_report
from conftest import write_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_there_are_six_numbered_notebooks():
    assert [path.stem for path in NOTEBOOKS] == [
        "01-corpus-overview", "02-sentiment", "03-framing", "04-coverage-differences", "05-who-speaks",
        "06-coursework-frame-coding"]
    assert notebooks_dir() == ROOT / "notebooks"


@pytest.mark.slow
def test_report_command_end_to_end(tmp_path):
    out = tmp_path / "report"
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--out", str(out)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "open" in result.stdout and "index.html" in result.stdout
    for notebook in NOTEBOOKS:
        assert (out / f"{notebook.stem}.html").is_file()
        executed = nbformat.read(out / "notebooks" / notebook.name, as_version=4)
        assert executed.cells[1].metadata.get("tags") == ["parameters"]
        assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    figures = sorted((out / "figures").glob("*.png"))
    assert len(figures) >= 15 and all(path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in figures)
    index = (out / "index.html").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        assert f'href="{notebook.stem}.html"' in index
    assert "figures/" in index
    assert (out / "tables" / "summary.csv").is_file()


@pytest.mark.slow
def test_a_failing_notebook_names_itself_and_its_cell(tmp_path):
    path = write_notebook(tmp_path / "99-broken.ipynb", nbformat.v4.new_code_cell("x = 1"),
                          nbformat.v4.new_code_cell("raise RuntimeError('the chart broke')"))
    with pytest.raises(NotebookFailed, match=r"99-broken.ipynb: cell 4 failed with RuntimeError: the chart broke"):
        write_report(None, tmp_path / "out", notebooks=[path], progress=False)


@pytest.mark.slow
def test_the_command_exits_non_zero_on_a_bad_corpus(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--corpus", str(tmp_path / "none"),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 1
    assert "No corpus at" in result.stderr


@pytest.mark.slow
def test_article_text_in_the_html_is_escaped(tmp_path):
    corpus = tmp_path / "evil.csv"
    pd.DataFrame({"id": ["x"], "outlet": ["<script>alert('outlet')</script>"],
                  "title": ["<script>alert('title')</script>"],
                  "text": ["A plain sentence about a summit. \"A quote,\" said Ana Lind."]}).to_csv(corpus, index=False)
    out = tmp_path / "out"
    write_report(corpus, out, notebooks=[ROOT / "notebooks" / "01-corpus-overview.ipynb"], progress=False)
    page = (out / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(" in page


@pytest.mark.parametrize("where", [".", "notebooks"])
@pytest.mark.slow
def test_nbconvert_by_hand_with_the_defaults(tmp_path, where):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "notebooks", copy / "notebooks")
    result = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute",
                             "--output-dir", str(tmp_path / "html"),
                             str(Path("notebooks" if where == "." else ".") / "02-sentiment.ipynb")],
                            cwd=copy / where, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "html" / "02-sentiment.html").is_file()


@pytest.mark.slow
def test_tables_are_written_as_csv_parquet_and_searchable_pages(tmp_path, monkeypatch):
    from analysis import analyse
    from analysis.report import write_tables

    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path / "cache"))
    written = write_tables(analyse(progress=False, workers=1), tmp_path / "tables")
    names = {path.name for path in written}
    for table in ("articles", "sentences", "quotes", "frame_hits", "reuse_pairs", "removed", "problems"):
        assert {f"{table}.csv", f"{table}.parquet", f"{table}.html"} <= names
    hits = pd.read_parquet(tmp_path / "tables" / "frame_hits.parquet")
    assert {"left", "matched_text", "right"} <= set(hits.columns)
    first = hits.iloc[0]
    assert first["left"] and first["right"]
    page = (tmp_path / "tables" / "quotes.html").read_text(encoding="utf-8")
    assert "<script" in page and 'src="http' not in page and "unpkg.com" not in page  # works offline
    assert len(pd.read_csv(tmp_path / "tables" / "quotes.csv")) == 41


def test_a_long_table_is_previewed_with_its_size():
    from analysis import preview

    table = pd.DataFrame({"n": range(50)})
    shown = preview(table)
    assert "showing 20 of 50 rows" in shown.to_html()
    assert preview(table.head(5)) is not None and len(preview(table.head(5))) == 5
