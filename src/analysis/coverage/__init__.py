"""How the outlets' coverage differs: reuse, alignment of editions, distinctive terms, story elements."""

from analysis.coverage.core import (  # noqa: F401
    SHINGLE_SIZE, REWORDED_THRESHOLD, MERGED_CONTAINMENT, CAPTION_REASONS, reuse_vectors, reuse_matrix,
    similarity_table, most_alike, reuse_pairs, ALIGN_COLUMNS, describe_edits, align, alignment_summary,
    SMALL_GROUP_WORDS, SMALL_GROUP_ARTICLES, log_odds_dirichlet, distinctive_terms, load_elements,
    ELEMENT_COLUMNS, element_coverage, timeline, describe_articles,
)

__all__ = ['SHINGLE_SIZE', 'REWORDED_THRESHOLD', 'MERGED_CONTAINMENT', 'CAPTION_REASONS', 'reuse_vectors', 'reuse_matrix', 'similarity_table', 'most_alike', 'reuse_pairs', 'ALIGN_COLUMNS', 'describe_edits', 'align', 'alignment_summary', 'SMALL_GROUP_WORDS', 'SMALL_GROUP_ARTICLES', 'log_odds_dirichlet', 'distinctive_terms', 'load_elements', 'ELEMENT_COLUMNS', 'element_coverage', 'timeline', 'describe_articles']
