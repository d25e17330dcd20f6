"""Direct quotes and who says them.

``extract_quotes(corpus)`` finds every passage inside double quote marks (straight or curly, nested
single quotes kept inside, quotes that run over several paragraphs) and attributes it to a speaker:

1. a reporting verb right after the quote (``," he said``, ``," said Mr Trump``,
   ``," according to spokesman X``);
2. a reporting verb before it in the same sentence (``Ji stated: "``, ``hailed by Mr Trump as "``,
   ``North Korea's U.N. mission called him "``);
3. another attributed quote in the same paragraph;
4. the person who is the subject of the quote's sentence (``He left the North "because ..."``);
5. the previous speaker in the article (a quote alone in its paragraph continues the speaker before).

Pronouns ("he", "she") and short names ("Mr Ji", "Ji") resolve to the most recent matching full name
in the article, then in the whole corpus; roles ("the president") to the person the article gives
that title. Organisations and unnamed sources ("One diplomat") are kept as written. Spelling
variants merge by a key that ignores case, hyphens, dots and apostrophe styles; ``data/speakers.yml``
merges what no rule can know.

The rules are about English news style; they know no names. A doubtful span (an unbalanced quote
mark) is kept with its ``doubt`` filled in, never dropped or guessed silently.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from itertools import accumulate
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.scale.caching import CACHE_SIZE
from analysis.resources.dictionaries import load_speaker_aliases
from analysis.corpus.text import HONORIFIC_PATTERN, HONORIFICS, count_words

QUOTE_COLUMNS = ["article_id", "quote", "speaker", "speaker_mention", "attribution", "start", "end",
                 "paragraph_id", "sentence_id", "kind", "n_words", "doubt"]

OPENING_MARKS = "“„"
CLOSING_MARKS = "”"
STRAIGHT_MARK = '"'
ALL_MARKS = OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK
_ANY_MARK = re.compile(f"[{re.escape(ALL_MARKS)}]")

REPORTING_VERBS = (
    "said says say told tells added adds stated states declared declares explained explains insisted "
    "insists argued argues warned warns claimed claims noted notes wrote writes asked asks replied replies "
    "recalled recalls called calls described describes hailed hails dubbed dubs labelled labeled labels "
    "branded brands praised praises cited cites urged urges remarked remarks continued continues "
    "acknowledged acknowledges admitted admits announced announces conceded concedes complained complains "
    "predicted predicts suggested suggests tweeted tweets proclaimed spoke speaks"
).split()
# Verbs that take the quote as a name for something ("called him 'X'") and so can come in a
# passive with the speaker after "by" ("hailed by Mr Trump as 'X'").
PASSIVE_VERBS = "called described hailed dubbed labelled labeled branded praised".split()
TITLES = set(
    "president minister secretary senator governor mayor chancellor king queen prince princess general "
    "colonel judge ambassador leader spokesman spokeswoman spokesperson envoy director chairman chairwoman "
    "chair chief editor professor lawyer pope commissioner representative premier sheriff captain officer "
    "coach founder head adviser advisor analyst researcher activist councillor councilor councilman "
    "councilwoman mp mep congressman congresswoman lawmaker legislator deputy diplomat".split()
)
# Capitalised words that open sentences but are never part of a name.
SENTENCE_OPENERS = set(
    "the a an but and yet so then in on at for from by with of to despite during after before since when "
    "while as if although though earlier later meanwhile however now also both even only like unlike "
    "according this that these those his her their its our my your one two some many most all "
    "every each no not there here what who why how where".split()
)
PRONOUNS = {"he": "male", "she": "female", "they": None}
LEADING_WORDS = {"but", "and", "yet", "so", "then", "also", "however", "meanwhile"}
TRAILING_WORDS = {"has", "had", "have", "also", "later", "then", "once", "again", "previously", "earlier",
                  "often", "still", "repeatedly", "himself", "herself", "is", "was", "would", "will",
                  "could", "had", "recently", "further", "even", "never", "just", "reportedly"}

_VERB_PATTERN = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_NAME_TOKEN = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]*)*"
_HONORIFIC = HONORIFIC_PATTERN
# A run of capitalised words, possibly after an honorific: "Mr Ji", "Ji Seong-ho", "US President Donald Trump".
NAME_RUN = re.compile(rf"(?:{_HONORIFIC}\s+)?(?:[A-Z]{{2,}}\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*")
VERB = re.compile(rf"\b(?:{_VERB_PATTERN})\b")
PASSIVE = re.compile(rf"\b(?:{'|'.join(PASSIVE_VERBS)})\s+by\s+(?P<speaker>[^,;:]+?)\s+as\s*$")
AFTER_VERB_FIRST = re.compile(rf"^(?P<verb>{_VERB_PATTERN})\s+(?P<speaker>.+?)(?=\s*(?:[,.;:!?(]|\s+(?:who|in|on|at|during|after|before|to|when|as)\b|$))")
AFTER_SPEAKER_FIRST = re.compile(
    rf"^(?P<speaker>[^,.;:!?\"“”]{{1,60}}?)\s+(?:(?:also|later|then|again)\s+)?(?P<verb>{_VERB_PATTERN})\b")
AFTER_ACCORDING = re.compile(r"^according to\s+(?P<speaker>.+?)(?=\s*(?:[,.;:!?(]|$))", re.IGNORECASE)
POSSESSIVE = re.compile(r"[’']s$")
# A description in lower case, then a full name: "said council leader Maria Okafor", "said skipper
# Ruth Mallory", "said ornithologist Helen Marsh of the county bird trust". Two capitalised words at
# least, so that "said local residents Monday" is not read as a person.
DESCRIBED_NAME = re.compile(rf"(?:[a-z][\w'’-]*\s+){{1,4}}(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})+)")
MAX_SPEAKER_WORDS = 10


@dataclass
class QuoteSpan:
    """A passage inside quote marks: its pieces (one per paragraph) and any doubt about it."""

    segments: list[tuple[int, int]]
    doubt: str = ""

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


# --- finding quotes -------------------------------------------------------------------------------


def _mark_role(text: str, position: int, paragraph_start: int) -> str:
    """Return 'open' or 'close' for a straight double quote, from the characters around it."""
    before = text[position - 1] if position > paragraph_start else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    opens = before.isspace() or before in "([{—–-/" or position == paragraph_start
    closes = after.isspace() or after in ".,;:!?)]}—–-" or position + 1 == len(text)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Return the quoted passages of one article's text, given its paragraph (start, end) offsets.

    A quote left open at the end of a paragraph continues into the next when that paragraph opens
    with a quote mark (AP style) or closes one before opening another; otherwise it is taken to end
    with its paragraph and marked as doubtful.
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_paragraph = -1
    segments: list[tuple[int, int]] = []

    paragraph_starts = [start for start, _ in paragraphs]

    def paragraph_of(position: int) -> int:
        return max(0, min(bisect_right(paragraph_starts, position) - 1, len(paragraphs) - 1))

    def close(end: int, doubt: str = "") -> None:
        nonlocal open_at
        pieces = segments + [(open_at, end)]
        pieces = [(start, stop) for start, stop in pieces if text[start:stop].strip()]
        if pieces:
            spans.append(QuoteSpan(pieces, doubt))
        open_at = None

    for mark in _ANY_MARK.finditer(text):
        position, character = mark.start(), mark.group()
        paragraph = paragraph_of(position)
        paragraph_start = paragraphs[paragraph][0] if paragraphs else 0
        if character in OPENING_MARKS:
            role = "open"
        elif character in CLOSING_MARKS:
            role = "close"
        else:
            role = _mark_role(text, position, paragraph_start)
            if role == "either":
                role = "open" if open_at is None else "close"

        if role == "open":
            if open_at is None:
                open_at, open_paragraph, segments = position + 1, paragraph, []
            elif paragraph > open_paragraph and position == paragraph_start:
                # AP style: the quote goes on in a new paragraph that opens with a quote mark again.
                segments.append((open_at, paragraphs[open_paragraph][1]))
                for middle in range(open_paragraph + 1, paragraph):
                    segments.append(paragraphs[middle])
                open_at, open_paragraph = position + 1, paragraph
            else:
                end = paragraphs[open_paragraph][1] if paragraph > open_paragraph else position
                close(end, "no closing quote mark before the next opening one; taken to end there")
                open_at, open_paragraph, segments = position + 1, paragraph, []
        else:
            if open_at is None:
                sentence_start = max(paragraph_start, _sentence_start_before(text, position, paragraph_start))
                spans.append(QuoteSpan([(sentence_start, position)],
                                       "closing quote mark without an opening one; taken to start with the sentence"))
            elif paragraph > open_paragraph + 1 and not segments:
                close(paragraphs[open_paragraph][1], "no closing quote mark in its paragraph; taken to end there")
            else:
                if paragraph > open_paragraph:
                    segments.append((open_at, paragraphs[open_paragraph][1]))
                    for middle in range(open_paragraph + 1, paragraph):
                        segments.append(paragraphs[middle])
                    open_at = paragraphs[paragraph][0]
                close(position)
    if open_at is not None:
        close(paragraphs[open_paragraph][1] if paragraphs else len(text),
              "no closing quote mark; taken to end with its paragraph")
    return [_trim(text, span) for span in spans]


def _sentence_start_before(text: str, position: int, floor: int) -> int:
    match = None
    for match in re.finditer(r"[.!?]\s+", text[floor:position]):
        pass
    return floor + match.end() if match else floor


def _trim(text: str, span: QuoteSpan) -> QuoteSpan:
    trimmed = []
    for start, end in span.segments:
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        trimmed.append((start, end))
    return QuoteSpan(trimmed, span.doubt)


@lru_cache(maxsize=CACHE_SIZE)
def quote_kind(quote: str) -> str:
    """Return 'full' for a quoted sentence and 'partial' for a phrase woven into the writer's sentence."""
    letters = [character for character in quote if character.isalpha()]
    if not letters or letters[0].islower():
        return "partial"
    return "full" if count_words(quote) >= 4 or re.search(r"[.!?,…]$", quote) else "partial"


