"""Sentiment: scores pinned against TextBlob and VADER called directly, explanations, voice, targets."""

import math

import pandas as pd
import pytest
from conftest import corpus_of
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

from analysis import load_corpus, sentiment
from analysis.corpus.load import (
    ARTICLE_COLUMNS,
    PARAGRAPH_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    Corpus,
)
from analysis.quotes import extract_quotes

VADER = SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def bundled():
    return load_corpus()


@pytest.fixture(scope="module")
def bundled_scores(bundled):
    return sentiment.score_sentences(bundled)


def test_sentence_scores_equal_the_libraries_called_directly(bundled_scores):
    for row in bundled_scores.itertuples():
        blob = TextBlob(row.text).sentiment
        vader = VADER.polarity_scores(row.text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"'))
        assert (row.textblob_polarity, row.textblob_subjectivity) == (blob.polarity, blob.subjectivity)
        assert (row.vader_compound, row.vader_pos, row.vader_neu, row.vader_neg) == (
            vader["compound"], vader["pos"], vader["neu"], vader["neg"])


def test_pinned_scores_of_news_phrases():
    # TextBlob knows neither word of human-rights language, and likes diplomatic phrasing.
    assert sentiment.score_text("executed defectors and tortured prisoners")["textblob_polarity"] == 0.0
    assert sentiment.score_text("gross human rights abuses")["textblob_polarity"] == 0.0
    assert sentiment.score_text("a good deal")["textblob_polarity"] == 0.7
    # VADER reads "defector" like "traitor": -1.9 in its lexicon, so a neutral sentence turns negative.
    assert VADER.lexicon["defector"] == -1.9
    assert sentiment.score_text("Ji, a defector, spoke.")["vader_compound"] == -0.4404


def test_curly_apostrophes_keep_vaders_negation():
    curly, straight = "He isn’t happy.", "He isn't happy."
    assert VADER.polarity_scores(curly)["compound"] > 0  # VADER alone misses the negation
    assert sentiment.score_text(curly)["vader_compound"] == VADER.polarity_scores(straight)["compound"]
    assert sentiment.score_text(curly)["vader_compound"] < 0


def test_curly_double_quotes_do_not_hide_words_from_vader():
    assert VADER.polarity_scores("“Good,” he said.")["compound"] == 0.0
    assert sentiment.score_text("“Good,” he said.")["vader_compound"] == VADER.polarity_scores('"Good," he said.')["compound"]


@pytest.mark.parametrize("text", ["2018.", "—", "12, 14 + 16.", ""])
def test_texts_without_letters_give_nan_with_a_reason(text):
    scores = sentiment.score_text(text)
    assert all(math.isnan(scores[column]) for column in sentiment.SENTENCE_SCORE_COLUMNS[:-1])
    assert scores["score_note"] == "no letters to score"


def test_article_scores(bundled, bundled_scores):
    articles = sentiment.score_articles(bundled, bundled_scores).set_index("article_id")
    for article in bundled.articles.itertuples():
        blob = TextBlob(article.text).sentiment
        assert articles.loc[article.article_id, "textblob_polarity"] == blob.polarity
        sentence_compounds = bundled_scores.loc[bundled_scores["article_id"] == article.article_id, "vader_compound"]
        assert articles.loc[article.article_id, "vader_compound"] == pytest.approx(sentence_compounds.mean())


def test_lexicon_coverage_counts_known_words():
    # good and bad are in both lexicons; xyzzy and table in neither.
    assert sentiment.lexicon_coverage("good bad xyzzy table") == (0.5, 0.5)


def test_explanation_of_a_known_sentence():
    text = "The food was not good, but the service was great!"
    table = sentiment.explain(text)
    vader_rows = table[table["lexicon"] == "vader"]
    # VADER: good 1.9 negated (x -0.74) and halved before "but"; great 3.1 raised by half after "but".
    assert vader_rows["term"].tolist() == ["good", "great"]
    assert vader_rows["valence"].tolist() == pytest.approx([1.9 * -0.74 * 0.5, 3.1 * 1.5])
    assert vader_rows["lexicon_valence"].tolist() == [1.9, 3.1]
    compound = VADER.polarity_scores(text)["compound"]
    assert round(normalize(vader_rows["valence"].sum() + 0.292), 4) == compound  # one "!" adds 0.292
    textblob_rows = table[table["lexicon"] == "textblob"]
    assert textblob_rows["term"].tolist() == ["not good", "great !"]
    assert textblob_rows["contribution"].sum() == pytest.approx(TextBlob(text).sentiment.polarity)


def test_article_level_textblob_contributions_add_up_to_the_article_score(bundled):
    table = sentiment.explain(bundled, article_id="telegraph", level="article")
    article_rows = table[(table["lexicon"] == "textblob") & table["sentence_id"].isna()]
    text = bundled.articles.set_index("article_id").loc["telegraph", "text"]
    assert article_rows["contribution"].sum() == pytest.approx(TextBlob(text).sentiment.polarity)


def test_explain_names_an_unknown_article(bundled):
    with pytest.raises(KeyError, match="No article 'nope'"):
        sentiment.explain(bundled, article_id="nope")


def test_word_contributions_rank_terms_by_effect():
    table = sentiment.word_contributions(sentiment.explain("A good day. A good plan. A terrible storm."))
    assert table["term"].tolist() == ["good", "terrible"]
    assert table["n"].tolist() == [2, 1]
    assert table["contribution"].tolist() == pytest.approx([3.8, -2.1])


def test_voice_splits_quotes_from_narration():
    corpus = corpus_of('The terrible storm passed. "We are happy," said Ana Lind.')
    voices = sentiment.score_voices(corpus)
    assert voices[["voice", "speaker", "text"]].values.tolist() == [
        ["quoted", "Ana Lind", "We are happy,"],
        ["narration", "", "The terrible storm passed."],
        ["narration", "", "said Ana Lind."],
    ]
    assert voices["vader_compound"].tolist() == [
        VADER.polarity_scores(text)["compound"] for text in voices["text"]]
    by_voice = sentiment.sentiment_by_voice(corpus, extract_quotes(corpus), by="article_id").set_index("voice")
    assert by_voice.loc["quoted", "n_pieces"] == 1 and by_voice.loc["narration", "n_pieces"] == 2
    assert by_voice.loc["narration", "vader_compound"] == pytest.approx(
        (VADER.polarity_scores("The terrible storm passed.")["compound"] + 0.0) / 2)


def test_a_title_in_quote_marks_stays_in_the_narration():
    # "Meet the Press" is a programme (kind "title"), nobody's words: the journalist's sentence keeps it.
    corpus = corpus_of('She talked about the war on "Meet the Press" on Sunday. "We are happy," said Ana Lind.')
    quotes = extract_quotes(corpus)
    assert quotes[["quote", "kind"]].values.tolist() == [["Meet the Press", "title"], ["We are happy,", "full"]]
    voices = sentiment.score_voices(corpus, quotes)
    assert voices[["voice", "speaker", "text"]].values.tolist() == [
        ["quoted", "Ana Lind", "We are happy,"],
        ["narration", "", 'She talked about the war on "Meet the Press" on Sunday.'],
        ["narration", "", "said Ana Lind."],
    ]
    from analysis.coverage import describe_articles
    [share] = describe_articles(corpus, quotes)["quoted_share"]
    assert share == 3 / 17  # "We are happy" of the article's 17 words; the title's 3 are the writer's


def test_targets_take_the_sentences_that_name_them():
    corpus = corpus_of(["The regime is cruel. Ana Lind is kind. The Regime Party met.", "Nothing here."],
                     outlet=["Post", "Herald"])
    targets = {"the regime": ["the regime"], "Ana Lind": ["Ms Lind"]}
    mentions = sentiment.target_mentions(corpus, targets)
    assert mentions[["sentence_id", "target", "matched"]].values.tolist() == [
        [0, "the regime", "The regime"], [1, "Ana Lind", "Ana Lind"], [2, "the regime", "The Regime"]]
    table = sentiment.sentiment_by_target(corpus, targets=targets).set_index("target")
    assert table.loc["the regime", "n_sentences"] == 2
    expected = (VADER.polarity_scores("The regime is cruel.")["compound"]
                + VADER.polarity_scores("The Regime Party met.")["compound"]) / 2
    assert table.loc["the regime", "vader_compound"] == pytest.approx(expected)


def test_names_match_only_with_their_capital():
    corpus = corpus_of("Ji spoke. The jig was up. Mr Ji left.")
    mentions = sentiment.target_mentions(corpus, {"Ji Seong-ho": ["Ji", "Mr Ji"]})
    assert mentions["sentence_id"].tolist() == [0, 2]


def test_domain_warnings_find_misleading_words_and_blind_spots(bundled):
    warnings_table = sentiment.domain_warnings(bundled).set_index("term")
    assert warnings_table.loc["defector", "problem"] == "misleading"
    assert warnings_table.loc["defector", "vader_valence"] == -1.9
    assert warnings_table.loc["tortured", "problem"] == "blind spot"
    assert math.isnan(warnings_table.loc["tortured", "textblob_valence"])  # TextBlob does not know it
    assert warnings_table.loc["defectors", "n_articles"] == 4


def test_neutralising_a_misleading_word():
    corpus = corpus_of("Ji, a defector, spoke.")
    table = sentiment.neutralised_scores(corpus, {"misleading": {"defector": ""}, "blind_spots": {}})
    assert table["vader_compound"].iloc[0] == -0.4404
    assert table["vader_neutralised"].iloc[0] == 0.0


def test_textblob_neutralised_equals_textblob_without_the_words_in_its_lexicon():
    text = "He was disabled but happy, and his own plan was a good one."
    corpus = corpus_of(text)
    table = sentiment.neutralised_scores(corpus, {"misleading": {"disabled": "", "own": ""}, "blind_spots": {}})
    from textblob.en import sentiment as lexicon

    removed = {word: lexicon.pop(word) for word in ("disabled", "own")}
    try:
        expected = TextBlob(text).sentiment.polarity
    finally:
        lexicon.update(removed)
    assert table["textblob_neutralised"].iloc[0] == pytest.approx(expected)
    assert TextBlob(text).sentiment.polarity != pytest.approx(expected)


def test_a_broken_watchlist_or_target_file_names_its_line(tmp_path):
    from analysis.resources.dictionaries import DictionaryError

    broken = tmp_path / "targets.yml"
    broken.write_text("targets:\n  Ana Lind: [Ms Lind\n  Tom: [x]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"targets.yml, line \d+: not valid YAML"):
        sentiment.target_mentions(corpus_of("Text."), broken)
    wrong = tmp_path / "watch.yml"
    wrong.write_text("misleading:\n  defector: x\nblindspots:\n  a: b\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"watch.yml, line 3: unknown section 'blindspots'"):
        sentiment.domain_warnings(corpus_of("Text."), wrong)


# Every public measure of a corpus, as a notebook calls it.
MEASURES = {
    "score_sentences": sentiment.score_sentences,
    "score_articles": sentiment.score_articles,
    "explain": sentiment.explain,
    "explain_article": lambda corpus: sentiment.explain(corpus, level="article"),
    "word_contributions": lambda corpus: sentiment.word_contributions(sentiment.explain(corpus)),
    "score_voices": sentiment.score_voices,
    "sentiment_by_voice": sentiment.sentiment_by_voice,
    "target_mentions": sentiment.target_mentions,
    "sentiment_by_target": sentiment.sentiment_by_target,
    "domain_warnings": sentiment.domain_warnings,
    "neutralised_scores": sentiment.neutralised_scores,
}


def _empty_corpus():
    return Corpus(articles=pd.DataFrame(columns=ARTICLE_COLUMNS), paragraphs=pd.DataFrame(columns=PARAGRAPH_COLUMNS),
                  sentences=pd.DataFrame(columns=SENTENCE_COLUMNS), removed=pd.DataFrame(columns=REMOVED_COLUMNS),
                  problems=pd.DataFrame(columns=["source", "problem", "action"]), source="nothing")


@pytest.mark.parametrize("name", MEASURES)
def test_a_measure_of_an_empty_corpus_has_its_columns_and_no_rows(name, bundled):
    expected = MEASURES[name](bundled)
    assert len(expected) and len(expected.columns)
    table = MEASURES[name](_empty_corpus())
    assert len(table) == 0
    assert list(table.columns) == list(expected.columns)
