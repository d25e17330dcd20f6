"""Read a corpus folder: its article files (.txt, .html), described by its ``articles.csv`` manifest
when it has one, and its ``events.csv`` timeline.

The folder is a boundary: no file whose path (links followed) leads outside it is read, whether the
manifest names it or the folder holds a link to it. Hidden files, the corpus's own resource files
(``analysis.resources.files``) and files of other kinds are left out, each with a problem row where
a student might expect them to be read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from analysis.corpus import codes
from analysis.corpus.files import (
    RawArticle, article_stem, article_suffix, is_article_file, is_web_page, read_article_file, read_text_file,
)
from analysis.corpus.problems import ProblemLog
from analysis.corpus.tables import (
    COLUMN_ALIASES, keep_apart, pick, read_csv_text, report_missing_outlet, split_metadata, tidy_columns, unique_id,
)
from analysis.errors import TableFormatError
from analysis.resources.paths import CORPUS_RESOURCE_NAMES

__all__ = ["COMPANION_NAMES", "EVENTS_NAME", "HIDDEN_LISTED", "MANIFEST_NAME", "MANIFEST_RESERVED", "NO_ARTICLE_FILES",
           "read_events", "read_folder"]

MANIFEST_NAME = "articles.csv"
EVENTS_NAME = "events.csv"
# Files that may sit beside the articles without being articles themselves.
COMPANION_NAMES = {MANIFEST_NAME, EVENTS_NAME, "readme.md", "readme.txt", "license", "license.txt"}
# The columns of corpus.articles the package computes itself: a manifest's column of that name is kept
# apart (renamed manifest_text, ...), never taken for it.
MANIFEST_RESERVED = ("text", "n_words", "source_file")
NO_ARTICLE_FILES = "no article files (.txt, .html) were found in the folder"
# Hidden files and folders holding articles: one problem row lists this many, then how many more.
HIDDEN_LISTED = 5


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
                     "refused, not read: copy the file into the corpus folder", code=codes.OUTSIDE_FOLDER)
        return None
    return path if path.is_file() else None


def _read_companion_csv(path: Path, name: str, problems: ProblemLog, *, what: str, ignored: str,
                        unique: tuple[str, ...], refused_action: str) -> tuple[pd.DataFrame, list] | None:
    """Return the folder's manifest or timeline (the ``what``) as a table of strings, with its tidied
    column names, or None (with a problem ending ``ignored``) when it cannot be read or a column in
    ``unique`` appears twice."""
    text = read_text_file(path, name, problems)
    if text is None:
        return None
    try:
        table = read_csv_text(text, name, problems)
    except TableFormatError as error:
        problems.add(name, f"the {what} is not a readable CSV table ({error})", ignored, code=codes.TABLE_UNREADABLE)
        return None
    columns = tidy_columns(table.columns, name, problems, unique=unique, refused_action=refused_action)
    return None if columns is None else (table, columns)


def _read_manifest(path: Path, problems: ProblemLog) -> pd.DataFrame | None:
    read = _read_companion_csv(path, MANIFEST_NAME, problems, what="manifest",
                               ignored="ignored: every .txt file was loaded without metadata", unique=("file",),
                               refused_action="ignored: every .txt file was loaded without metadata; keep one "
                                              "'file' column")
    if read is None:
        return None
    manifest, columns = read
    if "file" not in columns:
        advice = (f"; it has a 'text' column: to load it as a table of articles, give load_corpus the path "
                  f"of {MANIFEST_NAME} itself" if "text" in columns else "")
        problems.add(MANIFEST_NAME, "the manifest has no 'file' column naming each text "
                     f"(its columns: {', '.join(map(str, columns))})",
                     f"ignored: every .txt file was loaded without metadata; add a 'file' column{advice}",
                     code=codes.COLUMN_MISSING)
        return None
    manifest.columns = keep_apart(columns, MANIFEST_NAME, problems, reserved=MANIFEST_RESERVED, prefix="manifest")
    return manifest


def _link_key(path: Path) -> str:
    """A path as written (its links not followed), absolute: how a manifest row and the folder scan
    name the same link."""
    return os.path.normpath(os.path.abspath(path))


def _count_article_files(folder: Path, listed) -> int:
    """Count the article files under a folder that the manifest did not list (and so were not read)."""
    return sum(is_article_file(Path(name))
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
                                 "refused, not read: copy its files into the corpus folder", code=codes.OUTSIDE_FOLDER)
                continue
            if name.startswith("."):
                count = _count_article_files(path, listed)
                if count:
                    hidden.append(f"{relative.as_posix()}/")
                    hidden_articles += count
                continue
            if len(relative.parts) == 1 and name in CORPUS_RESOURCE_NAMES:
                continue  # the corpus's own coding sheets (analysis.resources.paths)
            kept.append(name)
        folder_names[:] = kept
        for name in file_names:
            path = base / name
            relative = path.relative_to(folder)
            if name.startswith("."):
                if is_article_file(path) and path.resolve() not in listed:
                    hidden.append(relative.as_posix())
                    hidden_articles += 1
                continue
            if path.is_symlink() and not _inside(path, root):
                if _link_key(path) not in refused:
                    problems.add(relative.as_posix(), "the file is a link to a file outside the corpus folder",
                                 "refused, not read: copy the file into the corpus folder", code=codes.OUTSIDE_FOLDER)
                continue
            if len(relative.parts) == 1 and name in CORPUS_RESOURCE_NAMES:
                continue  # the corpus's own targets and story elements (analysis.resources.paths)
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
                problems.add(source, "the row names no file", "skipped: fill in the 'file' column",
                             code=codes.ROW_NO_FILE)
                continue
            path = (folder / name).resolve()
            if not path.is_relative_to(root):
                problems.add(source, f"the file '{name}' is outside the corpus folder",
                             "refused, not read: put the file inside the corpus folder", code=codes.OUTSIDE_FOLDER)
                refused.add(_link_key(folder / name))
                continue
            if not path.is_file():
                problems.add(source, f"the file '{name}' does not exist",
                             "skipped: correct the file name or add the file", code=codes.FILE_MISSING)
                continue
            found += 1
            if path in listed:
                problems.add(source, f"the file '{name}' is listed again (first in row {listed[path]})",
                             f"skipped: the file is read once, with row {listed[path]}'s id and metadata; "
                             "remove this row or correct its file name", code=codes.FILE_LISTED_TWICE)
                continue
            listed[path] = number
            metadata = split_metadata({key: (value or None) for key, value in row.items()}, skip={"file"})
            result = read_article_file(path, name, problems, date_given=metadata.get("date") is not None)
            if result is None:
                continue
            text, extracted = result
            for key, value in extracted.items():
                if metadata.get(key) is None:
                    metadata[key] = value
            wanted = str(pick(row, "article_id") or article_stem(Path(name)))
            article_id = unique_id(wanted, taken, source, problems)
            report_missing_outlet(manifest.columns, metadata, article_id, source, problems)
            articles.append(RawArticle(article_id, text, name, metadata, from_web_page=is_web_page(path)))

    files, hidden, hidden_articles = _walk(folder, root, problems, refused, listed)
    originals = {path.resolve(): path.relative_to(folder).as_posix() for path in files  # article files, not links
                 if not path.is_symlink() and is_article_file(path)
                 and path.name.lower() not in COMPANION_NAMES}
    for path in files:
        resolved = path.resolve()
        if resolved in listed:
            continue
        if not path.is_file():
            if path.is_symlink():
                problems.add(path.relative_to(folder).as_posix(), "the file is a link to a file that does not exist",
                             "skipped: correct or remove the link", code=codes.LINK_BROKEN)
            continue
        relative = path.relative_to(folder).as_posix()
        if path.name.lower() in COMPANION_NAMES:
            continue
        if not is_article_file(path):
            problems.add(relative, f"'{article_suffix(path) or path.name}' files are not read as articles",
                         "ignored: save articles as .txt or .html, or load a table with load_corpus('file.csv')",
                         code=codes.FILE_NOT_ARTICLE)
            continue
        found += 1
        if path.is_symlink() and originals.get(resolved, relative) != relative:
            problems.add(relative, f"the file is a link to '{originals[resolved]}', which is read already",
                         "skipped: not read twice", code=codes.LINK_TO_READ_FILE)
            continue
        originals.setdefault(resolved, relative)
        result = read_article_file(path, relative, problems)
        if result is None:
            continue
        if manifest is not None:
            problems.add(relative, f"the file is not listed in {MANIFEST_NAME}",
                         "loaded without manifest metadata: add a row for it", code=codes.FILE_NOT_IN_MANIFEST)
        text, extracted = result
        metadata = {canonical: None for canonical in COLUMN_ALIASES if canonical != "article_id"}
        metadata.update(extracted)
        articles.append(RawArticle(unique_id(article_stem(path), taken, relative, problems), text, relative, metadata,
                                   from_web_page=is_web_page(path)))
    if hidden:
        shown = ", ".join(hidden[:HIDDEN_LISTED]) + (f" and {len(hidden) - HIDDEN_LISTED} more"
                                                     if len(hidden) > HIDDEN_LISTED else "")
        problems.add(shown, f"{len(hidden)} hidden file(s) or folder(s) (names starting with '.') were not read; "
                     f"they hold {hidden_articles} article file(s)",
                     "skipped: remove the leading '.' from a name to load it", code=codes.HIDDEN_FILES)
    if not found:
        problems.add(f"{folder.name}/", NO_ARTICLE_FILES,
                     "nothing loaded: put one article per .txt or .html file in the folder, "
                     "or load a table file (.csv, .tsv, .jsonl, .parquet)", code=codes.NO_ARTICLES)
    return articles




def read_events(folder: Path, problems: ProblemLog) -> pd.DataFrame | None:
    """Return the folder's events.csv timeline (date and event as text, plus any other columns),
    or None when there is none or it cannot be used."""
    path = _companion_file(folder, folder.resolve(), EVENTS_NAME, problems)
    if path is None:
        return None
    read = _read_companion_csv(path, EVENTS_NAME, problems, what="timeline", ignored="ignored: fix the CSV",
                               unique=("date", "event"),
                               refused_action="ignored: keep one 'date' and one 'event' column")
    if read is None:
        return None
    events, columns = read
    events.columns = columns
    if not {"date", "event"} <= set(events.columns):
        problems.add(EVENTS_NAME, "the timeline needs 'date' and 'event' columns", "ignored: add those columns",
                     code=codes.COLUMN_MISSING)
        return None
    return events
