"""Directional reuse: how much of one article's text stands in another, which article most likely
derives from which, and a derived / partly derived / independent label.

Similarity (``reuse``) is symmetric; the question journalism researchers ask is not: "how much of
this outlet's story is the wire's, and how much of the wire story did it keep?". Containment
answers it: the share of an article's text found in the other article. Text is compared as
overlapping four-character sequences of its letters and digits (case, spaces and punctuation left
out), each weighted by how rare it is in the texts compared (smoothed inverse document frequency),
so any language and any word spacing work alike, and a shared name or number counts for more than a
shared common syllable.

The labels' thresholds were calibrated on COUNTER (600 Urdu news-agency texts and the newspaper
stories written from them, each labelled by people as wholly, partially or not derived): see
``benchmarks/reuse_counter.py`` and docs/coverage.md for the figures and how far to trust them.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.coverage.reuse import reuse_pairs

__all__ = ["GRAM", "PARTLY_DERIVED_FROM", "DERIVED_FROM", "SOURCE_KINDS", "DERIVATION_LABELS", "DERIVATION_COLUMNS",
           "OUTLET_DERIVATION_COLUMNS", "outlet_derivation",
           "character_grams", "containment", "derivation_label", "derivation"]

GRAM = 4  # characters per sequence
# Containment of the derived text in its source at which a pair is labelled partly derived, and
# derived: calibrated on COUNTER's development part (the thresholds with the best macro-F1).
PARTLY_DERIVED_FROM = 0.12
DERIVED_FROM = 0.44
# Article kinds (the ``kind`` column) that are sources by nature: of two articles of the same date,
# one of these kinds is taken as the source.
SOURCE_KINDS = frozenset({"wire", "agency", "news agency", "press release"})
DERIVATION_LABELS = ["derived", "partly derived", "independent"]
DERIVATION_COLUMNS = ["source_id", "source_outlet", "source_date", "derived_id", "derived_outlet", "derived_date",
                      "derived_in_source", "source_in_derived", "similarity", "direction", "label"]

_NOT_LETTERS = re.compile(r"[\W_]+")


def character_grams(text: str) -> set[str]:
    """Return the set of overlapping ``GRAM``-character sequences of a text's letters and digits,
    casefolded, with spaces and punctuation left out ("Kim's" and "Kims" read alike)."""
    letters = _NOT_LETTERS.sub("", text.casefold())
    return {letters[i:i + GRAM] for i in range(len(letters) - GRAM + 1)}


def _gram_codes(text: str) -> np.ndarray:
    """Return the ``character_grams`` of a text, each time one occurs, as 64-bit numbers (a polynomial
    hash of the four characters' code points: equal sequences give equal numbers, and two different
    sequences one number with a chance of about one in 2**64)."""
    letters = np.frombuffer(_NOT_LETTERS.sub("", text.casefold()).encode("utf-32-le"), dtype=np.uint32)
    if len(letters) < GRAM:
        return np.empty(0, dtype=np.uint64)
    codes = np.zeros(len(letters) - GRAM + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(GRAM):
            codes = codes * _MULTIPLIER + letters[offset:offset + len(codes)].astype(np.uint64)
    return codes


_MULTIPLIER = np.uint64(0x100000001B3)  # a large odd number (FNV's prime): code points up to 0x10FFFF mix well


class _Grams:
    """The four-character sequences of some texts, a row per text: ``indices`` (the sequences each
    text holds, as column numbers, sorted within a row, rows delimited by ``indptr``: a sparse
    matrix's layout without its ones), ``weights`` (each sequence's smoothed inverse document
    frequency, log((1 + n) / (1 + df)) + 1), ``counts`` (each text's occurrences of each of its
    sequences), ``occurrences`` (each sequence's in all the texts) and ``lengths`` (each text's
    number of sequences). Kept lean, in 32-bit numbers where they fit: 20,000 articles hold some
    40 million (text, sequence) entries."""

    def __init__(self, texts: list[str]) -> None:
        codes_of, counts_of = [], []
        for text in texts:
            codes, counts = np.unique(_gram_codes(text), return_counts=True)
            codes_of.append(codes)
            counts_of.append(counts.astype(np.int32))
        self.indptr = np.concatenate([[0], np.cumsum([len(codes) for codes in codes_of])]).astype(np.int64)
        self.counts = np.concatenate(counts_of) if counts_of else np.empty(0, dtype=np.int32)
        self.lengths = np.array([counts.sum() for counts in counts_of], dtype=np.float64)
        del counts_of
        every = np.concatenate(codes_of) if codes_of else np.empty(0, dtype=np.uint64)
        del codes_of
        distinct = np.unique(every)
        # Each text's codes are sorted, and so are the distinct codes: its column numbers come sorted.
        self.indices = np.searchsorted(distinct, every).astype(np.int32 if len(distinct) < 2 ** 31 else np.int64)
        del every
        documents = np.bincount(self.indices, minlength=len(distinct))
        self.weights = np.log((1.0 + len(texts)) / (1.0 + documents)) + 1.0
        self.occurrences = np.bincount(self.indices, weights=self.counts, minlength=len(distinct))

    def _row(self, text: int) -> slice:
        return slice(self.indptr[text], self.indptr[text + 1])

    def containment(self, part: np.ndarray, whole: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return (observed, expected) weighted shares of the sequences of texts ``part`` found in
        texts ``whole``: found, and to be expected by chance in a text of ``whole``'s length whose
        sequences were drawn at random from those of the other texts (each sequence's chance to be
        there 1 - exp(-length x its share of the rest's sequences)). The two texts compared are left
        out of the rest, so that a sequence only they share is not expected by chance, however
        small the corpus; with no other text, nothing is expected."""
        total = self.occurrences.sum()
        observed, expected = np.zeros(len(part)), np.zeros(len(part))
        for k, (a, b) in enumerate(zip(part.tolist(), whole.tolist())):
            columns = self.indices[self._row(a)]
            if not len(columns):
                continue
            weights = self.weights[columns]
            weights_total = weights.sum()
            others = self.indices[self._row(b)]
            observed[k] = weights[np.isin(columns, others, assume_unique=True)].sum() / weights_total
            rest = total - self.lengths[a] - (self.lengths[b] if b != a else 0)
            if rest > 0:
                own = self.counts[self._row(a)].astype(np.float64)
                if b != a:  # the whole's occurrences of the part's sequences left out too
                    where = np.searchsorted(others, columns)
                    found = (where < len(others)) & (others[np.minimum(where, len(others) - 1)] == columns)
                    own = own + np.where(found, self.counts[self.indptr[b] + np.minimum(where, len(others) - 1)], 0)
                frequency = (self.occurrences[columns] - own) / rest
                expected[k] = (weights * -np.expm1(-self.lengths[b] * frequency)).sum() / weights_total
        return observed, expected


