"""Sentiment near and toward targets: the sentences that name a person or body, and the clause and
the words around each mention.

``target_mentions`` and ``sentiment_by_target`` take the whole sentence: sentiment near a target.
``target_sentiment`` reads the text around each mention instead (the clause that holds it, and a
window of words either side) with TextBlob, VADER and the news model told the mention's place, and
also finds the sentences that speak of a target only by a pronoun ("he", "she", "it").
``benchmarks/target_sentiment.py`` measures each reading, and the pronouns, on NewsMTSC.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus.language import not_english_ids
from analysis.quotes.names import honorific_gender, name_runs, split_title, word_before
from analysis.quotes.patterns import OBJECT_PREPOSITIONS, PRONOUNS
from analysis.quotes.people import first_name_gender, may_be_person
from analysis.resources.dictionaries import load_targets
from analysis.sentiment.learned import news_sentiment
from analysis.sentiment.scores import score_sentences, score_texts

__all__ = ["CLAUSE_WORDS", "DEFAULT_WINDOW", "MENTION_COLUMNS", "PRONOUN_KINDS", "TARGET_SENTIMENT_COLUMNS",
           "article_mentions", "clause_span", "mention_kind", "other_people", "resolve_pronouns",
           "sentiment_by_target", "target_kind", "target_mentions", "target_sentiment", "window_span"]

MENTION_COLUMNS = ["article_id", "sentence_id", "target", "matched"]


def _target_patterns(targets: dict[str, list[str]]) -> dict[str, re.Pattern]:
    patterns = {}
    for target, aliases in targets.items():
        parts = []
        for alias in sorted(set(aliases), key=len, reverse=True):
            escaped = re.escape(alias).replace("\\ ", r"\s+").replace("'", "['’]")
            parts.append(escaped if any(c.isupper() for c in alias) else f"(?i:{escaped})")
        patterns[target] = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
    return patterns


def _with_aliases(targets: str | dict | None) -> dict[str, list[str]]:
    """Return ``{target: [its name, aliases...]}`` from a path, a dict or None (the bundled corpus's)."""
    if targets is None or not isinstance(targets, dict):
        targets = load_targets(targets)
    return {name: list(dict.fromkeys([name, *aliases])) for name, aliases in targets.items()}


def target_mentions(corpus, targets: str | dict | None = None) -> pd.DataFrame:
    """Return one row per sentence and target it mentions: article_id, sentence_id, target, matched."""
    patterns = _target_patterns(_with_aliases(targets))
    rows = []
    for sentence in corpus.sentences.itertuples(index=False):
        for target, pattern in patterns.items():
            match = pattern.search(sentence.text)
            if match:
                rows.append((sentence.article_id, sentence.sentence_id, target, match.group(0)))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def sentiment_by_target(corpus, sentence_scores: pd.DataFrame | None = None, targets=None, *,
                        by: str = "outlet") -> pd.DataFrame:
    """Return mean sentence scores per ``by`` group and target, over the sentences that mention it.

    Targets and the words that name them come from ``targets``: a path (a corpus's own
    ``targets.yml``; default: the bundled corpus's) or a dict ``{target: [aliases]}``. Columns:
    ``by``, target, n_sentences, textblob_polarity, vader_compound. A sentence naming two targets
    counts for both: sentence sentiment is not sentiment toward a target, only sentiment near it.
    """
    if sentence_scores is None:
        sentence_scores = score_sentences(corpus)
    mentions = target_mentions(corpus, targets)
    groups = corpus.articles[list(dict.fromkeys(["article_id", by]))]  # article_id once, even when by is it
    joined = mentions.merge(sentence_scores, on=["article_id", "sentence_id"]).merge(groups, on="article_id")
    return (joined.groupby([by, "target"], sort=False)
            .agg(n_sentences=("sentence_id", "size"), textblob_polarity=("textblob_polarity", "mean"),
                 vader_compound=("vader_compound", "mean"))
            .reset_index())


# --- sentiment toward a target: the clause and the window around each mention ---------------------

TARGET_SENTIMENT_COLUMNS = [
    "article_id", "sentence_id", "target", "matched", "how", "start", "end",
    "clause", "clause_textblob_polarity", "clause_vader_compound",
    "window", "window_textblob_polarity", "window_vader_compound",
    "sentence_textblob_polarity", "sentence_vader_compound", "news_label", "news_score",
]
# The words either side of a mention that ``target_sentiment`` reads by default: the size with the
# best mean macro-F1 of VADER and TextBlob on the development part of NewsMTSC, of 1-15 tried
# (benchmarks/target_sentiment.py; 10, 12 and 15 were within 0.002 of each other there).
DEFAULT_WINDOW = 12
# Where a clause ends: a comma, semicolon, colon, dash or bracket, or before a word that joins two
# contrasting or simultaneous clauses. Deliberately simple: no parser, no lists of verbs.
CLAUSE_WORDS = ("but", "while", "although", "though", "whereas")
_JOINING_WORD = r"(?:" + "|".join(CLAUSE_WORDS) + r")\b\s*"
_CLAUSE_BREAK = re.compile(rf"\s*(?:[,;:()\[\]—–]|\s-{{1,2}}\s)\s*(?:{_JOINING_WORD})?|(?:^|\s+){_JOINING_WORD}",
                           flags=re.IGNORECASE)
_WORD = re.compile(r"\S+")
# The pronouns ``target_sentiment`` resolves, and the kind of target each may refer to: "he" forms a
# man, "she" forms a woman (genders as in the quotes' ``PRONOUNS``), "it" forms a body (a country, a
# party, an organisation). "They" is left out: it is a group of people as often as a body.
PRONOUN_KINDS = {**dict.fromkeys(("he", "him", "his", "himself"), PRONOUNS["he"]),
                 **dict.fromkeys(("she", "her", "hers", "herself"), PRONOUNS["she"]),
                 **dict.fromkeys(("it", "its", "itself"), "body")}
_PRONOUN = re.compile(r"(?<![\w'’-])(?:" + "|".join(PRONOUN_KINDS) + r")(?![\w'’-])", flags=re.IGNORECASE)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the (start, end) of the clause of ``text`` that holds the mention at ``start:end``.

    A clause runs between breaks (``_CLAUSE_BREAK``): ``,`` ``;`` ``:`` a dash or a bracket, or the
    words "but", "while", "although", "though" and "whereas", which belong to neither clause. A
    break inside the mention is ignored. "The minister praised the plan, but critics attacked
    Smith." gives the clause around "Smith" as "critics attacked Smith.".
    """
    clause_start, clause_end = 0, len(text)
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() <= start:
            clause_start = found.end()
        elif found.start() >= end:
            clause_end = found.start()
            break
    return clause_start, clause_end


def window_span(text: str, start: int, end: int, words: int = DEFAULT_WINDOW) -> tuple[int, int]:
    """Return the (start, end) of the mention at ``start:end`` with up to ``words`` words either
    side, within ``text``. Words are runs of non-space characters (punctuation kept on them); the
    words the mention touches are whole ("Smith's", "Smith.") and count as the mention."""
    spans = [found.span() for found in _WORD.finditer(text)]
    touched = [span for span in spans if span[0] < max(end, start + 1) and start < span[1]]
    start, end = min([start, *(span[0] for span in touched)]), max([end, *(span[1] for span in touched)])
    before = [word_start for word_start, word_end in spans if word_end <= start][-words:] if words > 0 else []
    after = [word_end for word_start, word_end in spans if word_start >= end][:words] if words > 0 else []
    return before[0] if before else start, after[-1] if after else end


def target_kind(name: str, aliases: list[str] = ()) -> str | None:
    """Return what a target is, as the words that name it show: "male" or "female" (an honorific
    such as "Mr" or "Ms", or a very common first name, read by the quotes' ``honorific_gender`` and
    ``first_name_gender``), "person" (a title such as "President" without a gender), "body" (a
    lower-case alias such as "the regime", or a name no person has, ``may_be_person``: "White
    House", "Justice Department"), else None (unknown: "he" and "she" may refer to it, "it" not)."""
    names = list(dict.fromkeys([name, *aliases]))
    titled = False
    for alias in names:
        title, bare = split_title(alias)
        gender = honorific_gender(title) or (first_name_gender(bare) if bare else None)
        if gender:
            return gender
        titled = titled or bool(title)
    if titled:
        return "person"
    if any(alias == alias.lower() or not may_be_person(alias) for alias in names):
        return "body"
    return None


def _fits(pronoun_kind: str, kind: str | None) -> bool:
    """True when a pronoun of ``pronoun_kind`` may refer to a target of ``kind`` (``target_kind``)."""
    if pronoun_kind == "body":
        return kind == "body"
    return kind in (pronoun_kind, "person", None)


def mention_kind(matched: str, kind: str | None) -> str | None:
    """Return the kind of one mention: the gender its own words give ("Mr Moon", "Hillary
    Clinton"), else its target's ``kind``."""
    title, bare = split_title(matched)
    return honorific_gender(title) or (first_name_gender(bare) if bare else None) or kind


def resolve_pronouns(texts: list[str], mentions: list[list[tuple]], *, reach: int = 1,
                     oblique_last: bool = True) -> list[list[tuple[str, int, int]]]:
    """Return, for each sentence of one article, the (target, start, end) of its pronouns that
    refer to a target.

    ``texts`` are the article's sentences in order; ``mentions[i]`` the (target, start, kind,
    oblique) of each mention by name in sentence i (``mention_kind``; oblique: right after a
    preposition, "in Florida", "for Mr Moon"), target None for a person who is no target. A pronoun
    (``PRONOUN_KINDS``) refers to the most recent mention before it, in its sentence or the
    ``reach`` sentences before, whose kind it fits (a mention of unknown kind fits "he" and "she",
    not "it"); with ``oblique_last``, as the quotes' ``Resolver.mentions`` ranks names, a mention
    after a preposition only when no other fits. When that is a person who is no target, the
    pronoun is left out, as it is when nothing fits. A pronoun resolved to a target counts as a
    mention of it for the pronouns after it ("Ana Lind spoke. She smiled. Her plan ...").
    """
    resolved: list[list[tuple[str, int, int]]] = []
    spoken: list[list[tuple]] = []  # each sentence's mentions, its resolved pronouns included
    for index, text in enumerate(texts):
        earlier = [mention for context in spoken[max(0, index - reach):] for mention in context]
        here = sorted(mentions[index], key=lambda mention: mention[1])
        found = []
        for pronoun in _PRONOUN.finditer(text):
            kind = PRONOUN_KINDS[pronoun.group().casefold()]
            before = earlier + [mention for mention in here if mention[1] < pronoun.start()]
            fitting = [mention for mention in reversed(before) if _fits(kind, mention[2])]
            if oblique_last:
                fitting.sort(key=lambda mention: mention[3])  # stable: the most recent first within each rank
            target = fitting[0][0] if fitting else None
            if target is not None:
                found.append((target, pronoun.start(), pronoun.end()))
                here = sorted(here + [(target, pronoun.start(), kind, False)], key=lambda mention: mention[1])
        resolved.append(found)
        spoken.append(here)
    return resolved


def _named(text: str, patterns: dict[str, re.Pattern]) -> list[tuple[str, int, int]]:
    """Return the (target, start, end) of every mention by name in a text, in order."""
    return sorted(((target, found.start(), found.end()) for target, pattern in patterns.items()
                   for found in pattern.finditer(text)), key=lambda mention: mention[1])


def other_people(text: str, taken: list[tuple[int, int]]) -> list[tuple[None, int, str, bool]]:
    """Return (None, start, kind, oblique) for each person a text names who is no target: a run of
    capitalised words (the quotes' ``name_runs``) outside the ``taken`` spans that may be a person's
    name (``may_be_person``) and shows it, by a title, an honorific, a common first name or two
    words or more; kind is its gender when these show it, else "person"."""
    people = []
    for start, end, (title, name, words), _ in name_runs([text])[text]:
        if not words or any(start < taken_end and taken_start < end for taken_start, taken_end in taken) \
                or not may_be_person(name):
            continue
        gender = honorific_gender(title) or first_name_gender(name)
        if gender or title or len(words) >= 2:
            people.append((None, start, gender or "person", _oblique(text, start)))
    return people


def _oblique(text: str, start: int) -> bool:
    """True when the words at ``start`` follow a preposition ("in Florida", "of Mr Ji")."""
    return word_before(text, start) in OBJECT_PREPOSITIONS


def article_mentions(texts: list[str], targets: dict[str, list[str]], *, pronouns: bool = True,
                     others: bool = False, oblique_last: bool = True) -> list[list[tuple[str, int, int, str]]]:
    """Return, for each sentence of one article (``texts``, in order), the (target, start, end,
    how) of every mention of a target: by name (how "name", an alias of ``targets``, a dict
    ``{target: [aliases]}``), and with ``pronouns`` by a pronoun ``resolve_pronouns`` refers to it
    (how "pronoun"), in text order. With ``others``, the people a sentence names who are no target
    (``other_people``) stand between a pronoun and an earlier target; ``oblique_last`` as in
    ``resolve_pronouns``. The defaults are those that did best on the development part of NewsMTSC
    (benchmarks/target_sentiment.py): other people standing between lost a few right referents
    there, putting names after a preposition last gained some."""
    patterns = _target_patterns(targets)
    kinds = {target: target_kind(target, aliases) for target, aliases in targets.items()}
    named = [_named(text, patterns) for text in texts]
    candidates = [_candidates(text, each, kinds, others) for text, each in zip(texts, named)]
    resolved = resolve_pronouns(texts, candidates, oblique_last=oblique_last) if pronouns else [[] for _ in texts]
    return [sorted([(*mention, "name") for mention in by_name] + [(*mention, "pronoun") for mention in by_pronoun],
                   key=lambda mention: mention[1]) for by_name, by_pronoun in zip(named, resolved)]


def _candidates(text: str, named: list[tuple[str, int, int]], kinds: dict[str, str | None],
                others: bool) -> list[tuple]:
    """Return the mentions a pronoun of ``text`` may refer to: its targets' and its other people's."""
    found = [(target, start, mention_kind(text[start:end], kinds[target]), _oblique(text, start))
             for target, start, end in named]
    return found + (other_people(text, [(start, end) for _, start, end in named]) if others else [])


def _mention_rows(corpus, targets: dict[str, list[str]], pronouns: bool) -> pd.DataFrame:
    """Return one row per sentence and target it speaks of (its first mention by name, else by a
    pronoun): article_id, sentence_id, target, matched, how, start, end and the sentence's text."""
    rows = []
    for article_id, sentences in corpus.sentences.groupby("article_id", sort=False):
        texts, ids = sentences["text"].tolist(), sentences["sentence_id"].tolist()
        for sentence_id, text, mentions in zip(ids, texts, article_mentions(texts, targets, pronouns=pronouns)):
            first: dict[str, tuple] = {}
            for target, start, end, how in sorted(mentions, key=lambda mention: mention[3] != "name"):
                first.setdefault(target, (article_id, sentence_id, target, text[start:end], how, start, end, text))
            rows.extend(sorted(first.values(), key=lambda row: row[5]))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "target", "matched", "how", "start", "end", "text"])


