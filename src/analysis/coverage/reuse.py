"""Text reuse between articles: TF-IDF cosine or shared five-word sequences, article by article
(a square matrix), outlet by outlet, or as a table of the most alike pairs.

A corpus's repeated paragraphs (wire copy) are read once: the words of each distinct paragraph are
found once and each text's words assembled from its paragraphs'.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from itertools import chain

import numpy as np
import pandas as pd
import scipy.sparse as sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer, TfidfVectorizer

from analysis.compare import FEW_ARTICLES, TOP_OUTLETS, group_order, top_groups
from analysis.corpus.text import line_words, normalised_words, word_sequences
from analysis.coverage.candidates import BLOCK, MAX_THREADS, candidate_pairs

__all__ = ["SHINGLE_SIZE", "REUSE_PAIR_COLUMNS", "MOST_ALIKE_COLUMNS", "reuse_vectors", "content_word_counts",
           "vectors_from_counts", "reuse_matrix",
           "outlet_similarity", "similarity_table", "most_alike", "reuse_pairs"]

SHINGLE_SIZE = 5
REUSE_PAIR_COLUMNS = ["article_a", "article_b", "similarity"]
MOST_ALIKE_COLUMNS = ["rank", "article_a", "outlet_a", "article_b", "outlet_b", "similarity", "shared_sequences"]


def _content_words(texts: list[str]) -> list[list[str]]:
    """Return each text's content words (no English stop words), each distinct paragraph read once.

    Words never cross a line break, so a text's words are its paragraphs' words in order."""
    paragraphs = [text.split("\n\n") for text in texts]
    codes, distinct = pd.factorize(pd.Series(list(chain.from_iterable(paragraphs)), dtype=object))
    found = [[word for line in paragraph.split("\n") for word in line_words(line) if word not in ENGLISH_STOP_WORDS]
             for paragraph in distinct]
    result, position = [], 0
    for pieces in paragraphs:
        result.append(list(chain.from_iterable(found[code] for code in codes[position:position + len(pieces)])))
        position += len(pieces)
    return result


def _given(words: list[str]) -> list[str]:
    return words  # the analyzer of texts already split into words


def _shingles(text: str, size: int = SHINGLE_SIZE) -> list[str]:
    return word_sequences(normalised_words(text), size)


def reuse_vectors(texts: list[str]) -> sparse.csr_matrix:
    """Return the TF-IDF vectors that reuse is measured with: content words, sublinear term
    frequency, rows of unit length (cosine = dot product)."""
    return TfidfVectorizer(analyzer=_given, sublinear_tf=True).fit_transform(_content_words(list(texts))).tocsr()


def content_word_counts(texts: list[str]) -> tuple[list[str], sparse.csr_matrix]:
    """Return (words, counts) of the texts' content words as ``reuse_vectors`` counts them: the part
    of its work that can be done on a part of a corpus at a time (the pipeline's partitions, each on
    its own core), then put together by ``vectors_from_counts``. ``words`` are in the order they first
    appear; column j of ``counts`` (one row per text) counts ``words[j]``, each row's entries in
    column order, as scikit-learn's CountVectorizer builds them before it sorts its vocabulary."""
    ids: dict[str, int] = {}
    data, indices, indptr = [], [], [0]
    for words in _content_words(list(texts)):
        row: dict[int, int] = {}
        for word in words:
            index = ids.setdefault(word, len(ids))
            row[index] = row.get(index, 0) + 1
        for index in sorted(row):
            indices.append(index)
            data.append(row[index])
        indptr.append(len(indices))
    counts = sparse.csr_matrix((np.asarray(data, dtype=np.int64), np.asarray(indices, dtype=np.int64),
                                np.asarray(indptr, dtype=np.int64)), shape=(len(indptr) - 1, len(ids)))
    return list(ids), counts


def vectors_from_counts(parts: list[tuple[list[str], sparse.csr_matrix]]) -> sparse.csr_matrix:
    """Return ``reuse_vectors`` of the texts of all ``parts`` (``content_word_counts`` of consecutive
    parts of a corpus, in order), equal to it float for float and entry for entry: the counts are
    given CountVectorizer's columns (words numbered in the order the whole corpus first shows them,
    each row's entries in that order, then the columns renumbered alphabetically) and weighted as
    ``TfidfVectorizer`` weights them."""
    first_seen: dict[str, int] = {}
    for words, _ in parts:
        for word in words:
            first_seen.setdefault(word, len(first_seen))
    alphabetical = np.empty(len(first_seen), dtype=np.int64)
    alphabetical[[first_seen[word] for word in sorted(first_seen)]] = np.arange(len(first_seen))
    rows = []
    for words, counts in parts:
        seen = np.asarray([first_seen[word] for word in words], dtype=np.int64)
        part = sparse.csr_matrix((counts.data, seen[counts.indices] if len(seen) else counts.indices, counts.indptr),
                                 shape=(counts.shape[0], len(first_seen)))
        part.sort_indices()  # in the order the whole corpus first shows the words
        part.indices = alphabetical[part.indices]
        part.has_sorted_indices = False  # renumbered: no longer in column order, as in CountVectorizer
        rows.append(part)
    counts = sparse.vstack(rows, format="csr") if rows else sparse.csr_matrix((0, 0), dtype=np.int64)
    # TfidfVectorizer counts in floats: given integers, the transformer's conversion would sort each row.
    counts = sparse.csr_matrix((counts.data.astype(np.float64), counts.indices, counts.indptr), shape=counts.shape)
    counts.has_sorted_indices = False
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()


