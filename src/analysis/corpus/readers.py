"""Read article files into raw records: text plus metadata, one record per article.

Readers never raise on a bad file or row: they log a problem naming the file (and row) and go on,
so one broken file cannot stop a class from working with the rest.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import numpy as np
import pandas as pd

from analysis.corpus.problems import ProblemLog
from analysis.resources.files import CORPUS_RESOURCE_NAMES
from analysis.errors import TableFormatError

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
# Column names read in any case ("File", "ID").
KNOWN_COLUMNS = {"file", "text", "event", "n_words", "source_file"} | {
    alias for aliases in COLUMN_ALIASES.values() for alias in aliases}
# The columns of corpus.articles the package computes itself: a manifest's or table's column of that
# name is kept apart (renamed manifest_text, table_n_words, ...), never taken for it.
MANIFEST_RESERVED = ("text", "n_words", "source_file")
TABLE_RESERVED = ("n_words", "source_file")
# Delimiters a manifest or table may use instead of the comma (spreadsheets in much of Europe write ";").
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar (|)"}
CSV_DELIMITERS = tuple(DELIMITER_NAMES)
# htmldate gives a year found alone (a copyright year) as 1 January of that year.
YEAR_ALONE = "-01-01"
NO_ARTICLE_FILES = "no article files (.txt, .html) were found in the folder"
# Hidden files and folders holding articles: one problem row lists this many, then how many more.
HIDDEN_LISTED = 5
MAX_BYTES_SNIFFED = 8192
# A text decoded as UTF-16 without a byte-order mark is taken only if this share of it is printable
# (random bytes with NULs decode to unassigned and control characters).
UTF16_PRINTABLE_SHARE = 0.95
# Read as cp1252, a text in another code page has most of its non-ASCII words wholly in accented
# letters ("Ìýð ãîðîäà ñêàçàë"); French or German has accents inside ASCII words ("déjà", "Straße").
ALL_ACCENTED_WORDS_SHARE = 0.5
# Tried after charset-normalizer's guesses: Central European, Cyrillic, Greek, Turkish, Baltic.
WINDOWS_CODE_PAGES = ("cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
LETTER_RUN = re.compile(r"[^\W\d_]+")
# cp1252 symbols that, glued to a letter, are a letter of another code page: Polish ł ą Ż (³ ¹ ¯),
# Slovak ľ (¾); and the Icelandic ð þ, which in news are Turkish ğ ş read as cp1252 ("baþkaný").
CP1252_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][¹²³¼½¾¤¦¯¸]|[¹²³¼½¾¤¦¯¸][^\W\d_]|[ðþÐÞ]")


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


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the name of the UTF-16 or UTF-32 encoding the bytes are in when they have no
    byte-order mark (charset-normalizer's guess, checked by decoding), or None."""
    best = charset_normalizer.from_bytes(data[:MAX_BYTES_SNIFFED * 4]).best()
    if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(character.isprintable() or character.isspace() for character in text[:MAX_BYTES_SNIFFED])
    return best.encoding if printable >= UTF16_PRINTABLE_SHARE * min(len(text), MAX_BYTES_SNIFFED) else None


def _is_latin(character: str) -> bool:
    return unicodedata.name(character, "").startswith("LATIN")


