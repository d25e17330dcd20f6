"""Who speaks each quote of an article, in three steps:

1. ``read_article``: an article's quotes, and the writer's own words around them (the narration);
2. ``read_wording``: what the rules that need only those words find (runs of names, reporting
   verbs, the kind of each quote), once per distinct stretch of words of the corpus, however
   many articles share it (wire copy repeats sentences across outlets);
3. ``article_quotes``: the article's sentences walked in order, so that the people named so far,
   pronouns and the previous speaker are known at each quote. Rule 5 gives a quote the previous
   speaker only where it continues that speaker's run of quotes (the quote before it in the same
   paragraph, or ending the paragraph before while it opens its own, attributed by a reporting verb
   or by rule 3, not itself a guess); elsewhere it gives the person last named ("last person
   named"), and the ``doubt`` column says it is a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

import pandas as pd

from analysis.corpus.text import HONORIFICS, count_words
from analysis.quotes.attribution import (Attribution, attribute_after, attribute_before, clause_subject,
                                         in_opening_clause, reporting_subject, sentence_subject)
from analysis.quotes.names import is_name, run_names
from analysis.quotes.patterns import NAME_RUN, PRONOUNS, TITLE_ABBREVIATIONS
from analysis.quotes.people import People, Recent, Resolver, common_words
from analysis.quotes.spans import (Cuts, QuoteSpan, find_quote_spans, looks_like_title, mark_width, quote_kind,
                                   without_quotes)

__all__ = ["Sentences", "sentences_by_article", "Reading", "read_article", "Wording", "read_wording",
           "article_quotes", "GUESS_RULES", "TERM_WORDS"]

# The rules that give a quote a speaker no words of the text attribute it to (rule 5): guesses that
# the findings ask a reader to check by hand.
GUESS_RULES = ("previous speaker", "last person named")


@dataclass
class Sentences:
    """One article's sentences as plain lists, for fast lookups by offset."""

    ids: list[int]
    paragraphs: list[int]
    starts: list[int]
    ends: list[int]
    texts: list[str]

    def at(self, position: int) -> tuple[int, int, int, int]:
        """Return (paragraph_id, sentence_id, start, end) of the sentence holding ``position``."""
        index = self.index_at(position)
        return self.paragraphs[index], self.ids[index], self.starts[index], self.ends[index]

    def index_at(self, position: int) -> int:
        """Return the index (in these lists) of the sentence holding ``position``."""
        return max(0, min(bisect_right(self.starts, position) - 1, len(self.starts) - 1))

    def opens_paragraph(self, index: int) -> bool:
        return index == 0 or self.paragraphs[index - 1] != self.paragraphs[index]

    def closes_paragraph(self, index: int) -> bool:
        return index + 1 >= len(self.paragraphs) or self.paragraphs[index + 1] != self.paragraphs[index]


def sentences_by_article(sentences: pd.DataFrame) -> dict[str, Sentences]:
    """Return {article_id: its sentences} from a corpus's sentences table."""
    grouped: dict[str, Sentences] = {}
    for article_id, sentence_id, paragraph_id, start, end, text in zip(
            *(sentences[column].tolist() for column in ("article_id", "sentence_id", "paragraph_id", "start", "end",
                                                         "text"))):
        rows = grouped.get(article_id)
        if rows is None:
            rows = grouped[article_id] = Sentences([], [], [], [], [])
        rows.ids.append(int(sentence_id))
        rows.paragraphs.append(int(paragraph_id))
        rows.starts.append(int(start))
        rows.ends.append(int(end))
        rows.texts.append(text)
    return grouped


# --- 1. an article's quotes and narration ------------------------------------------------------------


