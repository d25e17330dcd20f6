"""Repairs of what scraping breaks in running text, each found with its offsets so it can be listed.

- **Lost apostrophes**: scrapers that drop curly apostrophes leave "don t", "aren t", "it s". Left
  alone, VADER's negation rule misses "don t", and every count sees a word "t". Contractions are
  put back; a possessive "Trump s" only in a text that shows lost apostrophes elsewhere.
- **Sentences run together** without a space ("for this.Earlier this week"), where a scraper
  joined the paragraphs of a page. ``glued_breaks`` finds them, skipping abbreviations ("Mr.Smith"),
  initials ("J.R.R.Tolkien"), web addresses and file names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ABBREVIATIONS", "CONTRACTIONS", "QUOTE_LOOKAHEAD_CHARS", "Repair", "glued_breaks", "lost_apostrophe_kinds",
    "lost_apostrophes", "may_have_glued_breaks",
]

# Contractions whose apostrophe was lost and left a space: the word and its ending are both
# distinctive, so "don t" cannot be anything else ("can t" and "won t" are "can"/"won" + "t").
# Each ending lists the words it follows (lowercase; the word keeps its case as written).
CONTRACTIONS = {
    "t": frozenset("don doesn didn isn aren wasn weren hasn haven hadn can couldn won wouldn shouldn mustn "
                   "needn mightn ain daren shan oughtn".split()),
    "s": frozenset("it that there here what who where he she let".split()),
    "m": frozenset(["i"]),
    "re": frozenset("you we they".split()),
    "ve": frozenset("i you we they".split()),
    "ll": frozenset("i you we they he she it that there who".split()),
    "d": frozenset("i you we they he she it that there who".split()),
}
# A word, a space, then a contraction's ending standing alone ("don t", "Trump s"); one pass finds
# every candidate. A hyphen may follow "t" ("can t-but") but not the others ("I m-" is rarer than
# an initial). A lone "s" after any other word is a possessive.
# (The pattern starts at the space, which the regex engine finds fast; the word is read back from it.)
_LOST = re.compile(r" (t\b(?![’']\w)|(?:s|m|re|ve|ll|d)\b(?![’'-]\w))")
# Where a sentence ends and the next begins with no space: a word of two or more letters, then
# . ! or ? and any quote marks or brackets, then a capital and a lowercase letter.
# (The two letters are checked in code: a pattern that starts with the punctuation is found fast.)
_GLUED = re.compile(r"([.!?]+)([\"”’')\]]*)(?=[\"“‘(]?[A-Z][a-z])")
# A straight quote after a full stop may close that sentence or open the next ("outputs.'And
# how..."): see ``_closes``. Scraped text loses quote marks, so counting them from the start of
# the text goes wrong; only the next few sentences are read.
_STRAIGHT_QUOTES = "\"'"
# A quote mark of each kind, leaving out an apostrophe inside a word ("don't", "Ross's").
_ANY_MARK = {'"': re.compile('"'), "'": re.compile(r"(?<![A-Za-z])'|'(?![A-Za-z])|(?<=[.!?])'(?=[A-Z])")}
QUOTE_LOOKAHEAD_CHARS = 400
# Abbreviations that a capitalised word may follow without a space ("Mr.Smith", "St.Louis").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt ft gen sen rep gov lt col sgt capt cmdr adm maj prof jr sr rev hon pres supt insp "
    "inc corp co ltd llc bros vs etc al approx dept univ assn est fig vol pp jan feb mar apr jun jul "
    "aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd".split()
)
# The token before the join is part of a web address, e-mail or file name.
_ADDRESS = re.compile(r"(?:https?://|www\.|@|\.(?:com|org|net|gov|edu|co|uk|io)\b|/)", re.IGNORECASE)
# The pieces of the token before a join: what it starts with that is not a letter, its runs of
# letters, and initials or dotted abbreviations ("J.R.R", "e.g").
_LEADING_NON_WORD = re.compile(r"^\W+")
_LETTERS = re.compile(r"[^\W\d_]+")
_INITIALS = re.compile(r"\b[A-Za-z]\.[A-Za-z]")


@dataclass(frozen=True)
class Repair:
    """One repair: text[start:end] (the characters as written) becomes ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str


def _apostrophe_in(text: str) -> str:
    """The apostrophe a text uses most: curly or straight (straight when it has none)."""
    return "’" if text.count("’") > text.count("'") else "'"


