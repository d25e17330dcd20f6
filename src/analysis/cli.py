"""The command line: ``python -m analysis report [--corpus PATH] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.corpus import CorpusError
from analysis.dictionaries import DictionaryError
from analysis.report import NotebookFailed, write_report


def main(argv: list[str] | None = None) -> int:
    """Run the command named in ``argv`` and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="run every notebook on a corpus and write the report")
    report.add_argument("--corpus", default=None, help="folder or table file (default: the bundled corpus)")
    report.add_argument("--out", default="reports", help="folder for the report (default: reports)")
    report.add_argument("--strict", action="store_true", help="fail if any file or row has a problem")
    arguments = parser.parse_args(argv)

    if arguments.command == "report":
        out = Path(arguments.out)
        try:
            written = write_report(arguments.corpus, out, strict=arguments.strict)
        except (CorpusError, DictionaryError, NotebookFailed, FileNotFoundError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"wrote {len(written)} files; open {out / 'index.html'}")
    return 0
