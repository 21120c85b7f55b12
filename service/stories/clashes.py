"""Two events of one subject, told apart by words that exclude each other across the articles about them.

Reports of the 76ers firing Maurice Cheeks and of them hiring him years earlier, or of two Klitschko title
defences, embed so close together that no threshold on their similarity keeps them apart. What does is how the
words of their leads fall: among the articles of one subject, one group names Hasim Rahman and never Tony
Thompson, the other names Thompson and never Rahman, while both name Klitschko. Two words that are each common
there but almost never appear in one article together mark two events; an article with the one and not the other
and an article with the other and not the one report different events.

"Almost never" is a test: given how many of the n articles have each word, the hypergeometric probability of
seeing as few articles with both as were seen. Many word pairs are tested, so the probability must fall below the
significance divided by the number of pairs tested (Bonferroni): by chance alone a clash turns up in one group of
articles out of 1/significance. Within one event, words are shared by nearly all articles (the event's own) or by
a few (one outlet's details); neither kind can reach significance, the second because a word in fewer than
`MIN_ARTICLES` articles is not tested at all.

The result depends only on the articles given (not on their order), so a clusterer that applies it to a region it
re-forms from scratch stays independent of arrival order.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

import numpy as np
from scipy.special import gammaln
from scipy.stats import hypergeom

# A word must be in this many of the articles, and missing from as many, to be tested: with fewer, even a perfect
# split cannot be told from chance, and testing it only loosens the correction for the others.
MIN_ARTICLES = 3


def opposed_pairs(words: Sequence[frozenset[str]], significance: float) -> np.ndarray:
    """Which articles (indexes into `words`, each article's content words) stand on opposite sides of a
    significant clash: a symmetric boolean matrix, True where one article has word x and not y and the other
    has y and not x, for some pair (x, y) that co-occurs significantly less often than chance would have it."""
    n = len(words)
    opposed = np.zeros((n, n), dtype=bool)
    if significance <= 0.0 or n < 2 * MIN_ARTICLES:
        return opposed
    counts = Counter(word for article in words for word in article)
    tested = sorted(word for word, count in counts.items() if MIN_ARTICLES <= count <= n - MIN_ARTICLES)
    if len(tested) < 2:
        return opposed
    column = {word: k for k, word in enumerate(tested)}
    has = np.zeros((n, len(tested)), dtype=np.float64)
    for row, article in enumerate(words):
        for word in article:
            k = column.get(word)
            if k is not None:
                has[row, k] = 1.0
    together = has.T @ has
    articles_with = has.sum(axis=0)
    first, second = np.triu_indices(len(tested), 1)
    pairs = len(first)
    # Only pairs seen together less often than expected can be significant (the probability of at most the
    # expected count is about a half): the rest are not worth the probability.
    fewer = together[first, second] < articles_with[first] * articles_with[second] / n
    # Nor can a pair whose least possible count is not improbable enough (one of the two words is rare): the
    # probability of at most any count is at least that of the least one, which costs a few log-gammas.
    fewer &= _log_least_count_probability(n, articles_with[first], articles_with[second]) < np.log(significance / pairs)
    first, second = first[fewer], second[fewer]
    # P(at most this many articles with both | n articles, how many have each): small means they avoid each other
    chance = hypergeom.cdf(together[first, second], n, articles_with[first], articles_with[second])
    for k in np.flatnonzero(chance < significance / pairs):
        x, y = has[:, first[k]] > 0, has[:, second[k]] > 0
        only_x, only_y = x & ~y, y & ~x
        opposed[np.ix_(only_x, only_y)] = True
        opposed[np.ix_(only_y, only_x)] = True
    return opposed


def _log_binomial(n: np.ndarray | int, k: np.ndarray) -> np.ndarray:
    return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1)


def _log_least_count_probability(n: int, with_x: np.ndarray, with_y: np.ndarray) -> np.ndarray:
    """log P(X = least possible) for X ~ hypergeometric(n articles, with_x marked, with_y drawn)."""
    least = np.maximum(0.0, with_x + with_y - n)
    return _log_binomial(with_x, least) + _log_binomial(n - with_x, with_y - least) - _log_binomial(n, with_y)
