"""Speaker spans: the attribution rules return a name, a pronoun or a noun phrase, never a piece of
a sentence, a title alone or a word that opens sentences (issue 18). Invented texts only."""

import pytest

from analysis.quotes import extract_quotes
from analysis.quotes.attribution import attribute_after, attribute_before, person_of, speaker_phrase
from analysis.quotes.names import is_name, split_title
from conftest import corpus_of, quotes_of, speakers_of


def _speakers(text):
    quotes = quotes_of(text)
    return list(zip(quotes["quote"], quotes["speaker"]))


@pytest.mark.parametrize(
    "text, expected",
    [
        # A lower-case title before the name stays out of it.
        ('Foreign minister Tomas Reinholt said the talks had "gone nowhere" and would end.',
         [("gone nowhere", "Tomas Reinholt")]),
        ('"We will rebuild the bridge by spring," said council leader Maria Okafor.',
         [("We will rebuild the bridge by spring,", "Maria Okafor")]),
        # "according to X," earlier in the sentence: X speaks, not the person the sentence is about.
        ('The show drew crowds. According to spokesman Anders Pohl, Ms Ilves is "a performer who never stops".',
         [("a performer who never stops", "Anders Pohl")]),
        # Abbreviated titles and honorifics with a full stop, and middle initials.
        ('"The vote is a disgrace," said Sen. Ada Moss, who chairs the panel.', [("The vote is a disgrace,", "Ada Moss")]),
        ('"We are ready," Mr. Jonas Berg said.', [("We are ready,", "Jonas Berg")]),
        ('"It is over," Ruth K. Varga wrote in a letter.', [("It is over,", "Ruth K. Varga")]),
        # More news reporting verbs.
        ('"The plan is dead," Dana Roe responded.', [("The plan is dead,", "Dana Roe")]),
        ('Dana Roe said little. "It will not pass," she quipped.', [("It will not pass,", "Dana Roe")]),
        # The subject of a clause that goes on past it: the organisation, not its whole sentence.
        ('Northwind Energy declined to comment on the legal challenge but said it was "confident of winning".',
         [("confident of winning", "Northwind Energy")]),
    ],
)
def test_speakers_are_names_not_fragments(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("the county bird trust", "the county bird trust"),  # a noun phrase, kept whole
        ("she", "she"),
        ("He says he respects the mayor and", "He"),  # a clause: its subject
        ("Ames criticized Lee for", "Ames"),
        ("The email goes on to", "The email"),
        ("As one resident", "one resident"),  # the noun phrase after a conjunction
        ("in a turn that", None),  # nothing that can speak
        ("The", None),
        ("Mr", None),
    ],
)
def test_speaker_phrase_keeps_only_what_can_speak(phrase, expected):
    assert speaker_phrase(phrase) == expected


def test_a_full_stop_of_an_abbreviation_does_not_cut_the_speaker():
    assert attribute_after(", said Dr. Lena Holt, a surgeon.").phrase == "Dr. Lena Holt"
    assert attribute_after(" Gov. Omar Reyes said on Monday.").phrase == "Gov. Omar Reyes"


def test_a_fragment_before_the_verb_gives_way_to_its_subject():
    assert attribute_before("Ana Lind, who leads the union, said the deal was").phrase == "Ana Lind"
    assert attribute_before("The firm, which makes boats, said it was").phrase == "The firm"


@pytest.mark.parametrize(
    "run, expected",
    [
        ("Nevada Sen. Ada Moss", ("Nevada Sen.", "Ada Moss")),
        ("Ms Ilves Tuesday", ("Ms", "Ilves")),  # a day of the week is never part of a name
        ("Kestrel It", ("", "Kestrel")),  # a pronoun after a missing full stop ends the name
        ("Peter King", ("", "Peter King")),  # a title word that is also a surname, at the end
    ],
)
def test_split_title(run, expected):
    assert split_title(run) == expected


def test_a_title_or_sentence_opener_alone_is_not_a_name():
    assert not is_name("Mr")
    assert not is_name("Florida Sen.")
    assert not is_name("The")
    assert is_name("Mr. Jonas Berg")


def test_a_party_and_state_in_brackets_after_a_name_is_an_aside():
    quotes = extract_quotes(corpus_of('Sen. Ada Moss (D-Mass.) said the plan was a "proven failure" in business.'))
    assert quotes[["speaker", "speaker_mention"]].values.tolist() == [["Ada Moss", "Sen. Ada Moss"]]


