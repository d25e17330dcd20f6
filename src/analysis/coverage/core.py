"""How the outlets' coverage differs: text reuse, what an edit kept, cut, added and reworded, the
words that set each outlet apart, which story elements each article includes, and when.
"""

from __future__ import annotations

import warnings
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd
import scipy.sparse as sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer

from analysis import framing
from analysis.compare import FEW_ARTICLES, TOP_OUTLETS, outlet_similarity
from analysis.scale.caching import CACHE_SIZE
from analysis.corpus.language import not_english_ids
from analysis.corpus.text import (HOUSE_STYLE_HONORIFICS, american_spelling, casefolded_words, normalised_words,
                                  straighten_quotes,
                                  word_sequences, words)

SHINGLE_SIZE = 5
REWORDED_THRESHOLD = 0.5
MERGED_CONTAINMENT = 0.7
CAPTION_REASONS = ("photo caption",)


# --- reuse ----------------------------------------------------------------------------------------


@lru_cache(maxsize=CACHE_SIZE)
def _paragraph_content_words(paragraph: str) -> tuple[str, ...]:
    return tuple(word for word in casefolded_words(paragraph) if word not in ENGLISH_STOP_WORDS)


def _content_words(text: str) -> list[str]:
    # Words never cross a line break, so a text's words are its paragraphs' words (each read once).
    return [word for paragraph in text.split("\n\n") for word in _paragraph_content_words(paragraph)]


def _shingles(text: str, size: int = SHINGLE_SIZE) -> list[str]:
    return word_sequences(normalised_words(text), size)


def reuse_vectors(texts: list[str]) -> sparse.csr_matrix:
    """Return the TF-IDF vectors that reuse is measured with: content words, sublinear term
    frequency, rows of unit length (cosine = dot product)."""
    return TfidfVectorizer(analyzer=_content_words, sublinear_tf=True).fit_transform(texts).tocsr()


def _vectors(corpus, measure: str) -> sparse.csr_matrix:
    texts = corpus.articles["text"].tolist()
    if measure == "tfidf":
        return reuse_vectors(texts)
    if measure == "shingles":
        return CountVectorizer(analyzer=_shingles, binary=True).fit_transform(texts).tocsr().astype(float)
    raise ValueError("measure must be 'tfidf' (TF-IDF cosine of words) or 'shingles' (Jaccard overlap of "
                     f"{SHINGLE_SIZE}-word sequences)")


def _similarity(vectors: sparse.csr_matrix, measure: str, rows: slice | None = None) -> np.ndarray:
    block = vectors[rows] if rows is not None else vectors
    product = (block @ vectors.T).toarray()
    if measure == "tfidf":
        return product  # rows are L2-normalised: the product is the cosine
    sizes = np.asarray(vectors.sum(axis=1)).ravel()
    block_sizes = sizes[rows] if rows is not None else sizes
    union = block_sizes[:, None] + sizes[None, :] - product
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, product / union, 0.0)


def reuse_matrix(corpus, *, measure: str = "tfidf") -> pd.DataFrame:
    """Return a square table of text similarity between articles (index and columns: article_id).

    ``measure="tfidf"``: cosine similarity of TF-IDF word vectors (shared vocabulary weighted to
    rare words; sublinear term frequency; scikit-learn's English stop words left out, since every
    text shares "the" and "of"). ``measure="shingles"``: Jaccard overlap of the sets of five-word sequences, after
    normalising case, spelling, quote marks and honorifics: the share of text reused word for word.
    Both are computed with sparse vectors. An article compared with itself scores 1 (0 if empty).
    """
    ids = corpus.articles["article_id"].tolist()
    if not ids:
        return pd.DataFrame(index=pd.Index([], name="article_id"), columns=pd.Index([], name="article_id"), dtype=float)
    matrix = _similarity(_vectors(corpus, measure), measure)
    table = pd.DataFrame(np.clip(matrix, 0.0, 1.0), index=ids, columns=ids)
    table.index.name = table.columns.name = "article_id"
    return table


def similarity_table(corpus, *, measure: str = "tfidf", top: int = TOP_OUTLETS) -> pd.DataFrame:
    """Return the article-by-article similarity (``reuse_matrix``) for twenty articles or fewer;
    past that, outlet by outlet (``compare.outlet_similarity``: the mean TF-IDF cosine over their
    pairs of articles, computed without comparing every pair), the ``top`` largest outlets by name."""
    if len(corpus.articles) <= FEW_ARTICLES:
        return reuse_matrix(corpus, measure=measure)
    table = outlet_similarity(corpus.articles, top=top)
    table.index.name = table.columns.name = "outlet"
    return table


