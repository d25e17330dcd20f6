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
from analysis.corpus import (ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, PROBLEM_COLUMNS, REMOVED_COLUMNS,
                             SENTENCE_COLUMNS, Corpus)
from analysis.resources import find_resources

MODULES = {"sentiment": sentiment, "framing": framing, "quotes": quotes, "coverage": coverage,
           "reliability": reliability, "compare": compare}


def _public_functions(module):
    names = getattr(module, "__all__", None) or [name for name in dir(module) if not name.startswith("_")]
    for name in names:
        function = getattr(module, name, None)
        if inspect.isfunction(function) and (hasattr(module, "__all__") or function.__module__ == module.__name__):
            yield name, function


def measure(name: str):
    """The public function ``name`` of whichever of the modules above has it (the modules are being
    split: the test follows a function that moves from one to another)."""
    found = [function for module in MODULES.values() for public, function in _public_functions(module) if public == name]
    assert found, f"no public function {name} in analysis.{', analysis.'.join(MODULES)}"
    return found[0]


def _write_coding_sheet(write, corpus, tmp_path):
    return pd.read_csv(write(corpus, tmp_path / "sheet.csv"), keep_default_na=False)


def _by_itself(function, corpus, _):
    return function(corpus)


_INPUTS = {}


def _input(name: str, corpus):
    """``measure(name)(corpus)``, the table another measure takes, made once per corpus (the corpus is
    kept with it, so that its id is never another's)."""
    key = (id(corpus), name)
    if key not in _INPUTS:
        _INPUTS[key] = (corpus, measure(name)(corpus))
    return _INPUTS[key][1]


# name: how to call the measure (the function, a corpus, a tmp folder), where not on the corpus alone.
# Each returns a table of rows (articles, sentences, quotes, ...): on an empty corpus none, with the same columns.
MEASURES = {
    "score_sentences": _by_itself, "score_articles": _by_itself, "explain": _by_itself, "score_voices": _by_itself,
    "sentiment_by_voice": _by_itself, "target_mentions": _by_itself, "sentiment_by_target": _by_itself,
    "domain_warnings": _by_itself, "neutralised_scores": _by_itself, "score_with_model": _by_itself,
    "target_sentiment": _by_itself,
    "tag_sentences": _by_itself, "sentence_frames": _by_itself, "frame_shares": _by_itself, "frame_balance": _by_itself,
    "frame_by_section": _by_itself, "presence_features": _by_itself, "frame_scores": _by_itself,
    "frame_presence": _by_itself,
    "hits_in_context": lambda function, corpus, _: function(_input("tag_sentences", corpus), corpus),
    "kwic": lambda function, corpus, _: function(corpus, "human_rights"),
    "frame_sentiment": lambda function, corpus, _: function(corpus, _input("score_sentences", corpus)),
    "prefill_questions": _by_itself,
    "extract_quotes": _by_itself, "quote_marks_lost": _by_itself,
    "sources_by_outlet": lambda function, corpus, _: function(_input("extract_quotes", corpus), corpus),
    "most_alike": _by_itself, "reuse_pairs": _by_itself, "derivation": _by_itself, "distinctive_terms": _by_itself,
    "element_coverage": lambda function, corpus, _: function(corpus, find_resources(None).story_elements),
    "timeline": _by_itself, "describe_articles": _by_itself,
    "coding_sheet": _by_itself, "write_coding_sheet": _write_coding_sheet,
    # the measures of compare take the per-article tables of a corpus
    "group_means": lambda function, corpus, _: function(_input("score_articles", corpus), "vader_compound"),
    "over_time": lambda function, corpus, _: function(_input("score_articles", corpus), "vader_compound",
                                                      articles=corpus.articles),
}

# Article by article (or outlet by outlet) matrices: on an empty corpus, a 0 × 0 matrix.
SQUARE = {
    "reuse_matrix": _by_itself, "similarity_table": _by_itself,
    "outlet_similarity": lambda function, corpus, _: function(corpus.articles),
}

# Grids over the codebook's frames, whatever the corpus: on an empty corpus the same grid, every count 0
# (in the columns named; None: in every cell).
GRIDS = {"frame_by_position": ["n_sentences", "part_sentences"], "frame_cooccurrence": None}

# Public functions that take a corpus but are no measure of it, or cannot be called on an empty one.
NOT_MEASURED = {
    "align": "aligns two named articles: an empty corpus has none to name",
    "learn_frames": "learns from hand codes of the corpus's articles (tests/test_frame_presence.py)",
}


def _takes_a_corpus(function) -> bool:
    """Whether the function's first or second parameter is the corpus (``corpus``, ``corpus_or_text``)."""
    return any(parameter.startswith("corpus") for parameter in list(inspect.signature(function).parameters)[:2])


def test_every_public_function_that_takes_a_corpus_is_measured_here():
    checked = {*MEASURES, *SQUARE, *GRIDS, *NOT_MEASURED}
    found = {name for module in MODULES.values() for name, function in _public_functions(module)
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
                  problems=pd.DataFrame(columns=PROBLEM_COLUMNS), source="nothing")


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
            tables[name] = call(measure(name), bundled, folder)
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
    if name != "over_time":  # four articles over four months: too few for a chart over time
        assert len(expected), f"{name}: no rows on the bundled corpus"
    table = MEASURES[name](measure(name), EMPTY[empty](bundled), tmp_path)
    assert isinstance(table, pd.DataFrame)
    assert len(table) == 0
    assert list(table.columns) == list(expected.columns)


@pytest.mark.parametrize("empty", EMPTY)
@pytest.mark.parametrize("name", SQUARE)
def test_a_similarity_matrix_of_an_empty_corpus_is_empty(name, empty, bundled, on_bundled, tmp_path):
    expected = on_bundled(name, SQUARE[name])
    assert expected.shape[0] == expected.shape[1] > 1 and list(expected.index) == list(expected.columns)
    table = SQUARE[name](measure(name), EMPTY[empty](bundled), tmp_path)
    assert isinstance(table, pd.DataFrame)
    assert table.shape == (0, 0)


@pytest.mark.parametrize("empty", EMPTY)
@pytest.mark.parametrize("name", GRIDS)
def test_a_grid_over_the_frames_of_an_empty_corpus_counts_nothing(name, empty, bundled, on_bundled, tmp_path):
    expected = on_bundled(name, _by_itself)
    table = measure(name)(EMPTY[empty](bundled))
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == list(expected.columns)
    assert len(table) == len(expected)
    counts = GRIDS[name]
    values = table[counts] if counts else table
    assert (values.to_numpy() == 0).all()
