"""Read tables: a table of articles (.csv, .tsv, .jsonl, .parquet, or a DataFrame) with one article per
row, and the columns and rows of any table the corpus has (its manifest and timeline too).

Column names other tools use (Media Cloud's ``stories_id``, ``media_name``, ``publish_date``) are read
as the package's own; every repair of a column or a row is a problem row, never silent.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import codes
from analysis.corpus.files import RawArticle, read_text_file
from analysis.corpus.problems import ProblemLog
from analysis.errors import TableFormatError

__all__ = [
    "COLUMN_ALIASES", "CSV_DELIMITERS", "DELIMITER_NAMES", "KNOWN_COLUMNS", "TABLE_RESERVED", "TABLE_SUFFIXES",
    "keep_apart", "pick", "read_csv_text", "read_table", "read_table_file", "report_missing_outlet",
    "split_metadata", "tidy_columns", "unique_id",
]

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".parquet"}
# Column names that other tools use for the same thing (Media Cloud exports, scrapers).
COLUMN_ALIASES = {
    "article_id": ["article_id", "id", "stories_id", "doc_id"],
    "outlet": ["outlet", "media_name", "source", "publication", "publisher", "sitename"],
    "date": ["date", "publish_date", "published", "pub_date"],
    "title": ["title", "headline"],
    "url": ["url", "link"],
    "kind": ["kind", "genre", "type"],
}
# Column names read in any case ("File", "ID").
KNOWN_COLUMNS = {"file", "text", "event", "n_words", "source_file"} | {
    alias for aliases in COLUMN_ALIASES.values() for alias in aliases}
# The columns of corpus.articles the package computes itself: a table's column of that name is kept
# apart (renamed table_n_words, ...), never taken for it.
TABLE_RESERVED = ("n_words", "source_file")
# Delimiters a manifest or table may use instead of the comma (spreadsheets in much of Europe write ";").
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar (|)"}
CSV_DELIMITERS = tuple(DELIMITER_NAMES)


def _is_blank(value: object) -> bool:
    """Whether a cell holds nothing: None, NaN, NA or a blank string (a list or dict is not blank)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def pick(row: dict[str, object], canonical: str) -> object:
    for name in COLUMN_ALIASES[canonical]:
        value = row.get(name)
        if not _is_blank(value):
            return value
    return None


def split_metadata(row: dict[str, object], skip: set[str]) -> dict[str, object]:
    """Return the row's metadata under canonical names, with any other column kept as it is."""
    metadata: dict[str, object] = {}
    used = set(skip)
    for canonical, aliases in COLUMN_ALIASES.items():
        used.update(aliases)
        if canonical != "article_id":
            metadata[canonical] = pick(row, canonical)
    for name, value in row.items():
        if name not in used:
            metadata[name] = None if value is None or (isinstance(value, float) and pd.isna(value)) else value
    return metadata


def report_missing_outlet(columns, metadata: dict[str, object], article_id: str, source: str,
                           problems: ProblemLog) -> None:
    """Log a row whose outlet cell is blank (the outlet is then shown as the article id, as for a
    folder without a manifest); a table with no outlet column at all is not a problem."""
    if metadata.get("outlet") is None and any(name in columns for name in COLUMN_ALIASES["outlet"]):
        problems.add(source, "the row has no outlet",
                     f"repaired: the outlet is shown as the article id '{article_id}'; fill in its outlet",
                     code=codes.OUTLET_MISSING)



def unique_id(wanted: str, taken: set[str], source: str, problems: ProblemLog) -> str:
    if wanted not in taken:
        taken.add(wanted)
        return wanted
    number = 2
    while f"{wanted}_{number}" in taken:
        number += 1
    new_id = f"{wanted}_{number}"
    problems.add(source, f"the id '{wanted}' is already used by another article",
                 f"repaired: loaded as '{new_id}'; give each article its own id", code=codes.ID_REPEATED)
    taken.add(new_id)
    return new_id


def _free_name(wanted: str, names: list) -> str:
    if wanted not in names:
        return wanted
    number = 2
    while f"{wanted}_{number}" in names:
        number += 1
    return f"{wanted}_{number}"


