"""The report's tables: each written whole as CSV and Parquet, and as a searchable, sortable HTML page
that reads offline."""

from __future__ import annotations

import html
import re
from pathlib import Path

import itables
import pandas as pd
from itables.javascript import generate_init_offline_itables_html
from itables.options import dt_bundle

from analysis.coverage import outlet_derivation
from analysis.framing import hits_in_context
from analysis.scale.results import Analysis, write_parquet

__all__ = ["TABLE_PAGE_BYTES", "MAX_PAGE_BYTES", "report_tables", "write_tables", "table_page", "table_links"]

# The tables a reader may want whole: written as CSV and Parquet, and as a searchable HTML page.
# A page holds at most this much data (itables drops rows evenly past it and says so): the CSV
# and Parquet files always hold every row.
TABLE_PAGE_BYTES = 2_500_000
# No page of the report may be larger than 5 MB; this leaves room.
MAX_PAGE_BYTES = 4_500_000


def report_tables(results: Analysis) -> dict[str, pd.DataFrame]:
    """Return the tables of the report by name: the corpus's and the analysis's, a frame hit with
    its sentence; a table the corpus cannot have (no story elements, no events) left out."""
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
        "derivation": results.derivation(),
        "outlet_derivation": outlet_derivation(results.derivation()),
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
    for name, table in report_tables(results).items():
        csv_path, parquet_path, html_path = (folder / f"{name}{suffix}" for suffix in (".csv", ".parquet", ".html"))
        table.to_csv(csv_path, index=False)
        write_parquet(table, parquet_path)
        table_page(table, name, html_path)
        written += [csv_path, parquet_path, html_path]
    return written


def table_page(table: pd.DataFrame, name: str, path: Path) -> None:
    """Write a table as a page with a searchable, sortable table (itables, its script inlined: no
    network needed to read it). Texts are shown whole and wrapped, numbers rounded on the page, and
    past ``TABLE_PAGE_BYTES`` of data itables keeps an even sample of the rows and says so."""
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


def table_links(out_dir: Path) -> list[tuple[str, str]]:
    """Return (name, link) for every table page under ``out_dir``/tables, in name order."""
    return [(path.stem.replace("_", " "), path.relative_to(out_dir).as_posix())
            for path in sorted((out_dir / "tables").glob("*.html"))]
