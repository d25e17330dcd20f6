"""Charts: each takes a table and an optional ``ax`` and returns the ``Axes``."""

from analysis.plots.core import (  # noqa: F401
    MAX_INCHES, group_means, distribution, over_time, article_labels, article_lengths, JOURNALIST_COLOUR,
    SPEAKER_COLOURS, who_speaks, LEXICON_LABELS, LEXICON_COLOURS, sentiment_arc, ARC_PARTS, outlet_sentiment,
    word_contributions, sentiment_by_target, sentiment_by_voice, FRAME_COLOURS, frame_shares, frame_balance,
    frame_positions, frame_cooccurrence, MAX_ALIGNED_ROWS, STATUS_COLOURS, similarity_heatmap, alignment,
    distinctive_terms, element_coverage, timeline, agreement,
)

__all__ = ['MAX_INCHES', 'group_means', 'distribution', 'over_time', 'article_labels', 'article_lengths', 'JOURNALIST_COLOUR', 'SPEAKER_COLOURS', 'who_speaks', 'LEXICON_LABELS', 'LEXICON_COLOURS', 'sentiment_arc', 'ARC_PARTS', 'outlet_sentiment', 'word_contributions', 'sentiment_by_target', 'sentiment_by_voice', 'FRAME_COLOURS', 'frame_shares', 'frame_balance', 'frame_positions', 'frame_cooccurrence', 'MAX_ALIGNED_ROWS', 'STATUS_COLOURS', 'similarity_heatmap', 'alignment', 'distinctive_terms', 'element_coverage', 'timeline', 'agreement']
