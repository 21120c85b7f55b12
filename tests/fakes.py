"""Test doubles for the service's collaborators: they live with the tests, not in the code that ships."""

from __future__ import annotations

import hashlib
from typing import Sequence

import numpy as np


def _normalise(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms


class FakeEmbedder:
    """Deterministic bag-of-words hashing embedder for unit tests: texts sharing words get similar vectors."""

    name = "fake-hashing"

    def __init__(self, dimensions: int = 64) -> None:
        self.dimensions = dimensions
        self.calls = 0
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        rows = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                word = word.strip(".,;:!?\"'()[]“”‘’")
                if not word:
                    continue
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
                rows[i, h % self.dimensions] += 1.0 if (h >> 32) & 1 else -1.0
        return _normalise(rows)
