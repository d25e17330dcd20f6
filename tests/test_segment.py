"""Sentence and paragraph splitting on the cases news text throws at a splitter."""

import pytest

from analysis.corpus.segment import paragraph_spans, sentence_spans
from analysis.corpus.text import count_words, words


def _sentences(text):
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr Ji was a guest. He spoke.", ["Mr Ji was a guest.", "He spoke."]),
        ("Mr. Ji was a guest. He spoke.", ["Mr. Ji was a guest.", "He spoke."]),
        (
            "North Korea's U.N. mission called him \"human scum.\" Trump replied.",
            ["North Korea's U.N. mission called him \"human scum.\"", "Trump replied."],
        ),
        ("He spoke on Feb. 13, 2018 in Seoul. It was cold.", ["He spoke on Feb. 13, 2018 in Seoul.", "It was cold."]),
        ("It happened on Jan. 30. Trump spoke.", ["It happened on Jan. 30.", "Trump spoke."]),
        ("The U.S. president met Kim. The U.S. is big.", ["The U.S. president met Kim.", "The U.S. is big."]),
        # A quote ending in ," stays with its attribution.
        ('"I felt the warmth," he said. "She was arrogant."', ['"I felt the warmth," he said.', '"She was arrogant."']),
        (
            "“I thought she was arrogant. She shouldn’t walk like that,” Ji said. “I wish we could.”",
            ["“I thought she was arrogant. She shouldn’t walk like that,” Ji said.", "“I wish we could.”"],
        ),
        ("He was born in 1982. In 2006, he escaped.", ["He was born in 1982.", "In 2006, he escaped."]),
        ("One sentence without a full stop", ["One sentence without a full stop"]),
        ("", []),
    ],
)
def test_sentences_of_news_text(text, expected):
    assert _sentences(text) == expected


def test_sentence_offsets_exclude_surrounding_spaces():
    text = "  First one.   Second one.  "
    assert sentence_spans(text) == [(2, 12), (15, 26)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\n\n\n\nTwo.\n\n", ["One.", "Two."]),
        ("", []),
    ],
)
def test_paragraph_spans(text, expected):
    assert [text[start:end] for start, end in paragraph_spans(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ji Seong-ho isn’t here.", ["Ji", "Seong-ho", "isn’t", "here"]),
        ("North's 130,000 people", ["North's", "130", "000", "people"]),
        ("“Quoted” — text", ["Quoted", "text"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected
    assert count_words(text) == len(expected)


@pytest.mark.parametrize("text", [
    "Plain ASCII words, don't-stop and 2018's numbers.\nA second line\n\nand a paragraph.",
    "Curly “quotes” and isn’t it Seong-ho?\nİstanbul STRASSE straße",
    "An opening mark for an apostrophe: don‘t, and a low one: won‚t",
    "", "\n\n", "one",
])
def test_word_counts_and_line_words_agree_with_the_word_pattern(text):
    from analysis.corpus.language import _count_words
    from analysis.corpus.text import WORD_PATTERN, casefolded_words, line_words

    # words are found once the quote marks are straight ("don‘t" is one word, as "don’t" is)
    straight = text.replace("‘", "'").replace("‚", "'").replace("“", '"').replace("”", '"')
    assert count_words(text) == len(WORD_PATTERN.findall(straight))
    assert [word for line in text.split("\n") for word in line_words(line)] == casefolded_words(text)
    # the language rule counts the words with a letter, and those that are English function words;
    # a word is found before it is casefolded ("İstanbul" stays one word, though its casefold holds
    # a combining dot, which is not a letter)
    folded = [word.casefold() for word in WORD_PATTERN.findall(straight)]
    with_letter = [word for word in folded if not word.replace("'", "").replace("-", "").isdecimal()]
    assert _count_words(text)[0] == len(with_letter)


def test_straighten_quotes_makes_every_curly_and_low_mark_straight():
    from analysis.corpus.text import straighten_quotes

    assert straighten_quotes("„Ja‚“ “isn’t” ‘it’ é") == "\"Ja'\" \"isn't\" 'it' é"
    assert straighten_quotes("plain 'ascii' \"text\"") == "plain 'ascii' \"text\""
