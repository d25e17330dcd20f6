"""The report: every notebook executed headlessly on one corpus, as notebooks, HTML pages, PNG
figures and an index page. ``make report`` and ``python -m analysis report`` run it.

``write_report`` analyses the corpus once, writes its tables (``report.tables``), runs the notebooks
side by side (``report.notebooks``) and writes the index page, all into a staging folder that
replaces the report folder only when complete (``report.folders``).
"""

from __future__ import annotations

import html
import multiprocessing
import os
import shutil
import signal
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

from tqdm.auto import tqdm

from analysis.errors import NotebookFailed, ReportError
from analysis.report.folders import (MARKER, check_out_dir, put_in_place, remove_leftovers, report_lock,
                                     staging_folder)
from analysis.report.notebooks import NOTEBOOK_WEIGHTS, NotebookResult, notebooks_dir, report_parameters, run_notebook
from analysis.report.tables import table_links, write_tables
from analysis.resources.files import Resources, check_resources, find_resources
from analysis.scale.results import analyse

__all__ = ["write_report"]


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
    check_out_dir(out_dir)
    with report_lock(out_dir):
        remove_leftovers(out_dir)
        staging = staging_folder(out_dir)
        try:
            written = _write_into(staging, corpus_path, sources, strict=strict, progress=progress, workers=workers,
                                  resources=resources, pair=(article_a, article_b))
            (staging / MARKER).write_text(f"A news framing report; {len(written)} files.\n", encoding="utf-8")
            put_in_place(staging, out_dir)
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
    # The analysis, and the tables written from it, run in a child process that ends before the
    # notebooks start, so that its memory is given back before the kernels take theirs.
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_signals)
    try:
        with _interrupts_held():  # the child is started by the submission
            analysed = pool.submit(_analyse, corpus_path, strict, progress, folder / "tables", pair)
        source, written = analysed.result()
    except BaseException:
        _abandon(pool)
        raise
    pool.shutdown()
    parameters = report_parameters(corpus_path, folder, resources, pair)
    workers = max(1, min(workers or os.cpu_count() or 1, len(sources) or 1))
    finished: dict[Path, NotebookResult] = {}
    # Workers started afresh ("spawn"), not forked: a fork would carry this process's tables along.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_signals)
    try:
        # The longest notebooks first, so that the last to finish is a short one. The workers are
        # started by the submissions.
        with _interrupts_held():
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
    written.append(_index(results_in_order, folder, source, table_links(folder), resources))
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


@contextmanager
def _interrupts_held():
    """Hold Ctrl-C back while worker processes start. A process inherits its starter's blocked
    signals, so a worker starts with SIGINT blocked and lets it through only once it ignores it
    (``_worker_signals``): a Ctrl-C can never stop a worker halfway through its start-up, with a
    traceback of whatever it was importing (seen when the machine was busy). This process gets the
    Ctrl-C it held as soon as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _worker_signals() -> None:
    """In a worker: leave Ctrl-C to the report, which then stops the workers (SIGTERM: at once; a
    kernel notices that its worker has gone and ends too)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # started with SIGINT held back (``_interrupts_held``)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


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
