"""Codebooks: editable YAML dictionaries of frames, read and checked, and their terms as patterns.

A codebook is a YAML file under ``data/frames/`` (``news_frames`` by default). Each frame has a
label, a definition and terms; a question codebook (``generic_frames``: Semetko and Valkenburg
2000) has yes/no questions whose indicators are its terms. Terms match whole words in any case,
across line breaks and hyphens; a ``*`` ends a word with any ending; British and American spellings
match each other (``analysis.corpus.text.spelling_pattern``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.corpus.text import spelling_pattern
from analysis.errors import DictionaryError
from analysis.resources import paths
from analysis.resources.dictionaries import node_lines, read_yaml

__all__ = ["DEFAULT_CODEBOOK", "CODEBOOK_KEYS", "FRAME_KEYS", "QUESTION_KEYS", "VALIDATED_KEYS", "TERM_CHARACTERS",
           "WEAK_PRECISION", "WEAK_ALPHA", "is_weak", "Question", "Frame",
           "Codebook", "term_pattern", "compile_terms", "term_problem", "codebook_path", "load_codebook",
           "as_codebook", "check_frame", "find_terms", "find_terms_in_texts", "codebook_argument"]

DEFAULT_CODEBOOK = "news_frames"
CODEBOOK_KEYS = {"codebook", "description", "source", "frames"}
FRAME_KEYS = {"label", "definition", "terms", "questions"}
QUESTION_KEYS = {"id", "text", "indicators", "validated"}
# What a question's ``validated:`` may say: how its pre-filled "yes" fared against people's codes of
# real articles (precision and recall of "yes", Krippendorff's alpha, the people's share of "yes",
# the number of coded units, and which data).
VALIDATED_KEYS = {"precision", "recall", "alpha", "base_rate", "units", "data"}
# A question's indicators are weak when their "yes" is right less often than this ...
WEAK_PRECISION = 0.5
# ... or agrees with the people's answers no better than chance (Krippendorff's alpha under this).
WEAK_ALPHA = 0.1
# What a term may contain: letters, digits, spaces, hyphens, apostrophes, dots, ampersands, and a
# * that ends a word.
TERM_CHARACTERS = re.compile(r"^[\w\s\-'’.&*]+$")
# An apostrophe that starts a contraction ("won’t", "we’re") keeps a word going; a possessive
# "’s" does not ("North Korea’s" is a hit for "North Korea").
_WORD_END = r"(?![\w])(?!['’](?!s\b)[a-z])"
_WORD_START = r"(?<![\w'’])"
# The character before a word (what _WORD_START allows), which ``find_terms`` searches for first:
# the regex engine finds it fast, where a pattern that starts with a lookbehind is tried at every
# character of the text.
_BEFORE_WORD = r"[^\w'’]"
# What may follow a term's first character and change how often it matches.
_QUANTIFIERS = frozenset("?*+{")
# How many compiled term lists a process keeps (a codebook's frames and questions, kwic terms).
_COMPILED_TERM_LISTS = 256


@dataclass
class Question:
    """A yes/no question of a question codebook, with the indicators that pre-fill its answer."""

    id: str
    text: str
    indicators: list[str]
    validated: dict = field(default_factory=dict)

    @property
    def weak(self) -> bool | None:
        """True when the measured figures (``validated``) say the indicators are weak, None unmeasured."""
        if "precision" not in self.validated or "alpha" not in self.validated:
            return None
        return is_weak(self.validated["precision"], self.validated["alpha"])

    def note(self) -> str:
        """Say how far the pre-filled "yes" can be trusted, from ``validated`` ("" when unmeasured)."""
        if self.weak is None:
            return ""
        figures = self.validated
        said = (f"on {figures.get('units', '?')} coded articles ({figures.get('data', 'real news')}) its 'yes' was "
                f"right {figures['precision']:.0%} of the time, where people said yes for "
                f"{figures.get('base_rate', float('nan')):.0%} (alpha {figures['alpha']:.2f})")
        return f"weak indicator: {said}; read the article, not the suggestion" if self.weak else said


def is_weak(precision: float, alpha: float) -> bool:
    """Return whether a question's indicators are weak: their "yes" right less than half the time
    (``WEAK_PRECISION``), or agreeing with people's codes no better than chance (``WEAK_ALPHA``)."""
    return bool(not precision >= WEAK_PRECISION or not alpha >= WEAK_ALPHA)


