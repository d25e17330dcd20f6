"""The people an article (and the corpus) names, and the person a speaker's mention refers to.

Short names ("Mr Ji", "Ji") resolve to the most recent matching full name in the article, else to
the one full name of the corpus that ends with them (a surname), never to a first name's full name
in another article ("Kim", "Bob"). "He" and "she" resolve to the most recent person whose gender
(from an honorific or a very common first name) does not contradict them, never to a name that is
an organisation, a place or a date ("White House", "Monday"); the people named in a sentence are
ranked subject first (the names after a preposition last), and those who speak after them. Roles
("the president") resolve to the person the article gives that title. Organisations and unnamed
sources ("One diplomat") are kept as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from analysis.quotes.attribution import after_opening
from analysis.quotes.names import (PlainName, clean_phrase, honorific_gender, is_name, name_key, split_title,
                                   strip_possessive)
from analysis.quotes.patterns import (AGE_AFTER, BESIDE_VERB_AFTER, FIRST_NAMES, MID_SENTENCE_CAPITAL, NAME_RUN,
                                      NOT_PERSON_WORDS, OBJECT_PREPOSITIONS, PRONOUNS, REPORTING_VERB_SET, TITLES)

__all__ = ["People", "person_evidence", "scan_people", "corpus_people", "common_words", "first_name_gender",
           "may_be_person", "Recent", "Resolver"]

# (start, end, run, word before), run being (title, name, words): from names.name_runs.
_Runs = tuple[tuple[int, int, PlainName, str], ...]

# A role ("the minister", "the deputy minister"), and a description before a name ("local
# councillor Rita Banerjee"), as Resolver.resolve reads an attributing phrase.
_ROLE = re.compile(r"(?:the\s+)?(?:([A-Za-z.]+)\s+)?([a-z]+)", flags=re.IGNORECASE)
# Words before a title that make it another office: "the vice president" is not the president.
_OTHER_OFFICE = frozenset("vice deputy assistant associate former ex".split())
_DESCRIBED = re.compile(rf"(?:[a-z][\w'’-]*\s+){{1,4}}(?P<name>{NAME_RUN.pattern})")
_LOWER_CASE_WORD = re.compile(r"\b[a-z]+\b")


@dataclass
class People:
    """What an article (and the corpus) says about people: names, titles, genders, recency."""

    full_names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # token -> [(position, name)]
    titled: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # title word -> [(position, name)]
    genders: dict[str, str] = field(default_factory=dict)  # name key -> gender
    titled_keys: set[str] = field(default_factory=set)  # keys of the names given with a title or honorific
    person_tokens: set[str] = field(default_factory=set)  # first and last words of the names it gives
    _most_common: dict[str, dict[str, str | None]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, name: str, position: int, title: str = "") -> None:
        self._most_common.clear()
        tokens = name.split()
        if not tokens:
            return
        first, last = tokens[0], tokens[-1]
        self.person_tokens.add(first)
        self.person_tokens.add(last)
        if len(tokens) > 1:
            entry = (position, name)
            insort(self.full_names.setdefault(first, []), entry)  # kept in text order
            if last != first:
                insort(self.full_names.setdefault(last, []), entry)
        words = title.split()
        for index, word in enumerate(words):
            if word.rstrip(".").casefold() in TITLES:
                before = words[index - 1].casefold() if index else ""
                # "Vice President Ada Moss" holds "vice president", not "president".
                key = f"{before} {word.casefold()}" if before in _OTHER_OFFICE else word.casefold()
                self.titled.setdefault(key, []).append((position, name))
        if title:
            key = name_key(self.full_name(name, position) or name)
            self.titled_keys.add(key)
            gender = honorific_gender(title)
            if gender:
                self.genders.setdefault(key, gender)

    def full_name(self, short: str, position: int, corpus: People | None = None) -> str | None:
        """Return the full name a short name refers to: the most recent in the article, else its first
        after ``position``, else (given the ``corpus``) the one full name the corpus gives that ends with
        it. A first name ("Kim", "Bob") never takes another article's full name, nor does a surname
        that several of the corpus's full names share."""
        tokens = short.split()
        if len(tokens) != 1:
            return short
        candidates = self.full_names.get(tokens[0], [])  # in text order (see add)
        before = bisect_right(candidates, (position, "\U0010ffff"))  # the names given at or before position
        if before:
            # A surname before a first name or a word of a place ("Trump" is "Donald Trump", not "Trump Tower").
            surnamed = [name for _, name in candidates[:before] if name.rsplit(None, 1)[-1] == tokens[0]]
            if not surnamed:
                return candidates[before - 1][1]
            # Of two people with one surname, the one the article names in full most often; on a tie,
            # the one it named first (a later namesake is named in full: "her brother, Peter Lund").
            counts = Counter(surnamed)
            return max(surnamed, key=counts.__getitem__) if len(counts) > 1 else surnamed[-1]
        if candidates:
            return next((name for _, name in candidates if name.rsplit(None, 1)[-1] == tokens[0]), candidates[0][1])
        return corpus.only_surname(tokens[0]) if corpus is not None else None

    def only_surname(self, token: str) -> str | None:
        """Return the one full name that ends with ``token``, None if there is none or more than one
        (remembered, like ``most_common``)."""
        memo = self._most_common.setdefault("only surname", {})
        if token not in memo:
            names = {name for _, name in self.full_names.get(token, []) if name.rsplit(None, 1)[-1] == token}
            memo[token] = names.pop() if len(names) == 1 else None
        return memo[token]

    def most_common(self, table: str, key: str) -> str | None:
        """Return the name given most often under a token (``full_names``) or title (``titled``),
        ties by spelling; remembered, since it is asked for again and again once a table is built."""
        memo = self._most_common.setdefault(table, {})
        if key not in memo:
            counts = Counter(name for _, name in getattr(self, table).get(key, []))
            memo[key] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0] if counts else None
        return memo[key]


