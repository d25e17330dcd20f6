"""The HTML report: every notebook run on a corpus, with its tables, offline.

``build`` writes the report (``write_report``) and its index page; ``notebooks`` runs one notebook;
``tables`` writes the tables as CSV, Parquet and searchable pages; ``folders`` checks, locks and
replaces the report folder; ``html`` turns an executed notebook into a page that reads offline.
"""

from analysis.report.build import write_report
from analysis.report.folders import MARKER
from analysis.report.notebooks import (NOTEBOOK_WEIGHTS, RESOURCE_PARAMETERS, NotebookResult, notebooks_dir,
                                       run_notebook)
from analysis.report.tables import MAX_PAGE_BYTES, TABLE_PAGE_BYTES, write_tables
from analysis.errors import NotebookFailed, ReportError

__all__ = ['NotebookFailed', 'NotebookResult', 'notebooks_dir', 'run_notebook', 'ReportError', 'MARKER', 'RESOURCE_PARAMETERS', 'write_report', 'NOTEBOOK_WEIGHTS', 'TABLE_PAGE_BYTES', 'MAX_PAGE_BYTES', 'write_tables']
