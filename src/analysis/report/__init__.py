"""The HTML report: every notebook run on a corpus, with its tables, offline."""

from analysis.report.build import (  # noqa: F401
    NotebookFailed, NotebookResult, notebooks_dir, run_notebook, ReportError, MARKER, RESOURCE_PARAMETERS,
    write_report, NOTEBOOK_WEIGHTS, TABLE_PAGE_BYTES, MAX_PAGE_BYTES, write_tables,
)

__all__ = ['NotebookFailed', 'NotebookResult', 'notebooks_dir', 'run_notebook', 'ReportError', 'MARKER', 'RESOURCE_PARAMETERS', 'write_report', 'NOTEBOOK_WEIGHTS', 'TABLE_PAGE_BYTES', 'MAX_PAGE_BYTES', 'write_tables']
