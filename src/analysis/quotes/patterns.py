"""The words and regular expressions of English news style that the quote rules read.

Lookup tables only, kept apart from the functions that use them (as textacy keeps its tables in
``preprocessing/resources.py``). The rules know no names: only reporting verbs, titles, pronouns and
the shapes of names and of the sentences around a quote.
"""

from __future__ import annotations

import re

from analysis.corpus.text import HONORIFIC_PATTERN, HONORIFICS

__all__ = [
    "REPORTING_VERBS", "PASSIVE_VERBS", "TITLES", "NAME_TITLES", "SENTENCE_OPENERS", "PRONOUNS", "LEADING_WORDS",
    "TRAILING_WORDS", "WEEKDAYS", "SURNAME_TITLES", "TITLE_ABBREVIATIONS", "VERB_PATTERN", "NAME_TOKEN", "NAME_RUN",
    "VERB", "PASSIVE", "AFTER_VERB_FIRST", "AFTER_SPEAKER_FIRST", "AFTER_SPEAKER_ASIDE", "AFTER_ACCORDING",
    "ACCORDING_BEFORE", "ABBREVIATION_DOT", "POSSESSIVE", "DESCRIBED_NAME", "MAX_SPEAKER_WORDS", "BESIDE_VERB_AFTER",
    "BESIDE_VERB_BEFORE", "LOWERCASE_WORD_BEFORE", "AGE_AFTER", "MID_SENTENCE_CAPITAL", "PREFIX_AT_END",
    "REPORTING_VERB_SET", "CLAUSE_WORDS", "PREPOSITIONS", "DETERMINERS", "IRREGULAR_VERBS", "NAME_RUN_AT_END",
    "LOWERCASE_WORD_BEFORE_REVERSED", "PREFIX_AT_END_REACH", "OBJECT_VERBS", "CLAUSE_AFTER_VERB", "OPENING_WORDS",
    "AFTER_PARTICIPLE", "AS_PUT_IT", "PERSON_AT_END", "OF_CAPITALISED", "DATELINE", "REPORTING_GERUNDS",
    "WITH_GERUND", "PARTY_WORDS", "ORGANISATION_WORDS", "FIRST_NAMES", "NOT_PERSON_WORDS", "OBJECT_PREPOSITIONS",
]

# Titles written short with a full stop before a name ("Sen. Ada Moss", "Gov. Tom Reyes").
TITLE_ABBREVIATIONS = "Sen Rep Gov Gen Lt Col Sgt Capt Cmdr Adm Maj Supt Det Insp Atty Amb Pres Sec".split()
REPORTING_VERBS = (
    "said says say told tells added adds stated states declared declares explained explains insisted "
    "insists argued argues warned warns claimed claims noted notes wrote writes asked asks replied replies "
    "recalled recalls called calls described describes hailed hails dubbed dubs labelled labeled labels "
    "branded brands praised praises cited cites urged urges remarked remarks continued continues "
    "acknowledged acknowledges admitted admits announced announces conceded concedes complained complains "
    "predicted predicts suggested suggests tweeted tweets proclaimed spoke speaks criticized criticised "
    "criticizes criticises responded responds countered counters joked jokes quipped quips boasted boasts "
    "charged asserted asserts stressed stresses emphasized emphasised pledged pledges answered answers "
    "retorted observed "
    "reported reports read reads concluded concludes vowed vows alleged alleges yelled shouted chanted "
    "posted posts published accused accuses lamented laments denounced blasted exclaimed exclaims "
    "write cried screamed interjected wondered recounted mused pleaded demanded whispered argue decried mocked "
    "barked referred blared lists reiterated reiterates repeated affirmed affirms written"
).split() + ["pointed out", "points out", "went on", "goes on"]
# Verbs that take the quote as a name for something ("called him 'X'") and so can come in a
# passive with the speaker after "by" ("hailed by Mr Trump as 'X'").
PASSIVE_VERBS = "called described hailed dubbed labelled labeled branded praised".split()
TITLES = set(
    "president minister secretary senator governor mayor chancellor king queen prince princess general "
    "colonel judge ambassador leader spokesman spokeswoman spokesperson envoy director chairman chairwoman "
    "chair chief editor professor lawyer pope commissioner representative premier sheriff captain officer "
    "coach founder head adviser advisor analyst researcher activist councillor councilor councilman "
    "councilwoman mp mep congressman congresswoman lawmaker legislator deputy diplomat ceo cfo coo "
    "executive vice author economist historian strategist manager attorney "
    "superintendent treasurer supervisor administrator publisher correspondent rabbi pastor "
    "archbishop reverend prosecutor commander lieutenant sergeant assemblyman assemblywoman "
    "consultant aide scientist physician organizer organiser".split()
) | {word.casefold() for word in TITLE_ABBREVIATIONS}
# Words that head a title before a name ("House Speaker Ada Moss", "Actress Ada Moss") but, alone,
# name a role that many people of a story have ("the candidate", "a speaker"): they are cut from a
# name, and ``people`` does not resolve the role to a person.
NAME_TITLES = frozenset(TITLES | set("speaker actor actress candidate nominee pollster columnist".split()))
# Titles that are also common English surnames: at the end of a run of capitalised words, a name
# ("Peter King"), not a title without one ("Missouri Secretary").
SURNAME_TITLES = frozenset("king prince pope judge head coach chief general pastor".split())
# Capitalised words that open sentences but are never part of a name.
SENTENCE_OPENERS = set(
    "the a an but and yet so then in on at for from by with of to despite during after before since when "
    "while as if although though earlier later meanwhile however now also both even only like unlike "
    "according this that these those his her their its our my your one two some many most all "
    "every each no not there here what who why how where it we you i he she they because regarding".split()
)
# Parties, whose name before a person's describes the person ("Republican Ada Moss"), and the words
# that show a run of capitals after a party to be an organisation ("Republican National Committee").
PARTY_WORDS = frozenset("democrat democratic republican gop libertarian independent labour tory".split())
ORGANISATION_WORDS = frozenset("party committee convention association caucus club conference council "
                               "foundation institute league national coalition campaign principles".split())
