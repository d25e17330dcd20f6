"""How well loading keeps the story and drops the debris, measured on real data nobody here wrote.

``python -m analysis bench-loading`` reports:

- **body text of saved web pages** against the Article Extraction Benchmark's hand-marked
  ``articleBody``, scored as that benchmark scores it: word 4-gram shingles, true and false
  positives normalised per page, precision and recall averaged over pages, F1 of the two averages.
  trafilatura called directly (``include_comments=False``, its own defaults otherwise) is scored
  beside it on the same pages;
- **a real corpus**: how many articles loaded, how many were skipped and why, sentences per article;
- **a sample of every cleaning rule's changes**, with their context, for someone who has not seen
  the rules to label right or wrong (``removal_sample``): the precision of each rule.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd
import trafilatura

from analysis.corpus import codes
from analysis.corpus.cleaning import clean_text, read_lines
from analysis.corpus.load import Corpus, load_corpus, read_raw
from analysis.corpus.problems import ProblemLog
from analysis.corpus.readers import article_stem

__all__ = ["SHINGLE_SIZE", "DEVELOPMENT_PREFIXES", "shingle_matches", "summarise", "extraction_scores",
           "extraction_summary", "corpus_figures", "removal_sample", "run_loading_benchmark"]

# The benchmark's tokens and shingles: runs of word characters, four in a row.
_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4
# Pages whose hash starts with one of these were looked at while the cleaning was written; the
# others are the held-out half, reported apart.
DEVELOPMENT_PREFIXES = tuple("01234567")


def _shingles(text: str, size: int = SHINGLE_SIZE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens[i:i + size])


def shingle_matches(true: str, predicted: str) -> tuple[float, float, float]:
    """Return (true positives, false positives, false negatives) of the predicted text's word
    4-grams against the true text's, normalised to add up to 1 (the benchmark's definition)."""
    gold, found = _shingles(true), _shingles(predicted)
    tp = fp = fn = 0
    for shingle in gold.keys() | found.keys():
        tp += min(gold[shingle], found[shingle])
        fp += max(0, found[shingle] - gold[shingle])
        fn += max(0, gold[shingle] - found[shingle])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarise(matches: list[tuple[float, float, float]]) -> dict[str, float]:
    """Return precision, recall (each the mean over pages) and F1 of the two, as the benchmark does."""
    precision = statistics.mean(_precision(*m) for m in matches if m[0] + m[1] > 0)
    recall = statistics.mean(_recall(*m) for m in matches if m[0] + m[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def extraction_scores(benchmark: str | Path) -> tuple[pd.DataFrame, Corpus]:
    """Return one row per page of the Article Extraction Benchmark folder (``html/*.html.gz`` and
    ``ground-truth.json``), and the corpus loaded from its pages.

    Columns: page, loaded (the package kept an article for it), split ("development" or
    "held-out"), tp, fp, fn (the package's loaded text), trafilatura_tp, trafilatura_fp,
    trafilatura_fn (``trafilatura.extract`` called directly).
    """
    benchmark = Path(benchmark)
    truth = json.loads((benchmark / "ground-truth.json").read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(benchmark / "html")
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    rows = []
    for path in sorted((benchmark / "html").glob("*.html.gz")):
        page = article_stem(path)
        if page not in truth:
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        gold = truth[page].get("articleBody", "")
        ours = shingle_matches(gold, texts.get(page, ""))
        theirs = shingle_matches(gold, trafilatura.extract(html, include_comments=False) or "")
        rows.append({"page": page, "loaded": page in texts,
                     "split": "development" if page.startswith(DEVELOPMENT_PREFIXES) else "held-out",
                     "tp": ours[0], "fp": ours[1], "fn": ours[2],
                     "trafilatura_tp": theirs[0], "trafilatura_fp": theirs[1], "trafilatura_fn": theirs[2]})
    return pd.DataFrame(rows), corpus


def extraction_summary(scores: pd.DataFrame) -> pd.DataFrame:
    """Return precision, recall and F1 of the package and of trafilatura, on all pages and on
    each half: one row per (pages, extractor)."""
    rows = []
    for name, part in [("all", scores)] + list(scores.groupby("split")):
        for extractor, prefix in (("package", ""), ("trafilatura", "trafilatura_")):
            matches = list(zip(part[f"{prefix}tp"], part[f"{prefix}fp"], part[f"{prefix}fn"]))
            rows.append({"pages": name, "n": len(part), "extractor": extractor, **summarise(matches)})
    return pd.DataFrame(rows)


def corpus_figures(corpus: Corpus, n_input: int) -> dict[str, object]:
    """Return what loading did to a corpus of ``n_input`` articles: loaded, skipped, sentences."""
    summary = corpus.summary()
    # "skipped" is said only in the English of the action (see _skipped_before_cleaning).
    skipped = corpus.problems[corpus.problems["action"].str.startswith("skipped")]
    changes = corpus.removed.groupby(["change", "reason"]).size()
    return {
        "articles_in": n_input,
        "loaded": len(corpus.articles),
        "skipped": len(skipped),
        "skipped_share": len(skipped) / n_input if n_input else 0.0,
        "problems": len(corpus.problems),
        "sentences": int(summary["n_sentences"].sum()),
        "paragraphs": int(summary["n_paragraphs"].sum()),
        "sentences_per_article": summary["n_sentences"].describe().round(1).to_dict(),
        "changes": {f"{change}: {reason}": int(n) for (change, reason), n in changes.items()},
    }


def removal_sample(source: str | Path | pd.DataFrame, *, per_reason: int = 40, seed: int = 0,
                   context: int = 120) -> pd.DataFrame:
    """Return up to ``per_reason`` changes of each cleaning rule on the corpus at ``source``, drawn
    at random (seeded), with the text around each, for labelling by someone who has not seen the
    rules.

    Columns: sample_id, reason, change, article_id, line_number, text (what was taken out or
    repaired), replacement, before, after (up to ``context`` characters of the line on each side;
    empty for a whole line), label (empty: "right" or "wrong" to be filled in).
    """
    rows = []
    for raw in read_raw(source if isinstance(source, pd.DataFrame) else Path(source), ProblemLog())[0]:
        title = raw.metadata.get("title")
        cleaned = clean_text(raw.text, title=str(title) if title else None, markup=not raw.from_web_page)
        lines, _ = read_lines(raw.text, markup=not raw.from_web_page)
        for change in cleaned.removed:
            line = lines[change.line_number - 1] if change.line_number <= len(lines) else ""
            whole = change.start == 0 and change.end >= len(line)
            rows.append({"reason": change.reason, "change": change.change, "article_id": raw.article_id,
                         "line_number": change.line_number, "text": change.text, "replacement": change.replacement,
                         "before": "" if whole else line[max(0, change.start - context):change.start],
                         "after": "" if whole else line[change.end:change.end + context]})
    columns = ["sample_id", "reason", "change", "article_id", "line_number", "text", "replacement", "before",
               "after", "label"]
    if not rows:
        return pd.DataFrame(columns=columns)
    changes = pd.DataFrame(rows)
    sample = pd.concat(group.sample(n=min(per_reason, len(group)), random_state=seed)
                       for _, group in changes.groupby("reason", sort=True)).reset_index(drop=True)
    sample.insert(0, "sample_id", range(1, len(sample) + 1))
    sample["label"] = ""
    return sample[columns]


def run_loading_benchmark(extraction: str | Path | None, corpora: list[str | Path], *, sample: str | Path | None = None,
                          per_reason: int = 40) -> str:
    """Measure what ``bench-loading`` measures and return it as readable text; write the sample of
    changes to ``sample`` when given."""
    lines = []
    if extraction:
        scores, corpus = extraction_scores(extraction)
        html_problems = (corpus.problems["code"] == codes.HTML_TAGS).sum()
        lines.append(f"article extraction: {int(scores['loaded'].sum())} of {len(scores)} pages loaded, "
                     f"{html_problems} 'HTML tags' problems, {len(corpus.problems)} problems in all")
        lines.append(extraction_summary(scores).round(4).to_string(index=False))
    samples = []
    if extraction and sample:
        part = removal_sample(Path(extraction) / "html", per_reason=per_reason)
        part.insert(1, "corpus", Path(extraction).name)
        samples.append(part)
    for path in corpora:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(path)
        n_input = len(read_raw(Path(path), ProblemLog())[0]) + _skipped_before_cleaning(corpus)
        figures = corpus_figures(corpus, n_input)
        lines.append(f"\n{path}:")
        lines += [f"  {key}: {value}" for key, value in figures.items() if key != "changes"]
        lines += [f"  {change}: {n}" for change, n in figures["changes"].items()]
        if sample:
            part = removal_sample(path, per_reason=per_reason)
            part.insert(1, "corpus", Path(path).name)
            samples.append(part)
    if sample and samples:
        table = pd.concat(samples, ignore_index=True)
        table["sample_id"] = range(1, len(table) + 1)
        table.to_csv(sample, index=False)
        lines.append(f"\nwrote {len(table)} sampled changes to {sample}")
    return "\n".join(lines)


def _skipped_before_cleaning(corpus: Corpus) -> int:
    """Rows or files the readers skipped before any cleaning (empty text, unreadable files)."""
    reading = corpus.problems["code"] != codes.EMPTY_AFTER_CLEANING
    # Whether a row was skipped is said only in the English of its action ("skipped ..."): the
    # problem codes name the kind of problem, not what was done about it.
    return int((corpus.problems["action"].str.startswith("skipped") & reading).sum())
