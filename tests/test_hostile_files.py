"""load_corpus on the hostile and odd inputs of issue 15 (../shared/hostile-inputs.md), one case per row.

Each case builds its input in ``tmp_path`` and checks the exact outcome: what is refused, the
problem row's text, and the value kept or repaired. For the corpus folder's boundary (rows 17-20)
the secret lies in a file outside the corpus folder, and no table may hold it.
"""

import json
import random
import warnings

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus import load as load_module
from analysis.corpus.codes import PROBLEM_CODES, REMOVAL_REASONS
from analysis.corpus.problems import ProblemLog
from conftest import load_quietly, problem_rows, write_files

STORY = "Talks resumed in Geneva on Monday. \"We are hopeful,\" the envoy said.\n\nNo date was set."
OTHER_STORY = "Aid groups warned of hunger. Officials said little."
SECRET = "root:x:0:0:root:/root:/bin/bash secret outside the corpus"
REFUSED_LINK = ("the file is a link to a file outside the corpus folder",
                "refused, not read: copy the file into the corpus folder")
LEFT_UNKNOWN = "repaired: date left unknown (NaT); write dates as YYYY-MM-DD"
NOT_LISTED = ("the file is not listed in articles.csv", "loaded without manifest metadata: add a row for it")
NO_ARTICLE_FILES = ("no article files (.txt, .html) were found in the folder",
                    ("nothing loaded: put one article per .txt or .html file in the folder, "
                    "or load a table file (.csv, .tsv, .jsonl, .parquet)"))




@pytest.fixture(autouse=True)
def every_row_has_a_known_code(monkeypatch):
    """After each test, every removed and problems table that loading built has a known code in every row."""
    removed, problems = [], []
    build, frame = load_module._build, ProblemLog.frame
    monkeypatch.setattr(load_module, "_build", lambda *args, **options: _kept(removed, build(*args, **options)))
    monkeypatch.setattr(ProblemLog, "frame", lambda self: _kept(problems, frame(self)))
    yield
    for table in removed:
        assert table["reason_code"].isin(REMOVAL_REASONS).all(), table["reason_code"].unique()
    for table in problems:
        assert table["code"].isin(PROBLEM_CODES).all(), table["code"].unique()


def _kept(found, result):
    found.append(result["removed"] if isinstance(result, dict) else result)
    return result


def _texts(corpus, name):
    return corpus.articles.set_index("article_id").loc[name, "text"]


def _outside_secret(tmp_path):
    """A file beside the corpus folder, never inside it: what a link must not let the loader read."""
    secret = tmp_path / "outside" / "passwd"
    secret.parent.mkdir()
    secret.write_text(SECRET)
    return secret


def _holds_secret(corpus):
    tables = [corpus.articles, corpus.paragraphs, corpus.sentences, corpus.removed, corpus.problems, corpus.events]
    return any("root:x:0:0" in table.astype(str).to_csv() for table in tables)


CASES = []


def case(row_id):
    def register(function):
        CASES.append(pytest.param(function, id=row_id))
        return function
    return register


# --- folders of files ---------------------------------------------------------------------------


@case("row-1-empty-folder")
def _(tmp_path):
    folder = write_files(tmp_path / "empty", {})
    with pytest.warns(UserWarning, match="1 problem"):
        corpus = load_corpus(folder)
    assert corpus.articles.empty
    assert problem_rows(corpus) == [("empty/", *NO_ARTICLE_FILES)]
    with pytest.raises(CorpusError, match="no article files"):
        load_corpus(folder, strict=True)