# --- names ----------------------------------------------------------------------------------------


@lru_cache(maxsize=CACHE_SIZE)
def _strip_possessive(name: str) -> str:
    return POSSESSIVE.sub("", name)


def name_key(name: str) -> str:
    """Return the key under which spellings of one name merge ("Kim Jong-un" ~ "Kim Jong Un")."""
    name = name.casefold().replace("’", "'").replace("‘", "'")
    name = name.replace(".", "").replace("-", " ")
    return re.sub(r"\s+", " ", name).strip()


@lru_cache(maxsize=CACHE_SIZE)
def split_title(name: str) -> tuple[str, str]:
    """Return (title, bare name): "US President Donald Trump" -> ("US President", "Donald Trump").

    Capitalised function words that start a sentence ("But Ji", "Despite Mr Ji") are dropped.
    """
    tokens = _strip_possessive(name).split()
    while tokens and tokens[0].casefold() in SENTENCE_OPENERS:
        tokens = tokens[1:]
    last_title = -1
    for index, token in enumerate(tokens):
        word = token.rstrip(".").casefold()
        if word in HONORIFICS or word in TITLES:
            last_title = index
    return " ".join(tokens[: last_title + 1]), " ".join(tokens[last_title + 1:])


def _honorific_gender(title: str) -> str | None:
    words = {word.rstrip(".").casefold() for word in title.split()}
    if "mr" in words:
        return "male"
    if words & {"mrs", "ms", "miss"}:
        return "female"
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _is_name(phrase: str) -> bool:
    """True when every word of the phrase is capitalised: a person's name, possibly with a title."""
    tokens = phrase.split()
    if not tokens:
        return False
    return all(token[0].isupper() or token.rstrip(".").casefold() in HONORIFICS | TITLES for token in tokens) \
        and bool(NAME_RUN.fullmatch(_strip_possessive(phrase)))