# Days of the week: a time, never part of a name ("said Ms Ilves Tuesday", "Super Tuesday").
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Very common English first names by gender, to know that a name is a person's and whether "he" or
# "she" may refer to it; a name not listed has no gender unless an honorific gives it one. Short,
# and a general list, not the names of any story.
FIRST_NAMES = {
    "male": frozenset(
        "adam alan albert alex alexander andrew anthony arthur ben benjamin bernard bernie bill billy bob bobby "
        "brad brian bruce carl charles charlie chris christopher chuck dan daniel dave david dennis don donald "
        "doug douglas ed edward eric frank fred gary george gerald greg gregory harry henry howard jack jake "
        "james jason jeff jeffrey jerry jim jimmy joe joel john johnny jon jonathan joseph josh joshua juan "
        "justin keith ken kenneth kevin larry lawrence louis luis mark martin matt matthew michael mike mitch "
        "nathan neil nick nicholas patrick paul peter phil philip ralph randy raymond richard rick robert "
        "roger ron ronald roy russell ryan sam samuel scott sean stephen steve steven ted terry thomas tim "
        "timothy todd tom tony walter wayne william willie".split()),
    "female": frozenset(
        "alice alicia amanda amy andrea angela ann anna anne barbara betty beverly brenda carol carolyn "
        "catherine cheryl christina christine cindy claire cynthia deborah debbie debra denise diana diane "
        "donna doris dorothy elizabeth ellen emily emma evelyn frances gloria grace hannah heather helen "
        "hillary jane janet janice jean jennifer jessica joan joanne joyce judith judy julia julie karen kate "
        "katherine kathleen kathy kelly kimberly laura lauren linda lisa lori louise margaret maria marie "
        "marilyn martha mary megan melissa michelle nancy nicole olivia pamela patricia paula rachel rebecca "
        "rose ruth sandra sara sarah sharon shirley stephanie susan teresa theresa virginia wendy".split()),
}
# Words that mark a run of capitals as a time, an organisation or a place: never what "he" or "she"
# refers to ("he" -> "White House", "she" -> "Monday" would be wrong whatever the story).
NOT_PERSON_WORDS = WEEKDAYS | frozenset(
    "january february march april june july august september october november december "
    "house senate congress street party times post news journal "
    "press department ministry embassy committee commission council court university college school "
    "institute foundation association agency bureau company corporation bank reserve union republic "
    "kingdom states state city county church center centre hospital airport network magazine "
    "republicans democrats convention national international organization organisation administration office "
    "group coalition".split())

