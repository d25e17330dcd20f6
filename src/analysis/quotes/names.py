"""Names: runs of capitalised words, their titles, the key their spellings merge under, and the
canonical spelling of each speaker in a quotes table.

Spelling variants merge by a key that ignores case, hyphens, dots and apostrophe styles;
``data/speakers.yml`` merges what no rule can know.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from pathlib import Path

import pandas as pd

from analysis.corpus.text import HONORIFICS
from analysis.quotes.patterns import (LEADING_WORDS, LOWERCASE_WORD_BEFORE_REVERSED, NAME_RUN, NAME_TITLES,
                                      ORGANISATION_WORDS, PARTY_WORDS, POSSESSIVE, PREFIX_AT_END, PREFIX_AT_END_REACH,
                                      SENTENCE_OPENERS, SURNAME_TITLES, TRAILING_WORDS, WEEKDAYS)
from analysis.resources.dictionaries import load_speaker_aliases

__all__ = ["name_key", "split_title", "strip_possessive", "honorific_gender", "is_name", "clean_phrase", "PlainName",
           "word_before", "run_names", "name_runs", "alias_map", "canonical_speakers"]


def strip_possessive(name: str) -> str:
    """Return the name without a final "'s"."""
    if not name.endswith("s"):  # most names: nothing to take off
        return name
    return POSSESSIVE.sub("", name)


def name_key(name: str) -> str:
    """Return the key under which spellings of one name merge ("Kim Jong-un" ~ "Kim Jong Un")."""
    name = name.casefold().replace("’", "'").replace("‘", "'")
    name = name.replace(".", "").replace("-", " ")
    return " ".join(name.split())  # runs of white space made one, none at the ends


# How many runs' splits ``split_title`` remembers per process: the names of a corpus recur across
# its articles and partitions ("President Donald Trump"), and each split reads every word of the run.
_SPLITS_REMEMBERED = 50_000


@lru_cache(maxsize=_SPLITS_REMEMBERED)
def split_title(name: str) -> tuple[str, str]:
    """Return (title, bare name): "US President Donald Trump" -> ("US President", "Donald Trump").

    Capitalised function words that start a sentence ("But Ji", "Despite Mr Ji") are dropped; one
    inside the run ends the name there ("Iowa It" from a missing full stop, "Ms Ilves Tuesday").
    """
    tokens = strip_possessive(name).split()
    while tokens and tokens[0].casefold() in SENTENCE_OPENERS:
        tokens = tokens[1:]
    end = next((index for index, token in enumerate(tokens) if index and _ends_name(token)), len(tokens))
    tokens = [token for token in tokens[:end] if token.casefold() not in WEEKDAYS]
    last_title = -1
    for index, token in enumerate(tokens):
        word = token.rstrip(".").casefold()
        # Some titles are also surnames: one of them that ends the run is a name ("Peter King").
        if word in HONORIFICS or word in NAME_TITLES and (index < len(tokens) - 1 or word not in SURNAME_TITLES):
            last_title = index
    # A party before a person's name describes the person ("Democrat Doug Jones"), but is part of an
    # organisation's name ("Republican National Committee", "Democratic Party").
    if last_title < 0 and len(tokens) >= 3 and tokens[0].casefold() in PARTY_WORDS \
            and not any(token.casefold() in ORGANISATION_WORDS for token in tokens[1:]):
        last_title = 0
    return " ".join(tokens[: last_title + 1]), " ".join(tokens[last_title + 1:])


def _ends_name(token: str) -> bool:
    """True for a capitalised word that cannot go on a name: a function word or pronoun that opens
    a sentence, or a day of the week."""
    word = strip_possessive(token).casefold()
    return word in SENTENCE_OPENERS or word in WEEKDAYS


def honorific_gender(title: str) -> str | None:
    """Return "male" or "female" when the title has an honorific that says so ("Mr", "Ms"), else None."""
    if not title:  # most names come without one
        return None
    words = {word.rstrip(".").casefold() for word in title.split()}
    if "mr" in words:
        return "male"
    if words & {"mrs", "ms", "miss"}:
        return "female"
    return None


_TITLE_WORDS = HONORIFICS | NAME_TITLES  # words a name may have in lower case ("Nevada state senator Ada Moss")


def is_name(phrase: str) -> bool:
    """True when every word of the phrase is capitalised: a person's name, possibly with a title, but
    not a title alone ("Mr", "Florida Sen.") or a word that opens sentences ("The")."""
    tokens = phrase.split()
    if not tokens:
        return False
    return all(token[0].isupper() or token.rstrip(".").casefold() in _TITLE_WORDS for token in tokens) \
        and bool(NAME_RUN.fullmatch(strip_possessive(phrase))) and bool(split_title(phrase)[1])


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


PlainName = tuple[str, str, tuple[str, ...]]  # a run's (title, name, words)


def _plain_name_of(run: str) -> PlainName:
    title, name = split_title(strip_possessive(run))
    return title, name, tuple(name.split())


def word_before(text: str, start: int) -> str:
    """Return the lower-case word right before ``start`` ("" if none): what
    ``LOWERCASE_WORD_BEFORE.search(text[max(0, start - 30):start])`` finds."""
    if not text[start - 1:start].isspace():  # the pattern ends in white space
        return ""
    # Read backwards, the pattern is one anchored match rather than a search from every character.
    before = LOWERCASE_WORD_BEFORE_REVERSED.match(text[max(0, start - 30):start][::-1])
    return before.group(1)[::-1] if before else ""


def _places(texts: Iterable[str]) -> dict[str, tuple[tuple[int, int, str, str | None], ...]]:
    """Return {text: (start, end, run, word before) for each match of ``NAME_RUN``}, for each distinct
    text; the word before is None where the 30 characters it is read from reach before the text
    (a paragraph's text may go on before it). Plain tuples of strings and numbers, which the garbage
    collector stops following, however many there are."""
    found = {}
    for text in dict.fromkeys(texts):
        places = []
        for match in NAME_RUN.finditer(text):
            start = match.start()
            places.append((start, match.end(), match.group(), word_before(text, start) if start >= 30 else None))
        found[text] = tuple(places)
    return found


def run_names(texts: Iterable[str]) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Return {text: (name, words) of each of its runs of capitalised words, in order}, for each
    distinct text: the runs ``NAME_RUN.findall`` finds, for text whose names are all that is wanted
    (no offsets, titles or word before, so that the scan keeps no match)."""
    names: dict[str, tuple[str, tuple[str, ...]]] = {}  # each distinct run split once, its pair shared
    found: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for text in dict.fromkeys(texts):
        pairs = []
        for run in NAME_RUN.findall(text):
            pair = names.get(run)
            if pair is None:
                _, name, words = _plain_name_of(run)
                pair = names[run] = (name, words)
            pairs.append(pair)
        found[text] = tuple(pairs)
    return found


def _may_join(before: str, last_run_end: int | None, after: str) -> bool:
    """True when a run of names could go on from one paragraph into the next ("Northvale General",
    blank line, "Hundreds"): the first paragraph ends with a run (its last run ends at ``last_run_end``)
    or with an honorific or capitals that start one, and the next opens with a capital."""
    if not after.lstrip()[:1].isupper():
        return False
    end = before.rstrip()
    return last_run_end == len(end) \
        or bool(PREFIX_AT_END.search(end, max(0, len(end) - PREFIX_AT_END_REACH)))  # not the whole paragraph


def name_runs(texts: Iterable[str]) -> dict[str, tuple[tuple[int, int, PlainName, str], ...]]:
    """Return {text: (start, end, run, word before) for each run of capitalised words}, for each
    distinct text, the runs being the ones ``NAME_RUN.finditer(text)`` gives; ``run`` is the run's
    (title, name, words), the same tuple wherever the same words stand.

    Each distinct paragraph is read once, however many texts share it (wire copy repeats them);
    where a run could cross a paragraph break, the whole text is read instead. The runs are plain
    tuples of strings and numbers, which the garbage collector stops following, however many a
    corpus has (a tuple's subclass it would follow again at each of its full collections).
    """
    pieces_of = {}
    for text in dict.fromkeys(texts):
        pieces = text.split("\n\n")
        pieces_of[text] = pieces if len(pieces) > 1 and all(piece.strip() for piece in pieces) else [text]
    places_in = _places(chain.from_iterable(pieces_of.values()))
    for text, pieces in pieces_of.items():
        if any(_may_join(before, places_in[before][-1][1] if places_in[before] else None, after)
               for before, after in zip(pieces, pieces[1:])):
            pieces_of[text] = [text]
    places_in.update(_places(text for text, pieces in pieces_of.items() if len(pieces) == 1 and text not in places_in))
    names: dict[str, PlainName] = {}
    found = {}
    for text, pieces in pieces_of.items():
        placed = []
        offset = 0
        for piece in pieces:
            for start, end, run, before in places_in[piece]:
                name = names.get(run)
                if name is None:
                    name = names[run] = _plain_name_of(run)
                start += offset
                placed.append((start, offset + end, name, before if before is not None else word_before(text, start)))
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
