"""Analysing a corpus once on every core, caching its tables, and the benchmarks that measure it.

``results.analyse`` (also ``analysis.analyse``) is the entry point; ``pipeline`` runs the per-article
steps in partitions on an engine (pandas processes or Dask); ``bench``, ``loading_benchmark`` and
``report_benchmark`` measure speed, memory and accuracy.
"""

# The package itself names nothing: import its modules (``analysis.analyse`` is ``results.analyse``).
__all__: list[str] = []
