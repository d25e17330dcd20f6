"""The corpus: articles loaded from files into tidy tables keyed by ``article_id``.

``load_corpus()`` reads the bundled corpus; ``load_corpus(path)`` reads a teacher's or researcher's
own. Every later analysis takes the ``Corpus`` and never re-reads files.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.resources import paths
from analysis.corpus import codes
from analysis.corpus.cleaning import CleanText, clean_text
from analysis.corpus.language import report_not_english
from analysis.corpus.problems import CorpusError, ProblemLog
from analysis.corpus.dates import parse_date
from analysis.corpus.files import RawArticle
from analysis.corpus.readers import read_raw
from analysis.corpus.segment import MAX_SENTENCE_WORDS, bounded_sentence_spans, paragraph_spans
from analysis.corpus.text import count_words

__all__ = ["ARTICLE_COLUMNS", "DOUBTS_LISTED_PER_ARTICLE", "PARAGRAPH_COLUMNS", "REMOVED_COLUMNS", "SENTENCE_COLUMNS",
           "Corpus", "CorpusError", "load_corpus"]

ARTICLE_COLUMNS = ["article_id", "outlet", "title", "date", "url", "kind", "source_file", "text", "n_words"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph_id", "text", "start", "end"]
SENTENCE_COLUMNS = ["article_id", "paragraph_id", "sentence_id", "text", "start", "end"]
# An article with many doubtful credits (a long file) lists this many, then how many more.
DOUBTS_LISTED_PER_ARTICLE = 5
# ``reason_code`` comes last, after the English ``reason``: its machine-readable code (analysis.corpus.codes).
REMOVED_COLUMNS = ["article_id", "source_file", "line_number", "start", "end", "text", "reason", "change",
                   "replacement", "reason_code"]


@dataclass
class Corpus:
    """A set of articles as tidy tables.

    - ``articles``: one row per article: article_id, outlet, title, date (datetime, NaT when
      unknown), url, kind, source_file, text (the cleaned body), n_words, then any extra
      manifest columns as they were.
    - ``paragraphs``: article_id, paragraph_id, text, start, end.
    - ``sentences``: article_id, paragraph_id, sentence_id, text, start, end; ``start`` and ``end``
      are offsets into the article's ``text``, and ``sentence_id`` counts from 0 in each article.
    - ``removed``: article_id, source_file, line_number, start, end, text, reason, change,
      replacement, reason_code: every line, or part of a line, that cleaning took out (``change``
      "removed") or repaired (``change`` "repaired", with the ``replacement``); ``start`` and
      ``end`` are offsets into the line; ``reason_code`` is the reason's code
      (``analysis.corpus.codes.REMOVAL_REASONS``).
    - ``problems``: source, problem, action, code: every file or row skipped, repaired or
      doubtful; ``code`` is the kind of problem (``analysis.corpus.codes.PROBLEM_CODES``).
    - ``events``: the folder's ``events.csv`` timeline (date, event, ...), empty if there is none.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    problems: pd.DataFrame
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    source: str = ""

    def __repr__(self) -> str:
        return (f"Corpus({len(self.articles)} articles, {len(self.sentences)} sentences, "
                f"{len(self.removed)} removed lines, {len(self.problems)} problems; from {self.source})")

    def head(self, n: int) -> Corpus:
        """Return a corpus of the first ``n`` articles, with their rows of every table."""
        return self.subset(self.articles["article_id"].head(n))

    def subset(self, article_ids) -> Corpus:
        """Return a corpus of the given articles (in the corpus's order), with their rows of every table."""
        ids = set(article_ids)

        def keep(table: pd.DataFrame) -> pd.DataFrame:
            return table[table["article_id"].isin(ids)].reset_index(drop=True) if "article_id" in table else table

        return Corpus(articles=keep(self.articles), paragraphs=keep(self.paragraphs), sentences=keep(self.sentences),
                      removed=keep(self.removed), problems=self.problems, events=self.events, source=self.source)

    def summary(self) -> pd.DataFrame:
        """Return one row per article: article_id, outlet, title, date, n_paragraphs, n_sentences,
        n_words, n_removed_lines (lines or parts of lines taken out), n_repairs."""
        counts = {
            "n_paragraphs": self.paragraphs.groupby("article_id").size(),
            "n_sentences": self.sentences.groupby("article_id").size(),
            "n_removed_lines": self.removed[self.removed["change"] == "removed"].groupby("article_id").size(),
            "n_repairs": self.removed[self.removed["change"] == "repaired"].groupby("article_id").size(),
        }
        table = self.articles[["article_id", "outlet", "title", "date", "n_words"]].copy()
        for name, series in counts.items():
            table[name] = table["article_id"].map(series).fillna(0).astype(int)
        return table[["article_id", "outlet", "title", "date", "n_paragraphs", "n_sentences",
                      "n_words", "n_removed_lines", "n_repairs"]]