def _looks_misread(text: str) -> bool:
    """Whether a text decoded from a code page shows the marks of the wrong one: symbols inside
    words (Polish or Turkish letters read as cp1252: "powiedzia³", "baþkaný"), words mixing Latin
    with Cyrillic or Greek letters (Polish read as cp1251: "powiedziaі"), or most non-ASCII words
    wholly in accented Latin letters (Cyrillic read as cp1252: "Ìýð ãîðîäà ñêàçàë"; French or German
    has accents inside ASCII words: "déjà", "Straße")."""
    if CP1252_SYMBOL_IN_WORD.search(text):
        return True
    words = [word for word in LETTER_RUN.findall(text) if not word.isascii()]
    if not words:
        return False
    wholly_accented = 0
    for word in words:
        latin = [_is_latin(character) for character in word if character.isalpha()]
        if any(latin) and not all(latin):
            return True
        if len(word) > 1 and all(latin) and not any(character.isascii() for character in word):
            wholly_accented += 1
    return wholly_accented > ALL_ACCENTED_WORDS_SHARE * len(words)


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) for bytes in an 8-bit code page, or None when none fits.

    cp1252 (Western European Windows, the usual code page of news saved on Windows) is tried
    first, then charset-normalizer's guesses in its order, then the other Windows code pages; the
    first whose text does not look misread wins (on short texts the detector often names another
    Latin page for English or French with curly quotes, or cp1252 for Polish). When every reading
    looks wrong, the detector's best guess is used, and the problem row names it.
    """
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    candidates = ["cp1252", *(match.encoding for match in matches), *WINDOWS_CODE_PAGES]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_misread(text):
            return text, encoding
    return str(best), best.encoding


def decode(data: bytes, source: str, problems: ProblemLog) -> str | None:
    """Return the text of a file's bytes, or None (with a problem logged) if it has no usable text.

    UTF-8 is read as is, and UTF-16 with a byte-order mark; any other encoding (UTF-16 without
    the mark, a Windows or ISO code page) is detected with charset-normalizer and logged.
    """
    if not data.strip():
        problems.add(source, "the file is empty", "skipped: add the article's text or remove the file")
        return None
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:MAX_BYTES_SNIFFED]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            problems.add(source, "the file is binary, not text", "skipped: save the article as plain text (.txt)")
            return None
        label = encoding.upper().replace("_", "-", 1).replace("_", " ")
        problems.add(source, f"the file has no byte-order mark; it was read as {label}",
                     "repaired: check its text, and save it as UTF-8 to be sure")
        return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    result = _decode_legacy(data)
    if result is None:
        problems.add(source, "the file is not readable text in any known encoding", "skipped: save it as UTF-8 text")
        return None
    text, encoding = result
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


def _is_blank(value: object) -> bool:
    """Whether a cell holds nothing: None, NaN, NA or a blank string (a list or dict is not blank)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def _pick(row: dict[str, object], canonical: str) -> object:
    for name in COLUMN_ALIASES[canonical]:
        value = row.get(name)
        if not _is_blank(value):
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


def _report_missing_outlet(columns, metadata: dict[str, object], article_id: str, source: str,
                           problems: ProblemLog) -> None:
    """Log a row whose outlet cell is blank (the outlet is then shown as the article id, as for a
    folder without a manifest); a table with no outlet column at all is not a problem."""
    if metadata.get("outlet") is None and any(name in columns for name in COLUMN_ALIASES["outlet"]):
        problems.add(source, "the row has no outlet",
                     f"repaired: the outlet is shown as the article id '{article_id}'; fill in its outlet")


def _guessed_date(html: str) -> str | None:
    """Return the date htmldate finds when it may search the whole page (a date in the text, or a
    year alone, such as a copyright year, given as YYYY-01-01)."""
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    try:
        return find_date(html, **set_date_params(extensive=True))
    except Exception:  # htmldate raises several types on odd markup; a guess is never needed
        return None


def read_html_file(path: Path, source: str, problems: ProblemLog, *,
                   date_given: bool = False) -> tuple[str, dict[str, object]] | None:
    """Return the article text and metadata of a saved web page, extracted with trafilatura.

    The date is the page's own (its metadata, or a full date written in the page); a page whose
    only date is a year alone (a copyright year: "© 2019" is not 1 January 2019) gets no date, and
    a problem says so unless ``date_given`` (the manifest gives the date).
    """
    import trafilatura  # imported here: it is slow to import and only web pages need it
    from trafilatura.settings import set_date_params

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
    # extensive_search=False first: htmldate's extensive search also takes a year alone (a
    # copyright year) as 1 January of that year.
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True,
                                           date_extraction_params=set_date_params(extensive=False))
    if document is None or not (document.text or "").strip():
        problems.add(source, "no article text was found in the web page",
                     "skipped: save the page's article text as a .txt file instead")
        return None
    date = document.date or None
    if date is None and not date_given:  # a date given in articles.csv wins: no second search of the page
        guess = _guessed_date(html)
        if guess and guess.endswith(YEAR_ALONE):
            problems.add(source, f"the page gives no publication date; the only date found ({guess}) is a "
                         "year alone, such as a copyright year",
                         "date left unknown (NaT): give the date in articles.csv")
        else:
            date = guess  # a full date written in the page ("publiziert am 25. September 2018")
    metadata = {"title": document.title, "date": date, "url": document.url,
                "outlet": document.sitename or document.hostname, "author": document.author}
    return document.text, metadata


def read_article_file(path: Path, source: str, problems: ProblemLog, *,
                      date_given: bool = False) -> tuple[str, dict[str, object]] | None:
    """Return the text and any metadata of one .txt or .html article file, or None if unusable."""
    if is_web_page(path):
        return read_html_file(path, source, problems, date_given=date_given)
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