@lru_cache(maxsize=CACHE_SIZE)
def _clean_phrase(phrase: str) -> str:
    phrase = phrase.strip(" ,;:-—–")
    words = phrase.split()
    while words and words[0].casefold() in LEADING_WORDS:
        words = words[1:]
    while words and words[-1].casefold() in TRAILING_WORDS:
        words = words[:-1]
    return " ".join(words)


@dataclass
class _People:
    """What an article (and the corpus) says about people: names, titles, genders, recency."""

    full_names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # token -> [(position, name)]
    titled: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # title word -> [(position, name)]
    genders: dict[str, str] = field(default_factory=dict)  # name key -> gender
    person_tokens: set[str] = field(default_factory=set)
    _most_common: dict[str, dict[str, str | None]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, name: str, position: int, title: str = "") -> None:
        self._most_common.clear()
        tokens = name.split()
        if not tokens:
            return
        self.person_tokens.update({tokens[0], tokens[-1]})
        if len(tokens) > 1:
            for token in {tokens[0], tokens[-1]}:
                insort(self.full_names.setdefault(token, []), (position, name))  # kept in text order
        for word in title.split():
            if word.rstrip(".").casefold() in TITLES:
                self.titled.setdefault(word.casefold(), []).append((position, name))
        gender = _honorific_gender(title)
        if gender:
            self.genders.setdefault(name_key(self.full_name(name, position, fallback=None) or name), gender)

    def full_name(self, short: str, position: int, fallback: _People | None) -> str | None:
        """Return the full name a short name refers to: most recent here, else anywhere, else corpus-wide."""
        tokens = short.split()
        if len(tokens) != 1:
            return short
        candidates = self.full_names.get(tokens[0], [])  # in text order (see add)
        before = bisect_right(candidates, (position, "\U0010ffff"))  # the names given at or before position
        if before:
            return candidates[before - 1][1]
        if candidates:
            return candidates[0][1]
        if fallback is not None:
            return fallback.most_common("full_names", tokens[0])
        return None

    def most_common(self, table: str, key: str) -> str | None:
        """Return the name given most often under a token (``full_names``) or title (``titled``),
        ties by spelling; remembered, since it is asked for again and again once a table is built."""
        memo = self._most_common.setdefault(table, {})
        if key not in memo:
            counts = Counter(name for _, name in getattr(self, table).get(key, []))
            memo[key] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0] if counts else None
        return memo[key]


_BESIDE_VERB_AFTER = re.compile(
    rf"\s*(?:,[^,]{{1,70}},\s*)?(?:(?:has|had|also|later|then)\s+)?(?:{_VERB_PATTERN})\b")
_BESIDE_VERB_BEFORE = re.compile(rf"\b(?:{_VERB_PATTERN})\s+$")
_LOWERCASE_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_AGE_AFTER = re.compile(r",\s*\d{1,3},")
_MID_SENTENCE_CAPITAL = re.compile(r"[a-z,;]\s+([A-Z][\w'’-]*)")


