"""Photo credits: the forms wires and websites use, and where one sits in a line.

A credit ("(AP Photo/Evan Vucci, file)", "Photo: Alvaro Serey", "Featured image via Getty Images",
"- Reuters") marks a photo caption, but scraped text often glues it to prose: at the end of a
one-line article, or in the middle of a paragraph. ``find_credits`` says where each credit
begins and ends, and whether its end can be told at all, so that cleaning takes out a whole line
only when the line is a caption, and otherwise just the credit, or nothing (with a doubt).

The patterns name the credit forms only: the agencies that sell news photos and the words that
introduce a credit. They name no outlet, site or text of any corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AGENCIES", "BARE_CREDIT_TAIL", "CREDIT_MARKER", "CREDIT_MAX_CHARS", "CREDIT_MAX_LOWERCASE_WORDS",
    "PAREN_CREDIT", "SOURCES", "Credit", "find_credits",
]

# Agencies and photo libraries whose name ends a credit ("Name/Getty Images", "- Reuters").
AGENCIES = (r"(?:Getty Images|Getty|Associated Press|AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|PA(?: Wire)?|"
            r"Bloomberg|Yonhap|Xinhua|KCNA|Shutterstock|Alamy|NurPhoto|SIPA|Sipa|Anadolu|Pool)")
# Words that introduce a credit, capitalised as credits are ("Photo:", "Featured image via").
# A lowercase "photo by" inside a sentence is prose, so these are matched with their capital.
_MARKER_FORMS = (r"Featured [Ii]mage|Main [Ii]mage|Header [Ii]mage|Top [Ii]mage|Lead [Ii]mage|Cover [Ii]mage|"
                 r"Photo [Cc]redit|Image [Cc]redit|Picture [Cc]redit|Photographs?|Photos?|Images?|Pictures?|Pic|"
                 r"Credits?|PHOTO|IMAGE")
_MARKER_WORDS = f"(?:{_MARKER_FORMS})"
# The marker must start a line, a sentence, or follow a dash; scraped text may glue it to the
# previous sentence or to the date of an embedded post ("signing off.Featured Image: ...",
# "June 9, 2017Featured image via ..."). "Featured image" says what it is without a colon.
CREDIT_MARKER = re.compile(rf"(?:(?<=^)|(?<=[\s\d.!?;:\"”’)\]-–—]))"
                           rf"(?:({_MARKER_WORDS})\s*(?::|\bby\b|\bvia\b)|(Featured [Ii]mage)\b)\s*(?=\S)")
# Where a credit marker may start: one of its words. ``CREDIT_MARKER`` starts with a lookbehind,
# which the regex engine tries at every character of a line; the words alone (not in a group, so
# that the engine sees the capitals they start with) it finds fast, and the marker is tried only
# where they are.
_MARKER_START = re.compile(_MARKER_FORMS)
# A parenthesised credit: "(AP Photo/Evan Vucci, file)", "(AP/Name)", "(Photo: Name)",
# "(credit: NASA/Name)", "(Photo by Name/Getty Images)", "(Getty Images)". "(Reuters)" and "(AP)"
# alone are datelines or sources, not credits.
PAREN_CREDIT = re.compile(
    r"\((?=[^()]{2,160}\))"
    rf"(?:[^()]*\b{AGENCIES}(?:\s+Photos?)?\s*/[^()]*"
    rf"|[^()]*/\s*{AGENCIES}\b[^()]*"
    r"|\s*(?i:photos?|photographs?|images?|pictures?|credits?)\b\s*(?::|by\b)[^()]*"
    r"|[^()]*\bGetty Images\b[^()]*"
    r")\)"
)
# A credit with no marker at the end of a caption: "... - Reuters", "... REUTERS/Kevin Lamarque/File
# Photo", "... Chip Somodevilla/Getty Images".
BARE_CREDIT_TAIL = re.compile(
    rf"(?:\s[-–—]\s*{AGENCIES}"
    r"|\bREUTERS/[^\s/][^/]{0,60}(?:/File Photo)?"
    rf"|(?<![\w/])(?:[A-Z][\w.'’-]*\s+){{0,4}}[A-Z][\w.'’-]*\s*/\s*{AGENCIES}(?:\s+via\s+Getty(?: Images)?)?"
    r")\s*\.?\s*$"
)
# Where a picture came from when no agency took it: a platform or a screen capture.
SOURCES = (r"(?:Twitter|Facebook|YouTube|Instagram|Flickr|Wikimedia(?: Commons)?|"
           r"[Ss]creen ?(?:shot|grab|capture)|[Vv]ideo (?:screen ?(?:shot|grab|capture)|still))")
# The end of a credit that runs on into the next sentence: its agency or source, then a word
# boundary or, where the scraper glued the next sentence on, a capitalised word
# ("Photo: Name / ReutersNorth Korean ...").
_AGENCY_END = re.compile(rf"(?:/|\bvia\s+|\s)\s*(?:{AGENCIES}|{SOURCES})(?:\b|(?=[A-Z][a-z]))\.?")
# What follows a credit that ends in mid-line: a new sentence, spaced or glued on, or another
# credit after a separator ("... /Getty Images | Featured image of ...").
_NEXT_SENTENCE = re.compile(r"(\s*[|•·]\s*)?\s*[\"“‘(]?[A-Z]")
# A credit is a name or two and an agency ("Featured image via Chip Somodevilla/Getty Images",
# "Image: screen capture via a gif"); anything longer, or with more lowercase words, is prose.
# What every match of BARE_CREDIT_TAIL holds: the dash of its first branch, the slash of the others.
_TAIL_MARK = re.compile(r"\s[-–—]|/")
CREDIT_MAX_CHARS = 120
CREDIT_MAX_LOWERCASE_WORDS = 6
_LOWERCASE_WORD = re.compile(r"(?<![\w/])[a-z][a-z'’-]*\b")
# Inside a credit, a full stop followed by a capitalised word starts a new sentence, except after
# an initial ("Michael B. Thomas").
_SENTENCE_INSIDE = re.compile(r"(?<![A-Z])[.!?]\s+[A-Z][a-z]")
# How far back the word before a credit marker is looked for (a word is shorter than this).
_WORD_LOOKBACK = 40


@dataclass(frozen=True)
class Credit:
    """Where a photo credit sits in a line: [start, end), whether it ends the line, whether its
    end could be told (a credit in mid-line with no agency to end it cannot be cut out safely),
    and whether it is only an agency after a dash ("- AP"), weaker evidence of a caption than a
    credit that says what it is ("Photo:", "(AP Photo/...)")."""

    start: int
    end: int
    at_end: bool
    delimited: bool = True
    bare: bool = False


def _credit_sized(span: str, marker: int = 0) -> bool:
    """Whether a span is short enough to be a credit; the lowercase words are counted after its
    first ``marker`` characters (the "Featured image via" that introduces it)."""
    return (len(span) <= CREDIT_MAX_CHARS and not _SENTENCE_INSIDE.search(span)
            and len(_LOWERCASE_WORD.findall(span[marker:])) <= CREDIT_MAX_LOWERCASE_WORDS)


def _bare_tail(line: str) -> re.Match[str] | None:
    """The credit without a marker that ends the line, started after the line's last sentence."""
    # A credit is short, so only the end of a long line is searched; and only where it holds a
    # dash after a space or a slash, which every such credit has (most lines: none).
    start = max(0, len(line) - 2 * CREDIT_MAX_CHARS)
    if _TAIL_MARK.search(line, start) is None:
        return None
    tail = BARE_CREDIT_TAIL.search(line, start)
    if tail and not _credit_sized(tail.group(0)):
        breaks = list(_SENTENCE_INSIDE.finditer(line, tail.start()))
        tail = BARE_CREDIT_TAIL.search(line, breaks[-1].start() + 1) if breaks else None
    return tail if tail and _credit_sized(tail.group(0)) else None


