"""The people an article (and the corpus) names, and the person a speaker's mention refers to.

Pronouns ("he", "she") and short names ("Mr Ji", "Ji") resolve to the most recent matching full name
in the article, then in the whole corpus; roles ("the president") to the person the article gives
that title. Organisations and unnamed sources ("One diplomat") are kept as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field

from analysis.quotes.names import (PlainName, clean_phrase, honorific_gender, is_name, name_key, split_title,
                                   strip_possessive)
from analysis.quotes.patterns import (AGE_AFTER, BESIDE_VERB_AFTER, MID_SENTENCE_CAPITAL, NAME_RUN, PRONOUNS,
                                      REPORTING_VERB_SET, TITLES)

__all__ = ["People", "person_evidence", "scan_people", "corpus_people", "Recent", "Resolver"]

# (start, end, run, word before), run being (title, name, words): from names.name_runs.
_Runs = tuple[tuple[int, int, PlainName, str], ...]

# A role ("the minister", "the deputy minister"), and a description before a name ("local
# councillor Rita Banerjee"), as Resolver.resolve reads an attributing phrase.
_ROLE = re.compile(r"(?:the\s+)?(?:[A-Za-z.]+\s+)?([a-z]+)", flags=re.IGNORECASE)
_DESCRIBED = re.compile(rf"(?:[a-z][\w'’-]*\s+){{1,4}}(?P<name>{NAME_RUN.pattern})")


@dataclass
class People:
    """What an article (and the corpus) says about people: names, titles, genders, recency."""

    full_names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # token -> [(position, name)]
    titled: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # title word -> [(position, name)]
    genders: dict[str, str] = field(default_factory=dict)  # name key -> gender
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
        for word in title.split():
            if word.rstrip(".").casefold() in TITLES:
                self.titled.setdefault(word.casefold(), []).append((position, name))
        gender = honorific_gender(title)
        if gender:
            self.genders.setdefault(name_key(self.full_name(name, position, fallback=None) or name), gender)

    def full_name(self, short: str, position: int, fallback: People | None) -> str | None:
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


@dataclass
class Recent:
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


class Resolver:
    """Resolves the words that attribute a quote ("he", "Mr Ji", "the minister") to a speaker."""

    def __init__(self, people: People, corpus_people: People, recent: Recent) -> None:
        self.people, self.corpus_people, self.recent = people, corpus_people, recent
        self._genders: dict[str, str] | None = None  # both tables are complete before any phrase is resolved

    def resolve(self, phrase: str, position: int) -> tuple[str, bool]:
        """Return (speaker, is_person) for an attributing phrase at ``position`` in the article."""
        phrase = strip_possessive(clean_phrase(phrase))
        lowered = phrase.casefold()
        if lowered in PRONOUNS:
            if self._genders is None:
                self._genders = {**self.corpus_people.genders, **self.people.genders}
            genders = self._genders
            name = self.recent.pronoun(PRONOUNS[lowered], genders)
            return (name, True) if name else ("", False)
        role = _ROLE.fullmatch(phrase)
        if role and role.group(1).casefold() in TITLES and not is_name(phrase.split()[-1] if phrase else ""):
            named = self._titled(role.group(1).casefold(), position)
            if named:
                return self.people.full_name(named, position, self.corpus_people) or named, True
        title, name = split_title(phrase)
        described = _DESCRIBED.fullmatch(phrase)
        if described and not is_name(name):
            # "local councillor Rita Banerjee", "retired skipper Tomas Berg": a description, then the name.
            title, name = split_title(described.group("name"))
        if name and is_name(name):
            tokens = name.split()
            if len(tokens) == 1 and tokens[0] not in self.corpus_people.person_tokens and not title:
                return phrase, False
            return self.people.full_name(name, position, self.corpus_people) or name, True
        return phrase, False

    def _titled(self, title: str, position: int) -> str | None:
        """Return who holds the title: the last holder the article names at or before ``position``,
        else the article's most frequent, else the corpus's."""
        holders = self.people.titled.get(title, [])
        # From the end: the holders are in text order, so the search stops near ``position``.
        before = next((name for at, name in reversed(holders) if at <= position), None)
        if before is not None:
            return before
        if holders:
            return self.people.most_common("titled", title)
        if self.corpus_people.titled.get(title):
            return self.corpus_people.most_common("titled", title)
        return None

    def mentions(self, runs: tuple[tuple[str, tuple[str, ...]], ...], offset: int) -> list[str]:
        """Return the people a stretch of the writer's own text names, in order, given the (name,
        words) of its runs (``names.run_names``)."""
        found = []
        for name, tokens in runs:
            if tokens and (tokens[0] in self.corpus_people.person_tokens or tokens[-1] in self.corpus_people.person_tokens):
                key_token = tokens[0] if len(tokens) == 1 else None
                full = self.people.full_name(key_token, offset, self.corpus_people) if key_token else name
                found.append(full or name)
        return found