def tidy_columns(columns, source: str, problems: ProblemLog, *, unique: tuple[str, ...],
                  refused_action: str, reserved: tuple[str, ...] = (), prefix: str = "") -> list | None:
    """Return a table's column names, tidied, or None (with a problem logged) when a column in
    ``unique`` appears twice and nothing can be read.

    Names are stripped, and the package's own names are read in any case ("File", "ID"). A name
    given twice keeps its first column; the next is renamed. A name in ``reserved`` (a column the
    package computes itself) is kept apart as ``{prefix}_{name}``. Each change is a problem row.
    """
    names: list = []
    for column in columns:
        name = column.strip() if isinstance(column, str) else column
        if isinstance(name, str) and name.lower() in KNOWN_COLUMNS:
            name = name.lower()
        names.append(name)
    for name in unique:
        if names.count(name) > 1:
            problems.add(source, f"the table has {names.count(name)} columns named '{name}'", refused_action,
                         code=codes.COLUMN_AMBIGUOUS)
            return None
    tidy: list = []
    for name in names:
        if name in tidy:
            new = _free_name(f"{name}_2", names + tidy)
            problems.add(source, f"the table has more than one column named '{name}'",
                         f"repaired: the first is read as '{name}', the next kept apart as '{new}'; rename one",
                         code=codes.COLUMN_REPEATED)
            name = new
        tidy.append(name)
    return keep_apart(tidy, source, problems, reserved=reserved, prefix=prefix)


def keep_apart(columns: list, source: str, problems: ProblemLog, *, reserved: tuple[str, ...],
                prefix: str) -> list:
    """Return the column names with each name in ``reserved`` (a column of corpus.articles the
    package computes itself) renamed ``{prefix}_{name}``, with a problem row each."""
    columns = list(columns)
    for position, name in enumerate(columns):
        if name in reserved:
            new = _free_name(f"{prefix}_{name}", columns)
            problems.add(source, f"the column '{name}' has the name of a column the package computes itself",
                         f"repaired: kept apart as '{new}'; corpus.articles['{name}'] is computed from the article",
                         code=codes.COLUMN_RESERVED)
            columns[position] = new
    return columns


def read_csv_text(text: str, source: str, problems: ProblemLog, *, delimiter: str = ",") -> pd.DataFrame:
    """Return a CSV text as a table of strings (blank cells are ""), indexed by data row from 0.

    The delimiter is ``delimiter`` unless the header has none of it and has another (``;`` as
    spreadsheets write it in much of Europe, a tab, ``|``). A row with more fields than the header
    is skipped, not shifted ("row 3 has 5 fields, the header 3"); a row with fewer is read with the
    missing fields empty. Each is a problem row. Raises TableFormatError when there is no header.
    """
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        raise TableFormatError("it has no header row")
    if delimiter not in header_line:
        delimiter = max(CSV_DELIMITERS, key=header_line.count) if any(map(header_line.count, CSV_DELIMITERS)) \
            else delimiter
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a whole article is one field; the default limit is 128 KB
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                if row and not (len(row) == 1 and not row[0].strip())]
    except csv.Error as error:
        raise TableFormatError(str(error)) from error
    finally:
        csv.field_size_limit(limit)
    header, width = rows[0], len(rows[0])
    records, index = [], []
    for number, row in enumerate(rows[1:], start=1):
        if len(row) > width and any(field.strip() for field in row[width:]):
            problems.add(f"{source} row {number}", f"the row has {len(row)} fields, the header {width}",
                         f"skipped: put double quotes around any value that holds a {DELIMITER_NAMES[delimiter]}",
                         code=codes.ROW_EXTRA_FIELDS)
            continue
        if len(row) < width:
            problems.add(f"{source} row {number}", f"the row has {len(row)} fields, the header {width}",
                         f"repaired: the last {width - len(row)} read as empty; check the row",
                         code=codes.ROW_MISSING_FIELDS)
            row = row + [""] * (width - len(row))
        records.append(row[:width])
        index.append(number - 1)
    return pd.DataFrame(records, columns=pd.Index(header, dtype=object), index=index, dtype=str)



