"""The reuse measures scored against COUNTER's human labels of journalistic text reuse (issue 19).

    python benchmarks/reuse_counter.py [FOLDER] [--calibrate] [--json]

FOLDER (default ``../shared/benchmarks/counter/COUNTER``) holds ``NNNN.xml`` (a news-agency text)
and ``NNNNp.xml`` (a newspaper story, its ``classification`` attribute saying how it was written
from the agency text: ``WD`` wholly derived, ``PD`` partially derived, ``ND`` non-derived). Each
text is its headline and body. The texts are Urdu: every measure here must work without any
English-only step.

For each measure of the package (TF-IDF cosine and five-word shingles, symmetric; containment of
the newspaper text in the agency text, directional) it reports ROC AUC for derived (WD, PD)
against non-derived and for wholly derived against the rest (with a 95% bootstrap interval on all
pairs), and the three-class macro-F1 of ``coverage.derivation_label``. The pairs are split by a hash of their number: one in five is held
out; ``--calibrate`` searches the two thresholds on the development part (the best macro-F1) and
prints them, so ``PARTLY_DERIVED_FROM`` and ``DERIVED_FROM`` are set from development pairs only.
Macro-F1 of the thresholds fitted fold by fold (5 folds over all pairs) is reported too.

It also runs ``coverage.derivation`` on all 1,200 texts as one corpus (dates from the files) and
counts how many of the gold pairs it lists, with the right source and the right label.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, roc_auc_score

from analysis import load_corpus
from analysis.coverage import derived as derivation_module
from analysis.coverage.reuse import _vectors

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "counter" / "COUNTER"
LABELS = {"WD": "derived", "PD": "partly derived", "ND": "independent"}


def part_of(number: str) -> str:
    """Return "held-out" for one pair in five (by a hash of its number), else "development"."""
    return "held-out" if int(hashlib.sha1(number.encode()).hexdigest(), 16) % 5 == 0 else "development"


def _read(path: Path) -> tuple[dict, str]:
    root = ElementTree.parse(path).getroot()
    headline = (root.findtext("headline") or "").strip()
    body = (root.findtext("body") or "").strip()
    return dict(root.attrib), f"{headline}\n\n{body}".strip()


def _date(value: str | None):
    return pd.to_datetime(value, format="%d.%m.%y", errors="coerce")


def read_pairs(folder: Path) -> pd.DataFrame:
    """Return one row per labelled pair: number, label (WD/PD/ND), source and derived text and date."""
    rows = []
    for derived_path in sorted(folder.glob("*p.xml")):
        number = derived_path.name[:-len("p.xml")]
        source_path = folder / f"{number}.xml"
        derived_attributes, derived_text = _read(derived_path)
        if "classification" not in derived_attributes or not source_path.is_file():
            continue
        source_attributes, source_text = _read(source_path)
        rows.append({"number": number, "label": derived_attributes["classification"], "part": part_of(number),
                     "source_text": source_text, "derived_text": derived_text,
                     "source_date": _date(source_attributes.get("newsdate")),
                     "derived_date": _date(derived_attributes.get("newsdate"))})
    return pd.DataFrame(rows)


def measures(pairs: pd.DataFrame) -> dict[str, np.ndarray]:
    """Return each measure's score of every pair (newspaper text against its agency text)."""
    texts = pairs["derived_text"].tolist() + pairs["source_text"].tolist()
    n = len(pairs)
    derived, source = np.arange(n), np.arange(n, 2 * n)
    articles = pd.DataFrame({"article_id": [f"t{i}" for i in range(2 * n)], "text": texts})
    corpus = type("Texts", (), {"articles": articles})()
    scores = {}
    for measure in ("tfidf", "shingles"):
        vectors = _vectors(corpus, measure)
        shared = np.asarray(vectors[derived].multiply(vectors[source]).sum(axis=1)).ravel()
        if measure == "shingles":  # Jaccard of the sets of sequences
            sizes = np.asarray(vectors.sum(axis=1)).ravel()
            union = sizes[derived] + sizes[source] - shared
            shared = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        scores[measure] = shared  # TF-IDF rows are of unit length: the product is the cosine
    scores["containment"] = derivation_module.containment(texts, derived, source)
    return scores


def _classify(values: np.ndarray, partly: float, derived: float) -> np.ndarray:
    return np.where(values >= derived, "WD", np.where(values >= partly, "PD", "ND"))


