"""Which story elements (the facts a full account of the story would include, from an editable
``story_elements.yml``) each article includes, with the sentence that shows it.
"""

from __future__ import annotations

import pandas as pd

from analysis.framing import Codebook, load_codebook, tag_sentences
from analysis.resources import paths

__all__ = ["ELEMENT_COLUMNS", "load_elements", "element_coverage"]

ELEMENT_COLUMNS = ["article_id", "outlet", "element", "label", "present", "n_hits", "matched", "evidence",
                   "evidence_sentence_id"]


def load_elements(path=None) -> Codebook:
    """Return the story elements of ``path`` (default: the bundled corpus's ``story_elements.yml``),
    checked like a codebook."""
    return load_codebook(path or paths.bundled_corpus_dir() / "story_elements.yml", section="elements")


def element_coverage(corpus, elements=None) -> pd.DataFrame:
    """Return which story elements each article includes, with the evidence.

    Columns: article_id, outlet, element, label, present, n_hits, matched (the first words found),
    evidence (the first sentence with the element), evidence_sentence_id.
    """
    book = elements if isinstance(elements, Codebook) else load_elements(elements)
    hits = tag_sentences(corpus, book)
    # One row per article and element (a cross join), filled from each pair's first hit by joins.
    grid = corpus.articles[["article_id", "outlet"]].merge(
        pd.DataFrame({"element": list(book.frames), "label": [element.label for element in book.frames.values()]}),
        how="cross")
    counts = hits.groupby(["article_id", "frame"]).size().rename("n_hits")
    first = (hits.drop_duplicates(["article_id", "frame"])
             .merge(corpus.sentences[["article_id", "sentence_id", "text"]], on=["article_id", "sentence_id"], how="left")
             .set_index(["article_id", "frame"]))
    keys = pd.MultiIndex.from_arrays([grid["article_id"], grid["element"]])
    n_hits = counts.reindex(keys).fillna(0).astype(int).to_numpy()
    found = first.reindex(keys)
    return pd.DataFrame({
        "article_id": grid["article_id"], "outlet": grid["outlet"], "element": grid["element"],
        "label": grid["label"], "present": n_hits > 0, "n_hits": n_hits,
        "matched": found["matched_text"].fillna("").to_numpy(), "evidence": found["text"].fillna("").to_numpy(),
        "evidence_sentence_id": pd.array(found["sentence_id"].to_numpy(), dtype="Int64"),
    })