@dataclass(frozen=True)
class _NameRun:
    start: int  # offsets within the paragraph it was read from
    end: int
    title: str
    name: str
    words: tuple[str, ...]
    word_before: str | None  # the lower-case word right before ("spokesman"), "" if none, None if unknown here


def _word_before(text: str, start: int) -> str:
    before = _LOWERCASE_WORD_BEFORE.search(text[max(0, start - 30):start])
    return before.group(1) if before else ""


@lru_cache(maxsize=CACHE_SIZE)
def _runs_in(text: str) -> tuple[_NameRun, ...]:
    runs = []
    for match in NAME_RUN.finditer(text):
        title, name = split_title(_strip_possessive(match.group(0)))
        word_before = _word_before(text, match.start()) if match.start() >= 30 else None
        runs.append(_NameRun(match.start(), match.end(), title, name, tuple(name.split()), word_before))
    return tuple(runs)


_PREFIX_AT_END = re.compile(rf"(?:[A-Z]{{2,}}|{_HONORIFIC})$")  # the two optional starts of NAME_RUN


def _may_join(before: str, after: str) -> bool:
    """True when a run of names could go on from one paragraph into the next ("Northvale General",
    blank line, "Hundreds"): the first paragraph ends with a run (or with an honorific or capitals that start
    one) and the next opens with a capital."""
    if not after.lstrip()[:1].isupper():
        return False
    end = before.rstrip()
    runs = _runs_in(before)
    return bool(runs and runs[-1].end == len(end)) or bool(_PREFIX_AT_END.search(end))


@lru_cache(maxsize=1024)  # both passes over a partition's articles read each text's runs once
def _name_runs(text: str) -> tuple[tuple[int, int, _NameRun, str], ...]:
    """Return (start, end, run, word before) for each run of capitalised words of a text, with its
    title and name split. Paragraphs are read once each (they repeat across wire copy); where a
    run could cross a paragraph break, the whole text is read instead, so the runs are the ones
    ``NAME_RUN.finditer(text)`` gives."""
    pieces = text.split("\n\n")
    if len(pieces) > 1 and (any(not piece.strip() for piece in pieces)
                            or any(_may_join(a, b) for a, b in zip(pieces, pieces[1:]))):
        pieces = [text]
    found = []
    offset = 0
    for piece in pieces:
        for run in _runs_in(piece):
            start = offset + run.start
            word = run.word_before if run.word_before is not None else _word_before(text, start)
            found.append((start, offset + run.end, run, word))
        offset += len(piece) + 2
    return tuple(found)


def _person_evidence(text: str) -> set[str]:
    """Return the name tokens an article shows to be people: names with a title or honorific
    ("Mr Ji", "spokesman Pavel Doru"), beside a reporting verb ("said Brad Adams"), or with an age
    ("Ji Seong-ho, 35,"). A lone capitalised word counts only if it is also capitalised mid-sentence,
    so that "Police said" does not make "Police" a person."""
    tokens: set[str] = set()
    mid_sentence = None
    for start, end, run, word_before in _name_runs(text):
        words = run.words
        if not words:
            continue
        titled = bool(run.title) or word_before in TITLES
        if not (titled or _BESIDE_VERB_AFTER.match(text, end, end + 90)
                or _BESIDE_VERB_BEFORE.search(text[max(0, start - 30):start])
                or _AGE_AFTER.match(text, end, end + 10)):
            continue
        if len(words) == 1 and not titled:
            if mid_sentence is None:
                capitals = _MID_SENTENCE_CAPITAL.findall(text)
                mid_sentence = set(capitals) | {found.rstrip("’'s") for found in capitals}
            if words[0] not in mid_sentence:
                continue
        tokens.update({words[0], words[-1]})
    return tokens


def _scan_people(text: str, known_tokens: set[str]) -> _People:
    """Return what an article says about the people whose name tokens are known."""
    people = _People()
    people.person_tokens = set(known_tokens)
    for start, _, run, word_before in _name_runs(text):
        words = run.words
        if not words or not (words[0] in known_tokens or words[-1] in known_tokens):
            continue
        title = f"{word_before} {run.title}".strip() if word_before in TITLES else run.title
        people.add(run.name, start, title)
    return people


# --- attribution ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Attribution:
    phrase: str
    method: str