def calibrate(values: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    """Return (macro-F1, partly-derived threshold, derived threshold) with the best macro-F1 on a
    grid of 0.01 (ties: the lowest thresholds). The macro-F1 of every pair of thresholds is counted
    at once from cumulative counts (equal to scikit-learn's ``f1_score(average="macro")``)."""
    grid = np.round(np.arange(0.01, 1.0, 0.01), 2)
    # below[c, t]: pairs of class c with a value under grid[t]
    below = np.array([[np.sum(values[labels == name] < threshold) for threshold in grid] for name in ("ND", "PD", "WD")])
    totals = np.array([np.sum(labels == name) for name in ("ND", "PD", "WD")])
    best = (-1.0, 0.0, 0.0)
    for p, partly in enumerate(grid):
        for d in range(p + 1, len(grid)):
            # predicted ND: under partly; PD: partly..derived; WD: derived and over
            predicted = np.array([below[:, p], below[:, d] - below[:, p], totals - below[:, d]])  # [predicted, true]
            f1s = []
            for k in range(3):
                right, guessed, actual = predicted[k, k], predicted[k].sum(), totals[k]
                f1s.append(2 * right / (guessed + actual) if guessed + actual else 0.0)
            score = float(np.mean(f1s))
            if score > best[0] + 1e-12:
                best = (score, float(partly), float(grid[d]))
    return best


def _aucs(values: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    return {"auc_derived_vs_non": round(float(roc_auc_score(labels != "ND", values)), 3),
            "auc_wholly_vs_rest": round(float(roc_auc_score(labels == "WD", values)), 3)}


BOOTSTRAP_SAMPLES = 1000


def auc_intervals(values: np.ndarray, labels: np.ndarray, *, samples: int = BOOTSTRAP_SAMPLES,
                  seed: int = 0) -> dict[str, list[float]]:
    """Return the 95% interval of each AUC of ``_aucs`` over ``samples`` resamples of the pairs
    (drawn with replacement, seeded): how far the figure on some 600 pairs can be trusted."""
    generator = np.random.default_rng(seed)
    found: dict[str, list[float]] = {"auc_derived_vs_non": [], "auc_wholly_vs_rest": []}
    for _ in range(samples):
        chosen = generator.integers(0, len(values), len(values))
        for key, positive in (("auc_derived_vs_non", labels[chosen] != "ND"),
                              ("auc_wholly_vs_rest", labels[chosen] == "WD")):
            if 0 < positive.sum() < len(positive):
                found[key].append(roc_auc_score(positive, values[chosen]))
    return {key: [round(float(np.percentile(aucs, 2.5)), 3), round(float(np.percentile(aucs, 97.5)), 3)]
            for key, aucs in found.items()}


def score(pairs: pd.DataFrame) -> dict:
    """Return the figures of every measure on the development, held-out and all pairs."""
    labels = pairs["label"].to_numpy()
    development = (pairs["part"] == "development").to_numpy()
    result = {"pairs": len(pairs), "labels": pairs["label"].value_counts().to_dict(),
              "held_out_pairs": int((~development).sum()), "measures": {}}
    thresholds = (derivation_module.PARTLY_DERIVED_FROM, derivation_module.DERIVED_FROM)
    for name, values in measures(pairs).items():
        entry = {part: _aucs(values[mask], labels[mask])
                 for part, mask in (("development", development), ("held-out", ~development),
                                    ("all", np.ones(len(pairs), dtype=bool)))}
        fitted = calibrate(values[development], labels[development])
        entry["development_thresholds"] = {"partly_derived_from": fitted[1], "derived_from": fitted[2],
                                           "macro_f1": round(fitted[0], 3)}
        entry["held_out_macro_f1_at_development_thresholds"] = round(float(f1_score(
            labels[~development], _classify(values[~development], fitted[1], fitted[2]), average="macro")), 3)
        if name == "containment":
            for part, mask in (("development", development), ("held-out", ~development),
                               ("all", np.ones(len(pairs), dtype=bool))):
                entry[part]["macro_f1_package_thresholds"] = round(float(f1_score(
                    labels[mask], _classify(values[mask], *thresholds), average="macro")), 3)
        entry["five_fold_macro_f1"] = round(_five_fold(values, labels), 3)
        entry["all"]["intervals"] = auc_intervals(values, labels)
        result["measures"][name] = entry
    return result


def _five_fold(values: np.ndarray, labels: np.ndarray) -> float:
    """Return the macro-F1 over all pairs of thresholds fitted on the other four fifths, fold by fold."""
    folds = np.arange(len(values)) % 5
    predicted = np.empty(len(values), dtype=object)
    for fold in range(5):
        train = folds != fold
        _, partly, derived = calibrate(values[train], labels[train])
        predicted[~train] = _classify(values[~train], partly, derived)
    return float(f1_score(labels, predicted.astype(str), average="macro"))


def derivation_table_check(pairs: pd.DataFrame) -> dict:
    """Run ``coverage.derivation`` on all the texts as one corpus; count the gold pairs it lists."""
    rows = []
    for pair in pairs.itertuples(index=False):
        rows.append({"id": f"{pair.number}", "outlet": "agency", "date": pair.source_date, "kind": "agency",
                     "text": pair.source_text, "title": ""})
        rows.append({"id": f"{pair.number}p", "outlet": "newspaper", "date": pair.derived_date, "kind": "newspaper",
                     "text": pair.derived_text, "title": ""})
    corpus = load_corpus(pd.DataFrame(rows))
    started = time.perf_counter()
    table = derivation_module.derivation(corpus)
    seconds = time.perf_counter() - started
    listed = {(row.source_id, row.derived_id): row.label for row in table.itertuples(index=False)}
    reversed_pairs = {(row.derived_id, row.source_id) for row in table.itertuples(index=False)}
    result = {"corpus_articles": len(corpus.articles), "table_rows": len(table), "seconds": round(seconds, 2)}
    for gold in ("WD", "PD", "ND"):
        chosen = pairs[pairs["label"] == gold]
        keys = [(number, f"{number}p") for number in chosen["number"]]
        found = [key for key in keys if key in listed]
        result[gold] = {"pairs": len(keys), "listed_with_right_source": len(found),
                        "listed_reversed": sum(key in reversed_pairs for key in keys),
                        "right_label": sum(listed[key] == LABELS[gold] for key in found)}
    return result


def describe(result: dict) -> str:
    lines = [f"COUNTER: {result['pairs']} pairs {result['labels']}, {result['held_out_pairs']} held out", "",
             "| measure | part | AUC derived vs non | AUC wholly vs rest | macro-F1 (package thresholds) |",
             "|---|---|---|---|---|"]
    for name, entry in result["measures"].items():
        for part in ("development", "held-out", "all"):
            figures = entry[part]
            lines.append(f"| {name} | {part} | {figures['auc_derived_vs_non']} | {figures['auc_wholly_vs_rest']} | "
                         f"{figures.get('macro_f1_package_thresholds', '')} |")
    lines.append("")
    for name, entry in result["measures"].items():
        intervals = entry["all"]["intervals"]
        lines.append(f"{name}, all pairs, 95% intervals ({BOOTSTRAP_SAMPLES} resamples): AUC derived vs non "
                     f"{intervals['auc_derived_vs_non'][0]}-{intervals['auc_derived_vs_non'][1]}, wholly vs rest "
                     f"{intervals['auc_wholly_vs_rest'][0]}-{intervals['auc_wholly_vs_rest'][1]}")
    lines.append("")
    for name, entry in result["measures"].items():
        fitted = entry["development_thresholds"]
        lines.append(f"{name}: development thresholds {fitted['partly_derived_from']} / {fitted['derived_from']} "
                     f"(macro-F1 {fitted['macro_f1']}), held out {entry['held_out_macro_f1_at_development_thresholds']}, "
                     f"five folds {entry['five_fold_macro_f1']}")
    if "derivation_table" in result:
        lines += ["", f"derivation table: {json.dumps(result['derivation_table'])}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--calibrate", action="store_true", help="only print the thresholds fitted on development")
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args(argv)
    if not arguments.folder.is_dir():
        print(f"COUNTER is not at {arguments.folder}: put ../shared/benchmarks/counter/COUNTER beside the project "
              "(or pass its folder) to run this benchmark", file=sys.stderr)
        return 2
    pairs = read_pairs(arguments.folder)
    if arguments.calibrate:
        development = (pairs["part"] == "development").to_numpy()
        values = measures(pairs)["containment"]
        print(calibrate(values[development], pairs["label"].to_numpy()[development]))
        return 0
    result = score(pairs)
    result["derivation_table"] = derivation_table_check(pairs)
    print(json.dumps(result, indent=1, default=str) if arguments.json else describe(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
