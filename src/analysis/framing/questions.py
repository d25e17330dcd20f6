"""Question codebooks (``generic_frames``: Semetko and Valkenburg 2000): the dictionary's suggested
answer to each yes/no question, per article or paragraph, with its evidence, for a coder to check."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import DictionaryError
from analysis.framing.codebook import Codebook, as_codebook, find_terms_in_texts

__all__ = ["QUESTION_CODEBOOK", "UNITS", "question_columns", "prefill_questions"]

QUESTION_CODEBOOK = "generic_frames"
UNITS = ("article", "paragraph")
_ANSWER_COLUMNS = ["frame", "question_id", "question", "suggestion", "suggestion_note", "n_hits", "evidence_term",
                   "evidence", "evidence_sentence_id"]


def question_columns(unit: str = "article") -> list[str]:
    """Return the columns of ``prefill_questions`` for a unit ("article" or "paragraph")."""
    return ["article_id"] + (["paragraph_id"] if unit == "paragraph" else []) + _ANSWER_COLUMNS


def prefill_questions(corpus, codebook: str | Path | Codebook = QUESTION_CODEBOOK, *,
                      unit: str = "article") -> pd.DataFrame:
    """Return the dictionary's suggested answer to each question, for each article (or paragraph).

    Columns: article_id, paragraph_id (with unit="paragraph"), frame, question_id, question,
    suggestion ("yes" when an indicator occurs, else "no"), suggestion_note (how often the question's
    "yes" was right against people's codes of real news, from the codebook's ``validated:``
    figures; "weak indicator: ..." where it is weak; "" where unmeasured), n_hits, evidence_term,
    evidence (the first sentence with an indicator), evidence_sentence_id. A suggestion is for a
    coder to confirm or overrule, not an answer. One row per unit (every article; every paragraph
    with a sentence) and question, units in the corpus's order.
    """
    if unit not in UNITS:
        raise ValueError("unit must be 'article' or 'paragraph'")
    codebook = as_codebook(codebook)
    questions = [(frame.name, question) for frame in codebook.frames.values() for question in frame.questions]
    if not questions:
        raise DictionaryError(f"{codebook.path}: this codebook has no questions; use one like generic_frames.yml")
    order = {article_id: position for position, article_id in enumerate(corpus.articles["article_id"])}
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(list(order))]
    keys = ["article_id"] if unit == "article" else ["article_id", "paragraph_id"]
    if unit == "article":
        units = corpus.articles[keys].reset_index(drop=True)
        unit_index = pd.Index(units["article_id"])
    else:
        units = sentences[keys].drop_duplicates()
        units = units.iloc[np.lexsort((units["paragraph_id"].to_numpy(), units["article_id"].map(order).to_numpy()))]
        units = units.reset_index(drop=True)
        unit_index = pd.MultiIndex.from_frame(units)
    # Each distinct sentence is searched once, for the indicators of every question; units add up
    # their sentences' hits.
    codes, distinct = pd.factorize(sentences["text"])
    counts = np.zeros((len(questions), len(distinct)), dtype=int)  # hits of each question in each sentence
    first_terms = np.full((len(questions), len(distinct)), "", dtype=object)  # and the term of its first hit
    found = find_terms_in_texts(distinct.tolist(), [question.indicators for _, question in questions])
    for position, hits_by_question in enumerate(found):
        for number, hits in enumerate(hits_by_question):
            if hits:
                counts[number, position], first_terms[number, position] = len(hits), hits[0][0]
    n_hits, terms, evidence, evidence_ids = [], [], [], []
    for number in range(len(questions)):
        per_sentence = sentences[keys + ["sentence_id", "text"]].assign(n=counts[number][codes],
                                                                         term=first_terms[number][codes])
        n_hits.append(per_sentence.groupby(keys, sort=False)["n"].sum().reindex(unit_index, fill_value=0).to_numpy())
        first = per_sentence[per_sentence["n"] > 0].drop_duplicates(keys).set_index(keys).reindex(unit_index)
        terms.append(first["term"].fillna("").to_numpy(dtype=object))
        evidence.append(first["text"].fillna("").to_numpy(dtype=object))
        evidence_ids.append(first["sentence_id"].to_numpy(dtype=object))
    # One row per unit and question: the unit's rows together, its questions in the codebook's order.
    count = len(units)

    def by_unit(columns: list[np.ndarray]) -> list:
        return np.column_stack(columns).reshape(-1).tolist() if count else []

    hits_per_row = by_unit(n_hits)
    table = {"article_id": np.repeat(units["article_id"].to_numpy(dtype=object), len(questions)).tolist()}
    if unit == "paragraph":
        table["paragraph_id"] = np.repeat(units["paragraph_id"].to_numpy(), len(questions)).tolist()
    table.update({
        "frame": [name for name, _ in questions] * count,
        "question_id": [question.id for _, question in questions] * count,
        "question": [question.text for _, question in questions] * count,
        "suggestion": ["yes" if hits else "no" for hits in hits_per_row],
        "suggestion_note": [question.note() for _, question in questions] * count,
        "n_hits": hits_per_row,
        "evidence_term": by_unit(terms),
        "evidence": by_unit(evidence),
        "evidence_sentence_id": [pd.NA if pd.isna(sentence_id) else int(sentence_id)
                                 for sentence_id in by_unit(evidence_ids)]})
    return pd.DataFrame(table, columns=question_columns(unit))
