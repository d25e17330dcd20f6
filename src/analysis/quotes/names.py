"""Names: runs of capitalised words, their titles, the key their spellings merge under, and the
canonical spelling of each speaker in a quotes table.

Spelling variants merge by a key that ignores case, hyphens, dots and apostrophe styles;
``data/speakers.yml`` merges what no rule can know.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.corpus.text import HONORIFICS
from analysis.quotes.patterns import (LEADING_WORDS, LOWERCASE_WORD_BEFORE, NAME_RUN, POSSESSIVE, PREFIX_AT_END,
                                      SENTENCE_OPENERS, TITLES, TRAILING_WORDS)
from analysis.resources.dictionaries import load_speaker_aliases

__all__ = ["name_key", "split_title", "strip_possessive", "honorific_gender", "is_name", "clean_phrase", "NameRun",
           "word_before", "runs_in", "name_runs", "alias_map", "canonical_speakers"]


def strip_possessive(name: str) -> str:
    """Return the name without a final "'s"."""
    return POSSESSIVE.sub("", name)


def name_key(name: str) -> str:
    """Return the key under which spellings of one name merge ("Kim Jong-un" ~ "Kim Jong Un")."""
    name = name.casefold().replace("’", "'").replace("‘", "'")
    name = name.replace(".", "").replace("-", " ")
    return re.sub(r"\s+", " ", name).strip()


def split_title(name: str) -> tuple[str, str]:
    """Return (title, bare name): "US President Donald Trump" -> ("US President", "Donald Trump").

    Capitalised function words that start a sentence ("But Ji", "Despite Mr Ji") are dropped.
    """
    tokens = strip_possessive(name).split()
    while tokens and tokens[0].casefold() in SENTENCE_OPENERS:
        tokens = tokens[1:]
    last_title = -1
    for index, token in enumerate(tokens):
        word = token.rstrip(".").casefold()
        if word in HONORIFICS or word in TITLES:
            last_title = index
    return " ".join(tokens[: last_title + 1]), " ".join(tokens[last_title + 1:])


def honorific_gender(title: str) -> str | None:
    """Return "male" or "female" when the title has an honorific that says so ("Mr", "Ms"), else None."""
    words = {word.rstrip(".").casefold() for word in title.split()}
    if "mr" in words:
        return "male"
    if words & {"mrs", "ms", "miss"}:
        return "female"
    return None


def is_name(phrase: str) -> bool:
    """True when every word of the phrase is capitalised: a person's name, possibly with a title."""
    tokens = phrase.split()
    if not tokens:
        return False
    return all(token[0].isupper() or token.rstrip(".").casefold() in HONORIFICS | TITLES for token in tokens) \
        and bool(NAME_RUN.fullmatch(strip_possessive(phrase)))


def clean_phrase(phrase: str) -> str:
    """Return the phrase without edge punctuation, leading conjunctions ("But") or trailing adverbs
    and auxiliaries ("also", "had")."""
    phrase = phrase.strip(" ,;:-—–")
    words = phrase.split()
    while words and words[0].casefold() in LEADING_WORDS:
        words = words[1:]
    while words and words[-1].casefold() in TRAILING_WORDS:
        words = words[:-1]
    return " ".join(words)


# --- runs of capitalised words ----------------------------------------------------------------------


class NameRun(NamedTuple):  # a tuple, not a dataclass: a corpus makes a great many, and a tuple is made faster
    """A run of capitalised words, its title split from its name."""

    start: int  # offsets within the paragraph it was read from
    end: int
    title: str
    name: str
    words: tuple[str, ...]
    word_before: str | None  # the lower-case word right before ("spokesman"), "" if none, None if unknown here


def word_before(text: str, start: int) -> str:
    """Return the lower-case word right before ``start`` ("" if none)."""
    before = LOWERCASE_WORD_BEFORE.search(text[max(0, start - 30):start])
    return before.group(1) if before else ""


def runs_in(texts: Iterable[str]) -> dict[str, tuple[NameRun, ...]]:
    """Return {text: its runs of capitalised words, as ``NAME_RUN.finditer`` finds them}, for each
    distinct text; each distinct run is split into title and name once (names recur throughout a corpus)."""
    matches = {text: [(match.start(), match.end(), match.group(0)) for match in NAME_RUN.finditer(text)]
               for text in dict.fromkeys(texts)}
    splits = {}
    for found in dict.fromkeys(run for runs in matches.values() for _, _, run in runs):
        title, name = split_title(strip_possessive(found))
        splits[found] = (title, name, tuple(name.split()))
    return {text: tuple(NameRun(start, end, *splits[found], word_before(text, start) if start >= 30 else None)
                        for start, end, found in runs)
            for text, runs in matches.items()}


def _may_join(before: str, runs_before: tuple[NameRun, ...], after: str) -> bool:
    """True when a run of names could go on from one paragraph into the next ("Northvale General",
    blank line, "Hundreds"): the first paragraph ends with a run (or with an honorific or capitals that start
    one) and the next opens with a capital."""
    if not after.lstrip()[:1].isupper():
        return False
    end = before.rstrip()
    return bool(runs_before and runs_before[-1].end == len(end)) or bool(PREFIX_AT_END.search(end))


def name_runs(texts: Iterable[str]) -> dict[str, tuple[tuple[int, int, NameRun, str], ...]]:
    """Return {text: (start, end, run, word before) for each run of capitalised words}, for each
    distinct text, the runs being the ones ``NAME_RUN.finditer(text)`` gives.

    Each distinct paragraph is read once, however many texts share it (wire copy repeats them);
    where a run could cross a paragraph break, the whole text is read instead.
    """
    pieces_of = {}
    for text in dict.fromkeys(texts):
        pieces = text.split("\n\n")
        pieces_of[text] = pieces if len(pieces) > 1 and all(piece.strip() for piece in pieces) else [text]
    runs_of = runs_in(chain.from_iterable(pieces_of.values()))
    for text, pieces in pieces_of.items():
        if any(_may_join(before, runs_of[before], after) for before, after in zip(pieces, pieces[1:])):
            pieces_of[text] = [text]
    runs_of.update(runs_in(text for text, pieces in pieces_of.items() if len(pieces) == 1 and text not in runs_of))
    found = {}
    for text, pieces in pieces_of.items():
        placed = []
        offset = 0
        for piece in pieces:
            for run in runs_of[piece]:
                start = offset + run.start
                before = run.word_before if run.word_before is not None else word_before(text, start)
                placed.append((start, offset + run.end, run, before))
            offset += len(piece) + 2
        found[text] = tuple(placed)
    return found


# --- canonical speakers -----------------------------------------------------------------------------


def alias_map(path: Path | None = None) -> dict[str, str]:
    """Return {name key: canonical name} from the speaker alias file (None: the default one)."""
    mapping = {}
    for canonical, others in load_speaker_aliases(path).items():
        for other in [canonical, *others]:
            mapping[name_key(other)] = canonical
    return mapping


def canonical_speakers(quotes: pd.DataFrame, aliases: dict[str, str]) -> pd.DataFrame:
    """Return the quotes table with the spellings of one speaker merged (the most frequent spelling,
    then the longest) and the alias map ``aliases`` (from ``alias_map``) applied; changes ``quotes``."""
    if quotes.empty:
        return quotes
    keys = quotes["speaker"].map(name_key)
    display: dict[str, str] = {}
    for key, group in quotes.groupby(keys, sort=False)["speaker"]:
        counts = Counter(group)
        display[key] = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0][0]
    quotes["speaker"] = [aliases.get(key, display[key]) if key else "" for key in keys]
    return quotes
