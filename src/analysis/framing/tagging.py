"""Tagging: every hit of a codebook's terms in a corpus, which sentences carry which frame, and the
hits read back in their context (``kwic``)."""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
import pandas as pd

from analysis.framing.codebook import (
    Codebook, as_codebook, codebook_argument, find_terms, find_terms_in_texts, term_problem,
)

__all__ = ["HIT_COLUMNS", "KWIC_COLUMNS", "tag_sentences", "sentence_frames", "hits_in_context", "kwic"]

HIT_COLUMNS = ["article_id", "sentence_id", "frame", "term", "matched_text", "start", "end"]
KWIC_COLUMNS = ["article_id", "outlet", "sentence_id", "left", "match", "right", "frame", "term"]
# kwic looks this many characters per word of ``window`` around a hit for the words it shows.
_CHARACTERS_PER_WORD = 30


def tag_sentences(corpus, codebook: str | Codebook | None = None) -> pd.DataFrame:
    """Return one row per frame hit: article_id, sentence_id, frame, term (as in the dictionary),
    matched_text (as in the article), start, end (offsets into the article's text)."""
    codebook = as_codebook(codebook)
    sentences_by_article: dict[str, tuple[list[int], list[int]]] = {}
    for article_id, sentence_id, start in zip(*(corpus.sentences[column].tolist()
                                                for column in ("article_id", "sentence_id", "start"))):
        starts, ids = sentences_by_article.setdefault(article_id, ([], []))
        starts.append(int(start))
        ids.append(int(sentence_id))
    # Hits never cross a paragraph break, so each distinct paragraph (wire copy repeats them) is
    # searched once for the terms of all frames, and its hits are placed in every article that has it.
    paragraphs = corpus.paragraphs[corpus.paragraphs["article_id"].isin(list(sentences_by_article))]
    codes, distinct = pd.factorize(paragraphs["text"])
    frames = list(codebook.frames.values())
    hits_of = [[(frame.name, term, found, start, end) for frame, hits in zip(frames, hits_by_frame)
                for term, found, start, end in hits]
               for hits_by_frame in find_terms_in_texts(distinct.tolist(), [frame.terms for frame in frames])]
    rows = []
    for article_id, code, offset in zip(paragraphs["article_id"].tolist(), codes.tolist(),
                                        paragraphs["start"].tolist()):
        starts, ids = sentences_by_article[article_id]
        for name, term, found, start, end in hits_of[code]:
            index = max(0, bisect_right(starts, start + offset) - 1)
            rows.append((article_id, ids[index], name, term, found, start + offset, end + offset))
    order = {article_id: position for position, article_id in enumerate(corpus.articles["article_id"])}
    return pd.DataFrame(rows, columns=HIT_COLUMNS).sort_values(
        ["article_id", "start", "frame"], kind="stable",
        key=lambda column: column.map(order) if column.name == "article_id" else column).reset_index(drop=True)


def sentence_frames(corpus, codebook: str | Codebook | None = None, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per sentence with a True/False column per frame (does the sentence carry it?).

    Columns: article_id, sentence_id, then one column per frame of the codebook.
    """
    codebook = as_codebook(codebook)
    hits = tag_sentences(corpus, codebook) if hits is None else hits
    table = corpus.sentences[["article_id", "sentence_id"]].reset_index(drop=True)
    # Which row of the table each hit's sentence is (-1: a sentence the corpus does not have).
    rows = pd.MultiIndex.from_frame(table).get_indexer(pd.MultiIndex.from_arrays([hits["article_id"],
                                                                                  hits["sentence_id"]]))
    frames = hits["frame"].to_numpy()
    for name in codebook.frames:
        carries = np.zeros(len(table), dtype=bool)
        carries[rows[(frames == name) & (rows >= 0)]] = True
        table[name] = carries
    return table


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


def kwic(corpus, pattern_or_frame: str, *, window: int = 8, codebook: str | Codebook | None = None,
         hits: pd.DataFrame | None = None, frames: str | Codebook | None = None) -> pd.DataFrame:
    """Return keyword-in-context lines for a frame of the codebook or for a term ("negotiat*").

    Columns: article_id, outlet, sentence_id, left (up to ``window`` words before), match, right
    (up to ``window`` words after), frame (empty for a term), term. ``frames`` is the former name
    of ``codebook``, still accepted.
    """
    codebook = as_codebook(codebook_argument(codebook, frames, "kwic"))
    if pattern_or_frame in codebook.frames:
        hits = tag_sentences(corpus, codebook) if hits is None else hits
        hits = hits[hits["frame"] == pattern_or_frame]
    else:
        problem = term_problem(pattern_or_frame)
        if problem:
            raise ValueError(f"'{pattern_or_frame}' is not a frame of {codebook.path.name} "
                             f"({', '.join(codebook.frames)}), and as a term: {problem}")
        hits = _term_hits(corpus, pattern_or_frame)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))
    reach = _CHARACTERS_PER_WORD * window
    lines = []
    for hit in hits.itertuples(index=False):
        text = texts[hit.article_id]
        left = " ".join(text[max(0, hit.start - reach):hit.start].split()[-window:]) if window else ""
        right = " ".join(text[hit.end:hit.end + reach].split()[:window]) if window else ""
        lines.append({"article_id": hit.article_id, "outlet": outlets[hit.article_id], "sentence_id": hit.sentence_id,
                      "left": left, "match": hit.matched_text, "right": right, "frame": hit.frame, "term": hit.term})
    return pd.DataFrame(lines, columns=KWIC_COLUMNS)


def _term_hits(corpus, term: str) -> pd.DataFrame:
    """The hits of one term in every article that has sentences, in the columns of ``HIT_COLUMNS``
    (frame empty)."""
    rows = []
    sentences_by_article = {article_id: group for article_id, group in corpus.sentences.groupby("article_id")}
    for article in corpus.articles.itertuples(index=False):
        sentences = sentences_by_article.get(article.article_id)
        if sentences is None:
            continue
        for found_term, found, start, end in find_terms(article.text, [term]):
            index = max(0, int(sentences["start"].to_numpy().searchsorted(start, side="right")) - 1)
            rows.append((article.article_id, int(sentences["sentence_id"].iloc[index]), "", found_term, found, start,
                         end))
    return pd.DataFrame(rows, columns=HIT_COLUMNS)