# Words before a name that make it the object of a preposition, not a sentence's subject (people
# ranks such names after the others of their sentence).
OBJECT_PREPOSITIONS = frozenset("in at from of to for with by on about against than into onto over under near "
                                "after before since during between among toward towards across".split())
# The pronouns a speaker may be, with the gender each refers to.
PRONOUNS = {"he": "male", "she": "female", "they": None}
LEADING_WORDS = {"but", "and", "yet", "so", "then", "also", "however", "meanwhile"}
TRAILING_WORDS = {"has", "had", "have", "also", "later", "then", "once", "again", "previously", "earlier",
                  "often", "still", "repeatedly", "himself", "herself", "is", "was", "would", "will",
                  "could", "recently", "further", "even", "never", "just", "reportedly"}

# Words that show a phrase to be a piece of a clause, not a noun phrase naming a speaker ("in a turn
# that", "he had publicly", "Russians now"): conjunctions that open a clause, "to", auxiliaries,
# pronouns after the first word, adverbs and words of time.
CLAUSE_WORDS = frozenset(
    "that which who whom whose when where while if as because since although though whether until unless "
    "than to is are was were be been being am has have had do does did will would can could may might shall "
    "should must not he she they it we i you him them us me now then also just only even still already "
    "never ever later once again too very so week year month day night morning afternoon evening today "
    "yesterday tonight tomorrow ago what how why such monday tuesday wednesday thursday friday saturday "
    "sunday".split())
# A noun phrase naming a speaker starts with no preposition, and ends with no preposition,
# determiner or conjunction ("legal history and articles from", "to win many of the").
PREPOSITIONS = frozenset(
    "in on at to for from with by of into about after before during despite over under without through "
    "including regarding concerning following against among amid toward towards".split())
# Words that open a phrase before a sentence's subject ("In March, Ji said", "Like Ji, Moss
# rejected", "When asked, Ji said", "Here in Ohio, Ji stepped up"), besides the prepositions.
OPENING_WORDS = frozenset("when while as if because since although though once until unless like unlike here upon "
                          "amid".split())
# Words that follow a participle opening a sentence ("Speaking to reporters,", "Casting himself as",
# "Asked whether"), not a name ending in "-ing" or "-ed" ("Manning said", "Ted was").
AFTER_PARTICIPLE = frozenset("the a an his her their its our my this these those some him himself herself them "
                             "themselves it that up out off down back last what how why whether".split())
DETERMINERS = frozenset("the a an his her their its our my your this these those some many any each every no".split())
# Verbs in the past or present that do not end in "-ed" ("the actor held a fake audition").
IRREGULAR_VERBS = frozenset(
    "held took made gave came got went sent kept left met saw put ran won lost brought thought set began "
    "became felt found heard knew led meant paid read rose sat spent stood struck taught threw wore "
    "goes does makes takes gives gets comes sees wants needs thinks knows believes".split())

REPORTING_VERB_SET = frozenset(REPORTING_VERBS)
VERB_PATTERN = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
# Letters with accents count too ("José Rodríguez", "Ralf Jäger"): Latin-1's capitals and small letters,
# and inside a word Latin Extended-A ("Wałęsa"), whose capitals and small letters alternate.
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿĀ-ž"
# O'Brien, McCaul, Jong-un
NAME_TOKEN = (rf"(?:[{_UPPER}]['’])?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
              rf"(?:-[{_UPPER}{_LOWER}][{_LOWER}]*)*")
# A run of capitalised words, possibly after an honorific: "Mr Ji", "Ji Seong-ho", "US President Donald Trump".
# Every run starts with a capital; saying so first lets a scan pass over every other character at
# once, instead of trying each honorific there, without changing any match.
# Inside a run, a short title or an initial with its full stop ("Nevada Sen. Ada Moss", "Tom J. Reyes").
_TITLE_ABBREVIATION = rf"(?:{'|'.join(TITLE_ABBREVIATIONS)})\."
_INNER = rf"(?:(?:{_TITLE_ABBREVIATION}|[A-Z]\.)\s+)*"
NAME_RUN = re.compile(rf"(?=[{_UPPER}])(?:(?:{HONORIFIC_PATTERN}|{_TITLE_ABBREVIATION})\s+)?(?:[A-Z]{{2,}}\s+)?"
                      rf"{NAME_TOKEN}(?:\s+{_INNER}{NAME_TOKEN})*")
