"""Sentiment of sentences, articles, voices and targets, with the words behind every score."""

from analysis.sentiment.core import (  # noqa: F401
    SENTENCE_SCORE_COLUMNS, NO_LETTERS, NOT_ENGLISH, score_text, score_sentences, lexicon_coverage,
    textblob_scores, score_articles, EXPLAIN_COLUMNS, vader_word_valences, explain, word_contributions,
    score_voices, sentiment_by_voice, target_mentions, sentiment_by_target, domain_warnings,
    neutralised_scores,
)

__all__ = ['SENTENCE_SCORE_COLUMNS', 'NO_LETTERS', 'NOT_ENGLISH', 'score_text', 'score_sentences', 'lexicon_coverage', 'textblob_scores', 'score_articles', 'EXPLAIN_COLUMNS', 'vader_word_valences', 'explain', 'word_contributions', 'score_voices', 'sentiment_by_voice', 'target_mentions', 'sentiment_by_target', 'domain_warnings', 'neutralised_scores']
