"""load_corpus on every input format, on the bundled corpus, and on every kind of bad input."""

import gzip
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus import codes
from analysis.corpus.codes import PROBLEM_CODES, REMOVAL_REASONS
from analysis.corpus.load import ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS
from analysis.corpus.problems import PROBLEM_COLUMNS, ProblemLog
from analysis.resources.paths import bundled_corpus_dir
from conftest import load_quietly, problem_rows, write_files

STORY_A = "Talks resumed in Geneva on Monday. \"We are hopeful,\" the envoy said.\n\nNo date was set."
STORY_B = "Aid groups warned of hunger. Officials said little."




# --- the bundled corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled():
    return load_corpus(strict=True)


def test_bundled_corpus_loads_four_articles_with_manifest_metadata(bundled):
    articles = bundled.articles.set_index("article_id")
    assert list(articles.index) == ["voa_ap", "wandsworth_guardian", "telegraph", "wikipedia"]
    assert articles.loc["telegraph", "outlet"] == "The Telegraph"
    assert articles.loc["voa_ap", "date"] == pd.Timestamp("2018-02-13")
    assert pd.isna(articles.loc["wikipedia", "date"])
    assert articles.loc["wandsworth_guardian", "author"] == "Press Association (inferred) from the AP interview"
    assert list(bundled.articles.columns[: len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(bundled.articles["date"])
    assert bundled.problems.empty


def test_tables_have_their_documented_columns(bundled):
    assert list(bundled.paragraphs.columns) == PARAGRAPH_COLUMNS
    assert list(bundled.sentences.columns) == SENTENCE_COLUMNS
    assert list(bundled.removed.columns) == REMOVED_COLUMNS
    assert list(bundled.problems.columns) == PROBLEM_COLUMNS == ["source", "problem", "action", "code"]
    # the codes come last, so the English columns keep their places
    assert REMOVED_COLUMNS[-1] == "reason_code" and PROBLEM_COLUMNS[-1] == "code"


# --- the codes of removed and problems -----------------------------------------------------------


def assert_known_codes(corpus):
    """Every row of removed and problems has a known code, and removed's English is its code's."""
    assert corpus.removed["reason_code"].isin(REMOVAL_REASONS).all(), corpus.removed["reason_code"].unique()
    assert corpus.removed["reason"].tolist() == corpus.removed["reason_code"].map(REMOVAL_REASONS).tolist()
    assert corpus.problems["code"].isin(PROBLEM_CODES).all(), corpus.problems["code"].unique()


FIXTURE_CORPORA = ["harbour_corpus", "wind_farm_corpus", "one_outlet_corpus", "blind_quotes", "heldout_quotes"]


@pytest.mark.parametrize("name", ["bundled", *FIXTURE_CORPORA])
def test_every_removed_and_problem_row_has_a_known_code(name):
    path = bundled_corpus_dir() if name == "bundled" else Path(__file__).parent / "fixtures" / name
    corpus = load_quietly(path)
    assert_known_codes(corpus)
    if name == "bundled":
        assert set(corpus.removed["reason_code"]) == {codes.CREDIT_CAPTION, codes.CAPTION, codes.REPEATED_LINE,
                                                      codes.TRUNCATED_CAPTION, codes.DATE_HEADER, codes.TITLE,
                                                      codes.FURNITURE}


def test_a_problem_without_a_known_code_is_refused():
    problems = ProblemLog()
    with pytest.raises(ValueError, match="not a problem code"):
        problems.add("a.txt", "something", "skipped", code="something_else")
    with pytest.raises(TypeError):
        problems.add("a.txt", "something", "skipped")  # the code is required
    assert len(problems) == 0


def test_each_code_is_named_once_and_documented():
    names = {name: getattr(codes, name) for name in codes.__all__ if isinstance(getattr(codes, name), str)}
    values = list(names.values())
    assert len(values) == len(set(values)), "two constants share a code"
    assert set(values) == set(REMOVAL_REASONS) | set(PROBLEM_CODES)
    assert not set(REMOVAL_REASONS) & set(PROBLEM_CODES)
    documentation = (Path(__file__).parents[1] / "docs" / "corpus-formats.md").read_text(encoding="utf-8")
    undocumented = [code for code in values if f"`{code}`" not in documentation]
    assert not undocumented, f"codes missing from docs/corpus-formats.md: {undocumented}"


def test_sentence_and_paragraph_offsets_give_the_text_back(bundled):
    texts = bundled.articles.set_index("article_id")["text"]
    for table in (bundled.sentences, bundled.paragraphs):
        for row in table.itertuples():
            assert texts[row.article_id][row.start:row.end] == row.text


def test_sentence_ids_count_from_zero_in_each_article(bundled):
    for _, sentences in bundled.sentences.groupby("article_id"):
        assert list(sentences["sentence_id"]) == list(range(len(sentences)))


def test_word_counts_match_the_cleaned_text(bundled):
    from analysis.corpus.text import count_words

    for row in bundled.articles.itertuples():
        assert row.n_words == count_words(row.text)


def test_voa_captions_are_in_removed_not_in_sentences(bundled):
    voa = bundled.removed[bundled.removed["article_id"] == "voa_ap"]
    assert len(voa) == 4
    sentences = " ".join(bundled.sentences.loc[bundled.sentences["article_id"] == "voa_ap", "text"])
    assert "smiles during an interview" not in sentences


def test_summary_counts(bundled):
    summary = bundled.summary().set_index("article_id")
    assert summary.loc["voa_ap", "n_removed_lines"] == 4
    assert summary.loc["wikipedia", "n_removed_lines"] == 0
    assert summary["n_sentences"].sum() == len(bundled.sentences)


def test_events_timeline_is_loaded_with_dates(bundled):
    assert len(bundled.events) == 9
    assert bundled.events["date"].iloc[-1] == pd.Timestamp("2018-06-12")


# --- formats --------------------------------------------------------------------------------------


def test_folder_of_txt_without_manifest_uses_file_names_as_ids(tmp_path):
    corpus = load_quietly(write_files(tmp_path / "c", {"geneva.txt": STORY_A, "aid.txt": STORY_B}))
    assert list(corpus.articles["article_id"]) == ["aid", "geneva"]
    assert list(corpus.articles["outlet"]) == ["aid", "geneva"]  # no manifest: the id stands in
    assert corpus.articles["date"].isna().all()
    assert corpus.problems.empty
    assert list(corpus.paragraphs.groupby("article_id").size()) == [1, 2]


def test_folder_with_manifest_keeps_extra_columns(tmp_path):
    manifest = "file,id,outlet,date,section\ngeneva.txt,g1,Daily Post,2020-05-04,World\naid.txt,a1,Herald,4 May 2020,Aid\n"
    corpus = load_quietly(write_files(tmp_path / "c", {"geneva.txt": STORY_A, "aid.txt": STORY_B, "articles.csv": manifest}))
    articles = corpus.articles.set_index("article_id")
    assert list(articles.index) == ["g1", "a1"]
    assert articles.loc["a1", "date"] == pd.Timestamp("2020-05-04")
    assert articles.loc["g1", "section"] == "World"
    assert corpus.problems.empty


def test_csv_tsv_jsonl_and_parquet_tables(tmp_path):
    table = pd.DataFrame({"id": ["x", "y"], "outlet": ["Post", "Herald"], "text": [STORY_A, STORY_B],
                          "date": ["2021-01-02", ""]})
    table.to_csv(tmp_path / "a.csv", index=False)
    table.to_csv(tmp_path / "a.tsv", index=False, sep="\t")
    table.to_parquet(tmp_path / "a.parquet")
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(record) for record in table.to_dict("records")))
    for name in ("a.csv", "a.tsv", "a.jsonl", "a.parquet"):
        corpus = load_quietly(tmp_path / name)
        assert list(corpus.articles["article_id"]) == ["x", "y"], name
        assert list(corpus.articles["outlet"]) == ["Post", "Herald"], name
        assert corpus.articles["date"].iloc[0] == pd.Timestamp("2021-01-02"), name
        assert pd.isna(corpus.articles["date"].iloc[1]), name
        assert corpus.problems.empty, name


