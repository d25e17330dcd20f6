"""Coursework coding sheets: writing, reading back with clear errors, and Krippendorff's alpha."""

import math

import krippendorff
import numpy as np
import pandas as pd
import pytest

from analysis import framing, reliability
from analysis.reliability import CodingSheetError
from conftest import corpus_of


@pytest.fixture(scope="module")
def small():
    return corpus_of(["The government must act on human rights abuses. His mother wept.",
                    "Leaders met at the summit to discuss trade and missiles."])


def test_the_sheet_has_every_question_for_every_unit(small):
    sheet = reliability.coding_sheet(small)
    assert list(sheet.columns) == reliability.SHEET_COLUMNS
    assert len(sheet) == 2 * (20 + 4)
    assert (sheet["code"] == "").all()
    rows = sheet.set_index(["unit_id", "question_id"])
    assert rows.loc[("a0", "NF-human_rights"), "suggestion"] == "yes"
    assert rows.loc[("a0", "NF-human_rights"), "evidence"] == "The government must act on human rights abuses."
    assert rows.loc[("a1", "NF-human_rights"), "suggestion"] == "no"
    assert rows.loc[("a1", "NF-security"), "suggestion"] == "yes"
    generic = framing.prefill_questions(small).set_index(["article_id", "question_id"])
    assert rows.loc[("a0", "R1"), "suggestion"] == generic.loc[("a0", "R1"), "suggestion"]


def test_the_sheet_takes_its_codebooks_by_name_and_the_former_name_frames(small):
    sheet = reliability.coding_sheet(small)
    assert sheet.equals(reliability.coding_sheet(small, codebook="news_frames", question_codebook="generic_frames"))
    assert sheet.equals(reliability.coding_sheet(small, frames="news_frames"))
    with pytest.raises(TypeError, match="both codebook= and frames="):
        reliability.coding_sheet(small, codebook="news_frames", frames="news_frames")


def test_paragraph_units(small):
    corpus = corpus_of(["First paragraph on the summit.\n\nSecond paragraph on torture."])
    sheet = reliability.coding_sheet(corpus, unit="paragraph")
    assert sorted(sheet["unit_id"].unique()) == ["a0#p0", "a0#p1"]
    rows = sheet.set_index(["unit_id", "question_id"])
    assert rows.loc[("a0#p0", "NF-diplomacy"), "suggestion"] == "yes"
    assert rows.loc[("a0#p1", "NF-diplomacy"), "suggestion"] == "no"


def _fill(sheet, codes, path):
    filled = sheet.copy()
    filled["code"] = codes
    filled.to_csv(path, index=False)
    return path


def test_reading_filled_sheets(tmp_path, small):
    sheet = reliability.coding_sheet(small)
    _fill(sheet, ["yes"] * len(sheet), tmp_path / "coder-anna.csv")
    _fill(sheet, ["Y", "no", "1", "0"] * (len(sheet) // 4), tmp_path / "coder-ben.csv")
    codes = reliability.read_coding_sheets(tmp_path, template=sheet)
    assert sorted(codes["coder"].unique()) == ["anna", "ben"]
    assert set(codes["code"]) == {"yes", "no"}
    assert codes[codes["coder"] == "ben"]["code"].tolist()[:4] == ["yes", "no", "yes", "no"]


def test_sheet_mistakes_are_all_reported_with_file_and_line(tmp_path, small):
    sheet = reliability.coding_sheet(small)
    codes = ["yes"] * len(sheet)
    codes[0], codes[3] = "maybe", ""
    bad = _fill(sheet, codes, tmp_path / "coder-anna.csv")
    short = sheet.iloc[:-2]
    _fill(short, ["no"] * len(short), tmp_path / "coder-ben.csv")
    with pytest.raises(CodingSheetError) as error:
        reliability.read_coding_sheets(tmp_path, template=sheet)
    message = str(error.value)
    assert f"{bad}, line 2 (a0, R1): the code 'maybe' is not yes or no" in message
    assert f"{bad}, line 5 (a0, R4): no code given; write yes or no" in message
    assert "coder-ben.csv: 2 row(s) missing, e.g. a1 NF-" in message


def test_a_misspelt_coder_file_suggests_the_right_one(tmp_path, small):
    sheet = reliability.coding_sheet(small)
    _fill(sheet, ["yes"] * len(sheet), tmp_path / "coder-anna.csv")
    with pytest.raises(CodingSheetError, match=r"coder-ana.csv: no such coding sheet; did you mean coder-anna.csv\?"):
        reliability.read_coding_sheets([tmp_path / "coder-ana.csv"])


def _codes(table):
    rows = []
    for coder, values in table.items():
        for unit, value in enumerate(values):
            if value is not None:
                rows.append({"coder": coder, "unit_id": f"u{unit}", "article_id": f"u{unit}", "question_id": "Q1",
                             "frame": "f", "suggestion": "yes", "evidence": "", "code": value})
    return pd.DataFrame(rows)


def test_alpha_against_a_hand_computed_value():
    # Coder 1: yes no yes yes -, coder 2: yes no no yes yes. Unit 5 has one code and does not count.
    # Pairable values: 5 yes, 3 no (n = 8); disagreement observed in one unit: D_o = 2/8;
    # expected D_e = 2*5*3/(8*7); alpha = 1 - D_o/D_e = 1 - 0.25/(30/56) = 0.5333.
    codes = _codes({"c1": ["yes", "no", "yes", "yes", None], "c2": ["yes", "no", "no", "yes", "yes"]})
    table = reliability.agreement(codes).set_index("comparison")
    assert table.loc["coders", "alpha"] == pytest.approx(1 - 0.25 / (30 / 56))
    assert table.loc["coders", "alpha"] == pytest.approx(krippendorff.alpha(
        reliability_data=np.array([[1, 0, 1, 1, np.nan], [1, 0, 0, 1, 1]]), level_of_measurement="nominal"))
    assert table.loc["coders", "agreement"] == 0.75  # 3 of the 4 units both coded
    # The dictionary said yes everywhere.
    assert table.loc["c1 vs dictionary", "alpha"] == pytest.approx(krippendorff.alpha(
        reliability_data=np.array([[1, 0, 1, 1, np.nan], [1, 1, 1, 1, 1]]), level_of_measurement="nominal"))


def test_alpha_is_undefined_when_every_code_is_the_same():
    codes = _codes({"c1": ["yes", "yes"], "c2": ["yes", "yes"]})
    row = reliability.agreement(codes).set_index("comparison").loc["coders"]
    assert math.isnan(row["alpha"]) and row["agreement"] == 1.0
    assert row["note"].startswith("every code is the same")


def test_agreement_by_frame_pools_the_questions():
    codes = _codes({"c1": ["yes", "no"], "c2": ["yes", "no"]})
    codes = pd.concat([codes, codes.assign(question_id="Q2")], ignore_index=True)
    table = reliability.agreement(codes, by="frame").set_index("comparison")
    assert table.loc["coders", "n_items"] == 4 and table.loc["coders", "alpha"] == 1.0


def test_disagreements_list_the_items_to_discuss():
    codes = _codes({"c1": ["yes", "no"], "c2": ["yes", "yes"]})
    table = reliability.disagreements(codes)
    assert table["unit_id"].tolist() == ["u1"]
    assert table[["c1", "c2", "dictionary"]].values.tolist() == [["no", "yes", "yes"]]
