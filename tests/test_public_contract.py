"""Every public measure runs on the bundled corpus and on an empty corpus, and on the empty corpus
returns the same table with no rows: the same columns, not a KeyError and not a table without columns.

A measure is a public function of analysis.sentiment, framing, quotes, coverage and reliability that
takes a corpus, and the functions of analysis.compare that take the per-article tables made from one.
"""

import dataclasses
import inspect
import warnings

import pandas as pd
import pytest

from analysis import compare, coverage, framing, load_corpus, quotes, reliability, sentiment
from analysis.corpus.load import ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS, Corpus
from analysis.resources import find_resources

MODULES = {"sentiment": sentiment, "framing": framing, "quotes": quotes, "coverage": coverage,
           "reliability": reliability, "compare": compare}


def _write_coding_sheet(corpus, tmp_path):
    return pd.read_csv(reliability.write_coding_sheet(corpus, tmp_path / "sheet.csv"), keep_default_na=False)


# name: how to call it on a corpus (and a tmp folder). Each returns a table of rows (articles,
# sentences, quotes, ...): on an empty corpus none, with the same columns.
MEASURES = {
    "sentiment.score_sentences": lambda corpus, _: sentiment.score_sentences(corpus),
    "sentiment.score_articles": lambda corpus, _: sentiment.score_articles(corpus),
    "sentiment.explain": lambda corpus, _: sentiment.explain(corpus),
    "sentiment.score_voices": lambda corpus, _: sentiment.score_voices(corpus),
    "sentiment.sentiment_by_voice": lambda corpus, _: sentiment.sentiment_by_voice(corpus),
    "sentiment.target_mentions": lambda corpus, _: sentiment.target_mentions(corpus),
    "sentiment.sentiment_by_target": lambda corpus, _: sentiment.sentiment_by_target(corpus),
    "sentiment.domain_warnings": lambda corpus, _: sentiment.domain_warnings(corpus),
    "sentiment.neutralised_scores": lambda corpus, _: sentiment.neutralised_scores(corpus),
    "framing.tag_sentences": lambda corpus, _: framing.tag_sentences(corpus),
    "framing.sentence_frames": lambda corpus, _: framing.sentence_frames(corpus),
    "framing.frame_shares": lambda corpus, _: framing.frame_shares(corpus),
    "framing.frame_balance": lambda corpus, _: framing.frame_balance(corpus),
    "framing.frame_by_section": lambda corpus, _: framing.frame_by_section(corpus),
    "framing.hits_in_context": lambda corpus, _: framing.hits_in_context(framing.tag_sentences(corpus), corpus),
    "framing.kwic": lambda corpus, _: framing.kwic(corpus, "human_rights"),
    "framing.frame_sentiment": lambda corpus, _: framing.frame_sentiment(corpus, sentiment.score_sentences(corpus)),
    "framing.prefill_questions": lambda corpus, _: framing.prefill_questions(corpus),
    "quotes.extract_quotes": lambda corpus, _: quotes.extract_quotes(corpus),
    "quotes.sources_by_outlet": lambda corpus, _: quotes.sources_by_outlet(quotes.extract_quotes(corpus), corpus),
    "coverage.most_alike": lambda corpus, _: coverage.most_alike(corpus),
    "coverage.reuse_pairs": lambda corpus, _: coverage.reuse_pairs(corpus),
    "coverage.distinctive_terms": lambda corpus, _: coverage.distinctive_terms(corpus),
    "coverage.element_coverage": lambda corpus, _: coverage.element_coverage(corpus, find_resources(None).story_elements),
    "coverage.timeline": lambda corpus, _: coverage.timeline(corpus),
    "coverage.describe_articles": lambda corpus, _: coverage.describe_articles(corpus),
    "reliability.coding_sheet": lambda corpus, _: reliability.coding_sheet(corpus),
    "reliability.write_coding_sheet": lambda corpus, tmp_path: _write_coding_sheet(corpus, tmp_path),
    "compare.group_means": lambda corpus, _: compare.group_means(sentiment.score_articles(corpus), "vader_compound"),
    "compare.over_time": lambda corpus, _: compare.over_time(sentiment.score_articles(corpus), "vader_compound",
                                                            articles=corpus.articles),
}

# Article by article (or outlet by outlet) matrices: on an empty corpus, a 0 × 0 matrix.
SQUARE = {
    "coverage.reuse_matrix": lambda corpus, _: coverage.reuse_matrix(corpus),
    "coverage.similarity_table": lambda corpus, _: coverage.similarity_table(corpus),
    "compare.outlet_similarity": lambda corpus, _: compare.outlet_similarity(corpus.articles),
}

