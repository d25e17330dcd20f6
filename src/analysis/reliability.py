"""Coursework: a frame-coding sheet for students, read back from several coders, with
Krippendorff's alpha between coders and between coders and the dictionary.

The sheet asks Semetko and Valkenburg's (2000) twenty generic-frame questions and one question per
frame of the human-rights/diplomacy codebook, for each article (or paragraph). Each row carries the
dictionary's suggested answer and its evidence sentence; a coder writes ``yes`` or ``no`` in
``code`` (and may explain in ``note``). Reliability uses the ``krippendorff`` package.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from analysis import framing
from analysis.errors import CodingSheetError
from analysis.framing.codebook import Codebook, as_codebook, codebook_argument
from analysis.framing.questions import QUESTION_CODEBOOK

__all__ = ["SHEET_COLUMNS", "CODES", "DICTIONARY", "CodingSheetError", "coding_sheet", "write_coding_sheet",
           "read_coding_sheets", "with_dictionary", "agreement", "disagreements"]

SHEET_COLUMNS = ["unit_id", "article_id", "paragraph_id", "outlet", "question_id", "frame", "question",
                 "suggestion", "suggestion_note", "evidence", "code", "note"]
CODES = {"yes": "yes", "y": "yes", "1": "yes", "true": "yes", "no": "no", "n": "no", "0": "no", "false": "no"}
DICTIONARY = "dictionary"


def _unit_id(article_id: str, paragraph_id) -> str:
    return article_id if pd.isna(paragraph_id) else f"{article_id}#p{int(paragraph_id)}"


def coding_sheet(corpus, *, unit: str = "article", codebook: str | Path | Codebook | None = None,
                 question_codebook: str | Path | Codebook = QUESTION_CODEBOOK,
                 frames: str | Path | Codebook | None = None) -> pd.DataFrame:
    """Return a blank coding sheet: one row per unit (article or paragraph) and question.

    The questions are those of ``question_codebook`` (Semetko and Valkenburg's, by default), then one
    per frame of ``codebook`` (None: news_frames). ``frames`` is the former name of ``codebook``,
    still accepted.

    Columns: unit_id, article_id, paragraph_id (empty for articles), outlet, question_id, frame,
    question, suggestion (the dictionary's "yes" or "no"), suggestion_note (how often that question's
    "yes" was right on real news; "weak indicator: ..." where it is weak, so the coder reads the
    article rather than trusting it; "" where unmeasured), evidence (the sentence behind a "yes"),
    code (for the coder: yes or no), note (for the coder's reason).
    """
    codebook = codebook_argument(codebook, frames, "coding_sheet")
    generic_rows = framing.prefill_questions(corpus, question_codebook, unit=unit)
    if unit == "article":
        generic_rows.insert(1, "paragraph_id", pd.NA)
    codebook = as_codebook(codebook)
    flags = framing.sentence_frames(corpus, codebook)
    flags = flags.merge(corpus.sentences[["article_id", "sentence_id", "paragraph_id", "text"]],
                        on=["article_id", "sentence_id"])
    frame_rows = []
    keys = ["article_id"] if unit == "article" else ["article_id", "paragraph_id"]
    for key, group in flags.groupby(keys, sort=False):
        article_id = key[0] if isinstance(key, tuple) else key
        paragraph_id = key[1] if unit == "paragraph" else pd.NA
        for name, frame in codebook.frames.items():
            carrying = group[group[name]]
            frame_rows.append({
                "article_id": article_id, "paragraph_id": paragraph_id, "frame": name,
                "question_id": f"NF-{name}",
                "question": f"Does the {unit} frame the story as {frame.label.lower()}? ({frame.definition})",
                "suggestion": "yes" if len(carrying) else "no", "suggestion_note": "",
                "evidence": carrying["text"].iloc[0] if len(carrying) else ""})
    sheet = pd.concat([generic_rows, pd.DataFrame(frame_rows)], ignore_index=True)
    sheet["outlet"] = sheet["article_id"].map(dict(zip(corpus.articles["article_id"], corpus.articles["outlet"])))
    sheet["unit_id"] = [_unit_id(a, p) for a, p in zip(sheet["article_id"], sheet["paragraph_id"])]
    sheet["code"] = ""
    sheet["note"] = ""
    order = {article_id: position for position, article_id in enumerate(corpus.articles["article_id"])}
    sheet = sheet.sort_values(["article_id", "paragraph_id"], key=lambda column: column.map(order)
                              if column.name == "article_id" else column, kind="stable")
    return sheet[SHEET_COLUMNS].reset_index(drop=True)


def write_coding_sheet(corpus, path: str | Path, **options) -> Path:
    """Write a blank coding sheet (see ``coding_sheet``) as CSV and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    coding_sheet(corpus, **options).to_csv(path, index=False)
    return path


def _coder_files(sources) -> list[Path]:
    if isinstance(sources, (str, Path)) and Path(sources).is_dir():
        files = sorted(Path(sources).glob("coder-*.csv"))
        if not files:
            raise CodingSheetError(f"{sources}: no coding sheets named coder-NAME.csv in this folder")
        return files
    files = [Path(source) for source in ([sources] if isinstance(sources, (str, Path)) else sources)]
    problems = []
    for file in files:
        if not file.is_file():
            nearby = [path.name for path in file.parent.glob("*.csv")] if file.parent.is_dir() else []
            guess = difflib.get_close_matches(file.name, nearby, n=1)
            problems.append(f"{file}: no such coding sheet" + (f"; did you mean {guess[0]}?" if guess else ""))
    if problems:
        raise CodingSheetError("\n".join(problems))
    return files


def _coder_name(path: Path) -> str:
    stem = path.stem
    return stem[len("coder-"):] if stem.startswith("coder-") else stem


def read_coding_sheets(sources, *, template: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the codes of several filled coding sheets as one table, checked.

    ``sources`` is a folder (every ``coder-NAME.csv`` in it) or a list of files; the coder's name
    comes from the file name. Every sheet must have a yes/no code on every row of ``template``
    (default: the rows of all the sheets together). Problems (a missing file, with the closest
    name; unknown codes; missing or extra rows) are all reported at once, with file and line.

    Columns: coder, unit_id, article_id, question_id, frame, suggestion, evidence, code ("yes"/"no").
    """
    files = _coder_files(sources)
    names = [_coder_name(file) for file in files]
    if len(set(names)) < len(names):
        raise CodingSheetError("two sheets have the same coder name: " + ", ".join(sorted(names)))
    problems: list[str] = []
    sheets = []
    for file, coder in zip(files, names):
        try:
            sheet = pd.read_csv(io.StringIO(file.read_text(encoding="utf-8-sig")), dtype=str, keep_default_na=False)
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            problems.append(f"{file}: not a readable CSV coding sheet ({error}); save it as CSV (UTF-8)")
            continue
        missing_columns = [column for column in ("unit_id", "question_id", "code") if column not in sheet.columns]
        if missing_columns:
            problems.append(f"{file}: the columns {', '.join(missing_columns)} are missing; start from a blank sheet")
            continue
        sheet["line"] = range(2, len(sheet) + 2)
        normalised = sheet["code"].str.strip().str.casefold().map(CODES)
        for row in sheet[normalised.isna()].itertuples():
            value = row.code.strip()
            problems.append(f"{file}, line {row.line} ({row.unit_id}, {row.question_id}): "
                            + (f"the code '{value}' is not yes or no" if value else "no code given; write yes or no"))
        duplicated = sheet[sheet.duplicated(["unit_id", "question_id"], keep="first")]
        for row in duplicated.itertuples():
            problems.append(f"{file}, line {row.line}: {row.unit_id} {row.question_id} is coded twice")
        sheet["code"] = normalised
        sheet["coder"] = coder
        sheets.append((file, sheet))
    expected = set(zip(template["unit_id"], template["question_id"])) if template is not None else set().union(
        *(set(zip(sheet["unit_id"], sheet["question_id"])) for _, sheet in sheets)) if sheets else set()
    for file, sheet in sheets:
        present = set(zip(sheet["unit_id"], sheet["question_id"]))
        missing = sorted(expected - present)
        extra = sorted(present - expected) if template is not None else []
        if missing:
            listed = ", ".join(f"{unit} {question}" for unit, question in missing[:5])
            problems.append(f"{file}: {len(missing)} row(s) missing, e.g. {listed}; copy them from a blank sheet")
        if extra:
            listed = ", ".join(f"{unit} {question}" for unit, question in extra[:5])
            problems.append(f"{file}: {len(extra)} row(s) not in the sheet, e.g. {listed}")
    if problems:
        raise CodingSheetError(f"{len(problems)} problem(s) in the coding sheets:\n" + "\n".join(f"- {p}" for p in problems))
    table = pd.concat([sheet for _, sheet in sheets], ignore_index=True)
    for column in ("article_id", "frame", "suggestion", "evidence"):
        if column not in table:
            table[column] = ""
    return table[["coder", "unit_id", "article_id", "question_id", "frame", "suggestion", "evidence", "code"]]


def _alpha(matrix: np.ndarray) -> tuple[float, str]:
    values = matrix[~np.isnan(matrix)]
    if len(np.unique(values)) < 2:
        return float("nan"), "every code is the same: alpha is undefined (there is nothing to disagree on)"
    paired = (~np.isnan(matrix)).sum(axis=0) >= 2
    if paired.sum() == 0:
        return float("nan"), "no unit was coded by two coders"
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")), ""


def _matrix(codes: pd.DataFrame, coders: list[str], items: list[tuple]) -> np.ndarray:
    lookup = {(row.coder, row.unit_id, row.question_id): row.code for row in codes.itertuples(index=False)}
    matrix = np.full((len(coders), len(items)), np.nan)
    for i, coder in enumerate(coders):
        for j, (unit_id, question_id) in enumerate(items):
            code = lookup.get((coder, unit_id, question_id))
            if code is not None:
                matrix[i, j] = 1.0 if code == "yes" else 0.0
    return matrix


def with_dictionary(codes: pd.DataFrame) -> pd.DataFrame:
    """Return the codes with the dictionary's suggestions added as one more coder, "dictionary"."""
    suggestions = codes.drop_duplicates(["unit_id", "question_id"]).assign(coder=DICTIONARY)
    suggestions = suggestions.assign(code=suggestions["suggestion"].str.strip().str.casefold().map(CODES))
    return pd.concat([codes, suggestions.dropna(subset=["code"])], ignore_index=True)


def agreement(codes: pd.DataFrame, *, by: str = "question") -> pd.DataFrame:
    """Return Krippendorff's alpha (nominal) per question or per frame, between the coders, between
    the coders and the dictionary, and between each coder and the dictionary.

    ``by="question"`` takes each question's units; ``by="frame"`` pools every unit and question of a
    frame. Columns: question_id or frame, comparison, alpha (1 = perfect agreement, 0 = no better
    than chance; 0.8 is the usual bar, 0.667 the lowest for tentative conclusions; NaN when
    undefined), agreement (share of items on which all coders agree), n_items, n_coders, note.
    """
    if by not in {"question", "frame"}:
        raise ValueError("by must be 'question' or 'frame'")
    everyone = with_dictionary(codes)
    coders = sorted(set(codes["coder"]))
    comparisons = [("coders", coders)]
    if len(coders) > 1:
        comparisons.append(("coders and dictionary", coders + [DICTIONARY]))
    comparisons += [(f"{coder} vs dictionary", [coder, DICTIONARY]) for coder in coders]
    key = "question_id" if by == "question" else "frame"
    rows = []
    for value, group in everyone.groupby(key, sort=False):
        items = list(dict.fromkeys(zip(group["unit_id"], group["question_id"])))
        for comparison, members in comparisons:
            matrix = _matrix(group, members, items)
            alpha, note = _alpha(matrix)
            if len(members) < 2:
                alpha, note = float("nan"), "one coder: nothing to compare"
            complete = matrix[:, ~np.isnan(matrix).any(axis=0)]
            agree = float((complete == complete[0]).all(axis=0).mean()) if complete.shape[1] else float("nan")
            row = {key: value, "comparison": comparison, "alpha": alpha, "agreement": agree,
                   "n_items": len(items), "n_coders": len(members), "note": note}
            if by == "question":
                row["frame"] = group["frame"].iloc[0]
            rows.append(row)
    columns = [key] + (["frame"] if by == "question" else []) + ["comparison", "alpha", "agreement", "n_items",
                                                                  "n_coders", "note"]
    return pd.DataFrame(rows, columns=columns)


def disagreements(codes: pd.DataFrame) -> pd.DataFrame:
    """Return the units and questions on which the coders (or the dictionary) disagree, with the
    evidence sentence, for discussion in class: one row per item, one column per coder."""
    everyone = with_dictionary(codes)
    wide = everyone.pivot_table(index=["unit_id", "question_id"], columns="coder", values="code", aggfunc="first")
    differing = wide[wide.nunique(axis=1, dropna=True) > 1].reset_index()
    details = codes.drop_duplicates(["unit_id", "question_id"])[["unit_id", "question_id", "frame", "evidence"]]
    return differing.merge(details, on=["unit_id", "question_id"], how="left")
