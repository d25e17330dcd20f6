"""``coverage.align`` scored on scripted edits of real wire copy (issue 19, parts 3 and 4).

    python benchmarks/alignment_edits.py [CSV] [--articles N] [--part development|held-out|all]
                                         [--calibrate] [--json]

CSV (default ``../shared/corpora/real-news-2400/articles.csv``) is the real-news corpus; its
Reuters stories are the wire copy. A fixed seeded sample of them is loaded with the package
(cleaning and its own sentence segmenter), and each article ``a`` is edited by script into an
article ``b``: sentences cut, one moved, some reworded (synonyms from the small table below and
changes of word order), two adjacent sentences merged into one, one split in two, sentences of
another story added, and photo captions and page furniture (credits, bylines, "Advertisement",
copyright lines) put in. The script records what each unit of ``a`` and ``b`` truly is, aligns
``b`` against ``a`` and reports, per kind of edit, how often the alignment names it right (and
pairs it with the right sentence), and whether a caption or furniture line was ever counted as
an edit of the story.

The articles are split by a hash of their ids: one in two is held out (``--part held-out``); the
development part is the one the thresholds of ``analysis.coverage.align`` were calibrated on
(``--calibrate`` prints the grid that was used).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import re
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import load_corpus
align_module = importlib.import_module("analysis.coverage.align")  # the module, not the function of that name
from analysis.coverage import alignment_summary
from analysis.sentiment import score_sentences

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "real-news-2400" / "articles.csv"
PARTS = ("development", "held-out", "all")
SEED = 19
# Articles of fewer sentences leave no room for every kind of edit apart from the others.
MIN_SENTENCES = 14
# Longer articles are cut to their first sentences: enough for every edit, and a table stays readable.
MAX_SENTENCES = 40
KINDS = ("kept", "moved", "cut", "added", "reworded", "merged", "split")

# Words an editor swaps for another of the same meaning: the script's own table, not the package's.
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "government": "administration",
    "officials": "authorities", "official": "representative", "people": "individuals", "country": "nation",
    "announced": "declared", "plan": "proposal", "plans": "proposals", "help": "assist", "big": "large",
    "large": "big", "major": "significant", "important": "key", "because": "since", "meeting": "talks",
    "statement": "announcement", "about": "around", "more": "further", "also": "additionally",
    "however": "nevertheless", "president": "leader", "lawmakers": "legislators", "week": "seven days",
    "month": "four weeks", "percent": "per cent", "leaders": "chiefs", "would": "could", "will": "shall",
    "wants": "seeks", "want": "seek", "asked": "questioned", "began": "started", "start": "begin",
    "show": "reveal", "showed": "revealed", "need": "require", "needs": "requires", "before": "prior to",
    "after": "following", "against": "versus", "many": "numerous", "new": "fresh", "former": "ex-",
    "group": "organisation", "talks": "negotiations", "agreement": "deal", "deal": "agreement",
    "attack": "assault", "killed": "slain", "police": "officers", "support": "backing", "tried": "attempted",
    "called": "described", "bill": "legislation", "law": "legislation", "reporters": "journalists",
    "decision": "ruling", "election": "vote", "campaign": "drive", "issue": "matter", "likely": "probably",
}
_DAY = r"(?:on |last |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TRAILING_DAY = re.compile(rf",? ({_DAY})(?=[.,])")
_PAIR = re.compile(r"\b([A-Za-z]{3,}) and ([A-Za-z]{3,})\b")
_INNER_CLAUSE = re.compile(r", (?:who|which|where|according to|including) [^,]{3,80},")
# "..., Smith said." / "..., he told reporters on Tuesday.": the attribution an editor brings to the front.
_ATTRIBUTION = re.compile(r"^(?P<body>.{20,}?),?[”\"]? (?P<who>(?:[A-Z][\w.’'-]*\s?){1,3}|he|she|they) "
                          r"(?P<verb>said|says|told [a-z]+|added)(?: on \w+)?\.$")
_LOWER_FIRST = {"The", "He", "She", "It", "They", "A", "An", "This", "That", "But", "We", "His", "Her", "Their", "In",
                "On", "At", "For", "As", "After", "While", "When", "With"}
# A sentence break inside a "sentence": a quotation of several sentences kept with its attribution.
_INNER_BREAK = re.compile(r"[.!?][\"”’]?\s+[\"“]?[A-Z]")
_SPLIT_POINT = re.compile(r", (and|but|while) (?=[a-z])|; ")
# Sentences of another story, inserted as new text.
ADDED_FROM_OTHER_ARTICLES = 2
CAPTIONS = [
    "{name} speaks to reporters in Washington, U.S., {date}. REUTERS/Kevin Lamarque",
    "Protesters gather outside the building in {place} on {date}. (AP Photo/Evan Vucci, file)",
    "{name} arrives for a meeting in {place}, {date}. Photo: Yuri Gripas/Reuters",
    "A general view of the city of {place}, {date}. REUTERS/Stringer/File Photo",
]
FURNITURE = [
    "Advertisement",
    "Follow {name} on Twitter",
    "Copyright 2017 The Associated Press. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Reporting by {name}; Editing by Peter Cooney",
    "Associated Press writer {name} in {place} contributed to this report.",
    "By {upper}, Associated Press",
]
NAMES = ["Jane Doe", "Matt Spetalnick", "Ayesha Rascoe", "Zeke Miller", "Lesley Wroughton", "Mark Hosenball"]
PLACES = ["Washington", "Moscow", "Seoul", "Brussels", "Beijing", "Tokyo"]
DATES = ["May 2, 2017", "June 14, 2017", "September 21, 2017", "November 8, 2017"]


def part_of(article_id: str) -> str:
    """Return "held-out" for one article in two (by a hash of its id), else "development"."""
    return "held-out" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "development"


# --- the scripted edits ---------------------------------------------------------------------------------------


def reword(sentence: str, rng: np.random.Generator) -> str | None:
    """Return the sentence reworded as an editor might: the attribution brought to the front ("X
    said that ...") or the two halves of the sentence swapped round a comma, a day brought to the
    front, a pair swapped round "and", an inner clause dropped, and up to five words swapped for
    synonyms; None if fewer than three changes can be made."""
    if _INNER_BREAK.search(sentence):
        return None  # a quotation of several sentences: a change of its order would re-segment it
    changes = 0
    text = sentence
    quoted = any(mark in text for mark in "\"“”")
    attribution = None if quoted else _ATTRIBUTION.match(text)
    halves = [match.start() for match in re.finditer(", ", text)
              if len(text[:match.start()].split()) >= 4 and len(text[match.end():].split()) >= 4]
    if quoted:
        pass  # moving the halves of a quotation round would move its quote marks too
    elif attribution:
        body = attribution.group("body").strip("“”\"' ,")
        who = attribution.group("who")
        text = f"{who[0].upper()}{who[1:]} {attribution.group('verb')} that {body[0].lower()}{body[1:]}."
        changes += 2
    elif halves:
        cut = halves[len(halves) // 2]
        first, second = text[:cut], text[cut + 2:].rstrip(".")
        text = second[0].upper() + second[1:] + ", " + (first[0].lower() if first.split()[0] in _LOWER_FIRST else first[0]) \
            + first[1:] + "."
        changes += 2
    day = _TRAILING_DAY.search(text)
    if day and day.start() > 0:
        text = day.group(1)[0].upper() + day.group(1)[1:] + ", " + text[0].lower() + text[1:day.start()] + text[day.end():]
        changes += 1
    pair = _PAIR.search(text)
    if pair and pair.group(1).lower() != pair.group(2).lower():
        text = text[:pair.start()] + f"{pair.group(2)} and {pair.group(1)}" + text[pair.end():]
        changes += 1
    clause = _INNER_CLAUSE.search(text)
    if clause and rng.random() < 0.5:
        text = text[:clause.start()] + "," + text[clause.end():]
        changes += 1
    tokens = re.split(r"(\W+)", text)
    candidates = [index for index, token in enumerate(tokens) if token.lower() in SYNONYMS]
    rng.shuffle(candidates)
    for index in candidates[:5]:
        replacement = SYNONYMS[tokens[index].lower()]
        tokens[index] = replacement[0].upper() + replacement[1:] if tokens[index][0].isupper() else replacement
        changes += 1
    text = "".join(tokens)
    return text if changes >= 3 and text != sentence else None


def split(sentence: str) -> tuple[str, str] | None:
    """Return the sentence as two, cut at ", and", ", but", ", while" or ";", with at least six
    words on each side; None if it has no such place."""
    if _INNER_BREAK.search(sentence):
        return None
    for match in _SPLIT_POINT.finditer(sentence):
        first, second = sentence[:match.start()], sentence[match.end():]
        if len(first.split()) >= 6 and len(second.split()) >= 6 and second[:1].isalpha():
            conjunction = match.group(1)
            if conjunction in ("but", "while"):
                second = conjunction + " " + second
            return first + ".", second[0].upper() + second[1:]
    return None


def merge(first: str, second: str) -> str | None:
    """Return two sentences run into one with ", and"; None when either is a quotation or ends oddly."""
    if (not (first.endswith(".") and second.endswith(".")) or first[:1] in "\"“" or second[:1] in "\"“"
            or _INNER_BREAK.search(first) or _INNER_BREAK.search(second)):
        return None
    word, _, rest = second.partition(" ")
    if word in ("The", "He", "She", "It", "They", "A", "An", "This", "That", "But", "We", "His", "Her", "Their"):
        word = word.lower()
    if word.lower() == "but":
        return first[:-1] + ", but " + rest
    return first[:-1] + ", and " + word + " " + rest


def _between_sentences(b: list[dict], position: int) -> bool:
    """Whether a sentence put in at ``position`` stays out of the two pieces of a split (which are
    consecutive sentences, or they are no split)."""
    return not (0 < position < len(b) and b[position - 1]["kind"] == b[position]["kind"] == "split")


def script_edits(sentences: list[str], others: list[str], rng: np.random.Generator) -> dict | None:
    """Return the units of ``a`` and ``b`` with the truth for each, or None if the article leaves no
    room for every kind of edit.

    Each unit is a dict: text, unit ("sentence", "caption" or "furniture"), kind (the edit it is
    part of), and ``partner``: the index among the other side's sentence units of what it matches.
    """
    n = len(sentences)
    interior = list(range(1, n - 1))
    rng.shuffle(interior)
    roles: dict[int, str] = {}
    texts: dict[int, str] = {}

    def free(*indices: int) -> bool:
        return all(0 <= i < n and i not in roles and i - 1 not in roles and i + 1 not in roles for i in indices)

    def choose(kind: str, count: int, test) -> bool:
        found = 0
        for i in interior:
            if found == count:
                break
            if free(i) and (outcome := test(i)):
                roles[i] = kind
                texts[i] = outcome if isinstance(outcome, (str, tuple)) else sentences[i]
                found += 1
        return found == count

    ok = choose("merged", 1, lambda i: free(i + 1) and merge(sentences[i], sentences[i + 1]))
    if ok:
        merged_at = next(i for i, kind in roles.items() if kind == "merged")
        roles[merged_at + 1] = "merged-second"
    ok = ok and choose("split", 1, lambda i: split(sentences[i]))
    ok = ok and choose("reworded", 3, lambda i: reword(sentences[i], rng))
    ok = ok and choose("cut", 2, lambda i: True)
    ok = ok and choose("moved", 2, lambda i: True)
    if not ok:
        return None
    moved = [i for i, kind in roles.items() if kind == "moved"]
    # the second move also rewords its sentence where it can
    reworded_move = reword(sentences[moved[1]], rng)

    b: list[dict] = []
    for i, sentence in enumerate(sentences):
        role = roles.get(i, "kept")
        if role in ("kept", "reworded"):
            b.append({"text": texts.get(i, sentence), "unit": "sentence", "kind": role, "a": [i]})
        elif role == "merged":
            b.append({"text": texts[i], "unit": "sentence", "kind": "merged", "a": [i, i + 1]})
        elif role == "split":
            first, second = texts[i]
            b += [{"text": first, "unit": "sentence", "kind": "split", "a": [i]},
                  {"text": second, "unit": "sentence", "kind": "split", "a": [i]}]
    for i in moved:
        at = next((position for position, unit in enumerate(b) if unit["kind"] != "moved" and min(unit["a"]) > i),
                  len(b))
        far = [position for position in range(len(b) + 1) if abs(position - at) >= 4 and _between_sentences(b, position)]
        text = reworded_move if i == moved[1] and reworded_move else sentences[i]
        b.insert(int(rng.choice(far)), {"text": text, "unit": "sentence", "kind": "moved", "a": [i]})
    for text in others[:ADDED_FROM_OTHER_ARTICLES]:
        places = [position for position in range(1, len(b)) if _between_sentences(b, position)]
        b.insert(int(rng.choice(places)), {"text": text, "unit": "sentence", "kind": "added", "a": []})

    fill = {"name": str(rng.choice(NAMES)), "place": str(rng.choice(PLACES)), "date": str(rng.choice(DATES))}
    fill["upper"] = fill["name"].upper()
    captions = [template.format(**fill) for template in rng.permutation(CAPTIONS)[:3]]
    furniture = [template.format(**fill) for template in rng.permutation(FURNITURE)]
    a = [{"text": sentence, "unit": "sentence", "kind": roles.get(i, "kept").replace("-second", ""), "a": [i]}
         for i, sentence in enumerate(sentences)]
    # a: one caption at the top (kept in b) and one furniture line inside the story that b drops
    a.insert(0, {"text": captions[0], "unit": "caption", "kind": "caption", "a": []})
    a.insert(len(a) // 2, {"text": "Advertisement", "unit": "furniture", "kind": "furniture", "a": []})
    # b: the same caption and another, a byline at the top, furniture lines inside and at the end
    b.insert(0, {"text": captions[0], "unit": "caption", "kind": "caption", "a": []})
    b.insert(1, {"text": captions[1], "unit": "caption", "kind": "caption", "a": []})
    lines = [line for line in furniture if line != "Advertisement"]
    byline = next(line for line in lines if line.startswith("By "))
    b.insert(2, {"text": byline, "unit": "furniture", "kind": "furniture", "a": []})
    b.insert(len(b) // 3, {"text": "Advertisement", "unit": "furniture", "kind": "furniture", "a": []})
    for line in [line for line in lines if line != byline][:3]:
        b.append({"text": line, "unit": "furniture", "kind": "furniture", "a": []})
    return {"a": a, "b": b}


# --- building the corpus and scoring ---------------------------------------------------------------------------


def _body(units: list[dict]) -> str:
    return "\n\n".join(unit["text"] for unit in units)


def build(csv: Path, n_articles: int, part: str) -> tuple[list[dict], pd.DataFrame]:
    """Return the scripted pairs ({id, part, a, b}) and the articles table to load (ids ``<id>_a``, ``<id>_b``)."""
    table = pd.read_csv(csv)
    wire = table[table["outlet"] == "Reuters"].sample(frac=1.0, random_state=SEED)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = load_corpus(pd.DataFrame({"article_id": wire["id"].astype(str), "text": wire["text"]}))
    by_article = source.sentences.groupby("article_id", sort=False)["text"].apply(list)
    pairs, rows = [], []
    ids = [article_id for article_id in by_article.index if len(by_article[article_id]) >= MIN_SENTENCES]
    for position, article_id in enumerate(ids):
        if len(pairs) >= n_articles:
            break
        if part != "all" and part_of(article_id) != part:
            continue
        rng = np.random.default_rng(int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2**32)
        other = by_article[ids[(position + 7) % len(ids)]]
        others = [sentence for sentence in other[2:] if 8 <= len(sentence.split()) <= 40]
        scripted = script_edits(by_article[article_id][:MAX_SENTENCES], others, rng)
        if scripted is None:
            continue
        pairs.append({"id": article_id, "part": part_of(article_id), **scripted})
        rows += [{"article_id": f"{article_id}_a", "text": _body(scripted["a"])},
                 {"article_id": f"{article_id}_b", "text": _body(scripted["b"])}]
    return pairs, pd.DataFrame(rows)


def _sentence_ids(units: list[dict], sentences: list[str]) -> list[list[int]] | None:
    """Return each unit's sentence ids in the loaded article (none for a caption, which the cleaner
    takes out; one or more for a furniture line such as "Copyright ... . All rights reserved."),
    or None if the loaded sentences are not the units' own (the segmenter split one differently)."""
    ids, position = [], 0
    for unit in units:
        if unit["unit"] == "caption":
            ids.append([])
            continue
        start = position
        while position < len(sentences) and len(" ".join(sentences[start:position])) < len(unit["text"]):
            position += 1
        if " ".join(sentences[start:position]) != unit["text"]:
            return None
        if unit["unit"] == "sentence" and position - start > 1:
            return None
        ids.append(list(range(start, position)))
    return ids if position == len(sentences) else None


