"""Which date a web page that declares none shows for its article, and which it shows for itself."""

from __future__ import annotations

from service.articles import HTML, build_article
from service.records import ArticleInput, PartialDate

MENU = "".join(f'<li><a href="/{section.lower()}">{section}</a></li>' for section in (
    "Courts", "Probate", "Foreclosures", "New Corporations", "Real Estate Transfers", "Bankruptcies",
    "Legal Notices", "Public Notices", "Sheriff Sales", "Marriage Licenses", "Divorces", "Judgments",
    "Liens", "Building Permits", "Zoning Appeals", "City Council", "County Commissioners", "School Boards",
    "Obituaries", "Opinion", "Letters to the Editor", "Classifieds", "Jobs", "Events Calendar",
    "Advertise With Us", "Contact Us", "About Us", "Archives", "E-Edition", "Digital Subscription"))
QUICK_LINKS = "".join(f'<li><a href="/q{number}">{link}</a></li>' for number, link in enumerate((
    "Search Court Records", "Search Property Records", "Place a Legal Notice", "Attorney Directory",
    "Court Calendars", "Judges' Schedules", "Forms and Fees", "Reprints and Permissions", "Manage My Account",
    "Renew Subscription", "Email Alerts", "RSS Feeds", "Mobile App")))

ARTICLE = """<article><h2>County approves new courthouse annex</h2>
{date_line}
<p>The Cuyahoga County council approved on Tuesday the construction of a four-storey annex to the
courthouse on Lakeside Avenue, ending a dispute over its cost that had lasted more than two years.</p>
<p>The annex will house the probate court and the clerk's office, which now rent space in three buildings
downtown, and it is expected to open in the spring of 2022, the council's president told reporters.</p>
<p>Opponents said the county should have renovated the old building instead, and two members voted
against the plan, arguing that the estimate of 48 million dollars would rise before the work began.</p>
</article>"""


def page(date_line: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>County approves new courthouse annex - Daily Legal News</title></head><body>
<div class="masthead"><h1>Daily Legal News</h1>
<div class="today">Wednesday, August 19, 2020</div><a href="/subscribe">Subscribe Today</a></div>
<div class="menu"><ul>{MENU}</ul><h4>Quick links</h4><ul>{QUICK_LINKS}</ul></div>
<main>{ARTICLE.format(date_line=date_line)}</main>
<footer><p>Daily Legal News, 2530 Superior Ave, Cleveland.</p></footer></body></html>"""


def published(html: str) -> PartialDate | None:
    return build_article(ArticleInput(text=html, url="https://legalnews.example/annex", content_type=HTML),
                         max_chars=100_000).published


def test_the_masthead_day_of_a_daily_site_is_not_its_articles_date():
    # The masthead shows the day the page was served, a menu of sections away from the article.
    assert published(page()) is None


def test_a_date_line_above_the_article_dates_it():
    article = build_article(ArticleInput(text=page("<div>August 18, 2020</div>"),
                                         url="https://legalnews.example/annex", content_type=HTML), 100_000)
    assert article.published == PartialDate(2020, 8, 18) and article.published_by == "text"
    assert article.published_span is not None
    assert article.text[article.published_span.start:article.published_span.end] == "August 18, 2020"