@case("row-3-only-other-kinds-of-file")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.pdf": b"%PDF-1.4\x00", "b.docx": b"PK\x03\x04", "c.png": b"\x89PNG\x00",
                                     "README.md": "# notes", ".DS_Store": b"\x00\x00\x00\x01Bud1"})
    corpus = load_quietly(folder)
    ignored = "ignored: save articles as .txt or .html, or load a table with load_corpus('file.csv')"
    assert corpus.articles.empty
    assert problem_rows(corpus) == [("a.pdf", "'.pdf' files are not read as articles", ignored),
                                 ("b.docx", "'.docx' files are not read as articles", ignored),
                                 ("c.png", "'.png' files are not read as articles", ignored),
                                 ("c/", *NO_ARTICLE_FILES)]


@case("row-4-empty-and-blank-files")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"zero.txt": b"", "spaces.txt": "  \n\t \n", "invisible.txt": "\u00a0\u200b\n",
                                     "good.txt": STORY})
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["good"]
    assert problem_rows(corpus) == [
        ("spaces.txt", "the file is empty", "skipped: add the article's text or remove the file"),
        ("zero.txt", "the file is empty", "skipped: add the article's text or remove the file"),
        ("invisible.txt", "nothing is left of the text after cleaning",
         "skipped: see corpus.removed for the lines that were taken out"),
    ]


@case("row-5-binary-files-named-txt")
def _(tmp_path):
    generator = random.Random(15)
    with_nuls = bytes(generator.randrange(256) for _ in range(4000)) + b"\x00\x00"
    without_nuls = bytes(generator.randrange(1, 256) for _ in range(4000))
    fake_pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\x00\x01\x02\x03endstream"
    folder = write_files(tmp_path / "c", {"noise.txt": with_nuls, "noise2.txt": without_nuls, "paper.txt": fake_pdf,
                                     "good.txt": STORY})
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["good"]
    assert problem_rows(corpus) == [
        ("noise.txt", "the file is binary, not text", "skipped: save the article as plain text (.txt)"),
        ("noise2.txt", "the file is not readable text in any known encoding", "skipped: save it as UTF-8 text"),
        ("paper.txt", "the file is binary, not text", "skipped: save the article as plain text (.txt)"),
    ]


TYPOGRAPHIC = "\u201cWe are hopeful,\u201d the envoy\u2019s aide said in the caf\u00e9."


@case("row-6-utf16-with-byte-order-mark")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"le.txt": TYPOGRAPHIC.encode("utf-16"),
                                     "be.txt": b"\xfe\xff" + TYPOGRAPHIC.encode("utf-16-be")})
    corpus = load_quietly(folder)
    assert _texts(corpus, "le") == TYPOGRAPHIC and _texts(corpus, "be") == TYPOGRAPHIC
    assert corpus.problems.empty


@case("row-7-utf16-without-byte-order-mark")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"le.txt": TYPOGRAPHIC.encode("utf-16-le"),
                                     "be.txt": TYPOGRAPHIC.encode("utf-16-be")})
    corpus = load_quietly(folder)
    assert _texts(corpus, "le") == TYPOGRAPHIC and _texts(corpus, "be") == TYPOGRAPHIC
    check = "repaired: check its text, and save it as UTF-8 to be sure"
    assert problem_rows(corpus) == [("be.txt", "the file has no byte-order mark; it was read as UTF-16 BE", check),
                                 ("le.txt", "the file has no byte-order mark; it was read as UTF-16 LE", check)]


REPAIRED_ENCODING = "repaired: check its quote marks and accents, and save it as UTF-8 to be sure"


@case("row-8-windows-1252-and-latin-1")
def _(tmp_path):
    latin = "Na\u00efve r\u00e9sum\u00e9s were read at the caf\u00e9 in the ch\u00e2teau."
    folder = write_files(tmp_path / "c", {"win.txt": TYPOGRAPHIC.encode("cp1252"), "latin.txt": latin.encode("latin-1")})
    corpus = load_quietly(folder)
    assert _texts(corpus, "win") == TYPOGRAPHIC and _texts(corpus, "latin") == latin
    assert problem_rows(corpus) == [("latin.txt", "the file is not UTF-8; it was read as cp1252", REPAIRED_ENCODING),
                                 ("win.txt", "the file is not UTF-8; it was read as cp1252", REPAIRED_ENCODING)]