NAME_RUN_AT_END = re.compile(rf"{NAME_RUN.pattern}$")
# The first letters of the verbs, looked at first, spare a search trying every verb at every word.
_VERB_INITIALS = "".join(sorted({verb[0] for verb in REPORTING_VERBS}))
VERB = re.compile(rf"\b(?=[{_VERB_INITIALS}])(?:{VERB_PATTERN})\b")
PASSIVE = re.compile(rf"\b(?:{'|'.join(PASSIVE_VERBS)})\s+by\s+(?P<speaker>[^,;:]+?)\s+as\s*$")
# The full stop of an abbreviation or an initial ("Mr.", "Sen.", "J."), which does not end a phrase;
# one look-behind for each, since a look-behind has one width.
_ABBREVIATED = ["[A-Z]", *(word.capitalize() for word in sorted(HONORIFICS)), *TITLE_ABBREVIATIONS, "Jr", "Sr", "St"]
_AFTER_ABBREVIATION = "|".join(rf"(?<=\b{word})" for word in _ABBREVIATED)
ABBREVIATION_DOT = rf"(?:{_AFTER_ABBREVIATION})\."
_PHRASE_END = rf"(?!{ABBREVIATION_DOT})[,.;:!?(]"
AFTER_VERB_FIRST = re.compile(rf"^(?P<verb>{VERB_PATTERN})\s+(?P<speaker>.+?)"
                              rf"(?=\s*(?:{_PHRASE_END}|\s+(?:who|in|on|at|during|after|before|to|when|as)\b|$))")
AFTER_SPEAKER_FIRST = re.compile(
    rf"^(?P<speaker>(?:[^,.;:!?\"“”]|{ABBREVIATION_DOT}){{1,60}}?)\s+(?:(?:also|later|then|again)\s+)?"
    rf"(?P<verb>{VERB_PATTERN})\b")
# A name, an aside between commas, then the verb: ``," Ji Seong-ho, a defector, said``, ``," Ada Moss, 70, told``.
AFTER_SPEAKER_ASIDE = re.compile(
    rf"^(?P<speaker>(?:[^,.;:!?\"“”]|{ABBREVIATION_DOT}){{1,60}}?)\s*,"
    rf"\s*(?P<aside>(?:[^.;:!?\"“”]|{ABBREVIATION_DOT}){{1,90}}?)\s*,"
    rf"\s*(?:(?:also|later|then|again)\s+)?(?P<verb>{VERB_PATTERN})\b")
# Reporting verbs that take the person spoken to or about as their object ("told the delegates",
# "called him"): after a comma, the words after them are not the speaker.
OBJECT_VERBS = frozenset("told tells called calls described describes hailed hails dubbed dubs labelled labeled labels "
                         "branded brands praised praises cited cites urged urges criticized criticised criticizes "
                         "criticises charged accused accuses denounced blasted pledged pledges answered "
                         "answers".split())
# After the reporting verb that ends a sentence (", Ji said on Monday."), words that open a clause
# of its own (", Ji said the plan would fail"): the verb then reports that clause, not the quote.
CLAUSE_AFTER_VERB = frozenset("that is are was were would will could should can has have had be it he she they we i "
                              "you him them us me his her their its".split())
AFTER_ACCORDING = re.compile(rf"^according to\s+(?P<speaker>.+?)(?=\s*(?:{_PHRASE_END}|$))", re.IGNORECASE)
# "according to X," earlier in the quote's sentence: "According to spokesman Anders Pohl, the
# mayor is 'a performer'" is Pohl's word, not the mayor's.
ACCORDING_BEFORE = re.compile(rf"\baccording to\s+(?P<speaker>(?:[^,.;:!?]|{ABBREVIATION_DOT}){{1,60}}?)\s*[,:]",
                              re.IGNORECASE)
