"""Read article files into raw records: text plus metadata, one record per article.

Readers never raise on a bad file or row: they log a problem naming the file (and row) and go on,
so one broken file cannot stop a class from working with the rest.
"""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import pandas as pd

from analysis.problems import ProblemLog
from analysis.resources import CORPUS_RESOURCE_NAMES

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm", ".html.gz", ".htm.gz"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".parquet"}
MANIFEST_NAME = "articles.csv"
EVENTS_NAME = "events.csv"
# Files that may sit beside the articles without being articles themselves.
COMPANION_NAMES = {MANIFEST_NAME, EVENTS_NAME, "readme.md", "readme.txt", "license", "license.txt"}

# Column names that other tools use for the same thing (Media Cloud exports, scrapers).
COLUMN_ALIASES = {
    "article_id": ["article_id", "id", "stories_id", "doc_id"],
    "outlet": ["outlet", "media_name", "source", "publication", "publisher", "sitename"],
    "date": ["date", "publish_date", "published", "pub_date"],
    "title": ["title", "headline"],
    "url": ["url", "link"],
    "kind": ["kind", "genre", "type"],
}
MAX_BYTES_SNIFFED = 8192


@dataclass
class RawArticle:
    """One article as read from its file, before cleaning."""

    article_id: str
    text: str
    source_file: str
    metadata: dict[str, object] = field(default_factory=dict)
    from_web_page: bool = False  # the text was extracted from HTML: plain text, no tags to strip


def article_suffix(path: Path) -> str:
    """Return a file's suffix in lower case, with a compression suffix kept: ".html.gz"."""
    suffixes = [suffix.lower() for suffix in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] == ".gz":
        return "".join(suffixes)
    return path.suffix.lower()


def article_stem(path: Path) -> str:
    """Return a file's name without its suffix (and without ".gz"): the default article id."""
    name = path.name
    suffix = article_suffix(path)
    return name[: len(name) - len(suffix)] if suffix and name.lower().endswith(suffix) else path.stem


def is_web_page(path: Path) -> bool:
    """Whether a file is a saved web page (.html, .htm, gzipped or not)."""
    return article_suffix(path) in HTML_SUFFIXES


def decode(data: bytes, source: str, problems: ProblemLog) -> str | None:
    """Return the text of a file's bytes, or None (with a problem logged) if it has no usable text.

    UTF-8 is read as is; any other encoding is detected with charset-normalizer and logged.
    """
    if not data.strip():
        problems.add(source, "the file is empty", "skipped: add the article's text or remove the file")
        return None
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:MAX_BYTES_SNIFFED]:
        problems.add(source, "the file is binary, not text", "skipped: save the article as plain text (.txt)")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        problems.add(source, "the file is not readable text in any known encoding", "skipped: save it as UTF-8 text")
        return None
    encoding = best.encoding
    # Short texts are ambiguous between the Windows code pages; news with curly quotes saved on
    # Windows is cp1252 far more often than the Central European or Cyrillic pages.
    if encoding.startswith("cp125") or encoding in {"latin_1", "iso8859_15", "mac_roman"}:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text = str(best)
    else:
        text = str(best)
    problems.add(source, f"the file is not UTF-8; it was read as {encoding}",
                 "repaired: check its quote marks and accents, and save it as UTF-8 to be sure")
    return text


def _read_bytes(path: Path, source: str, problems: ProblemLog) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as error:
        problems.add(source, f"the file cannot be read ({error.strerror})", "skipped: check the file's permissions")
        return None


def read_text_file(path: Path, source: str, problems: ProblemLog) -> str | None:
    """Return the decoded text of one file, or None with a problem logged."""
    data = _read_bytes(path, source, problems)
    return None if data is None else decode(data, source, problems)


def _pick(row: dict[str, object], canonical: str) -> object:
    for name in COLUMN_ALIASES[canonical]:
        value = row.get(name)
        if value is not None and str(value).strip() != "":
            return value
    return None


