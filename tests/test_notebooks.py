"""Every notebook runs top to bottom headlessly, on the bundled corpus and on another corpus."""

import json
from pathlib import Path

import papermill
import pytest

from analysis.resources.files import MISSING

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# What only the bundled corpus is about: no notebook may say any of it, in its cells or (on another
# corpus) in its outputs.
BUNDLED_STORY = ["Ji Seong", "Mr Ji", "Telegraph", "VOA", "Voice of America", "Wandsworth", "Wikipedia", "Trump",
                 "Kim Jong", "Kim Yo Jong", "Singapore", "State of the Union", "crutches", "human scum", "Pyongyang",
                 "Human Rights Watch", "PyeongChang", "Olympic"]

# The "Skipped:" line of each thing a corpus can lack, told apart by its reason.
SKIP_REASONS = [("quotes", "no direct quote was found"), ("over_time", "a chart over time takes"),
                ("dates", "no article has a date"), ("outlets", "every article is from one outlet"),
                ("articles", "comparing articles takes two or more"), ("pair", "no pair of articles to align"),
                ("target_mentions", "no sentence names any of the targets"), *MISSING.items(),
                # notebook 06 says it in full once, then briefly in each later step
                ("coding_sheets", "no filled coding sheets for this corpus yet (see step 2)")]

# The sections each corpus skips, by notebook (none where a notebook is not listed).
EXPECTED_SKIPS = {
    "bundled": {"02-sentiment": {"over_time"}, "03-framing": {"over_time"}},
    # another story with quotes, three dates within a week, and no resources of its own
    "harbour_corpus": {"02-sentiment": {"targets", "over_time"}, "03-framing": {"over_time"},
                       "04-coverage-differences": {"story_elements"},
                       "06-coursework-frame-coding": {"coding_sheets"}},
    # one outlet, no dates, no quotes, no resources of its own
    "one_outlet_corpus": {"02-sentiment": {"quotes", "targets", "over_time"}, "03-framing": {"over_time"},
                          "04-coverage-differences": {"outlets", "story_elements", "dates"},
                          "05-who-speaks": {"quotes"}, "06-coursework-frame-coding": {"coding_sheets"}},
}


# The resources (and the pair to align) each notebook takes in its parameters cell, under the names
# of analysis.resources.files.Resources, default None.
RESOURCE_PARAMETERS = {"02-sentiment": ("targets", "watchlist"), "03-framing": ("codebook",),
                       "04-coverage-differences": ("story_elements", "codebook", "article_a", "article_b"),
                       "06-coursework-frame-coding": ("codebook", "coding_sheets")}


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory):
    # The notebooks' kernels inherit the environment: one analysis per corpus, kept apart from the user's cache.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWS_FRAMING_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_stored_without_outputs_and_has_parameters(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    ids = [cell.get("id") for cell in cells]  # nbformat 4.5 wants one on every cell, each different
    assert None not in ids and len(set(ids)) == len(ids)
    assert "parameters" in code[0]["metadata"].get("tags", [])
    parameters = "".join(code[0]["source"])
    for name in ("corpus_path", *RESOURCE_PARAMETERS.get(notebook.stem, ())):
        assert f"\n{name} = None" in f"\n{parameters}", name
    assert "\noutput_dir = " in parameters and "\ntop_outlets = " in parameters
    assert not any("def " in "".join(cell["source"]) or "pip install" in "".join(cell["source"]) for cell in code)


def _run(notebook, tmp_path, **parameters):
    out = tmp_path / notebook.name
    papermill.execute_notebook(str(notebook), str(out), parameters=parameters, cwd=str(tmp_path),
                               kernel_name="python3", progress_bar=False)
    return json.loads(out.read_text(encoding="utf-8"))


def _errors(executed):
    return [output for cell in executed["cells"] for output in cell.get("outputs", [])
            if output.get("output_type") == "error"]


def _texts(notebook):
    """Every piece of text of a notebook: its cells, and the text (not the images) of their outputs."""
    for cell in notebook["cells"]:
        yield "".join(cell["source"])
        for output in cell.get("outputs", []):
            yield "".join(output.get("text", ""))
            yield "\n".join(output.get("traceback", []))
            for mime, value in output.get("data", {}).items():
                if mime.startswith("text/"):
                    yield "".join(value)