def _already_clean(text: str) -> CleanText:
    """A text that was cleaned before (a corpus's own ``articles`` table): taken as it is."""
    return CleanText(text=text, paragraphs=paragraph_spans(text))


# A double quote mark: straight, curly, low, typewriter pairs (the marks ``quotes.find_quote_spans``
# reads), and guillemets, which a text keeps when its scraper lost none.
_DOUBLE_QUOTE_MARK = re.compile(r"[\"“”„«»]|''|``")


def _quote_marks_lost(cleaned: CleanText) -> bool:
    """True when cleaning put back apostrophes a scraper lost ("couldn t") in a text that holds no
    double quote mark: a scraper that drops curly apostrophes drops curly quote marks too (on a real
    scraped corpus, 95% of one source's articles, none of the other's), leaving the quotes as plain
    narration ('...Palestinians,  Francis said.')."""
    return any(line.reason_code == codes.APOSTROPHE for line in cleaned.removed) \
        and not _DOUBLE_QUOTE_MARK.search(cleaned.text)


def _build(raw_articles: list[RawArticle], problems: ProblemLog, *, clean: bool = True,
           dayfirst: bool | None = None) -> dict[str, pd.DataFrame]:
    article_rows, paragraph_rows, sentence_rows, removed_rows = [], [], [], []
    cleaned_texts: dict[tuple[str, str | None], object] = {}  # wire copy repeats whole texts
    segmented: dict[str, tuple[list[tuple[int, int]], int]] = {}  # paragraph: (sentence spans, how many cut)
    for raw in raw_articles:
        title = raw.metadata.get("title")
        key = (raw.text, str(title) if title else None, raw.from_web_page)
        if key not in cleaned_texts:
            cleaned_texts[key] = (clean_text(raw.text, title=key[1], markup=not raw.from_web_page) if clean
                                  else _already_clean(raw.text))
        cleaned = cleaned_texts[key]
        if cleaned.had_html:
            problems.add(raw.source_file, "the text contains HTML tags",
                         "repaired: tags removed and their text kept; check the article's text", code=codes.HTML_TAGS)
        for doubt in cleaned.doubts[:DOUBTS_LISTED_PER_ARTICLE]:
            problems.add(f"{raw.source_file} line {doubt.line_number}", doubt.problem, doubt.action, code=doubt.code)
        if len(cleaned.doubts) > DOUBTS_LISTED_PER_ARTICLE:
            more = len(cleaned.doubts) - DOUBTS_LISTED_PER_ARTICLE
            problems.add(raw.source_file, f"{more} more places look like photo credits inside the text",
                         "kept: analysis.corpus.cleaning.clean_text(text).doubts lists them all",
                         code=codes.MORE_DOUBTS)
        if not cleaned.text.strip():
            problems.add(raw.source_file, "nothing is left of the text after cleaning",
                         "skipped: see corpus.removed for the lines that were taken out",
                         code=codes.EMPTY_AFTER_CLEANING)
        date = parse_date(raw.metadata.get("date"), raw.source_file, problems, dayfirst)
        if cleaned.header_date:
            header_date = parse_date(cleaned.header_date, raw.source_file, problems, dayfirst)
            if date is pd.NaT:
                date = header_date
            elif header_date is not pd.NaT and header_date.normalize() != date.normalize():
                problems.add(raw.source_file,
                             f"the text's date header ({cleaned.header_date}) differs from the manifest's date "
                             f"({date.date()})", "kept the manifest's date; check which is right",
                             code=codes.DATE_HEADER_DIFFERS)
        for line in cleaned.removed:
            removed_rows.append((raw.article_id, raw.source_file, line.line_number, line.start, line.end, line.text,
                                 line.reason, line.change, line.replacement, line.reason_code))
        if not cleaned.text.strip():
            continue
        if clean and _quote_marks_lost(cleaned):
            problems.add(raw.source_file, "apostrophes were lost in scraping (put back) and the text has no double "
                         "quote mark: its quote marks were probably lost with them, so no quote can be found in it",
                         "loaded: who speaks counts all its words as the writer's; load a copy of the text that keeps "
                         "its quote marks to count its quotes", code=codes.QUOTE_MARKS_LOST)

        sentence_id = 0
        n_split = 0
        for paragraph_id, (p_start, p_end) in enumerate(cleaned.paragraphs):
            paragraph = cleaned.text[p_start:p_end]
            paragraph_rows.append((raw.article_id, paragraph_id, paragraph, p_start, p_end))
            if paragraph not in segmented:
                segmented[paragraph] = bounded_sentence_spans(paragraph)
            n_split += segmented[paragraph][1]
            for s_start, s_end in segmented[paragraph][0]:
                sentence_rows.append((raw.article_id, paragraph_id, sentence_id,
                                      paragraph[s_start:s_end], p_start + s_start, p_start + s_end))
                sentence_id += 1
        if n_split:
            problems.add(raw.source_file, f"{n_split} sentence(s) longer than {MAX_SENTENCE_WORDS} words (no sentence "
                         "punctuation?)", f"split into pieces of at most {MAX_SENTENCE_WORDS} words; "
                         "check the text's full stops", code=codes.LONG_SENTENCES)
        metadata = dict(raw.metadata)
        row = {
            "article_id": raw.article_id,
            "outlet": metadata.pop("outlet", None) or raw.article_id,
            "title": metadata.pop("title", None),
            "date": date,
            "url": metadata.pop("url", None),
            "kind": metadata.pop("kind", None),
            "source_file": raw.source_file,
            "text": cleaned.text,
            "n_words": count_words(cleaned.text),
        }
        metadata.pop("date", None)
        row.update(metadata)
        article_rows.append(row)

    articles = pd.DataFrame(article_rows)
    if articles.empty:
        articles = pd.DataFrame(columns=ARTICLE_COLUMNS)
    articles["date"] = pd.to_datetime(articles["date"])
    articles["n_words"] = articles["n_words"].astype(int)
    extra = [column for column in articles.columns if column not in ARTICLE_COLUMNS]
    return {
        "articles": articles[ARTICLE_COLUMNS + extra],
        "paragraphs": pd.DataFrame(paragraph_rows, columns=PARAGRAPH_COLUMNS),
        "sentences": pd.DataFrame(sentence_rows, columns=SENTENCE_COLUMNS),
        "removed": pd.DataFrame(removed_rows, columns=REMOVED_COLUMNS),
    }


