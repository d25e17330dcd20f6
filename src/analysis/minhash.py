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

NUM_PERM = 128
SEED = 1
SEQUENCE = 5  # words per sequence (shingle)
SCHEME = "affine32"  # datasketch 2: 32-bit hash values, half the memory of the legacy scheme


def _paragraph_sequences(paragraph: str) -> list[str]:
    from analysis.coverage import _analyser

    tokens = _analyser(paragraph)
    if len(tokens) < SEQUENCE:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i:i + SEQUENCE]) for i in range(len(tokens) - SEQUENCE + 1)]


@lru_cache(maxsize=1)
def _empty() -> np.ndarray:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).hashvalues


@lru_cache(maxsize=200_000)
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


def candidate_pairs(rows: np.ndarray, *, threshold: float = 0.5, per_article: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Return (i, j) index arrays (i < j) of articles whose signatures suggest shared text.

    LSH buckets (datasketch's MinHashLSH, tuned for Jaccard ``threshold``) give each article its
    candidates; of those, the ``per_article`` with the highest estimated Jaccard are kept (ties by
    position), so a large cluster of near-copies yields a number of pairs linear in its size.
    """
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    minhashes = [LeanMinHash(seed=SEED, hashvalues=row, scheme=SCHEME) for row in rows]
    empty = _empty()
    with lsh.insertion_session() as session:
        for index, minhash in enumerate(minhashes):
            if not np.array_equal(rows[index], empty):
                session.insert(index, minhash)
    firsts, seconds = [], []
    for index, minhash in enumerate(minhashes):
        if np.array_equal(rows[index], empty):
            continue
        found = np.array(sorted(j for j in lsh.query(minhash) if j != index), dtype=np.int64)
        if not len(found):
            continue
        if len(found) > per_article:
            estimated = (rows[found] == rows[index]).mean(axis=1)
            found = found[np.lexsort((found, -estimated))[:per_article]]
        firsts.append(np.minimum(found, index))
        seconds.append(np.maximum(found, index))
    if not firsts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    pairs = np.unique(np.column_stack([np.concatenate(firsts), np.concatenate(seconds)]), axis=0)
    return pairs[:, 0], pairs[:, 1]
