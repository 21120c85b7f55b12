"""Lexical similarity for story clustering: tf-idf over the words of title and lead, with document
frequencies counted incrementally over the articles seen so far.

Embeddings of two events of one subject (two earthquakes, two arrests of one actor) sit close together; the
words that tell them apart (a place, a number, a weekday, a victim's name) are rare across the stream, and
IDF weighting makes exactly those count. Learning the IDF from the stream itself needs no word list and adapts
to the beat the service covers; it is a pure function of the documents seen, so replay gives the same weights.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Mapping

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]", re.UNICODE)
_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "told", "according", "reported", "news"}


def term_frequencies(text: str) -> dict[str, float]:
    """Sublinear term weights (1 + ln count) of the content words of a text, lower-cased.

    Sublinear, because a lead repeating a word three times is not three times as much about it.
    """
    counts = Counter(
        token
        for token in (match.group(0).lower().replace("’", "'") for match in _TOKEN.finditer(text))
        if token not in _STOP_WORDS and (len(token) > 1 or token.isdigit())
    )
    return {term: 1.0 + math.log(count) for term, count in counts.items()}


class DocumentFrequencies:
    """How many of the documents seen so far contain each term."""

    def __init__(self) -> None:
        self.documents = 0
        self._counts: Counter[str] = Counter()

    def add(self, terms: Mapping[str, float]) -> None:
        self.documents += 1
        self._counts.update(terms.keys())

    def idf(self, term: str) -> float:
        # Smoothed as in scikit-learn: an unseen term gets the highest weight, a term in every document
        # still weighs 1 rather than 0, so a tiny stream (the first few articles) degrades to plain tf.
        return math.log((1 + self.documents) / (1 + self._counts.get(term, 0))) + 1.0


def tfidf_cosine(doc_terms: Mapping[str, float], group_terms: Mapping[str, float], frequencies: DocumentFrequencies) -> float:
    """Cosine of the doc's tf-idf vector and a group's summed term weights, both weighted by the current IDF."""
    if not doc_terms or not group_terms:
        return 0.0
    idf = {term: frequencies.idf(term) for term in doc_terms}
    dot = sum(weight * idf[term] ** 2 * group_terms[term] for term, weight in doc_terms.items() if term in group_terms)
    if dot == 0.0:
        return 0.0
    doc_norm = math.sqrt(sum((weight * idf[term]) ** 2 for term, weight in doc_terms.items()))
    group_norm = math.sqrt(sum((weight * frequencies.idf(term)) ** 2 for term, weight in group_terms.items()))
    return dot / (doc_norm * group_norm)
