"""Pages and charts that work offline and show text as written: a dollar sign is a dollar sign.

An outlet named "The $\\undefinedcmd$ Post" and a headline "Buy $5 or $10 Daily" must come out as
written in a notebook's HTML page, in a chart and in a table page; nothing may be fetched from
outside the page (no MathJax, require.js, mermaid or widgets from a CDN)."""

import io
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import matplotlib
import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from analysis import plots
from analysis.report.html import notebook_to_html
from analysis.report.tables import table_page

OUTLET = r"The $\undefinedcmd$ Post"
TITLE = "Buy $5 or $10 Daily"
# 300 characters: thirty marked pieces of ten, so that a cut anywhere shows.
QUOTE = "".join(f"(quote {number:02d})" for number in range(1, 31))
assert len(QUOTE) == 300

# Attributes that point at something: loaded (src ...) or followed (href).
URL_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "action", "formaction", "data", "poster", "background"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\b[^;]*", re.IGNORECASE)
SCRIPT_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""", re.IGNORECASE)


class _References(HTMLParser):
    """Everything a page points at other than itself: (what, address) pairs. A data: URL or a
    #fragment stays inside the page and is not counted; a CSS comment is not a reference."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._inside: str | None = None
        self._script_type = ""

    def _add(self, what: str, address: str) -> None:
        address = address.strip()
        if address and not address.startswith(("data:", "#")):
            self.found.append((what, address))

    def _css(self, text: str, where: str) -> None:
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
        for address in CSS_URL.findall(text):
            self._add(f"{where} url()", address)
        for rule in CSS_IMPORT.findall(text):
            self.found.append((f"{where} @import", rule))

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self._add(f"<{tag} {name}>", value)
            elif name == "style" and value:
                self._css(value, f"<{tag} style>")
        self._inside = tag if tag in ("style", "script") else None
        self._script_type = dict(attrs).get("type") or "" if tag == "script" else ""

    def handle_endtag(self, tag):
        self._inside = None

    def handle_data(self, data):
        if self._inside == "style":
            self._css(data, "<style>")
        elif self._inside == "script" and "json" not in self._script_type:
            for address in SCRIPT_URL.findall(data):
                self._add("<script> string", address)


def references(page: str) -> list[tuple[str, str]]:
    parser = _References()
    parser.feed(page)
    return parser.found


def test_the_reference_finder_finds_what_a_cdn_page_loads():
    page = ('<html><head><script src="https://cdnjs.example/mathjax.js"></script>'
            '<link rel="stylesheet" href="//fonts.example/font.css"><style>/* see https://x.example */'
            '@import "theme.css"; .a { background: url(https://img.example/a.png) } .b { background: url(data:,) }'
            '</style><script>import("https://cdn.example/mermaid.mjs")</script></head>'
            '<body><img src="data:image/png;base64,AA=="><a href="#top">top</a></body></html>')
    assert references(page) == [("<script src>", "https://cdnjs.example/mathjax.js"),
                                ("<link href>", "//fonts.example/font.css"),
                                ("<style> url()", "https://img.example/a.png"),
                                ("<style> @import", '@import "theme.css"'),
                                ("<script> string", "https://cdn.example/mermaid.mjs")]


def _dollars_notebook() -> nbformat.NotebookNode:
    table = (f"table = pd.DataFrame({{'article_id': ['a1', 'a2'], 'outlet': [{OUTLET!r}, 'Herald'],\n"
             f"                      'title': [{TITLE!r}, 'Rates rise'], 'quote': [{QUOTE!r}, 'short'],\n"
             f"                      'n_words': [120, 40], 'n_sentences': [6, 2]}})")
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    # A notebook that saved widget state: the lab template would load the widgets renderer from unpkg.
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json":
                                    {"state": {}, "version_major": 2, "version_minor": 0}}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"# Dollars\n\nFish & chips cost $5 or $10; {OUTLET} is not maths."),
        nbformat.v4.new_code_cell(f"import pandas as pd\nfrom IPython.display import Markdown\n"
                                  f"from analysis import plots, preview\n{table}"),
        nbformat.v4.new_code_cell("table"),
        nbformat.v4.new_code_cell("preview(pd.concat([table] * 15, ignore_index=True))"),
        nbformat.v4.new_code_cell("Markdown(f'Outlets: {table.outlet[0]} and {table.title[0]}')"),
        nbformat.v4.new_code_cell("plots.article_lengths(table);"),
    ]
    return notebook


