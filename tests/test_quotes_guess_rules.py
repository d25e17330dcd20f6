"""Speaker rules of issue 18 measured on real news: each test is a rule of English news style, on
invented sentences, asserting the speaker a reader would give."""

from conftest import quotes_of, speakers_of


# --- reporting verbs -------------------------------------------------------------------------------


def test_a_document_that_reads_or_alleges_speaks_its_words():
    text = ('The harbour board met on Monday.\n\n'
            '"Dredging will start in May," the statement read.\n\n'
            'The port was "badly run for a decade," the lawsuit alleges.')
    rows = quotes_of(text)
    assert rows["speaker"].tolist() == ["the statement", "the lawsuit"]
    assert set(rows["attribution"]) == {"reporting verb after the quote"}


def test_a_paper_that_reported_or_a_crowd_that_chanted_speaks_its_words():
    text = ('"The mayor knew in March," the Riverton Gazette reported.\n\n'
            'Outside, the crowd chanted: "Open the gates!"')
    assert speakers_of(text) == ["Riverton Gazette", "the crowd"]


def test_went_on_after_a_quote_attributes_it():
    text = ('Mayor Ilse Brandt spoke first.\n\n'
            'Councillor Tomas Reyes answered her.\n\n'
            '"We will not wait," Brandt went on. "Not a day longer."')
    rows = quotes_of(text)
    assert rows.loc[0, ["speaker", "attribution"]].tolist() == ["Ilse Brandt", "reporting verb after the quote"]


def test_an_unnamed_source_may_be_described_at_length():
    text = ('Councillor Tomas Reyes left early.\n\n'
            '"Nobody wants to say it," said a senior official with the harbour workers union, speaking on '
            'condition of anonymity.')
    assert speakers_of(text) == ["a senior official with the harbour workers union"]


# --- the speaker of a quote of several sentences ----------------------------------------------------


def test_the_attribution_after_a_quote_of_several_sentences_is_read():
    # A straight opening mark and a curly closing one, as pasted text has them: the sentences split inside.
    text = ('Councillor Tomas Reyes spoke first.\n\n'
            '"If I were in charge, would I wish that I had planned it so that this final week, we were in the '
            'big towns? Absolutely,” Ada Lund, a retired pilot, said of the rescue.')
    assert speakers_of(text) == ["Ada Lund"]


# --- the outer speaker of a reported clause ----------------------------------------------------------


def test_said_before_a_verb_with_a_pronoun_subject_gives_the_outer_speaker():
    text = ('Ada Lund said the port had been run badly, which she called "a disgrace."')
    assert speakers_of(text) == ["Ada Lund"]


def test_said_before_a_reported_clause_gives_the_one_who_said_it():
    text = ('Tomas Reyes said Ada Lund called the plan "a waste of money."')
    assert speakers_of(text) == ["Tomas Reyes"]


def test_a_name_after_a_clause_break_keeps_its_own_verb():
    text = ('After Tomas Reyes said the plan was late, Ada Lund said: "We will build it anyway."')
    assert speakers_of(text) == ["Ada Lund"]


# --- the sentence before a quote that stands alone -------------------------------------------------


def test_a_quote_alone_after_a_sentence_whose_reporting_verb_has_a_subject_is_that_subjects():
    text = ('Dredging begins in May.\n\n'
            'The harbour board said in a statement on Monday that the work would last a year.\n\n'
            '"The channel will be closed to all shipping until the work is done."')
    assert speakers_of(text) == ["The harbour board"]


# --- pronouns --------------------------------------------------------------------------------------


def test_a_pronoun_after_a_quote_refers_to_the_person_named_before_it_in_its_sentence():
    text = ('Robert Kane said the port would open.\n\n'
            'At the meeting, Peter Okafor, 62, railed against the plan: "It is far too late," he said.')
    assert speakers_of(text) == ["Peter Okafor"]


def test_a_surname_opening_a_sentence_is_a_person_he_can_refer_to():
    text = ('Robert Kane said the port would open. Tomas Okafor, 58, disagreed.\n\n'
            'Okafor has opposed the plan for years.\n\n'
            '"It is far too late," he said.')
    assert speakers_of(text) == ["Tomas Okafor"]


# --- short names -----------------------------------------------------------------------------------