def test_a_phrase_opening_with_including_is_not_taken_whole_as_a_speaker():
    quotes = extract_quotes(corpus_of('Tester said he voted no because "they put stuff in that bill," including '
                                      'provisions he said would restrict transfers.'))
    assert quotes["speaker"].tolist() == ["Tester"]


# --- round 2: the words that name the speaker, and the shape of names and titles ----------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # The clause that ends the sentence names the speaker, though the quote does not run up to it.
        ('Tom Reyes opened the meeting. The plan has "no future" in its current form, said Ada Moss, a professor.',
         [("no future", "Ada Moss")]),
        ('Ada Moss spoke first. The ferry was "a floating wreck" for years, Tom Reyes added on Monday.',
         [("a floating wreck", "Tom Reyes")]),
        # An aside or an age between the name and its verb.
        ('"It is a mess," Sexton, a creative writing professor, said.', [("It is a mess,", "Sexton")]),
        ('Ada Moss, 70, said it was early but added, "I think we won."', [("I think we won.", "Ada Moss")]),
        # A title with "of" before the name: the name alone, never the body or place.
        ('Secretary of State Ada Moss said the deal was "a good one".', [("a good one", "Ada Moss")]),
        ('"It is good," said Secretary of State Ada Moss.', [("It is good,", "Ada Moss")]),
        ('Rep. Tom Reyes of North Carolina said the vote was "a sham".', [("a sham", "Tom Reyes")]),
        # A place after a place is not the speaker ("in Dover, Kent,").
        ('Ada Moss, during a town hall in Dover, Kent, said the plan was "going nowhere".',
         [("going nowhere", "Ada Moss")]),
        # Dashes set an aside off as commas do.
        ('Opening the season -- complete with a brass band -- Ada Moss told fans that "the harbour is back".',
         [("the harbour is back", "Ada Moss")]),
        # "As X put it", and "with X saying".
        ('Tom Reyes spoke first. As Ada Moss, a harbour pilot, put it: "The tide waits for no one."',
         [("The tide waits for no one.", "Ada Moss")]),
        ('Councillors were irritated, with Tom Reyes calling the plan a "paper tiger".', [("paper tiger", "Tom Reyes")]),
        # A business title is cut from the name; accented letters belong to it.
        ('"Sales will grow," Northwind CEO Ada Moss said.', [("Sales will grow,", "Ada Moss")]),
        ('"It is a failure," said José Rodríguez.', [("It is a failure,", "José Rodríguez")]),
    ],
)
def test_speaker_words_of_news_style(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The phrase before the subject is not the speaker: a time or place, a participle, a dateline.
        ('In March, Ada Moss blasted the council for its "outrageous fees" at the harbour.',
         [("outrageous fees", "Ada Moss")]),
        ('Asked about the vote, Tom Reyes shook his head and promised "a fight" over the budget.',
         [("a fight", "Tom Reyes")]),
        ('HARBOURTOWN (AP) — Ada Moss has taken a swipe at the council over its "harbour tax" this week.',
         [("harbour tax", "Ada Moss")]),
    ],
)
def test_the_subject_comes_after_an_opening_phrase(text, expected):
    assert _speakers(text) == expected


def test_the_clause_that_ends_the_sentence_and_as_x_put_it_name_the_speaker():
    assert attribute_after(" in its current form, said Ada Moss, a professor.").phrase == "Ada Moss"
    assert attribute_after(" for years, the harbour trust says.").phrase == "the harbour trust"
    assert attribute_before("As Ada Moss, a harbour pilot, put it:").phrase == "Ada Moss"


def test_a_reporting_verb_after_a_comma_that_opens_a_clause_or_takes_an_object_is_not_the_quotes():
    assert attribute_after(" for years, Tom Reyes said the plan would fail.") is None
    assert attribute_after(" for years, told the delegates.") is None
    assert attribute_after(", the assailant, Ji Ho, told reporters.").phrase == "Ji Ho"


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Secretary of State John F. Reyes", "John F. Reyes"),
        ("Chairman of the Joint Chiefs of Staff Gen. Ada Moss", "Gen. Ada Moss"),
        ("Ada Moss of the Harbour Institute", "Ada Moss"),
        ("the Federation of Harbour Pilots", None),  # a body, not a person
        ("said", None),  # a reporting verb alone is no speaker
    ],
)
def test_person_of_and_speaker_phrase(phrase, expected):
    found = person_of(phrase) if " of " in phrase else speaker_phrase(phrase)
    assert found == expected


