"""Coverage differences: reuse, alignment of two editions, distinctive terms, elements, timeline."""

import math
import warnings

import numpy as np
import pandas as pd
import pytest
import textstat

from analysis import coverage, load_corpus
from analysis.corpus import (ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, PROBLEM_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS,
                             Corpus)
from analysis.coverage import reuse
from conftest import corpus_of


@pytest.fixture(scope="module")
def bundled():
    return load_corpus()


@pytest.fixture(scope="module")
def ap_pair(bundled):
    return coverage.align(bundled, "voa_ap", "wandsworth_guardian")


@pytest.mark.parametrize("measure", ["tfidf", "shingles"])
def test_the_two_editions_of_the_ap_story_are_the_most_alike_by_a_wide_margin(bundled, measure):
    matrix = coverage.reuse_matrix(bundled, measure=measure)
    assert np.allclose(np.diag(matrix), 1.0)
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    pairs = coverage.reuse_pairs(bundled, measure=measure, min_similarity=0.0)
    assert tuple(pairs.iloc[0][["article_a", "article_b"]]) == ("voa_ap", "wandsworth_guardian")
    assert pairs["similarity"].iloc[0] - pairs["similarity"].iloc[1] >= 0.4


def test_reuse_pairs_are_found_block_by_block(bundled):
    assert coverage.reuse_pairs(bundled, block=1).equals(coverage.reuse_pairs(bundled))


@pytest.mark.parametrize("top", [None, 2])
@pytest.mark.parametrize("cores", [1, 2, 3])
def test_reuse_pairs_are_the_same_on_any_number_of_threads_and_blocks(monkeypatch, top, cores):
    # Nine texts in three families of edits, so that each article has several partners.
    base = ["The minister said the talks in Geneva would resume on Monday after a pause of two weeks.",
            "Flooding closed the coastal road and hundreds of families left their homes overnight.",
            "The court ruled that the election commission had acted within its powers."]
    texts = [variant for text in base for variant in (text, text + " Officials declined to comment.",
                                                      "Reports said " + text[0].lower() + text[1:])]
    corpus = corpus_of(texts)
    expected = coverage.reuse_pairs(corpus, min_similarity=0.1, top=top, block=1000)
    monkeypatch.setattr(reuse.os, "cpu_count", lambda: cores)
    for block in (1, 2, 4, 9):
        assert coverage.reuse_pairs(corpus, min_similarity=0.1, top=top, block=block).equals(expected)
    # each pair once, a different article on each side, and what the whole matrix says
    matrix = coverage.reuse_matrix(corpus)
    assert not (expected["article_a"] == expected["article_b"]).any()
    assert not expected.duplicated(["article_a", "article_b"]).any()
    for row in expected.itertuples():
        assert math.isclose(row.similarity, matrix.loc[row.article_a, row.article_b], rel_tol=1e-12)
    if top is None:  # every pair at least 0.1 alike, none left out
        upper = np.triu(matrix.to_numpy(), 1)
        assert len(expected) == int((upper >= 0.1).sum()) > 9


def test_outlet_similarity_is_the_mean_over_every_pair_of_articles():
    texts = ["The talks in Geneva resumed on Monday after a long pause.",
             "Talks resumed in Geneva on Monday, officials said.",
             "A storm closed the harbour and the ferries stayed in port.",
             "The harbour reopened after the storm passed.",
             "Geneva talks: no date was set for the next round."]
    corpus = corpus_of(texts, outlet=["A", "A", "B", "B", "C"])
    matrix = coverage.reuse_matrix(corpus)
    groups = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))
    similarity = coverage.outlet_similarity(corpus.articles)
    for first in "ABC":
        for second in "ABC":
            pairs = [matrix.loc[x, y] for x in groups for y in groups
                     if groups[x] == first and groups[y] == second and x != y]
            expected = np.mean(pairs) if pairs else np.nan
            assert similarity.loc[first, second] == pytest.approx(expected, nan_ok=True)


def test_a_texts_words_are_its_paragraphs_words_each_distinct_paragraph_read_once():
    texts = ["Talks in Geneva.\n\nThe harbour closed.", "The harbour closed.", "", "Talks in Geneva."]
    vectors = coverage.reuse_vectors(texts)
    assert vectors.shape[0] == 4 and vectors[2].nnz == 0
    assert np.allclose((vectors @ vectors.T).toarray()[[0, 1, 3], [0, 1, 3]], 1.0)


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_reuse_vectors_put_together_from_parts_equal_those_of_the_whole(size):
    # The pipeline counts each partition's words on its own core: the vectors must be the same floats,
    # entry for entry (the order of a row's entries decides the last bits of its norm).
    texts = ["Talks in Geneva ended.\n\nThe harbour closed early.", "The harbour closed.", "",
             "Talks resumed in Geneva; zebra crossings closed.", "Geneva talks, harbour talks, more talks.",
             "Aardvark news from Oslo.", "Oslo talks ended early."]
    whole = coverage.reuse_vectors(texts)
    parts = [reuse.content_word_counts(texts[start:start + size]) for start in range(0, len(texts), size)]
    together = reuse.vectors_from_counts(parts + [reuse.content_word_counts([])])
    for attribute in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(whole, attribute), getattr(together, attribute))


