"""Shared test settings, and the accuracy figures printed at the end of the run."""

import warnings

import matplotlib
import pandas as pd

matplotlib.use("Agg")


def corpus_of(texts, **columns):
    """Return a corpus of small texts (ids a0, a1, ...), with any extra article columns given."""
    from analysis import load_corpus

    texts = [texts] if isinstance(texts, str) else list(texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                                         **columns}))

# Tests that measure accuracy against a gold file put their figures here; they are printed in
# the terminal summary so that every run reports them.
MEASURED: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter):
    if MEASURED:
        terminalreporter.section("accuracy against the gold files")
        for name, value in MEASURED.items():
            terminalreporter.write_line(f"{name}: {value}")
