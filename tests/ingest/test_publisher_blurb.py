"""A press release's closing paragraphs about its own publisher are not its news."""

from __future__ import annotations

from service.ingest import prepare

RELEASE = """<!DOCTYPE html><html><head><title>Northwind announces distribution partnership</title>
<meta property="og:site_name" content="{site}"></head><body>
<h1>Northwind and Harbor Health sign an agreement for intensive care units</h1>
<div class="par parsys"><div class="text parbase">
<p>BAAR, SWITZERLAND - Northwind today announced a distribution partnership with Harbor Health for intensive
care units in Europe, under which Harbor Health will sell Northwind's alarm software to its hospital customers.</p>
<p>The agreement covers eleven countries and starts in January, and the two companies expect the first
installations in Germany and France before the summer, the companies said in a joint statement.</p>
</div>
<div class="text parbase"><div><hr>
<p style="font-size: 12.0px;line-height: 16.0px;"><br>
Northwind is a global solutions provider focused on healthcare ICT and mobile workflow solutions. Its vision is
to close digital information gaps, allowing for the best possible decisions anytime and anywhere.</p>
<p>Northwind is headquartered in Baar (Switzerland), has subsidiaries in 15 countries and employs around 1,300
people worldwide. Its registered shares are listed on the SIX Swiss Exchange in Zurich.</p>
</div></div></div></body></html>"""


def kept(site: str) -> str:
    prepared = prepare(RELEASE.format(site=site), "text/html", "https://www.northwind.example/news/partnership")
    return " ".join(" ".join(p.of(prepared.clean).split()) for p in prepared.paragraphs)


def test_the_publishers_closing_description_of_itself_is_blanked():
    text = kept("Northwind")
    assert "distribution partnership with Harbor Health" in text and "two companies expect" in text
    assert "global solutions provider" not in text and "headquartered in Baar" not in text


def test_the_same_paragraphs_on_another_outlets_page_are_its_reporting():
    text = kept("Swiss Business Wire")
    assert "global solutions provider" in text and "headquartered in Baar" in text