@case("row-9-cyrillic-greek-polish-code-pages")
def _(tmp_path):
    texts = {
        "russian": (("\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 \u0441\u043a\u0430\u0437\u0430\u043b, "
                    "\u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
                    "\u0432\u043e\u0437\u043e\u0431\u043d\u043e\u0432\u044f\u0442\u0441\u044f "
                    "\u0437\u0430\u0432\u0442\u0440\u0430."), "cp1251"),
        "greek": (("\u039f \u03b4\u03ae\u03bc\u03b1\u03c1\u03c7\u03bf\u03c2 "
                   "\u03b5\u03af\u03c0\u03b5 \u03cc\u03c4\u03b9 "
                  "\u03bf\u03b9 \u03c3\u03c5\u03bd\u03bf\u03bc\u03b9\u03bb\u03af\u03b5\u03c2 \u03b8\u03b1 "
                  "\u03c3\u03c5\u03bd\u03b5\u03c7\u03b9\u03c3\u03c4\u03bf\u03cd\u03bd \u03b1\u03cd\u03c1\u03b9\u03bf."),
                  "cp1253"),
        "polish": ("Prezydent miasta powiedzia\u0142, \u017ce rozmowy zostan\u0105 wznowione jutro.", "cp1250"),
    }
    folder = write_files(tmp_path / "c", {f"{name}.txt": text.encode(codec) for name, (text, codec) in texts.items()})
    corpus = load_quietly(folder)
    for name, (text, codec) in texts.items():
        assert _texts(corpus, name) == text
    # (analysis.corpus.language adds its own rows for texts that are not English: not checked here)
    assert [row for row in problem_rows(corpus) if "UTF-8" in row[1]] == [
        (f"{name}.txt", f"the file is not UTF-8; it was read as {codec}", REPAIRED_ENCODING)
        for name, (_, codec) in sorted(texts.items())]


@case("row-10-mixed-line-ends")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"mixed.txt": b"First paragraph.\r\n\r\nSecond one.\r\rThird one.\n\nFourth."})
    corpus = load_quietly(folder)
    assert corpus.paragraphs["text"].tolist() == ["First paragraph.", "Second one.", "Third one.", "Fourth."]
    assert corpus.problems.empty


# --- manifests ----------------------------------------------------------------------------------


@case("row-15-manifest-names-a-missing-file")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "articles.csv": "file,id\na.txt,a\nnothere.txt,n\n"})
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["a"]
    assert problem_rows(corpus) == [("articles.csv row 2", "the file 'nothere.txt' does not exist",
                                  "skipped: correct the file name or add the file")]


@case("row-16-duplicate-ids")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "b.txt": OTHER_STORY,
                                     "articles.csv": "file,id\na.txt,same\nb.txt,same\n"})
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["same", "same_2"]
    assert problem_rows(corpus) == [("articles.csv row 2", "the id 'same' is already used by another article",
                                  "repaired: loaded as 'same_2'; give each article its own id")]


@case("row-17-manifest-paths-outside-the-folder")
def _(tmp_path):
    secret = _outside_secret(tmp_path)
    folder = write_files(tmp_path / "c", {"a.txt": STORY,
                                     "articles.csv": f"file,id\na.txt,a\n../outside/passwd,p\n{secret},q\n"})
    corpus = load_quietly(folder)
    refused = "refused, not read: put the file inside the corpus folder"
    assert list(corpus.articles["article_id"]) == ["a"]
    assert problem_rows(corpus) == [
        ("articles.csv row 2", "the file '../outside/passwd' is outside the corpus folder", refused),
        ("articles.csv row 3", f"the file '{secret}' is outside the corpus folder", refused),
    ]
    assert not _holds_secret(corpus)