@dataclass
class Frame:
    """One frame: its name, label, definition for students, and terms (or questions)."""

    name: str
    label: str
    definition: str
    terms: list[str]
    questions: list[Question] = field(default_factory=list)


@dataclass
class Codebook:
    """A set of frames read from one YAML file."""

    name: str
    description: str
    frames: dict[str, Frame]
    path: Path
    source: str = ""

    def table(self) -> pd.DataFrame:
        """Return one row per frame: frame, label, definition, n_terms, terms (joined), n_questions."""
        return pd.DataFrame([
            {"frame": frame.name, "label": frame.label, "definition": frame.definition, "n_terms": len(frame.terms),
             "terms": ", ".join(frame.terms), "n_questions": len(frame.questions)}
            for frame in self.frames.values()])


# --- terms as patterns ----------------------------------------------------------------------------


def term_pattern(term: str) -> str:
    """Return the regular expression a dictionary term matches (without the word boundaries)."""
    parts = []
    for word in term.split():
        compiled = []
        for piece in word.split("-"):
            glob = piece.endswith("*")
            literal = piece.rstrip("*")
            compiled.append(spelling_pattern(literal) + (r"[\w'’-]*" if glob else ""))
        parts.append(r"[\s\-]?".join(compiled))
    return r"[\s\-]+".join(parts)


def compile_terms(terms: list[str]) -> re.Pattern:
    """Return one case-insensitive pattern matching any of the terms as whole words, longest first."""
    ordered = sorted(terms, key=lambda term: (-len(term), term))
    return re.compile(_WORD_START + "(?:" + "|".join(term_pattern(term) for term in ordered) + ")" + _WORD_END,
                      re.IGNORECASE)


def term_problem(term: object) -> str | None:
    """Return why a term can never match (in words a student can act on), or None for a good term."""
    if not isinstance(term, str) or not term.strip():
        return "an empty term"
    if not re.search(r"[^\W_]", term):
        return f"the term '{term}' has no letter or digit, so it can never match"
    if not TERM_CHARACTERS.match(term):
        bad = sorted(set(re.sub(r"[\w\s\-'’.&*]", "", term)))
        return (f"the term '{term}' contains {' '.join(repr(c) for c in bad)}, which words never contain, so it can "
                "never match; use letters, spaces, hyphens, apostrophes and a final *")
    for word in term.split():
        if "*" in word.rstrip("*") or word.strip("*") == "" or word.endswith("**"):
            return f"the term '{term}' has a * that does not end a word; write it like 'negotiat*'"
    return None


def _branches(terms: list[str]) -> str | None:
    """Return the terms as alternatives grouped by their first character (the hit of
    ``compile_terms(terms)`` after a word's start, without its word end), or None when a term does
    not start with an ASCII letter or digit.

    Each group is written for its first character in both cases, case-sensitive, so that the regex
    engine passes over the groups that cannot start where it is. A character outside ASCII that
    matches an ASCII letter in another case (the Kelvin sign "K", a long "ſ", a dotted "İ") is read
    by a last branch under IGNORECASE, as ``compile_terms`` reads it. Terms keep the order of
    ``compile_terms`` within each first character, and terms of different first characters never
    match at one place, so each hit is the one ``compile_terms`` finds.
    """
    rests: dict[str, list[str]] = {}
    for term in sorted(terms, key=lambda term: (-len(term), term)):
        pattern = term_pattern(term)
        first = pattern[:1]
        if not (first.isascii() and first.isalnum()) or pattern[1:2] in _QUANTIFIERS:
            return None
        rests.setdefault(first.lower(), []).append(pattern[1:])
    groups = {first: "(?:" + "|".join(patterns) + ")" for first, patterns in rests.items()}
    branches = [f"{cased}(?i:{rest})" for first, rest in groups.items()
                for cased in dict.fromkeys((first, first.upper()))]
    branches.append(r"(?=[^\x00-\x7f])(?i:" + "|".join(first + rest for first, rest in groups.items()) + ")")
    return "|".join(branches)


