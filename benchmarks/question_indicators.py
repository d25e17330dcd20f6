"""How often each generic-frame question's pre-filled "yes" is right, against people's codes of real
news (issue 20, part 3).

    python benchmarks/question_indicators.py [FOLDER] [--terms] [--json]

FOLDER (default ``../shared/benchmarks/narrative-frames``) holds 424 climate news articles coded by
two to four people with yes/no questions adapted from Semetko and Valkenburg (2000)
(``full_annotations.json``: each coder's answer per question). Eighteen of them ask what one of
``generic_frames.yml``'s questions asks (``QUESTIONS`` below; the others, R4 and H5, have no
counterpart there). The people's answer is the majority of an article's coders (ties left out),
exactly as ``analysis.validation`` reads a class's coding sheets, and the dictionary's answer is
``prefill_questions``' suggestion: "yes" when any indicator occurs in the article.

The articles are split by the SHA-1 of their id: one in five is held out. The figures are reported
on both parts; the ``weak`` verdict (``analysis.framing.codebook.is_weak``: a "yes" right less than half the time,
or agreement with the people no better than chance, Krippendorff's alpha under 0.1) is a fixed
rule, not fitted. ``--yaml`` prints each question's ``validated:`` figures on all the articles, as
written into ``data/frames/generic_frames.yml``.
``--terms`` adds ``validation.term_diagnostics``: each indicator term's precision.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frames_narrative import DEFAULT_FOLDER, read_narrative_frames  # noqa: E402

from analysis import framing, validation  # noqa: E402
from analysis.framing.codebook import is_weak  # noqa: E402

# generic_frames.yml's question -> the narrative-frames question that asks the same (its codebook:
# annotation_detailed_instructions.txt). Theirs ask about "some entity" where R1 and R2 ask about
# government, and HI3 about entities "negatively affected": close, not identical.
QUESTIONS = {"R1": "re6", "R2": "re7", "R3": "re1a", "R5": "re5", "H1": "hi1", "H2": "hi2", "H3": "hi3",
             "H4": "hi5", "C1": "co1", "C2": "co2", "C3": "co3", "C4": "co4", "M1": "mo1", "M2": "mo2",
             "M3": "mo3", "E1": "ec1", "E2": "ec2", "E3": "ec3"}
HELD_OUT_ONE_IN = 5
DATA = "climate news, narrative-frames"


def held_out(article_id: str) -> bool:
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % HELD_OUT_ONE_IN == 0


def coders_codes(folder: Path, corpus) -> pd.DataFrame:
    """Return the people's codes in ``read_coding_sheets``' shape, with the dictionary's suggestions."""
    annotations = json.loads((folder / "full_annotations.json").read_text(encoding="utf-8"))
    suggestions = framing.prefill_questions(corpus)
    suggestion_of = dict(zip(zip(suggestions["article_id"], suggestions["question_id"]), suggestions["suggestion"]))
    frame_of = dict(zip(suggestions["question_id"], suggestions["frame"]))
    rows = []
    for article_id in corpus.articles["article_id"]:
        for ours, theirs in QUESTIONS.items():
            answers = annotations[article_id].get(theirs, [None, []])[1]
            for coder, answer in enumerate(answers, start=1):
                if answer in ("yes", "no"):
                    rows.append({"unit_id": article_id, "article_id": article_id, "question_id": ours,
                                 "frame": frame_of[ours], "suggestion": suggestion_of[(article_id, ours)],
                                 "code": answer, "coder": f"coder{coder}"})
    return pd.DataFrame(rows)


def measure(folder: Path, *, terms: bool = False) -> dict:
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus, _ = read_narrative_frames(folder)
    codes = coders_codes(folder, corpus)
    parts = {"all": codes, "development": codes[~codes["article_id"].map(held_out)],
             "held_out": codes[codes["article_id"].map(held_out)]}
    tables = {}
    for part, part_codes in parts.items():
        table = validation.validate_questions(part_codes).set_index("item")
        table["base_rate"] = table["people_yes"] / table["n_units"]
        table["weak"] = [is_weak(p, a) for p, a in zip(table["precision"], table["alpha"])]
        tables[part] = table
    result = {"articles": int(corpus.articles.shape[0]),
              "held_out_articles": int(parts["held_out"]["article_id"].nunique()),
              "questions": {}, "seconds": 0.0}
    for question in QUESTIONS:
        entry = {"narrative_frames_question": QUESTIONS[question]}
        for part, table in tables.items():
            row = table.loc[question]
            entry[part] = {"units": int(row["n_units"]), "base_rate": round(float(row["base_rate"]), 3),
                           "suggests_yes": int(row["measure_yes"]), "precision": round(float(row["precision"]), 3),
                           "recall": round(float(row["recall"]), 3), "alpha": round(float(row["alpha"]), 3),
                           "alpha_interval": [round(float(row["alpha_low"]), 3), round(float(row["alpha_high"]), 3)],
                           "weak": bool(row["weak"])}
        entry["weak_on_both_parts"] = entry["development"]["weak"] and entry["held_out"]["weak"]
        figures = entry["all"]
        entry["validated"] = {key: figures[key] for key in ("precision", "recall", "alpha", "base_rate")}
        entry["validated"].update(units=figures["units"], data=f"{DATA} {QUESTIONS[question]}")
        result["questions"][question] = entry
    if terms:
        result["terms"] = validation.term_diagnostics(codes, corpus).to_dict(orient="records")
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--terms", action="store_true", help="also each indicator term's precision")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--yaml", action="store_true", help="print each question's validated: figures")
    options = parser.parse_args(argv)
    if not (options.folder / "full_annotations.json").is_file():
        print(f"skipped: {options.folder / 'full_annotations.json'} is absent; the narrative-frames benchmark is kept "
              "beside the repository in ../shared/benchmarks (give its folder as the first argument)")
        return 0
    result = measure(options.folder, terms=options.terms)
    if options.json:
        print(json.dumps(result))
        return 0
    if options.yaml:
        for question, entry in result["questions"].items():
            figures = ", ".join(f"{key}: {value!r}" if key == "data" else f"{key}: {value}"
                                for key, value in entry["validated"].items())
            print(f"{question}: {{{figures}}}")
        return 0
    print(f"narrative-frames: {result['articles']} articles ({result['held_out_articles']} held out), "
          f"{result['seconds']} s; precision, recall and alpha of each question's pre-filled 'yes'")
    rows = []
    for question, entry in result["questions"].items():
        row = {"question": question, "theirs": entry["narrative_frames_question"]}
        for part in ("all", "development", "held_out"):
            figures = entry[part]
            row[part] = (f"n={figures['units']} base {figures['base_rate']:.2f} yes {figures['suggests_yes']} "
                         f"P {figures['precision']:.2f} R {figures['recall']:.2f} a {figures['alpha']:.2f}"
                         + (" WEAK" if figures["weak"] else ""))
        rows.append(row)
    with pd.option_context("display.width", 250, "display.max_colwidth", 80):
        print(pd.DataFrame(rows).to_string(index=False))
    if options.terms:
        with pd.option_context("display.width", 200, "display.max_rows", 400):
            print(pd.DataFrame(result["terms"]).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