def _vectors(corpus, measure: str) -> sparse.csr_matrix:
    texts = corpus.articles["text"].tolist()
    if measure == "tfidf":
        return reuse_vectors(texts)
    if measure == "shingles":
        return CountVectorizer(analyzer=_shingles, binary=True).fit_transform(texts).tocsr().astype(float)
    raise ValueError("measure must be 'tfidf' (TF-IDF cosine of words) or 'shingles' (Jaccard overlap of "
                     f"{SHINGLE_SIZE}-word sequences)")


def _similarity(vectors: sparse.csr_matrix, measure: str, rows: slice | None = None,
                transposed: sparse.csr_matrix | None = None) -> np.ndarray:
    block = vectors[rows] if rows is not None else vectors
    product = (block @ (vectors.T if transposed is None else transposed)).toarray()
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


def outlet_similarity(articles: pd.DataFrame, *, by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Return the mean TF-IDF cosine similarity between the articles of each pair of groups.

    The mean over all pairs of articles of groups A and B is the dot product of the sums of their
    unit-length vectors, divided by the numbers of pairs, so it is exact without comparing every
    pair (linear in the corpus). On the diagonal, pairs of different articles of one group.
    A square table, groups as index and columns (largest first, "other" last); 0 x 0 for no articles.
    """
    groups = top_groups(articles[by], top) if top else articles[by]
    order = group_order(groups)
    if not order:
        return pd.DataFrame(np.empty((0, 0)), index=order, columns=order)
    vectors = reuse_vectors(articles["text"].tolist())  # rows of unit length (zero for an empty text)
    norms = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
    members = {group: np.flatnonzero((groups == group).to_numpy()) for group in order}
    sums = np.vstack([np.asarray(vectors[index].sum(axis=0)).ravel() for index in members.values()])
    dots = sums @ sums.T
    sizes = np.array([len(index) for index in members.values()], dtype=float)
    pairs = np.outer(sizes, sizes)
    np.fill_diagonal(pairs, sizes * (sizes - 1))
    self_products = np.array([norms[index].sum() for index in members.values()])
    np.fill_diagonal(dots, np.diag(dots) - self_products)  # take out each article compared with itself
    with np.errstate(invalid="ignore", divide="ignore"):
        similarity = np.where(pairs > 0, dots / pairs, np.nan)
    return pd.DataFrame(similarity, index=order, columns=order)


def similarity_table(corpus, *, measure: str = "tfidf", top: int = TOP_OUTLETS) -> pd.DataFrame:
    """Return the article-by-article similarity (``reuse_matrix``) for twenty articles or fewer;
    past that, outlet by outlet (``outlet_similarity``: the mean TF-IDF cosine over their pairs of
    articles, computed without comparing every pair), the ``top`` largest outlets by name."""
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
                         "shared_sequences": [round(value, 3) for value in shared]}, columns=MOST_ALIKE_COLUMNS)


def reuse_pairs(corpus, *, measure: str = "tfidf", min_similarity: float = 0.3, block: int = 1000,
                top: int | None = None, approximate: bool = False,
                vectors: sparse.csr_matrix | None = None) -> pd.DataFrame:
    """Return the pairs of different articles at least ``min_similarity`` alike, most alike first.

    Computed block by block of at most ``block`` rows, a block per core at once (up to
    ``_MAX_THREADS``), so memory stays at blocks x ``block`` x articles however large the corpus.
    With ``top``, only each article's ``top`` most alike partners are kept, so the table grows with
    the number of articles, not its square (wire copy can make every article alike).

    ``approximate=True`` (for large corpora; the pipeline switches to it past 5,000 articles)
    scores only candidate pairs, found in time linear in the corpus: each article's rarest words, as
    many as a pair needs to share for its cosine to reach ``min_similarity`` (All-Pairs prefix
    filtering), articles paired within groups of ``POSTINGS_PER_WORD`` of each word, and each article's
    ``CANDIDATES_PER_ARTICLE`` partners with the most weight on those words. Each candidate's
    similarity is then computed exactly, so every pair reported is a true pair with its true
    similarity; the caps can miss pairs (at 0.3, about 1% of those of 10,000 real articles, 2% of
    20,000, none of the COUNTER reuse corpus: benchmarks/reuse_recall.py).
    ``vectors``: the articles' ``reuse_vectors`` when they were computed already (the pipeline puts
    them together from its partitions' ``content_word_counts``); only for ``measure="tfidf"``.
    Columns: article_a, article_b, similarity.
    """
    ids = corpus.articles["article_id"].tolist()
    if vectors is not None and (measure != "tfidf" or vectors.shape[0] != len(ids)):
        raise ValueError(f"vectors are the TF-IDF vectors of every article ({len(ids)} rows, measure 'tfidf'); got "
                         f"{vectors.shape[0]} rows for measure '{measure}'")
    found: dict[tuple[int, int], float] = {}
    if ids and approximate:
        found = _approximate_pairs(corpus, measure, min_similarity, top, vectors, block)
    elif ids:
        vectors = _vectors(corpus, measure) if vectors is None else vectors
        transposed = vectors.T.tocsr()  # made once for every block
        threads = max(1, min(os.cpu_count() or 1, _MAX_THREADS))
        # As many blocks as a multiple of the threads, none over ``block`` rows: the threads finish together.
        count = -(-len(ids) // block)
        count = -(-count // threads) * threads
        size = -(-len(ids) // count)
        begins = list(range(0, len(ids), size))

        def block_pairs(begin: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            return _block_pairs(vectors, transposed, measure, begin, min(begin + size, len(ids)), min_similarity, top)

        # scipy's sparse product and numpy release the GIL: the blocks run on every core in threads.
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for begin, (rows, columns, values) in zip(begins, pool.map(block_pairs, begins)):
                for i, j, value in zip(rows.tolist(), columns.tolist(), values.tolist()):
                    found[(min(begin + i, j), max(begin + i, j))] = value
    table = pd.DataFrame([(ids[a], ids[b], value) for (a, b), value in found.items()], columns=REUSE_PAIR_COLUMNS)
    return table.sort_values(["similarity", "article_a", "article_b"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


# The most threads the exact reuse pairs use (each holds a block of rows x articles of floats).
_MAX_THREADS = MAX_THREADS


def _block_pairs(vectors: sparse.csr_matrix, transposed: sparse.csr_matrix, measure: str, begin: int, end: int,
                 min_similarity: float, top: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (rows within the block, columns, similarities) of the pairs of rows ``begin:end`` kept:
    at least ``min_similarity`` alike and, with ``top``, among each row's ``top`` most alike."""
    chunk = _similarity(vectors, measure, slice(begin, end), transposed)
    chunk[np.arange(end - begin), np.arange(begin, end)] = -1.0  # never pair an article with itself
    if top is not None and chunk.shape[1] > top:
        partners = np.argpartition(-chunk, top - 1, axis=1)[:, :top]
        rows = np.repeat(np.arange(chunk.shape[0]), top)
        columns = partners.ravel()
        keep = chunk[rows, columns] >= min_similarity
        rows, columns = rows[keep], columns[keep]
    else:
        rows, columns = np.nonzero(chunk >= min_similarity)
    return rows, columns, chunk[rows, columns]


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


def _keep_closest(first: np.ndarray, second: np.ndarray, values: np.ndarray,
                  top: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the pairs that are among the ``top`` highest-valued of either of their articles
    (ties by the other article's position), as (first, second, value) with first < second."""
    ends = np.concatenate([first, second])
    others = np.concatenate([second, first])
    both = np.concatenate([values, values])
    order = np.lexsort((others, -both, ends))
    ends, others, both = ends[order], others[order], both[order]
    rank = np.arange(len(ends)) - np.searchsorted(ends, ends, side="left")
    kept = rank < top
    size = int(max(ends.max(initial=0), others.max(initial=0))) + 1
    codes, where = np.unique(np.minimum(ends[kept], others[kept]) * size + np.maximum(ends[kept], others[kept]),
                             return_index=True)
    return codes // size, codes % size, both[kept][where]


def _approximate_pairs(corpus, measure: str, min_similarity: float, top: int | None,
                       vectors: sparse.csr_matrix | None = None,
                       block: int = 1000) -> dict[tuple[int, int], float]:
    vectors = _vectors(corpus, measure) if vectors is None else vectors
    first, second = candidate_pairs(vectors, min_similarity, min(block, BLOCK))
    similarity = _pair_similarity(vectors, measure, first, second)
    keep = similarity >= min_similarity
    first, second, similarity = first[keep], second[keep], similarity[keep]
    if top is not None:
        # Each article keeps its ``top`` most alike partners; a pair stays if either side keeps it.
        first, second, similarity = _keep_closest(first, second, similarity, top)
    return {(int(a), int(b)): float(value) for a, b, value in zip(first, second, similarity)}
