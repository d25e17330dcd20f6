"""How well the quotes found match quotes a person marked by hand (a gold table).

A gold quote is found when a quote of the same article starts with its first words (each quote
found matches one gold quote at most); speakers are compared by ``name_key``, so "Kim Jong-un" and
"Kim Jong Un" are the same speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.corpus.text import HONORIFICS
from analysis.quotes.names import name_key
from analysis.quotes.patterns import PRONOUNS, SENTENCE_OPENERS, TITLES, WEEKDAYS
from analysis.quotes.people import first_name_gender
from analysis.quotes.spans import MARKUP_TAG

__all__ = ["GOLD_COLUMNS", "score_against_gold", "GOLD_PRONOUNS", "GoldQuote", "read_brat", "attribution_gold",
           "match_quotes", "speaker_words", "same_speaker", "is_fragment", "gold_is_organisation", "ERROR_KINDS",
           "SCORE_ROW_COLUMNS", "attribution_scores"]

# A gold table: the article, the first words of the quote, who says it and its kind.
GOLD_COLUMNS = ["article_id", "quote_begins", "speaker", "kind"]


def score_against_gold(quotes: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Return precision, recall, speaker accuracy and kind accuracy of ``quotes`` (as
    ``extract_quotes`` returns them) against ``gold`` (``GOLD_COLUMNS``), with the counts behind them:
    keys gold, found, matched, precision, recall, speaker_accuracy, kind_accuracy."""
    quotes = quotes.reset_index(drop=True)
    matched, right_speaker, right_kind = set(), 0, 0
    for row in gold.itertuples():
        candidates = quotes[(quotes["article_id"] == row.article_id) & quotes["quote"].str.startswith(row.quote_begins)
                            & ~quotes.index.isin(matched)]
        if candidates.empty:
            continue
        found = candidates.index[0]
        matched.add(found)
        right_speaker += name_key(quotes.at[found, "speaker"]) == name_key(row.speaker)
        right_kind += quotes.at[found, "kind"] == row.kind
    return {
        "gold": len(gold), "found": len(quotes), "matched": len(matched),
        "precision": len(matched) / len(quotes) if len(quotes) else 0.0,
        "recall": len(matched) / len(gold) if len(gold) else 0.0,
        "speaker_accuracy": right_speaker / len(matched) if matched else 0.0,
        "kind_accuracy": right_kind / len(matched) if matched else 0.0,
    }


# --- gold from attribution annotations (brat standoff), matched by words -------------------------------

# Words a source can be that name nobody by themselves: a gold source like this is resolved to the
# nearest earlier source that names someone (as the PolNeAR guidelines read a pronoun source).
GOLD_PRONOUNS = frozenset("he she they it i we you him her them his hers their theirs its us me my our "
                          "who whom whose which that".split())
# Quote marks as gold texts write them: double marks straight, curly and low, and two apostrophes or
# two backticks (typewriter style in archive text).
_GOLD_MARK = re.compile(r"``|''|[\"“”„]")
# In a text with no double quote mark, single marks are the quote marks (UK house style): an opening
# one after a space or bracket and before a letter, a closing one not followed by a letter.
_SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘']((?:[^\n‘’']|[’'](?=[^\W_]))+?)(?<!\s)[’'](?![^\W_])",
                            re.MULTILINE)
_OPENS = {"“", "„", "``"}
_CLOSES = {"”"}
_MATCH_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words left out when speakers are compared: function words, titles and honorifics.
_NOT_NAME_WORDS = frozenset("the a an of for and to in on at by with from 's s".split())


@dataclass(frozen=True)
class GoldQuote:
    """A quoted stretch inside an annotated content span, and who the annotation says speaks it."""

    start: int
    end: int
    quote: str
    source: str  # the annotated source as written ("" when the attribution has none)
    speaker: str  # the source, or for a pronoun the nearest earlier source that names someone
    mark: str  # the opening mark as written: '"', '“', "''", ...


