"""TextBlob scores put together from sentences or paragraphs equal ``TextBlob(text).sentiment``.

Tested through the one entry point of ``analysis.sentiment._article_scores``
(``textblob_sentiment``, which ``score_sentences``, ``score_articles`` and ``neutralised_scores``
call) and the public functions, against TextBlob called directly.
"""

import math
import random

import pytest
from conftest import corpus_of
from textblob import TextBlob

from analysis import sentiment
from analysis.corpus.text import LETTER, words
from analysis.resources.lexicons import known_words as _known_words
from analysis.resources.lexicons import prepare_for_vader
from analysis.scale.bench import synthetic_corpus
from analysis.sentiment._article_scores import textblob_sentiment

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


def _read(texts, sentences=None, **options):
    """[(polarity, subjectivity, read_from)] of each text, from the one entry point."""
    return [(score.polarity, score.subjectivity, score.read_from)
            for score in textblob_sentiment(texts, sentences, **options)]


@pytest.mark.slow
def test_scores_equal_textblob_on_recombined_news_texts():
    texts = synthetic_corpus(600, seed=11)["text"].tolist()
    read = _read(texts)
    for text, (polarity, subjectivity, _) in zip(texts, read):
        direct = _direct(text) if LETTER.search(text) else (math.nan, math.nan)
        assert (polarity, subjectivity) == direct, text[:200]
    # The assembled path (not the fallback) is what these texts take, so it is what was checked.
    assert sum(read_from == "paragraphs" for _, _, read_from in read) >= 0.9 * len(texts)


@pytest.mark.slow
def test_scores_equal_textblob_on_edge_case_paragraphs():
    rng = random.Random(7)
    real = [p for text in synthetic_corpus(40, seed=5)["text"] for p in text.split("\n\n")]
    texts = []
    for _ in range(3000):
        pieces = [rng.choice(EDGE_PARAGRAPHS if rng.random() < 0.6 else real) for _ in range(rng.randint(1, 6))]
        breaks = [rng.choice(["\n\n", "\n\n\n", "\n\n  ", "\n \n\n"]) for _ in pieces]
        texts.append("".join(piece + gap for piece, gap in zip(pieces, breaks)).rstrip("\n "))
    without_letters = [text for text in texts if not LETTER.search(text)]
    for text in without_letters:
        assert all(math.isnan(value) for value in sentiment.textblob_scores(text))
    with_letters = [text for text in texts if LETTER.search(text)]
    read = _read(with_letters)
    for text, (polarity, subjectivity, _) in zip(with_letters, read):
        assert (polarity, subjectivity) == _direct(text), repr(text)
    assert sum(read_from == "paragraphs" for _, _, read_from in read) > 1000  # both paths are exercised


@pytest.mark.parametrize("text", [
    "It was really\n\ngood.",          # a pending adverb would modify the next paragraph's first word
    "They were not\n\ngood at all.",   # a pending negation would flip it
    "Great work\n\n!",                 # "!" boosts the previous paragraph's last word
    "A fine day (\n\n!) he said",       # sarcasm marks split by a break
    "Bad.\r\n\r\nGood.",              # Windows line ends
])
def test_state_carried_across_a_paragraph_break_falls_back_to_textblob(text):
    [(polarity, subjectivity, read_from)] = _read([text])
    assert read_from == "whole"
    assert (polarity, subjectivity) == _direct(text)
    assert sentiment.textblob_scores(text) == _direct(text)


def test_the_fallback_matters_for_a_pending_negation():
    text = "They were not\n\ngood at all."
    naive = [assessment[1] for paragraph in text.split("\n\n")
             for assessment in TextBlob(paragraph).sentiment_assessments.assessments]
    assert sum(naive) / len(naive) != _direct(text)[0]
    assert _read([text])[0][:2] == _direct(text)


def _counted(text):
    """The shares of the whole text's words each lexicon knows, counted directly."""
    textblob_known, vader_known = _known_words()
    tokens = [token.casefold() for token in words(prepare_for_vader(text))]
    return (sum(t in textblob_known for t in tokens) / len(tokens),
            sum(t in vader_known for t in tokens) / len(tokens))


