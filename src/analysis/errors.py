"""Every exception the package raises on purpose, in one place.

Each message names the file (and line or row) at fault, says what is wrong and what to do, so a
student can act on it. ``NewsFramingError`` is the parent of them all: ``except NewsFramingError``
catches any of them and nothing else.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["CodingSheetError", "CorpusError", "DictionaryError", "NewsFramingError", "NotebookFailed", "ReportError",
           "ResourceError", "TableFormatError"]


class NewsFramingError(Exception):
    """Any error the package raises on purpose about its input or its output."""


class CorpusError(NewsFramingError, ValueError):
    """Raised by ``load_corpus(..., strict=True)``; its message lists every problem found."""


class TableFormatError(NewsFramingError, ValueError):
    """A CSV text that cannot be read as a table at all (no header)."""


class DictionaryError(NewsFramingError, ValueError):
    """A dictionary file that cannot be used; the message names the file, the line and the fix."""


class ResourceError(NewsFramingError, ValueError):
    """A resource file that cannot be used; the message names the file (and line) and what to do."""


class CodingSheetError(NewsFramingError, ValueError):
    """A coding sheet that cannot be used; the message lists every problem with its file and line."""


class ReportError(NewsFramingError, RuntimeError):
    """The report cannot be written: the one-line message says why and what to do."""


class NotebookFailed(NewsFramingError, RuntimeError):
    """A notebook raised an error; the message names the notebook and the cell, and where the
    executed notebook, with the error, was kept."""

    def __init__(self, summary: str, executed: Path) -> None:
        super().__init__(f"{summary}\nThe executed notebook, with the error, is in {executed}")
        self.summary, self.executed = summary, executed

    def __reduce__(self):  # raised in a worker process, pickled back to the report
        return NotebookFailed, (self.summary, self.executed)
