"""What every finding is made of: the ``Findings`` list and the ``Skipped`` line a notebook shows, and
the words and numbers they are written with (counts, lists of names, signed scores, shares)."""

from __future__ import annotations

import html

import pandas as pd

from analysis.compare import FEW_ARTICLES

__all__ = ["MAX_NAMED", "Findings", "Skipped", "counted", "name_list", "signed", "share", "small_sample",
           "article_labels", "is_other"]

# A finding names at most this many outlets; the rest are counted, so a list stays short with a
# hundred outlets.
MAX_NAMED = 4


class Findings(list):
    """A short list of findings, each a sentence (str), shown in a notebook as a bulleted list."""

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self)
        return f'<div class="tex2jax_ignore"><ul>{items}</ul></div>'

    def __repr__(self) -> str:
        return "\n".join(f"- {line}" for line in self)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


class Skipped:
    """The one line a section shows instead of its tables and charts: "Skipped: " and the reason."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def _repr_html_(self) -> str:
        return f'<p class="skipped tex2jax_ignore">Skipped: {html.escape(self.reason)}</p>'

    def __repr__(self) -> str:
        return f"Skipped: {self.reason}"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


def counted(n: int, noun: str) -> str:
    """Return "1 article", "2 articles", "1,200 articles"."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def name_list(names: list[str], limit: int = MAX_NAMED) -> str:
    """Return "A, B and C", or "A, B, C, D and 5 more" past ``limit``."""
    names = [str(name) for name in names]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def signed(value: float) -> str:
    """Return a score with its sign and two decimals: "+0.25", "-0.10"."""
    return f"{value:+.2f}"


def share(value: float) -> str:
    """Return a share as a whole percentage ("12%"), "under 1%" for a small share that is not zero."""
    return "under 1%" if 0 < value < 0.005 else f"{value:.0%}"


def small_sample(n_articles: int, n_outlets: int) -> list[str]:
    """Return the warning that ends the findings of a small corpus (none past ``FEW_ARTICLES`` articles)."""
    if n_articles > FEW_ARTICLES:
        return []
    return [(f"Small sample: {counted(n_articles, 'article')} from {counted(n_outlets, 'outlet')}. These findings "
             "describe these texts, not the outlets' coverage in general: one article more or less can change "
             "any of them.")]


def article_labels(table: pd.DataFrame) -> pd.Series:
    """Each article's outlet, with its article_id where an outlet has several articles."""
    repeated = table["outlet"].duplicated(keep=False)
    return pd.Series([f"{outlet} ({article_id})" if twice else str(outlet)
                      for outlet, article_id, twice in zip(table["outlet"], table["article_id"], repeated)],
                     index=table.index)


def is_other(group) -> bool:
    """Whether a group is the "other (K outlets)" of the outlets past the largest."""
    return str(group).startswith("other (")