def score_pair(pair: dict, alignment: pd.DataFrame, a_ids: list, b_ids: list) -> dict[str, list[bool]]:
    """Return {edit kind: [whether each unit of that kind was labelled and paired right]}, with
    "caption/furniture counted" for every caption and furniture unit (True: wrongly counted as an
    edit of the story) and "summary edits" (whether ``alignment_summary`` counts the true edits)."""
    results: dict[str, list[bool]] = {kind: [] for kind in KINDS}
    results["caption/furniture counted"] = []
    rows = list(alignment.itertuples())
    by_a = {int(row.a_sentence_id): row for row in rows if pd.notna(row.a_sentence_id) and row.status != "split"}
    by_b = {int(row.b_sentence_id): row for row in rows if pd.notna(row.b_sentence_id)}
    sentence_rows_a = {int(row.a_sentence_id) for row in rows if pd.notna(row.a_sentence_id) and row.unit == "sentence"}
    sentence_rows_b = {int(row.b_sentence_id) for row in rows if pd.notna(row.b_sentence_id) and row.unit == "sentence"}
    a_sentence = {unit["a"][0]: a_ids[k][0] for k, unit in enumerate(pair["a"]) if unit["unit"] == "sentence"}
    b_of_a: dict[int, list[int]] = {}
    for k, unit in enumerate(pair["b"]):
        for i in unit["a"]:
            b_of_a.setdefault(i, []).append(b_ids[k][0])
    for k, unit in enumerate(pair["a"]):
        if unit["unit"] != "sentence":
            results["caption/furniture counted"].append(any(i in sentence_rows_a for i in a_ids[k]))
            continue
        kind = unit["kind"]
        if kind == "split":
            continue  # scored on the two pieces of b below
        row = by_a.get(a_ids[k][0])
        right = row is not None and row.status == kind
        if kind != "cut":
            right = right and pd.notna(row.b_sentence_id) and int(row.b_sentence_id) in b_of_a[unit["a"][0]]
        results[kind].append(bool(right))
    for k, unit in enumerate(pair["b"]):
        if unit["unit"] != "sentence":
            results["caption/furniture counted"].append(any(j in sentence_rows_b for j in b_ids[k]))
            continue
        row = by_b.get(b_ids[k][0])
        if unit["kind"] == "added":
            results["added"].append(row is not None and row.status == "added")
        elif unit["kind"] == "split":
            results["split"].append(row is not None and row.status == "split" and pd.notna(row.a_sentence_id)
                                    and int(row.a_sentence_id) == a_sentence[unit["a"][0]])
    summary = alignment_summary(alignment).set_index("change")["count"]
    # an edit is a row of the table: one per sentence of a (a split: one per piece of b) and per added sentence
    true_edits = (sum(unit["kind"] not in ("kept", "split") for unit in pair["a"] if unit["unit"] == "sentence")
                  + sum(unit["kind"] in ("added", "split") for unit in pair["b"] if unit["unit"] == "sentence"))
    results["summary edits"] = [int(summary.get("sentence edits", -1)) == true_edits]
    return results


