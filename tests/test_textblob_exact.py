"""TextBlob's tokens and assessments computed without the library's repeated work are the library's own.

The library (``textblob._text``: its tokenizer ``find_tokens`` and ``Sentiment.assessments``) is the
oracle: every expected value here is what it returns for the same text, compared element for
element and float for float.
"""

from __future__ import annotations

import json
import random
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import SHARED, shared_path
from textblob._text import EMOTICONS

import analysis.sentiment._textblob_exact as exact
from analysis import load_corpus
from analysis.resources.lexicons import textblob_lexicon
from analysis.sentiment._textblob_exact import assessments, tokens

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parents[1] / "data" / "corpus"

# Each step of the library's tokenizer and assessments, and the places where its code has quirks
# worth keeping.
EDGE_CASES = [
    # nothing, or only punctuation
    "", " ", "\n", "!", "!!!", "?", ".", "...", "....", ".....", "..", ",", "(", ")", "()", "'", '"', "“”", "-",
    "--", "...!", "!?", "?!", ".,;:!?()[]{}`'\"@#$^&*+-|=~_", "a", "I",
    # contractions and apostrophes of all kinds
    "don't", "Don't", "DON'T", "can't won't shouldn't", "it's", "It’s", "I'm", "I'd", "we'll", "you're",
    "they've", "n't", "'s", "rock 'n' roll", "the '90s", "don’t", "O'Brien's", "dogs' bones", "''quoted''",
    # quotes of all kinds
    '"Good," he said.', "“Good,” he said.", "‘Good,’ she said.", "'Good,' she said.",
    "He said: “It was bad.”", "“Not good!” “Very bad.”", '"Good!" "Bad?"', "“Good.”“Bad.”", "«Good» „bad“ ‚worse‘",
    '"one" "two" "three." four', "He said \"it's 'not' good\".",
    # abbreviations and full stops
    "The U.S. is big.", "Mr. Smith and Dr. Jones.", "e.g. this, i.e. that, etc.", "Washington, D.C.",
    "Mr.. Smith", "U.S..", "A. B. Smith", "Jan. 1, 2018", "pp. 3-4", "St. Louis", "Ltd.", "vs. them", "w/ them",
    "a.m. and p.m.", "No. 1", "Inc.)", "(U.S.)", "(Mr.)", "the end.)", "Fig. 3.", "3.5 percent.", "$3.5m.",
    "www.example.com.", "x.", "X.", "ok.", "OK.", "TV.", "Mrs.", "Jr.,",
    # ellipses and repeated marks
    "Wait... what?", "Wait...what?", "Wait.... what", "So...", "So.....", "and...!", "good...", "...good",
    "Good!?", "Good?!", "Good!!!", "Really?!?", "good!", "good !", "good! !", "! good", "very good!",
    "not good!", "good.!", "Good!)", "Good!”", "Good!' he said", "Good!\" he said", "Good?' No.",
    # sarcasm marks
    "(!)", "( ! )", "(! )", "( !)", "Great (!) work.", "Great(!)work", "a(!)b", "Great ( ! ) work",
    "Sure. (!) Right.", "Sure! (!)", "((!))", "(!!)", "(!)(!)",
    # emoticons, and what looks like them
    ":)", ": )", ":-)", ":-(", ":(", ": (", "<3", "< 3", "♥", ":D", "xD", "XD", "x D", "box D went", ";)",
    ";-)", ":'(", ":'''(", ":P", ":p", ":o)", ":^)", "8)", "(1998)", "in (2018) and", "8-D", "o_O", "o.O",
    "o. O went", "o . O went", "wow o . O yes", "> . > b", "a > . > b", ">.>", ":-.", "so :-. x", "°O°",
    ":/", ":\\", "=/", ":-s", ":S", ":c", ":c)", ":3", "=]", ":]", ":}", ":>", "*)", "*-)", ";'(", ">:D",
    ">:(", "x . D ok", "It was good :) really", "Bad :( really", "good :-) .", "Wow! :) Nice.",
    "Wow. :) Nice.", "Ok! D", "a) b", "Really?) Yes.", "So .) Yes", "Yes . ) no", "Done . :) ok",
    # negations and modifiers
    "not good", "not a good", "not a very good", "not very good", "very not good", "really not good",
    "extremely not bad", "very good", "very very good", "never good", "no good", "not bad", "not the best",
    "not", "very", "not very", "good not", "not is a good", "not it good", "not 'a' good", "not ' good",
    "very is a good", "very a good", "very :) good", "very ! good", "not :) good", "terribly good",
    "terribly not good", "not terribly good", "Not Good", "NOT GOOD", "hardly good", "no, not good",
    # exclamation marks after known and unknown words
    "good !", "good!!", "bad!", "great news!", "news!", "! !", "very!", "not!", "good (!)", "(!) good !",
    # line breaks and white space
    "Good.\n\nBad.", "Good\n\nbad", "Good.\r\nBad.", "Good.\r\n\r\nBad.", "Good\rbad", "Good\nbad",
    "Good \n \n bad", "Good\tbad", "Good\u00a0bad", "Good\u2028bad", "Good\x0cbad", "  spaced   out  ",
    "a\n\n\n\nb", "\n\ngood", "good\n\n",
    # the library's own sentence-end marker
    "END-OF-SENTENCE", "good END-OF-SENTENCE bad", "(END-OF-SENTENCE)", "end-of-sentence",
    # words of other scripts, symbols, profanity with marks
    "Ünïcödé wörds are fine", "좋은 소식", "良い", "f*cking good", "c*** bad", "@user #tag $5 ^caret",
    "[good] {bad} `odd`", "~good~ _bad_ |x|", "a+b=c", "100% good", "5-3 win", "e-mail", "--good--",
]