def test_reuse_pairs_take_vectors_computed_already_and_refuse_the_wrong_ones(bundled):
    vectors = coverage.reuse_vectors(bundled.articles["text"].tolist())
    assert coverage.reuse_pairs(bundled, vectors=vectors).equals(coverage.reuse_pairs(bundled))
    with pytest.raises(ValueError, match="TF-IDF vectors of every article"):
        coverage.reuse_pairs(bundled, vectors=vectors[:2])


def _row(alignment, a_sentence_id):
    return alignment[(alignment["unit"] == "sentence") & (alignment["a_sentence_id"] == a_sentence_id)].iloc[0]


def test_alignment_of_the_ap_pair_sentence_by_sentence(ap_pair):
    # "Trump invited Ji Seong-ho ..." -> "Mr Trump invited Ji Seong-ho ...": kept, an honorific added.
    row = _row(ap_pair, 1)
    assert (row["status"], row["b_sentence_id"], row["edits"]) == ("kept", 1, "honorific added: Mr")
    # "... said Kim should have apologized" -> "... said Ms Kim should have apologised".
    row = _row(ap_pair, 15)
    assert row["status"] == "kept" and row["b_sentence_id"] == 12
    assert row["edits"] == "honorific added: Mr; honorific added: Ms; spelling: apologized → apologised"
    # "Legislators cheered as Trump introduced Ji" -> "... as the president introduced Mr Ji".
    row = _row(ap_pair, 2)
    assert row["status"] == "reworded" and "words: Trump → the president" in row["edits"]
    # "Trump later invited ..." and "He described them as witnesses ..." are merged into one UK sentence.
    assert (_row(ap_pair, 3)["status"], _row(ap_pair, 3)["b_sentence_id"]) == ("merged", 3)
    assert (_row(ap_pair, 4)["status"], _row(ap_pair, 4)["b_sentence_id"]) == ("merged", 3)
    # Two sentences the UK edit cut.
    assert _row(ap_pair, 7)["status"] == "cut" and _row(ap_pair, 9)["status"] == "cut"
    assert _row(ap_pair, 9)["a_text"] == "An outspoken critic of Pyongyang, Ji drew the North's ire."


def test_the_uk_edit_keeps_the_structure_and_drops_the_captions(ap_pair):
    matched = ap_pair.dropna(subset=["b_sentence_id"])
    matched = matched[matched["unit"] == "sentence"]
    assert list(matched["b_sentence_id"]) == sorted(matched["b_sentence_id"])  # same order
    captions = ap_pair[ap_pair["unit"] == "caption"]
    assert captions["status"].tolist() == ["cut", "cut", "added", "added"]
    summary = coverage.alignment_summary(ap_pair).set_index("change")["count"]
    # The UK text has ten Mr/Ms; nine are pure insertions, one replaces a word ("him" -> "Mr Ji").
    assert summary["honorifics added"] == 9
    assert summary["cut sentences"] == 2 and summary["added sentences"] == 0
    assert summary["spelling changes"] >= 2  # apologized/apologised, toward/towards


def test_alignment_carries_tone_and_frames(ap_pair, bundled):
    from analysis import sentiment

    row = _row(ap_pair, 10)  # North Korea's mission calls him "human scum"
    scores = sentiment.score_sentences(bundled).set_index(["article_id", "sentence_id"])
    assert row["a_vader"] == scores.loc[("voa_ap", 10), "vader_compound"]
    assert row["b_vader"] == scores.loc[("wandsworth_guardian", 7), "vader_compound"]
    assert row["vader_change"] == pytest.approx(row["b_vader"] - row["a_vader"])
    assert "diplomacy" in row["a_frames"] and "human_rights" in row["b_frames"]


def test_an_article_compared_with_itself(bundled):
    alignment = coverage.align(bundled, "telegraph", "telegraph")
    assert set(alignment["status"]) == {"kept"}
    assert (alignment["similarity"] == 1.0).all()
    assert (alignment["vader_change"].dropna() == 0).all()


def test_align_names_an_unknown_article(bundled):
    with pytest.raises(KeyError, match="No article 'nope'"):
        coverage.align(bundled, "voa_ap", "nope")


