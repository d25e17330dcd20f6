"""Quotes measured against attributions people annotated: the scorer's reading of brat standoff
files and its matching, worked out by hand, then the floor the package reaches on PolNeAR's
held-out articles in ../shared (skipped with a message where that folder is absent)."""

import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import MEASURED, shared_path

from analysis.quotes.evaluation import (attribution_gold, attribution_scores, is_fragment, match_quotes, read_brat,
                                        same_speaker)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import quote_attribution  # noqa: E402  (the benchmark script, benchmarks/quote_attribution.py)

TEXT = ("Jo Smith said \"the port is open.\" Later \"We will win,\" she said.\n\n"
        "The council said the plan was ''too late'' for most.")


def _span(label: str, words: str, number: int) -> str:
    start = TEXT.index(words)
    return f"T{number}\t{label} {start} {start + len(words)}\t{words}"


ANNOTATIONS = "\n".join([
    _span("Source", "Jo Smith", 1), _span("Cue", "said", 2), _span("Content", "\"the port is open.\"", 3),
    "E1\tAttribution:T9 Source:T1 Cue:T2 Content:T3",
    _span("Source", "she", 4), _span("Content", "\"We will win,\"", 5),
    "E2\tAttribution:T9 Content:T5 Source:T4",
    _span("Source", "The council", 6), _span("Content", "the plan was ''too late'' for most", 7),
    "E3\tContent:T7 Source:T6",
])


def test_brat_spans_and_events_are_read_with_discontinuous_offsets():
    spans, events = read_brat("T1\tSource 0 2;5 8\tJo Sm\nE1\tSource:T1 Content:T2\n#1\tAnnotatorNotes T1\tx")
    assert spans == {"T1": ("Source", [(0, 2), (5, 8)], "Jo Sm")}
    assert events == [{"Source": "T1", "Content": "T2"}]
    with pytest.raises(ValueError, match="line 1 of the annotations"):
        read_brat("T1\tSource a b\tx")


def test_gold_quotes_are_the_quoted_stretches_of_contents_with_pronouns_resolved():
    gold = attribution_gold(TEXT, ANNOTATIONS)
    assert [(quote.quote, quote.source, quote.speaker, quote.mark) for quote in gold] == [
        ("the port is open.", "Jo Smith", "Jo Smith", '"'),
        ("We will win,", "she", "Jo Smith", '"'),  # "she": the nearest earlier source naming someone
        ("too late", "The council", "The council", "''"),
    ]
    assert all(TEXT[quote.start:quote.end] == quote.quote for quote in gold)


def test_a_content_span_that_starts_inside_a_quote_takes_the_quote_as_printed():
    text = 'Smith said: "We will win, and we will win again," she added.'
    start, end = text.index("and we"), text.index('" she') - 1  # the content ends before the comma
    annotations = f"T1\tSource 0 5\tSmith\nT2\tContent {start} {end}\tx\nE1\tSource:T1 Content:T2"
    [quote] = attribution_gold(text, annotations)
    assert quote.quote == "and we will win again,"


def test_marks_inside_markup_tags_are_not_gold_quotes():
    text = '<tweet author="Jo">Vote now</tweet> and "vote early," Jo said.'
    annotations = f"T1\tSource 53 55\tJo\nT2\tContent 0 51\tx\nE1\tSource:T1 Content:T2"
    assert [quote.quote for quote in attribution_gold(text, annotations)] == ["vote early,"]


def test_quotes_match_one_to_one_by_word_jaccard():
    # "a b c" against "a b c d": 3 shared of 4 words; the second "a b c" finds no gold quote left
    assert match_quotes(["a b c", "A B C", "x y"], ["a b c d", "z"]) == [(0, 0, 0.75)]
    assert match_quotes(["a b"], ["a b c d e"]) == []  # 2 of 5: under 0.5


