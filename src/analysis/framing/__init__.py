"""Framing: editable codebooks, their hits in every sentence, and frame measures per article and outlet."""

from analysis.framing.core import (  # noqa: F401
    HIT_COLUMNS, DEFAULT_CODEBOOK, DEFAULT_BALANCE, CODEBOOK_KEYS, FRAME_KEYS, QUESTION_KEYS, TERM_CHARACTERS,
    Question, Frame, Codebook, term_pattern, compile_terms, codebook_path, load_codebook, tag_sentences,
    sentence_frames, frame_shares, frame_balance, frame_by_section, frame_by_position, hits_in_context, kwic,
    frame_cooccurrence, frame_sentiment, prefill_questions,
)

__all__ = ['HIT_COLUMNS', 'DEFAULT_CODEBOOK', 'DEFAULT_BALANCE', 'CODEBOOK_KEYS', 'FRAME_KEYS', 'QUESTION_KEYS', 'TERM_CHARACTERS', 'Question', 'Frame', 'Codebook', 'term_pattern', 'compile_terms', 'codebook_path', 'load_codebook', 'tag_sentences', 'sentence_frames', 'frame_shares', 'frame_balance', 'frame_by_section', 'frame_by_position', 'hits_in_context', 'kwic', 'frame_cooccurrence', 'frame_sentiment', 'prefill_questions']