@pytest.mark.parametrize(
    "run, expected",
    [
        ("Northwind CEO Ada Moss", ("Northwind CEO", "Ada Moss")),
        ("House Speaker Tom Reyes", ("House Speaker", "Tom Reyes")),
        ("Actress Ada Moss", ("Actress", "Ada Moss")),
    ],
)
def test_business_and_other_titles_are_cut_from_names(run, expected):
    assert split_title(run) == expected


def test_a_party_before_a_persons_name_is_a_description_but_part_of_an_organisations_name():
    quotes = extract_quotes(corpus_of('"We will win," said Democrat Doug Jones. "It is over," Republican Roy Moore '
                                      'said. The Republican National Committee said "no comment" later.'))
    assert quotes["speaker"].tolist() == ["Doug Jones", "Roy Moore", "Republican National Committee"]
    assert split_title("Democratic Party") == ("", "Democratic Party")


def test_single_opening_marks_are_found_where_the_marks_stand():
    from analysis.quotes.spans import _SINGLE_OPEN

    texts = {"'a": [0], "x\n'b": [2], "x'c": [], "x 'd": [2], "x—'e": [2], "(‘f": [1], "['g": [1], "''h": [],
             "-'i": [1], "' j": [], "it's 'k' and 'l'": [5, 13]}
    for text, expected in texts.items():
        assert [match.start() for match in _SINGLE_OPEN.finditer(text)] == expected, text


def test_single_closing_marks_are_found_where_the_marks_stand():
    from analysis.quotes.spans import _SINGLE_CLOSE

    texts = {"'a": [], "a'": [1], "a'\nb": [1], " ' ": [], "''": [], "x’.": [1], "’": [], "'k' and 'l'.": [2, 10]}
    for text, expected in texts.items():
        assert [match.start() for match in _SINGLE_CLOSE.finditer(text)] == expected, text


# --- third round of issue 18's rules: each rule with an invented example, the speakers worked out by hand ---


def _rows(text):
    return [tuple(row) for row in quotes_of(text)[["quote", "speaker", "attribution"]].itertuples(index=False)]


def test_a_sentence_cut_after_an_honorific_still_gives_the_name_after_it():
    # The splitter ends a sentence at "Ms." before the name: the words after (and before) the quote run on.
    assert _rows('Tom Berg spoke first.\n\n"We need a new bridge," said Ms. Varga, who runs the port.') == [
        ("We need a new bridge,", "Varga", "reporting verb after the quote")]
    assert _rows('Tom Berg spoke first.\n\nSenator Ray Dunn said Ms. Varga\'s figures "do not add up."') == [
        ("do not add up.", "Ray Dunn", "reporting verb before the quote")]


def test_a_description_opened_by_another_or_a_number_after_the_verb_speaks():
    assert _rows('Tom Berg spoke first.\n\n"The river is rising," said another harbour worker, Ada Lind.') == [
        ("The river is rising,", "another harbour worker", "reporting verb after the quote")]


def test_a_dash_and_a_name_in_the_paragraph_after_a_quote_sign_it():
    assert _rows('Tom Berg spoke first.\n\n"We will open the port on Monday."\n\n- Ada Lind, harbour master.') == [
        ("We will open the port on Monday.", "Ada Lind", "signature after the quote")]
    # A heading between dashes signs nothing.
    rows = _rows('Tom Berg spoke first.\n\n"We will open the port."\n\n- Ready for Monday -')
    assert rows[0][2] != "signature after the quote"


def test_the_vice_president_is_not_the_president():
    text = 'Vice President Ada Lind and President Ray Dunn spoke at the port.\n\n"The port will open," the vice president said.'
    assert speakers_of(text) == ["Ada Lind"]


def test_a_pronoun_refers_to_the_subject_rather_than_a_name_in_a_phrase_that_opens_the_sentence():
    text = ('"We are ready," said Tom Berg. "So are we," said Ray Dunn.\n\n'
            'Asked whether Berg would run again, Dunn laughed.\n\n"I have no idea," he said.')
    assert speakers_of(text) == ["Tom Berg", "Ray Dunn", "Ray Dunn"]