def _library_tokens(text: str) -> list[str]:
    return " ".join(textblob_lexicon().tokenizer(text)).split()


def _library_assessments(words: list[str]) -> list[tuple]:
    return textblob_lexicon().assessments(((word, None) for word in words), True)


def _same_assessments(found: list[tuple], expected: list[tuple]) -> bool:
    # == on the tuples compares chunks, floats and labels; the types are compared as well
    return found == expected and all(type(a) is type(b) for one, other in zip(found, expected)
                                     for a, b in zip(one, other))


def _mismatches(texts) -> list[str]:
    """The texts whose tokens or assessments differ from the library's."""
    wrong = []
    for text in texts:
        expected = _library_tokens(text)
        words = [word.lower() for word in expected]
        if tokens(text) != expected or not _same_assessments(assessments(words), _library_assessments(words)):
            wrong.append(text)
    return wrong


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_the_library(text):
    expected = _library_tokens(text)
    assert tokens(text) == expected
    words = [word.lower() for word in expected]
    assert _same_assessments(assessments(words), _library_assessments(words))


@pytest.mark.parametrize(("text", "expected"), [
    ("I don't like it.", ["I", "do", "n", "'", "t", "like", "it", "."]),
    ("The U.S. economy (!) grew.", ["The", "U.S.", "economy", "(!)", "grew", "."]),
    ("in (1998) and", ["in", "(", "1998)", "and"]),  # "8 )" is an emoticon to the library
    ("Wait....", ["Wait", "..."]),
])
def test_the_library_quirks_are_kept(text, expected):
    assert _library_tokens(text) == expected  # what the library does ...
    assert tokens(text) == expected  # ... is what this does


@pytest.mark.parametrize("text", [
    # Applied to the whole text, the emoticon expression would join what the library keeps apart
    # (the first two); the third could not span one, but a space after a quote mark is enough.
    "a > . > b", "wow o . O yes", "so : ' ( no",
    # Line breaks and the library's own sentence mark.
    "Good.\n\nBad.", "Good.\r\nBad.", "END-OF-SENTENCE",
])
def test_what_the_fast_path_cannot_be_sure_of_goes_to_the_library(text, monkeypatch):
    calls = []
    monkeypatch.setattr(exact, "_library_tokens", lambda given: calls.append(given) or _library_tokens(given))
    assert tokens(text) == _library_tokens(text)
    assert calls == [text]


def test_every_lexicon_word_alone_and_with_a_modifier_a_negation_and_a_mark():
    lexicon = textblob_lexicon()
    words = sorted(dict.keys(lexicon))
    assert len(words) > 2_000
    emoticons = sorted({mark.lower() for marks in EMOTICONS.values() for mark in marks})
    for word in words + emoticons + ["(!)", "!", "no", "not", "never", "n't"]:
        for sequence in ([word], ["very", word], ["not", word], ["not", "very", word], ["terribly", "not", word],
                         [word, "!"], [word, word, "!", "!"], ["not", "a", word], [word, "good"], [word, "not", "good"],
                         ["not", word, "good"], [word, "is", "good"], [word, ":)", "good"], ["not", "'a", word],
                         ["not", "''", word], ["very", "'a", word], ["terribly", "not", "'a", word]):
            assert _same_assessments(assessments(sequence), _library_assessments(sequence)), sequence


