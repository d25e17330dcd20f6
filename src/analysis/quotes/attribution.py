"""The words that attribute a quote to its speaker, found by rules on the writer's own words.

The rules, in order (``speakers.article_quotes`` applies them; 3 to 5 need the article around the quote):

1. a reporting verb right after the quote (``," he said``, ``," said Mr Trump``,
   ``," according to spokesman X``);
2. a reporting verb before it in the same sentence (``Ji stated: "``, ``hailed by Mr Trump as "``,
   ``North Korea's U.N. mission called him "``);
3. another attributed quote in the same paragraph;
4. the person who is the subject of the quote's sentence (``He left the North "because ..."``);
5. the previous speaker in the article (a quote alone in its paragraph continues the speaker before).

Pure functions of the narration (the writer's words, quotes taken out); the words they find (the
mention) are resolved to a person by ``people.Resolver``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.quotes.names import clean_phrase, is_name
from analysis.quotes.patterns import (AFTER_ACCORDING, AFTER_SPEAKER_FIRST, AFTER_VERB_FIRST, DESCRIBED_NAME,
                                      MAX_SPEAKER_WORDS, NAME_RUN, NAME_RUN_AT_END, PASSIVE, PRONOUNS, VERB)

__all__ = ["Attribution", "attribute_after", "attribute_before", "reporting_subject", "sentence_subject"]

_CLAUSE_BREAK = re.compile(r"[,;(—–]|\s-\s")  # where a clause ends, before its verb's subject
_FIRST_CLAUSE_END = re.compile(r"[,;(—–]")


@dataclass(frozen=True)
class Attribution:
    """The words that attribute a quote, and the rule that found them."""

    phrase: str
    method: str


def reporting_subject(narration: str) -> str | None:
    """Return the subject of the first reporting verb of the writer's own sentence, if any."""
    verb = VERB.search(narration)
    return _subject_before(narration[: verb.start()]) if verb else None


def _subject_before(narration: str) -> str | None:
    """Return the subject of the last clause of ``narration``, which ends just before a verb."""
    segments = [segment.strip() for segment in _CLAUSE_BREAK.split(narration)]
    nearest = clean_phrase(segments[-1]) if segments else ""
    if nearest:
        # A pronoun or a name right before the verb is its subject ("a pledge she called").
        last_word = nearest.split()[-1]
        if last_word.casefold() in PRONOUNS:
            return last_word
        name_at_end = NAME_RUN_AT_END.search(nearest)
        if name_at_end and is_name(name_at_end.group(0)) and name_at_end.start() > 0 \
                and nearest[: name_at_end.start()].strip().split()[-1].islower():
            return name_at_end.group(0)
    if nearest and len(nearest.split()) <= MAX_SPEAKER_WORDS:
        return nearest
    for segment in reversed(segments[:-1]):
        cleaned = clean_phrase(segment)
        if is_name(cleaned) or cleaned.casefold() in PRONOUNS:
            return cleaned
    return sentence_subject(narration)


def sentence_subject(narration: str) -> str | None:
    """Return the person or short noun phrase that opens a sentence, if any."""
    first = clean_phrase(_FIRST_CLAUSE_END.split(narration, maxsplit=1)[0])
    words = first.split()
    if not words:
        return None
    if words[0].casefold() in PRONOUNS:
        return words[0]
    if len(words) <= 4 and VERB.search(first) is None:
        return first
    match = NAME_RUN.match(first)
    if match and is_name(match.group(0)):
        return match.group(0)
    return None


def attribute_after(after: str) -> Attribution | None:
    """Return the attribution in the narration right after a quote (rule 1), if any."""
    after = after.lstrip(" ,.!?…—–-")
    for pattern in (AFTER_ACCORDING, AFTER_VERB_FIRST, AFTER_SPEAKER_FIRST):
        match = pattern.match(after)
        if not match:
            continue
        speaker = clean_phrase(match.group("speaker"))
        if pattern is AFTER_VERB_FIRST:
            name = NAME_RUN.match(speaker)
            if speaker.casefold() in PRONOUNS:
                pass
            elif name and is_name(name.group(0)):
                speaker = name.group(0)
            elif speaker.casefold().startswith(("the ", "a ", "an ", "one ")):
                pass  # a description kept whole: "a prominent party member", "the New York businessman"
            elif (described := DESCRIBED_NAME.match(speaker)) and is_name(described.group("name")):
                speaker = described.group(0)
            else:
                continue
        if speaker and len(speaker.split()) <= 6:
            return Attribution(speaker, "reporting verb after the quote")
    return None


def attribute_before(before: str) -> Attribution | None:
    """Return the attribution in the narration of the quote's sentence before it (rule 2), if any."""
    before = before.rstrip()
    passive = PASSIVE.search(before)
    if passive:
        return Attribution(clean_phrase(passive.group("speaker")), "reporting verb before the quote")
    verbs = list(VERB.finditer(before))
    if not verbs:
        return None
    subject = _subject_before(before[: verbs[-1].start()])
    if subject:
        return Attribution(subject, "reporting verb before the quote")
    return None