# The dateline that opens a wire story: "WASHINGTON (AP) — ", "MANCHESTER, N.H. - ", "Washington (AFP) – ".
DATELINE = re.compile(r"^\s*(?:[A-Z]{2,}[A-Z .'’]*(?:,[^—–()-]{1,30})?\s*(?:\([A-Za-z]{2,10}\))?"
                      r"|(?:[A-Z][a-z]+\s+){1,3}\([A-Za-z]{2,10}\))\s*(?:—|–|--?)\s+")
# "with Ji saying that ...": the speaker of a clause that hangs on the sentence by "with".
REPORTING_GERUNDS = ("saying telling calling tweeting writing adding noting arguing warning describing insisting "
                     "declaring claiming asking urging accusing labelling labeling dubbing branding praising "
                     "predicting suggesting complaining explaining responding vowing promising pledging joking").split()
WITH_GERUND = re.compile(rf"\bwith\s+(?P<speaker>[^,;:]{{1,60}}?)\s+(?:{'|'.join(REPORTING_GERUNDS)})\b")
# "As Ji put it," / "as Ji puts it:" before a quote: Ji's words.
AS_PUT_IT = re.compile(rf"\b[Aa]s\s+(?P<speaker>(?:[^;:!?]|{ABBREVIATION_DOT}){{1,80}}?)\s+puts?\s+it\b")
# A person's name that ends a longer run ("State John F. Kerry", "Staff Gen. Ada Moss"): two names,
# perhaps a short title or honorific before them, perhaps initials between them.
PERSON_AT_END = re.compile(rf"(?:(?:{HONORIFIC_PATTERN}|{_TITLE_ABBREVIATION})\s+)?{NAME_TOKEN}\s+(?:[A-Z]\.\s+)*"
                           rf"{NAME_TOKEN}$")
# " of " and the capitalised words after it, to the end of a phrase: the place or body of the person
# or title before it ("Tom Reyes of North Carolina", "Secretary of Homeland Security Ada Moss").
OF_CAPITALISED = re.compile(r"\s+of\s+(?=(?:the\s+)?[A-Z](?:[\w.'’&-]*\s+(?:(?:the|of|and|for)\s+)*[A-Z])*"
                            r"[\w.'’-]*$)")
POSSESSIVE = re.compile(r"[’']s$")
# A description in lower case, then a full name: "said council leader Maria Okafor", "said skipper
# Ruth Mallory", "said ornithologist Helen Marsh of the county bird trust". Two capitalised words at
# least, so that "said local residents Monday" is not read as a person.
DESCRIBED_NAME = re.compile(rf"(?:[a-z][\w'’-]*\s+){{1,4}}(?P<name>(?=\S+\s+[A-Z]){NAME_RUN.pattern})")
MAX_SPEAKER_WORDS = 10

# What shows a run of capitalised words to be a person: a reporting verb right after it (an aside
# between commas allowed: "Ji, a defector, said") or right before it; an age after it ("Ji
# Seong-ho, 35,"); and, for a lone word, being capitalised in mid-sentence too (so not only
# because it opens a sentence).
BESIDE_VERB_AFTER = re.compile(
    rf"\s*(?:,[^,]{{1,70}},\s*)?(?:(?:has|had|also|later|then)\s+)?(?:{VERB_PATTERN})\b")
BESIDE_VERB_BEFORE = re.compile(rf"\b(?:{VERB_PATTERN})\s+$")
LOWERCASE_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
# The same read backwards from the end, as one anchored match instead of a search through the
# text before a run (``names.word_before``): white space, the word reversed, then no word character.
LOWERCASE_WORD_BEFORE_REVERSED = re.compile(r"\s+([a-z]+)(?!\w)")
AGE_AFTER = re.compile(r",\s*\d{1,3},")
MID_SENTENCE_CAPITAL = re.compile(r"[a-z,;]\s+([A-Z][\w'’-]*)")
# The optional starts of NAME_RUN.
PREFIX_AT_END = re.compile(rf"(?:[A-Z]{{2,}}|{HONORIFIC_PATTERN}|{_TITLE_ABBREVIATION})$")
# Whether PREFIX_AT_END matches is decided by the last characters alone (two capitals, or an
# honorific or short title and its full stop), so a search need not start further back than this.
PREFIX_AT_END_REACH = max(2, max(len(word) for word in [*HONORIFICS, *TITLE_ABBREVIATIONS]) + 1)