@pytest.mark.parametrize(
    "before, after, edits",
    [
        ("He apologized.", "He apologised.", "spelling: apologized → apologised"),
        ("Kim smiled.", "Ms Kim smiled.", "honorific added: Ms"),
        ('He said "no."', "He said “no.”", "quote marks and apostrophes"),
        ("They moved toward peace.", "They moved towards peace.", "spelling: toward → towards"),
        ("He said Tuesday.", "He said on Tuesday.", "words: (none) → on"),
    ],
)
def test_describe_edits(before, after, edits):
    assert coverage.describe_edits(before, after)[2] == edits


def test_log_odds_against_a_hand_computed_value():
    # Group "apple apple banana" against rest "banana cherry"; prior = corpus counts (2, 2, 1).
    delta, z = coverage.log_odds_dirichlet([2, 1, 0], [0, 1, 1], [2, 2, 1])
    # apple: log((2+2)/(3+5-2-2)) - log((0+2)/(2+5-0-2)) = log(1) - log(0.4); var = 1/4 + 1/2
    assert delta[0] == pytest.approx(-math.log(0.4))
    assert z[0] == pytest.approx(-math.log(0.4) / math.sqrt(0.75))
    corpus = corpus_of(["apple apple banana.", "banana cherry."], outlet=["A", "B"])
    terms = coverage.distinctive_terms(corpus, min_count=1, stop_words=False, resamples=0)
    first = terms[terms["outlet"] == "A"].iloc[0]
    assert (first["term"], first["count_group"], first["count_rest"]) == ("apple", 2, 0)
    assert first["z"] == pytest.approx(z[0])
    assert first["warning"].startswith("small sample: 3 words in 1 article(s)")


def test_distinctive_terms_resampling_is_seeded(bundled):
    first = coverage.distinctive_terms(bundled, resamples=50)
    second = coverage.distinctive_terms(bundled, resamples=50)
    assert first.equals(second)
    assert (first["stable"] == (first["log_odds_low"] > 0)).all()
    assert (first["log_odds_low"] <= first["log_odds_high"]).all()


def test_one_article_and_two_identical_articles():
    one = corpus_of("A single story about a summit. It ends here.")
    assert coverage.reuse_matrix(one).iloc[0, 0] == 1.0
    with pytest.warns(UserWarning, match="at least two groups"):
        assert coverage.distinctive_terms(one).empty
    twins = corpus_of(["The same text, word for word.", "The same text, word for word."], outlet=["A", "B"])
    matrix = coverage.reuse_matrix(twins)
    assert matrix.to_numpy().tolist() == [[1.0, 1.0], [1.0, 1.0]]
    terms = coverage.distinctive_terms(twins, min_count=1, stop_words=False, resamples=10)
    assert np.isfinite(terms["z"]).all() and (terms["z"].abs() < 1e-9).all()
    assert set(coverage.align(twins, "a0", "a1")["status"]) == {"kept"}
    empty_text = corpus_of(["2018.", "Words here."])
    assert np.isfinite(coverage.reuse_matrix(empty_text, measure="shingles").to_numpy()).all()


def test_element_coverage_on_small_texts(tmp_path):
    elements = tmp_path / "elements.yml"
    elements.write_text("codebook: e\nelements:\n  summit:\n    label: The summit\n    terms: [summit*]\n"
                        "  crutches:\n    label: Crutches\n    terms: [crutches]\n", encoding="utf-8")
    corpus = corpus_of(["Leaders met. The summits ended.", "He waved his crutches."], outlet=["Post", "Herald"])
    table = coverage.element_coverage(corpus, elements).set_index(["article_id", "element"])
    assert table.loc[("a0", "summit"), "present"] and not table.loc[("a0", "crutches"), "present"]
    assert table.loc[("a0", "summit"), "evidence"] == "The summits ended."
    assert table.loc[("a0", "summit"), "evidence_sentence_id"] == 1
    assert table.loc[("a1", "crutches"), "matched"] == "crutches"


def test_bundled_elements(bundled):
    table = coverage.element_coverage(bundled).set_index(["article_id", "element"])["present"]
    assert table[("telegraph", "singapore_summit")] and not table[("voa_ap", "singapore_summit")]
    assert table[("voa_ap", "human_scum")] and table[("wandsworth_guardian", "human_scum")]


def test_timeline_puts_articles_among_events(bundled):
    table = coverage.timeline(bundled)
    assert len(table) == len(bundled.articles) + len(bundled.events)
    assert table["date"].dropna().is_monotonic_increasing
    undated = table[table["article_id"] == "wikipedia"].iloc[0]
    assert pd.isna(undated["date"]) and undated["note"] == "no date: not on the timeline"