def _free_name(wanted: str, names: list) -> str:
    if wanted not in names:
        return wanted
    number = 2
    while f"{wanted}_{number}" in names:
        number += 1
    return f"{wanted}_{number}"


def _tidy_columns(columns, source: str, problems: ProblemLog, *, unique: tuple[str, ...],
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
            problems.add(source, f"the table has {names.count(name)} columns named '{name}'", refused_action)
            return None
    tidy: list = []
    for name in names:
        if name in tidy:
            new = _free_name(f"{name}_2", names + tidy)
            problems.add(source, f"the table has more than one column named '{name}'",
                         f"repaired: the first is read as '{name}', the next kept apart as '{new}'; rename one")
            name = new
        tidy.append(name)
    return _keep_apart(tidy, source, problems, reserved=reserved, prefix=prefix)


def _keep_apart(columns: list, source: str, problems: ProblemLog, *, reserved: tuple[str, ...],
                prefix: str) -> list:
    """Return the column names with each name in ``reserved`` (a column of corpus.articles the
    package computes itself) renamed ``{prefix}_{name}``, with a problem row each."""
    columns = list(columns)
    for position, name in enumerate(columns):
        if name in reserved:
            new = _free_name(f"{prefix}_{name}", columns)
            problems.add(source, f"the column '{name}' has the name of a column the package computes itself",
                         f"repaired: kept apart as '{new}'; corpus.articles['{name}'] is computed from the article")
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
                         f"skipped: put double quotes around any value that holds a {DELIMITER_NAMES[delimiter]}")
            continue
        if len(row) < width:
            problems.add(f"{source} row {number}", f"the row has {len(row)} fields, the header {width}",
                         f"repaired: the last {width - len(row)} read as empty; check the row")
            row = row + [""] * (width - len(row))
        records.append(row[:width])
        index.append(number - 1)
    return pd.DataFrame(records, columns=pd.Index(header, dtype=object), index=index, dtype=str)


def _inside(path: Path, root: Path) -> bool:
    """Whether a path, its links followed, is inside the folder ``root`` (resolved)."""
    return path.resolve().is_relative_to(root)


def _companion_file(folder: Path, root: Path, name: str, problems: ProblemLog) -> Path | None:
    """Return the folder's manifest or timeline file if it exists inside the folder; a link to a
    file outside is refused with a problem."""
    path = folder / name
    if not (path.is_file() or path.is_symlink()):
        return None
    if not _inside(path, root):
        problems.add(name, "the file is a link to a file outside the corpus folder",
                     "refused, not read: copy the file into the corpus folder")
        return None
    return path if path.is_file() else None


def _read_manifest(path: Path, problems: ProblemLog) -> pd.DataFrame | None:
    text = read_text_file(path, MANIFEST_NAME, problems)
    if text is None:
        return None
    try:
        manifest = read_csv_text(text, MANIFEST_NAME, problems)
    except TableFormatError as error:
        problems.add(MANIFEST_NAME, f"the manifest is not a readable CSV table ({error})",
                     "ignored: every .txt file was loaded without metadata")
        return None
    columns = _tidy_columns(manifest.columns, MANIFEST_NAME, problems, unique=("file",),
                            refused_action="ignored: every .txt file was loaded without metadata; keep one "
                                           "'file' column")
    if columns is None:
        return None
    if "file" not in columns:
        advice = (f"; it has a 'text' column: to load it as a table of articles, give load_corpus the path "
                  f"of {MANIFEST_NAME} itself" if "text" in columns else "")
        problems.add(MANIFEST_NAME, "the manifest has no 'file' column naming each text "
                     f"(its columns: {', '.join(map(str, columns))})",
                     f"ignored: every .txt file was loaded without metadata; add a 'file' column{advice}")
        return None
    manifest.columns = _keep_apart(columns, MANIFEST_NAME, problems, reserved=MANIFEST_RESERVED, prefix="manifest")
    return manifest


def _link_key(path: Path) -> str:
    """A path as written (its links not followed), absolute: how a manifest row and the folder scan
    name the same link."""
    return os.path.normpath(os.path.abspath(path))


def _count_article_files(folder: Path, listed) -> int:
    """Count the article files under a folder that the manifest did not list (and so were not read)."""
    return sum(article_suffix(Path(name)) in TEXT_SUFFIXES | HTML_SUFFIXES
               and (Path(base) / name).resolve() not in listed
               for base, _, names in os.walk(folder) for name in names)