def run(pairs: list[dict], corpus, scores: pd.DataFrame) -> tuple[dict, int, float]:
    """Align every scripted pair; return (per part, per kind: [right or wrong]), pairs skipped, seconds."""
    sentences = corpus.sentences.groupby("article_id")["text"].apply(list)
    outcome: dict[str, dict[str, list[bool]]] = {}
    skipped = 0
    started = time.perf_counter()
    for pair in pairs:
        a, b = f"{pair['id']}_a", f"{pair['id']}_b"
        a_ids, b_ids = _sentence_ids(pair["a"], sentences.get(a, [])), _sentence_ids(pair["b"], sentences.get(b, []))
        if a_ids is None or b_ids is None:
            skipped += 1
            continue
        alignment = align_module.align(corpus, a, b, sentence_scores=scores)
        for kind, results in score_pair(pair, alignment, a_ids, b_ids).items():
            for name in (pair["part"], "all"):
                outcome.setdefault(name, {}).setdefault(kind, []).extend(results)
    return outcome, skipped, time.perf_counter() - started


def figures(outcome: dict) -> dict:
    return {part: {kind: {"right": int(sum(values)), "n": len(values),
                          "share": round(sum(values) / len(values), 3) if values else None}
                   for kind, values in kinds.items()} for part, kinds in outcome.items()}


