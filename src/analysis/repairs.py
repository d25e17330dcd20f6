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

# Contractions whose apostrophe was lost and left a space: the word and its ending are both
# distinctive, so "don t" cannot be anything else ("can t" and "won t" are "ca"/"wo" + "n t").
# The case of the word is kept as written.
_NOT_WORDS = (r"do|does|did|is|are|was|were|has|have|had|ca|could|wo|would|should|must|need|might|ai|dare|"
              r"sha|ought")
LOST_NOT = re.compile(rf"\b((?i:{_NOT_WORDS})n) (t)\b(?![’']\w)")
# Pronoun contractions: "it s", "I m", "you re", "they ve", "he ll", "I d", "let s".
LOST_PRONOUN = re.compile(
    r"\b((?i:it|that|there|here|what|who|where|he|she|let)) (s)\b(?![’'-]\w)"
    r"|\b(I) (m|ve|ll|d)\b(?![’'-]\w)"
    r"|\b((?i:you|we|they)) (re|ve|ll|d)\b(?![’'-]\w)"
    r"|\b((?i:he|she|it|that|there|who)) (ll|d)\b(?![’'-]\w)"
)
# A possessive with a lost apostrophe: a word, a space and a lone "s" ("Trump s ear").
LOST_POSSESSIVE = re.compile(r"\b([A-Za-z][A-Za-z]*[a-z]) (s)\b(?![’'-]\w)")

# Where a sentence ends and the next begins with no space: a word of two or more letters, then
# . ! or ? and any quote marks or brackets, then a capital and a lowercase letter.
_GLUED = re.compile(r"(?<=[^\W\d_]{2})([.!?]+)([\"”’')\]]*)(?=[\"“‘(]?[A-Z][a-z])")
# A straight quote after a full stop may close that sentence or open the next ("outputs.'And
# how..."): it closes when the sentence so far has a quote it opened and did not close, opens
# when the next sentence closes one, and otherwise closes (the more common case in news).
# Opening: after a space or bracket, before a non-space; closing: after a non-space, before a
# space, punctuation or the end (so the apostrophe in "don't" is neither).
_STRAIGHT_QUOTES = "\"'"
_OPENING = {mark: re.compile(rf"(?:^|(?<=[\s(\[—–-])){mark}(?=\S)") for mark in _STRAIGHT_QUOTES}
_CLOSING = {mark: re.compile(rf"(?<=\S){mark}(?=[\s,.;:!?)\]]|$)") for mark in _STRAIGHT_QUOTES}
_SENTENCE_START = re.compile(r"[.!?][\"'”’)\]]*\s+")
_NEXT_SENTENCE_END = re.compile(r"[.!?]")
QUOTE_LOOKAHEAD_CHARS = 400
# Abbreviations that a capitalised word may follow without a space ("Mr.Smith", "St.Louis").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt ft gen sen rep gov lt col sgt capt cmdr adm maj prof jr sr rev hon pres supt insp "
    "inc corp co ltd llc bros vs etc al approx dept univ assn est fig vol pp jan feb mar apr jun jul "
    "aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd".split()
)
# The token before the join is part of a web address, e-mail or file name.
_ADDRESS = re.compile(r"(?:https?://|www\.|@|\.(?:com|org|net|gov|edu|co|uk|io)\b|/)", re.IGNORECASE)


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


def shows_lost_apostrophes(text: str) -> bool:
    """Whether a text has a contraction whose apostrophe was lost ("don t"): the evidence that a
    lone "s" after a word is a lost possessive too."""
    return bool(LOST_NOT.search(text) or LOST_PRONOUN.search(text))


def lost_apostrophes(text: str, *, apostrophe: str | None = None, possessives: bool | None = None) -> list[Repair]:
    """Return the repairs that put back apostrophes lost before contractions (and before a
    possessive "s" when ``possessives``, by default when the text shows lost contractions), in
    order of position. ``apostrophe`` is the mark to put back (by default the one the text uses)."""
    mark = apostrophe or _apostrophe_in(text)
    repairs: list[Repair] = []
    for match in LOST_NOT.finditer(text):
        repairs.append(Repair(match.start(), match.end(), match.group(0), f"{match.group(1)}{mark}t"))
    for match in LOST_PRONOUN.finditer(text):
        groups = [group for group in match.groups() if group is not None]
        repairs.append(Repair(match.start(), match.end(), match.group(0), f"{groups[0]}{mark}{groups[1]}"))
    if possessives or (possessives is None and repairs):
        taken = {(repair.start, repair.end) for repair in repairs}
        for match in LOST_POSSESSIVE.finditer(text):
            if any(start <= match.start() < end for start, end in taken):
                continue
            repairs.append(Repair(match.start(), match.end(), match.group(0), f"{match.group(1)}{mark}s"))
    repairs.sort(key=lambda repair: repair.start)
    kept: list[Repair] = []
    for repair in repairs:
        if not kept or repair.start >= kept[-1].end:
            kept.append(repair)
    return kept


def glued_breaks(text: str) -> list[int]:
    """Return the offsets where a sentence runs into the next with no space ("this.Earlier" gives
    the offset of "E"), skipping abbreviations, initials, web addresses and file names."""
    breaks = []
    for match in _GLUED.finditer(text):
        token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        token = text[token_start:match.start()]
        word = re.sub(r"^\W+", "", token)
        last = re.findall(r"[^\W\d_]+", word)
        if not last or last[-1].lower() in ABBREVIATIONS:
            continue
        if _ADDRESS.search(token) or re.search(r"\b[A-Za-z]\.[A-Za-z]", token):
            continue  # a web address, or initials and dotted abbreviations ("J.R.R", "e.g")
        breaks.append(_after_closing_marks(text, match.start(2), match.group(2)))
    return breaks


def _after_closing_marks(text: str, start: int, marks: str) -> int:
    """The offset where the next sentence starts among the marks after a full stop (``marks``
    begins at ``start``): closing marks stay with the sentence, an opening one goes with the next."""
    for offset, mark in enumerate(marks):
        if mark not in _STRAIGHT_QUOTES:
            continue  # ” ’ ) ] always close
        if offset > 0 and marks[offset - 1] == mark:
            return start + offset  # a mark twice ('it?""Our'): one closes, the other opens
        if not _closes(text, start + offset, mark):
            return start + offset
    return start + len(marks)


def _closes(text: str, position: int, mark: str) -> bool:
    """Whether the straight quote at ``position``, right after a full stop, closes its sentence."""
    starts = [match.end() for match in _SENTENCE_START.finditer(text, 0, position)]
    sentence = text[starts[-1] if starts else 0:position]
    if len(_OPENING[mark].findall(sentence)) > len(_CLOSING[mark].findall(sentence)):
        return True
    end = _NEXT_SENTENCE_END.search(text, position + 1, position + 1 + QUOTE_LOOKAHEAD_CHARS)
    following = text[position + 1:end.end() + 1 if end else position + 1 + QUOTE_LOOKAHEAD_CHARS]
    return not _CLOSING[mark].search(following)
