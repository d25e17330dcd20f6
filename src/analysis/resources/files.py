"""The files a user edits to steer the analysis, found and checked in one place.

Two kinds:

- **General** resources apply to any corpus and default to the package's ``data/`` folder: the
  framing ``codebook`` (``data/frames/news_frames.yml``) and the sentiment ``watchlist``
  (``data/sentiment_watchlist.yml``).
- **The corpus's own** resources describe one story, so they live beside its articles (in the
  corpus folder, or the folder of a corpus table file) and there is no default for another corpus:
  ``targets.yml`` (the people and organisations to follow), ``story_elements.yml`` (the facts and
  episodes of the story) and a ``coding-sheets/`` folder of filled ``coder-NAME.csv`` sheets. The
  bundled corpus has all three. A notebook section that needs one the corpus lacks says so and skips.

Each can be given explicitly instead (``find_resources(corpus, targets="my-targets.yml")``, the
notebooks' parameters, ``python -m analysis report --targets FILE``). ``check_resources`` reads
every file once, so that a mistake is reported with its file and line before any work starts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from pathlib import Path

from analysis.errors import CodingSheetError, DictionaryError, ResourceError
from analysis.framing import codebook_path, load_codebook
from analysis.reliability import read_coding_sheets
from analysis.resources import paths
from analysis.resources.dictionaries import default_watchlist, load_targets, load_watchlist
from analysis.resources.paths import CODING_SHEETS_NAME, CORPUS_RESOURCE_NAMES, STORY_ELEMENTS_NAME, TARGETS_NAME

__all__ = ["CODING_SHEETS_NAME", "CORPUS_RESOURCE_NAMES", "MISSING", "STORY_ELEMENTS_NAME", "TARGETS_NAME", "Resources",
           "ResourceError", "check_resources", "corpus_folder", "find_resources", "fingerprint"]


@dataclass(frozen=True)
class Resources:
    """The resource files one analysis uses; None where the corpus has none of its own.

    - ``codebook``: the framing codebook (a .yml file).
    - ``watchlist``: the words lexicons misread in news.
    - ``targets``: the targets of "tone near a name", or None.
    - ``story_elements``: the story's elements, or None.
    - ``coding_sheets``: a folder of filled ``coder-NAME.csv`` sheets, or None.
    """

    codebook: Path
    watchlist: Path
    targets: Path | None = None
    story_elements: Path | None = None
    coding_sheets: Path | None = None

    def describe(self) -> dict[str, str]:
        """Return {resource: its file, or why there is none}, for a report or a notebook."""
        return {item.name: str(getattr(self, item.name)) if getattr(self, item.name) is not None
                else MISSING[item.name] for item in fields(self)}


# Why a corpus's own resource is missing, and what to do: one line each, shown where a section skips.
MISSING = {
    "targets": (f"this corpus has no list of targets: name the people and organisations to follow in a "
                f"{TARGETS_NAME} beside the articles (like data/corpus/{TARGETS_NAME}), or give a file: "
                f"--targets in the report, targets in a notebook"),
    "story_elements": (f"this corpus has no list of story elements: list its story's facts and episodes in a "
                       f"{STORY_ELEMENTS_NAME} beside the articles (like data/corpus/{STORY_ELEMENTS_NAME}), "
                       "or give a file: --story-elements in the report, story_elements in a notebook"),
    "coding_sheets": (f"this corpus has no coding sheets of its own yet: hand out the blank sheet, collect the "
                      f"filled coder-NAME.csv files in a {CODING_SHEETS_NAME}/ folder beside the articles, or give "
                      "the folder: --coding-sheets in the report, coding_sheets in a notebook"),
}


def corpus_folder(corpus_path: str | Path | None) -> Path | None:
    """Return the folder whose resources belong to the corpus: the corpus folder itself, or the
    folder of a corpus table file; None for a corpus given as a DataFrame."""
    if corpus_path is None:
        return paths.bundled_corpus_dir()
    if not isinstance(corpus_path, (str, Path)):
        return None
    path = Path(corpus_path).expanduser()
    return path if path.is_dir() else path.parent


def _given(value: str | Path | None) -> Path | None:
    return None if value is None or str(value) == "" else Path(value).expanduser()


def find_resources(corpus_path: str | Path | None = None, *, codebook: str | Path | None = None,
                   watchlist: str | Path | None = None, targets: str | Path | None = None,
                   story_elements: str | Path | None = None, coding_sheets: str | Path | None = None) -> Resources:
    """Return the resources for the corpus at ``corpus_path`` (None: the bundled corpus; a DataFrame
    has no folder, so no resources of its own).

    A resource given here is used as it is (``codebook`` may also name a bundled codebook, such as
    "generic_frames"); otherwise the general ones come from ``data/`` and the corpus's own from
    beside its articles, or are None when it has none; one of those that is a link to outside the
    corpus folder raises ``ResourceError``. Nothing is read yet: see ``check_resources``.
    """
    folder = corpus_folder(corpus_path)

    def own(given: str | Path | None, name: str) -> Path | None:
        if _given(given) is not None:
            return _given(given)
        candidate = folder / name if folder is not None else None
        if candidate is None or not candidate.exists():
            return None
        if not candidate.resolve().is_relative_to(folder.resolve()):
            # the corpus folder is a boundary, as for its articles (analysis.corpus.folders)
            option = "--" + name.split(".")[0].replace("_", "-")
            raise ResourceError(f"{candidate}: a link to {candidate.resolve()}, outside the corpus folder; refused, "
                                f"not read: copy the file into the corpus folder, or give it with {option}")
        return candidate

    return Resources(
        codebook=codebook_path(codebook if _given(codebook) is not None else None),
        watchlist=_given(watchlist) or default_watchlist(),
        targets=own(targets, TARGETS_NAME),
        story_elements=own(story_elements, STORY_ELEMENTS_NAME),
        coding_sheets=own(coding_sheets, CODING_SHEETS_NAME),
    )


def check_resources(resources: Resources) -> None:
    """Read every resource once and raise ``ResourceError`` naming the file (and line, for YAML)
    of the first mistake, and what to do about it."""
    checks = [
        ("codebook", lambda path: load_codebook(path)),
        ("watchlist", load_watchlist),
        ("targets", load_targets),
        ("story_elements", lambda path: load_codebook(path, section="elements")),
        ("coding_sheets", read_coding_sheets),
    ]
    for name, check in checks:
        path = getattr(resources, name)
        if path is None:
            continue
        kind = name.replace("_", " ")
        if not path.exists():
            raise ResourceError(f"{path}: no such file or folder (the {kind}); check the path")
        if name == "coding_sheets" and not path.is_dir():
            raise ResourceError(f"{path}: the coding sheets must be a folder of coder-NAME.csv files")
        if name != "coding_sheets" and not path.is_file():
            raise ResourceError(f"{path}: the {kind} must be a .yml file, not a folder")
        try:
            check(path)
        except (DictionaryError, CodingSheetError) as error:
            raise ResourceError(f"the {kind}: {error}") from None


def fingerprint(resources: Resources) -> str:
    """Return a hash of the content of every resource file (a folder: its files), so that cached
    results change when one is edited."""
    digest = hashlib.sha256()
    for item in fields(resources):
        path = getattr(resources, item.name)
        digest.update(f"{item.name}={path}|".encode())
        if path is None or not path.exists():
            continue
        files = sorted(file for file in path.rglob("*") if file.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()
