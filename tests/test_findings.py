"""findings: the sentences that end each notebook, computed from the tables of small corpora
written here, with the expected values worked out by hand (or by the libraries called directly),
and the one "Skipped:" line a section shows when the corpus lacks what it needs."""

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import analyse, coverage, findings, framing, reliability
from analysis.compare import FEW_ARTICLES
from analysis.findings.wording import small_sample
from analysis.quotes import sources_by_outlet
from analysis.resources.files import MISSING, find_resources

ROOT = Path(__file__).resolve().parent.parent
HARBOUR = ROOT / "tests" / "fixtures" / "harbour_corpus"


def write_corpus(folder: Path, articles: list[dict]) -> Path:
    """Write a folder of .txt files with an articles.csv (file, outlet and any other columns given)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for number, article in enumerate(articles):
        name = f"article-{number}.txt"
        (folder / name).write_text(article["text"], encoding="utf-8")
        rows.append({"file": name, **{key: value for key, value in article.items() if key != "text"}})
    pd.DataFrame(rows).to_csv(folder / "articles.csv", index=False)
    return folder


def analysed(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(folder, cache=False, progress=False, workers=1)


# One sentence per article, so that the article's VADER score (the mean of its sentences') is
# VADER's score of the whole text.
TONE_TEXTS = {
    "Morning Star": ["The talks were a great success and everyone was happy.",
                     "Residents praised the friendly and helpful volunteers."],
    "Evening Post": ["The attack left many people dead and the town in terrible grief.",
                     "The council meeting was held on Tuesday."],
    "Weekly Notes": ["The report was published on Monday.", "The bad decision angered some residents."],
}


@pytest.fixture(scope="module")
def tone(tmp_path_factory):
    articles = [{"text": text, "outlet": outlet, "date": f"2024-01-0{day}"}
                for day, (outlet, text) in enumerate(((outlet, text) for outlet, texts in TONE_TEXTS.items()
                                                      for text in texts), start=1)]
    return analysed(write_corpus(tmp_path_factory.mktemp("tone"), articles))


def test_the_outlet_named_most_negative_has_the_lowest_mean_score_of_each_lexicon(tone):
    vader = SentimentIntensityAnalyzer()
    vader_means = {outlet: np.mean([vader.polarity_scores(text)["compound"] for text in texts])
                   for outlet, texts in TONE_TEXTS.items()}
    textblob_means = {outlet: np.mean([TextBlob(text).sentiment.polarity for text in texts])
                      for outlet, texts in TONE_TEXTS.items()}
    lowest = min(vader_means, key=vader_means.get)
    highest = max(vader_means, key=vader_means.get)
    assert lowest == "Evening Post" and highest == "Morning Star"  # as written

    found = findings.sentiment(tone.article_scores)
    vader_line = next(line for line in found if line.startswith("By VADER"))
    assert (f"the most negative outlet is {lowest} ({vader_means[lowest]:+.2f}, n=2 articles)" in vader_line)
    assert f"the most positive {highest} ({vader_means[highest]:+.2f}, n=2 articles)" in vader_line
    textblob_line = next(line for line in found if line.startswith("By TextBlob"))
    assert f"is {min(textblob_means, key=textblob_means.get)} " in textblob_line
    agree = min(textblob_means, key=textblob_means.get) == lowest
    assert f"The two lexicons {'agree' if agree else 'disagree'} on which outlet scores lowest" in " ".join(found)


def test_sign_agreement_and_near_zero_are_counted_per_article(tone):
    vader = SentimentIntensityAnalyzer()
    texts = [text for texts in TONE_TEXTS.values() for text in texts]
    signs = [np.sign(vader.polarity_scores(text)["compound"]) * np.sign(TextBlob(text).sentiment.polarity)
             for text in texts]
    opposite = sum(sign < 0 for sign in signs)
    found = findings.sentiment(tone.article_scores)
    assert f"TextBlob and VADER give opposite signs to {opposite} of the 6 articles" in " ".join(found)
    assert found[-1].startswith("Small sample: 6 articles from 3 outlets.")


def test_one_outlet_compares_articles_and_a_positive_minimum_is_not_called_negative():
    scores = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Town Crier"] * 2,
                           "textblob_polarity": [0.10, 0.30], "vader_compound": [0.20, -0.40]})
    found = findings.sentiment(scores)
    assert found[0] == ("By VADER, the most negative article is Town Crier (b) (-0.40, one article) and the most "
                        "positive Town Crier (a) (+0.20, one article).")
    assert found[1] == ("By TextBlob, the least positive article is Town Crier (a) (+0.10, one article) and the most "
                        "positive Town Crier (b) (+0.30, one article).")


def test_many_articles_name_a_few_outlets_with_their_n_and_no_small_sample_warning():
    outlets = [f"Outlet {number}" for number in range(12) for _ in range(3)]
    rng = np.random.default_rng(0)
    scores = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(outlets))], "outlet": outlets,
                           "textblob_polarity": rng.normal(0, 0.1, len(outlets)),
                           "vader_compound": rng.normal(0, 0.1, len(outlets))})
    scores.loc[scores["outlet"] == "Outlet 7", "vader_compound"] = -0.9
    found = findings.sentiment(scores)
    assert "the most negative outlet is Outlet 7 (-0.90, n=3 articles)" in found[0]
    assert len(scores) > FEW_ARTICLES and not any(line.startswith("Small sample") for line in found)


def test_the_watch_list_words_that_weigh_most_come_first():
    words = pd.DataFrame({
        "term": ["defector", "hand", "remote", "executed"],
        "problem": ["misleading", "misleading", "misleading", "blind spot"],
        "why": [""] * 4,
        "textblob_valence": [np.nan, np.nan, -0.1, np.nan],
        "vader_valence": [-1.9, 2.2, np.nan, np.nan],
        "n_occurrences": [3, 1, 2, 1], "n_articles": [2, 1, 1, 1], "example": [""] * 4})
    found = findings.sentiment(pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "textblob_polarity": [0.0],
                                             "vader_compound": [0.0]}), watchlist_words=words)
    text = " ".join(found)
    # weights: defector 3 × 1.9/4 = 1.43, hand 1 × 2.2/4 = 0.55, remote 2 × 0.1 = 0.2
    assert "defector (VADER -1.90, TextBlob unknown; 3 times in 2 articles); hand (VADER +2.20" in text
    assert text.index("hand (VADER") < text.index("remote (VADER unknown, TextBlob -0.10")
    assert "TextBlob does not know executed" in text and "VADER does not know executed" in text


# --- framing --------------------------------------------------------------------------------------

FRAMED = [
    # Daily: 3 human-rights sentences, 1 diplomacy sentence -> balance (3 - 1) / 4 = +0.50
    {"outlet": "Daily", "text": "Officials described abuses in the prison. Torture was widespread, the report said. "
                                "The summit was postponed. Witnesses spoke of repression."},
    # Weekly: 2 diplomacy sentences -> balance -1.00
    {"outlet": "Weekly", "text": "The summit opened on Monday. Negotiators met the ambassador. The weather was mild."},
]


def test_framing_names_each_outlets_lean_and_the_sentences_it_rests_on(tmp_path):
    results = analysed(write_corpus(tmp_path / "framed", FRAMED))
    codebook = framing.load_codebook(None)
    balance = framing.frame_balance(results.corpus, codebook, by="outlet", hits=results.frame_hits)
    shares = framing.frame_shares(results.corpus, codebook, hits=results.frame_hits)
    found = findings.framing(balance, shares, codebook)
    assert found[0] == "Daily leans to Human rights (balance +0.50, resting on 4 sentences, 1 article)."
    assert found[1] == "Weekly leans to Diplomacy (balance -1.00, resting on 2 sentences, 1 article)."
    assert found[2].startswith(f"The balance of Daily and Weekly rests on fewer than {findings.FEW_SENTENCES} ")
    assert found[3].startswith("Sentences carrying each frame, over all articles: Human rights 3, Diplomacy 3,")


def test_framing_with_many_outlets_names_only_the_extremes():
    balance = pd.DataFrame({"outlet": [f"Outlet {n}" for n in range(10)], "n_first": 5, "n_second": 5,
                            "balance": np.linspace(-0.9, 0.9, 10), "balance_n": 40, "n_articles": 30})
    balance.attrs["frames"] = ("human_rights", "diplomacy")
    shares = pd.DataFrame({"article_id": [f"a{n}" for n in range(300)], "outlet": "x", "frame": "human_rights",
                           "n_sentences": 1})
    found = findings.framing(balance, shares, framing.load_codebook(None))
    assert found[0] == "5 of the 10 outlets lean to Human rights, 5 to Diplomacy."
    assert "Most to Human rights: Outlet 9 leans to Human rights (balance +0.90" in found[1]
    assert "most to Diplomacy: Outlet 0 leans to Diplomacy (balance -0.90" in found[1]
    assert not any(line.startswith("Small sample") for line in found)


# --- coverage -------------------------------------------------------------------------------------

EDITION = "\n\n".join(["The council met on Monday to discuss the new bridge.",
                       "The mayor said the bridge would open in the spring.",
                       "Residents asked about the cost of the project.", "The meeting ended after two hours."])
EDITED = "\n\n".join(["The council met on Monday to discuss the new bridge.",
                      "The mayor said the bridge would finally open in the late spring.",
                      "The meeting ended after two hours.", "Protesters gathered outside the hall."])


def test_coverage_says_what_the_edit_kept_reworded_cut_and_added(tmp_path):
    results = analysed(write_corpus(tmp_path / "edit", [{"outlet": "Daily", "text": EDITION},
                                                       {"outlet": "Weekly", "text": EDITED}]))
    corpus = results.corpus
    pairs = coverage.most_alike(corpus)
    article_a, article_b = pairs.at[0, "article_a"], pairs.at[0, "article_b"]
    alignment = coverage.align(corpus, article_a, article_b)
    found = findings.coverage(corpus, pairs=pairs, alignment=alignment, aligned=(article_a, article_b))
    similarity = pairs.at[0, "similarity"]
    assert found[0].startswith(f"The most alike pair is Daily and Weekly: TF-IDF cosine {similarity:.2f}")
    # by hand: sentences 1 and 4 the same, 2 reworded, 3 cut; "Protesters gathered ..." added
    assert found[1] == "From Daily to Weekly: of Daily's 4 sentences, 2 kept, 1 reworded and 1 cut; 1 added."
    assert found[-1].startswith("Small sample: 2 articles from 2 outlets.")


def test_coverage_says_which_terms_reach_z_196():
    terms = pd.DataFrame({"outlet": ["Daily", "Daily", "Weekly"], "term": ["bridge", "council", "protest"],
                          "z": [2.5, 1.2, 2.0], "stable": [True, False, False], "warning": ""})
    corpus = analysed_frame(["Daily", "Weekly"])
    assert findings.coverage(corpus, terms=terms)[0] == (
        "2 terms reach z 1.96 (Daily: 'bridge'; Weekly: 'protest'); 1 of them stays distinctive when the sentences "
        "are resampled.")
    quiet = terms.assign(z=[1.5, 1.2, 0.3])
    assert findings.coverage(corpus, terms=quiet)[0] == (
        "No term reaches z 1.96 in any outlet (the highest: 'bridge', z 1.50): these texts cannot show an outlet's "
        "vocabulary.")


def analysed_frame(outlets):
    from analysis import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(pd.DataFrame({"article_id": [f"a{i}" for i in range(len(outlets))], "outlet": outlets,
                                         "text": ["Some text here."] * len(outlets)}))


# --- who speaks -----------------------------------------------------------------------------------


def test_who_speaks_names_the_speaker_with_the_most_quoted_words_in_each_outlet():
    results = analysed(HARBOUR)
    found = findings.who_speaks(sources_by_outlet(results.quotes, results.corpus), results.quotes)
    # Harbour Herald: Pavel Doru 9 + 6 + 13 = 28 quoted words, Marta Ilves 6 + 12 + 6 = 24
    assert found[0].startswith("In Harbour Herald, Pavel Doru holds the most quoted words: 28 words in 3 quotes")
    # Coastal Times: Elena Sarr 6 + 13 = 19, the fishermen's association 5
    assert found[1].startswith("In Coastal Times, Elena Sarr holds the most quoted words: 19 words in 2 quotes, 79%")
    assert found[2] == "Wire Service quotes no one directly."
    assert "The writer's own words are between" in " ".join(found) and "100% (Wire Service)" in " ".join(found)


def test_who_speaks_from_a_table_written_by_hand():
    sources = pd.DataFrame([
        ("A", "(journalist)", "journalist", 0, 60, 0.6, 2), ("A", "Anna Berg", "quoted", 2, 30, 0.3, 2),
        ("A", "Tom Reed", "quoted", 1, 10, 0.1, 2),
        ("B", "(journalist)", "journalist", 0, 75, 0.75, 1), ("B", "(unattributed)", "quoted", 1, 20, 0.2, 1),
        ("B", "Lee Park", "quoted", 1, 5, 0.05, 1),
        ("C", "(journalist)", "journalist", 0, 50, 1.0, 1)],
        columns=["outlet", "speaker", "voice", "n_quotes", "n_words", "share_of_words", "n_articles"])
    assert findings.who_speaks(sources) == [
        "In A, Anna Berg holds the most quoted words: 30 words in 2 quotes, 75% of its quoted words and 30% of all "
        "its words (2 articles).",
        # a quote with no speaker found is never named as the speaker
        "In B, Lee Park holds the most quoted words: 5 words in 1 quote, 20% of its quoted words and 5% of all "
        "its words (1 article).",
        "C quotes no one directly.",
        "The writer's own words are between 60% (A) and 100% (C) of an outlet's words.",
        "Across the corpus, Anna Berg holds the most quoted words (30, in 1 outlet).",
        small_sample(4, 3)[0]]


def test_who_speaks_on_a_wind_farm_story():
    results = analysed(ROOT / "tests" / "fixtures" / "wind_farm_corpus")
    found = findings.who_speaks(sources_by_outlet(results.quotes, results.corpus), results.quotes)
    # The Post (3 articles): Priya Raman 16 quoted words, Dan Whitlow 12, Helen Marsh 8; the Courier (2
    # articles): Ruth Mallory 14, Maria Okafor 12, Tom Adeyemi 9
    assert found[0].startswith(r"In The $\undefinedcmd$ Post, Priya Raman holds the most quoted words: 16 words in "
                               "1 quote")
    assert found[1].startswith("In Coast Courier, Ruth Mallory holds the most quoted words: 14 words in 1 quote")
    assert found[-2] == ("Of 6 quotes, 0 were attributed only by the weakest rules (the previous speaker, or the "
                         "person named last) and 0 to no one: check those by hand.")


# --- coding ---------------------------------------------------------------------------------------


def test_coding_gives_alpha_per_frame_between_the_coders():
    import krippendorff

    rows = []
    answers = {"anna": {"conflict": "yes no yes no yes no", "economic": "no no no no no no"},
               "ben": {"conflict": "yes no yes yes yes no", "economic": "no no no no no no"}}
    for coder, frames in answers.items():
        for frame, codes in frames.items():
            for unit, code in enumerate(codes.split()):
                rows.append({"coder": coder, "unit_id": f"u{unit}", "article_id": f"u{unit}",
                             "question_id": frame[0].upper() + "1", "frame": frame, "suggestion": "yes",
                             "evidence": "", "code": code})
    codes = pd.DataFrame(rows)
    expected = krippendorff.alpha(reliability_data=[[1, 0, 1, 0, 1, 0], [1, 0, 1, 1, 1, 0]],
                                  level_of_measurement="nominal")
    found = findings.coding(codes, reliability.agreement(codes, by="frame"))
    assert found[0] == "2 coders (anna and ben) coded 6 units on 2 questions."
    assert found[1] == (f"Alpha between the coders, per frame: conflict {expected:.2f}, economic undefined (every "
                        "code the same; agreement 100%).")


# --- the display ----------------------------------------------------------------------------------


def test_findings_are_a_list_of_strings_shown_as_an_escaped_list():
    found = findings.Findings(["The $5 and $10 Daily leans <left> & right."])
    assert found == ["The $5 and $10 Daily leans <left> & right."]
    assert found._repr_html_() == ('<div class="tex2jax_ignore"><ul><li>The $5 and $10 Daily leans &lt;left&gt; '
                                   '&amp; right.</li></ul></div>')
    assert repr(found) == "- The $5 and $10 Daily leans <left> & right."


def test_the_corpus_overview_of_another_story():
    found = findings.corpus_overview(analysed(HARBOUR))
    assert found[0] == "4 articles from 4 outlets; 3 of them dated, from 04 Mar 2021 to 06 Mar 2021."
    assert found[1].startswith("The longest article is Harbour Herald with")
    assert "No two articles share much vocabulary" in " ".join(found)


# --- sections that skip ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """Two articles of one outlet, no dates, no quotes, no resources of their own."""
    folder = write_corpus(tmp_path_factory.mktemp("bare"), [
        {"outlet": "Town Crier", "text": "The council approved the budget on Monday."},
        {"outlet": "Town Crier", "text": "Residents protested against the cuts to the parks."}])
    return folder, analysed(folder)


@pytest.mark.parametrize("need, reason", [
    ("dates", "no article has a date: give each article its date (YYYY-MM-DD) in the date column of articles.csv"),
    ("outlets", "every article is from one outlet (Town Crier): comparing outlets takes two or more"),
    ("quotes", "no direct quote was found in the 2 articles"),
    ("over_time", "this corpus has 0 dated articles"),
])
def test_a_section_skips_with_the_reason_when_the_corpus_lacks_it(bare, need, reason, capsys):
    _, results = bare
    assert reason in findings.missing(results, need)
    assert findings.ready(results, need) is False
    shown = capsys.readouterr().out.strip()
    assert shown.startswith("Skipped: ") and reason in shown and shown.count("\n") == 0


@pytest.mark.parametrize("need", ["targets", "story_elements", "coding_sheets"])
def test_a_corpus_without_its_own_resources_skips_with_the_resource_reason(bare, need, capsys):
    folder, _ = bare
    resources = find_resources(folder)
    assert findings.missing(resources, need) == MISSING[need]
    assert findings.ready(resources, need) is False
    assert capsys.readouterr().out.strip() == f"Skipped: {MISSING[need]}"


def test_the_skipped_line_is_one_html_paragraph():
    line = findings.Skipped("no article has a date & <none> $5")
    assert line._repr_html_() == ('<p class="skipped tex2jax_ignore">Skipped: no article has a date &amp; &lt;none&gt; '
                                  '$5</p>')
    assert repr(line) == "Skipped: no article has a date & <none> $5"


def test_a_corpus_with_what_a_section_needs_shows_nothing(tmp_path, capsys):
    folder = write_corpus(tmp_path / "own", [
        {"outlet": "Daily", "date": "2024-03-01", "text": '"We will fight on," said Mayor Ana Lind.'},
        {"outlet": "Weekly", "date": "2024-03-02", "text": "The council met on Monday."}])
    (folder / "targets.yml").write_text("targets:\n  Ana Lind: [Mayor Lind]\n", encoding="utf-8")
    results = analysed(folder)
    for need in ("dates", "outlets", "quotes", "articles", "similarity"):
        assert findings.ready(results, need), need
    assert findings.ready(find_resources(folder), "targets")
    assert findings.ready(("a", "b"), "pair")
    assert capsys.readouterr().out == ""
    assert "no pair of articles to align" in findings.missing((None, None), "pair")
    assert "no sentence names any of the targets" in findings.missing(pd.DataFrame(), "target_mentions")


def test_one_article_cannot_be_compared(tmp_path):
    results = analysed(write_corpus(tmp_path / "one", [{"outlet": "Daily", "text": "The council met."}]))
    assert findings.missing(results, "articles") == "this corpus has 1 article: comparing articles takes two or more"
    assert findings.missing(results, "similarity") == findings.missing(results, "articles")


def test_a_need_checked_on_the_wrong_thing_says_what_it_is_checked_on(bare):
    _, results = bare
    with pytest.raises(TypeError, match="'targets' is checked on Resources, not on Analysis"):
        findings.ready(results, "targets")
    with pytest.raises(ValueError, match="No need 'weather'"):
        findings.ready(results, "weather")


def test_the_widest_gap_between_quotes_and_narration_says_which_way_it_goes():
    scores = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Herald", "Courier"],
                           "textblob_polarity": [0.2, 0.1], "vader_compound": [0.2, 0.1]})
    # Herald: quotes darker by 0.1; Courier: quotes brighter by 0.3, the widest gap.
    by_voice = pd.DataFrame({"outlet": ["Herald", "Herald", "Courier", "Courier"],
                             "voice": ["narration", "quoted", "narration", "quoted"],
                             "vader_compound": [0.1, 0.0, -0.2, 0.1]})
    voices = [line for line in findings.sentiment(scores, by_voice=by_voice) if line.startswith("Quoted speech")]
    assert voices == ["Quoted speech is more negative than the narration in 1 of the 2 outlets that quote anyone "
                      "(VADER means); the widest gap: Courier, where the quotes are more positive (+0.10 against "
                      "narration -0.20)."]
