"""Tone by voice: the journalist's own words (narration) and quoted speech, scored apart."""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus.text import LETTER, words
from analysis.quotes.spans import Cuts
from analysis.quotes.table import extract_quotes, spoken_quotes
from analysis.sentiment.scores import score_texts

__all__ = ["VOICE_COLUMNS", "score_voices", "sentiment_by_voice"]

VOICE_COLUMNS = ["article_id", "sentence_id", "voice", "speaker", "text"]  # then n_words and the scores


def score_voices(corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per piece of text in one voice: each quote, and each sentence's own words.

    A stretch in quote marks of the kinds ``NOT_SPOKEN_KINDS`` (a term, a title, a slogan or a
    nickname: "Meet the Press", "so-called 'reforms'") is nobody's speech: it stays in the sentence's
    narration, as the journalist's words, as ``sources_by_outlet`` counts it.
    Columns: article_id, sentence_id, voice ("quoted" or "narration"), speaker (empty for
    narration), text (for narration, the sentence with its quotes taken out), n_words, then the
    scores of ``score_text``.
    """
    if quotes is None:
        quotes = extract_quotes(corpus)
    quotes = spoken_quotes(quotes)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    pieces = []
    stretches: dict[str, list[tuple[int, int]]] = {}
    for quote in quotes.itertuples(index=False):
        pieces.append((quote.article_id, quote.sentence_id, "quoted", quote.speaker, quote.quote))
        stretches.setdefault(quote.article_id, []).append((quote.start - 1, quote.end + 1))  # with the marks
    # Each sentence looks only at the quoted stretches that can overlap it (linear in a long article).
    cuts = {article: Cuts(pairs) for article, pairs in stretches.items()}
    no_cuts = Cuts([])
    for sentence in corpus.sentences.itertuples(index=False):
        text = texts[sentence.article_id]
        kept, cursor = [], sentence.start
        for start, end in cuts.get(sentence.article_id, no_cuts).touching(sentence.start, sentence.end):
            if end <= cursor or start >= sentence.end:
                continue
            kept.append(text[cursor:max(cursor, start)])
            cursor = max(cursor, end)
        kept.append(text[cursor:sentence.end])
        narration = re.sub(r"\s+", " ", " ".join(kept)).strip()
        if LETTER.search(narration):
            pieces.append((sentence.article_id, sentence.sentence_id, "narration", "", narration))
    table = pd.DataFrame(pieces, columns=VOICE_COLUMNS)
    table["n_words"] = [len(words(text)) for text in table["text"]]
    return pd.concat([table, score_texts(table["text"])], axis=1)


def sentiment_by_voice(corpus, quotes: pd.DataFrame | None = None, *, by: str = "outlet",
                       voices: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return mean scores of the journalist's narration and of quoted speech, per ``by`` group.

    Columns: ``by``, voice, n_pieces, n_words, textblob_polarity, vader_compound (means over the
    pieces of ``score_voices``; pass ``voices``, as ``analyse`` keeps it, not to score them again).
    """
    groups = corpus.articles[list(dict.fromkeys(["article_id", by]))]  # article_id once, even when by is it
    voices = (score_voices(corpus, quotes) if voices is None else voices).merge(groups, on="article_id")
    return (voices.groupby([by, "voice"], sort=False)
            .agg(n_pieces=("text", "size"), n_words=("n_words", "sum"),
                 textblob_polarity=("textblob_polarity", "mean"), vader_compound=("vader_compound", "mean"))
            .reset_index())
