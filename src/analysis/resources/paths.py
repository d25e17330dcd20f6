"""Where the package's bundled data lives: the one place that knows the file layout.

In a clone or an editable install the data is the repository's ``data/`` folder, which a teacher
can open and edit. A wheel (``pip install .``) carries a copy inside the package as ``_data``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["CODING_SHEETS_NAME", "CORPUS_RESOURCE_NAMES", "STORY_ELEMENTS_NAME", "TARGETS_NAME", "bundled_corpus_dir",
           "data_dir", "dictionaries_fingerprint"]

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/analysis
# The names of a corpus's own resources, beside its articles: the loader does not read them as
# articles, and analysis.resources.files finds them there.
TARGETS_NAME = "targets.yml"
STORY_ELEMENTS_NAME = "story_elements.yml"
CODING_SHEETS_NAME = "coding-sheets"
CORPUS_RESOURCE_NAMES = (TARGETS_NAME, STORY_ELEMENTS_NAME, CODING_SHEETS_NAME)


def data_dir() -> Path:
    """Return the folder that holds the bundled corpus, dictionaries and examples."""
    repository_data = _PACKAGE_DIR.parent.parent / "data"
    if (repository_data / "corpus").is_dir():
        return repository_data
    packaged_data = _PACKAGE_DIR / "_data"
    if (packaged_data / "corpus").is_dir():
        return packaged_data
    raise FileNotFoundError(
        f"The bundled data was not found in {repository_data} or {packaged_data}. "
        "Reinstall the package (pip install .) or run from a clone of the repository."
    )


def bundled_corpus_dir() -> Path:
    """Return the folder of the bundled Ji Seong-ho corpus (texts plus articles.csv)."""
    return data_dir() / "corpus"


def dictionaries_fingerprint() -> str:
    """Return a hash of every editable dictionary under the data folder (the ``.yml`` files), so
    that cached results are recomputed when a teacher edits one."""
    digest = hashlib.sha256()
    root = data_dir()
    for path in sorted(root.rglob("*.yml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
