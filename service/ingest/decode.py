"""Bytes to text: UTF-8 only, so that the offsets a caller computes on its own copy stay valid."""

from __future__ import annotations

import codecs

from service.errors import InvalidInput


def decode_text(data: bytes, where: str) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped); anything else is rejected, not guessed.

    Guessing a legacy encoding would silently change characters and so the caller's offsets; naming the
    article and the first bad byte lets the caller fix the input instead.
    """
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        raise InvalidInput(
            f"{where}: text is not valid UTF-8: byte 0x{data[offset]:02x} at byte offset {offset} ({exc.reason})"
        ) from exc
