"""Row 55 of the hostile-inputs list: articles that are not in English.

They load and segment, but the methods are English-only: each such article leaves a problem row,
its sentiment and readability are NaN (not 0.0 or 117), and charts with Korean outlet names draw
them when a CJK font is installed, without a warning per letter when none is.
"""

import io
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import corpus_of, shared_path
from test_hostile_files import every_row_has_a_known_code  # noqa: F401  (autouse: every load's rows have known codes)

from analysis import findings, load_corpus, plots
from analysis.plots import style as chart_style
from analysis.corpus import codes
from analysis.coverage import describe_articles
from analysis.corpus.language import (
    MIN_ENGLISH_SHARE,
    MIN_WORDS_TO_JUDGE,
    NOT_ENGLISH_ACTION,
    SAMPLE_CHARACTERS,
    english_share,
    is_english,
    language_table,
    not_english,
)
from analysis.sentiment import NOT_ENGLISH, score_articles, score_sentences

FRENCH = """La mairie de Lyon a annoncé mardi la fermeture temporaire de la piscine municipale pour des travaux \
de rénovation 🏊. Les habitants du quartier ont exprimé leur déception sur les réseaux sociaux 😞.

« Nous comprenons la gêne occasionnée, mais la sécurité des usagers passe avant tout », a déclaré \
l'adjointe aux sports. La réouverture est prévue pour le printemps prochain, selon un communiqué publié en \
fin de journée."""

GERMAN = """Der Stadtrat von Köln hat am Dienstag den Bau einer neuen Brücke über den Rhein beschlossen. Die \
Kosten werden auf rund 250 Millionen Euro geschätzt.

„Wir haben lange auf diese Entscheidung gewartet“, sagte die Oberbürgermeisterin nach der Sitzung. Kritiker \
bemängeln, dass der Verkehr in der Innenstadt während der Bauzeit stark zunehmen werde."""

SPANISH = """El Gobierno de Chile anunció este lunes un nuevo plan para reducir el consumo de agua en la región \
metropolitana, afectada por una sequía que dura ya más de una década.

"No podemos seguir esperando a que llueva", afirmó la ministra de Obras Públicas durante una conferencia de \
prensa. Las medidas incluyen multas para quienes rieguen jardines en horas de calor."""

KOREAN = """서울시는 12일 시내버스 요금을 다음 달부터 300원 인상한다고 밝혔다. 시는 연료비와 인건비 상승으로 운송 적자가 \
크게 늘어 요금 조정이 불가피하다고 설명했다.

시민단체는 "서민 부담이 커진다"며 반발했다. 한 시민은 출퇴근길 교통비가 한 달에 만 원 넘게 늘어난다고 말했다."""

ARABIC = """أعلنت وزارة الصحة يوم الأحد عن افتتاح مستشفى جديد في شمال المدينة، بطاقة استيعابية تبلغ مئتي سرير. \
وقال الوزير في مؤتمر صحفي إن المشروع سيخدم أكثر من نصف مليون نسمة.

وأضاف أن الحكومة ستوظف ثلاثمئة طبيب وممرض خلال العام المقبل."""

RUSSIAN = """Власти Новосибирска объявили во вторник о закрытии центрального моста на ремонт до конца лета. \
По словам мэра, работы обойдутся городскому бюджету в 1,2 миллиарда рублей.

«Другого выхода у нас нет: мост построен полвека назад», — сказал он журналистам. Водителям советуют \
заранее планировать маршрут."""

NOT_LATIN = ("the text does not look like English (100% of its letters are not Latin letters; 0% of its words "
             "are English function words)")
# (test id, text, the exact problem the load reports)
NOT_ENGLISH_CASES = [
    ("row-55-french-with-emoji", FRENCH,
     "the text does not look like English (3% of its words are English function words)"),
    ("row-55-german", GERMAN, "the text does not look like English (2% of its words are English function words)"),
    ("row-55-spanish", SPANISH,
     "the text does not look like English (2% of its words are English function words)"),
    ("row-55-korean", KOREAN, NOT_LATIN),
    ("row-55-arabic", ARABIC, NOT_LATIN),
    ("row-55-russian", RUSSIAN, NOT_LATIN),
]

