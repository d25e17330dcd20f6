"""Which articles are not (mainly) English: the methods of this package are English-only.

TextBlob's and VADER's lexicons, textstat's readability formulas, the frame dictionaries and the
quote-attribution rules were all written for English. On another language they do not fail: they
give a sentiment of 0.0 (no word is known), a Flesch reading ease of 117 (no English syllables),
no frames and no quotes, and these look like findings. ``not_english`` finds such articles, so that
loading can list them in ``corpus.problems`` and the measures can show them as not applicable (NaN).

The rule is a documented heuristic, not a language identifier; it needs no model and no download:

- English prose is held together by function words ("the", "of", "and", "to", "was", ...): in
  news they are about 45% of all words. Other languages written in the Latin alphabet share few of
  them, so the share of an article's words that are English function words separates the two.
  The list is scikit-learn's ``ENGLISH_STOP_WORDS`` (318 words) less the few that are also common
  words of French, Spanish, Portuguese, Italian or German ("de", "con", "no", ...).
- A text in another script (Hangul, Arabic, Cyrillic, Han, Devanagari, ...) is not English whatever
  its words: the share of its letters that are not Latin letters says so, even without spaces.

Measured on the English corpora named at the thresholds, the rule flags none of their articles.
It does flag English that is not prose: a page of sports results or a list of names has few
function words. Such a text has no tone for a lexicon to measure either.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from itertools import chain

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from analysis.corpus import codes
from analysis.corpus.problems import ProblemLog
from analysis.corpus.text import LETTER, line_words

__all__ = [
    "LANGUAGE_COLUMNS", "MAX_OTHER_SCRIPT_SHARE", "MIN_ENGLISH_SHARE", "MIN_WORDS_TO_JUDGE", "NOT_ENGLISH_ACTION",
    "ENGLISH_FUNCTION_WORDS", "SAMPLE_CHARACTERS", "SAMPLE_PIECES", "SHARED_WITH_OTHER_LANGUAGES",
    "english_function_words", "english_share",
    "is_english", "language_table", "not_english", "not_english_ids", "other_script_share", "report_not_english",
    "why_not_english",
]

# Below this share of English function words among its words, an article is not mainly English.
# Measured (``english_share``) on ../shared: the lowest of the 2,402 English articles of
# corpora/real-news-2400 is 0.24 (median 0.45), of the 840 PolNeAR texts 0.24, of the 428
# narrative-frames texts 0.32, of the bundled corpus and the test corpora 0.36: none is flagged.
# Random 30-word stretches of them are flagged in 13 of 18,335 draws, all lists of names, tables,
# tweets or scripts, not prose. In the article-extraction benchmark 11 Portuguese, Italian, German
# and Indonesian pages score 0.00 to 0.06 and a 12th, Italian, full of English product names 0.10;
# all 20 pages not in English are flagged, and one English page: a table of basketball scores.
MIN_ENGLISH_SHARE = 0.12
# A text with fewer words than this is judged by its script alone: in fewer words, a headline, a
# caption or a list of names can have no function word and still be English.
MIN_WORDS_TO_JUDGE = 20
# Above this share of letters outside the Latin alphabet, a text is not mainly English (Korean,
# Arabic, Russian, Chinese, Urdu, ...). The English articles above have none (at most a name); the
# 1,200 Urdu texts of the COUNTER benchmark and the Korean, Japanese and Russian pages of the
# article-extraction benchmark have 81% to 100%.
MAX_OTHER_SCRIPT_SHARE = 0.3
# Words of scikit-learn's list that are as common in other European languages as in English ("de"
# in French, Spanish and Portuguese; "no", "me" in Spanish; "do" in Portuguese; "per", "con" in
# Italian; "am" in German): counting them, Portuguese scored up to 0.19.
SHARED_WITH_OTHER_LANGUAGES = frozenset({"de", "con", "un", "per", "via", "do", "no", "me", "am", "etc"})
ENGLISH_FUNCTION_WORDS = frozenset(ENGLISH_STOP_WORDS) - SHARED_WITH_OTHER_LANGUAGES
# A longer text is judged on this many characters, taken in ``SAMPLE_PIECES`` pieces spread evenly
# through it: some 30,000 words settle both shares to two decimals, and a 50 MB file is judged in
# milliseconds rather than seconds (it is judged at loading and again by each English-only measure).
SAMPLE_CHARACTERS = 200_000
SAMPLE_PIECES = 20

LANGUAGE_COLUMNS = ["article_id", "n_words", "english_share", "other_script_share", "not_english"]
NOT_ENGLISH_ACTION = ("loaded; lexicon sentiment, readability, frame dictionaries and quote rules are English-only: "
                      "its sentiment and readability are shown as not applicable (NaN), and its frames and "
                      "quotes are missing rather than absent")

# Letters outside the Latin alphabet: any letter but ASCII, Latin-1, Latin Extended-A and -B and
# Latin Extended Additional (Vietnamese) letters.
_OTHER_SCRIPT_LETTER = re.compile(r"[^\W\d_A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]")
_NUMBER = re.compile(r"[\d'’-]+")


def english_function_words() -> frozenset[str]:
    """Return the English function words the rule counts (lower case)."""
    return ENGLISH_FUNCTION_WORDS


def _count_words(text: str) -> tuple[int, int]:
    """Return how many of the text's words hold a letter (numbers say nothing of the language), and
    how many of those are English function words."""
    # Each distinct word is looked at once: an article repeats most of its words. They are the words
    # of its lines, which counting its words (``count_words``) has read already.
    counts = Counter(chain.from_iterable(line_words(line) for line in (text or "").split("\n")))
    # (a word starts with a letter or a digit, and only one that starts with a digit can be a number)
    numbers = sum(count for word, count in counts.items() if word[0].isdecimal() and _NUMBER.fullmatch(word))
    known = sum(counts[word] for word in ENGLISH_FUNCTION_WORDS.intersection(counts))  # no number is one
    return sum(counts.values()) - numbers, known


def english_share(text: str) -> float:
    """Return the share of the text's words that are English function words (NaN: no words)."""
    n_words, n_known = _count_words(text)
    return n_known / n_words if n_words else float("nan")


