"""Every notebook runs top to bottom headlessly, on the bundled corpus and on another corpus."""

import json
from pathlib import Path

import papermill
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_stored_without_outputs_and_has_parameters(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    assert "parameters" in code[0]["metadata"].get("tags", [])
    assert "corpus_path = None" in "".join(code[0]["source"])
    assert not any("def " in "".join(cell["source"]) or "pip install" in "".join(cell["source"]) for cell in code)


def _run(notebook, tmp_path, **parameters):
    out = tmp_path / notebook.name
    papermill.execute_notebook(str(notebook), str(out), parameters=parameters, cwd=str(tmp_path),
                               kernel_name="python3", progress_bar=False)
    return json.loads(out.read_text(encoding="utf-8"))


def _errors(executed):
    return [output for cell in executed["cells"] for output in cell.get("outputs", [])
            if output.get("output_type") == "error"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_on_the_bundled_corpus(notebook, tmp_path):
    executed = _run(notebook, tmp_path, output_dir=str(tmp_path / "reports"))
    assert _errors(executed) == []
    images = [output for cell in executed["cells"] for output in cell.get("outputs", [])
              if "image/png" in output.get("data", {})]
    assert images, "the notebook should draw at least one chart"


OTHER_CORPORA = ["harbour_corpus", "one_outlet_corpus"]


@pytest.mark.parametrize("corpus", OTHER_CORPORA)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_on_other_corpora(notebook, corpus, tmp_path):
    # harbour_corpus: another story with quotes and dates; one_outlet_corpus: one outlet, no dates, no quotes.
    executed = _run(notebook, tmp_path, corpus_path=str(ROOT / "tests" / "fixtures" / corpus),
                    output_dir=str(tmp_path / "reports"))
    assert _errors(executed) == []


def test_a_broken_notebook_fails_loudly(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("corpus_path = None", metadata={"tags": ["parameters"]}),
                      nbformat.v4.new_code_cell("from analysis import load_corpus\nload_corpus('/no/such/corpus')")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "broken.ipynb"
    nbformat.write(notebook, path)
    with pytest.raises(papermill.PapermillExecutionError, match="No corpus at"):
        _run(path, tmp_path)
