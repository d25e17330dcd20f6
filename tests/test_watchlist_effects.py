"""The watch-list's generic entries against NewsMTSC, and benchmarks/watchlist_effects.py's measuring
worked by hand.

The NewsMTSC tests need ``../shared/benchmarks/newsmtsc-train/train.jsonl`` and skip without it.
A generic entry is one whose reason carries its NewsMTSC figures ("On NewsMTSC (dev / held-out) it
is in D / H sentences; ..."); the story's examples do not.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import watchlist_effects  # noqa: E402

from analysis.resources.dictionaries import load_watchlist  # noqa: E402

MEASURED = re.compile(r"On NewsMTSC \(dev / held-out\) it is in (\d+) / (\d+) sentences")
# Measured when the list was reworked (issue 20): on the 655 held-out sentences that contain a generic
# entry, neutralising all of them raised VADER's macro-F1 from 0.46 to 0.51 (+0.05; 71 sentences
# moved toward the human label, 32 away). The floor leaves room for small changes in scoring, not
# for an entry that makes VADER worse where it applies.
HELD_OUT_VADER_F1_FLOOR = 0.03


@pytest.fixture(scope="module")
def sentences():
    if not watchlist_effects.NEWSMTSC.is_file():
        pytest.skip(f"NewsMTSC not found at {watchlist_effects.NEWSMTSC}: the watch-list's measured effects "
                    "are checked only where ../shared/benchmarks/newsmtsc-train is present")
    return watchlist_effects.read_sentences()


def generic_entries() -> dict[str, tuple[int, int]]:
    """The shipped list's generic entries: {word: (development, held-out) sentence counts it states}."""
    found = {}
    for word, why in load_watchlist()["misleading"].items():
        stated = MEASURED.search(why)
        if stated:
            found[word] = (int(stated.group(1)), int(stated.group(2)))
    return found


def test_the_shipped_list_has_generic_entries_and_story_examples():
    generic, misleading = generic_entries(), load_watchlist()["misleading"]
    assert len(generic) >= 40
    for example in ("defector", "defectors", "defected", "dignitaries", "cheerleaders"):
        assert example in misleading and example not in generic


def test_generic_entries_do_not_lower_vader_on_the_held_out_sentences_they_touch(sentences):
    figures = watchlist_effects.measure_words(sentences, set(generic_entries()), parts=("held_out",))["held_out"]
    assert figures["n"] >= 500
    vader = figures["vader"]
    assert vader["f1_change"] >= HELD_OUT_VADER_F1_FLOOR, vader
    assert vader["toward"] > vader["away"], vader


def test_each_generic_entry_states_its_counts_and_does_not_disagree_on_the_held_out_part(sentences):
    for word, (dev, held_out) in generic_entries().items():
        figures = watchlist_effects.measure_words(sentences, {word})
        assert (figures["dev"]["n"], figures["held_out"]["n"]) == (dev, held_out), word
        assert figures["dev"]["effect"] + figures["held_out"]["effect"] > 0, (word, figures)
        assert figures["held_out"]["effect"] >= 0, (word, figures)


def _vader_class(compound: float) -> int:
    return 2 if compound >= 0.05 else 0 if compound <= -0.05 else 1


def test_measuring_one_word_by_hand():
    texts = ["The critics spoke to reporters on Tuesday.",       # neutral to people: VADER negative
             "Critics met the mayor at the town hall.",           # neutral to people: VADER negative
             "Critics praised the wonderful new bridge.",         # positive with or without 'critics'
             "The mayor spoke to reporters on Tuesday."]          # no 'critics': not counted
    labels = [1, 1, 2, 1]
    analyser = SentimentIntensityAnalyzer()
    as_is = [analyser.polarity_scores(text)["compound"] for text in texts[:3]]
    analyser.lexicon = {word: value for word, value in analyser.lexicon.items() if word != "critics"}
    without = [analyser.polarity_scores(text)["compound"] for text in texts[:3]]
    assert [_vader_class(value) for value in as_is] == [0, 0, 2]
    assert [_vader_class(value) for value in without] == [1, 1, 2]
    assert without[:2] == [0.0, 0.0]

    rows = [watchlist_effects.sentence_row(text, label, held_out=False) for text, label in zip(texts, labels)]
    classes = watchlist_effects.scores(texts[:3], {"critics"})
    assert classes["vader"].tolist() == [0, 0, 2] and classes["vader_neutralised"].tolist() == [1, 1, 2]
    figures = watchlist_effects.measure_words(rows, {"critics"})
    dev = figures["dev"]
    assert dev["n"] == 3 and figures["held_out"]["n"] == 0
    # Before: predicted [neg, neg, pos] for [neu, neu, pos]: F1 negative 0, neutral 0, positive 1 -> 1/3.
    # After: all three right -> 1.
    assert dev["vader"] == {"f1_before": 0.3333, "f1_after": 1.0, "f1_change": 0.6667, "toward": 2, "away": 0}
    assert dev["textblob"]["toward"] == dev["textblob"]["away"] == 0  # TextBlob does not know 'critics'
    assert dev["effect"] == 2


def test_moving_away_from_the_label_counts_against_a_word():
    labels = np.array([0, 1, 2])
    change = watchlist_effects.change(labels, before=np.array([0, 1, 2]), after=np.array([1, 1, 1]))
    assert (change["toward"], change["away"]) == (0, 2)
    assert change["f1_before"] == 1.0 and change["f1_change"] < 0
