"""JavaScript a scraper kept in an article's text: found by its brackets, taken out, listed."""

import pytest

from analysis.corpus import codes
from analysis.corpus.cleaning import clean_text
from analysis.corpus.scripts import MAX_SCRIPT_CHARS, find_scripts

# An embedded post's loader, as scraped pages keep it (a made-up address).
LOADER = ("(function(d, s, id) { var js, fjs = d.getElementsByTagName(s)[0]; if (d.getElementById(id)) return; "
          "js = d.createElement(s); js.id = id; js.src = \"//example.org/sdk.js#v=2\"; "
          "fjs.parentNode.insertBefore(js, fjs);}(document, 'script', 'post-sdk'));")


@pytest.mark.parametrize("script", [
    LOADER,
    "(function() { var x = {a: [1, 2]}; run(x); })();",  # called after its closing bracket
    "!function(w) { w.ready = true; }(window);",  # "!" instead of brackets
    "(function(d) { d.title = 'a } in a string ) too'; }(document));",  # brackets inside strings do not count
])
def test_a_self_calling_function_is_found_to_its_end(script):
    line = f"Watch the video below:{script}The town hall began at noon."
    start = line.index(script[:3])
    assert find_scripts(line) == [(start, start + len(script))]


@pytest.mark.parametrize("line", [
    "The function (as officials call it) {sic} went ahead.",  # prose: no function that calls itself
    "His function(s) were unclear.",
    "(function(d) { never closed " + "word " * (MAX_SCRIPT_CHARS // 5),  # brackets that never close: left
    "A story with no code at all.",
])
def test_prose_is_not_a_script(line):
    assert find_scripts(line) == []


def test_cleaning_takes_out_the_script_and_keeps_the_words_on_both_sides():
    raw = f"Watch the video of the town hall below:{LOADER}The town hall began at noon. \"We are here,\" she said."
    result = clean_text(raw)
    # The script stood where a paragraph ended: the two stretches of words become two paragraphs.
    assert result.text == "Watch the video of the town hall below:\n\nThe town hall began at noon. \"We are here,\" she said."
    [removed] = result.removed
    assert (removed.text, removed.reason_code) == (LOADER, codes.SCRIPT)
    assert raw[removed.start:removed.end] == LOADER  # offsets into the line as read


def test_a_script_at_the_end_of_a_line_leaves_no_break():
    result = clean_text(f"Read the post below:{LOADER}\n\nMore of the story.")
    assert result.text == "Read the post below:\n\nMore of the story."
    assert [line.reason_code for line in result.removed] == [codes.SCRIPT]