def lost_apostrophes(text: str, *, apostrophe: str | None = None, possessives: bool | None = None) -> list[Repair]:
    """Return the repairs that put back apostrophes lost before contractions (and before a
    possessive "s" when ``possessives``, by default when the text shows lost contractions), in
    order of position. ``apostrophe`` is the mark to put back (by default the one the text uses)."""
    contractions, possessive = lost_apostrophe_kinds(text, apostrophe=apostrophe)
    if possessives or (possessives is None and contractions):
        return sorted(contractions + possessive, key=lambda repair: repair.start)
    return contractions


def lost_apostrophe_kinds(text: str, *, apostrophe: str | None = None) -> tuple[list[Repair], list[Repair]]:
    """Return the repairs of ``lost_apostrophes`` in two lists, each in order of position: those
    before contractions, and those before a possessive "s" (which a caller that reads a whole text
    line by line decides on once, from all its lines)."""
    mark = apostrophe or _apostrophe_in(text)
    contractions, possessive = [], []
    for match in _LOST.finditer(text):
        start = match.start()
        while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
            start -= 1
        if start == match.start() or (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
            continue  # no word before the space, or one that is not plain letters ("x2 s")
        word, ending = text[start:match.start()], match.group(1)
        repair = Repair(start, match.end(), text[start:match.end()], f"{word}{mark}{ending}")
        if word.lower() in CONTRACTIONS[ending] and (ending != "m" or word == "I"):
            contractions.append(repair)
        elif ending == "s" and len(word) > 1 and word[-1].islower():
            possessive.append(repair)
    return contractions, possessive


def may_have_glued_breaks(text: str) -> bool:
    """Whether end punctuation runs straight into a capitalised word anywhere in the text: only
    then can ``glued_breaks`` find a break in it, or in any part of it. Almost no paragraph has
    one, so its sentences need not be searched one by one."""
    return _GLUED.search(text) is not None


def glued_breaks(text: str) -> list[int]:
    """Return the offsets where a sentence runs into the next with no space ("this.Earlier" gives
    the offset of "E"), skipping abbreviations, initials, web addresses and file names."""
    breaks = []
    for match in _GLUED.finditer(text):
        if match.start() < 2 or not (text[match.start() - 1].isalpha() and text[match.start() - 2].isalpha()):
            continue
        space = text.rfind(" ", 0, match.start())
        # the last line break is looked for after that space only: a text of one line has none, and
        # searching it back to its start at every join would grow with the square of its length
        token_start = max(space, text.rfind("\n", space + 1, match.start())) + 1
        token = text[token_start:match.start()]
        word = _LEADING_NON_WORD.sub("", token)
        last = _LETTERS.findall(word)
        if not last or last[-1].lower() in ABBREVIATIONS:
            continue
        if _ADDRESS.search(token) or _INITIALS.search(token):
            continue  # a web address, or initials and dotted abbreviations ("J.R.R", "e.g")
        breaks.append(_after_closing_marks(text, match.start(2), match.group(2)))
    return breaks


def _after_closing_marks(text: str, start: int, marks: str) -> int:
    """The offset where the next sentence starts among the marks after a full stop (``marks``
    begins at ``start``): closing marks stay with the sentence, an opening one goes with the next."""
    for offset, mark in enumerate(marks):
        if mark not in _STRAIGHT_QUOTES:
            continue  # ” ’ ) ] always close
        if marks[offset + 1:offset + 2] == mark:
            return start + offset + 1  # a mark twice ('it?""Our'): the first closes, the second opens
        if not _closes(text, start + offset, mark):
            return start + offset
    return start + len(marks)


def _closes(text: str, position: int, mark: str) -> bool:
    """Whether the straight quote at ``position``, right after a full stop, closes its sentence.

    It opens the next when the next mark of its kind closes a quote, or is another such mark
    between two sentences (a quote over several paragraphs reopens at each, as AP writes it).
    """
    following = _ANY_MARK[mark].search(text, position + 1, position + 1 + QUOTE_LOOKAHEAD_CHARS)
    if following is None:
        return True
    after = text[following.end():following.end() + 1]
    before = text[following.start() - 1:following.start()]
    closing = before.strip() and (not after or not after.isalnum() or before in ".!?")
    return not closing