def _search_pattern(term_lists: tuple[tuple[str, ...], ...]) -> re.Pattern | None:
    """Return one pattern that finds the hits of each list's ``compile_terms`` pattern after the
    start of a text, several times faster, in one pass for all lists; None when a term does not
    start with an ASCII letter or digit.

    It finds the character before a word first (``_BEFORE_WORD``, which the regex engine finds
    fast), then whether any term starts after it, and only then which term of each list does:
    group ``i + 1`` is the match of list ``i`` that starts there (unset when none does). Only the
    character before the word is taken, so that every word start is tried: the hits of a list may
    overlap, and the caller keeps those that ``finditer`` would (a hit at the start of the text,
    which has no character before it, the caller finds with ``compile_terms``).
    """
    listed = [_branches(list(terms)) for terms in term_lists]
    anywhere = _branches(list(dict.fromkeys(term for terms in term_lists for term in terms)))
    if anywhere is None or None in listed:
        return None
    word_end = "(?i:" + _WORD_END + ")"
    if len(listed) == 1:
        return re.compile(_BEFORE_WORD + "(?=(" + listed[0] + ")" + word_end + ")")
    return re.compile(_BEFORE_WORD + "(?=(?:" + anywhere + ")" + word_end + ")"
                      + "".join("(?:(?=(" + branches + ")" + word_end + ")|)" for branches in listed))


class _Matcher:
    """The compiled patterns of a list of terms, and which term each matched text belongs to."""

    def __init__(self, terms: tuple[str, ...]) -> None:
        self.pattern = compile_terms(list(terms))
        self.singles = [(term, re.compile(_WORD_START + "(?:" + term_pattern(term) + ")" + _WORD_END, re.IGNORECASE))
                        for term in sorted(terms, key=lambda term: (-len(term), term))]
        # The spellings met so far ("Labor camps", "labour-camps"), each with its term: part of
        # the compiled codebook, which a process keeps.
        self.terms_of: dict[str, str] = {}

    def term(self, found: str) -> str:
        key = found.casefold()
        if key not in self.terms_of:
            self.terms_of[key] = next((term for term, single in self.singles if single.fullmatch(found)), found)
        return self.terms_of[key]


class _ListsMatcher:
    """The matchers of several lists of terms (a codebook's frames), searched for together."""

    def __init__(self, term_lists: tuple[tuple[str, ...], ...]) -> None:
        self.matchers = [_matcher(terms) for terms in term_lists]
        self.search_pattern = _search_pattern(term_lists)

    def hits(self, text: str) -> list[list[tuple[str, int, int]]]:
        """Return, for each list, (matched text, start, end) for each match of its ``compile_terms``
        pattern in the text, in order, as its ``finditer`` finds them."""
        if self.search_pattern is None:
            return [[(match.group(0), match.start(), match.end()) for match in matcher.pattern.finditer(text)]
                    for matcher in self.matchers]
        found: list[list[tuple[str, int, int]]] = []
        ends = []  # where each list's last hit ends: its next hit starts there or later
        for matcher in self.matchers:
            first = matcher.pattern.match(text)  # a hit at the start of the text has no character before it
            found.append([(first.group(0), 0, first.end())] if first else [])
            ends.append(first.end() if first else 0)
        for match in self.search_pattern.finditer(text):
            for index, hits in enumerate(found):
                start, end = match.span(index + 1)
                if start >= ends[index]:  # (-1 when the list has no hit here)
                    hits.append((match.group(index + 1), start, end))
                    ends[index] = end
        return found