def test_describe_articles(bundled):
    table = coverage.describe_articles(bundled).set_index("article_id")
    text = bundled.articles.set_index("article_id").loc["voa_ap", "text"]
    assert table.loc["voa_ap", "flesch_reading_ease"] == textstat.flesch_reading_ease(text)
    assert table.loc["voa_ap", "kind"] == "wire" and table.loc["wikipedia", "kind"] == "encyclopedia"
    assert 0 < table.loc["telegraph", "quoted_share"] < 1


def test_reuse_pairs_can_keep_each_articles_closest_partners_only():
    twins = corpus_of(["Same words here today.", "Same words here today.", "Same words here, today!",
                       "Something else entirely."])
    everything = coverage.reuse_pairs(twins, min_similarity=0.5)
    assert len(everything) == 3
    closest = coverage.reuse_pairs(twins, min_similarity=0.5, top=1)
    assert len(closest) <= 3 and set(closest["article_a"]) | set(closest["article_b"]) == {"a0", "a1", "a2"}
    assert (closest["similarity"] >= 0.5).all()


def test_approximate_reuse_finds_the_copies_with_their_exact_similarity():
    rng = np.random.default_rng(0)
    vocabulary = [f"word{i}" for i in range(3000)]
    originals = [" ".join(rng.choice(vocabulary, 120)) + "." for _ in range(30)]
    texts = originals + [originals[3], originals[7].replace("word", "term", 3), originals[12][: len(originals[12]) // 2]]
    corpus = corpus_of(texts)
    approximate = coverage.reuse_pairs(corpus, min_similarity=0.3, approximate=True)
    exact = coverage.reuse_pairs(corpus, min_similarity=0.3)
    found = {(a, b): value for a, b, value in approximate.itertuples(index=False)}
    assert {("a3", "a30"), ("a7", "a31"), ("a12", "a32")} <= set(found)
    truth = {(a, b): value for a, b, value in exact.itertuples(index=False)}
    assert set(found) <= set(truth)  # candidates are checked: nothing below the threshold is reported
    for pair, value in found.items():
        assert value == pytest.approx(truth[pair], abs=1e-12)
    assert set(truth) == set(found)  # a corpus this small: every pair over the threshold is found


def test_approximate_reuse_keeps_the_closest_partners_of_a_cluster_of_copies():
    text = " ".join(f"token{i}" for i in range(200))
    corpus = corpus_of([text] * 12 + ["Nothing in common with the rest at all, not one word."])
    pairs = coverage.reuse_pairs(corpus, min_similarity=0.5, top=2, approximate=True)
    partners = pd.concat([pairs["article_a"], pairs["article_b"]]).value_counts()
    assert set(partners.index) == {f"a{i}" for i in range(12)}
    assert len(pairs) <= 12 * 2 and (pairs["similarity"] > 0.999).all()


def _empty_corpus() -> Corpus:
    """A corpus of no article, its tables made from the loader's column lists."""
    return Corpus(articles=pd.DataFrame(columns=ARTICLE_COLUMNS), paragraphs=pd.DataFrame(columns=PARAGRAPH_COLUMNS),
                  sentences=pd.DataFrame(columns=SENTENCE_COLUMNS), removed=pd.DataFrame(columns=REMOVED_COLUMNS),
                  problems=pd.DataFrame(columns=PROBLEM_COLUMNS), source="nothing")


@pytest.mark.parametrize("measure", [
    lambda corpus: coverage.element_coverage(corpus),
    lambda corpus: coverage.distinctive_terms(corpus),
    lambda corpus: coverage.timeline(corpus),
    lambda corpus: coverage.describe_articles(corpus),
    lambda corpus: coverage.reuse_pairs(corpus),
    lambda corpus: coverage.reuse_pairs(corpus, approximate=True),
    lambda corpus: coverage.most_alike(corpus),
], ids=["element_coverage", "distinctive_terms", "timeline", "describe_articles", "reuse_pairs",
        "reuse_pairs_approximate", "most_alike"])
def test_a_corpus_of_no_article_gives_the_same_columns_and_no_rows(bundled, measure):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # distinctive_terms warns that there are fewer than two outlets
        expected, table = measure(bundled), measure(_empty_corpus())
    assert len(expected) and len(table) == 0
    assert list(table.columns) == list(expected.columns)


@pytest.mark.parametrize("measure", [coverage.reuse_matrix, coverage.similarity_table,
                                     lambda corpus: coverage.outlet_similarity(corpus.articles)],
                         ids=["reuse_matrix", "similarity_table", "outlet_similarity"])
def test_a_corpus_of_no_article_gives_an_empty_similarity_matrix(measure):
    assert measure(_empty_corpus()).shape == (0, 0)
