"""Framing: the matcher on tricky text, codebook validation, frame tables, and validity against gold."""

from pathlib import Path

import pandas as pd
import pytest

from analysis import framing, load_corpus, sentiment
from analysis.corpus.load import ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS, Corpus
from analysis.framing import HIT_COLUMNS
from analysis.framing.codebook import find_terms
from analysis.resources.dictionaries import DictionaryError, read_yaml
from conftest import MEASURED, corpus_of

ROOT = Path(__file__).resolve().parent.parent


def _codebook(tmp_path, text, name="book.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


SMALL = """codebook: small
frames:
  rights:
    label: Rights
    definition: rights
    terms: [human rights, tortur*, labour camps]
  talks:
    label: Talks
    definition: talks
    terms: [summit*, negotiat*]
"""


@pytest.mark.parametrize(
    "terms, text, expected",
    [
        (["labour camps"], "sent to labour\ncamps, labor camps and labour-camps", ["labour\ncamps", "labor camps", "labour-camps"]),
        (["non-proliferation"], "non-proliferation, nonproliferation, non proliferation",
         ["non-proliferation", "nonproliferation", "non proliferation"]),
        (["proliferation"], "the non-proliferation treaty", ["proliferation"]),
        (["North Korea"], "North Korea’s leader, North Korea's army, North Koreans", ["North Korea", "North Korea"]),
        (["summit*"], "submit a summit; summits; summitry", ["summit", "summits", "summitry"]),
        (["won"], "won’t, won't, and we won", ["won"]),
        (["recognise*"], "recognized, recognised, recognition", ["recognized", "recognised"]),
        (["defence", "centre", "honour"], "defense, defence, center, centre, honor, hour", ["defense", "defence", "center", "centre", "honor"]),
        (["negotiat*"], "Negotiations, negotiator, NEGOTIATE", ["Negotiations", "negotiator", "NEGOTIATE"]),
        (["human rights"], "human-rights abuses and Human Rights Watch", ["human-rights", "Human Rights"]),
        (["rights", "human rights"], "human rights", ["human rights"]),  # the longest term wins, counted once
    ],
)
def test_matcher(terms, text, expected):
    assert [found for _, found, _, _ in find_terms(text, terms)] == expected


def test_hits_name_the_dictionary_term_and_point_into_the_text(tmp_path):
    corpus = corpus_of("Leaders met at the summit.\n\nThey negotiated over tortured prisoners.")
    hits = framing.tag_sentences(corpus, framing.load_codebook(_codebook(tmp_path, SMALL)))
    assert list(hits.columns) == HIT_COLUMNS
    assert hits[["sentence_id", "frame", "term", "matched_text"]].values.tolist() == [
        [0, "talks", "summit*", "summit"], [1, "talks", "negotiat*", "negotiated"], [1, "rights", "tortur*", "tortured"]]
    text = corpus.articles["text"].iloc[0]
    assert all(text[row.start:row.end] == row.matched_text for row in hits.itertuples())


@pytest.mark.parametrize(
    "text, message",
    [
        ("codebook: x\nframes:\n  a:\n    terms: [one\n  b: [x]\n", r"line \d+: not valid YAML"),
        ("codebook: x\nframes:\n  a:\n    label: A\n    terms: [one]\n    colour: red\n", r"line 6: unknown key 'colour' in frame 'a'"),
        ("codebook: x\nframes:\n  a:\n    label: A\n    terms: []\n", r"line 3: the frame 'a' is empty"),
        ("codebook: x\nframes:\n  a:\n    terms:\n      - fine\n      - (summit)\n", r"line 6: the term '\(summit\)' contains '\(' '\)'"),
        ("codebook: x\nframes:\n  a:\n    terms:\n      - fine\n      - sum*mit\n", r"line 6: the term 'sum\*mit' has a \* that does not end a word"),
        ("codebook: x\nframes:\n  a:\n    terms: [talks, Talks]\n", r"line 4: the term 'Talks' is listed twice"),
        ("codebook: x\nframez:\n  a: {terms: [x]}\n", r"line 2: unknown key 'framez'"),
    ],
)
def test_codebook_mistakes_name_the_line(tmp_path, text, message):
    with pytest.raises(DictionaryError, match=message):
        framing.load_codebook(_codebook(tmp_path, text))


def test_unknown_codebook_and_frame_names_list_the_choices(tmp_path):
    with pytest.raises(DictionaryError, match="No codebook named 'nope'; the bundled ones are: generic_frames, news_frames"):
        framing.load_codebook("nope")
    with pytest.raises(KeyError, match="No frame 'peace' in book.yml; its frames are: rights, talks"):
        framing.frame_balance(corpus_of("Text."), _codebook(tmp_path, SMALL), first="peace", second="talks")


def test_bundled_codebooks_load():
    news = framing.load_codebook()
    assert {"human_rights", "diplomacy", "security", "human_interest"} <= set(news.frames)
    generic = framing.load_codebook("generic_frames")
    assert [len(frame.questions) for frame in generic.frames.values()] == [5, 5, 4, 3, 3]  # Semetko and Valkenburg's 20


def test_shares_and_balance_on_a_small_text(tmp_path):
    corpus = corpus_of("The summit opened. Torture was raised at the summit. Talks of human rights. Lunch followed.")
    book = framing.load_codebook(_codebook(tmp_path, SMALL))
    shares = framing.frame_shares(corpus, book, balance=("rights", "talks")).set_index("frame")
    assert shares.loc["talks", "n_hits"] == 2 and shares.loc["talks", "n_sentences"] == 2
    assert shares.loc["rights", "n_sentences"] == 2
    assert shares.loc["rights", "share"] == 0.5
    assert shares.loc["rights", "share_of_frames"] == 0.5
    # 2 rights sentences and 2 talks sentences: balanced; 3 sentences carry either.
    assert shares.loc["rights", "balance"] == 0.0 and shares.loc["rights", "balance_n"] == 3


def test_balance_is_nan_without_either_frame_and_tables_keep_their_columns(tmp_path):
    corpus = corpus_of("Nothing to see here.")
    book = framing.load_codebook(_codebook(tmp_path, SMALL))
    balance = framing.frame_balance(corpus, book, first="rights", second="talks")
    assert pd.isna(balance["balance"].iloc[0]) and balance["balance_n"].iloc[0] == 0
    assert framing.tag_sentences(corpus, book).empty
    assert list(framing.tag_sentences(corpus, book).columns) == HIT_COLUMNS
    assert framing.kwic(corpus, "rights", codebook=book).empty


def test_balance_by_outlet_pools_its_articles(tmp_path):
    corpus = corpus_of(["Torture.", "Summit. Summit again."], outlet=["Post", "Post"])
    balance = framing.frame_balance(corpus, _codebook(tmp_path, SMALL), first="rights", second="talks", by="outlet")
    assert balance[["outlet", "n_first", "n_second", "balance", "balance_n"]].values.tolist() == [["Post", 1, 2, -1 / 3, 3]]


def test_kwic_reads_every_hit_in_context(tmp_path):
    corpus = corpus_of("Leaders met for negotiations in Geneva on Monday.")
    lines = framing.kwic(corpus, "negotiat*", window=2, codebook=_codebook(tmp_path, SMALL))
    assert lines[["left", "match", "right", "frame"]].values.tolist() == [["met for", "negotiations", "in Geneva", ""]]
    by_frame = framing.kwic(corpus, "talks", window=3, codebook=_codebook(tmp_path, SMALL))
    assert by_frame[["left", "match", "frame"]].values.tolist() == [["Leaders met for", "negotiations", "talks"]]
    with pytest.raises(ValueError, match="is not a frame of book.yml"):
        framing.kwic(corpus, "(bad)", codebook=_codebook(tmp_path, SMALL))


def test_kwic_still_takes_the_codebook_by_its_former_name_frames(tmp_path):
    corpus = corpus_of("Leaders met for negotiations in Geneva on Monday.")
    book = _codebook(tmp_path, SMALL)
    assert framing.kwic(corpus, "talks", frames=book).equals(framing.kwic(corpus, "talks", codebook=book))
    with pytest.raises(TypeError, match="both codebook= and frames="):
        framing.kwic(corpus, "talks", codebook=book, frames=book)


def test_sections_and_positions(tmp_path):
    corpus = corpus_of("The summit opened.\n\nTorture was raised. Lunch. Dinner.", title=["Summit talks on torture"])
    book = framing.load_codebook(_codebook(tmp_path, SMALL))
    sections = framing.frame_by_section(corpus, book).set_index(["section", "frame"])
    assert sections.loc[("title", "talks"), "n_hits"] == 1 and sections.loc[("title", "rights"), "n_hits"] == 1
    assert sections.loc[("lead", "talks"), "n_sentences"] == 1 and sections.loc[("lead", "rights"), "n_sentences"] == 0
    assert sections.loc[("body", "rights"), "n_sentences"] == 1
    assert sections.loc[("body", "rights"), "section_sentences"] == 3
    positions = framing.frame_by_position(corpus, book, parts=2).set_index(["frame", "part"])
    assert positions.loc[("talks", 1), "n_sentences"] == 1 and positions.loc[("rights", 1), "n_sentences"] == 1
    assert positions.loc[("rights", 2), "n_sentences"] == 0 and positions.loc[("rights", 2), "part_sentences"] == 2


def test_cooccurrence_and_frame_sentiment(tmp_path):
    corpus = corpus_of("Torture at the summit was terrible. The summit was good.")
    book = framing.load_codebook(_codebook(tmp_path, SMALL))
    table = framing.frame_cooccurrence(corpus, book)
    assert table.loc["rights", "talks"] == 1 and table.loc["talks", "talks"] == 2
    scores = sentiment.score_sentences(corpus)
    by_frame = framing.frame_sentiment(corpus, scores, book, by="article_id").set_index("frame")
    assert by_frame.loc["talks", "n_sentences"] == 2
    assert by_frame.loc["talks", "vader_compound"] == pytest.approx(scores["vader_compound"].mean())
    assert by_frame.loc["rights", "vader_compound"] == scores["vader_compound"].iloc[0]


def test_generic_frame_questions_are_prefilled_with_evidence():
    corpus = corpus_of("The government must act now. His mother wept.\n\nIt cost millions.")
    table = framing.prefill_questions(corpus).set_index("question_id")
    assert len(table) == 20
    assert table.loc["R1", "suggestion"] == "yes" and table.loc["R1", "evidence"] == "The government must act now."
    assert table.loc["R1", "evidence_term"] == "government*"
    assert table.loc["H4", "evidence"] == "His mother wept."
    assert table.loc["E2", "suggestion"] == "yes" and table.loc["C4", "suggestion"] == "no"
    by_paragraph = framing.prefill_questions(corpus, unit="paragraph")
    assert sorted(by_paragraph["paragraph_id"].unique()) == [0, 1]


def test_validity_of_the_default_dictionary_against_hand_coding():
    corpus = load_corpus()
    flags = framing.sentence_frames(corpus)
    gold = pd.read_csv(ROOT / "tests/gold/frames.csv", keep_default_na=False)
    merged = flags.merge(gold, on=["article_id", "sentence_id"], validate="one_to_one")
    assert len(merged) == len(gold) == len(corpus.sentences)
    figures = {}
    for frame in ["human_rights", "diplomacy", "security", "human_interest"]:
        coded = merged["frames"].str.split(";").apply(lambda codes, frame=frame: frame in codes)
        found = merged[frame]
        precision = (coded & found).sum() / found.sum()
        recall = (coded & found).sum() / coded.sum()
        figures[frame] = (precision, recall)
        MEASURED[f"frames, {frame} ({int(coded.sum())} of {len(gold)} sentences)"] = (
            f"precision {precision:.2f}, recall {recall:.2f}")
    # The dictionary as first written, before the gold file was coded; these guard against it getting worse.
    assert figures["human_rights"][0] >= 0.95 and figures["human_rights"][1] >= 0.65
    assert figures["diplomacy"][0] >= 0.85 and figures["diplomacy"][1] >= 0.85
    assert figures["human_interest"][0] >= 0.6 and figures["human_interest"][1] >= 0.6


def test_a_codebook_edited_and_saved_again_is_read_again(tmp_path):
    path = tmp_path / "book.yml"
    path.write_text("frames:\n  trade:\n    terms: [tariff]\n", encoding="utf-8")
    assert framing.load_codebook(path).frames["trade"].terms == ["tariff"]
    path.write_text("frames:\n  trade:\n    terms: [tariff, export*]\n", encoding="utf-8")
    assert framing.load_codebook(path).frames["trade"].terms == ["tariff", "export*"]
    # What a caller does to the loaded data does not change the next load.
    data = read_yaml(path)
    data["frames"]["trade"]["terms"].append("quota")
    assert read_yaml(path)["frames"]["trade"]["terms"] == ["tariff", "export*"]


def _empty_corpus() -> Corpus:
    """A corpus of no article, its tables made from the loader's column lists."""
    return Corpus(articles=pd.DataFrame(columns=ARTICLE_COLUMNS), paragraphs=pd.DataFrame(columns=PARAGRAPH_COLUMNS),
                  sentences=pd.DataFrame(columns=SENTENCE_COLUMNS), removed=pd.DataFrame(columns=REMOVED_COLUMNS),
                  problems=pd.DataFrame(columns=["source", "problem", "action"]), source="nothing")


# Every public framing measure, called on a corpus with its sentence scores. The grids over the
# codebook's frames (positions, co-occurrence) keep their rows on an empty corpus, counting nothing.
MEASURES = {
    "tag_sentences": lambda corpus, scores: framing.tag_sentences(corpus),
    "sentence_frames": lambda corpus, scores: framing.sentence_frames(corpus),
    "frame_shares": lambda corpus, scores: framing.frame_shares(corpus),
    "frame_balance": lambda corpus, scores: framing.frame_balance(corpus),
    "frame_balance by outlet": lambda corpus, scores: framing.frame_balance(corpus, by="outlet"),
    "frame_by_section": lambda corpus, scores: framing.frame_by_section(corpus),
    "hits_in_context": lambda corpus, scores: framing.hits_in_context(framing.tag_sentences(corpus), corpus),
    "kwic of a frame": lambda corpus, scores: framing.kwic(corpus, "human_rights"),
    "kwic of a term": lambda corpus, scores: framing.kwic(corpus, "summit*"),
    "frame_sentiment": lambda corpus, scores: framing.frame_sentiment(corpus, scores),
    "frame_sentiment by article": lambda corpus, scores: framing.frame_sentiment(corpus, scores, by="article_id"),
    "prefill_questions": lambda corpus, scores: framing.prefill_questions(corpus),
    "prefill_questions by paragraph": lambda corpus, scores: framing.prefill_questions(corpus, unit="paragraph"),
}
GRIDS = {
    "frame_by_position": lambda corpus, scores: framing.frame_by_position(corpus),
    "frame_cooccurrence": lambda corpus, scores: framing.frame_cooccurrence(corpus),
}


@pytest.fixture(scope="module")
def bundled_and_empty():
    bundled = load_corpus()
    empty = _empty_corpus()
    return (bundled, sentiment.score_sentences(bundled)), (empty, sentiment.score_sentences(empty))


@pytest.mark.parametrize("name", MEASURES)
def test_a_measure_of_an_empty_corpus_has_its_columns_and_no_rows(name, bundled_and_empty):
    bundled, empty = bundled_and_empty
    expected, table = MEASURES[name](*bundled), MEASURES[name](*empty)
    assert len(expected) and len(table) == 0
    assert list(table.columns) == list(expected.columns)


@pytest.mark.parametrize("name", GRIDS)
def test_a_grid_of_an_empty_corpus_has_its_rows_and_counts_nothing(name, bundled_and_empty):
    bundled, empty = bundled_and_empty
    expected, table = GRIDS[name](*bundled), GRIDS[name](*empty)
    assert list(table.columns) == list(expected.columns) and list(table.index) == list(expected.index)
    counts = table if name == "frame_cooccurrence" else table[["n_sentences", "part_sentences"]]
    assert (counts.to_numpy() == 0).all()
