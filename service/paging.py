"""Page tokens: opaque to callers, checked on the way back in.

A token wraps the store's keyset cursor (the sort key of the last item of the page) so that a caller cannot
mistake it for something to build or edit, and a token this server did not give is refused with a clear message
instead of silently starting from the first page."""

from __future__ import annotations

import base64
import binascii
import re

from service.errors import InvalidInput, shown

_PREFIX = "articles:v1:"
# What the stores' article cursors look like: publication day (0000-00-00 when unknown) | article id.
_ARTICLE_CURSOR = re.compile(r"\d{4}-\d{2}-\d{2}\|[^\s|]{1,256}")
MAX_TOKEN_CHARS = 512


def article_token(cursor: str) -> str:
    if not cursor:
        return ""
    return base64.urlsafe_b64encode((_PREFIX + cursor).encode("utf-8")).decode("ascii")


def article_cursor(token: str) -> str:
    """The cursor inside a token from `article_token`; "" for the first page. Raises InvalidInput otherwise."""
    if not token:
        return ""
    wrong = InvalidInput(f"page_token: {shown(token, 40)} is not a token this server gave; pass the "
                         "next_page_token of the previous page, or none for the first page")
    if len(token) > MAX_TOKEN_CHARS:
        raise wrong
    try:
        decoded = base64.urlsafe_b64decode(token.encode("ascii")).decode("utf-8")
    except (UnicodeError, binascii.Error, ValueError):
        raise wrong from None
    cursor = decoded.removeprefix(_PREFIX)
    if cursor == decoded or not _ARTICLE_CURSOR.fullmatch(cursor):
        raise wrong
    return cursor