def _split_metadata(row: dict[str, object], skip: set[str]) -> dict[str, object]:
    """Return the row's metadata under canonical names, with any other column kept as it is."""
    metadata: dict[str, object] = {}
    used = set(skip)
    for canonical, aliases in COLUMN_ALIASES.items():
        used.update(aliases)
        if canonical != "article_id":
            metadata[canonical] = _pick(row, canonical)
    for name, value in row.items():
        if name not in used:
            metadata[name] = None if value is None or (isinstance(value, float) and pd.isna(value)) else value
    return metadata


def read_html_file(path: Path, source: str, problems: ProblemLog) -> tuple[str, dict[str, object]] | None:
    """Return the article text and metadata of a saved web page, extracted with trafilatura."""
    import trafilatura  # imported here: it is slow to import and only web pages need it

    data = _read_bytes(path, source, problems)
    if data is None:
        return None
    if article_suffix(path).endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            problems.add(source, f"the file is not a readable gzip archive ({error})",
                         "skipped: save the page again, or unpack it")
            return None
    html = decode(data, source, problems)
    if html is None:
        return None
    # favor_precision: on the 181 pages of the Article Extraction Benchmark it keeps less page
    # furniture (body-text precision 0.942 -> 0.958) for a little recall (0.978 -> 0.971).
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if document is None or not (document.text or "").strip():
        problems.add(source, "no article text was found in the web page",
                     "skipped: save the page's article text as a .txt file instead")
        return None
    metadata = {"title": document.title, "date": document.date, "url": document.url,
                "outlet": document.sitename or document.hostname, "author": document.author}
    return document.text, metadata


def read_article_file(path: Path, source: str, problems: ProblemLog) -> tuple[str, dict[str, object]] | None:
    """Return the text and any metadata of one .txt or .html article file, or None if unusable."""
    if is_web_page(path):
        return read_html_file(path, source, problems)
    text = read_text_file(path, source, problems)
    return None if text is None else (text, {})


def _unique_id(wanted: str, taken: set[str], source: str, problems: ProblemLog) -> str:
    if wanted not in taken:
        taken.add(wanted)
        return wanted
    number = 2
    while f"{wanted}_{number}" in taken:
        number += 1
    new_id = f"{wanted}_{number}"
    problems.add(source, f"the id '{wanted}' is already used by another article",
                 f"repaired: loaded as '{new_id}'; give each article its own id")
    taken.add(new_id)
    return new_id


def _read_manifest(folder: Path, problems: ProblemLog) -> pd.DataFrame | None:
    path = folder / MANIFEST_NAME
    text = read_text_file(path, MANIFEST_NAME, problems)
    if text is None:
        return None
    try:
        manifest = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        problems.add(MANIFEST_NAME, f"the manifest is not a readable CSV table ({error})",
                     "ignored: every .txt file was loaded without metadata")
        return None
    manifest.columns = [str(column).strip() for column in manifest.columns]
    if "file" not in manifest.columns:
        problems.add(MANIFEST_NAME, "the manifest has no 'file' column naming each text",
                     "ignored: every .txt file was loaded without metadata; add a 'file' column")
        return None
    return manifest


