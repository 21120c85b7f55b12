import json
import re
import subprocess
import sys
from pathlib import Path

from crosscheck_render import from_message, render_html, render_json, render_markdown
from crosscheck_render import records
from crosscheck_render.markdown import diff_markdown
from tests.reports.reports_fixture import html_keys, markdown_keys, report_keys, talks_report


def test_the_three_formats_carry_the_same_findings():
    report = talks_report()
    keys = report_keys(report)
    assert len(keys) == 5
    assert html_keys(render_html(from_message(report))) == keys
    assert markdown_keys(render_markdown(from_message(report))) == keys
    document = json.loads(render_json(report))
    assert {f["key"] for s in document["stories"] for part in ("discrepancies", "agreements", "uncorroborated")
            for f in s.get(part, [])} == keys


def test_json_uses_proto_field_names():
    document = json.loads(render_json(talks_report()))
    assert "content_digest" in document and "contentDigest" not in document
    assert document["totals"]["articles"] == 3


def test_html_escapes_article_text_and_fetches_nothing():
    html = render_html(from_message(talks_report()))
    assert "<script" not in html
    assert "Lavrov &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "Antonov said &lt;b&gt;&amp;&lt;/b&gt;." in html
    assert "default-src &#x27;none&#x27;" in html or "default-src 'none'" in html
    assert not re.search(r'\bsrc\s*=\s*"', html)
    # Links only navigate when clicked (nothing is fetched to show the page): to a finding in the page, or to
    # an article's own web address.
    for target in re.findall(r'\bhref\s*=\s*"([^"]*)"', html):
        assert target.startswith(("#finding-", "https://", "http://")), target
    assert "url(" not in html and "@import" not in html


def test_article_links_are_web_addresses_only():
    from crosscheck_render.html import _article_title

    web = records.Article("a", title="Talks <resume>", url="https://example.com/story?a=1&b=2")
    assert _article_title(web) == ('<a class="article-link" href="https://example.com/story?a=1&amp;b=2" '
                                   'rel="noopener noreferrer">Talks &lt;resume&gt;</a>')
    assert _article_title(records.Article("b", title="x", url="javascript:alert(1)")) == "x"


def test_html_quote_diff_marks_insertions_deletions_and_harmless_spelling():
    html = render_html(from_message(talks_report()))
    diff = re.search(r'<div class="quote-diff">.*?</p></div>', html).group(0)
    assert '<ins class="material" data-category="function word">the</ins>' in diff
    assert '<del class="harmless" data-category="spelling variant">defense,</del>' in diff
    assert '<ins class="harmless" data-category="spelling variant">defence</ins>' in diff
    assert "spelling variant, harmless" in diff


def test_html_matrix_has_one_row_per_source():
    html = render_html(from_message(talks_report()))
    rows = re.findall(r'<tr class="source-row" data-source="([^"]+)"', html)
    assert rows == ["Reuters", "Sputnik", "The Moscow Times"]


def test_markdown_diff_strikes_deletions_and_bolds_insertions_with_their_category():
    text = diff_markdown([
        records.DiffEntry("EQUAL", a="on", b="on"),
        records.DiffEntry("INSERT", b="the", category="FUNCTION_WORD"),
        records.DiffEntry("REPLACE", a="defense", b="defence", category="SPELLING"),
        records.DiffEntry("DELETE", a="never", category="NEGATION"),
    ])
    assert text == ("on **the** _(function word)_ ~~defense~~ **defence** _(spelling variant, harmless)_ "
                    "~~never~~ _(negation)_")


def test_markdown_escapes_markup_from_articles():
    markdown = render_markdown(from_message(talks_report()))
    assert "Lavrov \\<script\\>alert(1)\\</script\\> & co" in markdown


def test_markdown_has_the_matrix_and_the_per_source_rates():
    markdown = render_markdown(from_message(talks_report()))
    assert "| **The Moscow Times** | 1/2 (50%) | 0/1 (0%) | — |" in markdown
    assert "| The Moscow Times | 1 | 14 | 2 | 14% |" in markdown


def test_rendering_a_listed_report_without_stories_still_works():
    report = talks_report()
    report.ClearField("stories")
    assert "Stories" in render_html(from_message(report)) and "# Consistency report" in render_markdown(from_message(report))


def test_the_client_renderers_import_nothing_heavy():
    code = ("import sys, crosscheck_render; heavy = {'torch', 'numpy', 'spacy', 'sklearn', 'sentence_transformers'};"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert result.stdout.strip() == "[]"
