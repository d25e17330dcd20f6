"""The words and regular expressions of English news style that the quote rules read.

Lookup tables only, kept apart from the functions that use them (as textacy keeps its tables in
``preprocessing/resources.py``). The rules know no names: only reporting verbs, titles, pronouns and
the shapes of names and of the sentences around a quote.
"""

from __future__ import annotations

import re

from analysis.corpus.text import HONORIFIC_PATTERN, HONORIFICS

__all__ = [
    "REPORTING_VERBS", "PASSIVE_VERBS", "TITLES", "SENTENCE_OPENERS", "PRONOUNS", "LEADING_WORDS", "TRAILING_WORDS",
    "VERB_PATTERN", "NAME_TOKEN", "NAME_RUN", "VERB", "PASSIVE", "AFTER_VERB_FIRST", "AFTER_SPEAKER_FIRST",
    "AFTER_ACCORDING", "POSSESSIVE", "DESCRIBED_NAME", "MAX_SPEAKER_WORDS", "BESIDE_VERB_AFTER", "BESIDE_VERB_BEFORE",
    "LOWERCASE_WORD_BEFORE", "AGE_AFTER", "MID_SENTENCE_CAPITAL", "PREFIX_AT_END", "REPORTING_VERB_SET",
    "NAME_RUN_AT_END", "LOWERCASE_WORD_BEFORE_REVERSED", "PREFIX_AT_END_REACH",
]

REPORTING_VERBS = (
    "said says say told tells added adds stated states declared declares explained explains insisted "
    "insists argued argues warned warns claimed claims noted notes wrote writes asked asks replied replies "
    "recalled recalls called calls described describes hailed hails dubbed dubs labelled labeled labels "
    "branded brands praised praises cited cites urged urges remarked remarks continued continues "
    "acknowledged acknowledges admitted admits announced announces conceded concedes complained complains "
    "predicted predicts suggested suggests tweeted tweets proclaimed spoke speaks"
).split()
# Verbs that take the quote as a name for something ("called him 'X'") and so can come in a
# passive with the speaker after "by" ("hailed by Mr Trump as 'X'").
PASSIVE_VERBS = "called described hailed dubbed labelled labeled branded praised".split()
TITLES = set(
    "president minister secretary senator governor mayor chancellor king queen prince princess general "
    "colonel judge ambassador leader spokesman spokeswoman spokesperson envoy director chairman chairwoman "
    "chair chief editor professor lawyer pope commissioner representative premier sheriff captain officer "
    "coach founder head adviser advisor analyst researcher activist councillor councilor councilman "
    "councilwoman mp mep congressman congresswoman lawmaker legislator deputy diplomat".split()
)
# Capitalised words that open sentences but are never part of a name.
SENTENCE_OPENERS = set(
    "the a an but and yet so then in on at for from by with of to despite during after before since when "
    "while as if although though earlier later meanwhile however now also both even only like unlike "
    "according this that these those his her their its our my your one two some many most all "
    "every each no not there here what who why how where".split()
)
PRONOUNS = {"he": "male", "she": "female", "they": None}
LEADING_WORDS = {"but", "and", "yet", "so", "then", "also", "however", "meanwhile"}
TRAILING_WORDS = {"has", "had", "have", "also", "later", "then", "once", "again", "previously", "earlier",
                  "often", "still", "repeatedly", "himself", "herself", "is", "was", "would", "will",
                  "could", "recently", "further", "even", "never", "just", "reportedly"}

REPORTING_VERB_SET = frozenset(REPORTING_VERBS)
VERB_PATTERN = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
NAME_TOKEN = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]*)*"
# A run of capitalised words, possibly after an honorific: "Mr Ji", "Ji Seong-ho", "US President Donald Trump".
# Every run starts with a capital; saying so first lets a scan pass over every other character at
# once, instead of trying each honorific there, without changing any match.
NAME_RUN = re.compile(rf"(?=[A-Z])(?:{HONORIFIC_PATTERN}\s+)?(?:[A-Z]{{2,}}\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
NAME_RUN_AT_END = re.compile(rf"{NAME_RUN.pattern}$")
# The first letters of the verbs, looked at first, spare a search trying every verb at every word.
_VERB_INITIALS = "".join(sorted({verb[0] for verb in REPORTING_VERBS}))
VERB = re.compile(rf"\b(?=[{_VERB_INITIALS}])(?:{VERB_PATTERN})\b")
PASSIVE = re.compile(rf"\b(?:{'|'.join(PASSIVE_VERBS)})\s+by\s+(?P<speaker>[^,;:]+?)\s+as\s*$")
AFTER_VERB_FIRST = re.compile(rf"^(?P<verb>{VERB_PATTERN})\s+(?P<speaker>.+?)(?=\s*(?:[,.;:!?(]|\s+(?:who|in|on|at|during|after|before|to|when|as)\b|$))")
AFTER_SPEAKER_FIRST = re.compile(
    rf"^(?P<speaker>[^,.;:!?\"“”]{{1,60}}?)\s+(?:(?:also|later|then|again)\s+)?(?P<verb>{VERB_PATTERN})\b")
AFTER_ACCORDING = re.compile(r"^according to\s+(?P<speaker>.+?)(?=\s*(?:[,.;:!?(]|$))", re.IGNORECASE)
POSSESSIVE = re.compile(r"[’']s$")
# A description in lower case, then a full name: "said council leader Maria Okafor", "said skipper
# Ruth Mallory", "said ornithologist Helen Marsh of the county bird trust". Two capitalised words at
# least, so that "said local residents Monday" is not read as a person.
DESCRIBED_NAME = re.compile(rf"(?:[a-z][\w'’-]*\s+){{1,4}}(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN})+)")
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
PREFIX_AT_END = re.compile(rf"(?:[A-Z]{{2,}}|{HONORIFIC_PATTERN})$")  # the two optional starts of NAME_RUN
# Whether PREFIX_AT_END matches is decided by the last characters alone (two capitals, or an
# honorific and its full stop), so a search need not start further back than this.
PREFIX_AT_END_REACH = max(2, max(len(word) for word in HONORIFICS) + 1)