def most_alike(corpus, pairs: pd.DataFrame | None = None, *, top: int = 10) -> pd.DataFrame:
    """Return the ``top`` most alike pairs of articles as a ranked table with their outlets, TF-IDF
    cosine and the share of five-word sequences they share (Jaccard). ``pairs`` (from
    ``reuse_pairs``, as ``analyse`` keeps them) saves comparing every pair of a large corpus; by
    default every pair is compared.

    Columns: rank, article_a, outlet_a, article_b, outlet_b, similarity, shared_sequences.
    """
    if pairs is None:
        pairs = reuse_pairs(corpus, min_similarity=0.0)
    chosen = pairs.head(top).reset_index(drop=True)
    outlet = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))
    text = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    shared = []
    for a, b in zip(chosen["article_a"], chosen["article_b"]):
        first, second = set(_shingles(text[a])), set(_shingles(text[b]))
        union = len(first | second)
        shared.append(len(first & second) / union if union else 0.0)
    return pd.DataFrame({"rank": range(1, len(chosen) + 1), "article_a": chosen["article_a"],
                         "outlet_a": chosen["article_a"].map(outlet), "article_b": chosen["article_b"],
                         "outlet_b": chosen["article_b"].map(outlet), "similarity": chosen["similarity"].round(3),
                         "shared_sequences": [round(value, 3) for value in shared]})


