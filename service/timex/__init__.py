"""Temporal tagging and normalisation for English news: finds dates, times, durations and vague references,
resolves them against the publication date, and compares two of them."""

from service.timex.publication import detect_publication_date
from service.timex.relate import TimeRelation, relate
from service.timex.tagger import tag_times

__all__ = ["TimeRelation", "detect_publication_date", "relate", "tag_times"]
