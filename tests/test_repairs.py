"""Repairs of what scraping breaks: lost apostrophes and sentences run together, on tiny texts."""

import pytest

from analysis.corpus.repairs import glued_breaks, lost_apostrophes


def _pieces(text):
    cuts = glued_breaks(text)
    return [text[start:end] for start, end in zip([0] + cuts, cuts + [len(text)])]


@pytest.mark.parametrize("text, pieces", [
    ("He asked for this.Earlier this week he left.", ["He asked for this.", "Earlier this week he left."]),
    ("Why?Nobody knows!Really.", ["Why?", "Nobody knows!", "Really."]),
    # abbreviations, initials, dotted abbreviations and web addresses are not sentence ends
    ("Mr.Smith and Dr.Jones met Gen.Lee in St.Louis.", ["Mr.Smith and Dr.Jones met Gen.Lee in St.Louis."]),
    ("J.R.R.Tolkien and the U.S.Army.", ["J.R.R.Tolkien and the U.S.Army."]),
    ("See www.example.Com or mail jo@example.Org now.", ["See www.example.Com or mail jo@example.Org now."]),
    ("In 2017.The year ended.", ["In 2017.The year ended."]),  # a number before the stop: left alone
    # a closing quote or bracket stays with its sentence
    ('He said "no."Then he left.', ['He said "no."', "Then he left."]),
    ("It was over.)Then came the vote.", ["It was over.)", "Then came the vote."]),
    # a straight quote that the next quote mark closes opens the next sentence
    ("Ross said it cut carbon outputs.'And how can it work?' he asked.",
     ["Ross said it cut carbon outputs.", "'And how can it work?' he asked."]),
    ('It ended."Next year," he said.', ["It ended.", '"Next year," he said.']),
    # ... and one that no later mark closes closes its own sentence
    ("'The fires follow the pastures.'The fires have burned for weeks.",
     ["'The fires follow the pastures.'", "The fires have burned for weeks."]),
    ('He asked "is there any sign?""Our position is clear," she said.',
     ['He asked "is there any sign?"', '"Our position is clear," she said.']),
    ('He asked, "Mr. Pruitt, is it all a coincidence?"Unable to answer, he spoke of a "trend." He left.',
     ['He asked, "Mr. Pruitt, is it all a coincidence?"', 'Unable to answer, he spoke of a "trend." He left.']),
])
def test_sentences_run_together_are_split_where_the_next_begins(text, pieces):
    assert _pieces(text) == pieces


@pytest.mark.parametrize("text, repaired", [
    ("don t", "don't"), ("Doesn t", "Doesn't"), ("can t", "can't"), ("won t", "won't"), ("ain t", "ain't"),
    ("it s", "it's"), ("That s", "That's"), ("I m", "I'm"), ("I ve", "I've"), ("you re", "you're"),
    ("they ll", "they'll"), ("we d", "we'd"), ("let s", "let's"),
    ("It can t-but it might.", "It can't-but it might."),
])
def test_contractions_get_their_apostrophe_back(text, repaired):
    repairs = lost_apostrophes(text)
    result = text
    for repair in reversed(repairs):
        result = result[:repair.start] + repair.replacement + result[repair.end:]
    assert result == repaired


def test_a_possessive_s_is_repaired_only_where_the_text_shows_lost_apostrophes():
    assert lost_apostrophes("The president s plan.") == []
    assert [repair.replacement for repair in lost_apostrophes("They don t like the president s plan.")] == [
        "don't", "president's"]
    assert [repair.replacement for repair in lost_apostrophes("The president s plan.", possessives=True)] == [
        "president's"]


@pytest.mark.parametrize("text", ["a T-shirt", "Section s of the act.", "Don Tee", "its own way", "the don trying"])
def test_words_that_only_look_like_lost_apostrophes_are_left(text):
    assert lost_apostrophes(text, possessives=False) == []


def test_the_apostrophe_put_back_is_the_one_the_text_uses():
    assert lost_apostrophes("She isn’t sure and they don t know.")[0].replacement == "don’t"
    assert lost_apostrophes("They don t know.", apostrophe="’")[0].replacement == "don’t"