def test_table_without_ids_numbers_its_rows(tmp_path):
    pd.DataFrame({"text": [STORY_A, STORY_B]}).to_csv(tmp_path / "stories.csv", index=False)
    assert list(load_quietly(tmp_path / "stories.csv").articles["article_id"]) == ["stories-1", "stories-2"]


def test_dataframe_is_a_corpus_too():
    corpus = load_quietly(pd.DataFrame({"article_id": ["one"], "text": [STORY_B]}))
    assert corpus.sentences["text"].tolist() == ["Aid groups warned of hunger.", "Officials said little."]


PAGE = """<html><head><title>Envoy hopeful | Daily Post</title>
<meta property="og:title" content="Envoy hopeful as talks resume">
<meta property="og:site_name" content="Daily Post">
<meta property="article:published_time" content="2020-05-04">
<link rel="canonical" href="https://example.org/envoy"></head>
<body><nav>Home | World | Sport</nav><article><h1>Envoy hopeful as talks resume</h1>
<p>Talks resumed in Geneva on Monday after a pause of several months, officials said.</p>
<p>"We are hopeful," the envoy told reporters outside the building, adding that no date was set.</p>
</article><footer>Copyright 2020 Daily Post</footer></body></html>"""


def test_folder_of_saved_web_pages(tmp_path):
    corpus = load_quietly(write_files(tmp_path / "c", {"envoy.html": PAGE}))
    article = corpus.articles.iloc[0]
    assert article["article_id"] == "envoy"
    assert article["title"] == "Envoy hopeful as talks resume"
    assert article["outlet"] == "Daily Post"
    assert article["url"] == "https://example.org/envoy"
    assert article["date"] == pd.Timestamp("2020-05-04")
    assert article["text"].startswith("Talks resumed in Geneva")  # the headline is not in the body
    assert "Copyright" not in article["text"] and "Sport" not in article["text"]


