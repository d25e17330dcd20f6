"""The candidate pairs of the approximate reuse search: the pairs of articles worth scoring, found in
time linear in the corpus (``coverage.reuse_pairs(approximate=True)``).

Prefix filtering (Bayardo, Ma and Srikant 2007) indexes each article's rarest words, as many as two
articles must share for their cosine to reach the threshold; each word's articles are split into
groups, and each article keeps its best partners by the partial product, so that the work stays
linear when a corpus on one topic makes words common. Measured against the exact search in
``benchmarks/reuse_recall.py``.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import scipy.sparse as sparse
from sklearn.preprocessing import normalize

__all__ = ["POSTINGS_PER_WORD", "CANDIDATES_PER_ARTICLE", "MAX_THREADS", "BLOCK", "prefix_postings", "candidate_pairs"]

# The most threads the reuse searches use.
MAX_THREADS = 4
# Rows per block of the candidate search: each row's partial products with up to POSTINGS_PER_WORD
# articles per indexed word are held at once (on 20,000 real articles, blocks of 1,000 rows on two
# threads took 680 MB over the vectors, of 250 rows 330 MB, and no longer).
BLOCK = 250

# The approximate path's search for candidate pairs (``candidate_pairs``). Both caps make the work
# grow linearly with the corpus; measured with benchmarks/reuse_recall.py (at 0.3: all the exact
# pairs of COUNTER, Urdu reuse; 99% of those of 10,000 recombined real articles, 98% of 20,000).
# A word's postings, heaviest first, are split into groups of this many articles, and articles pair
# only within a group: past this many articles a word is common, and all its postings together
# would pair nearly every article with every other.
POSTINGS_PER_WORD = 50
# An article's candidates: its partners with the highest partial similarity (the sum over the
# words both have indexed in one group); the others are never scored.
CANDIDATES_PER_ARTICLE = 50
# Rounding: a word stays in an article's prefix while the rest is within this of the threshold.
_PREFIX_SLACK = 1e-9
# The most cells of the padded rows in which each row's best candidates are found (32 MB of floats).
_PADDED_CELLS = 4_000_000
# More than any weight or partial product of rows of unit length (at most 1): ``group * _SPAN - value``
# sorts by group, then by value, largest first, in one sort.
_SPAN = 4.0


def prefix_postings(vectors: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Return the weights that the candidate search indexes, of rows of unit length: each row's
    prefix (All-Pairs prefix filtering, Bayardo, Ma & Srikant 2007), in columns that are the groups
    of ``POSTINGS_PER_WORD`` entries of each original column, heaviest first (ties by row).

    Columns are taken from the rarest (fewest rows) to the most common; a row's prefix is its
    columns up to where the norm of the rest falls below ``threshold``. Two rows whose dot product
    is ``threshold`` or more share a column of both prefixes (whichever prefix ends first, a pair
    sharing none has every shared column in that row's rest, so its product is below the
    threshold): the prefixes alone lose no pair. The groups can (two rows sharing a column in
    different groups): they keep the search linear when a corpus on one topic makes words common,
    and rows of about the same weight in a word (short texts, or copies) still meet."""
    rows, columns = vectors.shape
    frequency = np.bincount(vectors.indices, minlength=columns)
    rank = np.empty(columns, dtype=np.int64)
    rank[np.lexsort((np.arange(columns), frequency))] = np.arange(columns)  # rarest first, ties by column
    ranked = sparse.csr_matrix((vectors.data.copy(), rank[vectors.indices], vectors.indptr.copy()),
                               shape=vectors.shape)
    ranked.sort_indices()
    lengths = np.diff(ranked.indptr)
    row = np.repeat(np.arange(rows), lengths)
    squares = ranked.data ** 2
    running = np.cumsum(squares)
    before_row = np.r_[0.0, running][ranked.indptr[:-1]]  # the running sum where each row begins
    row_total = np.r_[0.0, running][ranked.indptr[1:]] - before_row
    rest = row_total[row] - (running - squares - before_row[row])  # this entry's square and the commoner ones'
    in_prefix = rest >= threshold * threshold - _PREFIX_SLACK
    row, column, weight = row[in_prefix], ranked.indices[in_prefix], ranked.data[in_prefix]
    # Each column's entries, heaviest first, ties by row (weights are at most 1: one sort key).
    order = np.argsort(column * _SPAN - weight, kind="stable")
    row, column, weight = row[order], column[order], weight[order]
    place = np.arange(len(column)) - np.searchsorted(column, column, side="left")
    counts = np.bincount(column, minlength=columns)
    groups = -(-counts // POSTINGS_PER_WORD)
    first_group = np.r_[0, np.cumsum(groups)[:-1]]
    return sparse.csr_matrix((weight, (row, first_group[column] + place // POSTINGS_PER_WORD)),
                             shape=(rows, int(groups.sum())))


def _block_candidates(postings: sparse.csr_matrix, transposed: sparse.csr_matrix, begin: int,
                      end: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (rows, columns) of each row of ``begin:end``'s ``CANDIDATES_PER_ARTICLE`` partners with
    the highest partial similarity (ties by column), itself left out."""
    product = (postings[begin:end] @ transposed).tocsr()
    lengths = np.diff(product.indptr)
    rows = np.repeat(np.arange(begin, end), lengths)
    columns, values = product.indices.astype(np.int64), product.data.copy()
    values[columns == rows] = -np.inf  # never a candidate of itself
    # Each row's CANDIDATES_PER_ARTICLE-th highest value, found in rows padded to equal length, a
    # chunk of rows at a time so that the padding stays within _PADDED_CELLS however long a row.
    cutoff = np.full(end - begin, -np.inf)
    long_rows = np.flatnonzero(lengths > CANDIDATES_PER_ARTICLE)
    start = 0
    while start < len(long_rows):
        stop = start + 1
        width = lengths[long_rows[start]]
        while stop < len(long_rows) and (stop - start + 1) * max(width, lengths[long_rows[stop]]) <= _PADDED_CELLS:
            width = max(width, lengths[long_rows[stop]])
            stop += 1
        chosen = long_rows[start:stop]
        entries = np.flatnonzero(np.isin(rows - begin, chosen))  # the chosen rows' values, row by row
        padded = np.full((len(chosen), width), -np.inf)
        padded[np.searchsorted(chosen, rows[entries] - begin), entries - product.indptr[rows[entries] - begin]] = \
            values[entries]
        cutoff[chosen] = -np.partition(-padded, CANDIDATES_PER_ARTICLE - 1, axis=1)[:, CANDIDATES_PER_ARTICLE - 1]
        start = stop
    local = rows - begin
    above = values > cutoff[local]
    # Values equal to the cutoff fill the places left, by column.
    tied = np.flatnonzero((values == cutoff[local]) & (values > -np.inf))
    tied = tied[np.lexsort((columns[tied], local[tied]))]
    places = CANDIDATES_PER_ARTICLE - np.bincount(local[above], minlength=end - begin)
    tie_rank = np.arange(len(tied)) - np.searchsorted(local[tied], local[tied], side="left")
    kept = above & (values > -np.inf)
    kept[tied[tie_rank < places[local[tied]]]] = True
    return rows[kept], columns[kept]


def candidate_pairs(vectors: sparse.csr_matrix, threshold: float,
                     block: int = BLOCK) -> tuple[np.ndarray, np.ndarray]:
    """Return (first, second) index arrays (first < second, ascending) of the candidate pairs of
    rows at least ``threshold`` alike by cosine: pairs of rows sharing a column of their indexed
    prefixes (``prefix_postings``), each row's ``CANDIDATES_PER_ARTICLE`` best by the partial dot
    product over those columns. A pair stays if either row keeps it. Blocks of ``block`` rows, on
    up to ``MAX_THREADS`` threads: memory stays at blocks x ``block`` x ``POSTINGS_PER_WORD`` x
    an article's prefix."""
    count = vectors.shape[0]
    nothing = np.empty(0, dtype=np.int64)
    if count < 2:
        return nothing, nothing
    unit = normalize(vectors.astype(np.float64), norm="l2", copy=True).tocsr()  # Jaccard >= t implies cosine >= t
    postings = prefix_postings(unit, threshold)
    transposed = postings.T.tocsr()
    begins = list(range(0, count, block))
    threads = max(1, min(os.cpu_count() or 1, MAX_THREADS))
    with ThreadPoolExecutor(max_workers=threads) as pool:
        found = list(pool.map(lambda begin: _block_candidates(postings, transposed, begin, min(begin + block, count)),
                              begins))
    rows = np.concatenate([pair[0] for pair in found]) if found else nothing
    columns = np.concatenate([pair[1] for pair in found]) if found else nothing
    codes = np.unique(np.minimum(rows, columns) * count + np.maximum(rows, columns))
    return codes // count, codes % count
