"""The report: every notebook executed headlessly on one corpus, as notebooks, HTML pages, PNG
figures and an index page. ``make report`` and ``python -m analysis report`` run it.
"""

from __future__ import annotations

import base64
import html
import json
from dataclasses import dataclass
from pathlib import Path

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed

import pandas as pd

from analysis import paths
from analysis.results import Analysis, analyse, write_parquet


class NotebookFailed(RuntimeError):
    """A notebook raised an error; the message names the notebook and the cell."""


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


def _to_html(notebook_path: Path, html_path: Path) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nbformat.read(notebook_path, as_version=4))
    html_path.write_text(body, encoding="utf-8")


def run_notebook(source: Path, out_dir: Path, *, corpus_path: str | None) -> NotebookResult:
    """Execute one notebook with the report's parameters and write its notebook, HTML and figures."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    executed = executed_dir / source.name
    parameters = {"corpus_path": corpus_path, "output_dir": str(out_dir.resolve())}
    try:
        papermill.execute_notebook(str(source), str(executed), parameters=parameters, progress_bar=False,
                                   cwd=str(source.parent), kernel_name="python3", log_output=False)
    except PapermillExecutionError as error:
        raise NotebookFailed(f"{source.name}: cell {error.exec_count} failed with {error.ename}: {error.evalue}\n"
                             f"The executed notebook, with the error, is in {executed}") from None
    notebook = json.loads(executed.read_text(encoding="utf-8"))
    html_path = out_dir / f"{source.stem}.html"
    _to_html(executed, html_path)
    figures = _write_figures(notebook, out_dir / "figures", source.stem)
    return NotebookResult(source.stem, _title(notebook, source.stem), executed, html_path, figures)


def _index(results: list[NotebookResult], out_dir: Path, corpus_description: str,
           tables: list[tuple[str, str]] = ()) -> Path:
    """Write index.html: one section per notebook with links and its figures (all text escaped)."""
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
<p>Each notebook below was run from top to bottom on this corpus. Open one to read its questions, tables,
charts and the limits of each method.</p>
{''.join(sections)}
<section><h2>Tables</h2><p>Every table, searchable and sortable, with CSV and Parquet files to download:
{' · '.join(f'<a href="{html.escape(link)}">{html.escape(name)}</a>' for name, link in tables)}</p></section>
</body></html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def write_report(corpus_path: str | Path | None, out_dir: Path, *, strict: bool = False,
                 notebooks: list[Path] | None = None, progress: bool = True, workers: int | None = None) -> list[Path]:
    """Analyse the corpus once, execute every notebook on it and write the report under ``out_dir``;
    return what was written.

    The analysis pass (``analysis.analyse``: every core, kept in the cache) comes first, in a child
    process that also writes the tables and ends before the notebooks start, so each notebook reads
    the same tables instead of computing them again; the notebooks then run side by side, as many
    at once as there are cores. Writes ``notebooks/*.ipynb`` (executed), one HTML page
    per notebook, ``figures/*.png``, the tables under ``tables/`` (CSV, Parquet, and a searchable
    HTML page each) and ``index.html``. Raises NotebookFailed naming the notebook and cell when one fails.
    """
    from tqdm.auto import tqdm

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The analysis, and the tables written from it, run in a child process that ends before the
    # notebooks start, so that its memory is given back before the kernels take theirs.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        source, written = pool.submit(_analyse, corpus_path, strict, progress, out_dir / "tables").result()
    corpus_argument = None if corpus_path is None else str(Path(corpus_path).resolve())
    sources = notebooks if notebooks is not None else sorted(notebooks_dir().glob("[0-9][0-9]-*.ipynb"))
    workers = max(1, min(workers or os.cpu_count() or 1, len(sources) or 1))
    finished: dict[Path, NotebookResult] = {}
    # Workers started afresh ("spawn"), not forked: a fork would carry this process's tables along.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        # The longest notebooks first, so that the last to finish is a short one.
        futures = {pool.submit(run_notebook, source, out_dir, corpus_path=corpus_argument): source
                   for source in sorted(sources, key=lambda path: NOTEBOOK_WEIGHTS.get(path.stem, 0), reverse=True)}
        try:
            for future in tqdm(as_completed(futures), total=len(futures), desc="notebooks", unit="notebook",
                               disable=not progress):
                finished[futures[future]] = future.result()
        except NotebookFailed:
            for future in futures:
                future.cancel()
            raise
    results_in_order = [finished[source] for source in sources]
    for result in results_in_order:
        written += [result.notebook, result.html, *result.figures]
    written.append(_index(results_in_order, out_dir, source, _table_links(out_dir)))
    return written


def _analyse(corpus_path, strict: bool, progress: bool, tables: Path) -> tuple[str, list[Path]]:
    """Analyse the corpus (kept in the cache for the notebooks) and write its tables; return the
    corpus's description and the files written."""
    results = analyse(corpus_path, strict=strict, progress=progress)
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
    from analysis.framing import hits_in_context

    corpus = results.corpus
    return {
        "articles": corpus.articles.drop(columns=["text"]),
        "summary": corpus.summary(),
        "sentences": results.sentence_scores,
        "article_scores": results.article_scores,
        "quotes": results.quotes,
        "frame_hits": hits_in_context(results.frame_hits, corpus),
        "reuse_pairs": results.reuse_pairs,
        "removed": corpus.removed,
        "problems": corpus.problems,
    }


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
    network needed to read it). Long texts are cut and numbers rounded on the page, and past
    ``TABLE_PAGE_BYTES`` of data itables keeps an even sample of the rows and says so."""
    import itables
    from itables.javascript import generate_init_offline_itables_html
    from itables.options import dt_bundle

    shown = table.copy()
    for column in shown.columns:
        if shown[column].dtype == object or str(shown[column].dtype).startswith("string"):
            shown[column] = shown[column].astype("string").str.slice(0, 300)
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].round(4)
    title = html.escape(name.replace("_", " "))
    script = generate_init_offline_itables_html(dt_bundle)
    limit = TABLE_PAGE_BYTES
    while True:
        body = itables.to_html_datatable(shown, connected=False, display_logo_when_loading=False, maxBytes=limit,
                                         showIndex=False)
        page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
                f'<style>body {{ font-family: system-ui, sans-serif; margin: 1.5em; }}</style></head><body>'
                f'<h1>{title}</h1><p>{len(table):,} rows. Search, sort by a column, or download the whole table: '
                f'<a href="{html.escape(name)}.csv">CSV</a> · <a href="{html.escape(name)}.parquet">Parquet</a>. '
                f'Long texts are cut at 300 characters and numbers rounded here, not in the files.</p>'
                f'{script}{body}</body></html>')
        if len(page.encode("utf-8")) <= MAX_PAGE_BYTES or limit < 100_000:
            break
        limit //= 2  # itables' estimate of the data's size can fall short (escaped text, numbers)
    path.write_text(page, encoding="utf-8")


def _table_links(out_dir: Path) -> list[tuple[str, str]]:
    return [(path.stem.replace("_", " "), path.relative_to(out_dir).as_posix())
            for path in sorted((out_dir / "tables").glob("*.html"))]