def person_evidence(text: str, runs: _Runs) -> set[str]:
    """Return the name tokens an article shows to be people, given its ``runs`` (``names.name_runs``):
    names with a title or honorific ("Mr Ji", "spokesman Pavel Doru"), beside a reporting verb ("said
    Brad Adams"), or with an age ("Ji Seong-ho, 35,"). A lone capitalised word counts only if it is
    also capitalised mid-sentence, so that "Police said" does not make "Police" a person."""
    tokens: set[str] = set()
    mid_sentence = None
    for _, end, (title, _, words), word_before in runs:
        if not words or (words[0] in tokens and words[-1] in tokens):  # nothing new to learn from it
            continue
        titled = bool(title) or word_before in TITLES
        # A reporting verb right before the run is the word before it (``word_before`` reads the same
        # 30 characters as BESIDE_VERB_BEFORE, to the same word boundary), so no search is needed.
        if not (titled or word_before in REPORTING_VERB_SET or BESIDE_VERB_AFTER.match(text, end, end + 90)
                or AGE_AFTER.match(text, end, end + 10)):
            continue
        if len(words) == 1 and not titled:
            if mid_sentence is None:
                capitals = MID_SENTENCE_CAPITAL.findall(text)
                mid_sentence = set(capitals) | {found.rstrip("’'s") for found in capitals}
            if words[0] not in mid_sentence:
                continue
        tokens.update({words[0], words[-1]})
    return tokens


def scan_people(runs: _Runs, known_tokens: set[str]) -> People:
    """Return what an article says about the people whose name tokens are known, given its ``runs``.

    Its ``person_tokens`` are those of the names it gives, not a copy of ``known_tokens``: a copy for
    every article of what the whole corpus knows made memory grow with the square of the corpus.
    """
    people = People()
    for start, _, (title, name, words), word_before in runs:
        if not words or not (words[0] in known_tokens or words[-1] in known_tokens):
            continue
        people.add(name, start, f"{word_before} {title}".strip() if word_before in TITLES else title)
    return people


def corpus_people(articles_people) -> People:
    """Return corpus-wide knowledge: every full name and title any article gives (an article's
    ``People`` counted once per article that carries it, so a name in wire copy counts per outlet)."""
    merged = People()
    for people in articles_people:
        merged.person_tokens |= people.person_tokens
        for token, names in people.full_names.items():
            merged.full_names.setdefault(token, []).extend(names)
        for title, names in people.titled.items():
            merged.titled.setdefault(title, []).extend(names)
        for key, gender in people.genders.items():
            merged.genders.setdefault(key, gender)
    return merged