def read_brat(annotations: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict[str, str]]]:
    """Return the spans ({id: (label, [(start, end)], text)}) and the events ([{role: span id}]) of a
    brat standoff file's text."""
    spans, events = {}, []
    for number, line in enumerate(annotations.splitlines(), start=1):
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            try:
                pieces = [tuple(int(value) for value in piece.split()) for piece in offsets.split(";")]
            except ValueError as error:
                raise ValueError(f"line {number} of the annotations: offsets '{offsets}' are not numbers "
                                 "(brat standoff writes 'T1<TAB>Label START END<TAB>text')") from error
            spans[fields[0]] = (label, [(start, end) for start, end in pieces], fields[2] if len(fields) > 2 else "")
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    return spans, events


# Capitalised words that open a source without naming anyone ("None has offered", "Some said").
_NAMES_NOBODY = GOLD_PRONOUNS | SENTENCE_OPENERS | frozenset(
    "none some many few several others another everyone everybody nobody someone somebody anyone anybody".split())


def _names_someone(source: str) -> bool:
    """True when a source has a capitalised word that is a name, not a pronoun or an opening word."""
    return any(word[0].isupper() and word.casefold() not in _NAMES_NOBODY for word in _MATCH_WORD.findall(source))


def attribution_gold(text: str, annotations: str) -> list[GoldQuote]:
    """Return the direct quotes of an annotated text: each quoted stretch (between double quote
    marks, or two apostrophes; in a text with no double mark, single marks) inside an annotated
    ``Content`` span, with the ``Source`` of its attribution; a pronoun source ("he", "his") is
    resolved to the nearest earlier source that names someone. The marks are paired here, apart
    from ``spans``, so that the gold does not depend on the extractor it scores."""
    spans, events = read_brat(annotations)
    relations = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        source_start = source[1][0][0] if source else -1
        relations.append((content[1][0][0], content[1][-1][1], source[2].strip() if source else "", source_start))
    has_double_marks = bool(_GOLD_MARK.search(text))
    named_sources = sorted((start, source) for _, _, source, start in relations if source and _names_someone(source))
    gold = []
    for content_start, content_end, source, source_start in sorted(relations):
        speaker = source
        if source and not _names_someone(source):
            bare = re.sub(r"['’]s$", "", source.casefold())
            if bare in GOLD_PRONOUNS:
                earlier = [name for start, name in named_sources if start < source_start]
                speaker = earlier[-1] if earlier else ""
        window = (max(0, content_start - 2), min(len(text), content_end + 2))
        stretches = (_quoted_stretches(text, *window, content_start) if has_double_marks else
                     [(match.start(1), match.end(1), match.group()[0])
                      for match in _SINGLE_QUOTED.finditer(text, *window)])
        for start, end, mark in stretches:
            quote = text[start:end].strip()
            if _MATCH_WORD.search(quote):
                gold.append(GoldQuote(start, end, quote, source, speaker, mark))
    # A quote two attributions share (a content span ends inside it and the next starts there) is
    # one quote: a stretch within another is left out.
    return [quote for quote in gold
            if not any(other.start <= quote.start and quote.end <= other.end
                       and (other.start, -other.end) < (quote.start, -quote.end) for other in gold)]


def _gold_mark_role(text: str, position: int, mark: str) -> str:
    """Return "open", "close" or "either" for a quote mark, from its kind and the characters around it."""
    if mark in _OPENS:
        return "open"
    if mark in _CLOSES:
        return "close"
    before = text[position - 1] if position > 0 else " "
    after = text[position + len(mark)] if position + len(mark) < len(text) else " "
    opens, closes = before.isspace() or before in "([{—–-/", after.isspace() or after in ".,;:!?)]}—–-"
    return "open" if opens and not closes else "close" if closes and not opens else "either"


