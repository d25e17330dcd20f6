"""Who a quote belongs to when the words next to it do not name the speaker: pronouns, short names,
roles, and quotes with no reporting verb (issue 18). Every text is invented for the test."""

from analysis.quotes import extract_quotes
from analysis.quotes.people import common_words, first_name_gender, may_be_person
from conftest import corpus_of, quotes_of, speakers_of


# --- pronouns --------------------------------------------------------------------------------------


def test_he_or_she_never_resolves_to_an_organisation_a_place_or_a_day():
    text = ('Councillor Jane Holm said the plan was late. The City Council met the Harbour Board on Monday '
            'in Riverton.\n\n"We will build it anyway," she said.')
    assert speakers_of(text) == ["Jane Holm"]


def test_an_honorific_gives_the_gender_a_pronoun_must_match():
    text = ('Mr Osei said the port would open. Ms Varga said it would not.\n\n'
            '"The cranes arrive in May," he said.')
    assert speakers_of(text) == ["Osei"]


def test_a_common_first_name_gives_the_gender_a_pronoun_must_match():
    text = ('Robert Kane said the port would open. Councillor Linda Voss said it would not.\n\n'
            '"The cranes arrive in May," he said.')
    assert speakers_of(text) == ["Robert Kane"]


def test_the_subject_of_a_sentence_comes_before_a_name_after_a_preposition():
    # Both are men; the sentence is about Dunn, who met with Kane.
    text = ('Robert Kane said the port would open.\n\nCouncillor Peter Dunn met with Robert Kane on Friday.\n\n'
            '"Nothing is decided," he said.')
    assert speakers_of(text) == ["Peter Dunn"]


def test_she_said_after_a_multi_paragraph_quote_is_the_woman_named_before_it():
    text = ('"The port will open," said Mary Berg.\n\nCouncillor Anna Holm disagreed.\n\n'
            '"It will not open this year.\n\n"Nobody has the money," she said.')
    assert speakers_of(text) == ["Mary Berg", "Anna Holm"]


# --- short names and roles -------------------------------------------------------------------------


def test_a_first_name_alone_never_takes_a_full_name_from_another_article():
    texts = ['"The vote is close," said Kim Sorensen.', '"We won," said Kim.']
    assert speakers_of(texts) == ["Kim Sorensen", "Kim"]


def test_a_role_never_takes_the_holder_another_article_names():
    texts = ['"The vote is close," said Senator Ray Dunn.', '"We won," the senator said.']
    assert speakers_of(texts) == ["Ray Dunn", "the senator"]


def test_a_role_takes_the_holder_its_own_article_names():
    text = 'Senator Ray Dunn arrived late.\n\n"We won," the senator said.'
    assert speakers_of(text) == ["Ray Dunn"]


# --- quotes with no reporting verb -----------------------------------------------------------------


def test_a_quote_that_continues_a_run_of_quotes_takes_the_previous_speaker():
    rows = quotes_of('"We will win," said Tom Berg.\n\n"The port is ours."')
    assert rows["speaker"].tolist() == ["Tom Berg", "Tom Berg"]
    assert rows["attribution"].iloc[1] == "previous speaker"
    assert rows["doubt"].iloc[1] == ""


def test_a_quote_after_the_writer_names_someone_else_takes_that_person_and_a_doubt():
    rows = quotes_of('"We will win," said Tom Berg.\n\nThe board then heard Councillor Anna Holm.\n\n'
                 '"The port is ours."')
    assert rows["speaker"].tolist() == ["Tom Berg", "Anna Holm"]
    assert rows["attribution"].iloc[1] == "last person named"
    assert rows["doubt"].iloc[1] == "no reporting verb: the person named last before it"


def test_the_person_named_last_comes_before_an_earlier_one_with_a_title():
    # Nothing gives Tomas Berg a title or a gender, but he is named after the councillor, by a full name.
    rows = quotes_of('"The cranes arrive in May," said Councillor Jane Holm.\n\n'
                 'Tomas Berg, 41, a fisherman, listened from the back.\n\n"Nobody asked us."')
    assert rows[["speaker", "attribution"]].values.tolist() == [
        ["Jane Holm", "reporting verb after the quote"], ["Tomas Berg", "last person named"]]


def test_a_run_continues_only_from_a_quote_a_reporting_verb_attributes():
    # The first quote of the last paragraph is a guess (the person named last), so the quote after
    # it in the same paragraph does not copy the guess: it takes the person named since.
    rows = quotes_of('"The cranes arrive in May," said Councillor Jane Holm.\n\n'
                 'Tomas Berg, 41, a fisherman, listened from the back.\n\n'
                 '"Nobody asked us." Ola Nes, 38, nodded. "Not once."')
    assert rows[["speaker", "attribution"]].values.tolist() == [
        ["Jane Holm", "reporting verb after the quote"], ["Tomas Berg", "last person named"],
        ["Ola Nes", "last person named"]]


