"""Whole-article TextBlob scores assembled from paragraphs equal ``TextBlob(text).sentiment``."""

import math
import random

import pytest
from textblob import TextBlob

from analysis.sentiment import _article_scores as article_sentiment
from analysis.scale.bench import synthetic_corpus
from analysis.corpus.text import LETTER, words
from analysis.resources.lexicons import known_words as _known_words, prepare_for_vader

# Paragraphs chosen to hit every way TextBlob's state or tokenizer could join two paragraphs:
# a pending adverb or negation at the end, closing marks or "!" at the start, emoticons, sarcasm
# marks, empty and whitespace-only paragraphs, words TextBlob knows right after a break.
EDGE_PARAGRAPHS = [
    "It was really", "It was really.", "They were not", "They were not.", "He never", "He was very",
    "Nobody takes this step lightly.”", "“Not", "good news for everyone.", "Good.", "bad", "terrible!",
    "! What a day.", "!", "... and then nothing.", ") she said.", "” he added.", "’ Right.", "? Really?",
    "(!) Great idea.", ":) happy", "a :-) face", "Not a good start, not at all.", "It isn't bad.",
    "", " ", "The talks were extremely productive, officials said.", "truly", "not really good",
    "\u201cWe are not afraid,\u201d he said.", "Very, very good!", "U.S. officials said it was fine.",
    "n't", "really not", "The end", "42", "— a dash —", "a", "is", "'''",
]


def _direct(text):
    blob = TextBlob(text).sentiment
    return blob.polarity, blob.subjectivity


def _same(first, second):
    return all((math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(first, second))


def test_scores_equal_textblob_on_recombined_news_texts():
    texts = synthetic_corpus(600, seed=11)["text"].tolist()
    assembled = sum(article_sentiment._assembled(text) is not None for text in texts)
    for text in texts:
        direct = _direct(text) if LETTER.search(text) else (math.nan, math.nan)
        assert _same(article_sentiment.textblob_scores(text), direct), text[:200]
    # The assembled path (not the fallback) is what these texts take, so it is what was checked.
    assert assembled >= 0.9 * len(texts)


def test_scores_equal_textblob_on_edge_case_paragraphs():
    rng = random.Random(7)
    real = [p for text in synthetic_corpus(40, seed=5)["text"] for p in text.split("\n\n")]
    assembled = 0
    for _ in range(3000):
        pieces = [rng.choice(EDGE_PARAGRAPHS if rng.random() < 0.6 else real) for _ in range(rng.randint(1, 6))]
        breaks = [rng.choice(["\n\n", "\n\n\n", "\n\n  ", "\n \n\n"]) for _ in pieces]
        text = "".join(piece + gap for piece, gap in zip(pieces, breaks)).rstrip("\n ")
        if not LETTER.search(text):
            assert all(math.isnan(value) for value in article_sentiment.textblob_scores(text))
            continue
        assembled += article_sentiment._assembled(text) is not None
        assert _same(article_sentiment.textblob_scores(text), _direct(text)), repr(text)
    assert assembled > 1000  # both paths are exercised


@pytest.mark.parametrize("text", [
    "It was really\n\ngood.",          # a pending adverb would modify the next paragraph's first word
    "They were not\n\ngood at all.",   # a pending negation would flip it
    "Great work\n\n!",                 # "!" boosts the previous paragraph's last word
    "A fine day (\n\n!) he said",       # sarcasm marks split by a break
    "Bad.\r\n\r\nGood.",              # Windows line ends
])
def test_state_carried_across_a_paragraph_break_falls_back_to_textblob(text):
    assert article_sentiment._assembled(text) is None
    assert article_sentiment.textblob_scores(text) == _direct(text)


def test_the_fallback_matters_for_a_pending_negation():
    text = "They were not\n\ngood at all."
    naive = [article_sentiment._piece(p) for p in text.split("\n\n")]
    polarities = [value for part in naive for value in part.polarities]
    assert article_sentiment._mean(polarities) != _direct(text)[0]


def test_lexicon_coverage_equals_counting_the_whole_text():
    textblob_known, vader_known = _known_words()
    for text in synthetic_corpus(50, seed=2)["text"]:
        tokens = [token.casefold() for token in words(prepare_for_vader(text))]
        expected = (sum(t in textblob_known for t in tokens) / len(tokens),
                    sum(t in vader_known for t in tokens) / len(tokens))
        assert article_sentiment.lexicon_coverage(text) == expected
    assert all(math.isnan(value) for value in article_sentiment.lexicon_coverage("\n\n…\n\n"))


def _sentence_spans(corpus):
    spans = {}
    for article_id, start, end in zip(corpus.sentences["article_id"], corpus.sentences["start"], corpus.sentences["end"]):
        spans.setdefault(article_id, []).append((int(start), int(end)))
    return spans


@pytest.mark.parametrize("distinct", [False, True])
def test_scores_assembled_from_sentences_equal_textblob(distinct):
    from conftest import corpus_of

    corpus = corpus_of(synthetic_corpus(300, seed=4, distinct=distinct)["text"])
    spans = _sentence_spans(corpus)
    assembled = 0
    for article_id, text in zip(corpus.articles["article_id"], corpus.articles["text"]):
        assembled += article_sentiment._from_sentences(text, spans[article_id]) is not None
        assert article_sentiment.textblob_scores(text, spans[article_id]) == _direct(text), article_id
    assert assembled >= 0.8 * len(corpus.articles)


def test_each_sentence_score_is_textblobs():
    for text in ["Not bad at all.", "It was really good!", "(!) Great idea.", "We met :) and left.", "Terrible",
                 "A good, good day — not a bad one."]:
        assert article_sentiment.sentence_scores(text) == _direct(text)


@pytest.mark.parametrize("marked", [
    "We met at noon :|) Then we left.",       # ":" | ")": an emoticon across the seam
    "That was wise (!|) Then we left.",       # "(!" | ")": TextBlob's sarcasm mark
    "It was really|good news.",               # "really" | "good": a pending adverb
    "They were not|happy.",                   # "not" | "happy": a pending negation
    "What a day|! Great.",                    # a "!" that would boost the sentence before
])
def test_a_seam_textblob_could_read_across_is_not_assembled(marked):
    cut = marked.index("|")
    text = marked.replace("|", " ")
    spans = [(0, cut), (cut + 1, len(text))]
    assert article_sentiment._from_sentences(text, spans) is None
    assert article_sentiment.textblob_scores(text, spans) == _direct(text)


def test_sentences_with_no_space_between_them_are_scored_whole():
    # "USED![803": TextBlob's tokenizer keeps "!" inside the token when no space follows it, so the
    # exclamation that boosts "Very" in the sentence alone does not in the whole text.
    text = "Very disloyal to Bill & Crooked-USED![803 EST] - Wishing all a happy and healthy week."
    first_end = text.index("[")
    spans = [(0, first_end), (first_end, len(text))]
    direct = TextBlob(text).sentiment
    assert article_sentiment.textblob_scores(text, spans) == (direct.polarity, direct.subjectivity)
    assert article_sentiment.polarity_without(text, spans, {"happy"})[0] == direct.polarity