@dataclass
class Reading:
    """An article's quotes and the writer's words around them, before any mention is resolved."""

    spans: list[QuoteSpan]
    quotes: list[str]  # the words of each span, its pieces joined with spaces
    located: list[tuple[int, int, int, int]]  # each quote's sentence: (paragraph_id, sentence_id, start, end)
    by_sentence: dict[int, list[int]]  # sentence_id -> the quotes that start in it
    narrations: list[tuple[int, int, str]]  # (sentence_id, start, narration), up to the last sentence with a quote
    around: list[tuple[str, str]]  # each quote's narration after it and before it, within its sentence
    opens_paragraph: list[bool]  # each quote: nothing of its paragraph comes before it
    closes_paragraph: list[bool]  # each quote: it ends in its paragraph's last sentence
    after_next: list[str]  # each quote that ends in "?" or "!" and its sentence: the next sentence's words, else ""
    signed: list[str] = field(default_factory=list)  # each quote: the name that signs it (``_signature``), else ""


def read_article(text: str, paragraphs: list[tuple[int, int]], sentences: Sentences | None) -> Reading | None:
    """Return an article's quotes and narration; None when it has no quote (or no sentences)."""
    if sentences is None or not paragraphs:
        return None
    spans = find_quote_spans(text, paragraphs)
    if not spans:
        return None
    located = [sentences.at(span.start) for span in spans]
    by_sentence: dict[int, list[int]] = {}
    for index, (_, sentence_id, _, _) in enumerate(located):
        by_sentence.setdefault(sentence_id, []).append(index)
    cuts = Cuts((start - mark_width(text, start), end + mark_width(text, end, closing=True))  # with their marks
                for span in spans for start, end in span.segments)
    # Sentences after the last one a quote starts in cannot change any quote's speaker.
    last_quoted = max(index for index, sentence_id in enumerate(sentences.ids) if sentence_id in by_sentence)
    narrations = []
    around = [("", "")] * len(spans)
    after_next = [""] * len(spans)
    for sentence_id, sentence_start, sentence_end in zip(sentences.ids[: last_quoted + 1], sentences.starts,
                                                         sentences.ends):
        narrations.append((sentence_id, sentence_start, without_quotes(text, sentence_start, sentence_end, cuts)))
        for index in by_sentence.get(sentence_id, []):
            span = spans[index]
            # A quote of several sentences: the words after it run to the end of the sentence it ends in.
            ending = sentences.index_at(span.end)
            quote_end = sentence_end if span.end <= sentence_end else sentences.ends[ending]
            # A sentence split after an honorific or a short title ('," said Ms.' | 'Warren.'): the
            # words after the quote run on into the next sentence of the paragraph.
            while _ENDS_IN_TITLE.search(text, max(0, quote_end - 8), quote_end) and ending + 1 < len(sentences.starts) \
                    and not sentences.opens_paragraph(ending + 1):
                ending += 1
                quote_end = sentences.ends[ending]
            after_end = min(quote_end, _next_open(spans, index, quote_end))
            # And the words before it, back into the sentence before ('said Ms.' | 'Brainard's donations "').
            opening, before_start = sentences.index_at(sentence_start), sentence_start
            while opening > 0 and not sentences.opens_paragraph(opening) \
                    and _ENDS_IN_TITLE.search(text, max(0, sentences.ends[opening - 1] - 8), sentences.ends[opening - 1]):
                opening -= 1
                before_start = sentences.starts[opening]
            around[index] = (without_quotes(text, span.end + 1, after_end, cuts),
                             without_quotes(text, before_start, max(before_start, span.start - 1), cuts))
            # A quote ending in "?" or "!" ends its sentence too: its attribution may open the next one
            # ('"Are we ready?" Ji asked.'), in the same paragraph.
            if text[span.end - 1:span.end] in ("?", "!") and not text[span.end:quote_end].strip(_MARKS_AND_SPACE) \
                    and ending + 1 < len(sentences.starts) and not sentences.opens_paragraph(ending + 1):
                next_end = sentences.ends[ending + 1]
                after_next[index] = without_quotes(text, span.end + 1,
                                                   min(next_end, _next_open(spans, index, next_end)), cuts)
    quotes = [" ".join(text[start:end] for start, end in span.segments) for span in spans]
    # Where each quote stands in its paragraph, for rule 5 to tell a run of one speaker's quotes.
    opens = [not around[index][1].strip() and sentences.opens_paragraph(sentences.index_at(span.start))
             for index, span in enumerate(spans)]
    closes = [sentences.closes_paragraph(sentences.index_at(span.end)) for span in spans]
    signed = [_signature(text, sentences, span, opens[index] and closes[index]) for index, span in enumerate(spans)]
    return Reading(spans, quotes, located, by_sentence, narrations, around, opens, closes, after_next, signed)