# --- the word lists behind them --------------------------------------------------------------------


def test_names_that_cannot_be_a_person():
    assert not may_be_person("White House")
    assert not may_be_person("Monday")
    assert not may_be_person("Donald Trump Just Gave Some Advice")  # a headline's run of capitals
    assert may_be_person("Ana Lind")
    assert not may_be_person("Times Square")  # one word after an organisation's or a place's word


def test_an_office_before_a_name_does_not_hide_the_person():
    assert may_be_person("House Speaker Ada Moss")
    assert may_be_person("State Tom Reyes")  # "Secretary of State Tom Reyes" as a run of capitals reads it
    assert not may_be_person("State Department")


def test_first_name_gender():
    assert first_name_gender("Mary Berg") == "female"
    assert first_name_gender("Robert Kane") == "male"
    assert first_name_gender("Kim Sorensen") is None  # a given name for some, a surname for others
    assert first_name_gender("Osei") is None


def test_common_words_are_those_written_in_lower_case_far_more_than_capitalised():
    texts = ["Start the work, they said, and start it now.", "Start now. We start and start.",
             "They met Brown and Brown said no; the brown door shut."]
    common = common_words(texts)
    assert "start" in common  # lower case four times, never capitalised in mid-sentence
    assert "brown" not in common  # capitalised in mid-sentence twice, lower case once


def test_an_organisation_whose_verb_comes_before_a_woven_quote_speaks_it():
    rows = quotes_of(['The county board judged on Monday that the plan had been "badly rushed" from the start.'])
    assert rows[["speaker", "attribution"]].values.tolist() == [["The county board", "sentence subject"]]


def test_a_name_with_an_apostrophe_is_one_name():
    rows = quotes_of(['"The deal is done," said Mr. O\'Brien, a former editor.'])
    assert rows[["speaker", "speaker_mention"]].values.tolist() == [["O'Brien", "Mr. O'Brien"]]  # was no speaker


def test_a_short_phrase_that_nothing_attributes_is_marked_as_a_term():
    rows = quotes_of(['The council met on Tuesday. Tenants fear a wave of "renovictions" across the city.'])
    assert rows[["quote", "kind"]].values.tolist() == [["renovictions", "term"]]
    assert "scare quote" in rows["doubt"].iloc[0]
    said = quotes_of(['Ana Lind called the plan "a disgrace" on Tuesday.'])
    assert said["kind"].tolist() == ["partial"]  # a reporting verb attributes it: someone's words


def test_a_phrase_written_as_a_title_is_told_from_someones_words():
    from analysis.quotes import looks_like_title
    titles = ["Meet the Press.", "Make America Great Again", "Planet of the Apes,", "60 Minutes.", "Fight for $15",
              "The Art of the Deal", "’House of Cards,’"]
    spoken = ["USA! USA!", "Why Now?", "THIS IS NOT OK.", "That’s Ana Lind and Per Moe.", "We Will Not Go,",
              "The plan is reckless.", "Yes.", "renovictions", "A Very Long Title Of Nine Words In All Here"]
    assert [looks_like_title(quote) for quote in titles] == [True] * len(titles)
    assert [looks_like_title(quote) for quote in spoken] == [False] * len(spoken)


def test_a_title_is_marked_whatever_attributes_it_and_counts_as_the_writers_words():
    from analysis.quotes import sources_by_outlet
    corpus = corpus_of(['Ana Lind told "Morning Report" on Monday: "The plan is a disgrace."'], outlet=["Courier"])
    quotes = extract_quotes(corpus)
    assert quotes[["quote", "kind"]].values.tolist() == [["Morning Report", "title"],
                                                        ["The plan is a disgrace.", "full"]]
    assert "a phrase written as a title" in quotes["doubt"].iloc[0]
    assert quotes["speaker"].tolist() == ["Ana Lind", "Ana Lind"]  # kept, for whoever wants it
    table = sources_by_outlet(quotes, corpus)
    # 12 words in all: the 5 of the quote are Ana Lind's; the title's 2 stay the writer's
    assert table[["speaker", "n_words"]].values.tolist() == [["(journalist)", 7], ["Ana Lind", 5]]


def test_terms_count_as_the_writers_words_in_sources_by_outlet():
    from analysis.quotes import sources_by_outlet
    corpus = corpus_of(['Tenants fear "renovictions" here. "We will fight," said Ana Lind.'], outlet=["Courier"])
    quotes = extract_quotes(corpus)
    assert quotes["kind"].tolist() == ["term", "full"]
    table = sources_by_outlet(quotes, corpus)
    # 10 words in all: the 3 of the quote are Ana Lind's, the rest (with "renovictions") the writer's
    assert table[["speaker", "n_words"]].values.tolist() == [["(journalist)", 7], ["Ana Lind", 3]]