def read_folder(folder: Path, problems: ProblemLog) -> list[RawArticle]:
    """Return the articles of a folder: .txt and .html files, described by articles.csv if present."""
    root = folder.resolve()
    articles: list[RawArticle] = []
    taken: set[str] = set()
    listed: set[Path] = set()
    manifest = _read_manifest(folder, problems) if (folder / MANIFEST_NAME).is_file() else None

    if manifest is not None:
        for number, row in enumerate(manifest.to_dict("records"), start=1):
            source = f"{MANIFEST_NAME} row {number}"
            name = str(row["file"]).strip()
            if not name:
                problems.add(source, "the row names no file", "skipped: fill in the 'file' column")
                continue
            path = (folder / name).resolve()
            if not path.is_relative_to(root):
                problems.add(source, f"the file '{name}' is outside the corpus folder",
                             "refused, not read: put the file inside the corpus folder")
                continue
            if not path.is_file():
                problems.add(source, f"the file '{name}' does not exist",
                             "skipped: correct the file name or add the file")
                continue
            listed.add(path)
            result = read_article_file(path, name, problems)
            if result is None:
                continue
            text, extracted = result
            metadata = _split_metadata({key: (value or None) for key, value in row.items()}, skip={"file"})
            for key, value in extracted.items():
                if metadata.get(key) is None:
                    metadata[key] = value
            wanted = str(_pick(row, "article_id") or article_stem(Path(name)))
            articles.append(RawArticle(_unique_id(wanted, taken, source, problems), text, name, metadata,
                                       from_web_page=is_web_page(path)))

    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.resolve() in listed:
            continue
        relative = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        suffix = article_suffix(path)
        if path.name.lower() in COMPANION_NAMES:
            continue
        if path.relative_to(folder).parts[0] in CORPUS_RESOURCE_NAMES:
            continue  # the corpus's own targets, story elements and coding sheets (analysis.resources)
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            problems.add(relative, f"'{suffix or path.name}' files are not read as articles",
                         "ignored: save articles as .txt or .html, or load a table with load_corpus('file.csv')")
            continue
        result = read_article_file(path, relative, problems)
        if result is None:
            continue
        if manifest is not None:
            problems.add(relative, f"the file is not listed in {MANIFEST_NAME}",
                         "loaded without manifest metadata: add a row for it")
        text, extracted = result
        metadata = {canonical: None for canonical in COLUMN_ALIASES if canonical != "article_id"}
        metadata.update(extracted)
        articles.append(RawArticle(_unique_id(article_stem(path), taken, relative, problems), text, relative, metadata,
                                   from_web_page=is_web_page(path)))
    return articles


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
                         "skipped: fix the line")
            continue
        if not isinstance(record, dict):
            problems.add(f"{path.name} line {number}", "the line is not a JSON object", "skipped")
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
            table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                                sep="\t" if suffix == ".tsv" else ",")
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            problems.add(path.name, f"the file is not a readable CSV table ({error})", "skipped: fix the CSV")
            return []
    elif suffix == ".jsonl":
        table = _read_jsonl(path, problems)
        if table is None:
            return []
    else:
        try:
            table = pd.read_parquet(path)
        except Exception as error:  # pyarrow raises several types for a broken file
            problems.add(path.name, f"the file is not a readable Parquet table ({error})", "skipped")
            return []
    return read_table(table, path.name, problems)


def read_table(table: pd.DataFrame, name: str, problems: ProblemLog) -> list[RawArticle]:
    """Return the articles of a DataFrame with a ``text`` column, one article per row."""
    if "text" not in table.columns:
        columns = ", ".join(map(str, table.columns)) or "none"
        problems.add(name, f"the table has no 'text' column (its columns: {columns})",
                     "skipped: name the column holding each article's text 'text'")
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
        if text is None or (isinstance(text, float) and pd.isna(text)) or not str(text).strip():
            problems.add(source, "the row's text is empty", "skipped: fill in its text")
            continue
        wanted = str(_pick(row, "article_id") or f"{stem}-{number}")
        metadata = _split_metadata(row, skip=set())
        articles.append(RawArticle(_unique_id(wanted, taken, source, problems), str(text), source, metadata))
    return articles


def read_events(folder: Path, problems: ProblemLog) -> pd.DataFrame | None:
    """Return the folder's events.csv timeline (date and event as text, plus any other columns),
    or None when there is none or it cannot be used."""
    path = folder / EVENTS_NAME
    if not path.is_file():
        return None
    text = read_text_file(path, EVENTS_NAME, problems)
    if text is None:
        return None
    try:
        events = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        problems.add(EVENTS_NAME, f"the timeline is not a readable CSV table ({error})", "ignored: fix the CSV")
        return None
    if not {"date", "event"} <= set(events.columns):
        problems.add(EVENTS_NAME, "the timeline needs 'date' and 'event' columns", "ignored: add those columns")
        return None
    return events