def reuse_pairs(corpus, *, measure: str = "tfidf", min_similarity: float = 0.3, block: int = 1000,
                top: int | None = None, approximate: bool = False, lsh_threshold: float = 0.5) -> pd.DataFrame:
    """Return the pairs of different articles at least ``min_similarity`` alike, most alike first.

    Computed block by block of rows, so memory stays at ``block`` x articles however large the
    corpus. With ``top``, only each article's ``top`` most alike partners are kept, so the table
    grows with the number of articles, not its square (wire copy can make every article alike).

    ``approximate=True`` (for large corpora; the pipeline switches to it past 5,000 articles)
    compares only the candidate pairs that MinHash LSH finds sharing word-for-word text (see
    ``analysis.coverage.minhash``: five-word sequences, Jaccard about ``lsh_threshold`` or more); each
    candidate's similarity is then computed exactly, so every pair reported is a true pair with
    its true similarity, but pairs alike in vocabulary and not in wording can be missed.
    Columns: article_a, article_b, similarity.
    """
    ids = corpus.articles["article_id"].tolist()
    found: dict[tuple[int, int], float] = {}
    if ids and approximate:
        found = _approximate_pairs(corpus, measure, min_similarity, top, lsh_threshold)
    elif ids:
        vectors = _vectors(corpus, measure)
        for begin in range(0, len(ids), block):
            chunk = _similarity(vectors, measure, slice(begin, min(begin + block, len(ids))))
            for i in range(chunk.shape[0]):
                chunk[i, begin + i] = -1.0  # never pair an article with itself
            if top is not None and chunk.shape[1] > top:
                partners = np.argpartition(-chunk, top - 1, axis=1)[:, :top]
                rows = np.repeat(np.arange(chunk.shape[0]), top)
                columns = partners.ravel()
                keep = chunk[rows, columns] >= min_similarity
                rows, columns = rows[keep], columns[keep]
            else:
                rows, columns = np.nonzero(chunk >= min_similarity)
            for i, j in zip(rows.tolist(), columns.tolist()):
                pair = (min(begin + i, j), max(begin + i, j))
                found[pair] = float(chunk[i, j])
    table = pd.DataFrame([(ids[a], ids[b], value) for (a, b), value in found.items()],
                         columns=["article_a", "article_b", "similarity"])
    return table.sort_values(["similarity", "article_a", "article_b"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


def _pair_similarity(vectors: sparse.csr_matrix, measure: str, first: np.ndarray, second: np.ndarray,
                     chunk: int = 20_000) -> np.ndarray:
    """Return the similarity of each pair (first[k], second[k]) of rows, chunk by chunk."""
    sizes = np.asarray(vectors.sum(axis=1)).ravel() if measure != "tfidf" else None
    values = []
    for begin in range(0, len(first), chunk):
        a, b = first[begin:begin + chunk], second[begin:begin + chunk]
        product = np.asarray(vectors[a].multiply(vectors[b]).sum(axis=1)).ravel()
        if sizes is not None:
            union = sizes[a] + sizes[b] - product
            with np.errstate(invalid="ignore", divide="ignore"):
                product = np.where(union > 0, product / union, 0.0)
        values.append(product)
    return np.concatenate(values) if values else np.empty(0)


def _approximate_pairs(corpus, measure: str, min_similarity: float, top: int | None,
                       lsh_threshold: float) -> dict[tuple[int, int], float]:
    from analysis.coverage import minhash

    texts = corpus.articles["text"].tolist()
    first, second = minhash.candidate_pairs(minhash.signatures(texts), threshold=lsh_threshold,
                                            per_article=max(20, 4 * (top or 0)))
    similarity = _pair_similarity(_vectors(corpus, measure), measure, first, second)
    keep = similarity >= min_similarity
    first, second, similarity = first[keep], second[keep], similarity[keep]
    if top is not None:
        # Each article keeps its ``top`` most alike partners; a pair stays if either side keeps it.
        first, second, similarity = minhash.keep_closest(first, second, similarity, top)
    return {(int(a), int(b)): float(value) for a, b, value in zip(first, second, similarity)}


# --- alignment of two editions -----------------------------------------------------------------

ALIGN_COLUMNS = ["status", "unit", "a_sentence_id", "a_text", "b_sentence_id", "b_text", "similarity",
                 "removed_words", "added_words", "edits"]


def _ratio(first: list[str], second: list[str]) -> float:
    if not first and not second:
        return 1.0
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def _containment(part: list[str], whole: list[str]) -> float:
    if not part:
        return 0.0
    blocks = SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(part)


def describe_edits(before: str, after: str) -> tuple[str, str, str]:
    """Return (removed words, added words, edits) between two versions of a sentence.

    ``edits`` names what changed, e.g. "honorific added: Mr; spelling: apologized → apologised;
    quote marks and apostrophes; words: Tuesday → on Tuesday".
    """
    first, second = words(before), words(after)
    matcher = SequenceMatcher(None, [straighten_quotes(w.casefold()) for w in first],
                              [straighten_quotes(w.casefold()) for w in second], autojunk=False)
    removed, added, edits = [], [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = first[i1:i2], second[j1:j2]
        removed += old
        added += new
        if not old and all(word.casefold() in HOUSE_STYLE_HONORIFICS for word in new):
            edits.append("honorific added: " + " ".join(new))
        elif not new and all(word.casefold() in HOUSE_STYLE_HONORIFICS for word in old):
            edits.append("honorific removed: " + " ".join(old))
        elif len(old) == len(new) and all(american_spelling(a) == american_spelling(b) for a, b in zip(old, new)):
            edits.append("spelling: " + " ".join(old) + " → " + " ".join(new))
        else:
            edits.append("words: " + (" ".join(old) or "(none)") + " → " + (" ".join(new) or "(none)"))
    if _quote_style(before) and _quote_style(after) and _quote_style(before) != _quote_style(after):
        edits.append("quote marks and apostrophes")
    return " ".join(removed), " ".join(added), "; ".join(edits)


def _quote_style(text: str) -> set[str]:
    style = set()
    if set("“”‘’") & set(text):
        style.add("curly")
    if set("\"'") & set(text):
        style.add("straight")
    return style


def _units(corpus, article_id: str, include_captions: bool) -> pd.DataFrame:
    sentences = corpus.sentences[corpus.sentences["article_id"] == article_id]
    units = pd.DataFrame({"unit": "sentence", "sentence_id": sentences["sentence_id"].astype("Int64"),
                          "text": sentences["text"]})
    if include_captions:
        removed = corpus.removed[(corpus.removed["article_id"] == article_id)
                                 & corpus.removed["reason"].str.startswith(CAPTION_REASONS)]
        removed = removed.drop_duplicates("text")
        captions = pd.DataFrame({"unit": "caption", "sentence_id": pd.array([pd.NA] * len(removed), dtype="Int64"),
                                 "text": removed["text"]})
        units = pd.concat([captions, units], ignore_index=True)
    return units.reset_index(drop=True)


def _monotone_alignment(similarity: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Return the order-keeping pairs that maximise the summed similarity (pairs below threshold excluded)."""
    n, m = similarity.shape
    score = np.zeros((n + 1, m + 1))
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1, j], score[i, j + 1])
            if similarity[i, j] >= threshold:
                best = max(best, similarity[i, j] + score[i + 1, j + 1])
            score[i, j] = best
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if similarity[i, j] >= threshold and np.isclose(score[i, j], similarity[i, j] + score[i + 1, j + 1]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif np.isclose(score[i, j], score[i + 1, j]):
            i += 1
        else:
            j += 1
    return pairs


def _absorbed(own: list[list[str]], other: list[list[str]], pairs: dict[int, int]) -> dict[int, int]:
    """Return {unmatched unit: the other side's unit} for units of ``own`` with no pair of their own
    whose words stand almost whole in the counterpart of a paired neighbour."""
    absorbed = {}
    for index in range(len(own)):
        if index in pairs:
            continue
        for neighbour in (index - 1, index + 1):
            if neighbour in pairs and _containment(own[index], other[pairs[neighbour]]) >= MERGED_CONTAINMENT:
                absorbed[index] = pairs[neighbour]
                break
    return absorbed


def align(corpus, a: str, b: str, *, include_captions: bool = True, sentence_scores: pd.DataFrame | None = None,
          frames=None) -> pd.DataFrame:
    """Return a sentence-by-sentence alignment of article ``b`` against article ``a``.

    Each unit of ``a`` (its sentences, and its photo captions from ``corpus.removed``) is ``kept``
    (the same after normalising case, spelling, quote marks and honorifics), ``reworded`` (matched
    to a sentence of ``b`` with ``similarity`` at least 0.5, or merged into one), or ``cut``; units of
    ``b`` with no counterpart are ``added``. Rows follow the order of both texts.

    Columns: status, unit ("sentence" or "caption"), a_sentence_id, a_text, b_sentence_id, b_text,
    similarity (0..1, of the normalised words), removed_words, added_words, edits (honorifics added,
    spelling changes, quote marks, other words), then the sentiment of each side and its change
    (a_vader, b_vader, vader_change, a_textblob, b_textblob) and the frames of each side (a_frames,
    b_frames), so that every edit's effect on tone and frame can be read.
    """
    for article_id in (a, b):
        if article_id not in set(corpus.articles["article_id"]):
            raise KeyError(f"No article '{article_id}' in the corpus; its ids are: {', '.join(corpus.articles['article_id'])}")
    first, second = _units(corpus, a, include_captions), _units(corpus, b, include_captions)
    first_words = [normalised_words(text) for text in first["text"]]
    second_words = [normalised_words(text) for text in second["text"]]
    similarity = np.array([[_ratio(x, y) if first["unit"][i] == second["unit"][j] else 0.0
                            for j, y in enumerate(second_words)] for i, x in enumerate(first_words)]).reshape(
        len(first_words), len(second_words))
    pairs = dict(_monotone_alignment(similarity, REWORDED_THRESHOLD))
    matched_second = set(pairs.values())
    # A sentence that an edit merged into its neighbour's counterpart ("... and described them"),
    # and, the other way round, a sentence of b split off from its neighbour's counterpart in a.
    merged = _absorbed(first_words, second_words, pairs)
    split = _absorbed(second_words, first_words, {j: i for i, j in pairs.items()})

    rows = []
    j_next = 0

    def emit_added(until: int) -> None:
        nonlocal j_next
        while j_next < until:
            if j_next not in matched_second and j_next not in split and j_next not in merged.values():
                rows.append(_row("added", second.loc[j_next, "unit"], None, second.loc[j_next], 0.0))
            elif j_next in split:
                i = split[j_next]
                rows.append(_row("reworded", second.loc[j_next, "unit"], first.loc[i], second.loc[j_next],
                                 _containment(second_words[j_next], first_words[i]),
                                 ("", "", "split from one sentence")))
            j_next += 1

    for i in range(len(first_words)):
        target = pairs.get(i, merged.get(i))
        if target is not None:
            emit_added(target)
        if i in pairs:
            j = pairs[i]
            same = first_words[i] == second_words[j]
            rows.append(_row("kept" if same else "reworded", first.loc[i, "unit"], first.loc[i], second.loc[j],
                             float(similarity[i, j]), describe_edits(first.loc[i, "text"], second.loc[j, "text"])))
            j_next = max(j_next, j + 1)
        elif i in merged:
            j = merged[i]
            rows.append(_row("reworded", first.loc[i, "unit"], first.loc[i], second.loc[j],
                             _containment(first_words[i], second_words[j]),
                             ("", "", "merged into one sentence with its neighbour")))
        else:
            rows.append(_row("cut", first.loc[i, "unit"], first.loc[i], None, 0.0))
    emit_added(len(second_words))
    table = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    for column in ("a_sentence_id", "b_sentence_id"):
        table[column] = table[column].astype("Int64")
    return _annotate(table, corpus, a, b, sentence_scores, frames)


def _row(status: str, unit: str, first_unit, second_unit, similarity: float,
         edits: tuple[str, str, str] = ("", "", "")) -> dict:
    removed, added, described = edits
    return {"status": status, "unit": unit,
            "a_sentence_id": None if first_unit is None else first_unit["sentence_id"],
            "a_text": "" if first_unit is None else first_unit["text"],
            "b_sentence_id": None if second_unit is None else second_unit["sentence_id"],
            "b_text": "" if second_unit is None else second_unit["text"],
            "similarity": round(float(similarity), 3), "removed_words": removed, "added_words": added,
            "edits": described}


def _annotate(table, corpus, a, b, sentence_scores, frames) -> pd.DataFrame:
    from analysis.sentiment import core as sentiment

    if sentence_scores is None:
        subset = corpus.sentences[corpus.sentences["article_id"].isin([a, b])]
        sentence_scores = pd.concat([subset.reset_index(drop=True), sentiment._score_texts(subset["text"])], axis=1)
    scores = sentence_scores.set_index(["article_id", "sentence_id"])
    flags = framing.sentence_frames(corpus.subset([a, b]), frames).set_index(["article_id", "sentence_id"])
    frame_names = list(flags.columns)

    def lookup(article_id, sentence_ids, column):
        return [scores.at[(article_id, int(s)), column] if pd.notna(s) else np.nan for s in sentence_ids]

    def frames_of(article_id, sentence_ids):
        return [", ".join(name for name in frame_names if flags.at[(article_id, int(s)), name]) if pd.notna(s) else ""
                for s in sentence_ids]

    table["a_vader"] = lookup(a, table["a_sentence_id"], "vader_compound")
    table["b_vader"] = lookup(b, table["b_sentence_id"], "vader_compound")
    table["vader_change"] = table["b_vader"] - table["a_vader"]
    table["a_textblob"] = lookup(a, table["a_sentence_id"], "textblob_polarity")
    table["b_textblob"] = lookup(b, table["b_sentence_id"], "textblob_polarity")
    table["a_frames"] = frames_of(a, table["a_sentence_id"])
    table["b_frames"] = frames_of(b, table["b_sentence_id"])
    return table


def alignment_summary(alignment: pd.DataFrame) -> pd.DataFrame:
    """Return what an alignment found, one row per kind of change: the units kept, reworded, cut and
    added (sentences and captions apart), and the honorifics added, spelling and quote-mark changes."""
    rows = [{"change": f"{status} {unit}s", "count": int(((alignment["status"] == status)
                                                            & (alignment["unit"] == unit)).sum())}
            for unit in ("sentence", "caption") for status in ("kept", "reworded", "cut", "added")]
    edits = alignment["edits"].fillna("")
    rows += [
        {"change": "honorifics added", "count": int(edits.str.count(r"honorific added").sum())},
        {"change": "spelling changes", "count": int(edits.str.count(r"spelling:").sum())},
        {"change": "quote marks changed", "count": int(edits.str.count(r"quote marks").sum())},
    ]
    return pd.DataFrame(rows)


# --- distinctive terms ----------------------------------------------------------------------------

SMALL_GROUP_WORDS = 5000
SMALL_GROUP_ARTICLES = 5


def log_odds_dirichlet(counts_group: np.ndarray, counts_rest: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (delta, z): the weighted log-odds ratio of each word, group against rest, with an
    informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, equations 22 and 24).

    delta = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a));
    var(delta) ~ 1 / (y_i + a) + 1 / (y_j + a); z = delta / sqrt(var).
    """
    counts_group = np.asarray(counts_group, dtype=float)
    counts_rest = np.asarray(counts_rest, dtype=float)
    prior = np.asarray(prior, dtype=float)
    a0 = prior.sum()
    n_group, n_rest = counts_group.sum(), counts_rest.sum()
    delta = (np.log((counts_group + prior) / (n_group + a0 - counts_group - prior))
             - np.log((counts_rest + prior) / (n_rest + a0 - counts_rest - prior)))
    variance = 1 / (counts_group + prior) + 1 / (counts_rest + prior)
    return delta, delta / np.sqrt(variance)


def distinctive_terms(corpus, by: str = "outlet", *, top: int = 15, min_count: int = 2,
                      ngram_range: tuple[int, int] = (1, 1), prior_size: float | None = None,
                      resamples: int = 200, seed: int = 0, stop_words: bool = True) -> pd.DataFrame:
    """Return the words (or phrases) that set each group of articles apart from the rest.

    Each group is compared with all other articles by the weighted log-odds ratio with an
    informative Dirichlet prior (Monroe, Colaresi and Quinn 2008); the prior is the whole corpus's
    word counts, scaled to ``prior_size`` words (default: the corpus size). Uncertainty comes from
    resampling each side's sentences ``resamples`` times (seeded, so results repeat). With
    ``stop_words=True`` the terms made only of scikit-learn's English stop words ("the", "will") are
    not listed (they are still counted in the totals).

    Columns: ``by``, term, count_group, count_rest, log_odds, z, log_odds_low and log_odds_high (the
    5th and 95th percentiles over the resamples), stable (log_odds_low > 0: the term stays
    distinctive when the sentences are resampled), warning (why the scores mean little for a small
    group; empty when the group is large). ``top`` terms per group, highest z first.
    """
    columns = [by, "term", "count_group", "count_rest", "log_odds", "z", "log_odds_low", "log_odds_high",
               "stable", "warning"]
    groups = list(dict.fromkeys(corpus.articles[by]))
    if len(groups) < 2:
        warnings.warn(f"distinctive_terms needs at least two groups in '{by}'; this corpus has {len(groups)}",
                      stacklevel=2)
        return pd.DataFrame(columns=columns)
    sentences = corpus.sentences.merge(corpus.articles[list(dict.fromkeys(["article_id", by]))], on="article_id")
    vectorizer = CountVectorizer(analyzer="word", tokenizer=casefolded_words, preprocessor=None, lowercase=False,
                                 token_pattern=None, ngram_range=ngram_range)
    matrix = vectorizer.fit_transform(sentences["text"]).tocsr()
    vocabulary = np.array(vectorizer.get_feature_names_out())
    totals = np.asarray(matrix.sum(axis=0)).ravel()
    prior = totals if prior_size is None else totals / totals.sum() * prior_size
    keep = totals >= min_count
    if stop_words:
        keep &= np.array([not all(word in ENGLISH_STOP_WORDS for word in term.split()) for term in vocabulary])
    rng = np.random.default_rng(seed)
    labels = sentences[by].to_numpy()
    rows = []
    for group in groups:
        inside = np.flatnonzero(labels == group)
        outside = np.flatnonzero(labels != group)
        counts_group = np.asarray(matrix[inside].sum(axis=0)).ravel()
        counts_rest = np.asarray(matrix[outside].sum(axis=0)).ravel()
        delta, z = log_odds_dirichlet(counts_group, counts_rest, prior)
        candidates = np.flatnonzero(keep & (counts_group > 0))
        chosen = candidates[np.argsort(-z[candidates], kind="stable")][:top]
        draws = []
        group_terms, rest_terms = matrix[inside].T.tocsr(), matrix[outside].T.tocsr()  # sliced once, not per resample
        for _ in range(resamples):
            weights_group = np.bincount(rng.integers(0, len(inside), len(inside)), minlength=len(inside))
            weights_rest = np.bincount(rng.integers(0, len(outside), len(outside)), minlength=len(outside))
            resampled_group = np.asarray(group_terms @ weights_group).ravel()
            resampled_rest = np.asarray(rest_terms @ weights_rest).ravel()
            draws.append(log_odds_dirichlet(resampled_group, resampled_rest, prior)[0][chosen])
        low, high = (np.percentile(np.array(draws), [5, 95], axis=0) if draws
                     else (np.full(len(chosen), np.nan), np.full(len(chosen), np.nan)))
        n_words = int(counts_group.sum())
        n_articles = int(corpus.articles[by].eq(group).sum())
        warning = ""
        if n_words < SMALL_GROUP_WORDS or n_articles < SMALL_GROUP_ARTICLES:
            warning = (f"small sample: {n_words} words in {n_articles} article(s); these terms describe these texts, "
                       "not the outlet's language in general")
        for position, index in enumerate(chosen):
            rows.append({by: group, "term": vocabulary[index], "count_group": int(counts_group[index]),
                         "count_rest": int(counts_rest[index]), "log_odds": float(delta[index]), "z": float(z[index]),
                         "log_odds_low": float(low[position]), "log_odds_high": float(high[position]),
                         "stable": bool(low[position] > 0), "warning": warning})
    return pd.DataFrame(rows, columns=columns)


# --- story elements, timeline, description --------------------------------------------------------


def load_elements(path=None) -> framing.Codebook:
    """Return the story elements of ``path`` (default: the bundled corpus's ``story_elements.yml``),
    checked like a codebook."""
    from analysis.resources import paths

    return framing.load_codebook(path or paths.bundled_corpus_dir() / "story_elements.yml", section="elements")


ELEMENT_COLUMNS = ["article_id", "outlet", "element", "label", "present", "n_hits", "matched", "evidence",
                   "evidence_sentence_id"]


def element_coverage(corpus, elements=None) -> pd.DataFrame:
    """Return which story elements each article includes, with the evidence.

    Columns: article_id, outlet, element, label, present, n_hits, matched (the first words found),
    evidence (the first sentence with the element), evidence_sentence_id.
    """
    book = elements if isinstance(elements, framing.Codebook) else load_elements(elements)
    hits = framing.tag_sentences(corpus, book)
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


def timeline(corpus) -> pd.DataFrame:
    """Return the articles and the corpus's events on one date axis.

    Columns: date, kind ("article" or "event"), label (outlet and title, or the event), article_id
    (empty for events), note ("no date: not on the timeline" for undated articles).
    """
    rows = []
    for article in corpus.articles.itertuples(index=False):
        title = article.title if isinstance(article.title, str) else ""
        rows.append({"date": article.date, "kind": "article", "label": f"{article.outlet}: {title}".rstrip(": "),
                     "article_id": article.article_id,
                     "note": "" if pd.notna(article.date) else "no date: not on the timeline"})
    for event in corpus.events.itertuples(index=False):
        rows.append({"date": event.date, "kind": "event", "label": event.event, "article_id": "", "note": ""})
    table = pd.DataFrame(rows, columns=["date", "kind", "label", "article_id", "note"])
    table["date"] = pd.to_datetime(table["date"])
    return table.sort_values(["date", "kind"], kind="stable", na_position="last").reset_index(drop=True)


def describe_articles(corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return plain descriptive numbers per article, so that genre is not mistaken for outlet bias.

    Columns: article_id, outlet, kind, date, n_words, n_sentences, n_paragraphs, words_per_sentence,
    quoted_share (share of words inside direct quotes), flesch_reading_ease (higher = easier; 60-70
    is plain English) and flesch_kincaid_grade (US school grade), both from textstat; NaN (not
    applicable) for an article that is not mainly English, as the formulas count English syllables.
    """
    import textstat

    if quotes is None:
        from analysis.quotes.core import extract_quotes

        quotes = extract_quotes(corpus)
    quoted = quotes.groupby("article_id")["n_words"].sum()
    sentences = corpus.sentences.groupby("article_id").size()
    paragraphs = corpus.paragraphs.groupby("article_id").size()
    foreign = not_english_ids(corpus.articles)
    rows = []
    for article in corpus.articles.itertuples(index=False):
        n_sentences = int(sentences.get(article.article_id, 0))
        english = article.article_id not in foreign
        rows.append({"article_id": article.article_id, "outlet": article.outlet, "kind": article.kind,
                     "date": article.date, "n_words": article.n_words, "n_sentences": n_sentences,
                     "n_paragraphs": int(paragraphs.get(article.article_id, 0)),
                     "words_per_sentence": article.n_words / n_sentences if n_sentences else np.nan,
                     "quoted_share": quoted.get(article.article_id, 0) / article.n_words if article.n_words else np.nan,
                     "flesch_reading_ease": textstat.flesch_reading_ease(article.text) if english else np.nan,
                     "flesch_kincaid_grade": textstat.flesch_kincaid_grade(article.text) if english else np.nan})
    return pd.DataFrame(rows)