@case("row-18-listed-symlink-to-outside")
def _(tmp_path):
    secret = _outside_secret(tmp_path)
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "articles.csv": "file,id\na.txt,a\nlink_out.txt,link_out\n"})
    (folder / "link_out.txt").symlink_to(secret)
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["a"]
    assert problem_rows(corpus) == [("articles.csv row 2", "the file 'link_out.txt' is outside the corpus folder",
                                  "refused, not read: put the file inside the corpus folder")]
    assert not _holds_secret(corpus)


@case("row-19-symlink-without-manifest")
def _(tmp_path):
    secret = _outside_secret(tmp_path)
    folder = write_files(tmp_path / "c", {"a.txt": STORY})
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # a link inside the folder is fine: read once
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["a"]
    assert problem_rows(corpus) == [
        ("elsewhere/", "the folder is a link to a folder outside the corpus folder",
         "refused, not read: copy its files into the corpus folder"),
        ("passwd.txt", *REFUSED_LINK),
        ("inside.txt", "the file is a link to 'a.txt', which is read already", "skipped: not read twice"),
    ]
    assert not _holds_secret(corpus)
    with pytest.raises(CorpusError, match="passwd.txt: the file is a link to a file outside"):
        load_corpus(folder, strict=True)


@case("row-20-symlink-loops")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "sub/b.txt": OTHER_STORY})
    (folder / "up").symlink_to("..", target_is_directory=True)
    (folder / "self").symlink_to(".", target_is_directory=True)
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["a", "b"]
    assert problem_rows(corpus) == [("up/", "the folder is a link to a folder outside the corpus folder",
                                  "refused, not read: copy its files into the corpus folder")]


@case("row-21-dates-relative-ambiguous-and-zoned")
def _(tmp_path):
    dates = {"bad": "2021-13-45", "yesterday": "yesterday", "zero": "0", "now": "now", "ambiguous": "04/03/2021",
             "zoned": "2018-02-13T23:30-05:00", "old": "1066-10-14", "named": "13 Feb 2018", "year": "2019",
             "dayfirst": "13/02/2018"}
    files = {f"{name}.txt": STORY for name in dates}
    files["articles.csv"] = "file,id,date\n" + "".join(f"{name}.txt,{name},{date}\n" for name, date in dates.items())
    corpus = load_quietly(write_files(tmp_path / "c", files))
    read = corpus.articles.set_index("article_id")["date"]
    assert read["zoned"] == pd.Timestamp("2018-02-13 23:30")  # the day as written, not 04:30 the next day
    assert read["old"] == pd.Timestamp("1066-10-14")
    assert read["named"] == pd.Timestamp("2018-02-13") == read["dayfirst"]
    assert read[["bad", "yesterday", "zero", "now", "ambiguous", "year"]].isna().all()
    relative = "is a word relative to the day of loading, not a date"
    assert problem_rows(corpus) == [
        ("bad.txt", "the date '2021-13-45' cannot be read", LEFT_UNKNOWN),
        ("yesterday.txt", f"the date 'yesterday' {relative}", LEFT_UNKNOWN),
        ("zero.txt", "the date '0' cannot be read", LEFT_UNKNOWN),
        ("now.txt", f"the date 'now' {relative}", LEFT_UNKNOWN),
        ("ambiguous.txt", "the date '04/03/2021' could be 4 March or 3 April 2021",
         f"{LEFT_UNKNOWN}, or load with dayfirst=True (day/month/year) or dayfirst=False (month/day/year)"),
        ("year.txt", "the date '2019' has no day",
         "repaired: date left unknown (NaT), not read as the first day; write dates as YYYY-MM-DD"),
    ]
    day_first = load_quietly(tmp_path / "c", dayfirst=True).articles.set_index("article_id")["date"]
    month_first = load_quietly(tmp_path / "c", dayfirst=False)
    assert day_first["ambiguous"] == pd.Timestamp("2021-03-04")
    assert month_first.articles.set_index("article_id").loc["ambiguous", "date"] == pd.Timestamp("2021-04-03")
    assert ("dayfirst.txt", "the date '13/02/2018' can only be 13 February 2018, day first",
            "kept; dayfirst=False was given: check the order of the column's dates") in problem_rows(month_first)