def containment(texts, first, second, *, raw: bool = False) -> np.ndarray:
    """Return, for each k, the share of text ``first[k]`` that stands in text ``second[k]`` beyond
    what chance would put there: (observed - expected) / (1 - expected), where observed is the
    weighted share of its four-character sequences found in the other text and expected the share
    a text of the other's length would hold by chance (its sequences drawn at random from all the
    texts'). 1 when all of it is there; about 0 for unrelated texts, in any language (a common
    syllable is in most long texts); below 0 when less than chance. ``raw=True``: observed alone.

    ``texts`` are the texts compared (the rarity weights and chance are counted among them);
    ``first`` and ``second`` are positions in ``texts``. Each distinct text is read once.
    """
    return _containments(texts, [(first, second)], raw=raw)[0]


def _containments(texts, pairs, *, raw: bool = False) -> list[np.ndarray]:
    """Return ``containment`` for each (first, second) of ``pairs``, the texts' sequences read once."""
    texts = list(texts)
    codes, distinct = pd.factorize(pd.Series(texts, dtype=object))
    grams = _Grams(list(distinct)) if any(len(first) for first, _ in pairs) else None
    results = []
    for first, second in pairs:
        first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
        if not len(first):
            results.append(np.empty(0))
            continue
        observed, expected = grams.containment(codes[first], codes[second])
        if raw:
            results.append(observed)
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            results.append(np.where(expected < 1, (observed - expected) / (1 - expected), 0.0))
    return results


def derivation_label(derived_in_source) -> np.ndarray:
    """Return "derived", "partly derived" or "independent" for containments of a derived text in
    its source, by ``DERIVED_FROM`` and ``PARTLY_DERIVED_FROM``."""
    share = np.asarray(derived_in_source, dtype=float)
    return np.where(share >= DERIVED_FROM, "derived", np.where(share >= PARTLY_DERIVED_FROM, "partly derived",
                                                                "independent"))


def _is_source_kind(kind) -> bool:
    return isinstance(kind, str) and kind.strip().casefold() in SOURCE_KINDS


