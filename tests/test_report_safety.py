"""The report command's faults: each gets a one-line message and an exit status before any notebook
runs, an interrupted run leaves the previous report as it was, two runs cannot write one folder,
and the kernels run quietly."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import cli
from analysis.report import MARKER, write_report
from analysis.report.folders import report_lock
from conftest import write_notebook

ROOT = Path(__file__).resolve().parent.parent


def _report(*arguments, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "analysis", "report", *map(str, arguments)],
                          capture_output=True, text=True, cwd=cwd, env=env)


def _previous_report(folder: Path) -> Path:
    """A report as an earlier run left it (its marker, an index page and a figure)."""
    (folder / "figures").mkdir(parents=True)
    (folder / "figures" / "old.png").write_bytes(b"old")
    (folder / "index.html").write_text("the previous report", encoding="utf-8")
    (folder / MARKER).write_text("", encoding="utf-8")
    return folder


def _leftovers(parent: Path, name: str) -> list[str]:
    return sorted(path.name for path in parent.iterdir() if path.name.startswith(f".{name}."))


@pytest.mark.slow
def test_out_naming_an_existing_file(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    result = _report("--out", target)
    assert result.returncode == 1
    assert result.stderr == (f"error: --out {target}: this is a file, not a folder; "
                             "give the name of a folder for the report\n")
    assert target.read_text(encoding="utf-8") == "keep me"


@pytest.mark.slow
def test_out_naming_a_folder_of_other_files_is_refused(tmp_path):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.docx").write_text("years of work", encoding="utf-8")
    result = _report("--out", folder)
    assert result.returncode == 1
    assert result.stderr == (f"error: --out {folder}: the folder holds other files and no earlier report, and the "
                             "report replaces the folder's content; give a new or empty folder\n")
    assert [path.name for path in folder.iterdir()] == ["thesis.docx"]


def test_out_in_a_read_only_folder(tmp_path, monkeypatch, capsys):
    # As root every folder is writable, so the permission the system would refuse is refused here.
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    real_access = os.access
    monkeypatch.setattr("analysis.report.folders.os.access",
                        lambda path, mode: False if Path(path) == read_only else real_access(path, mode))
    status = cli.main(["report", "--out", str(read_only / "report")])
    assert status == 1
    assert capsys.readouterr().err == (f"error: --out {read_only / 'report'}: {read_only} is read-only (permission "
                                       "denied); choose a folder you can write to\n")
    assert list(read_only.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder: the monkeypatched test above covers it")
def test_out_in_a_read_only_folder_for_real(tmp_path):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    try:
        result = _report("--out", read_only / "report")
    finally:
        read_only.chmod(0o755)
    assert result.returncode == 1
    assert "is read-only (permission denied); choose a folder you can write to" in result.stderr


@pytest.mark.slow
def test_an_empty_corpus_stops_before_any_notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path / "cache"))
    empty = tmp_path / "empty-corpus"
    empty.mkdir()
    out = tmp_path / "report"
    result = _report("--corpus", empty, "--out", out)
    assert result.returncode == 1
    assert result.stderr.endswith(f"error: no usable article in {empty.resolve()}: empty-corpus/: no article files "
                                  "(.txt, .html) were found in the folder; see the README for the corpus formats\n")
    assert not out.exists() and _leftovers(tmp_path, "report") == []


@pytest.mark.slow
def test_a_table_without_a_text_column_stops_before_any_notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path / "cache"))
    table = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["1"], "outlet": ["Coast FM"], "body": ["Wind."]}).to_csv(table, index=False)
    out = _previous_report(tmp_path / "report")
    result = _report("--corpus", table, "--out", out)
    assert result.returncode == 1
    assert result.stderr.endswith(
        f"error: no usable article in {table.resolve()}: articles.csv: the table has no 'text' column (its columns: "
        "id, outlet, body); see the README for the corpus formats\n")
    assert (out / "index.html").read_text(encoding="utf-8") == "the previous report"


@pytest.mark.slow
def test_a_resource_with_a_mistake_names_its_file_and_line(tmp_path):
    targets = tmp_path / "targets.yml"
    targets.write_text("targets:\n  Ana Lind: [Ms Lind\n", encoding="utf-8")
    result = _report("--targets", targets, "--out", tmp_path / "report")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: the targets: {targets}, line ")
    assert not (tmp_path / "report").exists()


@pytest.mark.slow
def test_a_missing_resource_is_named(tmp_path):
    missing = tmp_path / "my-elements.yml"
    result = _report("--story-elements", missing, "--out", tmp_path / "report")
    assert result.returncode == 1
    assert result.stderr == f"error: {missing}: no such file or folder (the story elements); check the path\n"


@pytest.mark.slow
def test_an_unknown_article_to_align_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path / "cache"))
    result = _report("--article-a", "no-such-article", "--article-b", "telegraph", "--out", tmp_path / "report")
    assert result.returncode == 1
    assert result.stderr.endswith("error: --article-a no-such-article: no article has this id; the ids are like: "
                                  "telegraph, voa_ap, wandsworth_guardian, wikipedia\n")
    only_one = _report("--article-a", "voa_ap", "--out", tmp_path / "report")
    assert only_one.returncode == 2
    assert "give both --article-a and --article-b" in only_one.stderr


@pytest.mark.slow
def test_a_second_report_into_a_folder_in_use_is_refused(tmp_path):
    out = _previous_report(tmp_path / "report")
    with report_lock(out):  # a report being written there now
        result = _report("--out", out)
    assert result.returncode == 1
    assert result.stderr == (f"error: --out {out}: another report is being written to this folder right now; "
                             "wait for it to finish, or choose another folder\n")
    assert (out / "index.html").read_text(encoding="utf-8") == "the previous report"
    assert _leftovers(tmp_path, "report") == []  # the lock is gone once its holder ends


def _synthetic_corpus(folder: Path, articles: int) -> Path:
    sentences = ["The council approved the wind farm on Tuesday.", "\"We will fight this,\" said Mara Quist.",
                 "Residents worry about noise and the view.", "The developer promised jobs for the town."]
    rows = [{"id": f"a{number}", "outlet": f"Outlet {number % 3}",
             "text": " ".join(sentences[(number + k) % 4] for k in range(40))} for number in range(articles)]
    folder.mkdir()
    path = folder / "articles.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("phase", ["analysis", "notebooks"])
@pytest.mark.slow
def test_ctrl_c_midway_leaves_the_previous_report_intact(tmp_path, phase):
    # During the analysis of 400 articles, or once the first notebooks of the bundled corpus run.
    corpus = ["--corpus", str(_synthetic_corpus(tmp_path / "corpus", 400))] if phase == "analysis" else []
    started = ".report.partial-*" if phase == "analysis" else ".report.partial-*/notebooks/*.ipynb"
    out = _previous_report(tmp_path / "report")
    env = {**os.environ, "NEWS_FRAMING_CACHE": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-m", "analysis", "report", *corpus, "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               start_new_session=True)
    deadline = time.monotonic() + 180
    while not any(tmp_path.glob(started)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert any(tmp_path.glob(started)), f"the report did not reach the {phase}"
    time.sleep(1)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C in a terminal reaches the whole process group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr[-2000:]
    assert stderr.endswith(f"interrupted: nothing was written; {out} is as it was before\n")
    assert "Traceback" not in stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "the previous report"
    assert sorted(path.name for path in out.iterdir()) == sorted([MARKER, "figures", "index.html"])
    assert _leftovers(tmp_path, "report") == []


def _quiet_notebook(folder: Path) -> Path:
    return write_notebook(folder / "01-short.ipynb", nbformat.v4.new_markdown_cell("# A short notebook"),
                          nbformat.v4.new_code_cell("print('ran on', corpus_path)"))


@pytest.mark.slow
def test_a_finished_report_replaces_the_previous_one_whole_and_the_kernels_are_quiet(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("NEWS_FRAMING_CACHE", str(tmp_path / "cache"))
    out = _previous_report(tmp_path / "report")
    written = write_report(None, out, notebooks=[_quiet_notebook(tmp_path)], progress=False)
    assert (out / "index.html") in written and (out / "01-short.html") in written
    assert "A short notebook" in (out / "index.html").read_text(encoding="utf-8")
    assert not (out / "figures" / "old.png").exists()  # nothing of the previous report is mixed in
    assert (out / MARKER).is_file()
    assert _leftovers(tmp_path, "report") == []
    executed = nbformat.read(out / "notebooks" / "01-short.ipynb", as_version=4)
    assert "ran on None" in executed.cells[-1].outputs[0]["text"]
    assert "without encryption" not in capfd.readouterr().err