def _mid_sentence(line: str, start: int) -> bool:
    """Whether a credit marker at ``start`` follows a lowercase word or a comma across a space: it
    is then a word of the sentence ("an exhibition titled Image: Power and Protest", "the bank said
    Credit: conditions were tight"), not a credit, which starts a line or a sentence, follows a
    dash or a capitalised word ("Feature Image Photo by ..."), or says what it is ("Featured image")."""
    if line.startswith("Featured", start):
        return False
    position = start
    while position > 0 and line[position - 1].isspace():
        position -= 1
    if not 0 < position < start:
        return False  # at the start of the line, or glued to what comes before ("2017Featured")
    if line[position - 1] == ",":
        return True
    if not line[position - 1].isalpha():
        return False  # after a full stop, a colon, a dash or a bracket: where a credit may start
    word_start = position - 1
    while word_start > max(0, position - _WORD_LOOKBACK) and line[word_start - 1].isalpha():
        word_start -= 1
    return line[word_start].islower()  # the letters just before: "said", or "Featured" in "2017)Featured"


def _credit_markers(line: str) -> list[re.Match[str]]:
    """Return the matches of ``CREDIT_MARKER.finditer(line)``, trying the marker only where one of
    its words starts (the lookbehind sees the characters before, as in ``finditer``)."""
    markers = []
    position = 0
    while True:
        candidate = _MARKER_START.search(line, position)
        if candidate is None:
            return markers
        match = CREDIT_MARKER.match(line, candidate.start())
        if match:
            markers.append(match)
            position = match.end()
        else:
            position = candidate.start() + 1  # another marker word may start inside this one


def find_credits(line: str) -> list[Credit]:
    """Return the photo credits in a line, in order, without overlaps."""
    credits: list[Credit] = []
    stripped_end = len(line.rstrip())

    for match in PAREN_CREDIT.finditer(line):
        at_end = not line[match.end():].strip(" .")
        credits.append(Credit(match.start(), match.end(), at_end))

    tail = _bare_tail(line)
    if tail:
        start = tail.start() + len(tail.group(0)) - len(tail.group(0).lstrip())
        credits.append(Credit(start, stripped_end, True, bare=tail.group(0).lstrip()[:1] in "-–—"))

    for match in _credit_markers(line):
        start = match.start(1) if match.group(1) else match.start(2)
        if _mid_sentence(line, start):
            continue
        agency = _AGENCY_END.search(line, start, min(len(line), start + CREDIT_MAX_CHARS))
        marker = match.end() - start
        following = agency and _NEXT_SENTENCE.match(line, agency.end())
        if following and _credit_sized(line[start:agency.end()], marker):
            # a new sentence or credit follows the agency; a separator between them goes with the credit
            credits.append(Credit(start, agency.end() + len(following.group(1) or ""), False))
        elif _credit_sized(line[start:stripped_end], marker):
            credits.append(Credit(start, stripped_end, True))
        else:
            credits.append(Credit(start, match.end(), False, delimited=False))

    credits.sort(key=lambda credit: (credit.start, -credit.end))
    merged: list[Credit] = []
    for credit in credits:
        if merged and credit.start < merged[-1].end:
            continue  # inside one already found (a marker within a parenthesised credit)
        merged.append(credit)
    return merged