def load_corpus(path: str | Path | pd.DataFrame | None = None, *, strict: bool = False, clean: bool = True,
                dayfirst: bool | None = None) -> Corpus:
    """Return the corpus at ``path`` (the bundled corpus when None) as tidy tables.

    ``path`` may be a folder of ``.txt`` files (with an optional ``articles.csv`` manifest whose
    ``file`` column names each text) and/or saved web pages (``.html``); a ``.csv``, ``.jsonl`` or
    ``.parquet`` file with a ``text`` column; a single ``.txt`` or ``.html`` file; or a DataFrame
    with a ``text`` column. Bad files and rows are skipped or repaired and listed in
    ``corpus.problems`` (a warning says how many); with ``strict=True`` any problem raises one
    ``CorpusError`` that lists them all. ``clean=False`` takes each text as it is, for a table of
    texts cleaned already (a corpus's own ``articles``, as the pipeline passes them on): paragraphs
    are its blank-line-separated blocks, and nothing is taken out or repaired a second time.
    ``dayfirst`` says how to read a date such as ``04/03/2021`` whose day and month could be either
    way round: True for day/month/year, False for month/day/year; None (the default) leaves such a
    date unknown, with a problem.
    """
    source = paths.bundled_corpus_dir() if path is None else path
    if not isinstance(source, pd.DataFrame):
        source = Path(source).expanduser()
    name = "a DataFrame" if isinstance(source, pd.DataFrame) else str(source)
    problems = ProblemLog()
    raw_articles, events = read_raw(source, problems)
    tables = _build(raw_articles, problems, clean=clean, dayfirst=dayfirst)
    if tables["articles"].empty and not isinstance(source, pd.DataFrame) and not len(problems):
        problems.add(name, "no article was found", "nothing loaded: give a file or folder with articles in it",
                     code=codes.NO_ARTICLES)
    report_not_english(tables["articles"], problems)
    if events is None:
        events = pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "event": pd.Series(dtype=str)})
    else:
        events = events.copy()
        events["date"] = [parse_date(value, f"events.csv row {label + 1}", problems, dayfirst)
                          for label, value in zip(events.index, events["date"])]
        events["date"] = pd.to_datetime(events["date"])
        events = events.reset_index(drop=True)
    if strict and len(problems):
        raise problems.as_error(name)
    if len(problems):
        warnings.warn(f"{len(problems)} problem(s) while loading {name}; see corpus.problems", stacklevel=2)
    return Corpus(**tables, problems=problems.frame(), events=events, source=name)