@pytest.mark.parametrize("found, gold, same", [
    ("Donald Trump", "Trump", True), ("Hillary Clinton", "the Clinton campaign", True),
    ("Mr. Smith", "Smith's spokesman", True), ("the president", "President Obama", False),
    ("", "Trump", False), ("Jo Smith", "", False),
    # a surname that is also a title, after an honorific or a first name: still a name
    ("Matthew Prince", "Mr. Prince", True), ("Prince Charles", "Mr. Prince", False),
    ("Judge Berman", "Mr. Berman", True), ("the prince", "Mr. Prince", False)])
def test_speakers_are_the_same_when_they_share_a_word_of_a_name(found, gold, same):
    assert same_speaker(found, gold) is same


@pytest.mark.parametrize("speaker, fragment", [
    ("Mr", True), ("Florida Rep", True), ("Smith criticized Jones for", True), ("Ames It", True),
    ("Maria Okafor", False), ("the Department of State", False), ("Bank of England", False), ("he", False)])
def test_fragments_are_told_from_names(speaker, fragment):
    assert is_fragment(speaker) is fragment


def test_scores_and_error_kinds_count_by_hand():
    gold = {"a": attribution_gold(TEXT, ANNOTATIONS)}
    quotes = pd.DataFrame({
        "article_id": ["a", "a", "a", "a"],
        "quote": ["the port is open.", "We will win,", "too late", "bonus"],
        "speaker": ["Jo Smith", "Ann Lee", "", ""],
        "speaker_mention": ["Jo Smith", "she", "", ""],
        "attribution": ["reporting verb before the quote", "reporting verb after the quote", "none", "none"],
        "doubt": ["", "", "", ""]})
    summary, rows = attribution_scores(quotes, gold, {"a": TEXT})
    assert (summary["gold"], summary["found"], summary["matched"]) == (3, 4, 3)
    assert summary["precision"] == pytest.approx(0.75) and summary["recall"] == 1.0
    assert summary["f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert summary["speaker_accuracy"] == pytest.approx(1 / 3)
    assert summary["errors"]["pronoun resolved to the wrong person"] == 1  # "she" -> Ann Lee, not Jo Smith
    assert summary["errors"]["no speaker"] == 1
    assert summary["found_not_gold"]["scare quote or term (3 words or fewer)"] == 1
    assert rows["outcome"].value_counts().to_dict() == {"wrong speaker": 2, "right speaker": 1, "found, not gold": 1}


def test_the_split_holds_out_one_article_in_five_by_name():
    names = [f"article-{number}" for number in range(1000)]
    held_out = [name for name in names if quote_attribution.part_of(name) == "held-out"]
    assert 150 < len(held_out) < 250
    assert held_out == [name for name in names if quote_attribution.part_of(name) == "held-out"]  # by name alone


# The floor reached on PolNeAR's held-out part (169 articles, never read while the rules were
# written): F1 0.949 and speaker accuracy 0.868 when set (0.848 before the second round of rules);
# issue 18 asks for 0.95 and 0.90 (see benchmarks/results.md).
HELD_OUT_F1 = 0.945
HELD_OUT_SPEAKER_ACCURACY = 0.87


@pytest.mark.slow
def test_polnear_held_out_articles_reach_the_floor():
    folder = shared_path("benchmarks/polnear-train")
    summary, _ = quote_attribution.score_folder(folder, "held-out")
    MEASURED["quotes, PolNeAR held-out part"] = (
        f"{summary['articles']} articles, {summary['gold']} gold quotes: precision {summary['precision']:.3f}, "
        f"recall {summary['recall']:.3f}, F1 {summary['f1']:.3f}, speaker accuracy {summary['speaker_accuracy']:.3f}")
    assert summary["articles"] == 169
    assert summary["f1"] >= HELD_OUT_F1
    assert summary["speaker_accuracy"] >= HELD_OUT_SPEAKER_ACCURACY


def test_in_a_text_without_double_marks_single_marks_are_gold_quotes():
    text = "‘We will not close the port,’ said Ana Lind. The Joneses’ plan isn’t new."
    annotations = f"T1\tSource 38 46\tAna Lind\nT2\tContent 0 33\tx\nE1\tSource:T1 Content:T2"
    assert [(quote.quote, quote.speaker, quote.mark) for quote in attribution_gold(text, annotations)] == [
        ("We will not close the port,", "Ana Lind", "‘")]