def timing(corpus, repeats: int = 3) -> dict:
    """Seconds to align two long articles (every sentence of the scripted ones run together)."""
    sentences = corpus.sentences[corpus.sentences["article_id"].str.endswith("_a")]["text"].tolist()[:150]
    shuffled = sentences[:]
    np.random.default_rng(SEED).shuffle(shuffled[60:90])
    long_pair = pd.DataFrame({"article_id": ["long_a", "long_b"], "text": [" ".join(sentences), " ".join(shuffled)]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        long_corpus = load_corpus(long_pair)
    scores = score_sentences(long_corpus)
    best = min(_timed(lambda: align_module.align(long_corpus, "long_a", "long_b", sentence_scores=scores))
               for _ in range(repeats))
    return {"sentences": len(sentences), "seconds": round(best, 3)}


def _timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--articles", type=int, default=120, help="scripted pairs (both parts together)")
    parser.add_argument("--part", choices=PARTS, default="all")
    parser.add_argument("--calibrate", action="store_true", help="print accuracy on the development part "
                        "for a grid of thresholds")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    if not options.csv.exists():
        print(f"skipped: {options.csv} is absent (the real-news corpus of ../shared/corpora/real-news-2400); "
              "give the path of its articles.csv", file=sys.stderr)
        return 0
    pairs, table = build(options.csv, options.articles, "development" if options.calibrate else options.part)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(table)
    scores = score_sentences(corpus)
    if options.calibrate:
        return calibrate(pairs, corpus, scores)
    outcome, skipped, seconds = run(pairs, corpus, scores)
    result = {"pairs": len(pairs) - skipped, "skipped_segmentation_differs": skipped,
              "align_seconds_per_pair": round(seconds / max(1, len(pairs) - skipped), 3),
              "figures": figures(outcome), "long_articles": timing(corpus)}
    if options.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['pairs']} scripted pairs of Reuters copy ({skipped} skipped: segmented differently), "
          f"{result['align_seconds_per_pair']} s per pair; two articles of {result['long_articles']['sentences']} "
          f"sentences aligned in {result['long_articles']['seconds']} s")
    rows = []
    for part, kinds in result["figures"].items():
        for kind, figure in kinds.items():
            rows.append({"part": part, "kind": kind, "right": figure["right"], "n": figure["n"],
                         "share": figure["share"]})
    print(pd.DataFrame(rows).pivot(index="kind", columns="part", values="share").to_string())
    print(pd.DataFrame(rows).pivot(index="kind", columns="part", values="n").add_prefix("n ").to_string())
    return 0


def calibrate(pairs: list[dict], corpus, scores: pd.DataFrame) -> int:
    """Print the development part's accuracy per kind for a grid of each threshold (the other kept)."""
    for name in ("REWORDED_THRESHOLD", "MOVED_THRESHOLD"):
        saved = getattr(align_module, name)
        for threshold in np.arange(0.25, 0.71, 0.05):
            setattr(align_module, name, float(threshold))
            outcome, _, _ = run(pairs, corpus, scores)
            shares = {kind: round(float(np.mean(values)), 3) for kind, values in outcome.get("development", {}).items()}
            print(name, f"{threshold:.2f}", json.dumps(shares))
        setattr(align_module, name, saved)
    return 0


if __name__ == "__main__":
    sys.exit(main())
