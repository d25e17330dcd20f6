"""Framing: editable codebooks, their hits in every sentence, and frame measures per article and outlet.

``codebook`` (the YAML dictionaries, checked, and their terms as patterns) -> ``tagging`` (hits,
sentence flags, kwic) -> ``measures`` (shares, balance, sections, positions, co-occurrence,
sentiment), ``questions`` (pre-filled generic-frame questions for coders) and ``presence`` (whether
each article has a frame: a calibrated threshold on the dictionary's score, or classifiers learned
from hand-coded articles).
"""

from analysis.framing.codebook import (
    CODEBOOK_KEYS, DEFAULT_CODEBOOK, FRAME_KEYS, QUESTION_KEYS, TERM_CHARACTERS, Codebook, Frame, Question,
    codebook_argument, codebook_path, compile_terms, load_codebook, term_pattern,
)
from analysis.framing.measures import (
    DEFAULT_BALANCE, SECTION_COLUMNS, frame_balance, frame_by_position, frame_by_section, frame_cooccurrence,
    frame_sentiment, frame_shares,
)
from analysis.framing.presence import (
    CALIBRATED_THRESHOLDS, LearnedFrames, calibrate_presence, frame_codes, frame_presence, frame_scores, learn_frames,
    presence_features,
)
from analysis.framing.questions import prefill_questions
from analysis.framing.tagging import HIT_COLUMNS, KWIC_COLUMNS, hits_in_context, kwic, sentence_frames, tag_sentences

__all__ = ["HIT_COLUMNS", "KWIC_COLUMNS", "SECTION_COLUMNS", "DEFAULT_CODEBOOK", "DEFAULT_BALANCE", "CODEBOOK_KEYS",
           "FRAME_KEYS", "QUESTION_KEYS", "TERM_CHARACTERS", "Question", "Frame", "Codebook", "term_pattern",
           "compile_terms", "codebook_argument", "codebook_path", "load_codebook", "tag_sentences", "sentence_frames", "frame_shares",
           "frame_balance", "frame_by_section", "frame_by_position", "hits_in_context", "kwic", "frame_cooccurrence",
           "frame_sentiment", "prefill_questions", "CALIBRATED_THRESHOLDS", "LearnedFrames", "presence_features",
           "frame_scores", "frame_presence", "calibrate_presence", "frame_codes", "learn_frames"]
