"""Load a corpus of news articles into tidy tables: read, clean, segment, log problems."""

from analysis.corpus.load import (  # noqa: F401
    ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, SENTENCE_COLUMNS, DOUBTS_LISTED_PER_ARTICLE, REMOVED_COLUMNS, Corpus,
    RELATIVE_DATE_WORDS, NUMERIC_DATE, DATE_WITHOUT_DAY, DATE_FORMAT_ADVICE, read_raw, load_corpus,
)

__all__ = ['ARTICLE_COLUMNS', 'PARAGRAPH_COLUMNS', 'SENTENCE_COLUMNS', 'DOUBTS_LISTED_PER_ARTICLE', 'REMOVED_COLUMNS', 'Corpus', 'RELATIVE_DATE_WORDS', 'NUMERIC_DATE', 'DATE_WITHOUT_DAY', 'DATE_FORMAT_ADVICE', 'read_raw', 'load_corpus']