def _named(notebook):
    return sorted({name for text in _texts(notebook) for name in BUNDLED_STORY if name.casefold() in text.casefold()})


def _skips(executed):
    """The reasons of the notebook's "Skipped:" lines, each shown as one HTML paragraph and one line of text."""
    found = set()
    for cell in executed["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            plain = "".join(data.get("text/plain", ""))
            if not plain.startswith("Skipped: "):
                continue
            assert "\n" not in plain.strip()
            assert "".join(data["text/html"]).startswith('<p class="skipped tex2jax_ignore">Skipped: ')
            reason = plain[len("Skipped: "):]
            found |= {name for name, text in SKIP_REASONS if text in reason} or {f"unknown: {reason}"}
    return found


def test_no_notebook_names_the_bundled_story():
    for notebook in NOTEBOOKS:
        assert _named(json.loads(notebook.read_text(encoding="utf-8"))) == [], notebook.name


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
@pytest.mark.slow
def test_notebook_runs_on_the_bundled_corpus(notebook, tmp_path):
    executed = _run(notebook, tmp_path, output_dir=str(tmp_path / "reports"))
    assert _errors(executed) == []
    images = [output for cell in executed["cells"] for output in cell.get("outputs", [])
              if "image/png" in output.get("data", {})]
    assert images, "the notebook should draw at least one chart"
    assert _skips(executed) == EXPECTED_SKIPS["bundled"].get(notebook.stem, set())


OTHER_CORPORA = ["harbour_corpus", "one_outlet_corpus"]


@pytest.mark.parametrize("corpus", OTHER_CORPORA)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
@pytest.mark.slow
def test_notebook_runs_on_other_corpora(notebook, corpus, tmp_path):
    # harbour_corpus: another story with quotes and dates; one_outlet_corpus: one outlet, no dates, no quotes.
    executed = _run(notebook, tmp_path, corpus_path=str(ROOT / "tests" / "fixtures" / corpus),
                    output_dir=str(tmp_path / "reports"))
    assert _errors(executed) == []
    assert _named(executed) == [], "the bundled corpus's story shown on another corpus"
    assert _skips(executed) == EXPECTED_SKIPS[corpus].get(notebook.stem, set())


@pytest.mark.slow
def test_coding_sheets_of_another_corpus_are_refused(tmp_path):
    # The bundled corpus's example sheets, given for another corpus: the sheets' rows are not its rows.
    notebook = ROOT / "notebooks" / "06-coursework-frame-coding.ipynb"
    with pytest.raises(papermill.PapermillExecutionError, match=r"row\(s\) missing"):
        _run(notebook, tmp_path, corpus_path=str(ROOT / "tests" / "fixtures" / "harbour_corpus"),
             output_dir=str(tmp_path / "reports"), coding_sheets=str(ROOT / "data" / "corpus" / "coding-sheets"))


@pytest.mark.slow
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


@pytest.mark.slow
def test_notebook_06_validates_the_dictionary_against_the_coded_sheets(tmp_path):
    # A student's coded sheets go in (the bundled corpus's coding-sheets/); a validation table comes out:
    # one row per frame, with the precision and recall of the dictionary against the people's codes.
    notebook = ROOT / "notebooks" / "06-coursework-frame-coding.ipynb"
    executed = _run(notebook, tmp_path, output_dir=str(tmp_path / "reports"))
    tables = ["".join(output.get("data", {}).get("text/plain", "")) + "".join(output.get("data", {}).get("text/html", ""))
              for cell in executed["cells"] if "validation.validate_questions" in "".join(cell["source"])
              for output in cell.get("outputs", [])]
    validated = next(table for table in tables if "precision" in table)
    for column in ("item", "n_units", "people_yes", "measure_yes", "recall", "macro_f1", "alpha"):
        assert column in validated
    for frame in ("responsibility", "human_interest", "conflict", "morality", "economic"):
        assert frame in validated
    assert any("fires mostly where" in table and "term" in table for table in tables)  # the misleading terms
