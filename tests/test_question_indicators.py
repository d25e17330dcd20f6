"""Question indicators with measured precision (issue 20, part 3): the codebook's ``validated:``
figures, the weak verdict, and the note they put beside each suggestion in the pre-filled answers
and the coding sheet; the shipped figures re-measured on the narrative-frames articles in ../shared
(skipped with a message where that folder is absent)."""

import sys
from pathlib import Path

import pytest
from conftest import MEASURED, corpus_of, shared_path

from analysis import framing
from analysis.errors import DictionaryError
from analysis.framing.codebook import Question, is_weak, load_codebook
from analysis.reliability import coding_sheet

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import question_indicators  # noqa: E402  (the benchmark script, benchmarks/question_indicators.py)

CODEBOOK = """\
codebook: tiny
frames:
  economic:
    label: Economic
    definition: Money.
    questions:
      - id: E1
        text: Is money mentioned?
        indicators: [money]
        validated: {precision: 0.3, recall: 0.8, alpha: 0.5, base_rate: 0.1, units: 40, data: 'a class sample'}
      - id: E2
        text: Are costs mentioned?
        indicators: [cost*]
        validated: {precision: 0.75, recall: 0.6, alpha: 0.42, base_rate: 0.5, units: 40}
      - id: E3
        text: Is trade mentioned?
        indicators: [trade]
"""


@pytest.mark.parametrize("precision, alpha, weak", [
    (0.3, 0.5, True),     # its "yes" is right less than half the time
    (0.97, -0.36, True),  # right nearly always, but so is any guess: alpha below chance
    (0.75, 0.09, True),   # alpha just under 0.1
    (0.5, 0.1, False),    # both exactly at the floor
    (0.75, 0.42, False),
    (float("nan"), 0.5, True),  # never said yes: nothing shows it can be trusted
])
def test_weak_means_under_half_right_or_no_better_than_chance(precision, alpha, weak):
    assert is_weak(precision, alpha) is weak


def test_validated_figures_are_read_and_say_how_far_to_trust_the_suggestion(tmp_path):
    path = tmp_path / "tiny.yml"
    path.write_text(CODEBOOK, encoding="utf-8")
    questions = {question.id: question for question in load_codebook(path).frames["economic"].questions}
    assert questions["E1"].validated["units"] == 40
    assert questions["E1"].weak is True
    assert questions["E1"].note() == ("weak indicator: on 40 coded articles (a class sample) its 'yes' was right 30% "
                                      "of the time, where people said yes for 10% (alpha 0.50); read the article, "
                                      "not the suggestion")
    assert questions["E2"].weak is False
    assert questions["E2"].note().startswith("on 40 coded articles (real news) its 'yes' was right 75% of the time")
    assert questions["E3"].weak is None and questions["E3"].note() == ""
    assert Question("X", "text", ["term"]).validated == {}  # made in code, as before: unmeasured


@pytest.mark.parametrize("line, message", [
    ("validated: {precision: 1.5}", "'precision: 1.5' under 'validated:' must be a number from 0 to 1"),
    ("validated: {alpha: high}", "'alpha: high' under 'validated:' must be a number from -1 to 1"),
    ("validated: {precsion: 0.5}", "unknown key 'precsion' under 'validated:'"),
    ("validated: 0.5", "'validated:' must list figures"),
])
def test_bad_validated_figures_name_the_file_and_line(tmp_path, line, message):
    path = tmp_path / "tiny.yml"
    path.write_text(CODEBOOK.replace("validated: {precision: 0.75, recall: 0.6, alpha: 0.42, base_rate: 0.5, units: 40}",
                                     line), encoding="utf-8")
    with pytest.raises(DictionaryError) as raised:
        load_codebook(path)
    assert str(raised.value).startswith(f"{path}, line 14: ")
    assert message in str(raised.value)


def test_prefilled_answers_and_the_coding_sheet_carry_the_note(tmp_path):
    path = tmp_path / "tiny.yml"
    path.write_text(CODEBOOK, encoding="utf-8")
    corpus = corpus_of(["The money is gone. Trade fell.", "Costs rose."])
    answers = framing.prefill_questions(corpus, path)
    notes = dict(zip(answers["question_id"], answers["suggestion_note"]))
    assert notes["E1"].startswith("weak indicator: ") and notes["E3"] == ""
    assert list(answers.loc[answers["article_id"] == "a0", "suggestion"]) == ["yes", "no", "yes"]
    sheet = coding_sheet(corpus, question_codebook=path)
    assert sheet.columns[sheet.columns.get_loc("suggestion") + 1] == "suggestion_note"
    generic = sheet[sheet["question_id"].isin(["E1", "E2", "E3"])]
    assert (generic["suggestion_note"] == generic["question_id"].map(notes)).all()
    assert (sheet.loc[sheet["question_id"].str.startswith("NF-"), "suggestion_note"] == "").all()


def test_the_shipped_codebook_marks_its_weak_questions():
    questions = {question.id: question for frame in load_codebook("generic_frames").frames.values()
                 for question in frame.questions}
    assert questions["M3"].weak is True  # "should / must / need to": yes for 252 articles where coders found 6
    assert questions["E1"].weak is False
    assert questions["R4"].weak is None and questions["H5"].weak is None  # no counterpart in the data
    assert all(question.weak is not None for name, question in questions.items() if name not in {"R4", "H5"})


@pytest.mark.slow
def test_the_shipped_figures_are_what_the_indicators_score_on_narrative_frames():
    folder = shared_path("benchmarks/narrative-frames/full_annotations.json").parent
    result = question_indicators.measure(folder)
    shipped = {question.id: question for frame in load_codebook("generic_frames").frames.values()
               for question in frame.questions}
    weak = [name for name, question in shipped.items() if question.weak]
    MEASURED["question indicators, narrative-frames"] = (
        f"{len(weak)} of {len(result['questions'])} weak ({', '.join(weak)}); precision " + ", ".join(
            f"{name} {entry['all']['precision']:.2f}" for name, entry in result["questions"].items()))
    assert result["articles"] == 427
    for name, entry in result["questions"].items():
        # Edited the indicators? Re-measure: python benchmarks/question_indicators.py --yaml
        assert shipped[name].validated == entry["validated"], name
