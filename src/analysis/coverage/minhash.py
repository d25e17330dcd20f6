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

from itertools import chain

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from analysis.corpus.text import line_words, word_sequences

__all__ = ["NUM_PERM", "SEED", "SEQUENCE", "SCHEME", "PERMUTATIONS", "EMPTY", "signature", "signatures",
           "candidate_pairs", "keep_closest"]

NUM_PERM = 128
SEED = 1
SEQUENCE = 5  # words per sequence (shingle)
SCHEME = "affine32"  # datasketch 2: 32-bit hash values, half the memory of the legacy scheme
PARAGRAPHS_PER_BLOCK = 10_000  # distinct paragraphs hashed before they are folded into their texts (5 MB)
_FIRST = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
# The permutations drawn from SEED, drawn once and shared by every sketch (drawing them takes longer
# than hashing a paragraph).
PERMUTATIONS = _FIRST.permutations
PERMUTATIONS.flags.writeable = False
# The signature of a text without words: every hash value at its maximum, so that it leaves the
# element-wise minimum of a union unchanged.
EMPTY = _FIRST.hashvalues.copy()
EMPTY.flags.writeable = False


def _paragraph_signature(paragraph: str) -> np.ndarray:
    """Return the MinHash signature of a paragraph's five-word sequences (``EMPTY`` for none)."""
    # the words of its lines (words never cross one), which the reuse counts have read already
    sequences = word_sequences([word for line in paragraph.split("\n") for word in line_words(line)], SEQUENCE)
    if not sequences:
        return EMPTY
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=PERMUTATIONS)
    minhash.update_batch([sequence.encode("utf-8") for sequence in sequences])
    return minhash.hashvalues


def signature(text: str) -> np.ndarray:
    """Return the MinHash signature (NUM_PERM hash values) of a text's five-word sequences."""
    return np.minimum.reduce([_paragraph_signature(paragraph) for paragraph in text.split("\n\n")])


def signatures(texts) -> np.ndarray:
    """Return one signature per text, as rows of an array.

    Each distinct paragraph is hashed once (wire copy repeats paragraphs across articles) and folded
    into the signatures of the texts that hold it: a text's signature is the element-wise minimum
    of its paragraphs' (the MinHash of the union of their sequences)."""
    text_codes, distinct_texts = pd.factorize(pd.Series(list(texts), dtype=object))
    return _distinct_signatures(distinct_texts)[text_codes]


def _distinct_signatures(texts) -> np.ndarray:
    """Return the signatures of distinct texts, hashing each distinct paragraph once."""
    paragraphs = [text.split("\n\n") for text in texts]
    rows = np.tile(EMPTY, (len(paragraphs), 1))
    codes, distinct = pd.factorize(pd.Series(list(chain.from_iterable(paragraphs)), dtype=object))
    text_of = np.repeat(np.arange(len(paragraphs)), [len(pieces) for pieces in paragraphs])
    order = np.argsort(codes, kind="stable")  # paragraph occurrences grouped by distinct paragraph
    for begin in range(0, len(distinct), PARAGRAPHS_PER_BLOCK):  # memory: one block of paragraph signatures
        stop = min(begin + PARAGRAPHS_PER_BLOCK, len(distinct))
        hashed = np.vstack([_paragraph_signature(paragraph) for paragraph in distinct[begin:stop]])
        low, high = np.searchsorted(codes[order], [begin, stop])
        found = np.sort(order[low:high])  # this block's paragraphs where they occur, text by text
        texts_here = text_of[found]
        starts = np.flatnonzero(np.r_[True, texts_here[1:] != texts_here[:-1]])
        folded = np.minimum.reduceat(hashed[codes[found] - begin], starts, axis=0)
        targets = texts_here[starts]
        rows[targets] = np.minimum(rows[targets], folded)
    return rows


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
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    bands, width = lsh.b, lsh.r
    nothing = np.empty(0, dtype=np.int64)
    usable = np.flatnonzero(~(rows == EMPTY).all(axis=1))  # texts without words pair with nothing
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
