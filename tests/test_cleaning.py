"""Each cleaning rule, on tiny texts and on the real seed texts."""

import pytest

from analysis.corpus import codes
from analysis.corpus.cleaning import clean_text
from analysis.resources.paths import bundled_corpus_dir

CAPTION = "A defector smiles during an interview in Seoul, Feb. 13, 2018."


def _removed(result):
    return [(line.line_number, line.text, line.reason_code) for line in result.removed]


@pytest.mark.parametrize(
    "raw, text, removed",
    [
        # A caption shown twice in a row: both copies leave the body.
        (
            f"{CAPTION}\n{CAPTION}\n\nThe story starts here.",
            "The story starts here.",
            [(1, CAPTION, codes.CAPTION), (2, CAPTION, codes.REPEATED_LINE)],
        ),
        # A truncated copy of the caption that follows it.
        (
            "Body text first.\nJi holds up his crutches after being ackn\nJi holds up his crutches after being acknowledged.",
            "Body text first.",
            [
                (2, "Ji holds up his crutches after being ackn", codes.TRUNCATED_CAPTION),
                (3, "Ji holds up his crutches after being acknowledged.", codes.CAPTION),
            ],
        ),
        # Credit lines in three house styles.
        ("Story.\n\nA man waves - Reuters", "Story.", [(3, "A man waves - Reuters", codes.CREDIT_CAPTION)]),
        ("Story.\n\nA man waves Credit: Jo Bloggs/AP", "Story.",
         [(3, "A man waves Credit: Jo Bloggs/AP", codes.CREDIT_CAPTION)]),
        ("Story.\n\nA man waves (AP/Jo Bloggs)", "Story.", [(3, "A man waves (AP/Jo Bloggs)", codes.CREDIT_CAPTION)]),
        # Page furniture with "|".
        ("Story.\n\nIn numbers | Defectors\n\nMore story.", "Story.\n\nMore story.",
         [(3, "In numbers | Defectors", codes.FURNITURE)]),
        # A leading date header, alone or on the first line of text.
        (" date 2018-02-13 The story starts.", "The story starts.",
         [(1, "date 2018-02-13", codes.DATE_HEADER)]),
        ("date 2018-02-13\n\nThe story starts.", "The story starts.",
         [(1, "date 2018-02-13", codes.DATE_HEADER)]),
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
    assert _removed(result) == [(1, "Defector Speaks Out", codes.TITLE)]


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
        (1, smiling, codes.CAPTION),
        (2, smiling, codes.REPEATED_LINE),
        (11, crutches_cut, codes.TRUNCATED_CAPTION),
    ]
    assert result.removed[3].text.startswith("Ji Seong-ho holds up his crutches after being acknowledged by President")
    assert result.text.startswith("SEOUL, SOUTH KOREA - The North Korean defector")
    assert result.text.endswith("the pains they caused to me and other defectors.\"")


def test_wandsworth_date_header_and_credited_captions():
    result = clean_text(_seed("wandsworth-guardian-2018-02-13.txt"))
    assert result.header_date == "2018-02-13"
    assert result.text.startswith("The North Korean defector singled out by Donald Trump")
    assert [line.reason_code for line in result.removed] == [
        codes.DATE_HEADER, codes.CREDIT_CAPTION, codes.CREDIT_CAPTION]
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


# --- rules that cannot eat prose -------------------------------------------------------------------

PROSE = ("The talks resumed on Monday after a long pause. Officials from both sides met in the capital "
         "and agreed to meet again within a month. Neither side gave details of what was discussed.")


def _changes(result):
    return [(line.line_number, line.start, line.end, line.text, line.reason_code, line.change, line.replacement)
            for line in result.removed]


def test_a_credit_at_the_end_of_prose_takes_out_only_the_credit():
    raw = PROSE + " Featured image via Jo Bloggs/Getty Images"
    result = clean_text(raw)
    assert result.text == PROSE
    start = len(PROSE) + 1
    assert _changes(result) == [(1, start, len(raw), "Featured image via Jo Bloggs/Getty Images",
                                 codes.CREDIT, "removed", "")]


def test_a_credit_glued_to_the_last_sentence_is_cut_at_the_join():
    result = clean_text(PROSE + "Featured Image: Screenshot")
    assert result.text == PROSE
    assert [line.text for line in result.removed] == ["Featured Image: Screenshot"]


def test_a_short_article_that_ends_in_a_credit_keeps_its_text():
    # The only line of a text is the article itself, however short: never a caption.
    result = clean_text("Senators met on Tuesday. They agreed on nothing. Featured image via Getty Images")
    assert result.text == "Senators met on Tuesday. They agreed on nothing."


def test_a_credit_in_mid_line_ending_in_an_agency_is_cut_out_and_the_line_split():
    raw = PROSE + " Photo: Jo Bloggs / ReutersThe ambassador walked out before the speech began, aides said."
    result = clean_text(raw)
    assert result.text == PROSE + "\n\nThe ambassador walked out before the speech began, aides said."
    assert [(line.text, line.start) for line in result.removed] == [("Photo: Jo Bloggs / Reuters", len(PROSE) + 1)]


def test_a_credit_whose_end_cannot_be_told_stays_with_a_doubt():
    raw = PROSE + " Photo: Alvaro Serey The exhibition opens next week and runs until the end of March in the old hall."
    result = clean_text(raw)
    assert result.text == raw
    assert result.removed == []
    assert [(doubt.line_number, doubt.text[:19]) for doubt in result.doubts] == [(1, "Photo: Alvaro Serey")]


@pytest.mark.parametrize("caption", [
    "President Trump waves as he boards Air Force One in Maryland. (AP Photo/Evan Vucci, file)",
    "A soldier stands guard at the border crossing on Monday. REUTERS/Jo Bloggs/File Photo",
    "A soldier stands guard at the border crossing on Monday. Jo Bloggs/AFP via Getty Images",
    "Photo: Getty Images",
    "Featured image via Twitter",
])
def test_caption_lines_with_the_credits_wires_use_are_removed_whole(caption):
    result = clean_text(f"{PROSE}\n\n{caption}\n\nThe story goes on.")
    assert result.text == f"{PROSE}\n\nThe story goes on."
    assert _changes(result) == [(3, 0, len(caption), caption, codes.CREDIT_CAPTION, "removed", "")]


@pytest.mark.parametrize("line", [
    "WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.",  # a dateline, not a credit
    "SEOUL (AP) — North Korea fired a missile on Monday.",
    "The photo by the agency was widely shared, officials said.",  # lowercase: prose about a photo
    "The company said it had sold the unit (Reuters).",
])
def test_datelines_and_prose_about_photos_are_not_credits(line):
    result = clean_text(f"{line}\n\n{PROSE}")
    assert result.text == f"{line}\n\n{PROSE}"
    assert result.removed == [] and result.doubts == []


def test_prose_that_mentions_an_image_or_ends_with_an_agency_keeps_its_sentences():
    lead = ("Image: Power and Protest is the title of the exhibition that opened on Friday, and its organisers "
            "say it has drawn record crowds. " + PROSE)
    ending = PROSE + " - AP"
    result = clean_text(f"{lead}\n\n{ending}")
    assert result.text == f"{lead}\n\n{PROSE}"
    assert [line.text for line in result.removed] == ["- AP"]


def test_a_repeated_paragraph_of_prose_keeps_its_first_copy():
    result = clean_text(f"{PROSE}\n\n{PROSE}\n\nThe end.")
    assert result.text == f"{PROSE}\n\nThe end."
    assert _removed(result) == [(3, PROSE, codes.REPEATED_LINE)]


def test_a_subheading_that_the_next_paragraph_repeats_is_kept_as_its_own_paragraph():
    result = clean_text("The budget was cut.\n\nFunding cuts\n\nFunding cuts have forced three libraries to close.")
    assert result.text == "The budget was cut.\n\nFunding cuts\n\nFunding cuts have forced three libraries to close."
    assert result.removed == []


def test_subheadings_are_not_glued_to_the_next_sentence():
    raw = "The talks went on.\nHostage swap\nThe Afghan government has ruled out a swap."
    result = clean_text(raw)
    assert [result.text[start:end] for start, end in result.paragraphs] == [
        "The talks went on.", "Hostage swap", "The Afghan government has ruled out a swap."]


def test_a_table_keeps_its_header_row():
    table = "| Ticker | Security | Last |\n| HD | Home Depot | 230.5 |\n| LOW | Lowe's | 110.2 |"
    result = clean_text(f"Shares fell.\n{table}")
    assert "| Ticker | Security | Last |" in result.text
    assert result.removed == []


def test_a_date_range_with_a_bar_is_content():
    result = clean_text("The exhibition runs for two months.\n29 November 2018 | 20 January 2019\nTickets are free.")
    assert "29 November 2018 | 20 January 2019" in result.text


def test_furniture_is_still_removed():
    result = clean_text("Story.\n\nMore news | Sport | Weather\n\nMore story.")
    assert _removed(result) == [(3, "More news | Sport | Weather", codes.FURNITURE)]


# --- text in angle brackets ---------------------------------------------------------------------

def test_a_title_in_angle_brackets_is_text_not_a_tag():
    raw = "It's because <The Palace: Tale of Jang Noksu> was part of the festival."
    result = clean_text(raw)
    assert result.text == raw
    assert not result.had_html


def test_real_tags_go_and_a_title_in_angle_brackets_stays():
    result = clean_text("<p>It's because <The Palace: Tale of Jang Noksu> was <b>part</b> of it.</p>")
    assert result.had_html
    assert result.text == "It's because <The Palace: Tale of Jang Noksu> was part of it."


def test_text_from_a_web_page_is_never_read_as_markup():
    result = clean_text("A guide to the <p> tag and the <b> tag.", markup=False)
    assert result.text == "A guide to the <p> tag and the <b> tag."
    assert not result.had_html


# --- structure and words that scraping lost --------------------------------------------------------

def test_a_one_line_article_gets_paragraphs_where_sentences_ran_together():
    raw = "He asked for this.Earlier this week, Mr.Smith met U.S.Officials at www.example.Com and left.Why?Nobody knows."
    result = clean_text(raw)
    assert [result.text[start:end] for start, end in result.paragraphs] == [
        "He asked for this.", "Earlier this week, Mr.Smith met U.S.Officials at www.example.Com and left.",
        "Why?", "Nobody knows."]
    glued = [(line.text, line.replacement, line.start) for line in result.removed]
    assert glued == [("this.Earlier", "this.\n\nEarlier", 13), ("left.Why?Nobody", "left.\n\nWhy?Nobody", 87),
                     ("left.Why?Nobody", "left.Why?\n\nNobody", 87)]
    assert {line.reason_code for line in result.removed} == {codes.GLUED_SENTENCES}


def test_sentences_run_together_in_text_with_lines_are_left_to_the_sentence_splitter():
    raw = "He asked for this.Earlier this week he left.\n\nA second paragraph."
    result = clean_text(raw)
    assert result.text == "He asked for this.Earlier this week he left.\n\nA second paragraph."
    assert result.removed == []


@pytest.mark.parametrize("raw, text", [
    ("They don t know. It s late and I m tired, you re right, we can t and won t.",
     "They don't know. It's late and I'm tired, you're right, we can't and won't."),
    ("Don t go. The president s ear.", "Don't go. The president's ear."),
    # A lone "s" is a possessive only where the text shows other lost apostrophes.
    ("Section s of the law.", "Section s of the law."),
    # The mark put back is the one the text uses.
    ("She isn’t sure, and they don t know.", "She isn’t sure, and they don’t know."),
])
def test_lost_apostrophes_are_put_back(raw, text):
    result = clean_text(raw)
    assert result.text == text
    assert all(line.change == "repaired" and line.reason_code == codes.APOSTROPHE for line in result.removed)


def test_a_repair_records_what_was_written_and_what_replaced_it():
    result = clean_text("Prose here.\n\nThey don t know.")
    assert _changes(result) == [(3, 5, 10, "don t", codes.APOSTROPHE, "repaired", "don't")]