def test_a_long_according_to_phrase_gives_its_head():
    text = ('Tom Berg spoke first.\n\nThe tax cut emissions with "no harm to growth," according to a study by '
            'economists at the Harbour Institute in Dover and the University of Kent.')
    assert speakers_of(text) == ["a study"]
    # And a description that ends in a preposition before the verb after a quote.
    assert speakers_of('Tom Berg spoke first.\n\n"Vote now," a voice over says as a photo of the port is shown.') == [
        "a voice"]


def test_a_dash_a_name_and_a_colon_before_a_quote_credit_it():
    assert _rows('The vote is close - Ada Lind: "Nobody can call it yet."') == [
        ("Nobody can call it yet.", "Ada Lind", "name and colon before the quote")]


def test_according_to_names_the_source_of_a_sentence_that_reports_speech():
    # PolNeAR's annotators give the source that reports the words ("according to X"), before or after them.
    assert speakers_of('According to the Harbour Gazette, Tom Berg called the plan "a disaster."') == ["Harbour Gazette"]
    assert speakers_of('"We will fight it," Tom Berg said, according to the Harbour Gazette.') == ["Harbour Gazette"]


def test_a_reporting_verb_form_after_that_or_a_determiner_is_a_noun():
    text = 'Tom Berg said on Monday, at a hall in Dover, Kent, that states can "do as they please."'
    assert speakers_of(text) == ["Tom Berg"]
    assert attribute_before("Ada Lind told reporters in Dover, Kent, that states can").phrase == "Ada Lind"


def test_the_subject_before_asides_speaks_not_a_name_in_them():
    text = 'Tom Berg, whose home town, Dover, lies on the coast, argues that the tax will "ruin the port."'
    assert speakers_of(text) == ["Tom Berg"]
    text = ('Some members said they feared a repeat of the last vote, when Ms. Ada Lind, who had lost, '
            'called for a "fresh start."')
    assert speakers_of(text) == ["Ada Lind"]


def test_a_clause_of_its_own_after_the_quote_does_not_attribute_it():
    assert speakers_of('Ada Lind said she was "still undecided" until Tom Berg said he would run.') == ["Ada Lind"]
    assert attribute_after(" and Tom Berg said he would run.") is None


def test_a_quote_in_an_opening_clause_with_its_own_verb_is_that_clauses_speakers():
    assert speakers_of('After Ada Lind said the port was "too small," Tom Berg said it would grow.') == ["Ada Lind"]
    # The comma that ends the quoted words keeps the two clauses apart for the quote after them.
    text = 'After Tom Berg said the port would "close for good," Ada Lind said: "That will not happen."'
    assert speakers_of(text) == ["Tom Berg", "Ada Lind"]


def test_the_one_who_asks_speaks_the_question():
    assert speakers_of('Tom Berg was asked by the host, Ada Lind, "Will you run again?"') == ["the host"]


def test_a_phrase_of_time_that_opens_a_sentence_is_not_its_subject():
    text = 'Shortly after the vote ended, the Berg campaign sent a statement saying Lind owes voters "an apology."'
    assert speakers_of(text) == ["the Berg campaign"]


def test_a_quote_in_a_joined_clause_takes_that_clauses_subject():
    text = 'Tom Berg proposed a debate in March, but the Lind campaign rejected the idea as "absurd."'
    assert speakers_of(text) == ["the Lind campaign"]


def test_from_a_source_and_a_colon_before_a_quote_name_the_source():
    assert attribute_before("From the audit:").phrase == "the audit"
    assert attribute_before("The figures are mixed - More from the harbour board:").phrase == "the harbour board"
    assert attribute_before("Apart from that:") is None


def test_a_subject_and_a_verb_alone_before_a_colon_speak_the_quote():
    assert attribute_before("Moss objected:").phrase == "Moss"
    assert attribute_before("The ferry company reiterated:").phrase == "The ferry company"
    assert attribute_before("Here are the facts:") is None
    assert attribute_before("In the end, nobody agreed:") is None


def test_a_subject_and_a_past_verb_alone_after_a_quote_speak_it():
    assert attribute_after(", Moss repeated.").phrase == "Moss"
    assert attribute_after(" the skipper grumbled.").phrase == "the skipper"
    assert attribute_after(" moments after the polls closed.") is None
    assert attribute_after(" winner Ada Moss performed.") is None