# Grids over the codebook's frames, whatever the corpus: on an empty corpus the same grid, every count 0.
GRIDS = {
    "framing.frame_by_position": (lambda corpus, _: framing.frame_by_position(corpus), ["n_sentences", "part_sentences"]),
    "framing.frame_cooccurrence": (lambda corpus, _: framing.frame_cooccurrence(corpus), None),  # None: every cell
}

# Public functions that take a corpus but are no measure of it, or cannot be called on an empty one.
NOT_MEASURED = {
    "coverage.align": "aligns two named articles: an empty corpus has none to name",
}


def _takes_a_corpus(function) -> bool:
    """Whether the function's first or second parameter is the corpus (``corpus``, ``corpus_or_text``)."""
    return any(parameter.startswith("corpus") for parameter in list(inspect.signature(function).parameters)[:2])


def _public_functions(module):
    names = getattr(module, "__all__", None) or [name for name in dir(module) if not name.startswith("_")]
    for name in names:
        function = getattr(module, name)
        if inspect.isfunction(function) and (hasattr(module, "__all__") or function.__module__ == module.__name__):
            yield name, function


def test_every_public_function_that_takes_a_corpus_is_measured_here():
    checked = {*MEASURES, *SQUARE, *GRIDS, *NOT_MEASURED}
    found = {f"{prefix}.{name}" for prefix, module in MODULES.items() for name, function in _public_functions(module)
             if _takes_a_corpus(function)}
    assert found, "no public function takes a corpus: the test finds none"
    assert not found - checked, f"public functions that take a corpus, not checked here: {sorted(found - checked)}"


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(None)


def _from_column_lists() -> Corpus:
    """A corpus of no article, its tables made from the loader's column lists."""
    return Corpus(articles=pd.DataFrame(columns=ARTICLE_COLUMNS), paragraphs=pd.DataFrame(columns=PARAGRAPH_COLUMNS),
                  sentences=pd.DataFrame(columns=SENTENCE_COLUMNS), removed=pd.DataFrame(columns=REMOVED_COLUMNS),
                  problems=pd.DataFrame(columns=["source", "problem", "action"]), source="nothing")


def _no_articles_left(bundled: Corpus) -> Corpus:
    """The bundled corpus with every article (and event) left out: the loader's own column types."""
    none = bundled.subset([])
    return dataclasses.replace(none, events=none.events.iloc[0:0])


EMPTY = {"from_column_lists": lambda bundled: _from_column_lists(),
         "no_articles_left": _no_articles_left}


@pytest.fixture(scope="module")
def on_bundled(bundled, tmp_path_factory):
    """Each measure's table on the bundled corpus, computed once."""
    folder = tmp_path_factory.mktemp("bundled")
    tables = {}

    def table(name, call):
        if name not in tables:
            tables[name] = call(bundled, folder)
        return tables[name]
    return table


def test_the_empty_corpora_have_the_loaders_columns_and_no_rows(bundled):
    for make in EMPTY.values():
        corpus = make(bundled)
        assert list(corpus.articles.columns[:len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
        assert corpus.articles.empty and corpus.sentences.empty and corpus.paragraphs.empty


@pytest.mark.parametrize("empty", EMPTY)
@pytest.mark.parametrize("name", MEASURES)
def test_a_measure_gives_its_columns_and_no_rows_on_an_empty_corpus(name, empty, bundled, on_bundled, tmp_path):
    expected = on_bundled(name, MEASURES[name])
    assert isinstance(expected, pd.DataFrame) and len(expected.columns), f"{name} on the bundled corpus: no columns"
    if name != "compare.over_time":  # four articles over four months: too few for a chart over time
        assert len(expected), f"{name}: no rows on the bundled corpus"
    table = MEASURES[name](EMPTY[empty](bundled), tmp_path)
    assert isinstance(table, pd.DataFrame)
    assert len(table) == 0
    assert list(table.columns) == list(expected.columns)


@pytest.mark.parametrize("empty", EMPTY)
@pytest.mark.parametrize("name", SQUARE)
def test_a_similarity_matrix_of_an_empty_corpus_is_empty(name, empty, bundled, on_bundled, tmp_path):
    expected = on_bundled(name, SQUARE[name])
    assert expected.shape[0] == expected.shape[1] > 1 and list(expected.index) == list(expected.columns)
    table = SQUARE[name](EMPTY[empty](bundled), tmp_path)
    assert isinstance(table, pd.DataFrame)
    assert table.shape == (0, 0)


@pytest.mark.parametrize("empty", EMPTY)
@pytest.mark.parametrize("name", GRIDS)
def test_a_grid_over_the_frames_of_an_empty_corpus_counts_nothing(name, empty, bundled, on_bundled, tmp_path):
    call, counts = GRIDS[name]
    expected = on_bundled(name, call)
    table = call(EMPTY[empty](bundled), tmp_path)
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == list(expected.columns)
    assert len(table) == len(expected)
    values = table[counts] if counts else table
    assert (values.to_numpy() == 0).all()