def first_name_gender(name: str) -> str | None:
    """Return the gender a name's first word gives when it is a very common first name, else None."""
    first = name.split(None, 1)[0].casefold() if name.strip() else ""
    return next((gender for gender, names in FIRST_NAMES.items() if first in names), None)


def may_be_person(name: str) -> bool:
    """False when a run of capitals cannot be a person's name: a day, a month, an organisation or a
    place by one of its words ("White House", "Monday"), or a headline's run of five words or more.
    Such a word followed by two words or more is the office before a name ("House Speaker Ada
    Moss", "Secretary of State Tom Reyes" read as "State Tom Reyes"): the words after it are read."""
    words = name.casefold().split()
    last = max((index for index, word in enumerate(words) if word in NOT_PERSON_WORDS), default=-1)
    after = words[last + 1:]
    return 0 < len(after) <= 4 and (last < 0 or len(after) >= 2)


def _word_before_run(narration: str, at: int) -> str:
    """Return the word right before a name at ``at`` in ``narration`` ("" if none)."""
    words = narration[max(0, at - 16):at].split() if at > 0 else []
    return words[-1] if words else ""


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Return the words (in lower case) that ``texts`` write in lower case at least twice and more than
    three times as often as capitalised in mid-sentence: "Start", "Does", "Perhaps" that open a
    sentence are such words, not names; "Bush", "White" or "Mark" are not."""
    joined = "\n".join(texts)
    lower = Counter(_LOWER_CASE_WORD.findall(joined))
    capitalised = Counter(word.casefold() for word in MID_SENTENCE_CAPITAL.findall(joined))
    return frozenset(word for word, count in lower.items() if count >= 2 and count > 3 * capitalised[word])


@dataclass
class Recent:
    """People in the order the article last spoke of them, to resolve pronouns, and those it has
    shown speaking (the subjects of its reporting verbs)."""

    order: dict[str, None] = field(default_factory=dict)  # insertion-ordered: the last is the most recent
    speakers: set[str] = field(default_factory=set)  # name keys
    subjects: set[str] = field(default_factory=set)  # name keys of names that open a sentence as its subject

    def push(self, name: str) -> None:
        self.order.pop(name, None)
        self.order[name] = None

    def spoke(self, name: str) -> None:
        """Push a name the article has just shown speaking."""
        self.speakers.add(name_key(name))
        self.push(name)


class Resolver:
    """Resolves the words that attribute a quote ("he", "Mr Ji", "the minister") to a speaker."""

    def __init__(self, people: People, corpus_people: People, recent: Recent,
                 common: frozenset[str] = frozenset()) -> None:
        self.people, self.corpus_people, self.recent = people, corpus_people, recent
        self.common = common  # from common_words: words that open sentences but are no names
        self._genders: dict[str, str] | None = None  # both tables are complete before any phrase is resolved

    def resolve(self, phrase: str, position: int) -> tuple[str, bool]:
        """Return (speaker, is_person) for an attributing phrase at ``position`` in the article."""
        phrase = strip_possessive(clean_phrase(phrase))
        lowered = phrase.casefold()
        if lowered in PRONOUNS:
            name = self._pronoun(PRONOUNS[lowered])
            return (name, True) if name else ("", False)
        role = _ROLE.fullmatch(phrase)
        if role and role.group(2).casefold() in TITLES and not is_name(phrase.split()[-1] if phrase else ""):
            modifier = (role.group(1) or "").casefold()
            key = f"{modifier} {role.group(2).casefold()}" if modifier in _OTHER_OFFICE else role.group(2).casefold()
            named = self._titled(key, position)
            if named:
                return self.people.full_name(named, position, self.corpus_people) or named, True
        title, name = split_title(phrase)
        described = _DESCRIBED.fullmatch(phrase)
        if described and not is_name(name):
            # "local councillor Rita Banerjee", "retired skipper Tomas Berg": a description, then the name.
            title, name = split_title(described.group("name"))
        if name and is_name(name):
            tokens = self._without_common_opener(name.split()) if not title else name.split()
            if not tokens or (len(tokens) == 1 and tokens[0] not in self.corpus_people.person_tokens and not title):
                return phrase, False
            name = " ".join(tokens)
            return self.people.full_name(name, position, self.corpus_people) or name, True
        return phrase, False

    def _without_common_opener(self, tokens: list[str]) -> list[str]:
        """Return a run's words without a first one that is a common word, neither a first name nor a
        word of a full name the article gives: what opens a sentence ("Does Rubio", "Start") is
        capitalised for that alone, but "Early" is a name where the article names "Rex Early"."""
        if tokens and tokens[0].casefold() in self.common and tokens[0] not in self.people.full_names \
                and first_name_gender(tokens[0]) is None:
            return tokens[1:]
        return tokens

    def _pronoun(self, gender: str | None) -> str | None:
        """Return whom a pronoun refers to: "he" and "she" the person ``last_person`` finds, "they"
        the most recent name of any kind (a party, a campaign, a group)."""
        if gender is None:
            return next(reversed(self.recent.order), None)
        return self.last_person(gender)

    def last_person(self, gender: str | None = None) -> str | None:
        """Return the most recent person the article names whose gender (from an honorific or a
        common first name) does not contradict ``gender``: one it shows to be a person (by a title,
        an honorific, a common first name, or speaking) before one it does not, and never a name
        that cannot be a person's (``may_be_person``). With no ``gender`` to check (no pronoun),
        any full name of two words or more counts as shown: then the person named last is the
        likelier speaker than one named earlier with a title, and a lone word left unresolved is
        more often a place or an adjective ("Florida", "Republican") than a person (measured on news)."""
        if self._genders is None:
            self._genders = {**self.corpus_people.genders, **self.people.genders}
        fallback = None
        for name in reversed(self.recent.order):
            if not may_be_person(name):
                continue
            key = name_key(name)
            known = self._genders.get(key) or first_name_gender(name)
            if known is not None and gender is not None and known != gender:
                continue
            if known is not None or key in self.people.titled_keys or key in self.recent.speakers \
                    or (gender is None and " " in name) or key in self.recent.subjects:
                return name
            if fallback is None:
                fallback = name
        return fallback

    def _titled(self, title: str, position: int) -> str | None:
        """Return who holds the title: the last holder the article names at or before ``position``,
        else the article's most frequent; never another article's ("the senator" of one story is
        not the senator another one names)."""
        holders = self.people.titled.get(title, [])
        # From the end: the holders are in text order, so the search stops near ``position``.
        before = next((name for at, name in reversed(holders) if at <= position), None)
        if before is not None:
            return before
        if holders:
            return self.people.most_common("titled", title)
        return None

    def mentions(self, runs: tuple[tuple[str, tuple[str, ...]], ...], offset: int, narration: str = "",
                 until: int | None = None) -> list[str]:
        """Return the people a stretch of the writer's own text (``narration``) names, given the (name,
        words) of its runs (``names.run_names``): the objects of a preposition ("in Orlando", "for
        Sen. Ayotte") first, then the others, each in text order, so that the first of the others is
        the likeliest subject of the sentence. With ``until``, only the names that start before that
        offset of the narration."""
        core, oblique = [], []
        cursor = 0
        person_tokens = self.corpus_people.person_tokens
        # The names of a phrase that opens the sentence before its subject ("Asked whether Ji would
        # run, Moss said ...") are less likely what a pronoun after it refers to than the subject.
        opened = after_opening(narration) if narration and len(runs) > 1 else narration  # one name: no order
        fronted = len(narration) - len(opened) if opened is not narration else 0
        for index, (name, tokens) in enumerate(runs):
            if index == 0 and tokens and narration.split(None, 1)[:1] == [tokens[0]]:
                tokens = tuple(self._without_common_opener(list(tokens)))
            if not tokens or not (tokens[0] in person_tokens or tokens[-1] in person_tokens):
                continue
            at = narration.find(name, cursor)
            if until is not None and not 0 <= at < until:
                break
            cursor = at + len(name) if at >= 0 else cursor
            full = self.people.full_name(tokens[0], offset, self.corpus_people) if len(tokens) == 1 else " ".join(tokens)
            if at == 0 and index == 0 and len(tokens) == 1 and full and " " in full:
                # A surname opening the sentence, of a full name the article gives: its subject, a person.
                self.recent.subjects.add(name_key(full))
            (oblique if at < fronted or _word_before_run(narration, at) in OBJECT_PREPOSITIONS else core).append(
                full or tokens[0])
        return core + oblique
