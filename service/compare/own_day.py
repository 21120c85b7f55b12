"""Two reports weeks apart, each of the news of its own day, tell two occurrences, not two days of one.

A story runs for weeks: an administration's memo, then the reversal of the rule; a first protest, then a second.
"The Obama administration overturned ... today" in an article of 28 April 2009 and "President Obama on Tuesday
overturned a last-minute Bush administration regulation" in one of 3 March 2009 each date the act at the day they
were published, and the aligner may link them as one fact, told twice. Two outlets that dispute one occurrence's
day write about it within days of each other ("today" in an article of 27 April against "last Friday" in one of
28 April), and at least one of them places it away from its own publication day.
"""

from __future__ import annotations

import datetime as dt

from service.records import Article, TimeExpression

# "Within a day" of the publication day: a dateline's day and the day the event is told as "today" or "on
# Tuesday" differ by one across time zones and overnight editions.
OWN_DAY_SLACK = dt.timedelta(days=1)
# More than a week between the two articles. Outlets reporting one occurrence publish within the week it happened:
# the same-day wire story, the next morning's paper, a weekly's round-up, all name its day by a weekday ("last
# Friday") that reaches at most a week back. An article more than a week later that still tells the event as the
# news of its own day tells a new occurrence. Below a week, a late report that puts an event a few days old on
# its own day is the kind of error worth raising (the gold set's disputes lie between articles a day apart).
SEPARATE_REPORTS = dt.timedelta(days=7)


def _publication_day(article: Article) -> dt.date | None:
    return article.published.complete if article.published else None


def on_own_day(time: TimeExpression, article: Article) -> bool:
    """Whether every day the date can denote lies within a day of the article's publication day."""
    published = _publication_day(article)
    if published is None or time.begin is None or time.end is None:
        return False
    return published - OWN_DAY_SLACK <= time.begin and time.end <= published + OWN_DAY_SLACK


def separate_occurrences(time_a: TimeExpression, a: Article, time_b: TimeExpression, b: Article) -> bool:
    """Whether two dates of linked claims are each the news of its own article's day, in articles more than a
    week apart: two occurrences of the story, not one fact dated two ways."""
    day_a, day_b = _publication_day(a), _publication_day(b)
    if day_a is None or day_b is None or abs(day_a - day_b) <= SEPARATE_REPORTS:
        return False
    return on_own_day(time_a, a) and on_own_day(time_b, b)
