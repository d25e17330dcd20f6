"""The report: every notebook executed headlessly on one corpus, as notebooks, HTML pages, PNG
figures and an index page. ``make report`` and ``python -m analysis report`` run it.
"""

from __future__ import annotations

import base64
import html
import json
import multiprocessing
import os
import re
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.resources import paths
from analysis.report.html import notebook_to_html
from analysis.resources.files import Resources, check_resources, find_resources
from analysis.scale.results import Analysis, analyse, write_parquet
from analysis.errors import NotebookFailed, ReportError


@dataclass
class NotebookResult:
    """One executed notebook and what was written for it."""

    name: str
    title: str
    notebook: Path
    html: Path
    figures: list[Path]


def notebooks_dir() -> Path:
    """Return the folder of the notebooks (the repository's notebooks/, or the copy in a wheel)."""
    repository = paths.data_dir().parent / "notebooks"
    if repository.is_dir():
        return repository
    packaged = paths.data_dir() / "notebooks"
    if packaged.is_dir():
        return packaged
    raise FileNotFoundError(f"No notebooks found in {repository}; run the report from a clone of the repository")


def _title(notebook: dict, fallback: str) -> str:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _write_figures(notebook: dict, folder: Path, stem: str) -> list[Path]:
    """Write every PNG output of an executed notebook to ``folder`` and return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for cell_number, cell in enumerate(notebook.get("cells", []), start=1):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                path = folder / f"{stem}-cell{cell_number:02d}-{len(written) + 1:02d}.png"
                payload = data["image/png"]
                path.write_bytes(base64.b64decode("".join(payload) if isinstance(payload, list) else payload))
                written.append(path)
    return written


def run_notebook(source: Path, out_dir: Path, *, parameters: dict[str, object]) -> NotebookResult:
    """Execute one notebook with the report's parameters (those its parameters cell declares) and
    write its notebook, HTML and figures."""
    import papermill
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    executed = executed_dir / source.name
    declared = papermill.inspect_notebook(str(source))
    chosen = {name: value for name, value in parameters.items() if name in declared}
    # The kernel talks over local sockets (IPC files in a private folder), not TCP: private to
    # this user, and without ipykernel's warning about unencrypted TCP on every start; it logs
    # errors only, so that the progress bar is not broken up.
    sockets = tempfile.mkdtemp(prefix="news-framing-kernel-")
    kernel = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "kernel")}})
    try:
        papermill.execute_notebook(str(source), str(executed), parameters=chosen, progress_bar=False,
                                   cwd=str(source.parent), kernel_name="python3", log_output=False, config=kernel,
                                   extra_arguments=["--IPKernelApp.log_level=ERROR"])
    except PapermillExecutionError as error:
        raise NotebookFailed(f"{source.name}: cell {error.exec_count} failed with {error.ename}: {error.evalue}",
                             executed) from None
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    notebook = json.loads(executed.read_text(encoding="utf-8"))
    html_path = out_dir / f"{source.stem}.html"
    notebook_to_html(executed, html_path)
    figures = _write_figures(notebook, out_dir / "figures", source.stem)
    return NotebookResult(source.stem, _title(notebook, source.stem), executed, html_path, figures)


def _index(results: list[NotebookResult], out_dir: Path, corpus_description: str,
           tables: list[tuple[str, str]] = (), resources: Resources | None = None) -> Path:
    """Write index.html: the corpus and the resources used, one section per notebook with links and
    its figures, and links to every table (all text escaped)."""
    used = "".join(f"<li>{html.escape(name.replace('_', ' '))}: {html.escape(value)}</li>"
                   for name, value in (resources.describe().items() if resources is not None else []))
    sections = []
    for result in results:
        figures = "".join(
            f'<a href="{html.escape(figure.relative_to(out_dir).as_posix())}">'
            f'<img src="{html.escape(figure.relative_to(out_dir).as_posix())}" alt="figure from {html.escape(result.title)}"></a>'
            for figure in result.figures)
        sections.append(
            f"<section><h2><a href=\"{html.escape(result.html.name)}\">{html.escape(result.title)}</a></h2>"
            f"<p><a href=\"{html.escape(result.html.name)}\">Read the notebook</a> · "
            f"<a href=\"{html.escape(result.notebook.relative_to(out_dir).as_posix())}\">executed .ipynb</a> · "
            f"{len(result.figures)} figure(s)</p><div class=\"figures\">{figures}</div></section>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>News framing report</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }}
section {{ border-top: 1px solid #ddd; padding: 1em 0; }}
.figures img {{ max-width: 320px; max-height: 240px; margin: 0.3em; border: 1px solid #ddd; }}
</style></head>
<body><h1>News framing report</h1>
<p>Corpus: {html.escape(corpus_description)}</p>
{f'<details><summary>Dictionaries and files used</summary><ul>{used}</ul></details>' if used else ''}
<p>Each notebook below was run from top to bottom on this corpus. Open one to read its questions, tables,
charts and the limits of each method.</p>
{''.join(sections)}
<section><h2>Tables</h2><p>Every table, searchable and sortable, with CSV and Parquet files to download:
{' · '.join(f'<a href="{html.escape(link)}">{html.escape(name)}</a>' for name, link in tables)}</p>
{'<p>For coursework: <a href="coding-sheet.csv">the blank coding sheet</a> for this corpus (notebook 06).</p>'
 if (out_dir / "coding-sheet.csv").is_file() else ''}</section>
</body></html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


# A report folder holds this file, so that a later report may replace the folder (and no other).
MARKER = ".news-framing-report"
# The resources a notebook may take as parameters, under the names of ``analysis.resources.files.Resources``.
RESOURCE_PARAMETERS = ("codebook", "watchlist", "targets", "story_elements", "coding_sheets")


def write_report(corpus_path: str | Path | None, out_dir: Path, *, strict: bool = False,
                 notebooks: list[Path] | None = None, progress: bool = True, workers: int | None = None,
                 resources: Resources | None = None, article_a: str | None = None,
                 article_b: str | None = None) -> list[Path]:
    """Analyse the corpus once, execute every notebook on it and write the report under ``out_dir``;
    return what was written.

    ``resources``: the codebook, watchlist, targets, story elements and coding sheets to use
    (``analysis.resources.files.find_resources``; default: the package's general ones and the corpus's
    own); ``article_a`` and ``article_b``: the pair of articles to align (default: the most alike).
    Everything is checked before any work: an unusable ``out_dir``, a resource with a mistake (its
    file and line), another report being written to the same folder, a corpus with no usable
    article or an unknown article id each raise ``ReportError`` (``ResourceError`` for a resource)
    with a one-line message.

    The report is written to a temporary folder beside ``out_dir`` and moved into place only when
    complete: an interrupted or failed run leaves the previous report as it was (or none), never
    a mix. The analysis pass (``analysis.analyse``: every core, kept in the cache) comes first, in
    a child process that also writes the tables and ends before the notebooks start; the
    notebooks then run side by side, as many at once as there are cores. Writes
    ``notebooks/*.ipynb`` (executed), one HTML page per notebook, ``figures/*.png``, the tables
    under ``tables/`` (CSV, Parquet, and a searchable HTML page each) and ``index.html``. Raises
    NotebookFailed naming the notebook and cell when one fails.
    """
    out_dir = Path(out_dir).expanduser()
    resources = resources or find_resources(corpus_path)
    check_resources(resources)
    sources = notebooks if notebooks is not None else sorted(notebooks_dir().glob("[0-9][0-9]-*.ipynb"))
    _check_out(out_dir)
    with _lock(out_dir):
        _remove_leftovers(out_dir)
        staging = out_dir.parent / f".{out_dir.name}.partial-{os.getpid()}"
        staging.mkdir()
        try:
            written = _write_into(staging, corpus_path, sources, strict=strict, progress=progress, workers=workers,
                                  resources=resources, pair=(article_a, article_b))
            (staging / MARKER).write_text(f"A news framing report; {len(written)} files.\n", encoding="utf-8")
            _put_in_place(staging, out_dir)
        except NotebookFailed as failure:
            kept = out_dir.parent / f"{out_dir.name}-failed-{failure.executed.name}"
            shutil.copyfile(failure.executed, kept)  # the report is not written, the failed notebook is kept
            shutil.rmtree(staging, ignore_errors=True)
            raise NotebookFailed(failure.summary, kept) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return [out_dir / path.relative_to(staging) for path in written]


def _write_into(folder: Path, corpus_path, sources: list[Path], *, strict: bool, progress: bool,
                workers: int | None, resources: Resources, pair: tuple[str | None, str | None]) -> list[Path]:
    from tqdm.auto import tqdm

    # The analysis, and the tables written from it, run in a child process that ends before the
    # notebooks start, so that its memory is given back before the kernels take theirs.
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_signals)
    try:
        source, written = pool.submit(_analyse, corpus_path, strict, progress, folder / "tables", pair).result()
    except BaseException:
        _abandon(pool)
        raise
    pool.shutdown()
    parameters = {"corpus_path": None if corpus_path is None else str(Path(corpus_path).resolve()),
                  "output_dir": str(folder.resolve()), "article_a": pair[0], "article_b": pair[1],
                  **{name: None if getattr(resources, name) is None else str(Path(getattr(resources, name)).resolve())
                     for name in RESOURCE_PARAMETERS}}
    workers = max(1, min(workers or os.cpu_count() or 1, len(sources) or 1))
    finished: dict[Path, NotebookResult] = {}
    # Workers started afresh ("spawn"), not forked: a fork would carry this process's tables along.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_signals)
    try:
        # The longest notebooks first, so that the last to finish is a short one.
        futures = {pool.submit(run_notebook, source, folder, parameters=parameters): source
                   for source in sorted(sources, key=lambda path: NOTEBOOK_WEIGHTS.get(path.stem, 0), reverse=True)}
        for future in tqdm(as_completed(futures), total=len(futures), desc="notebooks", unit="notebook",
                           disable=not progress):
            finished[futures[future]] = future.result()
    except BaseException:
        _abandon(pool)
        raise
    pool.shutdown()
    results_in_order = [finished[source] for source in sources]
    for result in results_in_order:
        written += [result.notebook, result.html, *result.figures]
    written.append(_index(results_in_order, folder, source, _table_links(folder), resources))
    return written


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Shut a pool down without waiting for work that is no longer wanted (after an error or Ctrl-C):
    its processes are asked to stop, and a notebook worker shuts its kernel down as it goes."""
    running = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in running:
        if process.is_alive():
            process.terminate()
    for process in running:
        process.join(timeout=30)


def _worker_signals() -> None:
    """In a worker: leave Ctrl-C to the report, which then stops the workers (SIGTERM: at once; a
    kernel notices that its worker has gone and ends too)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _check_out(out_dir: Path) -> None:
    """Raise ReportError with a one-line message when the report cannot be written to ``out_dir``."""
    where = f"--out {out_dir}"
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError(f"{where}: this is a file, not a folder; give the name of a folder for the report")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not _is_report(out_dir):
        raise ReportError(f"{where}: the folder holds other files and no earlier report, and the report replaces "
                          "the folder's content; give a new or empty folder")
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReportError(f"{where}: the folder {parent} cannot be created ({error.strerror}); "
                          "choose a folder you can write to") from None
    for folder in (parent, out_dir):
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise ReportError(f"{where}: {folder} is read-only (permission denied); choose a folder you can write to")


def _is_report(folder: Path) -> bool:
    # index.html and notebooks/: a report written before the marker existed
    return (folder / MARKER).is_file() or ((folder / "index.html").is_file() and (folder / "notebooks").is_dir())


@contextmanager
def _lock(out_dir: Path):
    """Hold the report folder's lock (a file beside it) while the report is written; raise
    ReportError at once when another report is being written there. The operating system frees
    the lock when the process ends, however it ends."""
    path = out_dir.parent / f".{out_dir.name}.lock"
    while True:
        handle = open(path, "a+")
        try:
            _try_lock(handle)
        except OSError:
            handle.close()
            raise ReportError(f"--out {out_dir}: another report is being written to this folder right now; "
                              "wait for it to finish, or choose another folder") from None
        if path.exists() and os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino:
            break  # the lock file is still the one in place (not removed by a run that just ended)
        handle.close()
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # removed while still held, so no one locks a stale file
        handle.close()


def _try_lock(handle) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_leftovers(out_dir: Path) -> None:
    """Remove what a run killed outright left beside the folder (the lock is held: no run is writing)."""
    for leftover in out_dir.parent.glob(f".{out_dir.name}.partial-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out_dir.parent.glob(f".{out_dir.name}.old-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _put_in_place(staging: Path, out_dir: Path) -> None:
    """Move a complete report into place: the previous one is renamed aside first, then removed."""
    if out_dir.exists():
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
        os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, out_dir)


def _analyse(corpus_path, strict: bool, progress: bool, tables: Path,
             pair: tuple[str | None, str | None] = (None, None)) -> tuple[str, list[Path]]:
    """Analyse the corpus (kept in the cache for the notebooks) and write its tables; return the
    corpus's description and the files written. Raises ReportError when an article of ``pair`` is
    not in the corpus (and ``analyse`` raises CorpusError when the corpus has no usable article)."""
    results = analyse(corpus_path, strict=strict, progress=progress)
    ids = set(results.corpus.articles["article_id"])
    for option, article_id in zip(("--article-a", "--article-b"), pair):
        if article_id is not None and article_id not in ids:
            examples = ", ".join(sorted(ids)[:5])
            raise ReportError(f"{option} {article_id}: no article has this id; the ids are like: {examples}")
    return results.corpus.source, write_tables(results, tables)


# How long each notebook takes, relatively (measured on 2,402 articles), to start the longest first.
NOTEBOOK_WEIGHTS = {"04-coverage-differences": 14, "03-framing": 12, "02-sentiment": 10, "01-corpus-overview": 4,
                    "06-coursework-frame-coding": 4, "05-who-speaks": 3}

# The tables a reader may want whole: written as CSV and Parquet, and as a searchable HTML page.
# A page holds at most this much data (itables drops rows evenly past it and says so): the CSV
# and Parquet files always hold every row.
TABLE_PAGE_BYTES = 2_500_000
# No page of the report may be larger than 5 MB; this leaves room.
MAX_PAGE_BYTES = 4_500_000


def _report_tables(results: Analysis) -> dict[str, pd.DataFrame]:
    from analysis.framing.core import hits_in_context

    corpus = results.corpus
    tables = {
        "articles": corpus.articles.drop(columns=["text"]),
        "summary": corpus.summary(),
        "sentences": results.sentence_scores,
        "article_scores": results.article_scores,
        "neutralised_scores": results.neutralised,
        "voices": results.voices,
        "quotes": results.quotes,
        "frame_hits": hits_in_context(results.frame_hits, corpus),
        "frames_by_section": results.sections,
        "descriptions": results.descriptions,
        "story_elements": results.elements,
        "reuse_pairs": results.reuse_pairs,
        "removed": corpus.removed,
        "problems": corpus.problems,
        "events": corpus.events,
    }
    # A table the corpus cannot have (no story elements, no events) is left out rather than empty.
    return {name: table for name, table in tables.items()
            if len(table) or name not in {"story_elements", "events"}}


def write_tables(results: Analysis, folder: Path) -> list[Path]:
    """Write the report's tables to ``folder`` as CSV, Parquet and searchable HTML; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in _report_tables(results).items():
        csv_path, parquet_path, html_path = (folder / f"{name}{suffix}" for suffix in (".csv", ".parquet", ".html"))
        table.to_csv(csv_path, index=False)
        write_parquet(table, parquet_path)
        _table_page(table, name, html_path)
        written += [csv_path, parquet_path, html_path]
    return written


def _table_page(table: pd.DataFrame, name: str, path: Path) -> None:
    """Write a table as a page with a searchable, sortable table (itables, its script inlined: no
    network needed to read it). Texts are shown whole and wrapped, numbers rounded on the page, and
    past ``TABLE_PAGE_BYTES`` of data itables keeps an even sample of the rows and says so."""
    import itables
    from itables.javascript import generate_init_offline_itables_html
    from itables.options import dt_bundle

    shown = table.copy()
    for column in shown.columns:
        if shown[column].dtype == object or str(shown[column].dtype).startswith("string"):
            shown[column] = shown[column].astype("string")
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].round(4)
    title = html.escape(name.replace("_", " "))
    script = generate_init_offline_itables_html(dt_bundle)
    limit = TABLE_PAGE_BYTES
    while True:
        body = itables.to_html_datatable(shown, connected=False, display_logo_when_loading=False, maxBytes=limit,
                                         showIndex=False)
        page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
                f'<style>body {{ font-family: system-ui, sans-serif; margin: 1.5em; }} '
                f'td {{ white-space: normal; overflow-wrap: anywhere; max-width: 40em; vertical-align: top; }}'
                f'</style></head><body>'
                f'<h1>{title}</h1><p>{len(table):,} rows. Search, sort by a column, or download the whole table: '
                f'<a href="{html.escape(name)}.csv">CSV</a> · <a href="{html.escape(name)}.parquet">Parquet</a>. '
                f'Numbers are rounded here, not in the files.</p>'
                f'{script}{body}</body></html>')
        # itables links its logo and help pages on itables.org (shown without JavaScript, or while
        # loading): keep their text, drop the links, so that the page refers to nothing outside the report.
        page = re.sub(r"<a href=[\"']?https?://itables\.org[^>]*>(.*?)</a>", r"\1", page, flags=re.S)
        if len(page.encode("utf-8")) <= MAX_PAGE_BYTES or limit < 100_000:
            break
        limit //= 2  # itables' estimate of the data's size can fall short (escaped text, numbers)
    path.write_text(page, encoding="utf-8")


def _table_links(out_dir: Path) -> list[tuple[str, str]]:
    return [(path.stem.replace("_", " "), path.relative_to(out_dir).as_posix())
            for path in sorted((out_dir / "tables").glob("*.html"))]
