"""An executed notebook as one HTML page that needs no network: nothing is fetched from outside it,
and text is shown as it was written."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

__all__ = ["TEMPLATES", "TEMPLATE_NAME", "notebook_to_html"]

# The page template: nbconvert's "lab" template (its look and its CSS, inlined) without the scripts
# it loads from CDNs (require.js, MathJax, mermaid, the widgets renderer). A folder of templates
# shipped in the package, as nbconvert's documentation describes for custom templates.
TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "offline"


def notebook_to_html(notebook_path: Path, html_path: Path) -> None:
    """Write the executed notebook at ``notebook_path`` as one self-contained HTML page at ``html_path``.

    Images are already inside the notebook (base64), the CSS is inlined, and no script or style is
    loaded from a URL, so the page reads the same offline. No MathJax is loaded: ``$5 or $10``
    in a markdown cell or a table stays as written.
    """
    exporter = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_notebook_node(nbformat.read(notebook_path, as_version=4))
    Path(html_path).write_text(body, encoding="utf-8")
