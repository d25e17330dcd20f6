"""Load a corpus of news articles into tidy tables: read, clean, segment, log problems."""

from analysis.corpus.codes import PROBLEM_CODES, REMOVAL_REASONS
from analysis.corpus.dates import DATE_FORMAT_ADVICE, DATE_WITHOUT_DAY, NUMERIC_DATE, RELATIVE_DATE_WORDS
from analysis.corpus.load import (
    ARTICLE_COLUMNS, DOUBTS_LISTED_PER_ARTICLE, PARAGRAPH_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS, Corpus,
    load_corpus,
)
from analysis.corpus.problems import PROBLEM_COLUMNS
from analysis.corpus.readers import read_raw

__all__ = ['ARTICLE_COLUMNS', 'PARAGRAPH_COLUMNS', 'SENTENCE_COLUMNS', 'DOUBTS_LISTED_PER_ARTICLE', 'REMOVED_COLUMNS',
           'PROBLEM_COLUMNS', 'PROBLEM_CODES', 'REMOVAL_REASONS', 'Corpus', 'RELATIVE_DATE_WORDS', 'NUMERIC_DATE',
           'DATE_WITHOUT_DAY', 'DATE_FORMAT_ADVICE', 'read_raw', 'load_corpus']