# A paragraph that signs the quote before it: a dash, a name, perhaps a short description after a comma
# ("- Hillary Clinton.", "—President Obama, tweeting after the speech.").
_SIGNATURE = re.compile(rf"(?:—|–|--?)\s*(?P<name>{NAME_RUN.pattern})(?:,[^.!?\n]{{1,80}})?\.?")


def _signature(text: str, sentences: Sentences, span: QuoteSpan, whole_paragraph: bool) -> str:
    """Return the name that signs a quote that is a paragraph alone, from the paragraph after it when
    that paragraph is a dash and a name alone (``_SIGNATURE``), as lists of quotations write them; else ""."""
    if not whole_paragraph:
        return ""
    following = sentences.index_at(span.end) + 1
    if following >= len(sentences.starts) or not sentences.opens_paragraph(following) \
            or not sentences.closes_paragraph(following):
        return ""
    signature = _SIGNATURE.fullmatch(sentences.texts[following].strip())
    return signature.group("name") if signature and is_name(signature.group("name")) else ""


_MARKS_AND_SPACE = " \n\"“”'’`"
# The end of a sentence that a splitter cut after an honorific or a short title before a name.
_ENDS_IN_TITLE = re.compile(rf"\b(?:{'|'.join(sorted({*(word.capitalize() for word in HONORIFICS), *TITLE_ABBREVIATIONS}))})\.$")


def _next_open(spans: list[QuoteSpan], index: int, default: int) -> int:
    return spans[index + 1].start - 1 if index + 1 < len(spans) else default


# --- 2. what the words alone say, once per distinct stretch of words -----------------------------------


@dataclass
class Wording:
    """What the rules that read words alone find, by the words they read."""

    runs: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # narration -> (name, words) of its runs of capitals
    reported: dict[str, str | None]  # narration of a sentence without a quote -> the subject of its reporting verb
    after: dict[str, Attribution | None]  # narration after a quote -> a reporting verb after it (rule 1)
    before: dict[str, Attribution | None]  # where rule 1 finds none: narration before the quote -> rule 2
    kinds: dict[str, str]  # quote -> "full" or "partial"
    titles: dict[str, bool]  # quote -> written as a title (``looks_like_title``)
    n_words: dict[str, int]  # quote -> its number of words
    common: frozenset[str]  # words the narration writes in lower case (people.common_words)


def read_wording(readings: list[Reading]) -> Wording:
    """Return what the word-level rules find in the readings' narration and quotes, each distinct
    stretch of words read once."""
    unquoted = dict.fromkeys(narration for reading in readings for sentence_id, _, narration in reading.narrations
                             if not reading.by_sentence.get(sentence_id))
    after = {words: attribute_after(words) for words in dict.fromkeys(
        [*(words for reading in readings for words, _ in reading.around),
         *(words for reading in readings for words in reading.after_next if words)])}
    before = {words: attribute_before(words) for words in dict.fromkeys(
        words for reading in readings for after_words, words in reading.around
        if after[after_words] is None or in_opening_clause(words))}
    quotes = dict.fromkeys(quote for reading in readings for quote in reading.quotes)
    narrations = dict.fromkeys(narration for reading in readings for _, _, narration in reading.narrations)
    return Wording(runs=run_names(narrations), common=common_words(narrations),
                   reported={narration: reporting_subject(narration) for narration in unquoted},
                   after=after, before=before, kinds={quote: quote_kind(quote) for quote in quotes},
                   titles={quote: looks_like_title(quote) for quote in quotes},
                   n_words={quote: count_words(quote) for quote in quotes})


