"""MinHash signatures of articles and the LSH search for candidate reuse pairs in large corpora.

Comparing every article with every other grows with the square of the corpus (10,000 articles
are 50 million pairs). Past a size, ``coverage.reuse_pairs(approximate=True)`` compares only the
candidates this module finds: articles that share word-for-word text, by MinHash (datasketch) of
their five-word sequences and locality-sensitive hashing. It is approximate: a pair is found with
high probability when its share of shared sequences (Jaccard) is above ``threshold``, rarely when
it is well below, and pairs alike in vocabulary but not in wording are not looked for at all.

Sequences are taken within paragraphs, so an article's signature is the element-wise minimum of
its paragraphs' signatures (the MinHash of a union), and a paragraph repeated across articles
(wire copy) is hashed once.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from analysis.corpus.text import casefolded_words, word_sequences
from analysis.scale.caching import CACHE_SIZE

NUM_PERM = 128
SEED = 1
SEQUENCE = 5  # words per sequence (shingle)
SCHEME = "affine32"  # datasketch 2: 32-bit hash values, half the memory of the legacy scheme


def _paragraph_sequences(paragraph: str) -> list[str]:
    return word_sequences(casefolded_words(paragraph), SEQUENCE)


@lru_cache(maxsize=1)
def _empty() -> np.ndarray:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).hashvalues


@lru_cache(maxsize=CACHE_SIZE)
def _paragraph_signature(paragraph: str) -> np.ndarray | None:
    from datasketch import MinHash

    sequences = _paragraph_sequences(paragraph)
    if not sequences:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch([sequence.encode("utf-8") for sequence in sequences])
    return minhash.hashvalues


def signature(text: str) -> np.ndarray:
    """Return the MinHash signature (NUM_PERM hash values) of a text's five-word sequences."""
    parts = [found for paragraph in text.split("\n\n") if (found := _paragraph_signature(paragraph)) is not None]
    return np.minimum.reduce(parts) if parts else _empty().copy()


def signatures(texts) -> np.ndarray:
    """Return one signature per text, as rows of an array (each distinct text is hashed once)."""
    done: dict[str, np.ndarray] = {}
    rows = []
    for text in texts:
        if text not in done:
            done[text] = signature(text)
        rows.append(done[text])
    return np.vstack(rows) if rows else np.empty((0, NUM_PERM), dtype=_empty().dtype)


def candidate_pairs(rows: np.ndarray, *, threshold: float = 0.5, per_article: int = 20,
                    window: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Return (i, j) index arrays (i < j) of articles whose signatures suggest shared text.

    Locality-sensitive hashing by bands, with the numbers of bands and rows that datasketch's
    ``MinHashLSH`` chooses for Jaccard ``threshold``: two articles are candidates when all the
    hash values of one band agree. A bucket of thousands of near-copies would give millions of
    pairs (and datasketch's per-article queries return whole buckets), so instead each band's
    keys are sorted and every article is paired with the next ``window`` articles of its bucket;
    of all its candidates, the ``per_article`` with the highest estimated Jaccard are kept. The
    number of pairs therefore grows linearly with the corpus.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    bands, width = lsh.b, lsh.r
    nothing = np.empty(0, dtype=np.int64)
    usable = np.flatnonzero(~(rows == _empty()).all(axis=1))  # texts without words pair with nothing
    if len(usable) < 2:
        return nothing, nothing
    sketches = rows[usable].astype(np.uint64)
    mixers = np.random.default_rng(SEED).integers(1, 2**63, size=width, dtype=np.uint64) | np.uint64(1)
    firsts, seconds = [], []
    for band in range(bands):
        with np.errstate(over="ignore"):
            keys = (sketches[:, band * width:(band + 1) * width] * mixers).sum(axis=1)
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        for step in range(1, window + 1):
            same = ordered[step:] == ordered[:-step]
            firsts.append(order[:-step][same])
            seconds.append(order[step:][same])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    codes = np.unique(np.minimum(first, second) * len(usable) + np.maximum(first, second))
    if not len(codes):
        return nothing, nothing
    first, second = codes // len(usable), codes % len(usable)
    estimated = np.concatenate([(sketches[first[k:k + 100_000]] == sketches[second[k:k + 100_000]]).mean(axis=1)
                                for k in range(0, len(first), 100_000)])
    first, second = keep_closest(first, second, estimated, per_article)[:2]
    return usable[first], usable[second]  # usable is ascending, so each pair stays in order


def keep_closest(first: np.ndarray, second: np.ndarray, values: np.ndarray,
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
