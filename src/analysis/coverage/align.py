"""What an edit of a story kept, cut, added and reworded: two articles aligned sentence by sentence
(and photo caption by caption), each change named (honorifics, spelling, quote marks, words), with
the tone and frames of both sides.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np
import pandas as pd

from analysis.corpus.text import (HOUSE_STYLE_HONORIFICS, american_spelling, normalised_words, straighten_quotes,
                                  words)
from analysis.corpus.codes import CAPTION_CODES
from analysis.framing import codebook_argument, sentence_frames
from analysis.sentiment import SENTENCE_SCORE_COLUMNS, score_text

__all__ = ["ALIGN_COLUMNS", "REWORDED_THRESHOLD", "MERGED_CONTAINMENT", "describe_edits", "align",
           "alignment_summary"]

# A pair of sentences at least this alike (difflib ratio of their normalised words) is one sentence
# reworded, not one cut and another added.
REWORDED_THRESHOLD = 0.5
# An unmatched sentence whose words stand at least this much in a neighbour's counterpart was merged into it.
MERGED_CONTAINMENT = 0.7

ALIGN_COLUMNS = ["status", "unit", "a_sentence_id", "a_text", "b_sentence_id", "b_text", "similarity",
                 "removed_words", "added_words", "edits"]


def _ratio(first: list[str], second: list[str]) -> float:
    if not first and not second:
        return 1.0
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def _containment(part: list[str], whole: list[str]) -> float:
    if not part:
        return 0.0
    blocks = SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(part)


def describe_edits(before: str, after: str) -> tuple[str, str, str]:
    """Return (removed words, added words, edits) between two versions of a sentence.

    ``edits`` names what changed, e.g. "honorific added: Mr; spelling: apologized → apologised;
    quote marks and apostrophes; words: Tuesday → on Tuesday".
    """
    first, second = words(before), words(after)
    matcher = SequenceMatcher(None, [straighten_quotes(w.casefold()) for w in first],
                              [straighten_quotes(w.casefold()) for w in second], autojunk=False)
    removed, added, edits = [], [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = first[i1:i2], second[j1:j2]
        removed += old
        added += new
        if not old and all(word.casefold() in HOUSE_STYLE_HONORIFICS for word in new):
            edits.append("honorific added: " + " ".join(new))
        elif not new and all(word.casefold() in HOUSE_STYLE_HONORIFICS for word in old):
            edits.append("honorific removed: " + " ".join(old))
        elif len(old) == len(new) and all(american_spelling(a) == american_spelling(b) for a, b in zip(old, new)):
            edits.append("spelling: " + " ".join(old) + " → " + " ".join(new))
        else:
            edits.append("words: " + (" ".join(old) or "(none)") + " → " + (" ".join(new) or "(none)"))
    if _quote_style(before) and _quote_style(after) and _quote_style(before) != _quote_style(after):
        edits.append("quote marks and apostrophes")
    return " ".join(removed), " ".join(added), "; ".join(edits)


def _quote_style(text: str) -> set[str]:
    style = set()
    if set("“”‘’") & set(text):
        style.add("curly")
    if set("\"'") & set(text):
        style.add("straight")
    return style


def _units(corpus, article_id: str, include_captions: bool) -> pd.DataFrame:
    sentences = corpus.sentences[corpus.sentences["article_id"] == article_id]
    units = pd.DataFrame({"unit": "sentence", "sentence_id": sentences["sentence_id"].astype("Int64"),
                          "text": sentences["text"]})
    if include_captions:
        removed = corpus.removed[(corpus.removed["article_id"] == article_id)
                                 & corpus.removed["reason_code"].isin(CAPTION_CODES)]
        removed = removed.drop_duplicates("text")
        captions = pd.DataFrame({"unit": "caption", "sentence_id": pd.array([pd.NA] * len(removed), dtype="Int64"),
                                 "text": removed["text"]})
        units = pd.concat([captions, units], ignore_index=True)
    return units.reset_index(drop=True)


def _monotone_alignment(similarity: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Return the order-keeping pairs that maximise the summed similarity (pairs below threshold excluded)."""
    n, m = similarity.shape
    score = np.zeros((n + 1, m + 1))
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1, j], score[i, j + 1])
            if similarity[i, j] >= threshold:
                best = max(best, similarity[i, j] + score[i + 1, j + 1])
            score[i, j] = best
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if similarity[i, j] >= threshold and np.isclose(score[i, j], similarity[i, j] + score[i + 1, j + 1]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif np.isclose(score[i, j], score[i + 1, j]):
            i += 1
        else:
            j += 1
    return pairs


def _absorbed(own: list[list[str]], other: list[list[str]], pairs: dict[int, int]) -> dict[int, int]:
    """Return {unmatched unit: the other side's unit} for units of ``own`` with no pair of their own
    whose words stand almost whole in the counterpart of a paired neighbour."""
    absorbed = {}
    for index in range(len(own)):
        if index in pairs:
            continue
        for neighbour in (index - 1, index + 1):
            if neighbour in pairs and _containment(own[index], other[pairs[neighbour]]) >= MERGED_CONTAINMENT:
                absorbed[index] = pairs[neighbour]
                break
    return absorbed


def align(corpus, a: str, b: str, *, include_captions: bool = True, sentence_scores: pd.DataFrame | None = None,
          codebook=None, frames=None) -> pd.DataFrame:
    """Return a sentence-by-sentence alignment of article ``b`` against article ``a``.

    Each unit of ``a`` (its sentences, and its photo captions from ``corpus.removed``) is ``kept``
    (the same after normalising case, spelling, quote marks and honorifics), ``reworded`` (matched
    to a sentence of ``b`` with ``similarity`` at least 0.5, or merged into one), or ``cut``; units of
    ``b`` with no counterpart are ``added``. Rows follow the order of both texts.

    Columns: status, unit ("sentence" or "caption"), a_sentence_id, a_text, b_sentence_id, b_text,
    similarity (0..1, of the normalised words), removed_words, added_words, edits (honorifics added,
    spelling changes, quote marks, other words), then the sentiment of each side and its change
    (a_vader, b_vader, vader_change, a_textblob, b_textblob) and the frames of each side (a_frames,
    b_frames, by ``codebook``; ``frames`` is its former name, still accepted), so that every edit's
    effect on tone and frame can be read.
    """
    for article_id in (a, b):
        if article_id not in set(corpus.articles["article_id"]):
            raise KeyError(f"No article '{article_id}' in the corpus; its ids are: {', '.join(corpus.articles['article_id'])}")
    first, second = _units(corpus, a, include_captions), _units(corpus, b, include_captions)
    first_words = [normalised_words(text) for text in first["text"]]
    second_words = [normalised_words(text) for text in second["text"]]
    similarity = np.array([[_ratio(x, y) if first["unit"][i] == second["unit"][j] else 0.0
                            for j, y in enumerate(second_words)] for i, x in enumerate(first_words)]).reshape(
        len(first_words), len(second_words))
    pairs = dict(_monotone_alignment(similarity, REWORDED_THRESHOLD))
    matched_second = set(pairs.values())
    # A sentence that an edit merged into its neighbour's counterpart ("... and described them"),
    # and, the other way round, a sentence of b split off from its neighbour's counterpart in a.
    merged = _absorbed(first_words, second_words, pairs)
    split = _absorbed(second_words, first_words, {j: i for i, j in pairs.items()})

    rows = []
    j_next = 0

    def emit_added(until: int) -> None:
        nonlocal j_next
        while j_next < until:
            if j_next not in matched_second and j_next not in split and j_next not in merged.values():
                rows.append(_row("added", second.loc[j_next, "unit"], None, second.loc[j_next], 0.0))
            elif j_next in split:
                i = split[j_next]
                rows.append(_row("reworded", second.loc[j_next, "unit"], first.loc[i], second.loc[j_next],
                                 _containment(second_words[j_next], first_words[i]),
                                 ("", "", "split from one sentence")))
            j_next += 1

    for i in range(len(first_words)):
        target = pairs.get(i, merged.get(i))
        if target is not None:
            emit_added(target)
        if i in pairs:
            j = pairs[i]
            same = first_words[i] == second_words[j]
            rows.append(_row("kept" if same else "reworded", first.loc[i, "unit"], first.loc[i], second.loc[j],
                             float(similarity[i, j]), describe_edits(first.loc[i, "text"], second.loc[j, "text"])))
            j_next = max(j_next, j + 1)
        elif i in merged:
            j = merged[i]
            rows.append(_row("reworded", first.loc[i, "unit"], first.loc[i], second.loc[j],
                             _containment(first_words[i], second_words[j]),
                             ("", "", "merged into one sentence with its neighbour")))
        else:
            rows.append(_row("cut", first.loc[i, "unit"], first.loc[i], None, 0.0))
    emit_added(len(second_words))
    table = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    for column in ("a_sentence_id", "b_sentence_id"):
        table[column] = table[column].astype("Int64")
    return _annotate(table, corpus, a, b, sentence_scores, codebook_argument(codebook, frames, "align"))


def _row(status: str, unit: str, first_unit, second_unit, similarity: float,
         edits: tuple[str, str, str] = ("", "", "")) -> dict:
    removed, added, described = edits
    return {"status": status, "unit": unit,
            "a_sentence_id": None if first_unit is None else first_unit["sentence_id"],
            "a_text": "" if first_unit is None else first_unit["text"],
            "b_sentence_id": None if second_unit is None else second_unit["sentence_id"],
            "b_text": "" if second_unit is None else second_unit["text"],
            "similarity": round(float(similarity), 3), "removed_words": removed, "added_words": added,
            "edits": described}


def _annotate(table, corpus, a, b, sentence_scores, codebook) -> pd.DataFrame:
    if sentence_scores is None:
        subset = corpus.sentences[corpus.sentences["article_id"].isin([a, b])]
        scored = pd.DataFrame([score_text(text) for text in subset["text"]], columns=SENTENCE_SCORE_COLUMNS)
        sentence_scores = pd.concat([subset.reset_index(drop=True), scored], axis=1)
    scores = sentence_scores.set_index(["article_id", "sentence_id"])
    flags = sentence_frames(corpus.subset([a, b]), codebook).set_index(["article_id", "sentence_id"])
    frame_names = list(flags.columns)

    def lookup(article_id, sentence_ids, column):
        return [scores.at[(article_id, int(s)), column] if pd.notna(s) else np.nan for s in sentence_ids]

    def frames_of(article_id, sentence_ids):
        return [", ".join(name for name in frame_names if flags.at[(article_id, int(s)), name]) if pd.notna(s) else ""
                for s in sentence_ids]

    table["a_vader"] = lookup(a, table["a_sentence_id"], "vader_compound")
    table["b_vader"] = lookup(b, table["b_sentence_id"], "vader_compound")
    table["vader_change"] = table["b_vader"] - table["a_vader"]
    table["a_textblob"] = lookup(a, table["a_sentence_id"], "textblob_polarity")
    table["b_textblob"] = lookup(b, table["b_sentence_id"], "textblob_polarity")
    table["a_frames"] = frames_of(a, table["a_sentence_id"])
    table["b_frames"] = frames_of(b, table["b_sentence_id"])
    return table


def alignment_summary(alignment: pd.DataFrame) -> pd.DataFrame:
    """Return what an alignment found, one row per kind of change: the units kept, reworded, cut and
    added (sentences and captions apart), and the honorifics added, spelling and quote-mark changes."""
    rows = [{"change": f"{status} {unit}s", "count": int(((alignment["status"] == status)
                                                            & (alignment["unit"] == unit)).sum())}
            for unit in ("sentence", "caption") for status in ("kept", "reworded", "cut", "added")]
    edits = alignment["edits"].fillna("")
    rows += [
        {"change": "honorifics added", "count": int(edits.str.count(r"honorific added").sum())},
        {"change": "spelling changes", "count": int(edits.str.count(r"spelling:").sum())},
        {"change": "quote marks changed", "count": int(edits.str.count(r"quote marks").sum())},
    ]
    return pd.DataFrame(rows)