def test_gzipped_web_pages_load_and_angle_brackets_in_them_are_not_tags(tmp_path):
    page = PAGE.replace("adding that no date was set.", "adding that &lt;The Palace: Tale of Jang Noksu&gt; was shown.")
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "envoy.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    corpus = load_quietly(folder)
    assert corpus.articles["article_id"].tolist() == ["envoy"]
    assert "<The Palace: Tale of Jang Noksu> was shown." in corpus.articles["text"].iloc[0]
    assert corpus.problems.empty


def test_copied_bundled_corpus_loads_like_the_original(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(bundled_corpus_dir(), copy)
    assert load_quietly(copy).articles.drop(columns=[]).equals(load_corpus().articles)


# --- bad input ------------------------------------------------------------------------------------


def test_empty_binary_and_html_files(tmp_path):
    folder = write_files(tmp_path / "c", {
        "empty.txt": "   \n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "tagged.txt": "<p>Talks <b>resumed</b> today.</p>",
        "good.txt": STORY_B,
    })
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["good", "tagged"]
    assert corpus.articles.set_index("article_id").loc["tagged", "text"] == "Talks resumed today."
    assert problem_rows(corpus) == [
        ("empty.txt", "the file is empty", "skipped: add the article's text or remove the file"),
        ("photo.txt", "the file is binary, not text", "skipped: save the article as plain text (.txt)"),
        ("tagged.txt", "the text contains HTML tags",
         "repaired: tags removed and their text kept; check the article's text"),
    ]


def test_windows_1252_text_gets_its_curly_quotes_back(tmp_path):
    text = "\u201cWe are hopeful,\u201d the envoy\u2019s aide said \u2013 twice."
    corpus = load_quietly(write_files(tmp_path / "c", {"win.txt": text.encode("cp1252")}))
    assert corpus.articles["text"].iloc[0] == text
    assert corpus.problems["source"].tolist() == ["win.txt"]
    assert "read as cp1252" in corpus.problems["problem"].iloc[0]


def test_manifest_problems_are_each_named_by_row(tmp_path):
    manifest = (
        "file,id,date\n"
        "a.txt,same,2020-01-01\n"
        "b.txt,same,not a date\n"
        "missing.txt,m,\n"
        "../outside.txt,o,\n"
    )
    (tmp_path / "outside.txt").write_text("Secret text that must never be read.")
    folder = write_files(tmp_path / "c", {"a.txt": STORY_A, "b.txt": STORY_B, "extra.txt": STORY_B,
                                     "notes.docx": b"PK\x03\x04", "articles.csv": manifest})
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["same", "same_2", "extra"]
    assert pd.isna(corpus.articles["date"].iloc[1])
    assert "Secret" not in " ".join(corpus.articles["text"])
    assert problem_rows(corpus) == [
        ("articles.csv row 2", "the id 'same' is already used by another article",
         "repaired: loaded as 'same_2'; give each article its own id"),
        ("articles.csv row 3", "the file 'missing.txt' does not exist", "skipped: correct the file name or add the file"),
        ("articles.csv row 4", "the file '../outside.txt' is outside the corpus folder",
         "refused, not read: put the file inside the corpus folder"),
        ("extra.txt", "the file is not listed in articles.csv", "loaded without manifest metadata: add a row for it"),
        ("notes.docx", "'.docx' files are not read as articles",
         "ignored: save articles as .txt or .html, or load a table with load_corpus('file.csv')"),
        ("b.txt", "the date 'not a date' cannot be read", "repaired: date left unknown (NaT); write dates as YYYY-MM-DD"),
    ]


def test_csv_without_text_column_is_a_problem_not_a_crash(tmp_path):
    pd.DataFrame({"body": [STORY_A]}).to_csv(tmp_path / "t.csv", index=False)
    corpus = load_quietly(tmp_path / "t.csv")
    assert corpus.articles.empty and list(corpus.articles.columns) == ARTICLE_COLUMNS
    assert corpus.sentences.empty
    assert problem_rows(corpus) == [("t.csv", "the table has no 'text' column (its columns: body)",
                                  "skipped: name the column holding each article's text 'text'")]


def test_table_rows_with_empty_text_and_bad_json_lines(tmp_path):
    (tmp_path / "t.jsonl").write_text('{"id": "a", "text": "Fine text."}\n{"id": "b", "text": ""}\n{not json\n')
    corpus = load_quietly(tmp_path / "t.jsonl")
    assert corpus.articles["article_id"].tolist() == ["a"]
    assert [source for source, _, _ in problem_rows(corpus)] == ["t.jsonl line 3", "t.jsonl line 2"]


def test_problems_warn_and_strict_raises_one_error_listing_all(tmp_path):
    folder = write_files(tmp_path / "c", {"empty.txt": "", "photo.txt": b"\x00\x01", "good.txt": STORY_B})
    with pytest.warns(UserWarning, match="2 problem"):
        load_corpus(folder)
    with pytest.raises(CorpusError) as error:
        load_corpus(folder, strict=True)
    message = str(error.value)
    assert "2 problem(s)" in message and "empty.txt: the file is empty" in message and "photo.txt" in message


def test_missing_path_and_unknown_format_raise_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="No corpus at"):
        load_corpus(tmp_path / "nowhere")
    (tmp_path / "a.docx").write_bytes(b"PK")
    with pytest.raises(ValueError, match="'.docx' is not a corpus format"):
        load_corpus(tmp_path / "a.docx")