def _quoted_stretches(text: str, start: int, end: int, begin: int | None = None) -> list[tuple[int, int, str]]:
    """Return (start, end, opening mark) of each stretch between quote marks in text[start:end] (not
    counting the marks of markup tags). A quote still open at ``end`` runs on to its closing mark
    within the paragraph, else to ``end``; one closed before any mark opened it (the annotated span
    starts inside a quote) runs from ``begin`` (default ``start``); one reopened after a paragraph
    break goes on."""
    found, open_at, opened_with = [], None, ""
    tags = [tag.span() for tag in MARKUP_TAG.finditer(text, max(0, start - 1000), end)] if "<" in text else []
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    for match in _GOLD_MARK.finditer(text, start, paragraph_end):
        mark, position = match.group(), match.start()
        if any(tag_start < position < tag_end for tag_start, tag_end in tags):
            continue  # an attribute value of a markup tag left in the text ("<tweet author=...>") quotes nobody
        if position >= end and open_at is None:
            break
        role = _gold_mark_role(text, position, mark)
        if role == "either":
            role = "open" if open_at is None else "close"
        if open_at is None:
            if role == "open":
                open_at, opened_with = match.end(), mark
            elif not found and text[begin if begin is not None else start:position].strip():
                found.append((begin if begin is not None else start, position, mark))  # the span began inside the quote
        elif role == "open" and "\n" in text[open_at:position]:
            continue  # AP style: the quote goes on in the next paragraph, which opens with a mark again
        elif role == "open":
            open_at, opened_with = match.end(), mark  # an opening mark again: the first had no closing one
        else:
            found.append((open_at, position, opened_with))
            open_at = None
    if open_at is not None:
        found.append((open_at, end, opened_with))
    return found


def _word_set(text: str) -> set[str]:
    return {word.casefold().replace("’", "'") for word in _MATCH_WORD.findall(text)}


