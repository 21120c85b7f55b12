"""Ingest: decode submitted bytes and clean an article's text without moving any character."""

from service.ingest.decode import decode_text
from service.ingest.prepare import Prepared, prepare

__all__ = ["Prepared", "decode_text", "prepare"]
