"""One notebook of the report executed headlessly with the report's parameters (papermill), and
written as an executed notebook, an HTML page and its PNG figures."""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import papermill
from papermill.exceptions import PapermillExecutionError
from traitlets.config import Config

from analysis.errors import NotebookFailed
from analysis.report.html import notebook_to_html
from analysis.resources import paths
from analysis.resources.files import Resources

__all__ = ["NotebookResult", "RESOURCE_PARAMETERS", "NOTEBOOK_WEIGHTS", "notebooks_dir", "report_parameters",
           "run_notebook"]

# The resources a notebook may take as parameters, under the names of ``analysis.resources.files.Resources``.
RESOURCE_PARAMETERS = ("codebook", "watchlist", "targets", "story_elements", "coding_sheets")
# How long each notebook takes, relatively (measured on 2,402 articles), to start the longest first.
NOTEBOOK_WEIGHTS = {"04-coverage-differences": 14, "03-framing": 12, "02-sentiment": 10, "01-corpus-overview": 4,
                    "06-coursework-frame-coding": 4, "05-who-speaks": 3}


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


def report_parameters(corpus_path, out_dir: Path, resources: Resources,
                      pair: tuple[str | None, str | None]) -> dict[str, object]:
    """Return the parameters every notebook of a report is given (each takes those its parameters
    cell declares): the corpus, the report folder, the pair of articles to align and the resources,
    as absolute paths (None: the default)."""
    return {"corpus_path": None if corpus_path is None else str(Path(corpus_path).resolve()),
            "output_dir": str(out_dir.resolve()), "article_a": pair[0], "article_b": pair[1],
            **{name: None if getattr(resources, name) is None else str(Path(getattr(resources, name)).resolve())
               for name in RESOURCE_PARAMETERS}}


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
