"""How much each process remembers of the text it has read.

Wire copy repeats sentences and paragraphs across outlets, so the per-sentence and per-paragraph
steps (scores, tokens, name runs, frame hits, word counts, signatures) remember their results for
the ``CACHE_SIZE`` texts used last. On a corpus where nothing repeats this memory buys nothing,
which is why it is bounded: about 20,000 sentences or paragraphs per step and process.
"""

__all__ = ["CACHE_SIZE"]

CACHE_SIZE = 20_000
