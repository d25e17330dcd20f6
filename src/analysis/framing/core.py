"""Framing with editable dictionaries: which frames each sentence carries, with the evidence.

A codebook is a YAML file under ``data/frames/`` (``news_frames`` by default). Each frame has a
label, a definition and terms; a question codebook (``generic_frames``: Semetko and Valkenburg
2000) has yes/no questions whose indicators are its terms. Terms match whole words in any case,
across line breaks and hyphens; a ``*`` ends a word with any ending; British and American spellings
match each other. Every count can be read back with ``kwic``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus.text import spelling_pattern
from analysis.resources import paths
from analysis.scale.caching import CACHE_SIZE
from analysis.resources.dictionaries import DictionaryError, node_lines, read_yaml

HIT_COLUMNS = ["article_id", "sentence_id", "frame", "term", "matched_text", "start", "end"]
DEFAULT_CODEBOOK = "news_frames"
DEFAULT_BALANCE = ("human_rights", "diplomacy")
CODEBOOK_KEYS = {"codebook", "description", "source", "frames"}
FRAME_KEYS = {"label", "definition", "terms", "questions"}
QUESTION_KEYS = {"id", "text", "indicators"}
# What a term may contain: letters, digits, spaces, hyphens, apostrophes, dots, ampersands, and a
# * that ends a word.
TERM_CHARACTERS = re.compile(r"^[\w\s\-'’.&*]+$")
# An apostrophe that starts a contraction ("won’t", "we’re") keeps a word going; a possessive
# "’s" does not ("North Korea’s" is a hit for "North Korea").
_WORD_END = r"(?![\w])(?!['’](?!s\b)[a-z])"
_WORD_START = r"(?<![\w'’])"


@dataclass
class Question:
    """A yes/no question of a question codebook, with the indicators that pre-fill its answer."""

    id: str
    text: str
    indicators: list[str]


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


# --- spelling and patterns ------------------------------------------------------------------------


def term_pattern(term: str) -> str:
    """Return the regular expression a dictionary term matches (without the word boundaries)."""
    parts = []
    for word in term.split():
        pieces = [piece for piece in re.split(r"-", word)]
        compiled = []
        for piece in pieces:
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


def _term_problem(term: object) -> str | None:
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
            problem = _term_problem(term)
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
                raise fail(here, f"unknown key '{sorted(unknown)[0]}' in a question; use id, text, indicators")
            indicators = question["indicators"] or []
            if not isinstance(indicators, list) or not indicators:
                raise fail(here + ("indicators",), f"question {question['id']} needs a list of indicators")
            for position, indicator in enumerate(indicators):
                problem = _term_problem(indicator)
                if problem:
                    raise fail(here + ("indicators", position), problem)
            questions.append(Question(str(question["id"]), str(question["text"]), [str(i) for i in indicators]))
        if questions and not terms:
            terms = list(dict.fromkeys(indicator for question in questions for indicator in question.indicators))
        frames[str(name)] = Frame(str(name), str(spec.get("label", name)), str(spec.get("definition", "")),
                                  [str(term) for term in terms], questions)
    return Codebook(str(data.get("codebook", path.stem)), str(data.get("description", "")).strip(), frames, path,
                    str(data.get("source", "")).strip())


def _codebook(frames) -> Codebook:
    return frames if isinstance(frames, Codebook) else load_codebook(frames)


def _check_frame(codebook: Codebook, name: str) -> None:
    if name not in codebook.frames:
        raise KeyError(f"No frame '{name}' in {codebook.path.name}; its frames are: {', '.join(codebook.frames)}")


# --- tagging --------------------------------------------------------------------------------------


class _Matcher:
    """The compiled patterns of a list of terms, and which term each matched text belongs to."""

    def __init__(self, terms: tuple[str, ...]) -> None:
        self.pattern = compile_terms(list(terms))
        self.singles = [(term, re.compile(_WORD_START + "(?:" + term_pattern(term) + ")" + _WORD_END, re.IGNORECASE))
                        for term in sorted(terms, key=lambda term: (-len(term), term))]
        self.terms_of: dict[str, str] = {}

    def term(self, found: str) -> str:
        key = found.casefold()
        if key not in self.terms_of:
            self.terms_of[key] = next((term for term, single in self.singles if single.fullmatch(found)), found)
        return self.terms_of[key]


@lru_cache(maxsize=256)
def _matcher(terms: tuple[str, ...]) -> _Matcher:
    return _Matcher(terms)


def _find(text: str, terms) -> list[tuple[str, str, int, int]]:
    """Return (term, matched text, start, end) for every hit of the terms in a text."""
    if not terms or not text:
        return []
    matcher = _matcher(tuple(terms))
    return [(matcher.term(match.group(0)), match.group(0), match.start(), match.end())
            for match in matcher.pattern.finditer(text)]


def tag_sentences(corpus, frames=None) -> pd.DataFrame:
    """Return one row per frame hit: article_id, sentence_id, frame, term (as in the dictionary),
    matched_text (as in the article), start, end (offsets into the article's text)."""
    codebook = _codebook(frames)
    rows = []
    sentences_by_article: dict[str, tuple[list[int], list[int]]] = {}
    for article_id, sentence_id, start in zip(*(corpus.sentences[column].tolist()
                                                for column in ("article_id", "sentence_id", "start"))):
        starts, ids = sentences_by_article.setdefault(article_id, ([], []))
        starts.append(int(start))
        ids.append(int(sentence_id))
    # Hits never cross a paragraph break, so each distinct paragraph (wire copy repeats them) is
    # searched once for a codebook's terms.
    terms = tuple((frame.name, tuple(frame.terms)) for frame in codebook.frames.values())
    for article_id, paragraph, offset in zip(*(corpus.paragraphs[column].tolist()
                                               for column in ("article_id", "text", "start"))):
        if article_id not in sentences_by_article:
            continue
        starts, ids = sentences_by_article[article_id]
        for name, term, found, start, end in _paragraph_hits(paragraph, terms):
            index = max(0, bisect_right(starts, start + offset) - 1)
            rows.append((article_id, ids[index], name, term, found, start + offset, end + offset))
    return pd.DataFrame(rows, columns=HIT_COLUMNS).sort_values(["article_id", "start", "frame"], kind="stable",
                                                               key=lambda column: column.map(_article_order(corpus))
                                                               if column.name == "article_id" else column) \
        .reset_index(drop=True)


@lru_cache(maxsize=CACHE_SIZE)
def _paragraph_hits(paragraph: str, terms: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple:
    return tuple((name, term, found, start, end) for name, frame_terms in terms
                 for term, found, start, end in _find(paragraph, frame_terms))


def _article_order(corpus) -> dict[str, int]:
    return {article_id: position for position, article_id in enumerate(corpus.articles["article_id"])}


def sentence_frames(corpus, frames=None, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per sentence with a True/False column per frame (does the sentence carry it?).

    Columns: article_id, sentence_id, then one column per frame of the codebook.
    """
    codebook = _codebook(frames)
    hits = tag_sentences(corpus, codebook) if hits is None else hits
    table = corpus.sentences[["article_id", "sentence_id"]].copy()
    present = set(zip(hits["article_id"], hits["sentence_id"], hits["frame"]))
    for name in codebook.frames:
        table[name] = [(article_id, sentence_id, name) in present
                       for article_id, sentence_id in zip(table["article_id"], table["sentence_id"])]
    return table.reset_index(drop=True)


def frame_shares(corpus, frames=None, *, balance: tuple[str, str] = DEFAULT_BALANCE,
                 hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per article and frame.

    Columns: article_id, outlet, frame, n_hits, n_sentences (sentences with the frame), share (of
    the article's sentences), balance (for the two ``balance`` frames: (first - second) / (first +
    second), counted in sentences, from -1 = all second to +1 = all first; NaN when neither occurs;
    the same on every row of an article), balance_n (the sentences the balance rests on).
    share_of_frames is the frame's part of all frame-carrying sentences of the article (a sentence
    with two frames counts for both), which adds up to 1 over the frames: good for stacked bars.
    ``hits``: the codebook's hits from ``tag_sentences``, when they were found already.
    """
    codebook = _codebook(frames)
    for name in balance:
        _check_frame(codebook, name)
    hits = tag_sentences(corpus, codebook) if hits is None else hits
    flags = sentence_frames(corpus, codebook, hits)
    balances = frame_balance(corpus, codebook, first=balance[0], second=balance[1], flags=flags).set_index("article_id")
    names = list(codebook.frames)
    # One row per article and frame, filled by joins (no loop over articles).
    sentences_with = flags.groupby("article_id", sort=False)[names].sum()
    totals = flags.groupby("article_id", sort=False).size()
    grid = corpus.articles[["article_id", "outlet"]].merge(pd.DataFrame({"frame": names}), how="cross")
    keys = pd.MultiIndex.from_arrays([grid["article_id"], grid["frame"]])
    n_sentences = sentences_with.stack().reindex(keys).fillna(0).astype(int).to_numpy()
    total = grid["article_id"].map(totals).fillna(0).to_numpy()
    hit_counts = hits.groupby(["article_id", "frame"]).size().reindex(keys).fillna(0).astype(int).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, n_sentences / np.where(total > 0, total, 1), np.nan)
    table = pd.DataFrame({"article_id": grid["article_id"], "outlet": grid["outlet"], "frame": grid["frame"],
                          "n_hits": hit_counts, "n_sentences": n_sentences, "share": share,
                          "balance": grid["article_id"].map(balances["balance"]).astype(float).to_numpy(),
                          "balance_n": grid["article_id"].map(balances["balance_n"]).fillna(0).astype(int).to_numpy()})
    per_article = table.groupby("article_id")["n_sentences"].transform("sum")
    table.insert(6, "share_of_frames", (table["n_sentences"] / per_article.where(per_article > 0)).astype(float))
    return table


def frame_balance(corpus, frames=None, *, first: str = DEFAULT_BALANCE[0], second: str = DEFAULT_BALANCE[1],
                  by: str = "article_id", flags: pd.DataFrame | None = None,
                  hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the balance between two frames per article (or per ``by`` group of articles).

    Columns: ``by`` (and outlet when by is article_id), n_first, n_second (sentences with each
    frame), balance ((n_first - n_second) / (n_first + n_second), from -1 to +1; NaN when neither
    frame occurs), balance_n (sentences with either frame: what the balance rests on); for groups
    of articles also n_articles, and balance_low and balance_high, a 95% bootstrap interval from
    resampling the group's articles (NaN for a group of one article).
    """
    codebook = _codebook(frames)
    for name in (first, second):
        _check_frame(codebook, name)
    flags = sentence_frames(corpus, codebook, hits) if flags is None else flags
    keyed = flags.merge(corpus.articles[list(dict.fromkeys(["article_id", by, "outlet"]))], on="article_id")
    keyed = keyed.assign(either=keyed[first] | keyed[second])
    grouped = keyed.groupby(by, sort=False).agg(n_first=(first, "sum"), n_second=(second, "sum"),
                                                balance_n=("either", "sum"))
    grouped = grouped.reindex(list(dict.fromkeys(corpus.articles[by])), fill_value=0)
    total = grouped["n_first"] + grouped["n_second"]
    grouped["balance"] = ((grouped["n_first"] - grouped["n_second"]) / total.where(total > 0)).astype(float)
    table = grouped.reset_index()
    for column in ("n_first", "n_second", "balance_n"):
        table[column] = table[column].astype(int)
    if by == "article_id":
        table.insert(1, "outlet", table["article_id"].map(dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))))
    else:
        per_article = keyed.groupby("article_id", sort=False).agg(group=(by, "first"), n_first=(first, "sum"),
                                                                   n_second=(second, "sum"))
        articles_of = corpus.articles.groupby(by, sort=False).size()
        intervals = {group: _balance_interval(rows["n_first"].to_numpy(), rows["n_second"].to_numpy())
                     for group, rows in per_article.groupby("group", sort=False)}
        table["n_articles"] = table[by].map(articles_of).fillna(0).astype(int)
        table["balance_low"] = [intervals.get(group, (np.nan, np.nan))[0] for group in table[by]]
        table["balance_high"] = [intervals.get(group, (np.nan, np.nan))[1] for group in table[by]]
    table.attrs["frames"] = (first, second)
    columns = dict.fromkeys([by, "outlet", "n_first", "n_second", "balance", "balance_n", "n_articles",
                             "balance_low", "balance_high"])
    return table[[column for column in columns if column in table]]


def _balance_interval(firsts: np.ndarray, seconds: np.ndarray) -> tuple[float, float]:
    """The 95% bootstrap interval of a group's balance, resampling its articles (seeded)."""
    from analysis.compare import RESAMPLES, SEED

    if len(firsts) < 2:
        return np.nan, np.nan
    picks = np.random.default_rng(SEED).integers(0, len(firsts), size=(RESAMPLES, len(firsts)))
    first_sums, second_sums = firsts[picks].sum(axis=1), seconds[picks].sum(axis=1)
    totals = first_sums + second_sums
    balances = (first_sums - second_sums)[totals > 0] / totals[totals > 0]
    if len(balances) == 0:
        return np.nan, np.nan
    low, high = np.percentile(balances, [2.5, 97.5])
    return float(low), float(high)


# --- position -------------------------------------------------------------------------------------


def frame_by_section(corpus, frames=None, *, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the frames of each article's title, lead paragraph and body.

    Columns: article_id, outlet, section ("title", "lead", "body"), frame, n_hits, n_sentences
    (sentences of that section with the frame; the title counts as one sentence), section_sentences.
    """
    codebook = _codebook(frames)
    hits = tag_sentences(corpus, codebook) if hits is None else hits
    sentences = corpus.sentences[["article_id", "sentence_id", "paragraph_id"]]
    section_of = sentences.assign(section=np.where(sentences["paragraph_id"] == 0, "lead", "body"))
    sizes = section_of.groupby(["article_id", "section"]).size()
    hits = hits.merge(section_of[["article_id", "sentence_id", "section"]], on=["article_id", "sentence_id"])
    counted = hits.groupby(["article_id", "section", "frame"]).agg(n_hits=("sentence_id", "size"),
                                                                   n_sentences=("sentence_id", "nunique"))
    titles = corpus.articles["title"].where(corpus.articles["title"].map(lambda title: isinstance(title, str)), "")
    names = list(codebook.frames)
    rows = []
    for article_id, outlet, title in zip(corpus.articles["article_id"], corpus.articles["outlet"], titles):
        for name in names:
            title_hits = len(_find(title, codebook.frames[name].terms))
            rows.append((article_id, outlet, "title", name, title_hits, int(bool(title_hits)), 1 if title else 0))
            for section in ("lead", "body"):
                key = (article_id, section, name)
                n_hits, n_sentences = counted.loc[key] if key in counted.index else (0, 0)
                rows.append((article_id, outlet, section, name, int(n_hits), int(n_sentences),
                             int(sizes.get((article_id, section), 0))))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "section", "frame", "n_hits", "n_sentences",
                                       "section_sentences"])


def frame_by_position(corpus, frames=None, *, parts: int = 10, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return where in the articles each frame appears, by tenth (or ``parts``) of the article.

    Columns: frame, part (1 = the first tenth of an article's sentences), n_sentences (sentences in
    that part carrying the frame, over all articles), part_sentences (all sentences in that part),
    share (n_sentences / part_sentences).
    """
    codebook = _codebook(frames)
    flags = sentence_frames(corpus, codebook, hits)
    sizes = flags.groupby("article_id")["sentence_id"].transform("size")
    order = flags.groupby("article_id").cumcount()
    flags = flags.assign(part=(order * parts // sizes.clip(lower=1) + 1).astype(int))
    rows = []
    for name in codebook.frames:
        for part in range(1, parts + 1):
            in_part = flags[flags["part"] == part]
            count = int(in_part[name].sum())
            rows.append({"frame": name, "part": part, "n_sentences": count, "part_sentences": len(in_part),
                         "share": count / len(in_part) if len(in_part) else float("nan")})
    return pd.DataFrame(rows)


# --- reading the evidence -------------------------------------------------------------------------


def hits_in_context(hits: pd.DataFrame, corpus, *, width: int = 60) -> pd.DataFrame:
    """Return the hits of ``tag_sentences`` with the text around each: ``left`` and ``right`` hold up
    to ``width`` characters of the article before and after the match (cut at a word)."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    lefts, rights = [], []
    for article_id, start, end in zip(hits["article_id"], hits["start"], hits["end"]):
        text = texts.get(article_id, "")
        left = text[max(0, start - width):start].replace("\n", " ")
        right = text[end:end + width].replace("\n", " ")
        lefts.append(left.split(" ", 1)[-1] if start > width and " " in left else left)
        rights.append(right.rsplit(" ", 1)[0] if end + width < len(text) and " " in right else right)
    return hits.assign(left=lefts, right=rights)


def kwic(corpus, pattern_or_frame: str, *, window: int = 8, frames=None,
         hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return keyword-in-context lines for a frame of the codebook or for a term ("negotiat*").

    Columns: article_id, outlet, sentence_id, left (up to ``window`` words before), match, right
    (up to ``window`` words after), frame (empty for a term), term.
    """
    codebook = _codebook(frames)
    if pattern_or_frame in codebook.frames:
        hits = tag_sentences(corpus, codebook) if hits is None else hits
        hits = hits[hits["frame"] == pattern_or_frame]
    else:
        problem = _term_problem(pattern_or_frame)
        if problem:
            raise ValueError(f"'{pattern_or_frame}' is not a frame of {codebook.path.name} "
                             f"({', '.join(codebook.frames)}), and as a term: {problem}")
        rows = []
        sentences_by_article = {article_id: group for article_id, group in corpus.sentences.groupby("article_id")}
        for article in corpus.articles.itertuples(index=False):
            sentences = sentences_by_article.get(article.article_id)
            if sentences is None:
                continue
            for term, found, start, end in _find(article.text, [pattern_or_frame]):
                index = max(0, int(sentences["start"].to_numpy().searchsorted(start, side="right")) - 1)
                rows.append((article.article_id, int(sentences["sentence_id"].iloc[index]), "", term, found, start, end))
        hits = pd.DataFrame(rows, columns=HIT_COLUMNS)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))
    lines = []
    for hit in hits.itertuples(index=False):
        text = texts[hit.article_id]
        left = " ".join(text[max(0, hit.start - 30 * window):hit.start].split()[-window:]) if window else ""
        right = " ".join(text[hit.end:hit.end + 30 * window].split()[:window]) if window else ""
        lines.append({"article_id": hit.article_id, "outlet": outlets[hit.article_id], "sentence_id": hit.sentence_id,
                      "left": left, "match": hit.matched_text, "right": right, "frame": hit.frame, "term": hit.term})
    return pd.DataFrame(lines, columns=["article_id", "outlet", "sentence_id", "left", "match", "right", "frame", "term"])


def frame_cooccurrence(corpus, frames=None, *, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return a frame-by-frame table: how many sentences carry both frames (the diagonal: each frame)."""
    codebook = _codebook(frames)
    flags = sentence_frames(corpus, codebook, hits)[list(codebook.frames)].astype(int)
    table = flags.T @ flags
    table.index.name = "frame"
    return table


def frame_sentiment(corpus, sentence_scores: pd.DataFrame, frames=None, *, by: str = "outlet",
                    hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the mean sentiment of the sentences carrying each frame, per ``by`` group.

    ``sentence_scores`` is the table of ``sentiment.score_sentences``. Columns: ``by``, frame,
    n_sentences, textblob_polarity, vader_compound.
    """
    codebook = _codebook(frames)
    flags = sentence_frames(corpus, codebook, hits)
    long = flags.melt(id_vars=["article_id", "sentence_id"], var_name="frame", value_name="present")
    long = long[long["present"]].merge(sentence_scores[["article_id", "sentence_id", "textblob_polarity",
                                                        "vader_compound"]], on=["article_id", "sentence_id"])
    long = long.merge(corpus.articles[list(dict.fromkeys(["article_id", by]))], on="article_id")
    return (long.groupby([by, "frame"], sort=False)
            .agg(n_sentences=("sentence_id", "size"), textblob_polarity=("textblob_polarity", "mean"),
                 vader_compound=("vader_compound", "mean"))
            .reset_index())


# --- generic frames: pre-filled answers for coders ------------------------------------------------


def prefill_questions(corpus, codebook: str | Path | Codebook = "generic_frames", *, unit: str = "article") -> pd.DataFrame:
    """Return the dictionary's suggested answer to each question, for each article (or paragraph).

    Columns: article_id, paragraph_id (with unit="paragraph"), frame, question_id, question,
    suggestion ("yes" when an indicator occurs, else "no"), n_hits, evidence_term, evidence (the
    first sentence with an indicator), evidence_sentence_id. A suggestion is for a coder to confirm
    or overrule, not an answer.
    """
    if unit not in {"article", "paragraph"}:
        raise ValueError("unit must be 'article' or 'paragraph'")
    codebook = _codebook(codebook)
    if not any(frame.questions for frame in codebook.frames.values()):
        raise DictionaryError(f"{codebook.path}: this codebook has no questions; use one like generic_frames.yml")
    sentences = corpus.sentences
    rows = []
    for article in corpus.articles.itertuples(index=False):
        article_sentences = sentences[sentences["article_id"] == article.article_id]
        units = ([(None, article_sentences)] if unit == "article"
                 else list(article_sentences.groupby("paragraph_id", sort=True)))
        for paragraph_id, unit_sentences in units:
            for frame in codebook.frames.values():
                for question in frame.questions:
                    evidence = None
                    n_hits = 0
                    for sentence in unit_sentences.itertuples(index=False):
                        found = _find(sentence.text, question.indicators)
                        n_hits += len(found)
                        if found and evidence is None:
                            evidence = (found[0][0], sentence.text, int(sentence.sentence_id))
                    row = {"article_id": article.article_id, "frame": frame.name, "question_id": question.id,
                           "question": question.text, "suggestion": "yes" if n_hits else "no", "n_hits": n_hits,
                           "evidence_term": evidence[0] if evidence else "",
                           "evidence": evidence[1] if evidence else "",
                           "evidence_sentence_id": evidence[2] if evidence else pd.NA}
                    if unit == "paragraph":
                        row = {"article_id": article.article_id, "paragraph_id": int(paragraph_id), **{
                            key: value for key, value in row.items() if key != "article_id"}}
                    rows.append(row)
    return pd.DataFrame(rows)
