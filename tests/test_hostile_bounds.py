"""Hostile and odd input, bounded: one test per row of ../shared/hostile-inputs.md that this file
owns (rows 11-14 and 57: long and odd texts; rows 49-52: dictionary files), named by its row.

The big inputs of those rows (a 50 MB file, a 900,000-word line) are tested here at a size that
runs in seconds; what keeps the big size bounded is asserted structurally (no sentence longer than
the bound, no removal of prose), never by timing.
"""

import random
import warnings

import pandas as pd
import pytest

from analysis import CorpusError, framing, load_corpus, quotes, sentiment
from analysis.resources import dictionaries
from analysis.corpus.cleaning import CAPTION_MAX_CHARS, clean_text
from analysis.corpus.codes import CREDIT_CAPTION, REMOVAL_REASONS, REPEATED_LINE
from analysis.resources.dictionaries import DictionaryError
from analysis.corpus.segment import MAX_SENTENCE_WORDS
from analysis.corpus.text import count_words
from test_hostile_files import every_row_has_a_known_code  # noqa: F401  (autouse: every load's rows have known codes)

# English words, function words among them (a text without them is flagged as not English).
VOCABULARY = ["the", "council", "said", "good", "bad", "terrible", "people", "government", "will", "plan", "budget", "cuts", "great", "happy", "war", "peace", "defector", "north", "korea", "freedom", "and", "of", "to", "in", "a", "that", "it", "was", "for", "on", "with", "as"]


def _load(path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, **options)


def _problems(corpus):
    return [tuple(row) for row in corpus.problems[["source", "problem", "action"]].itertuples(index=False)]


def _frame(texts):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})


def _unpunctuated(n_words: int, seed: int = 1) -> str:
    generator = random.Random(seed)
    return " ".join(generator.choice(VOCABULARY) for _ in range(n_words))


# --- rows 11-14: big and odd texts load in bounded pieces, and nothing of the story is taken out ---

SPLIT_PROBLEM = (f"1 sentence(s) longer than {MAX_SENTENCE_WORDS} words (no sentence punctuation?)",
                 f"split into pieces of at most {MAX_SENTENCE_WORDS} words; check the text's full stops")