def _walk(folder: Path, root: Path, problems: ProblemLog, refused: set[str],
          listed) -> tuple[list[Path], list[str], int]:
    """Return the folder's files (sorted; hidden ones, the corpus's own resources and anything
    outside the folder left out), the hidden files and folders that hold articles the manifest
    does not list (in ``listed``), and how many article files those hold.

    Links are never followed out of the folder: a link to a file or folder outside is refused
    with a problem (unless the manifest's row for it was refused already, in ``refused``). A link to a
    folder inside is not followed (its files are read where they are)."""
    files: list[Path] = []
    hidden: list[str] = []
    hidden_articles = 0
    for directory, folder_names, file_names in os.walk(folder):
        base = Path(directory)
        kept = []
        for name in sorted(folder_names):
            path = base / name
            relative = path.relative_to(folder)
            if path.is_symlink():
                if not _inside(path, root) and _link_key(path) not in refused:
                    problems.add(f"{relative.as_posix()}/",
                                 "the folder is a link to a folder outside the corpus folder",
                                 "refused, not read: copy its files into the corpus folder")
                continue
            if name.startswith("."):
                count = _count_article_files(path, listed)
                if count:
                    hidden.append(f"{relative.as_posix()}/")
                    hidden_articles += count
                continue
            if len(relative.parts) == 1 and name in CORPUS_RESOURCE_NAMES:
                continue  # the corpus's own coding sheets (analysis.resources.files)
            kept.append(name)
        folder_names[:] = kept
        for name in file_names:
            path = base / name
            relative = path.relative_to(folder)
            if name.startswith("."):
                if article_suffix(path) in TEXT_SUFFIXES | HTML_SUFFIXES and path.resolve() not in listed:
                    hidden.append(relative.as_posix())
                    hidden_articles += 1
                continue
            if path.is_symlink() and not _inside(path, root):
                if _link_key(path) not in refused:
                    problems.add(relative.as_posix(), "the file is a link to a file outside the corpus folder",
                                 "refused, not read: copy the file into the corpus folder")
                continue
            if len(relative.parts) == 1 and name in CORPUS_RESOURCE_NAMES:
                continue  # the corpus's own targets and story elements (analysis.resources.files)
            files.append(path)
    return sorted(files), sorted(hidden), hidden_articles


