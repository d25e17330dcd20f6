"""Direct quotes and who speaks them.

``spans`` finds the quoted stretches; ``names`` reads runs of capitalised words and merges spellings;
``people`` knows whom an article names and resolves a mention ("he", "Mr Ji") to a person;
``attribution`` finds the words that attribute a quote; ``speakers`` walks an article to give each
quote its speaker; ``table`` builds the quotes table (``extract_quotes``) and who holds each outlet's
words (``sources_by_outlet``); ``evaluation`` scores quotes against a hand-marked gold table. ``patterns`` holds the word lists and regular expressions they read.
"""

from analysis.quotes.evaluation import score_against_gold
from analysis.quotes.names import alias_map, canonical_speakers, name_key, split_title
from analysis.quotes.patterns import (AFTER_ACCORDING, AFTER_SPEAKER_FIRST, AFTER_VERB_FIRST, DESCRIBED_NAME,
                                      LEADING_WORDS, MAX_SPEAKER_WORDS, NAME_RUN, PASSIVE, PASSIVE_VERBS, POSSESSIVE,
                                      PRONOUNS, REPORTING_VERBS, SENTENCE_OPENERS, TITLES, TRAILING_WORDS, VERB)
from analysis.quotes.spans import (ALL_MARKS, CLOSING_MARKS, OPENING_MARKS, STRAIGHT_MARK, Cuts, QuoteSpan,
                                   find_quote_spans, looks_like_title, quote_kind)
from analysis.quotes.table import (NOT_SPOKEN_KINDS, QUOTE_COLUMNS, extract_quotes, quote_marks_lost,
                                   sources_by_outlet, spoken_quotes)

__all__ = ['QUOTE_COLUMNS', 'NOT_SPOKEN_KINDS', 'OPENING_MARKS', 'CLOSING_MARKS', 'STRAIGHT_MARK', 'ALL_MARKS', 'REPORTING_VERBS', 'PASSIVE_VERBS', 'TITLES', 'SENTENCE_OPENERS', 'PRONOUNS', 'LEADING_WORDS', 'TRAILING_WORDS', 'NAME_RUN', 'VERB', 'PASSIVE', 'AFTER_VERB_FIRST', 'AFTER_SPEAKER_FIRST', 'AFTER_ACCORDING', 'POSSESSIVE', 'DESCRIBED_NAME', 'MAX_SPEAKER_WORDS', 'QuoteSpan', 'find_quote_spans', 'quote_kind', 'looks_like_title', 'name_key', 'split_title', 'Cuts', 'extract_quotes', 'spoken_quotes', 'sources_by_outlet', 'quote_marks_lost', 'alias_map', 'canonical_speakers', 'score_against_gold']
