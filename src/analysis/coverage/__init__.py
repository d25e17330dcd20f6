"""How the outlets' coverage differs: reuse, which article derives from which, alignment of editions,
distinctive terms, story elements, and the corpus described (timeline, length, readability)."""

from analysis.coverage.align import (ALIGN_COLUMNS, ALIGN_STATUSES, ALIGN_UNITS, MERGED_CONTAINMENT, MOVED_THRESHOLD,
                                     REWORDED_THRESHOLD, align, alignment_summary, describe_edits, furniture_sentence,
                                     sentence_similarity)
from analysis.coverage.derived import (DERIVATION_COLUMNS, DERIVATION_LABELS, DERIVED_FROM, PARTLY_DERIVED_FROM,
                                          OUTLET_DERIVATION_COLUMNS, SOURCE_KINDS, containment, derivation,
                                          derivation_label, outlet_derivation)
from analysis.coverage.describe import DESCRIPTION_COLUMNS, TIMELINE_COLUMNS, describe_articles, timeline
from analysis.coverage.elements import ELEMENT_COLUMNS, element_coverage, load_elements
from analysis.coverage.keyness import SMALL_GROUP_ARTICLES, SMALL_GROUP_WORDS, distinctive_terms, log_odds_dirichlet
from analysis.coverage.reuse import (MOST_ALIKE_COLUMNS, REUSE_PAIR_COLUMNS, SHINGLE_SIZE, most_alike,
                                     outlet_similarity, reuse_matrix, reuse_pairs, reuse_vectors, similarity_table)

__all__ = [
    "SHINGLE_SIZE", "REUSE_PAIR_COLUMNS", "MOST_ALIKE_COLUMNS", "reuse_vectors", "reuse_matrix", "outlet_similarity",
    "similarity_table", "most_alike", "reuse_pairs",
    "DERIVATION_COLUMNS", "DERIVATION_LABELS", "PARTLY_DERIVED_FROM", "DERIVED_FROM", "SOURCE_KINDS", "containment",
    "derivation", "derivation_label", "OUTLET_DERIVATION_COLUMNS", "outlet_derivation",
    "ALIGN_COLUMNS", "ALIGN_STATUSES", "ALIGN_UNITS", "REWORDED_THRESHOLD", "MOVED_THRESHOLD", "MERGED_CONTAINMENT",
    "describe_edits", "sentence_similarity", "furniture_sentence", "align", "alignment_summary",
    "SMALL_GROUP_WORDS", "SMALL_GROUP_ARTICLES", "log_odds_dirichlet", "distinctive_terms",
    "ELEMENT_COLUMNS", "load_elements", "element_coverage",
    "TIMELINE_COLUMNS", "DESCRIPTION_COLUMNS", "timeline", "describe_articles",
]
