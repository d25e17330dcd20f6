"""The files an analysis reads besides the articles: paths, dictionaries, codebooks, lexicons."""

from analysis.resources.files import (  # noqa: F401
    MISSING, ResourceError, Resources, check_resources, corpus_folder, find_resources, fingerprint,
)
from analysis.resources.paths import CODING_SHEETS_NAME, CORPUS_RESOURCE_NAMES, STORY_ELEMENTS_NAME, TARGETS_NAME

__all__ = ['TARGETS_NAME', 'STORY_ELEMENTS_NAME', 'CODING_SHEETS_NAME', 'CORPUS_RESOURCE_NAMES', 'Resources', 'MISSING', 'ResourceError', 'corpus_folder', 'find_resources', 'check_resources', 'fingerprint']