class Cuts:
    """The stretches an article's quotes occupy (each with its two marks), to take out of narration."""

    def __init__(self, stretches) -> None:
        """``stretches``: (start, end) pairs, in any order."""
        self.pieces = sorted(stretches)
        self.starts = [start for start, _ in self.pieces]
        # The furthest end so far, in order of start: it only grows, so the first stretch that can
        # reach past a position is found by bisection even where stretches overlap (an unclosed quote).
        self.reach = list(accumulate((end for _, end in self.pieces), max))

    def touching(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the stretches that overlap [start, end), in text order, in time that grows with
        their number, not with the number of quotes in the article."""
        first, last = bisect_right(self.reach, start), bisect_left(self.starts, end)
        return [piece for piece in self.pieces[first:last] if piece[1] > start]


_SPACES = re.compile(r"\s+")


def _without_quotes(text: str, start: int, end: int, cuts: Cuts) -> str:
    """Return text[start:end] with every quoted passage (and its marks) taken out."""
    pieces = []
    cursor = start
    for cut_start, cut_end in cuts.touching(start, end):
        lo, hi = max(cut_start, start), min(cut_end, end)
        if lo >= hi or hi <= cursor:
            continue
        pieces.append(text[cursor:lo])
        cursor = hi
    pieces.append(text[cursor:end])
    return _collapse_spaces("".join(pieces))


@lru_cache(maxsize=CACHE_SIZE)
def _collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text)


@lru_cache(maxsize=CACHE_SIZE)
def _reporting_subject(narration: str) -> str | None:
    """Return the subject of the first reporting verb of the writer's own sentence, if any."""
    verb = VERB.search(narration)
    return _subject_before(narration[: verb.start()]) if verb else None


@lru_cache(maxsize=CACHE_SIZE)
def _subject_before(narration: str) -> str | None:
    """Return the subject of the last clause of ``narration``, which ends just before a verb."""
    segments = [segment.strip() for segment in re.split(r"[,;(—–]|\s-\s", narration)]
    nearest = _clean_phrase(segments[-1]) if segments else ""
    if nearest:
        # A pronoun or a name right before the verb is its subject ("a pledge she called").
        last_word = nearest.split()[-1]
        if last_word.casefold() in PRONOUNS:
            return last_word
        name_at_end = re.search(rf"{NAME_RUN.pattern}$", nearest)
        if name_at_end and _is_name(name_at_end.group(0)) and name_at_end.start() > 0 \
                and nearest[: name_at_end.start()].strip().split()[-1].islower():
            return name_at_end.group(0)
    if nearest and len(nearest.split()) <= MAX_SPEAKER_WORDS:
        return nearest
    for segment in reversed(segments[:-1]):
        cleaned = _clean_phrase(segment)
        if _is_name(cleaned) or cleaned.casefold() in PRONOUNS:
            return cleaned
    return _sentence_subject(narration)


@lru_cache(maxsize=CACHE_SIZE)
def _sentence_subject(narration: str) -> str | None:
    """Return the person or short noun phrase that opens a sentence, if any."""
    first = _clean_phrase(re.split(r"[,;(—–]", narration, maxsplit=1)[0])
    words = first.split()
    if not words:
        return None
    if words[0].casefold() in PRONOUNS:
        return words[0]
    if len(words) <= 4 and VERB.search(first) is None:
        return first
    match = NAME_RUN.match(first)
    if match and _is_name(match.group(0)):
        return match.group(0)
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _attribute_after(after: str) -> _Attribution | None:
    after = after.lstrip(" ,.!?…—–-")
    for pattern in (AFTER_ACCORDING, AFTER_VERB_FIRST, AFTER_SPEAKER_FIRST):
        match = pattern.match(after)
        if not match:
            continue
        speaker = _clean_phrase(match.group("speaker"))
        if pattern is AFTER_VERB_FIRST:
            name = NAME_RUN.match(speaker)
            if speaker.casefold() in PRONOUNS:
                pass
            elif name and _is_name(name.group(0)):
                speaker = name.group(0)
            elif speaker.casefold().startswith(("the ", "a ", "an ", "one ")):
                pass  # a description kept whole: "a prominent party member", "the New York businessman"
            elif (described := DESCRIBED_NAME.match(speaker)) and _is_name(described.group("name")):
                speaker = described.group(0)
            else:
                continue
        if speaker and len(speaker.split()) <= 6:
            return _Attribution(speaker, "reporting verb after the quote")
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _attribute_before(before: str) -> _Attribution | None:
    before = before.rstrip()
    passive = PASSIVE.search(before)
    if passive:
        return _Attribution(_clean_phrase(passive.group("speaker")), "reporting verb before the quote")
    verbs = list(VERB.finditer(before))
    if not verbs:
        return None
    subject = _subject_before(before[: verbs[-1].start()])
    if subject:
        return _Attribution(subject, "reporting verb before the quote")
    return None


# --- resolving a phrase to a speaker ----------------------------------------------------------------


@dataclass
class _Recent:
    """People in the order the article last spoke of them, to resolve pronouns."""

    order: dict[str, None] = field(default_factory=dict)  # insertion-ordered: the last is the most recent

    def push(self, name: str) -> None:
        self.order.pop(name, None)
        self.order[name] = None

    def pronoun(self, gender: str | None, genders: dict[str, str]) -> str | None:
        for name in reversed(self.order):
            known = genders.get(name_key(name))
            if gender is None or known is None or known == gender:
                return name
        return None


class _Resolver:
    def __init__(self, people: _People, corpus_people: _People, recent: _Recent) -> None:
        self.people, self.corpus_people, self.recent = people, corpus_people, recent
        self._genders: dict[str, str] | None = None  # both tables are complete before any phrase is resolved

    def resolve(self, phrase: str, position: int) -> tuple[str, bool]:
        """Return (speaker, is_person) for an attributing phrase at ``position`` in the article."""
        phrase = _strip_possessive(_clean_phrase(phrase))
        lowered = phrase.casefold()
        if lowered in PRONOUNS:
            if self._genders is None:
                self._genders = {**self.corpus_people.genders, **self.people.genders}
            genders = self._genders
            name = self.recent.pronoun(PRONOUNS[lowered], genders)
            return (name, True) if name else ("", False)
        role = re.fullmatch(r"(?:the\s+)?(?:[A-Za-z.]+\s+)?([a-z]+)", phrase, flags=re.IGNORECASE)
        if role and role.group(1).casefold() in TITLES and not _is_name(phrase.split()[-1] if phrase else ""):
            named = self._titled(role.group(1).casefold(), position)
            if named:
                return self.people.full_name(named, position, self.corpus_people) or named, True
        title, name = split_title(phrase)
        described = re.fullmatch(rf"(?:[a-z][\w'’-]*\s+){{1,4}}(?P<name>{NAME_RUN.pattern})", phrase)
        if described and not _is_name(name):
            # "local councillor Rita Banerjee", "retired skipper Tomas Berg": a description, then the name.
            title, name = split_title(described.group("name"))
        if name and _is_name(name):
            tokens = name.split()
            if len(tokens) == 1 and tokens[0] not in self.corpus_people.person_tokens and not title:
                return phrase, False
            return self.people.full_name(name, position, self.corpus_people) or name, True
        return phrase, False

    def _titled(self, title: str, position: int) -> str | None:
        for people in (self.people, self.corpus_people):
            holders = people.titled.get(title, [])
            before = [name for at, name in holders if at <= position]
            if people is self.people and before:
                return before[-1]
            if holders:
                return people.most_common("titled", title)
        return None

    def mentions(self, narration: str, offset: int) -> list[str]:
        """Return the people a stretch of the writer's own text names, in order."""
        found = []
        for run in _runs_in(narration):
            name, tokens = run.name, run.words
            if tokens and (tokens[0] in self.corpus_people.person_tokens or tokens[-1] in self.corpus_people.person_tokens):
                key_token = tokens[0] if len(tokens) == 1 else None
                full = self.people.full_name(key_token, offset, self.corpus_people) if key_token else name
                found.append(full or name)
        return found


# --- the table ------------------------------------------------------------------------------------


def _alias_map(path: Path | None) -> dict[str, str]:
    """Return {name key: canonical name} from the speaker alias file."""
    mapping = {}
    for canonical, others in load_speaker_aliases(path).items():
        for other in [canonical, *others]:
            mapping[name_key(other)] = canonical
    return mapping


@dataclass
class _Sentences:
    """One article's sentences as plain lists, for fast lookups by offset."""

    ids: list[int]
    paragraphs: list[int]
    starts: list[int]
    ends: list[int]
    texts: list[str]

    def at(self, position: int) -> tuple[int, int, int, int]:
        """Return (paragraph_id, sentence_id, start, end) of the sentence holding ``position``."""
        index = max(0, min(bisect_right(self.starts, position) - 1, len(self.starts) - 1))
        return self.paragraphs[index], self.ids[index], self.starts[index], self.ends[index]


def _sentences_by_article(sentences: pd.DataFrame) -> dict[str, _Sentences]:
    grouped: dict[str, _Sentences] = {}
    for article_id, sentence_id, paragraph_id, start, end, text in zip(
            *(sentences[column].tolist() for column in ("article_id", "sentence_id", "paragraph_id", "start", "end",
                                                         "text"))):
        rows = grouped.get(article_id)
        if rows is None:
            rows = grouped[article_id] = _Sentences([], [], [], [], [])
        rows.ids.append(int(sentence_id))
        rows.paragraphs.append(int(paragraph_id))
        rows.starts.append(int(start))
        rows.ends.append(int(end))
        rows.texts.append(text)
    return grouped


def extract_quotes(corpus, *, aliases: str | Path | None = None) -> pd.DataFrame:
    """Return one row per direct quote, with its speaker.

    Columns: article_id; quote (the words inside the marks; a quote over several paragraphs is
    joined with spaces); speaker (canonical name, or the source as written for organisations and
    unnamed sources; empty when nothing attributes it); speaker_mention (the words that attribute
    it, e.g. "he", "Mr Ji", "North Korea's U.N. mission"); attribution (which rule found the
    speaker); start, end (offsets into the article's text, inside the marks); paragraph_id and
    sentence_id (where the quote starts); kind ("full" sentence or "partial" phrase); n_words;
    doubt (why the span is doubtful, e.g. an unbalanced quote mark; empty when it is not).
    """
    alias_map = _alias_map(Path(aliases) if aliases else None)
    texts = dict(zip(corpus.articles["article_id"].tolist(), corpus.articles["text"].tolist()))
    paragraphs_by_article: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in zip(corpus.paragraphs["article_id"].tolist(), corpus.paragraphs["start"].tolist(),
                                      corpus.paragraphs["end"].tolist()):
        paragraphs_by_article.setdefault(article_id, []).append((int(start), int(end)))
    sentences_by_article = _sentences_by_article(corpus.sentences)

    known_tokens: set[str] = set()
    for text in set(texts.values()):
        known_tokens |= _person_evidence(text)
    scanned: dict[str, _People] = {}
    for text in texts.values():
        if text not in scanned:
            scanned[text] = _scan_people(text, known_tokens)
    people_by_article = {article_id: scanned[text] for article_id, text in texts.items()}
    corpus_people = _People()
    # Corpus-wide knowledge: every full name and title any article gives.
    for people in people_by_article.values():
        corpus_people.person_tokens |= people.person_tokens
        for token, names in people.full_names.items():
            corpus_people.full_names.setdefault(token, []).extend(names)
        for title, names in people.titled.items():
            corpus_people.titled.setdefault(title, []).extend(names)
        for key, gender in people.genders.items():
            corpus_people.genders.setdefault(key, gender)

    rows = []
    done: dict[str, list[dict]] = {}  # wire copy: the same text in several outlets is read once
    for article_id, text in texts.items():
        if text not in done:
            done[text] = _article_quotes(article_id, text, paragraphs_by_article.get(article_id, []),
                                         sentences_by_article.get(article_id), people_by_article[article_id],
                                         corpus_people)
        rows.extend({**row, "article_id": article_id} for row in done[text])
    quotes = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return _canonical_speakers(quotes, alias_map)


@dataclass
class _SentenceSpan:
    sentence_id: int
    start: int
    end: int


def _article_quotes(article_id, text, paragraphs, sentences, people, corpus_people) -> list[dict]:
    if sentences is None or not paragraphs:
        return []
    spans = find_quote_spans(text, paragraphs)
    if not spans:
        return []
    recent = _Recent()
    resolver = _Resolver(people, corpus_people, recent)
    rows: list[dict] = []
    by_sentence: dict[int, list[int]] = {}
    located = [sentences.at(span.start) for span in spans]
    for index, (_, sentence_id, _, _) in enumerate(located):
        by_sentence.setdefault(sentence_id, []).append(index)
    speakers: list[tuple[str, str, str] | None] = [None] * len(spans)
    last_speaker: tuple[str, str] | None = None
    cuts = Cuts((start - 1, end + 1) for span in spans for start, end in span.segments)  # with their marks
    # Sentences after the last one a quote starts in cannot change any quote's speaker.
    last_quoted = max(index for index, sentence_id in enumerate(sentences.ids) if sentence_id in by_sentence)

    for sentence_id, sentence_start, sentence_end in zip(sentences.ids[: last_quoted + 1], sentences.starts,
                                                         sentences.ends):
        sentence = _SentenceSpan(sentence_id, sentence_start, sentence_end)
        narration = _without_quotes(text, sentence.start, sentence.end, cuts)
        opens_with = narration.strip().split()[0].casefold() if narration.strip() else ""
        pronoun_referent = None
        if opens_with in PRONOUNS:
            pronoun_referent, _ = resolver.resolve(opens_with, sentence.start)
        sentence_speakers: list[str] = []
        for index in by_sentence.get(sentence.sentence_id, []):
            span = spans[index]
            after_end = min(sentence.end, _next_open(spans, index, sentence.end))
            attribution = _attribute_after(_without_quotes(text, span.end + 1, after_end, cuts))
            if attribution is None:
                attribution = _attribute_before(_without_quotes(text, sentence.start, max(sentence.start, span.start - 1), cuts))
            if attribution is not None:
                speaker, is_person = resolver.resolve(attribution.phrase, span.start)
                speakers[index] = (speaker, attribution.phrase, attribution.method)
                if is_person:
                    sentence_speakers.append(speaker)
        # Narration that reports speech ("Mr Ji said the gesture ...") makes its subject the latest speaker.
        reported = None
        subject = _reporting_subject(narration) if not by_sentence.get(sentence.sentence_id) else None
        if subject:
            speaker, is_person = resolver.resolve(subject, sentence.start)
            if is_person:
                reported = speaker
        for name in reversed(resolver.mentions(narration, sentence.start)):
            recent.push(name)
        if pronoun_referent and pronoun_referent != opens_with:
            recent.push(pronoun_referent)
        for name in sentence_speakers + ([reported] if reported else []):
            recent.push(name)
        sentence_last = next((speakers[i] for i in reversed(by_sentence.get(sentence.sentence_id, []))
                              if speakers[i] is not None), None)
        if sentence_last is not None:
            last_speaker = (sentence_last[0], sentence_last[1])
        elif reported:
            last_speaker = (reported, reported)

        for index in by_sentence.get(sentence.sentence_id, []):
            if speakers[index] is None:
                speakers[index] = _fallback(index, located, speakers, narration, resolver,
                                            sentence.start, last_speaker)
                if speakers[index] and speakers[index][0]:
                    last_speaker = (speakers[index][0], speakers[index][1])

    for index, span in enumerate(spans):
        speaker, mention, method = speakers[index] or ("", "", "none")
        doubt = span.doubt
        if not speaker and mention:
            doubt = "; ".join(filter(None, [doubt, f"'{mention}' refers to no person named before it"]))
        paragraph_id, sentence_id, _, _ = located[index]
        quote = " ".join(text[start:end] for start, end in span.segments)
        rows.append({
            "article_id": article_id, "quote": quote, "speaker": speaker, "speaker_mention": mention,
            "attribution": method, "start": span.start, "end": span.end, "paragraph_id": paragraph_id,
            "sentence_id": sentence_id, "kind": "doubtful" if span.doubt.startswith("closing") else quote_kind(quote),
            "n_words": count_words(quote), "doubt": doubt,
        })
    return rows


def _next_open(spans: list[QuoteSpan], index: int, default: int) -> int:
    return spans[index + 1].start - 1 if index + 1 < len(spans) else default


def _fallback(index, located, speakers, narration, resolver, sentence_start, last_speaker):
    """Attribute a quote that has no reporting verb of its own."""
    paragraph_id = located[index][0]
    # The quotes are in text order, so those of the same paragraph stand next to this one.
    low, high = index, index
    while low > 0 and located[low - 1][0] == paragraph_id:
        low -= 1
    while high + 1 < len(located) and located[high + 1][0] == paragraph_id:
        high += 1
    same_paragraph = [i for i in range(low, high + 1) if i != index and speakers[i] is not None
                      and speakers[i][2].startswith("reporting verb")]
    if same_paragraph:
        nearest = min(same_paragraph, key=lambda i: abs(i - index))
        return speakers[nearest][0], speakers[nearest][1], "same paragraph"
    subject = _sentence_subject(narration) if narration.strip() else None
    if subject:
        speaker, is_person = resolver.resolve(subject, sentence_start)
        if is_person:
            return speaker, subject, "sentence subject"
    if last_speaker is not None:
        return last_speaker[0], last_speaker[1], "previous speaker"
    return None


def _canonical_speakers(quotes: pd.DataFrame, alias_map: dict[str, str]) -> pd.DataFrame:
    """Merge spellings of one speaker across outlets and apply the alias file."""
    if quotes.empty:
        return quotes
    keys = quotes["speaker"].map(name_key)
    display: dict[str, str] = {}
    for key, group in quotes.groupby(keys, sort=False)["speaker"]:
        counts = Counter(group)
        display[key] = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0][0]
    quotes["speaker"] = [alias_map.get(key, display[key]) if key else "" for key in keys]
    return quotes


