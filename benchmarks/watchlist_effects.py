"""Which watch-list words earn their place: each word's measured effect on NewsMTSC.

For each ``misleading`` word of ``data/sentiment_watchlist.yml``, and for candidate words, this
scores the NewsMTSC sentences that contain the word with VADER and TextBlob as they are and with
the word neutralised exactly as ``analysis.sentiment.neutralised_scores`` does (VADER: the word
taken out of a copy of its lexicon; TextBlob: the assessments whose word it is left out), and
compares both with the human label (the primary target's polarity, one per sentence, as
``news_sentiment.py``'s per-sentence figures). VADER's compound and TextBlob's polarity are mapped
to three classes by ``news_sentiment.vader_classes`` / ``textblob_classes``.

Per word and per part (development / held-out, the split of ``news_sentiment.py``): the number of
sentences containing it; for each lexicon, the macro-F1 on those sentences without and with the word
neutralised, and how many sentences' class moved toward the human label (closer on
negative < neutral < positive) and how many away. A word's *effect* is toward minus away, both
lexicons together. Candidates are the single words of VADER's and TextBlob's lexicons that occur in
at least ``MIN_DEV_SENTENCES`` development sentences, ranked by their development effect; one passes
when that is at least ``MIN_DEV_EFFECT`` (positive by more than a sentence or two, as hundreds of
words are tried) and its held-out effect is not negative. Whether a word that passes is a generic
news term (describes rather than judges) is a judgement made by reading the list, not here. A
shipped entry in fewer than ``RARE`` NewsMTSC sentences is too rare to measure; one is kept when its
effect is negative on neither part and positive on at least one. Last, the all-sentence macro-F1 of
both lexicons with no list, the list before issue 20 and the shipped list.

    python benchmarks/watchlist_effects.py                 # the tables
    python benchmarks/watchlist_effects.py --json          # the same as one JSON object
    python benchmarks/watchlist_effects.py --watchlist F   # measure another watch-list file

Deterministic and offline. Skips with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_sentiment import NEWSMTSC, read_newsmtsc, textblob_classes, vader_classes  # noqa: E402

from analysis.corpus.text import words  # noqa: E402
from analysis.resources.dictionaries import load_watchlist  # noqa: E402
from analysis.resources.lexicons import known_words, prepare_for_vader  # noqa: E402
from analysis.sentiment._article_scores import textblob_sentiment  # noqa: E402
from analysis.sentiment.watchlist import _compounds  # noqa: E402  (the package's own neutralising)

MIN_DEV_SENTENCES = 15  # a candidate occurs in at least this many development sentences
MIN_DEV_EFFECT = 3  # a candidate's development effect (toward - away) must reach this to pass
RARE = 5  # an entry in fewer NewsMTSC sentences than this (both parts) is too rare to measure
PARTS = ("dev", "held_out")
SCORERS = ("vader", "textblob")
# The misleading words before issue 20, for the whole-list before/after figures.
PREVIOUS = ("defector", "defectors", "defected", "critic", "critics", "protest", "protesters", "hand", "like",
            "well", "dignitaries", "cheerleaders", "own", "behind", "many", "main", "disabled", "mental",
            "remote", "justice", "supreme")


def read_sentences(path: Path = NEWSMTSC) -> list[dict]:
    """Return one row per line of NewsMTSC: text, label (its primary target's), held_out, and its
    words as the package finds watch-list words (casefolded, quote marks straightened)."""
    return [sentence_row(record["text"], record["label"], record["held_out"])
            for record in read_newsmtsc(path) if record["primary"]]


def sentence_row(text: str, label: int, held_out: bool) -> dict:
    """Return one sentence's row (label 0 negative, 1 neutral, 2 positive)."""
    return {"text": text, "label": label, "held_out": held_out,
            "words": frozenset(word.casefold() for word in words(prepare_for_vader(text)))}


def scores(texts: list[str], neutral: set[str] | frozenset[str]) -> dict[str, np.ndarray]:
    """Return each text's VADER and TextBlob classes as they are and with the words ``neutral``
    neutralised, by the package's own functions (a text without letters: 0, neutral)."""
    neutral = set(neutral)
    compounds = [pair or (0.0, 0.0) for pair in _compounds(texts, neutral)]
    textblob = textblob_sentiment(texts, excluded=neutral)
    return {"vader": vader_classes(np.array([pair[0] for pair in compounds])),
            "vader_neutralised": vader_classes(np.array([pair[1] for pair in compounds])),
            "textblob": textblob_classes(np.array([score.polarity for score in textblob])),
            "textblob_neutralised": textblob_classes(np.array([score.polarity_kept for score in textblob]))}


def macro_f1(labels: np.ndarray, predicted: np.ndarray) -> float:
    """Macro-F1 over the classes in the labels or the predictions (0.0 for an empty set)."""
    return float(f1_score(labels, predicted, average="macro", zero_division=0)) if len(labels) else 0.0


def change(labels: np.ndarray, before: np.ndarray, after: np.ndarray) -> dict:
    """Return macro-F1 before and after, its change, and how many classes moved toward / away from the label."""
    closer = np.abs(before - labels) - np.abs(after - labels)
    f1_before, f1_after = macro_f1(labels, before), macro_f1(labels, after)
    return {"f1_before": round(f1_before, 4), "f1_after": round(f1_after, 4),
            "f1_change": round(f1_after - f1_before, 4),
            "toward": int((closer > 0).sum()), "away": int((closer < 0).sum())}


def measure_words(rows: list[dict], neutral: set[str] | frozenset[str], parts=PARTS) -> dict:
    """Return, per part, the number of sentences containing any of the words and, for each lexicon,
    ``change`` on them with the words neutralised, and the effect (toward - away, both lexicons)."""
    figures = {}
    for part in parts:
        touched = [row for row in rows if row["held_out"] == (part == "held_out") and row["words"] & neutral]
        labels = np.array([row["label"] for row in touched], dtype=int)
        classes = scores([row["text"] for row in touched], neutral) if touched else None
        each: dict = {"n": len(touched)}
        for scorer in SCORERS:
            each[scorer] = (change(labels, classes[scorer], classes[f"{scorer}_neutralised"]) if touched
                            else change(labels, labels, labels))
        each["effect"] = sum(each[scorer]["toward"] - each[scorer]["away"] for scorer in SCORERS)
        figures[part] = each
    return figures


def candidates(rows: list[dict], exclude: set[str]) -> list[dict]:
    """Return the lexicon words in at least ``MIN_DEV_SENTENCES`` development sentences (not in
    ``exclude``), each measured, best development effect first, and whether each passed."""
    textblob_words, vader_words = known_words()
    lexicon = {word for word in textblob_words | vader_words if words(word) == [word] and not word.isdigit()}
    dev_counts: dict[str, int] = {}
    for row in rows:
        if not row["held_out"]:
            for word in row["words"] & lexicon:
                dev_counts[word] = dev_counts.get(word, 0) + 1
    found = []
    common = sorted(word for word, count in dev_counts.items() if count >= MIN_DEV_SENTENCES and word not in exclude)
    for word in common:
        figures = measure_words(rows, {word})
        if figures["dev"]["effect"] >= MIN_DEV_EFFECT:
            found.append({"word": word, **figures, "passed": figures["held_out"]["effect"] >= 0})
    return sorted(found, key=lambda each: (-each["dev"]["effect"], -each["held_out"]["effect"], each["word"]))


def whole_list(rows: list[dict], lists: dict[str, set[str]]) -> dict:
    """Return each list's all-sentence macro-F1 of VADER and TextBlob, per part (neutralising nothing
    for "none")."""
    figures = {}
    for part in PARTS:
        chosen = [row for row in rows if row["held_out"] == (part == "held_out")]
        labels = np.array([row["label"] for row in chosen], dtype=int)
        texts = [row["text"] for row in chosen]
        figures[part] = {"n": len(chosen)}
        for name, neutral in lists.items():
            classes = scores(texts, neutral)
            figures[part][name] = {scorer: round(macro_f1(labels, classes[f"{scorer}_neutralised"]), 4)
                                   for scorer in SCORERS}
    return figures


def status(figures: dict) -> str:
    """Return what the figures say of a shipped entry: "too rare", "kept", "not supported" or
    "negative on both parts"."""
    dev, held_out = figures["dev"], figures["held_out"]
    if dev["n"] + held_out["n"] < RARE:
        return "too rare"
    if dev["effect"] < 0 and held_out["effect"] < 0:
        return "negative on both parts"
    return "kept" if min(dev["effect"], held_out["effect"]) >= 0 < max(dev["effect"], held_out["effect"]) \
        else "not supported"


def measure(path: Path = NEWSMTSC, watchlist: Path | None = None) -> dict:
    """Return the figures: the shipped entries, the candidates, and the whole list's effect."""
    rows = read_sentences(path)
    shipped = load_watchlist(watchlist)["misleading"]
    entries = []
    for word in shipped:
        figures = measure_words(rows, {word})
        entries.append({"word": word, **figures, "status": status(figures)})
    kept = {entry["word"] for entry in entries if entry["status"] == "kept"}
    return {"sentences": {part: sum(row["held_out"] == (part == "held_out") for row in rows) for part in PARTS},
            "entries": entries, "candidates": candidates(rows, set(shipped)),
            "kept_together": measure_words(rows, kept),
            "whole_list": whole_list(rows, {"none": set(), "previous": set(PREVIOUS), "shipped": set(shipped)})}


def _row(word: str, figures: dict, note: str) -> str:
    cells = [f"{word:<14}"]
    for part in PARTS:
        each = figures[part]
        cells.append(f"{each['n']:>4}")
        cells += [f"{each[s]['toward']:>3}/{each[s]['away']:<3} {each[s]['f1_change']:+.2f}" for s in SCORERS]
        cells.append(f"{each['effect']:+4d}")
    return " ".join(cells) + f"  {note}"


def table(figures: dict) -> str:
    """Return the figures as plain-text tables."""
    head = f"{'word':<14} " + " ".join(f"{part + ' n':>4} {'VADER +/- dF1':<14} {'TextBlob +/- dF1':<14} {'eff':>4}"
                                       for part in ("dev", "held")) + "  note"
    counts = figures["sentences"]
    lines = [f"NewsMTSC sentences: {counts['dev']} development, {counts['held_out']} held out.",
             "+/-: sentences whose class moved toward / away from the human label when the word is neutralised; "
             "dF1: macro-F1 change on the sentences containing it; eff: toward - away, both lexicons.", "",
             "Shipped misleading entries:", head]
    for entry in figures["entries"]:
        lines.append(_row(entry["word"], entry, entry["status"]))
    lines.append(_row("(all kept)", figures["kept_together"], "the kept entries together"))
    lines += ["", f"Candidates (lexicon words in >= {MIN_DEV_SENTENCES} development sentences, not on the list) "
              f"whose development effect is at least +{MIN_DEV_EFFECT}:", head]
    for entry in figures["candidates"]:
        lines.append(_row(entry["word"], entry, "passed: held-out effect not negative" if entry["passed"]
                          else "failed: held-out effect negative"))
    lines += ["", "Whole list, macro-F1 on all sentences (one label per sentence):",
              f"{'part':<9} {'n':>5} " + " ".join(f"{name + ' ' + s:>17}" for name in ("none", "previous", "shipped")
                                                   for s in SCORERS)]
    for part in PARTS:
        each = figures["whole_list"][part]
        lines.append(f"{part:<9} {each['n']:>5} " + " ".join(
            f"{each[name][s]:>17.4f}" for name in ("none", "previous", "shipped") for s in SCORERS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--watchlist", type=Path, default=None, help="a watch-list file (default: the shipped one)")
    parser.add_argument("--data", type=Path, default=NEWSMTSC, help="NewsMTSC's train.jsonl")
    arguments = parser.parse_args(argv)
    if not arguments.data.is_file():
        print(f"skipped: {arguments.data} not found (NewsMTSC lives in ../shared/benchmarks/newsmtsc-train)")
        return 0
    started = time.perf_counter()
    figures = measure(arguments.data, arguments.watchlist)
    if arguments.json:
        print(json.dumps(figures, indent=1))
    else:
        print(table(figures))
        print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
