"""The problems log: one row for every file or row that was skipped, repaired or doubtful."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.codes import PROBLEM_CODES
from analysis.errors import CorpusError  # noqa: F401  (raised with this log's rows)

__all__ = ["PROBLEM_COLUMNS", "CorpusError", "ProblemLog"]

# ``code`` comes last, after the English columns: a machine-readable kind of problem (analysis.corpus.codes).
PROBLEM_COLUMNS = ["source", "problem", "action", "code"]


class ProblemLog:
    """Collects problems while a corpus loads, so that nothing is lost silently."""

    def __init__(self) -> None:
        self._rows: list[dict[str, str]] = []

    def add(self, source: str, problem: str, action: str, *, code: str) -> None:
        """Record that ``source`` (a file, or a file and row) had ``problem``, and what was done;
        ``code`` is one of ``analysis.corpus.codes.PROBLEM_CODES`` (a ValueError for any other)."""
        if code not in PROBLEM_CODES:
            raise ValueError(f"'{code}' is not a problem code: add it to analysis.corpus.codes.PROBLEM_CODES")
        self._rows.append({"source": source, "problem": problem, "action": action, "code": code})

    def __len__(self) -> int:
        return len(self._rows)

    def frame(self) -> pd.DataFrame:
        """Return the problems as a table with the columns source, problem, action, code."""
        return pd.DataFrame(self._rows, columns=PROBLEM_COLUMNS)

    def as_error(self, corpus_name: str) -> CorpusError:
        """Return one error whose message lists every problem, for strict loading."""
        lines = [f"{len(self._rows)} problem(s) while loading {corpus_name}:"]
        lines += [f"- {row['source']}: {row['problem']} ({row['action']})" for row in self._rows]
        return CorpusError("\n".join(lines))
