"""Shared test settings, and the accuracy figures printed at the end of the run."""

import importlib.util
import os
import sys
import warnings
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")


# Real data with gold answers sits beside the repository in ../shared (CI puts it there); it is
# never copied into the repository. NEWS_FRAMING_SHARED points elsewhere.
SHARED = Path(os.environ.get("NEWS_FRAMING_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def benchmark_script(name: str):
    """Return the benchmark script ``benchmarks/<name>.py`` loaded as a module (its own imports of
    the other scripts work: the folder is put on the path)."""
    folder = Path(__file__).resolve().parents[1] / "benchmarks"
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def shared_path(relative: str) -> Path:
    """Return ``../shared/<relative>``, or skip the test, saying what is missing, when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test measures the package on real data kept beside the "
                    "repository in ../shared (set NEWS_FRAMING_SHARED to its folder to run it)")
    return path


def corpus_of(texts, **columns):
    """Return a corpus of small texts (ids a0, a1, ...), with any extra article columns given."""
    from analysis import load_corpus

    texts = [texts] if isinstance(texts, str) else list(texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                                         **columns}))

def quotes_of(texts):
    """Return the quotes table of a corpus of small texts (``corpus_of``)."""
    from analysis.quotes import extract_quotes

    return extract_quotes(corpus_of(texts))


def speakers_of(texts):
    """Return the speaker of each quote of a corpus of small texts, in order."""
    return quotes_of(texts)["speaker"].tolist()


def load_quietly(path, **options):
    """Return ``load_corpus(path, **options)`` without its warning (the tests read the problems)."""
    from analysis import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, **options)


def write_files(folder, files):
    """Write ``{relative name: text or bytes}`` under ``folder`` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def write_notebook(path, *cells):
    """Write a notebook for the python3 kernel: a parameters cell (corpus_path, output_dir), then
    ``cells`` (nbformat cells); return its path."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("corpus_path = None\noutput_dir = 'x'", metadata={"tags": ["parameters"]}),
                      *cells]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


def problem_rows(corpus):
    """Return the corpus's problems as (source, problem, action) tuples."""
    return [tuple(row) for row in corpus.problems[["source", "problem", "action"]].itertuples(index=False)]


# Tests that measure accuracy against a gold file put their figures here; they are printed in
# the terminal summary so that every run reports them.
MEASURED: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter):
    if MEASURED:
        terminalreporter.section("accuracy against the gold files")
        for name, value in MEASURED.items():
            terminalreporter.write_line(f"{name}: {value}")
