"""What the tables say, in words: the findings that end each notebook, and the one line a section
shows when the corpus lacks what it needs.

Every sentence here is made from the tables of the corpus in hand, so it holds for four articles
or for twenty thousand: it names at most a few outlets (``MAX_NAMED``), says how many articles or
sentences it rests on, and the list ends with a warning when the corpus is small
(``compare.FEW_ARTICLES`` articles or fewer). One function per notebook returns a ``Findings``:
a list of strings that a notebook shows as a bulleted list. Each lives in its own module
(``on_corpus``, ``on_sentiment``, ``on_framing``, ``on_coverage``, ``on_quotes``, ``on_coding``);
``wording`` holds what they share.

``ready(source, need)`` is how a section checks that the corpus has what it needs (``needs``): it
returns True, or shows one line, "Skipped: " and what is missing and what to do, and returns False::

    if findings.ready(results, "quotes"):
        display(preview(results.quotes))
"""

from analysis.findings.wording import MAX_NAMED, Findings, Skipped
from analysis.findings.needs import NEEDS, missing, ready
from analysis.findings.on_corpus import SAME_STORY, corpus_overview
from analysis.findings.on_sentiment import LEXICONS, NEAR_ZERO, VADER_SCALE, sentiment
from analysis.findings.on_framing import FEW_SENTENCES, framing
from analysis.findings.on_coverage import NOTABLE_Z, coverage
from analysis.findings.on_quotes import UNATTRIBUTED, who_speaks
from analysis.findings.on_coding import ALPHA_GOOD, ALPHA_TENTATIVE, coding

__all__ = ["MAX_NAMED", "NEAR_ZERO", "FEW_SENTENCES", "SAME_STORY", "NOTABLE_Z", "ALPHA_GOOD", "ALPHA_TENTATIVE",
           "LEXICONS", "VADER_SCALE", "UNATTRIBUTED", "NEEDS", "Findings", "Skipped", "missing", "ready",
           "corpus_overview", "sentiment", "framing", "coverage", "who_speaks", "coding"]
