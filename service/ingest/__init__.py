"""Ingest: clean an article's text without moving any character. (Submitted bytes are decoded at the edge, by
service.convert.article_input.)"""

from service.ingest.prepare import Prepared, prepare

__all__ = ["Prepared", "prepare"]
