"""The words that attribute a quote to its speaker, found by rules on the writer's own words.

The rules, in order (``speakers.article_quotes`` applies them; 3 to 5 need the article around the quote):

1. a reporting verb right after the quote (``," he said``, ``," said Mr Trump``,
   ``," according to spokesman X``), read to the end of the sentence the quote ends in; after a
   quote ending in "?" or "!" that no other words of its sentence attribute, at the start of the
   next sentence (``"Are we ready?" Ji asked.``); not one in a clause of its own (``" until Ji
   said``, ``," and Ji vowed``); ``, according to X`` that ends the sentence names its source;
2. a reporting verb before it in the same sentence (``Ji stated: "``, ``hailed by Mr Trump as "``,
   ``North Korea's U.N. mission called him "``; of ``Ji said Moss called it "``, the one who said
   it); ``According to X,`` before it, ``asked by X``, or a dash, a name and a colon (``- Ji:``);
   for a quote that is a sentence alone, the subject of the sentence before when that sentence
   reports speech or ends in a colon (``The board released the following statement:``), or a dash
   and a name in the paragraph after it (``- Ji Seong-ho.``, speakers.py: "signature after the quote");
3. another attributed quote in the same paragraph;
4. the person who is the subject of the quote's sentence (``He left the North "because ..."``),
   or the noun phrase that is, after a phrase opening the sentence (``In a poll, most voters
   judged it "..."``);
5. the previous speaker, where the quote continues that speaker's run (the quote before it is in
   its paragraph, or ends the paragraph before); else the person named last before it, with a
   ``doubt`` saying so (rule "last person named").

Pure functions of the narration (the writer's words, quotes taken out); the words they find (the
mention) are resolved to a person by ``people.Resolver``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.quotes.names import clean_phrase, is_name, split_title
from analysis.quotes.patterns import (ACCORDING_BEFORE, AFTER_ACCORDING, AFTER_PARTICIPLE, AFTER_SPEAKER_ASIDE,
                                      AFTER_SPEAKER_FIRST, AFTER_VERB_FIRST, AS_PUT_IT, CLAUSE_AFTER_VERB,
                                      CLAUSE_WORDS, DATELINE, DESCRIBED_NAME, DETERMINERS, IRREGULAR_VERBS,
                                      MAX_SPEAKER_WORDS, NAME_RUN, NAME_RUN_AT_END, OBJECT_VERBS, OF_CAPITALISED,
                                      OPENING_WORDS, PASSIVE, PERSON_AT_END, POSSESSIVE, PREPOSITIONS, PRONOUNS,
                                      REPORTING_VERB_SET, VERB, WITH_GERUND)

__all__ = ["clause_subject", "in_opening_clause", "Attribution", "attribute_after", "attribute_before", "reporting_subject",
           "sentence_subject", "speaker_phrase", "person_of", "after_opening"]

_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")  # a short aside in brackets after a name
_CLAUSE_BREAK = re.compile(r"[,;(—–]|\s--?\s")  # where a clause ends, before its verb's subject
_FIRST_CLAUSE_END = re.compile(r"[,;(—–]")
_RELATIVE_PRONOUNS = {"who", "which", "that"}


@dataclass(frozen=True)
class Attribution:
    """The words that attribute a quote, and the rule that found them."""

    phrase: str
    method: str


def speaker_phrase(phrase: str) -> str | None:
    """Return the words of ``phrase`` that can name a speaker: the phrase itself when it is a pronoun,
    a name or a noun phrase ("the company's lawyers"); else the noun phrase in it that is the
    subject of the verb after it or of the clause it opens (``_subject_in``); else None, so that a
    later rule looks for the speaker rather than a piece of a sentence being taken for one."""
    phrase = clean_phrase(phrase.lstrip("'‘’\"“”` "))
    words = phrase.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    if len(words) == 1 and words[0].casefold() in PRONOUNS:
        return phrase
    if " of " in phrase and (person := person_of(phrase)):
        return person
    if is_name(phrase) or _is_noun_phrase(words):
        return phrase
    return _subject_in(words)


def _folded(word: str) -> str:
    return word.strip(".,'’\"“”").casefold()


def _is_noun_phrase(words: list[str]) -> bool:
    """True when the words read as a noun phrase: no clause words (auxiliaries, "that", reporting
    verbs, a pronoun but as the first word), no preposition at either end or determiner at its end,
    no verb inside ("Ames criticized Lee for"; a last word in "-ed" is read as describing the noun
    before it, "one official involved"), no adverb at its end ("he formally"), not a lone verb or
    adverb ("compared"), and not a title or sentence opener alone."""
    folded = [_folded(word) for word in words]
    if folded[0] in PREPOSITIONS or folded[0] in CLAUSE_WORDS and folded[0] not in PRONOUNS \
            or folded[0] in REPORTING_VERB_SET or folded[-1] in _NOT_LAST:
        return False
    if len(words) == 1 and folded[0] in PRONOUNS:
        return True
    if len(words) > 1 and words[0].islower() and folded[0].endswith(("ing", "ed")) \
            and (folded[1] in _TAKES_OBJECT or POSSESSIVE.search(folded[1].replace("’", "'"))):
        return False  # a verb and its object: "echoing some commentators", "playing on his remarks"
    if all(word[0].isupper() for word in words) and not split_title(" ".join(words))[1]:
        return False  # a title or an opener alone ("Mr", "The")
    if len(words) == 1:
        return not folded[0].endswith(_VERB_ENDINGS)
    if any(word in CLAUSE_WORDS or word in REPORTING_VERB_SET for word in folded[1:]):
        return False
    ends_in_adverb = words[-1].islower() and folded[-1].endswith("ly")
    return _first_verb(words, folded, len(words) - 1) is None and not ends_in_adverb


_NOT_LAST = PREPOSITIONS | DETERMINERS | {"and", "or", "but"}
# Words after a verb in "-ing" or "-ed" that show it to take an object or a phrase: not a noun phrase.
_TAKES_OBJECT = DETERMINERS | PREPOSITIONS | frozenset("up out off down him them it us me".split())
_VERB_ENDINGS = ("ed", "ing", "ly")


def _first_verb(words: list[str], folded: list[str], end: int) -> int | None:
    """Return the index of the first word after the first and before ``end`` that looks like a verb
    or an adverb: a clause word, a reporting or common irregular verb, a lower-case word in "-ly",
    or one in "-ed" that no determiner or adverb puts before a noun ("criticized", not "the
    embattled"); None if there is none."""
    for index in range(1, end):
        word, lowered, before = words[index], folded[index], folded[index - 1]
        if lowered in CLAUSE_WORDS or lowered in REPORTING_VERB_SET or lowered in IRREGULAR_VERBS:
            return index
        if word.islower() and (lowered.endswith("ly") or lowered.endswith("ed") and before not in DETERMINERS
                               and not before.endswith("ly")):
            return index
    return None


def _subject_in(words: list[str]) -> str | None:
    """Return the subject in words that are not a noun phrase: the words before their first verb
    ("She declared and" -> "She", "Ames criticized Lee for" -> "Ames"); with no verb, the noun
    phrase that ends them, the subject of the verb after them ("As one employee" -> "one employee")."""
    folded = [_folded(word) for word in words]
    verb = _first_verb(words, folded, len(words))
    if verb is not None:
        opening = words[:verb]
        return " ".join(opening) if is_name(" ".join(opening)) or _is_noun_phrase(opening) else None
    for start in range(1, len(words)):
        ending = words[start:]
        if is_name(" ".join(ending)) or _is_noun_phrase(ending):
            return " ".join(ending)
    return None


def person_of(phrase: str) -> str | None:
    """Return the person that a phrase ending in "X of Y" names, Y capitalised: X when X ends in a
    name ("Rep. Tom Reyes of North Carolina" -> "Rep. Tom Reyes", "Ada Moss of the Harbour
    Institute"), the name that ends Y when X ends in a title alone ("Secretary of State John F.
    Kerry" -> "John F. Kerry", "Chairman of the Joint Chiefs of Staff Gen. Ada Moss" -> "Gen. Ada
    Moss"); None when it does not end so, so that the place or body is never taken for the person."""
    phrase = " ".join(phrase.split()[-_OF_PHRASE_WORDS:])  # the words before the verb only: a clause's end
    for of in OF_CAPITALISED.finditer(phrase):
        head = NAME_RUN_AT_END.search(phrase[: of.start()])
        if head is None:
            continue
        if phrase[: head.start()].split()[-1:] in (["the"], ["The"]):
            return None  # a body: "the American Federation of Teachers"
        if is_name(head.group(0)):
            # One capitalised word may be a body rather than a person: "University of Iowa" stays whole.
            return head.group(0) if len(head.group(0).split()) > 1 else phrase[head.start():]
        person = PERSON_AT_END.search(phrase, of.end())
        if person and split_title(head.group(0))[0] == head.group(0) and is_name(person.group(0)):
            return person.group(0)
        return None
    return None


_OF_PHRASE_WORDS = 12


def reporting_subject(narration: str) -> str | None:
    """Return the subject of the first reporting verb of the writer's own sentence, if any."""
    verb = VERB.search(narration)
    return _subject_before(narration[: verb.start()]) if verb else None


def _subject_before(narration: str, again: bool = True) -> str | None:
    """Return the subject of the last clause of ``narration``, which ends just before a verb; when
    that clause opens with a reporting verb ("Ji, 70, said it was early but added"), the subject of
    that verb (once: the clause before is not searched again)."""
    narration = _ASIDE.sub("", narration)  # "Sen. Ada Moss (D-Mass.) said": the party and state are an aside
    segments = [segment.strip() for segment in _CLAUSE_BREAK.split(narration)]
    nearest = clean_phrase(segments[-1]) if segments else ""
    if again and len(segments) > 1 and VERB.match(nearest):
        return _subject_before(narration[: narration.rindex(segments[-1])], again=False)
    if nearest:
        # A pronoun or a name right before the verb is its subject ("a pledge she called").
        last_word = nearest.split()[-1]
        if last_word.casefold() in PRONOUNS:
            return last_word
        of_phrase = person_of(nearest)
        if of_phrase:
            return of_phrase
        name_at_end = NAME_RUN_AT_END.search(nearest)
        if name_at_end and is_name(name_at_end.group(0)) and name_at_end.start() > 0 \
                and nearest[: name_at_end.start()].strip().split()[-1].islower():
            return name_at_end.group(0)
    if nearest.casefold() in _RELATIVE_PRONOUNS and len(segments) > 1:
        nearest = clean_phrase(segments[-2])  # "Ames, who said": the subject is what "who" stands for
    if nearest and len(nearest.split()) <= MAX_SPEAKER_WORDS:
        speaker = speaker_phrase(nearest)
        if speaker:
            return speaker
    if not nearest and len(segments) > 2:
        # "when Ada Moss, who had failed to win, called": the name that "who" follows.
        for index in range(len(segments) - 2, 0, -1):
            if segments[index].split(None, 1)[:1] == ["who"]:
                named = NAME_RUN_AT_END.search(segments[index - 1])
                if named and is_name(named.group(0)) and not _follows_place(segments, index - 1):
                    return named.group(0)
        # "Ada Moss, whose hometown, Miami, is ..., argues": the verb follows asides after its subject,
        # the first name of the clause, not the nearest one an aside gives.
        for index in range(len(segments) - 1):
            cleaned = clean_phrase(segments[index])
            words = cleaned.split()
            if words and _folded(words[0]) not in PREPOSITIONS and _folded(words[0]) not in OPENING_WORDS and (
                    cleaned.casefold() in PRONOUNS or is_name(cleaned) and not _follows_place(segments, index)):
                return cleaned
    for index in range(len(segments) - 2, -1, -1):
        cleaned = clean_phrase(segments[index])
        if cleaned.casefold() in PRONOUNS or is_name(cleaned) and not _follows_place(segments, index):
            return cleaned
    return sentence_subject(narration)


def _follows_place(segments: list[str], index: int) -> bool:
    """True when the clause at ``index`` is a place that goes with one the clause before ends with
    ("in Columbus, Ohio,", "at a rally in Erie, Pa."): a state or country, not a speaker."""
    if index == 0:
        return False
    place = _PLACE_AT_END.search(segments[index - 1])
    return bool(place and is_name(place.group("place")))


_PLACE_AT_END = re.compile(rf"\b(?:in|at|from|near|of)\s+(?P<place>{NAME_RUN.pattern})$")


def sentence_subject(narration: str) -> str | None:
    """Return the person or short noun phrase that opens a sentence, if any, after a phrase that
    opens it before its subject ("In March, Ji ...", "Asked about it, Ji ...": ``after_opening``)."""
    first = clean_phrase(_FIRST_CLAUSE_END.split(after_opening(narration), maxsplit=1)[0])
    words = first.split()
    if not words:
        return None
    if words[0].casefold() in PRONOUNS:
        return words[0]
    if len(words) <= 4 and VERB.search(first) is None:
        return speaker_phrase(first)
    match = NAME_RUN.match(first)
    if match and is_name(match.group(0)):
        return match.group(0)
    return None


def after_opening(narration: str) -> str:
    """Return the sentence without the phrase before its subject, up to the phrase's comma, when it
    opens with one: a phrase led by a preposition or conjunction ("In Washington,", "Like Ji,", "When
    he left,") or by a participle ("Asked about it,", "Speaking to reporters,", "Hastily leaving,");
    with the place after a place it names ("In Columbus, Ohio,"). A wire story's dateline ("WASHINGTON
    (AP) — ") goes first. Else the sentence unchanged."""
    narration = DATELINE.sub("", narration, count=1)
    words = narration.split(None, 2)
    comma = narration.find(",")
    if len(words) < 3 or comma < 0 or not _opens_with_phrase(words[0], words[1]):
        return narration
    rest = narration[comma + 1:]
    place = _PLACE.match(rest)
    if place and NAME_RUN_AT_END.search(narration[:comma]):
        rest = rest[place.end():]
    return rest if _opens_subject(rest) else narration


def _opens_subject(clause: str) -> bool:
    """True when a clause can open with its subject: a capitalised word, a determiner or a pronoun,
    not an aside in lower case ("goaded by Ji, came out")."""
    first = clause.split(None, 1)
    return bool(first) and (first[0][0].isupper() or _folded(first[0]) in DETERMINERS
                            or _folded(first[0]) in PRONOUNS)


_PLACE = re.compile(rf"\s*{NAME_RUN.pattern}\s*,")  # "Ohio," after "in Columbus,"


_TIME_WORDS = frozenset("seconds minutes hours days weeks months years decades moments soon long".split())
_TIME_LINKS = frozenset("after before later earlier ago since into".split())


def _opens_with_phrase(first: str, second: str) -> bool:
    """True when a sentence's first two words open a phrase before its subject: a preposition or
    conjunction, or a participle in "-ing" or "-ed" (or an adverb before one) that a determiner,
    pronoun or preposition follows, as no name followed by its verb does ("Manning said")."""
    first, second = _folded(first), _folded(second)
    if first in PREPOSITIONS or first in OPENING_WORDS:
        return True
    if first.endswith("ly") and second.endswith("ing"):
        return True
    if (first in _TIME_WORDS or first.endswith("ly")) and second in _TIME_LINKS:
        return True  # "Shortly after Ji left,", "Hours before the vote,", "Days later,"
    follows = second in AFTER_PARTICIPLE or second in PREPOSITIONS
    return follows and (first.endswith("ing") or first.endswith("ed") or first in REPORTING_VERB_SET)


def clause_subject(narration: str) -> str | None:
    """Return the noun phrase before the first verb of the sentence's first clause ("The FBI
    concluded ...", "the league strongly denounced ..."), a person or not; None when the clause has
    no verb after its first word or what comes before it is not a noun phrase."""
    first = _FIRST_CLAUSE_END.split(narration, maxsplit=1)[0]
    opened = after_opening(narration)
    if opened is not narration:  # "In a poll on Monday, 73 percent of voters judged": the clause after the opening
        first = _FIRST_CLAUSE_END.split(opened, maxsplit=1)[0]
    words = clean_phrase(first).split()
    if len(words) < 2:
        return None
    folded = [_folded(word) for word in words]
    verb = _first_verb(words, folded, len(words))
    if verb is None or verb > MAX_SPEAKER_WORDS:
        return None
    opening = words[:verb]
    if folded[0] in PRONOUNS or folded[0] in _RELATIVE_PRONOUNS:
        return None
    return " ".join(opening) if is_name(" ".join(opening)) or _is_noun_phrase(opening) else None


def attribute_after(after: str) -> Attribution | None:
    """Return the attribution in the narration after a quote (rule 1), if any: right after it
    (``," said Ji``, ``," Ji, a defector, said``), or in the clause that ends its sentence
    (``" in its current form, Ji said.``)."""
    found = _attribution_at(after)
    if found is None or found[1].re is not AFTER_ACCORDING:
        # '"...," Ji said, according to the Post.': the source that reports it, as "According to the
        # Post, Ji said" before the quote.
        found = _closing_according(after) or found or _closing_attribution(after)
    if found is None:
        speaker = _subject_and_past_verb(after)
        return Attribution(speaker, "reporting verb after the quote") if speaker else None
    return Attribution(found[0], "reporting verb after the quote") if found else None


# After a quote, a subject and a verb in "-ed" alone that end the sentence, a verb the word list need
# not know: '," Maddow repeated.', '" she shot back.', '," the chairman fumed.'.
_SUBJECT_PAST_VERB = re.compile(r"^[\s,]*(?P<speaker>[^,.;:!?()\"“”]{1,50}?)\s+(?:[a-z]+ly\s+)?[a-z]{3,}ed"
                                r"(?:\s+(?:back|in|up|on))?\s*[.!]?\s*$")


def _subject_and_past_verb(after: str) -> str | None:
    """Return the subject of ``_SUBJECT_PAST_VERB`` when it is a pronoun, a name or a noun phrase whole."""
    found = _SUBJECT_PAST_VERB.match(after)
    if found is None:
        return None
    speaker = clean_phrase(found.group("speaker"))
    words = speaker.split()
    if not words or _folded(words[0]) in _OWN_CLAUSE or any(_folded(word) in PREPOSITIONS for word in words) \
            or not (words[0][0].isupper() or _folded(words[0]) in PRONOUNS or _folded(words[0]) in DETERMINERS) \
            or speaker_phrase(speaker) != speaker:
        return None  # not "moments after polls closed", '"American Idol" winner Ada Moss performed'
    return speaker


def _closing_according(after: str) -> tuple[str, re.Match] | None:
    """Return the attribution of an "according to" clause that ends the sentence after a comma."""
    at = after.rfind(", according to ")
    return _attribution_at(after[at + 1:]) if at >= 0 else None


def _attribution_at(after: str) -> tuple[str, re.Match] | None:
    """Return (speaker, match) of the attribution that opens ``after``, if any."""
    after = after.lstrip(" ,.!?…—–-")
    opener = after.split(None, 1)[:1]
    own_clause = bool(opener) and opener[0].casefold() in _OWN_CLAUSE
    for pattern in (AFTER_ACCORDING, AFTER_VERB_FIRST, AFTER_SPEAKER_FIRST, AFTER_SPEAKER_ASIDE):
        if own_clause and pattern is not AFTER_ACCORDING:
            # '"..." until Haley said', '"...," and Trump vowed': a clause of its own, about something else.
            break
        match = pattern.match(after)
        if not match:
            continue
        speaker = _speaker_of(pattern, match)
        if speaker is None and (pattern is AFTER_ACCORDING or pattern is not AFTER_VERB_FIRST and _folded(
                match.group("speaker").split()[0]) in _DESCRIPTION_OPENERS):
            # "according to a study by economists at ...", '," a study by a sociologist, Ada Moss, concluded'
            speaker = _according_head(clean_phrase(match.group("speaker")))
        if speaker and (len(speaker.split()) <= 6 or len(speaker.split()) <= MAX_SPEAKER_WORDS
                        and speaker.split()[0].casefold() in _DESCRIPTION_OPENERS):
            return speaker, match
    return None


# Words that open a clause of its own after a quote, whose reporting verb is not the quote's.
_OWN_CLAUSE = frozenset("and but until when while because after before if since though although whereas "
                        "unless".split())


def _according_head(phrase: str) -> str | None:
    """Return the head of a long "according to" phrase, up to the words that tell more about it ("a
    study last year by economists at Duke University" -> "a study last year", "a senior official who
    spoke on the condition of anonymity" -> "a senior official"); None if it has no such head."""
    words = phrase.split()
    for index in range(2, min(len(words), MAX_SPEAKER_WORDS)):
        word = words[index]
        if word in PREPOSITIONS or word in _RELATIVE_PRONOUNS or word.endswith("ed") and word.islower():
            head = " ".join(words[:index])
            return head if speaker_phrase(head) == head else None
    return None


# Capitalised words, a description in lower case, then a full name: "Republican pollster Ada Moss",
# "Fox News anchor Ada Moss"; the name is the speaker.
_CAPITALISED_DESCRIPTION = re.compile(rf"(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:[a-z][\w'’-]*\s+){{1,3}}"
                                      rf"(?P<name>(?=\S+\s+[A-Z]){NAME_RUN.pattern})$")
# Words that open a description of an unnamed speaker, which may run longer than a name ("a
# strategist for one of these candidates").
_DESCRIPTION_OPENERS = frozenset("a an the one another two three several some many both".split())


def _speaker_of(pattern: re.Pattern, match: re.Match) -> str | None:
    """Return the speaker that a rule-1 pattern's match names, if it can speak."""
    speaker = clean_phrase(match.group("speaker"))
    if pattern is AFTER_VERB_FIRST:
        name = NAME_RUN.match(speaker)
        if speaker.casefold() in PRONOUNS:
            pass
        elif " of " in speaker and (person := person_of(speaker)):
            speaker = person
        elif (described := _CAPITALISED_DESCRIPTION.match(speaker)) and is_name(described.group("name")):
            speaker = described.group("name")  # "Republican pollster Ada Moss", "Fox News anchor Ada Moss"
        elif name and is_name(name.group(0)):
            speaker = name.group(0)
        elif speaker.split(None, 1)[0].casefold() in _DESCRIPTION_OPENERS and " " in speaker:
            pass  # a description kept whole: "a prominent party member", "the New York businessman"
        elif (described := DESCRIBED_NAME.match(speaker)) and is_name(described.group("name")):
            speaker = described.group(0)
        else:
            return None
    if pattern is AFTER_SPEAKER_ASIDE:
        return _speaker_before_aside(speaker, clean_phrase(match.group("aside")))
    return speaker_phrase(speaker)


def _speaker_before_aside(speaker: str, aside: str) -> str | None:
    """Return who speaks in ``speaker, aside, said``: the speaker when it is a name, a pronoun or a
    noun phrase whole ("Ji", "the company"), or the name in the aside after a description ("the
    assailant, Ji Ho, said"); None when the words before the aside are a piece of a clause."""
    speaker = _ASIDE.sub("", speaker).strip()  # "Ed Moss (D), a supporter, said"
    if speaker_phrase(speaker) != speaker:
        return None
    if speaker[:1].islower() and speaker.casefold() not in PRONOUNS and is_name(aside):
        return aside
    return speaker


def _closing_attribution(after: str) -> tuple[str, re.Match] | None:
    """Return the attribution in the clause that ends a sentence, after one of its last commas, when
    the quote does not run up to it: ``, said Ji, a defector.``, ``, the group says.``, ``, Ji added
    on Monday.`` The clause must run to the sentence's end, so that a verb that reports a clause of its
    own (``, Ji said the plan would fail``) or takes an object (``, told the delegates``) is not read
    as the quote's."""
    commas = [match.start() for match in _COMMA.finditer(after)][-_CLOSING_COMMAS:]
    for comma in commas:
        found = _attribution_at(after[comma + 1:])
        if found and _runs_to_the_end(*found):
            return found
    return None


_COMMA = re.compile(",")
_CLOSING_COMMAS = 3  # an aside after the speaker ("said Ji, a defector from the North.") has a comma too
_CLOSING_REST_WORDS = 6


def _runs_to_the_end(speaker: str, match: re.Match) -> bool:
    """True when an attribution found after a comma ends its sentence: "according to X", a verb
    before its speaker that does not take an object, or a speaker named whole before the verb and at
    most a few words after it, none opening a clause."""
    if match.re is AFTER_ACCORDING:
        return True
    if match.re is AFTER_VERB_FIRST:
        return match.group("verb") not in OBJECT_VERBS
    if clean_phrase(match.group("speaker")) != speaker and match.re is AFTER_SPEAKER_FIRST:
        return False  # the words before the verb are more than its subject ("and any protests were")
    rest = [_folded(word) for word in match.string[match.end():].split()]
    return len(rest) <= _CLOSING_REST_WORDS and not any(word in CLAUSE_AFTER_VERB for word in rest)


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    """Return the last of an iterator of matches, None if it has none."""
    last = None
    for last in matches:
        pass
    return last


def in_opening_clause(before: str) -> bool:
    """True when a quote stands in a clause that opens its sentence with a conjunction and has a
    reporting verb of its own ("After Ji said that students would do better at '...,' Moss said"),
    so that the words before it attribute it, not the reporting verb of the main clause after it."""
    words = before.split()
    while words and words[0].casefold() in _LEADING_CONJUNCTIONS:
        words = words[1:]
    return bool(words) and words[0].casefold() in _SUBORDINATORS and "," not in before \
        and any(not _is_noun_at(before, verb.start()) for verb in VERB.finditer(before))


_LEADING_CONJUNCTIONS = frozenset("but and yet so even".split())
_SUBORDINATORS = frozenset("after as when while although though because since once before if unless until".split())


def attribute_before(before: str) -> Attribution | None:
    """Return the attribution in the narration of the quote's sentence before it (rule 2), if any."""
    before = before.rstrip()
    signed = _DASH_NAME.search(before)
    if signed and is_name(signed.group("speaker")):
        return Attribution(signed.group("speaker"), "name and colon before the quote")
    quoted_from = _FROM_SOURCE.search(before)  # "From the report:", "More from the statement:"
    speaker = speaker_phrase(quoted_from.group("speaker")) if quoted_from else None
    if speaker and speaker.casefold() not in PRONOUNS:
        return Attribution(speaker, "name and colon before the quote")
    passive = PASSIVE.search(before)
    speaker = speaker_phrase(passive.group("speaker")) if passive else None
    if speaker:
        return Attribution(speaker, "reporting verb before the quote")
    put_it = AS_PUT_IT.search(before)  # "As Ji, a defector, put it:": the words before the aside
    speaker = speaker_phrase(put_it.group("speaker").split(",")[0]) if put_it else None
    if speaker:
        return Attribution(speaker, "reporting verb before the quote")
    according = ACCORDING_BEFORE.search(before)
    speaker = speaker_phrase(according.group("speaker")) if according else None
    if speaker:
        return Attribution(speaker, "reporting verb before the quote")
    verbs = [verb for verb in VERB.finditer(before) if not _is_noun_at(before, verb.start())]
    with_gerund = _last(WITH_GERUND.finditer(before))
    if with_gerund and (not verbs or with_gerund.start() > verbs[-1].start()):
        speaker = speaker_phrase(with_gerund.group("speaker"))  # "..., with Ji telling reporters that"
        if speaker:
            return Attribution(speaker, "reporting verb before the quote")
    if not verbs:  # ("According to X," was looked for above)
        return _subject_and_colon(before)
    asked = _ASKED_BY.match(before, verbs[-1].start())
    speaker = speaker_phrase(asked.group("speaker").split(",")[0]) if asked else None
    if speaker:
        return Attribution(speaker, "reporting verb before the quote")  # "Ji was asked by host Ada Moss:"
    subject = _subject_before(before[: verbs[-1].start()])
    # "Ji said Moss called it", "Ji said the plan, which he called": the quote is Ji's report, unless a
    # clause break puts a named speaker's verb apart ("After Ji said so, Moss said:").
    if len(verbs) > 1 and verbs[0].group() in _SAY_VERBS and (
            not subject or not is_name(subject) or not _CLAUSE_MARK.search(before, verbs[0].end(), verbs[-1].start())):
        outer = _subject_before(before[: verbs[0].start()])
        if outer:
            return Attribution(outer, "reporting verb before the quote")
    if subject:
        return Attribution(subject, "reporting verb before the quote")
    return None


_SAY_VERBS = frozenset("said says".split())
# "Ji was asked by host Ada Moss, who ..., '": the one who asks speaks the quote.
_ASKED_BY = re.compile(r"(?:asked|asks)\s+by\s+(?P<speaker>[^;:]+?)\s*(?:,[^,]*)*?\s*(?:\b(?:whether|if|about|why|how|what)\b[^,;:]*)?[,:]?$")
# Words before a reporting verb's form that make it a noun ("the claims", "that states can", "of reports").
_BEFORE_NOUN = DETERMINERS | PREPOSITIONS | {"that"}


def _is_noun_at(text: str, start: int) -> bool:
    """True when the reporting verb's form at ``start`` follows a determiner, a preposition or "that",
    as a noun does ("such laws in the states", "Cruz said that states can"); not after "to" ("to say")."""
    words = text[max(0, start - 20):start].split()
    before = words[-1].casefold() if words and text[start - 1:start].isspace() else ""
    return before in _BEFORE_NOUN and before != "to"


# A dash, then a name and a colon right before the quote, as digests credit what they quote ("The
# race has tightened - Ada Moss: '...'").
_DASH_NAME = re.compile(rf"\s(?:-|—|–|--)\s*(?P<speaker>{NAME_RUN.pattern})\s*:$")
_CLAUSE_MARK = re.compile(r"[,;:(—–]")
# A clause of a subject and a verb alone, then a colon, right before a quote: "Kasich resisted:", "The
# candidate reiterated:", "The treaty affirms:". A verb in "-ed" or "-s" the word list need not know,
# perhaps after an adverb ("Ji flatly disagreed:").
_SUBJECT_VERB_COLON = re.compile(r"(?:^|[.!?;]\s+|\s(?:-|—|–|--)\s*)(?P<speaker>[^,.;:!?()\"“”]{1,60}?)\s+(?:[a-z]+ly\s+)?"
                                 r"(?P<verb>[a-z]{3,}(?:ed|s))\s*:$")


def _subject_and_colon(before: str) -> Attribution | None:
    """Return the subject of a clause that is a subject and a verb alone before a colon that opens the
    quote (``_SUBJECT_VERB_COLON``), when the subject is a name, a pronoun or a noun phrase whole."""
    found = _SUBJECT_VERB_COLON.search(before)
    if found is None or found.group("verb").endswith(("ss", "us", "is")):
        return None  # "the process:", "the focus:", "this:"
    speaker = clean_phrase(found.group("speaker"))
    words = speaker.split()
    if not words or _folded(words[0]) in PREPOSITIONS or _folded(words[0]) in OPENING_WORDS \
            or speaker_phrase(speaker) != speaker:
        return None
    return Attribution(speaker, "reporting verb before the quote")


# "From the report:" or "More from the statement:" right before a quote, as a phrase of its own (the
# start of the sentence, or after a dash): the words quoted are the source's, which no verb introduces.
_FROM_SOURCE = re.compile(r"(?:^|[.!?]\s+|\s(?:-|—|–|--)\s*)(?:More\s+)?[Ff]rom\s+(?P<speaker>[^,.;:!?()]{2,60}?)\s*:$")