def other_script_share(text: str) -> float:
    """Return the share of the text's letters that are not Latin letters (NaN: no letters)."""
    other = len(_OTHER_SCRIPT_LETTER.findall(text or ""))
    if not other:  # most texts: no need to count the letters
        return 0.0 if LETTER.search(text or "") else float("nan")
    return other / len(LETTER.findall(text))


def _sample(text: str) -> str:
    """The text, or for a long one ``SAMPLE_CHARACTERS`` of it from places spread through it."""
    if len(text) <= SAMPLE_CHARACTERS:
        return text
    size, step = SAMPLE_CHARACTERS // SAMPLE_PIECES, len(text) // SAMPLE_PIECES
    return "\n".join(text[start:start + size] for start in range(0, step * SAMPLE_PIECES, step))


def _measure(text: str) -> tuple[int, float, float, bool]:
    text = _sample(text or "")
    n_words, n_known = _count_words(text)
    english = n_known / n_words if n_words else float("nan")
    other_script = other_script_share(text)
    return n_words, english, other_script, _verdict(n_words, english, other_script)


def is_english(text: str) -> bool:
    """Return whether the text is mainly English by the rule (a text without letters counts as English:
    there is nothing to judge, and nothing for the English-only methods to get wrong)."""
    return not _measure(text)[3]


def _verdict(n_words: int, english: float, other_script: float) -> bool:
    """True for not English. NaN compares False: a text without letters is not flagged."""
    return bool(other_script > MAX_OTHER_SCRIPT_SHARE
                or (n_words >= MIN_WORDS_TO_JUDGE and english < MIN_ENGLISH_SHARE))


def language_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per article (in the order of ``articles``) with what the rule measured.

    Columns: article_id, n_words (words with a letter; of a text longer than ``SAMPLE_CHARACTERS``,
    those of the sample judged), english_share, other_script_share, not_english (True when
    other_script_share > ``MAX_OTHER_SCRIPT_SHARE``, or when the article has at least
    ``MIN_WORDS_TO_JUDGE`` words and english_share < ``MIN_ENGLISH_SHARE``).
    """
    texts = articles["text"].fillna("").astype(str)
    key = hashlib.sha1(pd.util.hash_pandas_object(pd.DataFrame({"id": articles["article_id"].astype(str), "text": texts}),
                                                  index=False).to_numpy().tobytes()).hexdigest()
    if key in _RECENT:
        _RECENT.move_to_end(key)
        return _RECENT[key].copy()
    codes, distinct = pd.factorize(texts)  # wire copy: measured once
    measured = pd.DataFrame([_measure(text) for text in distinct], columns=LANGUAGE_COLUMNS[1:])
    table = measured.take(codes).reset_index(drop=True) if len(codes) else measured
    table.insert(0, "article_id", articles["article_id"].to_numpy())
    table = table.astype({"n_words": int, "english_share": float, "other_script_share": float, "not_english": bool})
    _RECENT[key] = table
    while len(_RECENT) > _RECENT_TABLES:
        _RECENT.popitem(last=False)
    return table.copy()


# The language tables of the last few articles tables, keyed by a hash of their ids and texts (so
# never stale): loading, the sentence scores, the article scores and the descriptions each ask for
# the same table, and measuring it is 10 times the cost of the hash (real-news-2400: 0.42 s
# against 0.04 s). Without it the three calls of each pipeline partition took a tenth of the
# partition's time.
_RECENT: OrderedDict[str, pd.DataFrame] = OrderedDict()
_RECENT_TABLES = 4


def not_english(articles: pd.DataFrame) -> pd.Series:
    """Return a boolean Series indexed like ``articles``: True for each article that is not mainly English."""
    if articles.empty:
        return pd.Series(False, index=articles.index, dtype=bool)
    return pd.Series(language_table(articles)["not_english"].to_numpy(), index=articles.index, dtype=bool)


def not_english_ids(articles: pd.DataFrame) -> set:
    """Return the article_ids of the articles that are not mainly English."""
    return set(articles.loc[not_english(articles), "article_id"])


def why_not_english(english: float, other_script: float) -> str:
    """Return the problem text for an article the rule flags, with the figures it rests on."""
    if other_script > MAX_OTHER_SCRIPT_SHARE:
        words_part = "" if pd.isna(english) else f"; {english:.0%} of its words are English function words"
        return f"the text does not look like English ({other_script:.0%} of its letters are not Latin letters{words_part})"
    return f"the text does not look like English ({english:.0%} of its words are English function words)"


def report_not_english(articles: pd.DataFrame, problems: ProblemLog) -> None:
    """Add a row to ``problems`` for each article that is not mainly English, naming what is English-only."""
    if articles.empty:
        return
    table = language_table(articles)
    for source, row in zip(articles["source_file"], table.itertuples(index=False)):
        if row.not_english:
            problems.add(str(source), why_not_english(row.english_share, row.other_script_share), NOT_ENGLISH_ACTION,
                         code=codes.NOT_ENGLISH)