# --- 3. the article walked sentence by sentence ---------------------------------------------------------


def article_quotes(reading: Reading | None, wording: Wording, people: People, corpus_people: People) -> list[dict]:
    """Return one dict per quote of an article (the columns of ``QUOTE_COLUMNS`` but article_id)."""
    if reading is None:
        return []
    spans, located, by_sentence = reading.spans, reading.located, reading.by_sentence
    recent = Recent()
    resolver = Resolver(people, corpus_people, recent, wording.common)
    speakers: list[tuple[str, str, str] | None] = [None] * len(spans)
    doubts = [""] * len(spans)  # why a speaker the rules give is a guess
    last_speaker: tuple[str, str] | None = None
    # The quotes of one paragraph stand next to each other (text order): each quote's block is the
    # first quote of its paragraph's run, and a block keeps, in order, its quotes that a reporting
    # verb attributes, for rule 3 to find the nearest by bisection rather than by a walk over the paragraph.
    block = list(range(len(spans)))
    for index in range(1, len(spans)):
        if located[index][0] == located[index - 1][0]:
            block[index] = block[index - 1]
    verb_attributed: dict[int, list[int]] = {}
    # The subject of the sentence before, with its mention, when that sentence reports speech or ends in a colon.
    told: tuple[str, str] | None = None

    for sentence_id, sentence_start, narration in reading.narrations:
        first_word = narration.split(None, 1)
        opens_with = first_word[0].casefold() if first_word else ""
        pronoun_referent = None
        if opens_with in PRONOUNS:
            pronoun_referent, _ = resolver.resolve(opens_with, sentence_start)
        sentence_speakers: list[str] = []
        for index in by_sentence.get(sentence_id, []):
            after, before = reading.around[index]
            attribution = wording.after[after]
            if attribution is None or in_opening_clause(before) and wording.before[before] is not None:
                attribution = wording.before[before]
            if attribution is None and reading.after_next[index]:
                attribution = wording.after[reading.after_next[index]]
            if attribution is None and reading.signed and reading.signed[index]:
                attribution = Attribution(reading.signed[index], "signature after the quote")
            if attribution is not None:
                if attribution.method == "reporting verb after the quote" and attribution.phrase.casefold() in PRONOUNS:
                    _push_names_before(resolver, recent, wording.runs[narration], sentence_start, narration, before)
                speaker, is_person = resolver.resolve(attribution.phrase, spans[index].start)
                speakers[index] = (speaker, attribution.phrase, attribution.method)
                if attribution.method in _SHOWN_RULES:
                    insort(verb_attributed.setdefault(block[index], []), index)
                if is_person:
                    sentence_speakers.append(speaker)
        # Narration that reports speech ("Mr Ji said the gesture ...") makes its subject the latest speaker.
        reported = None
        told_before, told = told, None
        subject = wording.reported[narration] if not by_sentence.get(sentence_id) else None
        if subject:
            speaker, is_person = resolver.resolve(subject, sentence_start)
            told = (speaker, subject)
            if is_person:
                reported = speaker
        elif not by_sentence.get(sentence_id) and narration.rstrip().endswith(":"):
            # "The campaign released the following statement:", then the quote: the sentence's subject.
            introducer = clause_subject(narration) or sentence_subject(narration)
            if introducer:
                told = (resolver.resolve(introducer, sentence_start)[0], introducer)
        for name in reversed(resolver.mentions(wording.runs[narration], sentence_start, narration)):
            recent.push(name)
        if pronoun_referent and pronoun_referent != opens_with:
            recent.push(pronoun_referent)
        for name in sentence_speakers + ([reported] if reported else []):
            recent.spoke(name)
        sentence_last = next((speakers[i] for i in reversed(by_sentence.get(sentence_id, []))
                              if speakers[i] is not None), None)
        if sentence_last is not None:
            last_speaker = (sentence_last[0], sentence_last[1])
        elif reported:
            last_speaker = (reported, reported)

        for index in by_sentence.get(sentence_id, []):
            if speakers[index] is None:
                found = _fallback(index, verb_attributed.get(block[index], []), speakers, narration, resolver,
                                  sentence_start, last_speaker, reading, told_before)
                if found is not None:
                    speakers[index], doubts[index] = found[:3], found[3]
                if speakers[index] and speakers[index][0]:
                    last_speaker = (speakers[index][0], speakers[index][1])

    rows: list[dict] = []
    for index, span in enumerate(spans):
        speaker, mention, method = speakers[index] or ("", "", "none")
        doubt = "; ".join(filter(None, [span.doubt, doubts[index]]))
        if not speaker and mention:
            doubt = "; ".join(filter(None, [doubt, f"'{mention}' refers to no person named before it"]))
        paragraph_id, sentence_id, _, _ = located[index]
        quote = reading.quotes[index]
        kind = "doubtful" if span.doubt.startswith("closing") else wording.kinds[quote]
        if kind != "doubtful" and wording.titles[quote]:
            kind = "title"
            doubt = "; ".join(filter(None, [doubt, _TITLE_DOUBT]))
        elif kind == "partial" and wording.n_words[quote] <= TERM_WORDS and method in _GUESSED_RULES:
            kind = "term"
            doubt = "; ".join(filter(None, [doubt, _TERM_DOUBT]))
        rows.append({
            "quote": quote, "speaker": speaker, "speaker_mention": mention,
            "attribution": method, "start": span.start, "end": span.end, "paragraph_id": paragraph_id,
            "sentence_id": sentence_id, "kind": kind, "n_words": wording.n_words[quote], "doubt": doubt,
        })
    return rows


