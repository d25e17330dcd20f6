"""Sentiment of sentences, articles, voices and targets, with the words behind every score.

``scores`` scores sentences and articles with TextBlob and VADER (``_article_scores`` puts
TextBlob's article score together from its sentences, exactly); ``explain`` gives the words behind
each score; ``voices`` scores narration and quoted speech apart; ``targets`` the sentences that
name a target, and the clause and words around each mention, pronouns resolved; ``watchlist``
where the lexicons mislead on news; ``learned`` a news sentiment model trained on NewsMTSC, a
third reading beside TextBlob's and VADER's, never replacing them.
"""

from analysis.sentiment.explain import (
    EXPLAIN_COLUMNS,
    explain,
    vader_word_valences,
    word_contributions,
)
from analysis.sentiment.learned import (
    NEWS_ARTICLE_COLUMNS,
    NEWS_MODEL_COLUMNS,
    NEWS_SENTENCE_COLUMNS,
    model_card,
    news_sentiment,
    news_sentiment_by_article,
    score_with_model,
)
from analysis.sentiment.scores import (
    ARTICLE_SCORE_COLUMNS,
    NO_LETTERS,
    NOT_ENGLISH,
    SENTENCE_SCORE_COLUMNS,
    lexicon_coverage,
    score_articles,
    score_sentences,
    score_text,
    score_texts,
    textblob_scores,
)
from analysis.sentiment.targets import (
    MENTION_COLUMNS,
    TARGET_SENTIMENT_COLUMNS,
    sentiment_by_target,
    target_mentions,
    target_sentiment,
)
from analysis.sentiment.voices import VOICE_COLUMNS, score_voices, sentiment_by_voice
from analysis.sentiment.watchlist import (
    NEUTRALISED_COLUMNS,
    WARNING_COLUMNS,
    domain_warnings,
    neutralised_scores,
)

__all__ = [
    "ARTICLE_SCORE_COLUMNS",
    "EXPLAIN_COLUMNS",
    "MENTION_COLUMNS",
    "NEUTRALISED_COLUMNS",
    "NEWS_ARTICLE_COLUMNS",
    "NEWS_MODEL_COLUMNS",
    "NEWS_SENTENCE_COLUMNS",
    "NOT_ENGLISH",
    "NO_LETTERS",
    "SENTENCE_SCORE_COLUMNS",
    "TARGET_SENTIMENT_COLUMNS",
    "VOICE_COLUMNS",
    "WARNING_COLUMNS",
    "domain_warnings",
    "explain",
    "lexicon_coverage",
    "model_card",
    "news_sentiment",
    "news_sentiment_by_article",
    "neutralised_scores",
    "score_articles",
    "score_sentences",
    "score_text",
    "score_texts",
    "score_voices",
    "score_with_model",
    "sentiment_by_target",
    "sentiment_by_voice",
    "target_mentions",
    "target_sentiment",
    "textblob_scores",
    "vader_word_valences",
    "word_contributions",
]