ENGLISH_SHORT = ("The council approved the new harbour wall on Tuesday. Fishermen said it would protect their "
                 "boats from winter storms, but residents worried about the cost.")  # 25 words
ENGLISH_30 = ("Police closed the main road into Ashford for three hours on Monday after a lorry shed its load of "
              "timber. Nobody was hurt, a spokesman said, and the road reopened at noon.")
ENGLISH_WITH_FRENCH_QUOTE = (
    "The French minister visited the flooded villages on Sunday and promised help to every family that lost a "
    "home. \"Nous serons là pour chacun d'entre vous,\" she told the crowd outside the town hall. Her aides said "
    "the money would arrive within a month, though local officials were not convinced by the promise.")
ENGLISH_LONG = "\n\n".join([ENGLISH_30, ENGLISH_SHORT, ENGLISH_WITH_FRENCH_QUOTE] * 5)
ENGLISH_CASES = [("row-55-english-short-25-words", ENGLISH_SHORT), ("row-55-english-30-words", ENGLISH_30),
                 ("row-55-english-with-french-quote", ENGLISH_WITH_FRENCH_QUOTE),
                 ("row-55-english-long", ENGLISH_LONG)]


def _load(tmp_path, texts: dict[str, str]):
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(tmp_path)


@pytest.mark.parametrize("text, problem", [case[1:] for case in NOT_ENGLISH_CASES],
                         ids=[case[0] for case in NOT_ENGLISH_CASES])
def test_a_non_english_article_is_flagged_and_its_measures_are_not_applicable(tmp_path, text, problem):
    corpus = _load(tmp_path, {"article.txt": text, "english.txt": ENGLISH_30})
    assert len(corpus.articles) == 2 and len(corpus.sentences) >= 4  # it loads and segments
    assert corpus.problems.to_dict("records") == [{"source": "article.txt", "problem": problem,
                                                   "action": NOT_ENGLISH_ACTION, "code": "not_english"}]
    scores = score_articles(corpus).set_index("article_id")
    measures = ["textblob_polarity", "textblob_subjectivity", "vader_compound", "textblob_coverage", "vader_coverage"]
    assert scores.loc["article", measures].isna().all()
    assert scores.loc["article", "score_note"] == NOT_ENGLISH and scores.loc["article", "n_sentences_scored"] == 0
    assert scores.loc["english", measures].notna().all() and scores.loc["english", "score_note"] == ""
    sentences = score_sentences(corpus)
    foreign = sentences[sentences["article_id"] == "article"]
    assert foreign["vader_compound"].isna().all() and foreign["textblob_polarity"].isna().all()
    assert (foreign["score_note"] == NOT_ENGLISH).all()
    assert sentences.loc[sentences["article_id"] == "english", "vader_compound"].notna().all()
    readability = describe_articles(corpus).set_index("article_id")[["flesch_reading_ease", "flesch_kincaid_grade"]]
    assert readability.loc["article"].isna().all() and readability.loc["english"].notna().all()


@pytest.mark.parametrize("text", [case[1] for case in ENGLISH_CASES], ids=[case[0] for case in ENGLISH_CASES])
def test_an_english_article_is_not_flagged(tmp_path, text):
    corpus = _load(tmp_path, {"article.txt": text})
    assert corpus.problems.empty, corpus.problems.to_dict("records")
    assert is_english(text)
    assert score_articles(corpus)[["textblob_polarity", "vader_compound"]].notna().all(axis=None)


@pytest.mark.parametrize("text, expected", [
    pytest.param("", True, id="row-55-empty-text-not-judged"),
    pytest.param("2018 70-44 3:15", True, id="row-55-numbers-only-not-judged"),
    pytest.param("Storm warning for Kent coast", True, id="row-55-headline-too-short-to-judge"),
    pytest.param("La piscine municipale ferme pour travaux", True, id="row-55-short-french-too-short-to-judge"),
    pytest.param("서울 시내버스 요금 인상", False, id="row-55-short-korean-judged-by-script"),
])
def test_short_texts_are_judged_by_their_script_alone(text, expected):
    assert len(text.split()) < MIN_WORDS_TO_JUDGE
    assert is_english(text) is expected


