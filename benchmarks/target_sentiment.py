"""Sentiment toward a target rather than the whole sentence, measured on NewsMTSC (issue 20).

NewsMTSC (``../shared/benchmarks/newsmtsc-train/train.jsonl``; Hamborg and Donnay, EACL 2021)
gives each political news sentence one to three target mentions and the polarity people gave the
sentence towards each. The split is ``benchmarks/news_sentiment.py``'s: one sentence in five, by
the SHA-1 of its text, is held out. Every setting here (the window's size, the neutral bands of
the "tuned" table) is chosen on the other four in five, the development part; the figures are
those of the held-out part.

    python benchmarks/target_sentiment.py          # the tables
    python benchmarks/target_sentiment.py --json   # the same as one JSON object

Readings, per (sentence, target): TextBlob and VADER of (a) the whole sentence, (b) the clause
holding the mention (``sentiment.targets.clause_span``), (c) the mention and N words either side
(``window_span``; N chosen on the development part); the news model given the sentence and the
mention's span, the sentence alone, and the clause with the span. VADER's compound is mapped to
three classes by its authors' thresholds, TextBlob's polarity by its sign (``vader_classes``,
``textblob_classes`` of news_sentiment.py); the "tuned" table instead gives each lexicon reading the
neutral band |score| <= b with b chosen on the development part. Macro-F1 over three classes with
95% intervals from 2,000 bootstrap resamples of sentences (a sentence's targets together), and
paired intervals of the differences to the whole sentence. Rows: every target; the targets of
sentences whose targets differ in polarity (where reading around the mention should help most);
the targets mentioned by a pronoun.

Pronouns: the share of NewsMTSC's target mentions that are pronouns, and how many of those the
package's resolution (``sentiment.targets.article_mentions``) refers to the right target. NewsMTSC
has no articles, only sentences; a sentence's ``Input.gid`` names its article, its sentence number
and the target's name, so the sentence before is known when the file holds it too (few do). Each
article's targets are the names its gids give, with their last word and the names by which the
file mentions them as aliases (what a corpus's ``targets.yml`` would list). A pronoun is right when
it is referred to the target the gid names; where the target is not named before the pronoun in
the sentence (or the one before, when the file has it) no resolution can find it, and the table
says how often that is.

Skips with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_sentiment import (HELD_OUT_ONE_IN, NEWSMTSC, _resampled, read_newsmtsc,  # noqa: E402
                            textblob_classes, vader_classes)

from analysis.sentiment.learned import news_sentiment  # noqa: E402
from analysis.sentiment.scores import score_texts  # noqa: E402
from analysis.sentiment.targets import (PRONOUN_KINDS, article_mentions, clause_span,  # noqa: E402
                                        window_span)

WINDOWS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15)  # the window sizes tried on the development part
BANDS = tuple(round(band, 2) for band in np.arange(0.0, 0.41, 0.02))  # neutral bands tried (tuned table)
LEXICONS = {"vader": ("vader_compound", vader_classes), "textblob": ("textblob_polarity", textblob_classes)}
UNITS = ("per_target", "different_polarity", "pronoun_mentions")
# Pronouns NewsMTSC gives as target mentions that the package does not resolve ("they", "we").
OTHER_PRONOUNS = frozenset("they them their theirs themselves we us our i me my you your".split())
ALL_PRONOUNS = OTHER_PRONOUNS | set(PRONOUN_KINDS)


# --- sentiment readings -----------------------------------------------------------------------


def macro_f1(labels: np.ndarray, predicted: np.ndarray) -> float:
    """Return the macro-F1 over the classes present in either array (as sklearn's ``f1_score``)."""
    confusion = np.bincount(labels * 3 + predicted, minlength=9).reshape(3, 3)
    true_positive = np.diag(confusion).astype(float)
    gold, guessed = confusion.sum(axis=1), confusion.sum(axis=0)
    present = (gold + guessed) > 0
    f1 = np.divide(2 * true_positive, gold + guessed, out=np.zeros(3), where=present)
    return float(f1[present].mean())


def banded(scores: np.ndarray, band: float) -> np.ndarray:
    """Return scores mapped to 0 negative, 1 neutral, 2 positive with |score| <= band neutral."""
    return np.where(scores > band, 2, np.where(scores < -band, 0, 1))


def reading_texts(records: list[dict], window: int) -> dict[str, list[str]]:
    """Return the text each lexicon reading scores for each record: sentence, clause, window."""
    texts = [record["text"] for record in records]
    spans = [record["span"] for record in records]
    return {"sentence": texts,
            "clause": [text[slice(*clause_span(text, *span))] for text, span in zip(texts, spans)],
            "window": [text[slice(*window_span(text, *span, window))] for text, span in zip(texts, spans)]}


def lexicon_scores(texts: list[str]) -> dict[str, np.ndarray]:
    """Return VADER's compound and TextBlob's polarity of each text (0 for a text without letters)."""
    scores = score_texts(texts)
    return {name: scores[column].fillna(0).to_numpy() for name, (column, _) in LEXICONS.items()}


def choose_window(development: list[dict]) -> tuple[int, dict]:
    """Return the window size with the best mean macro-F1 of VADER and TextBlob on the development
    part, and each size's figures (ties: the smaller window)."""
    labels = np.array([record["label"] for record in development])
    figures = {}
    for size in WINDOWS:
        scores = lexicon_scores(reading_texts(development, size)["window"])
        figures[size] = {name: round(macro_f1(labels, classes(scores[name])), 4)
                         for name, (_, classes) in LEXICONS.items()}
    best = max(WINDOWS, key=lambda size: (np.mean(list(figures[size].values())), -size))
    return best, figures


def model_predictions(records: list[dict], clauses: list[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Return the news model's (classes, score) told the target, not told it, and on the clause."""
    texts = [record["text"] for record in records]
    spans = [record["span"] for record in records]
    clause_starts = [text.find(clause) if clause else 0 for text, clause in zip(texts, clauses)]
    in_clause = [(start - offset, end - offset) if clause else None
                 for (start, end), offset, clause in zip(spans, clause_starts, clauses)]
    found = {"model_told_target": news_sentiment(texts, spans),
             "model_sentence_only": news_sentiment(texts, None),
             "model_on_clause": news_sentiment(clauses, in_clause)}
    classes = {"negative": 0, "neutral": 1, "positive": 2, "": 1}
    return {name: (table["news_label"].map(classes).to_numpy(), table["news_score"].fillna(0).to_numpy())
            for name, table in found.items()}


def lexicon_readings(records: list[dict], window: int) -> dict[str, np.ndarray]:
    """Return each lexicon reading's continuous score: ``<lexicon>_<sentence|clause|window>``."""
    readings = {}
    for text_kind, texts in reading_texts(records, window).items():
        for lexicon, scores in lexicon_scores(texts).items():
            readings[f"{lexicon}_{text_kind}"] = scores
    return readings


def published_classes(readings: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Return each lexicon reading mapped to classes by the published thresholds."""
    return {name: LEXICONS[name.split("_")[0]][1](scores) for name, scores in readings.items()}


def units(records: list[dict]) -> dict[str, np.ndarray]:
    """Return the rows of each unit: every target; those of sentences whose targets differ in
    polarity; those mentioned by a pronoun."""
    by_line = defaultdict(set)
    for record in records:
        by_line[record["line"]].add(record["label"])
    return {"per_target": np.ones(len(records), dtype=bool),
            "different_polarity": np.array([len(by_line[record["line"]]) > 1 for record in records]),
            "pronoun_mentions": np.array([record["text"][slice(*record["span"])].casefold() in PRONOUN_KINDS
                                          for record in records])}


def figures_of(labels: np.ndarray, classes: dict[str, np.ndarray], groups: np.ndarray) -> dict:
    """Return per unit-row selection: each reading's macro-F1 and interval, and the paired
    intervals of the clause and window readings minus the sentence's."""
    figures = {}
    for name, predicted in classes.items():
        figures[name] = {"macro_f1": round(macro_f1(labels, predicted), 4),
                         "interval": _resampled(groups, lambda rows, p=predicted: macro_f1(labels[rows], p[rows]))}
    for lexicon in LEXICONS:
        for text_kind in ("clause", "window"):
            first, second = classes[f"{lexicon}_{text_kind}"], classes[f"{lexicon}_sentence"]
            figures[f"{lexicon}_{text_kind}_minus_sentence"] = {
                "difference": round(macro_f1(labels, first) - macro_f1(labels, second), 4),
                "interval": _resampled(groups, lambda rows, a=first, b=second:
                                       macro_f1(labels[rows], a[rows]) - macro_f1(labels[rows], b[rows]))}
    figures["model_told_minus_vader_window"] = {
        "difference": round(macro_f1(labels, classes["model_told_target"]) - macro_f1(labels, classes["vader_window"]), 4)}
    figures["rows"] = int(len(labels))
    figures["sentences"] = int(len(set(groups)))
    return figures


def choose_bands(development: list[dict], window: int) -> dict[str, float]:
    """Return, for each lexicon reading, the neutral band with the best macro-F1 on the development part."""
    labels = np.array([record["label"] for record in development])
    readings = lexicon_readings(development, window)
    return {name: max(BANDS, key=lambda band: (macro_f1(labels, banded(scores, band)), -band))
            for name, scores in readings.items()}


def measure_sentiment(records: list[dict]) -> dict:
    """Return the dev-chosen settings and the held-out figures of every reading, per unit."""
    development = [record for record in records if not record["held_out"]]
    held = [record for record in records if record["held_out"]]
    window, window_figures = choose_window(development)
    bands = choose_bands(development, window)
    labels = np.array([record["label"] for record in held])
    groups = np.array([record["text"] for record in held], dtype=object)
    readings = lexicon_readings(held, window)
    clauses = reading_texts(held, window)["clause"]
    models = model_predictions(held, clauses)
    published = {**published_classes(readings), **{name: classes for name, (classes, _) in models.items()}}
    tuned = {name: banded(scores, bands[name]) for name, scores in readings.items()}
    result = {"window": window, "window_development": window_figures, "bands": bands, "held_out": {}, "tuned": {}}
    for unit, rows in units(held).items():
        result["held_out"][unit] = figures_of(labels[rows], {name: each[rows] for name, each in published.items()},
                                              groups[rows])
        result["tuned"][unit] = {name: {"macro_f1": round(macro_f1(labels[rows], each[rows]), 4)}
                                 for name, each in tuned.items()}
    result["vader_sentence_by_sklearn"] = round(float(f1_score(labels, published["vader_sentence"], average="macro")), 4)
    return result


# --- pronouns ---------------------------------------------------------------------------------


def read_mentions(path: Path = NEWSMTSC) -> list[dict]:
    """Return one record per NewsMTSC target: article, sentence number, text, the target's name
    (from its gid), mention, span and whether its sentence is held out."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["sentence_normalized"]
            held_out = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % HELD_OUT_ONE_IN == 0
            for target in row["targets"]:
                article, number, name = _gid_parts(target["Input.gid"])
                records.append({"article": article, "number": number, "text": text, "name": name,
                                "mention": target["mention"], "span": (target["from"], target["to"]),
                                "held_out": held_out})
    return records


def _gid_parts(gid: str) -> tuple[str, str, str]:
    """Return (article, sentence number, target name) of a NewsMTSC gid: "allsides_<story>_<article>_
    <sentence>_<name>_<from>_<to>" or "polusa_v1_<article>_-1_<sentence>_<name>_<from>_<to>"."""
    parts = gid.split("_")
    at = 4 if parts[0] == "polusa" else 3
    name = " ".join("_".join(parts[at + 1:-2]).lstrip(" —–-’'\"“”").split())
    return "_".join(parts[:3]), parts[at], name


def article_targets(records: list[dict]) -> dict[str, dict[str, list[str]]]:
    """Return each article's targets ``{name: [name, its last word, the file's other mentions of it]}``,
    pronouns left out."""
    targets: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for record in records:
        if not record["name"]:
            continue
        aliases = targets[record["article"]].setdefault(record["name"], [record["name"], record["name"].split()[-1]])
        if record["mention"].casefold() not in ALL_PRONOUNS and record["mention"] not in aliases:
            aliases.append(record["mention"])
    return targets


def resolve_one(record: dict, previous: str | None, targets: dict[str, list[str]], **settings) -> tuple[str, bool]:
    """Return (the target the package refers the record's pronoun to, "" for none; whether the gold
    target is named before the pronoun in the context at all)."""
    texts = ([previous] if previous is not None else []) + [record["text"]]
    mentions = article_mentions(texts, targets, **settings)
    start = record["span"][0]
    referred = next((target for target, at, _, how in mentions[-1] if at == start and how == "pronoun"), "")
    named_before = [target for each in mentions[:-1] for target, _, _, how in each if how == "name"]
    named_before += [target for target, at, _, how in mentions[-1] if how == "name" and at < start]
    return referred, any(same_person(record["name"], target) for target in named_before)


def same_person(gold: str, found: str) -> bool:
    """True when two names of a target end with the same word ("Scott Walker", "Mr. Walker"): the
    gids of one article spell one person's name in several ways."""
    return bool(gold and found) and gold.split()[-1].casefold() == found.split()[-1].casefold()


def measure_pronouns(records: list[dict], **settings) -> dict:
    """Return the pronoun figures: shares of mentions, and the resolution's right, wrong and none,
    per part (development, held-out), within the sentence and with the sentence before."""
    sentences = {(record["article"], record["number"]): record["text"] for record in records}
    targets = article_targets(records)
    result = {"mentions": len(records),
              "pronoun_mentions": sum(r["mention"].casefold() in ALL_PRONOUNS for r in records),
              "resolved_kinds": sum(r["mention"].casefold() in PRONOUN_KINDS for r in records)}
    for part, held in (("development", False), ("held_out", True)):
        counts: dict[str, dict[str, int]] = {}
        for record in records:
            if record["held_out"] != held or record["mention"].casefold() not in PRONOUN_KINDS or not record["name"]:
                continue
            previous = sentences.get((record["article"], str(int(record["number"]) - 1))) \
                if record["number"].isdigit() else None
            for context in ("sentence", "with_previous") if previous is not None else ("sentence",):
                referred, reachable = resolve_one(record, previous if context == "with_previous" else None,
                                                  targets[record["article"]], **settings)
                each = counts.setdefault(context, {"pronouns": 0, "reachable": 0, "right": 0, "wrong": 0, "none": 0})
                each["pronouns"] += 1
                each["reachable"] += reachable
                each["none" if not referred else "right" if same_person(record["name"], referred) else "wrong"] += 1
        result[part] = counts
    return result


# --- output -----------------------------------------------------------------------------------


NAMES = {"vader_sentence": "VADER, whole sentence", "vader_clause": "VADER, clause", "vader_window": "VADER, window",
         "textblob_sentence": "TextBlob, whole sentence", "textblob_clause": "TextBlob, clause",
         "textblob_window": "TextBlob, window", "model_told_target": "news model told the target",
         "model_sentence_only": "news model, sentence only", "model_on_clause": "news model on the clause"}


def table(result: dict) -> str:
    """Return the figures as plain-text tables."""
    sentiment, pronouns = result["sentiment"], result["pronouns"]
    lines = [f"window: {sentiment['window']} words either side (chosen on the development part)", ""]
    header = f"{'reading':<30}" + "".join(f"{unit:>28}" for unit in UNITS)
    lines.append("Held-out macro-F1 (95% interval), published thresholds")
    lines.append(header)
    held_out = sentiment["held_out"]
    counts = [f"{held_out[unit]['rows']} ({held_out[unit]['sentences']})" for unit in UNITS]
    lines.append(f"{'rows (sentences)':<30}" + "".join(f"{cell:>28}" for cell in counts))
    for name, label in NAMES.items():
        cells = []
        for unit in UNITS:
            each = held_out[unit][name]
            cells.append(f"{each['macro_f1']:.3f} ({each['interval'][0]:.3f}-{each['interval'][1]:.3f})")
        lines.append(f"{label:<30}" + "".join(f"{cell:>28}" for cell in cells))
    lines.append("")
    lines.append("Differences to the whole sentence (paired 95% interval)")
    for lexicon in LEXICONS:
        for text_kind in ("clause", "window"):
            key = f"{lexicon}_{text_kind}_minus_sentence"
            cells = [f"{held_out[unit][key]['difference']:+.3f} ({held_out[unit][key]['interval'][0]:+.3f}"
                     f" to {held_out[unit][key]['interval'][1]:+.3f})" for unit in UNITS]
            lines.append(f"{f'{lexicon} {text_kind} - sentence':<30}" + "".join(f"{cell:>28}" for cell in cells))
    lines.append("")
    lines.append("Held-out macro-F1 with neutral bands chosen on the development part")
    for name, band in sentiment["bands"].items():
        cells = [f"{sentiment['tuned'][u][name]['macro_f1']:.3f}" for u in UNITS]
        lines.append(f"{f'{NAMES[name]} |s|<={band}':<30}" + "".join(f"{cell:>28}" for cell in cells))
    lines.append("")
    lines.append(f"Pronouns: {pronouns['pronoun_mentions']} of {pronouns['mentions']} target mentions "
                 f"({pronouns['pronoun_mentions'] / pronouns['mentions']:.1%}) are pronouns; "
                 f"{pronouns['resolved_kinds']} are he/she/it forms the package resolves")
    for part in ("development", "held_out"):
        for context, each in pronouns[part].items():
            lines.append(f"  {part:<12} {context:<14} {each['pronouns']:>5} pronouns: target named before it "
                         f"{each['reachable']:>4}, referred right {each['right']:>4}, wrong {each['wrong']:>4}, "
                         f"none {each['none']:>4}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    options = parser.parse_args(argv)
    if not NEWSMTSC.is_file():
        print(f"skipped: {NEWSMTSC} is absent (NewsMTSC is kept beside the repository in ../shared)")
        return 0
    began = time.perf_counter()
    result = {"sentiment": measure_sentiment(read_newsmtsc()), "pronouns": measure_pronouns(read_mentions())}
    result["seconds"] = round(time.perf_counter() - began, 1)
    print(json.dumps(result, indent=2) if options.json else table(result) + f"\n\n{result['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