def test_a_surname_is_a_persons_not_the_place_named_after_them():
    text = ('Ada Lund opened Lund Tower in March. Ada Lund said it was full.\n\n'
            'The tenants of Lund Tower met on Monday.\n\n'
            '"We are staying," Lund said.')
    assert speakers_of(text) == ["Ada Lund"]


def test_a_surname_two_people_share_is_the_one_named_first():
    text = ('Councillor Ada Lund opened the meeting. Her brother, Peter Lund, a fisherman, sat at the back.\n\n'
            '"We will vote tonight," Lund said.')
    assert speakers_of(text) == ["Ada Lund"]


# --- names -----------------------------------------------------------------------------------------


def test_a_pronoun_or_because_never_joins_a_name():
    text = ('The vote was late.\n\nBecause Tomas Okafor, 62, left early, nobody counted.\n\n'
            '"We waited for hours," Okafor said.')
    assert speakers_of(text) == ["Tomas Okafor"]


def test_a_quote_ending_in_a_question_mark_takes_the_attribution_that_opens_the_next_sentence():
    # The question mark ends the quote's sentence; "Reyes asked" opens the next one.
    text = ('Mayor Ilse Brandt spoke for an hour.\n\n'
            '"Who will pay for it? Who?" Tomas Reyes asked. The hall fell silent.')
    rows = quotes_of(text)
    assert rows.loc[0, ["speaker", "attribution"]].tolist() == ["Tomas Reyes", "reporting verb after the quote"]


def test_the_next_sentence_never_overrides_a_reporting_verb_before_the_quote():
    text = ('Mayor Ilse Brandt answered: "Who will pay for it?" Tomas Reyes laughed at the question.')
    assert speakers_of(text) == ["Ilse Brandt"]


def test_he_or_she_never_resolves_to_a_convention_or_an_organization():
    text = ('Tove Lund, 58, a fisher, sat in the hall.\n\nLund Convention said no.\n\n'
            'Later the Lund National Convention closed.\n\n"It is over," she said.')
    assert speakers_of(text) == ["Tove Lund"]


def test_said_a_capitalised_word_and_a_description_before_a_name_gives_the_name():
    text = ('"We will not wait," said Republican delegate Tom Reyes.\n\n'
            '"Nor will we," said Harbour Board chair Ada Lund.')
    assert speakers_of(text) == ["Tom Reyes", "Ada Lund"]


def test_according_to_before_a_colon_gives_the_source():
    text = ('Tomas Reyes will run for mayor.\n\nAccording to the Riverton Gazette: "He filed the papers on Monday."')
    assert speakers_of(text) == ["Riverton Gazette"]


def test_a_sentence_ending_in_a_colon_introduces_the_quote_after_it():
    text = ('Ada Lund, 58, left the harbour board in May.\n\n'
            'The harbour board released the following statement:\n\n'
            '"We thank her for twenty years of service to the port."')
    assert speakers_of(text) == ["The harbour board"]


def test_a_woven_quote_after_an_opening_phrase_belongs_to_the_clause_subject():
    text = ('Tomas Reyes, 58, runs the port.\n\n'
            'In a survey of the harbour on Monday, the fishers judged the plan "far too late."')
    assert speakers_of(text) == ["the fishers"]


def test_a_verb_and_its_object_before_a_quote_are_not_its_speaker():
    text = ('Mayor Ilse Brandt lost her temper on Monday, jabbing her finger at a reporter as she angrily said, '
            '"I am sick of the lies."')
    assert speakers_of(text) == ["Ilse Brandt"]


def test_a_lone_word_written_in_lower_case_elsewhere_is_never_a_speaker():
    text = ('Tomas Reyes, 58, runs the port. In contrast, the board waits. The contrast is stark.\n\n'
            'Contrast that with the "quick fix" plan.')
    assert speakers_of(text) == ["Tomas Reyes"]


def test_surnames_that_are_also_place_words_stay_people():
    # "Park", "Hall" and "River" are surnames and first names as well as words of places:
    # only the words of organisations mark a name as no person's.
    text = ('President Park Geun-hye met the envoys in Seoul.\n\n'
            '"We will not yield," Park said.\n\n'
            'The historian Stuart Hall disagreed. "It is a mistake," he said.')
    assert speakers_of(text) == ["Park Geun-hye", "Stuart Hall"]