def test_not_english_keeps_the_index_and_measures_repeated_text_once():
    articles = pd.DataFrame({"article_id": ["x", "y", "z"], "text": [FRENCH, ENGLISH_30, FRENCH]}, index=[5, 7, 9])
    assert not_english(articles).to_dict() == {5: True, 7: False, 9: True}
    table = language_table(articles)
    assert table["english_share"].iloc[0] == table["english_share"].iloc[2] < MIN_ENGLISH_SHARE
    assert english_share(ENGLISH_30) > 3 * MIN_ENGLISH_SHARE


@pytest.mark.parametrize("text, expected", [pytest.param(ENGLISH_LONG, False, id="row-55-long-english-sampled"),
                                            pytest.param(KOREAN, True, id="row-55-long-korean-sampled")])
def test_a_long_text_is_judged_on_a_sample_spread_through_it(text, expected):
    long_text = "\n\n".join([text] * (3 * SAMPLE_CHARACTERS // len(text)))
    assert len(long_text) > 2 * SAMPLE_CHARACTERS
    table = language_table(pd.DataFrame({"article_id": ["long"], "text": [long_text]}))
    assert table["not_english"].item() is expected
    assert table["english_share"].item() == pytest.approx(english_share(long_text), abs=0.01)


def test_the_sentiment_findings_say_how_many_articles_are_left_out():
    corpus = corpus_of([KOREAN, ENGLISH_30, ENGLISH_WITH_FRENCH_QUOTE], outlet=["조선일보", "Courier", "Post"])
    found = list(findings.sentiment(score_articles(corpus)))
    assert found[0] == ("1 of the 3 articles is not in English and has no score: the lexicons are English-only; "
                        "the figures below rest on the other 2.")
    only_foreign = list(findings.sentiment(score_articles(corpus_of([KOREAN, FRENCH]))))
    assert only_foreign == ["2 of the 2 articles are not in English and have no score: the lexicons are English-only."]


@pytest.mark.slow
def test_real_english_corpus_has_no_article_flagged():
    path = shared_path("corpora/real-news-2400/articles.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    flagged = corpus.problems[corpus.problems["code"] == codes.NOT_ENGLISH]
    assert len(corpus.articles) > 2000
    assert flagged.empty, flagged.head().to_dict("records")


@pytest.mark.parametrize("folder", [None, "tests/fixtures/blind_quotes", "tests/fixtures/harbour_corpus",
                                    "tests/fixtures/heldout_quotes", "tests/fixtures/one_outlet_corpus",
                                    "tests/fixtures/wind_farm_corpus"],
                         ids=lambda folder: f"row-55-english-corpus-{(folder or 'bundled').split('/')[-1]}")
def test_bundled_and_test_corpora_have_no_article_flagged(folder):
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(None if folder is None else root / folder)
    assert not not_english(corpus.articles).any()
    assert not corpus.problems["problem"].str.startswith("the text does not look like English").any()


def _draw_korean_chart() -> list[warnings.WarningMessage]:
    corpus = corpus_of([ENGLISH_30, ENGLISH_WITH_FRENCH_QUOTE, KOREAN], outlet=["조선일보", "한겨레", "연합뉴스"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = plots.outlet_sentiment(score_articles(corpus))
        ax.figure.savefig(io.BytesIO(), format="png")
    labels = [text.get_text() for text in ax.texts]
    plt.close(ax.figure)
    assert "n/a" in [label.strip() for label in labels]  # the Korean article's scores: not applicable, no bar
    return caught


def test_row_55_korean_outlet_names_draw_with_a_cjk_font():
    if not chart_style.CJK_FALLBACK:
        pytest.skip("no CJK font is installed here (fc-list lists none of chart_style.CJK_FONTS): install one, e.g. "
                    "`apt install fonts-noto-cjk`, and delete ~/.cache/matplotlib, to run this test")
    caught = _draw_korean_chart()
    assert not [str(w.message) for w in caught if "missing from font" in str(w.message) or "boxes" in str(w.message)]


def test_row_55_missing_letters_warn_once_not_once_per_letter():
    caught = [str(w.message) for w in _draw_korean_chart() + _draw_korean_chart()]
    glyphs = [message for message in caught if "missing from font" in message or "drawn as boxes" in message]
    assert len(glyphs) <= (0 if chart_style.CJK_FALLBACK else 1), glyphs
    assert all("fonts-noto-cjk" in message for message in glyphs)