KEPT_APART = "repaired: kept apart as 'manifest_{0}'; corpus.articles['{0}'] is computed from the article"
COMPUTED = "the column '{}' has the name of a column the package computes itself"


def _reserved_problems():
    return [("articles.csv", COMPUTED.format(name), KEPT_APART.format(name))
            for name in ("text", "n_words", "source_file")]


@case("row-22-reserved-manifest-columns-with-a-blank-cell")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "b.txt": OTHER_STORY,
                                     "articles.csv": "file,id,text,n_words,source_file\n"
                                                     "a.txt,a,SUMMARY ONLY,,/etc/shadow\nb.txt,b,,7,\n"})
    corpus = load_quietly(folder)
    articles = corpus.articles.set_index("article_id")
    assert articles.loc["a", "text"].startswith("Talks resumed") and articles.loc["a", "n_words"] == 16
    assert articles.loc["a", "source_file"] == "a.txt" and articles.loc["b", "source_file"] == "b.txt"
    assert articles.loc["a", "manifest_text"] == "SUMMARY ONLY" and articles.loc["b", "manifest_n_words"] == "7"
    assert pd.isna(articles.loc["a", "manifest_n_words"]) and pd.isna(articles.loc["b", "manifest_text"])
    assert problem_rows(corpus) == _reserved_problems()


@case("row-23-reserved-manifest-columns-filled")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "articles.csv": "file,id,text,n_words,source_file,author\n"
                                                                     "a.txt,a,SUMMARY ONLY,999,/etc/shadow,Ana\n"})
    corpus = load_quietly(folder)
    article = corpus.articles.iloc[0]
    assert article["text"] == corpus.paragraphs["text"].str.cat(sep="\n\n") != "SUMMARY ONLY"
    assert (article["n_words"], article["source_file"], article["author"]) == (16, "a.txt", "Ana")
    assert (article["manifest_text"], article["manifest_n_words"], article["manifest_source_file"]) == (
        "SUMMARY ONLY", "999", "/etc/shadow")
    assert problem_rows(corpus) == _reserved_problems()


@case("row-24-byte-order-mark-in-manifest")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "articles.csv": b"\xef\xbb\xbffile,id,outlet\na.txt,a,Herald\n"})
    corpus = load_quietly(folder)
    assert corpus.articles[["article_id", "outlet"]].values.tolist() == [["a", "Herald"]]
    assert corpus.problems.empty


@case("row-25-semicolon-and-tab-manifests")
def _(tmp_path):
    for delimiter in (";", "\t"):
        folder = write_files(tmp_path / f"c{len(delimiter)}{ord(delimiter)}", {
            "a.txt": STORY, "articles.csv": delimiter.join(["file", "id", "outlet", "title"]) + "\n"
                                            + delimiter.join(["a.txt", "a", "Herald", "Talks, at last"]) + "\n"})
        corpus = load_quietly(folder)
        assert corpus.articles[["article_id", "outlet", "title"]].values.tolist() == [["a", "Herald", "Talks, at last"]]
        assert corpus.problems.empty


@case("row-26-manifest-header-in-capitals")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "articles.csv": "File,ID,Outlet,Desk\na.txt,x1,Herald,Metro\n"})
    corpus = load_quietly(folder)
    assert corpus.articles[["article_id", "outlet", "Desk"]].values.tolist() == [["x1", "Herald", "Metro"]]
    assert corpus.problems.empty


