"""Property tests through the real server: whatever Unicode text or HTML a caller sends, Extract answers with a
result or INVALID_ARGUMENT (never INTERNAL or UNKNOWN), every span lies inside the submitted text and carries the
words found there, and health answers throughout."""

from __future__ import annotations

import grpc
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from client import CrosscheckClient, Rejected, article_from_text
from tests.robustness.spans import spans_of, squeezed

SENTENCE = "The ministers met in Geneva on Monday and agreed to resume the talks, officials said."
WORDS = ["Geneva", "talks", "said", "“", "”", '"', "'", "Mr.", "U.S.", "—", "2013", "March 25", "not", "\n", "\n\n",
         "12,000", "5.9-magnitude", "–", "é", "ß", "😀", "\u200b", "\u0301", "\r\n", "(AP)", "MOSCOW,", "Friday"]
TAGS = ["<p>", "</p>", "<div class='ad'>", "</div>", "<br>", "<script>var x=1;</script>", "<h1>", "</h1>",
        "&amp;", "&nbsp;", "&#8220;", "<!-- c -->", "<time datetime='2013-03-25'>", "</time>", "<a href='/x'>",
        "</a>", "<meta property='og:site_name' content='Wire'>"]

texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12), st.just(SENTENCE)), max_size=40).map(
    " ".join)
pages = st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(WORDS), st.just(SENTENCE), st.text(max_size=8)),
                 max_size=50).map(lambda parts: "<html><body>" + "".join(parts) + "</body></html>")


# What plain-text cleaning may blank inside a kept sentence: markdown's emphasis, link brackets and bullets.
_MARKUP_CHARACTERS = frozenset("*_[]()#>+-•·")


def _blanked_from(shown: str, original: str) -> bool:
    """`shown` is `original` with only markup characters left out (both without whitespace)."""
    at = 0
    for character in original:
        if at < len(shown) and shown[at] == character:
            at += 1
        elif character not in _MARKUP_CHARACTERS:
            return False
    return at == len(shown)


def _check(client: CrosscheckClient, text: str, html: bool) -> None:
    try:
        response = client.extract(article_from_text(text, html=html))
    except Rejected as error:
        assert error.code is grpc.StatusCode.INVALID_ARGUMENT, (error.code, error.message)
        return
    for what, span, shown in spans_of(response):
        assert 0 <= span.start <= span.end <= len(text), (what, span.start, span.end, len(text))
        if not html and what in ("sentence", "claim"):
            assert _blanked_from(squeezed(shown), squeezed(text[span.start:span.end])), (what, shown)
    assert client.health() == "SERVING"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
@example(text=SENTENCE + " __:")  # markdown emphasis blanked inside the sentence
def test_any_text_gets_a_result_or_invalid_argument_with_spans_inside_it(client, text):
    _check(client, text, html=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=pages)
def test_any_page_gets_a_result_or_invalid_argument_with_spans_inside_it(client, page):
    _check(client, page, html=True)
