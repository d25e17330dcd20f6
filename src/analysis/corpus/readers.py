"""Read a corpus source into raw articles, before cleaning: a folder, a table file, one article file
or a DataFrame, each handed to its reader (``folders``, ``tables``, ``files``).

Readers never raise on a bad file or row: they log a problem naming the file (and row) and go on,
so one broken file cannot stop a class from working with the rest.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus.files import (
    HTML_SUFFIXES, TEXT_SUFFIXES, RawArticle, article_stem, article_suffix, is_web_page, read_article_file,
)
from analysis.corpus.folders import read_events, read_folder
from analysis.corpus.problems import ProblemLog
from analysis.corpus.tables import TABLE_SUFFIXES, read_table, read_table_file

__all__ = ["CORPUS_FORMATS", "read_raw"]

CORPUS_FORMATS = "a folder of .txt or .html files, or a .csv, .tsv, .jsonl or .parquet file with a 'text' column"


def read_raw(source: Path | pd.DataFrame, problems: ProblemLog) -> tuple[list[RawArticle], pd.DataFrame | None]:
    """Return the articles at ``source`` as read, before cleaning, and its events table (or None)."""
    if isinstance(source, pd.DataFrame):
        return read_table(source, "DataFrame", problems), None
    if source.is_dir():
        return read_folder(source, problems), read_events(source, problems)
    if not source.exists():
        raise FileNotFoundError(f"No corpus at {source}: give {CORPUS_FORMATS}.")
    suffix = article_suffix(source)
    if suffix in TABLE_SUFFIXES:
        return read_table_file(source, problems), None
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        result = read_article_file(source, source.name, problems)
        if result is None:
            return [], None
        text, metadata = result
        return [RawArticle(article_stem(source), text, source.name, metadata, from_web_page=is_web_page(source))], None
    raise ValueError(f"{source}: '{suffix}' is not a corpus format. Give {CORPUS_FORMATS}.")
