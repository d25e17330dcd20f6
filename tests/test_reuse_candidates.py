"""The approximate reuse pairs: candidates found by prefix filtering, then scored exactly.

Small hand-made corpora where the pairs are known: on a corpus too small for the caps to bind, the
approximate path must equal the exact one (the prefix filter alone loses no pair)."""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import coverage
from analysis.coverage import candidates, reuse
from conftest import corpus_of, shared_path


def _pairs(table: pd.DataFrame) -> dict[tuple[str, str], float]:
    return {(a, b): value for a, b, value in table.itertuples(index=False)}


def _random_texts(count: int, seed: int, vocabulary: int = 400) -> list[str]:
    """Texts of words drawn from a Zipf-like vocabulary, some of them rewritten from an earlier one
    (half its words kept, in another order, half new), so that similarities spread over 0 to 1."""
    rng = np.random.default_rng(seed)
    words = [f"w{index}x" for index in range(vocabulary)]
    weights = 1.0 / np.arange(1, vocabulary + 1)
    weights /= weights.sum()
    texts: list[list[str]] = []
    for _ in range(count):
        if texts and rng.random() < 0.4:
            source = list(texts[int(rng.integers(len(texts)))])
            kept = [word for word in source if rng.random() < rng.uniform(0.3, 0.9)]
            rng.shuffle(kept)
            texts.append(kept + list(rng.choice(words, int(rng.integers(5, 40)), p=weights)))
        else:
            texts.append(list(rng.choice(words, int(rng.integers(8, 80)), p=weights)))
    return [" ".join(text) + "." for text in texts]


def test_a_rewritten_pair_sharing_no_five_word_sequence_is_found():
    original = ("Flooding closed the Karnaphuli bridge and the Chittagong port on Monday, stranding "
                "freighters, tankers and fishing trawlers while engineers inspected pylons damaged by debris.")
    rewrite = ("Engineers inspecting damaged pylons kept freighters stranded: Monday's flooding shut "
               "Chittagong port and Karnaphuli bridge, trawlers and tankers waited as debris piled up.")
    others = [f"Council meeting {index} discussed budget item {index} for schools, parks and libraries."
              for index in range(20)]
    corpus = corpus_of([original, rewrite, *others])
    assert not set(reuse._shingles(original)) & set(reuse._shingles(rewrite))  # no word-for-word sequence
    exact = _pairs(coverage.reuse_pairs(corpus, min_similarity=0.3))
    assert exact[("a0", "a1")] >= 0.3
    approximate = _pairs(coverage.reuse_pairs(corpus, min_similarity=0.3, approximate=True))
    assert approximate[("a0", "a1")] == pytest.approx(exact[("a0", "a1")], abs=1e-12)


@pytest.mark.parametrize("threshold", [0.1, 0.3, 0.5, 0.8])
@pytest.mark.parametrize("top", [None, 3])
def test_where_the_caps_do_not_bind_the_approximate_pairs_are_the_exact_ones(threshold, top):
    # 30 articles: no word is in more than POSTINGS_PER_WORD, no article has more than
    # CANDIDATES_PER_ARTICLE partners, so only the prefix filter acts, and it loses no pair.
    assert 30 <= min(candidates.POSTINGS_PER_WORD, candidates.CANDIDATES_PER_ARTICLE + 1)
    corpus = corpus_of(_random_texts(30, seed=3))
    exact = _pairs(coverage.reuse_pairs(corpus, min_similarity=threshold, top=top))
    approximate = _pairs(coverage.reuse_pairs(corpus, min_similarity=threshold, top=top, approximate=True))
    assert exact and set(approximate) == set(exact)
    for pair, value in approximate.items():
        assert value == pytest.approx(exact[pair], abs=1e-12)


