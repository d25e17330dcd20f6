"""The bundled corpus is found from an editable install and from a built wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import analysis
from analysis.resources import paths

ROOT = Path(__file__).resolve().parent.parent


def test_editable_install_reads_the_repository_data_folder():
    assert paths.data_dir() == ROOT / "data"
    assert (paths.bundled_corpus_dir() / "articles.csv").is_file()


@pytest.mark.slow
def test_wheel_carries_the_corpus_and_loads_it(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
    assert "analysis/_data/corpus/articles.csv" in names
    assert "analysis/_data/corpus/voa-ap-2018-02-13.txt" in names

    # Run from an empty folder with only the unpacked wheel on the path, as after `pip install .`.
    script = (
        "import analysis, pandas as pd; corpus = analysis.load_corpus(strict=True); "
        "print(analysis.__file__); print(len(corpus.articles), len(corpus.sentences))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(tmp_path / "site"), "PATH": ""}, check=True)
    module_file, counts = result.stdout.strip().splitlines()
    assert module_file.startswith(str(tmp_path / "site"))
    expected = analysis.load_corpus()
    assert counts == f"{len(expected.articles)} {len(expected.sentences)}"