def _push_names_before(resolver: Resolver, recent: Recent, runs, sentence_start: int, narration: str,
                       before: str) -> None:
    """Make the people that the quote's own sentence names before the quote the most recent, for a
    pronoun after the quote to refer to them ("Ada Moss, 62, railed against it: '...,' she said")."""
    until = len(before.rstrip())
    if until > 0:
        for name in reversed(resolver.mentions(runs, sentence_start, narration, until)):
            recent.push(name)


# Where a clause joined to the one before starts: ", but", ", and", ", while", "; ".
_JOINED_CLAUSE = re.compile(r",\s+(?:but|and|while|whereas|yet)\s+|;\s+")
# The words that open a group as a speaker ("the Sanders campaign", "some voters").
_GROUP_OPENERS = frozenset("the a an all some many most several other others".split())


# A phrase of at most this many words in quote marks, woven into a sentence, that no reporting verb,
# other quote or speaking subject attributes is more often a scare quote, a title or a coined term
# ("a so-called 'renoviction'") than someone's words: its kind is "term", and its doubt says so.
TERM_WORDS = 3
_GUESSED_RULES = frozenset({*GUESS_RULES, "none"})
_TERM_DOUBT = "a short phrase in quote marks that nothing attributes: perhaps a scare quote, a title or a coined term"
# A phrase written as a title ("Meet the Press.", "Make America Great Again": ``looks_like_title``),
# whatever attributes it: its kind is "title", and its doubt says so.
_TITLE_DOUBT = "a phrase written as a title: perhaps a programme, a book, a slogan or a nickname, not anyone's words"


# The rules that show a speaker speaking (a reporting verb, or one next to another quote of the
# paragraph): a run of quotes continues only from a quote one of them attributes, never from a guess.
_SHOWN_RULES = frozenset({"reporting verb after the quote", "reporting verb before the quote", "same paragraph",
                          "signature after the quote", "name and colon before the quote"})