@case("row-27-manifest-row-with-extra-fields")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY, "b.txt": OTHER_STORY,
                                     "articles.csv": "file,id,outlet\na.txt,a,Courier, Evening,X\nb.txt,b,Post\n"})
    corpus = load_quietly(folder)
    assert corpus.articles[["article_id", "outlet"]].values.tolist() == [["b", "Post"], ["a", "a"]]
    assert problem_rows(corpus) == [
        ("articles.csv row 1", "the row has 5 fields, the header 3",
         "skipped: put double quotes around any value that holds a comma"),
        ("a.txt", *NOT_LISTED),
    ]


@case("row-28-same-file-listed-twice")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"a.txt": STORY,
                                     "articles.csv": "file,id,outlet\na.txt,a,Herald\n./a.txt,a2,Courier\n"})
    corpus = load_quietly(folder)
    assert corpus.articles[["article_id", "outlet"]].values.tolist() == [["a", "Herald"]]
    assert problem_rows(corpus) == [("articles.csv row 2", "the file './a.txt' is listed again (first in row 1)",
                                  ("skipped: the file is read once, with row 1's id and metadata; "
                                  "remove this row or correct its file name"))]


# --- table files and DataFrames -----------------------------------------------------------------


@case("row-29-jsonl-broken-lines")
def _(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": "a", "text": "Talks resumed."}\n{"id": "b", "text": \n'
                    '[1, 2, 3]\n{"id": "c", "text": null}\n')
    corpus = load_quietly(path)
    assert list(corpus.articles["article_id"]) == ["a"]
    assert problem_rows(corpus) == [
        ("t.jsonl line 2", "the line is not valid JSON (Expecting value)", "skipped: fix the line"),
        ("t.jsonl line 3", "the line is not a JSON object", "skipped"),
        ("t.jsonl line 4", "the row's text is empty", "skipped: fill in its text"),
    ]


NOT_A_STRING = "skipped: give each article's text as a string"


@case("row-30-jsonl-text-is-an-object")
def _(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in [
        {"id": "a", "text": "Talks resumed."}, {"id": "b", "text": {"nested": "obj"}},
        {"id": "c", "text": ["para one.", "para two."]}, {"id": "d", "text": 12345}, {"id": "e", "text": True}]))
    corpus = load_quietly(path)
    assert list(corpus.articles["article_id"]) == ["a"]
    assert problem_rows(corpus) == [
        ("t.jsonl line 2", "the row's text is an object (a dict), not text", NOT_A_STRING),
        ("t.jsonl line 3", "the row's text is a list, not text", NOT_A_STRING),
        ("t.jsonl line 4", "the row's text is a number (12345), not text", NOT_A_STRING),
        ("t.jsonl line 5", "the row's text is a true/false value (True), not text", NOT_A_STRING),
    ]


@case("row-32-parquet-with-number-and-list-text")
def _(tmp_path):
    pd.DataFrame({"id": ["n"], "text": [12345]}).to_parquet(tmp_path / "numbers.parquet")
    pd.DataFrame({"id": ["l", "ok"], "text": [["para one.", "para two."], ["Talks resumed."]]}).to_parquet(
        tmp_path / "lists.parquet")
    numbers, lists = load_quietly(tmp_path / "numbers.parquet"), load_quietly(tmp_path / "lists.parquet")
    assert numbers.articles.empty and lists.articles.empty
    assert problem_rows(numbers) == [("numbers.parquet row 1", "the row's text is a number (12345), not text",
                                   NOT_A_STRING)]
    assert problem_rows(lists) == [("lists.parquet row 1", "the row's text is a list, not text", NOT_A_STRING),
                                ("lists.parquet row 2", "the row's text is a list, not text", NOT_A_STRING)]


@case("row-33-dataframe-with-blank-text")
def _(tmp_path):
    table = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [float("nan"), None, "  ", "Talks resumed."]})
    corpus = load_quietly(table)
    assert list(corpus.articles["article_id"]) == ["d"]
    assert problem_rows(corpus) == [(f"DataFrame row {number}", "the row's text is empty", "skipped: fill in its text")
                                 for number in (1, 2, 3)]