def target_sentiment(corpus, targets: str | dict | None = None, *, window: int = DEFAULT_WINDOW,
                     pronouns: bool = True) -> pd.DataFrame:
    """Return sentiment toward each target where a sentence speaks of it: the text around its
    mention rather than the whole sentence.

    One row per sentence and target it speaks of (a target named twice in a sentence: its first
    mention), keyed by article_id and sentence_id, in text order. A sentence speaks of a target by
    name (an alias, as ``target_mentions`` finds it: how "name") or, with ``pronouns``, by a
    pronoun that ``resolve_pronouns`` refers to it (how "pronoun": "he", "him", "his" to the most
    recent mention before it, in that sentence or the one before, that is not a woman nor a body,
    names after a preposition last; "she" and "her" likewise; "it" and "its" to a body; see
    ``target_kind`` and ``article_mentions``), where it does not name it.

    Columns: article_id, sentence_id, target, matched (the words of the mention), how, start and
    end (the mention's offsets in the sentence), clause (the clause holding the mention,
    ``clause_span``) with its clause_textblob_polarity and clause_vader_compound, window (the
    mention and ``window`` words either side, ``window_span``) with window_textblob_polarity and
    window_vader_compound, sentence_textblob_polarity and sentence_vader_compound (the whole
    sentence, as ``score_sentences``), news_label and news_score (the news model, ``news_sentiment``,
    given the sentence and the mention's span). Scores are NaN in an article that is not mainly
    English.

    On NewsMTSC's held-out sentences (``benchmarks/target_sentiment.py``) VADER's macro-F1 per
    target is 0.550 on the clause, 0.542 on the window and 0.519 on the whole sentence (0.491,
    0.447 and 0.387 where a sentence's targets differ in polarity); TextBlob does a little worse on
    the clause and the window than on the sentence (0.403, 0.405, 0.425) except there (0.406 against
    0.349); the news model told the mention's place (news_label) reaches 0.673, the best reading.
    """
    mentions = _mention_rows(corpus, _with_aliases(targets), pronouns).reset_index(drop=True)
    if mentions.empty:
        return pd.DataFrame(columns=TARGET_SENTIMENT_COLUMNS)
    texts, starts, ends = mentions["text"].tolist(), mentions["start"].tolist(), mentions["end"].tolist()
    clauses = [text[slice(*clause_span(text, s, e))] for text, s, e in zip(texts, starts, ends)]
    windows = [text[slice(*window_span(text, s, e, window))] for text, s, e in zip(texts, starts, ends)]
    mentions["clause"], mentions["window"] = clauses, windows
    for name, scored in (("clause", clauses), ("window", windows), ("sentence", texts)):
        scores = score_texts(scored)
        mentions[f"{name}_textblob_polarity"] = scores["textblob_polarity"].to_numpy()
        mentions[f"{name}_vader_compound"] = scores["vader_compound"].to_numpy()
    model = news_sentiment(texts, list(zip(starts, ends)), lexicon_scores=scores)  # the sentences' scores, reused
    mentions["news_label"], mentions["news_score"] = model["news_label"].to_numpy(), model["news_score"].to_numpy()
    foreign = mentions["article_id"].isin(not_english_ids(corpus.articles))
    mentions.loc[foreign, [column for column in TARGET_SENTIMENT_COLUMNS if column.endswith(
        ("_polarity", "_compound", "_score"))]] = float("nan")
    mentions.loc[foreign, "news_label"] = ""
    return mentions[TARGET_SENTIMENT_COLUMNS]