def _continues_run(reading: Reading, index: int, speakers, last_speaker: tuple[str, str]) -> bool:
    """True when a quote continues a run of the last speaker's quotes: the quote before it is the last
    speaker's by a rule that shows them speaking (``_SHOWN_RULES``: a quote given to a sentence's
    subject or to the person last named is a guess, and a run of guesses was right less often than the
    person last named, measured on news), and stands in the same paragraph, or ends the paragraph
    before while this one opens its own."""
    previous = index - 1
    if previous < 0 or speakers[previous] is None or speakers[previous][0] != last_speaker[0] \
            or speakers[previous][2] not in _SHOWN_RULES:
        return False
    gap = reading.located[index][0] - reading.located[previous][0]
    return gap == 0 or (gap == 1 and reading.closes_paragraph[previous] and reading.opens_paragraph[index])


def _fallback(index, verb_attributed, speakers, narration, resolver, sentence_start, last_speaker, reading,
              told_before=None):
    """Attribute a quote that has no reporting verb of its own (rules 3 to 5); ``verb_attributed``:
    the quotes of its paragraph that a reporting verb attributes so far, in order. Returns (speaker,
    mention, rule, doubt) or None."""
    after = bisect_left(verb_attributed, index)  # the quote itself is not among them: it has no speaker yet
    nearest = verb_attributed[after - 1] if after else None
    # The nearest, the earlier one on a tie.
    if after < len(verb_attributed) and (nearest is None or verb_attributed[after] - index < index - nearest):
        nearest = verb_attributed[after]
    if nearest is not None:
        return speakers[nearest][0], speakers[nearest][1], "same paragraph", ""
    before = reading.around[index][1]
    # A quote in a clause joined to the sentence ("Clinton proposed a debate, but the Sanders campaign
    # rejected the idea as '...'"): that clause's subject, not the sentence's.
    joined = _JOINED_CLAUSE.split(before)
    phrase = clause_subject(joined[-1]) if len(joined) > 1 else None
    if phrase and phrase[-1].isalnum():
        speaker, is_person = resolver.resolve(phrase, sentence_start)
        if speaker and (is_person or phrase.split()[0].casefold() in _GROUP_OPENERS):
            return speaker, phrase, "sentence subject", ""
    subject = sentence_subject(narration) if narration.strip() else None
    if subject:
        speaker, is_person = resolver.resolve(subject, sentence_start)
        if is_person:
            return speaker, subject, "sentence subject", ""
    if last_speaker is not None and _continues_run(reading, index, speakers, last_speaker):
        return last_speaker[0], last_speaker[1], "previous speaker", ""
    before = reading.around[index][1]
    phrase = clause_subject(before) if before.strip() else None
    # A lone word the text writes in lower case elsewhere opens the sentence, but names no one ("Contrast
    # that with ...", "Any 'cleareyed' reading ...").
    if phrase and not phrase.isupper() and not (" " not in phrase and phrase.casefold() in resolver.common):
        speaker, _ = resolver.resolve(phrase, sentence_start)
        return speaker, phrase, "sentence subject", ""
    if told_before is not None and told_before[0] and not narration.strip():
        # A quote that is a sentence alone, after one that reports speech ("The board said on Monday
        # that ...") or introduces it ("The board released this statement:"): that sentence's subject.
        return told_before[0], told_before[1], "reporting verb before the quote", ""
    # Not a run of one speaker's quotes: the person last named is the likelier speaker than the last
    # one quoted (measured on news), but neither is said to speak, so the row says it is a guess.
    person = resolver.last_person()
    if person:
        return person, person, "last person named", "no reporting verb: the person named last before it"
    if last_speaker is not None:
        return last_speaker[0], last_speaker[1], "previous speaker", \
            "no reporting verb, and it does not continue the previous speaker's quotes"
    return None