def match_quotes(found: list[str], gold: list[str], *, threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """Return the one-to-one matches (index in ``found``, index in ``gold``, Jaccard) of two lists of
    quotes by the Jaccard overlap of their sets of words, at least ``threshold``, best first."""
    found_words, gold_words = [_word_set(text) for text in found], [_word_set(text) for text in gold]
    candidates = []
    for i, words in enumerate(found_words):
        for j, other in enumerate(gold_words):
            shared = len(words & other)
            if shared:
                similarity = shared / len(words | other)
                if similarity >= threshold:
                    candidates.append((-similarity, i, j))
    used_found, used_gold, matches = set(), set(), []
    for negative, i, j in sorted(candidates):
        if i not in used_found and j not in used_gold:
            used_found.add(i)
            used_gold.add(j)
            matches.append((i, j, -negative))
    return matches


def speaker_words(speaker: str) -> set[str]:
    """Return the words two spellings of a speaker are compared by: casefolded, without possessives,
    function words, titles and honorifics ("Mr. Trump's campaign" -> {"trump", "campaign"}); a word
    right after an honorific or a common first name is a surname even where it could be a title
    ("Mr. Prince", "Matthew Prince" -> {"prince"})."""
    words = [re.sub(r"'s$", "", word.casefold().replace("’", "'")) for word in _MATCH_WORD.findall(speaker)]

    def surname(position: int) -> bool:
        before = words[position - 1] if position else ""
        return before in HONORIFICS or (bool(before) and first_name_gender(before) is not None)

    return {word for position, word in enumerate(words)
            if word not in _NOT_NAME_WORDS and word not in HONORIFICS and (word not in TITLES or surname(position))}


def same_speaker(found: str, gold: str) -> bool:
    """True when a speaker found and a gold speaker share a word of their names ("Donald Trump" and
    "Trump", "Hillary Clinton" and "the Clinton campaign"), or, where both are a title or role
    alone, a word of it ("the governor" and "the governor"); an empty speaker is never right."""
    if not (found.strip() and gold.strip()):
        return False
    found_words, gold_words = speaker_words(found), speaker_words(gold)
    if not found_words and not gold_words:  # both a title or role alone ("the governor"): compare them whole
        found_words, gold_words = _word_set(found) - _NOT_NAME_WORDS, _word_set(gold) - _NOT_NAME_WORDS
    return bool(found_words & gold_words)


# Speakers that are not a person's name but a fragment of the sentence around it, or words that
# open sentences taken into a name ("Stauskas It", "Following Monday").
_FRAGMENT_WORDS = WEEKDAYS | frozenset(
    "it this that these those following when while after before then there here however".split())
_SHORT_TITLES = frozenset("rep sen gov gen lt col sgt capt atty supt".split())
_NAME_CONNECTORS = frozenset("of the for and de la van von der bin al du".split())
_ORGANISATION_WORDS = frozenset(
    "campaign committee party department office house administration agency government officials official "
    "spokesman spokeswoman spokesperson aide aides staff team group union council court police ministry "
    "state times post news network press association foundation institute center centre university poll "
    "survey report statement website organization organisation company corporation people supporters "
    "critics democrats republicans gop dnc rnc fbi cia".split())


def is_fragment(speaker: str) -> bool:
    """True when a speaker found is not a name: a title or honorific alone ("Mr", "Florida Rep"), a
    piece of a sentence ("McCaul criticized Clinton for"), or a name with a sentence's opening or
    closing word taken in ("Stauskas It")."""
    words = speaker.replace(".", " ").split()
    if not words:
        return False
    last = words[-1].casefold()
    # A name ends with a name ("Peter King" is a name, though "king" is a title): only an honorific, a
    # short title or a title alone ends a fragment.
    if last in HONORIFICS or last in _SHORT_TITLES or (len(words) == 1 and last in TITLES):
        return True
    capitalised = [word for word in words if word[0].isupper()]
    if capitalised and any(word.islower() and word.casefold() not in _NAME_CONNECTORS for word in words[1:]):
        return len(capitalised) >= 2 and not words[0].islower()  # "McCaul criticized Clinton for"
    return len(capitalised) >= 2 and any(word.casefold() in _FRAGMENT_WORDS for word in capitalised)


def _error_kind(found: pd.Series, gold: GoldQuote, text: str) -> str:
    """Return why a matched quote's speaker is wrong (one of ``ERROR_KINDS``)."""
    speaker, mention = str(found["speaker"]), str(found["speaker_mention"])
    if not speaker.strip():
        return "no speaker"
    if is_fragment(speaker):
        return "fragment as speaker"
    if mention.casefold() in PRONOUNS:
        return "pronoun resolved to the wrong person"
    names = speaker_words(speaker)
    folded = text.casefold().replace("’", "'")
    if names and not any(word in folded for word in names):
        return "speaker from another article"
    if found["attribution"] == "previous speaker":
        return "previous speaker wrong"
    return "another person or source"


ERROR_KINDS = ("no speaker", "fragment as speaker", "pronoun resolved to the wrong person",
               "speaker from another article", "previous speaker wrong", "another person or source")


def gold_is_organisation(gold: GoldQuote) -> bool:
    """True when the gold speaker is an organisation, an office or an unnamed source, not a named person."""
    words = {word.casefold() for word in _MATCH_WORD.findall(gold.speaker)}
    return not _names_someone(gold.speaker) or bool(words & _ORGANISATION_WORDS)


def attribution_scores(quotes: pd.DataFrame, gold: dict[str, list[GoldQuote]], texts: dict[str, str], *,
                       threshold: float = 0.5) -> tuple[dict, pd.DataFrame]:
    """Score a quotes table (``extract_quotes``) against gold direct quotes by article.

    Quotes match one-to-one by word Jaccard of at least ``threshold``. Returns (summary, rows): the
    summary has gold, found, matched, precision, recall, f1, with_speaker (matched gold quotes that
    have a speaker), speaker_accuracy, named_speaker_accuracy, organisation_speaker_accuracy,
    previous_speaker_accuracy, pronoun_source_accuracy (where the annotated source is a pronoun, so
    the gold speaker is the nearest earlier named source: a guess of the gold's own), and the counts
    of each error kind, missed quote by mark and unmatched quote found; rows has one row per gold
    quote and per unmatched quote found (``SCORE_ROW_COLUMNS``).
    """
    rows, counts = [], {"gold": 0, "found": 0, "matched": 0, "with_speaker": 0, "right": 0, "named": 0,
                        "named_right": 0, "organisation": 0, "organisation_right": 0, "previous": 0,
                        "previous_right": 0, "resolved": 0, "resolved_right": 0}
    errors = dict.fromkeys(ERROR_KINDS, 0)
    missed: dict[str, int] = {}
    unmatched = {"scare quote or term (3 words or fewer)": 0, "title or slogan (capitalised, 8 words or fewer)": 0,
                 "other": 0}
    # Any column of _FOUND_KEYS a hand-made table leaves out reads as empty.
    quotes = quotes.reindex(columns=list(dict.fromkeys([*quotes.columns, *_FOUND_KEYS])), fill_value="")
    by_article = {article_id: group for article_id, group in quotes.groupby("article_id", sort=False)}
    for article_id, golden in gold.items():
        found = by_article.get(article_id, quotes.iloc[0:0]).reset_index(drop=True)
        counts["gold"] += len(golden)
        counts["found"] += len(found)
        matches = match_quotes(found["quote"].tolist(), [quote.quote for quote in golden], threshold=threshold)
        matched_found = {i for i, _, _ in matches}
        by_gold = {j: i for i, j, _ in matches}
        counts["matched"] += len(matches)
        for j, quote in enumerate(golden):
            row = {**dict.fromkeys(SCORE_ROW_COLUMNS, ""), "article_id": article_id, "gold_quote": quote.quote,
                   "gold_speaker": quote.speaker, "gold_source": quote.source, "mark": quote.mark}
            if j not in by_gold:
                missed[quote.mark] = missed.get(quote.mark, 0) + 1
                rows.append({**row, "outcome": "missed"})
                continue
            match = found.iloc[by_gold[j]]
            row.update({key: str(match[key]) for key in _FOUND_KEYS})
            if not quote.speaker:
                rows.append({**row, "outcome": "matched, no gold speaker"})
                continue
            right = same_speaker(row["speaker"], quote.speaker)
            counts["with_speaker"] += 1
            counts["right"] += right
            organisation = gold_is_organisation(quote)
            counts["organisation" if organisation else "named"] += 1
            counts["organisation_right" if organisation else "named_right"] += right
            if row["attribution"] == "previous speaker":
                counts["previous"] += 1
                counts["previous_right"] += right
            if quote.source != quote.speaker:  # a pronoun source: the gold speaker is itself a guess
                counts["resolved"] += 1
                counts["resolved_right"] += right
            if not right:
                row["error"] = _error_kind(match, quote, texts.get(article_id, ""))
                errors[row["error"]] += 1
            rows.append({**row, "outcome": "right speaker" if right else "wrong speaker"})
        for i in range(len(found)):
            if i in matched_found:
                continue
            quote = str(found.at[i, "quote"])
            n_words = len(_MATCH_WORD.findall(quote))
            kind = ("scare quote or term (3 words or fewer)" if n_words <= 3 else
                    "title or slogan (capitalised, 8 words or fewer)" if n_words <= 8 and quote[:1].isupper()
                    and not quote.rstrip().endswith((".", ",", "?", "!")) else "other")
            unmatched[kind] += 1
            rows.append({**dict.fromkeys(SCORE_ROW_COLUMNS, ""), "article_id": article_id, "outcome": "found, not gold",
                         **{key: str(found.at[i, key]) for key in _FOUND_KEYS}, "error": kind})

    def share(part: str, whole: str) -> float:
        return counts[part] / counts[whole] if counts[whole] else float("nan")

    precision, recall = share("matched", "found"), share("matched", "gold")
    summary = {"gold": counts["gold"], "found": counts["found"], "matched": counts["matched"],
               "precision": precision, "recall": recall,
               "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
               "with_speaker": counts["with_speaker"], "speaker_accuracy": share("right", "with_speaker"),
               "named_speaker_accuracy": share("named_right", "named"), "named": counts["named"],
               "organisation_speaker_accuracy": share("organisation_right", "organisation"),
               "organisations": counts["organisation"],
               "previous_speaker_accuracy": share("previous_right", "previous"), "previous_speaker": counts["previous"],
               "pronoun_source_accuracy": share("resolved_right", "resolved"), "pronoun_sources": counts["resolved"],
               "errors": errors, "missed_by_mark": dict(sorted(missed.items())), "found_not_gold": unmatched}
    return summary, pd.DataFrame(rows, columns=SCORE_ROW_COLUMNS)


# The rows of ``attribution_scores``: the gold quote's side, then the quote found's (``_FOUND_KEYS``,
# columns of the quotes table), then why it is wrong.
_FOUND_KEYS = ("quote", "speaker", "speaker_mention", "attribution", "kind", "doubt")
SCORE_ROW_COLUMNS = ["article_id", "outcome", "gold_quote", "gold_speaker", "gold_source", "mark", *_FOUND_KEYS,
                     "error"]
