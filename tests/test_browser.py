"""A user's path in a real JupyterLab, in a real (headless) Chromium: open a notebook, run all
cells, see a chart and no error. Skips only where Chromium or Playwright is not installed."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed: .ci/run installs Debian's 'chromium' package; "
                             "run 'apt-get install chromium' to run this test")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.allow_root=True",
         "--ServerApp.disable_check_xsrf=True", f"--ServerApp.root_dir={tmp_path / 'notebooks'}",
         "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail("JupyterLab exited while starting")
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not answer within 90 seconds")
    yield url
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.mark.slow
def test_run_all_cells_in_jupyterlab_shows_a_chart_and_no_error(jupyterlab, tmp_path):
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{jupyterlab}/lab/tree/01-corpus-overview.ipynb")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60_000)
        # The kernel must be up before "Run All" does anything: wait for the status bar to say Idle.
        page.wait_for_selector(".jp-StatusBar-Widget:has-text('Idle')", timeout=120_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        code_cells = page.locator(".jp-Notebook .jp-CodeCell")
        count = code_cells.count()
        assert count >= 5
        page.wait_for_function(
            "(n) => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]"
            ".filter(p => /[0-9]/.test(p.textContent)).length === n", arg=count, timeout=180_000)
        page.wait_for_selector(".jp-OutputArea-output img", timeout=30_000)
        page.screenshot(path=str(tmp_path / "jupyterlab.png"), full_page=False)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error'], "
                              ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count()
        tracebacks = page.locator(".jp-OutputArea-output:has-text('Traceback')").count()
        images = page.locator(".jp-OutputArea-output img").count()
        browser.close()
    assert errors == 0 and tracebacks == 0
    assert images >= 1