@case("row-34-dataframe-with-blank-outlet-and-title")
def _(tmp_path):
    table = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["Herald", float("nan"), " "],
                          "title": ["Talks", float("nan"), None], "text": [STORY, OTHER_STORY, STORY]})
    corpus = load_quietly(table)
    articles = corpus.articles.set_index("article_id")
    assert articles["outlet"].tolist() == ["Herald", "b", "c"]
    # a missing title is missing (pandas' own missing value for a text column), never the text "nan"
    assert articles["title"].isna().tolist() == [False, True, True]
    assert problem_rows(corpus) == [
        ("DataFrame row 2", "the row has no outlet", ("repaired: the outlet is shown as the article id 'b'; "
                                                     "fill in its outlet")),
        ("DataFrame row 3", "the row has no outlet", ("repaired: the outlet is shown as the article id 'c'; "
                                                     "fill in its outlet")),
    ]
    assert list(table["outlet"].isna()) == [False, True, False]  # the caller's table is not changed


@case("row-35-dataframe-with-two-text-columns")
def _(tmp_path):
    table = pd.DataFrame([["a", "First text.", "Second text."]], columns=["id", "text", "text"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(table)
    assert [str(warning.message) for warning in caught] == [
        "1 problem(s) while loading a DataFrame; see corpus.problems"]
    assert corpus.articles.empty
    assert problem_rows(corpus) == [("DataFrame", "the table has 2 columns named 'text'",
                                  "skipped: nothing loaded; keep one 'text' column")]
    two_outlets = pd.DataFrame([["a", "Herald", "Courier", STORY]], columns=["id", "outlet", "outlet", "text"])
    kept = load_quietly(two_outlets)
    assert kept.articles[["outlet", "outlet_2"]].values.tolist() == [["Herald", "Courier"]]
    assert problem_rows(kept) == [("DataFrame", "the table has more than one column named 'outlet'",
                                ("repaired: the first is read as 'outlet', the next kept apart as 'outlet_2'; "
                                "rename one"))]


# --- saved web pages ----------------------------------------------------------------------------


BODY = "".join(f"<p>The council met on Tuesday to discuss the harbour plan, paragraph {number}, and the fishermen "
               "said the quotas would ruin them.</p>" for number in range(6))


@case("row-36-web-page-with-scripts")
def _(tmp_path):
    page = (f"<html><head><title>Harbour talks | Daily Post</title><script>var secret='SCRIPTTEXT';</script></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour talks</h1>"
            f"<p onclick=\"alert('ONCLICKTEXT')\">The mayor spoke first.</p>{BODY}"
            f"<img src=x onerror=\"alert('ONERRORTEXT')\"><iframe src='javascript:alert(1)'>IFRAMETEXT</iframe>"
            f"</article></body></html>")
    corpus = load_quietly(write_files(tmp_path / "c", {"page.html": page}))
    text = corpus.articles["text"].iloc[0]
    assert "The council met on Tuesday" in text and "The mayor spoke first." in text
    assert not any(marker in text for marker in ("SCRIPTTEXT", "ONCLICKTEXT", "ONERRORTEXT", "IFRAMETEXT", "Home"))


@case("row-37-web-page-with-only-a-copyright-year")
def _(tmp_path):
    page = (f"<html><head><title>Harbour talks</title></head><body><article><h1>Harbour talks</h1>{BODY}</article>"
            "<footer>\u00a9 2019 Harbour Herald. All rights reserved.</footer></body></html>")
    dated = page.replace("<title>", "<meta property='article:published_time' content='2021-03-04T10:00:00+00:00'>"
                                    "<title>")
    corpus = load_quietly(write_files(tmp_path / "c", {"undated.html": page, "dated.html": dated}))
    dates = corpus.articles.set_index("article_id")["date"]
    assert pd.isna(dates["undated"]) and dates["dated"] == pd.Timestamp("2021-03-04")
    assert problem_rows(corpus) == [
        ("undated.html", ("the page gives no publication date; the only date found (2019-01-01) is a year alone, "
                         "such as a copyright year"), "date left unknown (NaT): give the date in articles.csv")]
    listed = load_quietly(write_files(tmp_path / "m", {"undated.html": page,
                                           "articles.csv": "file,date\nundated.html,2021-05-06\n"}))
    assert listed.articles["date"].tolist() == [pd.Timestamp("2021-05-06")] and listed.problems.empty


@case("row-38-web-page-that-is-not-an-article")
def _(tmp_path):
    page = ("<html><head><title>Log in</title></head><body><form><label>User</label><input name=u>"
            "<label>Password</label><input type=password name=p><button>Log in</button></form></body></html>")
    corpus = load_quietly(write_files(tmp_path / "c", {"login.html": page, "good.txt": STORY}))
    assert list(corpus.articles["article_id"]) == ["good"]
    assert problem_rows(corpus) == [("login.html", "no article text was found in the web page",
                                  "skipped: save the page's article text as a .txt file instead")]


# --- odd texts and hidden files -----------------------------------------------------------------


@case("row-53-identical-articles")
def _(tmp_path):
    files = {f"{name}.txt": STORY for name in ("a1", "a2", "b1", "b2")}
    files["articles.csv"] = "file,outlet\na1.txt,Herald\na2.txt,Herald\nb1.txt,Courier\nb2.txt,Courier\n"
    corpus = load_quietly(write_files(tmp_path / "c", files))
    assert corpus.articles["outlet"].tolist() == ["Herald", "Herald", "Courier", "Courier"]
    assert corpus.articles["text"].nunique() == 1 and corpus.problems.empty


@case("row-54-no-punctuation-capitals-and-bullets")
def _(tmp_path):
    text = ("BREAKING NEWS THE HARBOUR IS CLOSED\n\n\u2022 boats stay in port\n\u2022 talks go on tomorrow\n\n"
            "- no comment yet")
    corpus = load_quietly(write_files(tmp_path / "c", {"caps.txt": text}))
    assert corpus.articles["text"].iloc[0].startswith("BREAKING NEWS THE HARBOUR IS CLOSED")
    assert len(corpus.sentences) >= 3 and corpus.problems.empty


@case("row-56-hidden-files-and-folders")
def _(tmp_path):
    folder = write_files(tmp_path / "c", {"story.txt": STORY, ".draft.txt": "A draft.", ".archive/old.txt": "Old text.",
                                     ".archive/older.txt": "Older text.", ".git/config": "[core]",
                                     "readme.txt": "About this corpus.", "LICENSE": "CC-BY",
                                     ".ipynb_checkpoints/x.ipynb": "{}"})
    corpus = load_quietly(folder)
    assert list(corpus.articles["article_id"]) == ["story"]
    assert problem_rows(corpus) == [(".archive/, .draft.txt",
                                  ("2 hidden file(s) or folder(s) (names starting with '.') were not read; "
                                  "they hold 3 article file(s)"),
                                  "skipped: remove the leading '.' from a name to load it")]
    # a hidden file the manifest lists is read, and not counted as hidden
    (folder / "articles.csv").write_text("file,id\nstory.txt,story\n.draft.txt,draft\n")
    listed = load_quietly(folder)
    assert list(listed.articles["article_id"]) == ["story", "draft"]
    assert [row[:2] for row in problem_rows(listed)] == [
        (".archive/", ("1 hidden file(s) or folder(s) (names starting with '.') were not read; "
                      "they hold 2 article file(s)"))]


@pytest.mark.parametrize("check", CASES)
def test_hostile_input(check, tmp_path):
    check(tmp_path)