@pytest.fixture(scope="module")
def dollars_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dollars")
    notebook = _dollars_notebook()
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(folder)}}).execute()
    nbformat.write(notebook, folder / "dollars.ipynb")
    notebook_to_html(folder / "dollars.ipynb", folder / "dollars.html")
    return (folder / "dollars.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_notebook_page_refers_to_nothing_outside_itself(dollars_page):
    assert references(dollars_page) == []
    assert "cdnjs" not in dollars_page and "unpkg" not in dollars_page and "MathJax" not in dollars_page
    assert 'src="data:image/png;base64,' in dollars_page  # the chart, drawn and inside the page
    assert "jp-Notebook" in dollars_page and "--jp-ui-font-family" in dollars_page  # the lab look, inlined


@pytest.mark.slow
def test_a_notebook_page_shows_dollars_as_written(dollars_page):
    # A markdown cell: "&" escaped, every "$" kept, nothing typeset.
    assert r"<p>Fish &amp; chips cost $5 or $10; The $\undefinedcmd$ Post is not maths.</p>" in dollars_page
    # A markdown output.
    assert r"<p>Outlets: The $\undefinedcmd$ Post and Buy $5 or $10 Daily</p>" in dollars_page
    # The DataFrame, and the Styler that preview() returns for a long table: whole cells, as written,
    # in tables marked for MathJax to skip (as JupyterLab would typeset them otherwise).
    assert r"<td>The $\undefinedcmd$ Post</td>" in dollars_page
    assert "<td>Buy $5 or $10 Daily</td>" in dollars_page
    assert r'_row0_col1">The $\undefinedcmd$ Post</td>' in dollars_page
    assert '_row0_col2">Buy $5 or $10 Daily</td>' in dollars_page
    assert '<table border="1" class="dataframe tex2jax_ignore mathjax_ignore">' in dollars_page
    assert re.search(r'<table class="tex2jax_ignore mathjax_ignore" id="T_\w+">', dollars_page)


@pytest.mark.slow
def test_a_notebook_page_shows_a_long_quote_whole_and_wrapped(dollars_page):
    assert f"<td>{QUOTE}</td>" in dollars_page  # the DataFrame: not cut at 50 characters
    assert f'_row0_col3">{QUOTE}</td>' in dollars_page  # preview()'s Styler
    # Long cells wrap within a readable width, on the page and in preview()'s own styles.
    assert "max-width: 40em" in dollars_page
    assert re.search(r"#T_\w+ td \{\n  max-width: 40em;", dollars_page)  # preview()'s Styler
    assert re.search(r"#T_\w+ td.col3 \{\n  text-align: left;\n\}", dollars_page)  # text reads from the left


def _svg_texts(figure) -> list[str]:
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as <text> elements, not glyph paths
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg")
    plt.close(figure)
    root = ElementTree.fromstring(buffer.getvalue())
    return ["".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")]


def test_a_chart_draws_dollar_names_as_written():
    summary = pd.DataFrame({"article_id": ["a", "b"], "outlet": [OUTLET, TITLE],
                            "n_words": [120, 40], "n_sentences": [6, 2]})
    texts = _svg_texts(plots.article_lengths(summary).figure)
    # Category tick labels, made when the figure is drawn, and a bar label.
    assert TITLE in texts and OUTLET in texts
    assert "120 words, 6 sentences" in texts


def test_a_chart_with_interval_labels_draws_dollar_names_as_written():
    means = pd.DataFrame({"outlet": [OUTLET, TITLE], "mean": [0.2, -0.1], "low": [0.1, -0.3],
                          "high": [0.3, 0.1], "n": [3, 2]})
    texts = _svg_texts(plots.group_means(means, title=f"Tone of {TITLE}").figure)
    assert r"The $\undefinedcmd$ Post (n=3)" in texts
    assert "Buy $5 or $10 Daily (n=2)" in texts
    assert "Tone of Buy $5 or $10 Daily" in texts


def test_a_table_page_loads_nothing_from_outside_and_shows_dollars_as_written(tmp_path):
    table = pd.DataFrame({"outlet": [OUTLET, "Herald"], "title": [TITLE, "Rates rise"], "quote": [QUOTE, "short"],
                          "n_words": [120, 40]})
    table_page(table, "quotes", tmp_path / "quotes.html")
    page = (tmp_path / "quotes.html").read_text(encoding="utf-8")
    found = references(page)
    assert [reference for reference in found if not reference[0].startswith("<a ")] == []
    # Only the table's own files: itables' links to its site (logo, help) are taken out.
    assert {address for _, address in found} == {"quotes.csv", "quotes.parquet"}
    # The rows before the script runs (HTML), and the data the script shows (JSON in the page).
    assert f">{OUTLET}</td>" in page and f">{TITLE}</td>" in page and f">{QUOTE}</td>" in page
    data = re.search(r'"data_json": ("(?:[^"\\]|\\.)*")', page)
    assert data is not None
    rows = json.loads(json.loads(data.group(1)))
    assert rows[0][:3] == [OUTLET, TITLE, QUOTE]