@lru_cache(maxsize=_COMPILED_TERM_LISTS)
def _matcher(terms: tuple[str, ...]) -> _Matcher:
    # A compiled codebook is a resource (compiling the news_frames terms takes about a second):
    # kept, like a loaded lexicon.
    return _Matcher(terms)


@lru_cache(maxsize=_COMPILED_TERM_LISTS)
def _lists_matcher(term_lists: tuple[tuple[str, ...], ...]) -> _ListsMatcher:
    # Kept like the matchers of the lists (a codebook's frames are searched together).
    return _ListsMatcher(term_lists)


def find_terms(text: str, terms) -> list[tuple[str, str, int, int]]:
    """Return (term, matched text, start, end) for every hit of the terms in a text."""
    if not terms or not text:
        return []
    matcher = _lists_matcher((tuple(terms),))
    single = matcher.matchers[0]
    return [(single.term(matched), matched, start, end) for matched, start, end in matcher.hits(text)[0]]


def find_terms_in_texts(texts, term_lists) -> Iterator[list[list[tuple[str, str, int, int]]]]:
    """Yield, for each text in turn, for each list of terms (a codebook's frames), what
    ``find_terms`` returns: (term, matched text, start, end) for every hit. Each text is searched
    once for the terms of all the lists."""
    lists = [tuple(terms) for terms in term_lists]
    searched = tuple(terms for terms in lists if terms)  # an empty list has no hit (its pattern matches "")
    matcher = _lists_matcher(searched) if searched else None
    for text in texts:
        found = iter(zip(matcher.matchers, matcher.hits(text)) if matcher and text else ())
        per_list = []
        for terms in lists:
            single, hits = next(found, (None, [])) if terms else (None, [])
            per_list.append([(single.term(matched), matched, start, end) for matched, start, end in hits])
        yield per_list


# --- loading --------------------------------------------------------------------------------------


def codebook_path(name_or_path: str | Path | None = None) -> Path:
    """Return the file of a codebook given by name ("news_frames", "generic_frames") or path."""
    if name_or_path is None:
        name_or_path = DEFAULT_CODEBOOK
    candidate = Path(name_or_path)
    if candidate.suffix in {".yml", ".yaml"} or candidate.exists():
        return candidate
    bundled = paths.data_dir() / "frames" / f"{name_or_path}.yml"
    if not bundled.is_file():
        available = ", ".join(sorted(path.stem for path in (paths.data_dir() / "frames").glob("*.yml")))
        raise DictionaryError(f"No codebook named '{name_or_path}'; the bundled ones are: {available}, "
                              "or give the path of a .yml file")
    return bundled