def test_random_texts_of_marks_and_words_equal_the_library():
    # Seeded, so a failure repeats; the pieces are the ones the two steps treat apart.
    generator = random.Random(17)
    emoticons = sorted(mark for marks in EMOTICONS.values() for mark in marks)
    pieces = ["good", "bad", "very", "not", "never", "no", "really", "terribly", "a", "is", "I", "U.S.", "Mr.",
              "e.g.", "Dr.", "Mr..", "A.", "o", "O", "x", "X", "D", "8", "1998", "can't", "it's", "...", "....",
              "(!)", "!?", ".)", "!)", ")."] + emoticons + list(".,;:!?()[]{}`'\"@#$^&*+-|=~_“”‘’<>°♥/\\")
    separators = [" ", " ", " ", "", "", "\n", "\t", "\u00a0"]
    characters = "ab.o O8xXD:;()!?'\"”’“‘-=<>3 _^°/\\*[]{},pPcs"
    texts = []
    for _ in range(3_000):
        texts.append("".join(generator.choice(pieces) + generator.choice(separators)
                             for _ in range(generator.randint(0, 12))))
        texts.append("".join(generator.choice(characters) for _ in range(generator.randint(0, 30))))
    assert _mismatches(texts) == []


def _file_texts() -> set[str]:
    """Every .txt file of the bundled and fixture corpora (whole, by paragraph and by line), and
    every text cell of their .csv files."""
    files = sorted(DATA.glob("*.txt")) + sorted(FIXTURES.glob("*/*.txt"))
    texts = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        texts.add(text)
        texts.update(re.split(r"\n{2,}", text))
        texts.update(text.splitlines())
    for path in sorted(DATA.glob("*.csv")) + sorted(FIXTURES.glob("*/*.csv")):
        table = pd.read_csv(path, dtype=str)
        texts.update(value for column in table.columns for value in table[column].dropna())
    return texts


def _corpus_texts(path) -> set[str]:
    """The sentences and paragraphs of the corpus at ``path``, as ``load_corpus`` makes them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    return set(corpus.sentences["text"]) | set(corpus.paragraphs["text"])


def test_every_sentence_and_paragraph_of_the_bundled_and_fixture_corpora():
    folders = [DATA] + sorted(folder for folder in FIXTURES.iterdir() if folder.is_dir())
    texts = _file_texts().union(*(_corpus_texts(folder) for folder in folders))
    assert len(texts) > 300
    assert _mismatches(sorted(texts)) == []


# --- the real corpora in ../shared (slow) -------------------------------------------------------------


def _real_corpora() -> list[str]:
    """The real corpora in ../shared/corpora (each ``*/articles.csv``); none where it is absent."""
    return sorted(str(path.relative_to(SHARED)) for path in (SHARED / "corpora").glob("*/articles.csv"))


@pytest.mark.slow
@pytest.mark.parametrize("relative", _real_corpora() or ["corpora/real-news-2400/articles.csv"])
def test_every_sentence_and_paragraph_of_the_real_corpora(relative):
    texts = _corpus_texts(shared_path(relative))
    assert len(texts) > 1_000
    assert _mismatches(sorted(texts)) == []


def _newsmtsc(path: Path) -> pd.DataFrame:
    with path.open(encoding="utf-8") as lines:
        sentences = [json.loads(line)["sentence_normalized"] for line in lines if line.strip()]
    return pd.DataFrame({"text": sentences})


def _article_extraction(path: Path) -> pd.DataFrame:
    bodies = json.loads(path.read_text(encoding="utf-8"))
    return pd.DataFrame({"text": [page["articleBody"] for page in bodies.values() if page.get("articleBody")]})


def _narrative_frames(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", usecols=["text"], dtype=str).dropna()


# The English benchmarks in ../shared/benchmarks, each read into a corpus (the Urdu texts of
# COUNTER are left out: TextBlob's lexicon is English).
BENCHMARKS = {
    "newsmtsc-train/train.jsonl": _newsmtsc,
    "article-extraction/ground-truth.json": _article_extraction,
    "narrative-frames/articles_metadata.tsv": _narrative_frames,
    "polnear-train/text": None,  # a folder of .txt files, which load_corpus reads itself
}


@pytest.mark.slow
@pytest.mark.parametrize("relative", sorted(BENCHMARKS))
def test_every_sentence_and_paragraph_of_the_benchmarks(relative):
    path = shared_path(f"benchmarks/{relative}")
    read = BENCHMARKS[relative]
    texts = _corpus_texts(path if read is None else read(path))
    if read is _newsmtsc:
        texts |= set(read(path)["text"])  # the benchmark's sentences as they are, too
    assert len(texts) > 1_000
    assert _mismatches(sorted(texts)) == []