def read_folder(folder: Path, problems: ProblemLog) -> list[RawArticle]:
    """Return the articles of a folder: .txt and .html files, described by articles.csv if present.

    The folder is a boundary: no file whose path (links followed) leads outside it is read, whether
    the manifest names it or the folder holds a link to it."""
    root = folder.resolve()
    articles: list[RawArticle] = []
    taken: set[str] = set()
    listed: dict[Path, int] = {}  # a file read for a manifest row: that row's number
    refused: set[str] = set()
    found = 0  # article files found, read or not
    manifest_path = _companion_file(folder, root, MANIFEST_NAME, problems)
    manifest = _read_manifest(manifest_path, problems) if manifest_path is not None else None

    if manifest is not None:
        for label, row in zip(manifest.index, manifest.to_dict("records")):
            number = label + 1
            source = f"{MANIFEST_NAME} row {number}"
            name = str(row["file"]).strip()
            if not name:
                problems.add(source, "the row names no file", "skipped: fill in the 'file' column")
                continue
            path = (folder / name).resolve()
            if not path.is_relative_to(root):
                problems.add(source, f"the file '{name}' is outside the corpus folder",
                             "refused, not read: put the file inside the corpus folder")
                refused.add(_link_key(folder / name))
                continue
            if not path.is_file():
                problems.add(source, f"the file '{name}' does not exist",
                             "skipped: correct the file name or add the file")
                continue
            found += 1
            if path in listed:
                problems.add(source, f"the file '{name}' is listed again (first in row {listed[path]})",
                             f"skipped: the file is read once, with row {listed[path]}'s id and metadata; "
                             "remove this row or correct its file name")
                continue
            listed[path] = number
            metadata = _split_metadata({key: (value or None) for key, value in row.items()}, skip={"file"})
            result = read_article_file(path, name, problems, date_given=metadata.get("date") is not None)
            if result is None:
                continue
            text, extracted = result
            for key, value in extracted.items():
                if metadata.get(key) is None:
                    metadata[key] = value
            wanted = str(_pick(row, "article_id") or article_stem(Path(name)))
            article_id = _unique_id(wanted, taken, source, problems)
            _report_missing_outlet(manifest.columns, metadata, article_id, source, problems)
            articles.append(RawArticle(article_id, text, name, metadata, from_web_page=is_web_page(path)))

    files, hidden, hidden_articles = _walk(folder, root, problems, refused, listed)
    originals = {path.resolve(): path.relative_to(folder).as_posix() for path in files  # article files, not links
                 if not path.is_symlink() and article_suffix(path) in TEXT_SUFFIXES | HTML_SUFFIXES
                 and path.name.lower() not in COMPANION_NAMES}
    for path in files:
        resolved = path.resolve()
        if resolved in listed:
            continue
        if not path.is_file():
            if path.is_symlink():
                problems.add(path.relative_to(folder).as_posix(), "the file is a link to a file that does not exist",
                             "skipped: correct or remove the link")
            continue
        relative = path.relative_to(folder).as_posix()
        suffix = article_suffix(path)
        if path.name.lower() in COMPANION_NAMES:
            continue
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            problems.add(relative, f"'{suffix or path.name}' files are not read as articles",
                         "ignored: save articles as .txt or .html, or load a table with load_corpus('file.csv')")
            continue
        found += 1
        if path.is_symlink() and originals.get(resolved, relative) != relative:
            problems.add(relative, f"the file is a link to '{originals[resolved]}', which is read already",
                         "skipped: not read twice")
            continue
        originals.setdefault(resolved, relative)
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
    if hidden:
        shown = ", ".join(hidden[:HIDDEN_LISTED]) + (f" and {len(hidden) - HIDDEN_LISTED} more"
                                                     if len(hidden) > HIDDEN_LISTED else "")
        problems.add(shown, f"{len(hidden)} hidden file(s) or folder(s) (names starting with '.') were not read; "
                     f"they hold {hidden_articles} article file(s)",
                     "skipped: remove the leading '.' from a name to load it")
    if not found:
        problems.add(f"{folder.name}/", NO_ARTICLE_FILES,
                     "nothing loaded: put one article per .txt or .html file in the folder, "
                     "or load a table file (.csv, .tsv, .jsonl, .parquet)")
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
            table = read_csv_text(text, path.name, problems, delimiter="\t" if suffix == ".tsv" else ",")
        except TableFormatError as error:
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
    columns = _tidy_columns(table.columns, name, problems, unique=("text",),
                            refused_action="skipped: nothing loaded; keep one 'text' column",
                            reserved=TABLE_RESERVED, prefix="table")
    if columns is None:
        return []
    if list(columns) != list(table.columns):
        table = table.set_axis(columns, axis=1)  # a copy: the caller's DataFrame is not changed
    if "text" not in table.columns:
        listed = ", ".join(map(str, table.columns)) or "none"
        problems.add(name, f"the table has no 'text' column (its columns: {listed})",
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
        if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
            problems.add(source, "the row's text is empty", "skipped: fill in its text")
            continue
        if not isinstance(text, str):
            problems.add(source, f"the row's text is {_kind_of(text)}, not text",
                         "skipped: give each article's text as a string")
            continue
        if not text.strip():
            problems.add(source, "the row's text is empty", "skipped: fill in its text")
            continue
        wanted = str(_pick(row, "article_id") or f"{stem}-{number}")
        metadata = _split_metadata(row, skip=set())
        article_id = _unique_id(wanted, taken, source, problems)
        _report_missing_outlet(table.columns, metadata, article_id, source, problems)
        articles.append(RawArticle(article_id, text, source, metadata))
    return articles


def read_events(folder: Path, problems: ProblemLog) -> pd.DataFrame | None:
    """Return the folder's events.csv timeline (date and event as text, plus any other columns),
    or None when there is none or it cannot be used."""
    path = _companion_file(folder, folder.resolve(), EVENTS_NAME, problems)
    if path is None:
        return None
    text = read_text_file(path, EVENTS_NAME, problems)
    if text is None:
        return None
    try:
        events = read_csv_text(text, EVENTS_NAME, problems)
    except TableFormatError as error:
        problems.add(EVENTS_NAME, f"the timeline is not a readable CSV table ({error})", "ignored: fix the CSV")
        return None
    columns = _tidy_columns(events.columns, EVENTS_NAME, problems, unique=("date", "event"),
                            refused_action="ignored: keep one 'date' and one 'event' column")
    if columns is None:
        return None
    events.columns = columns
    if not {"date", "event"} <= set(events.columns):
        problems.add(EVENTS_NAME, "the timeline needs 'date' and 'event' columns", "ignored: add those columns")
        return None
    return events