def load_codebook(name_or_path: str | Path | None = None, *, section: str = "frames") -> Codebook:
    """Return the codebook, checked: every mistake names its file and line and says what to do.

    ``section`` is the top-level key that lists the entries: "frames" for a framing codebook,
    "elements" for a list of story elements (the same format).
    """
    path = codebook_path(name_or_path)
    data = read_yaml(path)
    lines = node_lines(path)

    def fail(location: tuple, message: str) -> DictionaryError:
        line = lines.get(location)
        return DictionaryError(f"{path}{f', line {line}' if line else ''}: {message}")

    if not isinstance(data, dict):
        raise fail((), "a codebook needs 'codebook:' (its name) and 'frames:' at the top level")
    allowed = CODEBOOK_KEYS - {"frames"} | {section}
    for key in data:
        if key not in allowed:
            raise fail((key,), f"unknown key '{key}'; a codebook has {', '.join(sorted(allowed))}")
    frames_data = data.get(section)
    if not isinstance(frames_data, dict) or not frames_data:
        raise fail((section,), f"'{section}:' must list at least one entry, each with a label, a definition and terms")
    frames = {}
    for name, spec in frames_data.items():
        where = (section, name)
        if not isinstance(spec, dict):
            raise fail(where, f"the frame '{name}' must have label, definition and terms")
        for key in spec:
            if key not in FRAME_KEYS:
                raise fail(where + (key,), f"unknown key '{key}' in frame '{name}'; use {', '.join(sorted(FRAME_KEYS))}")
        terms = spec.get("terms") or []
        questions_data = spec.get("questions") or []
        if not isinstance(terms, list) or not isinstance(questions_data, list):
            raise fail(where, f"the terms and questions of '{name}' must be lists")
        if not terms and not questions_data:
            raise fail(where, f"the frame '{name}' is empty: give it terms (or questions with indicators)")
        seen: set[str] = set()
        for index, term in enumerate(terms):
            problem = term_problem(term)
            if problem:
                raise fail(where + ("terms", index), problem)
            if term.casefold() in seen:
                raise fail(where + ("terms", index), f"the term '{term}' is listed twice in '{name}'")
            seen.add(term.casefold())
        questions = []
        for index, question in enumerate(questions_data):
            here = where + ("questions", index)
            if not isinstance(question, dict) or not {"id", "text", "indicators"} <= set(question):
                raise fail(here, "each question needs an id, a text and a list of indicators")
            unknown = set(question) - QUESTION_KEYS
            if unknown:
                raise fail(here, f"unknown key '{sorted(unknown)[0]}' in a question; use id, text, indicators "
                           "(and validated)")
            indicators = question["indicators"] or []
            if not isinstance(indicators, list) or not indicators:
                raise fail(here + ("indicators",), f"question {question['id']} needs a list of indicators")
            for position, indicator in enumerate(indicators):
                problem = term_problem(indicator)
                if problem:
                    raise fail(here + ("indicators", position), problem)
            validated = _validated(question.get("validated"), lambda message: fail(here + ("validated",), message))
            questions.append(Question(str(question["id"]), str(question["text"]), [str(i) for i in indicators],
                                      validated))
        if questions and not terms:
            terms = list(dict.fromkeys(indicator for question in questions for indicator in question.indicators))
        frames[str(name)] = Frame(str(name), str(spec.get("label", name)), str(spec.get("definition", "")),
                                  [str(term) for term in terms], questions)
    return Codebook(str(data.get("codebook", path.stem)), str(data.get("description", "")).strip(), frames, path,
                    str(data.get("source", "")).strip())


def _validated(spec, fail) -> dict:
    """Return a question's ``validated:`` figures, checked (``fail(message)`` makes the error)."""
    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise fail(f"'validated:' must list figures: {', '.join(sorted(VALIDATED_KEYS))}")
    unknown = set(spec) - VALIDATED_KEYS
    if unknown:
        raise fail(f"unknown key '{sorted(unknown)[0]}' under 'validated:'; use {', '.join(sorted(VALIDATED_KEYS))}")
    for key in ("precision", "recall", "base_rate", "alpha", "units"):
        value = spec.get(key)
        if value is None:
            continue
        low = -1 if key == "alpha" else 0
        high = float("inf") if key == "units" else 1
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise fail(f"'{key}: {value}' under 'validated:' must be a number from {low} to "
                       f"{'any count' if key == 'units' else high}")
    return dict(spec)


def as_codebook(codebook: str | Path | Codebook | None) -> Codebook:
    """Return the codebook given by name, path or as a loaded ``Codebook`` (None: the default)."""
    return codebook if isinstance(codebook, Codebook) else load_codebook(codebook)


def check_frame(codebook: Codebook, name: str) -> None:
    """Raise KeyError, listing the codebook's frames, when ``name`` is not one of them."""
    if name not in codebook.frames:
        raise KeyError(f"No frame '{name}' in {codebook.path.name}; its frames are: {', '.join(codebook.frames)}")


def codebook_argument(codebook, frames, caller: str):
    """Return the codebook a caller was given, under its name ``codebook=`` or its former name
    ``frames=`` (still accepted, so that notebooks written before keep working); both is an error."""
    if frames is None:
        return codebook
    if codebook is not None:
        raise TypeError(f"{caller}() got both codebook= and frames= (its former name); give codebook= only")
    return frames