def test_lexicon_coverage_equals_counting_the_whole_text():
    texts = synthetic_corpus(50, seed=2)["text"]
    for text in texts:
        assert sentiment.lexicon_coverage(text) == _counted(text)
    assert all(math.isnan(value) for value in sentiment.lexicon_coverage("\n\n…\n\n"))
    # score_articles measures each distinct text once (a fifth are wire copies) and gives every copy its figures.
    corpus = corpus_of(texts)
    scores = sentiment.score_articles(corpus)
    for text, textblob_share, vader_share in zip(corpus.articles["text"], scores["textblob_coverage"],
                                                 scores["vader_coverage"]):
        assert (textblob_share, vader_share) == _counted(text)


def _sentence_spans(corpus):
    spans = {}
    sentences = corpus.sentences
    for article_id, start, end in zip(sentences["article_id"], sentences["start"], sentences["end"]):
        spans.setdefault(article_id, []).append((int(start), int(end)))
    return spans


@pytest.mark.parametrize("distinct", [False, True])
@pytest.mark.slow
def test_scores_assembled_from_sentences_equal_textblob(distinct):
    corpus = corpus_of(synthetic_corpus(300, seed=4, distinct=distinct)["text"])
    spans = _sentence_spans(corpus)
    ids, texts = corpus.articles["article_id"].tolist(), corpus.articles["text"].tolist()
    read = _read(texts, [spans[article_id] for article_id in ids])
    for article_id, text, (polarity, subjectivity, _) in zip(ids, texts, read):
        assert (polarity, subjectivity) == _direct(text), article_id
    assert sum(read_from == "sentences" for _, _, read_from in read) >= 0.8 * len(corpus.articles)


def test_each_sentence_score_is_textblobs():
    for text in ["Not bad at all.", "It was really good!", "(!) Great idea.", "We met :) and left.", "Terrible",
                 "A good, good day — not a bad one."]:
        scores = sentiment.score_text(text)
        assert (scores["textblob_polarity"], scores["textblob_subjectivity"]) == _direct(text)


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
    [(polarity, subjectivity, read_from)] = _read([text], [spans])
    assert read_from != "sentences"
    assert (polarity, subjectivity) == _direct(text)
    assert sentiment.textblob_scores(text, spans) == _direct(text)


def test_sentences_with_no_space_between_them_are_scored_whole():
    # "USED![803": TextBlob's tokenizer keeps "!" inside the token when no space follows it, so the
    # exclamation that boosts "Very" in the sentence alone does not in the whole text.
    text = "Very disloyal to Bill & Crooked-USED![803 EST] - Wishing all a happy and healthy week."
    first_end = text.index("[")
    spans = [(0, first_end), (first_end, len(text))]
    direct = TextBlob(text).sentiment
    assert sentiment.textblob_scores(text, spans) == (direct.polarity, direct.subjectivity)
    assert _read([text], [spans], excluded={"happy"})[0][0] == direct.polarity


def _spans_of(sentences, gap=" "):
    text, spans = "", []
    for sentence in sentences:
        if text:
            text += gap
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text, spans


def test_one_unsafe_seam_in_a_long_text_is_read_again_alone():
    # 200 sentences, one of which ends in a pending negation: only it and the next are read as one
    # piece; the text is still put together from its sentences, and scores as TextBlob scores it.
    sentences = [f"Officials met on day {number} and the talks were good." for number in range(200)]
    sentences[100] = "The talks were not"
    text, spans = _spans_of(sentences)
    [(polarity, subjectivity, read_from)] = _read([text], [spans])
    assert read_from == "sentences"
    assert (polarity, subjectivity) == _direct(text)
    naive = _read([" ".join(sentences[:101]), " ".join(sentences[101:])])
    assert naive[0][0] != _direct(text)[0] or naive[1][0] != _direct(text)[0]  # the seam mattered


def test_a_text_where_every_seam_carries_over_is_read_whole():
    # each ends in a pending "not" that would flip the next one's first word: merging one seam at a
    # time would read ever longer pieces, so past twice the text's length it is read whole
    sentences = ["Good, they said, but not"] * 60
    text, spans = _spans_of(sentences)
    [(polarity, subjectivity, read_from)] = _read([text], [spans])
    assert read_from == "whole"
    assert (polarity, subjectivity) == _direct(text)