def derivation(corpus, pairs: pd.DataFrame | None = None, *, min_similarity: float = 0.1,
               top: int | None = 5) -> pd.DataFrame:
    """Return which article most likely derives from which, for the pairs of articles alike enough
    to ask: each pair's containment in both directions and a label.

    ``pairs``: a ``coverage.reuse_pairs`` table (article_a, article_b, similarity), as the pipeline
    keeps it; by default ``reuse_pairs(corpus, min_similarity=min_similarity, top=top)`` (each
    article's ``top`` most alike partners at TF-IDF cosine ``min_similarity`` or more: a derived
    story rewritten in other words can fall under the pipeline's 0.3).

    The source is the article published first; of two on the same date (or without dates), an
    article whose ``kind`` is a wire, agency or press release (``SOURCE_KINDS``); otherwise the
    article more of whose text stands in the other (so that the label reads the larger share), with
    ``direction`` saying that the order is not known. ``derived_in_source``: the share of the
    derived article's text found in the source ("how much of this story is the wire's");
    ``source_in_derived``: the share of the source it kept. ``label``: "derived",
    "partly derived" or "independent" by ``derived_in_source`` (``derivation_label``).

    Columns: source_id, source_outlet, source_date, derived_id, derived_outlet, derived_date,
    derived_in_source, source_in_derived, similarity, direction ("earlier date", "source kind" or
    "not known: same date" / "not known: no date"), label. Most derived first.
    """
    if pairs is None:
        pairs = reuse_pairs(corpus, min_similarity=min_similarity, top=top)
    articles = corpus.articles.reset_index(drop=True)
    if pairs.empty:
        return pd.DataFrame(columns=DERIVATION_COLUMNS)
    position = pd.Series(np.arange(len(articles)), index=articles["article_id"])
    unknown = sorted(set(pairs["article_a"]).union(pairs["article_b"]) - set(position.index))
    if unknown:
        raise KeyError(f"The pairs name articles that are not in the corpus: {', '.join(map(str, unknown[:5]))}; "
                       "pass the reuse_pairs of this corpus")
    a = position.loc[pairs["article_a"]].to_numpy()
    b = position.loc[pairs["article_b"]].to_numpy()
    texts = articles["text"].fillna("").tolist()
    a_in_b, b_in_a = _containments(texts, [(a, b), (b, a)])
    dates = pd.to_datetime(articles["date"], errors="coerce").to_numpy()
    kinds = np.array([_is_source_kind(kind) for kind in articles.get("kind", pd.Series([None] * len(articles)))])
    a_date, b_date = dates[a], dates[b]
    dated = ~pd.isna(a_date) & ~pd.isna(b_date)
    a_first = np.zeros(len(a), dtype=bool)
    direction = np.empty(len(a), dtype=object)
    earlier = dated & (a_date != b_date)
    a_first[earlier] = (a_date < b_date)[earlier]
    direction[earlier] = "earlier date"
    by_kind = ~earlier & (kinds[a] != kinds[b])
    a_first[by_kind] = kinds[a][by_kind]
    direction[by_kind] = "source kind"
    rest = ~earlier & ~by_kind
    a_first[rest] = (b_in_a >= a_in_b)[rest]  # the more contained text reads as derived
    direction[rest & dated] = "not known: same date"
    direction[rest & ~dated] = "not known: no date"
    source = np.where(a_first, a, b)
    derived = np.where(a_first, b, a)
    derived_in_source = np.where(a_first, b_in_a, a_in_b)
    source_in_derived = np.where(a_first, a_in_b, b_in_a)
    table = pd.DataFrame({
        "source_id": articles["article_id"].to_numpy()[source], "source_outlet": articles["outlet"].to_numpy()[source],
        "source_date": articles["date"].to_numpy()[source],
        "derived_id": articles["article_id"].to_numpy()[derived],
        "derived_outlet": articles["outlet"].to_numpy()[derived], "derived_date": articles["date"].to_numpy()[derived],
        "derived_in_source": derived_in_source.round(3), "source_in_derived": source_in_derived.round(3),
        "similarity": pairs["similarity"].to_numpy().round(3), "direction": direction,
        "label": derivation_label(derived_in_source)}, columns=DERIVATION_COLUMNS)
    return table.sort_values(["derived_in_source", "source_id", "derived_id"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


OUTLET_DERIVATION_COLUMNS = ["derived_outlet", "source_outlet", "articles", "derived", "partly_derived",
                             "median_from_source", "median_source_kept"]


def outlet_derivation(table: pd.DataFrame) -> pd.DataFrame:
    """Return what each outlet took from each other outlet, from a ``derivation`` table: each
    article's most likely source (the row where most of it stands in the other article), counted by
    outlet and source outlet, for the articles labelled derived or partly derived.

    Columns: derived_outlet, source_outlet, articles (that took text from that outlet), derived,
    partly_derived (of them, by label), median_from_source (the median share of those articles'
    text found in their source: "how much of this outlet's story is the wire's"),
    median_source_kept (the median share of the source they kept). Most articles first.
    """
    taken = table[table["label"] != "independent"]
    if taken.empty:
        return pd.DataFrame(columns=OUTLET_DERIVATION_COLUMNS)
    best = (taken.sort_values(["derived_in_source", "source_id"], ascending=[False, True], kind="stable")
            .drop_duplicates("derived_id"))
    grouped = best.groupby(["derived_outlet", "source_outlet"], sort=True)
    summary = pd.DataFrame({
        "articles": grouped.size(),
        "derived": grouped["label"].apply(lambda labels: int((labels == "derived").sum())),
        "partly_derived": grouped["label"].apply(lambda labels: int((labels == "partly derived").sum())),
        "median_from_source": grouped["derived_in_source"].median().round(3),
        "median_source_kept": grouped["source_in_derived"].median().round(3),
    }).reset_index()
    return summary.sort_values(["articles", "derived_outlet", "source_outlet"], ascending=[False, True, True],
                               kind="stable").reset_index(drop=True)[OUTLET_DERIVATION_COLUMNS]
