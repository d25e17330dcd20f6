"""Direct quotes and who speaks them."""

from analysis.quotes.core import (  # noqa: F401
    QUOTE_COLUMNS, OPENING_MARKS, CLOSING_MARKS, STRAIGHT_MARK, ALL_MARKS, REPORTING_VERBS, PASSIVE_VERBS,
    TITLES, SENTENCE_OPENERS, PRONOUNS, LEADING_WORDS, TRAILING_WORDS, NAME_RUN, VERB, PASSIVE,
    AFTER_VERB_FIRST, AFTER_SPEAKER_FIRST, AFTER_ACCORDING, POSSESSIVE, DESCRIBED_NAME, MAX_SPEAKER_WORDS,
    QuoteSpan, find_quote_spans, quote_kind, name_key, split_title, Cuts, extract_quotes, sources_by_outlet,
)

__all__ = ['QUOTE_COLUMNS', 'OPENING_MARKS', 'CLOSING_MARKS', 'STRAIGHT_MARK', 'ALL_MARKS', 'REPORTING_VERBS', 'PASSIVE_VERBS', 'TITLES', 'SENTENCE_OPENERS', 'PRONOUNS', 'LEADING_WORDS', 'TRAILING_WORDS', 'NAME_RUN', 'VERB', 'PASSIVE', 'AFTER_VERB_FIRST', 'AFTER_SPEAKER_FIRST', 'AFTER_ACCORDING', 'POSSESSIVE', 'DESCRIBED_NAME', 'MAX_SPEAKER_WORDS', 'QuoteSpan', 'find_quote_spans', 'quote_kind', 'name_key', 'split_title', 'Cuts', 'extract_quotes', 'sources_by_outlet']