def sources_by_outlet(quotes: pd.DataFrame, corpus, *, by: str = "outlet") -> pd.DataFrame:
    """Return who holds the words of each outlet (or other ``by`` column of the articles table).

    One row per group and voice: the journalist's own words, then each quoted speaker.
    Columns: ``by`` (outlet), speaker ("(journalist)" for the writer's own voice), voice
    ("journalist" or "quoted"), n_quotes, n_words (words in that voice), share_of_words (of the
    group's words: the shares of a group add up to 1), n_articles.
    """
    columns = [by, "speaker", "voice", "n_quotes", "n_words", "share_of_words", "n_articles"]
    groups = corpus.articles[list(dict.fromkeys(["article_id", by]))]
    totals = corpus.articles.groupby(by, sort=False).agg(total_words=("n_words", "sum"),
                                                         n_articles=("article_id", "size"))
    quoted = quotes[["article_id", "speaker", "quote", "n_words"]].merge(groups, on="article_id", how="inner")
    quoted = quoted.assign(speaker=quoted["speaker"].replace("", "(unattributed)"))
    speakers = quoted.groupby([by, "speaker"], sort=False).agg(n_quotes=("quote", "size"),
                                                               n_words=("n_words", "sum")).reset_index()
    speakers["voice"] = "quoted"
    journalist = totals.reset_index()[[by, "total_words"]].rename(columns={"total_words": "n_words"})
    journalist["n_words"] -= journalist[by].map(speakers.groupby(by)["n_words"].sum()).fillna(0).astype(int)
    journalist = journalist.assign(speaker="(journalist)", voice="journalist", n_quotes=0)
    table = pd.concat([journalist, speakers], ignore_index=True)
    table["share_of_words"] = table["n_words"] / table[by].map(totals["total_words"]).replace(0, pd.NA)
    table["share_of_words"] = table["share_of_words"].astype(float)
    table["n_articles"] = table[by].map(totals["n_articles"]).astype(int)
    order = {name: position for position, name in enumerate(totals.index)}
    table = table.sort_values([by, "voice", "n_words"], key=lambda column: column.map(order) if column.name == by
                              else (column.map({"journalist": 0, "quoted": 1}) if column.name == "voice" else -column))
    return table[columns].reset_index(drop=True)