def _row_11_big_file(tmp_path):
    # A long file of paragraphs, some of which use the word "Credit:" in prose, and one run-on
    # paragraph: the paragraphs are all kept, the run-on one is split.
    paragraphs = []
    for number in range(2_000):
        if number % 3 == 0:
            paragraphs.append(f"In meeting {number} the bank said Credit: conditions were tight for small firms.")
        else:
            paragraphs.append(f"Paragraph {number} says the council met again, and the vote was close.")
    paragraphs.append(_unpunctuated(3 * MAX_SENTENCE_WORDS))
    (tmp_path / "big.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    corpus = _load(tmp_path)
    assert len(corpus.paragraphs) == len(paragraphs)
    assert corpus.removed.empty
    assert _problems(corpus) == [("big.txt",) + SPLIT_PROBLEM]
    return corpus


def _row_12_many_tiny_files(tmp_path):
    # Many tiny files, each with "Credit:" in its one line: every one is an article, none is
    # "nothing left after cleaning".
    for number in range(2_000):
        (tmp_path / f"tiny{number:04d}.txt").write_text(
            f"In week {number} the bank said Credit: conditions were tight.", encoding="utf-8")
    corpus = _load(tmp_path)
    assert len(corpus.articles) == 2_000
    assert corpus.problems.empty
    assert corpus.articles.set_index("article_id").loc["tiny0007", "text"] == "In week 7 the bank said Credit: conditions were tight."
    return corpus


def _row_13_long_line_with_credit(tmp_path):
    # A 1 MB line with "Credit:" in it (the row's line was 4.4 MB; the rules look at a bounded
    # stretch around each credit, so the size changes nothing): kept, word for word.
    line = "The council said loans were scarce and Credit: lenders agreed with that view. " * 13_000
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")
    corpus = _load(tmp_path)
    assert len(line) > 1_000_000
    assert corpus.articles["text"].tolist() == [line.strip()]
    assert corpus.removed.empty and corpus.problems.empty
    return corpus


def _row_14_line_without_punctuation(tmp_path):
    # The row's line had 900,000 words and no punctuation; 12,000 words show the same shape.
    text = _unpunctuated(12_000)
    (tmp_path / "run-on.txt").write_text(text, encoding="utf-8")
    corpus = _load(tmp_path)
    assert _problems(corpus) == [("run-on.txt",) + SPLIT_PROBLEM]
    return corpus


@pytest.mark.parametrize("build", [
    pytest.param(_row_11_big_file, id="row-11-big-file-loads-whole"),
    pytest.param(_row_12_many_tiny_files, id="row-12-many-tiny-files-with-credit-all-loaded", marks=pytest.mark.slow),
    pytest.param(_row_13_long_line_with_credit, id="row-13-long-line-with-credit-kept", marks=pytest.mark.slow),
    pytest.param(_row_14_line_without_punctuation, id="row-14-unpunctuated-line-split-at-bound"),
])
def test_big_and_odd_texts_load_in_bounded_sentences(tmp_path, build):
    corpus = build(tmp_path)
    texts = corpus.articles.set_index("article_id")["text"]
    sentence_words = corpus.sentences["text"].map(count_words)
    # Every later step works sentence by sentence, so bounded sentences make it linear in the text.
    assert sentence_words.max() <= MAX_SENTENCE_WORDS
    for row in corpus.sentences.itertuples(index=False):
        assert texts[row.article_id][row.start:row.end] == row.text
    # No word is lost between the pieces: the sentences of a paragraph hold all its words.
    assert sentence_words.sum() == corpus.articles["n_words"].sum()


def test_row_14_every_analysis_runs_on_an_unpunctuated_text(tmp_path):
    # Named for row 14 too: the steps that hung (VADER was quadratic in one 900,000-word sentence)
    # now see pieces of at most MAX_SENTENCE_WORDS words.
    (tmp_path / "run-on.txt").write_text(_unpunctuated(4 * MAX_SENTENCE_WORDS + 7), encoding="utf-8")
    corpus = _load(tmp_path)
    scores = sentiment.score_sentences(corpus)
    articles = sentiment.score_articles(corpus, scores)
    assert len(scores) == len(corpus.sentences) == 5
    assert corpus.sentences["text"].map(count_words).tolist() == [MAX_SENTENCE_WORDS] * 4 + [7]
    assert len(articles) == 1
    assert quotes.extract_quotes(corpus).empty
    assert set(framing.tag_sentences(corpus)["sentence_id"]) <= set(range(5))


def test_row_14_real_news_sentences_are_never_split():
    # The bound is above the longest sentence of real news (286 words in real-news-2400).
    long_real = "Officials said " + ", and ".join(["the plan would cost more than expected"] * 40) + "."
    assert 286 < count_words(long_real) < MAX_SENTENCE_WORDS
    corpus = _load(_frame([long_real]))
    assert corpus.sentences["text"].tolist() == [long_real] and corpus.problems.empty


# --- row 57: cleaning keeps story text; a removal bigger than a caption is reported ---

LONG_PARAGRAPH = ("The council voted on Tuesday to close two libraries, the mayor said, after a debate that ran late "
                  "into the night and saw dozens of residents speak against the cuts. ") * 3

KEPT_CREDIT = "kept: taking it out could take prose with it; delete the credit by hand if it is one"
IMAGE_LEAD = ("Image: Power and Protest is the theme of this year's festival, which opens on Friday in the city "
              "centre.\n\nThe organisers expect crowds.")
IMAGE_INSIDE = "The exhibition, titled Image: Power and Protest, opens on Friday.\n\nThe organisers expect crowds."
SUBHEADING_REPEATED = ("The council met on Tuesday.\n\nPower and Protest\n\nPower and Protesters gathered outside "
                       "the council on Tuesday night to oppose the cuts.\n\nThe vote was close.")
PHOTO_START = ("The council met on Tuesday.\n\nPhoto: the mayor said the budget was the hardest she had written."
               "\n\nThe vote was close.")
CREDIT_INSIDE = "The council met on Tuesday.\n\nThe bank said Credit: conditions were tight.\n\nThe vote was close."
DASH_AGENCY_LINE = "The mayor said the budget was the hardest she had written - AP"
SHORT_SUBHEADING = "Funding cuts have forced the library to close two days a week."
LONG_REPEAT_PROBLEM = (f"'The council voted on Tuesday to close two libraries, the…' ({len(LONG_PARAGRAPH.strip())} "
                       f"characters) was taken out as {REMOVAL_REASONS[REPEATED_LINE]}")
LONG_REPEAT_ACTION = (f"removed: longer than a caption ({CAPTION_MAX_CHARS} characters), so it may be story text; "
                      "check corpus.removed and restore it if it is")

# name: (raw text, cleaned text, removed rows (line, reason code, text), problem rows)
ROW_57 = {
    "image-in-a-lead-sentence": (IMAGE_INSIDE, IMAGE_INSIDE, [], []),
    "image-opening-the-lead-paragraph": (IMAGE_LEAD, IMAGE_LEAD, [], [(
        "a.txt line 1", ("'Image: Power and Protest is the theme of this year's…' looks like a photo credit whose "
                         "end cannot be told, inside the text"), KEPT_CREDIT)]),
    "paragraph-repeating-the-subheading-above": (SUBHEADING_REPEATED, SUBHEADING_REPEATED, [], []),
    "paragraph-starting-photo-colon": (PHOTO_START, PHOTO_START, [], [(
        "a.txt line 3", ("'Photo: the mayor said the budget was the hardest she had…' looks like a photo credit "
                         "whose end cannot be told, inside the text"), KEPT_CREDIT)]),
    "credit-word-inside-a-sentence": (CREDIT_INSIDE, CREDIT_INSIDE, [], []),
    # A caption-sized line of one sentence ending in "- AP" reads as a caption and still goes (as
    # the bundled corpus's Telegraph captions "... - Reuters" must); it is listed in removed.
    "one-sentence-line-ending-dash-agency": (
        f"The council met on Tuesday.\n\n{DASH_AGENCY_LINE}\n\nThe vote was close.",
        "The council met on Tuesday.\n\nThe vote was close.", [(3, CREDIT_CAPTION, DASH_AGENCY_LINE)], []),
    "short-subheading-stays-its-own-paragraph": (
        f"The council met on Tuesday.\n\nFunding cuts\n{SHORT_SUBHEADING}\n\nThe vote was close.",
        f"The council met on Tuesday.\n\nFunding cuts\n\n{SHORT_SUBHEADING}\n\nThe vote was close.", [], []),
    "repeated-paragraph-longer-than-a-caption-is-reported": (
        f"Intro.\n\n{LONG_PARAGRAPH}\n\n{LONG_PARAGRAPH}\n\nEnd.", f"Intro.\n\n{LONG_PARAGRAPH.strip()}\n\nEnd.",
        [(5, REPEATED_LINE, LONG_PARAGRAPH.strip())], [("a.txt line 5", LONG_REPEAT_PROBLEM, LONG_REPEAT_ACTION)]),
}


@pytest.mark.parametrize("raw, text, removed, problems", list(ROW_57.values()),
                         ids=[f"row-57-{name}" for name in ROW_57])
def test_cleaning_keeps_story_text_and_reports_big_removals(tmp_path, raw, text, removed, problems):
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    corpus = _load(tmp_path)
    assert corpus.articles["text"].tolist() == [text]
    assert [(row.line_number, row.reason_code, row.text) for row in corpus.removed.itertuples()] == removed
    assert _problems(corpus) == problems
    if problems:
        with pytest.raises(CorpusError):
            load_corpus(tmp_path, strict=True)


def test_row_57_every_removal_bigger_than_a_caption_is_a_doubt():
    cleaned = clean_text(f"Intro.\n\n{LONG_PARAGRAPH}\n\n{LONG_PARAGRAPH}\n\nEnd.")
    big = [line for line in cleaned.removed if len(line.text) > CAPTION_MAX_CHARS]
    assert [doubt.line_number for doubt in cleaned.doubts] == [line.line_number for line in big] == [5]


# --- rows 49-52: dictionary files, refused with the file and line, in bounded time and memory ---

BILLION_LAUGHS = "".join(
    ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [f"lol{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n" for level in range(1, 9)]
)
ALIAS_MESSAGE = ("line 2: anchors and aliases (&name, *name) are not allowed in a dictionary file: "
                 "write the entries out")


def _laughs_codebook(folder):
    path = folder / "laughs.yml"
    path.write_text("codebook: laughs\n" + BILLION_LAUGHS + "frames:\n  f1: {label: x, definition: y, terms: *l8}\n",
                    encoding="utf-8")
    return path, lambda: framing.load_codebook(path)


def _laughs_targets(folder):
    path = folder / "targets.yml"
    path.write_text("targets:\n" + "".join("  " + line for line in BILLION_LAUGHS.splitlines(keepends=True)),
                    encoding="utf-8")
    return path, lambda: dictionaries.load_targets(path)


def _laughs_watchlist(folder):
    path = folder / "watch.yml"
    path.write_text("misleading:\n" + "".join("  " + line for line in BILLION_LAUGHS.splitlines(keepends=True)),
                    encoding="utf-8")
    return path, lambda: dictionaries.load_watchlist(path)


def _python_tag(folder):
    path = folder / "evil.yml"
    path.write_text("codebook: evil\nframes:\n  f1:\n    label: !!python/object/apply:os.system [\"touch "
                    f"{folder / 'ran'}\"]\n    definition: y\n    terms: [a]\n", encoding="utf-8")
    return path, lambda: framing.load_codebook(path)


def _syntax_error(folder):
    path = folder / "syntax.yml"
    path.write_text("codebook: broken\nframes:\n  f1:\n    label: x\n   definition: y\n", encoding="utf-8")
    return path, lambda: framing.load_codebook(path)


def _wrong_types(folder):
    path = folder / "types.yml"
    path.write_text("codebook: types\nframes:\n  f1:\n    label: 3\n    definition: y\n    terms: just a string\n",
                    encoding="utf-8")
    return path, lambda: framing.load_codebook(path)


@pytest.mark.parametrize("make, message", [
    pytest.param(_syntax_error, "line 5: not valid YAML (expected <block end>, but found '<block mapping start>'); "
                 "check the indentation and colons there", id="row-49-yaml-syntax-error"),
    pytest.param(_laughs_codebook, ALIAS_MESSAGE, id="row-50-billion-laughs-codebook"),
    pytest.param(_laughs_targets, ALIAS_MESSAGE, id="row-50-billion-laughs-targets"),
    pytest.param(_laughs_watchlist, ALIAS_MESSAGE, id="row-50-billion-laughs-watchlist"),
    pytest.param(_python_tag, "line 4: the tag '!!python/object/apply:os.system' is not allowed in a dictionary "
                 "file (tags can build Python objects); delete it and write plain text, lists and mappings",
                 id="row-51-python-tag-refused"),
    pytest.param(_wrong_types, "line 3: the terms and questions of 'f1' must be lists", id="row-52-wrong-types"),
])
def test_dictionary_files_are_refused_with_file_and_line(tmp_path, make, message):
    path, load = make(tmp_path)
    with pytest.raises(DictionaryError) as error:
        load()
    assert str(error.value) == f"{path}, {message}"
    assert not (tmp_path / "ran").exists()


def test_row_50_line_numbers_are_found_without_expanding_aliases(tmp_path):
    path, _ = _laughs_codebook(tmp_path)
    with pytest.raises(DictionaryError, match="anchors and aliases"):
        dictionaries.node_lines(path)