def test_date_header_disagreeing_with_manifest_is_reported(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": "date 2019-01-01 Text here.", "articles.csv": "file,date\na.txt,2020-01-01\n"})
    corpus = load_quietly(folder)
    assert corpus.articles["date"].iloc[0] == pd.Timestamp("2020-01-01")
    assert "differs from the manifest" in corpus.problems["problem"].iloc[0]


def test_date_header_gives_the_date_when_the_manifest_has_none(tmp_path):
    corpus = load_quietly(write_files(tmp_path / "c", {"a.txt": "date 2019-01-01 Text here."}))
    assert corpus.articles["date"].iloc[0] == pd.Timestamp("2019-01-01")
    assert corpus.articles["text"].iloc[0] == "Text here."


def test_article_with_nothing_but_debris_is_skipped_with_a_problem(tmp_path):
    caption = "A man waves at the crowd in the capital on Monday."
    corpus = load_quietly(write_files(tmp_path / "c", {"captions.txt": f"{caption}\n{caption}\n", "good.txt": STORY_B}))
    assert corpus.articles["article_id"].tolist() == ["good"]
    assert corpus.removed["article_id"].tolist() == ["captions", "captions"]
    assert problem_rows(corpus) == [("captions.txt", "nothing is left of the text after cleaning",
                                  "skipped: see corpus.removed for the lines that were taken out")]


def test_events_file_without_the_needed_columns_is_reported(tmp_path):
    corpus = load_quietly(write_files(tmp_path / "c", {"a.txt": STORY_B, "events.csv": "when,what\n2020-01-01,Talks\n"}))
    assert corpus.events.empty and list(corpus.events.columns) == ["date", "event"]
    assert problem_rows(corpus) == [("events.csv", "the timeline needs 'date' and 'event' columns",
                                  "ignored: add those columns")]


def test_one_line_scraped_articles_load_whole_with_every_change_listed():
    text = ("Senators met on Tuesday and they don t agree.Earlier this week the talks stalled, aides said. "
            "Featured image via Jo Bloggs/Getty Images")
    corpus = load_quietly(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert corpus.articles["text"].tolist() == [
        "Senators met on Tuesday and they don't agree.\n\nEarlier this week the talks stalled, aides said."]
    assert corpus.sentences["text"].tolist() == [
        "Senators met on Tuesday and they don't agree.", "Earlier this week the talks stalled, aides said."]
    changes = corpus.removed[["line_number", "start", "end", "text", "change", "replacement"]]
    assert [tuple(row) for row in changes.itertuples(index=False)] == [
        (1, 33, 38, "don t", "repaired", "don't"),
        (1, 39, 52, "agree.Earlier", "repaired", "agree.\n\nEarlier"),
        (1, 94, 135, "Featured image via Jo Bloggs/Getty Images", "removed", ""),
    ]
    assert text[94:135] == "Featured image via Jo Bloggs/Getty Images" and text[33:38] == "don t"
    summary = corpus.summary().iloc[0]
    assert (summary["n_paragraphs"], summary["n_removed_lines"], summary["n_repairs"]) == (2, 1, 2)
    # the scraper lost the apostrophes, and the text has no double quote mark: its quote marks may be lost too
    assert corpus.problems["code"].tolist() == ["quote_marks_lost"]


def test_a_credit_that_cannot_be_cut_out_safely_is_kept_and_reported(tmp_path):
    line = ("The exhibition drew crowds all week. Photo: Alvaro Serey The curators said they would extend it "
            "into the spring because of the demand from schools.")
    corpus = load_quietly(write_files(tmp_path / "c", {"show.txt": f"Opening paragraph.\n\n{line}"}))
    assert corpus.articles["text"].iloc[0] == f"Opening paragraph.\n\n{line}"
    assert problem_rows(corpus) == [(
        "show.txt line 3",
        "'Photo: Alvaro Serey The curators said they would extend it…' looks like a photo credit whose end "
        "cannot be told, inside the text",
        "kept: taking it out could take prose with it; delete the credit by hand if it is one")]


def test_many_doubtful_credits_in_one_article_are_listed_five_then_counted(tmp_path):
    line = "The hall was full. Photo: Jo Bloggs The curators said they would extend the show into the spring. "
    corpus = load_quietly(write_files(tmp_path / "c", {"long.txt": "Opening paragraph.\n\n" + line * 7}))
    rows = problem_rows(corpus)
    assert [source for source, _, _ in rows] == ["long.txt line 3"] * 5 + ["long.txt"]
    assert rows[-1][1:] == ("2 more places look like photo credits inside the text",
                            "kept: analysis.corpus.cleaning.clean_text(text).doubts lists them all")
