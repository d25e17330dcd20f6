"""The report's folder: checked before any work, locked while a report is written into a staging folder
beside it, and replaced whole only when the new report is complete."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from analysis.errors import ReportError

try:  # the lock is an flock where there is one (Linux, macOS), a byte-range lock on Windows
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

__all__ = ["MARKER", "check_out_dir", "is_report", "report_lock", "remove_leftovers", "staging_folder",
           "put_in_place"]

# A report folder holds this file, so that a later report may replace the folder (and no other).
MARKER = ".news-framing-report"


def check_out_dir(out_dir: Path) -> None:
    """Raise ReportError with a one-line message when the report cannot be written to ``out_dir``."""
    where = f"--out {out_dir}"
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError(f"{where}: this is a file, not a folder; give the name of a folder for the report")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not is_report(out_dir):
        raise ReportError(f"{where}: the folder holds other files and no earlier report, and the report replaces "
                          "the folder's content; give a new or empty folder")
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReportError(f"{where}: the folder {parent} cannot be created ({error.strerror}); "
                          "choose a folder you can write to") from None
    for folder in (parent, out_dir):
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise ReportError(f"{where}: {folder} is read-only (permission denied); choose a folder you can write to")


def is_report(folder: Path) -> bool:
    """Whether ``folder`` holds a report (which a new report may replace)."""
    # index.html and notebooks/: a report written before the marker existed
    return (folder / MARKER).is_file() or ((folder / "index.html").is_file() and (folder / "notebooks").is_dir())


@contextmanager
def report_lock(out_dir: Path):
    """Hold the report folder's lock (a file beside it) while the report is written; raise
    ReportError at once when another report is being written there. The operating system frees
    the lock when the process ends, however it ends."""
    path = out_dir.parent / f".{out_dir.name}.lock"
    while True:
        handle = open(path, "a+")
        try:
            _try_lock(handle)
        except OSError:
            handle.close()
            raise ReportError(f"--out {out_dir}: another report is being written to this folder right now; "
                              "wait for it to finish, or choose another folder") from None
        if path.exists() and os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino:
            break  # the lock file is still the one in place (not removed by a run that just ended)
        handle.close()
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # removed while still held, so no one locks a stale file
        handle.close()


def _try_lock(handle) -> None:
    if fcntl is None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_leftovers(out_dir: Path) -> None:
    """Remove what a run killed outright left beside the folder (the lock is held: no run is writing)."""
    for leftover in out_dir.parent.glob(f".{out_dir.name}.partial-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out_dir.parent.glob(f".{out_dir.name}.old-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def staging_folder(out_dir: Path) -> Path:
    """Create and return the folder beside ``out_dir`` that this process writes a report into."""
    staging = out_dir.parent / f".{out_dir.name}.partial-{os.getpid()}"
    staging.mkdir()
    return staging


def put_in_place(staging: Path, out_dir: Path) -> None:
    """Move a complete report into place: the previous one is renamed aside first, then removed."""
    if out_dir.exists():
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
        os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, out_dir)