def _read_jsonl(path: Path, problems: ProblemLog) -> pd.DataFrame | None:
    text = read_text_file(path, path.name, problems)
    if text is None:
        return None
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.add(f"{path.name} line {number}", f"the line is not valid JSON ({error.msg})",
                         "skipped: fix the line", code=codes.JSON_LINE_INVALID)
            continue
        if not isinstance(record, dict):
            problems.add(f"{path.name} line {number}", "the line is not a JSON object", "skipped",
                         code=codes.JSON_LINE_INVALID)
            continue
        record["_line"] = number
        records.append(record)
    return pd.DataFrame(records)


def read_table_file(path: Path, problems: ProblemLog) -> list[RawArticle]:
    """Return the articles of a .csv, .tsv, .jsonl or .parquet file with one article per row."""
    suffix = path.suffix.lower()
    if suffix in {".csv", ".tsv"}:
        text = read_text_file(path, path.name, problems)
        if text is None:
            return []
        try:
            table = read_csv_text(text, path.name, problems, delimiter="\t" if suffix == ".tsv" else ",")
        except TableFormatError as error:
            problems.add(path.name, f"the file is not a readable CSV table ({error})", "skipped: fix the CSV",
                         code=codes.TABLE_UNREADABLE)
            return []
    elif suffix == ".jsonl":
        table = _read_jsonl(path, problems)
        if table is None:
            return []
    else:
        try:
            table = pd.read_parquet(path)
        except Exception as error:  # pyarrow raises several types for a broken file
            problems.add(path.name, f"the file is not a readable Parquet table ({error})", "skipped",
                         code=codes.TABLE_UNREADABLE)
            return []
    return read_table(table, path.name, problems)


def _kind_of(value: object) -> str:
    """Name what a non-text cell holds, for a problem row: "a number (12345)", "a list"."""
    if isinstance(value, (bool, np.bool_)):
        return f"a true/false value ({value})"
    if isinstance(value, (int, float, np.number)):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "an object (a dict)"
    if isinstance(value, (list, tuple, np.ndarray)):
        return "a list"
    if isinstance(value, bytes):
        return "bytes"
    return f"a {type(value).__name__}"


def read_table(table: pd.DataFrame, name: str, problems: ProblemLog) -> list[RawArticle]:
    """Return the articles of a DataFrame with a ``text`` column, one article per row."""
    columns = tidy_columns(table.columns, name, problems, unique=("text",),
                            refused_action="skipped: nothing loaded; keep one 'text' column",
                            reserved=TABLE_RESERVED, prefix="table")
    if columns is None:
        return []
    if list(columns) != list(table.columns):
        table = table.set_axis(columns, axis=1)  # a copy: the caller's DataFrame is not changed
    if "text" not in table.columns:
        listed = ", ".join(map(str, table.columns)) or "none"
        problems.add(name, f"the table has no 'text' column (its columns: {listed})",
                     "skipped: name the column holding each article's text 'text'", code=codes.COLUMN_MISSING)
        return []
    articles: list[RawArticle] = []
    taken: set[str] = set()
    stem = Path(name).stem
    integer_index = pd.api.types.is_integer_dtype(table.index)
    for position, (label, row) in enumerate(zip(table.index, table.to_dict("records"))):
        # A slice of a larger table keeps its rows' numbers in the whole table.
        number = int(label) + 1 if integer_index else position + 1
        line = row.pop("_line", None)
        source = f"{name} line {line}" if line is not None else f"{name} row {number}"
        text = row.pop("text")
        if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
            problems.add(source, "the row's text is empty", "skipped: fill in its text", code=codes.TEXT_EMPTY)
            continue
        if not isinstance(text, str):
            problems.add(source, f"the row's text is {_kind_of(text)}, not text",
                         "skipped: give each article's text as a string", code=codes.TEXT_NOT_STRING)
            continue
        if not text.strip():
            problems.add(source, "the row's text is empty", "skipped: fill in its text", code=codes.TEXT_EMPTY)
            continue
        wanted = str(pick(row, "article_id") or f"{stem}-{number}")
        metadata = split_metadata(row, skip=set())
        article_id = unique_id(wanted, taken, source, problems)
        report_missing_outlet(table.columns, metadata, article_id, source, problems)
        articles.append(RawArticle(article_id, text, source, metadata))
    return articles

