"""Each cleaning rule, on tiny texts and on the real seed texts."""

import pytest

from analysis import cleaning
from analysis.cleaning import clean_text
from analysis.paths import bundled_corpus_dir

CAPTION = "A defector smiles during an interview in Seoul, Feb. 13, 2018."


def _removed(result):
    return [(line.line_number, line.text, line.reason) for line in result.removed]


@pytest.mark.parametrize(
    "raw, text, removed",
    [
        # A caption shown twice in a row: both copies leave the body.
        (
            f"{CAPTION}\n{CAPTION}\n\nThe story starts here.",
            "The story starts here.",
            [(1, CAPTION, cleaning.REASON_CAPTION), (2, CAPTION, cleaning.REASON_REPEAT)],
        ),
        # A truncated copy of the caption that follows it.
        (
            "Body text first.\nJi holds up his crutches after being ackn\nJi holds up his crutches after being acknowledged.",
            "Body text first.",
            [
                (2, "Ji holds up his crutches after being ackn", cleaning.REASON_TRUNCATED),
                (3, "Ji holds up his crutches after being acknowledged.", cleaning.REASON_CAPTION),
            ],
        ),
        # Credit lines in three house styles.
        ("Story.\n\nA man waves - Reuters", "Story.", [(3, "A man waves - Reuters", cleaning.REASON_CREDIT)]),
        ("Story.\n\nA man waves Credit: Jo Bloggs/AP", "Story.",
         [(3, "A man waves Credit: Jo Bloggs/AP", cleaning.REASON_CREDIT)]),
        ("Story.\n\nA man waves (AP/Jo Bloggs)", "Story.", [(3, "A man waves (AP/Jo Bloggs)", cleaning.REASON_CREDIT)]),
        # Page furniture with "|".
        ("Story.\n\nIn numbers | Defectors\n\nMore story.", "Story.\n\nMore story.",
         [(3, "In numbers | Defectors", cleaning.REASON_FURNITURE)]),
        # A leading date header, alone or on the first line of text.
        (" date 2018-02-13 The story starts.", "The story starts.",
         [(1, "date 2018-02-13", cleaning.REASON_DATE_HEADER)]),
        ("date 2018-02-13\n\nThe story starts.", "The story starts.",
         [(1, "date 2018-02-13", cleaning.REASON_DATE_HEADER)]),
        # Stray whitespace: non-breaking and zero-width spaces, runs of spaces, Windows line ends.
        ("One\u00a0 two.\u00a0\r\n\r\n\u200bThree   four. ", "One two.\n\nThree four.", []),
        # Hard-wrapped lines are one paragraph; a line ending a sentence ends a paragraph.
        ("The first line wraps\nonto the second.\nA new paragraph.", "The first line wraps onto the second.\n\nA new paragraph.", []),
        # Quote marks and apostrophes are kept as written.
        ("“Curly,” ‘single’, \"straight\" and isn’t.", "“Curly,” ‘single’, \"straight\" and isn’t.", []),
        # The same sentence twice but not in a row is story, not debris.
        ("He said no.\n\nShe said yes.\n\nHe said no.", "He said no.\n\nShe said yes.\n\nHe said no.", []),
    ],
)
def test_cleaning_rules(raw, text, removed):
    result = clean_text(raw)
    assert result.text == text
    assert _removed(result) == removed


def test_title_repeated_at_the_top_is_removed():
    result = clean_text("Defector Speaks Out\n\nThe story.", title="Defector speaks out")
    assert result.text == "The story."
    assert _removed(result) == [(1, "Defector Speaks Out", cleaning.REASON_TITLE)]


def test_date_header_is_returned():
    assert clean_text("date 2018-02-13 Text.").header_date == "2018-02-13"
    assert clean_text("Text about a date 2018-02-13.").header_date is None


def test_html_tags_are_stripped_and_reported():
    result = clean_text("<p>First <b>bold</b> paragraph.</p><p>Second &amp; last.</p><script>alert(1)</script>")
    assert result.had_html
    assert result.text == "First bold paragraph.\n\nSecond & last."


def test_text_without_tags_is_not_html():
    assert not clean_text("5 < 6 and 7 > 3.").had_html


def test_paragraph_offsets_give_paragraphs_back():
    result = clean_text("One.\n\n\nTwo  words.\nThree.")
    assert [result.text[start:end] for start, end in result.paragraphs] == ["One.", "Two words.", "Three."]


def _seed(name):
    return (bundled_corpus_dir() / name).read_text(encoding="utf-8")


def test_voa_captions_leave_the_body_and_are_recorded():
    result = clean_text(_seed("voa-ap-2018-02-13.txt"))
    smiling = "North Korean defector Ji Seong-ho smiles during an interview at his office in Seoul, South Korea, Feb. 13, 2018."
    crutches_cut = "Ji Seong-ho holds up his crutches after being ackn"
    assert smiling not in result.text
    assert "holds up his crutches" not in result.text
    assert _removed(result)[:3] == [
        (1, smiling, cleaning.REASON_CAPTION),
        (2, smiling, cleaning.REASON_REPEAT),
        (11, crutches_cut, cleaning.REASON_TRUNCATED),
    ]
    assert result.removed[3].text.startswith("Ji Seong-ho holds up his crutches after being acknowledged by President")
    assert result.text.startswith("SEOUL, SOUTH KOREA - The North Korean defector")
    assert result.text.endswith("the pains they caused to me and other defectors.\"")


def test_wandsworth_date_header_and_credited_captions():
    result = clean_text(_seed("wandsworth-guardian-2018-02-13.txt"))
    assert result.header_date == "2018-02-13"
    assert result.text.startswith("The North Korean defector singled out by Donald Trump")
    assert [line.reason for line in result.removed] == [
        cleaning.REASON_DATE_HEADER, cleaning.REASON_CREDIT, cleaning.REASON_CREDIT]
    assert "(AP/" not in result.text


def test_telegraph_title_captions_credits_and_furniture():
    title = "Donald Trump's favourite North Korean defector urges president not to forget human rights"
    result = clean_text(_seed("telegraph-2018-06-10.txt"), title=title)
    assert [line.line_number for line in result.removed] == [1, 3, 4, 28, 46, 47]
    for debris in ("- Reuters", "In numbers |", "Credit: Evan Vucci/AP", "\u00a0"):
        assert debris not in result.text
    # The quote that runs over two paragraphs keeps both paragraphs.
    assert "people will know the truth.\n\nThey will know why they had to starve" in result.text


def test_wikipedia_is_left_as_it_is():
    raw = _seed("wikipedia-ji-seong-ho.txt")
    result = clean_text(raw)
    assert result.removed == []
    assert result.text == "\n\n".join(line for line in raw.split("\n") if line.strip())
