"""Speaker spans: the attribution rules return a name, a pronoun or a noun phrase, never a piece of
a sentence, a title alone or a word that opens sentences (issue 18). Invented texts only."""

import pytest

from analysis.quotes import extract_quotes
from analysis.quotes.attribution import attribute_after, attribute_before, speaker_phrase
from analysis.quotes.names import is_name, split_title
from conftest import corpus_of


def _speakers(text):
    quotes = extract_quotes(corpus_of(text))
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