def test_the_shingles_measure_is_searched_among_the_same_kind_of_candidates():
    # Jaccard overlap >= t implies cosine of the sets >= t: the candidates of the cosine cover it.
    base = _random_texts(12, seed=5)
    texts = base + [base[2], base[4] + " " + base[7], " ".join(base[9].split()[: len(base[9].split()) // 2])]
    corpus = corpus_of(texts)
    exact = _pairs(coverage.reuse_pairs(corpus, measure="shingles", min_similarity=0.2))
    approximate = _pairs(coverage.reuse_pairs(corpus, measure="shingles", min_similarity=0.2, approximate=True))
    assert ("a2", "a12") in exact and set(approximate) == set(exact)


def test_every_pair_over_the_threshold_shares_a_column_of_both_prefixes(monkeypatch):
    monkeypatch.setattr(candidates, "POSTINGS_PER_WORD", 10**9)  # the prefix filter alone
    vectors = coverage.reuse_vectors(_random_texts(80, seed=11))
    similarity = (vectors @ vectors.T).toarray()
    for threshold in (0.2, 0.3, 0.6):
        postings = candidates.prefix_postings(vectors, threshold)
        shares = (postings @ postings.T).toarray() > 0
        alike = similarity >= threshold
        np.fill_diagonal(alike, False)
        assert alike.any() and not (alike & ~shares).any()
        assert postings.nnz < vectors.nnz  # the common words of each article are left out


def test_candidates_grow_with_the_articles_not_their_square():
    text = " ".join(f"token{i}" for i in range(60))
    count = 200
    vectors = coverage.reuse_vectors([text] * count)  # every article alike: 19,900 pairs
    first, second = candidates.candidate_pairs(vectors, 0.3)
    assert len(first) <= count * candidates.CANDIDATES_PER_ARTICLE
    assert (first < second).all() and len(set(zip(first, second))) == len(first)
    pairs = coverage.reuse_pairs(corpus_of([text] * 40), min_similarity=0.3, top=5, approximate=True)
    partners = pd.concat([pairs["article_a"], pairs["article_b"]]).value_counts()
    assert len(partners) == 40 and (partners >= 5).all() and (pairs["similarity"] > 0.999).all()


def test_the_pairs_are_the_same_whatever_the_blocks_and_threads(monkeypatch):
    corpus = corpus_of(_random_texts(120, seed=2, vocabulary=150))
    first = coverage.reuse_pairs(corpus, min_similarity=0.3, approximate=True)
    assert len(first)
    assert coverage.reuse_pairs(corpus, min_similarity=0.3, approximate=True).equals(first)
    monkeypatch.setattr(candidates, "MAX_THREADS", 1)
    assert coverage.reuse_pairs(corpus, min_similarity=0.3, approximate=True, block=7).equals(first)
    monkeypatch.setattr(candidates, "_PADDED_CELLS", 50)  # each row's best candidates found a row at a time
    assert coverage.reuse_pairs(corpus, min_similarity=0.3, approximate=True, block=13).equals(first)


def test_texts_without_words_have_no_candidates():
    corpus = corpus_of(["", "…", "The same words in both texts here.", "The same words in both texts here."])
    pairs = coverage.reuse_pairs(corpus, min_similarity=0.3, approximate=True)
    assert _pairs(pairs).keys() == {("a2", "a3")}


@pytest.mark.slow
def test_the_approximate_path_finds_the_exact_pairs_of_real_reuse():
    """Issue 19's floor (benchmarks/reuse_recall.py): on COUNTER, 1,200 texts of real journalistic
    reuse, the approximate path finds at least 95% of the exact path's pairs at the notebooks'
    threshold (measured: all of them), and the gold derived pairs the exact path finds."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import reuse_recall

    shared_path("benchmarks/counter/COUNTER")
    articles = reuse_recall.counter_articles()
    assert len(articles) == 1200
    result, found = reuse_recall.compare(articles)
    assert result["recall_all"] >= 0.95 and result["recall_top5"] >= 0.95
    gold = reuse_recall.counter_gold(articles, found)
    assert gold["approximate_WD"] == gold["exact_WD"] and gold["exact_WD"].startswith("132/")
