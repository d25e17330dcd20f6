"""The README is a landing page, the manual's links lead somewhere, and the measured figures in the
docs are the ones the code measures now (generated, not copied by hand)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "benchmarks" / "README.md"]
# [text](target) with a relative target; web links and anchors within the page are not files.
LINK = re.compile(r"\[[^\]]*\]\((?!https?://|mailto:|#)([^)\s]+)\)")


def test_the_readme_is_a_landing_page_of_at_most_8_kb():
    size = len((ROOT / "README.md").read_bytes())
    assert size <= 8_000, f"README.md is {size:,} bytes: move the detail to a page in docs/ and link it"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file(page):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        path = (page.parent / target.split("#")[0]).resolve()
        if not path.exists():
            broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)} links to files that do not exist: {broken}"


@pytest.mark.slow
def test_the_figures_page_is_what_the_code_measures_now():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "write_docs_figures.py"), "--check"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (
        "docs/figures.md is out of date: run `python benchmarks/write_docs_figures.py` and commit it\n"
        + result.stdout + result.stderr)
